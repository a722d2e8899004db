import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MergeResult } from '../core/merged.js';
import { materialise } from '../core/merge.js';
import { decodeText, parseSource } from '../core/load.js';
import { normaliseTlp, tlpRank } from '../core/normalise.js';
import { compileSchema, schemaDiagnostics } from '../core/validate.js';
import type { Tlp } from '../core/types.js';
import { renderCsv } from '../render/report/csv.js';
import { renderHtml } from '../render/report/html.js';
import { renderMarkdown } from '../render/report/markdown.js';
import { renderStix } from '../render/report/stix.js';
import type { ReportContext } from '../render/report/tlp.js';
import { chalkFor } from '../io/color.js';
import { UsageError, type Io } from '../io/io.js';
import type { OutputSize } from '../io/memory.js';
import type { Content } from '../io/atomic.js';
import { schemaPath } from './inputs.js';
import { formatDiagnostics, rerunIfLarge, runMergePipeline, type MergeCommandOptions } from './merge-pipeline.js';
import { renderMergedJson } from '../render/merge/json.js';
import { emit, TOOL } from './output.js';
import { cmp } from '../core/util.js';

export const REPORT_FORMATS = ['html', 'markdown', 'csv', 'json', 'stix'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** How much each format holds at once, for the memory check: all are made from the whole result. */
const OUTPUT_SIZE: Record<ReportFormat, OutputSize> = { html: 'html', markdown: 'whole', csv: 'whole', json: 'whole', stix: 'stix' };

export interface ReportOptions extends MergeCommandOptions {
  format: ReportFormat;
  output?: string;
  timestamp?: boolean;
}

export async function runReport(paths: string[], options: ReportOptions, io: Io): Promise<number> {
  // Before the merged result is read: this process should hold nothing while a new one works.
  const rerunCode = await rerunIfLarge(paths, io);
  if (rerunCode !== undefined) return rerunCode;
  const merged = paths.length === 1 && paths[0] !== '-' ? await readMergedResult(resolve(io.cwd, paths[0]!), paths[0]!) : undefined;
  let result: MergeResult;
  if (merged) {
    result = options.audience ? withholdThreats(merged, normaliseTlp(options.audience)!) : merged;
  } else {
    const out = await runMergePipeline(paths, { ...options, outputSize: OUTPUT_SIZE[options.format] }, io);
    if (typeof out === 'number') return out;
    result = materialise(out).result;
  }
  const audience = options.audience ? normaliseTlp(options.audience) : undefined;
  const ctx: ReportContext = {
    toolName: TOOL.toolName,
    toolVersion: TOOL.toolVersion,
    ...(options.timestamp ? { generated: generatedAt(io) } : {}),
    ...(audience ? { audience } : {}),
  };
  const stderr = chalkFor(io.stderr, io, options.color);
  if (!audience && result.threats.some((t) => t.tlp === 'red') && !options.quiet) {
    io.stderr.write(`${stderr.red.bold('warning')} this report contains TLP:RED entries: share it only with the named recipients, or use --audience to withhold them\n`);
  }
  await emit(renderWithin(options.format, result.threats.length, () => render(options.format, result, ctx)), options.output, io);
  if (options.output !== undefined && !options.quiet) io.stderr.write(`wrote ${options.format} report (TLP:${result.tlp.toUpperCase()}) to ${options.output}\n`);
  return 0;
}

/**
 * The report made as one text is refused, not crashed, when it is longer than the longest string
 * V8 can hold (2^29 - 24 characters: an HTML report of ~140,000 entries).
 */
export function renderWithin<T>(format: ReportFormat, threats: number, make: () => T): T {
  try {
    return make();
  } catch (err) {
    if (err instanceof RangeError && /Invalid string length/.test(err.message)) {
      throw new UsageError(
        `the ${format} report of ${threats.toLocaleString('en-US')} joint threats is longer than the longest text Node can hold (about 512 MB); ` +
          'for a result this large use --format markdown or csv, or narrow it with --audience or fewer submissions',
        2,
      );
    }
    throw err;
  }
}

function render(format: ReportFormat, result: MergeResult, ctx: ReportContext): Content {
  switch (format) {
    case 'html': return renderHtml(result, ctx);
    case 'markdown': return renderMarkdown(result, ctx);
    case 'csv': return renderCsv(result, ctx);
    case 'stix': return renderStix(result, ctx);
    case 'json': return renderMergedJson(result);
  }
}

function generatedAt(io: Io): string {
  const epoch = io.env['SOURCE_DATE_EPOCH'];
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : io.now();
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A `merge --format json` result given to `report`, checked against merged.v1; undefined when the file is a submission. */
async function readMergedResult(path: string, name: string): Promise<MergeResult | undefined> {
  if (!/\.json$/i.test(path)) return undefined;
  const bytes = await readFile(path).catch(() => undefined);
  if (!bytes) return undefined;
  const decoded = decodeText(bytes, name);
  if ('diagnostic' in decoded) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(decoded.text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (!looksMerged(value)) return undefined;
  const validator = compileSchema(JSON.parse(await readFile(schemaPath('merged.v1.schema.json'), 'utf8')) as object);
  const errors = validator(value);
  if (errors.length > 0) {
    // Only a result with problems is parsed again, for the positions the messages need.
    const problems = schemaDiagnostics(errors, value, name, parseSource(decoded.text, name, 'json', { fast: false }).locator);
    throw new UsageError(`${name} looks like a merged result but does not follow merged.v1:\n${formatDiagnostics(problems.slice(0, 20))}`, 1);
  }
  return value as MergeResult;
}

function looksMerged(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v['schemaVersion'] === 1 && typeof v['method'] === 'string' && Array.isArray(v['threats']) && Array.isArray(v['partners']) && !('partner' in v);
}

/**
 * An already merged result can only be filtered by whole threats: a threat is kept when all its
 * sources may go to the audience (its marking is the most restrictive of them), so nothing of a
 * withheld entry survives. Merging the submissions with --audience withholds more precisely.
 */
function withholdThreats(result: MergeResult, audience: Tlp): MergeResult {
  const kept = result.threats.filter((t) => tlpRank(t.tlp) <= tlpRank(audience));
  const dropped = result.threats.filter((t) => tlpRank(t.tlp) > tlpRank(audience));
  const byPartner = new Map<string, number>();
  for (const t of dropped) for (const s of t.sources) byPartner.set(s.partner, (byPartner.get(s.partner) ?? 0) + 1);
  const keptIds = new Set(kept.map((t) => t.id));
  const threats = kept.map((t, i) => ({ ...t, rank: i + 1 }));
  return {
    ...result,
    tlp: threats.reduce<Tlp>((m, t) => (tlpRank(t.tlp) > tlpRank(m) ? t.tlp : m), 'clear'),
    threats,
    summary: { ...result.summary, threats: threats.length, entries: threats.reduce((n, t) => n + t.sources.length, 0), withheldEntries: result.summary.withheldEntries + dropped.reduce((n, t) => n + t.sources.length, 0) },
    withheld: [...result.withheld, ...[...byPartner].sort((a, b) => cmp(a[0], b[0])).map(([partner, count]) => ({ partner, count, reason: `in a joint threat marked above TLP:${audience.toUpperCase()}` }))],
    disagreements: result.disagreements.filter((d) => keptIds.has(d.higher) && keptIds.has(d.lower)),
    refused: [],
    warnings: [],
  };
}

/** The shell around the merge core, shared by `merge` and `report`: config, inputs, aliases, decisions. */
import { access, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readAliasFile, type AliasGroup } from '../core/aliases.js';
import { settingsFrom, type ConfigDocument } from '../core/config.js';
import { readDecisions } from '../core/decisions.js';
import { decodeText, formatFromName, parseSource } from '../core/load.js';
import { DecisionConflict, type Decision, type ParallelScorer } from '../core/resolve.js';
import { mergeStreamed, type StreamedMerge } from '../core/merge.js';
import type { RankingMethod } from '../core/merged.js';
import { normaliseTlp } from '../core/normalise.js';
import { compileSchema, schemaDiagnostics } from '../core/validate.js';
import { fileFails, type Diagnostic, type Tlp } from '../core/types.js';
import { renderText } from '../render/validation/text.js';
import { chalkFor } from '../io/color.js';
import { displayName, expandInputs, totalSize } from '../io/inputs.js';
import { UsageError, type Io } from '../io/io.js';
import { progressFor } from '../io/progress.js';
import { MergeProgress } from './merge-progress.js';
import { heapLimit, memoryProblem, needsTightHeap, RERUN_MARK, rerunFlags, tightenHeap, type OutputSize } from '../io/memory.js';
import { totalmem } from 'node:os';
import { checkInputs, schemaPath } from './inputs.js';
import { workerScorer } from './parallel-scorer.js';
import { workerNormaliser } from './parallel-normaliser.js';
import type { ParallelNormaliser } from '../core/normalise-parallel.js';
import { TOOL } from './output.js';

export interface MergeCommandOptions {
  skipInvalid?: boolean;
  aliases?: string[];
  decisions?: string[];
  config?: string;
  method?: RankingMethod;
  audience?: string;
  stdinFilepath?: string;
  /** `merge --review FILE`: the uncertain pairs are explained only when they will be written. */
  review?: string;
  quiet?: boolean;
  color?: boolean;
  /** How much of the result the output holds at once, for the memory check (default: streamed). */
  outputSize?: OutputSize;
}

export const CONFIG_FILE = 'threatmerge.config.yaml';

/** Warnings printed on standard error; the JSON result keeps them all. */
const MAX_WARNINGS_SHOWN = 10;

/**
 * A large merge runs again in a new Node process with a larger young generation (see rerunFlags),
 * which does everything this one would have; its exit code is returned. Undefined: go on here.
 * Each command calls it once, first, before reading any input, so that this process holds none
 * of it while the new one works. A merge that reads standard input stays here: the new process would inherit it unread,
 * but a merge fed through a pipe is rarely large, and it keeps the pipe's reader simple.
 */
export async function rerunIfLarge(paths: readonly string[], io: Io): Promise<number | undefined> {
  if (io.rerun === undefined || paths.includes('-')) return undefined;
  const { files } = await expandInputs(paths, io).catch(() => ({ files: [] }));
  const flags = rerunFlags(totalSize(files), io.nodeFlags ?? [], io.env);
  // The mark carries this process's heap limit, for the same memory check (see heapLimit).
  return flags ? io.rerun(flags, { [RERUN_MARK]: String(heapLimit(io.env)) }) : undefined;
}

/**
 * Run everything up to the merge result, or return the exit code of the failure already reported.
 * The joint threats and refused merges are made as they are read (see StreamedMerge).
 */
export async function runMergePipeline(paths: string[], options: MergeCommandOptions, io: Io): Promise<StreamedMerge | number> {
  const config = await loadConfig(options.config, io);
  const audience = options.audience === undefined ? undefined : parseAudience(options.audience);
  const { files, ioError } = await checkInputs(paths, io, { settled: true, quiet: options.quiet === true, ...(options.stdinFilepath !== undefined ? { stdinName: options.stdinFilepath } : {}) });
  const invalid = files.filter((f) => fileFails(f.report, false));
  const stderrChalk = chalkFor(io.stderr, io, options.color);
  if (invalid.length > 0 || ioError) {
    io.stderr.write(renderText({ files: invalid.map((f) => f.report) }, { chalk: stderrChalk, quiet: true, strict: false, ...TOOL }));
    if (ioError) return 2;
    if (!options.skipInvalid) {
      io.stderr.write(`threatmerge: ${invalid.length} invalid submission${invalid.length === 1 ? '' : 's'}; fix them, or pass --skip-invalid to merge the rest\n`);
      return 1;
    }
    io.stderr.write(`threatmerge: leaving out ${invalid.length} invalid submission${invalid.length === 1 ? '' : 's'} (--skip-invalid)\n`);
  }
  const submissions = files.flatMap((f) => (f.submission ? [f.submission] : []));
  if (submissions.length === 0) throw new UsageError('no valid submissions to merge', 1);
  const entryCount = submissions.reduce((n, s) => n + s.document.threats.length, 0);
  const heap = heapLimit(io.env);
  const tooBig = memoryProblem(entryCount, heap, totalmem(), options.outputSize);
  if (tooBig) throw new UsageError(tooBig, 2);
  const tightHeap = needsTightHeap(entryCount, heap, options.outputSize);
  if (tightHeap) tightenHeap(process.execArgv);

  const baseDir = config.path ? dirname(config.path) : io.cwd;
  const aliasFiles = [...(config.document.aliases ?? []).map((a) => resolve(baseDir, a)), ...(options.aliases ?? []).map((a) => resolve(io.cwd, a))];
  const decisionFiles = [...(config.document.decisions ?? []).map((d) => resolve(baseDir, d)), ...(options.decisions ?? []).map((d) => resolve(io.cwd, d))];
  const knowledge: AliasGroup[] = [];
  for (const file of aliasFiles) knowledge.push(...(await loadAliases(file, io)));
  const decisions: Decision[] = [];
  for (const file of decisionFiles) decisions.push(...(await loadDecisions(file, io, stderrChalk)));

  const progress = progressFor(io, options.quiet);
  const steps = new MergeProgress(entryCount);
  progress.step(steps.first());
  try {
    const output = mergeStreamed({
      submissions,
      knowledge,
      decisions,
      settings: settingsFrom(config.document, options.method),
      skippedInvalid: invalid.map((f) => f.report.file),
      ...(audience ? { audience } : {}),
      review: options.review !== undefined,
      ...withScorer(workerScorer(io.env)),
      ...withNormaliser(workerNormaliser(io.env)),
      // Nothing here reads the submissions after the merge: it may keep their threats as text.
      consume: true,
      // Where the heap may grow as V8 likes, it may hold the parsed threats too.
      keepParsed: !tightHeap,
      tool: { name: TOOL.toolName, version: TOOL.toolVersion },
      onPhase: (phase) => {
        const line = steps.after(phase);
        if (line !== undefined) progress.step(line);
      },
    });
    progress.done();
    if (!options.quiet) {
      const warnings = output.result.warnings;
      for (const w of warnings.slice(0, MAX_WARNINGS_SHOWN)) io.stderr.write(`${stderrChalk.yellow('warning')} ${w}\n`);
      if (warnings.length > MAX_WARNINGS_SHOWN) {
        io.stderr.write(`${stderrChalk.yellow('warning')} … and ${warnings.length - MAX_WARNINGS_SHOWN} more (all are in "warnings" of --format json)\n`);
      }
    }
    return output;
  } catch (err) {
    progress.done();
    if (err instanceof DecisionConflict) throw new UsageError(err.message, 2);
    throw err;
  }
}

function withNormaliser(normaliser: ParallelNormaliser | undefined): { normaliser?: ParallelNormaliser } {
  return normaliser ? { normaliser } : {};
}

function withScorer(scorer: ParallelScorer | undefined): { scorer?: ParallelScorer } {
  return scorer ? { scorer } : {};
}

function parseAudience(value: string): Tlp {
  const tlp = normaliseTlp(value);
  if (!tlp) throw new UsageError(`unknown audience "${value}"; use clear, green, amber, amber+strict or red`);
  return tlp;
}

async function loadConfig(explicit: string | undefined, io: Io): Promise<{ document: ConfigDocument; path?: string }> {
  const path = explicit !== undefined ? resolve(io.cwd, explicit) : resolve(io.cwd, CONFIG_FILE);
  if (explicit === undefined && !(await exists(path))) return { document: {} };
  const name = displayName(path, io.cwd);
  const bytes = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read the config file ${name}: ${err.code === 'ENOENT' ? 'no such file' : (err.code ?? err.message)}`);
  });
  const value = parseLocated(bytes, name, path);
  const validator = compileSchema(JSON.parse(await readFile(schemaPath('config.v1.schema.json'), 'utf8')) as object);
  const diagnostics = value.diagnostics.length > 0 ? value.diagnostics : schemaDiagnostics(validator(value.value), value.value, name, value.locator);
  if (diagnostics.length > 0) throw new UsageError(`invalid config file:\n${formatDiagnostics(diagnostics)}`);
  return { document: (value.value ?? {}) as ConfigDocument, path };
}

async function loadAliases(path: string, io: Io): Promise<AliasGroup[]> {
  const name = displayName(path, io.cwd);
  const bytes = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read the alias file ${name}: ${err.code === 'ENOENT' ? 'no such file' : (err.code ?? err.message)}`);
  });
  const parsed = parseLocated(bytes, name, path);
  if (parsed.diagnostics.length > 0) throw new UsageError(`cannot read the alias file:\n${formatDiagnostics(parsed.diagnostics)}`);
  try {
    const knowledge = readAliasFile(parsed.value, name);
    for (const w of knowledge.warnings) io.stderr.write(`warning ${w}\n`);
    return knowledge.groups;
  } catch (err) {
    throw new UsageError(`${name}: ${(err as Error).message}`);
  }
}

async function loadDecisions(path: string, io: Io, chalk: ReturnType<typeof chalkFor>): Promise<Decision[]> {
  const name = displayName(path, io.cwd);
  const bytes = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read the decisions file ${name}: ${err.code === 'ENOENT' ? 'no such file' : (err.code ?? err.message)}`);
  });
  const parsed = parseLocated(bytes, name, path);
  const read = parsed.diagnostics.length > 0 ? { decisions: [], diagnostics: parsed.diagnostics, undecided: 0 } : readDecisions(parsed.value, name, parsed.locator);
  if (read.diagnostics.length > 0) throw new UsageError(`invalid decisions file:\n${formatDiagnostics(read.diagnostics)}`);
  if (read.undecided > 0) io.stderr.write(`${chalk.dim(`${name}: ${read.undecided} undecided pair${read.undecided === 1 ? '' : 's'} ignored`)}\n`);
  return read.decisions;
}

function parseLocated(bytes: Uint8Array, name: string, path: string) {
  const decoded = decodeText(bytes, name);
  if ('diagnostic' in decoded) return { value: undefined, diagnostics: [decoded.diagnostic], locator: { locate: () => ({ line: 1, column: 1 }) } };
  // Large alias files (MISP galaxies, ATT&CK bundles) are JSON: parse them fast and locate only on error.
  if (formatFromName(path) === 'json') {
    try {
      return { value: JSON.parse(decoded.text.replace(/^\uFEFF/, '')) as unknown, diagnostics: [] as Diagnostic[], locator: { locate: () => ({ line: 1, column: 1 }) } };
    } catch {
      // fall through for a located syntax error
    }
  }
  return parseSource(decoded.text, name, formatFromName(path));
}

export function formatDiagnostics(list: readonly Diagnostic[]): string {
  return list.map((d) => `  ${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}  ${d.path ? `${d.path}: ` : ''}${d.message}`).join('\n');
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

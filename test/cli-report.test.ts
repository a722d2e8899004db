/**
 * End-to-end tests of `threatmerge report`: the built CLI (bin/threatmerge.js → dist/) run in a
 * child process with a minimal environment, checking that what README.md says about `report` is
 * true: self-contained offline HTML, the five formats, merged-result input, TLP audiences that
 * withhold everything of an entry marked above the audience, and reproducible output.
 * Run `npm run build` first (`npm test` does).
 *
 * Outputs are written to a temporary folder; runs that read the samples use the repository root
 * as working directory.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { MergeResult } from '../src/core/merged.js';
import { cliAtFixedClock, repoRoot, runCli, type RunCliResult } from './helpers/run-cli.js';

const SLOW = { timeout: 60_000 };
const SAMPLES_DIR = path.join(repoRoot, 'samples');
const SAMPLE_NAMES = readdirSync(SAMPLES_DIR).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
const FORMATS = ['html', 'markdown', 'csv', 'json', 'stix'] as const;
type Format = (typeof FORMATS)[number];
const TLP_ORDER = ['clear', 'green', 'amber', 'amber+strict', 'red'];

let tmp = '';
/** `merge samples/ -f json`, the reference for `report -f json`. */
let mergedText = '';
let merged: MergeResult;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'threatmerge-cli-report-'));
  const r = cli(['merge', 'samples/', '-f', 'json']);
  if (r.code !== 0) throw new Error(`merge samples/ -f json failed with exit ${r.code}:\n${r.stderr}`);
  mergedText = r.stdout;
  merged = JSON.parse(mergedText) as MergeResult;
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// helpers

const cli = cliAtFixedClock;

function ok(r: RunCliResult, what: string): string {
  expect(r.code, `${what}: exit code (stderr: ${r.stderr.slice(0, 2000)})`).toBe(0);
  return r.stdout;
}

/** A fresh empty folder below the temporary one. */
function freshDir(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A small RFC 4180 parser: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      i++;
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function normaliseTlp(value: unknown): string {
  return String(value).trim().toLowerCase().replace(/^tlp:/, '');
}

interface SampleEntry {
  key: string;
  id: string;
  tlp: string;
  entry: Record<string, unknown>;
}

/** Every entry of the samples with its effective TLP (its own, else the file's, else AMBER). */
function sampleEntries(): SampleEntry[] {
  const out: SampleEntry[] = [];
  for (const name of SAMPLE_NAMES) {
    const doc = parseYaml(readFileSync(path.join(SAMPLES_DIR, name), 'utf8')) as {
      partner: { id: string };
      tlp?: string;
      threats: Record<string, unknown>[];
    };
    const fileTlp = doc.tlp === undefined ? 'amber' : normaliseTlp(doc.tlp);
    for (const entry of doc.threats) {
      const tlp = entry['tlp'] === undefined ? fileTlp : normaliseTlp(entry['tlp']);
      expect(TLP_ORDER, `${name}: unexpected tlp ${tlp}`).toContain(tlp);
      out.push({ key: `${doc.partner.id}/${String(entry['id'])}`, id: String(entry['id']), tlp, entry });
    }
  }
  return out;
}

function allStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, into);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) allStrings(v, into);
  return into;
}

function decodeHtml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/**
 * The text to search for leaks: the raw output plus a decoded reading of it, so that escaping
 * (HTML entities, Markdown backslashes, CSV and JSON quoting) cannot hide a leaked string.
 */
function haystack(format: Format, raw: string): string {
  const parts = [raw];
  if (format === 'html') parts.push(decodeHtml(raw));
  if (format === 'markdown') parts.push(decodeHtml(raw.replace(/\\([\\`*_{}[\]()#+\-.!|<>~"'])/g, '$1')));
  if (format === 'csv') parts.push(parseCsv(raw).flat().join('\n'));
  if (format === 'json' || format === 'stix') parts.push(allStrings(JSON.parse(raw)).join('\n'));
  return parts.join('\n').toLowerCase();
}

// ---------------------------------------------------------------------------------------------

describe('report -f html', () => {
  it('writes one self-contained file, marked TLP:RED with the red warning', SLOW, () => {
    const dir = freshDir('html');
    const out = path.join(dir, 'r.html');
    const r = cli(['report', 'samples/', '-f', 'html', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['r.html']);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);

    // works offline, no scripts: nothing is loaded from elsewhere
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(iframe|object|embed|base)\b/i);
    expect(html).not.toMatch(/\bsrc\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers
    const csp = /<meta[^>]+http-equiv="Content-Security-Policy"[^>]+content="([^"]+)"/i.exec(html);
    expect(csp, 'a Content-Security-Policy meta element').not.toBeNull();
    expect(csp![1]).toContain("default-src 'none'");
    expect(csp![1]).not.toMatch(/script-src|unsafe-eval/);
    // links to partners' references are allowed: they are plain anchors
    expect(html).toMatch(/<a [^>]*href="https:\/\//);

    // marked with the most restrictive TLP, and the red warning
    expect(html).toContain('TLP:RED');
    expect(html).toMatch(/contains TLP:RED/i);
    expect(r.stderr).toMatch(/warning[^\n]*TLP:RED/);
  });

  it('with an audience there is no TLP:RED warning', SLOW, () => {
    const r = cli(['report', 'samples/', '-f', 'html', '--audience', 'amber']);
    const html = ok(r, '--audience amber');
    expect(r.stderr).not.toMatch(/TLP:RED/);
    expect(html).not.toMatch(/contains TLP:RED/i);
    expect(html).not.toContain('TLP:RED');
  });
});

describe('report formats', () => {
  it('markdown, csv, json and stix all succeed; csv has a header and one row per threat', SLOW, () => {
    const md = ok(cli(['report', 'samples/', '-f', 'markdown']), 'markdown');
    expect(md).toContain('TLP:RED');
    expect(md).toMatch(/^# /m);

    const csvText = ok(cli(['report', 'samples/', '-f', 'csv']), 'csv');
    const rows = parseCsv(csvText);
    expect(rows[0]![0]).toBe('rank');
    expect(rows[0]).toContain('title');
    expect(rows).toHaveLength(1 + merged.threats.length);
    for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
    const titleCol = rows[0]!.indexOf('title');
    expect(rows.slice(1).map((r) => r[titleCol])).toEqual(merged.threats.map((t) => t.title));

    const jsonText = ok(cli(['report', 'samples/', '-f', 'json']), 'json');
    expect(jsonText).toBe(mergedText);

    const stixText = ok(cli(['report', 'samples/', '-f', 'stix']), 'stix');
    const bundle = JSON.parse(stixText) as { type: string; id: string; objects: { type: string; id: string }[] };
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
    expect(Array.isArray(bundle.objects)).toBe(true);
    expect(bundle.objects.length).toBeGreaterThan(merged.threats.length);
    for (const o of bundle.objects) expect(o.id.startsWith(`${o.type}--`), o.id).toBe(true);
  });

  it('a merged result from merge -f json gives the same report as the submissions', SLOW, () => {
    const dir = freshDir('roundtrip');
    const m = path.join(dir, 'm.json');
    ok(cli(['merge', 'samples/', '-f', 'json', '-o', m]), 'merge -o m.json');
    const fromMerged = ok(cli(['report', m, '-f', 'markdown']), 'report m.json');
    const fromSamples = ok(cli(['report', 'samples/', '-f', 'markdown']), 'report samples/');
    expect(fromMerged.length).toBeGreaterThan(0);
    expect(fromMerged).toBe(fromSamples);
  });
});

describe.each([
  // green: from the submissions and from a merged result; amber (withholds amber+strict and red): from the submissions
  { audience: 'green', inputs: ['samples/', 'merged'] },
  { audience: 'amber', inputs: ['samples/'] },
])('--audience $audience', ({ audience, inputs }) => {
  it(`withholds every entry above ${audience}: nothing of it appears in any format (from ${inputs.join(' and ')})`, { timeout: 60_000 }, () => {
    const entries = sampleEntries();
    expect(entries).toHaveLength(162);
    const rank = (tlp: string) => TLP_ORDER.indexOf(tlp);
    const withheld = entries.filter((e) => rank(e.tlp) > rank(audience));
    const kept = entries.filter((e) => rank(e.tlp) <= rank(audience));
    const allowed = TLP_ORDER.slice(0, rank(audience) + 1);
    // the samples README: de-bka-cyber defaults to amber, plus individually marked entries
    expect(withheld.some((e) => e.key === 'nl-police-cyber/NL-2026-15' && e.tlp === 'red')).toBe(true);
    expect(kept.some((e) => e.key === 'de-bka-cyber/DE26-020')).toBe(true);
    expect(kept.some((e) => e.key.startsWith('nl-police-cyber/'))).toBe(true); // file default "TLP:GREEN"
    expect(withheld.some((e) => e.tlp === 'amber+strict')).toBe(true);

    // Strings that identify a withheld entry. Skipped: short strings (too likely to occur by
    // chance, e.g. "Play"), and strings that also occur in some entry the audience may see —
    // partners often share names and aliases ("LockBit 3.0"), so such a string in the output may
    // legitimately come from the shared, non-withheld entry.
    const keptText = kept.map((e) => [e.key, ...allStrings(e.entry)].join('\n').toLowerCase()).join('\n\u0000\n');
    const needles = new Map<string, string>(); // needle → entry key
    for (const e of withheld) {
      const aliases = Array.isArray(e.entry['aliases']) ? (e.entry['aliases'] as string[]) : [];
      for (const s of [e.key, e.id, String(e.entry['title']), ...aliases, ...(typeof e.entry['summary'] === 'string' ? [e.entry['summary']] : [])]) {
        if (s.length < 6) continue;
        if (keptText.includes(s.toLowerCase())) continue;
        needles.set(s, e.key);
      }
    }
    // The check must have teeth: the red entry's key and most withheld titles are searched for.
    expect(needles.has('nl-police-cyber/NL-2026-15')).toBe(true);
    expect(needles.size).toBeGreaterThan(withheld.length);

    const dir = freshDir(`audience-${audience}`);
    const m = path.join(dir, 'm.json');
    if (inputs.includes('merged')) ok(cli(['merge', 'samples/', '-f', 'json', '-o', m]), 'merge -o m.json');

    const leaks: string[] = [];
    for (const input of inputs.map((i) => (i === 'merged' ? m : i))) {
      for (const format of FORMATS) {
        const r = cli(['report', input, '-f', format, '--audience', audience]);
        const out = ok(r, `report ${input} -f ${format} --audience ${audience}`);
        expect(r.stderr, 'no TLP:RED warning with an audience').not.toMatch(/TLP:RED/);
        const hay = haystack(format, out);
        for (const [needle, key] of needles) {
          if (hay.includes(needle.toLowerCase())) leaks.push(`${path.basename(input)} -f ${format}: "${needle}" of ${key}`);
        }
        if (format === 'json') {
          const result = JSON.parse(out) as MergeResult;
          for (const t of result.threats) expect(allowed, `${t.title} is marked ${t.tlp}`).toContain(t.tlp);
          expect(allowed).toContain(result.tlp);
          expect(result.summary.withheldEntries).toBeGreaterThan(0);
          if (input === 'samples/') {
            expect(result.summary.withheldEntries).toBe(withheld.length);
            const sources = result.threats.flatMap((t) => t.sources.map((s) => `${s.partner}/${s.id}`));
            expect(sources.sort()).toEqual(kept.map((e) => e.key).sort());
          }
          expect(result.withheld.reduce((n, w) => n + w.count, 0)).toBe(result.summary.withheldEntries);
        }
        if (format === 'html' || format === 'markdown') {
          for (const above of TLP_ORDER.slice(rank(audience) + 1)) expect(out).not.toContain(`TLP:${above.toUpperCase()}`);
          expect(out).toContain(`TLP:${audience.toUpperCase()}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});

describe('reproducibility', () => {
  it('--timestamp prints SOURCE_DATE_EPOCH; without it two runs are byte-identical', SLOW, () => {
    const stamped = ok(cli(['report', 'samples/', '-f', 'html', '--timestamp']), '--timestamp');
    expect(stamped).toContain('2026-09-21');

    const first = ok(cli(['report', 'samples/', '-f', 'html']), 'run 1');
    // a second run at another "time" and without SOURCE_DATE_EPOCH at all
    const second = runCli(['report', 'samples/', '-f', 'html']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(first);
    expect(first).not.toContain('2026-09-21');
    expect(first).not.toBe(stamped);
  });

  it('progress never reaches stdout or leaves \\r on stderr when piped', SLOW, () => {
    const r = cli(['report', 'samples/', '-f', 'json']);
    expect(ok(r, 'report -f json')).toBe(mergedText);
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).not.toContain('\u001b[');
  });
});

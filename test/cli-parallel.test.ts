/** validate and merge check large runs in two threads; neither report nor result may depend on it. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'threatmerge-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Twelve ~0.9 MB submissions (over the 8 MB that starts a worker), with a few problems. */
function writeCorpus(): void {
  for (let f = 0; f < 12; f++) {
    // Files 3 and 11 claim one partner id. The last file is always checked in the worker, so
    // the second claimant (reported by the cross-file check) must be located afterwards.
    const partner = f === 11 ? 'partner-03' : `partner-${String(f).padStart(2, '0')}`;
    const threats = Array.from({ length: 1500 }, (_, i) => ({
      id: `T-${i}`,
      title: `Threat ${f}-${i} with a reasonably long descriptive title`,
      category: (f === 5 || f === 11) && i === 700 ? 'ransomwear' : 'ransomware',
      likelihood: 3,
      impact: 4,
      summary: 'A summary of several words that makes the file large enough to be worth two threads. '.repeat(4),
    }));
    const doc = { schemaVersion: 1, partner: { id: partner, name: `Partner ${f}` }, issued: '2026-01-01', threats };
    writeFileSync(join(dir, `p${String(f).padStart(2, '0')}.json`), JSON.stringify(doc, null, 2));
  }
}

describe('validate in two threads', () => {
  writeCorpus();
  it('has a corpus big enough to start the worker (8 MB)', () => {
    const total = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    expect(total).toBeGreaterThan(8 << 20);
  });

  it('gives the same report, byte for byte, as one thread', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const two = runCli(['validate', dir, '-f', format]);
      const one = runCli(['validate', dir, '-f', format], { env: { THREATMERGE_WORKERS: '0' } });
      expect(two.code).toBe(1);
      expect(two.stdout).toBe(one.stdout);
      expect(two.code).toBe(one.code);
    }
  }, 120_000);

  it('locates the problems found in either thread', () => {
    const r = runCli(['validate', dir]);
    // File 5 (either thread) and file 11 (the worker's; located again for the cross-file check).
    expect(r.stdout).toMatch(/p05\.json:\d+:\d+ +error +threats\[700\]\.category: unknown category "ransomwear"/);
    expect(r.stdout).toMatch(/p11\.json:\d+:\d+ +error +threats\[700\]\.category: unknown category "ransomwear"/);
    expect(r.stdout).toMatch(/p11\.json:4:11 +error +partner\.id: partner id "partner-03" is also claimed by .*p03\.json/);
  }, 60_000);
});

/**
 * Twelve valid ~0.9 MB submissions in YAML and JSON that report the same threats under other
 * titles, so the merge joins entries read in either thread. The last file is always the
 * worker's: its entries reach the result only as the document the worker sends back.
 */
function writeMergeCorpus(into: string): void {
  for (let f = 0; f < 12; f++) {
    const partner = `partner-${String(f).padStart(2, '0')}`;
    const threats = Array.from({ length: 1500 }, (_, i) => ({
      id: `${partner}-${String(i).padStart(4, '0')}`,
      title: f % 2 === 0 ? `Qx${i}zor ransomware` : `Qx${i}zor ransomware affiliates`,
      category: 'ransomware',
      likelihood: 1 + ((i + f) % 5),
      impact: 1 + ((i * 7 + f) % 5),
      summary: `Affiliates of Qx${i}zor encrypt file servers — and “leak” what they take. ${'A summary long enough to make the files worth two threads. '.repeat(4)}`,
      ...(i % 3 === 0 ? { aliases: [`Qx${i}zor`], cves: ['CVE-2023-4966'] } : {}),
    }));
    const doc = { schemaVersion: 1, partner: { id: partner, name: `Partner ${f}` }, issued: '2026-01-01', tlp: 'green', threats };
    // Every third file is YAML (JSON is YAML), indented differently, so that entry lines differ by file.
    const name = `m${String(f).padStart(2, '0')}.${f % 3 === 2 ? 'yaml' : 'json'}`;
    writeFileSync(join(into, name), JSON.stringify(doc, null, f % 3 === 2 ? 1 : 2));
  }
}

describe('merge reads its inputs in two threads', () => {
  const corpus = mkdtempSync(join(tmpdir(), 'threatmerge-parallel-merge-'));
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));
  writeMergeCorpus(corpus);

  it('gives the same result, byte for byte, and the same messages as one thread', () => {
    const total = readdirSync(corpus).reduce((n, f) => n + statSync(join(corpus, f)).size, 0);
    expect(total).toBeGreaterThan(8 << 20);
    // Helper threads for normalising and scoring stay off, so that only the reading differs.
    const env = { THREATMERGE_PARALLEL_MIN_ENTRIES: '100000000' };
    const two = runCli(['merge', corpus, '-f', 'json'], { env });
    const one = runCli(['merge', corpus, '-f', 'json'], { env: { ...env, THREATMERGE_WORKERS: '0' } });
    expect(two.code).toBe(0);
    expect(two.stderr).toBe(one.stderr);
    const result = JSON.parse(two.stdout) as { summary: { entries: number; threats: number }; threats: { sources: { file: string; line: number }[] }[] };
    expect(result.summary.entries).toBe(18_000);
    expect(result.summary.threats).toBe(1500);
    // The worker's own file (the last, YAML), with its lines.
    const lastFile = result.threats.flatMap((t) => t.sources).filter((s) => s.file.endsWith('m11.yaml'));
    expect(lastFile).toHaveLength(1500);
    expect(new Set(lastFile.map((s) => s.line)).size).toBe(1500);
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);
});

describe('reading inputs when the worker fails', () => {
  const corpus = mkdtempSync(join(tmpdir(), 'threatmerge-parallel-fail-'));
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));
  writeMergeCorpus(corpus);
  const built = async () => ({ ...(await import('../dist/commands/inputs.js')), ...(await import('../dist/io/real-io.js')) });
  /** What merge keeps of each file: its report, document and entry lines. */
  const kept = (r: { files: { report: unknown; submission?: { document: unknown; entryLines: number[] } }[]; ioError: boolean }) =>
    JSON.stringify([r.ioError, r.files.map((f) => [f.report, f.submission?.document, f.submission?.entryLines])]);

  it('checks here whatever the worker did not report, and keeps what it did', async () => {
    const { checkInputs, realIo } = await built();
    const io = (env: Record<string, string>) => ({ ...realIo(), env });
    const alone = kept(await checkInputs([corpus], io({ THREATMERGE_WORKERS: '0' }), { settled: true }));
    expect(JSON.parse(alone)[1]).toHaveLength(12);
    for (const script of ['check-fails-after-one.mjs', 'throws-on-load.mjs']) {
      const workerScript = pathToFileURL(join(import.meta.dirname, 'fixtures', 'workers', script));
      expect(kept(await checkInputs([corpus], io({}), { settled: true, workerScript })), script).toBe(alone);
    }
  }, 120_000);
});

describe('merge in two threads', () => {
  const corpus = join(import.meta.dirname, 'corpus');
  const files = readdirSync(corpus).filter((f) => f.startsWith('partner-')).map((f) => join(corpus, f));

  it('gives the same merged result, byte for byte, as one thread', () => {
    // The worker starts only for large merges; the threshold is lowered so that the labelled
    // corpus (397 entries) is split between the threads.
    const two = runCli(['merge', ...files, '-f', 'json'], { env: { THREATMERGE_PARALLEL_MIN_ENTRIES: '0' } });
    const one = runCli(['merge', ...files, '-f', 'json'], { env: { THREATMERGE_WORKERS: '0' } });
    expect(two.code).toBe(0);
    expect(JSON.parse(two.stdout).summary.threats).toBeGreaterThan(50);
    expect(two.stdout).toBe(one.stdout);
  }, 60_000);

  it('writes the same file with -o, part of the threats made by the writing thread', () => {
    const out = mkdtempSync(join(tmpdir(), 'threatmerge-parallel-out-'));
    try {
      const two = runCli(['merge', ...files, '-f', 'json', '-o', join(out, 'two.json')], { env: { THREATMERGE_PARALLEL_MIN_ENTRIES: '0' } });
      const one = runCli(['merge', ...files, '-f', 'json', '-o', join(out, 'one.json')], { env: { THREATMERGE_WORKERS: '0' } });
      expect([two.code, one.code]).toEqual([0, 0]);
      expect(readFileSync(join(out, 'two.json'), 'utf8')).toBe(readFileSync(join(out, 'one.json'), 'utf8'));
      expect(readdirSync(out).sort()).toEqual(['one.json', 'two.json']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

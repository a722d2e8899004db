/** validate checks large runs in two threads; the report must not depend on it. */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});

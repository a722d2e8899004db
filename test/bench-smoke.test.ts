/**
 * `npm run bench` must run on a fresh clone and print its tables. The real sizes take minutes,
 * so this runs it once on a tiny corpus, every part of it on: it failed unnoticed once, when an
 * API it calls changed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'threatmerge-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('measures a tiny corpus end to end and writes every table', () => {
    const output = join(dir, 'results.md');
    const args = ['bench/run.mjs', '--size', '2k', '--runs', '1', '--formats', 'json', '--partners', '10', '--files', '20x5', '--quality-size', '2k', '--output', output];
    // The workers start at any size here, so that their paths run too.
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 240_000, env: { ...process.env, THREATMERGE_PARALLEL_MIN_ENTRIES: '0' } });
    expect(r.stderr + r.stdout).not.toMatch(/^bench: /m);
    expect(r.status).toBe(0);
    const md = readFileSync(output, 'utf8');
    for (const heading of ['## 2k entries', '## 20 small valid JSON submissions', '## Merge diagnostics', '### Merge phases', '### Dedup quality', '## Where the time goes']) expect(md).toContain(heading);
    expect(md).toMatch(/\| merge json \(→ \d+ MB JSON\) \| 1 \| \d+\.\d\d \|/);
    expect(md).toMatch(/\| normalise \| \d+\.\d\d \|/);
    expect(md).not.toContain('done on the main thread after all');
    // The quality figures come from the threats as they are written: with no threats seen there are none.
    const quality = /\| 2k overall \| 2,000 \| (\d+\.\d) \| (\d+\.\d) \|/.exec(md);
    expect(quality, 'the quality row').not.toBeNull();
    expect(Number(quality![1])).toBeGreaterThan(50);
    expect(Number(quality![2])).toBeGreaterThan(50);
    // The raw numbers beside the tables, not over the real bench's.
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).cmdline).toContain(output);
  }, 300_000);
});

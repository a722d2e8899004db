/** A merge too large for Node's heap is refused at once, with the setting that would make it fit. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryProblem, needsTightHeap } from '../src/io/memory.js';
import { renderWithin } from '../src/commands/report.js';
import { UsageError } from '../src/io/io.js';
import { repoRoot, runCli } from './helpers/run-cli.js';

describe('the memory check before a large merge', () => {
  const GB = 2 ** 30;
  it('lets merges through that fit the heap', () => {
    expect(memoryProblem(397, 4.3 * GB, 24 * GB)).toBeUndefined();
    expect(memoryProblem(400_000, 4.3 * GB, 24 * GB)).toBeUndefined();
    // A million entries fit Node's default heap (about 4 GB on a 24 GB machine).
    expect(memoryProblem(1_000_000, 4.05 * GB, 24 * GB)).toBeUndefined();
    expect(memoryProblem(3_000_000, 16 * GB, 24 * GB)).toBeUndefined();
  });
  it('refuses one that would not, with the NODE_OPTIONS that would make it fit', () => {
    const message = memoryProblem(3_000_000, 4.3 * GB, 24 * GB)!;
    expect(message).toMatch(/^merging 3,000,000 entries needs about 8\.4 GB of memory, more than Node's heap limit \(4\.3 GB\); run it with NODE_OPTIONS=--max-old-space-size=11264$/);
  });
  it('says so when the machine itself is too small', () => {
    expect(memoryProblem(3_000_000, 4.3 * GB, 8 * GB)).toMatch(/this machine has 8\.0 GB: merge fewer submissions at a time/);
  });
  it('collects sooner only for merges that fill a good part of the heap', () => {
    expect(needsTightHeap(100_000, 4.05 * GB)).toBe(false);
    expect(needsTightHeap(1_000_000, 4.05 * GB)).toBe(true);
    expect(needsTightHeap(1_000_000, 16 * GB)).toBe(false);
  });
});

describe('outputs made from the whole result', () => {
  const GB = 2 ** 30;
  it('need more memory than the streamed JSON, and say what to do', () => {
    // A million entries: the streamed JSON fits Node's default heap, the table and reports do not.
    expect(memoryProblem(1_000_000, 4.05 * GB, 24 * GB, 'streamed')).toBeUndefined();
    expect(memoryProblem(1_000_000, 4.05 * GB, 24 * GB, 'whole')).toMatch(
      /^this output of 1,000,000 entries needs about 5\.6 GB of memory, more than Node's heap limit \(4\.0 GB\); run it with NODE_OPTIONS=--max-old-space-size=7168; merge --format json writes the result with the least memory$/,
    );
    expect(memoryProblem(1_000_000, 4.05 * GB, 24 * GB, 'html')).toMatch(/^an HTML report of 1,000,000 entries needs about 27\.9 GB .*this machine has 24\.0 GB/);
    expect(memoryProblem(1_000_000, 4.05 * GB, 24 * GB, 'stix')).toMatch(/^a STIX bundle of 1,000,000 entries needs about 11\.2 GB/);
    // 100,000 entries fit every output.
    for (const output of ['streamed', 'whole', 'stix', 'html'] as const) expect(memoryProblem(100_000, 4.05 * GB, 24 * GB, output)).toBeUndefined();
    expect(needsTightHeap(100_000, 4.05 * GB, 'html')).toBe(true);
  });

  it('a report longer than Node can hold as one text is refused with the way round, other errors pass', () => {
    const tooLong = () => renderWithin('html', 150_000, () => 'x'.repeat(2 ** 29));
    expect(tooLong).toThrow(UsageError);
    expect(tooLong).toThrow(/^the html report of 150,000 joint threats is longer than the longest text Node can hold \(about 512 MB\); for a result this large use --format markdown or csv/);
    expect(() => renderWithin('csv', 1, () => { throw new TypeError('other'); })).toThrow(TypeError);
    expect(renderWithin('csv', 1, () => 'fine')).toBe('fine');
  });

  const dir = mkdtempSync(join(tmpdir(), 'threatmerge-memory-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('report refuses at once on a heap too small for its output, where merge --format json goes on', () => {
    const gen = spawnSync(process.execPath, [join(repoRoot, 'bench', 'generate.mjs'), '--entries', '25000', '--partners', '10', '--format', 'json', '--seed', '7', '--out', dir, '--quiet'], { encoding: 'utf8' });
    expect(gen.status, gen.stderr).toBe(0);
    // 25,000 entries: ~0.7 GB for the HTML report, ~75 MB for the streamed merge.
    const small = { NODE_OPTIONS: '--max-old-space-size=400' };
    const report = runCli(['report', dir, '-f', 'html', '-o', join(dir, 'out.html')], { env: small });
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/an HTML report of 25,000 entries needs about 0\.7 GB of memory, more than Node's heap limit/);
    expect(report.stderr).toContain('NODE_OPTIONS=--max-old-space-size=1024');
    // The streamed JSON on the same heap is not refused (its estimate is far below the check's floor).
    const merged = runCli(['merge', dir, '-f', 'json', '-o', join(dir, 'out.json'), '-q'], { env: { NODE_OPTIONS: '--max-old-space-size=1024' } });
    expect(merged.code, merged.stderr).toBe(0);
  }, 60_000);
});

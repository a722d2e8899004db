/**
 * A large merge runs again in a new Node process with a larger young generation. The new process
 * must do exactly what the first would have: same output, same messages, same exit code.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RERUN_MIN_BYTES, heapLimitBeforeRerun, RERUN_MARK, rerunFlags, YOUNG_GENERATION_FLAG } from '../src/io/memory.js';
import { spawnSync } from 'node:child_process';
import { cliAtFixedClock, repoRoot } from './helpers/run-cli.js';

describe('whether a merge runs again with a larger young generation', () => {
  const env = {};
  it('does so from the threshold of input bytes on', () => {
    expect(rerunFlags(DEFAULT_RERUN_MIN_BYTES - 1, [], env)).toBeUndefined();
    expect(rerunFlags(DEFAULT_RERUN_MIN_BYTES, [], env)).toEqual([YOUNG_GENERATION_FLAG]);
    expect(rerunFlags(10, [], { THREATMERGE_RERUN_MIN_BYTES: '10' })).toEqual([YOUNG_GENERATION_FLAG]);
    expect(rerunFlags(9, [], { THREATMERGE_RERUN_MIN_BYTES: '10' })).toBeUndefined();
    // A setting that is not a number is ignored, not taken as zero.
    expect(rerunFlags(10, [], { THREATMERGE_RERUN_MIN_BYTES: 'lots' })).toBeUndefined();
  });
  it('never from the rerun itself, nor when Node was given a young generation, nor with THREATMERGE_WORKERS=0', () => {
    const big = 2 * DEFAULT_RERUN_MIN_BYTES;
    expect(rerunFlags(big, [], { [RERUN_MARK]: '1' })).toBeUndefined();
    expect(rerunFlags(big, ['--max-semi-space-size=32'], env)).toBeUndefined();
    expect(rerunFlags(big, ['--max_semi_space_size=32'], env)).toBeUndefined();
    expect(rerunFlags(big, [], { THREATMERGE_WORKERS: '0' })).toBeUndefined();
    expect(rerunFlags(big, ['--max-old-space-size=8192'], env)).toEqual([YOUNG_GENERATION_FLAG]);
  });
  it('never when a debugger or inspector is attached to this process', () => {
    const big = 2 * DEFAULT_RERUN_MIN_BYTES;
    expect(rerunFlags(big, ['--inspect=127.0.0.1:9229'], env)).toBeUndefined();
    expect(rerunFlags(big, ['--inspect-brk'], env)).toBeUndefined();
  });
  it("hands the first process's heap limit on, which the young generation would otherwise enlarge", () => {
    expect(heapLimitBeforeRerun({ [RERUN_MARK]: '4345298944' })).toBe(4345298944);
    expect(heapLimitBeforeRerun({})).toBeUndefined();
    expect(heapLimitBeforeRerun({ [RERUN_MARK]: 'yes' })).toBeUndefined();
  });
});

describe('a merge run again in a new process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threatmerge-rerun-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const corpus = join(import.meta.dirname, 'corpus');
  for (const f of readdirSync(corpus).filter((n) => n.startsWith('partner-'))) copyFileSync(join(corpus, f), join(dir, f));
  // Each Node process started records its options and whether it is the rerun (worker threads,
  // which load the preload too, do not).
  const log = join(dir, 'processes.log');
  const preload = join(dir, 'record.cjs');
  writeFileSync(
    preload,
    `if (require('node:worker_threads').isMainThread) require('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify({ flags: process.execArgv, rerun: process.env.${RERUN_MARK} === undefined ? null : 'marked' }) + '\\n');\n`,
  );
  beforeEach(() => rmSync(log, { force: true }));
  const processes = () => readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { flags: string[]; rerun: string | null });
  const RERUN = [
    { flags: [], rerun: null },
    { flags: [YOUNG_GENERATION_FLAG], rerun: 'marked' },
  ];
  const recorded = (extra: Record<string, string>) => ({ NODE_OPTIONS: `--require ${preload}`, ...extra });

  it('starts one new process with the option, and gives the same result byte for byte', () => {
    const here = cliAtFixedClock(['merge', dir, '-f', 'json'], { env: recorded({}) });
    expect(processes()).toEqual([{ flags: [], rerun: null }]);
    rmSync(log);
    const again = cliAtFixedClock(['merge', dir, '-f', 'json'], { env: recorded({ THREATMERGE_RERUN_MIN_BYTES: '0' }) });
    expect(processes()).toEqual(RERUN);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(here.stdout);
    expect(again.stderr).toBe(here.stderr);
  }, 60_000);

  it('stays in this process when it reads standard input, which cannot be read twice', () => {
    const input = readFileSync(join(dir, 'partner-02.json'));
    const r = cliAtFixedClock(['merge', '-', '--stdin-filepath', 'p.json', '-f', 'json'], { input, env: recorded({ THREATMERGE_RERUN_MIN_BYTES: '0' }) });
    expect(r.code, r.stderr).toBe(0);
    expect(processes()).toEqual([{ flags: [], rerun: null }]);
  }, 60_000);

  it('reruns a report too, with the same report', () => {
    const out = (name: string) => join(dir, name);
    const here = cliAtFixedClock(['report', dir, '-f', 'markdown', '-o', out('here.md')], { env: {} });
    const again = cliAtFixedClock(['report', dir, '-f', 'markdown', '-o', out('again.md')], { env: recorded({ THREATMERGE_RERUN_MIN_BYTES: '0' }) });
    expect(processes()).toEqual(RERUN);
    expect([here.code, again.code]).toEqual([0, 0]);
    expect(readFileSync(out('again.md'), 'utf8')).toBe(readFileSync(out('here.md'), 'utf8'));
    rmSync(out('here.md'));
    rmSync(out('again.md'));
  }, 60_000);

  it('refuses a merge too large for the heap exactly as the first process would', () => {
    // V8 counts the young generation in its heap limit: the new process must judge by the first's.
    const big = join(dir, 'big');
    const gen = spawnSync(process.execPath, [join(repoRoot, 'bench', 'generate.mjs'), '--entries', '25000', '--partners', '10', '--format', 'json', '--seed', '7', '--out', big, '--quiet'], { encoding: 'utf8' });
    expect(gen.status, gen.stderr).toBe(0);
    const small = { NODE_OPTIONS: '--max-old-space-size=400' };
    const args = ['report', big, '-f', 'html', '-o', join(dir, 'big.html')];
    const here = cliAtFixedClock(args, { env: small });
    const again = cliAtFixedClock(args, { env: { ...small, THREATMERGE_RERUN_MIN_BYTES: '0' } });
    expect(here.code).toBe(2);
    expect(here.stderr).toMatch(/more than Node's heap limit \(0\.4 GB\)/);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(here.stderr);
    rmSync(big, { recursive: true, force: true });
  }, 60_000);

  it('passes on the messages and the exit code of a failing merge', () => {
    writeFileSync(join(dir, 'broken.json'), '{ "schemaVersion": 1, "partner": ');
    try {
      const here = cliAtFixedClock(['merge', dir], { env: {} });
      const again = cliAtFixedClock(['merge', dir], { env: recorded({ THREATMERGE_RERUN_MIN_BYTES: '0' }) });
      expect(processes()).toEqual(RERUN);
      expect(here.code).toBe(1);
      expect(again.code).toBe(1);
      expect(again.stderr).toBe(here.stderr);
      expect(again.stderr).toMatch(/broken\.json:1:\d+/);
    } finally {
      rmSync(join(dir, 'broken.json'));
    }
  }, 60_000);
});

/**
 * The progress line of a long merge: its steps, and that it shows only on a terminal, outside CI,
 * and never between the lines of a result written to the terminal.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MergeProgress, writeProgressLine } from '../src/commands/merge-progress.js';
import type { Io } from '../src/io/io.js';
import { fitted } from '../src/io/progress.js';
import { repoRoot } from './helpers/run-cli.js';

describe('MergeProgress', () => {
  it('names the step each phase starts, with its number and the seconds since the merge began', () => {
    let now = 1_000;
    const steps = new MergeProgress(1_000_000, () => now);
    expect(steps.first()).toBe('merging 1,000,000 entries: learning the names partners use… (1/6, 0 s)');
    now += 9_999;
    expect(steps.after('lexicon')).toBe('merging 1,000,000 entries: normalising the entries… (2/6, 9 s)');
    // Phases within a step leave the line as it is.
    expect(steps.after('resolve: context: title idf')).toBeUndefined();
    expect(steps.after('resolve: blocking')).toBeUndefined();
    now += 60_000;
    expect(steps.after('resolve: locality layout')).toBe('merging 1,000,000 entries: finding and scoring candidate pairs… (4/6, 69 s)');
    now += 1_000_000;
    // The longest line, for a million entries, fits an 80-column terminal whole.
    expect(steps.after('resolve: locality layout')!.length).toBeLessThan(80);
  });

  it('writes the size written so far in megabytes', () => {
    expect(writeProgressLine('out/merged.json', 286_400_000)).toBe('writing out/merged.json: 286 MB');
  });

  it('cuts a line to the terminal, which clears only the last row of a line that wraps', () => {
    expect(fitted('short', 80)).toBe('short');
    expect(fitted('x'.repeat(100), 80)).toBe(`${'x'.repeat(78)}…`);
    expect(fitted('x'.repeat(100), undefined)).toHaveLength(79);
    expect(fitted('x'.repeat(100), 40)).toHaveLength(39);
    // A pseudo-terminal without a size (script, docker -t) says 0 columns.
    expect(fitted('x'.repeat(100), 0)).toHaveLength(79);
  });
});

describe('merge on a terminal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threatmerge-progress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Two entries of one partner so alike that the merge warns of them.
  const twice = join(dir, 'aa-cert.yaml');
  const entry = (id: string) => `  - { id: ${id}, title: LockBit ransomware, category: ransomware, likelihood: 5, impact: 5, aliases: [LockBit 3.0], cves: [CVE-2023-4966], summary: "LockBit affiliates exploit Citrix Bleed against hospitals." }\n`;
  writeFileSync(twice, `schemaVersion: 1\npartner: { id: aa-cert, name: AA CERT }\nissued: "2026-11-01"\nthreats:\n${entry('aa-1')}${entry('aa-2')}`);

  /** Runs the built CLI in this process, its standard error a terminal or not. */
  async function merge(args: string[], options: { tty: boolean; env?: Record<string, string> }): Promise<{ code: number; stdout: string; stderr: string }> {
    const { main } = (await import('../dist/cli.js')) as { main: (argv: string[], io: Io) => Promise<number> };
    let stdout = '';
    let stderr = '';
    const io: Io = {
      stdout: { write: (t) => void (stdout += t), isTTY: options.tty },
      stderr: { write: (t) => void (stderr += t), isTTY: options.tty },
      readStdin: async () => new Uint8Array(),
      cwd: repoRoot,
      env: { NO_COLOR: '1', ...options.env },
      now: () => new Date('2026-12-07T12:00:00Z'),
    };
    const code = await main(['merge', ...args], io);
    return { code, stdout, stderr };
  }

  it('shows each step of the merge, then the writing, and clears the line before anything else is printed', async () => {
    const out = join(dir, 'merged.json');
    const { code, stderr } = await merge(['samples/', twice, '-f', 'json', '-o', out], { tty: true });
    expect(code).toBe(0);
    const labels = ['learning the names partners use', 'normalising the entries', 'indexing the entries', 'finding and scoring candidate pairs', 'grouping entries into threats', 'ranking the threats'];
    let from = 0;
    for (const [k, label] of labels.entries()) {
      const at = stderr.indexOf(`\r\u001b[2Kmerging `, from);
      expect(at, `step ${k + 1}`).toBeGreaterThanOrEqual(0);
      expect(stderr.slice(at).split('\r')[1], `step ${k + 1}`).toContain(`: ${label}… (${k + 1}/6,`);
      from = at + 1;
    }
    expect(stderr).toContain(`\r\u001b[2Kwriting ${out}: 0 MB`);
    expect(stderr.endsWith('\r\u001b[2K')).toBe(true);
    // The warning is printed on a cleared line, not after a step line left standing.
    expect(stderr).toContain('\r\u001b[2Kwarning aa-cert/aa-1 and aa-cert/aa-2 look like the same threat reported twice');
    expect(stderr).not.toMatch(/\r\u001b\[2K[^\r\n]+warning/);
    expect(JSON.parse(readFileSync(out, 'utf8')).threats.length).toBeGreaterThan(0);
  });

  it('shows no writing progress when the result goes to the terminal, or to a device', async () => {
    for (const to of [[], ['-o', '-'], ['-o', '/dev/null']]) {
      const { code, stdout, stderr } = await merge(['samples/', '-f', 'json', ...to], { tty: true });
      expect(code).toBe(0);
      expect(stderr).toContain('ranking the threats');
      expect(stderr, to.join(' ')).not.toContain('writing');
      if (to.length === 0) expect(() => JSON.parse(stdout)).not.toThrow();
    }
  });

  it('says why it cannot write to a path under a file, as without progress, not as an internal error', async () => {
    const { code, stderr } = await merge(['samples/', '-f', 'json', '-o', join(twice, 'merged.json')], { tty: true });
    expect(code).toBe(2);
    expect(stderr).toMatch(/threatmerge: cannot (create folder|write)/);
    expect(stderr).not.toContain('internal error');
  });

  it('shows nothing in CI, with --quiet, or when standard error is not a terminal', async () => {
    for (const [args, options] of [
      [['-f', 'json', '-o', join(dir, 'ci.json')], { tty: true, env: { CI: 'true' } }],
      [['-f', 'json', '-o', join(dir, 'quiet.json'), '--quiet'], { tty: true }],
      [['-f', 'json', '-o', join(dir, 'piped.json')], { tty: false }],
    ] as const) {
      const { code, stderr } = await merge(['samples/', ...args], options);
      expect(code).toBe(0);
      expect(stderr).not.toContain('\r');
      expect(stderr).not.toContain('merging');
    }
  });
});

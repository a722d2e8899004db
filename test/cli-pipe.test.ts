/** A reader that stops early (`threatmerge merge … | head`) is no error: no stack trace, the command's own exit code. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/run-cli.js';

const cli = path.join(repoRoot, 'bin', 'threatmerge.js');

/** Run the CLI with its standard output piped into `head -c 64`, through a shell, as a user would. */
function intoHead(args: string): { code: number; stderr: string; shown: string } {
  const r = spawnSync('bash', ['-c', `t=$(mktemp); node ${JSON.stringify(cli)} ${args} 2>"$t" | head -c 64; s=\${PIPESTATUS[0]}; echo; echo "code=$s"; cat "$t" >&2; rm -f "$t"`], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
  });
  const code = Number(/code=(\d+)/.exec(r.stdout)?.[1] ?? -1);
  return { code, stderr: r.stderr, shown: r.stdout };
}

describe('output into a pipe closed early', () => {
  it('merge stops quietly with exit code 0', () => {
    const r = intoHead('merge samples/ -f json');
    expect(r.shown.startsWith('{\n  "schemaVersion": 1')).toBe(true);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.code).toBe(0);
  });

  it('validate keeps its own exit code (1 for invalid files)', () => {
    const r = intoHead('validate samples/ samples/invalid -f json');
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.code).toBe(1);
  });
});

/**
 * Run the built threatmerge CLI (bin/threatmerge.js → dist/) in a child process, the way a user
 * or a CI job does. Build first: `npm run build` (the `npm test` script does it).
 *
 * The child gets a minimal environment — PATH, NO_COLOR=1 and whatever `opts.env` adds — so the
 * result does not depend on the developer's shell (FORCE_COLOR, SOURCE_DATE_EPOCH, TERM, ...).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunCliOptions {
  /** Working directory of the child; defaults to the repository root. */
  cwd?: string;
  /** Written to the child's standard input (which is otherwise empty). */
  input?: string | Buffer;
  /** Extra environment variables, on top of PATH and NO_COLOR=1. */
  env?: Record<string, string>;
}

export interface RunCliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The repository root (the folder holding package.json and bin/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Absolute path of the CLI entry point. */
export const binPath = path.join(repoRoot, 'bin', 'threatmerge.js');

const TIMEOUT_MS = 60_000;

export function runCli(args: string[], opts: RunCliOptions = {}): RunCliResult {
  if (!existsSync(path.join(repoRoot, 'dist', 'cli.js'))) {
    throw new Error('dist/cli.js is missing: run `npm run build` before these tests (npm test does it)');
  }
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...opts.env };
  const result = spawnSync(process.execPath, [binPath, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    // Hostile inputs may make the tool print a lot; capture it all so tests can measure it.
    maxBuffer: 512 * 1024 * 1024,
    windowsHide: true,
  });
  const shown = `threatmerge ${args.map((a) => (a.length > 80 ? `${a.slice(0, 80)}…` : a)).join(' ')}`;
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ETIMEDOUT') throw new Error(`${shown}: did not finish within ${TIMEOUT_MS / 1000} s`);
    throw new Error(`${shown}: could not run: ${result.error.message}`);
  }
  if (result.status === null) {
    throw new Error(`${shown}: killed by signal ${result.signal ?? '?'}\nstderr: ${String(result.stderr).slice(0, 2000)}`);
  }
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fixed clock for CLI tests: 2026-09-21T14:13:20Z, so "issued in the future" and timestamps are stable. */
export const FIXED_CLOCK = { SOURCE_DATE_EPOCH: '1790000000' };

/** runCli with the fixed clock (options may add to or override it). */
export function cliAtFixedClock(args: string[], opts: RunCliOptions = {}): RunCliResult {
  return runCli(args, { ...opts, env: { ...FIXED_CLOCK, ...opts.env } });
}

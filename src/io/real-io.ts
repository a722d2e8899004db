import { spawn } from 'node:child_process';
import type { Io } from './io.js';
import { RERUN_MARK } from './memory.js';

export function realIo(): Io {
  endWithParent();
  // A reader that stops early (`threatmerge merge … | head`) closes the pipe: the rest of the
  // output has nowhere to go, which is no error of the user's, so it is dropped quietly and the
  // command ends with its own exit code (a pipe write fails at once, marking the stream destroyed;
  // its 'error' event would otherwise end the process with a stack trace).
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
  });
  return {
    stdout: { write: (t) => void (process.stdout.destroyed ? undefined : process.stdout.write(t)), isTTY: Boolean(process.stdout.isTTY) },
    stderr: {
      write: (t) => void process.stderr.write(t),
      isTTY: Boolean(process.stderr.isTTY),
      get columns() {
        return process.stderr.columns;
      },
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    nodeFlags: [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/).filter((f) => f !== '')],
    rerun: rerunInNewProcess,
  };
}

/**
 * In a process started by rerunInNewProcess: end as by SIGTERM when the first process is gone,
 * however it ended (SIGKILL, SIGQUIT, a crash), rather than write its output for nobody.
 */
function endWithParent(): void {
  if (process.env[RERUN_MARK] === undefined || process.channel === undefined) return;
  // Unreferenced, the channel does not keep this process alive once its work is done.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function rerunInNewProcess(nodeFlags: readonly string[], env: Readonly<Record<string, string>>): Promise<number | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, ...nodeFlags, process.argv[1]!, ...process.argv.slice(2)], {
      // The channel is only a lifeline: the new process ends when it closes (endWithParent).
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...env },
    });
    // The child does the work: a signal sent to this process (not only to the terminal's process
    // group, which reaches both) goes on to it, and this one waits to report how it ended.
    const forward = (signal: NodeJS.Signals) => void child.kill(signal);
    for (const s of FORWARDED_SIGNALS) process.on(s, forward);
    const done = () => {
      for (const s of FORWARDED_SIGNALS) process.off(s, forward);
    };
    // Not started at all (no 'spawn' event): the command goes on in this process instead.
    let started = false;
    child.once('spawn', () => (started = true));
    child.once('error', () => {
      if (started) return;
      done();
      resolve(undefined);
    });
    child.once('exit', (code, signal) => {
      done();
      // Ended by a signal: end the same way, so that whoever started this process sees it.
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? 2);
    });
  });
}

import type { Io } from './io.js';

export function realIo(): Io {
  // A reader that stops early (`threatmerge merge … | head`) closes the pipe: the rest of the
  // output has nowhere to go, which is no error of the user's, so it is dropped quietly and the
  // command ends with its own exit code (a pipe write fails at once, marking the stream destroyed;
  // its 'error' event would otherwise end the process with a stack trace).
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
  });
  return {
    stdout: { write: (t) => void (process.stdout.destroyed ? undefined : process.stdout.write(t)), isTTY: Boolean(process.stdout.isTTY) },
    stderr: { write: (t) => void process.stderr.write(t), isTTY: Boolean(process.stderr.isTTY) },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
  };
}

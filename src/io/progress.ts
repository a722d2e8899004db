import type { Io } from './io.js';

export interface Progress {
  update(message: string): void;
  done(): void;
}

/**
 * Progress on standard error for long runs: only when it is a terminal (never when piped, never
 * in CI), throttled, and cleared when done so it never mixes with the output.
 */
export function progressFor(io: Io, quiet = false): Progress {
  if (quiet || !io.stderr.isTTY || io.env['CI'] !== undefined) return { update() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    update(message) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\u001b[2K${message}`);
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}

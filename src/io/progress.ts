import type { Io } from './io.js';

export interface Progress {
  /** A running count ("reading 12/100 …"): shown at most every PROGRESS_INTERVAL_MS. */
  update(message: string): void;
  /** A new step of the work: always shown, since a step may last minutes and there are few of them. */
  step(message: string): void;
  done(): void;
}

/** How often a running count is redrawn: more often only costs the terminal's time. */
const PROGRESS_INTERVAL_MS = 100;

/** The width assumed of a terminal that does not tell its own (a pseudo-terminal may say 0). */
const DEFAULT_COLUMNS = 80;

/**
 * The message cut to one row less one column: a line that wraps is cleared only on its last row,
 * so each redraw would leave the rows above it behind, between the warnings and the output.
 */
export function fitted(message: string, columns: number | undefined): string {
  const width = (columns !== undefined && columns > 0 ? columns : DEFAULT_COLUMNS) - 1;
  return message.length <= width ? message : `${message.slice(0, width - 1)}…`;
}

/**
 * Progress on standard error for long runs: only when it is a terminal (never when piped, never
 * in CI), and cleared when done so it never mixes with the output.
 */
export function progressFor(io: Io, quiet = false): Progress {
  if (quiet || !io.stderr.isTTY || io.env['CI'] !== undefined) return { update() {}, step() {}, done() {} };
  let last = 0;
  let shown = false;
  const show = (message: string, now: number) => {
    last = now;
    shown = true;
    io.stderr.write(`\r\u001b[2K${fitted(message, io.stderr.columns)}`);
  };
  return {
    update(message) {
      const now = Date.now();
      if (now - last >= PROGRESS_INTERVAL_MS) show(message, now);
    },
    step(message) {
      show(message, Date.now());
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}

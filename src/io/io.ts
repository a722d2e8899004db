/** The outside world as the commands see it; tests pass a fake. Only bin/ touches `process`. */
export interface OutStream {
  write(text: string): void;
  isTTY: boolean;
  /** The terminal's width, where it is one and says so. */
  columns?: number;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  readStdin(): Promise<Uint8Array>;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The current time; commands prefer SOURCE_DATE_EPOCH when it is set. */
  now(): Date;
  /** The options Node was started with (its own and NODE_OPTIONS), for the young-generation check. */
  nodeFlags?: readonly string[];
  /**
   * Run this same command again in a new Node process with extra Node options and environment,
   * its standard streams the same as this one's; resolves to its exit code, or undefined when no
   * process could be started (the command then goes on here). Absent in tests' fakes.
   */
  rerun?(nodeFlags: readonly string[], env: Readonly<Record<string, string>>): Promise<number | undefined>;
}

/** An error the user caused or must fix: printed as one line, never with a stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2 = 2) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Today's date (YYYY-MM-DD, UTC), honouring SOURCE_DATE_EPOCH for reproducible runs. */
export function today(io: Io): string {
  const epoch = io.env['SOURCE_DATE_EPOCH'];
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : io.now();
  return date.toISOString().slice(0, 10);
}

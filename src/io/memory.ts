/**
 * Before a large merge: will it fit in Node's heap? A merge holds every entry, parsed and
 * normalised, plus the result; one that does not fit dies minutes later with V8's "heap out of
 * memory" and no hint, so it is better refused at once with the way round.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/**
 * Peak heap per merged entry, with room for the garbage collector, by what the output holds at
 * once. `merge --format json` writes the joint threats one at a time: about 2.1 KB of live heap
 * per entry at its peak (the end of normalisation), plus the merge's typed arrays and stored
 * threat texts outside the heap (docs/performance.md). The table and most reports are made from
 * the whole result (~5 KB per entry at 100k, peak heap by --trace-gc), STIX with its objects too
 * (~10 KB), the HTML report with the whole page as well (~25 KB). Counting every output as
 * streamed let a report of a million entries pass and die minutes later with "heap out of memory".
 */
const OUTPUTS = {
  streamed: { bytesPerEntry: 3_000, making: 'merging' },
  whole: { bytesPerEntry: 6_000, making: 'this output of' },
  stix: { bytesPerEntry: 12_000, making: 'a STIX bundle of' },
  html: { bytesPerEntry: 30_000, making: 'an HTML report of' },
} as const;
export type OutputSize = keyof typeof OUTPUTS;

function heapNeeded(entries: number, output: OutputSize): number {
  return entries * OUTPUTS[output].bytesPerEntry;
}

/** Below this the estimate is not worth a refusal: the fixed costs dominate. */
const MIN_ESTIMATE = 512 * 2 ** 20;

/** The message for a merge that would not fit, or undefined when it should. */
export function memoryProblem(entries: number, heapLimit: number, totalMemory: number, output: OutputSize = 'streamed'): string | undefined {
  const needed = heapNeeded(entries, output);
  if (needed < MIN_ESTIMATE || needed <= 0.9 * heapLimit) return undefined;
  const suggestMb = Math.ceil((needed * 1.25) / 2 ** 20 / 1024) * 1024;
  const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;
  const fits = suggestMb * 2 ** 20 <= 0.9 * totalMemory;
  const smaller = output === 'streamed' ? '' : '; merge --format json writes the result with the least memory';
  return (
    `${OUTPUTS[output].making} ${entries.toLocaleString('en-US')} entries needs about ${gb(needed)} of memory, more than Node's heap limit (${gb(heapLimit)}); ` +
    (fits
      ? `run it with NODE_OPTIONS=--max-old-space-size=${suggestMb}${smaller}`
      : `this machine has ${gb(totalMemory)}: merge fewer submissions at a time, or use a machine with more memory (NODE_OPTIONS=--max-old-space-size=${suggestMb})${smaller}`)
  );
}

/**
 * The heap limit a merge is judged by: V8's, or in a rerun the first process's. V8 counts the
 * young generation in its limit, so the rerun's larger young generation would otherwise let
 * through merges the first process refuses.
 */
export function heapLimit(env: Readonly<Record<string, string | undefined>>): number {
  return heapLimitBeforeRerun(env) ?? getHeapStatistics().heap_size_limit;
}

/**
 * Whether a merge of this many entries will fill a good part of the heap. V8 lets its heap grow
 * to a few times what is live before it collects; for a large merge that was up to twice the
 * memory it needed (4.5 GB of RSS for 2.7 GB live at a million entries). Collecting sooner costs
 * time (about 15 % at 100k entries), so it pays only where memory is the limit.
 */
export function needsTightHeap(entries: number, heapLimitBytes: number, output: OutputSize = 'streamed'): boolean {
  return heapNeeded(entries, output) > heapLimitBytes / 4;
}

/** Let the heap grow by at most 30 % between collections from now on, unless node was told otherwise. */
export function tightenHeap(execArgv: readonly string[]): void {
  if (execArgv.some((arg) => arg.includes('heap-growing-percent'))) return;
  setFlagsFromString('--heap-growing-percent=30');
}

/**
 * A larger young generation for a large merge. Node's default (16 MB semi-spaces) collects the
 * short-lived objects of parsing and normalising a few thousand times at a million entries, and
 * each collection must scan the references into it from a heap of over a gigabyte: a quarter of
 * the merge's garbage-collection time (docs/performance.md, sixth round). V8 sizes the young
 * generation when the process starts, so the command runs again in a new process with the option.
 */
export const YOUNG_GENERATION_FLAG = '--max-semi-space-size=64';

/** Input bytes from which the new process pays (it costs ~50 ms and ~100 MB; at 76 MB no gain was measurable). */
export const DEFAULT_RERUN_MIN_BYTES = 256 * 2 ** 20;

/**
 * Set in the new process's environment, so that it never starts another; its value is the first
 * process's heap limit in bytes (heapLimitBeforeRerun).
 */
export const RERUN_MARK = 'THREATMERGE_RERUN';

/** The heap limit of the process that reran this one, for the same memory check; undefined if none. */
export function heapLimitBeforeRerun(env: Readonly<Record<string, string | undefined>>): number | undefined {
  return wholeNumber(env[RERUN_MARK]);
}

/** A setting that must be a whole number of bytes; anything else counts as unset. */
function wholeNumber(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * The Node options to rerun a merge of this many input bytes with, or undefined to go on as it is:
 * small merges, a process that is the rerun already, one whose young generation was set by
 * whoever started Node, and one being debugged are left alone. `THREATMERGE_RERUN_MIN_BYTES` moves the threshold.
 */
export function rerunFlags(inputBytes: number, nodeFlags: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] | undefined {
  if (env[RERUN_MARK] !== undefined || env['THREATMERGE_WORKERS'] === '0') return undefined;
  // A debugger or inspector would attach to the first process, which only waits.
  if (nodeFlags.some((f) => /semi[-_]space|^--(inspect|debug)/.test(f))) return undefined;
  const min = wholeNumber(env['THREATMERGE_RERUN_MIN_BYTES']) ?? DEFAULT_RERUN_MIN_BYTES;
  return inputBytes >= min ? [YOUNG_GENERATION_FLAG] : undefined;
}

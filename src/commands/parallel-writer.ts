/**
 * The second core for writing `merge --format json`: a worker thread makes the text of some of
 * the joint threats while the main thread makes the others (see ParallelThreatWriter in
 * render/merge/json.ts, and helper-thread.ts for how the main thread waits).
 */
import type { ThreatSetup } from '../core/merge.js';
import type { HelperAnswer, ParallelThreatWriter, ThreatBatch, ThreatWriterHelper } from '../render/merge/json.js';
import { helperThreadsAllowed, minEntriesFrom, startHelperThread } from './helper-thread.js';

/** What the worker sends: one answer per batch, its text in UTF-8 (`from`: the batch's first threat); or why it stopped. */
export type WriteAnswer = { from: number; bytes: Uint8Array } | { error: string };

export interface WriterOptions {
  /** The worker's script (tests give ones that fail). */
  script?: URL;
  /** How long to wait for answers, in all, before making the helper's batches here (ms). */
  patienceMs?: number;
}

/**
 * Entries from which a helper makes part of the threats. At a million entries shipping a threat
 * cost this thread about a seventh of making it, and the phase took a third less; at 100k,
 * where the merge keeps its threats parsed and the helper starts cold (empty caches, code not
 * yet compiled), it took as long as without (docs/performance.md, thirteenth round).
 */
const DEFAULT_MIN_ENTRIES = 250_000;

/**
 * The helper's young generation (MB): what it keeps is little (a batch's threats), so Node's
 * default size serves it; the rerun's larger one would add ~100 MB to a merge at its largest.
 */
const YOUNG_GENERATION_MB = 48;

/**
 * A batch takes the helper milliseconds, and this thread waits for it under a second in all at a
 * million entries; waiting this long in all means the helper is stuck or crawling (or the
 * machine is swapping), and this thread makes the rest itself.
 */
const PATIENCE_MS = 30_000;

/** `onFallback` hears why some threats were made on the main thread after all (tests listen). */
export function workerWriter(env: Record<string, string | undefined>, onFallback: (why: string) => void = () => {}, options: WriterOptions = {}): ParallelThreatWriter | undefined {
  if (!helperThreadsAllowed(env)) return undefined;
  const script = options.script ?? new URL('./write-worker.js', import.meta.url);
  const patienceMs = options.patienceMs ?? PATIENCE_MS;
  return {
    minEntries: minEntriesFrom(env, DEFAULT_MIN_ENTRIES),
    start(setup: ThreatSetup): ThreatWriterHelper | undefined {
      const worker = startHelperThread(script, { setup }, YOUNG_GENERATION_MB);
      if (!worker) {
        onFallback('the worker could not start');
        return undefined;
      }
      let failed = false;
      // Time spent waiting for answers so far: patience is for the whole phase, not per answer,
      // so that a worker that answers, but very slowly, is given up too.
      let waited = 0;
      const fail = (why: string): HelperAnswer => {
        if (!failed) onFallback(why);
        failed = true;
        worker.end();
        return { kind: 'failed' };
      };
      return {
        ship(batch: ThreatBatch) {
          if (failed) return;
          try {
            worker.post(batch);
          } catch (err) {
            fail(`a batch could not be sent: ${err instanceof Error ? err.message : String(err)}`);
          }
        },
        next(wait: boolean): HelperAnswer {
          if (failed) return { kind: 'failed' };
          const started = Date.now();
          const received = worker.next(wait ? started + Math.max(0, patienceMs - waited) : 0);
          if (wait) waited += Date.now() - started;
          if (received === undefined) return wait ? fail('the worker did not answer in time') : { kind: 'pending' };
          const answer = received.message as Partial<{ from: unknown; bytes: unknown; error: unknown }> | null;
          if (typeof answer !== 'object' || answer === null) return fail('the worker sent something that is not an answer');
          if (typeof answer.error === 'string') return fail(answer.error);
          if (typeof answer.from !== 'number' || !(answer.bytes instanceof Uint8Array)) return fail('the worker sent something that is not an answer');
          return { kind: 'text', from: answer.from, bytes: answer.bytes };
        },
        dropped: (why: string) => void fail(why),
        end: () => worker.end(),
      };
    },
  };
}

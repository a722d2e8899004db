/**
 * The second core for `merge`'s normalisation (see core/normalise-parallel.ts): a worker thread
 * normalises the pieces sent to it while the main thread normalises the rest, and answers each
 * piece with its entries packed.
 */
import type { LexiconSnapshot } from '../core/aliases.js';
import type { NormaliseHelper, PackedEntries, ParallelNormaliser, ShippedSubmission } from '../core/normalise-parallel.js';
import { helperThreadsAllowed, minEntriesFrom, patience, startHelperThread } from './helper-thread.js';

/** What the worker sends: one answer per piece, then `done` once told there are no more; or why it stopped. */
export type NormaliseAnswer = PackedEntries | { done: true } | { error: string };

export interface NormaliserOptions {
  /** The worker's script (tests give ones that fail). */
  script?: URL;
  /** How long to wait for each answer, given how long the main thread's own share took. */
  patienceMs?: (ownShareMs: number) => number;
}

/** `onFallback` hears why some pieces were normalised on the main thread after all (tests listen). */
export function workerNormaliser(env: Record<string, string | undefined>, onFallback: (why: string) => void = () => {}, options: NormaliserOptions = {}): ParallelNormaliser | undefined {
  if (!helperThreadsAllowed(env)) return undefined;
  const script = options.script ?? new URL('./normalise-worker.js', import.meta.url);
  const wait = options.patienceMs ?? patience;
  return {
    minEntries: minEntriesFrom(env),
    start(lexicon: LexiconSnapshot): NormaliseHelper | undefined {
      const started = Date.now();
      const worker = startHelperThread(script, { lexicon });
      if (!worker) {
        onFallback('the worker could not start');
        return undefined;
      }
      return {
        ship(piece: ShippedSubmission) {
          worker.post(piece);
        },
        finish(take: (packed: PackedEntries) => boolean) {
          worker.post(null);
          // Each answer may take as long as the main thread's own share took, several times over.
          const patienceMs = wait(Date.now() - started);
          try {
            for (;;) {
              const received = worker.next(Date.now() + patienceMs);
              if (received === undefined) return onFallback('the worker did not answer in time');
              const answer = received.message as NormaliseAnswer;
              if ('done' in answer) return;
              if ('error' in answer) return onFallback(answer.error);
              if (!take(answer)) return onFallback(`the worker's answer for piece ${answer.shipment} did not fit`);
            }
          } finally {
            worker.end();
          }
        },
        end: () => worker.end(),
      };
    },
  };
}

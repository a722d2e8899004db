/**
 * The second core for `merge`'s normalisation (see core/normalise-parallel.ts): a worker thread
 * normalises the submissions sent to it while the main thread normalises the others, and sends
 * each one's entries back packed.
 */
import type { LexiconSnapshot } from '../core/aliases.js';
import type { NormaliseHelper, PackedEntries, ParallelNormaliser, ShippedSubmission } from '../core/normalise-parallel.js';
import { helperThreadsAllowed, minEntriesFrom, patience, startHelperThread } from './helper-thread.js';

/** What the worker sends: one answer per submission, then `done`; or why it stopped. */
export type NormaliseAnswer = PackedEntries | { done: true } | { error: string };

/** `onFallback` hears why some submissions were normalised on the main thread after all (tests listen). */
export function workerNormaliser(env: Record<string, string | undefined>, onFallback: (why: string) => void = () => {}): ParallelNormaliser | undefined {
  if (!helperThreadsAllowed(env)) return undefined;
  return {
    minEntries: minEntriesFrom(env),
    start(lexicon: LexiconSnapshot): NormaliseHelper {
      const started = Date.now();
      const worker = startHelperThread(new URL('./normalise-worker.js', import.meta.url), { lexicon });
      return {
        ship(submission: ShippedSubmission) {
          worker?.post(submission);
        },
        finish(): PackedEntries[] {
          const answers: PackedEntries[] = [];
          if (!worker) {
            onFallback('the worker could not start');
            return answers;
          }
          worker.post(null);
          const deadline = Date.now() + patience(Date.now() - started);
          try {
            for (;;) {
              const message = worker.next(deadline) as NormaliseAnswer | undefined;
              if (message === undefined) {
                onFallback('the worker did not answer in time');
                return answers;
              }
              if ('done' in message) return answers;
              if ('error' in message) {
                onFallback(message.error);
                return answers;
              }
              answers.push(message);
            }
          } finally {
            worker.end();
          }
        },
      };
    },
  };
}

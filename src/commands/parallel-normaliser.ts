/**
 * The second core for `merge`'s lexicon and normalisation (see core/normalise-parallel.ts): a
 * worker thread answers each piece sent to it with its lexicon facts while the main thread works
 * out those of the rest; then, given the lexicon, it normalises the pieces while the main thread
 * normalises the rest, and answers each piece with its entries packed.
 */
import type { LexiconFacts, LexiconSnapshot } from '../core/aliases.js';
import type { NormaliseHelper, PackedEntries, ParallelNormaliser, ShippedSubmission } from '../core/normalise-parallel.js';
import { helperThreadsAllowed, minEntriesFrom, patience, startHelperThread } from './helper-thread.js';

/** What the worker is sent: pieces, then the merge's lexicon, then null for `done`. */
export type NormaliseMessage = ShippedSubmission | { lexicon: LexiconSnapshot } | null;

/** What the worker sends: one answer per piece with its facts, then one per piece with its entries, then `done` once told there are no more; or why it stopped. */
export type NormaliseAnswer = PackedEntries | ShippedFacts | { done: true } | { error: string };

interface ShippedFacts {
  shipment: number;
  facts: LexiconFacts;
}

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
    start(keepParsed: boolean): NormaliseHelper | undefined {
      const started = Date.now();
      const worker = startHelperThread(script, { keepParsed });
      if (!worker) {
        onFallback('the worker could not start');
        return undefined;
      }
      let shipped = 0;
      // Once the worker has failed, or been given up on, it is asked nothing more: a late answer
      // of a stopped worker would be read as the next stage's.
      let stopped = false;
      const stop = (why: string) => {
        stopped = true;
        worker.end();
        onFallback(why);
      };
      /**
       * The next answer, or undefined (the worker stopped) if none came within `patienceMs` or
       * it was an error.
       */
      const next = (patienceMs: number): Exclude<NormaliseAnswer, { error: string }> | undefined => {
        const received = worker.next(Date.now() + patienceMs);
        if (received === undefined) return void stop('the worker did not answer in time');
        const answer = received.message as NormaliseAnswer;
        if ('error' in answer) return void stop(answer.error);
        return answer;
      };
      return {
        ship(piece: ShippedSubmission) {
          worker.post(piece satisfies NormaliseMessage);
          shipped++;
        },
        facts() {
          // Each answer may take as long as this thread's work so far took, several times over.
          const patienceMs = wait(Date.now() - started);
          const out: ShippedFacts[] = [];
          while (!stopped && out.length < shipped) {
            const answer = next(patienceMs);
            if (answer === undefined) break;
            if (!('facts' in answer) || answer.shipment !== out.length) stop(`the worker's answer for the facts of piece ${out.length} did not fit`);
            else out.push(answer);
          }
          return out;
        },
        normalise(lexicon: LexiconSnapshot) {
          if (!stopped) worker.post({ lexicon } satisfies NormaliseMessage);
        },
        finish(take: (packed: PackedEntries) => boolean) {
          if (stopped) return;
          worker.post(null satisfies NormaliseMessage);
          // Each answer may take as long as the main thread's own share took, several times over.
          const patienceMs = wait(Date.now() - started);
          try {
            for (;;) {
              const answer = next(patienceMs);
              if (answer === undefined || 'done' in answer) return;
              if (!('numbers' in answer) || !take(answer)) return onFallback(`the worker's answer for piece ${answer.shipment} did not fit`);
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

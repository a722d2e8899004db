/**
 * The second core for `merge`'s pair scoring: a worker thread scores chunks of the candidate
 * pairs while the main thread scores the others (see helper-thread.ts for how it waits).
 */
import type { ParallelScorer, ScoredChunk, ScoreJob } from '../core/resolve.js';
import { helperThreadsAllowed, minEntriesFrom, patience, startHelperThread } from './helper-thread.js';

/** `onFallback` hears why the worker's chunks were scored on the main thread after all (tests listen). */
export function workerScorer(env: Record<string, string | undefined>, onFallback: (why: string) => void = () => {}): ParallelScorer | undefined {
  if (!helperThreadsAllowed(env)) return undefined;
  return {
    minEntries: minEntriesFrom(env),
    start(job: ScoreJob) {
      const started = Date.now();
      const worker = startHelperThread(new URL('./score-worker.js', import.meta.url), { job });
      return (): ScoredChunk[] => {
        // The caller scores any chunk the worker took but did not deliver.
        const here = (why: string): ScoredChunk[] => {
          onFallback(why);
          return [];
        };
        if (!worker) return here('the worker could not start');
        try {
          const received = worker.next(Date.now() + patience(Date.now() - started));
          if (received === undefined) return here('the worker did not answer in time');
          const result = received.message as { chunks: ScoredChunk[] } | { error: string };
          return 'error' in result ? here(result.error) : result.chunks;
        } finally {
          worker.end();
        }
      };
    },
  };
}

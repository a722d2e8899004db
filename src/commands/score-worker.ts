/**
 * A worker thread that enumerates and scores candidate pairs for `merge` (see ParallelScorer in
 * core/resolve.ts): it takes chunks of entries from the shared counter while the main thread does
 * the same. The data arrive on shared memory; the chunks it scored are transferred back.
 */
import { workerData } from 'node:worker_threads';
import { takeChunks, type ScoreJob } from '../core/resolve.js';
import { answer, type HelperEnds } from './helper-thread.js';

const ends = workerData as HelperEnds & { job: ScoreJob };
try {
  const chunks = takeChunks(ends.job);
  answer(ends, { chunks }, chunks.flatMap((c) => [c.pairs.buffer as ArrayBuffer, c.scores.buffer as ArrayBuffer]));
} catch (err) {
  answer(ends, { error: err instanceof Error ? err.message : String(err) });
}

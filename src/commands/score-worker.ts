/**
 * A worker thread that enumerates and scores candidate pairs for `merge` (see ParallelScorer in
 * core/resolve.ts): it takes chunks of entries from the shared counter while the main thread does
 * the same. The data arrive on shared memory; the chunks it scored are transferred back, then the
 * waiting main thread is woken through the shared signal.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { takeChunks, type ScoreJob } from '../core/resolve.js';

const { job, signal, port } = workerData as { job: ScoreJob; signal: Int32Array; port: MessagePort };
try {
  const chunks = takeChunks(job);
  port.postMessage({ chunks }, chunks.flatMap((c) => [c.pairs.buffer as ArrayBuffer, c.scores.buffer as ArrayBuffer]));
} catch (err) {
  port.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
Atomics.store(signal, 0, 1);
Atomics.notify(signal, 0);

/**
 * A worker thread that enumerates and scores the candidate pairs of a range of entries for
 * `merge` (see ParallelScorer in core/resolve.ts). The data arrive on shared memory; the result
 * is transferred back, then the waiting main thread is woken through the shared signal.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { scoreRange } from '../core/compact.js';
import type { ScoreJob } from '../core/resolve.js';

const { job, signal, port } = workerData as { job: ScoreJob; signal: Int32Array; port: MessagePort };
try {
  const { pairs, scores } = scoreRange(job.compact, job.blocks, job.params, job.from, job.to);
  port.postMessage({ pairs, scores }, [pairs.buffer as ArrayBuffer, scores.buffer as ArrayBuffer]);
} catch (err) {
  port.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
Atomics.store(signal, 0, 1);
Atomics.notify(signal, 0);

/**
 * The second core for `merge`: a worker thread scores chunks of the candidate pairs while the
 * main thread scores the others. The merge core is synchronous, so the main thread waits on a
 * shared signal and takes the worker's chunks with receiveMessageOnPort.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ParallelScorer, ScoredChunk, ScoreJob } from '../core/resolve.js';

/** Merges below this many entries stay on one thread (starting a worker takes ~50 ms). */
export const DEFAULT_PARALLEL_MIN_ENTRIES = 20_000;

/** How long to wait for the worker, beyond the main thread's own share, before scoring its chunks here. */
const PATIENCE_FACTOR = 3;
const PATIENCE_MIN_MS = 30_000;

/** `onFallback` hears why the worker's chunks were scored on the main thread after all (tests listen). */
export function workerScorer(env: Record<string, string | undefined>, onFallback: (why: string) => void = () => {}): ParallelScorer | undefined {
  // On one core a second thread would only take turns with the first.
  if (env['THREATMERGE_WORKERS'] === '0' || availableParallelism() < 2) return undefined;
  const min = Number(env['THREATMERGE_PARALLEL_MIN_ENTRIES'] ?? DEFAULT_PARALLEL_MIN_ENTRIES);
  return {
    minEntries: Number.isFinite(min) && min >= 0 ? min : DEFAULT_PARALLEL_MIN_ENTRIES,
    start(job: ScoreJob) {
      const started = Date.now();
      const signal = new Int32Array(new SharedArrayBuffer(4));
      const { port1, port2 } = new MessageChannel();
      let worker: Worker | undefined;
      try {
        worker = new Worker(new URL('./score-worker.js', import.meta.url), { workerData: { job, signal, port: port2 }, transferList: [port2] });
        worker.unref();
        // An error in the worker is reported as a message; the event only keeps Node from
        // treating it as unhandled.
        worker.on('error', () => {});
      } catch {
        worker = undefined;
      }
      return (): ScoredChunk[] => {
        // The caller scores any chunk the worker took but did not deliver.
        const here = (why: string): ScoredChunk[] => {
          onFallback(why);
          return [];
        };
        if (!worker) return here('the worker could not start');
        const ownShare = Date.now() - started;
        const deadline = Date.now() + Math.max(PATIENCE_MIN_MS, PATIENCE_FACTOR * ownShare);
        try {
          for (;;) {
            const message = receiveMessageOnPort(port1);
            if (message) {
              const result = message.message as { chunks: ScoredChunk[] } | { error: string };
              return 'error' in result ? here(result.error) : result.chunks;
            }
            // Should the worker die without a word (out of memory), its chunks are scored here.
            if (Date.now() > deadline) return here('the worker did not answer in time');
            Atomics.wait(signal, 0, 0, 200);
          }
        } finally {
          void worker.terminate();
          port1.close();
        }
      };
    },
  };
}

/**
 * A worker thread that `merge`'s synchronous core can wait for: messages go to it on a port,
 * and its answers are taken with receiveMessageOnPort, waiting on a shared count of answers
 * that the worker bumps after each (see `answer`). Used for pair scoring and for normalisation.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** Merges below this many entries stay on one thread (starting a worker takes ~50 ms). */
const DEFAULT_PARALLEL_MIN_ENTRIES = 20_000;

/** Whether `merge` may start helper threads: not when told not to, nor on one core, where a second thread would only take turns with the first. */
export function helperThreadsAllowed(env: Record<string, string | undefined>): boolean {
  return env['THREATMERGE_WORKERS'] !== '0' && availableParallelism() >= 2;
}

/**
 * The size from which `merge` uses a helper thread (THREATMERGE_PARALLEL_MIN_ENTRIES moves it,
 * for every helper); `byDefault` where a helper pays only from a larger size.
 */
export function minEntriesFrom(env: Record<string, string | undefined>, byDefault = DEFAULT_PARALLEL_MIN_ENTRIES): number {
  const min = Number(env['THREATMERGE_PARALLEL_MIN_ENTRIES'] ?? byDefault);
  return Number.isFinite(min) && min >= 0 ? min : byDefault;
}

export interface HelperThread {
  post(message: unknown, transfer?: readonly ArrayBuffer[]): void;
  /** The worker's next answer, or undefined if none came by the deadline (ms since the epoch; 0 to only look). */
  next(deadline: number): { message: unknown } | undefined;
  /** Stop the worker; its unread answers are dropped. May be called again. */
  end(): void;
}

/** What the worker receives as workerData, besides the caller's own. */
export interface HelperEnds {
  port: MessagePort;
  /** How many answers the worker has sent: the main thread waits on it. */
  answers: Int32Array;
}

/**
 * Undefined when the worker cannot be started (the caller then does the work itself).
 * `youngGenerationMb` bounds its young generation, which otherwise follows this process's
 * (64 MB semi-spaces in a large merge's rerun).
 */
export function startHelperThread(script: URL, data: object, youngGenerationMb?: number): HelperThread | undefined {
  const answers = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(script, {
      workerData: { ...data, port: port2, answers },
      transferList: [port2],
      ...(youngGenerationMb !== undefined ? { resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } } : {}),
    });
  } catch {
    port1.close();
    return undefined;
  }
  worker.unref();
  // The workers report their own errors as answers. One that dies without a word (a script
  // that fails to load, no memory left) is noticed only when no answer comes by the deadline;
  // the event can only be heard once the main thread is free again, so it is only kept from
  // counting as unhandled here.
  worker.on('error', () => {});
  let ended = false;
  return {
    post: (message, transfer = []) => port1.postMessage(message, transfer as ArrayBuffer[]),
    next(deadline) {
      for (;;) {
        const seen = Atomics.load(answers, 0);
        const received = receiveMessageOnPort(port1);
        if (received) return { message: received.message as unknown };
        if (Date.now() > deadline) return undefined;
        Atomics.wait(answers, 0, seen, 200);
      }
    },
    end() {
      if (ended) return;
      ended = true;
      void worker.terminate();
      port1.close();
    },
  };
}

/** In the worker: send an answer, and wake the main thread should it be waiting. */
export function answer(ends: HelperEnds, message: unknown, transfer: readonly ArrayBuffer[] = []): void {
  ends.port.postMessage(message, transfer as ArrayBuffer[]);
  Atomics.add(ends.answers, 0, 1);
  Atomics.notify(ends.answers, 0);
}

/** How long to wait for a worker once this thread's own share is done: at least 30 s, and three times that share. */
export function patience(ownShareMs: number): number {
  return Math.max(30_000, 3 * ownShareMs);
}

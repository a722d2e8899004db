/**
 * A worker thread that checks input files, taking the next unclaimed one from a counter it
 * shares with the main thread, so that large runs use both cores. It sends each file's report
 * as soon as the file is checked; for `merge` (`documents`), a valid file's document goes with
 * it as JSON text, with its entry lines, so that the main thread only has to parse it.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { FileReport } from '../core/types.js';
import type { InputFile } from '../io/inputs.js';
import { checkOne, submissionValidator, workerResult } from './inputs.js';

export interface WorkerResult {
  /** The file's position in the list both threads take files from. */
  index: number;
  report: FileReport;
  ioError: boolean;
  /**
   * A valid file's document as JSON (`documents` only). JSON.parse gives back the same value:
   * a schema-valid document holds only strings, integers, lists and plain objects (a -0 comes
   * back as 0, which JSON output cannot tell apart). A string crosses threads as one copy,
   * where the document itself would be cloned object by object, slower than JSON.parse.
   */
  json?: string;
  entryLines?: number[];
}

/** What the worker posts: each file's result, then `done` once no file is left to claim. */
export type WorkerMessage = WorkerResult | { done: true };

export interface CheckWorkerData {
  files: InputFile[];
  today: string;
  next: Int32Array;
  port: MessagePort;
  documents: boolean;
}

const { files, today, next, port, documents } = workerData as CheckWorkerData;
const validator = await submissionValidator();
const check = (index: number) => port.postMessage(workerResult(index, checkOne(files[index]!, validator, today), documents) satisfies WorkerMessage);
// The last file is the worker's own; the others go to whichever thread asks first.
check(files.length - 1);
for (;;) {
  const index = Atomics.add(next, 0, 1);
  if (index >= files.length - 1) break;
  check(index);
}
port.postMessage({ done: true } satisfies WorkerMessage);

/**
 * A worker thread that checks input files for `validate`, taking the next unclaimed one from a
 * counter it shares with the main thread, so that large runs use both cores. It sends back only
 * the reports, never the documents.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FileReport } from '../core/types.js';
import type { InputFile } from '../io/inputs.js';
import { checkOne, submissionValidator } from './inputs.js';

export interface WorkerResult {
  /** The file's position in the list both threads take files from. */
  index: number;
  report: FileReport;
  ioError: boolean;
}

const { files, today, next } = workerData as { files: InputFile[]; today: string; next: Int32Array };
const validator = await submissionValidator();
const results: WorkerResult[] = [];
const check = (index: number) => {
  const { checked, ioError } = checkOne(files[index]!, validator, today);
  results.push({ index, report: checked.report, ioError });
};
// The last file is the worker's own; the others go to whichever thread asks first.
check(files.length - 1);
for (;;) {
  const index = Atomics.add(next, 0, 1);
  if (index >= files.length - 1) break;
  check(index);
}
parentPort!.postMessage(results);

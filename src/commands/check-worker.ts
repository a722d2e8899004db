/**
 * A worker thread that checks its share of the input files for `validate`, so that large runs
 * use both cores. It sends back only the reports, never the documents.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FileReport } from '../core/types.js';
import type { InputFile } from '../io/inputs.js';
import { checkOne, submissionValidator } from './inputs.js';

export interface WorkerResult {
  report: FileReport;
  ioError: boolean;
}

const { files, today } = workerData as { files: InputFile[]; today: string };
const validator = await submissionValidator();
const results: WorkerResult[] = files.map((input) => {
  const { checked, ioError } = checkOne(input, validator, today);
  return { report: checked.report, ioError };
});
parentPort!.postMessage(results);

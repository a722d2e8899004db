/** The shared front of validate, merge and report: expand inputs, read and check each file. */
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { checkAcrossFiles, checkBytes, type CheckedFile } from '../core/check.js';
import { decodeText, parseSource, type Locator } from '../core/load.js';
import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import { compileSchema, wrapValidator, type SchemaValidator } from '../core/validate.js';
import type { Diagnostic, RawSubmission } from '../core/types.js';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { expandInputs, readInputSync, totalSize, type InputFile } from '../io/inputs.js';
import type { CheckWorkerData, WorkerMessage, WorkerResult } from './check-worker.js';
import { today, type Io } from '../io/io.js';
import { progressFor } from '../io/progress.js';
import { cmp } from '../core/util.js';

export interface CheckedInputs {
  files: CheckedFile[];
  /** True when some file could not be read (exit code 2). */
  ioError: boolean;
}

let cachedValidator: SchemaValidator | undefined;


export async function submissionValidator(): Promise<SchemaValidator> {
  if (!cachedValidator) {
    const text = await readFile(schemaPath('threat-assessment.v1.schema.json'), 'utf8');
    cachedValidator = (await precompiledValidator(text)) ?? compileSchema(JSON.parse(text) as object);
  }
  return cachedValidator;
}

/**
 * The validators the build compiled ahead of time (ajv's, and the fail-fast check tried first),
 * when they were made from this very schema; a stale module is ignored as a whole.
 */
export async function precompiledValidator(schemaText: string, load: () => Promise<unknown> = () => import('../core/submission-schema.generated.js' as string)): Promise<SchemaValidator | undefined> {
  try {
    const generated = (await load()) as { schemaHash: string; default: ValidateFunction; fastValidate?: (value: unknown) => boolean };
    if (generated.schemaHash !== createHash('sha256').update(schemaText).digest('hex')) return undefined;
    return wrapValidator(generated.default, typeof generated.fastValidate === 'function' ? generated.fastValidate : undefined);
  } catch {
    return undefined;
  }
}

export function schemaPath(name: string): string {
  return fileURLToPath(new URL(`../../schemas/${name}`, import.meta.url));
}

export interface CheckInputsOptions {
  /** Names standard input in messages; its extension picks the format. */
  stdinName?: string;
  /**
   * Keep only the reports (validate): each document is dropped once its file is checked, and
   * positions for a cross-file problem are found by reading the file again. Holding every
   * document until the end made the garbage collector walk them over and over.
   */
  reportsOnly?: boolean;
  /**
   * Keep each valid document with its entry lines worked out (merge): the file's text is let go
   * as soon as the file is checked, and positions for a cross-file problem are found by reading
   * the file again. Kept until the end, the texts of a large merge's files were as much memory
   * again as its parsed documents.
   */
  settled?: boolean;
  /** The worker's script, in place of check-worker.js (tests give one that fails). */
  workerScript?: URL;
  /** No progress line (--quiet). */
  quiet?: boolean;
}

/** Below this many files or bytes, starting a worker costs more than it saves. */
const PARALLEL_MIN_FILES = 8;
const PARALLEL_MIN_BYTES = 8 << 20;

export async function checkInputs(patterns: readonly string[], io: Io, options: CheckInputsOptions = {}): Promise<CheckedInputs> {
  const { files: inputs, problems } = await expandInputs(patterns, io, options.stdinName);
  const day = today(io);
  let ioError = problems.length > 0;
  const files: CheckedFile[] = problems.map((p) => ({
    report: { file: p.name, diagnostics: [{ file: p.name, path: '', severity: 'error', rule: 'io/missing', message: p.message }] },
  }));
  // With `reportsOnly` or `settled`, files are checked in a worker thread too when there are
  // enough of them to pay for it. With `reportsOnly` (validate) only the reports come back; with
  // `settled` (merge) a valid file's document comes back as JSON text, which this thread parses
  // again (receiving and parsing it cost about half of reading, decoding, parsing and checking the
  // file here: 3.1 s for the worker's half of the 1M bench corpus). Not otherwise: a worker's file
  // has no parsed locator.
  const parallel =
    (options.reportsOnly === true || options.settled === true) &&
    io.env['THREATMERGE_WORKERS'] !== '0' &&
    availableParallelism() > 1 &&
    inputs.length >= PARALLEL_MIN_FILES &&
    inputs.every((i) => i.path !== undefined) &&
    totalSize(inputs) >= PARALLEL_MIN_BYTES;
  // Both threads take the next unclaimed file from a shared counter, so the worker, which
  // starts ~0.25 s later, simply takes fewer files, and uneven file sizes balance out. The last
  // file is always the worker's, so that its path is always taken (and tested).
  const next = new Int32Array(new SharedArrayBuffer(4));
  const shared = parallel ? inputs.length - 1 : inputs.length;
  const worker = parallel ? startCheckWorker(options.workerScript ?? new URL('./check-worker.js', import.meta.url), { files: inputs, today: day, next, documents: !options.reportsOnly }) : undefined;
  const validator = await submissionValidator();
  const progress = progressFor(io, options.quiet);
  const doneHere = new Set<number>();
  const reported = new Set<number>();
  const keep = (input: InputFile, checked: CheckedFile) => files.push(kept(input, checked, options));
  const takeReported = (r: WorkerResult) => {
    reported.add(r.index);
    ioError ||= r.ioError;
    files.push(fromWorkerResult(inputs[r.index]!, r));
  };
  for (;;) {
    // The worker's documents are parsed here as they come, so that they do not pile up unread.
    worker?.take(takeReported);
    const k = Atomics.add(next, 0, 1);
    if (k >= shared) break;
    const input = inputs[k]!;
    doneHere.add(k);
    progress.update(`reading ${k + 1}/${inputs.length} ${input.name}`);
    if (input.path === undefined) {
      const bytes = await io.readStdin();
      files.push(checkBytes(bytes, input.name, input.format, validator, { today: day }));
      continue;
    }
    const one = checkOne(input, validator, day);
    ioError ||= one.ioError;
    keep(input, one.checked);
  }
  progress.done();
  if (worker) {
    // Should the worker fail (it should not), the files it did not report are checked here.
    await worker.finish(takeReported);
    inputs.forEach((input, k) => {
      if (doneHere.has(k) || reported.has(k)) return;
      const one = checkOne(input, validator, day);
      ioError ||= one.ioError;
      keep(input, one.checked);
    });
  }
  files.sort((a, b) => cmp(a.report.file, b.report.file));
  return { files: checkAcrossFiles(files), ioError };
}

/** What is kept of a checked file (see CheckInputsOptions). */
function kept(input: InputFile, checked: CheckedFile, options: CheckInputsOptions): CheckedFile {
  if (options.reportsOnly) return { report: checked.report, locator: reparsingLocator(input) };
  if (!options.settled) return checked;
  const s = checked.submission;
  return { report: checked.report, locator: reparsingLocator(input), ...(s ? { submission: { file: s.file, document: s.document, entryLines: s.entryLines } } : {}) };
}

/** Read and check one file from disk. */
export function checkOne(input: InputFile, validator: SchemaValidator, day: string): { checked: CheckedFile; ioError: boolean } {
  let bytes: Uint8Array;
  try {
    bytes = readInputSync(input);
  } catch (err) {
    return { checked: { report: { file: input.name, diagnostics: [readProblem(input, err as NodeJS.ErrnoException)] } }, ioError: true };
  }
  return { checked: checkBytes(bytes, input.name, input.format, validator, { today: day }), ioError: false };
}

/**
 * Positions in a file a worker checked: only the cross-file check asks (two files claiming one
 * partner, which is rare), so the file is read and parsed again only then.
 */
function reparsingLocator(input: InputFile): Locator {
  let inner: Locator | undefined;
  return {
    locate(path, at) {
      if (!inner) {
        const decoded = decodeText(readInputSync(input), input.name);
        inner = 'text' in decoded ? parseSource(decoded.text, input.name, input.format === 'sniff' ? 'yaml' : input.format, { fast: false }).locator : { locate: () => ({ line: 1, column: 1 }) };
      }
      return inner.locate(path, at);
    },
  };
}

/** What the worker sends for a file it checked (see WorkerResult); fromWorkerResult reads it back. */
export function workerResult(index: number, one: { checked: CheckedFile; ioError: boolean }, documents: boolean): WorkerResult {
  const s = documents ? one.checked.submission : undefined;
  return { index, report: one.checked.report, ioError: one.ioError, ...(s ? { json: JSON.stringify(s.document), entryLines: s.entryLines } : {}) };
}

/** A file the worker checked, as this thread keeps it: its document, if valid, parsed again here. */
function fromWorkerResult(input: InputFile, r: WorkerResult): CheckedFile {
  const submission = r.json === undefined ? undefined : { file: input.name, document: JSON.parse(r.json) as RawSubmission, entryLines: r.entryLines ?? [] };
  return { report: r.report, locator: reparsingLocator(input), ...(submission ? { submission } : {}) };
}

interface CheckWorker {
  /** Hand the results that have come so far to `take`, without waiting. */
  take(take: (r: WorkerResult) => void): void;
  /** Hand the rest to `take` as they come, until the worker is done or has failed. */
  finish(take: (r: WorkerResult) => void): Promise<void>;
}

function startCheckWorker(script: URL, data: Omit<CheckWorkerData, 'port'>): CheckWorker {
  const { port1, port2 } = new MessageChannel();
  let done = false;
  let failed = false;
  let worker: Worker | undefined;
  try {
    const workerData: CheckWorkerData = { ...data, port: port2 };
    worker = new Worker(script, { workerData, transferList: [port2] });
  } catch {
    failed = true;
  }
  const stopped = new Promise<void>((resolve) => {
    if (!worker) return resolve();
    worker.once('error', () => ((failed = true), resolve()));
    worker.once('exit', () => resolve());
  });
  const handle = (m: WorkerMessage, take: (r: WorkerResult) => void) => {
    if ('done' in m) done = true;
    else take(m);
  };
  const takeQueued = (take: (r: WorkerResult) => void) => {
    for (let m = receiveMessageOnPort(port1); m !== undefined; m = receiveMessageOnPort(port1)) handle(m.message as WorkerMessage, take);
  };
  const end = () => {
    port1.close();
    void worker?.terminate();
  };
  return {
    take: takeQueued,
    async finish(take) {
      takeQueued(take);
      if (!done && !failed) {
        await new Promise<void>((resolve) => {
          port1.on('message', (m: WorkerMessage) => {
            handle(m, take);
            if (done) resolve();
          });
          void stopped.then(() => {
            // Whatever it sent before it stopped is still to be read.
            takeQueued(take);
            resolve();
          });
        });
      }
      end();
    },
  };
}

function readProblem(input: InputFile, err: NodeJS.ErrnoException): Diagnostic {
  const why = err.code === 'EACCES' ? 'permission denied' : err.code === 'EISDIR' ? 'it is a directory' : err.code === 'ENOENT' ? 'no such file (a dangling link?)' : (err.code ?? err.message);
  return { file: input.name, path: '', severity: 'error', rule: 'io/read', message: `cannot read the file: ${why}` };
}

/** The shared front of validate, merge and report: expand inputs, read and check each file. */
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { checkAcrossFiles, checkBytes, type CheckedFile } from '../core/check.js';
import { decodeText, parseSource, type Locator } from '../core/load.js';
import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import { compileSchema, wrapValidator, type SchemaValidator } from '../core/validate.js';
import type { Diagnostic } from '../core/types.js';
import { Worker } from 'node:worker_threads';
import { expandInputs, readInputSync, totalSize, type InputFile } from '../io/inputs.js';
import type { WorkerResult } from './check-worker.js';
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
   * Check files in a worker thread too, when there are enough of them to pay for it. Only the
   * reports come back, so this is for `validate`, which needs no documents.
   */
  parallel?: boolean;
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
  const parallel =
    options.parallel === true &&
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
  const fromWorker = parallel ? checkInWorker(inputs, day, next) : undefined;
  const validator = await submissionValidator();
  const progress = progressFor(io);
  const doneHere = new Set<number>();
  const keep = (input: InputFile, checked: CheckedFile) => files.push(kept(input, checked, options));
  for (;;) {
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
  if (fromWorker) {
    // Should the worker fail (it should not), the files it did not report are checked here.
    const results = await fromWorker.catch(() => [] as WorkerResult[]);
    const reported = new Set<number>();
    for (const r of results) {
      reported.add(r.index);
      ioError ||= r.ioError;
      files.push({ report: r.report, locator: reparsingLocator(inputs[r.index]!) });
    }
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

function checkInWorker(files: InputFile[], day: string, next: Int32Array): Promise<WorkerResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: { files, today: day, next } });
    worker.once('message', (results: WorkerResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function readProblem(input: InputFile, err: NodeJS.ErrnoException): Diagnostic {
  const why = err.code === 'EACCES' ? 'permission denied' : err.code === 'EISDIR' ? 'it is a directory' : err.code === 'ENOENT' ? 'no such file (a dangling link?)' : (err.code ?? err.message);
  return { file: input.name, path: '', severity: 'error', rule: 'io/read', message: `cannot read the file: ${why}` };
}

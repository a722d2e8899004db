/** The shared front of validate, merge and report: expand inputs, read and check each file. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { checkAcrossFiles, checkBytes, type CheckedFile } from '../core/check.js';
import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import { compileSchema, wrapValidator, type SchemaValidator } from '../core/validate.js';
import type { Diagnostic } from '../core/types.js';
import { expandInputs, readInput, type InputFile } from '../io/inputs.js';
import { today, type Io } from '../io/io.js';
import { progressFor } from '../io/progress.js';

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

/** The validator the build compiled ahead of time, when it was made from this very schema. */
async function precompiledValidator(schemaText: string): Promise<SchemaValidator | undefined> {
  try {
    const generated = (await import('../core/submission-schema.generated.js' as string)) as { schemaHash: string; default: ValidateFunction };
    if (generated.schemaHash !== createHash('sha256').update(schemaText).digest('hex')) return undefined;
    return wrapValidator(generated.default);
  } catch {
    return undefined;
  }
}

export function schemaPath(name: string): string {
  return fileURLToPath(new URL(`../../schemas/${name}`, import.meta.url));
}

export async function checkInputs(patterns: readonly string[], io: Io, stdinName?: string): Promise<CheckedInputs> {
  const { files: inputs, problems } = await expandInputs(patterns, io, stdinName);
  const validator = await submissionValidator();
  const options = { today: today(io) };
  let ioError = problems.length > 0;
  const files: CheckedFile[] = problems.map((p) => ({
    report: { file: p.name, diagnostics: [{ file: p.name, path: '', severity: 'error', rule: 'io/missing', message: p.message }] },
  }));
  const progress = progressFor(io);
  for (const [n, input] of inputs.entries()) {
    progress.update(`reading ${n + 1}/${inputs.length} ${input.name}`);
    const bytes = await readInput(input, io).catch((err: NodeJS.ErrnoException) => err);
    if (bytes instanceof Error) {
      ioError = true;
      files.push({ report: { file: input.name, diagnostics: [readProblem(input, bytes)] } });
      continue;
    }
    files.push(checkBytes(bytes, input.name, input.format, validator, options));
  }
  progress.done();
  files.sort((a, b) => (a.report.file < b.report.file ? -1 : a.report.file > b.report.file ? 1 : 0));
  return { files: checkAcrossFiles(files), ioError };
}

function readProblem(input: InputFile, err: NodeJS.ErrnoException): Diagnostic {
  const why = err.code === 'EACCES' ? 'permission denied' : err.code === 'EISDIR' ? 'it is a directory' : err.code === 'ENOENT' ? 'no such file (a dangling link?)' : (err.code ?? err.message);
  return { file: input.name, path: '', severity: 'error', rule: 'io/read', message: `cannot read the file: ${why}` };
}

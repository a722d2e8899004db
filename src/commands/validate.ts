import { renderValidation, type ValidationFormat } from '../render/validation/index.js';
import { fileFails, type ValidationReport } from '../core/types.js';
import { chalkFor } from '../io/color.js';
import type { Io } from '../io/io.js';
import { checkInputs } from './inputs.js';
import { emit, TOOL } from './output.js';

export interface ValidateOptions {
  format: ValidationFormat;
  output?: string;
  quiet: boolean;
  strict: boolean;
  color?: boolean;
  stdinFilepath?: string;
}

export async function runValidate(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  const { files, ioError } = await checkInputs(paths, io, { reportsOnly: true, quiet: options.quiet, ...(options.stdinFilepath !== undefined ? { stdinName: options.stdinFilepath } : {}) });
  const report: ValidationReport = { files: files.map((f) => f.report) };
  const toTerminal = options.output === undefined;
  const text = renderValidation(options.format, report, {
    chalk: chalkFor(io.stdout, io, toTerminal ? options.color : false),
    quiet: options.quiet,
    strict: options.strict,
    ...TOOL,
  });
  await emit(text, options.output, io);
  if (ioError) return 2;
  return report.files.some((f) => fileFails(f, options.strict)) ? 1 : 0;
}

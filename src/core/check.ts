/** One input file from bytes to a validated submission: decode → parse → validate. */
import { decodeText, parseSource, type Locator, type SourceFormat } from './load.js';
import { crossFileDiagnostics, sortDiagnostics, validateParsed, type SchemaValidator, type ValidateOptions, type ValidatedFile } from './validate.js';
import type { FileReport } from './types.js';

export interface CheckedFile extends ValidatedFile {
  locator?: Locator;
}

export function checkBytes(bytes: Uint8Array, file: string, format: SourceFormat | 'sniff', validator: SchemaValidator, options: ValidateOptions): CheckedFile {
  const decoded = decodeText(bytes, file);
  if ('diagnostic' in decoded) return { report: { file, diagnostics: [decoded.diagnostic] } };
  const actual = format === 'sniff' ? sniffFormat(decoded.text) : format;
  const parsed = parseSource(decoded.text, file, actual);
  return { ...validateParsed(parsed, file, validator, options), locator: parsed.locator };
}

export function sniffFormat(text: string): SourceFormat {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

/** Add the checks that span files; a file that gains an error loses its submission. */
export function checkAcrossFiles(files: CheckedFile[]): CheckedFile[] {
  const extra = crossFileDiagnostics(files.map((f) => ({ file: f.report.file, partner: f.report.partner, locator: f.locator })));
  if (extra.length === 0) return files;
  return files.map((f) => {
    const mine = extra.filter((d) => d.file === f.report.file);
    if (mine.length === 0) return f;
    const report: FileReport = { ...f.report, diagnostics: sortDiagnostics([...f.report.diagnostics, ...mine]) };
    const failed = mine.some((d) => d.severity === 'error');
    return { report, locator: f.locator, ...(failed || !f.submission ? {} : { submission: f.submission }) };
  });
}

/** One input file from bytes to a validated submission: decode → parse → validate. */
import { decodeText, parseSource, type Locator, type ParsedSource, type SourceFormat } from './load.js';
import { isStixBundle, submissionFromStix } from './stix-import.js';
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
  const source = actual === 'json' && isStixBundle(parsed.value) ? fromStix(parsed, file) : parsed;
  return { ...validateParsed(source, file, validator, options), locator: parsed.locator };
}

/**
 * A STIX 2.1 bundle read as a submission: its converted document is validated like any other,
 * with every location pointing back at the STIX object the entry came from.
 */
function fromStix(parsed: ParsedSource, file: string): ParsedSource {
  const converted = submissionFromStix(parsed.value, file);
  const objects = converted.entryObjects ?? [];
  const locate: Locator['locate'] = (path, at) => {
    if (path[0] === 'threats' && typeof path[1] === 'number' && objects[path[1]] !== undefined) {
      return parsed.locator.locate(['objects', objects[path[1]]!], at);
    }
    return parsed.locator.locate([], at);
  };
  const locator: Locator = { locate };
  const diagnostics = converted.diagnostics.map((d) => (d.line === undefined && d.path ? { ...d, ...parsed.locator.locate(pathSegments(d.path)) } : d));
  return {
    value: converted.document,
    diagnostics,
    locator,
    threatLines: () => objects.map((o) => parsed.locator.locate(['objects', o]).line),
  };
}

/** `objects[3].name` → ['objects', 3, 'name'] */
function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
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

/**
 * Schema and semantic validation of submissions. The schema is compiled once per run; every
 * problem becomes a located Diagnostic with a plain-language message.
 */
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { ajvLibrary } from './lazy-deps.js';
import type { Locator, ParsedSource, PathSegment } from './load.js';
import { closest } from './suggest.js';
import { cmp, isObject } from './util.js';
import type { Diagnostic, FileReport, RawSubmission, Submission } from './types.js';

export interface SchemaValidator {
  (value: unknown): readonly ErrorObject[];
}

/** The one ajv configuration: every error, strict schemas, the schema and data in each error. */
export function createAjv(options: { standalone?: boolean } = {}): Ajv2020 {
  const { Ajv2020, addFormats } = ajvLibrary();
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, ...(options.standalone ? { code: { source: true, esm: true } } : {}) });
  addFormats(ajv, ['date', 'uri']);
  return ajv;
}

/** Compile a JSON Schema 2020-12 once; the result validates many documents. */
export function compileSchema(schema: object): SchemaValidator {
  return wrapValidator(createAjv().compile(schema));
}

/**
 * ajv's validator as a SchemaValidator. With `fast` (a yes/no check of the same schema that
 * never says yes when ajv would find an error), ajv runs only on the documents `fast` rejects,
 * to produce their errors; a valid document costs only the fast check.
 */
export function wrapValidator(validate: ValidateFunction, fast?: (value: unknown) => boolean): SchemaValidator {
  if (fast) return (value) => (fast(value) || validate(value) ? [] : (validate.errors ?? []));
  return (value) => (validate(value) ? [] : (validate.errors ?? []));
}

export interface ValidateOptions {
  /** Today's date as YYYY-MM-DD, for the "issued in the future" check. */
  today: string;
}

export interface ValidatedFile {
  report: FileReport;
  /** Present when the file has no errors. */
  submission?: Submission;
}

/** Validate one parsed file: schema, then the checks a schema cannot express. */
export function validateParsed(parsed: ParsedSource, file: string, validator: SchemaValidator, options: ValidateOptions): ValidatedFile {
  const diagnostics = [...parsed.diagnostics];
  const doc = parsed.value;
  const report = (): FileReport => ({ file, ...describe(doc), diagnostics: sortDiagnostics(diagnostics) });
  if (doc === undefined || diagnostics.some((d) => d.severity === 'error' && d.rule !== 'duplicate-key')) {
    return { report: report() };
  }

  const version = isObject(doc) ? doc['schemaVersion'] : undefined;
  if (isObject(doc) && version !== 1) {
    const where = version === undefined ? parsed.locator.locate([]) : parsed.locator.locate(['schemaVersion']);
    diagnostics.push({
      file, ...where, path: 'schemaVersion', severity: 'error', rule: 'schema/version',
      message: version === undefined
        ? 'missing schemaVersion; add "schemaVersion: 1" at the top'
        : `unsupported schema version ${preview(version)}; this threatmerge reads schemaVersion 1`,
    });
    return { report: report() };
  }

  diagnostics.push(...schemaDiagnostics(validator(doc), doc, file, parsed.locator));
  if (isObject(doc)) diagnostics.push(...semanticDiagnostics(doc, file, parsed.locator, options));

  const ok = !diagnostics.some((d) => d.severity === 'error');
  if (!ok) return { report: report() };
  const document = doc as unknown as RawSubmission;
  // Entry lines are worked out only when asked for (merge's provenance; validate never asks).
  const submission = { file, document } as Submission;
  Object.defineProperty(submission, LINES, { value: { parsed } satisfies LinesState });
  Object.defineProperty(submission, 'entryLines', { enumerable: true, get: lazyEntryLines });
  return { report: report(), submission };
}

/**
 * `Submission.entryLines`, one getter shared by every submission, its state kept on the
 * submission itself. A getter made per submission (a closure over the parsed file) kept each
 * document alive until the next full garbage collection even after validate had dropped it:
 * young-generation collections copied and promoted every document instead of freeing it
 * (about 0.25 s of garbage-collection pauses per 100k entries on one thread).
 */
const LINES = Symbol('entryLines');
interface LinesState { parsed: ParsedSource; lines?: number[] }

function lazyEntryLines(this: Submission & { [LINES]: LinesState }): number[] {
  const state = this[LINES];
  if (state.lines === undefined) {
    const { parsed } = state;
    const threats = this.document.threats;
    const scanned = parsed.threatLines?.();
    state.lines = scanned?.length === threats.length ? scanned : threats.map((_, i) => parsed.locator.locate(['threats', i]).line);
  }
  return state.lines;
}

/** Checks across files validated together: two files claiming one partner id. */
export function crossFileDiagnostics(files: readonly { file: string; partner?: string; locator?: Locator }[]): Diagnostic[] {
  const firstFileOf = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const f of files) {
    if (!f.partner) continue;
    const first = firstFileOf.get(f.partner);
    if (first === undefined) {
      firstFileOf.set(f.partner, f.file);
      continue;
    }
    const where = f.locator?.locate(['partner', 'id']);
    out.push({
      file: f.file, ...(where ?? {}), path: 'partner.id', severity: 'error', rule: 'duplicate-partner',
      message: `partner id "${f.partner}" is also claimed by ${first}; each partner submits one file (merge them, or give each partner its own id)`,
    });
  }
  return out;
}

function describe(doc: unknown): { partner?: string; entries?: number } {
  if (!isObject(doc)) return {};
  // Only a well-formed id names the partner in reports; a malformed one (5 MB, say) is an error, not a label.
  const id = isObject(doc['partner']) ? doc['partner']['id'] : undefined;
  const partner = typeof id === 'string' && PARTNER_ID.test(id) ? id : undefined;
  const threats = doc['threats'];
  return { ...(partner !== undefined ? { partner } : {}), ...(Array.isArray(threats) ? { entries: threats.length } : {}) };
}

function semanticDiagnostics(doc: Record<string, unknown>, file: string, locator: Locator, options: ValidateOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const issued = doc['issued'];
  if (typeof issued === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(issued) && issued > options.today) {
    out.push({
      file, ...locator.locate(['issued']), path: 'issued', severity: 'warning', rule: 'issued-in-future',
      message: `issued date ${issued} is in the future (today is ${options.today}); check the year`,
    });
  }
  const threats = doc['threats'];
  if (!Array.isArray(threats)) return out;
  const seenIds = new Map<string, number>();
  const seenRanks = new Map<number, number>();
  threats.forEach((t, i) => {
    if (!isObject(t)) return;
    const id = t['id'];
    if (typeof id === 'string') {
      const first = seenIds.get(id);
      if (first === undefined) seenIds.set(id, i);
      else {
        out.push({
          file, ...locator.locate(['threats', i, 'id']), path: `threats[${i}].id`, severity: 'error', rule: 'duplicate-entry-id',
          message: `duplicate entry id "${truncate(id)}"; threats[${first}] (line ${locator.locate(['threats', first]).line}) already uses it, and ids must be unique within a file`,
        });
      }
    }
    const rank = t['rank'];
    if (typeof rank === 'number' && Number.isInteger(rank)) {
      const first = seenRanks.get(rank);
      if (first === undefined) seenRanks.set(rank, i);
      else {
        out.push({
          file, ...locator.locate(['threats', i, 'rank']), path: `threats[${i}].rank`, severity: 'error', rule: 'duplicate-rank',
          message: `duplicate rank ${rank}; threats[${first}] (line ${locator.locate(['threats', first]).line}) already has it, and each rank may be given once`,
        });
      }
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// ajv errors → plain-language diagnostics

const PARTNER_ID = /^[a-z0-9][a-z0-9-]{1,31}$/;

const PATTERN_HINTS: Record<string, string> = {
  '^[a-z0-9][a-z0-9-]{1,31}$': 'must be 2 to 32 lower-case letters, digits or hyphens, starting with a letter or digit (e.g. "nl-police")',
  '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$': 'must be 1 to 64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit (e.g. "T-001")',
  '^[Cc][Vv][Ee]-[0-9]{4}-[0-9]{4,}$': 'must be a CVE id such as "CVE-2023-4966"',
  '^[Tt][0-9]{4}(\\.[0-9]{3})?$': 'must be a MITRE ATT&CK technique id such as "T1486" or "T1566.002"',
  '^([A-Z]{2}|GLOBAL)$': 'must be an ISO 3166-1 alpha-2 country code in capitals (e.g. "NL"), "EU" or "GLOBAL"',
};

const FORMAT_HINTS: Record<string, string> = {
  date: 'must be a calendar date written YYYY-MM-DD (e.g. "2026-06-30")',
  uri: 'must be an absolute URL (e.g. "https://example.org/report")',
};

export function schemaDiagnostics(errors: readonly ErrorObject[], doc: unknown, file: string, locator: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const segments = pointerSegments(e.instancePath, doc);
    const d = describeError(e, segments);
    if (!d) continue;
    const key = `${d.path}\u0000${d.family}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file, ...locator.locate(d.locate, d.at), path: d.path, severity: 'error', rule: `schema/${e.keyword}`, message: d.message });
  }
  return out;
}

interface Described { path: string; locate: PathSegment[]; at: 'key' | 'value'; family: string; message: string }

function describeError(e: ErrorObject, segments: PathSegment[]): Described | undefined {
  const path = formatPath(segments);
  // The renderer shows the full path beside the message; the message names just the field.
  const lastSegment = segments[segments.length - 1];
  const name = path === '' ? 'the document' : typeof lastSegment === 'string' ? lastSegment : path;
  const value = e.data;
  const schema = (e.parentSchema ?? {}) as Record<string, unknown>;
  const base = { path, locate: segments, at: 'value' as const, family: 'value' };
  switch (e.keyword) {
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      const childPath = formatPath([...segments, missing]);
      return { ...base, path: childPath, family: `required:${missing}`, message: `missing required key "${missing}"${path === '' ? '' : ` in ${path}`}` };
    }
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((schema['properties'] as object | undefined) ?? {});
      const guess = closest(key, allowed);
      const where = path === '' ? 'at the top level' : `in ${path}`;
      return {
        path: formatPath([...segments, truncate(key)]), locate: [...segments, key], at: 'key', family: `unknown:${truncate(key)}`,
        message: `unknown key "${truncate(key)}" ${where}${guess ? `; did you mean "${guess}"?` : `; allowed keys: ${allowed.join(', ')}`}`,
      };
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const field = lastName(segments);
      if (typeof value !== 'string' && typeof value !== 'number') {
        return { ...base, message: `${name} must be one of ${listValues(allowed)}, got ${kindOf(value)}` };
      }
      const text = String(value);
      const guess = /white/i.test(text) && field === 'tlp' ? 'clear' : closest(text, allowed);
      const why = /white/i.test(text) && field === 'tlp' ? ' (TLP 2.0 renamed WHITE to CLEAR)' : '';
      return { ...base, message: `unknown ${field} ${preview(value)}${guess ? `; did you mean "${guess}"?${why}` : `; allowed: ${listValues(allowed)}`}` };
    }
    case 'const':
      return { ...base, message: `${name} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}, got ${preview(value)}` };
    case 'type':
    case 'minimum':
    case 'maximum': {
      if (path === '' && e.keyword === 'type') {
        return { ...base, family: 'type', message: `a submission must be a mapping (an object) with schemaVersion, partner, issued and threats; this file holds ${kindOf(value)}` };
      }
      return { ...base, family: 'type', message: `${name} must be ${expectation(schema)}, got ${preview(value)}` };
    }
    case 'pattern': {
      const hint = PATTERN_HINTS[String((e.params as { pattern: string }).pattern)] ?? `must match ${String((e.params as { pattern: string }).pattern)}`;
      return { ...base, message: `${name} ${hint}, got ${preview(value)}` };
    }
    case 'format': {
      const format = String((e.params as { format: string }).format);
      return { ...base, message: `${name} ${FORMAT_HINTS[format] ?? `must be a valid ${format}`}, got ${preview(value)}` };
    }
    case 'maxLength':
    case 'minLength': {
      const limit = Number((e.params as { limit: number }).limit);
      const length = typeof value === 'string' ? value.length : 0;
      return {
        ...base, family: 'length',
        message: e.keyword === 'maxLength'
          ? `${name} is too long: ${length.toLocaleString('en-US')} characters, at most ${limit.toLocaleString('en-US')} allowed`
          : `${name} must not be empty`,
      };
    }
    case 'minItems':
      return { ...base, message: `${name} must list at least ${String((e.params as { limit: number }).limit)} item${(e.params as { limit: number }).limit === 1 ? '' : 's'}` };
    default:
      return { ...base, family: e.keyword, message: `${name} ${e.message ?? 'is invalid'}` };
  }
}

function expectation(schema: Record<string, unknown>): string {
  const type = schema['type'];
  const min = schema['minimum'];
  const max = schema['maximum'];
  if (type === 'integer' && typeof min === 'number' && typeof max === 'number') return `an integer from ${min} to ${max}`;
  if (type === 'integer' && typeof min === 'number') return `an integer of at least ${min}`;
  if (Array.isArray(type)) return type.map(article).join(' or ');
  return article(String(type));
}

function article(type: string): string {
  switch (type) {
    case 'object': return 'a mapping (an object)';
    case 'array': return 'a list';
    case 'integer': return 'an integer';
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'boolean': return 'true or false';
    default: return type;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${preview(value)}`;
  return `${typeof value} ${preview(value)}`;
}

/** A value quoted for a message, cut short so a 5 MB title never floods the terminal. */
export function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = typeof value === 'string' ? JSON.stringify(truncate(value)) : String(value);
  return text;
}

function truncate(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function listValues(values: readonly string[]): string {
  const distinct = values.filter((v) => !v.startsWith('TLP:'));
  return distinct.map((v) => `"${v}"`).join(', ') + (distinct.length < values.length ? ' (or the TLP:LABEL forms)' : '');
}

function lastName(segments: readonly PathSegment[]): string {
  for (let i = segments.length - 1; i >= 0; i--) if (typeof segments[i] === 'string') return segments[i] as string;
  return 'value';
}

/** JSON pointer → segments, with array indices as numbers (decided by the data, not the text). */
function pointerSegments(pointer: string, doc: unknown): PathSegment[] {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let node: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const i = Number(seg);
      out.push(i);
      node = node[i];
    } else {
      out.push(seg);
      node = isObject(node) && Object.prototype.hasOwnProperty.call(node, seg) ? node[seg] : undefined;
    }
  }
  return out;
}

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) =>
    cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || cmp(a.rule, b.rule) || cmp(a.message, b.message));
}

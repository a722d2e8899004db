/**
 * Text → document value, plus a locator that maps a document path to a line and column.
 *
 * The value is produced eagerly; source positions are produced lazily, because only files that
 * have problems need them (see docs/performance.md).
 */
import type { Document, LineCounter, Node as YamlNode, YAMLError } from 'yaml';
import { jsYamlLibrary, yamlLibrary } from './lazy-deps.js';
import type { Diagnostic } from './types.js';

export type SourceFormat = 'json' | 'yaml';
export type PathSegment = string | number;

export interface Position { line: number; column: number }

export interface Locator {
  /** Position of the node at `path` (of its key when `at` is 'key'); the nearest existing parent when the path does not exist. */
  locate(path: readonly PathSegment[], at?: 'key' | 'value'): Position;
}

export interface ParsedSource {
  /** The document, or undefined when it could not be parsed. */
  value: unknown;
  diagnostics: Diagnostic[];
  locator: Locator;
  /**
   * 1-based line of each element of the top-level `threats` list, when a cheap scan can tell
   * (merge needs them for provenance; validate never asks, so it never pays for them).
   */
  threatLines?: () => number[] | undefined;
}

/** Beyond this many aliases a YAML file is treated as an alias bomb ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
/** Submissions nest five levels deep; anything far deeper is hostile or broken. */
export const MAX_NESTING = 64;

export function formatFromName(file: string): SourceFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/** Decode bytes as UTF-8 text, refusing binary files and invalid UTF-8 with a located message. */
export function decodeText(bytes: Uint8Array, file: string): { text: string } | { diagnostic: Diagnostic } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const pos = byteOffsetPosition(bytes, nul);
    return { diagnostic: fileProblem(file, 'encoding/binary', 'this is a binary file, not a YAML or JSON submission (it contains a NUL byte)', pos) };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const pos = byteOffsetPosition(bytes, bad);
    return {
      diagnostic: fileProblem(file, 'encoding/utf8', `the file is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}); save it as UTF-8`, pos),
    };
  }
}

export interface ParseOptions {
  /** Use the fast parsers for files they can read (default true); tests compare both paths. */
  fast?: boolean;
}

export function parseSource(rawText: string, file: string, format: SourceFormat, options: ParseOptions = {}): ParsedSource {
  // A byte-order mark is legal but would shift every column by one.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lazy = lazyYamlLocator(text);
  const fail = (d: Diagnostic): ParsedSource => ({ value: undefined, diagnostics: [d], locator: lazy.locator });

  if (text.trim() === '') return fail(fileProblem(file, 'empty', 'the file is empty; a submission needs schemaVersion, partner, issued and threats'));
  if (isOnlyComments(text, format)) return fail(fileProblem(file, 'empty', 'the file holds only comments; a submission needs schemaVersion, partner, issued and threats'));

  const fast = options.fast === false ? undefined : format === 'json' ? fastJson(text) : fastYaml(text);
  if (fast) return { value: fast.value, diagnostics: [], locator: lazy.locator, threatLines: fast.threatLines };

  const depth = maxBracketDepth(text);
  if (depth.depth > MAX_NESTING) {
    return fail(fileProblem(file, 'too-deep', `nesting is too deep (more than ${MAX_NESTING} levels); a submission is at most a few levels deep`, offsetPosition(text, depth.offset)));
  }

  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (err) {
      return fail(jsonSyntaxProblem(text, file, err as Error));
    }
  }

  let doc: Document.Parsed;
  try {
    doc = lazy.document();
  } catch (err) {
    return fail(unexpectedParseFailure(file, err));
  }
  const diagnostics: Diagnostic[] = doc.errors.map((e) => yamlProblem(file, e, lazy.lineCounter(), format));
  if (diagnostics.some((d) => d.severity === 'error' && d.rule !== 'duplicate-key')) {
    return { value: undefined, diagnostics, locator: lazy.locator };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    if (/alias/i.test(message) && /excessive|resource/i.test(message)) {
      diagnostics.push(fileProblem(file, 'yaml/alias-bomb', `too many YAML aliases (more than ${MAX_ALIAS_COUNT}): this looks like an alias bomb ("billion laughs") and was not expanded`));
    } else if (/anchor/i.test(message)) {
      diagnostics.push(fileProblem(file, 'yaml/alias', `YAML alias refers to an unknown anchor: ${message}`));
    } else {
      diagnostics.push(unexpectedParseFailure(file, err));
    }
    return { value: undefined, diagnostics, locator: lazy.locator };
  }
  return { value, diagnostics, locator: lazy.locator };
}

// ---------------------------------------------------------------------------------------------
// The fast path. Most files are valid: parse them with the fastest parser that gives the same
// values (JSON.parse; js-yaml with the YAML 1.2 core schema), and leave source positions to the
// slow path (the \`yaml\` package), which runs only when a file has a problem. Anything the fast
// parsers could read differently (aliases, merge keys, tags, tabs, binary literals, duplicate
// keys) goes to the slow path.

interface FastParse {
  value: unknown;
  threatLines: () => number[] | undefined;
}

function fastJson(text: string): FastParse | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // JSON.parse keeps the last of duplicate keys silently. Every member puts one colon in the
  // text, and strings carry their own: any difference between the two counts (a duplicate key,
  // or an escaped colon) sends the file to the exact path.
  const counts = { members: 0, colonsInStrings: 0 };
  if (!countMembers(value, counts, 0)) return undefined;
  if (countColons(text) !== counts.members + counts.colonsInStrings) return undefined;
  return { value, threatLines: () => scanJson(text).threatLines };
}

const YAML_FAST_PATH_EXCLUDED = /(^|[\s,[{:-])[*&!][^\s,\]}]|<<\s*:|\t|(^|[\s,[{:-])[-+]?0b[01]|^%/m;

function fastYaml(text: string): FastParse | undefined {
  if (YAML_FAST_PATH_EXCLUDED.test(text)) return undefined;
  if (maxBracketDepth(text).depth > MAX_NESTING) return undefined;
  let value: unknown;
  try {
    const jsYaml = jsYamlLibrary();
    value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (value === undefined || value === null || typeof value !== 'object') return undefined;
  return { value, threatLines: () => yamlThreatLines(text) };
}

/** Count object members and colons inside strings; false when nesting exceeds MAX_NESTING. */
function countMembers(value: unknown, counts: { members: number; colonsInStrings: number }, depth: number): boolean {
  if (depth > MAX_NESTING) return false;
  if (typeof value === 'string') {
    counts.colonsInStrings += countColons(value);
    return true;
  }
  if (Array.isArray(value)) {
    for (const v of value) if (!countMembers(v, counts, depth + 1)) return false;
    return true;
  }
  if (typeof value === 'object' && value !== null) {
    // JSON.parse makes "__proto__" an own property; for..in sees it like any other key.
    for (const k in value) {
      counts.members++;
      counts.colonsInStrings += countColons(k);
      if (!countMembers((value as Record<string, unknown>)[k], counts, depth + 1)) return false;
    }
  }
  return true;
}

function countColons(text: string): number {
  let n = 0;
  let i = text.indexOf(':');
  while (i !== -1) {
    n++;
    i = text.indexOf(':', i + 1);
  }
  return n;
}

/**
 * One pass over JSON text: colons outside strings (one per object member), the deepest nesting,
 * and the line of each element of the top-level "threats" array.
 */
function scanJson(text: string): { colons: number; maxDepth: number; threatLines?: number[] } {
  let colons = 0;
  let depth = 0;
  let maxDepth = 0;
  let line = 1;
  let lastKeyAtDepth1 = '';
  let stringStart = -1;
  let inThreats = false;
  let threatLines: number[] | undefined;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      stringStart = i;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
        else if (d === 10) line++;
      }
      if (depth === 1) lastKeyAtDepth1 = text.slice(stringStart + 1, i);
      continue;
    }
    if (c === 10) line++;
    else if (c === 58 /* : */) colons++;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > maxDepth) maxDepth = depth;
      if (depth === 2 && c === 91 && lastKeyAtDepth1 === 'threats') {
        inThreats = true;
        threatLines = [];
      } else if (depth === 3 && inThreats) {
        threatLines!.push(line);
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth === 2 && inThreats) inThreats = false;
      depth--;
    } else if (inThreats && depth === 2 && c > 32 && c !== 44 /* , */) {
      // A scalar element of threats (invalid, but it still has a position).
      threatLines!.push(line);
      while (i + 1 < n && !' \t\r\n,]'.includes(text[i + 1]!)) i++;
    }
  }
  return { colons, maxDepth, ...(threatLines ? { threatLines } : {}) };
}

/** Lines of the items of a block sequence under a top-level `threats:` key; undefined when unsure. */
function yamlThreatLines(text: string): number[] | undefined {
  const lines = text.split('\n');
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    if (/^threats\s*:\s*(#.*)?\r?$/.test(lines[i]!)) {
      start = i;
      break;
    }
  }
  if (start < 0) return undefined;
  const out: number[] = [];
  let indent = -1;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\s*(#.*)?\r?$/.test(l)) continue;
    const m = /^( *)- /.exec(l) ?? /^( *)-\r?$/.exec(l);
    const lead = /^ */.exec(l)![0].length;
    if (lead === 0 && !l.startsWith('-')) break;
    if (m) {
      if (indent < 0) indent = m[1]!.length;
      if (m[1]!.length === indent) out.push(i + 1);
    } else if (indent < 0) {
      return undefined;
    }
  }
  return out;
}

function lazyYamlLocator(text: string) {
  let doc: Document.Parsed | undefined;
  let counter: LineCounter | undefined;
  const document = (): Document.Parsed => {
    if (!doc) {
      const { LineCounter, parseDocument } = yamlLibrary();
      counter = new LineCounter();
      doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, version: '1.2', prettyErrors: false, keepSourceTokens: false });
    }
    return doc;
  };
  const lineCounter = (): LineCounter => {
    document();
    return counter!;
  };
  const locator: Locator = {
    locate(path, at = 'value') {
      let d: Document.Parsed;
      try {
        d = document();
      } catch {
        return { line: 1, column: 1 };
      }
      const offset = nodeOffset(d, path, at);
      const p = lineCounter().linePos(offset);
      return { line: p.line, column: p.col };
    },
  };
  return { document, lineCounter, locator };
}

/** Walk the YAML node tree by path, comparing keys as text and resolving aliases. */
function nodeOffset(doc: Document.Parsed, path: readonly PathSegment[], at: 'key' | 'value'): number {
  const { isAlias, isMap, isPair, isSeq } = yamlLibrary();
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (!pair) return offset;
      const target = last && at === 'key' ? pair.key : (pair.value ?? pair.key);
      node = target;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) return offset;
      node = item;
    } else {
      return offset;
    }
    offset = rangeStart(node) ?? offset;
  }
  return offset;
}

function keyText(key: unknown): string {
  if (yamlLibrary().isScalar(key)) return String(key.value);
  return String(key);
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | undefined)?.range;
  return range ? range[0] : undefined;
}

function yamlProblem(file: string, e: YAMLError, lc: LineCounter, format: SourceFormat): Diagnostic {
  const p = lc.linePos(e.pos[0]);
  const where = { line: p.line, column: p.col };
  if (/call stack|too much recursion/i.test(e.message)) {
    return fileProblem(file, 'too-deep', `nesting is too deep to read (more than ${MAX_NESTING} levels); a submission is at most a few levels deep`, where);
  }
  const syntax = format === 'json' ? 'JSON' : 'YAML';
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return fileProblem(file, 'duplicate-key', 'duplicate key in a mapping; each key may appear once (the second one would silently replace the first)', where);
    case 'TAB_AS_INDENT':
      return fileProblem(file, 'yaml/tab-indent', 'tabs are not allowed for indentation in YAML; indent with spaces', where);
    case 'MULTIPLE_DOCS':
      return fileProblem(file, 'yaml/multiple-documents', 'the file holds several YAML documents (separated by ---); put one submission in each file', where);
    default:
      return fileProblem(file, `${syntax.toLowerCase()}/syntax`, `${syntax} syntax error: ${firstLine(e.message)}`, where);
  }
}

function jsonSyntaxProblem(text: string, file: string, err: Error): Diagnostic {
  const message = err.message ?? String(err);
  const m = /at position (\d+)/.exec(message);
  const offset = m ? Number(m[1]) : text.length;
  const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^Unexpected end of JSON input$/, 'the file ends too early (unclosed bracket or string?)');
  return fileProblem(file, 'json/syntax', `JSON syntax error: ${firstLine(reason)}`, offsetPosition(text, offset));
}

function unexpectedParseFailure(file: string, err: unknown): Diagnostic {
  if (err instanceof RangeError) {
    return fileProblem(file, 'too-deep', 'the document is nested too deeply to read');
  }
  return fileProblem(file, 'parse', `could not read the document: ${firstLine((err as Error)?.message ?? String(err))}`);
}

function fileProblem(file: string, rule: string, message: string, where?: Position): Diagnostic {
  return { file, ...(where ? { line: where.line, column: where.column } : {}), path: '', severity: 'error', rule, message };
}

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? s;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function isOnlyComments(text: string, format: SourceFormat): boolean {
  if (format === 'json') return false;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t !== '' && !t.startsWith('#') && t !== '---' && t !== '...') return false;
  }
  return true;
}

/**
 * Deepest nesting of flow brackets outside double-quoted strings: a cheap guard against hostile
 * nesting, which would otherwise overflow the parser's stack. Brackets in YAML plain text may
 * over-count slightly; the limit is far above any real submission.
 */
function maxBracketDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let offset = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */ || c === 10) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) {
        max = depth;
        offset = i;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return { depth: max, offset };
}

export function offsetPosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

function byteOffsetPosition(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters; before the bad byte the text is valid UTF-8, so decode that stretch.
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

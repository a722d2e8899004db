/**
 * Build step: compile the submission schema to standalone validation code, so that a run does
 * not load ajv's compiler nor compile the schema (about 0.3 s of every start-up). The module
 * records a hash of the schema it was made from; a stale one is ignored at run time (both of
 * its validators with it).
 *
 * The module holds two validators of the same schema:
 * - `default`: ajv's code with every error and the data in each error, for the messages;
 * - `fastValidate`: a yes/no check written here (see fastValidatorSource), tried first on every
 *   document; only a document it rejects goes through ajv. ajv reads every schema property of
 *   an entry by name (`data.title`), and entries parsed from JSON come in thousands of shapes
 *   (hidden classes) — 3,390 in the 100k bench corpus — so each read is a megamorphic lookup:
 *   about half of ajv's ~6.5 µs per entry. The fast check walks each object's own keys with
 *   for…in and switches on the key, which V8 serves from the enum cache instead.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import _standaloneCode from 'ajv/dist/standalone/index.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { createAjv } from '../core/validate.js';

const standaloneCode = _standaloneCode as unknown as typeof _standaloneCode.default;

/** Keywords that never change whether a document is valid. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', '$defs', 'title', 'description', 'examples']);
const SUPPORTED = new Set([
  ...ANNOTATIONS, '$ref', 'type', 'const', 'enum', 'pattern', 'format', 'minLength', 'maxLength', 'minimum', 'maximum',
  'minItems', 'items', 'properties', 'required', 'additionalProperties',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaNode = { [key: string]: Json };

/**
 * Source of a fail-fast validator for `schema`: `fast_validate(value)` is true only when ajv
 * (as createAjv configures it) finds no error; false means "not sure", and the caller asks ajv.
 * So it may reject more than ajv (a key whose value is undefined, say), never less. It covers
 * the keywords this project's submission schema uses and throws on any other, so a schema that
 * grows a new keyword fails the build rather than being checked loosely.
 *
 * Differences from ajv's code, each giving the same verdict:
 * - properties are found by walking the object's keys (for…in, as ajv's additionalProperties
 *   loop does: own and inherited enumerable keys) instead of reading each by name; required
 *   keys are counted as they are met (names Object.prototype has are refused);
 * - minLength/maxLength count code points (ajv's ucs2length) only when the string's length in
 *   code units cannot decide: code points ≤ code units ≤ 2 × code points.
 */
export function fastValidatorSource(schema: object): string {
  const root = schema as SchemaNode;
  const decls: string[] = ['const fast_ucs2length = require("ajv/dist/runtime/ucs2length").default;', 'const fast_formats = require("ajv-formats/dist/formats").fullFormats;'];
  const functions: string[] = [];
  const defFunctions = new Map<string, string>();
  const patterns = new Map<string, string>();
  const formats = new Map<string, string>();
  let counter = 0;
  const fresh = (prefix: string) => `${prefix}${counter++}`;

  const fail = (why: string): never => {
    throw new Error(`fast validator: ${why}`);
  };

  const literal = (value: Json, where: string): string => {
    if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'number' && Number.isFinite(value)) return Object.is(value, -0) ? '0' : String(value);
    return fail(`${where}: only null, booleans, strings and finite numbers are supported`);
  };

  const typeCondition = (type: Json, v: string, where: string): string => {
    switch (type) {
      case 'string': return `typeof ${v} == "string"`;
      // As ajv checks them (strictNumbers): YAML's .inf and .nan are numbers, but not valid ones.
      case 'number': return `(typeof ${v} == "number" && isFinite(${v}))`;
      case 'integer': return `(typeof ${v} == "number" && !(${v} % 1) && !isNaN(${v}) && isFinite(${v}))`;
      case 'boolean': return `typeof ${v} == "boolean"`;
      case 'null': return `${v} === null`;
      case 'array': return `Array.isArray(${v})`;
      case 'object': return `(${v} && typeof ${v} == "object" && !Array.isArray(${v}))`;
      default: return fail(`${where}: unknown type ${JSON.stringify(type)}`);
    }
  };

  const number = (value: Json | undefined, where: string): number => {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${where} must be a finite number`);
    return value as number;
  };

  const refFunction = (ref: Json): string => {
    const m = typeof ref === 'string' ? /^#\/\$defs\/([A-Za-z0-9_-]+)$/.exec(ref) : null;
    if (!m) return fail(`$ref ${JSON.stringify(ref)}: only "#/$defs/name" is supported`);
    const name = m[1]!;
    let fn = defFunctions.get(name);
    if (fn === undefined) {
      const defs = root['$defs'];
      const def = defs && typeof defs === 'object' && !Array.isArray(defs) ? defs[name] : undefined;
      if (!def || typeof def !== 'object' || Array.isArray(def)) return fail(`$ref ${ref}: no such definition`);
      fn = fresh('fast_def');
      defFunctions.set(name, fn);
      functions.push(`function ${fn}(x) {\n${check(def, 'x', `#/$defs/${name}`)}  return true;\n}`);
    }
    return fn;
  };

  /** Statements that `return false` when the value in variable `v` does not satisfy `s`. */
  function check(s: Json, v: string, where: string): string {
    if (s === true) return '';
    if (s === false) return '  return false;\n';
    if (!s || typeof s !== 'object' || Array.isArray(s)) return fail(`${where}: a schema must be an object or a boolean`);
    for (const k of Object.keys(s)) if (!SUPPORTED.has(k)) fail(`${where}: keyword "${k}" is not supported`);
    if ('$defs' in s && where !== '#') fail(`${where}: $defs only at the top level`);
    let out = '';
    if (s['$ref'] !== undefined) out += `  if (!${refFunction(s['$ref'])}(${v})) return false;\n`;
    if (s['type'] !== undefined) {
      const types = Array.isArray(s['type']) ? s['type'] : [s['type']];
      out += `  if (!(${types.map((t) => typeCondition(t, v, where)).join(' || ')})) return false;\n`;
    }
    if (s['const'] !== undefined) out += `  if (${v} !== ${literal(s['const'], `${where}/const`)}) return false;\n`;
    if (s['enum'] !== undefined) {
      const values = s['enum'];
      if (!Array.isArray(values) || values.length === 0) fail(`${where}/enum must be a non-empty list`);
      out += `  if (!(${(values as Json[]).map((e) => `${v} === ${literal(e, `${where}/enum`)}`).join(' || ')})) return false;\n`;
    }

    let text = '';
    if (s['pattern'] !== undefined) {
      if (typeof s['pattern'] !== 'string') fail(`${where}/pattern must be a string`);
      const source = s['pattern'] as string;
      let name = patterns.get(source);
      if (name === undefined) {
        name = fresh('fast_pattern');
        patterns.set(source, name);
        decls.push(`const ${name} = new RegExp(${JSON.stringify(source)}, "u");`);
      }
      text += `    if (!${name}.test(${v})) return false;\n`;
    }
    if (s['format'] !== undefined) text += `    if (!${formatCall(s['format'], v, where)}) return false;\n`;
    if (s['maxLength'] !== undefined) {
      const max = number(s['maxLength'], `${where}/maxLength`);
      text += `    if (${v}.length > ${max} && fast_ucs2length(${v}) > ${max}) return false;\n`;
    }
    if (s['minLength'] !== undefined) {
      const min = number(s['minLength'], `${where}/minLength`);
      if (min > 0) text += `    if (${v}.length < ${min}${min > 1 ? ` || (${v}.length < ${2 * min} && fast_ucs2length(${v}) < ${min})` : ''}) return false;\n`;
    }
    if (text) out += `  if (typeof ${v} == "string") {\n${text}  }\n`;

    let num = '';
    if (s['minimum'] !== undefined) num += `    if (!(${v} >= ${number(s['minimum'], `${where}/minimum`)})) return false;\n`;
    if (s['maximum'] !== undefined) num += `    if (!(${v} <= ${number(s['maximum'], `${where}/maximum`)})) return false;\n`;
    if (num) out += `  if (typeof ${v} == "number") {\n${num}  }\n`;

    let list = '';
    if (s['minItems'] !== undefined) list += `    if (${v}.length < ${number(s['minItems'], `${where}/minItems`)}) return false;\n`;
    if (s['items'] !== undefined) {
      if (typeof s['items'] !== 'boolean' && (typeof s['items'] !== 'object' || Array.isArray(s['items']))) fail(`${where}/items must be a schema`);
      const i = fresh('i');
      const e = fresh('e');
      const inner = check(s['items'], e, `${where}/items`);
      if (inner) list += `    for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\n      const ${e} = ${v}[${i}];\n${indent(inner, 4)}    }\n`;
    }
    if (list) out += `  if (Array.isArray(${v})) {\n${list}  }\n`;

    if (s['properties'] !== undefined || s['required'] !== undefined || s['additionalProperties'] !== undefined) {
      out += `  if (${v} && typeof ${v} == "object" && !Array.isArray(${v}) && !${objectFunction(s, where)}(${v})) return false;\n`;
    }
    return out;
  }

  function objectFunction(s: SchemaNode, where: string): string {
    const properties = (s['properties'] ?? {}) as Json;
    if (!properties || typeof properties !== 'object' || Array.isArray(properties)) return fail(`${where}/properties must be an object`);
    const required = (s['required'] ?? []) as Json;
    if (!Array.isArray(required) || !required.every((r) => typeof r === 'string')) return fail(`${where}/required must be a list of names`);
    const additional = s['additionalProperties'] ?? true;
    if (typeof additional !== 'boolean') return fail(`${where}/additionalProperties: only true or false is supported`);
    const names = Object.keys(properties);
    for (const name of [...names, ...(required as string[])]) {
      // A name Object.prototype has would be "present" to ajv's `data.name` but not to for…in.
      if (name in Object.prototype || name === '__proto__') fail(`${where}: property name "${name}" is not supported`);
    }
    const requiredSet = new Set(required as string[]);
    if (requiredSet.size !== required.length) fail(`${where}/required lists a name twice`);
    for (const r of requiredSet) if (!names.includes(r)) fail(`${where}/required: "${r}" is not among the properties`);
    const fn = fresh('fast_object');
    let cases = '';
    for (const name of names) {
      const body = check(properties[name]!, 'x', `${where}/properties/${name}`);
      cases += `      case ${JSON.stringify(name)}: {\n${indent(body, 6)}${requiredSet.has(name) ? '        seen++;\n' : ''}        break;\n      }\n`;
    }
    functions.push(
      `function ${fn}(o) {\n  let seen = 0;\n  for (const k in o) {\n    const x = o[k];\n    if (x === undefined) return false;\n    switch (k) {\n${cases}` +
        `      default:\n        ${additional ? 'break;' : 'return false;'}\n    }\n  }\n  return seen === ${requiredSet.size};\n}`,
    );
    return fn;
  }

  function formatCall(format: Json, v: string, where: string): string {
    if (typeof format !== 'string' || !Object.prototype.hasOwnProperty.call(fullFormats, format)) return fail(`${where}/format: unknown format ${JSON.stringify(format)}`);
    const def = (fullFormats as Record<string, unknown>)[format];
    let ref = formats.get(format);
    if (ref === undefined) {
      ref = fresh('fast_format');
      formats.set(format, ref);
      decls.push(`const ${ref} = fast_formats[${JSON.stringify(format)}];`);
    }
    const call = (f: unknown, code: string): string => {
      // Called as ajv's code calls it (a method of the definition, when it is one).
      if (typeof f === 'function') return `${code}(${v})`;
      if (f instanceof RegExp) return `${code}.test(${v})`;
      return fail(`${where}/format: format "${format}" has an unsupported definition`);
    };
    if (def && typeof def === 'object' && !(def instanceof RegExp)) {
      const d = def as { validate?: unknown; async?: boolean; type?: string };
      if (d.async || (d.type !== undefined && d.type !== 'string')) fail(`${where}/format: format "${format}" is not a synchronous string format`);
      return call(d.validate, `${ref}.validate`);
    }
    return call(def, ref);
  }

  const top = check(root, 'x', '#');
  functions.push(`function fast_validate(x) {\n${top}  return true;\n}`);
  return `${decls.join('\n')}\n${functions.join('\n')}\nexport { fast_validate as fastValidate };\n`;
}

function indent(code: string, by: number): string {
  const pad = ' '.repeat(by);
  return code.replace(/^(?=.)/gm, pad);
}

function main(): void {
  const schemaFile = fileURLToPath(new URL('../../schemas/threat-assessment.v1.schema.json', import.meta.url));
  const target = fileURLToPath(new URL('../core/submission-schema.generated.js', import.meta.url));
  const text = readFileSync(schemaFile, 'utf8');
  const schema = JSON.parse(text) as object;
  const ajv = createAjv({ standalone: true });
  const validate = ajv.compile(schema);
  // The fast check calls ajv-formats' own format functions: make sure ajv was given the same ones.
  for (const [name, def] of Object.entries(ajv.formats)) {
    if (def !== (fullFormats as Record<string, unknown>)[name]) throw new Error(`format "${name}" is not ajv-formats' full format; the fast validator would differ`);
  }
  const code = standaloneCode(ajv, validate);
  const fast = fastValidatorSource(schema);
  const hash = createHash('sha256').update(text).digest('hex');
  // ajv's standalone code calls require() for its runtime helpers; give the ES module one.
  const prelude = `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nexport const schemaHash = ${JSON.stringify(hash)};\n`;
  writeFileSync(target, `${prelude}${code.replace(/^"use strict";/, '')}\n// The fail-fast check tried first (see src/build/precompile-schema.ts).\n${fast}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();

/**
 * The fail-fast schema check the build generates (src/build/precompile-schema.ts) is tried
 * before ajv on every document, and a document it accepts is never shown to ajv. So it must
 * never accept what ajv rejects; and on the documents tested here it must agree with ajv
 * exactly (else the fast path silently stopped being taken).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { fastValidatorSource } from '../src/build/precompile-schema.js';
import { precompiledValidator } from '../src/commands/inputs.js';
import { parseSource, formatFromName } from '../src/core/load.js';
import { isStixBundle, submissionFromStix } from '../src/core/stix-import.js';
import { compileSchema, wrapValidator } from '../src/core/validate.js';

const root = join(import.meta.dirname, '..');
const schemaText = readFileSync(join(root, 'schemas/threat-assessment.v1.schema.json'), 'utf8');
const schema = JSON.parse(schemaText) as object;
const generated = (await import(join(root, 'dist/core/submission-schema.generated.js'))) as {
  schemaHash: string;
  default: ValidateFunction;
  fastValidate: (value: unknown) => boolean;
};
const fast = generated.fastValidate;
const fresh = compileSchema(schema);
const combined = wrapValidator(generated.default, fast);

/** Every way a document is checked must say the same, and the errors must be ajv's own. */
function expectAgreement(doc: unknown, label: string): void {
  const errors = fresh(doc);
  expect(fast(doc), `${label}: fast check vs ajv (ajv: ${errors.length} errors)`).toBe(errors.length === 0);
  expect(combined(doc), label).toEqual(errors);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (/\.(ya?ml|json)$/i.test(name)) out.push(path);
  }
  return out;
}

/** The documents a file yields: as parsed by both parsers, and as converted from STIX. */
function documentsOf(path: string): unknown[] {
  const text = readFileSync(path, 'utf8');
  const format = formatFromName(path);
  const docs: unknown[] = [];
  for (const fastParse of [true, false]) {
    const parsed = parseSource(text, path, format, { fast: fastParse });
    if (parsed.value === undefined) continue;
    docs.push(parsed.value);
    if (isStixBundle(parsed.value)) docs.push(submissionFromStix(parsed.value, path).document);
  }
  return docs;
}

const fixtureFiles = [...filesUnder(join(root, 'samples')), ...filesUnder(join(root, 'test/fixtures')), ...filesUnder(join(root, 'test/corpus'))];
const validBases = filesUnder(join(root, 'samples'))
  .filter((p) => !p.includes('invalid'))
  .map((p) => documentsOf(p)[0])
  .filter((d) => fresh(d).length === 0);

describe('the fail-fast schema check', () => {
  it('is in the generated module, made from the current schema', () => {
    expect(generated.schemaHash).toBe(createHash('sha256').update(schemaText).digest('hex'));
    expect(typeof fast).toBe('function');
  });

  it('agrees with ajv on every sample and fixture, valid or not', () => {
    expect(fixtureFiles.length).toBeGreaterThan(20);
    let valid = 0;
    let invalid = 0;
    for (const file of fixtureFiles) {
      for (const doc of documentsOf(file)) {
        expectAgreement(doc, relative(root, file));
        if (fast(doc)) valid++;
        else invalid++;
      }
    }
    // Both verdicts were exercised.
    expect(valid).toBeGreaterThan(10);
    expect(invalid).toBeGreaterThan(5);
  });

  it('agrees with ajv on non-documents', () => {
    for (const doc of [null, undefined, 0, 1, 'text', true, [], [{}], {}, { schemaVersion: 1 }, JSON.parse('{"__proto__": {"schemaVersion": 1}}')]) {
      expectAgreement(doc, JSON.stringify(doc) ?? 'undefined');
    }
  });

  it('agrees with ajv on mutated valid documents (types, unknown keys, lengths in code points, dates, URIs, ranges)', () => {
    expect(validBases.length).toBeGreaterThan(3);
    const verdicts = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (baseIndex, mutations) => {
        const doc = structuredClone(validBases[baseIndex % validBases.length]) as Record<string, unknown>;
        for (const m of mutations) applyMutation(doc, m);
        expectAgreement(doc, JSON.stringify(mutations).slice(0, 300));
        verdicts[fast(doc) ? 'valid' : 'invalid']++;
      }),
      { numRuns: 1500 },
    );
    // Mutations that keep a document valid (an in-range value, an astral title) matter most.
    expect(verdicts.valid).toBeGreaterThan(100);
    expect(verdicts.invalid).toBeGreaterThan(500);
  });

  it('rejects infinite and not-a-number values wherever a number goes, as ajv does', () => {
    // YAML's core schema reads .inf and .nan as numbers; a property test once found
    // Infinity accepted where the schema asks for an integer.
    const base = validBases[0] as Record<string, unknown>;
    const yaml = parseSource('n: .inf\nm: -.inf\nk: .nan\n', 'x.yaml', 'yaml', { fast: true }).value as Record<string, number>;
    expect([yaml['n'], yaml['m'], Number.isNaN(yaml['k'])]).toEqual([Infinity, -Infinity, true]);
    for (const value of [Infinity, -Infinity, NaN]) {
      for (const field of ['rank', 'likelihood', 'impact', 'confidence']) {
        const doc = structuredClone(base) as { threats: Record<string, unknown>[] };
        doc.threats[0]![field] = value;
        expect(fast(doc), `${field}: ${value}`).toBe(false);
        expectAgreement(doc, `${field}: ${value}`);
      }
    }
  });

  it('counts code points, not code units, at every length bound', () => {
    const base = validBases[0] as Record<string, unknown>;
    const bounds: [Path, number][] = [
      [['partner', 'name'], 200], [['period'], 100], [['threats', 0, 'title'], 300], [['threats', 0, 'summary'], 20000],
      [['threats', 0, 'aliases'], 200], [['threats', 0, 'actions'], 2000], [['threats', 0, 'indicators'], 2048],
    ];
    for (const [path, max] of bounds) {
      for (const n of [0, 1, 2, max - 1, max, max + 1]) {
        for (const unit of ['a', '😀', 'é', '\ud800', '\udc00']) {
          const doc = structuredClone(base) as Record<string, unknown>;
          const text = codePoints(n, unit);
          // List items and indicator values: replace the whole list with one such item.
          const last = path[path.length - 1];
          setAt(doc, path, last === 'aliases' || last === 'actions' ? [text] : last === 'indicators' ? [{ type: 'domain', value: text }] : text);
          expectAgreement(doc, `${path.join('.')} ${n} × ${JSON.stringify(unit)}`);
        }
      }
    }
  });

  it('is used only when the generated module was made from this schema', async () => {
    const acceptAll = () => true;
    const invalid = { schemaVersion: 1 };
    const hash = createHash('sha256').update(schemaText).digest('hex');
    const current = await precompiledValidator(schemaText, async () => ({ schemaHash: hash, default: generated.default, fastValidate: acceptAll }));
    // The fake fast check accepts everything, so its use shows.
    expect(current!(invalid)).toEqual([]);
    const stale = await precompiledValidator(schemaText, async () => ({ schemaHash: '0'.repeat(64), default: generated.default, fastValidate: acceptAll }));
    expect(stale).toBeUndefined();
    const real = await precompiledValidator(schemaText, () => import(join(root, 'dist/core/submission-schema.generated.js')));
    expect(real!(invalid)).toEqual(fresh(invalid));
  });

  it('refuses, at build time, schemas it does not cover', () => {
    expect(() => fastValidatorSource(schema)).not.toThrow();
    const bad: object[] = [
      { type: 'object', oneOf: [{}] },
      { type: 'array', maxItems: 3 },
      { type: 'string', format: 'hostname-that-does-not-exist' },
      { type: 'object', properties: { constructor: { type: 'string' } } },
      { type: 'object', required: ['a'], properties: { b: {} } },
      { type: 'object', additionalProperties: { type: 'string' } },
      { $ref: 'https://example.org/other.json' },
      { enum: [{ a: 1 }] },
      { type: 'string', exclusiveMinimum: 1 },
    ];
    for (const s of bad) expect(() => fastValidatorSource(s), JSON.stringify(s)).toThrow(/fast validator/);
  });
});

// ---------------------------------------------------------------------------------------------
// Mutations

type Path = (string | number)[];
interface Mutation { op: 'set' | 'delete' | 'add'; pick: number; key?: string; value?: unknown }

/** n code points as ajv counts them (an astral character is one, a lone surrogate is one). */
function codePoints(n: number, unit: string): string {
  return unit.repeat(n);
}

const boundaryStrings = fc
  .tuple(fc.constantFrom(1, 2, 64, 65, 100, 101, 150, 199, 200, 201, 300, 301, 2000, 2001, 2048, 2049), fc.constantFrom(-1, 0, 1), fc.constantFrom('a', '😀', 'é', '\ud800', '\udc00'))
  .map(([n, d, unit]) => codePoints(Math.max(0, n + d), unit));

const interesting: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    0, 1, 2, 5, 6, -1, 100, 101, 1.5, -0, NaN, Infinity, -Infinity, 1e21, 2 ** 53, null, true, false, [], {}, [1], ['x'], [''],
    '', 'x', '1', '6', 'A', 'G', 'ransomware', 'ransomwear', 'clear', 'white', 'TLP:CLEAR', 'TLP:WHITE', 'amber+strict', 'stable', 'rising',
    '2026-02-28', '2026-02-29', '2024-02-29', '2026-13-01', '2026-1-01', '2026-06-31', '2026-06-30', '2026-06-30T00:00:00Z', '0000-00-00',
    'https://example.org/report', 'http://[::1]/x', 'mailto:a@example.org', 'urn:isbn:0451450523', 'not a url', '//example.org', 'a:b', 'https://ex ample.org',
    'T-001', '-x', 'x'.repeat(64), 'x'.repeat(65), 'a:b.c_d-e', 'CVE-2023-4966', 'cve-2023-12345', 'CVE-2023-123', 'T1486', 't1566.002', 'T1566.02',
    'NL', 'nl', 'EU', 'GLOBAL', 'NLD', 'ipv4', 'sha256', 'btc', 'nl-police', 'X', 'ab', 'a'.repeat(32), 'a'.repeat(33),
    { type: 'ipv4', value: '198.51.100.7' }, { type: 'ipv4' }, { type: 'ipv7', value: 'x' }, { type: 'ipv4', value: '' }, { type: 'ipv4', value: 'x', extra: 1 },
    { id: 'T-9', title: 'x', category: 'other', likelihood: 1, impact: 1 }, { id: 'T-9', title: 'x', category: 'other', likelihood: 1 },
  ),
  boundaryStrings,
  boundaryStrings.map((s) => [s]),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer({ min: -3, max: 110 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const keys = fc.constantFrom(
  'id', 'title', 'category', 'likelihood', 'impact', 'confidence', 'rank', 'trend', 'credibility', 'summary', 'aliases', 'actors', 'malware',
  'cves', 'techniques', 'indicators', 'sectors', 'regions', 'actions', 'references', 'tlp', 'name', 'reliability', 'type', 'value',
  'schemaVersion', 'partner', 'issued', 'period', 'threats', '$schema', 'likelyhood', 'extra', '', '0', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: interesting }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), pick: fc.nat(), key: keys, value: interesting }),
);

/** Every path to a value inside the document (not the root). */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...prefix, i]), paths(v, [...prefix, i], out)));
  else if (value && typeof value === 'object') for (const k of Object.keys(value)) (out.push([...prefix, k]), paths((value as Record<string, unknown>)[k], [...prefix, k], out));
  return out;
}

/** Containers (objects and lists), the root included. */
function containers(value: unknown, prefix: Path = [], out: Path[] = [[]]): Path[] {
  for (const p of paths(value, prefix)) {
    const v = getAt(value, p);
    if (v && typeof v === 'object') out.push(p);
  }
  return out;
}

function getAt(doc: unknown, path: Path): unknown {
  let node = doc;
  for (const seg of path) node = (node as Record<string | number, unknown>)[seg];
  return node;
}

function setAt(doc: unknown, path: Path, value: unknown): void {
  const parent = getAt(doc, path.slice(0, -1)) as Record<string | number, unknown>;
  // defineProperty, so that "__proto__" becomes an own key as JSON.parse makes it.
  Object.defineProperty(parent, path[path.length - 1]!, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
}

function applyMutation(doc: Record<string, unknown>, m: Mutation): void {
  if (m.op === 'add') {
    const all = containers(doc);
    const target = getAt(doc, all[m.pick % all.length]!) as Record<string, unknown> | unknown[];
    if (Array.isArray(target)) target.push(structuredClone(m.value));
    else Object.defineProperty(target, m.key!, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
    return;
  }
  const all = paths(doc);
  if (all.length === 0) return;
  const path = all[m.pick % all.length]!;
  if (m.op === 'set') setAt(doc, path, m.value);
  else {
    const parent = getAt(doc, path.slice(0, -1));
    const last = path[path.length - 1]!;
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete (parent as Record<string, unknown>)[last];
  }
}

describe("validateParsed's submissions", () => {
  it('share one entryLines getter (a getter per submission kept every dropped document alive until a full collection)', async () => {
    const { validateParsed } = await import('../src/core/validate.js');
    const files = filesUnder(join(root, 'samples')).filter((p) => !p.includes('invalid')).slice(0, 2);
    const subs = files.map((file) => validateParsed(parseSource(readFileSync(file, 'utf8'), file, formatFromName(file)), file, combined, { today: '2026-12-01' }).submission!);
    const getters = subs.map((s) => Object.getOwnPropertyDescriptor(s, 'entryLines')?.get);
    expect(typeof getters[0]).toBe('function');
    expect(getters[1]).toBe(getters[0]);
    // Still an own, enumerable, lazily computed list of lines, one per entry.
    for (const s of subs) {
      expect(Object.keys(s)).toContain('entryLines');
      expect(s.entryLines).toHaveLength(s.document.threats.length);
      expect(s.entryLines).toBe(s.entryLines);
      expect(s.entryLines.every((l) => Number.isInteger(l) && l > 1)).toBe(true);
    }
  });
});

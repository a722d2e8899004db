import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalk } from 'chalk';
import Ajv04 from 'ajv-draft-04';
import _addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, ValidationReport } from '../src/core/types.js';
import {
  escapeControlChars, githubData, githubProperty, htmlEscape, pathToUriReference, stripControlChars, stripXmlInvalid, xmlAttr, xmlEscape,
} from '../src/render/escape.js';
import {
  renderValidation, VALIDATION_FORMATS, type RenderContext, type ValidationFormat,
} from '../src/render/validation/index.js';
import { goldenFiles } from './helpers/golden.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sarifSchemaPath = path.resolve(repoRoot, '..', 'shared', 'data', 'sarif-2.1.0', 'sarif-schema-2.1.0.json');
const haveSarifSchema = existsSync(sarifSchemaPath);

const expectGolden = goldenFiles('validation', 'test/render-validation.test.ts');

function context(overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    chalk: new Chalk({ level: 0 }),
    quiet: false,
    strict: false,
    toolName: 'threatmerge',
    toolVersion: '0.1.0',
    informationUri: 'https://example.org/threatmerge',
    ...overrides,
  };
}

const NASTY_FILE = 'samples/données, été.yaml';
const NASTY_MESSAGE = 'title must not contain <script> & "quotes", 100% sure: really\nsecond line\u0001 — Müller ☃';

const fixture: ValidationReport = {
  files: [
    { file: 'samples/a-clean.yaml', partner: 'nl-ncsc', entries: 12, diagnostics: [] },
    {
      file: 'samples/b-errors.yaml', partner: 'be-ccb', entries: 3, diagnostics: [
        { file: 'samples/b-errors.yaml', path: '', severity: 'error', rule: 'yaml/alias-bomb', message: 'too many YAML aliases (more than 100)' },
        { file: 'samples/b-errors.yaml', line: 3, column: 9, path: 'issued', severity: 'warning', rule: 'issued-in-future', message: 'issued 2031-01-01 lies in the future' },
        { file: 'samples/b-errors.yaml', line: 10, column: 5, path: 'threats[0]', severity: 'error', rule: 'schema/required', message: 'missing "impact"' },
        { file: 'samples/b-errors.yaml', line: 10, column: 5, path: 'threats[0]', severity: 'error', rule: 'schema/required', message: 'missing "likelihood"' },
        { file: 'samples/b-errors.yaml', line: 14, column: 7, path: 'threats[3].likelihood', severity: 'error', rule: 'schema/type', message: 'likelihood must be an integer from 1 to 5, got "high"' },
        { file: 'samples/b-errors.yaml', line: 20, path: 'threats[4]', severity: 'error', rule: 'duplicate-rank', message: 'rank 2 is also used by threats[1]' },
      ],
    },
    {
      file: NASTY_FILE, partner: 'fr-anssi', entries: 1, diagnostics: [
        { file: NASTY_FILE, line: 7, column: 12, path: 'threats[0].title', severity: 'error', rule: 'schema/pattern', message: NASTY_MESSAGE },
      ],
    },
    {
      file: 'samples/d-warn.yaml', partner: 'de-bsi', entries: 1, diagnostics: [
        { file: 'samples/d-warn.yaml', line: 2, column: 9, path: 'issued', severity: 'warning', rule: 'issued-in-future', message: 'issued 2030-05-01 lies in the future' },
      ],
    },
    {
      file: 'samples/e-broken.json', diagnostics: [
        { file: 'samples/e-broken.json', line: 1, column: 1, path: '', severity: 'error', rule: 'json/syntax', message: 'JSON syntax error: Unexpected token' },
      ],
    },
  ],
};

function manyReport(errors: number, warnings: number): ValidationReport {
  const file = 'samples/many.yaml';
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < errors; i++) diagnostics.push({ file, line: i + 1, column: 3, path: `threats[${i}].impact`, severity: 'error', rule: 'schema/type', message: 'impact must be an integer' });
  for (let i = 0; i < warnings; i++) diagnostics.push({ file, line: 100 + i, column: 3, path: 'issued', severity: 'warning', rule: 'issued-in-future', message: 'in the future' });
  return { files: [{ file, partner: 'x', entries: errors, diagnostics }] };
}

// XML 1.0 forbids these characters everywhere (a control char survives in no form).
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

describe('golden outputs', () => {
  const cases: [string, ValidationFormat, Partial<RenderContext>][] = [
    ['text.txt', 'text', {}],
    ['text-color.ansi.txt', 'text', { chalk: new Chalk({ level: 1 }) }],
    ['text-quiet.txt', 'text', { quiet: true }],
    ['text-strict.txt', 'text', { strict: true }],
    ['json.json', 'json', {}],
    ['json-quiet-strict.json', 'json', { quiet: true, strict: true }],
    ['json-quiet.json', 'json', { quiet: true }],
    ['junit.xml', 'junit', {}],
    ['junit-strict.xml', 'junit', { strict: true }],
    ['junit-quiet.xml', 'junit', { quiet: true }],
    ['sarif.sarif.json', 'sarif', {}],
    ['github.txt', 'github', {}],
    ['github-quiet.txt', 'github', { quiet: true }],
  ];
  for (const [name, format, overrides] of cases) {
    it(`${format} ${JSON.stringify(Object.keys(overrides))} matches ${name}`, () => {
      expectGolden(name, renderValidation(format, fixture, context(overrides)));
    });
  }
});

describe('every format', () => {
  for (const format of VALIDATION_FORMATS) {
    it(`${format}: deterministic, one trailing newline, does not mutate the report`, () => {
      const before = JSON.stringify(fixture);
      const a = renderValidation(format, fixture, context());
      const b = renderValidation(format, structuredClone(fixture), context());
      expect(a).toBe(b);
      expect(a.endsWith('\n')).toBe(true);
      expect(a.endsWith('\n\n')).toBe(false);
      expect(JSON.stringify(fixture)).toBe(before);
      expect(a).not.toContain(repoRoot);
    });
  }
  it('the exported list names exactly the formats', () => {
    expect([...VALIDATION_FORMATS]).toEqual(['text', 'json', 'junit', 'sarif', 'github']);
  });
});

describe('text', () => {
  const out = renderValidation('text', fixture, context());
  const lines = out.split('\n');

  it('has a clickable file:line:col and the path on each diagnostic line', () => {
    expect(lines).toContain('  samples/b-errors.yaml:14:7  error    threats[3].likelihood: likelihood must be an integer from 1 to 5, got "high"  (schema/type)');
    expect(lines).toContain('  samples/b-errors.yaml       error    too many YAML aliases (more than 100)  (yaml/alias-bomb)');
    expect(lines.some((l) => l.startsWith('  samples/b-errors.yaml:20 ') && l.includes('(duplicate-rank)'))).toBe(true);
  });
  it('shows clean files with partner and entries, and a correct summary', () => {
    expect(lines).toContain('✓ samples/a-clean.yaml (nl-ncsc, 12 entries)');
    expect(lines).toContain('✗ samples/e-broken.json');
    expect(lines).toContain('✓ samples/d-warn.yaml (de-bsi, 1 entry)');
    expect(lines.at(-2)).toBe('5 files checked: 2 valid, 3 invalid — 7 errors, 2 warnings');
  });
  it('keeps one line per diagnostic: control characters made visible, no raw ones', () => {
    expect(out).toContain('really\\nsecond line\\u0001 — Müller ☃  (schema/pattern)');
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/);
  });
  it('has no colour codes when colour is off, and colours severities when on', () => {
    expect(out).not.toContain('\u001b[');
    const coloured = renderValidation('text', fixture, context({ chalk: new Chalk({ level: 1 }) }));
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(coloured).toContain('\u001b[1msamples/a-clean.yaml\u001b[22m');
  });
  it('quiet drops clean files and non-failing warnings but keeps the full summary', () => {
    const quiet = renderValidation('text', fixture, context({ quiet: true }));
    expect(quiet).not.toContain('a-clean.yaml');
    expect(quiet).not.toContain('d-warn.yaml');
    expect(quiet).not.toContain('issued-in-future');
    expect(quiet).toContain('(schema/type)');
    expect(quiet.trimEnd().split('\n').at(-1)).toBe('5 files checked: 2 valid, 3 invalid — 7 errors, 2 warnings');
  });
  it('strict fails files with warnings', () => {
    const strict = renderValidation('text', fixture, context({ strict: true }));
    expect(strict).toContain('✗ samples/d-warn.yaml (de-bsi, 1 entry)');
    expect(strict).toContain('5 files checked: 1 valid, 4 invalid — 7 errors, 2 warnings');
    const strictQuiet = renderValidation('text', fixture, context({ strict: true, quiet: true }));
    expect(strictQuiet).toContain('samples/d-warn.yaml:2:9');
  });
  it('uses singulars', () => {
    const one: ValidationReport = { files: [{ file: 'x.yaml', partner: 'p', entries: 1, diagnostics: [
      { file: 'x.yaml', line: 1, column: 1, path: '', severity: 'error', rule: 'r', message: 'm' },
      { file: 'x.yaml', line: 2, column: 1, path: '', severity: 'warning', rule: 'w', message: 'm' },
    ] }] };
    expect(renderValidation('text', one, context()).trimEnd().split('\n').at(-1))
      .toBe('1 file checked: 0 valid, 1 invalid — 1 error, 1 warning');
  });
});

describe('json', () => {
  const parsed = JSON.parse(renderValidation('json', fixture, context())) as {
    valid: boolean; summary: Record<string, number>;
    files: { file: string; valid: boolean; partner?: string; entries?: number; errors: number; warnings: number; diagnostics: Diagnostic[] }[];
  };
  it('summarises and marks files', () => {
    expect(parsed.valid).toBe(false);
    expect(parsed.summary).toEqual({ files: 5, valid: 2, invalid: 3, errors: 7, warnings: 2 });
    expect(parsed.files.map((f) => [f.file, f.valid])).toEqual(fixture.files.map((f) => [f.file, !['samples/b-errors.yaml', NASTY_FILE, 'samples/e-broken.json'].includes(f.file)]));
    expect(parsed.files[4]).not.toHaveProperty('partner');
    expect(parsed.files[2]!.diagnostics[0]!.message).toBe(NASTY_MESSAGE);
  });
  it('strict and quiet', () => {
    const strict = JSON.parse(renderValidation('json', fixture, context({ strict: true }))) as typeof parsed;
    expect(strict.files[3]!.valid).toBe(false);
    const quiet = JSON.parse(renderValidation('json', fixture, context({ quiet: true }))) as typeof parsed;
    expect(quiet.files[3]!.diagnostics).toEqual([]);
    expect(quiet.files[3]!.warnings).toBe(1);
    expect(quiet.summary['warnings']).toBe(2);
    const valid = JSON.parse(renderValidation('json', { files: [fixture.files[0]!] }, context())) as typeof parsed;
    expect(valid.valid).toBe(true);
  });
});

interface XmlElement { name: string; attrs: Record<string, string>; children: XmlElement[]; text: string }

/** A strict little XML reader: enough to prove the JUnit output is well-formed. Throws otherwise. */
function parseXml(xml: string): XmlElement {
  const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!xml.startsWith(prolog)) throw new Error('missing XML declaration');
  const badAmp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/;
  const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1)))
        : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!);
  const token = /<\/([A-Za-z_][\w.-]*)\s*>|<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  token.lastIndex = prolog.length;
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) {
      if (top.name !== m[1]) throw new Error(`</${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of m[3]!.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
        if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`);
        if (badAmp.test(a[2]!)) throw new Error(`bare & in attribute ${a[1]}`);
        attrs[a[1]!] = decode(a[2]!);
      }
      const el: XmlElement = { name: m[2], attrs, children: [], text: '' };
      top.children.push(el);
      if (m[4] !== '/') stack.push(el);
    } else {
      if (badAmp.test(m[5]!) || m[5]!.includes('>')) throw new Error(`bad character data ${JSON.stringify(m[5])}`);
      if (stack.length === 1 && m[5]!.trim() !== '') throw new Error('text outside the root element');
      top.text += decode(m[5]!);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (root.children.length !== 1) throw new Error('not exactly one root element');
  return root.children[0]!;
}

describe('junit', () => {
  for (const strict of [false, true]) {
    it(`is well-formed, counts right and names cases uniquely (strict=${strict})`, () => {
      const xml = renderValidation('junit', fixture, context({ strict }));
      expect(xml).not.toMatch(XML_FORBIDDEN);
      const root = parseXml(xml);
      expect(root.name).toBe('testsuites');
      const suites = root.children;
      expect(suites.map((s) => s.attrs['name'])).toEqual(fixture.files.map((f) => f.file));
      let tests = 0;
      let failures = 0;
      for (const suite of suites) {
        const cases = suite.children;
        const names = cases.map((c) => `${c.attrs['classname']}\u0000${c.attrs['name']}`);
        expect(new Set(names).size).toBe(names.length);
        const failed = cases.filter((c) => c.children.some((x) => x.name === 'failure')).length;
        expect(suite.attrs['tests']).toBe(String(cases.length));
        expect(suite.attrs['failures']).toBe(String(failed));
        tests += cases.length;
        failures += failed;
      }
      expect(root.attrs['tests']).toBe(String(tests));
      expect(root.attrs['failures']).toBe(String(failures));
      expect(failures).toBe(strict ? 9 : 7);
    });
  }
  it('escapes text and attributes and keeps newlines in the message attribute', () => {
    const root = parseXml(renderValidation('junit', fixture, context()));
    const nasty = root.children[2]!.children[0]!;
    expect(nasty.attrs['classname']).toBe(NASTY_FILE);
    expect(nasty.attrs['name']).toBe('schema/pattern at 7:12');
    const failure = nasty.children[0]!;
    expect(failure.attrs['message']).toBe(`threats[0].title: ${NASTY_MESSAGE.replace('\u0001', '')}`);
    expect(failure.attrs['type']).toBe('error');
    expect(failure.text).toBe(`${NASTY_FILE}:7:12  error  threats[0].title: ${NASTY_MESSAGE.replace('\u0001', '')}  (schema/pattern)`);
  });
  it('has a passing "valid" case for clean files and suffixes duplicate names', () => {
    const root = parseXml(renderValidation('junit', fixture, context()));
    expect(root.children[0]!.children).toEqual([{ name: 'testcase', attrs: { classname: 'samples/a-clean.yaml', name: 'valid' }, children: [], text: '' }]);
    const names = root.children[1]!.children.map((c) => c.attrs['name']);
    expect(names).toEqual(['yaml/alias-bomb', 'issued-in-future at 3:9', 'schema/required at 10:5', 'schema/required at 10:5 (2)', 'schema/type at 14:7', 'duplicate-rank at 20']);
    // A warning that does not fail the file passes, with the text in system-out.
    const warning = root.children[1]!.children[1]!;
    expect(warning.children.map((c) => c.name)).toEqual(['system-out']);
    expect(root.children[3]!.children.map((c) => c.attrs['name'])).toEqual(['valid', 'issued-in-future at 2:9']);
  });
});

describe('sarif', () => {
  const log = JSON.parse(renderValidation('sarif', fixture, context())) as import('sarif').Log;
  const run = log.runs[0]!;

  it('has one result per diagnostic, each with a location, line ≥ 1 and a matching rule', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.columnKind).toBe('utf16CodeUnits');
    const rules = run.tool.driver.rules!;
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual([...new Set(fixture.files.flatMap((f) => f.diagnostics.map((d) => d.rule)))].sort());
    expect(run.results).toHaveLength(9);
    for (const r of run.results!) {
      expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
      const loc = r.locations![0]!.physicalLocation!;
      expect(loc.region!.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
    }
    expect(rules.find((r) => r.id === 'issued-in-future')!.defaultConfiguration!.level).toBe('warning');
    const fileLevel = run.results![0]!;
    expect(fileLevel.locations![0]!.physicalLocation!.region).toEqual({ startLine: 1 });
    expect(run.results![2]!.message.text).toBe('threats[0]: missing "impact"');
    expect(run.results![6]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('samples/donn%C3%A9es%2C%20%C3%A9t%C3%A9.yaml');
  });
  it('quiet leaves out non-failing warnings and their rules', () => {
    const quiet = JSON.parse(renderValidation('sarif', fixture, context({ quiet: true }))) as import('sarif').Log;
    expect(quiet.runs[0]!.results!.every((r) => r.level === 'error')).toBe(true);
    expect(quiet.runs[0]!.tool.driver.rules!.map((r) => r.id)).not.toContain('issued-in-future');
  });

  const schemaTest = haveSarifSchema ? 'validates against the official SARIF 2.1.0 schema'
    : 'validates against the official SARIF 2.1.0 schema — SKIPPED: ../shared/data/sarif-2.1.0 is missing';
  it.skipIf(!haveSarifSchema)(schemaTest, () => {
    const AjvClass = (Ajv04 as unknown as { default?: typeof Ajv04 }).default ?? Ajv04;
    const addFormats = ((_addFormats as unknown as { default?: unknown }).default ?? _addFormats) as typeof _addFormats.default;
    const ajv = new AjvClass({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(sarifSchemaPath, 'utf8')) as object);
    for (const overrides of [{}, { quiet: true }, { strict: true }]) {
      const doc: unknown = JSON.parse(renderValidation('sarif', fixture, context(overrides)));
      expect(validate(doc) ? [] : validate.errors).toEqual([]);
    }
    expect(validate(JSON.parse(renderValidation('sarif', { files: [] }, context())))).toBe(true);
    // The check has teeth: a broken region is rejected.
    const broken = JSON.parse(renderValidation('sarif', fixture, context())) as import('sarif').Log;
    broken.runs[0]!.results![1]!.locations![0]!.physicalLocation!.region!.startLine = 0;
    expect(validate(broken)).toBe(false);
  });
});

describe('github', () => {
  it('escapes data and properties', () => {
    const out = renderValidation('github', fixture, context());
    const lines = out.trimEnd().split('\n');
    expect(lines).toContain(
      '::error file=samples/données%2C été.yaml,line=7,col=12,title=schema/pattern::'
      + 'threats[0].title: title must not contain <script> & "quotes", 100%25 sure: really%0Asecond line — Müller ☃');
    expect(lines).toContain('::error file=samples/b-errors.yaml,title=yaml/alias-bomb::too many YAML aliases (more than 100)');
    expect(lines).toContain('::warning file=samples/b-errors.yaml,line=3,col=9,title=issued-in-future::issued: issued 2031-01-01 lies in the future');
    expect(lines).toContain('::error file=samples/b-errors.yaml,line=20,title=duplicate-rank::threats[4]: rank 2 is also used by threats[1]');
    expect(lines).toHaveLength(9);
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/);
    expect(out).not.toContain('::notice');
  });
  it('adds a notice only past 10 errors or 10 warnings', () => {
    expect(renderValidation('github', manyReport(10, 10), context())).not.toContain('::notice');
    const eleven = renderValidation('github', manyReport(11, 0), context()).trimEnd().split('\n');
    expect(eleven).toHaveLength(12);
    expect(eleven.at(-1)).toMatch(/^::notice title=threatmerge::threatmerge found 11 problems in total \(11 errors, 0 warnings\) in 1 file; GitHub shows only the first 10 errors and 10 warnings .*--format text$/);
    expect(renderValidation('github', manyReport(0, 11), context())).toContain('::notice');
    expect(renderValidation('github', manyReport(0, 11), context({ quiet: true }))).toBe('');
  });
  it('prints nothing for a clean report', () => {
    expect(renderValidation('github', { files: [fixture.files[0]!] }, context())).toBe('');
  });
});

describe('escape helpers', () => {
  it('xml: escapes markup, drops what XML 1.0 cannot hold, keeps astral characters', () => {
    expect(xmlEscape('a<b>&"\'c')).toBe('a&lt;b&gt;&amp;&quot;&apos;c');
    expect(stripXmlInvalid('a\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800b\t\n\r😀')).toBe('ab\t\n\r😀');
    expect(xmlEscape('x\ry')).toBe('x&#13;y');
    expect(xmlAttr('a\tb\nc\u0002')).toBe('a&#9;b&#10;c');
  });
  it('html', () => {
    expect(htmlEscape(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('terminal: control and bidi characters become visible', () => {
    expect(escapeControlChars('a\nb\r\tc\u001b[31m\u202Ed\u0085é')).toBe('a\\nb\\r\\tc\\u001B[31m\\u202Ed\\u0085é');
  });
  it('github', () => {
    expect(stripControlChars('a\u0000\u0001\u001b[0m\u007f\u0085b\t\n\r')).toBe('a[0mb\t\n\r');
    expect(githubData('50%\r\n:,')).toBe('50%25%0D%0A:,');
    expect(githubProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });
  it('uri references', () => {
    expect(pathToUriReference('samples/a b#c?.yaml')).toBe('samples/a%20b%23c%3F.yaml');
    expect(pathToUriReference('c:/x.yaml')).toBe('c%3A/x.yaml');
  });
});


/**
 * End-to-end tests of `threatmerge validate`: the built CLI (bin/threatmerge.js → dist/) run in a
 * child process with a minimal environment. Run `npm run build` first (`npm test` does).
 *
 * "Today" is frozen with SOURCE_DATE_EPOCH=1790000000 (2026-09-21), so issued-in-the-future
 * warnings are deterministic. Golden files live in test/golden/cli/; `UPDATE_GOLDEN=1` rewrites them.
 * Hostile inputs are generated in a temporary folder (the working directory of most runs, so
 * messages name them by their plain file name).
 */
import {
  chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBytes } from '../src/core/check.js';
import { compileSchema } from '../src/core/validate.js';
import { cliAtFixedClock, repoRoot, type RunCliOptions, type RunCliResult } from './helpers/run-cli.js';
import { goldenFiles } from './helpers/golden.js';

const TODAY = '2026-09-21';
const FIXTURE = 'test/fixtures/validate/future-issued.yaml';
const SAMPLE_NAMES = readdirSync(path.join(repoRoot, 'samples')).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
/** Budget for one test that starts a few CLI processes (each takes about half a second). */
const SLOW = { timeout: 60_000 };

let tmp = '';

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'threatmerge-cli-validate-'));
  // The valid companion of every bad file: a real sample (issued 2026-07-10, no warnings).
  copyFileSync(path.join(repoRoot, 'samples', 'fr-ofac.yaml'), path.join(tmp, 'valid.yaml'));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// helpers

const cli = cliAtFixedClock;

/** Run in the temporary folder. */
function cliTmp(args: string[], opts: RunCliOptions = {}): RunCliResult {
  return cli(args, { cwd: tmp, ...opts });
}

/** Write a file below the temporary folder; returns its name relative to it. */
function write(name: string, content: string | Uint8Array): string {
  const full = path.join(tmp, name);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  return name;
}

/** A small valid submission; `partnerId` must differ between files checked together. */
function submissionYaml(partnerId: string, issued = '2026-01-15'): string {
  return [
    'schemaVersion: 1',
    'partner:',
    `  id: ${partnerId}`,
    '  name: Test partner',
    `issued: ${issued}`,
    'threats:',
    '  - id: T-1',
    '    title: LockBit ransomware',
    '    category: ransomware',
    '    likelihood: 3',
    '    impact: 4',
    '',
  ].join('\n');
}

function submissionJson(partnerId: string): string {
  return `${JSON.stringify({
    schemaVersion: 1,
    partner: { id: partnerId, name: 'Test partner' },
    issued: '2026-01-15',
    threats: [{ id: 'T-1', title: 'LockBit ransomware', category: 'ransomware', likelihood: 3, impact: 4 }],
  }, null, 2)}\n`;
}

interface Listed { mark: string; file: string }
interface TextDiagnostic { file: string; line?: number; column?: number; severity: string; message: string; rule: string }

/** Parse the text report: the ✓/✗ line of each file and the `file:line:col  severity  message  (rule)` rows. */
function parseText(stdout: string): { files: Listed[]; diagnostics: TextDiagnostic[]; summary?: string } {
  const files: Listed[] = [];
  const diagnostics: TextDiagnostic[] = [];
  let summary: string | undefined;
  for (const line of stdout.split('\n')) {
    const head = /^([✓✗]) (\S+)/.exec(line);
    if (head) {
      files.push({ mark: head[1]!, file: head[2]! });
      continue;
    }
    const row = /^ {2}(\S+?)(?::(\d+)(?::(\d+))?)? {2,}(error|warning) +(.*?) {2}\(([^()\s]+)\)$/.exec(line);
    if (row) {
      diagnostics.push({
        file: row[1]!,
        ...(row[2] !== undefined ? { line: Number(row[2]) } : {}),
        ...(row[3] !== undefined ? { column: Number(row[3]) } : {}),
        severity: row[4]!,
        message: row[5]!,
        rule: row[6]!,
      });
      continue;
    }
    if (/^\d+ files? checked: /.test(line)) summary = line;
  }
  return { files, diagnostics, ...(summary !== undefined ? { summary } : {}) };
}

/** No stack trace and no internal error, on either stream. */
function expectNoStackTrace(r: RunCliResult): void {
  for (const text of [r.stdout, r.stderr]) {
    expect(text).not.toMatch(/^ {4}at /m);
    expect(text).not.toMatch(/\b[A-Za-z]*Error:/); // Error:, RangeError:, TypeError:, YAMLParseError: ...
    expect(text).not.toMatch(/internal error/);
  }
}

interface Expected {
  rule: string;
  /** Absent for problems of the whole file (e.g. an empty file); 'any' when any location will do. */
  line?: number;
  column?: number | 'any';
  phrase: RegExp;
}

/**
 * `validate <bad> valid.yaml` in the temporary folder: exit 1, exactly one located error for the
 * bad file, the valid file still checked (✓), nothing on stderr, no stack trace.
 */
function expectOneProblem(bad: string, expected: Expected): { d: TextDiagnostic; r: RunCliResult } {
  const r = cliTmp(['validate', bad, 'valid.yaml']);
  expectNoStackTrace(r);
  expect(r.stderr).toBe('');
  expect(r.code, r.stderr).toBe(1);
  const { files, diagnostics, summary } = parseText(r.stdout);
  expect(files).toContainEqual({ mark: '✗', file: bad });
  expect(files).toContainEqual({ mark: '✓', file: 'valid.yaml' });
  expect(summary).toMatch(/^2 files checked: 1 valid, 1 invalid/);
  const mine = diagnostics.filter((d) => d.file === bad);
  expect(mine, r.stdout).toHaveLength(1);
  const d = mine[0]!;
  expect(d.severity).toBe('error');
  expect(d.rule).toBe(expected.rule);
  expect(d.line).toBe(expected.line);
  if (expected.column === 'any') expect(d.column).toEqual(expect.any(Number));
  else expect(d.column).toBe(expected.column);
  expect(d.message).toMatch(expected.phrase);
  return { d, r };
}

/** 1-based line and column (UTF-16 code units) of the first occurrence of `needle`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

const expectGolden = goldenFiles('cli', 'test/cli-validate.test.ts');

// ---------------------------------------------------------------------------------------------

describe('validate: happy paths', SLOW, () => {
  it('samples/ passes (exit 0) and lists every sample, skipping samples/invalid/ (.threatmergeignore)', () => {
    expect(SAMPLE_NAMES).toHaveLength(7);
    const r = cli(['validate', 'samples/']);
    expect(r.stderr).toBe('');
    expect(r.code, r.stderr).toBe(0);
    const { files, diagnostics, summary } = parseText(r.stdout);
    expect(files).toEqual(SAMPLE_NAMES.map((n) => ({ mark: '✓', file: `samples/${n}` })));
    expect(r.stdout).not.toContain('invalid/');
    // The three partners that date their submission after 2026-09-21 get a warning, nothing else.
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([
      'samples/be-cert.yaml:10:9 issued-in-future',
      'samples/de-bka-cyber.json:9:13 issued-in-future',
      'samples/nl-police-cyber.yaml:10:9 issued-in-future',
    ]);
    expect(summary).toBe('7 files checked: 7 valid, 0 invalid — 0 errors, 3 warnings');
  });

  it('samples/invalid/ fails (exit 1) with file:line:col on every problem', () => {
    const r = cli(['validate', 'samples/invalid/']);
    expect(r.stderr).toBe('');
    expect(r.code, r.stderr).toBe(1);
    const { files, diagnostics } = parseText(r.stdout);
    expect(files).toEqual(['broken-syntax.json', 'duplicates.yaml', 'typos.yaml', 'wrong-version.yaml']
      .map((n) => ({ mark: '✗', file: `samples/invalid/${n}` })));
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('  '));
    expect(rows).toHaveLength(11);
    for (const row of rows) expect(row).toMatch(/^ {2}samples\/invalid\/[\w-]+\.(yaml|json):\d+:\d+ +(error|warning) /);
    expect(diagnostics).toHaveLength(11);
  });

  // Golden files: checked by hand against samples/invalid/ and samples/README.md (see the report).
  const goldens = [
    ['text', 'validate-invalid.txt'],
    ['json', 'validate-invalid.json'],
    ['junit', 'validate-invalid.junit.xml'],
    ['sarif', 'validate-invalid.sarif.json'],
    ['github', 'validate-invalid.github.txt'],
  ] as const;
  for (const [format, golden] of goldens) {
    it(`--format ${format} on samples/invalid/ matches test/golden/cli/${golden}`, () => {
      const r = cli(['validate', 'samples/invalid/', '--format', format]);
      expect(r.stderr).toBe('');
      expect(r.code, r.stderr).toBe(1);
      if (format === 'json' || format === 'sarif') expect(() => JSON.parse(r.stdout)).not.toThrow();
      expectGolden(golden, r.stdout);
    });
  }
});

describe('validate: --strict, --quiet, -o', SLOW, () => {
  it('--strict: a file with only a warning passes without it and fails with it', () => {
    const plain = cli(['validate', FIXTURE]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain(`${FIXTURE}:7:9  warning  issued: issued date 2027-03-01 is in the future (today is ${TODAY})`);
    const strict = cli(['validate', '--strict', FIXTURE]);
    expect(strict.code, strict.stderr).toBe(1);
    expect(strict.stdout).toContain(`✗ ${FIXTURE}`);
    expect(strict.stdout).toContain('(warnings fail under --strict)');
  });

  it('--quiet hides clean files and non-failing warnings, but not problems', () => {
    const args = ['validate', 'samples/invalid/', 'samples/fr-ofac.yaml'];
    const loud = cli(args);
    const quiet = cli([...args, '--quiet']);
    expect(loud.code, loud.stderr).toBe(1);
    expect(quiet.code, quiet.stderr).toBe(1);
    expect(loud.stdout).toContain('✓ samples/fr-ofac.yaml');
    expect(quiet.stdout).not.toContain('fr-ofac');
    expect(loud.stdout).toContain('issued-in-future');
    expect(quiet.stdout).not.toContain('issued-in-future');
    expect(parseText(quiet.stdout).files.map((f) => f.file)).toEqual(
      ['broken-syntax.json', 'duplicates.yaml', 'typos.yaml', 'wrong-version.yaml'].map((n) => `samples/invalid/${n}`));
    expect(parseText(quiet.stdout).diagnostics).toHaveLength(10);
    // The counts still cover everything.
    expect(parseText(quiet.stdout).summary).toBe('5 files checked: 1 valid, 4 invalid — 10 errors, 1 warning');
  });

  it('-o FILE writes the report there, nothing to stdout, and leaves no temporary files', () => {
    const out = path.join(tmp, 'out-o');
    mkdirSync(out);
    for (let round = 0; round < 2; round++) { // the second round replaces an existing file
      const r = cli(['validate', 'samples/invalid/', '-f', 'json', '-o', path.join(out, 'report.json')]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('');
      expect(readdirSync(out)).toEqual(['report.json']);
      expectGolden('validate-invalid.json', readFileSync(path.join(out, 'report.json'), 'utf8'));
    }
  });

  it('-o into a folder that does not exist creates it', () => {
    const target = path.join(tmp, 'out-new', 'nested', 'deeper', 'report.txt');
    const r = cli(['validate', 'samples/', '-o', target]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(target, 'utf8')).toMatch(/^✓ samples\/be-cert\.yaml/);
    expect(readdirSync(path.dirname(target))).toEqual(['report.txt']);
  });

  it('-o pointing at a directory exits 2 with a message', () => {
    const dir = path.join(tmp, 'out-dir');
    mkdirSync(dir);
    const r = cli(['validate', 'samples/fr-ofac.yaml', '-o', dir]);
    expectNoStackTrace(r);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^threatmerge: cannot write .*out-dir: it is a directory\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('validate: inputs', SLOW, () => {
  beforeAll(() => {
    write('glob/one.yaml', submissionYaml('glob-one'));
    write('glob/two.json', submissionJson('glob-two'));
    write('glob/Zeta.yaml', submissionYaml('glob-zeta'));
    write('glob/sub/three.yml', submissionYaml('glob-three'));
    write('glob/notes.txt', 'not a submission\n');
  });

  it('expands a quoted glob pattern itself, keeps only submissions, in code-unit order', () => {
    const r = cliTmp(['validate', 'glob/**/*']);
    expect(r.code, r.stderr).toBe(0);
    // Code-unit order: "Z" (0x5A) sorts before "o" (0x6F); localeCompare would not.
    expect(parseText(r.stdout).files.map((f) => f.file)).toEqual(['glob/Zeta.yaml', 'glob/one.yaml', 'glob/sub/three.yml', 'glob/two.json']);
    expect(r.stdout).not.toContain('notes.txt');
  });

  it('reports files in the same sorted order whatever the order of the arguments', () => {
    const ab = cliTmp(['validate', 'glob/one.yaml', 'glob/two.json', 'glob/Zeta.yaml']);
    const ba = cliTmp(['validate', 'glob/two.json', 'glob/Zeta.yaml', 'glob/one.yaml']);
    expect(ab.code, ab.stderr).toBe(0);
    expect(ba.stdout).toBe(ab.stdout);
    expect(parseText(ab.stdout).files.map((f) => f.file)).toEqual(['glob/Zeta.yaml', 'glob/one.yaml', 'glob/two.json']);
  });

  it('- reads YAML from standard input', () => {
    const r = cliTmp(['validate', '-'], { input: submissionYaml('stdin-yaml') });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('✓ <stdin> (stdin-yaml, 1 entry)');
  });

  it('- sniffs JSON on standard input (a trailing comma, which YAML would accept, is a JSON error)', () => {
    const ok = cliTmp(['validate', '-'], { input: submissionJson('stdin-json') });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('✓ <stdin> (stdin-json, 1 entry)');
    const bad = cliTmp(['validate', '-'], { input: '{\n  "schemaVersion": 1,\n}\n' });
    expect(bad.code, bad.stderr).toBe(1);
    expect(parseText(bad.stdout).diagnostics).toEqual([
      expect.objectContaining({ file: '<stdin>', line: 3, column: 1, rule: 'json/syntax' }),
    ]);
  });

  it('--stdin-filepath names standard input in messages', () => {
    const text = submissionJson('stdin-named').replace('"likelihood": 3', '"likelihood": 9');
    const key = positionOf(text, '"likelihood": 9');
    const r = cliTmp(['validate', '-', '--stdin-filepath', 'x.json'], { input: text });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).not.toContain('<stdin>');
    expect(r.stdout).toContain('✗ x.json (stdin-named, 1 entry)');
    expect(parseText(r.stdout).diagnostics).toEqual([
      expect.objectContaining({ file: 'x.json', line: key.line, column: key.column + '"likelihood": '.length, rule: 'schema/maximum' }),
    ]);
  });

  it('a missing path exits 2 with "no such file"', () => {
    const r = cliTmp(['validate', 'missing.yaml']);
    expectNoStackTrace(r);
    expect(r.code, r.stderr).toBe(2);
    // Today a one-line usage error on stderr; a per-file problem in the report would do as well.
    expect(`${r.stdout}${r.stderr}`).toMatch(/no such file or directory: missing\.yaml|missing\.yaml.*no such file/);
  });

  it('a directory with no submissions exits 2', () => {
    write('no-submissions/readme.txt', 'nothing to see\n');
    const r = cliTmp(['validate', 'no-submissions']);
    expectNoStackTrace(r);
    expect(r.code, r.stderr).toBe(2);
    // Reported like any unreadable input, so the other inputs of the run are still checked.
    expect(r.stdout).toMatch(/no-submissions\s+error\s+no submissions \(\*\.yaml, \*\.yml, \*\.json\) in this directory/);
  });

  it('a glob matching nothing exits 2', () => {
    const r = cliTmp(['validate', 'nothing-here/*.yaml']);
    expectNoStackTrace(r);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toMatch(/nothing-here\/\*\.yaml\s+error\s+the pattern matches no submissions/);
  });
});

describe('validate: usage', SLOW, () => {
  it('an unknown command exits 2 and suggests validate', () => {
    const r = cli(['validte', 'samples/']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown command 'validte'");
    expect(r.stderr).toContain('Did you mean validate');
  });

  it('an unknown option exits 2 and suggests the right one', () => {
    const r = cli(['validate', '--formt', 'json', 'samples/']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown option '--formt'");
    expect(r.stderr).toContain('Did you mean --format');
  });

  it('a bad --format exits 2 and lists the choices', () => {
    const r = cli(['validate', '--format', 'xml', 'samples/']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/'xml' is invalid/);
    expect(r.stderr).toContain('text, json, junit, sarif, github');
  });

  it('--help and --version exit 0', () => {
    const help = cli(['--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: threatmerge /);
    expect(help.stdout).toContain('validate [options] <paths...>');
    const version = cli(['--version']);
    expect(version.code, version.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`${pkg.version}\n`);
  });

  it('validate --help shows examples and exit codes', () => {
    const r = cli(['validate', '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage: threatmerge validate \[options\] <paths\.\.\.>/);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('$ threatmerge validate samples/');
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
  });
});

describe('validate: bad input gives one located message and the other files are still checked', SLOW, () => {
  it('an empty file', () => {
    expectOneProblem(write('empty.yaml', ''), { rule: 'empty', phrase: /the file is empty/ });
  });

  it('a file holding only comments', () => {
    expectOneProblem(write('comments.yaml', '# only a comment\n\n# and another one\n'), { rule: 'empty', phrase: /only comments/ });
  });

  it('a YAML syntax error', () => {
    const text = 'schemaVersion: 1\npartner: id: x\n';
    expectOneProblem(write('syntax.yaml', text), { rule: 'yaml/syntax', ...positionOf(text, 'id: x'), phrase: /^YAML syntax error: / });
  });

  it('a JSON syntax error (missing comma)', () => {
    const text = '{\n  "schemaVersion": 1,\n  "partner": {"id": "json-syntax", "name": "x"}\n  "issued": "2026-01-15"\n}\n';
    expectOneProblem(write('syntax.json', text), { rule: 'json/syntax', line: 4, column: 3, phrase: /^JSON syntax error: / });
  });

  it('a JSON trailing comma is an error in a .json file (the same text is fine as .yaml)', () => {
    const json = submissionJson('trailing-comma').replace(/\n}\n$/, ',\n}\n');
    const lines = json.split('\n').length - 1;
    expectOneProblem(write('trailing-comma.json', json), { rule: 'json/syntax', line: lines, column: 1, phrase: /^JSON syntax error: / });
    write('trailing-comma-as.yaml', json.replace('trailing-comma', 'trailing-comma-yaml'));
    const asYaml = cliTmp(['validate', 'trailing-comma-as.yaml']);
    expect(asYaml.code, asYaml.stdout + asYaml.stderr).toBe(0);
  });

  it('tabs used for indentation', () => {
    const text = submissionYaml('tabs').replace('  name: Test partner', '\tname: Test partner');
    expectOneProblem(write('tabs.yaml', text), { rule: 'yaml/tab-indent', line: 4, column: 1, phrase: /tabs are not allowed/ });
  });

  it('tab indentation in JSON is fine', () => {
    write('tabs.json', JSON.stringify(JSON.parse(submissionJson('tabs-json')), null, '\t'));
    const r = cliTmp(['validate', 'tabs.json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('a byte-order mark and CRLF line ends pass (YAML and JSON)', () => {
    write('bom-crlf.yaml', `\uFEFF${submissionYaml('bom-crlf-yaml').replace(/\n/g, '\r\n')}`);
    write('bom-crlf.json', `\uFEFF${submissionJson('bom-crlf-json').replace(/\n/g, '\r\n')}`);
    const r = cliTmp(['validate', 'bom-crlf.yaml', 'bom-crlf.json', 'valid.yaml']);
    expect(r.stderr).toBe('');
    expect(r.code, r.stderr).toBe(0);
    expect(parseText(r.stdout).files).toEqual([
      { mark: '✓', file: 'bom-crlf.json' }, { mark: '✓', file: 'bom-crlf.yaml' }, { mark: '✓', file: 'valid.yaml' },
    ]);
  });

  it('a byte-order mark does not shift columns on line 1 (YAML)', () => {
    const text = submissionYaml('bom-version').replace('schemaVersion: 1', 'schemaVersion: 2').replace(/\n/g, '\r\n');
    expectOneProblem(write('bom-version.yaml', `\uFEFF${text}`), { rule: 'schema/version', line: 1, column: 16, phrase: /unsupported schema version 2/ });
  });

  it('a byte-order mark does not shift columns on line 1 (JSON)', () => {
    const text = `{"schemaVersion": 1, "partner": {"id": "Bad Id", "name": "x"},\r\n"issued": "2026-01-15",\r\n`
      + `"threats": [{"id": "T-1", "title": "t", "category": "ransomware", "likelihood": 3, "impact": 4}]}\r\n`;
    const at = positionOf(text, '"Bad Id"');
    expect(at).toEqual({ line: 1, column: 40 });
    expectOneProblem(write('bom-pattern.json', `\uFEFF${text}`), { rule: 'schema/pattern', ...at, phrase: /id must be 2 to 32 lower-case/ });
  });

  it('a byte-order mark and CRLF: an error further down is located exactly', () => {
    const text = submissionYaml('bom-crlf-error').replace('likelihood: 3', 'likelihood: 9');
    const at = positionOf(text, '9');
    expect(at).toEqual({ line: 10, column: 17 });
    expectOneProblem(write('bom-crlf-error.yaml', `\uFEFF${text.replace(/\n/g, '\r\n')}`), { rule: 'schema/maximum', ...at, phrase: /likelihood must be an integer from 1 to 5, got 9/ });
  });

  it('several YAML documents in one file', () => {
    const text = `${submissionYaml('multi-doc')}---\n${submissionYaml('multi-doc-2')}`;
    expectOneProblem(write('multi-doc.yaml', text), { rule: 'yaml/multiple-documents', ...positionOf(text, '---'), phrase: /several YAML documents/ });
  });

  it('a YAML alias bomb (billion laughs, 9 levels × 9 references) is refused, not expanded', () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const { d } = expectOneProblem(write('alias-bomb.yaml', `${lines.join('\n')}\n`), { rule: 'yaml/alias-bomb', phrase: /alias bomb/ });
    expect(d.message.length).toBeLessThan(300);
  });

  it('JSON nested 100,000 levels deep', () => {
    const n = 100_000;
    const { d } = expectOneProblem(write('deep.json', `${'['.repeat(n)}${']'.repeat(n)}\n`), {
      rule: 'too-deep', line: 1, column: 'any', phrase: /nesting is too deep/,
    });
    expect(d.column).toBeGreaterThan(64);
  });

  it('YAML flow mappings nested 100,000 levels deep', () => {
    const n = 100_000;
    const { d } = expectOneProblem(write('deep-flow.yaml', `${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`), {
      rule: 'too-deep', line: 1, column: 'any', phrase: /nesting is too deep/,
    });
    expect(d.column).toBeGreaterThan(64 * 4);
  });

  // SRC BUG (reported): block sequences (`- - - ...`) are not brackets, so the depth guard misses
  // them; the parser's stack overflow comes back as "YAML syntax error: Maximum call stack size
  // exceeded" (rule yaml/syntax) instead of the too-deep problem.
  it('YAML block sequences nested 100,000 levels deep are reported as too deep, not as a stack overflow', () => {
    const r = cliTmp(['validate', write('deep-block.yaml', `${'- '.repeat(100_000)}x\n`), 'valid.yaml']);
    expectNoStackTrace(r);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('✓ valid.yaml');
    expect(r.stdout).not.toMatch(/call stack/i);
    const mine = parseText(r.stdout).diagnostics.filter((d) => d.file === 'deep-block.yaml');
    expect(mine.map((d) => d.rule)).toEqual(['too-deep']);
  });

  describe('5 MB strings are not echoed back', () => {
    const FIVE_MB = 5 * 1024 * 1024;

    it('a 5 MB title: one located message, output under 10 kB (text and json)', () => {
      const text = submissionYaml('big-title').replace('title: LockBit ransomware', `title: ${'A'.repeat(FIVE_MB)}`);
      write('big-title.yaml', text);
      const { d, r } = expectOneProblem('big-title.yaml', { rule: 'schema/maxLength', line: 8, column: 12, phrase: /title is too long: 5,242,880 characters, at most 300 allowed/ });
      expect(d.message.length).toBeLessThan(200);
      expect(r.stdout.length + r.stderr.length).toBeLessThan(10_000);
      const json = cliTmp(['validate', 'big-title.yaml', 'valid.yaml', '-f', 'json']);
      expect(json.code, json.stderr).toBe(1);
      expect(json.stdout.length + json.stderr.length).toBeLessThan(10_000);
    });

    // SRC BUG (reported): the diagnostic's `path` (partner.kkkk…) holds the whole key; only the
    // message truncates it. Every format prints the path, so the output is 5 MB (JUnit: 10 MB).
    it('a 5 MB unknown key: output under 10 kB (text and json)', () => {
      write('big-key.yaml', submissionYaml('big-key').replace('  name: Test partner', `  name: Test partner\n  ${'k'.repeat(FIVE_MB)}: 1`));
      for (const format of ['text', 'json']) {
        const r = cliTmp(['validate', 'big-key.yaml', 'valid.yaml', '-f', format]);
        expectNoStackTrace(r);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stdout).toContain('unknown key');
        expect(r.stdout.length + r.stderr.length).toBeLessThan(10_000);
      }
    });

    // SRC BUG (reported): the text report's file heading "✗ file (partner, N entries)" prints the
    // partner id as written, even when it breaks the id pattern, so a 5 MB id floods the terminal.
    it('a 5 MB partner id: text output under 10 kB', () => {
      write('big-partner.yaml', submissionYaml('big-partner').replace('id: big-partner', `id: ${'a'.repeat(FIVE_MB)}`));
      const r = cliTmp(['validate', 'big-partner.yaml', 'valid.yaml']);
      expectNoStackTrace(r);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toContain('id must be 2 to 32 lower-case letters');
      expect(r.stdout.length + r.stderr.length).toBeLessThan(10_000);
    });
  });

  it('a binary file (random bytes with NUL) named .yaml', () => {
    // Deterministic "random" bytes (xorshift), with a NUL at a known place on line 3.
    const bytes = new Uint8Array(4096);
    let s = 0x2545f491;
    for (let i = 0; i < bytes.length; i++) {
      s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
      bytes[i] = (s >>> 0) % 255 + 1; // 1..255: no NUL yet
    }
    bytes.set([0x0a, 0x41, 0x0a, 0x42, 0x43, 0x00], 0); // "\nA\nBC\0": the first NUL is at 3:3
    const { r } = expectOneProblem(write('binary.yaml', bytes), { rule: 'encoding/binary', line: 3, column: 3, phrase: /binary file/ });
    expect(r.stdout).not.toContain('\u0000');
    expect(r.stdout.length).toBeLessThan(2_000);
  });

  it('a Latin-1 file (not UTF-8) is refused at the right line and column', () => {
    const text = submissionYaml('latin-one').replace('name: Test partner', 'name: Sécurité');
    expectOneProblem(write('latin1.yaml', Buffer.from(text, 'latin1')), {
      rule: 'encoding/utf8', ...positionOf(text, 'é'), phrase: /not valid UTF-8 \(byte 0xe9 at offset \d+\)/,
    });
  });

  it('__proto__ and constructor keys are reported as unknown keys', () => {
    const text = [
      'schemaVersion: 1',
      'partner:',
      '  id: proto-keys',
      '  name: Test partner',
      '  __proto__: {polluted: yes}',
      'issued: 2026-01-15',
      'constructor: {prototype: {polluted: yes}}',
      'threats:',
      '  - id: T-1',
      '    title: LockBit ransomware',
      '    category: ransomware',
      '    likelihood: 3',
      '    impact: 4',
      '',
    ].join('\n');
    const r = cliTmp(['validate', write('proto.yaml', text), 'valid.yaml']);
    expectNoStackTrace(r);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('✓ valid.yaml');
    const mine = parseText(r.stdout).diagnostics.filter((d) => d.file === 'proto.yaml');
    expect(mine).toEqual([
      expect.objectContaining({ line: 5, column: 3, rule: 'schema/additionalProperties', message: expect.stringContaining('unknown key "__proto__" in partner') }),
      expect.objectContaining({ line: 7, column: 1, rule: 'schema/additionalProperties', message: expect.stringContaining('unknown key "constructor" at the top level') }),
    ]);
  });

  it('__proto__ and constructor keys do not pollute Object.prototype (in-process)', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'threat-assessment.v1.schema.json'), 'utf8')) as object;
    const validator = compileSchema(schema);
    const yaml = '__proto__: {polluted: yes}\nschemaVersion: 1\npartner: {id: proto-a, name: x, __proto__: {polluted: yes}}\n'
      + 'issued: 2026-01-15\nconstructor: {prototype: {polluted: yes}}\n'
      + 'threats:\n  - {id: T-1, title: t, category: ransomware, likelihood: 3, impact: 4, __proto__: {polluted: yes}}\n';
    const json = '{"__proto__": {"polluted": true}, "schemaVersion": 1, "partner": {"id": "proto-b", "name": "x", "__proto__": {"polluted": true}},'
      + ' "issued": "2026-01-15", "constructor": {"prototype": {"polluted": true}},'
      + ' "threats": [{"id": "T-1", "title": "t", "category": "ransomware", "likelihood": 3, "impact": 4, "__proto__": {"polluted": true}}]}';
    try {
      for (const [name, text] of [['proto.yaml', yaml], ['proto.json', json]] as const) {
        const checked = checkBytes(Buffer.from(text), name, 'sniff', validator, { today: TODAY });
        expect(checked.submission).toBeUndefined();
        const unknown = checked.report.diagnostics.filter((d) => d.rule === 'schema/additionalProperties').map((d) => d.path);
        expect(unknown.sort()).toEqual(['__proto__', 'constructor', 'partner.__proto__', 'threats[0].__proto__'].sort());
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect((Object as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
    } finally {
      delete (Object.prototype as Record<string, unknown>)['polluted'];
    }
  });

  it('a top-level list', () => {
    expectOneProblem(write('list.yaml', '- schemaVersion: 1\n- partner: x\n'), { rule: 'schema/type', line: 1, column: 1, phrase: /must be a mapping .* this file holds a list/ });
  });

  it('a top-level scalar (YAML and JSON)', () => {
    expectOneProblem(write('scalar.yaml', 'just some text\n'), { rule: 'schema/type', line: 1, column: 1, phrase: /this file holds the text "just some text"/ });
    expectOneProblem(write('scalar.json', '42\n'), { rule: 'schema/type', line: 1, column: 1, phrase: /this file holds number 42/ });
  });

  it('duplicate keys (YAML and JSON)', () => {
    const yaml = submissionYaml('dup-key-yaml').replace('    impact: 4', '    impact: 4\n    impact: 5');
    expectOneProblem(write('dup-key.yaml', yaml), { rule: 'duplicate-key', ...positionOf(yaml, 'impact: 5'), phrase: /duplicate key/ });
    const json = submissionJson('dup-key-json').replace('"name": "Test partner"', '"name": "Test partner", "name": "Again"');
    expectOneProblem(write('dup-key.json', json), { rule: 'duplicate-key', ...positionOf(json, '"name": "Again"'), phrase: /duplicate key/ });
  });

  // SRC BUG (reported): a missing path is a UsageError thrown while expanding the inputs, so no
  // file is validated at all; the brief wants exit 2 *and* the other files checked.
  it('a missing path: exit 2 with "no such file", and the other files are still checked', () => {
    const r = cliTmp(['validate', 'missing.yaml', 'valid.yaml']);
    expectNoStackTrace(r);
    expect(r.code, r.stderr).toBe(2);
    expect(`${r.stdout}${r.stderr}`).toMatch(/no such file.*missing\.yaml|missing\.yaml.*no such file/);
    expect(r.stdout).toContain('✓ valid.yaml');
  });

  describe('files that cannot be read (the tests run as root, where chmod does not stop reads)', () => {
    it('a dangling symlink named explicitly exits 2 with "no such file"', () => {
      symlinkSync('nowhere', path.join(tmp, 'broken.yaml'));
      const r = cliTmp(['validate', 'broken.yaml']);
      expectNoStackTrace(r);
      expect(r.code, r.stderr).toBe(2);
      expect(`${r.stdout}${r.stderr}`).toMatch(/no such file or directory: broken\.yaml|broken\.yaml.*no such file/);
    });

    it('a directory named dir.yaml passed explicitly is walked as a directory', () => {
      write('dir.yaml/inner.yaml', submissionYaml('inside-dir-yaml'));
      const r = cliTmp(['validate', 'dir.yaml']);
      expect(r.code, r.stderr).toBe(0);
      expect(parseText(r.stdout).files).toEqual([{ mark: '✓', file: 'dir.yaml/inner.yaml' }]);
    });

    // The "cannot read" path, as root: a directory walk picks up symlinks by name, so a symlink
    // named *.yaml that points to a folder, and a dangling *.json symlink, both fail to read.
    it('unreadable entries found by a directory walk: exit 2, located by file, the rest still checked', () => {
      write('walk/ok.yaml', submissionYaml('walk-ok'));
      mkdirSync(path.join(tmp, 'walk-target'), { recursive: true });
      symlinkSync('../walk-target', path.join(tmp, 'walk', 'folder-link.yaml'));
      symlinkSync('nowhere', path.join(tmp, 'walk', 'dangling.json'));
      const r = cliTmp(['validate', 'walk']);
      expectNoStackTrace(r);
      expect(r.code, r.stderr).toBe(2);
      const { files, diagnostics } = parseText(r.stdout);
      expect(files).toEqual([
        { mark: '✗', file: 'walk/dangling.json' }, { mark: '✗', file: 'walk/folder-link.yaml' }, { mark: '✓', file: 'walk/ok.yaml' },
      ]);
      expect(diagnostics).toEqual([
        expect.objectContaining({ file: 'walk/dangling.json', rule: 'io/read', message: expect.stringMatching(/^cannot read the file: /) }),
        { file: 'walk/folder-link.yaml', severity: 'error', rule: 'io/read', message: 'cannot read the file: it is a directory' },
      ]);
    });

    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    // As root, chmod 000 does not stop reads, and no other way gives an unreadable regular file.
    it.skipIf(isRoot)('a file without read permission: exit 2, "permission denied", the rest still checked', () => {
      write('walk-perm/locked.yaml', submissionYaml('locked'));
      write('walk-perm/ok.yaml', submissionYaml('walk-perm-ok'));
      chmodSync(path.join(tmp, 'walk-perm', 'locked.yaml'), 0o000);
      try {
        const r = cliTmp(['validate', 'walk-perm']);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stdout).toContain('walk-perm/locked.yaml  error    cannot read the file: permission denied  (io/read)');
        expect(r.stdout).toContain('✓ walk-perm/ok.yaml');
      } finally {
        chmodSync(path.join(tmp, 'walk-perm', 'locked.yaml'), 0o644);
      }
    });
  });
});

describe('validate: speed sanity', SLOW, () => {
  it('a ~1 MB submission with 2,000 entries validates (exit 0)', () => {
    const categories = ['ransomware', 'malware', 'phishing', 'ddos', 'data-theft', 'online-fraud'];
    const lines = ['schemaVersion: 1', 'partner:', '  id: big-partner', '  name: Partner with many entries', 'issued: 2026-09-01', 'threats:'];
    for (let i = 1; i <= 2000; i++) {
      lines.push(
        `  - id: BIG-${String(i).padStart(5, '0')}`,
        `    title: Threat number ${i} seen in several incidents this period`,
        `    category: ${categories[i % categories.length]}`,
        `    likelihood: ${(i % 5) + 1}`,
        `    impact: ${((i * 7) % 5) + 1}`,
        `    rank: ${i}`,
        '    confidence: 70',
        '    trend: stable',
        `    summary: Entry ${i} is generated for a speed check; it carries a few hundred characters of text so that the file comes close to one megabyte in total, like a large real submission.`,
        `    aliases: [Alias ${i} a, Alias ${i} b]`,
        `    cves: [CVE-2024-${10000 + i}]`,
        '    techniques: [T1486, T1566.002]',
        '    sectors: [healthcare, finance]',
        '    regions: [NL, EU]',
      );
    }
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(900_000);
    write('big-valid.yaml', text);
    const started = performance.now();
    const r = cliTmp(['validate', 'big-valid.yaml']);
    const elapsed = performance.now() - started;
    console.log(`validate of a ${(text.length / 1e6).toFixed(2)} MB submission with 2,000 entries took ${Math.round(elapsed)} ms (information only)`);
    expect(r.stderr).toBe('');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('✓ big-valid.yaml (big-partner, 2000 entries)');
  });
});

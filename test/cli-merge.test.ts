/**
 * End-to-end tests of `threatmerge merge`: the built CLI (bin/threatmerge.js → dist/) run in a
 * child process with a minimal environment, checking that what README.md says about `merge` is
 * true. Run `npm run build` first (`npm test` does).
 *
 * Every file a test writes (decisions, review, alias maps, configs, tiny submissions, outputs) is
 * generated in a temporary folder, so nothing under test/fixtures/ is needed. Runs that read the
 * samples use the repository root as working directory, so the paths in the output are
 * `samples/…` as in the README.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { JointThreat, MergeResult } from '../src/core/merged.js';
import { compileSchema } from '../src/core/validate.js';
import { cliAtFixedClock, repoRoot, type RunCliResult } from './helpers/run-cli.js';

/** Budget for one test that starts several CLI processes (each takes about a second). */
const SLOW = { timeout: 60_000 };
const SAMPLES_DIR = path.join(repoRoot, 'samples');
const SAMPLE_NAMES = readdirSync(SAMPLES_DIR).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
const MISP_DIR = path.resolve(repoRoot, '..', 'shared', 'data', 'misp-galaxy');
const MISP_INTRUSION_SETS = path.join(MISP_DIR, 'mitre-intrusion-set.json');

let tmp = '';
/** `merge samples/ -f json`, run once and shared by the tests that only read it. */
let baseText = '';
let baseStderr = '';
let base: MergeResult;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'threatmerge-cli-merge-'));
  const r = cli(['merge', 'samples/', '-f', 'json']);
  if (r.code !== 0) throw new Error(`merge samples/ -f json failed with exit ${r.code}:\n${r.stderr}`);
  baseText = r.stdout;
  baseStderr = r.stderr;
  base = JSON.parse(baseText) as MergeResult;
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// helpers

const cli = cliAtFixedClock;

/** Write a file below the temporary folder; returns its absolute path. */
function write(name: string, content: string): string {
  const full = path.join(tmp, name);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

function parseResult(r: RunCliResult, what: string): MergeResult {
  expect(r.code, `${what}: exit code (stderr: ${r.stderr.slice(0, 2000)})`).toBe(0);
  return JSON.parse(r.stdout) as MergeResult;
}

const keyOf = (s: { partner: string; id: string }) => `${s.partner}/${s.id}`;

/** The joint threat holding the entry `partner/id` (undefined when none does). */
function threatOf(result: MergeResult, key: string): JointThreat | undefined {
  return result.threats.find((t) => t.sources.some((s) => keyOf(s) === key));
}

function togetherIn(result: MergeResult, keys: readonly string[]): boolean {
  const ids = keys.map((k) => threatOf(result, k)?.id);
  return ids.every((id) => id !== undefined && id === ids[0]);
}

/** Every `partner/id` of the sample submissions, read from the files themselves. */
function sampleEntryKeys(): string[] {
  const keys: string[] = [];
  for (const name of SAMPLE_NAMES) {
    const doc = parseYaml(readFileSync(path.join(SAMPLES_DIR, name), 'utf8')) as { partner: { id: string }; threats: { id: string }[] };
    for (const t of doc.threats) keys.push(`${doc.partner.id}/${t.id}`);
  }
  return keys;
}

/** Rows of the table (lines whose first cell is a rank number). */
function tableRows(table: string): string[] {
  return table.split('\n').filter((line) => /^│\s*\d+\s*│/.test(line));
}

/** Entries the samples README puts in one group. */
const LOCKBIT = [
  'eu-cybercrime-centre/ecc-01', 'intl-police-innovation/IPIC-26-001', 'nl-police-cyber/NL-2026-01', 'de-bka-cyber/DE26-001',
  'fr-ofac/OFAC-2026-001', 'be-cert/BE-T01', 'es-ccn-cert/CCN-2026-001',
];
const AKIRA = ['eu-cybercrime-centre/ecc-02', 'nl-police-cyber/NL-2026-03', 'de-bka-cyber/DE26-004', 'be-cert/BE-T03', 'es-ccn-cert/CCN-2026-003'];
const MEDUSA = ['eu-cybercrime-centre/ecc-06', 'de-bka-cyber/DE26-006', 'fr-ofac/OFAC-2026-004', 'es-ccn-cert/CCN-2026-005'];
const MEDUSA_LOCKER = ['intl-police-innovation/IPIC-26-004', 'nl-police-cyber/NL-2026-04', 'de-bka-cyber/DE26-007'];

/** Two tiny submissions that only alias knowledge can join ("UNC1878" is a Wizard Spider alias). */
function tinySubmission(partner: string, entryId: string, title: string, likelihood: number): string {
  return [
    'schemaVersion: 1',
    `partner: { id: ${partner}, name: Test partner ${partner} }`,
    'issued: 2026-01-15',
    'tlp: green',
    'threats:',
    `  - id: ${entryId}`,
    `    title: ${title}`,
    '    category: ransomware',
    `    likelihood: ${likelihood}`,
    '    impact: 4',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

describe('merge samples/', () => {
  it('prints the joint priority table with a header and the summary line', SLOW, () => {
    const r = cli(['merge', 'samples/']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Joint priorities — weighted method, marked TLP:RED');
    expect(r.stdout).toContain('7 submissions, 162 entries');
    expect(r.stdout).toMatch(/│\s*#\s*│\s*Threat\s*│\s*Category\s*│\s*Score\s*│\s*Partners\s*│\s*L × I\s*│\s*TLP\s*│/);
    // Standard output carries only the table: no warnings or ANSI escapes (NO_COLOR, piped).
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).not.toMatch(/^warning/m);
    expect(tableRows(r.stdout).length).toBeGreaterThan(0);
  });

  it('-f json follows merged.v1 and every input entry is in exactly one threat', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'merged.v1.schema.json'), 'utf8')) as object;
    const errors = compileSchema(schema)(base);
    expect(errors.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);

    const keys = base.threats.flatMap((t) => t.sources.map(keyOf));
    expect(keys).toHaveLength(162);
    expect(new Set(keys).size).toBe(162);
    expect([...keys].sort()).toEqual(sampleEntryKeys().sort());
    expect(base.summary.submissions).toBe(7);
    expect(base.summary.entries).toBe(162);
    expect(base.summary.threats).toBe(base.threats.length);
    expect(base.summary.duplicatesMerged).toBe(162 - base.threats.length);
    // ranks are 1..n in order
    expect(base.threats.map((t) => t.rank)).toEqual(base.threats.map((_, i) => i + 1));
  });

  it('puts the seven LockBit entries in one threat, and keeps Medusa/MedusaLocker and Akira/LockBit apart', () => {
    expect(togetherIn(base, LOCKBIT), `LockBit entries are in threats ${LOCKBIT.map((k) => threatOf(base, k)?.title).join(', ')}`).toBe(true);
    const lockbit = threatOf(base, LOCKBIT[0]!)!;
    expect(lockbit.sources.map(keyOf).sort()).toEqual([...LOCKBIT].sort());
    expect(lockbit.breadth).toBe(7);

    const medusaThreats = new Set(MEDUSA.map((k) => threatOf(base, k)!.id));
    const lockerThreats = new Set(MEDUSA_LOCKER.map((k) => threatOf(base, k)!.id));
    for (const id of medusaThreats) expect(lockerThreats.has(id), `Medusa and MedusaLocker share threat ${id}`).toBe(false);

    const akiraThreats = new Set(AKIRA.map((k) => threatOf(base, k)!.id));
    expect(akiraThreats.has(lockbit.id), 'Akira and LockBit share a threat').toBe(false);
  });
});

describe('determinism', () => {
  it('files in any order give byte-identical JSON, equal to naming the folder', SLOW, () => {
    // What the shell makes of `samples/*.yaml samples/*.json`.
    const yamlFiles = SAMPLE_NAMES.filter((n) => /\.ya?ml$/.test(n)).map((n) => `samples/${n}`);
    const jsonFiles = SAMPLE_NAMES.filter((n) => n.endsWith('.json')).map((n) => `samples/${n}`);
    const files = [...yamlFiles, ...jsonFiles];
    expect(files).toHaveLength(7);
    const forward = cli(['merge', ...files, '-f', 'json']);
    expect(forward.code, forward.stderr).toBe(0);
    expect(forward.stdout).toBe(baseText);
    const reversed = cli(['merge', ...[...files].reverse(), '-f', 'json']);
    expect(reversed.code, reversed.stderr).toBe(0);
    expect(reversed.stdout).toBe(forward.stdout);
  });
});

describe('--top and -o', () => {
  it('--top 3 limits the table to three rows but never the JSON', SLOW, () => {
    const table = cli(['merge', 'samples/', '--top', '3']);
    expect(table.code, table.stderr).toBe(0);
    const rows = tableRows(table.stdout);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => /^│\s*(\d+)/.exec(r)![1])).toEqual(['1', '2', '3']);
    expect(rows[0]).toContain(base.threats[0]!.title);

    const json = parseResult(cli(['merge', 'samples/', '-f', 'json', '--top', '3']), '-f json --top 3');
    expect(base.threats.length).toBeGreaterThan(3);
    expect(json.threats).toHaveLength(base.threats.length);
  });

  it('-o FILE writes the result there and nothing to standard output', SLOW, () => {
    const dir = path.join(tmp, 'out');
    mkdirSync(dir, { recursive: true });
    const out = path.join(dir, 'out.json');
    const r = cli(['merge', 'samples/', '-f', 'json', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(baseText);
    // atomic write: no temporary file left behind
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});

describe('invalid input', () => {
  it('stops with the located validation errors and exit 1', SLOW, () => {
    const r = cli(['merge', 'samples/', 'samples/invalid/typos.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    for (const at of ['13:6', '18:15', '25:5', '28:5', '36:17']) expect(r.stderr).toContain(`samples/invalid/typos.yaml:${at}`);
    expect(r.stderr).toContain('did you mean "ransomware"?');
    expect(r.stderr).toContain('--skip-invalid');
  });

  it('--skip-invalid leaves the file out, reports it on stderr and lists it in the result', SLOW, () => {
    const r = cli(['merge', 'samples/', 'samples/invalid/typos.yaml', '--skip-invalid', '-f', 'json']);
    const result = parseResult(r, '--skip-invalid');
    expect(result.summary.skippedInvalid).toEqual(['samples/invalid/typos.yaml']);
    expect(r.stderr).toContain('samples/invalid/typos.yaml:13:6');
    expect(result.summary.entries).toBe(162);
    expect(result.threats.flatMap((t) => t.sources).some((s) => s.partner === 'sample-typos')).toBe(false);
  });
});

describe('--decisions', () => {
  it('honours "same" for two entries that were apart and "different" for two that were together', SLOW, () => {
    // two single-entry threats of different partners
    const singles = base.threats.filter((t) => t.sources.length === 1);
    const a = singles[0]!.sources[0]!;
    const b = singles.find((t) => t.sources[0]!.partner !== a.partner)!.sources[0]!;
    const c = singles.find((t) => ![a.partner, b.partner].includes(t.sources[0]!.partner))!.sources[0]!;
    const [sameA, sameB, sameC] = [keyOf(a), keyOf(b), keyOf(c)];
    expect(togetherIn(base, [sameA, sameB])).toBe(false);
    expect(togetherIn(base, [sameB, sameC])).toBe(false);
    // two entries of the LockBit threat
    const [diffA, diffB] = [LOCKBIT[0]!, LOCKBIT[1]!];
    expect(togetherIn(base, [diffA, diffB])).toBe(true);

    const file = write('decisions/ok.yaml', [
      'decisions:',
      `  - same: [${sameA}, ${sameB}]`,
      '    reason: test says so',
      `  - same: [${sameB}, ${sameC}]`,
      `  - different: [${diffA}, ${diffB}]`,
      '    reason: test says not',
      '',
    ].join('\n'));
    const r = cli(['merge', 'samples/', '--decisions', file, '-f', 'json']);
    const result = parseResult(r, '--decisions');
    expect(togetherIn(result, [sameA, sameB]), `${sameA} and ${sameB} should be one threat`).toBe(true);
    // "same" is transitive
    expect(togetherIn(result, [sameA, sameB, sameC]), `${sameA}, ${sameB} and ${sameC} should be one threat`).toBe(true);
    expect(threatOf(result, sameA)!.sources).toHaveLength(3);
    expect(togetherIn(result, [diffA, diffB]), `${diffA} and ${diffB} should be apart`).toBe(false);
    // still every entry exactly once
    const keys = result.threats.flatMap((t) => t.sources.map(keyOf));
    expect(keys).toHaveLength(162);
    expect(new Set(keys).size).toBe(162);
    // the decision shows as the outcome of the link
    const joined = threatOf(result, sameA)!;
    expect(joined.evidence.some((e) => e.outcome === 'decided-same' && [e.a, e.b].sort().join() === [sameA, sameB].sort().join())).toBe(true);
  });

  it('a contradiction exits 2 and shows the chain of "same" decisions', SLOW, () => {
    const [a, b, c] = [LOCKBIT[0]!, LOCKBIT[1]!, LOCKBIT[2]!];
    const file = write('decisions/contradiction.yaml', [
      'decisions:',
      `  - same: [${a}, ${b}]`,
      `  - same: [${b}, ${c}]`,
      `  - different: [${a}, ${c}]`,
      '',
    ].join('\n'));
    const r = cli(['merge', 'samples/', '--decisions', file, '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/contradict/i);
    for (const k of [a, b, c]) expect(r.stderr).toContain(k);
    // the chain names where each decision is
    for (const line of [2, 3, 4]) expect(r.stderr).toContain(`contradiction.yaml:${line}`);
  });

  it('a decision naming an unknown entry is a warning, not an error', SLOW, () => {
    const file = write('decisions/unknown.yaml', 'decisions:\n  - same: [be-cert/BE-T01, no-such-partner/X-404]\n');
    const r = cli(['merge', 'samples/', '--decisions', file, '-f', 'json']);
    const result = parseResult(r, 'unknown entry');
    expect(r.stderr).toMatch(/warning/i);
    expect(r.stderr).toContain('no-such-partner/X-404');
    expect(result.threats.flatMap((t) => t.sources)).toHaveLength(162);
  });

  it('a malformed decisions file gives a located error and exit 2', SLOW, () => {
    // YAML syntax error: the flow sequence is never closed
    const broken = write('decisions/broken.yaml', 'decisions:\n  - same: [be-cert/BE-T01, be-cert/BE-T02\n  - different: x\n');
    const r1 = cli(['merge', 'samples/', '--decisions', broken, '-f', 'json']);
    expect(r1.code).toBe(2);
    expect(r1.stdout).toBe('');
    expect(r1.stderr).toMatch(/broken\.yaml:\d+:\d+/);

    // well-formed YAML, wrong content: located at the offending item
    const wrong = write('decisions/wrong.yaml', 'decisions:\n  - same: [be-cert/BE-T01, be-cert/BE-T02]\n  - sme: [be-cert/BE-T01, fr-ofac/OFAC-2026-001]\n');
    const r2 = cli(['merge', 'samples/', '--decisions', wrong, '-f', 'json']);
    expect(r2.code).toBe(2);
    expect(r2.stdout).toBe('');
    expect(r2.stderr).toMatch(/wrong\.yaml:3:\d+/);
    expect(r2.stderr).toContain('sme');
  });
});

describe('--review', () => {
  it('writes uncertain pairs as undecided decisions; settling one as "same" joins the pair', SLOW, () => {
    const dir = path.join(tmp, 'review');
    mkdirSync(dir, { recursive: true });
    const samples = path.join(repoRoot, 'samples');
    const r = cli(['merge', samples, '--review', 'review.yaml', '-f', 'json'], { cwd: dir });
    const before = parseResult(r, '--review');
    const text = readFileSync(path.join(dir, 'review.yaml'), 'utf8');
    const doc = parseYaml(text) as { decisions: Record<string, unknown>[] };
    expect(Array.isArray(doc.decisions)).toBe(true);
    expect(doc.decisions.length).toBeGreaterThan(0);
    for (const d of doc.decisions) {
      expect(Object.keys(d)).toEqual(['undecided']);
      expect(d['undecided']).toHaveLength(2);
    }
    expect(r.stderr).toContain(`wrote ${doc.decisions.length} uncertain pair`);
    // evidence as comments, one score per pair, within the review band of the parameters
    const scores = [...text.matchAll(/^\s*# score (-?\d+(?:\.\d+)?) bits:/gm)].map((m) => Number(m[1]));
    expect(scores).toHaveLength(doc.decisions.length);
    expect(text).toMatch(/^\s*#\s+[+-]\d+\.\d\d\s+prior:/m);
    const low = Number(before.parameters['reviewThreshold']);
    const high = Number(before.parameters['linkThreshold']);
    for (const s of scores) {
      expect(s).toBeGreaterThanOrEqual(low - 0.005);
      expect(s).toBeLessThan(high + 0.005);
    }

    const [a, b] = doc.decisions[0]!['undecided'] as [string, string];
    expect(togetherIn(before, [a, b]), `${a} and ${b} were already one threat`).toBe(false);
    writeFileSync(path.join(dir, 'review.yaml'), text.replace('- undecided:', '- same:'));
    const after = parseResult(cli(['merge', samples, '--decisions', 'review.yaml', '-f', 'json'], { cwd: dir }), '--decisions review.yaml');
    expect(togetherIn(after, [a, b]), `${a} and ${b} should now be one threat`).toBe(true);
    expect(after.threats.flatMap((t) => t.sources)).toHaveLength(162);
  });
});

describe('--aliases', () => {
  const setup = () => {
    const dir = path.join(tmp, 'aliases');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a.yaml'), tinySubmission('partner-a', 'A-1', 'UNC1878 intrusions', 3));
    writeFileSync(path.join(dir, 'b.yaml'), tinySubmission('partner-b', 'B-1', 'Wizard Spider', 4));
    return dir;
  };
  const KEYS = ['partner-a/A-1', 'partner-b/B-1'];

  it('a YAML alias map joins entries that are apart without it', SLOW, () => {
    const dir = setup();
    writeFileSync(path.join(dir, 'aliases.yaml'), '"Wizard Spider": [UNC1878, TEMP.MixMaster]\n');
    const without = parseResult(cli(['merge', 'a.yaml', 'b.yaml', '-f', 'json'], { cwd: dir }), 'without aliases');
    expect(without.threats).toHaveLength(2);
    expect(togetherIn(without, KEYS)).toBe(false);
    const withAliases = parseResult(cli(['merge', 'a.yaml', 'b.yaml', '--aliases', 'aliases.yaml', '-f', 'json'], { cwd: dir }), 'with aliases');
    expect(withAliases.threats).toHaveLength(1);
    expect(togetherIn(withAliases, KEYS)).toBe(true);
  });

  it('a STIX 2.1 bundle with an intrusion-set and its aliases works too', SLOW, () => {
    const dir = setup();
    const bundle = {
      type: 'bundle',
      id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
      objects: [
        {
          type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--7a3c1a7e-6b0e-4c55-9a8e-2f8f6a9b1c11',
          created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z',
          name: 'Wizard Spider', aliases: ['Wizard Spider', 'UNC1878', 'TEMP.MixMaster'],
        },
      ],
    };
    writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify(bundle, null, 2));
    const r = cli(['merge', 'a.yaml', 'b.yaml', '--aliases', 'bundle.json', '-f', 'json'], { cwd: dir });
    const result = parseResult(r, 'STIX aliases');
    expect(togetherIn(result, KEYS)).toBe(true);
  });

  it('ignores everyday-word and short aliases and aliases two groups claim', SLOW, () => {
    const dir = setup();
    const files: Record<string, string> = {
      'ghost.yaml': tinySubmission('partner-a', 'A-1', 'Ghost', 3),
      'wsp.yaml': tinySubmission('partner-a', 'A-1', 'WSP', 3),
      'kitten.yaml': tinySubmission('partner-a', 'A-1', 'Ghostly Kitten', 3),
      'map-ghost.yaml': '"Wizard Spider": [Ghost]\n',
      'map-short.yaml': '"Wizard Spider": [WSP]\n',
      'map-kitten.yaml': '"Wizard Spider": [Ghostly Kitten]\n',
      'map-ambiguous.yaml': '"Wizard Spider": [UNC1878]\n"Grim Spider": [UNC1878]\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const threats = (first: string, map: string) =>
      parseResult(cli(['merge', first, 'b.yaml', '--aliases', map, '-f', 'json'], { cwd: dir }), `${first} + ${map}`).threats.length;
    expect(threats('kitten.yaml', 'map-kitten.yaml'), 'control: a specific alias joins').toBe(1);
    expect(threats('ghost.yaml', 'map-ghost.yaml'), 'everyday word "Ghost"').toBe(2);
    expect(threats('wsp.yaml', 'map-short.yaml'), 'alias shorter than four characters').toBe(2);
    expect(threats('a.yaml', 'map-ambiguous.yaml'), 'alias claimed by two groups').toBe(2);
  });

  it('alias files named in the config are relative to the config file', SLOW, () => {
    const dir = setup();
    mkdirSync(path.join(dir, 'conf'), { recursive: true });
    writeFileSync(path.join(dir, 'conf', 'aliases.yaml'), '"Wizard Spider": [UNC1878, TEMP.MixMaster]\n');
    writeFileSync(path.join(dir, 'conf', 'settings.yaml'), 'aliases: [aliases.yaml]\n');
    const result = parseResult(cli(['merge', 'a.yaml', 'b.yaml', '--config', 'conf/settings.yaml', '-f', 'json'], { cwd: dir }), 'config aliases');
    expect(togetherIn(result, KEYS)).toBe(true);
  });

  it('a missing alias file is an I/O error (exit 2)', SLOW, () => {
    const dir = setup();
    const r = cli(['merge', 'a.yaml', 'b.yaml', '--aliases', 'nope.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nope.yaml');
  });

  it.skipIf(!existsSync(MISP_INTRUSION_SETS))(
    existsSync(MISP_INTRUSION_SETS)
      ? 'loads the MISP galaxy ../shared/data/misp-galaxy/mitre-intrusion-set.json'
      : `MISP galaxy alias file — SKIPPED: ${MISP_INTRUSION_SETS} not found`,
    SLOW,
    () => {
      const r = cli(['merge', 'samples/', '--aliases', MISP_INTRUSION_SETS, '-f', 'json']);
      const result = parseResult(r, 'MISP galaxy');
      expect(r.stderr).not.toMatch(/error/i);
      const keys = result.threats.flatMap((t) => t.sources.map(keyOf));
      expect(keys).toHaveLength(162);
      expect(new Set(keys).size).toBe(162);
      expect(togetherIn(result, LOCKBIT)).toBe(true);
    },
  );
});

describe('configuration', () => {
  it('threatmerge.config.yaml in the working directory sets the method; --method overrides it', SLOW, () => {
    const dir = path.join(tmp, 'config');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'threatmerge.config.yaml'), 'ranking:\n  method: borda\n');
    const borda = parseResult(cli(['merge', SAMPLES_DIR, '-f', 'json'], { cwd: dir }), 'config borda');
    expect(borda.method).toBe('borda');
    const schulze = parseResult(cli(['merge', SAMPLES_DIR, '-f', 'json', '--method', 'schulze'], { cwd: dir }), 'config + --method');
    expect(schulze.method).toBe('schulze');
    // and without a config file, the default
    expect(base.method).toBe('weighted');
  });

  it('--config with a typo key exits 2 with a located message and a suggestion', SLOW, () => {
    const dir = path.join(tmp, 'config-bad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'bad.yaml'), 'rankng:\n  method: borda\n');
    const r = cli(['merge', SAMPLES_DIR, '--config', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.yaml:1:1');
    expect(r.stderr).toContain('did you mean "ranking"');

    writeFileSync(path.join(dir, 'nested.yaml'), '# a comment first\nranking:\n  metod: borda\n');
    const r2 = cli(['merge', SAMPLES_DIR, '--config', 'nested.yaml'], { cwd: dir });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('nested.yaml:3:3');
    expect(r2.stderr).toContain('did you mean "method"');
  });
});

describe('ranking methods', () => {
  it('weighted, schulze, borda and rrf each run and every breakdown sums (in millionths) to the score', SLOW, () => {
    for (const method of ['weighted', 'schulze', 'borda', 'rrf'] as const) {
      const result = method === 'weighted' ? base : parseResult(cli(['merge', 'samples/', '-f', 'json', '-m', method]), method);
      expect(result.method).toBe(method);
      expect(result.threats.flatMap((t) => t.sources)).toHaveLength(162);
      for (const t of result.threats) {
        expect(t.breakdown.length, `${method}: ${t.title} has no breakdown`).toBeGreaterThan(0);
        for (const part of t.breakdown) {
          expect(Math.abs(part.value * 1e6 - Math.round(part.value * 1e6)), `${method}: ${t.title} term ${part.term} not in millionths`).toBeLessThan(1e-6);
        }
        const sum = t.breakdown.reduce((n, part) => n + Math.round(part.value * 1e6), 0);
        expect(sum, `${method}: breakdown of ${t.title}`).toBe(Math.round(t.score * 1e6));
      }
      // ranked by score
      for (let i = 1; i < result.threats.length; i++) {
        expect(result.threats[i]!.score, `${method}: rank ${i + 1} scores above rank ${i}`).toBeLessThanOrEqual(result.threats[i - 1]!.score);
      }
    }
  });
});

describe('standard output and error', () => {
  it('when piped, stdout is only the JSON and stderr has no progress (no \\r)', SLOW, () => {
    expect(baseText.endsWith('}\n')).toBe(true);
    expect(() => JSON.parse(baseText)).not.toThrow();
    expect(baseStderr).not.toContain('\r');
    expect(baseStderr).not.toContain('\u001b[');
    const table = cli(['merge', 'samples/', 'samples/invalid/typos.yaml', '--skip-invalid']);
    expect(table.code).toBe(0);
    expect(table.stderr).not.toContain('\r');
    // the result lists the skipped file, but the validation report goes to stderr only
    expect(table.stdout).not.toContain('typos.yaml:13:6');
    expect(table.stderr).toContain('typos.yaml:13:6');
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import _addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MergeResult } from '../src/core/merged.js';
import {
  DEFAULT_IMPACT, DEFAULT_LIKELIHOOD, isStixBundle, OPENCTI_AMBER_STRICT_ID, parseTlpText, slug, submissionFromStix,
  THREATMERGE_STIX_NAMESPACE, TLP1_MARKING_IDS, TLP2_EXTENSION_ID, TLP2_MARKING_IDS, URL_NAMESPACE, uuidv5, WELL_KNOWN_TLP_IDS,
} from '../src/core/stix-import.js';
import type { Diagnostic, RawSubmission, RawThreat } from '../src/core/types.js';
import { compileSchema } from '../src/core/validate.js';
import { renderStix, stixTimestamp, stixTypeFor } from '../src/render/report/stix.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'stix');
const oasisDir = path.resolve(repoRoot, '..', 'shared', 'data', 'stix2.1-json-schemas', 'schemas');
const haveOasis = existsSync(path.join(oasisDir, 'common', 'bundle.json'));
const OASIS_BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas';
const addFormats = ((_addFormats as unknown as { default?: unknown }).default ?? _addFormats) as typeof _addFormats.default;

const ctx = { toolName: 'threatmerge', toolVersion: '0.1.0' };
const STIX_ID = /^([a-z][a-z0-9-]+[a-z0-9])--([0-9a-f]{8}-[0-9a-f]{4}-([1-5])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/;
const STIX_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type Obj = Record<string, any>;

function readJson(name: string): any {
  return JSON.parse(readFileSync(path.join(fixtures, name), 'utf8'));
}
function merged(): MergeResult {
  return readJson('merged.json') as MergeResult;
}
function exported(result: MergeResult = merged(), extra: { generated?: string } = {}): { text: string; bundle: Obj; objects: Obj[] } {
  const text = renderStix(result, { ...ctx, ...extra });
  const bundle = JSON.parse(text) as Obj;
  return { text, bundle, objects: bundle['objects'] as Obj[] };
}
function byThreatId(objects: Obj[], id: string): Obj {
  const o = objects.find((x) => x['x_threatmerge_id'] === id);
  if (!o) throw new Error(`no object for ${id}`);
  return o;
}
const submissionSchema = compileSchema(JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'threat-assessment.v1.schema.json'), 'utf8')) as object);
function schemaErrors(doc: RawSubmission | undefined): string[] {
  return submissionSchema(doc).map((e) => `${e.instancePath} ${e.message}`);
}
function rules(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity} ${d.rule}`);
}
function entry(doc: RawSubmission | undefined, title: string): RawThreat {
  const t = doc?.threats.find((x) => x.title === title);
  if (!t) throw new Error(`no entry titled ${title}`);
  return t;
}

describe('uuidv5 (RFC 4122 §4.3, SHA-1)', () => {
  it('gives the known vector for www.example.com in the DNS namespace', () => {
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives the threatmerge namespace from its URL, as documented', () => {
    expect(uuidv5('https://threatmerge.dev/stix', URL_NAMESPACE)).toBe(THREATMERGE_STIX_NAMESPACE);
  });

  it('sets version 5 and the RFC 4122 variant, and hashes names as UTF-8', () => {
    for (const name of ['', 'a', 'Café — 東京', '<script>']) {
      expect(uuidv5(name, THREATMERGE_STIX_NAMESPACE)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(uuidv5('Café', URL_NAMESPACE)).not.toBe(uuidv5('Cafe', URL_NAMESPACE));
    expect(() => uuidv5('x', 'not-a-uuid')).toThrow();
  });
});

describe('renderStix', () => {
  it('is byte-identical across runs, 2-space indented, with a trailing newline', () => {
    const a = renderStix(merged(), ctx);
    const b = renderStix(merged(), ctx);
    expect(a).toBe(b);
    expect(a.endsWith('}\n')).toBe(true);
    expect(a.split('\n')[1]).toBe('  "type": "bundle",');
  });

  it('gives every object a valid type--uuid id, version 5 for the ones it makes', () => {
    const { bundle, objects } = exported();
    expect(bundle['type']).toBe('bundle');
    expect(bundle['id']).toMatch(STIX_ID);
    expect(STIX_ID.exec(bundle['id'])![3]).toBe('5');
    const ids = new Set<string>();
    for (const o of objects) {
      const m = STIX_ID.exec(o['id']);
      expect(m, o['id']).not.toBeNull();
      expect(m![1]).toBe(o['type']);
      if (o['type'] !== 'marking-definition') expect(m![3], o['id']).toBe('5');
      expect(ids.has(o['id'])).toBe(false);
      ids.add(o['id']);
    }
  });

  it('marks every object except marking definitions, with markings that resolve', () => {
    const { objects } = exported();
    const markingIds = new Set(objects.filter((o) => o['type'] === 'marking-definition').map((o) => o['id'] as string));
    for (const o of objects) {
      if (o['type'] === 'marking-definition') {
        expect(o['object_marking_refs']).toBeUndefined();
        continue;
      }
      expect(Array.isArray(o['object_marking_refs']) && o['object_marking_refs'].length > 0, o['id']).toBe(true);
      for (const ref of o['object_marking_refs'] as string[]) expect(markingIds.has(ref) || WELL_KNOWN_TLP_IDS.has(ref), ref).toBe(true);
    }
  });

  it('writes spec_version 2.1 and STIX timestamps, derived from the newest partner issue date', () => {
    const { objects } = exported();
    for (const o of objects) {
      expect(o['spec_version']).toBe('2.1');
      expect(o['created']).toMatch(STIX_TIMESTAMP);
      if (o['type'] !== 'marking-definition') {
        expect(o['modified']).toMatch(STIX_TIMESTAMP);
        expect(o['created']).toBe('2026-10-15T00:00:00.000Z');
        expect(o['modified']).toBe('2026-10-15T00:00:00.000Z');
      }
    }
  });

  it('uses ctx.generated for the timestamps when given, and ignores one it cannot read', () => {
    const r = merged();
    expect(stixTimestamp(r, { ...ctx, generated: '2026-11-02T10:20:30Z' })).toBe('2026-11-02T10:20:30.000Z');
    expect(stixTimestamp(r, { ...ctx, generated: '2026-11-02T12:20:30+02:00' })).toBe('2026-11-02T10:20:30.000Z');
    expect(stixTimestamp(r, { ...ctx, generated: '2026-11-02' })).toBe('2026-11-02T00:00:00.000Z');
    // No time zone: it would depend on the machine's, so it is not used.
    expect(stixTimestamp(r, { ...ctx, generated: '2026-11-02T10:20:30' })).toBe('2026-10-15T00:00:00.000Z');
    expect(stixTimestamp(r, { ...ctx, generated: 'yesterday' })).toBe('2026-10-15T00:00:00.000Z');
    expect(stixTimestamp({ ...r, partners: [] }, ctx)).toBe('1970-01-01T00:00:00.000Z');
    const { objects } = exported(r, { generated: '2026-11-02T10:20:30Z' });
    expect(objects.find((o) => o['type'] === 'report')!['published']).toBe('2026-11-02T10:20:30.000Z');
  });

  it('chooses the SDO by category and content', () => {
    const { objects } = exported();
    const types = Object.fromEntries(objects.filter((o) => o['x_threatmerge_id']).map((o) => [o['x_threatmerge_id'], o['type']]));
    expect(types).toEqual({
      'tm-lockbit0001': 'intrusion-set', // ransomware: a named group
      'tm-qakbot00002': 'malware', // category malware
      'tm-citrix00003': 'vulnerability', // exploitation with a CVE
      'tm-helpdesk004': 'attack-pattern', // a fraud scheme without a named group
      'tm-hostile0005': 'attack-pattern', // phishing without a named group
      'tm-redline0006': 'malware', // data theft by a stealer: malware by its title
    });
    const r = merged();
    expect(stixTypeFor({ ...r.threats[3]!, actors: ['Some Crew'] })).toBe('intrusion-set');
    expect(stixTypeFor({ ...r.threats[2]!, cves: [] })).toBe('attack-pattern');
    expect(stixTypeFor({ ...r.threats[3]!, title: 'Cobalt Strike', malware: ['Cobalt Strike'] })).toBe('malware');
  });

  it('fills the standard and custom properties of each threat object', () => {
    const { objects } = exported();
    const tool = objects.find((o) => o['type'] === 'identity' && o['identity_class'] === 'system')!;
    const lockbit = byThreatId(objects, 'tm-lockbit0001');
    expect(lockbit).toMatchObject({
      name: 'LockBit 3.0 affiliates',
      aliases: ['LockBit Black', 'LockBitSupp'],
      confidence: 83,
      labels: ['ransomware', 'stable'],
      created_by_ref: tool['id'],
      object_marking_refs: [TLP2_MARKING_IDS.amber],
      x_threatmerge_id: 'tm-lockbit0001',
      x_threatmerge_rank: 1,
      x_threatmerge_score: 0.81,
      x_threatmerge_likelihood: 4.5,
      x_threatmerge_impact: 5,
      x_threatmerge_category: 'ransomware',
      x_threatmerge_partners: ['de-bka-cyber', 'nl-police-cyber'],
      x_threatmerge_sources: [
        { partner: 'de-bka-cyber', id: 'DE-1', title: 'LockBit' },
        { partner: 'nl-police-cyber', id: 'NL-1', title: 'LockBit 3.0 affiliates' },
      ],
      x_threatmerge_actors: ['LockBitSupp'],
      x_threatmerge_regions: ['NL', 'DE'],
    });
    expect(lockbit['description']).toBe('[de-bka-cyber] Still the most active affiliate programme.\n\n[nl-police-cyber] Affiliates regroup after the takedown.');
    expect(lockbit['external_references']).toEqual([
      { source_name: 'cve', external_id: 'CVE-2023-4966', url: 'https://www.cve.org/CVERecord?id=CVE-2023-4966' },
      { source_name: 'cve', external_id: 'CVE-2023-27350', url: 'https://www.cve.org/CVERecord?id=CVE-2023-27350' },
      { source_name: 'mitre-attack', external_id: 'T1486', url: 'https://attack.mitre.org/techniques/T1486/' },
      { source_name: 'mitre-attack', external_id: 'T1566.002', url: 'https://attack.mitre.org/techniques/T1566/002/' },
      { source_name: 'www.cisa.gov', url: 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-165a' },
    ]);

    const citrix = byThreatId(objects, 'tm-citrix00003');
    expect(citrix).toMatchObject({ name: 'CVE-2023-4966', x_threatmerge_title: 'Citrix Bleed', x_threatmerge_aliases: ['CitrixBleed'] });
    expect(citrix['aliases']).toBeUndefined();
    const qakbot = byThreatId(objects, 'tm-qakbot00002');
    expect(qakbot).toMatchObject({ is_family: true, malware_types: ['unknown'], x_threatmerge_trend: 'increasing' });
    expect(qakbot['confidence']).toBeUndefined();
    expect(byThreatId(objects, 'tm-redline0006')['malware_types']).toEqual(['spyware']);
    // Empty lists are left out: STIX lists hold at least one item.
    for (const o of objects) for (const [k, v] of Object.entries(o)) if (Array.isArray(v)) expect(v.length, `${o['id']} ${k}`).toBeGreaterThan(0);
  });

  it('adds one identity per partner and one report over the threats and partners, marked with the result TLP', () => {
    const r = merged();
    const { objects } = exported(r);
    const partners = objects.filter((o) => o['type'] === 'identity' && o['identity_class'] === 'organization');
    expect(partners.map((p) => [p['name'], p['x_threatmerge_partner_id']])).toEqual(r.partners.map((p) => [p.name, p.id]));
    // The least restrictive TLP of the threats that name the partner.
    expect(partners.map((p) => p['object_marking_refs'][0])).toEqual([TLP2_MARKING_IDS.green, TLP2_MARKING_IDS.green, TLP2_MARKING_IDS.clear]);
    const reports = objects.filter((o) => o['type'] === 'report');
    expect(reports).toHaveLength(1);
    const report = reports[0]!;
    expect(report['report_types']).toEqual(['threat-report']);
    expect(report['published']).toBe('2026-10-15T00:00:00.000Z');
    expect(report['object_marking_refs']).toEqual([TLP2_MARKING_IDS.red]);
    const threatIds = objects.filter((o) => o['x_threatmerge_id']).map((o) => o['id']);
    expect(threatIds).toHaveLength(r.threats.length);
    expect(report['object_refs']).toEqual([...threatIds, ...partners.map((p) => p['id'])]);
    expect(report['x_threatmerge_summary']).toEqual({ submissions: 3, entries: 12, threats: 6, duplicatesMerged: 4, withheldEntries: 0 });
  });

  it('includes the TLP 2.0 marking definitions used, as OASIS publishes them', () => {
    const { objects } = exported();
    const markings = objects.filter((o) => o['type'] === 'marking-definition');
    expect(markings.map((m) => m['name'])).toEqual(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED']);
    expect(markings.find((m) => m['name'] === 'TLP:AMBER+STRICT')).toEqual({
      type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      created: '2022-10-01T00:00:00.000Z', name: 'TLP:AMBER+STRICT',
      extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: 'amber+strict' } },
    });
    expect(byThreatId(objects, 'tm-helpdesk004')['object_marking_refs']).toEqual([TLP2_MARKING_IDS['amber+strict']]);
    expect(byThreatId(objects, 'tm-hostile0005')['object_marking_refs']).toEqual([TLP2_MARKING_IDS.red]);

    const r = merged();
    const onlyGreen = { ...r, tlp: 'green' as const, threats: r.threats.filter((t) => t.tlp === 'green') };
    expect(exported(onlyGreen).objects.filter((o) => o['type'] === 'marking-definition').map((m) => m['name'])).toEqual(['TLP:CLEAR', 'TLP:GREEN']);
  });

  it('keeps hostile text as data: escaped in the JSON text, exact once parsed', () => {
    const { text, objects } = exported();
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003cscript\\u003e');
    const hostile = byThreatId(objects, 'tm-hostile0005');
    expect(hostile['name']).toBe('<script>alert("pwned")</script> "Quoted" & \'single\' phishing');
    expect(hostile['aliases']).toEqual(['</script><img src=x onerror=alert(1)>']);
    expect(hostile['description']).toBe('[nl-police-cyber] Line one\nline "two" <b>bold</b>\u2028end');
  });

  it('leaves local file paths out of the bundle', () => {
    const { text } = exported();
    expect(text).not.toContain('in/nl.yaml');
    expect(text).not.toContain('in/broken.yaml');
  });

  it('keeps a threat\'s id when other threats change, and changes the bundle id with the content', () => {
    const r = merged();
    const a = exported(r);
    const b = exported({ ...r, threats: r.threats.slice(1) });
    expect(byThreatId(b.objects, 'tm-qakbot00002')['id']).toBe(byThreatId(a.objects, 'tm-qakbot00002')['id']);
    expect(b.bundle['id']).not.toBe(a.bundle['id']);
  });

  it('survives a hand-edited result with odd values', () => {
    const r = merged() as any;
    r.threats[0].tlp = 'purple';
    r.threats[0].score = Number.NaN;
    r.threats[0].confidence = 140;
    r.threats.push({ ...r.threats[1], id: r.threats[1].id });
    const { objects } = exported(r);
    const first = objects.find((o) => o['x_threatmerge_rank'] === 1)!;
    expect(first['object_marking_refs']).toEqual([TLP2_MARKING_IDS.red]);
    expect(first['x_threatmerge_score']).toBeUndefined();
    expect(first['confidence']).toBe(100);
    expect(new Set(objects.map((o) => o['id'])).size).toBe(objects.length);
  });
});

describe(haveOasis ? 'OASIS STIX 2.1 JSON schemas' : 'OASIS STIX 2.1 JSON schemas (SKIPPED: ../shared/data/stix2.1-json-schemas is absent)', () => {
  function loadAjv(): Ajv2020 {
    // The OASIS schemas declare draft 2020-12. Their patterns use `\-` outside character classes,
    // which is a syntax error for Unicode regular expressions: compile them without the `u` flag.
    const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    ajv.addFormat('idn-hostname', true); // used by domain-name.json; ajv-formats has no checker for it
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.json') ? [p] : [];
    });
    for (const file of walk(oasisDir)) {
      const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id: string; $schema?: string };
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      ajv.addSchema(schema, schema.$id);
    }
    return ajv;
  }
  function schemaFor(type: string): string {
    if (type === 'marking-definition') return `${OASIS_BASE}/common/marking-definition.json`;
    if (type === 'relationship' || type === 'sighting') return `${OASIS_BASE}/sros/${type}.json`;
    return `${OASIS_BASE}/sdos/${type}.json`;
  }

  it.skipIf(!haveOasis)('validates every exported object against the schema of its type, and the whole bundle', () => {
    const ajv = loadAjv();
    const { bundle, objects } = exported();
    const types = new Set<string>();
    for (const o of objects) {
      types.add(o['type']);
      const validate = ajv.getSchema(schemaFor(o['type']));
      expect(validate, o['type']).toBeDefined();
      const ok = validate!(o);
      expect(ok ? [] : validate!.errors!.map((e) => `${o['id']} ${e.instancePath} ${e.message}`)).toEqual([]);
    }
    expect([...types].sort()).toEqual(['attack-pattern', 'identity', 'intrusion-set', 'malware', 'marking-definition', 'report', 'vulnerability']);
    const validateBundle = ajv.getSchema(`${OASIS_BASE}/common/bundle.json`)!;
    expect(validateBundle(bundle) ? [] : validateBundle.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
  });

  it.skipIf(!haveOasis)('rejects objects that lack required properties (the check has teeth)', () => {
    const ajv = loadAjv();
    const { objects } = exported();
    const broken: [string, Obj][] = [
      ['identity', { ...objects.find((o) => o['type'] === 'identity')!, name: undefined }],
      ['malware', { ...byThreatId(objects, 'tm-qakbot00002'), is_family: undefined }],
      ['report', { ...objects.find((o) => o['type'] === 'report')!, published: undefined }],
      ['vulnerability', { ...byThreatId(objects, 'tm-citrix00003'), modified: '2026-10-15' }],
      ['intrusion-set', { ...byThreatId(objects, 'tm-lockbit0001'), aliases: [] }],
    ];
    for (const [type, o] of broken) {
      const validate = ajv.getSchema(schemaFor(type))!;
      expect(validate(JSON.parse(JSON.stringify(o))), type).toBe(false);
    }
  });
});

describe('isStixBundle / submissionFromStix', () => {
  it('recognises bundles and rejects everything else', () => {
    expect(isStixBundle(readJson('tlp1-bundle.json'))).toBe(true);
    expect(isStixBundle({ type: 'bundle', id: 'bundle--x' })).toBe(true);
    for (const v of [null, undefined, 42, 'bundle', [], [{ type: 'bundle' }], { type: 'Bundle' }, { schemaVersion: 1, partner: { id: 'x', name: 'X' }, issued: '2026-01-01', threats: [] }]) {
      expect(isStixBundle(v)).toBe(false);
      const out = submissionFromStix(v, 'not-a-bundle.json');
      expect(out.document).toBeUndefined();
      expect(rules(out.diagnostics)).toEqual(['error stix/not-a-bundle']);
      expect(out.diagnostics[0]!.file).toBe('not-a-bundle.json');
    }
  });

  it('round trip: each joint threat comes back with its title, category, likelihood, impact, CVEs and techniques', () => {
    const r = merged();
    const { bundle } = exported(r);
    const out = submissionFromStix(bundle, 'joint.stix.json');
    expect(out.diagnostics).toEqual([]);
    expect(schemaErrors(out.document)).toEqual([]);
    expect(out.document!.partner).toEqual({ id: 'threatmerge', name: 'threatmerge' });
    expect(out.document!.issued).toBe('2026-10-15');
    expect(out.document!.threats).toHaveLength(r.threats.length);
    for (const t of r.threats) {
      const e = entry(out.document, t.title);
      expect(e.id).toBe(t.id);
      expect(e.category).toBe(t.category);
      expect(e.likelihood).toBe(Math.round(t.likelihood));
      expect(e.impact).toBe(Math.round(t.impact));
      expect(e.cves ?? []).toEqual(t.cves.map((c) => c.toUpperCase()));
      expect(e.techniques ?? []).toEqual(t.techniques);
      expect(e.tlp).toBe(t.tlp);
      expect(e.rank).toBe(t.rank);
      expect(e.actors ?? []).toEqual(t.actors);
      expect(e.malware ?? []).toEqual(t.malware);
      expect(e.references ?? []).toEqual(t.references);
    }
  });

  it('reads a partner bundle with TLP 1.0 ids, OpenCTI\'s AMBER+STRICT, relationships and object versions', () => {
    const out = submissionFromStix(readJson('tlp1-bundle.json'), 'partners/anssi.json');
    expect(rules(out.diagnostics)).toEqual(['warning stix/default']);
    expect(out.diagnostics[0]!.message).toContain(`default of ${DEFAULT_LIKELIHOOD} (likelihood) and ${DEFAULT_IMPACT} (impact)`);
    expect(schemaErrors(out.document)).toEqual([]);
    const doc = out.document!;
    expect(doc.partner).toEqual({ id: 'agence-nationale-de-cybersecurit', name: 'Agence Nationale de Cybersécurité (Test)' });
    expect(doc.issued).toBe('2026-07-01');
    // The attack-pattern that FIN7 uses is a technique of FIN7, not a threat of its own.
    expect(doc.threats.map((t) => t.title)).toEqual(['FIN7', 'Carbanak', 'CVE-2024-3400', 'Scattered Spider', 'Bank helpdesk vishing']);
    // Where each entry came from in the bundle (the newest version of FIN7 is objects[4]).
    expect(out.entryObjects).toEqual([4, 5, 7, 8, 9]);
    expect(entry(doc, 'FIN7')).toEqual({
      id: 'is-7a1c2b3d', title: 'FIN7', category: 'other', likelihood: 3, impact: 3, confidence: 85,
      summary: 'Financially motivated group.', aliases: ['Carbanak Group'], actors: ['FIN7'], malware: ['Carbanak'],
      cves: ['CVE-2024-3400'], techniques: ['T1566.001'], tlp: 'amber',
    });
    expect(entry(doc, 'Carbanak')).toMatchObject({ id: 'mw-3b4c5d6e', category: 'malware', actors: ['FIN7', 'Scattered Spider'], malware: ['Carbanak'], tlp: 'green' });
    expect(entry(doc, 'CVE-2024-3400')).toMatchObject({
      category: 'vulnerability-exploitation', cves: ['CVE-2024-3400'], tlp: 'amber+strict',
      references: ['https://security.paloaltonetworks.com/CVE-2024-3400'],
    });
    expect(entry(doc, 'Scattered Spider')).toMatchObject({ category: 'other', confidence: 75, tlp: 'red', actors: ['Scattered Spider'] });
    expect(entry(doc, 'Bank helpdesk vishing')).toMatchObject({ category: 'online-fraud', trend: 'increasing', techniques: ['T1566.004'], tlp: 'green' });
  });

  it('reads inline marking definitions: definition.tlp, TLP 2.0 extension, report fallback; ignores statements', () => {
    const out = submissionFromStix(readJson('inline-markings.json'), 'fr.json');
    expect(out.diagnostics).toEqual([]);
    expect(schemaErrors(out.document)).toEqual([]);
    const doc = out.document!;
    expect(doc.partner).toEqual({ id: 'fr-anssi-test', name: 'French Test Agency', reliability: 'B' });
    expect(doc.issued).toBe('2026-08-20');
    expect(entry(doc, 'Sandworm')).toMatchObject({ category: 'espionage', tlp: 'amber', likelihood: 4, impact: 5 });
    expect(entry(doc, 'Industroyer2')).toMatchObject({ category: 'malware', tlp: 'red', likelihood: 5, impact: 5, confidence: 100 });
    expect(entry(doc, 'SIM swapping')).toMatchObject({ category: 'online-fraud', tlp: 'amber+strict' });
    expect(entry(doc, 'NoName057(16)')).toMatchObject({ category: 'hacktivism', tlp: 'clear' });
  });

  it('skips unsupported objects with warnings, never a crash', () => {
    const out = submissionFromStix(readJson('unsupported.json'), 'mixed.json');
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.diagnostics.map((d) => `${d.rule} ${d.path}`)).toEqual([
      'stix/partner ', // no identity in this bundle: the partner is named after the file
      'stix/skipped objects[0]',
      'stix/skipped objects[1]',
      'stix/skipped objects[2]',
      'stix/skipped objects[4]',
      'stix/skipped objects[5]',
      'stix/skipped objects[6]',
      'stix/skipped objects[7]',
      'stix/skipped objects[8]',
      'stix/default objects',
    ]);
    expect(out.diagnostics[3]!.message).toContain('2 objects of type "indicator"');
    expect(out.diagnostics[7]!.message).toContain('revoked');
    expect(out.diagnostics[8]!.message).toContain('no name');
    expect(out.diagnostics.every((d) => d.file === 'mixed.json' && d.severity === 'warning')).toBe(true);
    expect(out.document!.threats.map((t) => [t.title, t.tlp])).toEqual([['Test Group', 'green']]);
    expect(out.document!.issued).toBe('2026-02-03');
  });

  it('names the partner after the file, with a warning, when no identity says who wrote the bundle', () => {
    const bundle = readJson('unsupported.json');
    const out = submissionFromStix(bundle, 'in/Partner X_2026.stix.json');
    expect(out.document!.partner).toEqual({ id: 'partner-x-2026-stix', name: 'Partner X_2026.stix' });
    expect(rules(out.diagnostics)).toContain('warning stix/partner');
    expect(schemaErrors(out.document)).toEqual([]);
  });

  it('gives an error for an empty or entry-less bundle', () => {
    expect(rules(submissionFromStix({ type: 'bundle', id: 'bundle--x' }, 'a.json').diagnostics)).toEqual(['error stix/empty']);
    expect(rules(submissionFromStix({ type: 'bundle', id: 'bundle--x', objects: [] }, 'a.json').diagnostics)).toEqual(['error stix/empty']);
    expect(rules(submissionFromStix({ type: 'bundle', id: 'bundle--x', objects: {} }, 'a.json').diagnostics)).toEqual(['error stix/bundle']);
    const onlyIndicators = { type: 'bundle', id: 'bundle--x', objects: readJson('unsupported.json').objects.slice(2, 4) };
    const out = submissionFromStix(onlyIndicators, 'a.json');
    expect(out.document).toBeUndefined();
    expect(rules(out.diagnostics)).toEqual(['warning stix/skipped', 'error stix/no-entries']);
  });

  it('never throws on arbitrary bundle content', () => {
    fc.assert(fc.property(fc.array(fc.oneof(
      fc.anything(),
      fc.record({
        type: fc.constantFrom('intrusion-set', 'malware', 'vulnerability', 'attack-pattern', 'threat-actor', 'relationship', 'identity', 'marking-definition', 'report', 'x-odd'),
        id: fc.constantFrom('a--1', 'malware--00000000-0000-4000-8000-000000000000', 'identity--1', 'marking-definition--1'),
        name: fc.anything(),
        created: fc.oneof(fc.constant('2026-01-02T03:04:05.000Z'), fc.anything()),
        modified: fc.anything(),
        created_by_ref: fc.anything(),
        object_marking_refs: fc.anything(),
        external_references: fc.anything(),
        labels: fc.anything(),
        source_ref: fc.anything(),
        target_ref: fc.anything(),
        relationship_type: fc.constantFrom('uses', 'targets', 'attributed-to'),
        definition_type: fc.anything(),
        definition: fc.anything(),
        x_threatmerge_likelihood: fc.anything(),
        x_threatmerge_id: fc.anything(),
      }, { requiredKeys: ['type', 'id'] }),
    )), (objects) => {
      const out = submissionFromStix({ type: 'bundle', id: 'bundle--x', objects }, 'fuzz.json');
      expect(Array.isArray(out.diagnostics)).toBe(true);
      if (out.document) expect(out.document.threats.length).toBeGreaterThan(0);
    }), { numRuns: 300 });
  });
});

describe('TLP helpers', () => {
  it('knows the TLP 1.0, TLP 2.0 and OpenCTI ids', () => {
    expect(WELL_KNOWN_TLP_IDS.get(TLP1_MARKING_IDS.clear)).toBe('clear');
    expect(WELL_KNOWN_TLP_IDS.get(TLP2_MARKING_IDS.red)).toBe('red');
    expect(WELL_KNOWN_TLP_IDS.get(OPENCTI_AMBER_STRICT_ID)).toBe('amber+strict');
    expect(WELL_KNOWN_TLP_IDS.size).toBe(10);
  });

  it('reads TLP labels in their usual spellings', () => {
    expect(parseTlpText('TLP:WHITE')).toBe('clear');
    expect(parseTlpText('tlp:amber+strict')).toBe('amber+strict');
    expect(parseTlpText('AMBER STRICT')).toBe('amber+strict');
    expect(parseTlpText('Red')).toBe('red');
    expect(parseTlpText('purple')).toBeUndefined();
    expect(parseTlpText(3)).toBeUndefined();
  });

  it('slugs partner names to valid partner ids', () => {
    expect(slug('Netherlands Police (NL)')).toBe('netherlands-police-nl');
    expect(slug('Agence Nationale de Cybersécurité (Test)')).toBe('agence-nationale-de-cybersecurit');
    expect(slug('X')).toMatch(/^stix-[0-9a-f]{8}$/);
    expect(slug('Федеральная служба')).toMatch(/^stix-[0-9a-f]{8}$/);
    for (const s of ['a-------------------------------------b', '-x-y-']) expect(slug(s)).toMatch(/^[a-z0-9][a-z0-9-]{1,31}$/);
  });
});

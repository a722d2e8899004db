/**
 * STIX 2.1 bundles as partner submissions: recognise a bundle, and convert it into a submission
 * document (`RawSubmission`) that the caller then validates against the submission schema like
 * any other input. Also holds what the STIX exporter (`render/report/stix.ts`) shares with the
 * importer: UUIDv5, the threatmerge id namespace and the TLP marking-definition ids.
 *
 * The mapping, the defaults for what STIX lacks and the custom properties are described in
 * docs/stix.md. Pure: no fs, no process, no console.
 */
import { createHash } from 'node:crypto';
import { CATEGORIES, TLP_LEVELS, type Category, type Diagnostic, type Indicator, type RawSubmission, type RawThreat, type Reliability, type Tlp, type Trend } from './types.js';
import { cmp, isObject } from './util.js';

// ---------------------------------------------------------------------------------------------
// UUIDv5 and ids
// ---------------------------------------------------------------------------------------------

/**
 * RFC 4122 §4.3 name-based UUID, version 5 (SHA-1): the first 16 bytes of
 * SHA-1(namespace bytes ‖ UTF-8 name), with the version nibble set to 5 and the variant to 10xx.
 */
export function uuidv5(name: string, namespace: string): string {
  const hex = namespace.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(Buffer.from(hex, 'hex')).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** RFC 4122 appendix C name space for URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * The namespace of every STIX id threatmerge makes: uuidv5('https://threatmerge.dev/stix',
 * URL_NAMESPACE), written out so that it can never change by accident (a test checks it).
 */
export const THREATMERGE_STIX_NAMESPACE = '824f0eb9-f643-5d3d-a5f9-6d84d3c6c524';

// ---------------------------------------------------------------------------------------------
// TLP marking definitions
// ---------------------------------------------------------------------------------------------

/**
 * FIRST TLP 2.0 marking definitions, published by the OASIS CTI TC as a STIX 2.1 extension:
 * oasis-open/cti-stix-common-objects, extension-definition-specifications/tlp-2.0/.
 */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
export const TLP2_CREATED = '2022-10-01T00:00:00.000Z';
export const TLP2_MARKING_IDS: Readonly<Record<Tlp, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** TLP 1.0 marking definitions of the STIX 2.1 specification, §7.2.1.4 (WHITE is CLEAR in TLP 2.0). */
export const TLP1_MARKING_IDS: Readonly<Record<'clear' | 'green' | 'amber' | 'red', string>> = {
  clear: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
};

/** OpenCTI's own TLP:AMBER+STRICT (it uses the TLP 1.0 ids for the other levels). */
export const OPENCTI_AMBER_STRICT_ID = 'marking-definition--826578e1-40ad-459f-bc73-ede076f81f37';

/** Every well-known TLP marking-definition id, with its level. */
export const WELL_KNOWN_TLP_IDS: ReadonlyMap<string, Tlp> = new Map<string, Tlp>([
  ...(Object.entries(TLP2_MARKING_IDS) as [Tlp, string][]).map(([t, id]): [string, Tlp] => [id, t]),
  ...(Object.entries(TLP1_MARKING_IDS) as [Tlp, string][]).map(([t, id]): [string, Tlp] => [id, t]),
  [OPENCTI_AMBER_STRICT_ID, 'amber+strict'],
]);

/** The official TLP 2.0 marking-definition object of a level, as OASIS publishes it. */
export function tlp2MarkingDefinition(tlp: Tlp): Record<string, unknown> {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[tlp],
    created: TLP2_CREATED,
    name: `TLP:${tlp.toUpperCase()}`,
    extensions: {
      [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp },
    },
  };
}

/** `amber`, `TLP:AMBER`, `white`, `TLP:AMBER+STRICT`, `amber strict` → the TLP 2.0 level. */
export function parseTlpText(value: unknown): Tlp | undefined {
  if (typeof value !== 'string') return undefined;
  let v = value.trim().toLowerCase().replace(/^tlp\s*:\s*/, '').replace(/[\s_]*\+[\s_]*|[\s_]+/g, '+');
  if (v === 'white') v = 'clear';
  return (TLP_LEVELS as readonly string[]).includes(v) ? (v as Tlp) : undefined;
}

function tlpRank(t: Tlp): number {
  return TLP_LEVELS.indexOf(t);
}

function mostRestrictive(levels: Iterable<Tlp>): Tlp | undefined {
  let best: Tlp | undefined;
  for (const t of levels) if (best === undefined || tlpRank(t) > tlpRank(best)) best = t;
  return best;
}

/** The TLP level a marking-definition object stands for, if it is a TLP marking. */
export function tlpOfMarkingDefinition(o: Record<string, unknown>): Tlp | undefined {
  const ext = isObject(o['extensions']) ? o['extensions'][TLP2_EXTENSION_ID] : undefined;
  if (isObject(ext)) {
    const t = parseTlpText(ext['tlp_2_0']);
    if (t) return t;
  }
  const type = typeof o['definition_type'] === 'string' ? o['definition_type'].trim().toLowerCase() : '';
  const def = o['definition'];
  if (type === 'tlp') {
    if (isObject(def)) {
      for (const [k, v] of Object.entries(def)) if (k.toLowerCase() === 'tlp') return parseTlpText(v);
    }
    const fromDef = parseTlpText(def);
    if (fromDef) return fromDef;
  }
  if (type === 'tlp' || type === '') {
    const name = typeof o['name'] === 'string' ? o['name'] : '';
    if (/^\s*tlp\s*:/i.test(name)) return parseTlpText(name);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

/** The STIX types that become threat entries. */
export const STIX_ENTRY_TYPES: readonly string[] = ['intrusion-set', 'threat-actor', 'malware', 'vulnerability', 'attack-pattern'];
/** Types that are read for context (partner, markings, links) and are never entries. */
const CONTEXT_TYPES = new Set(['report', 'identity', 'marking-definition', 'relationship', 'extension-definition']);

/** Likelihood and impact of an entry whose object has no `x_threatmerge_likelihood`/`_impact`. */
export const DEFAULT_LIKELIHOOD = 3;
export const DEFAULT_IMPACT = 3;

const ENTRY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const PARTNER_ID = /^[a-z0-9][a-z0-9-]{1,31}$/;
const CVE = /^CVE-[0-9]{4}-[0-9]{4,}$/;
const TECHNIQUE = /^T[0-9]{4}(\.[0-9]{3})?$/;
const REGION = /^([A-Z]{2}|GLOBAL)$/;
const ATTACK_SOURCES = new Set(['mitre-attack', 'mitre-mobile-attack', 'mitre-ics-attack']);
const NOT_REFERENCES = new Set(['cve', 'capec', ...ATTACK_SOURCES]);
const INDICATOR_TYPES = new Set(['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'filename', 'btc-address', 'eth-address']);
const TRENDS = new Set(['increasing', 'stable', 'decreasing']);
const RELIABILITY = new Set(['A', 'B', 'C', 'D', 'E', 'F']);
const TITLE_MAX = 300;
const NAME_MAX = 200;
const SUMMARY_MAX = 20000;
const ID_PREFIX: Readonly<Record<string, string>> = {
  'intrusion-set': 'is', 'threat-actor': 'ta', malware: 'mw', vulnerability: 'vu', 'attack-pattern': 'ap',
};

/** True for a value that should be read as a STIX bundle (an object with `"type": "bundle"`). */
export function isStixBundle(value: unknown): boolean {
  return isObject(value) && value['type'] === 'bundle';
}

interface StixObject {
  o: Record<string, unknown>;
  /** Index in the bundle's `objects`. */
  index: number;
  type: string;
  id: string;
}

interface Links {
  actors: string[];
  malware: string[];
  cves: string[];
  techniques: string[];
}

export interface StixImport {
  /** The submission, when the bundle holds at least one threat; validate it like any other. */
  document?: RawSubmission;
  diagnostics: Diagnostic[];
  /**
   * For each entry of `document.threats`, the index of the STIX object it came from in the
   * bundle's `objects`: locate `['objects', i]` in the file for `Submission.entryLines`.
   */
  entryObjects?: number[];
}

/**
 * Convert a STIX 2.1 bundle into a submission document. Objects that are not threats are read
 * for context or skipped with a `stix/skipped` warning; nothing in the bundle makes this throw.
 * Diagnostic paths point into the bundle (`objects[3]`), so a caller can locate them in the file.
 */
export function submissionFromStix(bundle: unknown, file: string): StixImport {
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic['severity'], rule: string, path: string, message: string): void => {
    diagnostics.push({ file, path, severity, rule, message });
  };
  const fail = (rule: string, path: string, message: string): StixImport => {
    report('error', rule, path, message);
    return { diagnostics };
  };

  if (!isStixBundle(bundle)) return fail('stix/not-a-bundle', '', 'this is not a STIX 2.1 bundle: expected a JSON object with "type": "bundle" and a list of "objects"');
  const list = (bundle as Record<string, unknown>)['objects'];
  if (list === undefined) return fail('stix/empty', '', 'the STIX bundle has no "objects"; it needs at least one threat object (intrusion-set, threat-actor, malware, vulnerability or attack-pattern)');
  if (!Array.isArray(list)) return fail('stix/bundle', 'objects', '"objects" of the STIX bundle must be a list of STIX objects');
  if (list.length === 0) return fail('stix/empty', 'objects', 'the STIX bundle is empty; it needs at least one threat object (intrusion-set, threat-actor, malware, vulnerability or attack-pattern)');

  // The newest version of each object (a bundle may hold several versions of one id).
  const byId = new Map<string, StixObject>();
  list.forEach((o: unknown, index) => {
    if (!isObject(o) || typeof o['type'] !== 'string' || typeof o['id'] !== 'string') {
      report('warning', 'stix/skipped', `objects[${index}]`, 'skipped: not a STIX object (a STIX object is a JSON object with a "type" and an "id")');
      return;
    }
    const obj: StixObject = { o, index, type: o['type'], id: o['id'] };
    const prev = byId.get(obj.id);
    if (prev === undefined || versionOf(o) >= versionOf(prev.o)) byId.set(obj.id, obj);
  });
  const objects = [...byId.values()].sort((a, b) => a.index - b.index);
  const of = (type: string): StixObject[] => objects.filter((x) => x.type === type);

  // Which attack-patterns only describe a technique used by another threat object.
  const relationships = of('relationship').filter((r) => r.o['revoked'] !== true);
  const folded = new Set<string>();
  for (const r of relationships) {
    if (r.o['relationship_type'] !== 'uses') continue;
    const src = byId.get(str(r.o['source_ref']));
    const tgt = byId.get(str(r.o['target_ref']));
    if (!src || !tgt || tgt.type !== 'attack-pattern' || src.id === tgt.id) continue;
    if (!STIX_ENTRY_TYPES.includes(src.type) || src.type === 'attack-pattern') continue;
    if (tgt.o['x_threatmerge_category'] === undefined && tgt.o['x_threatmerge_id'] === undefined) folded.add(tgt.id);
  }

  // Entries, and what is skipped.
  const candidates: StixObject[] = [];
  const skippedByType = new Map<string, StixObject[]>();
  for (const x of objects) {
    if (CONTEXT_TYPES.has(x.type) || folded.has(x.id)) continue;
    if (!STIX_ENTRY_TYPES.includes(x.type)) {
      const group = skippedByType.get(x.type) ?? [];
      group.push(x);
      skippedByType.set(x.type, group);
      continue;
    }
    if (x.o['revoked'] === true) {
      report('warning', 'stix/skipped', `objects[${x.index}]`, `skipped ${x.id}: it is revoked`);
      continue;
    }
    if (titleOf(x.o) === '') {
      report('warning', 'stix/skipped', `objects[${x.index}]`, `skipped ${x.id}: it has no name to use as the threat's title`);
      continue;
    }
    candidates.push(x);
  }
  for (const [type, group] of skippedByType) {
    const ids = group.slice(0, 3).map((g) => g.id).join(', ') + (group.length > 3 ? ', …' : '');
    report('warning', 'stix/skipped', `objects[${group[0]!.index}]`,
      `skipped ${group.length === 1 ? '1 object' : `${group.length} objects`} of type "${type}" (${ids}): only ${STIX_ENTRY_TYPES.join(', ')} objects become threat entries`);
  }
  if (candidates.length === 0) {
    report('error', 'stix/no-entries', 'objects',
      `the STIX bundle holds no threat objects to import; threatmerge reads ${STIX_ENTRY_TYPES.join(', ')} objects as threats`);
    return { diagnostics: sortDiagnostics(diagnostics) };
  }

  // Links from relationships.
  const links = new Map<string, Links>(candidates.map((c) => [c.id, { actors: [], malware: [], cves: [], techniques: [] }]));
  for (const r of relationships) {
    const type = r.o['relationship_type'];
    const src = byId.get(str(r.o['source_ref']));
    const tgt = byId.get(str(r.o['target_ref']));
    if (!src || !tgt) continue;
    const srcLinks = links.get(src.id);
    const tgtLinks = links.get(tgt.id);
    const tgtName = nameOf(tgt.o);
    const srcName = nameOf(src.o);
    if (type === 'uses') {
      if (srcLinks && (tgt.type === 'malware' || tgt.type === 'tool') && tgtName) srcLinks.malware.push(tgtName);
      if (srcLinks && tgt.type === 'attack-pattern') srcLinks.techniques.push(...techniquesOf(tgt.o));
      if (tgtLinks && (src.type === 'intrusion-set' || src.type === 'threat-actor') && srcName) tgtLinks.actors.push(srcName);
    } else if (type === 'attributed-to') {
      if (srcLinks && tgtName && (tgt.type === 'intrusion-set' || tgt.type === 'threat-actor' || tgt.type === 'identity')) srcLinks.actors.push(tgtName);
    } else if (type === 'targets') {
      if (srcLinks && tgt.type === 'vulnerability') srcLinks.cves.push(...cvesOf(tgt.o));
    }
  }

  // TLP: the object's own markings, else those of the reports that contain it.
  const markingTlp = (ref: unknown): Tlp | undefined => {
    if (typeof ref !== 'string') return undefined;
    const known = WELL_KNOWN_TLP_IDS.get(ref);
    if (known) return known;
    const md = byId.get(ref);
    return md && md.type === 'marking-definition' ? tlpOfMarkingDefinition(md.o) : undefined;
  };
  const ownTlp = (o: Record<string, unknown>): Tlp | undefined => {
    const refs = Array.isArray(o['object_marking_refs']) ? o['object_marking_refs'] : [];
    return mostRestrictive(refs.map(markingTlp).filter((t): t is Tlp => t !== undefined));
  };
  const reportTlp = new Map<string, Tlp[]>();
  for (const rep of of('report')) {
    const t = ownTlp(rep.o);
    if (!t || !Array.isArray(rep.o['object_refs'])) continue;
    for (const ref of rep.o['object_refs']) {
      if (typeof ref !== 'string') continue;
      const levels = reportTlp.get(ref) ?? [];
      levels.push(t);
      reportTlp.set(ref, levels);
    }
  }

  // The partner.
  const partnerObj = choosePartner(candidates, of('identity'), of('report'), byId, (msg, path) => report('warning', 'stix/partner', path, msg));
  const partner = partnerFrom(partnerObj, file, (msg, path) => report('warning', 'stix/partner', path, msg));

  // The issue date.
  const issued = newestDate(objects);
  if (issued === undefined) {
    report('error', 'stix/issued', 'objects', 'no object in the STIX bundle has a valid "created" or "modified" timestamp, so the issue date of the assessment is unknown');
    return { diagnostics: sortDiagnostics(diagnostics) };
  }

  // The entries.
  const threats: RawThreat[] = [];
  const entryObjects: number[] = [];
  const usedIds = new Set<string>();
  const usedRanks = new Set<number>();
  const defaulted: string[] = [];
  for (const x of candidates) {
    const o = x.o;
    const path = `objects[${x.index}]`;
    const l = links.get(x.id)!;
    let title = titleOf(o);
    if (title.length > TITLE_MAX) {
      report('warning', 'stix/truncated', `${path}.name`, `the name of ${x.id} is longer than ${TITLE_MAX} characters; the title was cut`);
      title = cut(title, TITLE_MAX);
    }
    const t: RawThreat = {
      id: entryId(x, usedIds, (msg) => report('warning', 'stix/duplicate-id', path, msg)),
      title,
      category: categoryOf(x),
      likelihood: scale(o['x_threatmerge_likelihood']) ?? DEFAULT_LIKELIHOOD,
      impact: scale(o['x_threatmerge_impact']) ?? DEFAULT_IMPACT,
    };
    if (scale(o['x_threatmerge_likelihood']) === undefined || scale(o['x_threatmerge_impact']) === undefined) defaulted.push(x.id);
    const confidence = integerIn(o['confidence'], 0, 100);
    if (confidence !== undefined) t.confidence = confidence;
    const rank = o['x_threatmerge_rank'];
    if (typeof rank === 'number' && Number.isInteger(rank) && rank >= 1 && !usedRanks.has(rank)) {
      usedRanks.add(rank);
      t.rank = rank;
    }
    const trend = trendOf(o);
    if (trend) t.trend = trend;
    if (typeof o['description'] === 'string' && o['description'].trim() !== '') {
      let summary = o['description'];
      if (summary.length > SUMMARY_MAX) {
        report('warning', 'stix/truncated', `${path}.description`, `the description of ${x.id} is longer than ${SUMMARY_MAX} characters; the summary was cut`);
        summary = cut(summary, SUMMARY_MAX);
      }
      t.summary = summary;
    }
    const aliases = names([o['aliases'], o['x_threatmerge_aliases'], o['x_mitre_aliases']]).filter((a) => a !== title);
    if (aliases.length > 0) t.aliases = aliases;
    // A group or malware object of another tool names itself; a threatmerge export says it all.
    const foreign = o['x_threatmerge_id'] === undefined;
    let actors = names([o['x_threatmerge_actors'], l.actors]);
    if (actors.length === 0 && foreign && (x.type === 'intrusion-set' || x.type === 'threat-actor')) actors = names([[nameOf(o)]]);
    if (actors.length > 0) t.actors = actors;
    let malware = names([o['x_threatmerge_malware'], l.malware]);
    if (malware.length === 0 && foreign && x.type === 'malware') malware = names([[nameOf(o)]]);
    if (malware.length > 0) t.malware = malware;
    const cves = unique([...cvesOf(o), ...l.cves]);
    if (cves.length > 0) t.cves = cves;
    const techniques = unique([...techniquesOf(o), ...l.techniques]);
    if (techniques.length > 0) t.techniques = techniques;
    const indicators = indicatorsOf(o['x_threatmerge_indicators']);
    if (indicators.length > 0) t.indicators = indicators;
    const sectors = names([o['x_threatmerge_sectors']]);
    if (sectors.length > 0) t.sectors = sectors;
    const regions = unique(strings(o['x_threatmerge_regions']).filter((r) => REGION.test(r)));
    if (regions.length > 0) t.regions = regions;
    const actions = actionsOf(o['x_threatmerge_actions']);
    if (actions.length > 0) t.actions = actions;
    const references = referencesOf(o);
    if (references.length > 0) t.references = references;
    const tlp = ownTlp(o) ?? mostRestrictive(reportTlp.get(x.id) ?? []);
    if (tlp) t.tlp = tlp;
    threats.push(t);
    entryObjects.push(x.index);
  }
  if (defaulted.length > 0) {
    report('warning', 'stix/default', 'objects',
      `${defaulted.length === 1 ? '1 threat object has' : `${defaulted.length} threat objects have`} no x_threatmerge_likelihood or x_threatmerge_impact `
      + `(STIX has no such properties); the default of ${DEFAULT_LIKELIHOOD} (likelihood) and ${DEFAULT_IMPACT} (impact) was used: ${listIds(defaulted)}`);
  }

  const document: RawSubmission = { schemaVersion: 1, partner: partner.partner, issued, threats };
  if (partner.period) document.period = partner.period;
  return { document, diagnostics: sortDiagnostics(diagnostics), entryObjects };
}

// ---------------------------------------------------------------------------------------------
// Partner
// ---------------------------------------------------------------------------------------------

function choosePartner(
  entries: readonly StixObject[], identities: readonly StixObject[], reports: readonly StixObject[],
  byId: ReadonlyMap<string, StixObject>, warn: (message: string, path: string) => void,
): StixObject | undefined {
  const counts = new Map<string, number>();
  for (const x of [...entries, ...reports]) {
    const ref = x.o['created_by_ref'];
    if (typeof ref === 'string' && byId.get(ref)?.type === 'identity') counts.set(ref, (counts.get(ref) ?? 0) + 1);
  }
  if (counts.size > 0) {
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
    const chosen = byId.get(ranked[0]![0])!;
    if (ranked.length > 1) {
      warn(`the objects were created by ${ranked.length} identities; the partner is taken to be the one that created most of them, "${nameOf(chosen.o)}" (${chosen.id})`, `objects[${chosen.index}]`);
    }
    return chosen;
  }
  const organisations = identities.filter((i) => i.o['identity_class'] === 'organization');
  if (organisations.length === 1) return organisations[0];
  if (identities.length === 1) return identities[0];
  return undefined;
}

function partnerFrom(
  identity: StixObject | undefined, file: string, warn: (message: string, path: string) => void,
): { partner: RawSubmission['partner']; period?: string } {
  if (identity === undefined) {
    const base = file.replace(/\\/g, '/').split('/').pop()!.replace(/\.[^.]*$/, '') || 'stix';
    const partner = { id: slug(base), name: cut(base, NAME_MAX) };
    warn(`no identity in the STIX bundle says who wrote it (set "created_by_ref" on the objects to an identity in the bundle); the partner is named after the file: "${partner.id}"`, '');
    return { partner };
  }
  const o = identity.o;
  const name = cut(nameOf(o) || identity.id, NAME_MAX);
  const given = o['x_threatmerge_partner_id'];
  let id: string;
  if (typeof given === 'string' && PARTNER_ID.test(given)) {
    id = given;
  } else {
    id = slug(name);
    if (given !== undefined) warn(`x_threatmerge_partner_id ${JSON.stringify(given)} is not a valid partner id (lower-case letters, digits and hyphens, 2 to 32 characters); "${id}" was used`, `objects[${identity.index}].x_threatmerge_partner_id`);
  }
  const partner: RawSubmission['partner'] = { id, name };
  const reliability = o['x_threatmerge_reliability'];
  if (typeof reliability === 'string' && RELIABILITY.has(reliability)) partner.reliability = reliability as Reliability;
  const period = o['x_threatmerge_period'];
  return typeof period === 'string' && period.length > 0 && period.length <= 100 ? { partner, period } : { partner };
}

/** A partner id from a name: `Netherlands Police (NL)` → `netherlands-police-nl`, at most 32 characters. */
export function slug(name: string): string {
  const s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 32).replace(/-+$/, '');
  return PARTNER_ID.test(s) ? s : `stix-${createHash('sha1').update(name, 'utf8').digest('hex').slice(0, 8)}`;
}

// ---------------------------------------------------------------------------------------------
// Entry fields
// ---------------------------------------------------------------------------------------------

function entryId(x: StixObject, used: Set<string>, warn: (message: string) => void): string {
  const own = x.o['x_threatmerge_id'];
  const sources = Array.isArray(x.o['x_threatmerge_sources']) ? x.o['x_threatmerge_sources'] : [];
  const single = sources.length === 1 && isObject(sources[0]) ? sources[0]['id'] : undefined;
  const uuid = x.id.replace(/^.*--/, '').replace(/-/g, '').toLowerCase();
  const derived = /^[0-9a-f]{32}$/.test(uuid) ? `${ID_PREFIX[x.type] ?? 'stix'}-${uuid.slice(0, 8)}` : `stix-${createHash('sha1').update(x.id).digest('hex').slice(0, 8)}`;
  let id = [own, single, derived].find((v): v is string => typeof v === 'string' && ENTRY_ID.test(v))!;
  if (used.has(id)) {
    const base = id.slice(0, 58);
    let n = 2;
    while (used.has(`${base}-${n}`)) n++;
    warn(`entry id "${id}" of ${x.id} is already taken by another object; "${base}-${n}" was used`);
    id = `${base}-${n}`;
  }
  used.add(id);
  return id;
}

function categoryOf(x: StixObject): Category {
  const o = x.o;
  const own = o['x_threatmerge_category'];
  if (isCategory(own)) return own;
  for (const label of strings(o['labels'])) {
    const l = label.trim().toLowerCase();
    if (isCategory(l)) return l;
  }
  switch (x.type) {
    case 'malware': return 'malware';
    case 'vulnerability': return 'vulnerability-exploitation';
    case 'intrusion-set':
    case 'threat-actor': {
      const kinds = strings(o['threat_actor_types']);
      const motivations = [o['primary_motivation'], ...strings(o['secondary_motivations'])];
      if (kinds.includes('activist') || motivations.includes('ideology')) return 'hacktivism';
      if (kinds.includes('nation-state') || kinds.includes('spy')) return 'espionage';
      return 'other';
    }
    default: return 'other';
  }
}

function trendOf(o: Record<string, unknown>): Trend | undefined {
  const own = o['x_threatmerge_trend'];
  if (typeof own === 'string' && TRENDS.has(own)) return own as Trend;
  return strings(o['labels']).map((l) => l.trim().toLowerCase()).find((l): l is Trend => TRENDS.has(l));
}

function titleOf(o: Record<string, unknown>): string {
  const own = o['x_threatmerge_title'];
  if (typeof own === 'string' && own.trim() !== '') return own.trim();
  return nameOf(o);
}

function nameOf(o: Record<string, unknown>): string {
  return typeof o['name'] === 'string' ? o['name'].trim() : '';
}

function externalReferences(o: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(o['external_references']) ? o['external_references'].filter(isObject) : [];
}

function cvesOf(o: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const r of externalReferences(o)) {
    if (str(r['source_name']).toLowerCase() !== 'cve') continue;
    const id = str(r['external_id']).trim().toUpperCase();
    if (CVE.test(id)) out.push(id);
  }
  if (o['type'] === 'vulnerability') {
    const name = nameOf(o).toUpperCase();
    if (CVE.test(name)) out.push(name);
  }
  return unique(out);
}

function techniquesOf(o: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const r of externalReferences(o)) {
    if (!ATTACK_SOURCES.has(str(r['source_name']).toLowerCase())) continue;
    const id = str(r['external_id']).trim().toUpperCase();
    if (TECHNIQUE.test(id)) out.push(id);
  }
  return unique(out);
}

function referencesOf(o: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const r of externalReferences(o)) {
    if (NOT_REFERENCES.has(str(r['source_name']).toLowerCase())) continue;
    const url = str(r['url']).trim();
    if (/^[a-z][a-z0-9+.-]*:\S+$/i.test(url) && URL.canParse(url)) out.push(url);
  }
  return unique(out);
}

function indicatorsOf(value: unknown): Indicator[] {
  if (!Array.isArray(value)) return [];
  const out: Indicator[] = [];
  const seen = new Set<string>();
  for (const v of value) {
    if (!isObject(v) || typeof v['type'] !== 'string' || typeof v['value'] !== 'string') continue;
    if (!INDICATOR_TYPES.has(v['type']) || v['value'].length === 0 || v['value'].length > 2048) continue;
    const key = `${v['type']}\u0000${v['value']}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ type: v['type'], value: v['value'] });
  }
  return out;
}

function actionsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const texts = value.map((v) => (typeof v === 'string' ? v : isObject(v) && typeof v['text'] === 'string' ? v['text'] : ''));
  return unique(texts.map((t) => t.trim()).filter((t) => t.length > 0).map((t) => cut(t, 2000)));
}

/** Names from several lists: strings only, trimmed, non-empty, at most 200 characters, first occurrence kept. */
function names(lists: readonly unknown[]): string[] {
  return unique(lists.flatMap(strings).map((s) => s.trim()).filter((s) => s.length > 0).map((s) => cut(s, NAME_MAX)));
}

/** A likelihood or impact: a number rounded to an integer and kept within 1–5. */
function scale(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.min(5, Math.max(1, Math.round(value)));
}

function integerIn(value: unknown, min: number, max: number): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** The newest `modified` (else `created`, or `published` for reports) date of the non-marking objects. */
function newestDate(objects: readonly StixObject[]): string | undefined {
  let newest: string | undefined;
  for (const x of objects) {
    if (x.type === 'marking-definition' || x.type === 'extension-definition') continue;
    for (const key of ['modified', 'created', 'published']) {
      const d = dateOf(x.o[key]);
      if (d !== undefined && (newest === undefined || d > newest)) newest = d;
    }
  }
  return newest;
}

function dateOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Sort key of an object version: its `modified` (or `created`) timestamp as text. */
function versionOf(o: Record<string, unknown>): string {
  return str(o['modified']) || str(o['created']);
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Cut text to at most `max` UTF-16 code units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return text.slice(0, end);
}

function listIds(ids: readonly string[]): string {
  return ids.slice(0, 5).join(', ') + (ids.length > 5 ? `, and ${ids.length - 5} more` : '');
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const index = (d: Diagnostic): number => {
    const m = /^objects\[(\d+)\]/.exec(d.path);
    return m ? Number(m[1]) : d.path === '' ? -1 : Number.MAX_SAFE_INTEGER;
  };
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => index(a.d) - index(b.d) || a.i - b.i)
    .map(({ d }) => d);
}

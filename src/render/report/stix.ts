/**
 * The joint assessment as a STIX 2.1 bundle (`report --format stix`), for TIPs such as OpenCTI
 * and MISP.
 *
 * - One `identity` for threatmerge (the creator of every object), one `identity` per partner,
 *   the TLP 2.0 `marking-definition` objects used, one `report` for the joint assessment, and one
 *   SDO per joint threat: `intrusion-set`, `malware`, `vulnerability` or `attack-pattern`
 *   (see {@link stixTypeFor} and docs/stix.md).
 * - What STIX has no property for (rank, score, likelihood, impact, partner provenance, ...) goes
 *   into `x_threatmerge_*` custom properties, so that importing the bundle gives the threats back.
 * - Deterministic: ids are UUIDv5 over stable content, timestamps come from `ctx.generated` or the
 *   newest partner issue date, so the same inputs give the same bytes.
 * - `<`, `>`, `&`, U+2028 and U+2029 are written as `\u` escapes: the JSON means the same, and
 *   stays inert if someone pastes it into an HTML page or a script.
 */
import type { JointThreat, MergeResult } from '../../core/merged.js';
import { TLP_LEVELS, type Tlp } from '../../core/types.js';
import { THREATMERGE_STIX_NAMESPACE, TLP2_MARKING_IDS, tlp2MarkingDefinition, uuidv5 } from '../../core/stix-import.js';
import { cmp, isObject } from '../../core/util.js';

export interface StixContext {
  toolName: string;
  toolVersion: string;
  /** When the report was generated (ISO 8601 with a time zone, or a date); absent: the newest partner issue date. */
  generated?: string;
}

export type StixThreatType = 'intrusion-set' | 'malware' | 'vulnerability' | 'attack-pattern';

type StixObject = Record<string, unknown>;

/** Categories whose threats are named groups of people. */
const GROUP_CATEGORIES = new Set(['ransomware', 'espionage', 'hacktivism']);
/** Words in a title that say the threat is a piece of malicious software. */
const MALWARE_WORDS = /\b(malware|loader|stealer|infostealer|trojan|backdoor|botnet|rat|implant|wiper|worm|dropper|rootkit|spyware|keylogger)\b/i;

/**
 * The STIX object type of a joint threat, first rule that applies:
 * 1. category `malware` → `malware`;
 * 2. category `vulnerability-exploitation` with CVEs → `vulnerability`;
 * 3. a named group — category `ransomware`, `espionage` or `hacktivism`, or named actors → `intrusion-set`;
 * 4. malicious software by its content — a title with a word such as loader, stealer, trojan,
 *    backdoor, botnet, or a title that is one of its malware names → `malware`;
 * 5. anything else (phishing and fraud schemes, services, markets, exploitation without CVEs)
 *    → `attack-pattern`, the SDO for ways of attacking.
 */
export function stixTypeFor(t: JointThreat): StixThreatType {
  const title = String(t.title ?? '');
  const cves = Array.isArray(t.cves) ? t.cves : [];
  const actors = Array.isArray(t.actors) ? t.actors : [];
  const malware = Array.isArray(t.malware) ? t.malware : [];
  if (t.category === 'malware') return 'malware';
  if (t.category === 'vulnerability-exploitation' && cves.length > 0) return 'vulnerability';
  if (GROUP_CATEGORIES.has(t.category) || actors.length > 0) return 'intrusion-set';
  const folded = title.trim().toLowerCase();
  if (MALWARE_WORDS.test(title) || malware.some((m) => String(m).trim().toLowerCase() === folded)) return 'malware';
  return 'attack-pattern';
}

export function renderStix(result: MergeResult, ctx: StixContext): string {
  const ts = stixTimestamp(result, ctx);
  const threats = Array.isArray(result.threats) ? result.threats : [];
  const partners = Array.isArray(result.partners) ? result.partners : [];
  const used = new Set<Tlp>();
  const mark = (tlp: Tlp): string[] => {
    used.add(tlp);
    return [TLP2_MARKING_IDS[tlp]];
  };
  const id = (type: string, name: string): string => `${type}--${uuidv5(name, THREATMERGE_STIX_NAMESPACE)}`;

  const toolId = id('identity', `identity|tool|${ctx.toolName}`);
  const tool: StixObject = {
    type: 'identity', spec_version: '2.1', id: toolId, created: ts, modified: ts,
    name: ctx.toolName,
    description: 'The tool that merged the partners\' threat assessments into the joint assessment; the creator of the objects in this bundle.',
    identity_class: 'system',
    object_marking_refs: mark('clear'),
  };

  // Joint threats.
  const ids = new Set<string>();
  const threatObjects = threats.map((t, i) => {
    const type = stixTypeFor(t);
    let objectId = id(type, `${type}|${t.id}`);
    if (ids.has(objectId)) objectId = id(type, `${type}|${t.id}|${i}`);
    ids.add(objectId);
    return threatObject(t, type, objectId, toolId, ts, mark(tlpOf(t.tlp)));
  });

  // Partners: each identity carries the least restrictive marking of the threats that name it
  // (those reveal the partner through x_threatmerge_partners anyway), else the report's.
  const reportTlp = max([tlpOf(result.tlp), ...threats.map((t) => tlpOf(t.tlp))]);
  const partnerObjects = partners.map((p) => {
    const named = threats.filter((t) => Array.isArray(t.partners) && t.partners.includes(p.id)).map((t) => tlpOf(t.tlp));
    const o: StixObject = {
      type: 'identity', spec_version: '2.1', id: id('identity', `identity|partner|${p.id}`),
      created_by_ref: toolId, created: ts, modified: ts,
      name: text(p.name) || text(p.id),
      identity_class: 'organization',
      object_marking_refs: mark(named.length > 0 ? min(named) : reportTlp),
      x_threatmerge_partner_id: text(p.id),
    };
    if (p.reliability !== undefined) o['x_threatmerge_reliability'] = text(p.reliability);
    if (finite(p.weight)) o['x_threatmerge_weight'] = p.weight;
    if (typeof p.issued === 'string') o['x_threatmerge_issued'] = p.issued;
    if (typeof p.period === 'string' && p.period !== '') o['x_threatmerge_period'] = p.period;
    if (finite(p.entries)) o['x_threatmerge_entries'] = p.entries;
    return o;
  });

  // The report.
  const partnerKey = partners.map((p) => `${text(p.id)}@${text(p.issued)}`).sort(cmp).join(',');
  const objectRefs = [...threatObjects.map((o) => o['id'] as string), ...partnerObjects.map((o) => o['id'] as string)];
  const periodList = [...new Set(partners.map((p) => p.period).filter((p): p is string => typeof p === 'string' && p !== ''))].sort(cmp);
  const report: StixObject = {
    type: 'report', spec_version: '2.1',
    id: id('report', `report|${text(result.method)}|${partnerKey}|${threats.map((t) => text(t.id)).join(',')}`),
    created_by_ref: toolId, created: ts, modified: ts,
    name: `Joint threat assessment${periodList.length > 0 ? ` ${periodList.join(', ')}` : ''}`,
    description: `${threats.length === 1 ? '1 joint threat' : `${threats.length} joint threats`}, ranked by the ${text(result.method)} method, `
      + `merged by ${ctx.toolName} ${ctx.toolVersion} from the assessments of ${partners.length === 1 ? '1 partner' : `${partners.length} partners`}`
      + `${partners.length > 0 ? `: ${partners.map((p) => text(p.name) || text(p.id)).join('; ')}` : ''}.`,
    report_types: ['threat-report'],
    published: ts,
    object_refs: objectRefs.length > 0 ? objectRefs : [toolId],
    object_marking_refs: mark(reportTlp),
    x_threatmerge_tool: { name: ctx.toolName, version: ctx.toolVersion },
    x_threatmerge_method: text(result.method),
  };
  if (isObject(result.parameters) && Object.keys(result.parameters).length > 0) report['x_threatmerge_parameters'] = result.parameters;
  if (isObject(result.summary)) {
    // Counts only: `skippedInvalid` names local files, which have no place in a shared bundle.
    const summary: Record<string, number> = {};
    for (const key of ['submissions', 'entries', 'threats', 'duplicatesMerged', 'withheldEntries'] as const) {
      if (finite(result.summary[key])) summary[key] = result.summary[key];
    }
    if (Object.keys(summary).length > 0) report['x_threatmerge_summary'] = summary;
  }
  if (Array.isArray(result.withheld) && result.withheld.length > 0) report['x_threatmerge_withheld'] = result.withheld;

  const markings = TLP_LEVELS.filter((t) => used.has(t)).map(tlp2MarkingDefinition);
  const objects = [...markings, tool, ...partnerObjects, report, ...threatObjects];
  const bundle = {
    type: 'bundle',
    id: `bundle--${uuidv5(`bundle|${JSON.stringify(objects)}`, THREATMERGE_STIX_NAMESPACE)}`,
    objects,
  };
  return `${JSON.stringify(bundle, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

function threatObject(t: JointThreat, type: StixThreatType, id: string, toolId: string, ts: string, marking: string[]): StixObject {
  const title = text(t.title);
  const cves = unique(strings(t.cves).map((c) => c.trim().toUpperCase()));
  const techniques = unique(strings(t.techniques).map((c) => c.trim().toUpperCase()));
  const name = type === 'vulnerability' && cves.length === 1 ? cves[0]! : title;
  const aliases = unique(strings(t.aliases).filter((a) => a !== name));
  const o: StixObject = {
    type, spec_version: '2.1', id, created_by_ref: toolId, created: ts, modified: ts, name,
  };
  const summaries = Array.isArray(t.summaries) ? t.summaries.filter((s) => s && typeof s.text === 'string' && s.text !== '') : [];
  if (summaries.length > 0) o['description'] = summaries.map((s) => `[${text(s.partner)}] ${s.text}`).join('\n\n');
  if (type !== 'vulnerability' && aliases.length > 0) o['aliases'] = aliases;
  if (type === 'malware') {
    o['malware_types'] = malwareTypes(t);
    o['is_family'] = true;
  }
  if (finite(t.confidence)) o['confidence'] = Math.min(100, Math.max(0, Math.round(t.confidence)));
  const labels = [text(t.category), text(t.trend)].filter((l) => l !== '');
  if (labels.length > 0) o['labels'] = labels;
  const refs = [
    ...cves.map((c) => ({ source_name: 'cve', external_id: c, url: `https://www.cve.org/CVERecord?id=${c}` })),
    ...techniques.map((tq) => ({ source_name: 'mitre-attack', external_id: tq, url: attackUrl(tq) })),
    ...unique(strings(t.references)).map((url) => ({ source_name: sourceName(url), url })),
  ];
  if (refs.length > 0) o['external_references'] = refs;
  o['object_marking_refs'] = marking;

  o['x_threatmerge_id'] = text(t.id);
  if (finite(t.rank)) o['x_threatmerge_rank'] = t.rank;
  if (finite(t.score)) o['x_threatmerge_score'] = t.score;
  if (finite(t.likelihood)) o['x_threatmerge_likelihood'] = t.likelihood;
  if (finite(t.impact)) o['x_threatmerge_impact'] = t.impact;
  o['x_threatmerge_category'] = text(t.category);
  if (name !== title) o['x_threatmerge_title'] = title;
  if (type === 'vulnerability' && aliases.length > 0) o['x_threatmerge_aliases'] = aliases;
  if (t.trend !== undefined) o['x_threatmerge_trend'] = text(t.trend);
  if (finite(t.breadth)) o['x_threatmerge_breadth'] = t.breadth;
  setList(o, 'x_threatmerge_partners', strings(t.partners));
  setList(o, 'x_threatmerge_sources', (Array.isArray(t.sources) ? t.sources : []).map((s) => ({ partner: text(s.partner), id: text(s.id), title: text(s.title) })));
  setList(o, 'x_threatmerge_actors', strings(t.actors));
  setList(o, 'x_threatmerge_malware', strings(t.malware));
  setList(o, 'x_threatmerge_sectors', strings(t.sectors));
  setList(o, 'x_threatmerge_regions', strings(t.regions));
  setList(o, 'x_threatmerge_indicators', (Array.isArray(t.indicators) ? t.indicators : []).map((i) => ({ type: text(i.type), value: text(i.value) })));
  setList(o, 'x_threatmerge_actions', (Array.isArray(t.actions) ? t.actions : []).map((a) => ({ text: text(a.text), partners: strings(a.partners) })));
  setList(o, 'x_threatmerge_category_disagreements', (Array.isArray(t.categoryDisagreements) ? t.categoryDisagreements : [])
    .map((d) => ({ category: text(d.category), partners: strings(d.partners) })));
  setList(o, 'x_threatmerge_assessments', (Array.isArray(t.assessments) ? t.assessments : []).map((a) => {
    const out: Record<string, unknown> = { partner: text(a.partner), entry: text(a.entry), title: text(a.title), category: text(a.category) };
    if (finite(a.likelihood)) out['likelihood'] = a.likelihood;
    if (finite(a.impact)) out['impact'] = a.impact;
    if (finite(a.confidence)) out['confidence'] = a.confidence;
    if (finite(a.rank)) out['rank'] = a.rank;
    if (finite(a.position)) out['position'] = a.position;
    if (finite(a.of)) out['of'] = a.of;
    if (a.trend !== undefined) out['trend'] = text(a.trend);
    out['tlp'] = tlpOf(a.tlp);
    return out;
  }));
  return o;
}

/** STIX `malware_types` (open vocabulary malware-type-ov) from the title and category. */
function malwareTypes(t: JointThreat): string[] {
  const s = `${text(t.title)} ${strings(t.aliases).join(' ')}`.toLowerCase();
  const types: string[] = [];
  if (t.category === 'ransomware' || /ransomware/.test(s)) types.push('ransomware');
  if (/\b(loader|downloader)\b/.test(s)) types.push('downloader');
  if (/\bdropper\b/.test(s)) types.push('dropper');
  if (/\b(stealer|infostealer|spyware)\b/.test(s)) types.push('spyware');
  if (/\bbackdoor\b/.test(s)) types.push('backdoor');
  if (/\b(rat|remote access)\b/.test(s)) types.push('remote-access-trojan');
  if (/\btrojan\b/.test(s)) types.push('trojan');
  if (/\bbot(net)?\b/.test(s)) types.push('bot');
  if (/\bwiper\b/.test(s)) types.push('wiper');
  if (/\bworm\b/.test(s)) types.push('worm');
  if (/\brootkit\b/.test(s)) types.push('rootkit');
  if (/\bkeylogger\b/.test(s)) types.push('keylogger');
  return types.length > 0 ? types : ['unknown'];
}

/** https://attack.mitre.org/techniques/T1566/002/ for `T1566.002`. */
function attackUrl(technique: string): string {
  return `https://attack.mitre.org/techniques/${technique.replace('.', '/')}/`;
}

/** The `source_name` of a partner's reference URL: its host name. */
function sourceName(url: string): string {
  try {
    return new URL(url).hostname || 'reference';
  } catch {
    return 'reference';
  }
}

/**
 * The one timestamp of the bundle (`created`, `modified`, `published`), in STIX form
 * `YYYY-MM-DDTHH:mm:ss.sssZ`: `ctx.generated` when it is a date or a date-time with a time zone,
 * else the newest partner issue date at midnight UTC, else the Unix epoch.
 */
export function stixTimestamp(result: MergeResult, ctx: StixContext): string {
  if (ctx.generated !== undefined) {
    const g = ctx.generated.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(g) && validDate(g)) return `${g}T00:00:00.000Z`;
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(g) && validDate(g.slice(0, 10))) {
      const d = new Date(g);
      if (!Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 0 && d.getUTCFullYear() <= 9999) return d.toISOString();
    }
  }
  let newest = '';
  for (const p of Array.isArray(result.partners) ? result.partners : []) {
    const issued = typeof p.issued === 'string' ? p.issued : '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(issued) && validDate(issued) && issued > newest) newest = issued;
  }
  return `${newest || '1970-01-01'}T00:00:00.000Z`;
}

function validDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** A TLP level; anything else (a hand-edited result) is treated as TLP:RED. */
function tlpOf(value: unknown): Tlp {
  return (TLP_LEVELS as readonly unknown[]).includes(value) ? (value as Tlp) : 'red';
}

function max(levels: readonly Tlp[]): Tlp {
  return levels.reduce((a, b) => (TLP_LEVELS.indexOf(b) > TLP_LEVELS.indexOf(a) ? b : a), 'clear');
}

function min(levels: readonly Tlp[]): Tlp {
  return levels.reduce((a, b) => (TLP_LEVELS.indexOf(b) < TLP_LEVELS.indexOf(a) ? b : a), 'red');
}

/** Set a custom list property, leaving it out when empty (STIX lists hold at least one item). */
function setList(o: StixObject, key: string, values: readonly unknown[]): void {
  if (values.length > 0) o[key] = values;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Entries → comparable form. Names, identifiers and titles are reduced to keys so that
 * "LockBit 3.0", "Lockbit" and "LOCKBIT ransomware" compare equal, while keeping the original
 * text for display.
 */
import type { Category, RawThreat, Reliability, Submission, Tlp } from './types.js';
import { TLP_LEVELS } from './types.js';

export interface NormEntry {
  /** `partner/entry-id`, the key analysts write in decisions. */
  key: string;
  /** Index in the normalised list; stable order (by partner, then entry order in the file). */
  index: number;
  partner: string;
  entryId: string;
  file: string;
  line: number;
  raw: RawThreat;
  category: Category;
  tlp: Tlp;
  /** Names the entry is about: from its title and aliases (canonical compact keys). */
  identityNames: string[];
  /** The identity names that are strong (known aliases, actors or malware, not just a short title). */
  strongIdentity: string[];
  actorNames: string[];
  malwareNames: string[];
  /** Title words (stop words and the entry's own names removed, synonyms folded, light stemming). */
  titleTokens: string[];
  /** Summary words, folded like title words; empty without a summary. */
  summaryTokens: string[];
  cves: string[];
  /** ATT&CK ids, with the parent of each sub-technique added. */
  techniques: string[];
  indicators: string[];
  sectors: string[];
  regions: string[];
}

export function normaliseTlp(value: string | undefined): Tlp | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase().replace(/^tlp:/, '');
  return (TLP_LEVELS as readonly string[]).includes(v) ? (v as Tlp) : undefined;
}

export function tlpRank(t: Tlp): number {
  return TLP_LEVELS.indexOf(t);
}

export function mostRestrictive(levels: Iterable<Tlp>, fallback: Tlp = 'clear'): Tlp {
  let best = fallback;
  for (const t of levels) if (tlpRank(t) > tlpRank(best)) best = t;
  return best;
}

/** Unicode-fold text: NFKC, lower case, accents removed, punctuation to spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’'`´]/g, '')
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Words that describe a kind of threat rather than name one; dropped from name keys. */
const GENERIC_NAME_WORDS = new Set([
  'ransomware', 'ransom', 'raas', 'group', 'gang', 'affiliates', 'affiliate', 'operators', 'operator', 'operations', 'operation',
  'campaign', 'campaigns', 'activity', 'activities', 'malware', 'loader', 'botnet', 'stealer', 'infostealer', 'trojan', 'rat',
  'family', 'variant', 'variants', 'actor', 'actors', 'threat', 'team', 'crew', 'the', 'as', 'a', 'service', 'infrastructure',
  'attacks', 'attack', 'intrusions', 'intrusion', 'cluster', 'apt group', 'kit', 'panel', 'backdoor', 'implant', 'worm',
  'and', 'of', 'by', 'new', 'ongoing', 'continued', 'resurgence', 'rebrand',
]);

const VERSION_TOKEN = /^(v\d+(\.\d+)*|\d+\.\d+(\.\d+)*|\d)$/;

/**
 * A name reduced to a compact key: "LockBit 3.0" → "lockbit", "Black Basta" → "blackbasta",
 * "ALPHV/BlackCat" stays one name (callers split lists). Returns '' when nothing specific is left.
 */
export function nameKey(name: string): string {
  const tokens = foldText(name).split(' ').filter((t) => t !== '' && !GENERIC_NAME_WORDS.has(t));
  const kept = tokens.filter((t, i) => i === 0 || !VERSION_TOKEN.test(t));
  const key = kept.join('').replace(/\./g, '');
  // A bare number or a one- or two-letter name is not a usable name.
  if (key.length < 3 || /^\d+$/.test(key)) return '';
  return key;
}

/** Number of specific words in a name (generic and version words excluded). */
export function specificWordCount(name: string): number {
  return foldText(name).split(' ').filter((t, i) => t !== '' && !GENERIC_NAME_WORDS.has(t) && (i === 0 || !VERSION_TOKEN.test(t))).length;
}

/** Words too common in threat titles to tell threats apart. */
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'is', 'of', 'on', 'or', 'the', 'to', 'via', 'with',
  'against', 'targeting', 'targets', 'targeted', 'using', 'use', 'used', 'new', 'ongoing', 'continued', 'increase', 'increasing',
  'rise', 'wave', 'waves', 'surge', 'growing', 'persistent', 'large', 'scale', 'widespread', 'activity', 'activities',
  'operations', 'operation', 'campaign', 'campaigns', 'threat', 'threats', 'actors', 'actor', 'attacks', 'attack',
  'europe', 'european', 'eu', 'global', 'worldwide', 'its', 'their', 'other', 'related', 'linked', 'based', 'led', 'driven',
]);

/** Phrases partners use for the same thing, folded to one token. Order matters: longest first. */
const SYNONYMS: [RegExp, string][] = [
  [/\bchild sexual (abuse|exploitation) material\b|\bchild (sexual )?abuse (images?|imagery|material)\b/g, 'csam'],
  // Common terms in partners' own languages (French, Spanish, German, Dutch, Italian, Portuguese).
  [/\b(exploitation|explotacion|explotación|abus|abusos?|abuso|missbrauch|misbruik|sfruttamento) sexuel(le)?s? (des |de |d )?(enfants|mineurs)\b|\b(explotacion|abuso) sexual (infantil|de menores)\b|\bkindesmissbrauch\b|\bseksueel (kindermisbruik|misbruik van kinderen)\b|\bsexual abuse of children\b|\bchild (sexual )?abuse\b|\bchild sexual exploitation and abuse\b/g, 'csam'],
  [/\brancongiciels?\b|\brançongiciels?\b|\bransomware ?angriffe\b/g, 'ransomware'],
  [/\bhameconnage\b|\bhameçonnage\b|\bsuplantacion\b/g, 'phishing'],
  [/\bcrypto ?actifs?\b|\bcriptomonedas?\b|\bcriptoactivos?\b|\bkryptowahrung(en)?\b|\bcryptomunten\b/g, 'crypto'],
  [/\b(faux )?placements?\b|\binversion(es)?\b|\binvestissements?\b|\banlagebetrug\b|\bbeleggingsfraude\b/g, 'investment'],
  [/\bescroquerie|\bestafas?\b|\bbetrug\b|\boplichting\b|\bfraudes?\b|\btruffe?\b/g, 'fraud'],
  [/\bfaux conseillers? bancaires?\b|\bfalsos? empleados? (de )?banca\b/g, 'bankimpersonation'],
  [/\bmarches? (du )?darknet\b|\bmercados? (de la )?(dark ?web|darknet)\b/g, 'darkweb market'],
  [/\bbusiness e ?mail compromise\b|\bbec\b|\bceo fraud\b|\bfake ceo\b|\bcfo fraud\b|\bexecutive impersonation\b|\bboss scam\b/g, 'bec'],
  [/\binvoice (redirection|fraud|manipulation|scam)s?\b|\bpayment diversion\b|\bmandate fraud\b/g, 'invoicefraud'],
  [/\bdistributed denial of service\b|\bdenial of service\b|\bddos\b|\bdos\b/g, 'ddos'],
  [/\bbooters?\b|\bstressers?\b|\bddos for hire\b/g, 'booter'],
  [/\bsim swap(ping|s)?\b|\bsim hijack(ing)?\b|\bport out fraud\b/g, 'simswap'],
  [/\bsms phishing\b|\bsmishing\b|\btext message phishing\b/g, 'smishing'],
  [/\bvoice phishing\b|\bvishing\b|\bphone phishing\b/g, 'vishing'],
  [/\bsmall and medium sized enterprises\b|\bsmall and medium enterprises\b|\bsmall businesses\b|\bsmes?\b|\bsmbs?\b/g, 'sme'],
  [/\bchild sexual abuse material\b|\bcsam\b|\bchild sexual exploitation\b|\bcse\b/g, 'csam'],
  [/\bcrypto ?currency\b|\bcrypto\b/g, 'crypto'],
  [/\bscams?\b|\bswindles?\b/g, 'fraud'],
  [/\binfo ?stealers?\b|\binformation stealers?\b|\bcredential stealers?\b/g, 'infostealer'],
  [/\bphishing as a service\b|\bphaas\b|\bphishing kits?\b/g, 'phaas'],
  [/\bransomware as a service\b|\braas\b/g, 'raas'],
  [/\bdark ?web\b|\bdarknet\b/g, 'darkweb'],
  [/\bmarket ?places?\b|\bmarkets\b/g, 'market'],
  [/\btech(nical)? support (scams?|fraud)\b/g, 'techsupportscam'],
  [/\bromance (scams?|fraud)\b|\bdating (scams?|fraud)\b/g, 'romancescam'],
  [/\binvestment (scams?|fraud)\b|\bpig butchering\b|\bcyber ?trading( fraud)?\b|\bfake (crypto )?trading platforms?\b|\bcrypto investment\b/g, 'investmentfraud'],
  [/\bmoney mules?\b|\bmule (recruitment|networks?)\b/g, 'moneymule'],
  [/\bsextortion\b|\bsexual extortion\b/g, 'sextortion'],
  [/\baccount takeovers?\b|\bato\b/g, 'accounttakeover'],
  [/\bfake (web ?shops?|online shops?|stores?)\b|\bfraudulent (web ?shops?|online shops?)\b/g, 'fakeshop'],
  [/\bcard skimming\b|\bskimmers?\b|\bmagecart\b|\be ?skimming\b/g, 'skimming'],
  [/\bbank (help ?desk|impersonation)\b|\bspoofed bank\b|\bsafe account\b/g, 'bankimpersonation'],
  [/\bsupply ?chain\b/g, 'supplychain'],
  [/\bzero ?days?\b|\b0 ?days?\b/g, 'zeroday'],
];

export function titleTokens(title: string): string[] {
  // "APT 29", "UNC 3944", "TA 505": a short prefix and its number are one name.
  let text = ` ${foldText(title).replace(/\b([a-z]{2,4}) (\d{2,5})\b/g, '$1$2')} `;
  for (const [pattern, token] of SYNONYMS) text = text.replace(pattern, ` ${token} `);
  const out = new Set<string>();
  for (const word of text.split(' ')) {
    if (word === '' || STOP_WORDS.has(word) || VERSION_TOKEN.test(word)) continue;
    out.add(stem(word));
  }
  return [...out].sort();
}

/** A light stemmer: enough to fold plurals and -ing forms of English title words. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 6 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/**
 * Names a title mentions, as compact keys. The whole title (less generic words) is one candidate;
 * runs of one to three words are others, kept only when they are known names (the lexicon).
 */
export function namesInTitle(title: string, isKnownName: (key: string) => boolean, isCommonWord: (key: string) => boolean = () => false): string[] {
  const words = foldText(title).split(' ').filter((w) => w !== '');
  const found = new Set<string>();
  const whole = nameKey(title);
  if (whole !== '' && isKnownName(whole)) found.add(whole);
  for (let n = 3; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const key = nameKey(words.slice(i, i + n).join(' '));
      // An everyday word inside a longer title ("Google Play apps") is not a mention of a name.
      if (key !== '' && isKnownName(key) && !(n === 1 && isCommonWord(key))) found.add(key);
    }
  }
  return [...found].sort();
}

export function normaliseCve(cve: string): string {
  return cve.trim().toUpperCase();
}

export function techniqueKeys(ids: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    const t = id.trim().toUpperCase();
    out.add(t);
    const dot = t.indexOf('.');
    if (dot > 0) out.add(t.slice(0, dot));
  }
  return [...out].sort();
}

export function normaliseSector(s: string): string {
  return stem(foldText(s).replace(/ /g, '-'));
}

export function normaliseIndicator(type: string, value: string): string {
  const v = value.trim().toLowerCase().replace(/\[\.\]/g, '.').replace(/^hxxp/, 'http');
  return `${type}:${v}`;
}

export const RELIABILITY_WEIGHT: Record<Reliability, number> = { A: 1.0, B: 1.0, C: 1.0, D: 1.0, E: 1.0, F: 1.0 };

/** What normalisation needs to know about names (the Lexicon implements it). */
export interface NameLookup {
  has(key: string): boolean;
  canonical(key: string): string;
  isStrong(key: string): boolean;
  isCommon(key: string): boolean;
}

/**
 * Turn valid submissions into normalised entries, ordered by partner id then position in the file,
 * so that everything downstream is independent of the order files were named in.
 */
export function normaliseSubmissions(submissions: readonly Submission[], names: NameLookup, tlpOf: (s: Submission, t: RawThreat) => Tlp = defaultTlp): NormEntry[] {
  const sorted = [...submissions].sort((a, b) => cmp(a.document.partner.id, b.document.partner.id) || cmp(a.file, b.file));
  const out: NormEntry[] = [];
  for (const s of sorted) {
    s.document.threats.forEach((t, i) => {
      out.push(normaliseEntry(t, s.document.partner.id, s.file, s.entryLines[i] ?? 1, tlpOf(s, t), out.length, names));
    });
  }
  return out;
}

/** An entry's marking: its own, else its file's, else AMBER (unmarked partner data is not public). */
export function defaultTlp(s: Submission, t: RawThreat): Tlp {
  return normaliseTlp(t.tlp) ?? normaliseTlp(s.document.tlp) ?? 'amber';
}

export function normaliseEntry(t: RawThreat, partner: string, file: string, line: number, tlp: Tlp, index: number, names: NameLookup): NormEntry {
  const identity = new Set<string>();
  for (const k of namesInTitle(t.title, (k) => names.has(k), (k) => names.isCommon(k))) identity.add(names.canonical(k));
  for (const a of t.aliases ?? []) for (const k of nameKeysOf(a)) identity.add(names.canonical(k));
  const identityNames = [...identity].sort();
  const strongIdentity = identityNames.filter((k) => names.isStrong(k));
  const actorNames = canonicalKeys(t.actors, names);
  const malwareNames = canonicalKeys(t.malware, names);
  // Name words are the names' evidence; kept out of the word sets so they do not count twice.
  const nameWords = [...strongIdentity, ...actorNames, ...malwareNames, ...(t.aliases ?? []).flatMap(nameKeysOf)];
  const notAName = (w: string) => w.length < 3 || !nameWords.some((n) => n.includes(w));
  return {
    key: `${partner}/${t.id}`,
    index,
    partner,
    entryId: t.id,
    file,
    line,
    raw: t,
    category: t.category,
    tlp,
    identityNames,
    strongIdentity,
    actorNames,
    malwareNames,
    titleTokens: titleTokens(t.title).filter(notAName),
    summaryTokens: t.summary ? titleTokens(t.summary.slice(0, 2000)).filter(notAName) : [],
    cves: uniqueSorted((t.cves ?? []).map(normaliseCve)),
    techniques: techniqueKeys(t.techniques ?? []),
    indicators: uniqueSorted((t.indicators ?? []).map((i) => normaliseIndicator(i.type, i.value))),
    sectors: uniqueSorted((t.sectors ?? []).map(normaliseSector).filter((s) => s !== '')),
    regions: uniqueSorted(t.regions ?? []),
  };
}

/** Keys of a written name, including its parts when it combines several ("ALPHV/BlackCat", "Royal (BlackSuit)"). */
export function nameKeysOf(name: string): string[] {
  const out = new Set<string>();
  const whole = nameKey(name);
  if (whole !== '') out.add(whole);
  const parts = name.split(/\s*(?:\/|\(|\)|,|;|\baka\b|\balso known as\b)\s*/i);
  if (parts.length > 1) {
    for (const p of parts) {
      const k = nameKey(p);
      if (k !== '') out.add(k);
    }
  }
  return [...out];
}

function canonicalKeys(list: readonly string[] | undefined, names: NameLookup): string[] {
  return uniqueSorted((list ?? []).flatMap(nameKeysOf).map((k) => names.canonical(k)));
}

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

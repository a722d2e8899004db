/**
 * Entries → comparable form. Names, identifiers and titles are reduced to keys so that
 * "LockBit 3.0", "Lockbit" and "LOCKBIT ransomware" compare equal, while keeping the original
 * text for display.
 */
import type { Category, RawThreat, Submission, Tlp } from './types.js';
import { TLP_LEVELS } from './types.js';
import { cmp, FNV_OFFSET, FNV_PRIME, memoised } from './util.js';

export interface NormEntry {
  /** `partner/entry-id`, the key analysts write in decisions. */
  key: string;
  /** Index in the normalised list; stable order (by partner, then entry order in the file). */
  index: number;
  partner: string;
  entryId: string;
  file: string;
  line: number;
  /**
   * The partner's threat as parsed. A merge that was handed its submissions (MergeInput.consume)
   * keeps each threat as JSON text instead, and lets this go once the entry is normalised.
   */
  raw?: RawThreat;
  /** The threat's title as written, and the numbers each partner's own order is made from. */
  title: string;
  likelihood: number;
  impact: number;
  confidence: number | undefined;
  rank: number | undefined;
  category: Category;
  tlp: Tlp;
  /** Names the entry is about: from its title and aliases (canonical compact keys). */
  identityNames: string[];
  /** The identity names that are strong (known aliases, actors or malware, not just a short title). */
  strongIdentity: string[];
  /** Identity names as written (before alias knowledge maps them), for typo matching. */
  identityRaw: string[];
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
  // Most markings are written as the level itself.
  if ((TLP_LEVELS as readonly string[]).includes(value)) return value as Tlp;
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
  // Titles, names and actions are folded again and again (per pair, per group member): short
  // texts are folded once.
  return text.length > FOLDED_MAX_LENGTH ? fold(text) : foldedShort(text);
}

const FOLDED_MAX_LENGTH = 200;

function fold(text: string): string {
  return isAsciiText(text) ? foldedAsciiWords(text).join(' ') : foldUnicode(text);
}

const foldedShort = memoised(fold);

/** foldText, split into its words (none empty). */
export function foldedWords(text: string): string[] {
  if (isAsciiText(text)) return foldedAsciiWords(text);
  const folded = foldUnicode(text);
  return folded === '' ? [] : folded.split(' ');
}

export function isAsciiText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function foldUnicode(text: string): string {
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

const APOSTROPHE = 0x27;
const BACKTICK = 0x60;
const DOT = 0x2e;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * How ASCII folding treats text[i] (not an apostrophe: folding drops those): its folded code — a
 * letter lower-cased, a digit, a dot between digits — or -1 when it separates words. Both ASCII
 * scans below use it, so they cannot fold differently.
 */
function foldedAsciiCode(text: string, i: number, afterDigit: boolean): number {
  const c = text.charCodeAt(i);
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if ((c >= 0x61 && c <= 0x7a) || isDigit(c)) return c;
  if (c !== DOT || !afterDigit) return -1;
  let k = i + 1;
  while (k < text.length && (text.charCodeAt(k) === APOSTROPHE || text.charCodeAt(k) === BACKTICK)) k++;
  return k < text.length && isDigit(text.charCodeAt(k)) ? DOT : -1;
}

/**
 * foldUnicode for ASCII text in one pass, without regular expressions: most partner text is
 * ASCII and folding summaries was the largest cost of normalisation. It must give exactly what
 * foldUnicode gives (a property test compares them): apostrophes vanish, letters are lower-cased,
 * a dot survives only between digits, anything else separates words.
 */
function foldedAsciiWords(text: string): string[] {
  const words: string[] = [];
  const n = text.length;
  let start = -1; // start of the current word in text
  let clean = true; // the word so far is text.slice(start, i) unchanged
  let built = ''; // the word so far when it is not clean
  let afterDigit = false; // the previous character, apostrophes skipped, is a digit
  for (let i = 0; i < n; i++) {
    const raw = text.charCodeAt(i);
    if (raw === APOSTROPHE || raw === BACKTICK) {
      if (start >= 0 && clean) {
        built = text.slice(start, i);
        clean = false;
      }
      continue;
    }
    const c = foldedAsciiCode(text, i, afterDigit);
    afterDigit = isDigit(raw);
    const keep = c >= 0;
    if (keep) {
      if (start < 0) {
        start = i;
        clean = true;
        built = '';
      }
      if (c !== raw && clean) {
        built = text.slice(start, i);
        clean = false;
      }
      if (!clean) built += String.fromCharCode(c);
    } else if (start >= 0) {
      words.push(clean ? text.slice(start, i) : built);
      start = -1;
    }
  }
  if (start >= 0) words.push(clean ? text.slice(start) : built);
  return words;
}

/** The facts of each folded word of a text: foldedWords(text).map(wordFacts). */
export function foldedWordFacts(text: string): readonly WordFacts[] {
  return asciiWordFacts(text) ?? foldedWords(text).map(wordFacts);
}

/**
 * foldedWordFacts for ASCII text (undefined for other text), without making a string per word.
 * Summaries are most of what normalisation reads, and their words recur: slicing each word out
 * and hashing it again for a Map look-up was most of the cost. This scan folds as
 * foldedAsciiWords does, hashes each word's folded characters as it goes and finds the word in
 * KNOWN_WORDS by comparing characters in place; only a word not seen before is sliced out.
 */
function asciiWordFacts(text: string): WordFacts[] | undefined {
  const words: WordFacts[] = [];
  const n = text.length;
  let start = -1; // start of the current word in text
  let hash = 0; // of the current word's folded characters
  let afterDigit = false; // the previous character, apostrophes skipped, is a digit
  for (let i = 0; i < n; i++) {
    const raw = text.charCodeAt(i);
    if (raw > 0x7f) return undefined;
    if (raw === APOSTROPHE || raw === BACKTICK) continue;
    const c = foldedAsciiCode(text, i, afterDigit);
    afterDigit = isDigit(raw);
    const keep = c >= 0;
    if (keep) {
      if (start < 0) {
        start = i;
        hash = FNV_OFFSET;
      }
      hash = Math.imul(hash ^ c, FNV_PRIME);
    } else if (start >= 0) {
      words.push(KNOWN_WORDS.find(text, start, i, hash));
      start = -1;
    }
  }
  if (start >= 0) words.push(KNOWN_WORDS.find(text, start, n, hash));
  return words;
}

/** Whether text[start, end) folds to word (apostrophes dropped, letters lower-cased). */
function spells(word: string, text: string, start: number, end: number): boolean {
  let k = 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c === APOSTROPHE || c === BACKTICK) continue;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (word.charCodeAt(k++) !== c) return false;
  }
  return k === word.length;
}

/**
 * Folded ASCII words seen so far, by the hash of their characters: open addressing, with each
 * slot's hash and facts side by side so that a probe touches little memory.
 */
class WordTable {
  private hashes = new Int32Array(1 << 12);
  private facts: (WordFacts | undefined)[] = new Array<WordFacts | undefined>(1 << 12).fill(undefined);
  private count = 0;

  constructor(private readonly capacity: number) {}

  /** The facts of the folded word text[start, end), whose folded characters hash to hash. */
  find(text: string, start: number, end: number, hash: number): WordFacts {
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    for (let facts = this.facts[slot]; facts !== undefined; slot = (slot + 1) & mask, facts = this.facts[slot]) {
      if (this.hashes[slot] === hash && spells(facts.word, text, start, end)) return facts;
    }
    const facts = wordFacts(foldedAsciiWords(text.slice(start, end))[0]!);
    // Bounded like the other caches: start again when full.
    if (this.count >= this.capacity) this.resize(this.hashes.length, false);
    else if ((this.count + 1) * 2 > this.hashes.length) this.resize(this.hashes.length * 2, true);
    this.place(hash, facts);
    return facts;
  }

  private resize(size: number, keep: boolean): void {
    const { hashes, facts } = this;
    this.hashes = new Int32Array(size);
    this.facts = new Array<WordFacts | undefined>(size).fill(undefined);
    this.count = 0;
    if (keep) facts.forEach((f, slot) => f && this.place(hashes[slot]!, f));
  }

  private place(hash: number, facts: WordFacts): void {
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.facts[slot] !== undefined) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.facts[slot] = facts;
    this.count++;
  }
}

const KNOWN_WORDS = new WordTable(1 << 20);

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
  const words = foldedWordFacts(name);
  return nameKeyOfRange(words, 0, words.length);
}

/**
 * The name key of the folded words from..to (exclusive): the name parts of its words joined,
 * less generic words and less versions after the first word kept.
 */
function nameKeyOfRange(words: readonly WordFacts[], from: number, to: number): string {
  let key = '';
  let digitsOnly = true;
  let first = true;
  for (let i = from; i < to; i++) {
    const word = words[i]!;
    if (word.generic || (!first && word.version)) continue;
    key += word.namePart;
    digitsOnly &&= word.digitsOnly;
    first = false;
  }
  // A bare number or a one- or two-letter name is not a usable name.
  return key.length < 3 || digitsOnly ? '' : key;
}

/** Number of specific words in a name (generic and version words excluded). */
export function specificWordCount(name: string): number {
  let count = 0;
  foldedWordFacts(name).forEach((word, i) => {
    if (!word.generic && (i === 0 || !word.version)) count++;
  });
  return count;
}

/** A folded word that can be part of a name: not generic ("ransomware", "group"), not a version after the first word. */
export function isSpecificWord(word: string, position: number): boolean {
  return !GENERIC_NAME_WORDS.has(word) && (position === 0 || !VERSION_TOKEN.test(word));
}

/** Words too common in threat titles to tell threats apart. */
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'is', 'of', 'on', 'or', 'the', 'to', 'via', 'with',
  'against', 'targeting', 'targets', 'targeted', 'using', 'use', 'used', 'new', 'ongoing', 'continued', 'increase', 'increasing',
  'rise', 'wave', 'waves', 'surge', 'growing', 'persistent', 'large', 'scale', 'widespread', 'activity', 'activities',
  'operations', 'operation', 'campaign', 'campaigns', 'threat', 'threats', 'actors', 'actor', 'attacks', 'attack',
  'europe', 'european', 'eu', 'global', 'worldwide', 'its', 'their', 'other', 'related', 'linked', 'based', 'led', 'driven',
]);

/**
 * Phrases partners use for the same thing, folded to one token; `?` after a word makes it
 * optional. Rules apply in order, each over the words the previous ones left, so later rules
 * can build on earlier ones ("crypto investment scam" → "crypto investment fraud" →
 * "investmentfraud"). Includes common terms in partners' own languages (French, Spanish,
 * German, Dutch, Italian), written without accents as foldText leaves them.
 */
const SYNONYM_RULES: [string, string[]][] = [
  ['csam', [
    'child sexual abuse material', 'child sexual exploitation material', 'child abuse material', 'child abuse image', 'child abuse imagery',
    'child sexual abuse image', 'child sexual exploitation and abuse', 'child sexual abuse', 'child sexual exploitation', 'child abuse',
    'sexual abuse of children', 'sexual exploitation of children', 'csam', 'cse',
    'exploitation sexuelle des enfants', 'exploitation sexuelle de mineurs', 'exploitation sexuelle d enfants', 'abus sexuels sur mineurs',
    'abus sexuel sur mineurs', 'abus sexuels sur enfants', 'explotacion sexual infantil', 'abuso sexual infantil', 'abuso sexual de menores',
    'abusos sexuales a menores', 'kindesmissbrauch', 'sexueller kindesmissbrauch', 'seksueel kindermisbruik', 'seksueel misbruik van kinderen',
    'sfruttamento sessuale dei minori', 'abuso sessuale su minori',
  ]],
  ['ransomware', ['rancongiciel', 'ransomware angriffe', 'ransomwareangriffe', 'logiciel de rancon']],
  ['phishing', ['hameconnage', 'suplantacion de identidad']],
  ['crypto', ['crypto actif', 'cryptoactif', 'criptomoneda', 'criptoactivo', 'kryptowahrung', 'cryptomunt', 'crypto currency', 'cryptocurrency', 'cryptomonnaie']],
  ['investment', ['faux placement', 'placement', 'inversion', 'inversione', 'investissement', 'anlagebetrug', 'beleggingsfraude']],
  ['fraud', ['escroquerie', 'estafa', 'betrug', 'oplichting', 'fraude', 'truffa', 'truffe', 'scam', 'swindle']],
  ['bankimpersonation', ['faux conseiller bancaire', 'falso empleado de banca', 'falsos empleado de banca', 'bank help desk', 'bank helpdesk', 'bank impersonation', 'spoofed bank', 'safe account']],
  ['darkweb market', ['marche du darknet', 'marche darknet', 'mercado de la dark web', 'mercado de la darknet', 'mercado darknet']],
  ['bec', ['business email compromise', 'business e mail compromise', 'bec', 'ceo fraud', 'fake ceo', 'cfo fraud', 'executive impersonation', 'boss fraud', 'fraude au president']],
  ['invoicefraud', ['invoice redirection', 'invoice fraud', 'invoice manipulation', 'payment diversion', 'mandate fraud', 'supplier bank detail change', 'bank detail change']],
  ['ddos', ['distributed denial of service', 'denial of service', 'ddos', 'dos']],
  ['booter', ['booter', 'stresser', 'ddos for hire']],
  ['simswap', ['sim swap', 'sim swapp', 'sim hijack', 'sim hijacking', 'port out', 'sim replacement']],
  ['smishing', ['sms phish', 'sms phishing', 'smish', 'text message phish', 'text message phishing']],
  ['vishing', ['voice phish', 'voice phishing', 'vish', 'phone phish', 'phone phishing']],
  ['sme', ['small and medium sized enterprise', 'small and medium enterprise', 'small business', 'sme', 'smb']],
  ['infostealer', ['info stealer', 'infostealer', 'information stealer', 'credential stealer']],
  ['phaas', ['phishing as a service', 'phaas', 'phishing kit', 'phish kit']],
  ['raas', ['ransomware as a service', 'raas']],
  ['darkweb', ['dark web', 'darkweb', 'darknet']],
  ['market', ['market place', 'marketplace', 'market']],
  ['techsupportscam', ['tech support fraud', 'technical support fraud', 'helpdesk fraud', 'help desk fraud']],
  ['romancescam', ['romance fraud', 'dating fraud', 'love fraud']],
  ['investmentfraud', ['investment fraud', 'pig butchering', 'cyber trading', 'cybertrading', 'fake trading platform', 'fake crypto trading platform', 'crypto investment', 'fake broker']],
  ['moneymule', ['money mule', 'mule recruitment', 'mule network', 'mule']],
  ['sextortion', ['sextortion', 'sexual extortion']],
  ['accounttakeover', ['account takeover', 'ato']],
  ['fakeshop', ['fake web shop', 'fake webshop', 'fake online shop', 'fake store', 'fake web store', 'fraudulent web shop', 'fraudulent webshop', 'fraudulent online shop']],
  ['skimming', ['card skimming', 'skimmer', 'skimming', 'magecart', 'e skimming', 'eskimming']],
  ['supplychain', ['supply chain', 'supplychain']],
  ['zeroday', ['zero day', 'zeroday', '0 day', '0day']],
];

interface PhraseIndex {
  token: string[];
  /** First word → phrases (as stemmed word lists), longest first. */
  byFirst: Map<string, string[][]>;
}

const SYNONYM_INDEX: PhraseIndex[] = SYNONYM_RULES.map(([token, phrases]) => {
  const byFirst = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const words = phrase.split(' ').map(stem);
    const list = byFirst.get(words[0]!) ?? [];
    list.push(words);
    byFirst.set(words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return { token: token.split(' '), byFirst };
});

/** For each word, the rules whose phrases can start with it (rule indices, ascending). */
const RULES_STARTING_WITH = new Map<string, number[]>();
SYNONYM_INDEX.forEach((rule, r) => {
  for (const first of rule.byFirst.keys()) RULES_STARTING_WITH.set(first, [...(RULES_STARTING_WITH.get(first) ?? []), r]);
});

/**
 * Apply the rules in order, but only those that a word of the text (or a token an earlier rule
 * wrote) can start: a rule none of whose first words occurs cannot change anything, and testing
 * all of them against every word of every summary was a large part of normalisation.
 */
export function applySynonyms(words: string[]): string[] {
  const due = new Uint8Array(SYNONYM_INDEX.length);
  let any = false;
  for (const w of words) {
    const rules = RULES_STARTING_WITH.get(w);
    if (!rules) continue;
    for (const r of rules) due[r] = 1;
    any = true;
  }
  if (!any) return words;
  let current = words;
  for (let r = 0; r < SYNONYM_INDEX.length; r++) {
    if (due[r] === 0) continue;
    const rule = SYNONYM_INDEX[r]!;
    let out: string[] | undefined;
    for (let i = 0; i < current.length; i++) {
      const candidates = rule.byFirst.get(current[i]!);
      const match = candidates?.find((p) => p.every((w, k) => current[i + k] === w));
      if (match) {
        out ??= current.slice(0, i);
        out.push(...rule.token);
        i += match.length - 1;
      } else if (out) {
        out.push(current[i]!);
      }
    }
    if (out) {
      current = out;
      for (const t of rule.token) for (const later of RULES_STARTING_WITH.get(t) ?? []) if (later > r) due[later] = 1;
    }
  }
  return current;
}

export function titleTokens(title: string): string[] {
  const words = joinPrefixNumbers(foldedWordFacts(title));
  // The words' facts give their stems and which of them count. Only a text with a word that
  // can start a synonym phrase goes through the rules, and its tokens are then tested again.
  const tokens: string[] = [];
  for (const word of words) {
    if (word.startsRule) {
      const stems = applySynonyms(words.map((w) => w.stem));
      tokens.length = 0;
      for (const stem of stems) if (isContentWord(stem)) insertSorted(tokens, stem);
      break;
    }
    if (word.content) insertSorted(tokens, word.stem);
  }
  return tokens;
}

/**
 * Add a string to a sorted list of distinct strings (code-unit order) unless it is there:
 * building the list this way equals `[...new Set(values)].sort()` and, for the few dozen words
 * of a summary, takes half the time.
 */
function insertSorted(sorted: string[], value: string): void {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  if (sorted[low] === value) return;
  for (let k = sorted.length; k > low; k--) sorted[k] = sorted[k - 1]!;
  sorted[low] = value;
}

/** Not a stop word or a version: a word that can tell threats apart. */
export const isContentWord = memoised((word) => !STOP_STEMS.has(word) && !VERSION_TOKEN.test(word));

/**
 * What titles and summaries need of a folded word, worked out once per distinct word: every
 * summary repeats the same few thousand words, and titles are scanned word by word for names.
 */
export interface WordFacts {
  /** The folded word. */
  word: string;
  /** The word stemmed, as title and summary tokens hold it. */
  stem: string;
  /** The stem is a content word (not a stop word or a version). */
  content: boolean;
  /** Some synonym phrase can start with the stem. */
  startsRule: boolean;
  /** Generic words ("ransomware", "group") are left out of name keys. */
  generic: boolean;
  /** Versions ("v2", "3.0") are left out of name keys after their first word. */
  version: boolean;
  /** The word as part of a name key: without dots. */
  namePart: string;
  /** The name part is all digits (a key of digits alone is no name). */
  digitsOnly: boolean;
  /** The word's name key on its own (nameKeyOfRange of the word alone). */
  ownKey: string;
  /** Two to four letters: a prefix that joins the number after it ("apt 29"). */
  shortPrefix: boolean;
  /** Starts with a number that a short prefix before it joins. */
  numberLed: boolean;
}

const wordFacts = memoised((word): WordFacts => {
  const stemmed = stem(word);
  const generic = GENERIC_NAME_WORDS.has(word);
  const namePart = word.replace(/\./g, '');
  const digitsOnly = /^\d+$/.test(namePart);
  return {
    word,
    stem: stemmed,
    content: isContentWord(stemmed),
    startsRule: RULES_STARTING_WITH.has(stemmed),
    generic,
    version: VERSION_TOKEN.test(word),
    namePart,
    digitsOnly,
    ownKey: generic || namePart.length < 3 || digitsOnly ? '' : namePart,
    shortPrefix: SHORT_PREFIX.test(word),
    numberLed: PREFIX_NUMBER.test(word),
  };
});

const SHORT_PREFIX = /^[a-z]{2,4}$/;
const PREFIX_NUMBER = /^\d{2,5}(?![\w])/;

/** "APT 29", "UNC 3944", "TA 505": a short prefix and its number are one name ("apt29"). */
function joinPrefixNumbers(words: readonly WordFacts[]): readonly WordFacts[] {
  let out: WordFacts[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (next !== undefined && w.shortPrefix && next.numberLed) {
      out ??= words.slice(0, i);
      out.push(wordFacts(w.word + next.word));
      i++;
    } else if (out) out.push(w);
  }
  return out ?? words;
}

/** Stop words as they look after stemming ("ongoing" → "ongo"), since words are stemmed first. */
const STOP_STEMS = new Set([...STOP_WORDS, ...[...STOP_WORDS].map(stem)]);

/** A light stemmer: enough to fold plurals and -ing forms of English title words. */
export function stem(word: string): string {
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
  const facts = foldedWordFacts(title);
  const found = new Set<string>();
  const whole = nameKeyOfRange(facts, 0, facts.length);
  if (whole !== '' && isKnownName(whole)) found.add(whole);
  for (let n = 3; n >= 2; n--) {
    for (let i = 0; i + n <= facts.length; i++) {
      const key = nameKeyOfRange(facts, i, i + n);
      if (key !== '' && isKnownName(key)) found.add(key);
    }
  }
  for (const { ownKey } of facts) {
    // An everyday word inside a longer title ("Google Play apps") is not a mention of a name.
    if (ownKey !== '' && isKnownName(ownKey) && !isCommonWord(ownKey)) found.add(ownKey);
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


/** What normalisation needs to know about names (the Lexicon implements it). */
export interface NameLookup {
  has(key: string): boolean;
  canonical(key: string): string;
  isStrong(key: string): boolean;
  isCommon(key: string): boolean;
}

/**
 * Turn valid submissions into normalised entries, ordered by partner id then entry id, so that
 * everything downstream is independent of the order of files and of entries within them.
 */
export function normaliseSubmissions(
  submissions: readonly Submission[],
  names: NameLookup,
  tlpOf: (s: Submission, t: RawThreat) => Tlp = defaultTlp,
  /** Called with each submission and its entries as soon as they are made (a merge stores and lets go of their threats there). */
  onSubmission?: (s: Submission, made: readonly NormEntry[]) => void,
): NormEntry[] {
  const out: NormEntry[] = [];
  for (const s of inMergeOrder(submissions)) {
    const first = out.length;
    for (const { t, line } of threatsInIdOrder(s)) out.push(normaliseEntry(t, s.document.partner.id, s.file, line, tlpOf(s, t), out.length, names));
    onSubmission?.(s, out.slice(first));
  }
  return out;
}

/** Submissions in the order their entries are numbered: by partner id, then file. */
export function inMergeOrder(submissions: readonly Submission[]): Submission[] {
  return [...submissions].sort((a, b) => cmp(a.document.partner.id, b.document.partner.id) || cmp(a.file, b.file));
}

/**
 * A submission's threats with their lines, in entry id order: within a partner, entries are
 * taken in id order, so nothing downstream depends on the order they were written in.
 */
export function threatsInIdOrder(s: Submission): { t: RawThreat; line: number }[] {
  const lines = s.entryLines;
  return s.document.threats.map((t, i) => ({ t, line: lines[i] ?? 1 })).sort((x, y) => cmp(x.t.id, y.t.id));
}

/** An entry's marking: its own, else its file's, else AMBER (unmarked partner data is not public). */
export function defaultTlp(s: Submission, t: RawThreat): Tlp {
  return normaliseTlp(t.tlp) ?? normaliseTlp(s.document.tlp) ?? 'amber';
}

export function normaliseEntry(t: RawThreat, partner: string, file: string, line: number, tlp: Tlp, index: number, names: NameLookup): NormEntry {
  const aliasKeys = keysOfNames(t.aliases);
  const raw = new Set(namesInTitle(t.title, (k) => names.has(k), (k) => names.isCommon(k)));
  for (const k of aliasKeys) raw.add(k);
  const identityRaw = [...raw].sort();
  const identityNames = sortedKeys(identityRaw, (k) => names.canonical(k));
  const strongIdentity = identityNames.filter((k) => names.isStrong(k));
  const canonical = (k: string) => names.canonical(k);
  const actorNames = canonicalNameKeys(t.actors, canonical);
  const malwareNames = canonicalNameKeys(t.malware, canonical);
  // Name words are the names' evidence; kept out of the word sets so they do not count twice.
  const nameWords = [...strongIdentity, ...actorNames, ...malwareNames, ...aliasKeys];
  return {
    key: entryKey(partner, t.id),
    index,
    partner,
    entryId: t.id,
    file,
    line,
    raw: t,
    title: t.title,
    likelihood: t.likelihood,
    impact: t.impact,
    confidence: t.confidence,
    rank: t.rank,
    category: t.category,
    tlp,
    identityNames: tight(identityNames),
    strongIdentity: tight(strongIdentity),
    identityRaw: tight(identityRaw),
    actorNames: tight(actorNames),
    malwareNames: tight(malwareNames),
    titleTokens: tight(withoutNameWords(titleTokens(t.title), nameWords)),
    summaryTokens: t.summary ? tight(withoutNameWords(titleTokens(t.summary.slice(0, 2000)), nameWords)) : NO_STRINGS,
    cves: tight(cveKeys(t)),
    techniques: tight(techniqueKeys(t.techniques ?? [])),
    indicators: tight(indicatorKeys(t)),
    sectors: tight(sortedKeys(t.sectors, normaliseSector).filter((s) => s !== '')),
    regions: tight(regionKeys(t)),
  };
}

/** An entry's key, `partner/entry-id`, as analysts write it in decisions. */
export function entryKey(partner: string, entryId: string): string {
  return `${partner}/${entryId}`;
}

/** A threat's CVE ids as an entry holds them: upper-cased, each once, sorted. */
export function cveKeys(t: RawThreat): string[] {
  return sortedKeys(t.cves, normaliseCve);
}

/** A threat's indicators as an entry holds them (`type:value`, normalised), each once, sorted. */
export function indicatorKeys(t: RawThreat): string[] {
  return sortedKeys(t.indicators, (i) => normaliseIndicator(i.type, i.value));
}

/** The canonical name keys of a list of names (actors, malware), each once, sorted. */
export function canonicalNameKeys(list: readonly string[] | undefined, canonical: (key: string) => string): string[] {
  return sortedKeys(keysOfNames(list), canonical);
}

/** A threat's regions as an entry holds them: each once, sorted. */
export function regionKeys(t: RawThreat): string[] {
  return sortedKeys(t.regions, (r) => r);
}

/**
 * One empty list for every entry's empty lists (most of them are), and for the lists a merge
 * releases: entries' lists are never changed in place, and frozen, this one cannot be.
 */
export const NO_STRINGS: string[] = Object.freeze([]) as unknown as string[];

/**
 * A list at its exact length. Lists grown by push keep spare room (17 slots after the first
 * push), and a large merge holds a dozen lists per entry until they are counted: a million
 * entries' spare room was several hundred megabytes.
 */
function tight(list: string[]): string[] {
  return list.length === 0 ? NO_STRINGS : list.slice();
}

/** Keys of a written name, including its parts when it combines several ("ALPHV/BlackCat", "Royal (BlackSuit)"). */
export function nameKeysOf(name: string): readonly string[] {
  // The same names recur in every partner's titles and alias lists; key each spelling once.
  return nameKeysOnce(name);
}

const nameKeysOnce = memoised((name): readonly string[] => Object.freeze(computeNameKeys(name)));

/** What separates the names in one written name ("APT29 / Midnight Blizzard", "Qbot (QakBot)"). */
const NAME_SEPARATOR = /\s*(?:\/|\(|\)|,|;|\baka\b|\balso known as\b)\s*/i;

/** Whether nameKeysOf(name) may give more than one key: without a separator it gives at most one. */
export function mayHaveSeveralNameKeys(name: string): boolean {
  return NAME_SEPARATOR.test(name);
}

function computeNameKeys(name: string): string[] {
  const out = new Set<string>();
  const whole = nameKey(name);
  if (whole !== '') out.add(whole);
  const parts = name.split(NAME_SEPARATOR);
  if (parts.length > 1) {
    for (const p of parts) {
      const k = nameKey(p);
      if (k !== '') out.add(k);
    }
  }
  return [...out];
}

/**
 * The tokens that are not part of a name: shorter than three letters, or inside none of the
 * name keys. Neither tokens nor keys hold spaces, so the keys are joined to search them all at
 * once: a search per token and key was a large part of normalisation.
 */
function withoutNameWords(tokens: string[], nameWords: readonly string[]): string[] {
  if (nameWords.length === 0) return tokens;
  const joined = nameWords.join(' ');
  return tokens.filter((w) => w.length < 3 || !joined.includes(w));
}

/** The name keys of a list of written names, in list order. */
function keysOfNames(list: readonly string[] | undefined): string[] {
  const keys: string[] = [];
  if (list !== undefined) for (const name of list) for (const key of nameKeysOf(name)) keys.push(key);
  return keys;
}

/**
 * The distinct keys of a list's items, sorted. Most of an entry's lists are short or missing,
 * and these run for every entry: a plain loop, and a set and a sort only for two keys or more.
 */
function sortedKeys<T>(list: readonly T[] | undefined, keyOf: (item: T) => string): string[] {
  if (list === undefined) return [];
  const keys = list.map((item) => keyOf(item));
  return keys.length < 2 ? keys : [...new Set(keys)].sort();
}

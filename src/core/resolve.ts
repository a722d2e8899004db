/**
 * Entity resolution: which entries describe the same threat.
 *
 * 1. Blocking: candidate pairs come from shared keys (names, near-names, CVEs, indicators, rare
 *    title words and word pairs); keys held by too many entries are dropped, so cost stays near-linear.
 * 2. Evidence: each pair gets a score in bits, the sum of signed per-feature log-likelihood ratios
 *    (Fellegi–Sunter, as in Splink), so every link can be explained part by part. Candidate pairs
 *    are scored on compact ids (compact.ts), half of them on a second thread for large inputs;
 *    only the pairs that are reported are explained here, with the same score.
 * 3. Clustering: best-first merging of groups (no plain connected components), refusing merges that
 *    strong negative evidence, an analyst's decision, or the one-entry-per-partner rule forbid.
 */
import type { Evidence, EvidencePart } from './merged.js';
import type { NormEntry } from './normalise.js';
import {
  balancedSplit, nearNames, similarity, rarity, rawNamesOf, round2, ROLE_ACTOR, ROLE_IDENTITY, ROLE_MALWARE, compactScore, scoreRange, sharedFloat64, sharedFloat64From,
  sharedInt32, sharedInt32From, sharedUint8, skeleton, Vocabulary, type BlockIndex, type Compact, type IdLists,
} from './compact.js';
import { cmp, memoised } from './util.js';

export interface ResolveParameters {
  /** Prior log-odds (bits) that two entries from different partners are the same threat. */
  prior: number;
  /** Link when the score reaches this many bits. */
  linkThreshold: number;
  /** Pairs from here up to the link threshold are uncertain: written for review. */
  reviewThreshold: number;
  /** A pair this negative forbids its two groups from merging. */
  forbidThreshold: number;
  /** Evidence weights in bits. */
  nameMatch: number;
  nameConflict: number;
  actorConflict: number;
  malwareConflict: number;
  /** Bits when two unnamed entries each carry a distinctive word the other never mentions. */
  wordConflict: number;
  /** A title word is distinctive when at least this many entries use it, never two of one partner. */
  distinctiveMinEntries: number;
  cveMatch: number;
  cveCap: number;
  indicatorMatch: number;
  indicatorCap: number;
  titleScale: number;
  titleOffset: number;
  /** Summary similarity s gives summaryScale × s + summaryOffset bits (when both have one). */
  summaryScale: number;
  summaryOffset: number;
  categoryMatch: number;
  /** Extra bits for a shared category that partners use for one entry each. */
  categoryRare: number;
  categoryMismatch: number;
  techniques: number;
  sectors: number;
  regions: number;
  /** Blocks bigger than this are dropped as over-common keys (at least 4 per partner). */
  maxBlockSize: number;
  /** Keys that more entries of a single partner carry are dropped as over-common. */
  maxKeyPerPartner: number;
  /** One entry per partner in a group, unless a decision says otherwise. */
  onePerPartner: boolean;
}

export const DEFAULT_RESOLVE: ResolveParameters = {
  prior: -5,
  linkThreshold: 0,
  reviewThreshold: -4,
  forbidThreshold: -6,
  nameMatch: 10,
  nameConflict: -10,
  actorConflict: -4,
  malwareConflict: -2,
  wordConflict: -10,
  distinctiveMinEntries: 5,
  cveMatch: 2.5,
  cveCap: 4,
  indicatorMatch: 6,
  indicatorCap: 10,
  titleScale: 12,
  titleOffset: -3,
  summaryScale: 12,
  summaryOffset: -3,
  categoryMatch: 1,
  categoryRare: 5,
  categoryMismatch: -1.5,
  techniques: 1.5,
  sectors: 0.5,
  regions: 0.3,
  maxBlockSize: 120,
  maxKeyPerPartner: 2,
  onePerPartner: true,
};

export interface Decision {
  kind: 'same' | 'different';
  /** Entry keys `partner/entry-id`. */
  entries: string[];
  reason?: string;
  /** Where the decision was written, e.g. `decisions.yaml:12`. */
  origin: string;
}

export interface ResolveResult {
  /** Groups of entry indices; each sorted, groups ordered by their first index. */
  groups: number[][];
  /** The links that formed each group (same order as groups). */
  links: Evidence[][];
  refused: Evidence[];
  review: Evidence[];
  warnings: string[];
  stats: ResolveStats;
}

export interface ResolveStats {
  entries: number;
  candidatePairs: number;
  blockingKeys: number;
  droppedKeys: number;
  droppedKeyExamples: string[];
  largestBlock: number;
  largestGroup: number;
}

export class DecisionConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecisionConflict';
  }
}

/** Statistics over all entries that make shared values count less when they are common. */
export interface Context {
  entries: readonly NormEntry[];
  params: ResolveParameters;
  /** For a value: the most entries any single partner has with it (by kind of value). */
  spreadName: Map<string, number>;
  spreadIdentity: Map<string, number>;
  spreadCve: Map<string, number>;
  spreadIndicator: Map<string, number>;
  spreadCategory: Map<string, number>;
  idf: Map<string, number>;
  summaryIdf: Map<string, number>;
  /**
   * Per entry, its distinctive title words: words that several partners use, but no partner for
   * more than one entry (a brand, a product, a place), so they behave like a name.
   */
  distinctive: string[][];
  /** Entries per partner. */
  partnerSize: Map<string, number>;
  /** The same, as integer ids in typed arrays, for the hot path. */
  compact: Compact;
  /** The strings behind the compact ids. */
  vocabulary: { words: string[]; names: string[]; cves: string[]; indicators: string[]; categories: string[] };
}

export interface ResolveOptions {
  /** Explain the uncertain pairs left apart (for --review); costs time on large inputs. Default true. */
  review?: boolean;
  /** Called as each phase ends, with its name: the bench times phases without the core reading a clock. */
  onPhase?: (phase: string) => void;
  /** A second thread for half of the pair scoring (large inputs only); the result is the same without it. */
  scorer?: ParallelScorer;
}

export function resolve(entries: readonly NormEntry[], decisions: readonly Decision[] = [], params: ResolveParameters = DEFAULT_RESOLVE, options: ResolveOptions = {}): ResolveResult {
  const lap = options.onPhase ?? (() => {});
  const ctx = buildContext(entries, params, lap);
  const { blocks, stats } = blockIndex(ctx);
  lap('blocking');
  // Pairs are numbered in (i, j) order; the lists below hold pair numbers, not objects, since a
  // large merge has millions of candidate pairs.
  const { pairs, scores } = scoreCandidates(ctx, blocks, options.scorer);
  stats.candidatePairs = scores.length;
  lap('candidate pairs and scores');
  const partnerOf = ctx.compact.partner;
  const scored: number[] = [];
  const uncertain: number[] = [];
  const duplicates: number[] = [];
  for (let k = 0; k < scores.length; k++) {
    const score = scores[k]!;
    if (partnerOf[pairs[2 * k]!] === partnerOf[pairs[2 * k + 1]!]) {
      // A partner's own duplicate is only worth a warning when the evidence is clear: a
      // borderline pair inside one file is usually two related threats the partner kept apart.
      if (score >= params.linkThreshold + DUPLICATE_WARNING_MARGIN) duplicates.push(k);
    } else if (score >= params.linkThreshold) scored.push(k);
    else if (score >= params.reviewThreshold) uncertain.push(k);
  }
  lap('classify pairs');
  // Best first; equal scores in (i, j) order, which is pair-number order.
  scored.sort((x, y) => scores[y]! - scores[x]! || x - y);
  const warnings = duplicates.map((k) => {
    const i = pairs[2 * k]!;
    const [x, y] = [entries[i]!.key, entries[pairs[2 * k + 1]!]!.key].sort(cmp);
    return `${x} and ${y} look like the same threat reported twice by ${entries[i]!.partner} (score ${fmt(scores[k]!)} bits); kept apart`;
  });

  const clusters = new Clusters(entries, ctx);
  const keyIndex = new Map(entries.map((e) => [e.key, e.index]));
  warnings.push(...clusters.applyDecisions(decisions, keyIndex));
  lap('sort links, decisions');
  for (const k of scored) clusters.tryMerge(pairs[2 * k]!, pairs[2 * k + 1]!, scores[k]!);
  lap('clusters');

  const { groups, links } = clusters.result();
  stats.largestGroup = groups.reduce((m, g) => Math.max(m, g.length), 0);
  const groupOf = new Int32Array(entries.length);
  groups.forEach((g, gi) => g.forEach((i) => (groupOf[i] = gi)));
  const review = options.review === false ? [] : uncertain
    .map((k) => ({ a: entries[pairs[2 * k]!]!, b: entries[pairs[2 * k + 1]!]! }))
    .filter(({ a, b }) => groupOf[a.index] !== groupOf[b.index])
    .map(({ a, b }) => toEvidence(a, b, pairEvidence(a, b, ctx), 'linked'))
    .sort((x, y) => y.score - x.score || cmp(x.a, y.a) || cmp(x.b, y.b));
  lap('review');
  return { groups, links, refused: clusters.refused, review, warnings, stats };
}


/** Bits above the link threshold a pair within one partner's file needs to be reported as a duplicate. */
const DUPLICATE_WARNING_MARGIN = 5;
export interface PairScore { score: number; parts: EvidencePart[] }

// ---------------------------------------------------------------------------------------------
// Context: how common each value is

export function buildContext(entries: readonly NormEntry[], params: ResolveParameters, lap: (phase: string) => void = () => {}): Context {
  const idf = inverseFrequencies(entries, (e) => e.titleTokens);
  const titleWeights = entries.map((e) => squaredWeights(e.titleTokens, idf));
  lap('context: title idf');
  const summaryIdf = inverseFrequencies(entries, (e) => e.summaryTokens);
  const summaryWeights = entries.map((e) => squaredWeights(e.summaryTokens, summaryIdf));
  lap('context: summary idf');
  const partnerSize = new Map<string, number>();
  for (const e of entries) bump(partnerSize, e.partner);
  const spreadName = spreadOf(entries, allNames);
  const spreadIdentity = spreadOf(entries, (e) => e.identityNames);
  const spreadCve = spreadOf(entries, (e) => e.cves);
  const spreadIndicator = spreadOf(entries, (e) => e.indicators);
  const spreadCategory = spreadOf(entries, (e) => [e.category]);
  lap('context: spreads');
  const distinctive = distinctiveWords(entries, params.distinctiveMinEntries);
  lap('context: distinctive words');

  const base = {
    entries,
    params,
    spreadName,
    spreadIdentity,
    spreadCve,
    spreadIndicator,
    spreadCategory,
    idf,
    distinctive,
    summaryIdf,
    partnerSize,
  };
  // The per-entry weights live on only in the compact arrays: a small typed array per entry
  // costs more memory than its numbers.
  const { compact, vocabulary } = buildCompact(base, titleWeights, summaryWeights);
  lap('context: compact');
  return { ...base, compact, vocabulary };
}

/** The context's per-entry lists and per-value weights as ids and typed arrays (see compact.ts). */
function buildCompact(
  ctx: Omit<Context, 'compact' | 'vocabulary'>,
  titleWeights: readonly Float64Array[],
  summaryWeights: readonly Float64Array[],
): { compact: Compact; vocabulary: Context['vocabulary'] } {
  const { entries, params: p } = ctx;
  const n = entries.length;
  const partners = new Vocabulary(ctx.partnerSize.keys());
  const categories = new Vocabulary(ctx.spreadCategory.keys());
  const words = new Vocabulary(ctx.idf.keys(), ctx.summaryIdf.keys());
  const names = new Vocabulary(ctx.spreadName.keys());
  const cves = new Vocabulary(ctx.spreadCve.keys());
  const indicators = new Vocabulary(ctx.spreadIndicator.keys());
  const perEntry = <T>(f: (e: NormEntry) => T) => entries.map(f);
  const nameLists = names.lists(entries, (e) => (e.actorNames.length + e.malwareNames.length === 0 ? e.identityNames : [...allNames(e)].sort()));
  const roles = sharedUint8(nameLists.ids.length);
  entries.forEach((e, i) => {
    const role = rolesOf(e);
    for (let x = nameLists.start[i]!; x < nameLists.start[i + 1]!; x++) {
      const r = role.get(names.strings[nameLists.ids[x]!]!)!;
      roles[x] = r === 'identity' ? ROLE_IDENTITY : r === 'actor' ? ROLE_ACTOR : ROLE_MALWARE;
    }
  });
  const flat = (arrays: readonly Float64Array[]) => {
    const out = sharedFloat64(arrays.reduce((s, a) => s + a.length, 0));
    let k = 0;
    for (const a of arrays) {
      out.set(a, k);
      k += a.length;
    }
    return out;
  };
  const valueBits = (vocab: Vocabulary, spread: Map<string, number>, weight: number) => sharedFloat64From(vocab.strings, (v) => rarity(spread.get(v), weight));
  const rawNames = Vocabulary.of(entries, (e) => e.identityRaw);
  const vocabulary = { words: words.strings, names: names.strings, cves: cves.strings, indicators: indicators.strings, categories: categories.strings };
  const compact: Compact = {
    n,
    partner: sharedInt32From(perEntry((e) => partners.id(e.partner))),
    partnerSize: sharedFloat64From(entries, (e) => ctx.partnerSize.get(e.partner)!),
    category: sharedInt32From(perEntry((e) => categories.id(e.category))),
    categoryRarity: sharedFloat64From(categories.strings, (c) => Math.max(0, 1 - 0.5 * Math.log2(ctx.spreadCategory.get(c) ?? 1))),
    strongCount: sharedInt32From(perEntry((e) => e.strongIdentity.length)),
    nameCount: sharedInt32From(perEntry((e) => e.identityNames.length + e.actorNames.length + e.malwareNames.length)),
    rawNameCount: sharedInt32From(perEntry((e) => e.identityRaw.length)),
    names: nameLists,
    roles,
    actors: names.lists(entries, (e) => e.actorNames),
    malware: names.lists(entries, (e) => e.malwareNames),
    identityBits: valueBits(names, ctx.spreadIdentity, p.nameMatch),
    nameBits: valueBits(names, ctx.spreadName, p.nameMatch),
    title: words.lists(entries, (e) => e.titleTokens),
    titleW: flat(titleWeights),
    titleNorm: sharedFloat64From(titleWeights, norm),
    summary: words.lists(entries, (e) => e.summaryTokens),
    summaryW: flat(summaryWeights),
    summaryNorm: sharedFloat64From(summaryWeights, norm),
    distinctive: words.lists(entries, (e) => ctx.distinctive[e.index]!),
    cves: cves.lists(entries, (e) => e.cves),
    cveBits: valueBits(cves, ctx.spreadCve, p.cveMatch),
    indicators: indicators.lists(entries, (e) => e.indicators),
    indicatorBits: valueBits(indicators, ctx.spreadIndicator, p.indicatorMatch),
    techniques: Vocabulary.of(entries, (e) => e.techniques).lists(entries, (e) => e.techniques),
    sectors: Vocabulary.of(entries, (e) => e.sectors).lists(entries, (e) => e.sectors),
    regions: Vocabulary.of(entries, (e) => e.regions).lists(entries, (e) => e.regions),
    rawNames: rawNames.lists(entries, (e) => e.identityRaw),
    raw: rawNamesOf(rawNames.strings, (x) => rarity(ctx.spreadIdentity.get(x), p.nameMatch)),
  };
  return { compact, vocabulary };
}

/** The pair's score on the hot path (compact.ts). */
export function quickScore(ctx: Context, i: number, j: number): number {
  return compactScore(ctx.compact, ctx.params, i, j);
}

/**
 * For each value, the most entries any single partner has with it. Entries come ordered by
 * partner, so each partner's entries are counted as one run.
 */
function spreadOf(entries: readonly NormEntry[], values: (e: NormEntry) => Iterable<string>): Map<string, number> {
  const spread = new Map<string, number>();
  let start = 0;
  while (start < entries.length) {
    let end = start;
    const local = new Map<string, number>();
    for (; end < entries.length && entries[end]!.partner === entries[start]!.partner; end++) {
      for (const v of values(entries[end]!)) bump(local, v);
    }
    for (const [v, c] of local) if (c > (spread.get(v) ?? 0)) spread.set(v, c);
    start = end;
  }
  return spread;
}

function distinctiveWords(entries: readonly NormEntry[], minEntries: number): string[][] {
  const df = documentFrequencies(entries, (e) => e.titleTokens);
  const spread = spreadOf(entries, (e) => e.titleTokens);
  return entries.map((e) => e.titleTokens.filter((t) => df.get(t)! >= minEntries && spread.get(t) === 1));
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

function documentFrequencies(entries: readonly NormEntry[], tokens: (e: NormEntry) => readonly string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const e of entries) for (const t of tokens(e)) bump(df, t);
  return df;
}

function inverseFrequencies(entries: readonly NormEntry[], tokens: (e: NormEntry) => readonly string[]): Map<string, number> {
  const df = documentFrequencies(entries, tokens);
  const n = Math.max(entries.length, 1);
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / d));
  return idf;
}

function squaredWeights(tokens: readonly string[], idf: Map<string, number>): Float64Array {
  return Float64Array.from(tokens, (t) => idf.get(t)! ** 2);
}

function norm(weights: Float64Array): number {
  let s = 0;
  for (const w of weights) s += w;
  return Math.sqrt(s);
}

function allNames(e: NormEntry): Set<string> {
  return new Set([...e.identityNames, ...e.actorNames, ...e.malwareNames]);
}

// ---------------------------------------------------------------------------------------------
// Blocking

/**
 * Blocking keys are numbers, kind × 2^50 + value, built from the compact ids (word ids, name ids,
 * category ids); only the one-deletion variants of names stay strings. Building and hashing
 * millions of strings like "p:fake|invest|online-fraud" was most of the blocking time. Every
 * value stays below 2^50 (WordPairs sees to it for pairs), so keys are exact doubles.
 */
const KIND = 2 ** 50;
const KEY_NAME = 1;
const KEY_CVE = 2;
const KEY_INDICATOR = 3;
const KEY_WORD = 4;
const KEY_CATEGORY = 5;
const KEY_WORD_PAIR = 6;
const KEY_SUMMARY_WORD = 7;

/**
 * Title word pairs within a category as numbers below 2^50: (w1 × words + w2) × categories +
 * category while that fits (vocabularies of up to ~8 million words), else pairs are numbered in
 * the order they first occur.
 */
export class WordPairs {
  private readonly direct: boolean;
  private readonly idOf = new Map<number, number>();
  private readonly pairs: number[] = [];

  constructor(private readonly words: number, private readonly categories: number) {
    this.direct = words * words * categories < KIND;
  }

  value(w1: number, w2: number, category: number): number {
    let pair = w1 * this.words + w2;
    if (!this.direct) {
      let id = this.idOf.get(pair);
      if (id === undefined) {
        id = this.pairs.length;
        this.pairs.push(pair);
        this.idOf.set(pair, id);
      }
      pair = id;
    }
    return pair * this.categories + category;
  }

  /** The two word ids and the category id behind a value. */
  decode(value: number): [number, number, number] {
    const category = value % this.categories;
    let pair = Math.floor(value / this.categories);
    if (!this.direct) pair = this.pairs[pair]!;
    return [Math.floor(pair / this.words), pair % this.words, category];
  }
}

/** The keys of entry i: numbers into `out`, deletion variants into `variants`. */
function blockingKeys(ctx: Context, i: number, summaryIdf: Float64Array, wordPairs: WordPairs, out: Set<number>, variants: Set<string>): void {
  const c = ctx.compact;
  const e = ctx.entries[i]!;
  const categories = ctx.vocabulary.categories.length;
  for (let x = c.names.start[i]!; x < c.names.start[i + 1]!; x++) out.add(KEY_NAME * KIND + c.names.ids[x]!);
  // Look-alike and one-edit variants of the names as written: two names one edit apart share a
  // deletion variant (the variants include the skeleton itself).
  for (const n of e.identityRaw) for (const d of nameVariants(n)) variants.add(d);
  for (let x = c.cves.start[i]!; x < c.cves.start[i + 1]!; x++) out.add(KEY_CVE * KIND + c.cves.ids[x]!);
  for (let x = c.indicators.start[i]!; x < c.indicators.start[i + 1]!; x++) out.add(KEY_INDICATOR * KIND + c.indicators.ids[x]!);
  // For an entry with a strong name, words can only count against a pair that shares no name
  // (see pairEvidence), so word keys would bring only pairs that cannot link.
  if (c.strongCount[i]! > 0) return;
  const category = c.category[i]!;
  const t0 = c.title.start[i]!;
  const tokens = c.title.start[i + 1]! - t0;
  for (let x = 0; x < tokens; x++) out.add(KEY_WORD * KIND + c.title.ids[t0 + x]!);
  // The category is evidence of its own only between unnamed entries.
  if (c.nameCount[i] === 0) out.add(KEY_CATEGORY * KIND + category);
  for (let a = 0; a < tokens && a < 8; a++) {
    for (let b = a + 1; b < tokens && b < 8; b++) out.add(KEY_WORD_PAIR * KIND + wordPairs.value(c.title.ids[t0 + a]!, c.title.ids[t0 + b]!, category));
  }
  // Unnamed schemes are often worded apart in their titles but share telling words in their
  // summaries: the rarest few summary words, within the category, are keys too.
  if (e.identityNames.length === 0) {
    for (const w of rarestWords(c.summary, i, summaryIdf, SUMMARY_KEYS)) out.add(KEY_SUMMARY_WORD * KIND + w * categories + category);
  }
}

/** A name's skeleton and, for names of five letters or more, its one-deletion variants; once per name. */
const nameVariants = memoised((name): readonly string[] => {
  const sk = skeleton(name);
  return name.length >= 5 ? deletions(sk, 1) : [sk];
});

/** The k words of entry i with the highest IDF, ties by id (code-unit order of the words). */
function rarestWords(l: IdLists, i: number, idf: Float64Array, k: number): number[] {
  const best: number[] = [];
  for (let x = l.start[i]!; x < l.start[i + 1]!; x++) {
    const w = l.ids[x]!;
    // Ids come in ascending order, so a word only displaces one with strictly lower IDF.
    let at = best.length;
    while (at > 0 && idf[best[at - 1]!]! < idf[w]!) at--;
    if (at < k) {
      best.splice(at, 0, w);
      if (best.length > k) best.pop();
    }
  }
  return best;
}

/** The key as it reads in the statistics ("c:CVE-2021-44228", "p:fake|invest|online-fraud"). */
function describeKey(ctx: Context, wordPairs: WordPairs, key: number): string {
  const v = ctx.vocabulary;
  const kind = Math.floor(key / KIND);
  const value = key - kind * KIND;
  const categories = v.categories.length;
  switch (kind) {
    case KEY_NAME: return `n:${v.names[value]}`;
    case KEY_CVE: return `c:${v.cves[value]}`;
    case KEY_INDICATOR: return `i:${v.indicators[value]}`;
    case KEY_WORD: return `t:${v.words[value]}`;
    case KEY_CATEGORY: return `k:${v.categories[value]}`;
    case KEY_WORD_PAIR: {
      const [w1, w2, category] = wordPairs.decode(value);
      return `p:${v.words[w1]}|${v.words[w2]}|${v.categories[category]}`;
    }
    default: return `u:${v.words[Math.floor(value / categories)]}|${v.categories[value % categories]}`;
  }
}

const SUMMARY_KEYS = 6;

export interface Blocks {
  blocks: BlockIndex;
  stats: ResolveStats;
}

/** Blocking: each entry's keys, the blocks they make, and which blocks are usable (not too common). */
export function blockIndex(ctx: Context): Blocks {
  const { entries, params } = ctx;
  const n = entries.length;
  // Each key gets a block id. Entries' block ids go into one flat list (entry i's from
  // keyStart[i]); block sizes are counted as they come, and the members are filled in afterwards,
  // so no small array is kept per block.
  const numbered = new Map<number, number>();
  const named = new Map<string, number>();
  const keyStart = new Int32Array(n + 1);
  let entryKeys: Int32Array = new Int32Array(Math.max(16, 8 * n));
  let sizes: Int32Array = new Int32Array(1024);
  let blockCount = 0;
  const summaryIdf = Float64Array.from(ctx.vocabulary.words, (w) => ctx.summaryIdf.get(w) ?? 0);
  const wordPairs = new WordPairs(ctx.vocabulary.words.length, ctx.vocabulary.categories.length);
  const keys = new Set<number>();
  const variants = new Set<string>();
  let at = 0;
  const add = (b: number) => {
    if (at === entryKeys.length) entryKeys = grown(entryKeys, at + 1);
    entryKeys[at++] = b;
    sizes[b]!++;
  };
  const blockOf = <K>(map: Map<K, number>, key: K): number => {
    let id = map.get(key);
    if (id === undefined) {
      id = blockCount++;
      if (id === sizes.length) sizes = grown(sizes, id + 1);
      map.set(key, id);
    }
    return id;
  };
  for (let i = 0; i < n; i++) {
    keyStart[i] = at;
    keys.clear();
    variants.clear();
    blockingKeys(ctx, i, summaryIdf, wordPairs, keys, variants);
    for (const k of keys) add(blockOf(numbered, k));
    for (const d of variants) add(blockOf(named, d));
  }
  keyStart[n] = at;
  // Members of every block, ascending (entries are visited in order).
  const memberStart = new Int32Array(blockCount + 1);
  for (let b = 0; b < blockCount; b++) memberStart[b + 1] = memberStart[b]! + sizes[b]!;
  const memberIds = new Int32Array(at);
  const fill = memberStart.slice(0, blockCount);
  for (let i = 0; i < n; i++) for (let x = keyStart[i]!; x < keyStart[i + 1]!; x++) memberIds[fill[entryKeys[x]!]!++] = i;
  const keyName: string[] = new Array(blockCount);
  for (const [k, b] of numbered) keyName[b] = `${k}`;
  for (const [d, b] of named) keyName[b] = `d:${d}`;

  const limit = Math.max(params.maxBlockSize, 4 * ctx.partnerSize.size);
  // Usable blocks are renumbered 0, 1, …; -1 marks the others.
  const usableId = new Int32Array(blockCount).fill(-1);
  let usable = 0;
  let usableMembers = 0;
  let dropped = 0;
  const droppedExamples: [string, number][] = [];
  let largest = 0;
  const partnerOf = ctx.compact.partner;
  for (let b = 0; b < blockCount; b++) {
    const from = memberStart[b]!;
    const to = memberStart[b + 1]!;
    if (to - from < 2) continue;
    // A key of one threat is carried by at most one entry per partner (two, allowing for a tool
    // named in another entry); a key many entries of one partner carry is too common to block on.
    if (to - from > limit || maxPerPartner(memberIds, from, to, partnerOf) > params.maxKeyPerPartner) {
      dropped++;
      const name = keyName[b]!;
      droppedExamples.push([name.startsWith('d:') ? name : describeKey(ctx, wordPairs, Number(name)), to - from]);
      continue;
    }
    usableId[b] = usable++;
    usableMembers += to - from;
    largest = Math.max(largest, to - from);
  }
  const members: IdLists = { ids: sharedInt32(usableMembers), start: sharedInt32(usable + 1) };
  for (let b = 0, m = 0; b < blockCount; b++) {
    const u = usableId[b]!;
    if (u < 0) continue;
    members.start[u] = m;
    members.ids.set(memberIds.subarray(memberStart[b]!, memberStart[b + 1]!), m);
    m += memberStart[b + 1]! - memberStart[b]!;
    members.start[u + 1] = m;
  }
  let entryBlocks = 0;
  for (let x = 0; x < at; x++) if (usableId[entryKeys[x]!]! >= 0) entryBlocks++;
  const blocksOf: IdLists = { ids: sharedInt32(entryBlocks), start: sharedInt32(n + 1) };
  for (let i = 0, m = 0; i < n; i++) {
    blocksOf.start[i] = m;
    for (let x = keyStart[i]!; x < keyStart[i + 1]!; x++) {
      const u = usableId[entryKeys[x]!]!;
      if (u >= 0) blocksOf.ids[m++] = u;
    }
    blocksOf.start[i + 1] = m;
  }
  droppedExamples.sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
  return {
    blocks: { blocksOf, members },
    stats: {
      entries: n,
      candidatePairs: 0,
      blockingKeys: blockCount,
      droppedKeys: dropped,
      droppedKeyExamples: droppedExamples.slice(0, 5).map(([k, c]) => `${k} (${c})`),
      largestBlock: largest,
      largestGroup: 0,
    },
  };
}

function grown(a: Int32Array, atLeast: number): Int32Array {
  const out = new Int32Array(Math.max(atLeast, 2 * a.length));
  out.set(a);
  return out;
}

/** A range of entries to score elsewhere (a worker thread), with everything the scoring reads. */
export interface ScoreJob {
  compact: Compact;
  blocks: BlockIndex;
  params: ResolveParameters;
  from: number;
  to: number;
}

export interface ScoredPairs {
  pairs: Int32Array;
  scores: Float64Array;
}

/**
 * Scores a range of entries on another thread. `start` returns at once with a function that
 * waits for the result; the caller scores its own range meanwhile.
 */
export interface ParallelScorer {
  /** Below this many entries, a second thread costs more than it saves. */
  minEntries: number;
  start(job: ScoreJob): () => ScoredPairs;
}

/** Every candidate pair and its score, in (i, j) order; the upper half of the entries on the helper thread when there is one. */
export function scoreCandidates(ctx: Context, blocks: BlockIndex, helper?: ParallelScorer): ScoredPairs {
  const n = ctx.entries.length;
  if (!helper || n < helper.minEntries || n < 2) return scoreRange(ctx.compact, blocks, ctx.params, 0, n);
  const mid = balancedSplit(blocks, n);
  const theirs = helper.start({ compact: ctx.compact, blocks, params: ctx.params, from: mid, to: n });
  const mine = scoreRange(ctx.compact, blocks, ctx.params, 0, mid);
  const rest = theirs();
  const pairs = new Int32Array(mine.pairs.length + rest.pairs.length);
  pairs.set(mine.pairs);
  pairs.set(rest.pairs, mine.pairs.length);
  const scores = new Float64Array(mine.scores.length + rest.scores.length);
  scores.set(mine.scores);
  scores.set(rest.scores, mine.scores.length);
  return { pairs, scores };
}

function maxPerPartner(members: Int32Array, from: number, to: number, partnerOf: Int32Array): number {
  // Entries are ordered by partner, and members by index, so one partner's entries are adjacent.
  let max = 1;
  let run = 1;
  for (let k = from + 1; k < to; k++) {
    run = partnerOf[members[k]!] === partnerOf[members[k - 1]!] ? run + 1 : 1;
    if (run > max) max = run;
  }
  return max;
}


/** The string and every string one (or two) deletions away: two names within that edit distance share one. */
function deletions(s: string, depth: number): string[] {
  const out = new Set<string>([s]);
  let frontier = [s];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// Evidence

/**
 * The evidence for and against a pair, in bits. The hot path (explain = false) only adds up the
 * score; the signed parts with their wording are built only for the pairs that are reported.
 * Both paths round each part the same way, so they give the same score.
 */
export function pairEvidence(a: NormEntry, b: NormEntry, ctx: Context, explain = true): PairScore {
  const p = ctx.params;
  const parts: EvidencePart[] = [];
  let score = p.prior;
  if (explain) parts.push({ feature: 'prior', bits: p.prior, detail: 'prior odds that two entries from different partners are one threat' });
  const add = (feature: string, bits: number, detail: () => string) => {
    if (bits === 0) return;
    const rounded = round2(bits);
    score += rounded;
    if (explain) parts.push({ feature, bits: rounded, detail: detail() });
  };

  const nameBits = nameEvidence(a, b, ctx, add);

  // Shared identifiers: each counts less the more entries of one partner share it.
  const cve = sharedWeighted(a.cves, b.cves, ctx.spreadCve, p.cveMatch);
  if (cve.count > 0) add('cves', Math.min(cve.bits, p.cveCap), () => `shared ${intersect(a.cves, b.cves).join(', ')}`);
  const ioc = sharedWeighted(a.indicators, b.indicators, ctx.spreadIndicator, p.indicatorMatch);
  if (ioc.count > 0) {
    add('indicators', Math.min(ioc.bits, p.indicatorCap), () => {
      const shared = intersect(a.indicators, b.indicators);
      return `shared ${shared.slice(0, 3).join(', ')}${shared.length > 3 ? ', …' : ''}`;
    });
  }

  // Titles of one named threat are often worded apart ("APT29 / Midnight Blizzard" ~ "Cozy Bear
  // intrusions"): once the names agree, unlike titles are no evidence against. Words are evidence
  // of their own only for unnamed threats: between named entries whose names differ, what is
  // left of the titles is generic ("… ransomware") and may only count against.
  const named = a.strongIdentity.length > 0 || b.strongIdentity.length > 0;
  if (!named && nameBits === 0) {
    // Unnamed schemes told apart by a word that works like a name ("Fake Blaerpio Savings
    // advisers" vs "Fake Krisjek Savings advisers"): each has one the other never mentions.
    // Words the other entry does not mention anywhere (title or summary) only.
    const da = ctx.distinctive[a.index]!.filter((w) => !b.summaryTokens.includes(w) && !b.titleTokens.includes(w));
    const db = ctx.distinctive[b.index]!.filter((w) => !a.summaryTokens.includes(w) && !a.titleTokens.includes(w));
    if (da.length > 0 && db.length > 0) {
      add('words', p.wordConflict, () => `different distinctive words: ${da.join('/')} vs ${db.join('/')}`);
    }
  }
  const clip = (bits: number) => (nameBits > 0 ? Math.max(0, bits) : named ? Math.min(0, bits) : bits);
  const sim = titleSimilarity(a, b, ctx);
  add('title', clip(p.titleScale * sim + p.titleOffset), () => `title similarity ${sim.toFixed(2)} ("${short(a.raw.title)}" ~ "${short(b.raw.title)}")`);
  const summary = summarySimilarity(a, b, ctx);
  if (summary !== undefined) add('summary', clip(p.summaryScale * summary + p.summaryOffset), () => `summary similarity ${summary.toFixed(2)}`);

  if (a.category === b.category) {
    // For unnamed schemes, a category that each partner uses for one entry only (child sexual
    // exploitation, say) is nearly an identifier; one that partners use for many entries says
    // little, and so does any category when a partner reports only a handful of threats.
    const spread = ctx.spreadCategory.get(a.category) ?? 1;
    const unnamed = a.identityNames.length + b.identityNames.length + a.actorNames.length + b.actorNames.length + a.malwareNames.length + b.malwareNames.length === 0;
    const sample = Math.min(1, Math.min(ctx.partnerSize.get(a.partner)!, ctx.partnerSize.get(b.partner)!) / 10);
    const rare = unnamed ? p.categoryRare * sample * Math.max(0, 1 - 0.5 * Math.log2(spread)) : 0;
    add('category', p.categoryMatch + rare, () => `both ${a.category}${rare > 0 ? ` (at most ${spread} such entr${spread === 1 ? 'y' : 'ies'} per partner)` : ''}`);
  } else {
    add('category', p.categoryMismatch, () => `${a.category} vs ${b.category}`);
  }

  const tech = jaccard(a.techniques, b.techniques);
  if (tech > 0) add('techniques', p.techniques * tech, () => `ATT&CK overlap ${tech.toFixed(2)}`);
  const sec = jaccard(a.sectors, b.sectors);
  if (sec > 0) add('sectors', p.sectors * sec, () => `sector overlap ${sec.toFixed(2)}`);
  const reg = jaccard(a.regions, b.regions);
  if (reg > 0) add('regions', p.regions * reg, () => `region overlap ${reg.toFixed(2)}`);

  return { score: round2(score), parts };
}

type Add = (feature: string, bits: number, detail: () => string) => void;

/** Names: the best shared name, else a near-identical one, else disagreement. Returns the bits added. */
function nameEvidence(a: NormEntry, b: NormEntry, ctx: Context, add: Add): number {
  const p = ctx.params;
  const roleA = rolesOf(a);
  const roleB = rolesOf(b);
  // The best shared name, weighted by how both entries use it (what the threat is > who/what it uses).
  let best = 0;
  let bestName = '';
  let bestRoles: [Role, Role] | undefined;
  for (const [name, ra] of roleA) {
    const rb = roleB.get(name);
    if (rb === undefined) continue;
    const factor = roleFactor(ra, rb);
    // A name two entries both are about counts less only when one partner has several entries about it.
    const bits = rarity(factor === 1 ? ctx.spreadIdentity.get(name) : ctx.spreadName.get(name), p.nameMatch) * factor;
    if (bits > best) {
      best = bits;
      bestName = name;
      bestRoles = [ra, rb];
    }
  }
  if (best > 0) {
    const [ra, rb] = bestRoles!;
    add('names', best, () => `both name ${bestName}${roleFactor(ra, rb) < 1 ? ` (as ${ra} / ${rb})` : ''}`);
    return round2(best);
  }
  const near = nearNameBits(a, b, ctx);
  if (near.bits > 0) {
    add('names', near.bits, () => `near-identical names ${near.x} ~ ${near.y}`);
    return round2(near.bits);
  }
  // Disagreement: both are known to be about named threats, and the names differ.
  if (a.strongIdentity.length > 0 && b.strongIdentity.length > 0) {
    add('names', p.nameConflict, () => `different named threats: ${a.strongIdentity.join('/')} vs ${b.strongIdentity.join('/')}`);
    return p.nameConflict;
  }
  let bits = 0;
  if (a.actorNames.length > 0 && b.actorNames.length > 0 && !overlaps(a.actorNames, b.actorNames)) {
    add('actors', p.actorConflict, () => `different actors: ${a.actorNames.join('/')} vs ${b.actorNames.join('/')}`);
    bits += p.actorConflict;
  }
  if (a.malwareNames.length > 0 && b.malwareNames.length > 0 && !overlaps(a.malwareNames, b.malwareNames)) {
    add('malware', p.malwareConflict, () => `different malware: ${a.malwareNames.join('/')} vs ${b.malwareNames.join('/')}`);
    bits += p.malwareConflict;
  }
  return bits;
}

/** Near-identical names: typos and look-alike characters ("Emotett", "Cl0p"); the best pair's bits. */
function nearNameBits(a: NormEntry, b: NormEntry, ctx: Context): { bits: number; x: string; y: string } {
  const near = nearNames(ctx.compact, a.index, b.index);
  const names = ctx.compact.raw.names;
  return { bits: near.bits, x: near.bits > 0 ? names[near.x]! : '', y: near.bits > 0 ? names[near.y]! : '' };
}

type Role = 'identity' | 'actor' | 'malware';

function rolesOf(e: NormEntry): Map<string, Role> {
  const m = new Map<string, Role>();
  for (const n of e.malwareNames) m.set(n, 'malware');
  for (const n of e.actorNames) m.set(n, 'actor');
  for (const n of e.identityNames) m.set(n, 'identity');
  return m;
}

function roleFactor(a: Role, b: Role): number {
  if (a === 'identity' && b === 'identity') return 1;
  if (a === 'identity' || b === 'identity') return 0.6;
  if (a === 'actor' && b === 'actor') return 0.6;
  return 0.4;
}



/**
 * Walk the values two sorted lists share, in one merge pass; `visit` gets each shared value's
 * index in `a`. Returns how many they share.
 */
function forEachShared(a: readonly string[], b: readonly string[], visit?: (indexInA: number) => void): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      count++;
      visit?.(i);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return count;
}

/** Bits for the values two sorted lists share, each weighted by its rarity. */
function sharedWeighted(a: readonly string[], b: readonly string[], spread: Map<string, number>, weight: number): { count: number; bits: number } {
  let bits = 0;
  const count = forEachShared(a, b, (i) => {
    bits += rarity(spread.get(a[i]!), weight);
  });
  return { count, bits };
}

function intersect(a: readonly string[], b: readonly string[]): string[] {
  const setB = new Set(b);
  return a.filter((x) => setB.has(x));
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/**
 * Similarity of two word sets, each word weighted by its rarity (IDF): the mean of the cosine and
 * of the overlap with the smaller set, so a short title contained in a longer one scores high.
 * The same computation as the hot path (compact.ts), on the same arrays.
 */
function titleSimilarity(a: NormEntry, b: NormEntry, ctx: Context): number {
  const c = ctx.compact;
  return similarity(c.title, c.titleW, c.titleNorm, a.index, b.index);
}

function summarySimilarity(a: NormEntry, b: NormEntry, ctx: Context): number | undefined {
  if (a.summaryTokens.length === 0 || b.summaryTokens.length === 0) return undefined;
  const c = ctx.compact;
  return similarity(c.summary, c.summaryW, c.summaryNorm, a.index, b.index);
}

/** Jaccard overlap of two sorted lists; 0 when either is empty. */
function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const inter = forEachShared(a, b);
  return inter / (a.length + b.length - inter);
}

// ---------------------------------------------------------------------------------------------
// Clustering

const VETO_SAMPLE = 8;

/** Up to `k` members spread evenly over a (sorted) member list, always the same ones for the same list. */
function sample(members: readonly number[], k: number): readonly number[] {
  if (members.length <= k) return members;
  const sorted = [...members].sort((x, y) => x - y);
  const out: number[] = [];
  for (let t = 0; t < k; t++) out.push(sorted[Math.floor((t * sorted.length) / k)]!);
  return out;
}

class Clusters {
  private readonly groupOf: Int32Array;
  private readonly members = new Map<number, number[]>();
  /** The partners each group holds an entry of (kept up to date as groups join, not rebuilt per merge). */
  private readonly partnersOf = new Map<number, Set<string>>();
  private readonly links = new Map<number, Evidence[]>();
  private readonly cannotLink: { a: number; b: number; decision: Decision }[] = [];
  private readonly forcedSame = new Set<number>();
  readonly refused: Evidence[] = [];

  constructor(private readonly entries: readonly NormEntry[], private readonly ctx: Context) {
    this.groupOf = new Int32Array(entries.length);
    for (let i = 0; i < entries.length; i++) {
      this.groupOf[i] = i;
      this.members.set(i, [i]);
      this.partnersOf.set(i, new Set([entries[i]!.partner]));
    }
  }

  applyDecisions(decisions: readonly Decision[], keyIndex: Map<string, number>): string[] {
    const warnings: string[] = [];
    const resolved = decisions.map((d) => {
      const known = d.entries.filter((k) => {
        if (keyIndex.has(k)) return true;
        warnings.push(`${d.origin}: decision names ${k}, which is not among the entries merged; ignored`);
        return false;
      });
      return { d, indices: known.map((k) => keyIndex.get(k)!) };
    });
    // `same` is transitive: join everything it names, remembering why for contradiction messages.
    const sameEdges: { a: number; b: number; d: Decision }[] = [];
    for (const { d, indices } of resolved) {
      if (d.kind !== 'same') continue;
      for (let k = 1; k < indices.length; k++) {
        sameEdges.push({ a: indices[0]!, b: indices[k]!, d });
        const ev: Evidence = { a: this.entries[indices[0]!]!.key, b: this.entries[indices[k]!]!.key, score: 0, parts: [], outcome: 'decided-same', reason: d.reason ?? `analyst decision (${d.origin})` };
        this.join(indices[0]!, indices[k]!, ev);
        this.forcedSame.add(this.groupOf[indices[0]!]!);
      }
    }
    for (const { d, indices } of resolved) {
      if (d.kind !== 'different') continue;
      for (let x = 0; x < indices.length; x++) {
        for (let y = x + 1; y < indices.length; y++) {
          const a = indices[x]!;
          const b = indices[y]!;
          if (this.groupOf[a] === this.groupOf[b]) {
            throw new DecisionConflict(contradiction(this.entries, sameEdges, a, b, d));
          }
          this.cannotLink.push({ a, b, decision: d });
        }
      }
    }
    return warnings;
  }

  tryMerge(i: number, j: number, score: number): void {
    const gi = this.groupOf[i]!;
    const gj = this.groupOf[j]!;
    if (gi === gj) return;
    const a = this.entries[i]!;
    const b = this.entries[j]!;
    const why = this.forbidden(gi, gj);
    // Only the pairs that are reported get their evidence spelt out.
    const ev = pairEvidence(a, b, this.ctx);
    if (ev.score !== score) throw new Error(`internal: explained score ${ev.score} differs from ${score}`);
    if (why) {
      this.refused.push({ ...toEvidence(a, b, ev, 'refused'), reason: why });
      return;
    }
    this.join(i, j, toEvidence(a, b, ev, 'linked'));
  }

  private forbidden(gi: number, gj: number): string | undefined {
    const mi = this.members.get(gi)!;
    const mj = this.members.get(gj)!;
    for (const c of this.cannotLink) {
      const ga = this.groupOf[c.a];
      const gb = this.groupOf[c.b];
      if ((ga === gi && gb === gj) || (ga === gj && gb === gi)) {
        return `analyst decision (${c.decision.origin}): ${this.entries[c.a]!.key} and ${this.entries[c.b]!.key} are different${c.decision.reason ? ` — ${c.decision.reason}` : ''}`;
      }
    }
    if (this.ctx.params.onePerPartner) {
      const partners = this.partnersOf.get(gi)!;
      for (const y of mj) {
        const partner = this.entries[y]!.partner;
        if (partners.has(partner)) {
          return `the groups already hold an entry each from ${partner}; one entry per partner (a decision can override)`;
        }
      }
    }
    // Average linkage: the groups stay apart when their entries, on average across all pairs,
    // speak strongly against being one threat. One odd pair (a partner that used an unknown
    // alias) does not veto a merge the rest of the evidence supports.
    // Large groups are compared through an evenly spread sample of their members, so the cost
    // of a merge stays bounded whatever the group sizes.
    const si = sample(mi, VETO_SAMPLE);
    const sj = sample(mj, VETO_SAMPLE);
    let total = 0;
    let worst: { x: number; y: number; score: number } | undefined;
    for (const x of si) {
      for (const y of sj) {
        const score = this.score(x, y);
        total += score;
        if (!worst || score < worst.score) worst = { x, y, score };
      }
    }
    const mean = total / (si.length * sj.length);
    if (mean <= this.ctx.params.forbidThreshold && worst) {
      const parts = pairEvidence(this.entries[worst.x]!, this.entries[worst.y]!, this.ctx).parts;
      const against = parts.filter((p) => p.bits < 0 && p.feature !== 'prior').map((p) => p.detail).join('; ');
      return `strong evidence against: the entries of the two groups score ${fmt(mean)} bits on average; e.g. ${this.entries[worst.x]!.key} vs ${this.entries[worst.y]!.key}: ${against || 'no shared evidence'}`;
    }
    return undefined;
  }

  private score(x: number, y: number): number {
    // Not cached: nine in ten of these pairs are scored once, and a map of millions of pair
    // ids cost more than the rescoring it saved.
    return x < y ? quickScore(this.ctx, x, y) : quickScore(this.ctx, y, x);
  }

  private join(i: number, j: number, ev: Evidence): void {
    let gi = this.groupOf[i]!;
    let gj = this.groupOf[j]!;
    if (gi === gj) {
      this.links.get(gi)?.push(ev);
      return;
    }
    // Keep the smaller id as the group id, moving the smaller member list.
    if (this.members.get(gi)!.length < this.members.get(gj)!.length) [gi, gj] = [gj, gi];
    const moved = this.members.get(gj)!;
    for (const m of moved) this.groupOf[m] = gi;
    this.members.get(gi)!.push(...moved);
    this.members.delete(gj);
    const partners = this.partnersOf.get(gi)!;
    for (const q of this.partnersOf.get(gj)!) partners.add(q);
    this.partnersOf.delete(gj);
    const linksI = this.links.get(gi) ?? [];
    linksI.push(...(this.links.get(gj) ?? []), ev);
    this.links.set(gi, linksI);
    this.links.delete(gj);
    if (this.forcedSame.has(gj)) this.forcedSame.add(gi);
  }

  result(): { groups: number[][]; links: Evidence[][] } {
    const out: { members: number[]; links: Evidence[] }[] = [];
    for (const [g, m] of this.members) out.push({ members: [...m].sort((x, y) => x - y), links: this.links.get(g) ?? [] });
    out.sort((x, y) => x.members[0]! - y.members[0]!);
    return { groups: out.map((o) => o.members), links: out.map((o) => o.links) };
  }
}

function contradiction(entries: readonly NormEntry[], edges: { a: number; b: number; d: Decision }[], from: number, to: number, d: Decision): string {
  // Breadth-first search over `same` decisions for the chain that joined the two entries.
  const adj = new Map<number, { to: number; d: Decision }[]>();
  for (const e of edges) {
    adj.set(e.a, [...(adj.get(e.a) ?? []), { to: e.b, d: e.d }]);
    adj.set(e.b, [...(adj.get(e.b) ?? []), { to: e.a, d: e.d }]);
  }
  const prev = new Map<number, { from: number; d: Decision }>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const x = queue.shift()!;
    if (x === to) break;
    for (const nb of adj.get(x) ?? []) {
      if (seen.has(nb.to)) continue;
      seen.add(nb.to);
      prev.set(nb.to, { from: x, d: nb.d });
      queue.push(nb.to);
    }
  }
  const chain: string[] = [];
  let cur = to;
  while (cur !== from && prev.has(cur)) {
    const p = prev.get(cur)!;
    chain.unshift(`${entries[p.from]!.key} = ${entries[cur]!.key} (same, ${p.d.origin})`);
    cur = p.from;
  }
  return `contradictory decisions: ${d.origin} says ${entries[from]!.key} and ${entries[to]!.key} are different, but "same" decisions link them:\n  ${chain.join('\n  ')}`;
}

function toEvidence(a: NormEntry, b: NormEntry, ev: PairScore, outcome: Evidence['outcome']): Evidence {
  const [x, y] = a.key < b.key ? [a, b] : [b, a];
  return { a: x.key, b: y.key, score: ev.score, parts: ev.parts, outcome };
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}


function fmt(x: number): string {
  return x.toFixed(1);
}

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
import { ContextLists, dropCountedLists, type NumberedLists } from './context-lists.js';
import type { Evidence, EvidencePart } from './merged.js';
import { NO_STRINGS, type NormEntry } from './normalise.js';
import {
  bestSharedName, hasUnmentioned, titlesOnlyAgainst, jaccard, lengthOf, nearNames, similarity, rarity, rawNamesOf, roleFactorOf, round2, ROLE_ACTOR, ROLE_IDENTITY, ROLE_MALWARE, workChunks,
  compactScore, unmentionedWords, scoreRange, sharedFloat64, sharedFloat64From, sharedInt32, sharedInt32From, sharedSum, sharedUint8, Vocabulary, type BlockIndex, type Compact, type IdLists,
  entryOrderLayout, localityLayout, moveToLayout, type Layout,
} from './compact.js';
import { sortBestFirst } from './score-order.js';
import { cmp, FNV_OFFSET, FNV_PRIME } from './util.js';

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

/**
 * A link or refused merge before its evidence is spelt out: the two entries (indices, in the
 * order they were compared), the score, and the outcome. A large merge has about one per entry,
 * and their explanations are the biggest part of its result, so `resolveDeferred` keeps these
 * and `explain` writes each one out only when the output needs it.
 */
export interface PendingLink {
  i: number;
  j: number;
  score: number;
  outcome: Evidence['outcome'];
  reason?: string;
}

/** What `resolve` finds, with the links and refusals not yet explained. */
export interface DeferredResolveResult {
  groups: number[][];
  links: PendingLink[][];
  refused: PendingLink[];
  /** The evidence of a link or refusal, exactly as `resolve` would give it. */
  explain: (link: PendingLink) => Evidence;
  /** What another thread needs to explain links as `explain` does (see explainBetween). */
  evidenceContext: () => EvidenceContext;
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
  /** Title and summary IDF by word id (`vocabulary.words`), 0 for a word no entry uses there. */
  wordIdf: { title: Float64Array; summary: Float64Array };
  /**
   * Per entry, its distinctive title words: words that several partners use, but no partner for
   * more than one entry (a brand, a product, a place), so they behave like a name.
   */
  distinctive: string[][];
  /** Entries per partner. */
  partnerSize: Map<string, number>;
  /** The same, as integer ids in typed arrays, for the hot path. */
  compact: Compact;
  /**
   * Where each entry's data sit in `compact` (`slotOf[e.index]`): at its index until the
   * resolution moves them for pair scoring (inLocalityLayout), and there from then on.
   */
  layout: Layout;
  /** The strings behind the compact ids. */
  vocabulary: { words: string[]; names: string[]; cves: string[]; indicators: string[]; categories: string[] };
}

/** What explaining a pair reads of its entries. */
export type EvidenceEntry = Pick<NormEntry, 'index' | 'key' | 'title' | 'category' | 'cves' | 'indicators' | 'strongIdentity' | 'actorNames' | 'malwareNames'>;

/**
 * What explaining a pair reads of the context: the compact arrays (on shared memory) and the
 * strings behind their ids. Another thread can explain links with a copy of it.
 */
export interface EvidenceContext {
  params: ResolveParameters;
  compact: Compact;
  layout: Pick<Layout, 'slotOf'>;
  vocabulary: Pick<Context['vocabulary'], 'names' | 'words'>;
  spreadCategory: ReadonlyMap<string, number>;
}

export interface ResolveOptions {
  /** Explain the uncertain pairs left apart (for --review); costs time on large inputs. Default true. */
  review?: boolean;
  /** Called as each phase ends, with its name: the bench times phases without the core reading a clock. */
  onPhase?: (phase: string) => void;
  /** A second thread for half of the pair scoring (large inputs only); the result is the same without it. */
  scorer?: ParallelScorer;
  /**
   * The caller hands over the entries' word and value lists: once counted into the compact arrays
   * they are emptied (see releaseCountedLists). The merge owns its entries and sets this; the
   * result is the same. (A consuming merge has emptied most of them already, as it numbered them.)
   */
  releaseLists?: boolean;
  /**
   * The entries' lists, numbered as they were normalised (ContextLists, in entry order). Given
   * them, the context reads no list of the entries but their strong names; the result is the same.
   */
  lists?: ContextLists;
}

export function resolve(entries: readonly NormEntry[], decisions: readonly Decision[] = [], params: ResolveParameters = DEFAULT_RESOLVE, options: ResolveOptions = {}): ResolveResult {
  const { groups, links, refused, explain, review, warnings, stats } = resolveDeferred(entries, decisions, params, options);
  return { groups, links: links.map((l) => l.map(explain)), refused: refused.map(explain), review, warnings, stats };
}

/** `resolve`, with every link and refusal left to explain on demand (see PendingLink). */
export function resolveDeferred(entries: readonly NormEntry[], decisions: readonly Decision[] = [], params: ResolveParameters = DEFAULT_RESOLVE, options: ResolveOptions = {}): DeferredResolveResult {
  const lap = options.onPhase ?? (() => {});
  const ctx = buildContext(entries, params, lap, options.lists);
  if (options.releaseLists) releaseCountedLists(entries);
  const { blocks, stats } = blockIndex(ctx);
  lap('blocking');
  if (options.releaseLists) releaseIdentityNames(entries);
  inLocalityLayout(ctx, blocks);
  lap('locality layout');
  // Pairs are numbered in (i, j) order; the lists below hold pair numbers, not objects, since a
  // large merge has millions of candidate pairs.
  const { pairs, scores } = scoreCandidates(ctx, blocks, options.scorer);
  stats.candidatePairs = scores.length;
  lap('candidate pairs and scores');
  const { links: order, uncertain, duplicates } = classifyPairs(ctx, pairs, scores, params);
  lap('classify pairs');
  sortBestFirst(order, scores);
  const warnings = duplicates.map((k) => {
    const i = pairs[2 * k]!;
    const [x, y] = [entries[i]!.key, entries[pairs[2 * k + 1]!]!.key].sort(cmp);
    return `${x} and ${y} look like the same threat reported twice by ${entries[i]!.partner} (score ${fmt(scores[k]!)} bits); kept apart`;
  });

  const clusters = new Clusters(entries, ctx, { pairs, scores });
  warnings.push(...clusters.applyDecisions(decisions));
  lap('sort links, decisions');
  for (const k of order) clusters.tryMerge(pairs[2 * k]!, pairs[2 * k + 1]!, scores[k]!);
  lap('clusters');

  const { groups, links } = clusters.result();
  stats.largestGroup = groups.reduce((m, g) => Math.max(m, g.length), 0);
  const groupOf = new Int32Array(entries.length);
  groups.forEach((g, gi) => g.forEach((i) => (groupOf[i] = gi)));
  const review = options.review === false ? [] : uncertain
    .map((k) => ({ a: entries[pairs[2 * k]!]!, b: entries[pairs[2 * k + 1]!]! }))
    .filter(({ a, b }) => groupOf[a.index] !== groupOf[b.index])
    .map(({ a, b }) => toEvidence(a, b, pairEvidence(a, b, ctx), 'linked'))
    .sort(strongestFirst);
  lap('review');
  return { groups, links, refused: clusters.refused, explain: explainer(entries, ctx), evidenceContext: () => evidenceContextOf(ctx), review, warnings, stats };
}

/** Evidence strongest first, then by its entries' keys: the order of a threat's links and of the review. */
export function strongestFirst(x: Evidence, y: Evidence): number {
  return y.score - x.score || cmp(x.a, y.a) || cmp(x.b, y.b);
}

function evidenceContextOf(ctx: Context): EvidenceContext {
  return {
    params: ctx.params,
    compact: ctx.compact,
    layout: { slotOf: ctx.layout.slotOf },
    vocabulary: { names: ctx.vocabulary.names, words: ctx.vocabulary.words },
    spreadCategory: ctx.spreadCategory,
  };
}

/**
 * Pair numbers by what the score makes of them: links across partners, uncertain pairs for
 * review, and a partner's own clear duplicates. Links are the most (ten million at a million
 * entries), so they are counted first and kept in a typed array.
 */
function classifyPairs(ctx: Context, pairs: Int32Array, scores: Float64Array, params: ResolveParameters): { links: Int32Array; uncertain: number[]; duplicates: number[] } {
  const partnerOf = ctx.compact.partner;
  const slotOf = ctx.layout.slotOf;
  const samePartner = (k: number): boolean => partnerOf[slotOf[pairs[2 * k]!]!] === partnerOf[slotOf[pairs[2 * k + 1]!]!];
  const isLink = (k: number): boolean => scores[k]! >= params.linkThreshold && !samePartner(k);
  const uncertain: number[] = [];
  const duplicates: number[] = [];
  let count = 0;
  for (let k = 0; k < scores.length; k++) {
    if (isLink(k)) count++;
    else if (samePartner(k)) {
      // A partner's own duplicate is only worth a warning when the evidence is clear: a
      // borderline pair inside one file is usually two related threats the partner kept apart.
      if (scores[k]! >= params.linkThreshold + DUPLICATE_WARNING_MARGIN) duplicates.push(k);
    } else if (scores[k]! >= params.reviewThreshold) uncertain.push(k);
  }
  const links = new Int32Array(count);
  for (let k = 0, at = 0; at < count; k++) if (isLink(k)) links[at++] = k;
  return { links, uncertain, duplicates };
}

/**
 * Made outside resolveDeferred so that the closure holds only the entries and the context, not
 * the candidate pairs and scores (tens of megabytes) that a closure made there would keep alive.
 */
function explainer(entries: readonly NormEntry[], ctx: Context): (link: PendingLink) => Evidence {
  return (link) => explainLink(entries, ctx, link);
}

function explainLink(entries: readonly NormEntry[], ctx: Context, link: PendingLink): Evidence {
  return explainBetween(entries[link.i]!, entries[link.j]!, ctx, link);
}

/** A link's evidence, given its two entries (a is entry link.i, b entry link.j). */
export function explainBetween(a: EvidenceEntry, b: EvidenceEntry, ctx: EvidenceContext, link: PendingLink): Evidence {
  if (link.outcome === 'decided-same') return { a: a.key, b: b.key, score: link.score, parts: [], outcome: link.outcome, ...(link.reason !== undefined ? { reason: link.reason } : {}) };
  const ev = pairEvidence(a, b, ctx);
  if (ev.score !== link.score) throw new Error(`internal: explained score ${ev.score} differs from ${link.score}`);
  return toEvidence(a, b, ev, link.outcome, link.reason);
}


/** From here on blocking, scores and explanations read the compact arrays (see dropCountedLists). */
function releaseCountedLists(entries: readonly NormEntry[]): void {
  for (const e of entries) dropCountedLists(e);
}

/** Blocking is the last to read the identity names (whether an entry has any). */
function releaseIdentityNames(entries: readonly NormEntry[]): void {
  for (const e of entries) e.identityNames = NO_STRINGS;
}

/** Bits above the link threshold a pair within one partner's file needs to be reported as a duplicate. */
const DUPLICATE_WARNING_MARGIN = 5;
export interface PairScore { score: number; parts: EvidencePart[] }

// ---------------------------------------------------------------------------------------------
// Context: how common each value is

/** `lists`: the entries' lists numbered as they were normalised (see context-lists.ts); else they are numbered here. */
export function buildContext(entries: readonly NormEntry[], params: ResolveParameters, lap: (phase: string) => void = () => {}, lists?: ContextLists): Context {
  // Words, names and identifiers are numbered once, and every count and weight after that is
  // taken over ids: looking each of millions of tokens up in string maps, several times over,
  // was most of this phase.
  const numbered = (lists ?? ContextLists.of(entries)).finish();
  const text = wordIndexOf(numbered);
  const title = weighWords(text.title, text.titleEntries, entries.length);
  lap('context: title idf');
  const summary = weighWords(text.summary, text.summaryEntries, entries.length);
  lap('context: summary idf');
  const partnerSize = new Map<string, number>();
  for (const e of entries) bump(partnerSize, e.partner);
  // Names, identifiers and categories are counted per partner over the ids.
  const values = valueIdsOf(numbered);
  const spreads = {
    name: spreadOfIds(entries, values.names, values.nameStrings.length),
    identity: spreadOfIds(entries, values.identity, values.nameStrings.length),
    cve: spreadOfIds(entries, values.cves, values.cveStrings.length),
    indicator: spreadOfIds(entries, values.indicators, values.indicatorStrings.length),
    category: spreadOfIds(entries, values.category, values.categoryStrings.length),
  };
  const spreadIdentity = spreadMap(values.nameStrings, spreads.identity);
  const spreadCategory = spreadMap(values.categoryStrings, spreads.category);
  lap('context: spreads');
  const distinctiveIds = distinctiveWords(entries, text, params.distinctiveMinEntries);
  lap('context: distinctive words');

  const { compact, vocabulary } = buildCompact({ entries, params, partnerSize, spreadIdentity }, text, title, summary, distinctiveIds, values, spreads);
  lap('context: compact');
  // The merge itself reads the ids and arrays; these maps by string serve explanations' wording
  // elsewhere and tests, so they are built on first use (with millions of indicators, not free).
  const built: Partial<Record<'name' | 'cve' | 'indicator' | 'idf' | 'summaryIdf', Map<string, number>>> = {};
  let builtDistinctive: string[][] | undefined;
  return {
    entries,
    params,
    spreadIdentity,
    spreadCategory,
    partnerSize,
    compact,
    layout: entryOrderLayout(entries.length),
    vocabulary,
    wordIdf: { title: title.idf, summary: summary.idf },
    get distinctive() {
      const { slotOf } = this.layout;
      return (builtDistinctive ??= entries.map((_, i) => Array.from(distinctiveIds.ids.subarray(distinctiveIds.start[slotOf[i]!]!, distinctiveIds.start[slotOf[i]! + 1]!), (w) => text.words[w]!)));
    },
    get spreadName() {
      return (built.name ??= spreadMap(values.nameStrings, spreads.name));
    },
    get spreadCve() {
      return (built.cve ??= spreadMap(values.cveStrings, spreads.cve));
    },
    get spreadIndicator() {
      return (built.indicator ??= spreadMap(values.indicatorStrings, spreads.indicator));
    },
    get idf() {
      return (built.idf ??= idfMap(text.words, text.titleEntries, title.idf));
    },
    get summaryIdf() {
      return (built.summaryIdf ??= idfMap(text.words, text.summaryEntries, summary.idf));
    },
  };
}

/** Every title and summary word of every entry as an id (code-unit order), and how many entries use each. */
interface WordIndex {
  words: string[];
  title: IdLists;
  summary: IdLists;
  /** Per word id: how many titles (summaries) have it. */
  titleEntries: Int32Array;
  summaryEntries: Int32Array;
}

/** The word lists with, per word, how many titles (summaries) have it. */
function wordIndexOf(lists: NumberedLists): WordIndex {
  const entriesWith = (l: IdLists) => {
    const count = new Int32Array(lists.words.length);
    for (let k = 0; k < l.ids.length; k++) count[l.ids[k]!]!++;
    return count;
  };
  return { words: lists.words, title: lists.title, summary: lists.summary, titleEntries: entriesWith(lists.title), summaryEntries: entriesWith(lists.summary) };
}

/** Word weights (IDF) per word id, squared per token, and each entry's norm. */
function weighWords(l: IdLists, entriesWith: Int32Array, entries: number): { idf: Float64Array; w: Float64Array; norm: Float64Array } {
  const n = Math.max(entries, 1);
  const idf = new Float64Array(entriesWith.length);
  for (let w = 0; w < idf.length; w++) if (entriesWith[w]! > 0) idf[w] = Math.log((n + 1) / entriesWith[w]!);
  const w = sharedFloat64(l.ids.length);
  for (let k = 0; k < l.ids.length; k++) w[k] = idf[l.ids[k]!]! ** 2;
  const norm = sharedFloat64(entries);
  for (let i = 0; i < entries; i++) {
    let sum = 0;
    for (let k = l.start[i]!; k < l.start[i + 1]!; k++) sum += w[k]!;
    norm[i] = Math.sqrt(sum);
  }
  return { idf, w, norm };
}

/** The IDF of the words some entry uses, by word. */
function idfMap(words: readonly string[], entriesWith: Int32Array, idf: Float64Array): Map<string, number> {
  const out = new Map<string, number>();
  for (let w = 0; w < words.length; w++) if (entriesWith[w]! > 0) out.set(words[w]!, idf[w]!);
  return out;
}

/** Names, identifiers and categories of every entry as ids (code-unit order of the strings). */
type ValueIds = Omit<NumberedLists, 'words' | 'title' | 'summary'> & {
  /** identity, actor and malware names together, each once, with the role each has for the entry. */
  names: IdLists;
  roles: Uint8Array;
};

function valueIdsOf(lists: NumberedLists): ValueIds {
  return { ...lists, ...allNameIds(lists.identity, lists.actors, lists.malware) };
}

/**
 * Per entry, the ascending union of its identity, actor and malware name ids, and the role of
 * each: identity over actor over malware. A merge of three sorted lists, where
 * a Set, a sort and a Map of roles per entry cost most of building the compact data.
 */
function allNameIds(identity: IdLists, actors: IdLists, malware: IdLists): { names: IdLists; roles: Uint8Array } {
  const n = identity.start.length - 1;
  const union = new Int32Array(identity.ids.length + actors.ids.length + malware.ids.length);
  const unionRoles = new Uint8Array(union.length);
  const start = sharedInt32(n + 1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    start[i] = at;
    let x = identity.start[i]!;
    let y = actors.start[i]!;
    let z = malware.start[i]!;
    const xe = identity.start[i + 1]!;
    const ye = actors.start[i + 1]!;
    const ze = malware.start[i + 1]!;
    while (x < xe || y < ye || z < ze) {
      const u = x < xe ? identity.ids[x]! : Infinity;
      const v = y < ye ? actors.ids[y]! : Infinity;
      const w = z < ze ? malware.ids[z]! : Infinity;
      const least = Math.min(u, v, w);
      union[at] = least;
      unionRoles[at++] = u === least ? ROLE_IDENTITY : v === least ? ROLE_ACTOR : ROLE_MALWARE;
      if (u === least) x++;
      if (v === least) y++;
      if (w === least) z++;
    }
  }
  start[n] = at;
  const ids = sharedInt32(at);
  ids.set(union.subarray(0, at));
  const roles = sharedUint8(at);
  roles.set(unionRoles.subarray(0, at));
  return { names: { ids, start }, roles };
}

/** Per value id: the most entries of one partner with it. */
interface Spreads {
  name: Int32Array;
  identity: Int32Array;
  cve: Int32Array;
  indicator: Int32Array;
  category: Int32Array;
}

/**
 * A spread by id as a map by string (the context keeps those for explanations and tests). A value
 * no entry has in this list (a name only ever an actor, for the identity spread) is left out.
 */
function spreadMap(strings: readonly string[], spread: Int32Array): Map<string, number> {
  const out = new Map<string, number>();
  for (let v = 0; v < strings.length; v++) if (spread[v]! > 0) out.set(strings[v]!, spread[v]!);
  return out;
}

/** The context's per-entry lists and per-value weights as ids and typed arrays (see compact.ts). */
function buildCompact(
  ctx: Pick<Context, 'entries' | 'params' | 'partnerSize' | 'spreadIdentity'>,
  text: WordIndex,
  title: { w: Float64Array; norm: Float64Array },
  summary: { w: Float64Array; norm: Float64Array },
  distinctive: IdLists,
  values: ValueIds,
  spreads: Spreads,
): { compact: Compact; vocabulary: Context['vocabulary'] } {
  const { entries, params: p } = ctx;
  const n = entries.length;
  const partners = new Vocabulary(ctx.partnerSize.keys());
  const perEntry = <T>(f: (e: NormEntry) => T) => entries.map(f);
  // A spread of 0 (a name never an identity) weighs as one, as the missing key of a map did.
  const valueBits = (spread: Int32Array, weight: number) => sharedFloat64From(spread, (s) => rarity(s > 0 ? s : undefined, weight));
  const vocabulary = { words: text.words, names: values.nameStrings, cves: values.cveStrings, indicators: values.indicatorStrings, categories: values.categoryStrings };
  const compact: Compact = {
    n,
    partner: sharedInt32From(perEntry((e) => partners.id(e.partner))),
    partnerSize: sharedFloat64From(entries, (e) => ctx.partnerSize.get(e.partner)!),
    category: sharedInt32From(values.category.ids),
    categoryRarity: sharedFloat64From(spreads.category, (spread) => Math.max(0, 1 - 0.5 * Math.log2(spread))),
    strongCount: sharedInt32From(perEntry((e) => e.strongIdentity.length)),
    // From the numbered lists, not the entries': an entry the helper thread normalised has no list of its names as written.
    nameCount: listLengths(n, values.identity, values.actors, values.malware),
    rawNameCount: listLengths(n, values.rawNames),
    names: values.names,
    roles: values.roles,
    actors: values.actors,
    malware: values.malware,
    identityBits: valueBits(spreads.identity, p.nameMatch),
    nameBits: valueBits(spreads.name, p.nameMatch),
    title: text.title,
    titleW: title.w,
    titleNorm: title.norm,
    summary: text.summary,
    summaryW: summary.w,
    summaryNorm: summary.norm,
    distinctive,
    cves: values.cves,
    cveBits: valueBits(spreads.cve, p.cveMatch),
    indicators: values.indicators,
    indicatorBits: valueBits(spreads.indicator, p.indicatorMatch),
    techniques: values.techniques,
    sectors: values.sectors,
    regions: values.regions,
    rawNames: values.rawNames,
    raw: rawNamesOf(values.rawNameStrings, (x) => rarity(ctx.spreadIdentity.get(x), p.nameMatch)),
  };
  return { compact, vocabulary };
}

/** Per entry, the sum of the lengths of its lists. */
function listLengths(n: number, ...lists: IdLists[]): Int32Array {
  const out = sharedInt32(n);
  for (const l of lists) for (let i = 0; i < n; i++) out[i]! += lengthOf(l, i);
  return out;
}

/** The pair's score on the hot path (compact.ts). */
export function quickScore(ctx: Context, i: number, j: number): number {
  const slotOf = ctx.layout.slotOf;
  return compactScore(ctx.compact, ctx.params, slotOf[i]!, slotOf[j]!);
}

/**
 * Moves the compact arrays and the blocks into an order where the entries that share blocks sit
 * together (localityLayout), for the scoring of candidate pairs and everything after it.
 */
function inLocalityLayout(ctx: Context, blocks: BlockIndex): void {
  const layout = localityLayout(blocks, ctx.entries.length);
  moveToLayout(ctx.compact, blocks, layout, ctx.wordIdf);
  ctx.layout = layout;
}

/**
 * Per entry, the ids of its distinctive title words: used by at least `minEntries` entries, and
 * by no partner for more than one.
 */
function distinctiveWords(entries: readonly NormEntry[], text: WordIndex, minEntries: number): IdLists {
  const spread = spreadOfIds(entries, text.title, text.words.length);
  const l = text.title;
  const keep = (w: number) => text.titleEntries[w]! >= minEntries && spread[w] === 1;
  const start = sharedInt32(entries.length + 1);
  let total = 0;
  for (let i = 0; i < entries.length; i++) {
    start[i] = total;
    for (let k = l.start[i]!; k < l.start[i + 1]!; k++) if (keep(l.ids[k]!)) total++;
  }
  start[entries.length] = total;
  const ids = sharedInt32(total);
  let at = 0;
  for (let k = 0; k < l.ids.length; k++) if (keep(l.ids[k]!)) ids[at++] = l.ids[k]!;
  return { ids, start };
}

/**
 * Per value id, the most entries any single partner has with it. Entries come ordered by
 * partner, so each partner's entries are counted as one run.
 */
function spreadOfIds(entries: readonly NormEntry[], l: IdLists, values: number): Int32Array {
  const spread = new Int32Array(values);
  const local = new Int32Array(values);
  const used: number[] = [];
  let start = 0;
  while (start < entries.length) {
    let end = start;
    for (; end < entries.length && entries[end]!.partner === entries[start]!.partner; end++) {
      for (let k = l.start[end]!; k < l.start[end + 1]!; k++) if (local[l.ids[k]!]!++ === 0) used.push(l.ids[k]!);
    }
    for (const w of used) {
      if (local[w]! > spread[w]!) spread[w] = local[w]!;
      local[w] = 0;
    }
    used.length = 0;
    start = end;
  }
  return spread;
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
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

/**
 * The numeric keys of entry i, passed to `key` in order (a key may come twice). The deletion
 * variants of its names come from `nameVariants`, once per distinct name.
 */
function blockingKeys(ctx: Context, i: number, summaryIdf: Float64Array, wordPairs: WordPairs, key: (k: number) => void): void {
  const c = ctx.compact;
  const categories = ctx.vocabulary.categories.length;
  for (let x = c.names.start[i]!; x < c.names.start[i + 1]!; x++) key(KEY_NAME * KIND + c.names.ids[x]!);
  for (let x = c.cves.start[i]!; x < c.cves.start[i + 1]!; x++) key(KEY_CVE * KIND + c.cves.ids[x]!);
  for (let x = c.indicators.start[i]!; x < c.indicators.start[i + 1]!; x++) key(KEY_INDICATOR * KIND + c.indicators.ids[x]!);
  // For an entry with a strong name, words can only count against a pair that shares no name
  // (see pairEvidence), so word keys would bring only pairs that cannot link.
  if (c.strongCount[i]! > 0) return;
  const category = c.category[i]!;
  const t0 = c.title.start[i]!;
  const tokens = c.title.start[i + 1]! - t0;
  for (let x = 0; x < tokens; x++) key(KEY_WORD * KIND + c.title.ids[t0 + x]!);
  // The category is evidence of its own only between unnamed entries.
  if (c.nameCount[i] === 0) key(KEY_CATEGORY * KIND + category);
  for (let a = 0; a < tokens && a < 8; a++) {
    for (let b = a + 1; b < tokens && b < 8; b++) key(KEY_WORD_PAIR * KIND + wordPairs.value(c.title.ids[t0 + a]!, c.title.ids[t0 + b]!, category));
  }
  // Unnamed schemes are often worded apart in their titles but share telling words in their
  // summaries: the rarest few summary words, within the category, are keys too.
  if (ctx.entries[i]!.identityNames.length === 0) {
    for (const w of rarestWords(c.summary, i, summaryIdf, SUMMARY_KEYS)) key(KEY_SUMMARY_WORD * KIND + w * categories + category);
  }
}

/**
 * Look-alike and one-edit variants of the names as written: two names one edit apart share a
 * deletion variant (the variants include the skeleton itself). Per raw name id, the ids of its
 * variants, worked out once per distinct name; `text` spells a variant (for the statistics).
 *
 * A variant is a name's skeleton less the letter at one place (or none), and is never made as a
 * string: it is hashed in place and numbered in a table of its own, compared letter by letter
 * with the variant already there. At 1M entries a string per variant and a Map over them (one per
 * letter of each name) took 4.3 s of the main thread, 28 times the 100k figure (1.3 s now).
 */
export function nameVariants(skeletons: readonly string[]): { count: number; of: IdLists; text: (v: number) => string } {
  const n = skeletons.length;
  const longEnough = (sk: string) => sk.length >= 5;
  let total = 0;
  for (const sk of skeletons) total += 1 + (longEnough(sk) ? sk.length : 0);
  // Per variant id: its name, the place of the letter left out (-1: none), and its hash.
  const nameOf = new Int32Array(total);
  const leftOut = new Int32Array(total);
  const hashOf = new Int32Array(total);
  let size = 1;
  while (size < total + (total >> 1)) size <<= 1;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  let count = 0;
  // Per variant id, the last name it was listed for: a name's variants are listed once each.
  const lastName = new Int32Array(total).fill(-1);
  const start = new Int32Array(n + 1);
  const ids = new Int32Array(total);
  let listed = 0;
  const same = (v: number, sk: string, at: number): boolean => {
    const other = skeletons[nameOf[v]!]!;
    const otherAt = leftOut[v]!;
    const length = sk.length - (at < 0 ? 0 : 1);
    if (other.length - (otherAt < 0 ? 0 : 1) !== length) return false;
    for (let k = 0; k < length; k++) {
      const mine = sk.charCodeAt(at < 0 || k < at ? k : k + 1);
      const theirs = other.charCodeAt(otherAt < 0 || k < otherAt ? k : k + 1);
      if (mine !== theirs) return false;
    }
    return true;
  };
  for (let r = 0; r < n; r++) {
    const sk = skeletons[r]!;
    const places = longEnough(sk) ? sk.length : 0;
    // at = -1 is the skeleton itself; then every one-deletion variant, in order of the deleted letter.
    for (let at = -1; at < places; at++) {
      let hash = FNV_OFFSET;
      for (let k = 0; k < sk.length; k++) if (k !== at) hash = Math.imul(hash ^ sk.charCodeAt(k), FNV_PRIME);
      let slot = hash & mask;
      let v = table[slot]!;
      while (v >= 0 && !(hashOf[v] === hash && same(v, sk, at))) {
        slot = (slot + 1) & mask;
        v = table[slot]!;
      }
      if (v < 0) {
        v = count++;
        nameOf[v] = r;
        leftOut[v] = at;
        hashOf[v] = hash;
        table[slot] = v;
      }
      if (lastName[v] === r) continue;
      lastName[v] = r;
      ids[listed++] = v;
    }
    start[r + 1] = listed;
  }
  const text = (v: number) => {
    const sk = skeletons[nameOf[v]!]!;
    const at = leftOut[v]!;
    return at < 0 ? sk : sk.slice(0, at) + sk.slice(at + 1);
  };
  return { count, of: { ids: ids.subarray(0, listed), start }, text };
}

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
/** How large blocking's arrays start, per entry; more blocks or keys only cost growing them. */
export interface BlockSizing {
  blocksPerEntry: number;
  keysPerEntry: number;
}
/** What the generated corpora have: 4.5–5.0 blocks and ~22 keys an entry. */
export const EXPECTED_BLOCK_SIZING: BlockSizing = { blocksPerEntry: 5, keysPerEntry: 24 };
const USELESS = -1;
const DROPPED = -2;

export interface Blocks {
  blocks: BlockIndex;
  stats: ResolveStats;
}

/** Blocking: each entry's keys, the blocks they make, and which blocks are usable (not too common). */
export function blockIndex(ctx: Context, sizing: BlockSizing = EXPECTED_BLOCK_SIZING): Blocks {
  const { entries, params } = ctx;
  const n = entries.length;
  const c = ctx.compact;
  // Each key gets a block id. Entries' block ids go into one flat list (entry i's from
  // keyStart[i]); block sizes are counted as they come, and the members are filled in afterwards,
  // so no small array is kept per block.
  // The arrays are sized from the start for the keys a corpus usually has (`sizing`) and reused
  // once their first use is over: in Node 20 every ~64 MB of new array buffers starts a full
  // collection, and at 1M entries the collections of a heap of 1.5 GB, started by arrays growing
  // by doubling, cost 40 % of this phase.
  const expectedBlocks = Math.ceil(sizing.blocksPerEntry * n) + 1024;
  const numbered = new KeyIds(expectedBlocks);
  const variants = nameVariants(c.raw.skeletons);
  const variantBlock = new Int32Array(variants.count).fill(-1);
  const keyStart = new Int32Array(n + 1);
  let entryKeys: Int32Array = new Int32Array(Math.max(16, Math.ceil(sizing.keysPerEntry * n)));
  let sizes: Int32Array = new Int32Array(expectedBlocks);
  // The last entry that had the block: an entry's repeated keys count once.
  let lastEntry: Int32Array = new Int32Array(expectedBlocks).fill(-1);
  let blockCount = 0;
  const summaryIdf = ctx.wordIdf.summary;
  const wordPairs = new WordPairs(ctx.vocabulary.words.length, ctx.vocabulary.categories.length);
  let at = 0;
  let i = 0;
  const newBlock = (): number => {
    const b = blockCount++;
    if (b === sizes.length) {
      sizes = grown(sizes, b + 1);
      lastEntry = grown(lastEntry, b + 1).fill(-1, b);
    }
    return b;
  };
  const add = (b: number) => {
    if (lastEntry[b] === i) return;
    lastEntry[b] = i;
    if (at === entryKeys.length) entryKeys = grown(entryKeys, at + 1);
    entryKeys[at++] = b;
    sizes[b]!++;
  };
  const addKey = (key: number) => {
    let b = numbered.get(key);
    if (b < 0) {
      b = newBlock();
      numbered.set(key, b);
    }
    add(b);
  };
  for (; i < n; i++) {
    keyStart[i] = at;
    blockingKeys(ctx, i, summaryIdf, wordPairs, addKey);
    for (let x = c.rawNames.start[i]!; x < c.rawNames.start[i + 1]!; x++) {
      const r = c.rawNames.ids[x]!;
      for (let y = variants.of.start[r]!; y < variants.of.start[r + 1]!; y++) {
        const v = variants.of.ids[y]!;
        if (variantBlock[v]! < 0) variantBlock[v] = newBlock();
        add(variantBlock[v]!);
      }
    }
  }
  keyStart[n] = at;
  // Members of every block, ascending (entries are visited in order); `sizes` becomes each
  // block's next free place.
  const memberStart = new Int32Array(blockCount + 1);
  for (let b = 0; b < blockCount; b++) memberStart[b + 1] = memberStart[b]! + sizes[b]!;
  const memberIds = new Int32Array(at);
  const fill = sizes;
  fill.set(memberStart.subarray(0, blockCount));
  for (let i = 0; i < n; i++) for (let x = keyStart[i]!; x < keyStart[i + 1]!; x++) memberIds[fill[entryKeys[x]!]!++] = i;

  const limit = Math.max(params.maxBlockSize, 4 * ctx.partnerSize.size);
  // Usable blocks are renumbered 0, 1, …; USELESS marks blocks of one entry, DROPPED those too
  // common. `lastEntry` has done its work and holds the numbers.
  const usableId = lastEntry;
  let usable = 0;
  let usableMembers = 0;
  let dropped = 0;
  let largest = 0;
  const partnerOf = ctx.compact.partner;
  for (let b = 0; b < blockCount; b++) {
    const from = memberStart[b]!;
    const to = memberStart[b + 1]!;
    usableId[b] = USELESS;
    if (to - from < 2) continue;
    // A key of one threat is carried by at most one entry per partner (two, allowing for a tool
    // named in another entry); a key many entries of one partner carry is too common to block on.
    if (to - from > limit || maxPerPartner(memberIds, from, to, partnerOf) > params.maxKeyPerPartner) {
      dropped++;
      usableId[b] = DROPPED;
      continue;
    }
    usableId[b] = usable++;
    usableMembers += to - from;
    largest = Math.max(largest, to - from);
  }
  // The keys of the dropped blocks, for the statistics (block ids are kept only as the key table's values).
  const droppedExamples: [string, number][] = [];
  const sizeOf = (b: number) => memberStart[b + 1]! - memberStart[b]!;
  numbered.forEach((key, b) => {
    if (usableId[b] === DROPPED) droppedExamples.push([describeKey(ctx, wordPairs, key), sizeOf(b)]);
  });
  variantBlock.forEach((b, v) => {
    if (b >= 0 && usableId[b] === DROPPED) droppedExamples.push([`d:${variants.text(v)}`, sizeOf(b)]);
  });
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

/**
 * Block ids by numeric key: open addressing over typed arrays. Keys are integers from 2^50 up,
 * which a Map holds as heap numbers; looked up millions of times, the Map was most of the blocking time.
 */
class KeyIds {
  private keys: Float64Array;
  private ids: Int32Array;
  private count = 0;

  /** Room for `expected` keys without growing. */
  constructor(expected: number) {
    let slots = 1 << 10;
    while (slots < 2 * expected) slots *= 2;
    this.keys = new Float64Array(slots).fill(-1);
    this.ids = new Int32Array(slots);
  }

  forEach(visit: (key: number, id: number) => void): void {
    for (let s = 0; s < this.keys.length; s++) if (this.keys[s] !== -1) visit(this.keys[s]!, this.ids[s]!);
  }

  /** The id of a key, -1 when it has none. */
  get(key: number): number {
    const slot = this.slot(key);
    return this.keys[slot] === key ? this.ids[slot]! : -1;
  }

  /** Gives a key (that has none yet) its id. */
  set(key: number, id: number): void {
    if (2 * (this.count + 1) > this.keys.length) this.grow();
    const slot = this.slot(key);
    this.keys[slot] = key;
    this.ids[slot] = id;
    this.count++;
  }

  /** The slot that holds the key, or the empty one where it would go. */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    // Mix the low and high 32 bits: the values of one kind differ in the low bits, kinds in the high ones.
    let h = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x27d4eb2d), 0x9e3779b1);
    h ^= h >>> 15;
    let slot = h & mask;
    while (this.keys[slot] !== key && this.keys[slot] !== -1) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Float64Array(2 * keys.length).fill(-1);
    this.ids = new Int32Array(2 * keys.length);
    for (let s = 0; s < keys.length; s++) {
      if (keys[s] === -1) continue;
      const slot = this.slot(keys[s]!);
      this.keys[slot] = keys[s]!;
      this.ids[slot] = ids[s]!;
    }
  }
}

function grown(a: Int32Array, atLeast: number): Int32Array {
  const out = new Int32Array(Math.max(atLeast, 2 * a.length));
  out.set(a);
  return out;
}

/**
 * The candidate pairs to score, in chunks of entries that two threads take in turn from a shared
 * counter, with everything the scoring reads (all on shared memory, so a worker sees it as is).
 */
export interface ScoreJob {
  compact: Compact;
  blocks: BlockIndex;
  params: ResolveParameters;
  /** Chunk k is places [bounds[k], bounds[k + 1]) in the compact arrays' layout. */
  bounds: Int32Array;
  /** next[0] is the next chunk not yet taken; each thread takes one with Atomics.add. */
  next: Int32Array;
  /** The entry at each place (Layout.entryAt); scored pairs come out as entries. */
  entryAt: Int32Array;
}

export interface ScoredPairs {
  pairs: Int32Array;
  scores: Float64Array;
}

/** The pairs of one chunk of a ScoreJob. */
export interface ScoredChunk extends ScoredPairs {
  chunk: number;
}

/**
 * Scores chunks on another thread. `start` returns at once with a function that waits for the
 * chunks that thread took; the caller takes chunks too meanwhile, and scores itself any chunk
 * that the other thread took but did not deliver.
 */
export interface ParallelScorer {
  /** Below this many entries, a second thread costs more than it saves. */
  minEntries: number;
  start(job: ScoreJob): () => ScoredChunk[];
}

/**
 * Chunks per job: enough that whichever thread finishes first waits at most about one chunk for
 * the other (the worker starts later and runs colder code, so a fixed split was off by a third).
 */
const SCORE_CHUNKS = 64;

/**
 * Every candidate pair (of entries) and its score, in (i, j) order; chunks of them on the helper
 * thread when there is one. `blocks` are in the layout of the compact arrays (ctx.layout).
 */
export function scoreCandidates(ctx: Context, blocks: BlockIndex, helper?: ParallelScorer): ScoredPairs {
  const n = ctx.entries.length;
  const entryAt = ctx.layout.entryAt;
  if (!helper || n < helper.minEntries || n < 2) return inPairOrder([scoreRange(ctx.compact, blocks, ctx.params, 0, n, undefined, entryAt)], n);
  const job: ScoreJob = { compact: ctx.compact, blocks, params: ctx.params, bounds: workChunks(blocks, n, SCORE_CHUNKS), next: new Int32Array(new SharedArrayBuffer(4)), entryAt };
  const theirs = helper.start(job);
  const chunks = new Array<ScoredPairs | undefined>(SCORE_CHUNKS).fill(undefined);
  for (const c of takeChunks(job)) chunks[c.chunk] = c;
  for (const c of theirs()) chunks[c.chunk] = c;
  return inPairOrder(chunks.map((c, k) => c ?? scoreRange(job.compact, job.blocks, job.params, job.bounds[k]!, job.bounds[k + 1]!, undefined, entryAt)), n);
}

/** Takes chunks of the job until none is left, and scores them. */
export function takeChunks(job: ScoreJob): ScoredChunk[] {
  const mine: ScoredChunk[] = [];
  const count = job.bounds.length - 1;
  // One marker array for all this thread's chunks (a million entries: 4 MB each time otherwise).
  let stamp: Int32Array | undefined;
  for (let k = Atomics.add(job.next, 0, 1); k < count; k = Atomics.add(job.next, 0, 1)) {
    stamp ??= new Int32Array(job.compact.n).fill(-1);
    mine.push({ chunk: k, ...scoreRange(job.compact, job.blocks, job.params, job.bounds[k]!, job.bounds[k + 1]!, stamp, job.entryAt) });
  }
  return mine;
}

/** The score of candidate pair (i, j), i < j, found among i's pairs (adjacent, in j order); undefined when it is none. */
export function scoreOfPair(scored: ScoredPairs, from: Int32Array, i: number, j: number): number | undefined {
  const { pairs, scores } = scored;
  let lo = from[i]!;
  let hi = from[i + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = pairs[2 * mid + 1]!;
    if (at === j) return scores[mid]!;
    if (at < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Where each entry's pairs start among pairs in (i, j) order: entry i's are from[i] … from[i + 1] - 1. */
export function pairStarts(pairs: Int32Array, n: number): Int32Array {
  const from = new Int32Array(n + 1);
  for (let k = 0; k < pairs.length; k += 2) from[pairs[k]! + 1]!++;
  for (let i = 0; i < n; i++) from[i + 1]! += from[i]!;
  return from;
}

/**
 * The pairs of entries that the parts hold (each pair once, the lower entry first), in (i, j)
 * order: the order the links are numbered and their ties broken in, whatever the layout they were
 * scored in. A counting sort by i, then each i's few pairs by j. (Two passes, by i's high bits
 * first to keep the writes in cache, took as long on 13 M random pairs: 0.48–0.59 s, this 0.56–1.10 s.)
 */
function inPairOrder(parts: readonly ScoredPairs[], n: number): ScoredPairs {
  const count = parts.reduce((m, p) => m + p.scores.length, 0);
  const start = new Int32Array(n + 1);
  for (const p of parts) for (let k = 0; k < p.scores.length; k++) start[p.pairs[2 * k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const next = start.slice(0, n);
  const pairs = new Int32Array(2 * count);
  const scores = new Float64Array(count);
  for (const p of parts) {
    for (let k = 0; k < p.scores.length; k++) {
      const i = p.pairs[2 * k]!;
      const at = next[i]!++;
      pairs[2 * at] = i;
      pairs[2 * at + 1] = p.pairs[2 * k + 1]!;
      scores[at] = p.scores[k]!;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let x = start[i]! + 1; x < start[i + 1]!; x++) {
      const j = pairs[2 * x + 1]!;
      const score = scores[x]!;
      let y = x - 1;
      for (; y >= start[i]! && pairs[2 * y + 1]! > j; y--) {
        pairs[2 * y + 3] = pairs[2 * y + 1]!;
        scores[y + 1] = scores[y]!;
      }
      pairs[2 * y + 3] = j;
      scores[y + 1] = score;
    }
  }
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



// ---------------------------------------------------------------------------------------------
// Evidence

/**
 * The evidence for and against a pair, in bits, part by part with its wording, for the pairs that
 * are reported. Every number comes from the compact data, computed as `compactScore` computes it
 * (the same values, in the same order), so the score is the same; the strings are only looked up
 * to word the parts. A test checks parts and wording against the former string-based evidence.
 */
export function pairEvidence(a: EvidenceEntry, b: EvidenceEntry, ctx: EvidenceContext, explain = true): PairScore {
  const p = ctx.params;
  const c = ctx.compact;
  const i = ctx.layout.slotOf[a.index]!;
  const j = ctx.layout.slotOf[b.index]!;
  const parts: EvidencePart[] = [];
  let score = p.prior;
  if (explain) parts.push({ feature: 'prior', bits: p.prior, detail: 'prior odds that two entries from different partners are one threat' });
  const add = (feature: string, bits: number, detail: () => string) => {
    if (bits === 0) return;
    const rounded = round2(bits);
    score += rounded;
    if (explain) parts.push({ feature, bits: rounded, detail: detail() });
  };

  const nameBits = nameEvidence(a, b, i, j, ctx, add);

  // Shared identifiers: each counts less the more entries of one partner share it.
  const cve = sharedSum(c.cves, i, j, c.cveBits);
  if (cve >= 0) add('cves', Math.min(cve, p.cveCap), () => `shared ${intersect(a.cves, b.cves).join(', ')}`);
  const ioc = sharedSum(c.indicators, i, j, c.indicatorBits);
  if (ioc >= 0) {
    add('indicators', Math.min(ioc, p.indicatorCap), () => {
      const shared = intersect(a.indicators, b.indicators);
      return `shared ${shared.slice(0, 3).join(', ')}${shared.length > 3 ? ', …' : ''}`;
    });
  }

  // Titles of one named threat are often worded apart ("APT29 / Midnight Blizzard" ~ "Cozy Bear
  // intrusions"): once the names agree, unlike titles are no evidence against. Words are evidence
  // of their own only for unnamed threats: between named entries whose names differ, what is
  // left of the titles is generic ("… ransomware") and may only count against.
  const named = a.strongIdentity.length > 0 || b.strongIdentity.length > 0;
  // Unnamed schemes told apart by a word that works like a name ("Fake Blaerpio Savings
  // advisers" vs "Fake Krisjek Savings advisers"): each has one the other never mentions
  // anywhere (title or summary).
  if (!named && nameBits === 0 && hasUnmentioned(c, i, j) && hasUnmentioned(c, j, i)) {
    add('words', p.wordConflict, () => `different distinctive words: ${unmentioned(a, b, ctx).join('/')} vs ${unmentioned(b, a, ctx).join('/')}`);
  }
  const clip = (bits: number) => (nameBits > 0 ? Math.max(0, bits) : named ? Math.min(0, bits) : bits);
  const sim = similarity(c.title, c.titleW, c.titleNorm, i, j);
  const title = clip(p.titleScale * sim + p.titleOffset);
  const titleDetail = () => `title similarity ${sim.toFixed(2)} ("${short(a.title)}" ~ "${short(b.title)}")`;
  if (title > 0 && titlesOnlyAgainst(c, i, j, nameBits)) {
    // Worth nothing, but said: an analyst reviewing the pair sees why alike titles did not count.
    if (explain) parts.push({ feature: 'title', bits: 0, detail: `${titleDetail()}, not counted: the titles name different threats (${rawNames(c, i).join('/')} vs ${rawNames(c, j).join('/')})` });
  } else add('title', title, titleDetail);
  if (lengthOf(c.summary, i) > 0 && lengthOf(c.summary, j) > 0) {
    const summary = similarity(c.summary, c.summaryW, c.summaryNorm, i, j);
    add('summary', clip(p.summaryScale * summary + p.summaryOffset), () => `summary similarity ${summary.toFixed(2)}`);
  }

  if (c.category[i] === c.category[j]) {
    // For unnamed schemes, a category that each partner uses for one entry only (child sexual
    // exploitation, say) is nearly an identifier; one that partners use for many entries says
    // little, and so does any category when a partner reports only a handful of threats.
    const unnamed = c.nameCount[i] === 0 && c.nameCount[j] === 0;
    const sample = Math.min(1, Math.min(c.partnerSize[i]!, c.partnerSize[j]!) / 10);
    const rare = unnamed ? p.categoryRare * sample * c.categoryRarity[c.category[i]!]! : 0;
    add('category', p.categoryMatch + rare, () => {
      const spread = ctx.spreadCategory.get(a.category) ?? 1;
      return `both ${a.category}${rare > 0 ? ` (at most ${spread} such entr${spread === 1 ? 'y' : 'ies'} per partner)` : ''}`;
    });
  } else {
    add('category', p.categoryMismatch, () => `${a.category} vs ${b.category}`);
  }

  const tech = jaccard(c.techniques, i, j);
  if (tech > 0) add('techniques', p.techniques * tech, () => `ATT&CK overlap ${tech.toFixed(2)}`);
  const sec = jaccard(c.sectors, i, j);
  if (sec > 0) add('sectors', p.sectors * sec, () => `sector overlap ${sec.toFixed(2)}`);
  const reg = jaccard(c.regions, i, j);
  if (reg > 0) add('regions', p.regions * reg, () => `region overlap ${reg.toFixed(2)}`);

  return { score: round2(score), parts };
}

type Add = (feature: string, bits: number, detail: () => string) => void;

const ROLE_WORDS = ['identity', 'actor', 'malware'];

/** Names: the best shared name, else a near-identical one, else disagreement. Returns the bits added. */
function nameEvidence(a: EvidenceEntry, b: EvidenceEntry, i: number, j: number, ctx: EvidenceContext, add: Add): number {
  const p = ctx.params;
  const c = ctx.compact;
  // The best shared name, weighted by how both entries use it (what the threat is > who/what it
  // uses); a name two entries both are about counts less only when one partner has several
  // entries about it.
  const best = bestSharedName(c, i, j);
  if (best.bits > 0) {
    const roles = roleFactorOf(best.roleI, best.roleJ) < 1 ? ` (as ${ROLE_WORDS[best.roleI]} / ${ROLE_WORDS[best.roleJ]})` : '';
    add('names', best.bits, () => `both name ${ctx.vocabulary.names[best.name]}${roles}`);
    return round2(best.bits);
  }
  const near = nearNames(c, i, j);
  if (near.bits > 0) {
    add('names', near.bits, () => `near-identical names ${c.raw.names[near.x]} ~ ${c.raw.names[near.y]}`);
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

/** The names entry i's title and aliases give, as keys ("lockbit"). */
function rawNames(c: Compact, i: number): string[] {
  const out: string[] = [];
  for (let x = c.rawNames.start[i]!; x < c.rawNames.start[i + 1]!; x++) out.push(c.raw.names[c.rawNames.ids[x]!]!);
  return out;
}

/** The distinctive title words of `a` that `b` mentions nowhere (title or summary). */
function unmentioned(a: EvidenceEntry, b: EvidenceEntry, ctx: EvidenceContext): string[] {
  return unmentionedWords(ctx.compact, ctx.layout.slotOf[a.index]!, ctx.layout.slotOf[b.index]!).map((w) => ctx.vocabulary.words[w]!);
}

function intersect(a: readonly string[], b: readonly string[]): string[] {
  const setB = new Set(b);
  return a.filter((x) => setB.has(x));
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
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

/**
 * A score no pair can fall below: the prior and every part at its most negative. It lets the veto
 * stop as soon as the pairs still to score could no longer pull the mean down to the threshold.
 */
export function lowestScore(p: ResolveParameters): number {
  const neg = (x: number) => Math.min(0, x);
  // Names and distinctive words: a conflict of named threats; else actor and malware conflicts,
  // with the word conflict only when those add up to nothing.
  let names = neg(p.nameConflict);
  for (const conflict of [0, p.actorConflict, p.malwareConflict, p.actorConflict + p.malwareConflict]) {
    names = Math.min(names, conflict + (conflict === 0 ? neg(p.wordConflict) : 0));
  }
  const similarity = (scale: number, offset: number) => Math.min(0, offset, scale + offset);
  const category = Math.min(p.categoryMismatch, p.categoryMatch + neg(p.categoryRare), 0);
  const parts = names + neg(p.cveCap) + neg(p.indicatorCap) + similarity(p.titleScale, p.titleOffset) + similarity(p.summaryScale, p.summaryOffset)
    + category + neg(p.techniques) + neg(p.sectors) + neg(p.regions);
  // Each part is rounded to hundredths, which may take up to half a hundredth off it.
  return p.prior + parts - 0.1;
}

class Clusters {
  private readonly groupOf: Int32Array;
  /**
   * Members and links per group id. The id of a group is one of its entries, and a group exists
   * while its id's entry is in it (groupOf[g] === g); one without a member list is that entry alone.
   */
  private readonly members: (number[] | undefined)[];
  private readonly links: (PendingLink[] | undefined)[] = [];
  private readonly cannotLink: { a: number; b: number; decision: Decision }[] = [];
  private readonly forcedSame = new Set<number>();
  /** Per partner id: the merge attempt that last marked it (the partners of one group). */
  private readonly partnerMark: Int32Array;
  private attempt = 0;
  private readonly lowest: number;
  readonly refused: PendingLink[] = [];

  /** The candidate pairs' scores, and where each entry's pairs (as the lower entry) start among them. */
  private readonly scored: ScoredPairs;
  private readonly scoredFrom: Int32Array;

  constructor(private readonly entries: readonly NormEntry[], private readonly ctx: Context, scored: ScoredPairs = { pairs: new Int32Array(0), scores: new Float64Array(0) }) {
    this.scored = scored;
    this.scoredFrom = pairStarts(scored.pairs, entries.length);
    this.groupOf = new Int32Array(entries.length);
    for (let i = 0; i < entries.length; i++) this.groupOf[i] = i;
    // Member lists are made when a group first grows: most entries of a large merge stay alone.
    this.members = new Array(entries.length);
    this.partnerMark = new Int32Array(ctx.partnerSize.size);
    this.lowest = lowestScore(ctx.params);
  }

  applyDecisions(decisions: readonly Decision[]): string[] {
    // Most merges have no decisions, and a map of a million keys is not free.
    if (decisions.length === 0) return [];
    const keyIndex = new Map(this.entries.map((e) => [e.key, e.index]));
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
        this.join(indices[0]!, indices[k]!, { i: indices[0]!, j: indices[k]!, score: 0, outcome: 'decided-same', reason: d.reason ?? `analyst decision (${d.origin})` });
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
    const why = this.forbidden(gi, gj);
    // Evidence is spelt out later, for the output (explainLink checks it gives this score).
    if (why) {
      this.refused.push({ i, j, score, outcome: 'refused', reason: why });
      return;
    }
    this.join(i, j, { i, j, score, outcome: 'linked' });
  }

  private forbidden(gi: number, gj: number): string | undefined {
    const mi = this.membersOf(gi);
    const mj = this.membersOf(gj);
    for (const c of this.cannotLink) {
      const ga = this.groupOf[c.a];
      const gb = this.groupOf[c.b];
      if ((ga === gi && gb === gj) || (ga === gj && gb === gi)) {
        return `analyst decision (${c.decision.origin}): ${this.entries[c.a]!.key} and ${this.entries[c.b]!.key} are different${c.decision.reason ? ` — ${c.decision.reason}` : ''}`;
      }
    }
    if (this.ctx.params.onePerPartner) {
      const y = this.firstFromSamePartner(mi, mj);
      if (y >= 0) {
        return `the groups already hold an entry each from ${this.entries[y]!.partner}; one entry per partner (a decision can override)`;
      }
    }
    // Average linkage: the groups stay apart when their entries, on average across all pairs,
    // speak strongly against being one threat. One odd pair (a partner that used an unknown
    // alias) does not veto a merge the rest of the evidence supports.
    // Large groups are compared through an evenly spread sample of their members, so the cost
    // of a merge stays bounded whatever the group sizes.
    const si = sample(mi, VETO_SAMPLE);
    const sj = sample(mj, VETO_SAMPLE);
    const count = si.length * sj.length;
    const threshold = this.ctx.params.forbidThreshold;
    let total = 0;
    let left = count;
    let worst: { x: number; y: number; score: number } | undefined;
    for (const x of si) {
      for (const y of sj) {
        // Most merges are clearly allowed: once even the lowest possible scores for the pairs
        // left would keep the mean above the threshold, the rest need not be scored.
        if (total + left * this.lowest > threshold * count + VETO_MARGIN) return undefined;
        const score = this.score(x, y);
        total += score;
        left--;
        if (!worst || score < worst.score) worst = { x, y, score };
      }
    }
    const mean = total / count;
    if (mean <= threshold && worst) {
      const parts = pairEvidence(this.entries[worst.x]!, this.entries[worst.y]!, this.ctx).parts;
      const against = parts.filter((p) => p.bits < 0 && p.feature !== 'prior').map((p) => p.detail).join('; ');
      return `strong evidence against: the entries of the two groups score ${fmt(mean)} bits on average; e.g. ${this.entries[worst.x]!.key} vs ${this.entries[worst.y]!.key}: ${against || 'no shared evidence'}`;
    }
    return undefined;
  }

  /** The first member of `mj` whose partner has an entry in `mi` too; -1 when none has. */
  private firstFromSamePartner(mi: readonly number[], mj: readonly number[]): number {
    const partnerOf = this.ctx.compact.partner;
    const slotOf = this.ctx.layout.slotOf;
    const mark = ++this.attempt;
    for (const x of mi) this.partnerMark[partnerOf[slotOf[x]!]!] = mark;
    for (const y of mj) if (this.partnerMark[partnerOf[slotOf[y]!]!] === mark) return y;
    return -1;
  }

  private score(x: number, y: number): number {
    const i = Math.min(x, y);
    const j = Math.max(x, y);
    // Most pairs the veto looks at are candidate pairs, already scored: looking the score up
    // among i's few pairs reads less memory than scoring the pair again (a map of millions of
    // pair ids, as a cache once, cost more than the rescoring it saved).
    return scoreOfPair(this.scored, this.scoredFrom, i, j) ?? quickScore(this.ctx, i, j);
  }

  private membersOf(g: number): readonly number[] {
    return this.members[g] ?? [g];
  }

  private join(i: number, j: number, ev: PendingLink): void {
    let gi = this.groupOf[i]!;
    let gj = this.groupOf[j]!;
    if (gi === gj) {
      this.links[gi]?.push(ev);
      return;
    }
    // Keep the larger group's id, moving the smaller member list.
    if (this.membersOf(gi).length < this.membersOf(gj).length) [gi, gj] = [gj, gi];
    const moved = this.membersOf(gj);
    const into = (this.members[gi] ??= [gi]);
    for (const m of moved) {
      this.groupOf[m] = gi;
      into.push(m);
    }
    this.members[gj] = undefined;
    const linksI = this.links[gi] ?? [];
    for (const l of this.links[gj] ?? []) linksI.push(l);
    linksI.push(ev);
    this.links[gi] = linksI;
    this.links[gj] = undefined;
    if (this.forcedSame.has(gj)) this.forcedSame.add(gi);
  }

  result(): { groups: number[][]; links: PendingLink[][] } {
    const out: { members: number[]; links: PendingLink[] }[] = [];
    for (let g = 0; g < this.groupOf.length; g++) {
      if (this.groupOf[g] !== g) continue;
      const m = this.members[g];
      out.push({ members: m ? [...m].sort((x, y) => x - y) : [g], links: this.links[g] ?? [] });
    }
    out.sort((x, y) => x.members[0]! - y.members[0]!);
    return { groups: out.map((o) => o.members), links: out.map((o) => o.links) };
  }
}

/** Room for rounding in the veto's early stop: a sum of a few dozen scores is off by far less. */
const VETO_MARGIN = 1e-6;

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

function toEvidence(a: EvidenceEntry, b: EvidenceEntry, ev: PairScore, outcome: Evidence['outcome'], reason?: string): Evidence {
  const [x, y] = a.key < b.key ? [a, b] : [b, a];
  return reason === undefined ? { a: x.key, b: y.key, score: ev.score, parts: ev.parts, outcome } : { a: x.key, b: y.key, score: ev.score, parts: ev.parts, outcome, reason };
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}


function fmt(x: number): string {
  return x.toFixed(1);
}

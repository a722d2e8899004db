/** The merge pipeline, pure: valid submissions → normalise → resolve → rank → the merged result. */
import { createHash } from 'node:crypto';
import { Lexicon, lexiconFacts, type AliasGroup, type LexiconFacts } from './aliases.js';
import { ContextLists, dropCountedLists } from './context-lists.js';
import type { Assessment, Contribution, Evidence, JointThreat, MergeResult, MergedPartner, Withheld } from './merged.js';
import {
  canonicalNameKeys, cveKeys, defaultTlp, entryKey, foldedWords, indicatorKeys, regionKeys, foldText, inMergeOrder, isAsciiText, isSpecificWord, mostRestrictive, nameKeysOf, normaliseEntry, normaliseSubmissions, specificWordCount, threatsInIdOrder, tlpRank, type NormEntry,
} from './normalise.js';
import { integer, normaliseShippedEntries, shippedFacts, unpackEntries, type NormaliseHelper, type ParallelNormaliser, type ShippedSubmission } from './normalise-parallel.js';
import { DEFAULT_RANK, rankDeferred, type PartnerView, type RankInput, type RankParameters } from './rank.js';
import { DEFAULT_RESOLVE, explainBetween, resolveDeferred, strongestFirst, type Decision, type EvidenceContext, type EvidenceEntry, type ParallelScorer, type PendingLink, type ResolveParameters, type ResolveStats } from './resolve.js';
import { TLP_LEVELS, type Category, type RawThreat, type Reliability, type Submission, type Tlp, type Trend } from './types.js';
import { cmp, memoised } from './util.js';

export interface MergeSettings {
  resolve: ResolveParameters;
  rank: RankParameters;
  /** Weight per Admiralty reliability grade; equal by default. */
  reliabilityWeights: Record<Reliability, number>;
  /** Per-partner overrides from the config file. */
  partners: Record<string, { weight?: number; reliability?: Reliability }>;
}

export const DEFAULT_SETTINGS: MergeSettings = {
  resolve: DEFAULT_RESOLVE,
  rank: DEFAULT_RANK,
  reliabilityWeights: { A: 1, B: 1, C: 1, D: 1, E: 1, F: 1 },
  partners: {},
};

export interface MergeInput {
  submissions: readonly Submission[];
  knowledge?: readonly AliasGroup[];
  decisions?: readonly Decision[];
  settings?: MergeSettings;
  /** Files left out with --skip-invalid. */
  skippedInvalid?: readonly string[];
  /** Keep only entries that may be shared with this audience (TLP). */
  audience?: Tlp;
  /** Explain the uncertain pairs left apart (`review` of the output); default true. Costs time on large inputs. */
  review?: boolean;
  /** Called as each phase ends, with its name (for the bench). */
  onPhase?: (phase: string) => void;
  /** A second thread for pair scoring; the result is the same without it. */
  scorer?: ParallelScorer;
  /** A second thread for normalisation, used by a consuming merge; the result is the same without it. */
  normaliser?: ParallelNormaliser;
  /**
   * The caller hands the submissions over: each one's threats are kept as JSON text (once
   * normalised, or before, for those a helper thread normalises), and its list of parsed
   * threats is emptied. A parsed threat takes about twice the
   * memory of its text, and a large merge need not hold both. The result is the same. (With an
   * audience, the caller's lists still hold every threat until normalisation ends.)
   */
  consume?: boolean;
  /**
   * With `consume`: the heap has room to keep every parsed threat (the caller knows the heap; the
   * shell says so where it leaves V8's heap growth alone). They are then kept as they are, not
   * stored as text and parsed again as their joint threat is written: ~1.5 s of ~21 s at 100k
   * entries, for ~5 % more memory. The helper thread's share still goes to it as text.
   */
  keepParsed?: boolean;
  tool: { name: string; version: string };
}

export interface MergeOutput {
  result: MergeResult;
  review: Evidence[];
  stats: ResolveStats;
}

/** A list whose items are made when asked for, one at a time. */
export interface LazyList<T> {
  readonly length: number;
  at(k: number): T;
}

/**
 * The merge with its two large lists made on demand: `result` has `threats` and `refused` empty,
 * and `threats` and `refused` here give their items, in order, as they are asked for. Written out
 * one by one, the joint threats and their explained evidence (most of a large result) never all
 * sit in memory at once.
 */
export interface StreamedMerge {
  result: MergeResult;
  threats: LazyList<JointThreat>;
  refused: LazyList<Evidence>;
  review: Evidence[];
  stats: ResolveStats;
  /** Each entry's key (`partner/entry-id`) and title, in entry order (for the review file). */
  entryTitles: () => [string, string][];
  /** The joint threats as jobs another thread can make them from (see jointThreatsFrom). */
  portable: PortableThreats;
}

/**
 * The joint threats for a helper thread that makes some of them: what it needs once (`setup`),
 * and per threat a job of plain data. The threats come out the same on either thread.
 */
export interface PortableThreats {
  setup: () => ThreatSetup;
  /** How many entries threat k joins. */
  size: (k: number) => number;
  job: (k: number) => ThreatJob;
}

/** What every job refers to: stored threat texts, submissions, canonical names, and what explaining a link reads. */
export interface ThreatSetup {
  texts: SharedTexts;
  /** By source number: a submission's partner and file. */
  sources: { partner: string; file: string }[];
  canonicalOf: ReadonlyMap<string, string>;
  evidence: EvidenceContext;
}

/** Numbers per member in ThreatJob.members: entry index, weight, position, of, line, source, TLP (index in TLP_LEVELS). */
const MEMBER_NUMBERS = 7;
/** Numbers per link in ThreatJob.links: entry indices i and j, score, outcome (index in OUTCOMES). */
const LINK_NUMBERS = 4;
const OUTCOMES: readonly Evidence['outcome'][] = ['linked', 'decided-same', 'refused', 'decided-different'];

/** A joint threat as plain data: its place in the ranking, its members (their threats stay in SharedTexts) and its links. */
export interface ThreatJob {
  /** Its index in the ranking (0 is the first threat). */
  k: number;
  rank: number;
  id: string;
  score: number;
  breakdown: Contribution[];
  /** MEMBER_NUMBERS per member, in member order (a typed array: it crosses to the helper as one copy). */
  members: Float64Array;
  /** Per member: its strong identity names. */
  strong: string[][];
  /** Per member: its threat's JSON text, or null where SharedTexts holds it. */
  texts: (string | null)[];
  /** LINK_NUMBERS per link, and each link's reason (null for none). */
  links: Float64Array;
  reasons: (string | null)[];
}

/**
 * Joint threats from jobs, exactly as `threats.at(job.k)` makes them on the merge's thread: the
 * members' entries are made again from their threats' texts, by the functions normaliseEntry
 * uses, and the links explained from the shared compact arrays.
 */
export function jointThreatsFrom(setup: ThreatSetup): (job: ThreatJob) => JointThreat {
  const buffers = setup.texts.buffers.map((b) => (b === null ? undefined : Buffer.from(b)));
  const canonical = (k: string) => setup.canonicalOf.get(k) ?? k;
  return (job) => {
    const byIndex = new Map<number, MemberEntry & EvidenceEntry>();
    const members: Member[] = job.strong.map((strongIdentity, m) => {
      const x = MEMBER_NUMBERS * m;
      const n = job.members;
      const text = job.texts[m];
      const t = text != null ? (JSON.parse(text) as RawThreat) : storedThreat(buffers, setup.texts.at, n[x]!);
      const source = setup.sources[n[x + 5]!]!;
      // Whole numbers as small integers (integer()): only this thread makes these objects, so
      // it saves boxed numbers, not a hidden-class migration.
      const entry = {
        index: integer(n[x]!), key: entryKey(source.partner, t.id), partner: source.partner, entryId: t.id, file: source.file, line: integer(n[x + 4]!),
        tlp: TLP_LEVELS[n[x + 6]!]!, title: t.title, category: t.category, cves: cveKeys(t), regions: regionKeys(t), indicators: indicatorKeys(t),
        strongIdentity, actorNames: canonicalNameKeys(t.actors, canonical), malwareNames: canonicalNameKeys(t.malware, canonical),
      };
      byIndex.set(entry.index, entry);
      return { entry, weight: n[x + 1]!, position: integer(n[x + 2]!), of: integer(n[x + 3]!), threat: threatFields(t) };
    });
    const links: Evidence[] = job.reasons.map((reason, l) => {
      const x = LINK_NUMBERS * l;
      const link: PendingLink = { i: integer(job.links[x]!), j: integer(job.links[x + 1]!), score: job.links[x + 2]!, outcome: OUTCOMES[job.links[x + 3]!]! };
      if (reason !== null) link.reason = reason;
      return explainBetween(byIndex.get(link.i)!, byIndex.get(link.j)!, setup.evidence, link);
    });
    return jointThreat(canonical, job.id, job.rank, job.score, job.breakdown, members, links);
  };
}

export function merge(input: MergeInput): MergeOutput {
  const output = materialise(mergeStreamed(input));
  input.onPhase?.('joint threats');
  return output;
}

/** The whole result of a streamed merge, every item made. */
export function materialise(streamed: StreamedMerge): MergeOutput {
  return { result: { ...streamed.result, threats: everyItem(streamed.threats), refused: everyItem(streamed.refused) }, review: streamed.review, stats: streamed.stats };
}

function everyItem<T>(list: LazyList<T>): T[] {
  const out: T[] = new Array(list.length);
  for (let k = 0; k < list.length; k++) out[k] = list.at(k);
  return out;
}

/** The names a merge knows: from alias knowledge, then from what the partners wrote. */
export function buildLexicon(submissions: readonly Submission[], knowledge: readonly AliasGroup[]): Lexicon {
  return lexiconOf(knowledge, submissions.map((s) => ({ partner: s.document.partner.id, facts: lexiconFacts(s.document.threats) })));
}

/** The lexicon of alias knowledge and of the facts of every entry of the merge, in any order. */
function lexiconOf(knowledge: readonly AliasGroup[], facts: readonly { partner: string; facts: LexiconFacts }[]): Lexicon {
  const lexicon = new Lexicon();
  lexicon.addKnowledge(knowledge);
  lexicon.addPartnerFacts(facts);
  return lexicon;
}

export function mergeStreamed(input: MergeInput): StreamedMerge {
  const lap = input.onPhase ?? (() => {});
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const { kept, withheld } = withhold(input.submissions, input.audience);

  // Read before a consuming merge empties the submissions' threat lists.
  const partners = describePartners(kept, settings);
  const stored = new StoredThreats(input.consume ? kept.reduce((n, s) => n + s.document.threats.length, 0) : 0);
  const knowledge = input.knowledge ?? [];
  // A consuming merge makes its lexicon as it starts to normalise, on both threads.
  const { lexicon, entries, lists } = input.consume
    ? normaliseConsumed(kept, knowledge, stored, input.normaliser, input.keepParsed ?? false, lap)
    : normaliseWhole(kept, knowledge, lap);
  if (input.consume) for (const s of input.submissions) s.document.threats.length = 0;
  const threatOf = (e: NormEntry): RawThreat => e.raw ?? stored.threat(e.index);
  lap('normalise');
  const resolved = resolveDeferred(entries, input.decisions ?? [], settings.resolve, {
    review: input.review ?? true,
    onPhase: (phase) => lap(`resolve: ${phase}`),
    ...(input.scorer ? { scorer: input.scorer } : {}),
    ...(lists ? { lists } : {}),
    releaseLists: true,
  });

  const weights = new Map(partners.map((p) => [p.id, p.weight]));
  const members = membersOf(entries, weights);

  const groups = resolved.groups.map((ids, gi) => ({
    id: threatId(ids.map((i) => entries[i]!.key)),
    members: ids.map((i) => members[i]!),
    links: resolved.links[gi]!,
  }));
  const rankInputs: RankInput[] = groups.map((g) => ({ id: g.id, views: views(g.members) }));
  lap('groups');
  const ranking = rankDeferred(rankInputs, weights, settings.rank);
  lap('rank');
  const byId = new Map(groups.map((g) => [g.id, g]));
  const canonical = (k: string) => lexicon.canonical(k);
  const threats: LazyList<JointThreat> = {
    length: ranking.ranked.length,
    at: (k) => {
      const r = ranking.ranked[k]!;
      const g = byId.get(r.id)!;
      return jointThreat(canonical, g.id, r.rank, r.score, ranking.breakdown(k), withThreats(g.members, threatOf), g.links.map(resolved.explain));
    },
  };
  // By partner and file: two submissions may have one file name (a file and standard input named after it).
  const sourceKey = (partner: string, file: string) => `${partner}\n${file}`;
  const sources = kept.map((sub) => ({ partner: sub.document.partner.id, file: sub.file }));
  const sourceOf = new Map(sources.map((source, x) => [sourceKey(source.partner, source.file), x]));
  // Per entry, its submission's place in `sources`, worked out on the first job. A key made and
  // looked up for every member (with the members' numbers pushed to growing arrays) made the jobs
  // for all the threats of the 100k bench take 700-800 ms to make, against 430-550 ms now.
  let sourceIndex: Int32Array | undefined;
  const sourceIndexOf = (e: NormEntry): number => (sourceIndex ??= sourcesByEntry(entries, (partner, file) => sourceOf.get(sourceKey(partner, file))))[e.index]!;
  const tlpIndex = new Map(TLP_LEVELS.map((t, x) => [t, x]));
  const portable: PortableThreats = {
    setup: () => ({
      texts: stored.shared(),
      sources,
      canonicalOf: lexicon.snapshot().canonicalOf,
      evidence: resolved.evidenceContext(),
    }),
    size: (k) => byId.get(ranking.ranked[k]!.id)!.members.length,
    job: (k) => {
      const r = ranking.ranked[k]!;
      const g = byId.get(r.id)!;
      const job: ThreatJob = {
        k, rank: r.rank, id: g.id, score: r.score, breakdown: ranking.breakdown(k),
        members: new Float64Array(MEMBER_NUMBERS * g.members.length), strong: [], texts: [], links: new Float64Array(LINK_NUMBERS * g.links.length), reasons: [],
      };
      const n = job.members;
      let x = 0;
      for (const { entry: e, weight, position, of } of g.members) {
        n[x] = e.index;
        n[x + 1] = weight;
        n[x + 2] = position;
        n[x + 3] = of;
        n[x + 4] = e.line;
        n[x + 5] = sourceIndexOf(e);
        n[x + 6] = tlpIndex.get(e.tlp)!;
        x += MEMBER_NUMBERS;
        job.strong.push(e.strongIdentity);
        // The normalising helper's share is on shared memory (even where it is also kept parsed);
        // the rest goes with the job, as stored or as parsed.
        job.texts.push(stored.sharedAt(e.index) ? null : stored.has(e.index) ? stored.text(e.index) : JSON.stringify(threatOf(e)));
      }
      const l = job.links;
      x = 0;
      for (const link of g.links) {
        l[x] = link.i;
        l[x + 1] = link.j;
        l[x + 2] = link.score;
        l[x + 3] = OUTCOMES.indexOf(link.outcome);
        x += LINK_NUMBERS;
        job.reasons.push(link.reason ?? null);
      }
      return job;
    },
  };
  const refusedInOrder = inKeyOrder(resolved.refused, entries);
  const refused: LazyList<Evidence> = { length: refusedInOrder.length, at: (k) => resolved.explain(refusedInOrder[k]!) };

  const result: MergeResult = {
    schemaVersion: 1,
    tool: input.tool,
    method: settings.rank.method,
    parameters: parameterSummary(settings),
    tlp: mostRestrictive(entries.map((e) => e.tlp)),
    partners,
    summary: {
      submissions: kept.length,
      entries: entries.length,
      threats: groups.length,
      duplicatesMerged: entries.length - groups.length,
      skippedInvalid: [...(input.skippedInvalid ?? [])].sort(cmp),
      withheldEntries: withheld.reduce((n, w) => n + w.count, 0),
    },
    withheld,
    threats: [],
    disagreements: ranking.disagreements,
    warnings: [...lexicon.warnings, ...resolved.warnings],
    refused: [],
  };
  return { result, threats, refused, review: resolved.review, stats: resolved.stats, entryTitles: () => entries.map((e) => [e.key, e.title]), portable };
}

/**
 * The helper's share of a large merge's entries. It parses their texts again and packs its
 * entries; this thread stores every text and unpacks the helper's entries: about even.
 */
const HELPER_SHARE = 0.5;

/**
 * The most entries sent to the helper in one message: the helper holds one piece's entries at
 * a time, and this thread takes each answer in as it comes, so neither holds a whole share.
 */
const PIECE_ENTRIES = 4096;

/** The lexicon and the entries of a merge that leaves the submissions as they are. */
function normaliseWhole(kept: readonly Submission[], knowledge: readonly AliasGroup[], lap: (phase: string) => void): { lexicon: Lexicon; entries: NormEntry[]; lists: undefined } {
  const lexicon = buildLexicon(kept, knowledge);
  lap('lexicon');
  return { lexicon, entries: normaliseSubmissions(kept, lexicon, defaultTlp), lists: undefined };
}

/**
 * A consuming merge's lexicon and normalisation: threats are stored as text (StoredThreats) and
 * let go, unless the heap has room to keep them parsed.
 * With a helper thread, the last HELPER_SHARE of the entries (in entry order) are stored first
 * and sent to it in pieces. The helper works out the lexicon facts of its pieces while this
 * thread works out those of the others (half of making the lexicon each, and each thread's
 * caches filled with the names and words of the entries it is to normalise); then each
 * normalises its entries with the lexicon made from them, and this thread takes the helper's
 * entries in order, and makes here any piece it did not answer for.
 */
function normaliseConsumed(
  kept: readonly Submission[],
  knowledge: readonly AliasGroup[],
  stored: StoredThreats,
  helper: ParallelNormaliser | undefined,
  keepParsed: boolean,
  lap: (phase: string) => void,
): { lexicon: Lexicon; entries: NormEntry[]; lists: ContextLists } {
  const sorted = inMergeOrder(kept);
  const total = sorted.reduce((n, s) => n + s.document.threats.length, 0);
  const helperThread = helper && total >= helper.minEntries && total >= 2 ? helper.start(keepParsed) : undefined;
  // Entries from `split` on are the helper's.
  const split = helperThread ? Math.ceil((1 - HELPER_SHARE) * total) : total;
  try {
    const ownParts: { s: Submission; threats: { t: RawThreat; line: number }[]; firstIndex: number }[] = [];
    const pieces: ShippedSubmission[] = [];
    // By entry index, the helper's threats as parsed, when they are kept (MergeInput.keepParsed).
    const parsedForHelper: RawThreat[] | undefined = keepParsed ? new Array<RawThreat>(total) : undefined;
    let firstIndex = 0;
    for (const s of sorted) {
      const threats = threatsInIdOrder(s);
      const own = Math.max(0, Math.min(threats.length, split - firstIndex));
      if (own > 0) ownParts.push({ s, threats: threats.slice(0, own), firstIndex });
      for (let from = own; from < threats.length; from += PIECE_ENTRIES) {
        const piece = threats.slice(from, from + PIECE_ENTRIES);
        const { texts, bounds } = stored.keepShared(piece.map((o) => o.t), firstIndex + from);
        const shipped: ShippedSubmission = {
          shipment: pieces.length, partner: s.document.partner.id, file: s.file, firstIndex: firstIndex + from, texts, bounds,
          lines: piece.map((o) => o.line), tlps: piece.map((o) => defaultTlp(s, o.t)),
        };
        helperThread!.ship(shipped);
        pieces.push(shipped);
        if (parsedForHelper) piece.forEach((o, k) => (parsedForHelper[shipped.firstIndex + k] = o.t));
      }
      firstIndex += threats.length;
      // The threats live on in ownParts (and in parsedForHelper where kept parsed), or only as text.
      s.document.threats.length = 0;
    }
    const parsedPiece = (piece: ShippedSubmission) => parsedForHelper?.slice(piece.firstIndex, piece.firstIndex + piece.lines.length);
    const lexicon = consumedLexicon(knowledge, ownParts, pieces, helperThread, parsedPiece);
    lap('lexicon');
    helperThread?.normalise(lexicon.snapshot());
    const entries: NormEntry[] = [];
    // Each entry's lists are numbered for the context as it comes, in entry order.
    const lists = new ContextLists(total);
    const take = (e: NormEntry) => {
      lists.push(e);
      dropCountedLists(e);
      entries.push(e);
    };
    for (const { s, threats, firstIndex: first } of ownParts) {
      const made = threats.map(({ t, line }, k) => normaliseEntry(t, s.document.partner.id, s.file, line, defaultTlp(s, t), first + k, lexicon));
      if (!keepParsed) stored.take(made);
      made.forEach(take);
    }
    ownParts.length = 0;
    // The helper answers in order; an answer that is not the next piece's, whole, ends its part.
    let answered = 0;
    const helperStrings: string[] = [];
    helperThread?.finish((packed) => {
      const piece = pieces[answered];
      if (piece === undefined || packed.shipment !== piece.shipment || !unpackEntries(packed, piece, entries, helperStrings, lists)) return false;
      answered++;
      return true;
    });
    for (const piece of pieces.slice(answered)) normaliseShippedEntries(piece, lexicon, parsedPiece(piece)).forEach(take);
    for (let i = 0; i < total; i++) if (entries[i]?.index !== i) throw new Error(`internal: entry ${i} was not normalised`);
    if (parsedForHelper) for (const e of entries) e.raw ??= parsedForHelper[e.index];
    return { lexicon, entries, lists };
  } finally {
    helperThread?.end();
  }
}

/**
 * The lexicon of a consuming merge: from the facts of this thread's entries, worked out here,
 * and of the helper's pieces, as it answers with them (or worked out here where it does not).
 * A function of its own so that the facts, which hold many of the helper's strings, are let go
 * once the lexicon is made, not kept alive by the normalisation's closures.
 */
function consumedLexicon(
  knowledge: readonly AliasGroup[],
  ownParts: readonly { s: Submission; threats: readonly { t: RawThreat }[] }[],
  pieces: readonly ShippedSubmission[],
  helperThread: NormaliseHelper | undefined,
  parsedPiece: (piece: ShippedSubmission) => RawThreat[] | undefined,
): Lexicon {
  const facts = ownParts.map(({ s, threats }) => ({ partner: s.document.partner.id, facts: lexiconFacts(threats.map((o) => o.t)) }));
  const helperFacts = helperThread?.facts() ?? [];
  pieces.forEach((piece, k) => {
    // The helper answers in order (a helper that does not is stopped); checked again here, as a
    // piece whose facts went missing would leave its names out of the lexicon without a sign.
    const answer = helperFacts[k];
    facts.push({ partner: piece.partner, facts: answer?.shipment === piece.shipment ? answer.facts : shippedFacts(piece, parsedPiece(piece)) });
  });
  return lexiconOf(knowledge, facts);
}

/** Per entry index, the place of its submission, given by `indexOf` (asked once per run of entries from one submission). */
function sourcesByEntry(entries: readonly NormEntry[], indexOf: (partner: string, file: string) => number | undefined): Int32Array {
  const out = new Int32Array(entries.length);
  let partner: string | undefined;
  let file: string | undefined;
  let x = -1;
  for (const e of entries) {
    if (e.partner !== partner || e.file !== file) {
      partner = e.partner;
      file = e.file;
      const found = indexOf(partner, file);
      if (found === undefined) throw new Error(`internal: entry ${e.key} is from no submission of the merge`);
      x = found;
    }
    out[e.index] = x;
  }
  return out;
}

/**
 * A consuming merge's parsed threats, kept as their JSON text in UTF-8, and parsed again when
 * their joint threat is written. A parsed threat costs about 1.1 KB of heap on the bench
 * corpus; its text 0.6 KB as UTF-8, but twice that as a JavaScript string whenever one
 * character is beyond Latin-1 (a dash, a quote), as most summaries have. The round trip gives
 * back the same values: schema-valid threats hold only strings, finite numbers, lists and plain
 * objects (a -0 comes back as 0, which JSON output cannot tell apart).
 */
class StoredThreats {
  /**
   * Some on shared memory (keepShared), where another thread can read them; the others not (take):
   * V8 counts shared memory out of the external memory that makes it collect sooner, and a
   * million entries' threats on shared memory raised the merge's peak by 0.2-0.3 GB.
   */
  private readonly buffers: Buffer[] = [];
  /** Per entry index: its buffer, and where its text starts and ends in it. */
  private readonly at: Uint32Array;

  constructor(entries: number) {
    this.at = new Uint32Array(new SharedArrayBuffer(4 * 3 * entries));
  }

  /** The texts on shared memory, for another thread: the same memory, not a copy. */
  shared(): SharedTexts {
    return { buffers: this.buffers.map((b) => (b.buffer instanceof SharedArrayBuffer ? b.buffer : null)), at: this.at };
  }

  /** Whether entry `index`'s threat is stored on shared memory. */
  sharedAt(index: number): boolean {
    return this.has(index) && this.buffers[this.at[3 * index]!]!.buffer instanceof SharedArrayBuffer;
  }

  /**
   * Threats stored before they are normalised, in entry order from `firstIndex`, on shared
   * memory: a helper thread normalises them from these very texts (see normaliseConsumed).
   */
  keepShared(threats: readonly RawThreat[], firstIndex: number): { texts: SharedArrayBuffer; bounds: Int32Array } {
    const { buffer, bounds } = this.store(threats, firstIndex, (bytes) => Buffer.from(new SharedArrayBuffer(bytes)));
    return { texts: buffer.buffer as SharedArrayBuffer, bounds };
  }

  /** Entries' threats, stored as they are let go. */
  take(made: readonly NormEntry[]): void {
    if (made.length === 0) return;
    this.store(made.map((e) => e.raw!), made[0]!.index, (bytes) => Buffer.allocUnsafe(bytes));
    for (const e of made) e.raw = undefined;
  }

  /** Threats of consecutive entries in one buffer; a text's bytes are bounds[k] … bounds[k + 1] - 1. */
  private store(threats: readonly RawThreat[], firstIndex: number, allocate: (bytes: number) => Buffer): { buffer: Buffer; bounds: Int32Array } {
    const texts = threats.map((t) => JSON.stringify(t));
    const bounds = new Int32Array(texts.length + 1);
    for (let k = 0; k < texts.length; k++) bounds[k + 1] = bounds[k]! + Buffer.byteLength(texts[k]!);
    const buffer = allocate(bounds[texts.length]!);
    const id = this.buffers.length;
    this.buffers.push(buffer);
    for (let k = 0; k < texts.length; k++) {
      buffer.write(texts[k]!, bounds[k]!);
      const at = 3 * (firstIndex + k);
      this.at[at] = id;
      this.at[at + 1] = bounds[k]!;
      this.at[at + 2] = bounds[k + 1]!;
    }
    return { buffer, bounds };
  }

  threat(index: number): RawThreat {
    return storedThreat(this.buffers, this.at, index);
  }

  /** Entry `index`'s threat as its JSON text. */
  text(index: number): string {
    return storedText(this.buffers, this.at, index);
  }

  has(index: number): boolean {
    return 3 * index < this.at.length && this.at[3 * index + 2]! > this.at[3 * index + 1]!;
  }
}

/** StoredThreats' memory as another thread sees it: the buffers (null where not shared), and per entry index its buffer, start and end. */
export interface SharedTexts {
  buffers: (SharedArrayBuffer | null)[];
  at: Uint32Array;
}

function storedText(buffers: readonly (Buffer | undefined)[], at: Uint32Array, index: number): string {
  const buffer = buffers[at[3 * index]!];
  const start = at[3 * index + 1]!;
  const end = at[3 * index + 2]!;
  if (buffer === undefined || end <= start) throw new Error(`internal: no stored threat for entry ${index}`);
  return buffer.toString('utf8', start, end);
}

function storedThreat(buffers: readonly (Buffer | undefined)[], at: Uint32Array, index: number): RawThreat {
  return JSON.parse(storedText(buffers, at, index)) as RawThreat;
}

/** Refused merges in the order of their evidence's keys (`a` the smaller of the two entries' keys, then `b`). */
function inKeyOrder(links: readonly PendingLink[], entries: readonly NormEntry[]): PendingLink[] {
  return links
    .map((link) => {
      const x = entries[link.i]!.key;
      const y = entries[link.j]!.key;
      return x < y ? { link, a: x, b: y } : { link, a: y, b: x };
    })
    .sort((x, y) => cmp(x.a, y.a) || cmp(x.b, y.b))
    .map((x) => x.link);
}

/** Entries marked above the audience are removed before merging, so nothing of them can leak. */
function withhold(submissions: readonly Submission[], audience: Tlp | undefined): { kept: Submission[]; withheld: Withheld[] } {
  if (audience === undefined) return { kept: [...submissions], withheld: [] };
  const kept: Submission[] = [];
  const withheld: Withheld[] = [];
  for (const s of submissions) {
    const keep: number[] = [];
    s.document.threats.forEach((t, i) => {
      if (tlpRank(defaultTlp(s, t)) <= tlpRank(audience)) keep.push(i);
    });
    const dropped = s.document.threats.length - keep.length;
    if (dropped > 0) withheld.push({ partner: s.document.partner.id, count: dropped, reason: `marked above TLP:${audience.toUpperCase()}` });
    if (keep.length === 0) continue;
    kept.push({
      file: s.file,
      document: { ...s.document, threats: keep.map((i) => s.document.threats[i]!) },
      entryLines: keep.map((i) => s.entryLines[i]!),
    });
  }
  withheld.sort((a, b) => cmp(a.partner, b.partner));
  return { kept, withheld };
}

function describePartners(submissions: readonly Submission[], settings: MergeSettings): MergedPartner[] {
  return submissions
    .map((s) => {
      const p = s.document.partner;
      const override = settings.partners[p.id] ?? {};
      const reliability = override.reliability ?? p.reliability;
      const weight = override.weight ?? (reliability ? settings.reliabilityWeights[reliability] : 1);
      return {
        id: p.id,
        name: p.name,
        ...(reliability ? { reliability } : {}),
        weight,
        file: s.file,
        entries: s.document.threats.length,
        issued: s.document.issued,
        ...(s.document.period !== undefined ? { period: s.document.period } : {}),
      };
    })
    .sort((a, b) => cmp(a.id, b.id));
}

/** The fields of a partner's threat that the joint threat reads. */
type ThreatField =
  | 'title' | 'likelihood' | 'impact' | 'confidence' | 'rank' | 'trend' | 'summary'
  | 'aliases' | 'actors' | 'malware' | 'techniques' | 'indicators' | 'sectors' | 'actions' | 'references';
type ThreatFields = { [K in ThreatField]: RawThreat[K] };

/** One literal, so that every ThreatFields has the same hidden class. */
function blankFields(): Record<ThreatField, unknown> {
  return {
    title: undefined, likelihood: undefined, impact: undefined, confidence: undefined, rank: undefined, trend: undefined, summary: undefined,
    aliases: undefined, actors: undefined, malware: undefined, techniques: undefined, indicators: undefined, sectors: undefined, actions: undefined, references: undefined,
  };
}

const THREAT_FIELDS: ReadonlySet<string> = new Set(Object.keys(blankFields()));

/**
 * A threat's fields, read in one for-in pass. Partners' threats come parsed from JSON with their
 * own choice and order of keys, thousands of hidden classes in a large merge, so each `raw.title`
 * is a megamorphic lookup, and the merge made millions of them. `raw[key]` for the keys for-in
 * gives reads through the object's enumeration cache instead (about 3× faster on the 100k bench).
 */
function threatFields(raw: RawThreat): ThreatFields {
  const fields = blankFields();
  const values = raw as unknown as Record<string, unknown>;
  for (const key in values) if (THREAT_FIELDS.has(key)) fields[key as ThreatField] = values[key];
  return fields as ThreatFields;
}

/** An entry with its partner's weight and its place in the partner's order. */
interface Placed {
  entry: NormEntry;
  weight: number;
  /** 1-based position in the partner's own order, of `of` entries. */
  position: number;
  of: number;
}

/** What the joint threat reads of a member's entry (a helper thread makes these from the threat's text; see jointThreatsFrom). */
type MemberEntry = Pick<NormEntry, 'partner' | 'entryId' | 'file' | 'line' | 'tlp' | 'category' | 'cves' | 'regions' | 'strongIdentity'>;

/** A placed entry as the joint threat reads it, with its threat's fields. */
interface Member {
  entry: MemberEntry;
  weight: number;
  position: number;
  of: number;
  threat: ThreatFields;
}

/** Placed entries in the order of the entries. */
function membersOf(entries: readonly NormEntry[], weights: ReadonlyMap<string, number>): Placed[] {
  const members = entries.map((entry) => ({ entry, weight: weights.get(entry.partner) ?? 1, position: 0, of: 0 }));
  placeInPartnerOrder(members);
  return members;
}

/** The group's members with their threats' fields, read (or parsed from their text) only as the threat is made. */
function withThreats(placed: readonly Placed[], threatOf: (e: NormEntry) => RawThreat): Member[] {
  return placed.map((p) => ({ entry: p.entry, weight: p.weight, position: p.position, of: p.of, threat: threatFields(threatOf(p.entry)) }));
}

/**
 * Each partner's own order: the entries it ranked, by rank; then the rest by likelihood × impact
 * (highest first), then by entry id (not file order, so reordering a file changes nothing).
 */
function placeInPartnerOrder(members: readonly Placed[]): void {
  for (const list of byPartner(members).values()) {
    const sorted = list.sort((a, b) => {
      const ra = a.entry.rank ?? Infinity;
      const rb = b.entry.rank ?? Infinity;
      if (ra !== rb) return ra < rb ? -1 : 1;
      return b.entry.likelihood * b.entry.impact - a.entry.likelihood * a.entry.impact || cmp(a.entry.entryId, b.entry.entryId);
    });
    sorted.forEach((m, i) => {
      m.position = i + 1;
      m.of = sorted.length;
    });
  }
}

/** Members by partner, each list in the given order. */
function byPartner<M extends Placed>(members: readonly M[]): Map<string, M[]> {
  const out = new Map<string, M[]>();
  for (const m of members) {
    const list = out.get(m.entry.partner);
    if (list) list.push(m);
    else out.set(m.entry.partner, [m]);
  }
  return out;
}

/** One view per partner; when a decision put two of a partner's entries together, its best position counts. */
function views(members: readonly Placed[]): PartnerView[] {
  return [...byPartner(members)]
    .sort((a, b) => cmp(a[0], b[0]))
    .map(([partner, list]) => {
      let best = list[0]!; // the first of the best placed
      for (const m of list) if (m.position < best.position) best = m;
      const view: PartnerView = {
        partner,
        position: best.position,
        of: best.of,
        likelihood: meanOf(list, (m) => m.entry.likelihood),
        impact: meanOf(list, (m) => m.entry.impact),
      };
      const confidences = list.map((m) => m.entry.confidence).filter((c): c is number => c !== undefined);
      if (confidences.length > 0) view.confidence = mean(confidences);
      return view;
    });
}

/** A threat's id follows its first member, so it survives changes to unrelated inputs. */
export function threatId(memberKeys: readonly string[]): string {
  let first = memberKeys[0]!;
  for (const k of memberKeys) if (k < first) first = k;
  return `tm-${createHash('sha256').update(first).digest('hex').slice(0, 12)}`;
}

function jointThreat(
  canonical: (key: string) => string,
  id: string,
  rankNo: number,
  score: number,
  breakdown: Contribution[],
  members: readonly Member[],
  links: readonly Evidence[],
): JointThreat {
  const category = weightedMajority(members.map((m) => [m.entry.category, m.weight] as [Category, number]))!;
  const disagreements = new Map<Category, Set<string>>();
  for (const { entry: e } of members) if (e.category !== category) disagreements.set(e.category, (disagreements.get(e.category) ?? new Set()).add(e.partner));
  const trends = members.filter((m) => m.threat.trend).map((m) => [m.threat.trend!, m.weight] as [Trend, number]);
  const trend = trends.length === 0 ? undefined : (weightedMajority(trends, true) ?? 'mixed');
  const confidences = members.map((m) => m.threat.confidence).filter((c): c is number => c !== undefined);
  const totalWeight = members.reduce((s, m) => s + m.weight, 0) || 1;
  const partners = [...new Set(members.map((m) => m.entry.partner))].sort(cmp);
  const title = titleOf(members, canonical);
  const aliases: string[] = [];
  for (const { threat: t } of members) {
    if (t.title !== title) aliases.push(t.title);
    for (const a of t.aliases ?? []) if (a !== title) aliases.push(a);
  }
  return {
    rank: rankNo,
    id,
    title,
    category,
    categoryDisagreements: [...disagreements].map(([c, ps]) => ({ category: c, partners: [...ps].sort(cmp) })).sort((a, b) => cmp(a.category, b.category)),
    score,
    breakdown,
    breadth: partners.length,
    partners,
    likelihood: round1(members.reduce((s, m) => s + m.threat.likelihood * m.weight, 0) / totalWeight),
    impact: round1(members.reduce((s, m) => s + m.threat.impact * m.weight, 0) / totalWeight),
    ...(confidences.length > 0 ? { confidence: Math.round(mean(confidences)) } : {}),
    ...(trend !== undefined ? { trend } : {}),
    tlp: mostRestrictive(members.map((m) => m.entry.tlp)),
    aliases: unionNames(aliases),
    actors: unionNames(gather(members, (m) => m.threat.actors)),
    malware: unionNames(gather(members, (m) => m.threat.malware)),
    cves: unionExact(gather(members, (m) => m.entry.cves)),
    techniques: unionExact(gather(members, (m) => m.threat.techniques).map((t) => t.toUpperCase())),
    sectors: unionNames(gather(members, (m) => m.threat.sectors)),
    regions: unionExact(gather(members, (m) => m.entry.regions)),
    indicators: unionIndicators(members),
    actions: unionActions(members),
    references: unionExact(gather(members, (m) => m.threat.references)),
    summaries: members.filter((m) => m.threat.summary).map((m) => ({ partner: m.entry.partner, text: m.threat.summary! })),
    assessments: members.map(assessment),
    sources: members.map(({ entry: e, threat: t }) => ({ partner: e.partner, id: e.entryId, file: e.file, line: e.line, title: t.title })),
    evidence: [...links].sort(strongestFirst),
  };
}

function assessment({ entry: e, threat: t, position, of }: Member): Assessment {
  // Optional fields are set only when present, in the order the output lists them (cheaper than
  // spreading small objects, for every entry of a large merge).
  const a = { partner: e.partner, entry: e.entryId, title: t.title, category: e.category, likelihood: t.likelihood, impact: t.impact } as Assessment;
  if (t.confidence !== undefined) a.confidence = t.confidence;
  if (t.rank !== undefined) a.rank = t.rank;
  a.position = position;
  a.of = of;
  if (t.trend !== undefined) a.trend = t.trend;
  a.tlp = e.tlp;
  return a;
}

/** The members' lists, one after another (flatMap, without its cost on many small lists). */
function gather<T>(members: readonly Member[], listOf: (m: Member) => readonly T[] | undefined): T[] {
  const out: T[] = [];
  for (const m of members) {
    const list = listOf(m);
    if (list) for (const x of list) out.push(x);
  }
  return out;
}

/** Actions told apart by their folded text (the first wording seen), in folded-text order. */
function unionActions(members: readonly Member[]): { text: string; partners: string[] }[] {
  const actions = new Map<string, { text: string; partners: Set<string> }>();
  for (const m of members) {
    for (const a of m.threat.actions ?? []) {
      const k = foldText(a);
      const item = actions.get(k) ?? { text: a, partners: new Set<string>() };
      item.partners.add(m.entry.partner);
      actions.set(k, item);
    }
  }
  return [...actions].sort((a, b) => cmp(a[0], b[0])).map(([, a]) => ({ text: a.text, partners: [...a.partners].sort(cmp) }));
}

/**
 * The canonical title. The group's name is the strong name its sources mention most (a mention
 * in a title counts twice one in an alias list). When at least two sources share it, the title
 * is that name as partners write it, in their titles (counted twice) and alias lists: a
 * capitalised spelling before a lower-case one, then the most used, the fewest words, the
 * shortest, and code-unit order ("LockBit", not "LockBit 3.0 ransomware affiliates").
 * Otherwise it is the shortest source title, ties by code-unit order.
 */
export function canonicalTitle(entries: readonly NormEntry[], canonical: (key: string) => string = (k) => k): string {
  return titleOf(withThreats(membersOf(entries, new Map()), (e) => e.raw!), canonical);
}

function titleOf(members: readonly Member[], canonical: (key: string) => string): string {
  const name = groupName(members);
  const spelling = name === undefined ? undefined : bestSpelling(members, name, canonical);
  return spelling ?? shortestTitle(members);
}

/** The strong name the members mention most (ties by code-unit order), if two of them at least mention it. */
function groupName(members: readonly Member[]): string | undefined {
  const score = new Map<string, number>();
  const sources = new Map<string, number>();
  for (const { entry: e, threat: t } of members) {
    if (e.strongIdentity.length === 0) continue; // its title need not be folded
    const compactTitle = foldedCompact(t.title);
    for (const n of e.strongIdentity) {
      score.set(n, (score.get(n) ?? 0) + (compactTitle.includes(n) ? 2 : 1));
      sources.set(n, (sources.get(n) ?? 0) + 1);
    }
  }
  let top: string | undefined;
  let topScore = 0;
  for (const [n, s] of score) {
    if (sources.get(n)! < 2) continue;
    if (top === undefined || s > topScore || (s === topScore && n < top)) {
      top = n;
      topScore = s;
    }
  }
  return top;
}

/** The preferred way the members write `name` (see canonicalTitle), if they write it at all. */
function bestSpelling(members: readonly Member[], name: string, canonical: (key: string) => string): string | undefined {
  const uses = new Map<string, number>();
  const spellsName = new Map<string, boolean>(); // the same phrases recur across members
  const count = (clean: string, weight: number) => {
    let spells = spellsName.get(clean);
    if (spells === undefined) {
      spells = nameKeysOf(clean).some((k) => canonical(k) === name);
      spellsName.set(clean, spells);
    }
    if (spells) uses.set(clean, (uses.get(clean) ?? 0) + weight);
  };
  for (const { threat: t } of members) {
    for (const phrase of namePhrases(t.title)) count(phrase, 2);
    if (t.aliases || t.actors || t.malware) for (const w of new Set([...(t.aliases ?? []), ...(t.actors ?? []), ...(t.malware ?? [])])) count(cleanSpaces(w), 1);
  }
  let best: Spelling | undefined;
  for (const [text, n] of uses) {
    const candidate = { text, lowerCase: /\p{Lu}/u.test(text) ? 0 : 1, uses: n, words: text.split(' ').length };
    if (best === undefined || comesBefore(candidate, best)) best = candidate;
  }
  return best?.text;
}

interface Spelling {
  text: string;
  lowerCase: number;
  uses: number;
  words: number;
}

function comesBefore(a: Spelling, b: Spelling): boolean {
  return (a.lowerCase - b.lowerCase || b.uses - a.uses || a.words - b.words || a.text.length - b.text.length || cmp(a.text, b.text)) < 0;
}

function shortestTitle(members: readonly Member[]): string {
  let best = members[0]!.threat.title;
  for (const { threat: t } of members) if (t.title.length < best.length || (t.title.length === best.length && t.title < best)) best = t.title;
  return best;
}

function cleanSpaces(w: string): string {
  return w.trim().replace(/\s+/g, ' ');
}

/**
 * The runs of one to three name words in a title, as spellings of a name: "LockBit 3.0" and
 * "NoName057(16)", not "LockBit ransomware". Worked out once per title: a large merge asks for
 * the titles of every member of every group.
 */
function namePhrasesOf(title: string): readonly string[] {
  const words = title.split(/[\s/,;]+/).map(unbracket).filter((w) => w !== '');
  // ASCII text folds word by word, so a phrase's folded words are its words' folded words.
  const folds = isAsciiText(title) ? words.map(foldedWords) : undefined;
  // The words hold no white space, so a phrase is already what cleanSpaces would make of it.
  const phrase = (i: number, n: number) => (n === 1 ? words[i]! : words.slice(i, i + n).join(' '));
  const found: string[] = [];
  for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= words.length; i++) {
    if (folds ? allSpecific(folds, i, n) : onlyNameWords(phrase(i, n))) found.push(phrase(i, n));
  }
  return found;
}

function onlyNameWords(phrase: string): boolean {
  return specificWordCount(phrase) === foldText(phrase).split(' ').length;
}

export const namePhrases = memoised(namePhrasesOf, 1 << 18);

/** Whether the folded words of words[i, i + n) are all specific (what specificWordCount counts), and there is one at least. */
function allSpecific(folds: readonly string[][], i: number, n: number): boolean {
  let position = 0;
  for (let k = i; k < i + n; k++) {
    for (const t of folds[k]!) {
      if (!isSpecificWord(t, position)) return false;
      position++;
    }
  }
  return position > 0;
}

/** foldText without its spaces ("Lock Bit 3.0" → "lockbit3.0"), once per distinct text. */
export const foldedCompact = memoised((text) => foldedWords(text).join(''), 1 << 18);

const OPENING = new Set(['(', '"', "'", '“']);
const CLOSING = new Set([')', '"', "'", '”', ':', '.']);

/** A word without the brackets and quotes around it: "(LockBit" → "LockBit", but "NoName057(16)" stays. */
export function unbracket(word: string): string {
  // Most words have nothing around them to take off.
  if (!OPENING.has(word[0]!) && !CLOSING.has(word[word.length - 1]!)) return word;
  let w = word.replace(/^[("'“]+/, '');
  const open = (w.match(/\(/g) ?? []).length;
  while (w.endsWith(')') && (w.match(/\)/g) ?? []).length > open) w = w.slice(0, -1);
  return w.replace(/["'”:.]+$/, '');
}

function weightedMajority<T extends string>(votes: readonly [T, number][], strict = false): T | undefined {
  const totals = new Map<T, number>();
  for (const [v, w] of votes) totals.set(v, (totals.get(v) ?? 0) + w);
  const sorted = [...totals].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
  if (sorted.length === 0) return undefined;
  if (strict && sorted.length > 1 && sorted[0]![1] === sorted[1]![1]) return undefined;
  return sorted[0]![0];
}

/** Union of names, one surface form per folded name (the first seen, in partner order). */
function unionNames(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  const folded = new Set<string>(); // members repeat each other's names: fold each spelling once
  for (const n of names) {
    if (folded.has(n)) continue;
    folded.add(n);
    const k = foldedCompact(n);
    if (k !== '' && !seen.has(k)) seen.set(k, n);
  }
  return [...seen].sort((a, b) => cmp(a[0], b[0])).map(([, v]) => v);
}

function unionExact(values: readonly string[]): string[] {
  return [...new Set(values)].sort(cmp);
}

function unionIndicators(members: readonly Member[]): { type: string; value: string }[] {
  const seen = new Map<string, { type: string; value: string }>();
  for (const m of members) {
    for (const i of m.threat.indicators ?? []) {
      const k = `${i.type}:${i.value.trim().toLowerCase()}`;
      if (!seen.has(k)) seen.set(k, { type: i.type, value: i.value });
    }
  }
  return [...seen].sort((a, b) => cmp(a[0], b[0])).map(([, v]) => v);
}

function parameterSummary(s: MergeSettings): Record<string, number | string | boolean> {
  const r = s.rank;
  return {
    positionWeight: r.positionWeight,
    shrinkage: r.shrinkage,
    neutral: r.neutral,
    breadth: r.breadth,
    breadthWeight: r.breadthWeight,
    rrfK: r.rrfK,
    linkThreshold: s.resolve.linkThreshold,
    reviewThreshold: s.resolve.reviewThreshold,
    onePerPartner: s.resolve.onePerPartner,
  };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** mean(list.map(value)), summed in the same order. */
function meanOf<T>(list: readonly T[], value: (x: T) => number): number {
  let total = 0;
  for (const x of list) total += value(x);
  return total / list.length;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

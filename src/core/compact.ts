/**
 * The hot path of pair scoring over compact data: every word, name and identifier of every entry
 * as an integer id in flat typed arrays, and every per-value weight worked out once.
 *
 * Scoring a million candidate pairs through strings, Maps and closures was most of a large merge.
 * Ids are assigned in code-unit order of the strings, so each entry's sorted string lists map to
 * ascending id lists and every sum is taken over the same values in the same order as the
 * former string-based evidence: the scores are identical, not just close (tests check every
 * candidate pair of the fixtures against it, and `Clusters.tryMerge` checks every link it
 * explains). The explained evidence (`pairEvidence`) reads its numbers from here too.
 */
import type { Renumbering } from './context-lists.js';
import type { NormEntry } from './normalise.js';
import type { ResolveParameters } from './resolve.js';
import { editDistance } from './suggest.js';

/** Lists of ids, one per entry, in one array: entry i's ids are ids[start[i]] … ids[start[i + 1] - 1]. */
export interface IdLists {
  ids: Int32Array;
  start: Int32Array;
}

/** A vocabulary: distinct strings in code-unit order, and their ids. */
export class Vocabulary {
  readonly strings: string[];
  private readonly idOf: Map<string, number>;

  constructor(...sources: Iterable<string>[]) {
    const distinct = new Set<string>();
    for (const source of sources) for (const v of source) distinct.add(v);
    this.strings = [...distinct].sort();
    this.idOf = new Map();
    for (let i = 0; i < this.strings.length; i++) this.idOf.set(this.strings[i]!, i);
  }

  /** The vocabulary of one list of every entry. */
  static of(entries: readonly NormEntry[], values: (e: NormEntry) => readonly string[]): Vocabulary {
    // Plain loops, not a generator: this runs over every value of every entry.
    const distinct = new Set<string>();
    for (const e of entries) for (const v of values(e)) distinct.add(v);
    return new Vocabulary(distinct);
  }

  id(value: string): number {
    return this.idOf.get(value)!;
  }

  /** One list of ids per entry. The lists must be sorted in code-unit order (they are, in NormEntry). */
  lists(entries: readonly NormEntry[], values: (e: NormEntry) => readonly string[]): IdLists {
    const start = sharedInt32(entries.length + 1);
    let total = 0;
    for (let i = 0; i < entries.length; i++) {
      start[i] = total;
      total += values(entries[i]!).length;
    }
    start[entries.length] = total;
    const ids = sharedInt32(total);
    let k = 0;
    for (const e of entries) for (const v of values(e)) ids[k++] = this.idOf.get(v)!;
    return { ids, start };
  }
}

/**
 * Numbers the values of per-entry lists: ids in the order values are first met, renumbered in
 * code-unit order by `finish`, so each occurrence is looked up once (a Set of every value, a sort,
 * then a second lookup per occurrence for the lists took twice as long). Several lists may share
 * one numbering. Each entry's list must be sorted and distinct (they are, in NormEntry), so its
 * ids come out ascending.
 */
export class ValueIndex {
  private readonly firstMet = new Map<string, number>();
  private readonly met: string[] = [];
  private readonly made: IdLists[] = [];

  /**
   * One list per entry, pushed entry by entry: several lists can then be built in a single pass
   * over the entries, which touches each entry once (on a large merge, reaching the entries
   * costs more than numbering their values).
   */
  builder(entries: number): IdListBuilder {
    return new IdListBuilder(this, entries, (l) => this.made.push(l));
  }

  /** The id of a value, numbered in the order values are first met until `finish`. */
  idOf(value: string): number {
    let id = this.firstMet.get(value);
    if (id === undefined) {
      id = this.met.length;
      this.met.push(value);
      this.firstMet.set(value, id);
    }
    return id;
  }

  /** The distinct values in code-unit order; every list made so far is renumbered to match. Call once. */
  finish(): string[] {
    const strings = [...this.met].sort();
    const renumbered = new Int32Array(strings.length);
    for (let id = 0; id < strings.length; id++) renumbered[this.firstMet.get(strings[id]!)!] = id;
    for (const l of this.made) for (let k = 0; k < l.ids.length; k++) l.ids[k] = renumbered[l.ids[k]!]!;
    return strings;
  }
}

export class IdListBuilder {
  private ids: Int32Array;
  private readonly start: Int32Array;
  private count = 0;
  private total = 0;

  constructor(private readonly index: ValueIndex, entries: number, private readonly made: (l: IdLists) => void) {
    this.ids = new Int32Array(Math.max(16, entries));
    this.start = sharedInt32(entries + 1);
  }

  /** The next entry's values. */
  push(values: readonly string[]): void {
    this.room(values.length);
    for (const v of values) this.ids[this.total++] = this.index.idOf(v);
    this.start[++this.count] = this.total;
  }

  /**
   * The next entry's values as ids of another numbering (`renumbering` gives this index's id of
   * each): `source[at]` is how many, and the ids follow it.
   */
  pushFrom(source: Int32Array, at: number, renumbering: Renumbering, strings: readonly string[]): void {
    const length = source[at]!;
    this.room(length);
    for (let k = at + 1; k <= at + length; k++) this.ids[this.total++] = renumbering.id(source[k]!, strings);
    this.start[++this.count] = this.total;
  }

  /** The next entry's single value, as an id of this index. */
  pushOne(id: number): void {
    this.room(1);
    this.ids[this.total++] = id;
    this.start[++this.count] = this.total;
  }

  private room(more: number): void {
    if (this.total + more > this.ids.length) {
      const grown = new Int32Array(Math.max(2 * this.ids.length, this.total + more));
      grown.set(this.ids);
      this.ids = grown;
    }
  }

  /** The lists, once every entry has been pushed. */
  done(): IdLists {
    const ids = sharedInt32(this.total);
    ids.set(this.ids.subarray(0, this.total));
    const lists = { ids, start: this.start };
    this.made(lists);
    return lists;
  }
}

/**
 * Typed arrays on shared memory: a worker thread that scores half of the pairs reads them without
 * a copy (a large merge has hundreds of megabytes of them).
 */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
}

export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

export function sharedUint8(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length));
}

export function sharedInt32From(values: Iterable<number>): Int32Array {
  const plain = Int32Array.from(values);
  const out = sharedInt32(plain.length);
  out.set(plain);
  return out;
}

export function sharedFloat64From<T>(values: Iterable<T> | ArrayLike<T>, f: (v: T) => number): Float64Array {
  const plain = Float64Array.from(values as Iterable<T>, f);
  const out = sharedFloat64(plain.length);
  out.set(plain);
  return out;
}

export const ROLE_IDENTITY = 0;
export const ROLE_ACTOR = 1;
export const ROLE_MALWARE = 2;

/** Everything the hot path reads, per entry and per value. */
export interface Compact {
  n: number;
  partner: Int32Array;
  partnerSize: Float64Array;
  category: Int32Array;
  /** Per category id: max(0, 1 − ½·log2 spread), how nearly the category identifies an unnamed threat. */
  categoryRarity: Float64Array;
  strongCount: Int32Array;
  /** identity + actor + malware names (0: an unnamed entry). */
  nameCount: Int32Array;
  rawNameCount: Int32Array;
  /** All names of an entry (identity, actor, malware), ascending ids, with the role each has for it. */
  names: IdLists;
  roles: Uint8Array;
  actors: IdLists;
  malware: IdLists;
  /** Per name id: full bits as the identity of both entries, and bits before the role factor otherwise. */
  identityBits: Float64Array;
  nameBits: Float64Array;
  title: IdLists;
  titleW: Float64Array;
  titleNorm: Float64Array;
  summary: IdLists;
  summaryW: Float64Array;
  summaryNorm: Float64Array;
  distinctive: IdLists;
  cves: IdLists;
  cveBits: Float64Array;
  indicators: IdLists;
  indicatorBits: Float64Array;
  techniques: IdLists;
  sectors: IdLists;
  regions: IdLists;
  /** Identity names as written (before alias knowledge), for near-identical names. */
  rawNames: IdLists;
  raw: RawNames;
}

/** Per raw-name id: the name, its look-alike skeleton and digits, and its bits as a full match. */
export interface RawNames {
  names: string[];
  skeletons: string[];
  digits: string[];
  bits: Float64Array;
}

/** A name with look-alike characters folded: "Cl0p" and "Clop" share a skeleton. */
export function skeleton(name: string): string {
  return name.replace(/0/g, 'o').replace(/1/g, 'l').replace(/3/g, 'e').replace(/4/g, 'a').replace(/5/g, 's').replace(/\$/g, 's');
}

export function rawNamesOf(names: readonly string[], bitsOf: (name: string) => number): RawNames {
  return { names: [...names], skeletons: names.map(skeleton), digits: names.map((x) => x.replace(/\D/g, '')), bits: Float64Array.from(names, bitsOf) };
}

/** How near two names as written are: 0.9 for look-alikes and one typo in a long name, 0.7 for a typo in a shorter one, else 0. */
export function nearNameFactor(raw: RawNames, x: number, y: number): number {
  const a = raw.names[x]!;
  const b = raw.names[y]!;
  if (a.length < 4 || b.length < 4) return 0;
  const shorter = Math.min(a.length, b.length);
  if (Math.abs(a.length - b.length) > 2 || shorter < 4) return 0;
  if (raw.skeletons[x] === raw.skeletons[y]) return 0.9;
  // APT28 and APT29, UNC3944 and UNC2452: numbered names that differ in a digit are different actors.
  if (raw.digits[x] !== raw.digits[y] || shorter < 5) return 0;
  const d = editDistance(a, b);
  if (d === 1) return shorter >= 6 ? 0.9 : 0.7;
  if (d === 2 && shorter >= 8) return 0.7;
  return 0;
}

/** The best near-identical pair of names as written, and its bits (0 when none). */
export function nearNames(c: Compact, i: number, j: number): { bits: number; x: number; y: number } {
  const l = c.rawNames;
  let best = 0;
  let bx = -1;
  let by = -1;
  for (let p = l.start[i]!; p < l.start[i + 1]!; p++) {
    const x = l.ids[p]!;
    for (let q = l.start[j]!; q < l.start[j + 1]!; q++) {
      const y = l.ids[q]!;
      const factor = nearNameFactor(c.raw, x, y);
      if (factor === 0) continue;
      const bits = c.raw.bits[x]! * factor;
      if (bits > best) {
        best = bits;
        bx = x;
        by = y;
      }
    }
  }
  return { bits: best, x: bx, y: by };
}


/** Full weight for a value only one entry per partner has; less the more entries of one partner share it. */
export function rarity(spread: number | undefined, weight: number): number {
  return Math.max(0, weight * (1 - 0.4 * Math.log2(spread ?? 1)));
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function roleFactorOf(a: number, b: number): number {
  if (a === ROLE_IDENTITY && b === ROLE_IDENTITY) return 1;
  if (a === ROLE_IDENTITY || b === ROLE_IDENTITY) return 0.6;
  if (a === ROLE_ACTOR && b === ROLE_ACTOR) return 0.6;
  return 0.4;
}

/** Sum of `weight[value]` over the values two id lists share (in ascending order); -1 when they share none. */
export function sharedSum(l: IdLists, i: number, j: number, weight: Float64Array): number {
  const ids = l.ids;
  let x = l.start[i]!;
  const xe = l.start[i + 1]!;
  let y = l.start[j]!;
  const ye = l.start[j + 1]!;
  let sum = 0;
  let count = 0;
  while (x < xe && y < ye) {
    const u = ids[x]!;
    const v = ids[y]!;
    if (u === v) {
      sum += weight[u]!;
      count++;
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  return count === 0 ? -1 : sum;
}

function sharedCount(l: IdLists, i: number, j: number): number {
  const ids = l.ids;
  let x = l.start[i]!;
  const xe = l.start[i + 1]!;
  let y = l.start[j]!;
  const ye = l.start[j + 1]!;
  let count = 0;
  while (x < xe && y < ye) {
    const u = ids[x]!;
    const v = ids[y]!;
    if (u === v) {
      count++;
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  return count;
}

export function lengthOf(l: IdLists, i: number): number {
  return l.start[i + 1]! - l.start[i]!;
}

/** Weighted similarity of two entries' words: the dot product sums i's weights over shared words in id order. */
export function similarity(l: IdLists, w: Float64Array, norms: Float64Array, i: number, j: number): number {
  const na = norms[i]!;
  const nb = norms[j]!;
  if (na === 0 || nb === 0) return 0;
  const ids = l.ids;
  let x = l.start[i]!;
  const xe = l.start[i + 1]!;
  let y = l.start[j]!;
  const ye = l.start[j + 1]!;
  let dot = 0;
  while (x < xe && y < ye) {
    const u = ids[x]!;
    const v = ids[y]!;
    if (u === v) {
      dot += w[x]!;
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  return 0.5 * (dot / (na * nb)) + 0.5 * (dot / Math.min(na * na, nb * nb));
}

/** Jaccard overlap of two entries' lists; 0 when either is empty. */
export function jaccard(l: IdLists, i: number, j: number): number {
  const la = lengthOf(l, i);
  const lb = lengthOf(l, j);
  if (la === 0 || lb === 0) return 0;
  const inter = sharedCount(l, i, j);
  return inter / (la + lb - inter);
}

/** Whether some distinctive word of entry i appears in neither the title nor the summary of entry j. */
export function hasUnmentioned(c: Compact, i: number, j: number): boolean {
  return nextUnmentioned(c, i, j, c.distinctive.start[i]!) >= 0;
}

/**
 * The first place from `from` in entry i's distinctive words whose word appears in neither the
 * title nor the summary of entry j, or -1. (The scorer only asks whether there is one, without
 * making a list.)
 */
function nextUnmentioned(c: Compact, i: number, j: number, from: number): number {
  const d = c.distinctive;
  for (let x = from; x < d.start[i + 1]!; x++) {
    const w = d.ids[x]!;
    if (!contains(c.title, j, w) && !contains(c.summary, j, w)) return x;
  }
  return -1;
}

/** The distinctive words of entry i (ids, in order) that appear in neither the title nor the summary of entry j. */
export function unmentionedWords(c: Compact, i: number, j: number): number[] {
  const out: number[] = [];
  for (let x = nextUnmentioned(c, i, j, c.distinctive.start[i]!); x >= 0; x = nextUnmentioned(c, i, j, x + 1)) out.push(c.distinctive.ids[x]!);
  return out;
}

function contains(l: IdLists, i: number, value: number): boolean {
  let lo = l.start[i]!;
  let hi = l.start[i + 1]! - 1;
  const ids = l.ids;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The best shared name's bits (before rounding), 0 when the entries share no name. The maximum
 * does not depend on the order names are visited in, so the id order serves.
 */
function sharedNameBits(c: Compact, i: number, j: number): number {
  const l = c.names;
  const ids = l.ids;
  let x = l.start[i]!;
  const xe = l.start[i + 1]!;
  let y = l.start[j]!;
  const ye = l.start[j + 1]!;
  let best = 0;
  while (x < xe && y < ye) {
    const u = ids[x]!;
    const v = ids[y]!;
    if (u === v) {
      const factor = roleFactorOf(c.roles[x]!, c.roles[y]!);
      const bits = factor === 1 ? c.identityBits[u]! : c.nameBits[u]! * factor;
      if (bits > best) best = bits;
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  return best;
}

/** The best shared name of two entries: its id, its bits (before rounding) and the role it has for each. */
export interface SharedName {
  /** -1 when the entries share no name that gives bits. */
  name: number;
  bits: number;
  roleI: number;
  roleJ: number;
}

/**
 * The shared name with the best bits, as the explanation names it: of names with equal bits, the
 * one entry i records first. An entry records its malware names, then its actors, then its
 * identities, each in code-unit (id) order, a name keeping the place it was first recorded at.
 * The bits are those of `sharedNameBits`.
 */
export function bestSharedName(c: Compact, i: number, j: number): SharedName {
  const l = c.names;
  const ids = l.ids;
  let x = l.start[i]!;
  const xe = l.start[i + 1]!;
  let y = l.start[j]!;
  const ye = l.start[j + 1]!;
  const best: SharedName = { name: -1, bits: 0, roleI: -1, roleJ: -1 };
  while (x < xe && y < ye) {
    const u = ids[x]!;
    const v = ids[y]!;
    if (u === v) {
      const factor = roleFactorOf(c.roles[x]!, c.roles[y]!);
      const bits = factor === 1 ? c.identityBits[u]! : c.nameBits[u]! * factor;
      // Ties are rare: only then is the place in entry i's record looked up.
      if (bits > best.bits || (bits === best.bits && bits > 0 && recordedBefore(c, i, u, best.name))) {
        best.name = u;
        best.bits = bits;
        best.roleI = c.roles[x]!;
        best.roleJ = c.roles[y]!;
      }
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  return best;
}

/** Whether entry i records name u before name w (see bestSharedName). */
function recordedBefore(c: Compact, i: number, u: number, w: number): boolean {
  const gu = recordGroup(c, i, u);
  const gw = recordGroup(c, i, w);
  return gu < gw || (gu === gw && u < w);
}

function recordGroup(c: Compact, i: number, name: number): number {
  if (contains(c.malware, i, name)) return 0;
  return contains(c.actors, i, name) ? 1 : 2;
}

/**
 * Whether the titles of i and j may only count against them: both name threats and no name joins
 * them (`nameBits`, the names' evidence, is not positive). Names learnt from short titles
 * ("Black Basta ransomware", "LockBit Black ransomware") are too weak to count against, but what
 * such titles share is then the generic rest ("Black … ransomware"). Summaries are not held to
 * this: the same long text is evidence whatever the titles say.
 */
export function titlesOnlyAgainst(c: Compact, i: number, j: number, nameBits: number): boolean {
  return nameBits <= 0 && c.rawNameCount[i]! > 0 && c.rawNameCount[j]! > 0;
}

/**
 * The pair's score, exactly as `pairEvidence(a, b, ctx, false)` computes it: the same parts, each
 * rounded to hundredths, added in the same order.
 */
export function compactScore(c: Compact, p: ResolveParameters, i: number, j: number): number {
  let score = p.prior;
  // Names
  let nameBits = 0;
  const shared = sharedNameBits(c, i, j);
  if (shared > 0) {
    nameBits = round2(shared);
    score += nameBits;
  } else {
    const near = c.rawNameCount[i]! > 0 && c.rawNameCount[j]! > 0 ? nearNames(c, i, j).bits : 0;
    if (near > 0) {
      nameBits = round2(near);
      score += nameBits;
    } else if (c.strongCount[i]! > 0 && c.strongCount[j]! > 0) {
      nameBits = p.nameConflict;
      score += round2(p.nameConflict);
    } else {
      if (lengthOf(c.actors, i) > 0 && lengthOf(c.actors, j) > 0 && sharedCount(c.actors, i, j) === 0) {
        score += round2(p.actorConflict);
        nameBits += p.actorConflict;
      }
      if (lengthOf(c.malware, i) > 0 && lengthOf(c.malware, j) > 0 && sharedCount(c.malware, i, j) === 0) {
        score += round2(p.malwareConflict);
        nameBits += p.malwareConflict;
      }
    }
  }
  // Shared identifiers
  const cve = sharedSum(c.cves, i, j, c.cveBits);
  if (cve >= 0) score += round2(Math.min(cve, p.cveCap));
  const ioc = sharedSum(c.indicators, i, j, c.indicatorBits);
  if (ioc >= 0) score += round2(Math.min(ioc, p.indicatorCap));

  const named = c.strongCount[i]! > 0 || c.strongCount[j]! > 0;
  if (!named && nameBits === 0 && hasUnmentioned(c, i, j) && hasUnmentioned(c, j, i)) score += round2(p.wordConflict);
  const clip = (bits: number) => (nameBits > 0 ? Math.max(0, bits) : named ? Math.min(0, bits) : bits);
  const sim = similarity(c.title, c.titleW, c.titleNorm, i, j);
  const title = clip(p.titleScale * sim + p.titleOffset);
  score += round2(titlesOnlyAgainst(c, i, j, nameBits) ? Math.min(0, title) : title);
  if (lengthOf(c.summary, i) > 0 && lengthOf(c.summary, j) > 0) {
    const s = similarity(c.summary, c.summaryW, c.summaryNorm, i, j);
    score += round2(clip(p.summaryScale * s + p.summaryOffset));
  }

  if (c.category[i] === c.category[j]) {
    const unnamed = c.nameCount[i] === 0 && c.nameCount[j] === 0;
    const sample = Math.min(1, Math.min(c.partnerSize[i]!, c.partnerSize[j]!) / 10);
    // The same product, in the same order, as in pairEvidence.
    const rare = unnamed ? p.categoryRare * sample * c.categoryRarity[c.category[i]!]! : 0;
    score += round2(p.categoryMatch + rare);
  } else score += round2(p.categoryMismatch);

  const tech = jaccard(c.techniques, i, j);
  if (tech > 0) score += round2(p.techniques * tech);
  const sec = jaccard(c.sectors, i, j);
  if (sec > 0) score += round2(p.sectors * sec);
  const reg = jaccard(c.regions, i, j);
  if (reg > 0) score += round2(p.regions * reg);
  return round2(score);
}

/**
 * The blocks that candidate pairs come from, as ids: for each entry its usable blocks, for each
 * block its members (ascending entry index).
 */
export interface BlockIndex {
  blocksOf: IdLists;
  members: IdLists;
}

/**
 * The candidate pairs (i, j) with i in [from, to) and j > i sharing a usable block, in (i, j)
 * order (of places, with `entryAt`), and their scores. Ranges can be scored on different threads; concatenated in range
 * order they give exactly the single-thread result.
 */
export function scoreRange(
  c: Compact,
  blocks: BlockIndex,
  p: ResolveParameters,
  from: number,
  to: number,
  /** Per entry, the last i it was paired with; one thread's chunks can share it, since each i comes once. */
  stamp: Int32Array = new Int32Array(c.n).fill(-1),
  /**
   * When the compact arrays and blocks are in another layout (moveToLayout): the entry at each
   * place. Ranges are then of places, and each pair comes out as its two entries, the lower
   * first, scored with that one first, as in entry order (a score may depend on the order).
   */
  entryAt?: Int32Array,
): { pairs: Int32Array; scores: Float64Array } {
  let pairs = new Int32Array(1024);
  let count = 0;
  const later: number[] = [];
  const { blocksOf, members } = blocks;
  for (let i = from; i < to; i++) {
    later.length = 0;
    for (let x = blocksOf.start[i]!; x < blocksOf.start[i + 1]!; x++) {
      const b = blocksOf.ids[x]!;
      for (let y = members.start[b]!; y < members.start[b + 1]!; y++) {
        const j = members.ids[y]!;
        if (j <= i || stamp[j] === i) continue;
        stamp[j] = i;
        later.push(j);
      }
    }
    later.sort((x, y) => x - y);
    if (2 * (count + later.length) > pairs.length) {
      const grown = new Int32Array(Math.max(2 * pairs.length, 2 * (count + later.length)));
      grown.set(pairs.subarray(0, 2 * count));
      pairs = grown;
    }
    for (const j of later) {
      pairs[2 * count] = i;
      pairs[2 * count + 1] = j;
      count++;
    }
  }
  const scores = new Float64Array(count);
  if (entryAt === undefined) {
    for (let k = 0; k < count; k++) scores[k] = compactScore(c, p, pairs[2 * k]!, pairs[2 * k + 1]!);
  } else {
    for (let k = 0; k < count; k++) {
      const x = pairs[2 * k]!;
      const y = pairs[2 * k + 1]!;
      const a = entryAt[x]!;
      const b = entryAt[y]!;
      scores[k] = a < b ? compactScore(c, p, x, y) : compactScore(c, p, y, x);
      pairs[2 * k] = Math.min(a, b);
      pairs[2 * k + 1] = Math.max(a, b);
    }
  }
  return { pairs: pairs.slice(0, 2 * count), scores };
}

/**
 * Boundaries of `parts` consecutive ranges of entries with about the same work each: chunk k is
 * entries [bounds[k], bounds[k + 1]). Entry i is paired only with the members of its blocks that
 * come after it, and members are in ascending order, so the first entries of a block carry most of
 * its pairs: the work of entry i is, over its blocks, the number of members after it (an upper
 * bound on its pairs, which overlapping blocks share). Ranges may be empty.
 */
export function workChunks(blocks: BlockIndex, n: number, parts: number): Int32Array {
  const work = new Float64Array(n + 1);
  const { blocksOf, members } = blocks;
  for (let i = 0; i < n; i++) work[i + 1] = 1 + blocksOf.start[i + 1]! - blocksOf.start[i]!;
  const blockCount = members.start.length - 1;
  for (let b = 0; b < blockCount; b++) {
    const end = members.start[b + 1]!;
    for (let y = members.start[b]!; y < end; y++) work[members.ids[y]! + 1]! += end - y - 1;
  }
  for (let i = 0; i < n; i++) work[i + 1]! += work[i]!;
  const bounds = new Int32Array(parts + 1);
  let at = 0;
  for (let k = 1; k < parts; k++) {
    const target = (work[n]! * k) / parts;
    while (at < n && work[at + 1]! <= target) at++;
    bounds[k] = at;
  }
  bounds[parts] = n;
  return bounds;
}

/**
 * Where each entry's data sit in the compact arrays (`slotOf`), and which entry each place holds
 * (`entryAt`): the two are inverse permutations.
 */
export interface Layout {
  slotOf: Int32Array;
  entryAt: Int32Array;
}

/** Every entry at its own index, as the compact arrays are built. */
export function entryOrderLayout(n: number): Layout {
  const slotOf = sharedInt32(n);
  for (let i = 0; i < n; i++) slotOf[i] = i;
  return { slotOf, entryAt: slotOf };
}

/**
 * An order of the entries in which the members of each block sit close together: blocks are
 * visited smallest first (the names and rare identifiers, where a threat's entries meet), and
 * each places its members not placed yet. Entries come in partner order, so the entries of one
 * threat are otherwise a hundred partners apart, and scoring a pair read its features at random
 * from tens of arrays of a million entries each: at 1M entries each pair cost twice what it did
 * at 100k (docs/performance.md, "What limits" 4).
 */
export function localityLayout(blocks: BlockIndex, n: number): Layout {
  const { members } = blocks;
  const blockCount = members.start.length - 1;
  let largest = 0;
  for (let b = 0; b < blockCount; b++) largest = Math.max(largest, members.start[b + 1]! - members.start[b]!);
  // Blocks by size, ascending, then by id: a counting sort (there are millions of blocks).
  const bySize = new Int32Array(largest + 2);
  for (let b = 0; b < blockCount; b++) bySize[members.start[b + 1]! - members.start[b]! + 1]!++;
  for (let s = 0; s <= largest; s++) bySize[s + 1]! += bySize[s]!;
  const order = new Int32Array(blockCount);
  for (let b = 0; b < blockCount; b++) order[bySize[members.start[b + 1]! - members.start[b]!]!++] = b;
  const slotOf = sharedInt32(n).fill(-1);
  const entryAt = sharedInt32(n);
  let next = 0;
  for (const b of order) {
    for (let y = members.start[b]!; y < members.start[b + 1]!; y++) {
      const i = members.ids[y]!;
      if (slotOf[i]! < 0) {
        slotOf[i] = next;
        entryAt[next++] = i;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (slotOf[i]! < 0) {
      slotOf[i] = next;
      entryAt[next++] = i;
    }
  }
  return { slotOf, entryAt };
}

/**
 * Moves every entry's data in the compact arrays and in the blocks to its place in `layout`
 * (given in entry order). The arrays are rewritten in place, through the summary words' weights
 * as scratch, and those weights are then worked out again from the words' IDF (`wordIdf`, by
 * word id), as the context made them. New arrays instead would be hundreds of megabytes of new
 * array buffers at 1M entries, and in Node 20 every ~64 MB of those starts a full collection.
 */
export function moveToLayout(c: Compact, blocks: BlockIndex, layout: Layout, wordIdf: { title: Float64Array; summary: Float64Array }): void {
  const { slotOf, entryAt } = layout;
  const n = c.n;
  // Lists with the bytes that run beside their ids, one per id.
  const lists: [IdLists, Uint8Array[]][] = [
    [c.names, [c.roles]], [c.actors, []], [c.malware, []], [c.title, []], [c.summary, []], [c.distinctive, []], [c.cves, []],
    [c.indicators, []], [c.techniques, []], [c.sectors, []], [c.regions, []], [c.rawNames, []], [blocks.blocksOf, []],
  ];
  const perEntry = [c.partner, c.category, c.strongCount, c.nameCount, c.rawNameCount];
  // Float64 values are moved as pairs of 32-bit words, so every copy loop reads and writes Int32Arrays.
  const words = (a: Float64Array) => new Int32Array(a.buffer, a.byteOffset, 2 * a.length);
  const perEntryFloats = [c.partnerSize, c.titleNorm, c.summaryNorm].map(words);
  let longest = 2 * n;
  for (const [l] of lists) longest = Math.max(longest, l.ids.length);
  const scratch = longest <= 2 * c.summaryW.length ? words(c.summaryW) : new Int32Array(longest);
  const bytes = new Uint8Array(scratch.buffer, scratch.byteOffset, scratch.byteLength);
  const starts = new Int32Array(n + 1);
  const each = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) each[i] = i;
  for (const a of perEntry) moveRuns(a, 1, each, each, entryAt, scratch);
  for (const a of perEntryFloats) moveRuns(a, 2, each, each, entryAt, scratch);
  for (const [l, flags] of lists) {
    for (let s = 0; s < n; s++) starts[s + 1] = starts[s]! + l.start[entryAt[s]! + 1]! - l.start[entryAt[s]!]!;
    moveRuns(l.ids, 1, l.start, starts, entryAt, scratch);
    for (const a of flags) moveByteRuns(a, l.start, starts, entryAt, bytes);
    l.start.set(starts);
  }
  // As weighWords makes them.
  for (let k = 0; k < c.title.ids.length; k++) c.titleW[k] = wordIdf.title[c.title.ids[k]!]! ** 2;
  for (let k = 0; k < c.summary.ids.length; k++) c.summaryW[k] = wordIdf.summary[c.summary.ids[k]!]! ** 2;
  // Members become places, ascending within each block, as scoreRange expects.
  const { members } = blocks;
  for (let y = 0; y < members.ids.length; y++) members.ids[y] = slotOf[members.ids[y]!]!;
  for (let b = 0; b + 1 < members.start.length; b++) insertionSort(members.ids, members.start[b]!, members.start[b + 1]!);
}

/**
 * Place s of `a` receives the run of entry entryAt[s]: entry e's run is a[width·from[e] …
 * width·from[e + 1]), and place s's run starts at width·to[s].
 */
function moveRuns(a: Int32Array, width: number, from: Int32Array, to: Int32Array, entryAt: Int32Array, scratch: Int32Array): void {
  const n = entryAt.length;
  for (let s = 0; s < n; s++) {
    const e = entryAt[s]!;
    for (let x = width * from[e]!, end = width * from[e + 1]!, y = width * to[s]!; x < end; x++, y++) scratch[y] = a[x]!;
  }
  a.set(scratch.subarray(0, a.length));
}

/** moveRuns for one byte per value. */
function moveByteRuns(a: Uint8Array, from: Int32Array, to: Int32Array, entryAt: Int32Array, scratch: Uint8Array): void {
  const n = entryAt.length;
  for (let s = 0; s < n; s++) {
    const e = entryAt[s]!;
    for (let x = from[e]!, end = from[e + 1]!, y = to[s]!; x < end; x++, y++) scratch[y] = a[x]!;
  }
  a.set(scratch.subarray(0, a.length));
}

/** Sorts a[from … to - 1] ascending; blocks are small (capped at a few hundred members). */
function insertionSort(a: Int32Array, from: number, to: number): void {
  for (let x = from + 1; x < to; x++) {
    const v = a[x]!;
    let y = x - 1;
    while (y >= from && a[y]! > v) {
      a[y + 1] = a[y]!;
      y--;
    }
    a[y + 1] = v;
  }
}

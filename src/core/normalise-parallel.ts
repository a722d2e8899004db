/**
 * Normalisation on a second thread, for `merge`: the main thread sends some submissions' threats
 * to a helper, normalises the others itself, and takes the helper's entries back. Before that,
 * each thread works out the lexicon facts of the entries it is to normalise (the lexicon is made
 * from both), so that the main thread does half of that work, and each thread's caches hold the
 * names of its own entries.
 *
 * Normalisation was the largest phase of a large merge (40 µs an entry) and ran on one core.
 * What crosses between the threads is kept cheap, because structured-cloning parsed threats or
 * normalised entries costs about what normalising them does:
 * - out: each threat's JSON text, which the merge keeps anyway (StoredThreats), on shared memory;
 * - back: each value of the entries' lists once, in a table the helper keeps for all its pieces;
 *   the entries' own strings (key, title, …) in a table of the pack's; everything else as numbers
 *   (`PackedEntries`). The lists the resolver's context counts are numbered for it from those ids
 *   as they arrive (ContextLists), and only the others are made back into strings.
 * The helper parses the same texts the merge parses back when it writes the threats, and the
 * round trip gives back the same values, so its entries are the ones this thread would have made:
 * tests compare them field by field, and merged outputs byte by byte. Large shares go in pieces
 * (PIECE_ENTRIES in merge.ts), so that neither thread holds a whole share's packs at once; both
 * keep the helper's table of the lists' values (PackTable, and its copy here) for the whole share.
 */
import { lexiconFacts, type LexiconFacts, type LexiconSnapshot } from './aliases.js';
import { CONTEXT_ONLY, PACKED_ORDER, PACKED_PLACE, type ContextLists } from './context-lists.js';
import { NO_STRINGS, normaliseEntry, type NameLookup, type NormEntry } from './normalise.js';
import type { Category, RawThreat, Tlp } from './types.js';

/** One submission's threats, sent to the helper: texts and what normaliseEntry needs besides. */
export interface ShippedSubmission {
  /** Its position among the submissions sent, for the answer. */
  shipment: number;
  partner: string;
  file: string;
  /** The index of its first entry; the others follow in order. */
  firstIndex: number;
  /** The threats' JSON texts in UTF-8, in entry order: text k is bytes bounds[k] … bounds[k + 1] - 1. */
  texts: SharedArrayBuffer;
  bounds: Int32Array;
  lines: number[];
  tlps: Tlp[];
}

/**
 * A piece's normalised entries as the strings new to the helper's table and two arrays of
 * numbers (see packEntries for the layout), which cross between threads without a walk over
 * objects.
 */
export interface PackedEntries {
  shipment: number;
  /**
   * The helper's table grows from pack to pack: these are its strings `firstString` on, first
   * used by this pack's entries. Ids refer to the whole table, so each string crosses once.
   */
  firstString: number;
  strings: string[];
  /**
   * The entries' own strings (key, partner, entry id, file, title, TLP), in a table of this
   * pack's alone: keys, ids and titles are nearly all different, and would only fill the
   * helper's table (and this thread's ids for its strings) for nothing.
   */
  scalars: string[];
  /** Per entry: index, line, likelihood, impact, confidence, rank (NaN for none). */
  numbers: Float64Array;
  /**
   * Per entry: the ids of its scalar fields (in `scalars`, but the category in the helper's
   * table, as the context counts it), then each list as its length and its ids in the helper's table.
   */
  ids: Int32Array;
}

/** The second thread, as the merge core sees it (the command line provides it). */
export interface ParallelNormaliser {
  /** Below this many entries, a second thread costs more than it saves. */
  minEntries: number;
  /**
   * Undefined when no helper could be started: the caller normalises everything itself.
   * `keepParsed`: the helper may keep the threats it parses for their facts until it normalises
   * them (the heap has room), rather than parse them again.
   */
  start(keepParsed: boolean): NormaliseHelper | undefined;
}

/**
 * The helper's work comes in two stages. First, as each piece is shipped, it works out the
 * piece's lexicon facts (lexiconFacts), while this thread works out those of its own entries;
 * the merge's lexicon is made from both. Then, given the lexicon, it normalises the pieces.
 */
export interface NormaliseHelper {
  ship(piece: ShippedSubmission): void;
  /**
   * The facts of the pieces shipped, in the order shipped, waiting for them: fewer when the
   * helper fails, stops answering or answers out of turn, after which it is stopped (the caller
   * works out the rest, and normalises every piece, itself).
   */
  facts(): { shipment: number; facts: LexiconFacts }[];
  /** The merge's lexicon: the helper normalises the pieces with it. */
  normalise(lexicon: LexiconSnapshot): void;
  /**
   * Hands the helper's answers to `take`, in the order the pieces were shipped, waiting for
   * them; stops when `take` refuses one, or when the helper fails or stops answering. The
   * caller normalises the pieces left unanswered.
   */
  finish(take: (packed: PackedEntries) => boolean): void;
  /** Stops the helper (also when the merge fails before `finish`); may be called again. */
  end(): void;
}

const NUMBERS_PER_ENTRY = 6;
const SCALARS_PER_ENTRY = 7;

/** An entry's lists, in the order they are packed (PACKED_ORDER). */
function listsOf(e: NormEntry): readonly (readonly string[])[] {
  return PACKED_ORDER.map((list) => e[list]);
}

/** Per place of a packed list, whether only the context reads it. */
const CONTEXT_ONLY_PLACE = PACKED_ORDER.map((list) => CONTEXT_ONLY.includes(list));

/**
 * The helper's work on one piece; `table` is the helper's, kept from piece to piece. `threats`:
 * the piece's threats, if already parsed from its texts.
 */
export function normaliseShipped(piece: ShippedSubmission, names: NameLookup, table: PackTable, threats?: readonly RawThreat[]): PackedEntries {
  return packEntries(piece.shipment, normaliseShippedEntries(piece, names, threats), table);
}

/** A piece's threats, parsed from its texts. */
export function shippedThreats(piece: ShippedSubmission): RawThreat[] {
  const texts = Buffer.from(piece.texts);
  const threats: RawThreat[] = new Array<RawThreat>(piece.lines.length);
  for (let k = 0; k < threats.length; k++) threats[k] = JSON.parse(texts.toString('utf8', piece.bounds[k], piece.bounds[k + 1])) as RawThreat;
  return threats;
}

/** The lexicon facts of a piece (on the helper, or here when the helper did not answer for it). */
export function shippedFacts(piece: ShippedSubmission, threats: readonly RawThreat[] = shippedThreats(piece)): LexiconFacts {
  return lexiconFacts(threats);
}

/** The strings the helper has packed so far, numbered in the order first packed. */
export class PackTable {
  private readonly idOf = new Map<string, number>();
  private size = 0;
  private fresh: string[] = [];

  id(s: string): number {
    let i = this.idOf.get(s);
    if (i === undefined) {
      i = this.size++;
      this.fresh.push(s);
      this.idOf.set(s, i);
    }
    return i;
  }

  /** The strings numbered since the last call, and the id of the first of them. */
  takeFresh(): { firstString: number; strings: string[] } {
    const strings = this.fresh;
    this.fresh = [];
    return { firstString: this.size - strings.length, strings };
  }
}

/**
 * The entries of a piece, from its texts or from `threats` parsed from them (on the helper, or
 * here when the helper did not answer for it).
 */
export function normaliseShippedEntries(piece: ShippedSubmission, names: NameLookup, threats: readonly RawThreat[] = shippedThreats(piece)): NormEntry[] {
  if (threats.length !== piece.lines.length) throw new Error(`internal: piece ${piece.shipment} has ${piece.lines.length} entries, not ${threats.length}`);
  const entries: NormEntry[] = [];
  for (let k = 0; k < piece.lines.length; k++) {
    const entry = normaliseEntry(threats[k]!, piece.partner, piece.file, piece.lines[k]!, piece.tlps[k]!, piece.firstIndex + k, names);
    // The merge keeps the text, not the parsed threat.
    entry.raw = undefined;
    entries.push(entry);
  }
  return entries;
}

export function packEntries(shipment: number, entries: readonly NormEntry[], table: PackTable): PackedEntries {
  const id = (s: string) => table.id(s);
  const scalars = new PackTable();
  const scalar = (s: string) => scalars.id(s);
  const numbers = new Float64Array(NUMBERS_PER_ENTRY * entries.length);
  const lists = entries.map(listsOf);
  let size = SCALARS_PER_ENTRY * entries.length;
  for (const ofEntry of lists) for (const list of ofEntry) size += 1 + list.length;
  const ids = new Int32Array(size);
  let at = 0;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k]!;
    const n = NUMBERS_PER_ENTRY * k;
    numbers[n] = e.index;
    numbers[n + 1] = e.line;
    numbers[n + 2] = e.likelihood;
    numbers[n + 3] = e.impact;
    numbers[n + 4] = e.confidence ?? NaN;
    numbers[n + 5] = e.rank ?? NaN;
    ids[at++] = scalar(e.key);
    ids[at++] = scalar(e.partner);
    ids[at++] = scalar(e.entryId);
    ids[at++] = scalar(e.file);
    ids[at++] = scalar(e.title);
    ids[at++] = id(e.category);
    ids[at++] = scalar(e.tlp);
    for (const list of lists[k]!) {
      ids[at++] = list.length;
      for (const s of list) ids[at++] = id(s);
    }
  }
  return { shipment, ...table.takeFresh(), scalars: scalars.takeFresh().strings, numbers, ids };
}

/**
 * A whole number read from a Float64Array as the small integer it is. Read as it comes, it is a
 * heap number: the entries made from it would get another hidden class than normaliseEntry's,
 * whose fields hold small integers, and V8 would then migrate every entry of this thread to the
 * wider class on first touch (~0.2 s at 100k) and box each of those fields in its own heap
 * number. A value outside the int32 range stays as it is; -0 becomes 0 (only a confidence could
 * be -0, and what reads it, a mean and a weight, cannot tell them apart; output takes it from the
 * threat's own text).
 */
export function integer(x: number): number {
  return (x | 0) === x ? x | 0 : x;
}

/**
 * Appends the entries of a pack to `into`, if it holds exactly the piece's entries (their
 * number and indices) and continues the helper's table as `received` has it so far; false, and
 * nothing appended, if not. `received` is this thread's copy of the helper's table, which
 * grows by the pack's new strings.
 *
 * Given `counted`, each entry's lists are numbered for the context there, and the lists only
 * the context reads are not made as strings at all (they are left empty, as dropCountedLists
 * leaves them).
 */
export function unpackEntries(packed: PackedEntries, piece: Pick<ShippedSubmission, 'firstIndex' | 'lines'>, into: NormEntry[], received: string[], counted?: ContextLists): boolean {
  const { numbers, ids, scalars } = packed;
  const count = numbers.length / NUMBERS_PER_ENTRY;
  if (count !== piece.lines.length || packed.firstString !== received.length) return false;
  for (let k = 0; k < count; k++) if (numbers[NUMBERS_PER_ENTRY * k] !== piece.firstIndex + k) return false;
  for (const s of packed.strings) received.push(s);
  const strings = received;
  let at = 0;
  const starts = new Int32Array(PACKED_ORDER.length);
  const made: string[][] = new Array<string[]>(PACKED_ORDER.length);
  const list = (): string[] => {
    const length = ids[at++]!;
    if (length === 0) return NO_STRINGS;
    const out = new Array<string>(length);
    for (let k = 0; k < length; k++) out[k] = strings[ids[at++]!]!;
    return out;
  };
  // A list only the context reads, when it is numbered for the context instead.
  const skipped = (): string[] => {
    at += 1 + ids[at]!;
    return NO_STRINGS;
  };
  const optional = (x: number) => (Number.isNaN(x) ? undefined : integer(x));
  for (let k = 0; k < count; k++) {
    const n = NUMBERS_PER_ENTRY * k;
    const key = scalars[ids[at]!]!;
    const partner = scalars[ids[at + 1]!]!;
    const entryId = scalars[ids[at + 2]!]!;
    const file = scalars[ids[at + 3]!]!;
    const title = scalars[ids[at + 4]!]!;
    const categoryId = ids[at + 5]!;
    const category = strings[categoryId]! as Category;
    const tlp = scalars[ids[at + 6]!]! as Tlp;
    at += SCALARS_PER_ENTRY;
    for (let l = 0; l < PACKED_ORDER.length; l++) {
      starts[l] = at;
      made[l] = counted && CONTEXT_ONLY_PLACE[l] ? skipped() : list();
    }
    counted?.pushPacked(ids, starts, categoryId, strings);
    const p = PACKED_PLACE;
    // The same fields in the same order as normaliseEntry's, so that entries made on either
    // thread have the same hidden class.
    into.push({
      key,
      index: integer(numbers[n]!),
      partner,
      entryId,
      file,
      line: integer(numbers[n + 1]!),
      raw: undefined,
      title,
      likelihood: integer(numbers[n + 2]!),
      impact: integer(numbers[n + 3]!),
      confidence: optional(numbers[n + 4]!),
      rank: optional(numbers[n + 5]!),
      category,
      tlp,
      identityNames: made[p.identityNames]!,
      strongIdentity: made[p.strongIdentity]!,
      identityRaw: made[p.identityRaw]!,
      actorNames: made[p.actorNames]!,
      malwareNames: made[p.malwareNames]!,
      titleTokens: made[p.titleTokens]!,
      summaryTokens: made[p.summaryTokens]!,
      cves: made[p.cves]!,
      techniques: made[p.techniques]!,
      indicators: made[p.indicators]!,
      sectors: made[p.sectors]!,
      regions: made[p.regions]!,
    });
  }
  return true;
}

/**
 * The lists the resolver's context counts, numbered as the entries are normalised.
 *
 * The context gives every word, name and identifier of every entry an id (compact.ts). It did so
 * after normalisation, by looking each of tens of millions of strings up in a Map, on the main
 * thread alone; and the entries the helper thread normalised first came back as arrays of
 * strings only to be numbered. Here each entry's lists are numbered as it is made (this
 * thread's own), or from the helper's packed ids (`pushPacked`): a string of the helper's table
 * is looked up once per kind of value (words, names, CVEs, …), however many entries use it.
 * The ids are renumbered in code-unit order at the end (ValueIndex.finish), so they do not
 * depend on who numbered what first: the context is the same as when it numbers the entries
 * itself (`ContextLists.of`).
 */
import { ValueIndex, type IdListBuilder, type IdLists } from './compact.js';
import { NO_STRINGS, type NormEntry } from './normalise.js';

/** The numbered lists, in code-unit order of each kind's strings. */
export interface NumberedLists {
  words: string[];
  title: IdLists;
  summary: IdLists;
  nameStrings: string[];
  identity: IdLists;
  actors: IdLists;
  malware: IdLists;
  cveStrings: string[];
  cves: IdLists;
  indicatorStrings: string[];
  indicators: IdLists;
  categoryStrings: string[];
  /** One category per entry. */
  category: IdLists;
  techniques: IdLists;
  sectors: IdLists;
  regions: IdLists;
  /** Identity names as written. */
  rawNameStrings: string[];
  rawNames: IdLists;
}

/**
 * A normalised entry's lists in the order a pack holds them (normalise-parallel.ts packs and
 * unpacks by it): each is its length, then its strings' ids in the helper's table.
 */
export const PACKED_ORDER = ['identityNames', 'strongIdentity', 'identityRaw', 'actorNames', 'malwareNames', 'titleTokens', 'summaryTokens', 'cves', 'techniques', 'indicators', 'sectors', 'regions'] as const;
export type PackedList = (typeof PACKED_ORDER)[number];
/** Each list's place among a packed entry's lists. */
export const PACKED_PLACE = Object.fromEntries(PACKED_ORDER.map((list, place) => [list, place])) as Record<PackedList, number>;

/**
 * The lists only the context reads: words, techniques, sectors and names as written, two fifths
 * of a normalised entry (100 MB at 100k entries). Once numbered, a merge that owns its entries
 * empties them (dropCountedLists), and does not make them from a pack at all.
 */
export const CONTEXT_ONLY: readonly PackedList[] = ['identityRaw', 'titleTokens', 'summaryTokens', 'techniques', 'sectors'];

/**
 * Ids of one kind for the strings of the helper's table: looked up in the kind's index the
 * first time a string is met, then read from an array. The array reaches only as far as the
 * strings of this kind do: a kind with few values (categories, sectors) is met early in the
 * table and keeps a small one.
 */
class FromHelper implements Renumbering {
  private ids = new Int32Array(1024).fill(-1);

  constructor(readonly index: ValueIndex) {}

  id(helperId: number, strings: readonly string[]): number {
    if (helperId >= this.ids.length) this.grow(helperId + 1, strings.length);
    let id = this.ids[helperId]!;
    if (id < 0) {
      id = this.index.idOf(strings[helperId]!);
      this.ids[helperId] = id;
    }
    return id;
  }

  private grow(atLeast: number, tableSize: number): void {
    const grown = new Int32Array(Math.min(tableSize, Math.max(atLeast, 2 * this.ids.length))).fill(-1);
    grown.set(this.ids);
    this.ids = grown;
  }
}

type Kind = 'words' | 'names' | 'cves' | 'indicators' | 'categories' | 'techniques' | 'sectors' | 'regions' | 'raw';
type ListName = 'title' | 'summary' | 'identity' | 'actors' | 'malware' | 'cves' | 'indicators' | 'category' | 'techniques' | 'sectors' | 'regions' | 'rawNames';

/** Everything ContextLists numbers with, let go of once the lists are finished. */
interface Numbering {
  /** Per kind of value, its index, and the ids of the helper's strings in it (the helper has one table for all kinds). */
  kinds: Record<Kind, FromHelper>;
  builders: Record<ListName, IdListBuilder>;
}

/** Which kind of value each list holds. */
const KIND_OF: Record<ListName, Kind> = {
  title: 'words', summary: 'words', identity: 'names', actors: 'names', malware: 'names', cves: 'cves', indicators: 'indicators',
  category: 'categories', techniques: 'techniques', sectors: 'sectors', regions: 'regions', rawNames: 'raw',
};

export class ContextLists {
  /** Undefined once finished: the indexes and growing lists (hundreds of MB at 1M entries) go then. */
  private numbering?: Numbering;
  private pushed = 0;

  constructor(readonly entryCount: number) {
    const kinds = {} as Record<Kind, FromHelper>;
    for (const kind of new Set(Object.values(KIND_OF))) kinds[kind] = new FromHelper(new ValueIndex());
    const builders = {} as Record<ListName, IdListBuilder>;
    for (const [list, kind] of Object.entries(KIND_OF) as [ListName, Kind][]) builders[list] = kinds[kind].index.builder(entryCount);
    this.numbering = { kinds, builders };
  }

  /** Every entry's lists, in entry order: what the context numbers when nobody did it before. */
  static of(entries: readonly NormEntry[]): ContextLists {
    const lists = new ContextLists(entries.length);
    for (const e of entries) lists.push(e);
    return lists;
  }

  private get open(): Numbering {
    if (!this.numbering) throw new Error('internal: the context lists are already finished');
    return this.numbering;
  }

  /** The next entry's lists. */
  push(e: NormEntry): void {
    const b = this.open.builders;
    b.title.push(e.titleTokens);
    b.summary.push(e.summaryTokens);
    b.identity.push(e.identityNames);
    b.actors.push(e.actorNames);
    b.malware.push(e.malwareNames);
    b.cves.push(e.cves);
    b.indicators.push(e.indicators);
    b.category.push([e.category]);
    b.techniques.push(e.techniques);
    b.sectors.push(e.sectors);
    b.regions.push(e.regions);
    b.rawNames.push(e.identityRaw);
    this.pushed++;
  }

  /**
   * The next entry's lists, from a pack: `lists[k]` is where its k-th list starts in `ids` (its
   * length, then its ids in `strings`, the helper's table), `category` its category's id there.
   */
  pushPacked(ids: Int32Array, lists: Int32Array, category: number, strings: readonly string[]): void {
    const { builders: b, kinds: k } = this.open;
    const at = PACKED_PLACE;
    b.title.pushFrom(ids, lists[at.titleTokens]!, k.words, strings);
    b.summary.pushFrom(ids, lists[at.summaryTokens]!, k.words, strings);
    b.identity.pushFrom(ids, lists[at.identityNames]!, k.names, strings);
    b.actors.pushFrom(ids, lists[at.actorNames]!, k.names, strings);
    b.malware.pushFrom(ids, lists[at.malwareNames]!, k.names, strings);
    b.cves.pushFrom(ids, lists[at.cves]!, k.cves, strings);
    b.indicators.pushFrom(ids, lists[at.indicators]!, k.indicators, strings);
    b.category.pushOne(k.categories.id(category, strings));
    b.techniques.pushFrom(ids, lists[at.techniques]!, k.techniques, strings);
    b.sectors.pushFrom(ids, lists[at.sectors]!, k.sectors, strings);
    b.regions.pushFrom(ids, lists[at.regions]!, k.regions, strings);
    b.rawNames.pushFrom(ids, lists[at.identityRaw]!, k.raw, strings);
    this.pushed++;
  }

  /** The lists in code-unit order of their strings. Call once, when every entry has been pushed. */
  finish(): NumberedLists {
    const { builders, kinds } = this.open;
    if (this.pushed !== this.entryCount) throw new Error(`internal: the context has the lists of ${this.pushed} of ${this.entryCount} entries`);
    this.numbering = undefined;
    const lists = Object.fromEntries(Object.entries(builders).map(([name, builder]) => [name, builder.done()])) as Record<ListName, IdLists>;
    // Every kind is renumbered (with the lists made of it); only some kinds' strings are kept.
    const strings = Object.fromEntries(Object.entries(kinds).map(([kind, k]) => [kind, k.index.finish()])) as Record<Kind, string[]>;
    return {
      ...lists,
      words: strings.words,
      nameStrings: strings.names,
      cveStrings: strings.cves,
      indicatorStrings: strings.indicators,
      categoryStrings: strings.categories,
      rawNameStrings: strings.raw,
    };
  }
}

/** How a builder reads ids of another numbering (FromHelper). */
export interface Renumbering {
  id(other: number, strings: readonly string[]): number;
}

/** Empties the lists only the context reads (CONTEXT_ONLY), once they are numbered. */
export function dropCountedLists(e: NormEntry): void {
  for (const list of CONTEXT_ONLY) e[list] = NO_STRINGS;
}

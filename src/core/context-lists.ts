/**
 * The lists the resolver's context counts, numbered as the entries are normalised.
 *
 * The context gives every word, name and identifier of every entry an id (compact.ts). It did so
 * after normalisation, by looking each of tens of millions of strings up in a Map, on the main
 * thread alone; and the entries the helper thread normalised first came back as arrays of
 * strings only to be numbered. Here each entry's lists are numbered as it is made (this
 * thread's own), or from the helper's packed ids (`pushPacked`): a string of the helper's table
 * is looked up once per kind of list, however many entries use it. The ids are renumbered in
 * code-unit order at the end (ValueIndex.finish), so they do not depend on who numbered what
 * first: the context is the same as when it numbers the entries itself (`ContextLists.of`).
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
 * A packed entry's lists (normalise-parallel.ts), in packing order: each is its length, then its
 * strings' ids in the helper's table. The places of the lists the context counts.
 */
export const PACKED_LISTS = 12;
const PACKED = { identity: 0, strong: 1, raw: 2, actors: 3, malware: 4, title: 5, summary: 6, cves: 7, techniques: 8, indicators: 9, sectors: 10, regions: 11 } as const;

/**
 * Ids of one kind for the strings of the helper's table: looked up in the kind's index the
 * first time a string is met, then read from an array.
 */
class FromHelper implements Renumbering {
  private ids = new Int32Array(1024).fill(-1);

  constructor(readonly index: ValueIndex) {}

  /** Room for a table of `size` strings. */
  reserve(size: number): void {
    if (size <= this.ids.length) return;
    const grown = new Int32Array(Math.max(size, 2 * this.ids.length)).fill(-1);
    grown.set(this.ids);
    this.ids = grown;
  }

  id(helperId: number, strings: readonly string[]): number {
    let id = this.ids[helperId]!;
    if (id < 0) {
      id = this.index.idOf(strings[helperId]!);
      this.ids[helperId] = id;
    }
    return id;
  }
}

export class ContextLists {
  private readonly wordIndex = new ValueIndex();
  private readonly nameIndex = new ValueIndex();
  private readonly cveIndex = new ValueIndex();
  private readonly indicatorIndex = new ValueIndex();
  private readonly categoryIndex = new ValueIndex();
  private readonly techniqueIndex = new ValueIndex();
  private readonly sectorIndex = new ValueIndex();
  private readonly regionIndex = new ValueIndex();
  private readonly rawIndex = new ValueIndex();
  private readonly title: IdListBuilder;
  private readonly summary: IdListBuilder;
  private readonly identity: IdListBuilder;
  private readonly actors: IdListBuilder;
  private readonly malware: IdListBuilder;
  private readonly cves: IdListBuilder;
  private readonly indicators: IdListBuilder;
  private readonly category: IdListBuilder;
  private readonly techniques: IdListBuilder;
  private readonly sectors: IdListBuilder;
  private readonly regions: IdListBuilder;
  private readonly rawNames: IdListBuilder;
  /** Per kind, the ids of the helper's strings (the helper's table is one for all kinds). */
  private readonly fromHelper: { [K in 'words' | 'names' | 'cves' | 'indicators' | 'categories' | 'techniques' | 'sectors' | 'regions' | 'raw']: FromHelper };
  private pushed = 0;

  constructor(readonly entries: number) {
    this.title = this.wordIndex.builder(entries);
    this.summary = this.wordIndex.builder(entries);
    this.identity = this.nameIndex.builder(entries);
    this.actors = this.nameIndex.builder(entries);
    this.malware = this.nameIndex.builder(entries);
    this.cves = this.cveIndex.builder(entries);
    this.indicators = this.indicatorIndex.builder(entries);
    this.category = this.categoryIndex.builder(entries);
    this.techniques = this.techniqueIndex.builder(entries);
    this.sectors = this.sectorIndex.builder(entries);
    this.regions = this.regionIndex.builder(entries);
    this.rawNames = this.rawIndex.builder(entries);
    this.fromHelper = {
      words: new FromHelper(this.wordIndex),
      names: new FromHelper(this.nameIndex),
      cves: new FromHelper(this.cveIndex),
      indicators: new FromHelper(this.indicatorIndex),
      categories: new FromHelper(this.categoryIndex),
      techniques: new FromHelper(this.techniqueIndex),
      sectors: new FromHelper(this.sectorIndex),
      regions: new FromHelper(this.regionIndex),
      raw: new FromHelper(this.rawIndex),
    };
  }

  /** Every entry's lists, in entry order: what the context numbers when nobody did it before. */
  static of(entries: readonly NormEntry[]): ContextLists {
    const lists = new ContextLists(entries.length);
    for (const e of entries) lists.push(e);
    return lists;
  }

  /** The next entry's lists. */
  push(e: NormEntry): void {
    this.title.push(e.titleTokens);
    this.summary.push(e.summaryTokens);
    this.identity.push(e.identityNames);
    this.actors.push(e.actorNames);
    this.malware.push(e.malwareNames);
    this.cves.push(e.cves);
    this.indicators.push(e.indicators);
    this.category.push([e.category]);
    this.techniques.push(e.techniques);
    this.sectors.push(e.sectors);
    this.regions.push(e.regions);
    this.rawNames.push(e.identityRaw);
    this.pushed++;
  }

  /** Before a pack's entries: the helper's table has grown to `size` strings. */
  helperTable(size: number): void {
    for (const kind of Object.values(this.fromHelper)) kind.reserve(size);
  }

  /**
   * The next entry's lists, from a pack: `lists[k]` is where its k-th list starts in `ids` (its
   * length, then its ids in `strings`, the helper's table), `category` its category's id there.
   */
  pushPacked(ids: Int32Array, lists: Int32Array, category: number, strings: readonly string[]): void {
    const h = this.fromHelper;
    this.title.pushFrom(ids, lists[PACKED.title]!, h.words, strings);
    this.summary.pushFrom(ids, lists[PACKED.summary]!, h.words, strings);
    this.identity.pushFrom(ids, lists[PACKED.identity]!, h.names, strings);
    this.actors.pushFrom(ids, lists[PACKED.actors]!, h.names, strings);
    this.malware.pushFrom(ids, lists[PACKED.malware]!, h.names, strings);
    this.cves.pushFrom(ids, lists[PACKED.cves]!, h.cves, strings);
    this.indicators.pushFrom(ids, lists[PACKED.indicators]!, h.indicators, strings);
    this.category.pushOne(h.categories.id(category, strings));
    this.techniques.pushFrom(ids, lists[PACKED.techniques]!, h.techniques, strings);
    this.sectors.pushFrom(ids, lists[PACKED.sectors]!, h.sectors, strings);
    this.regions.pushFrom(ids, lists[PACKED.regions]!, h.regions, strings);
    this.rawNames.pushFrom(ids, lists[PACKED.raw]!, h.raw, strings);
    this.pushed++;
  }

  /** The lists in code-unit order of their strings. Call once, when every entry has been pushed. */
  finish(): NumberedLists {
    if (this.pushed !== this.entries) throw new Error(`internal: the context has the lists of ${this.pushed} of ${this.entries} entries`);
    const lists = {
      title: this.title.done(),
      summary: this.summary.done(),
      identity: this.identity.done(),
      actors: this.actors.done(),
      malware: this.malware.done(),
      cves: this.cves.done(),
      indicators: this.indicators.done(),
      category: this.category.done(),
      techniques: this.techniques.done(),
      sectors: this.sectors.done(),
      regions: this.regions.done(),
      rawNames: this.rawNames.done(),
    };
    const strings = {
      words: this.wordIndex.finish(),
      nameStrings: this.nameIndex.finish(),
      cveStrings: this.cveIndex.finish(),
      indicatorStrings: this.indicatorIndex.finish(),
      categoryStrings: this.categoryIndex.finish(),
      rawNameStrings: this.rawIndex.finish(),
    };
    this.techniqueIndex.finish();
    this.sectorIndex.finish();
    this.regionIndex.finish();
    return { ...lists, ...strings };
  }
}

/** How a builder reads ids of another numbering (FromHelper). */
export interface Renumbering {
  id(other: number, strings: readonly string[]): number;
}

/**
 * Empties the lists only the context reads, once they are numbered: words, techniques, sectors
 * and names as written are two fifths of a normalised entry (100 MB at 100k entries), and a
 * merge that owns its entries need not hold them twice.
 */
export function dropCountedLists(e: NormEntry): void {
  e.titleTokens = NO_STRINGS;
  e.summaryTokens = NO_STRINGS;
  e.techniques = NO_STRINGS;
  e.sectors = NO_STRINGS;
  e.identityRaw = NO_STRINGS;
}

/**
 * Alias knowledge: which names denote the same threat. Loaded from MISP galaxy clusters, STIX 2.1
 * bundles, or a plain `canonical: [alias, …]` map, and from the names partners write themselves.
 */
import { mayHaveSeveralNameKeys, nameKey, nameKeysOf, specificWordCount, type NameLookup } from './normalise.js';
import type { RawThreat } from './types.js';
import { cmp, isObject } from './util.js';

export interface AliasGroup {
  /** Display name of the group. */
  name: string;
  aliases: string[];
  /** Where the group came from, for messages. */
  origin: string;
}

export interface AliasKnowledge {
  groups: AliasGroup[];
  warnings: string[];
}

/** Recognise the format of a parsed alias file and read its groups. */
export function readAliasFile(value: unknown, origin: string): AliasKnowledge {
  if (isObject(value) && Array.isArray(value['values'])) return fromMispGalaxy(value['values'], origin);
  if (isObject(value) && value['type'] === 'bundle' && Array.isArray(value['objects'])) return fromStixBundle(value['objects'], origin);
  if (isObject(value)) return fromSimpleMap(value, origin);
  throw new Error('not an alias file: expected a MISP galaxy cluster (values[]), a STIX 2.1 bundle, or a map of canonical name → list of aliases');
}

function fromMispGalaxy(values: unknown[], origin: string): AliasKnowledge {
  const groups: AliasGroup[] = [];
  for (const v of values) {
    if (!isObject(v) || typeof v['value'] !== 'string') continue;
    const meta = isObject(v['meta']) ? v['meta'] : {};
    const synonyms = Array.isArray(meta['synonyms']) ? meta['synonyms'].filter((s): s is string => typeof s === 'string') : [];
    groups.push({ name: v['value'], aliases: synonyms, origin });
  }
  return { groups, warnings: [] };
}

const STIX_NAMED_TYPES = new Set(['intrusion-set', 'threat-actor', 'malware', 'tool', 'campaign']);

function fromStixBundle(objects: unknown[], origin: string): AliasKnowledge {
  const groups: AliasGroup[] = [];
  for (const o of objects) {
    if (!isObject(o) || !STIX_NAMED_TYPES.has(String(o['type'])) || typeof o['name'] !== 'string') continue;
    if (o['revoked'] === true || o['x_mitre_deprecated'] === true) continue;
    const aliases = [o['aliases'], o['x_mitre_aliases']]
      .flatMap((a) => (Array.isArray(a) ? a : []))
      .filter((s): s is string => typeof s === 'string');
    groups.push({ name: o['name'], aliases, origin });
  }
  return { groups, warnings: [] };
}

function fromSimpleMap(map: Record<string, unknown>, origin: string): AliasKnowledge {
  const groups: AliasGroup[] = [];
  const warnings: string[] = [];
  for (const [name, aliases] of Object.entries(map)) {
    if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string')) {
      warnings.push(`${origin}: "${name}" should map to a list of alias names; skipped`);
      continue;
    }
    groups.push({ name, aliases: aliases as string[], origin });
  }
  return { groups, warnings };
}

/**
 * Everyday words that some alias lists use as names ("Lead", "Ghost", "Pioneer"); matched in a
 * title they would link unrelated threats, so such aliases are ignored.
 */
const COMMON_WORDS = new Set(`
about above access account action active admin agent alarm alert alpha angel apple arrow atlas aurora
badger balance bank bear beast bee berry big bird bison black blade blue bolt bone boss brain bravo bridge
bronze buffalo bug cactus camel camp canary carbon cat chain charger charlie cherry chess circle citrus city
cloud cobra code comet copper coral cosmic crab crane crow crystal cyber dark data dawn delta demon desert
diamond dino dog dragon dream duck dust eagle earth echo electric elephant emerald empire energy falcon fire
fish flame flash fox frog frost galaxy gamma garden ghost giant gold golden gorilla granite grape gray green
grey guard hammer hawk heart hero hidden hive honey horse hunter ice iron island jaguar jet joker kitten
knight lab lake leaf lead legion leopard light lion lotus lucky lunar magic magnet mamba maple mars mask
master matrix maze medusa mercury metal mint mirror monkey moon mountain mouse neon net night ninja noble
nova ocean octopus omega onyx orange orbit orion owl palm panda panther paper pearl phantom phoenix pioneer
pirate pixel planet play plum polar pony quantum rabbit radar rain raven razor red river robin rock rocket
rose royal ruby safe salt sand scarlet scorpion sea shadow shark shell shield silver sky snake snow solar
spark spider spirit squid star steel stone storm sun swan tiger titan tornado tower turtle twilight typhoon
unicorn venom viper vision void volt war water wave whale white wind winter wizard wolf zero zeus
`.split(/\s+/).filter((w) => w !== ''));

export function isCommonWordName(alias: string): boolean {
  return isCommonWordKey(nameKey(alias));
}

export function isCommonWordKey(key: string): boolean {
  return key.length < 4 || COMMON_WORDS.has(key);
}

/**
 * The distinct keys of names that can pair two threats (everyday words cannot), sorted. Most
 * lists are a title alone with one key: plain loops, as a set and a sort for each of them was
 * much of building the lexicon.
 */
function pairableKeys(names: readonly string[]): string[] {
  const keys: string[] = [];
  for (const name of names) {
    for (const key of nameKeysOf(name)) if (!isCommonWordKey(key) && !keys.includes(key)) keys.push(key);
  }
  return keys.length < 2 ? keys : keys.sort();
}

/**
 * What the lexicon learns from some entries of one submission, as name keys. Working the keys
 * out is most of building the lexicon and needs nothing but the entries, so a large merge has
 * its normalising helper work out the facts of the entries it will normalise (which also fills
 * its caches for them) while this thread works out its own; the lexicon only gathers the keys.
 */
export interface LexiconFacts {
  /** Keys of the names the entries list as aliases, actors or malware: each once, first seen first. */
  partnerNameKeys: string[];
  /** Keys of the titles that read like a name (titleNameKey): each once, first seen first. */
  titleKeys: string[];
  /** For each entry whose title and aliases give two or more pairable keys, in entry order: those keys, sorted. */
  aliasKeyLists: string[][];
}

export function lexiconFacts(threats: readonly RawThreat[]): LexiconFacts {
  const partnerNameKeys = new Set<string>();
  const titleKeys = new Set<string>();
  const aliasKeyLists: string[][] = [];
  for (const t of threats) {
    for (const list of [t.aliases, t.actors, t.malware]) {
      if (list) for (const name of list) for (const key of nameKeysOf(name)) partnerNameKeys.add(key);
    }
    const titleKey = titleNameKey(t.title);
    if (titleKey !== '') titleKeys.add(titleKey);
    const keys = aliasKeyList(t.title, t.aliases);
    if (keys.length >= 2) aliasKeyLists.push(keys);
  }
  return { partnerNameKeys: [...partnerNameKeys], titleKeys: [...titleKeys], aliasKeyLists };
}

/** The key of a whole title that reads like a name (one or two specific words), or ''. */
function titleNameKey(title: string): string {
  return specificWordCount(title) > 2 ? '' : nameKey(title);
}

/** The pairable keys of an entry's title and aliases (see addPartnerAliases). */
function aliasKeyList(title: string, aliases: readonly string[] | undefined): string[] {
  // Most lists are a title alone, which gives at most one key, and one key pairs nothing:
  // keying a million titles (nearly all different) only filled the name-key cache.
  if ((aliases === undefined || aliases.length === 0) && !mayHaveSeveralNameKeys(title)) return [];
  return pairableKeys(aliases === undefined ? [title] : [title, ...aliases]);
}

export type NameStrength = 'strong' | 'weak';

export interface LexiconSnapshot {
  canonicalOf: ReadonlyMap<string, string>;
  strength: ReadonlyMap<string, NameStrength>;
  usedByPartners: ReadonlySet<string>;
  plainWords: ReadonlySet<string>;
  ambiguous: ReadonlySet<string>;
}

/** A snapshot whose collections a new lexicon may own. */
interface Snapshot {
  canonicalOf: Map<string, string>;
  strength: Map<string, NameStrength>;
  usedByPartners: Set<string>;
  plainWords: Set<string>;
  ambiguous: Set<string>;
}

/**
 * Disjoint sets of name keys. The smallest key of a set names it, so the grouping does not depend
 * on the order names were joined in.
 */
/** Pairs of key ids are packed into one number: first id × PAIR_BASE + second id. */
const PAIR_BASE = 2 ** 26;

class NameSets {
  private readonly parent = new Map<string, string>();

  find(key: string): string {
    let r = key;
    for (let p = this.parent.get(r); p !== undefined && p !== r; p = this.parent.get(r)) r = p;
    return r;
  }

  union(x: string, y: string): void {
    const rx = this.find(x);
    const ry = this.find(y);
    if (rx === ry) return;
    if (rx < ry) this.parent.set(ry, rx);
    else this.parent.set(rx, ry);
  }

  keys(): IterableIterator<string> {
    return this.parent.keys();
  }
}

/**
 * The name lexicon: every known name key, how it was learnt, and its canonical key.
 * Strong names come from alias knowledge and from partners' aliases, actors and malware lists;
 * weak names are short titles that look like a name ("Akira") but may be a generic phrase.
 */
export class Lexicon implements NameLookup {
  private readonly canonicalOf: Map<string, string>;
  private readonly strength: Map<string, NameStrength>;
  /** Names partners themselves use (aliases, actors, malware, titles). */
  private readonly usedByPartners: Set<string>;
  /** Knowledge names that read like an ordinary word ("Payment", "Turla"): found in a title only if partners use them too. */
  private readonly plainWords: Set<string>;
  private readonly ambiguous: Set<string>;
  readonly warnings: string[] = [];

  constructor(from?: Snapshot) {
    this.canonicalOf = from?.canonicalOf ?? new Map();
    this.strength = from?.strength ?? new Map();
    this.usedByPartners = from?.usedByPartners ?? new Set();
    this.plainWords = from?.plainWords ?? new Set();
    this.ambiguous = from?.ambiguous ?? new Set();
  }

  /**
   * The tables normalisation asks, as they are (not copied): posted to another thread, they
   * arrive as copies, from which fromSnapshot makes a lexicon there.
   */
  snapshot(): LexiconSnapshot {
    return { canonicalOf: this.canonicalOf, strength: this.strength, usedByPartners: this.usedByPartners, plainWords: this.plainWords, ambiguous: this.ambiguous };
  }

  /**
   * A lexicon that answers every look-up as the one the snapshot was taken of. It takes the
   * snapshot's collections over (another thread's snapshot arrives as fresh copies): copying
   * a large merge's lexicon again would delay that thread.
   */
  static fromSnapshot(s: LexiconSnapshot): Lexicon {
    return new Lexicon(s as Snapshot);
  }

  /** Add alias knowledge: every alias key maps to the group's canonical key, unless ambiguous. */
  addKnowledge(groups: readonly AliasGroup[]): void {
    // Galaxies describe one threat under several canonical names ("Sandworm Team" in ATT&CK,
    // "Sandworm" elsewhere): a group whose alias is another group's canonical name is the same
    // threat, so those canonical names are joined first.
    const canonicals = new Set<string>();
    for (const g of groups) {
      const c = nameKey(g.name);
      if (c !== '') canonicals.add(c);
    }
    const sets = new NameSets();
    for (const g of groups) {
      const c = nameKey(g.name);
      if (c === '') continue;
      for (const alias of g.aliases) {
        const key = nameKey(alias);
        if (key !== '' && key !== c && canonicals.has(key) && !isCommonWordKey(key)) sets.union(c, key);
      }
    }
    const claims = new Map<string, Set<string>>();
    const notePlain = (written: string, key: string) => {
      if (/^\p{Lu}?\p{Ll}+$/u.test(written.trim())) this.plainWords.add(key);
    };
    for (const g of groups) {
      const c = nameKey(g.name);
      if (c === '') continue;
      const root = sets.find(c);
      this.claim(claims, c, root);
      notePlain(g.name, c);
      for (const alias of g.aliases) {
        if (isCommonWordName(alias)) continue;
        const key = nameKey(alias);
        if (key === '') continue;
        this.claim(claims, key, root);
        notePlain(alias, key);
      }
    }
    for (const [key, roots] of [...claims].sort((a, b) => cmp(a[0], b[0]))) {
      this.strength.set(key, 'strong');
      if (canonicals.has(key)) {
        // A threat's own canonical name stays its name, whatever other groups list it as an alias.
        const r = sets.find(key);
        if (r !== key) this.canonicalOf.set(key, r);
      } else if (roots.size === 1) {
        const [r] = roots;
        this.canonicalOf.set(key, r!);
      } else {
        // One alias claimed by two threats ("Medusa" by Medusa and MedusaLocker lists): use neither.
        this.ambiguous.add(key);
      }
    }
  }

  private claim(claims: Map<string, Set<string>>, key: string, canonical: string): void {
    const set = claims.get(key) ?? new Set<string>();
    set.add(canonical);
    claims.set(key, set);
  }

  /**
   * Partners' alias lists as alias knowledge. A pair of names is taken as one threat only when
   * entries of at least two partners list them together, so one partner's mistaken alias cannot
   * join two threats.
   */
  addPartnerAliases(lists: readonly { partner: string; names: readonly string[] }[]): void {
    this.addPartnerKeyLists(lists.map(({ partner, names }) => ({ partner, keyLists: names.length === 0 ? [] : [aliasKeyList(names[0]!, names.slice(1))] })));
  }

  /**
   * addPartnerAliases from each partner's entries' pairable keys (LexiconFacts.aliasKeyLists).
   * Each list must be sorted and hold each key once, as lexiconFacts makes them: a pair is
   * counted in the order its keys come, so (b, a) from one partner and (a, b) from another
   * would not be seen as the same pair.
   */
  addPartnerKeyLists(lists: readonly { partner: string; keyLists: readonly (readonly string[])[] }[]): void {
    // Pairs of names as numbers (ids of the two keys), each with the partner that listed it, or
    // null once a second partner has: a string and a set per pair was most of building the
    // lexicon for a large merge.
    const idOf = new Map<string, number>();
    const keyOf: string[] = [];
    const id = (k: string) => {
      let i = idOf.get(k);
      if (i === undefined) {
        i = keyOf.length;
        keyOf.push(k);
        idOf.set(k, i);
      }
      return i;
    };
    const listedBy = new Map<number, string | null>();
    for (const { partner, keyLists } of lists) {
      for (const keys of keyLists) {
        if (keys.length < 2) continue;
        const ids = keys.map(id);
        for (let i = 0; i < ids.length; i++) {
          for (let j = i + 1; j < ids.length; j++) {
            const pair = ids[i]! * PAIR_BASE + ids[j]!;
            const seen = listedBy.get(pair);
            if (seen === undefined) listedBy.set(pair, partner);
            else if (seen !== null && seen !== partner) listedBy.set(pair, null);
          }
        }
      }
    }
    // The union keeps the smaller key as root, so the order pairs are joined in does not matter.
    const sets = new NameSets();
    for (const [pair, partner] of listedBy) {
      if (partner !== null) continue;
      const x = keyOf[Math.floor(pair / PAIR_BASE)]!;
      const y = keyOf[pair % PAIR_BASE]!;
      sets.union(this.canonical(x), this.canonical(y));
    }
    for (const key of sets.keys()) {
      const root = sets.find(key);
      if (root !== key && !this.ambiguous.has(key)) this.canonicalOf.set(key, root);
    }
    // Names that already mapped to a canonical key follow that key's new group.
    for (const [key, c] of this.canonicalOf) {
      const root = sets.find(c);
      if (root !== c) this.canonicalOf.set(key, root);
    }
  }

  addPartnerName(name: string): void {
    for (const key of nameKeysOf(name)) this.addPartnerNameKey(key);
  }

  addPartnerNameKey(key: string): void {
    this.strength.set(key, 'strong');
    this.usedByPartners.add(key);
  }

  /** A whole title that reads like a name (one or two specific words) becomes a weak name. */
  addTitle(title: string): void {
    const key = titleNameKey(title);
    if (key !== '') this.addTitleKey(key);
  }

  /** addTitle, from the title's key (LexiconFacts.titleKeys). */
  addTitleKey(key: string): void {
    this.usedByPartners.add(key);
    if (!this.strength.has(key)) this.strength.set(key, 'weak');
  }

  /**
   * What partners wrote, from the facts of their entries: the names they list, then their
   * titles, then the names they list together, as addPartnerName, addTitle and
   * addPartnerAliases over every entry would. The lexicon answers the same whatever the order
   * of the facts: a name is strong if any entry lists it, and a pair of names is joined if two
   * partners list it, whichever comes first (the union keeps the smaller key as root).
   */
  addPartnerFacts(submissions: readonly { partner: string; facts: LexiconFacts }[]): void {
    for (const { facts } of submissions) for (const key of facts.partnerNameKeys) this.addPartnerNameKey(key);
    for (const { facts } of submissions) for (const key of facts.titleKeys) this.addTitleKey(key);
    this.addPartnerKeyLists(submissions.map(({ partner, facts }) => ({ partner, keyLists: facts.aliasKeyLists })));
  }

  has(key: string): boolean {
    return this.strength.has(key) && !this.ambiguous.has(key) && (!this.plainWords.has(key) || this.usedByPartners.has(key));
  }

  isStrong(key: string): boolean {
    return this.strength.get(this.canonical(key)) === 'strong' || this.strength.get(key) === 'strong';
  }

  canonical(key: string): string {
    return this.canonicalOf.get(key) ?? key;
  }

  isCommon(key: string): boolean {
    return isCommonWordKey(key);
  }
}

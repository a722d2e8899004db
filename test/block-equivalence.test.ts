/**
 * Blocking and the context's name, identifier and category statistics are computed on ids
 * (numbered once, counted per partner over ids, block ids found in a typed hash table); they must
 * give exactly what the former string-map computation gave: the same spreads, the same compact
 * lists and weights, the same blocks (same ids, same members) and the same statistics. That
 * computation is kept here, verbatim (only renamed where needed), as the reference.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { rarity, sharedFloat64From, sharedInt32, sharedInt32From, sharedUint8, skeleton, ROLE_ACTOR, ROLE_IDENTITY, ROLE_MALWARE, Vocabulary, type BlockIndex, type IdLists } from '../src/core/compact.js';
import type { NormEntry } from '../src/core/normalise.js';
import { blockIndex, DEFAULT_RESOLVE, WordPairs, type Blocks, type Context, type ResolveParameters, type ResolveStats } from '../src/core/resolve.js';
import { cmp, memoised } from '../src/core/util.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { submissionsArb, syntheticCorpus, toSubmissions } from './helpers/arbitraries.js';
import { contextOf, rolesOf, spreadOf } from './helpers/former-resolve.js';

vi.setConfig({ testTimeout: 120_000 });

const plain = (l: IdLists) => ({ ids: [...l.ids], start: [...l.start] });
const sorted = (m: Map<string, number>) => [...m].sort((a, b) => cmp(a[0], b[0]));

function expectSameAsReference(ctx: Context): void {
  const { entries } = ctx;
  const spreadName = spreadOf(entries, allNames);
  const spreadIdentity = spreadOf(entries, (e) => e.identityNames);
  const spreadCve = spreadOf(entries, (e) => e.cves);
  const spreadIndicator = spreadOf(entries, (e) => e.indicators);
  const spreadCategory = spreadOf(entries, (e) => [e.category]);
  expect(sorted(ctx.spreadName)).toEqual(sorted(spreadName));
  expect(sorted(ctx.spreadIdentity)).toEqual(sorted(spreadIdentity));
  expect(sorted(ctx.spreadCve)).toEqual(sorted(spreadCve));
  expect(sorted(ctx.spreadIndicator)).toEqual(sorted(spreadIndicator));
  expect(sorted(ctx.spreadCategory)).toEqual(sorted(spreadCategory));

  const ref = referenceCompact({ ...ctx, spreadName, spreadIdentity, spreadCve, spreadIndicator, spreadCategory });
  const c = ctx.compact;
  expect(ctx.vocabulary.names).toEqual(ref.vocabulary.names);
  expect(ctx.vocabulary.cves).toEqual(ref.vocabulary.cves);
  expect(ctx.vocabulary.indicators).toEqual(ref.vocabulary.indicators);
  expect(ctx.vocabulary.categories).toEqual(ref.vocabulary.categories);
  for (const list of ['names', 'actors', 'malware', 'cves', 'indicators', 'techniques', 'sectors', 'regions', 'rawNames'] as const) {
    expect(plain(c[list]), list).toEqual(plain(ref.compact[list]));
  }
  for (const array of ['roles', 'partner', 'partnerSize', 'category', 'categoryRarity', 'strongCount', 'nameCount', 'rawNameCount', 'identityBits', 'nameBits', 'cveBits', 'indicatorBits'] as const) {
    expect([...c[array]], array).toEqual([...ref.compact[array]]);
  }
  expect(c.raw.names).toEqual(ref.compact.raw.names);
  expect([...c.raw.bits]).toEqual([...ref.compact.raw.bits]);

  expectSameBlocks(blockIndex(ctx), referenceBlockIndex(ctx));
}

function expectSameBlocks(actual: Blocks, expected: { blocks: BlockIndex; stats: ResolveStats }): void {
  expect(actual.stats).toEqual(expected.stats);
  expect(plain(actual.blocks.members)).toEqual(plain(expected.blocks.members));
  expect(plain(actual.blocks.blocksOf)).toEqual(plain(expected.blocks.blocksOf));
}

/** Small blocks and one entry per partner and key: many keys dropped, on a small input. */
const STRICT: ResolveParameters = { ...DEFAULT_RESOLVE, maxBlockSize: 3, maxKeyPerPartner: 1 };

describe('blocking and value statistics on ids equal the former string maps', () => {
  it('on the labelled corpus', async () => {
    const { submissions } = await loadCorpus(join(import.meta.dirname, 'corpus'));
    const ctx = contextOf(submissions);
    const { stats } = blockIndex(ctx);
    expect(stats.droppedKeys).toBeGreaterThan(0);
    expect(ctx.compact.raw.names.some((n) => n.length >= 5)).toBe(true);
    expectSameAsReference(ctx);
    expectSameAsReference(contextOf(submissions, STRICT));
  });

  it('on a synthetic corpus large enough for the key table and the arrays to grow', () => {
    const ctx = contextOf(syntheticCorpus(7, 12, 400, 900));
    expect(blockIndex(ctx).stats.blockingKeys).toBeGreaterThan(1 << 13);
    expectSameAsReference(ctx);
    // Arrays that start at their least and grow many times give the same blocks as arrays sized
    // for the corpus (the default) and arrays far too large.
    const reference = referenceBlockIndex(ctx);
    for (const sizing of [{ blocksPerEntry: 0, keysPerEntry: 0 }, { blocksPerEntry: 0.5, keysPerEntry: 1 }, { blocksPerEntry: 40, keysPerEntry: 100 }]) {
      expectSameBlocks(blockIndex(ctx, sizing), reference);
    }
  });

  it('on generated submissions', () => {
    fc.assert(
      fc.property(submissionsArb(), fc.boolean(), (gen, strict) => expectSameAsReference(contextOf(toSubmissions(gen), strict ? STRICT : DEFAULT_RESOLVE))),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 60) },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The former computation, verbatim.

function allNames(e: NormEntry): Set<string> {
  return new Set([...e.identityNames, ...e.actorNames, ...e.malwareNames]);
}

/** The former buildCompact, for the lists and weights that are no longer built through Vocabulary. */
function referenceCompact(ctx: Context) {
  const { entries, params: p } = ctx;
  const partners = new Vocabulary(ctx.partnerSize.keys());
  const categories = new Vocabulary(ctx.spreadCategory.keys());
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
  const valueBits = (vocab: Vocabulary, spread: Map<string, number>, weight: number) => sharedFloat64From(vocab.strings, (v) => rarity(spread.get(v), weight));
  const rawNames = Vocabulary.of(entries, (e) => e.identityRaw);
  const vocabulary = { names: names.strings, cves: cves.strings, indicators: indicators.strings, categories: categories.strings };
  const compact = {
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
    cves: cves.lists(entries, (e) => e.cves),
    cveBits: valueBits(cves, ctx.spreadCve, p.cveMatch),
    indicators: indicators.lists(entries, (e) => e.indicators),
    indicatorBits: valueBits(indicators, ctx.spreadIndicator, p.indicatorMatch),
    techniques: Vocabulary.of(entries, (e) => e.techniques).lists(entries, (e) => e.techniques),
    sectors: Vocabulary.of(entries, (e) => e.sectors).lists(entries, (e) => e.sectors),
    regions: Vocabulary.of(entries, (e) => e.regions).lists(entries, (e) => e.regions),
    rawNames: rawNames.lists(entries, (e) => e.identityRaw),
    raw: { names: rawNames.strings, bits: Float64Array.from(rawNames.strings, (x) => rarity(ctx.spreadIdentity.get(x), p.nameMatch)) },
  };
  return { compact, vocabulary };
}

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

/** Blocking: each entry's keys, the blocks they make, and which blocks are usable (not too common). */
function referenceBlockIndex(ctx: Context): { blocks: BlockIndex; stats: ResolveStats } {
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


/**
 * The explained evidence reads its numbers from the compact data; it must give every pair exactly
 * the parts (bits and wording) and score that the former string-based evidence gave. That former
 * evidence is kept here, verbatim, as the reference.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { nearNames, rarity, round2, similarity } from '../src/core/compact.js';
import type { EvidencePart } from '../src/core/merged.js';
import type { NormEntry } from '../src/core/normalise.js';
import { blockIndex, pairEvidence, scoreCandidates, type Context, type PairScore } from '../src/core/resolve.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { submission, submissionsArb, syntheticCorpus, toSubmissions } from './helpers/arbitraries.js';
import { contextOf, rolesOf, type Role } from './helpers/former-resolve.js';

vi.setConfig({ testTimeout: 120_000 });

/** Pairs whose explanation differs from the reference, both ways round (the wording depends on the order). */
function differing(ctx: Context, pairs: Iterable<[number, number]>): { compared: number; differ: string[] } {
  const { entries } = ctx;
  let compared = 0;
  const differ: string[] = [];
  const check = (a: NormEntry, b: NormEntry) => {
    compared++;
    const got = pairEvidence(a, b, ctx);
    const want = referenceEvidence(a, b, ctx);
    if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(`${a.key} ~ ${b.key}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
  };
  for (const [i, j] of pairs) {
    check(entries[i]!, entries[j]!);
    check(entries[j]!, entries[i]!);
  }
  return { compared, differ };
}

function* allPairs(n: number): Generator<[number, number]> {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) yield [i, j];
}

function* candidatePairs(ctx: Context): Generator<[number, number]> {
  const { pairs } = scoreCandidates(ctx, blockIndex(ctx).blocks);
  for (let k = 0; k < pairs.length; k += 2) yield [pairs[k]!, pairs[k + 1]!];
}

describe('explained evidence equals the former string-based evidence', () => {
  it('on every pair of the labelled corpus, both ways round', async () => {
    const { submissions } = await loadCorpus(join(import.meta.dirname, 'corpus'));
    const ctx = contextOf(submissions);
    const { compared, differ } = differing(ctx, allPairs(ctx.entries.length));
    expect(compared).toBeGreaterThan(140_000);
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('on every candidate pair of a synthetic corpus', () => {
    const ctx = contextOf(syntheticCorpus(11, 12, 40, 60));
    const { compared, differ } = differing(ctx, candidatePairs(ctx));
    expect(compared).toBeGreaterThan(2000);
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('on every pair of generated submissions', () => {
    fc.assert(
      fc.property(submissionsArb(), (gen) => {
        const ctx = contextOf(toSubmissions(gen));
        expect(differing(ctx, allPairs(ctx.entries.length)).differ).toEqual([]);
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 60) },
    );
  });

  it('names, of shared names with equal bits, the one the first entry records first', () => {
    // Zeta is malware for the first entry and recorded before its actor Alpha; both names weigh
    // the same (malware/actor and actor/malware), so the first entry's order decides.
    const ctx = contextOf([
      submission('p1', [{ title: 'Intrusions at ports', malware: ['Zeta'], actors: ['Alpha'] }]),
      submission('p2', [{ title: 'Port intrusions', actors: ['Zeta'], malware: ['Alpha'] }]),
    ]);
    const [a, b] = ctx.entries;
    const names = (x: NormEntry, y: NormEntry) => pairEvidence(x, y, ctx).parts.find((p) => p.feature === 'names')?.detail;
    expect(names(a!, b!)).toMatch(/^both name zeta /i);
    expect(names(b!, a!)).toMatch(/^both name alpha /i);
    expect(differing(ctx, allPairs(2)).differ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The former evidence, verbatim (only renamed) but for the rule marked "Added since".

function referenceEvidence(a: NormEntry, b: NormEntry, ctx: Context, explain = true): PairScore {
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
  // Added since: both name threats (weak names too) and no name joins them, titles only count against.
  const bothNamed = a.identityRaw.length > 0 && b.identityRaw.length > 0;
  const title = clip(p.titleScale * sim + p.titleOffset);
  const titleDetail = `title similarity ${sim.toFixed(2)} ("${short(a.raw.title)}" ~ "${short(b.raw.title)}")`;
  if (nameBits <= 0 && bothNamed && title > 0) {
    if (explain) parts.push({ feature: 'title', bits: 0, detail: `${titleDetail}, not counted: the titles name different threats (${a.identityRaw.join('/')} vs ${b.identityRaw.join('/')})` });
  } else add('title', title, () => titleDetail);
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

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

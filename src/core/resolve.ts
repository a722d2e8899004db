/**
 * Entity resolution: which entries describe the same threat.
 *
 * 1. Blocking: candidate pairs come from shared keys (names, near-names, CVEs, indicators, rare
 *    title words and word pairs); keys held by too many entries are dropped, so cost stays near-linear.
 * 2. Evidence: each pair gets a score in bits, the sum of signed per-feature log-likelihood ratios
 *    (Fellegi–Sunter, as in Splink), so every link can be explained part by part.
 * 3. Clustering: best-first merging of groups (no plain connected components), refusing merges that
 *    strong negative evidence, an analyst's decision, or the one-entry-per-partner rule forbid.
 */
import type { Evidence, EvidencePart } from './merged.js';
import type { NormEntry } from './normalise.js';
import { editDistance } from './suggest.js';

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
interface Context {
  entries: readonly NormEntry[];
  params: ResolveParameters;
  /** For a name, CVE or indicator: the most entries any single partner has with it. */
  spread: Map<string, number>;
  idf: Map<string, number>;
  titleNorm: Float64Array;
  summaryIdf: Map<string, number>;
  summaryNorm: Float64Array;
}

export function resolve(entries: readonly NormEntry[], decisions: readonly Decision[] = [], params: ResolveParameters = DEFAULT_RESOLVE): ResolveResult {
  const ctx = buildContext(entries, params);
  const { pairs, stats } = candidatePairs(entries, params);
  const scored: Scored[] = [];
  const warnings: string[] = [];
  const review: Evidence[] = [];
  for (const [i, j] of pairs) {
    const a = entries[i]!;
    const b = entries[j]!;
    const ev = pairEvidence(a, b, ctx);
    if (a.partner === b.partner) {
      if (ev.score >= params.linkThreshold) {
        warnings.push(`${a.key} and ${b.key} look like the same threat reported twice by ${a.partner} (score ${fmt(ev.score)} bits); kept apart`);
      }
      continue;
    }
    if (ev.score >= params.linkThreshold) scored.push({ i, j, ev });
    else if (ev.score >= params.reviewThreshold) review.push(toEvidence(a, b, ev, 'linked'));
  }
  scored.sort((x, y) => y.ev.score - x.ev.score || x.i - y.i || x.j - y.j);

  const clusters = new Clusters(entries, ctx);
  const keyIndex = new Map(entries.map((e) => [e.key, e.index]));
  const decisionWarnings = clusters.applyDecisions(decisions, keyIndex);
  warnings.push(...decisionWarnings);
  for (const s of scored) clusters.tryMerge(s.i, s.j, s.ev);

  const { groups, links } = clusters.result();
  stats.largestGroup = groups.reduce((m, g) => Math.max(m, g.length), 0);
  const groupOf = new Int32Array(entries.length);
  groups.forEach((g, gi) => g.forEach((i) => (groupOf[i] = gi)));
  const keyToIndex = keyIndex;
  const stillApart = review.filter((r) => groupOf[keyToIndex.get(r.a)!] !== groupOf[keyToIndex.get(r.b)!]);
  stillApart.sort((x, y) => y.score - x.score || cmpStr(x.a, y.a) || cmpStr(x.b, y.b));
  return { groups, links, refused: clusters.refused, review: stillApart, warnings, stats };
}

interface Scored { i: number; j: number; ev: PairScore }
export interface PairScore { score: number; parts: EvidencePart[] }

// ---------------------------------------------------------------------------------------------
// Context: how common each value is

function buildContext(entries: readonly NormEntry[], params: ResolveParameters): Context {
  const perPartner = new Map<string, Map<string, number>>();
  const bump = (value: string, partner: string) => {
    let m = perPartner.get(value);
    if (!m) perPartner.set(value, (m = new Map()));
    m.set(partner, (m.get(partner) ?? 0) + 1);
  };
  const df = new Map<string, number>();
  for (const e of entries) {
    for (const n of allNames(e)) bump(`n:${n}`, e.partner);
    for (const n of e.identityNames) bump(`id:${n}`, e.partner);
    for (const c of e.cves) bump(`c:${c}`, e.partner);
    for (const x of e.indicators) bump(`i:${x}`, e.partner);
    bump(`k:${e.category}`, e.partner);
    for (const t of e.titleTokens) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const spread = new Map<string, number>();
  for (const [value, m] of perPartner) {
    let max = 0;
    for (const c of m.values()) max = Math.max(max, c);
    spread.set(value, max);
  }
  const n = Math.max(entries.length, 1);
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / d));
  const titleNorm = norms(entries, (e) => e.titleTokens, idf);
  const summaryIdf = inverseFrequencies(entries, (e) => e.summaryTokens);
  const summaryNorm = norms(entries, (e) => e.summaryTokens, summaryIdf);
  return { entries, params, spread, idf, titleNorm, summaryIdf, summaryNorm };
}

function inverseFrequencies(entries: readonly NormEntry[], tokens: (e: NormEntry) => readonly string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const e of entries) for (const t of tokens(e)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(entries.length, 1);
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / d));
  return idf;
}

function norms(entries: readonly NormEntry[], tokens: (e: NormEntry) => readonly string[], idf: Map<string, number>): Float64Array {
  const out = new Float64Array(entries.length);
  entries.forEach((e, i) => {
    let s = 0;
    for (const t of tokens(e)) s += idf.get(t)! ** 2;
    out[i] = Math.sqrt(s);
  });
  return out;
}

function allNames(e: NormEntry): Set<string> {
  return new Set([...e.identityNames, ...e.actorNames, ...e.malwareNames]);
}

// ---------------------------------------------------------------------------------------------
// Blocking

function blockingKeys(e: NormEntry): string[] {
  const keys = new Set<string>();
  for (const n of allNames(e)) keys.add(`n:${n}`);
  for (const n of e.identityNames) {
    keys.add(`s:${skeleton(n)}`);
    if (n.length >= 5) for (const d of deletions(skeleton(n), n.length >= 8 ? 2 : 1)) keys.add(`d:${d}`);
  }
  for (const c of e.cves) keys.add(`c:${c}`);
  for (const x of e.indicators) keys.add(`i:${x}`);
  const tokens = e.titleTokens;
  for (const t of tokens) keys.add(`t:${t}`);
  keys.add(`k:${e.category}`);
  for (let a = 0; a < tokens.length && a < 8; a++) {
    for (let b = a + 1; b < tokens.length && b < 8; b++) keys.add(`p:${tokens[a]}|${tokens[b]}|${e.category}`);
  }
  return [...keys];
}

function candidatePairs(entries: readonly NormEntry[], params: ResolveParameters): { pairs: [number, number][]; stats: ResolveStats } {
  const blocks = new Map<string, number[]>();
  for (const e of entries) {
    for (const k of blockingKeys(e)) {
      let b = blocks.get(k);
      if (!b) blocks.set(k, (b = []));
      b.push(e.index);
    }
  }
  const partners = new Set(entries.map((e) => e.partner)).size;
  const limit = Math.max(params.maxBlockSize, 4 * partners);
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  let dropped = 0;
  const droppedExamples: [string, number][] = [];
  let largest = 0;
  const n = entries.length;
  for (const [key, members] of blocks) {
    if (members.length < 2) continue;
    // A key of one threat is carried by at most one entry per partner (two, allowing for a tool
    // named in another entry); a key many entries of one partner carry is too common to block on.
    if (members.length > limit || maxPerPartner(members, entries) > params.maxKeyPerPartner) {
      dropped++;
      droppedExamples.push([key, members.length]);
      continue;
    }
    largest = Math.max(largest, members.length);
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!;
        const j = members[y]!;
        const id = i * n + j;
        if (seen.has(id)) continue;
        seen.add(id);
        pairs.push([i, j]);
      }
    }
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  droppedExamples.sort((a, b) => b[1] - a[1] || cmpStr(a[0], b[0]));
  return {
    pairs,
    stats: {
      entries: n,
      candidatePairs: pairs.length,
      blockingKeys: blocks.size,
      droppedKeys: dropped,
      droppedKeyExamples: droppedExamples.slice(0, 5).map(([k, c]) => `${k} (${c})`),
      largestBlock: largest,
      largestGroup: 0,
    },
  };
}

function maxPerPartner(members: readonly number[], entries: readonly NormEntry[]): number {
  // Entries are ordered by partner, and members by index, so one partner's entries are adjacent.
  let max = 1;
  let run = 1;
  for (let k = 1; k < members.length; k++) {
    run = entries[members[k]!]!.partner === entries[members[k - 1]!]!.partner ? run + 1 : 1;
    if (run > max) max = run;
  }
  return max;
}

/** A name with look-alike characters folded: "Cl0p" and "Clop" share a skeleton. */
function skeleton(name: string): string {
  return name.replace(/0/g, 'o').replace(/1/g, 'l').replace(/3/g, 'e').replace(/4/g, 'a').replace(/5/g, 's').replace(/\$/g, 's');
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

export function pairEvidence(a: NormEntry, b: NormEntry, ctx: Context): PairScore {
  const p = ctx.params;
  const parts: EvidencePart[] = [{ feature: 'prior', bits: p.prior, detail: 'prior odds that two entries from different partners are one threat' }];
  const add = (feature: string, bits: number, detail: string) => {
    if (bits !== 0) parts.push({ feature, bits: round2(bits), detail });
  };

  const names = nameEvidence(a, b, ctx);
  for (const part of names) add(part.feature, part.bits, part.detail);

  // Shared identifiers: each counts less the more entries of one partner share it.
  const cve = sharedWeighted(a.cves, b.cves, (c) => rarity(ctx, `c:${c}`, p.cveMatch));
  if (cve.values.length > 0) add('cves', Math.min(cve.bits, p.cveCap), `shared ${cve.values.join(', ')}`);
  const ioc = sharedWeighted(a.indicators, b.indicators, (x) => rarity(ctx, `i:${x}`, p.indicatorMatch));
  if (ioc.values.length > 0) add('indicators', Math.min(ioc.bits, p.indicatorCap), `shared ${ioc.values.slice(0, 3).join(', ')}${ioc.values.length > 3 ? ', …' : ''}`);

  // Titles of one named threat are often worded apart ("APT29 / Midnight Blizzard" ~ "Cozy Bear
  // intrusions"): once the names agree, unlike titles are no evidence against.
  const sim = titleSimilarity(a, b, ctx);
  const nameBits = names.reduce((t, part) => t + part.bits, 0);
  const titleBits = p.titleScale * sim + p.titleOffset;
  // Words are evidence of their own only for unnamed threats. Between named entries whose names
  // differ, what is left of the titles is generic ("… ransomware") and may only count against.
  const clip = (bits: number) => (nameBits > 0 ? Math.max(0, bits) : a.strongIdentity.length > 0 || b.strongIdentity.length > 0 ? Math.min(0, bits) : bits);
  add('title', clip(titleBits), `title similarity ${sim.toFixed(2)} ("${short(a.raw.title)}" ~ "${short(b.raw.title)}")`);
  const summary = summarySimilarity(a, b, ctx);
  if (summary !== undefined) {
    const bits = p.summaryScale * summary + p.summaryOffset;
    add('summary', clip(bits), `summary similarity ${summary.toFixed(2)}`);
  }

  if (a.category === b.category) {
    // A category that each partner uses for one entry only (child sexual exploitation, say) is
    // nearly an identifier; one that partners use for many entries (ransomware) says little.
    const spread = ctx.spread.get(`k:${a.category}`) ?? 1;
    const rare = p.categoryRare * Math.max(0, 1 - 0.5 * Math.log2(spread));
    add('category', p.categoryMatch + rare, `both ${a.category}${rare > 0 ? ` (at most ${spread} such entr${spread === 1 ? 'y' : 'ies'} per partner)` : ''}`);
  }
  else add('category', p.categoryMismatch, `${a.category} vs ${b.category}`);

  const tech = jaccard(a.techniques, b.techniques);
  if (tech !== undefined && tech > 0) add('techniques', p.techniques * tech, `ATT&CK overlap ${tech.toFixed(2)}`);
  const sec = jaccard(a.sectors, b.sectors);
  if (sec !== undefined && sec > 0) add('sectors', p.sectors * sec, `sector overlap ${sec.toFixed(2)}`);
  const reg = jaccard(a.regions, b.regions);
  if (reg !== undefined && reg > 0) add('regions', p.regions * reg, `region overlap ${reg.toFixed(2)}`);

  let score = 0;
  for (const part of parts) score += part.bits;
  return { score: round2(score), parts };
}

function nameEvidence(a: NormEntry, b: NormEntry, ctx: Context): EvidencePart[] {
  const p = ctx.params;
  const out: EvidencePart[] = [];
  const idA = new Set(a.identityNames);
  const idB = new Set(b.identityNames);
  const roleA = roles(a);
  const roleB = roles(b);
  // The best shared name, weighted by how both entries use it (what the threat is > who/what it uses).
  let best = 0;
  let bestDetail = '';
  for (const [name, ra] of roleA) {
    const rb = roleB.get(name);
    if (rb === undefined) continue;
    const factor = roleFactor(ra, rb);
    // A name two entries both are about counts less only when one partner has several entries about it.
    const bits = rarity(ctx, factor === 1 ? `id:${name}` : `n:${name}`, p.nameMatch) * factor;
    if (bits > best) {
      best = bits;
      bestDetail = `both name ${name}${factor < 1 ? ` (as ${ra} / ${rb})` : ''}`;
    }
  }
  if (best === 0) {
    // Near-identical names: typos and look-alike characters ("Emotett", "Cl0p").
    for (const x of idA) {
      for (const y of idB) {
        const factor = nearNameFactor(x, y);
        if (factor > 0) {
          const bits = rarity(ctx, `id:${x}`, p.nameMatch) * factor;
          if (bits > best) {
            best = bits;
            bestDetail = `near-identical names ${x} ~ ${y}`;
          }
        }
      }
    }
  }
  if (best > 0) {
    out.push({ feature: 'names', bits: best, detail: bestDetail });
    return out;
  }
  // Disagreement: both are known to be about named threats, and the names differ.
  if (a.strongIdentity.length > 0 && b.strongIdentity.length > 0) {
    out.push({ feature: 'names', bits: p.nameConflict, detail: `different named threats: ${a.strongIdentity.join('/')} vs ${b.strongIdentity.join('/')}` });
  } else {
    if (a.actorNames.length > 0 && b.actorNames.length > 0 && !a.actorNames.some((x) => b.actorNames.includes(x))) {
      out.push({ feature: 'actors', bits: p.actorConflict, detail: `different actors: ${a.actorNames.join('/')} vs ${b.actorNames.join('/')}` });
    }
    if (a.malwareNames.length > 0 && b.malwareNames.length > 0 && !a.malwareNames.some((x) => b.malwareNames.includes(x))) {
      out.push({ feature: 'malware', bits: p.malwareConflict, detail: `different malware: ${a.malwareNames.join('/')} vs ${b.malwareNames.join('/')}` });
    }
  }
  return out;
}

type Role = 'identity' | 'actor' | 'malware';

function roles(e: NormEntry): Map<string, Role> {
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

function nearNameFactor(x: string, y: string): number {
  if (x.length < 4 || y.length < 4) return 0;
  // APT28 and APT29, UNC3944 and UNC2452: numbered names that differ in a digit are different actors.
  if (x.replace(/\D/g, '') !== y.replace(/\D/g, '')) return 0;
  if (skeleton(x) === skeleton(y)) return 0.9;
  const shorter = Math.min(x.length, y.length);
  if (Math.abs(x.length - y.length) > 2 || shorter < 5) return 0;
  const d = editDistance(x, y);
  if (d === 1) return shorter >= 6 ? 0.9 : 0.7;
  if (d === 2 && shorter >= 8) return 0.7;
  return 0;
}

/** Full weight for a value only one entry per partner has; less the more entries of one partner share it. */
function rarity(ctx: Context, key: string, weight: number): number {
  const s = ctx.spread.get(key) ?? 1;
  return Math.max(0, weight * (1 - 0.4 * Math.log2(s)));
}

function sharedWeighted(a: readonly string[], b: readonly string[], weightOf: (v: string) => number): { values: string[]; bits: number } {
  const setB = new Set(b);
  const values: string[] = [];
  let bits = 0;
  for (const v of a) {
    if (!setB.has(v)) continue;
    values.push(v);
    bits += weightOf(v);
  }
  return { values, bits };
}

/**
 * Similarity of two word sets, each word weighted by its rarity (IDF): the mean of the cosine and
 * of the overlap with the smaller set, so a short title contained in a longer one scores high.
 */
function weightedSimilarity(a: readonly string[], b: readonly string[], na: number, nb: number, idf: Map<string, number>): number {
  if (na === 0 || nb === 0) return 0;
  const setB = new Set(b);
  let dot = 0;
  for (const t of a) if (setB.has(t)) dot += idf.get(t)! ** 2;
  return 0.5 * (dot / (na * nb)) + 0.5 * (dot / Math.min(na * na, nb * nb));
}

function titleSimilarity(a: NormEntry, b: NormEntry, ctx: Context): number {
  return weightedSimilarity(a.titleTokens, b.titleTokens, ctx.titleNorm[a.index]!, ctx.titleNorm[b.index]!, ctx.idf);
}

function summarySimilarity(a: NormEntry, b: NormEntry, ctx: Context): number | undefined {
  if (a.summaryTokens.length === 0 || b.summaryTokens.length === 0) return undefined;
  return weightedSimilarity(a.summaryTokens, b.summaryTokens, ctx.summaryNorm[a.index]!, ctx.summaryNorm[b.index]!, ctx.summaryIdf);
}

function jaccard(a: readonly string[], b: readonly string[]): number | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  const setB = new Set(b);
  let inter = 0;
  for (const v of a) if (setB.has(v)) inter++;
  return inter / (a.length + b.length - inter);
}

// ---------------------------------------------------------------------------------------------
// Clustering

class Clusters {
  private readonly groupOf: Int32Array;
  private readonly members = new Map<number, number[]>();
  private readonly links = new Map<number, Evidence[]>();
  private readonly cannotLink: { a: number; b: number; decision: Decision }[] = [];
  private readonly forcedSame = new Set<number>();
  readonly refused: Evidence[] = [];
  private readonly cache = new Map<number, PairScore>();

  constructor(private readonly entries: readonly NormEntry[], private readonly ctx: Context) {
    this.groupOf = new Int32Array(entries.length);
    for (let i = 0; i < entries.length; i++) {
      this.groupOf[i] = i;
      this.members.set(i, [i]);
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

  tryMerge(i: number, j: number, ev: PairScore): void {
    const gi = this.groupOf[i]!;
    const gj = this.groupOf[j]!;
    if (gi === gj) return;
    const a = this.entries[i]!;
    const b = this.entries[j]!;
    const why = this.forbidden(gi, gj);
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
      const partners = new Set(mi.map((x) => this.entries[x]!.partner));
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
    let total = 0;
    let worst: { x: number; y: number; s: PairScore } | undefined;
    for (const x of mi) {
      for (const y of mj) {
        const s = this.score(x, y);
        total += s.score;
        if (!worst || s.score < worst.s.score) worst = { x, y, s };
      }
    }
    const mean = total / (mi.length * mj.length);
    if (mean <= this.ctx.params.forbidThreshold && worst) {
      const against = worst.s.parts.filter((p) => p.bits < 0 && p.feature !== 'prior').map((p) => p.detail).join('; ');
      return `strong evidence against: the entries of the two groups score ${fmt(mean)} bits on average; e.g. ${this.entries[worst.x]!.key} vs ${this.entries[worst.y]!.key}: ${against || 'no shared evidence'}`;
    }
    return undefined;
  }

  private score(x: number, y: number): PairScore {
    const [lo, hi] = x < y ? [x, y] : [y, x];
    const id = lo * this.entries.length + hi;
    let s = this.cache.get(id);
    if (!s) {
      s = pairEvidence(this.entries[lo]!, this.entries[hi]!, this.ctx);
      this.cache.set(id, s);
    }
    return s;
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

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function fmt(x: number): string {
  return x.toFixed(1);
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

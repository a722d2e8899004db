/**
 * Joint priority ranking over merged threats. Every method sees the same inputs: for each partner
 * that assessed a threat, its position in the partner's own order and its likelihood × impact.
 * A partner that did not assess a threat abstains; it never ranks it last.
 */
import type { Contribution, RankDisagreement, RankingMethod } from './merged.js';
import { cmp } from './util.js';

export interface PartnerView {
  partner: string;
  /** 1-based position in the partner's order; `of` entries in that order. */
  position: number;
  of: number;
  likelihood: number;
  impact: number;
  confidence?: number;
}

export interface RankInput {
  id: string;
  views: PartnerView[];
}

export interface RankParameters {
  method: RankingMethod;
  /** Share of the normalised position in a partner's score; the rest is likelihood × impact. */
  positionWeight: number;
  /** Pseudo-weight of the neutral prior that pulls thinly assessed threats towards `neutral`. */
  shrinkage: number;
  neutral: number;
  /** `tiebreak`: breadth only breaks ties; `term`: adds breadthWeight × (partners − 1)/(all − 1). */
  breadth: 'tiebreak' | 'term';
  breadthWeight: number;
  /** Reciprocal rank fusion constant. */
  rrfK: number;
  /** Schulze is cubic: it orders at most this many threats (the top by the weighted method). */
  schulzeLimit: number;
  /** How many threats at the top to check against the head-to-head majority. */
  disagreementTop: number;
}

export const DEFAULT_RANK: RankParameters = {
  method: 'weighted',
  positionWeight: 0.7,
  shrinkage: 2,
  neutral: 0.5,
  breadth: 'tiebreak',
  breadthWeight: 0.1,
  rrfK: 60,
  schulzeLimit: 400,
  disagreementTop: 10,
};

export interface Ranked {
  id: string;
  rank: number;
  score: number;
  breakdown: Contribution[];
}

export interface RankResult {
  ranked: Ranked[];
  disagreements: RankDisagreement[];
}

const MICRO = 1_000_000;

/** Partner scores in [0, 1]: position in the partner's own list and likelihood × impact. */
export function partnerScore(v: PartnerView, p: RankParameters): number {
  const position = v.of <= 1 ? 1 : 1 - (v.position - 1) / (v.of - 1);
  const li = (v.likelihood * v.impact - 1) / 24;
  return p.positionWeight * position + (1 - p.positionWeight) * li;
}

function confidenceFactor(v: PartnerView): number {
  return v.confidence === undefined ? 1 : 0.5 + v.confidence / 200;
}

export function rank(inputs: readonly RankInput[], weights: ReadonlyMap<string, number>, p: RankParameters = DEFAULT_RANK): RankResult {
  const deferred = rankDeferred(inputs, weights, p);
  return { ranked: deferred.ranked.map((r, k) => ({ id: r.id, rank: r.rank, score: r.score, breakdown: deferred.breakdown(k) })), disagreements: deferred.disagreements };
}

/** A place in the ranking without its breakdown. */
export interface RankedPlace {
  id: string;
  rank: number;
  score: number;
}

/**
 * `rank`, with each breakdown worked out when asked for (by place in the ranking): a breakdown
 * has a term, with its wording, for every partner's assessment, and a large merge writes them
 * out one threat at a time.
 */
export interface DeferredRanking {
  ranked: RankedPlace[];
  breakdown: (k: number) => Contribution[];
  disagreements: RankDisagreement[];
}

export function rankDeferred(inputs: readonly RankInput[], weights: ReadonlyMap<string, number>, p: RankParameters = DEFAULT_RANK): DeferredRanking {
  const totalPartners = Math.max(1, weights.size);
  const weightOf = (partner: string) => weights.get(partner) ?? 1;
  const weighted = inputs.map((t, input) => ({ id: t.id, input, score: weightedScore(t, weightOf, totalPartners, p, false).score, breadth: t.views.length, li: meanLi(t) }));

  let ordered: { id: string; input: number; score: number }[];
  const tieOrder = (a: (typeof weighted)[number], b: (typeof weighted)[number]) =>
    (p.breadth === 'tiebreak' ? b.breadth - a.breadth : 0) || b.li - a.li || cmp(a.id, b.id);
  const byWeighted = [...weighted].sort((a, b) => b.score - a.score || tieOrder(a, b));
  let breakdownOf: (o: { input: number }, k: number) => Contribution[];

  if (p.method === 'weighted') {
    ordered = byWeighted;
    breakdownOf = (o) => weightedScore(inputs[o.input]!, weightOf, totalPartners, p, true).breakdown;
  } else if (p.method === 'borda' || p.method === 'rrf') {
    const scored = inputs.map((t, input) => ({ id: t.id, input, score: fusionScore(t, weightOf, p, false).score }));
    ordered = scored.sort((a, b) => b.score - a.score || tieOrder(weighted[a.input]!, weighted[b.input]!));
    breakdownOf = (o) => fusionScore(inputs[o.input]!, weightOf, p, true).breakdown;
  } else {
    // One term per threat: kept as made.
    const schulze = schulzeOrder(inputs, byWeighted, weightOf, p);
    ordered = schulze;
    breakdownOf = (_, k) => schulze[k]!.breakdown;
  }

  const ranked = ordered.map((o, i) => ({ id: o.id, rank: i + 1, score: o.score }));
  return { ranked, breakdown: (k) => breakdownOf(ordered[k]!, k), disagreements: disagreements(ranked, inputs, weightOf, p.disagreementTop) };
}

function meanLi(t: RankInput): number {
  if (t.views.length === 0) return 0;
  return t.views.reduce((s, v) => s + v.likelihood * v.impact, 0) / t.views.length;
}

/**
 * score = Σ_p w_p·s_p / (W + k) + k·neutral / (W + k) [+ breadth term]
 * where W = Σ w_p over the partners that assessed the threat. Terms are rounded to millionths
 * first and the score is their sum, so the breakdown adds up exactly.
 */
function weightedScore(t: RankInput, weightOf: (p: string) => number, totalPartners: number, p: RankParameters, worded: boolean): { score: number; breakdown: Contribution[] } {
  const ws = t.views.map((v) => weightOf(v.partner) * confidenceFactor(v));
  const W = ws.reduce((a, b) => a + b, 0);
  const denom = W + p.shrinkage;
  const breakdown: Contribution[] = t.views.map((v, i) => {
    const s = partnerScore(v, p);
    return {
      term: v.partner,
      value: micro((ws[i]! * s) / denom),
      detail: worded ? `position ${v.position}/${v.of}, likelihood ${v.likelihood} × impact ${v.impact}, partner score ${s.toFixed(3)}, weight ${ws[i]!.toFixed(2)}` : '',
    };
  });
  breakdown.push({ term: 'prior', value: micro((p.shrinkage * p.neutral) / denom), detail: `shrinkage towards ${p.neutral} with pseudo-weight ${p.shrinkage}` });
  if (p.breadth === 'term') {
    const share = totalPartners <= 1 ? 0 : (t.views.length - 1) / (totalPartners - 1);
    breakdown.push({ term: 'breadth', value: micro(p.breadthWeight * share), detail: `${t.views.length} of ${totalPartners} partners × ${p.breadthWeight}` });
  }
  return { score: sumMicro(breakdown), breakdown };
}

function fusionScore(t: RankInput, weightOf: (p: string) => number, p: RankParameters, worded: boolean): { score: number; breakdown: Contribution[] } {
  const breakdown: Contribution[] = t.views.map((v) => {
    const w = weightOf(v.partner);
    if (p.method === 'rrf') {
      return { term: v.partner, value: micro(w / (p.rrfK + v.position)), detail: worded ? `weight ${w} / (${p.rrfK} + position ${v.position})` : '' };
    }
    const points = v.of <= 1 ? 1 : (v.of - v.position) / (v.of - 1);
    return { term: v.partner, value: micro(w * points), detail: worded ? `Borda points ${(points).toFixed(3)} (position ${v.position}/${v.of}) × weight ${w}` : '' };
  });
  return { score: sumMicro(breakdown), breakdown };
}

/** Weighted head-to-head preferences: d(a, b) = weight of partners that placed a above b. */
function preference(a: RankInput, b: RankInput, weightOf: (p: string) => number): [number, number, string[], string[]] {
  let ab = 0;
  let ba = 0;
  const forA: string[] = [];
  const forB: string[] = [];
  const posB = new Map(b.views.map((v) => [v.partner, v.position]));
  for (const v of a.views) {
    const pb = posB.get(v.partner);
    if (pb === undefined) continue;
    if (v.position < pb) {
      ab += weightOf(v.partner);
      forA.push(v.partner);
    } else if (pb < v.position) {
      ba += weightOf(v.partner);
      forB.push(v.partner);
    }
  }
  return [ab, ba, forA, forB];
}

function schulzeOrder(
  inputs: readonly RankInput[],
  byWeighted: readonly { id: string; input: number }[],
  weightOf: (p: string) => number,
  p: RankParameters,
): { id: string; input: number; score: number; breakdown: Contribution[] }[] {
  const byId = new Map(inputs.map((t) => [t.id, t]));
  const head = byWeighted.slice(0, p.schulzeLimit);
  const tail = byWeighted.slice(p.schulzeLimit);
  const n = head.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [ab, ba] = preference(byId.get(head[i]!.id)!, byId.get(head[j]!.id)!, weightOf);
      d[i * n + j] = ab;
      d[j * n + i] = ba;
    }
  }
  // Strongest paths (widest path), Schulze 2011.
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && d[i * n + j]! > d[j * n + i]!) s[i * n + j] = d[i * n + j]!;
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const sik = s[i * n + k]!;
      if (sik === 0) continue;
      for (let j = 0; j < n; j++) {
        if (j === i || j === k) continue;
        const via = Math.min(sik, s[k * n + j]!);
        if (via > s[i * n + j]!) s[i * n + j] = via;
      }
    }
  }
  const wins = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && s[i * n + j]! > s[j * n + i]!) wins[i]!++;
  const order = head.map((h, i) => ({ h, i })).sort((x, y) => wins[y.i]! - wins[x.i]! || x.i - y.i);
  const denom = Math.max(1, n - 1);
  const out = order.map(({ h, i }) => {
    const value = micro(wins[i]! / denom);
    return { id: h.id, input: h.input, score: value, breakdown: [{ term: 'schulze', value, detail: `beats ${wins[i]} of ${n - 1} other threats by strongest path` }] };
  });
  for (const t of tail) out.push({ id: t.id, input: t.input, score: 0, breakdown: [{ term: 'schulze', value: 0, detail: `beyond the ${p.schulzeLimit} threats Schulze orders; placed by the weighted method` }] });
  return out;
}

function disagreements(ranked: readonly RankedPlace[], inputs: readonly RankInput[], weightOf: (p: string) => number, top: number): RankDisagreement[] {
  const byId = new Map(inputs.map((t) => [t.id, t]));
  const head = ranked.slice(0, top);
  const out: RankDisagreement[] = [];
  for (let i = 0; i < head.length; i++) {
    for (let j = i + 1; j < head.length; j++) {
      const hi = byId.get(head[i]!.id)!;
      const lo = byId.get(head[j]!.id)!;
      const [forHi, forLo, partnersHi, partnersLo] = preference(hi, lo, weightOf);
      if (forLo > forHi) out.push({ higher: hi.id, lower: lo.id, preferLower: partnersLo.sort(), preferHigher: partnersHi.sort() });
    }
  }
  return out;
}

function micro(x: number): number {
  return Math.round(x * MICRO) / MICRO;
}

function sumMicro(parts: readonly Contribution[]): number {
  let total = 0;
  for (const c of parts) total += Math.round(c.value * MICRO);
  return total / MICRO;
}

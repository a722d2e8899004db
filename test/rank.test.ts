/** The joint ranking: weighted scores with shrinkage, fusion methods, ties and disagreements. */
import { describe, expect, it } from 'vitest';
import { merge } from '../src/core/merge.js';
import { DEFAULT_RANK, partnerScore, rank, type PartnerView, type RankInput, type RankParameters } from '../src/core/rank.js';
import { submission, TOOL } from './helpers/arbitraries.js';

/**
 * The hand computations below use these parameters, set explicitly so that the tests check the
 * formulas and not the current calibration of the defaults.
 */
const P: RankParameters = { ...DEFAULT_RANK, method: 'weighted', positionWeight: 0.5, shrinkage: 2, neutral: 0.5, breadth: 'tiebreak', breadthWeight: 0.1, rrfK: 60 };

const ones = (...partners: string[]) => new Map(partners.map((p) => [p, 1]));
const view = (partner: string, position: number, of: number, likelihood = 3, impact = 3, extra: Partial<PartnerView> = {}): PartnerView => ({
  partner, position, of, likelihood, impact, ...extra,
});
const order = (inputs: RankInput[], weights: Map<string, number>, p: Partial<RankParameters> = {}) =>
  rank(inputs, weights, { ...P, ...p }).ranked.map((r) => r.id);
const scoreOf = (inputs: RankInput[], weights: Map<string, number>, id: string, p: Partial<RankParameters> = {}) =>
  rank(inputs, weights, { ...P, ...p }).ranked.find((r) => r.id === id)!.score;

describe('weighted method', () => {
  it('applies the documented formula: Σ w·s / (W + k) + k·neutral / (W + k)', () => {
    const inputs: RankInput[] = [{ id: 'x', views: [view('a', 1, 4, 5, 5), view('b', 3, 4, 2, 4, { confidence: 50 })] }];
    const sa = 0.5 * 1 + 0.5 * (25 - 1) / 24; // = 1
    const sb = 0.5 * (1 - 2 / 3) + 0.5 * (8 - 1) / 24;
    const wb = 0.5 + 50 / 200;
    const denom = 1 + wb + 2;
    expect(partnerScore(view('a', 1, 4, 5, 5), P)).toBeCloseTo(sa, 12);
    expect(partnerScore(view('b', 3, 4, 2, 4), P)).toBeCloseTo(sb, 12);
    const { ranked } = rank(inputs, ones('a', 'b'), P);
    expect(ranked[0]!.score).toBeCloseTo(sa / denom + (wb * sb) / denom + 1 / denom, 5);
    expect(ranked[0]!.breakdown.map((c) => c.term)).toEqual(['a', 'b', 'prior']);
  });

  it('shrinkage: one partner\'s 1st place does not outrank a threat five partners rank 2nd', () => {
    const partners = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const inputs: RankInput[] = [
      { id: 'solo', views: [view('p6', 1, 10, 4, 4)] },
      { id: 'broad', views: partners.slice(0, 5).map((p) => view(p, 2, 10, 4, 4)) },
      ...partners.slice(0, 5).map((p) => ({ id: `first-${p}`, views: [view(p, 1, 10, 2, 2)] })),
    ];
    const ids = order(inputs, ones(...partners));
    expect(ids.indexOf('broad')).toBeLessThan(ids.indexOf('solo'));
    // Also with the shipped defaults.
    const shipped = rank(inputs, ones(...partners)).ranked.map((r) => r.id);
    expect(shipped.indexOf('broad')).toBeLessThan(shipped.indexOf('solo'));
    // Without shrinkage, the single top placement would win.
    const raw = order(inputs, ones(...partners), { shrinkage: 0 });
    expect(raw.indexOf('solo')).toBeLessThan(raw.indexOf('broad'));
  });

  it('abstention: a partner that did not assess a threat does not lower it', () => {
    const base: RankInput[] = [
      { id: 'x', views: [view('a', 1, 3, 4, 5), view('b', 2, 2, 3, 3)] },
      { id: 'y', views: [view('a', 2, 3, 2, 2)] },
      { id: 'z', views: [view('a', 3, 3, 1, 2), view('b', 1, 2, 5, 5)] },
    ];
    const before = scoreOf(base, ones('a', 'b'), 'x');
    const withC: RankInput[] = [
      ...base.slice(0, 2),
      { id: 'z', views: [...base[2]!.views, view('c', 2, 2, 4, 4)] },
      { id: 'w', views: [view('c', 1, 2, 5, 5)] },
    ];
    expect(scoreOf(withC, ones('a', 'b', 'c'), 'x')).toBe(before);
  });

  it('abstention through merge: adding a partner that does not mention a threat leaves its score unchanged', () => {
    const subs = [
      submission('aa-cert', [{ title: 'LockBit', likelihood: 4, impact: 5 }, { title: 'Akira', likelihood: 3, impact: 4 }, { title: 'Phishing against pensioners', category: 'phishing', likelihood: 5, impact: 2 }]),
      submission('bb-cert', [{ title: 'LockBit 3.0', likelihood: 3, impact: 5, rank: 2 }, { title: 'Black Basta', likelihood: 4, impact: 4, rank: 1 }]),
    ];
    const extra = submission('cc-police', [{ title: 'Akira ransomware', likelihood: 5, impact: 5, rank: 1 }, { title: 'Sextortion of teenagers', category: 'child-sexual-exploitation', likelihood: 4, impact: 5 }]);
    const lockbitScore = (s: typeof subs) => merge({ submissions: s, tool: TOOL }).result.threats.find((t) => t.title === 'LockBit')!;
    const before = lockbitScore(subs);
    const after = lockbitScore([...subs, extra]);
    expect(after.partners).toEqual(['aa-cert', 'bb-cert']);
    expect(after.score).toBe(before.score);
    expect(after.breakdown).toEqual(before.breakdown);
  });

  it('breadth as a term or as a tie-break changes the order in a constructed case', () => {
    // One partner's top threat (partner score 1) against one three partners give 0.7.
    const inputs: RankInput[] = [
      { id: 'narrow', views: [view('a', 1, 1, 5, 5)] },
      { id: 'wide', views: [view('a', 1, 2, 2, 5), view('b', 1, 1, 4, 4), view('c', 1, 1, 4, 4)] },
    ];
    const weights = ones('a', 'b', 'c');
    // narrow: (1 + 1)/3 ≈ 0.667. wide: a → 0.5 + 0.5·9/24, b, c → 0.5 + 0.5·15/24 ⇒ (2.3125 + 1)/5 ≈ 0.663,
    // and 0.763 with the breadth term (3 of 3 partners × 0.1).
    expect(order(inputs, weights, { breadth: 'tiebreak' })).toEqual(['narrow', 'wide']);
    expect(order(inputs, weights, { breadth: 'term' })).toEqual(['wide', 'narrow']);
    const wide = rank(inputs, weights, { ...P, breadth: 'term' }).ranked.find((r) => r.id === 'wide')!;
    expect(wide.breakdown.find((c) => c.term === 'breadth')!.value).toBe(0.1);
    const narrow = rank(inputs, weights, { ...P, breadth: 'term' }).ranked.find((r) => r.id === 'narrow')!;
    expect(narrow.breakdown.find((c) => c.term === 'breadth')!.value).toBe(0);
  });

  it('ties are broken by breadth, then mean likelihood × impact, then id', () => {
    // All score exactly 0.5: partner score 0.5 with the default shrinkage towards 0.5.
    const inputs: RankInput[] = [
      { id: 'b-low-li', views: [view('p', 1, 2, 1, 1)] }, // position 1.0, L×I 0 → 0.5
      { id: 'a-low-li', views: [view('q', 1, 2, 1, 1)] },
      { id: 'c-high-li', views: [view('p', 2, 2, 5, 5)] }, // position 0, L×I 1 → 0.5
      { id: 'z-broad', views: [view('p', 1, 2, 1, 1), view('q', 2, 2, 5, 5)] },
    ];
    const { ranked } = rank(inputs, ones('p', 'q'), P);
    expect(new Set(ranked.map((r) => r.score))).toEqual(new Set([0.5]));
    expect(ranked.map((r) => r.id)).toEqual(['z-broad', 'c-high-li', 'a-low-li', 'b-low-li']);
  });
});

describe('fusion methods', () => {
  // Partner a orders x, y, z; partner b (weight 2) orders z, x.
  const inputs: RankInput[] = [
    { id: 'x', views: [view('a', 1, 3), view('b', 2, 2)] },
    { id: 'y', views: [view('a', 2, 3)] },
    { id: 'z', views: [view('a', 3, 3), view('b', 1, 2)] },
  ];
  const weights = new Map([['a', 1], ['b', 2]]);

  it('Borda: w × (of − position)/(of − 1), summed', () => {
    const { ranked } = rank(inputs, weights, { ...P, method: 'borda' });
    // x: 1·1 + 2·0 = 1; y: 1·0.5 = 0.5; z: 1·0 + 2·1 = 2.
    expect(ranked.map((r) => [r.id, r.score])).toEqual([['z', 2], ['x', 1], ['y', 0.5]]);
    expect(ranked[0]!.breakdown.map((c) => [c.term, c.value])).toEqual([['a', 0], ['b', 2]]);
  });

  it('RRF: w / (k + position), summed', () => {
    const { ranked } = rank(inputs, weights, { ...P, method: 'rrf' });
    const micro = (x: number) => Math.round(x * 1e6) / 1e6;
    const expected = {
      x: micro(1 / 61) + micro(2 / 62),
      y: micro(1 / 62),
      z: micro(1 / 63) + micro(2 / 61),
    };
    expect(ranked.map((r) => r.id)).toEqual(['z', 'x', 'y']);
    for (const r of ranked) expect(r.score).toBeCloseTo(expected[r.id as keyof typeof expected], 9);
    const k10 = rank(inputs, weights, { ...P, method: 'rrf', rrfK: 10 }).ranked.find((r) => r.id === 'y')!;
    expect(k10.score).toBeCloseTo(micro(1 / 12), 9);
  });

  it('a single-entry partner list gives full Borda points', () => {
    const { ranked } = rank([{ id: 'only', views: [view('a', 1, 1)] }], ones('a'), { ...P, method: 'borda' });
    expect(ranked[0]!.score).toBe(1);
  });
});

describe('disagreements', () => {
  // Weighted order puts A first (partner p1 rates it far higher), but p2 and p3 put B first.
  const inputs: RankInput[] = [
    { id: 'A', views: [view('p1', 1, 10, 5, 5), view('p2', 2, 10, 5, 5), view('p3', 2, 10, 5, 5)] },
    { id: 'B', views: [view('p1', 10, 10, 1, 1), view('p2', 1, 10, 1, 1), view('p3', 1, 10, 1, 1)] },
  ];
  const weights = ones('p1', 'p2', 'p3');

  it('are reported when the head-to-head majority disagrees with the order', () => {
    const { ranked, disagreements } = rank(inputs, weights, P);
    expect(ranked.map((r) => r.id)).toEqual(['A', 'B']);
    expect(disagreements).toEqual([{ higher: 'A', lower: 'B', preferLower: ['p2', 'p3'], preferHigher: ['p1'] }]);
  });

  it('are not reported when the order follows the majority', () => {
    expect(rank(inputs, weights, { ...P, method: 'schulze' })).toMatchObject({ disagreements: [] });
    expect(rank(inputs, weights, { ...P, method: 'schulze' }).ranked.map((r) => r.id)).toEqual(['B', 'A']);
  });

  it('count partner weights', () => {
    const heavy = new Map([['p1', 3], ['p2', 1], ['p3', 1]]);
    expect(rank(inputs, heavy, P).disagreements).toEqual([]);
  });
});

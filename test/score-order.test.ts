/**
 * The resolver tries its links in the order of a comparison sort: score descending, then pair
 * number ascending. sortBestFirst (a radix sort on a single-precision key, with ties of the key
 * put in exact order) must give exactly that order, including for scores that round to the same
 * float32, for -0 and +0, for negative scores and for long runs of equal scores.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortBestFirst } from '../src/core/score-order.js';

function byComparison(ids: readonly number[], scores: Float64Array): number[] {
  return [...ids].sort((x, y) => scores[y]! - scores[x]! || x - y);
}

/** Scores that collide in float32 (1 + tiny), exact ties, signed zeros, negatives, large values. */
const scoreArb = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 1 + 2 ** -40, 1 + 2 ** -30, 1 - 2 ** -40, 3.5, -3.5, 1e39, -1e39, 2 ** -140, -(2 ** -140)),
  fc.double({ min: -200, max: 200, noNaN: true }),
  fc.integer({ min: -40, max: 40 }).map((x) => x / 4),
);

function check(scoreList: number[], pick: boolean[]): void {
  const scores = Float64Array.from(scoreList);
  const ids = scoreList.map((_, k) => k).filter((k) => pick[k % pick.length] ?? true);
  const sorted = Int32Array.from(ids);
  sortBestFirst(sorted, scores);
  expect([...sorted]).toEqual(byComparison(ids, scores));
}

describe('sortBestFirst', () => {
  it('orders like the comparison sort (score descending, then pair number)', () => {
    fc.assert(fc.property(fc.array(scoreArb, { maxLength: 300 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), check), { numRuns: 400 });
  });

  it('keeps that order on many links, where every digit of the key varies', () => {
    fc.assert(fc.property(fc.array(scoreArb, { minLength: 20_000, maxLength: 40_000 }), (scores) => check(scores, [true, true, false])), { numRuns: 5, endOnFailure: true });
  });

  // The key's two 16-bit digits: quarters differ only in the high one (their low bits are
  // zero), scores within 1/128 of 1 only in the low one; a pass over a digit all keys share
  // must leave their order alone.
  it('orders keys that differ in one digit only, or not at all', () => {
    const quarters = fc.array(fc.integer({ min: -40, max: 40 }).map((x) => x / 4), { minLength: 2, maxLength: 200 });
    const nearOne = fc.array(fc.integer({ min: 0, max: 60_000 }).map((x) => 1 + x * 2 ** -23), { minLength: 2, maxLength: 200 });
    const equal = fc.array(fc.constantFrom(2.5, 2.5 + 2 ** -40), { minLength: 2, maxLength: 50 });
    for (const arb of [quarters, nearOne, equal]) fc.assert(fc.property(arb, (scores) => check(scores, [true])), { numRuns: 200 });
  });

  it('leaves an empty list and a single link alone', () => {
    check([], [true]);
    check([2.5], [true]);
  });

  it('breaks ties that float32 rounding makes by the exact score', () => {
    const scores = Float64Array.from([1, 1 + 2 ** -40, 1, 1 + 2 ** -41, 1 + 2 ** -40]);
    const ids = Int32Array.from([0, 1, 2, 3, 4]);
    sortBestFirst(ids, scores);
    expect([...ids]).toEqual([1, 4, 3, 0, 2]);
  });
});

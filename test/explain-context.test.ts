/**
 * The context numbers words once and counts over ids; it must give exactly the word statistics,
 * weights and lists that the former string-map computation gave. That computation is kept here,
 * verbatim (only renamed where needed), as the reference.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Vocabulary, type IdLists } from '../src/core/compact.js';
import type { NormEntry } from '../src/core/normalise.js';
import { DEFAULT_RESOLVE, type Context } from '../src/core/resolve.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { submissionsArb, syntheticCorpus, toSubmissions } from './helpers/arbitraries.js';
import { bump, contextOf, spreadOf } from './helpers/former-resolve.js';

vi.setConfig({ testTimeout: 120_000 });

const plain = (l: IdLists) => ({ ids: [...l.ids], start: [...l.start] });

function expectSameAsReference(ctx: Context): void {
  const { entries } = ctx;
  const idf = inverseFrequencies(entries, (e) => e.titleTokens);
  const summaryIdf = inverseFrequencies(entries, (e) => e.summaryTokens);
  expect([...ctx.idf].sort()).toEqual([...idf].sort());
  expect([...ctx.summaryIdf].sort()).toEqual([...summaryIdf].sort());
  const titleWeights = entries.map((e) => squaredWeights(e.titleTokens, idf));
  const summaryWeights = entries.map((e) => squaredWeights(e.summaryTokens, summaryIdf));
  const c = ctx.compact;
  expect([...c.titleW]).toEqual(titleWeights.flatMap((w) => [...w]));
  expect([...c.summaryW]).toEqual(summaryWeights.flatMap((w) => [...w]));
  expect([...c.titleNorm]).toEqual(titleWeights.map(norm));
  expect([...c.summaryNorm]).toEqual(summaryWeights.map(norm));
  const distinctive = distinctiveWords(entries, DEFAULT_RESOLVE.distinctiveMinEntries);
  expect(ctx.distinctive).toEqual(distinctive);
  const words = new Vocabulary(idf.keys(), summaryIdf.keys());
  expect(ctx.vocabulary.words).toEqual(words.strings);
  expect(plain(c.title)).toEqual(plain(words.lists(entries, (e) => e.titleTokens)));
  expect(plain(c.summary)).toEqual(plain(words.lists(entries, (e) => e.summaryTokens)));
  expect(plain(c.distinctive)).toEqual(plain(words.lists(entries, (e) => distinctive[e.index]!)));
}

describe('word statistics on ids equal the former string maps', () => {
  it('on the labelled corpus', async () => {
    const { submissions } = await loadCorpus(join(import.meta.dirname, 'corpus'));
    const ctx = contextOf(submissions);
    expect(ctx.distinctive.some((d) => d.length > 0)).toBe(true);
    expectSameAsReference(ctx);
  });

  it('on a synthetic corpus', () => {
    expectSameAsReference(contextOf(syntheticCorpus(5, 12, 40, 60)));
  });

  it('on generated submissions', () => {
    fc.assert(
      fc.property(submissionsArb(), (gen) => expectSameAsReference(contextOf(toSubmissions(gen)))),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 60) },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The former computation, verbatim.

function distinctiveWords(entries: readonly NormEntry[], minEntries: number): string[][] {
  const df = documentFrequencies(entries, (e) => e.titleTokens);
  const spread = spreadOf(entries, (e) => e.titleTokens);
  return entries.map((e) => e.titleTokens.filter((t) => df.get(t)! >= minEntries && spread.get(t) === 1));
}

function documentFrequencies(entries: readonly NormEntry[], tokens: (e: NormEntry) => readonly string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const e of entries) for (const t of tokens(e)) bump(df, t);
  return df;
}

function inverseFrequencies(entries: readonly NormEntry[], tokens: (e: NormEntry) => readonly string[]): Map<string, number> {
  const df = documentFrequencies(entries, tokens);
  const n = Math.max(entries.length, 1);
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / d));
  return idf;
}

function squaredWeights(tokens: readonly string[], idf: Map<string, number>): Float64Array {
  return Float64Array.from(tokens, (t) => idf.get(t)! ** 2);
}

function norm(weights: Float64Array): number {
  let s = 0;
  for (const w of weights) s += w;
  return Math.sqrt(s);
}

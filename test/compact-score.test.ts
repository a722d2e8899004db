/**
 * The compact hot path (integer ids, typed arrays) must give every candidate pair exactly the
 * score the explained, string-based evidence gives: the links and refusals that are reported are
 * explained by pairEvidence, the decisions to make them are taken on compactScore.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Lexicon } from '../src/core/aliases.js';
import { normaliseSubmissions } from '../src/core/normalise.js';
import { scoreRange, similarity } from '../src/core/compact.js';
import { blockIndex, buildContext, DEFAULT_RESOLVE, pairEvidence, quickScore, scoreCandidates, type ParallelScorer } from '../src/core/resolve.js';
import type { Submission } from '../src/core/types.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { submissionsArb, syntheticCorpus, toSubmissions } from './helpers/arbitraries.js';

vi.setConfig({ testTimeout: 60_000 });

function lexiconFor(submissions: readonly Submission[]): Lexicon {
  const lexicon = new Lexicon();
  for (const s of submissions) for (const t of s.document.threats) for (const n of [...(t.aliases ?? []), ...(t.actors ?? []), ...(t.malware ?? [])]) lexicon.addPartnerName(n);
  for (const s of submissions) for (const t of s.document.threats) lexicon.addTitle(t.title);
  return lexicon;
}

/** Every candidate pair, and every pair of a small input: [pairs compared, pairs that differ]. */
function compare(submissions: readonly Submission[], allPairs = false): { compared: number; differing: string[] } {
  const entries = normaliseSubmissions(submissions, lexiconFor(submissions));
  const ctx = buildContext(entries, DEFAULT_RESOLVE);
  const differing: string[] = [];
  let compared = 0;
  const check = (i: number, j: number) => {
    compared++;
    const quick = quickScore(ctx, i, j);
    const slow = pairEvidence(entries[i]!, entries[j]!, ctx, false).score;
    const explained = pairEvidence(entries[i]!, entries[j]!, ctx, true).score;
    if (quick !== slow || quick !== explained) differing.push(`${entries[i]!.key} ~ ${entries[j]!.key}: ${quick} / ${slow} / ${explained}`);
  };
  if (allPairs) {
    for (let i = 0; i < entries.length; i++) for (let j = i + 1; j < entries.length; j++) check(i, j);
  } else {
    const { pairs, scores } = scoreRange(ctx.compact, blockIndex(ctx).blocks, DEFAULT_RESOLVE, 0, entries.length);
    for (let k = 0; k < pairs.length; k += 2) {
      check(pairs[k]!, pairs[k + 1]!);
      if (scores[k / 2] !== quickScore(ctx, pairs[k]!, pairs[k + 1]!)) differing.push(`range score of pair ${k / 2}`);
    }
  }
  return { compared, differing };
}

describe('compact scoring equals the explained evidence', () => {
  it('on every pair of the labelled corpus', async () => {
    const { submissions } = await loadCorpus(join(import.meta.dirname, 'corpus'));
    const { compared, differing } = compare(submissions, true);
    expect(compared).toBeGreaterThan(70_000);
    expect(differing).toEqual([]);
  });

  it('on every candidate pair of a synthetic corpus', () => {
    const { compared, differing } = compare(syntheticCorpus(7, 12, 40, 60));
    expect(compared).toBeGreaterThan(1000);
    expect(differing).toEqual([]);
  });

  it('on every pair of generated submissions', () => {
    fc.assert(
      fc.property(submissionsArb(), (gen) => {
        expect(compare(toSubmissions(gen), true).differing).toEqual([]);
      }),
      { numRuns: Number(process.env["PROPERTY_RUNS"] ?? 60) },
    );
  });
});

describe('word similarity on ids', () => {
  /** The string-based similarity the compact one replaced, from the IDF maps. */
  function reference(a: readonly string[], b: readonly string[], idf: Map<string, number>): number {
    const w = (t: string) => idf.get(t)! ** 2;
    const na = Math.sqrt(a.reduce((s, t) => s + w(t), 0));
    const nb = Math.sqrt(b.reduce((s, t) => s + w(t), 0));
    if (na === 0 || nb === 0) return 0;
    const setB = new Set(b);
    const dot = a.filter((t) => setB.has(t)).reduce((s, t) => s + w(t), 0);
    return 0.5 * (dot / (na * nb)) + 0.5 * (dot / Math.min(na * na, nb * nb));
  }

  it('equals the string-based similarity of titles and summaries on the labelled corpus', async () => {
    const { submissions } = await loadCorpus(join(import.meta.dirname, 'corpus'));
    const entries = normaliseSubmissions(submissions, lexiconFor(submissions));
    const ctx = buildContext(entries, DEFAULT_RESOLVE);
    const c = ctx.compact;
    let compared = 0;
    for (let i = 0; i < entries.length; i += 3) {
      for (let j = i + 1; j < entries.length; j += 2) {
        compared++;
        expect(similarity(c.title, c.titleW, c.titleNorm, i, j)).toBe(reference(entries[i]!.titleTokens, entries[j]!.titleTokens, ctx.idf));
        expect(similarity(c.summary, c.summaryW, c.summaryNorm, i, j)).toBe(reference(entries[i]!.summaryTokens, entries[j]!.summaryTokens, ctx.summaryIdf));
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});

describe('scoring split between two threads', () => {
  it('gives the pairs and scores of one thread, whatever the split', async () => {
    const { submissions } = await loadCorpus(join(import.meta.dirname, 'corpus'));
    const entries = normaliseSubmissions(submissions, lexiconFor(submissions));
    const ctx = buildContext(entries, DEFAULT_RESOLVE);
    const { blocks } = blockIndex(ctx);
    const single = scoreCandidates(ctx, blocks);
    const ranges: [number, number][] = [];
    const inThread: ParallelScorer = {
      minEntries: 0,
      start: (job) => {
        ranges.push([job.from, job.to]);
        return () => scoreRange(job.compact, job.blocks, job.params, job.from, job.to);
      },
    };
    const split = scoreCandidates(ctx, blocks, inThread);
    expect(ranges).toHaveLength(1);
    expect(ranges[0]![0]).toBeGreaterThan(0);
    expect(ranges[0]![0]).toBeLessThan(entries.length);
    expect(ranges[0]![1]).toBe(entries.length);
    expect(split.pairs).toEqual(single.pairs);
    expect(split.scores).toEqual(single.scores);
    expect(single.scores.length).toBeGreaterThan(1000);
  });
});

describe('the worker thread', () => {
  // On a single core threatmerge uses no worker at all.
  it.skipIf(availableParallelism() < 2)('scores its range in the worker, not by falling back to the main thread', async () => {
    // The built worker (npm test builds first): the source cannot run in a worker thread.
    const { workerScorer } = await import('../dist/commands/parallel-scorer.js');
    const { submissions } = await loadCorpus(join(import.meta.dirname, 'corpus'));
    const entries = normaliseSubmissions(submissions, lexiconFor(submissions));
    const ctx = buildContext(entries, DEFAULT_RESOLVE);
    const { blocks } = blockIndex(ctx);
    const fallbacks: string[] = [];
    const scorer = workerScorer({ THREATMERGE_PARALLEL_MIN_ENTRIES: '0' }, (why: string) => fallbacks.push(why))!;
    expect(scorer.minEntries).toBe(0);
    const split = scoreCandidates(ctx, blocks, scorer);
    expect(fallbacks).toEqual([]);
    expect(split.scores).toEqual(scoreCandidates(ctx, blocks).scores);
    expect(workerScorer({ THREATMERGE_WORKERS: '0' })).toBeUndefined();
  });
});

describe('word-pair blocking keys', () => {
  it('are exact and reversible with small and huge vocabularies alike', async () => {
    const { WordPairs } = await import('../src/core/resolve.js');
    // 20 million words would overflow the direct encoding (20M² × 15 > 2^50): pairs are numbered.
    for (const words of [50, 20_000_000]) {
      const pairs = new WordPairs(words, 15);
      const seen = new Map<number, string>();
      for (const [w1, w2, c] of [[0, 1, 0], [1, 0, 0], [3, 7, 14], [words - 2, words - 1, 14], [words - 1, 0, 3], [3, 7, 14]] as const) {
        const value = pairs.value(w1, w2, c);
        expect(value).toBeLessThan(2 ** 50);
        expect(Number.isSafeInteger(value)).toBe(true);
        expect(pairs.decode(value)).toEqual([w1, w2, c]);
        const owner = `${w1}|${w2}|${c}`;
        expect(seen.get(value) ?? owner).toBe(owner);
        seen.set(value, owner);
      }
      expect(seen.size).toBe(5);
    }
  });
});

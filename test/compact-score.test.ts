/**
 * The compact hot path (integer ids, typed arrays) must give every candidate pair exactly the
 * score the explained, string-based evidence gives: the links and refusals that are reported are
 * explained by pairEvidence, the decisions to make them are taken on compactScore.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { normaliseSubmissions } from '../src/core/normalise.js';
import { scoreRange, similarity, workChunks } from '../src/core/compact.js';
import { blockIndex, buildContext, DEFAULT_RESOLVE, pairEvidence, quickScore, scoreCandidates, type ParallelScorer, type ScoredChunk, type ScoreJob } from '../src/core/resolve.js';
import type { Submission } from '../src/core/types.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { lexiconFor } from './helpers/lexicon.js';
import { submissionsArb, syntheticCorpus, toSubmissions } from './helpers/arbitraries.js';

vi.setConfig({ testTimeout: 60_000 });

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
  async function corpusBlocks() {
    const { submissions } = await loadCorpus(join(import.meta.dirname, 'corpus'));
    const entries = normaliseSubmissions(submissions, lexiconFor(submissions));
    const ctx = buildContext(entries, DEFAULT_RESOLVE);
    return { entries, ctx, blocks: blockIndex(ctx).blocks };
  }

  /** A helper on this thread that takes `claim` chunks as soon as it starts, and delivers `deliver` of them. */
  function inThread(claim: number, deliver: number, seen: ScoreJob[]): ParallelScorer {
    return {
      minEntries: 0,
      start: (job) => {
        seen.push(job);
        const taken: ScoredChunk[] = [];
        for (let c = 0; c < claim; c++) {
          const k = Atomics.add(job.next, 0, 1);
          taken.push({ chunk: k, ...scoreRange(job.compact, job.blocks, job.params, job.bounds[k]!, job.bounds[k + 1]!, undefined, job.entryAt) });
        }
        return () => taken.slice(0, deliver);
      },
    };
  }

  it('gives the pairs and scores of one thread, whichever chunks each thread takes', async () => {
    const { entries, ctx, blocks } = await corpusBlocks();
    const single = scoreCandidates(ctx, blocks);
    expect(single.scores.length).toBeGreaterThan(1000);
    for (const claim of [0, 1, 5, 64]) {
      const seen: ScoreJob[] = [];
      const split = scoreCandidates(ctx, blocks, inThread(claim, claim, seen));
      expect(seen).toHaveLength(1);
      expect(seen[0]!.bounds[0]).toBe(0);
      expect(seen[0]!.bounds[seen[0]!.bounds.length - 1]).toBe(entries.length);
      expect(split.pairs).toEqual(single.pairs);
      expect(split.scores).toEqual(single.scores);
    }
  });

  it('scores on this thread the chunks the other took and never delivered', async () => {
    const { ctx, blocks } = await corpusBlocks();
    const single = scoreCandidates(ctx, blocks);
    const split = scoreCandidates(ctx, blocks, inThread(7, 2, []));
    expect(split.pairs).toEqual(single.pairs);
    expect(split.scores).toEqual(single.scores);
  });

  it('cuts the entries into chunks of about equal work, counting only the later members of each block', () => {
    // Entry 0 shares a block with all 99 others, as do entries 1–9 with each other; the later
    // entries pair with nobody after them. Half the work is in the first few entries.
    const n = 100;
    const blocksList = [Array.from({ length: n }, (_, i) => i), Array.from({ length: 10 }, (_, i) => i)];
    const membersStart = Int32Array.from([0, n, n + 10]);
    const members = { ids: Int32Array.from(blocksList.flat()), start: membersStart };
    const of: number[][] = Array.from({ length: n }, (_, i) => (i < 10 ? [0, 1] : [0]));
    const starts = [0];
    for (const b of of) starts.push(starts[starts.length - 1]! + b.length);
    const blocksOf = { ids: Int32Array.from(of.flat()), start: Int32Array.from(starts) };
    const bounds = workChunks({ blocksOf, members }, n, 2);
    // Work: later members (99 + 9, 98 + 8, …) plus one per block and entry: the first half ends
    // within the first 40 entries, where splitting by block size would put it at the middle.
    expect(bounds[0]).toBe(0);
    expect(bounds[2]).toBe(n);
    expect(bounds[1]).toBeGreaterThan(15);
    expect(bounds[1]).toBeLessThan(40);
    const sum = (from: number, to: number) => {
      let w = 0;
      for (let i = from; i < to; i++) w += of[i]!.length + (n - 1 - i) + (i < 10 ? 9 - i : 0) + 1;
      return w;
    };
    expect(Math.abs(sum(0, bounds[1]!) - sum(bounds[1]!, n))).toBeLessThan(sum(0, n) / 20);
  });
});

describe('the worker thread', () => {
  // On a single core threatmerge uses no worker at all.
  it.skipIf(availableParallelism() < 2)('scores the chunks it takes in the worker, not by falling back to the main thread', async () => {
    // The built worker (npm test builds first): the source cannot run in a worker thread.
    const { workerScorer } = await import('../dist/commands/parallel-scorer.js');
    const { submissions } = await loadCorpus(join(import.meta.dirname, 'corpus'));
    const entries = normaliseSubmissions(submissions, lexiconFor(submissions));
    const ctx = buildContext(entries, DEFAULT_RESOLVE);
    const { blocks } = blockIndex(ctx);
    const single = scoreCandidates(ctx, blocks);
    const fallbacks: string[] = [];
    const scorer = workerScorer({ THREATMERGE_PARALLEL_MIN_ENTRIES: '0' }, (why: string) => fallbacks.push(why))!;
    expect(scorer.minEntries).toBe(0);
    // This thread takes no chunk: the worker must score them all.
    const bounds = workChunks(blocks, entries.length, 8);
    const job: ScoreJob = { compact: ctx.compact, blocks, params: ctx.params, bounds, next: new Int32Array(new SharedArrayBuffer(4)), entryAt: ctx.layout.entryAt };
    const chunks: ScoredChunk[] = scorer.start(job)();
    expect(fallbacks).toEqual([]);
    expect(chunks.map((c) => c.chunk)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(chunks.flatMap((c) => [...c.scores])).toEqual([...single.scores]);
    expect(chunks.flatMap((c) => [...c.pairs])).toEqual([...single.pairs]);
    // And shared with this thread, whoever takes what.
    const split = scoreCandidates(ctx, blocks, scorer);
    expect(fallbacks).toEqual([]);
    expect(split.scores).toEqual(single.scores);
    expect(split.pairs).toEqual(single.pairs);
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

/**
 * Pair scoring runs on the compact arrays moved into another order of the entries (one where
 * block-mates sit together, for the caches). Nothing downstream may tell: the same pairs in the
 * same order with the same scores, the same evidence, whatever the layout.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compactScore, localityLayout, moveToLayout, scoreRange, sharedInt32, type Layout } from '../src/core/compact.js';
import { normaliseSubmissions, type NormEntry } from '../src/core/normalise.js';
import { blockIndex, buildContext, DEFAULT_RESOLVE, pairEvidence, pairStarts, quickScore, scoreCandidates, scoreOfPair, type Context, type ParallelScorer, type ScoredChunk } from '../src/core/resolve.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { lexiconFor } from './helpers/lexicon.js';
import { submission, syntheticCorpus } from './helpers/arbitraries.js';

vi.setConfig({ testTimeout: 60_000 });

/** A context and its blocks, in entry order. */
function contextOf(entries: readonly NormEntry[]) {
  const ctx = buildContext(entries, DEFAULT_RESOLVE);
  return { ctx, blocks: blockIndex(ctx).blocks };
}

/** Every entry in the reverse place: every pair is scored with its places the other way round. */
function reversed(n: number): Layout {
  const entryAt = sharedInt32(n);
  for (let s = 0; s < n; s++) entryAt[s] = n - 1 - s;
  return { slotOf: entryAt, entryAt };
}

/** A helper on this thread that takes the first three chunks as it starts, as a worker would take some. */
const helper: ParallelScorer = {
  minEntries: 0,
  start: (job) => {
    const taken: ScoredChunk[] = [];
    for (let c = 0; c < 3; c++) {
      const k = Atomics.add(job.next, 0, 1);
      taken.push({ chunk: k, ...scoreRange(job.compact, job.blocks, job.params, job.bounds[k]!, job.bounds[k + 1]!, undefined, job.entryAt) });
    }
    return () => taken;
  },
};

async function corpora(): Promise<[string, NormEntry[]][]> {
  const { submissions } = await loadCorpus(join(import.meta.dirname, 'corpus'));
  const synthetic = syntheticCorpus(7, 12, 40, 60);
  // One spelling used twice by one partner weighs less than the other, used once: the pair's
  // near-identical names weigh the spelling of the entry that comes first.
  const spellings = [
    submission('aa-cert', [{ title: 'Zorbix loader', aliases: ['Zorbix'] }, { title: 'Zorbix loader infrastructure', aliases: ['Zorbix'] }, { title: 'Rhysida' }]),
    submission('bb-cert', [{ title: 'Zorbyx loader', aliases: ['Zorbyx'] }, { title: 'Qilin' }]),
  ];
  return [
    ['labelled corpus', normaliseSubmissions(submissions, lexiconFor(submissions))],
    ['synthetic corpus', normaliseSubmissions(synthetic, lexiconFor(synthetic))],
    ['two spellings', normaliseSubmissions(spellings, lexiconFor(spellings))],
  ];
}

describe('the locality layout', () => {
  it('is a permutation that keeps each small block together', async () => {
    for (const [name, entries] of await corpora()) {
      const { blocks } = contextOf(entries);
      const { slotOf, entryAt } = localityLayout(blocks, entries.length);
      expect([...slotOf].sort((a, b) => a - b), name).toEqual(entries.map((_, i) => i));
      for (let i = 0; i < entries.length; i++) expect(entryAt[slotOf[i]!], name).toBe(i);
      // The smallest block is visited first, so its members take the first places, side by side.
      const sizes = Array.from({ length: blocks.members.start.length - 1 }, (_, b) => blocks.members.start[b + 1]! - blocks.members.start[b]!);
      const first = sizes.indexOf(Math.min(...sizes));
      const places = [...blocks.members.ids.subarray(blocks.members.start[first]!, blocks.members.start[first + 1]!)].map((i) => slotOf[i]!);
      expect(places.sort((a, b) => a - b), name).toEqual(places.map((_, k) => k));
    }
  });

  for (const [layoutName, layoutOf] of [
    ['locality', (ctx: Context, blocks: Parameters<typeof localityLayout>[0]) => localityLayout(blocks, ctx.entries.length)],
    ['reversed', (ctx: Context) => reversed(ctx.entries.length)],
  ] as const) {
    it(`leaves pairs, scores and evidence as in entry order (${layoutName} layout)`, async () => {
      for (const [name, entries] of await corpora()) {
        const before = contextOf(entries);
        const expected = scoreCandidates(before.ctx, before.blocks);
        const moved = contextOf(entries);
        const layout = layoutOf(moved.ctx, moved.blocks);
        moveToLayout(moved.ctx.compact, moved.blocks, layout, moved.ctx.wordIdf);
        moved.ctx.layout = layout;
        const single = scoreCandidates(moved.ctx, moved.blocks);
        expect(single.pairs, name).toEqual(expected.pairs);
        expect(single.scores, name).toEqual(expected.scores);
        // Split between two "threads" (chunks taken in turn), as with the worker.
        const split = scoreCandidates(moved.ctx, moved.blocks, helper);
        expect(split.pairs, name).toEqual(expected.pairs);
        expect(split.scores, name).toEqual(expected.scores);
        let asymmetric = 0;
        for (let k = 0; k < expected.scores.length; k++) {
          const i = expected.pairs[2 * k]!;
          const j = expected.pairs[2 * k + 1]!;
          expect(quickScore(moved.ctx, i, j)).toBe(expected.scores[k]);
          expect(pairEvidence(entries[i]!, entries[j]!, moved.ctx)).toEqual(pairEvidence(entries[i]!, entries[j]!, before.ctx));
          if (compactScore(before.ctx.compact, DEFAULT_RESOLVE, j, i) !== expected.scores[k]) asymmetric++;
        }
        // A pair's score may depend on which entry comes first (near-identical names weigh the
        // first entry's spelling): the moved layout must keep entry order there too.
        if (name === 'two spellings') expect(asymmetric).toBeGreaterThan(0);
        expect(moved.ctx.distinctive, name).toEqual(before.ctx.distinctive);
      }
    });
  }
});

describe('the scores of candidate pairs, looked up for the clusters\' veto', () => {
  it('are found for every candidate pair, and for no other pair', async () => {
    let others = 0;
    for (const [name, entries] of await corpora()) {
      const { ctx, blocks } = contextOf(entries);
      const scored = scoreCandidates(ctx, blocks);
      const from = pairStarts(scored.pairs, entries.length);
      const candidates = new Set<number>();
      for (let k = 0; k < scored.scores.length; k++) {
        const i = scored.pairs[2 * k]!;
        const j = scored.pairs[2 * k + 1]!;
        candidates.add(i * entries.length + j);
        expect(scoreOfPair(scored, from, i, j), name).toBe(scored.scores[k]);
      }
      for (let i = 0; i < entries.length; i += 7) {
        for (let j = i + 1; j < entries.length; j += 5) {
          if (candidates.has(i * entries.length + j)) continue;
          others++;
          expect(scoreOfPair(scored, from, i, j), name).toBeUndefined();
        }
      }
    }
    expect(others).toBeGreaterThan(1000);
  });
});

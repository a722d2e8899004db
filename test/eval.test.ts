/**
 * The dedup quality floor on the labelled corpus (test/corpus, see its README): a change that
 * drops precision below 0.95 or recall below 0.85 fails here. `npm run eval` prints the figures.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSubmissions, loadCorpus } from '../src/eval-corpus.js';

const root = join(import.meta.dirname, '..');

describe('dedup quality', () => {
  it('meets the floor on the labelled corpus (pairwise precision ≥ 0.95, recall ≥ 0.85)', async () => {
    const { submissions, truth } = await loadCorpus(join(root, 'test/corpus'));
    const r = evaluateSubmissions(submissions, truth);
    expect(r.overall.entries).toBeGreaterThan(300);
    expect(r.overall.pairwise.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.overall.pairwise.recall).toBeGreaterThanOrEqual(0.85);
    expect(r.overall.bcubed.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.overall.bcubed.recall).toBeGreaterThanOrEqual(0.85);
    // Named threats must stay clean: a wrong merge of two named groups is the costly mistake.
    expect(r.named.pairwise.precision).toBeGreaterThanOrEqual(0.97);
  });

  it('keeps the samples clean: no wrong merges, and every named threat found', async () => {
    const { submissions, truth } = await loadCorpus(join(root, 'samples'), '../test/fixtures/samples-truth.json');
    const r = evaluateSubmissions(submissions, truth);
    expect(r.falseLinks).toEqual([]);
    expect(r.named.pairwise.recall).toBe(1);
    expect(r.overall.pairwise.recall).toBeGreaterThanOrEqual(0.85);
  });
});

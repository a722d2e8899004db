/**
 * The veto stops scoring member pairs once the pairs left could no longer pull the mean down to
 * the threshold; that is only sound if no pair ever scores below `lowestScore`.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Lexicon } from '../src/core/aliases.js';
import { compactScore } from '../src/core/compact.js';
import { normaliseSubmissions } from '../src/core/normalise.js';
import { buildContext, DEFAULT_RESOLVE, lowestScore, type ResolveParameters } from '../src/core/resolve.js';
import type { Submission } from '../src/core/types.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { submissionsArb, toSubmissions } from './helpers/arbitraries.js';

vi.setConfig({ testTimeout: 120_000 });

/** The lowest score over every pair of the submissions, both ways round. */
function lowestPairScore(submissions: readonly Submission[], params: ResolveParameters): number {
  const lexicon = new Lexicon();
  for (const s of submissions) for (const t of s.document.threats) for (const n of [...(t.aliases ?? []), ...(t.actors ?? []), ...(t.malware ?? [])]) lexicon.addPartnerName(n);
  for (const s of submissions) for (const t of s.document.threats) lexicon.addTitle(t.title);
  const ctx = buildContext(normaliseSubmissions(submissions, lexicon), params);
  let lowest = Infinity;
  for (let i = 0; i < ctx.entries.length; i++) {
    for (let j = 0; j < ctx.entries.length; j++) if (i !== j) lowest = Math.min(lowest, compactScore(ctx.compact, params, i, j));
  }
  return lowest;
}

const weight = fc.double({ min: -12, max: 12, noNaN: true }).map((x) => Math.round(x * 100) / 100);
const paramsArb: fc.Arbitrary<ResolveParameters> = fc
  .record({
    prior: weight, nameMatch: weight, nameConflict: weight, actorConflict: weight, malwareConflict: weight, wordConflict: weight,
    cveMatch: weight, cveCap: weight, indicatorMatch: weight, indicatorCap: weight, titleScale: weight, titleOffset: weight,
    summaryScale: weight, summaryOffset: weight, categoryMatch: weight, categoryRare: weight, categoryMismatch: weight,
    techniques: weight, sectors: weight, regions: weight,
  })
  .map((w) => ({ ...DEFAULT_RESOLVE, ...w }));

describe('the lowest score a pair can have', () => {
  it('bounds every pair of the labelled corpus', async () => {
    const { submissions } = await loadCorpus(join(import.meta.dirname, 'corpus'));
    const lowest = lowestPairScore(submissions, DEFAULT_RESOLVE);
    expect(lowest).toBeGreaterThanOrEqual(lowestScore(DEFAULT_RESOLVE));
    // Tight enough for the veto to stop early: the prior (−5), a name or word conflict (−10),
    // unlike titles and summaries (−3 each) and categories (−1.5), and room for rounding.
    expect(lowestScore(DEFAULT_RESOLVE)).toBeGreaterThan(-23);
  });

  it('bounds every pair of generated submissions, whatever the weights', () => {
    fc.assert(
      fc.property(submissionsArb(), paramsArb, (gen, params) => {
        expect(lowestPairScore(toSubmissions(gen), params)).toBeGreaterThanOrEqual(lowestScore(params));
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 60) },
    );
  });
});

/**
 * The merge resolves with its links left unexplained (resolveDeferred) and lets the resolver
 * empty the entries' word lists once counted (releaseLists): neither may change a group, a link,
 * a refusal or a word of their evidence.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { buildContext, DEFAULT_RESOLVE, pairEvidence, resolve, resolveDeferred, type Decision } from '../src/core/resolve.js';
import { rank, rankDeferred, DEFAULT_RANK, type RankInput } from '../src/core/rank.js';
import type { Submission } from '../src/core/types.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { submission, submissionsArb, toSubmissions } from './helpers/arbitraries.js';
import { entriesOf } from './helpers/former-resolve.js';

vi.setConfig({ testTimeout: 120_000 });

function expectSameResolution(submissions: readonly Submission[], decisions: Decision[] = []): void {
  const eager = resolve(entriesOf(submissions), decisions);
  const released = entriesOf(submissions);
  const deferred = resolveDeferred(released, decisions, DEFAULT_RESOLVE, { releaseLists: true });
  // The lists really were let go, so the explanations below come from the compact arrays alone.
  expect(released.every((e) => e.titleTokens.length === 0 && e.summaryTokens.length === 0 && e.identityNames.length === 0)).toBe(true);
  expect(deferred.groups).toEqual(eager.groups);
  expect(deferred.links.map((l) => l.map(deferred.explain))).toEqual(eager.links);
  expect(deferred.refused.map(deferred.explain)).toEqual(eager.refused);
  expect(deferred.warnings).toEqual(eager.warnings);
}

describe('deferred explanations and released lists', () => {
  it('explain the labelled corpus exactly as the eager resolver does', async () => {
    const { submissions } = await loadCorpus(join(import.meta.dirname, 'corpus'));
    const eager = resolve(entriesOf(submissions));
    expect(eager.refused.length).toBeGreaterThan(0);
    expectSameResolution(submissions);
  });

  it('word the distinctive words of two brands from the compact arrays once the word lists are gone', () => {
    // Two unnamed schemes about different brands, each brand reported by five partners.
    const brands = ['Blaerpio', 'Krisjek'];
    const subs = Array.from({ length: 10 }, (_, k) => submission(`p${k}-cert`, [
      { id: 'B', title: `Fake ${brands[k % 2]} Savings advisers calling customers`, category: 'online-fraud', summary: `Callers pose as ${brands[k % 2]} Savings staff.` },
      { id: 'X', title: `Unrelated scheme number ${k}`, category: 'online-fraud' },
    ]));
    const entries = entriesOf(subs);
    const i = entries.findIndex((e) => e.key === 'p0-cert/B');
    const j = entries.findIndex((e) => e.key === 'p1-cert/B');
    const eager = pairEvidence(entries[i]!, entries[j]!, buildContext(entries, DEFAULT_RESOLVE));
    expect(eager.parts.find((p) => p.feature === 'words')?.detail).toBe('different distinctive words: blaerpio vs krisjek');
    const released = entriesOf(subs);
    const deferred = resolveDeferred(released, [], DEFAULT_RESOLVE, { releaseLists: true });
    expect(released[i]!.titleTokens).toEqual([]);
    const explained = deferred.explain({ i, j, score: eager.score, outcome: 'refused', reason: 'test' });
    expect(explained.parts).toEqual(eager.parts);
  });

  it('keep analyst decisions as they were', async () => {
    const { submissions } = await loadCorpus(join(import.meta.dirname, '..', 'samples'), '../test/fixtures/samples-truth.json');
    const decisions: Decision[] = [
      { kind: 'same', entries: ['fr-ofac/OFAC-2026-013', 'nl-police-cyber/NL-2026-18'], origin: 'test:1', reason: 'said so' },
      { kind: 'different', entries: ['eu-cybercrime-centre/ecc-01', 'nl-police-cyber/NL-2026-01'], origin: 'test:2' },
    ];
    expectSameResolution(submissions, decisions);
  });

  it('agree on generated submissions', () => {
    fc.assert(fc.property(submissionsArb(), (subs) => expectSameResolution(toSubmissions(subs))), { numRuns: 40 });
  });
});

describe('a ranking with its breakdowns worked out on demand', () => {
  it('gives worded breakdowns that add up to each score, for every method', async () => {
    const { submissions } = await loadCorpus(join(import.meta.dirname, '..', 'samples'), '../test/fixtures/samples-truth.json');
    const entries = entriesOf(submissions);
    const { groups } = resolve(entries);
    const inputs: RankInput[] = groups.map((g, k) => ({
      id: `t${k}`,
      views: g.map((i) => ({ partner: entries[i]!.partner, position: 1 + (i % 7), of: 9, likelihood: entries[i]!.raw.likelihood, impact: entries[i]!.raw.impact })),
    }));
    const weights = new Map(submissions.map((s, k) => [s.document.partner.id, 1 + (k % 3) / 10]));
    for (const method of ['weighted', 'schulze', 'borda', 'rrf'] as const) {
      const params = { ...DEFAULT_RANK, method, schulzeLimit: 20 };
      const deferred = rankDeferred(inputs, weights, params);
      deferred.ranked.forEach((place, k) => {
        const breakdown = deferred.breakdown(k);
        expect(breakdown.length).toBeGreaterThan(0);
        for (const c of breakdown) expect(c.detail, `${method} ${c.term}`).not.toBe('');
        const sum = breakdown.reduce((total, c) => total + Math.round(c.value * 1e6), 0) / 1e6;
        expect(sum, `${method} ${place.id}`).toBe(place.score);
      });
      expect(rank(inputs, weights, params).ranked.map((r) => r.id)).toEqual(deferred.ranked.map((r) => r.id));
    }
  });
});

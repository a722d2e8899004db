/**
 * A large merge normalises part of its submissions on a second thread (core/normalise-parallel.ts).
 * The entries that come back must be exactly those this thread would have made, and the merged
 * output byte for byte the same, whichever submissions the helper answers for.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Lexicon, type LexiconSnapshot } from '../src/core/aliases.js';
import { materialise, merge, mergeStreamed, type MergeInput } from '../src/core/merge.js';
import { normaliseSubmissions, type NormEntry } from '../src/core/normalise.js';
import { normaliseShipped, packEntries, unpackEntries, type NormaliseHelper, type PackedEntries, type ParallelNormaliser, type ShippedSubmission } from '../src/core/normalise-parallel.js';
import type { Submission } from '../src/core/types.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { renderMergedJson } from '../src/render/merge/json.js';
import { submissionsArb, toSubmissions } from './helpers/arbitraries.js';

vi.setConfig({ testTimeout: 60_000 });

const root = join(import.meta.dirname, '..');
const TOOL = { name: 'threatmerge', version: '0.1.0' };

async function inputs(): Promise<Omit<MergeInput, 'tool'>[]> {
  const samples = (await loadCorpus(join(root, 'samples'), '../test/fixtures/samples-truth.json')).submissions;
  const corpus = (await loadCorpus(join(root, 'test/corpus'), 'truth.json')).submissions;
  return [
    { submissions: samples },
    { submissions: corpus },
    { submissions: samples, audience: 'green' },
    { submissions: corpus, decisions: [{ kind: 'different', entries: [corpus[0]!.document.partner.id + '/' + corpus[0]!.document.threats[0]!.id, corpus[1]!.document.partner.id + '/' + corpus[1]!.document.threats[0]!.id], origin: 'test:1' }] },
  ];
}

/**
 * The helper's part on this thread, with every message cloned as a worker's would be.
 * `answers` picks the shipments it answers for; the others are left to the merge.
 */
function inThreadHelper(answers: (shipment: number) => boolean = () => true): ParallelNormaliser & { shipped: ShippedSubmission[] } {
  const shipped: ShippedSubmission[] = [];
  return {
    minEntries: 0,
    shipped,
    start(snapshot: LexiconSnapshot): NormaliseHelper {
      const lexicon = Lexicon.fromSnapshot(structuredClone(snapshot));
      const jobs: ShippedSubmission[] = [];
      return {
        ship(s) {
          shipped.push(s);
          jobs.push(structuredClone(s));
        },
        finish: (): PackedEntries[] => jobs.filter((j) => answers(j.shipment)).map((j) => structuredClone(normaliseShipped(j, lexicon))),
      };
    },
  };
}

function rendered(input: Omit<MergeInput, 'tool'>): string {
  const streamed = mergeStreamed({ ...input, consume: true, tool: TOOL });
  return [...renderMergedJson(streamed.result, streamed)].join('');
}

describe('normalising on a second thread', () => {
  it('gives the same merged output, byte for byte, with half the submissions sent to the helper', async () => {
    for (let k = 0; k < 4; k++) {
      const alone = rendered((await inputs())[k]!);
      const helper = inThreadHelper();
      const helped = rendered({ ...(await inputs())[k]!, normaliser: helper });
      expect(helper.shipped.length).toBeGreaterThan(0);
      expect(helped).toBe(alone);
    }
  });

  it('sends the last submissions in entry order, about half of the entries', async () => {
    const { submissions } = await loadCorpus(join(root, 'test/corpus'));
    const total = submissions.reduce((n, s) => n + s.document.threats.length, 0);
    const helper = inThreadHelper();
    mergeStreamed({ submissions, consume: true, normaliser: helper, tool: TOOL });
    const sent = helper.shipped.reduce((n, s) => n + s.lines.length, 0);
    expect(sent).toBeGreaterThan(0.35 * total);
    expect(sent).toBeLessThanOrEqual(0.5 * total);
    // Contiguous, ending with the last entry.
    helper.shipped.forEach((s, k) => expect(s.firstIndex).toBe(k === 0 ? total - sent : helper.shipped[k - 1]!.firstIndex + helper.shipped[k - 1]!.lines.length));
  });

  it('normalises here whatever the helper does not answer for, to the same output', async () => {
    const alone = rendered((await inputs())[1]!);
    for (const answers of [(k: number) => k % 2 === 0, () => false]) {
      expect(rendered({ ...(await inputs())[1]!, normaliser: inThreadHelper(answers) })).toBe(alone);
    }
  });

  it('stays on this thread below the helper threshold', async () => {
    const helper = { ...inThreadHelper(), minEntries: 1_000_000 };
    const { submissions } = (await inputs())[0]!;
    mergeStreamed({ submissions, consume: true, normaliser: helper, tool: TOOL });
    expect(helper.shipped).toEqual([]);
  });

  it('gives the same result on generated submissions', () => {
    fc.assert(
      fc.property(submissionsArb(), (gen) => {
        const whole = merge({ submissions: toSubmissions(gen), tool: TOOL }).result;
        expect(materialise(mergeStreamed({ submissions: toSubmissions(gen), consume: true, normaliser: inThreadHelper(), tool: TOOL })).result).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });
});

describe('packed entries', () => {
  async function corpusEntries(): Promise<NormEntry[]> {
    const { submissions } = await loadCorpus(join(root, 'test/corpus'));
    const entries = normaliseSubmissions(submissions, lexiconOf(submissions));
    for (const e of entries) e.raw = undefined;
    return entries;
  }

  it('unpack to entries equal to the packed ones, field by field and in the same field order', async () => {
    const entries = await corpusEntries();
    const back: NormEntry[] = [];
    unpackEntries(structuredClone(packEntries(0, entries)), back);
    expect(back).toEqual(entries);
    expect(back.map((e) => Object.keys(e))).toEqual(entries.map((e) => Object.keys(e)));
    // Empty lists stay the one shared, frozen empty list.
    for (let k = 0; k < entries.length; k++) expect(back[k]!.summaryTokens.length === 0).toBe(Object.isFrozen(back[k]!.summaryTokens));
    expect(back.some((e) => e.confidence === undefined) && back.some((e) => e.confidence !== undefined)).toBe(true);
  });

  it('hold each distinct string once', async () => {
    const entries = await corpusEntries();
    const packed = packEntries(0, entries);
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
  });
});

describe('a lexicon snapshot', () => {
  it('answers every look-up as the lexicon it was taken of, once sent to another thread', async () => {
    const { submissions } = await loadCorpus(join(root, 'test/corpus'));
    const lexicon = lexiconOf(submissions);
    const copy = Lexicon.fromSnapshot(structuredClone(lexicon.snapshot()));
    const keys = normaliseSubmissions(submissions, lexicon).flatMap((e) => [...e.identityRaw, ...e.identityNames, ...e.titleTokens, ...e.actorNames]);
    expect(keys.length).toBeGreaterThan(1000);
    for (const k of keys) {
      expect([copy.has(k), copy.canonical(k), copy.isStrong(k), copy.isCommon(k)]).toEqual([lexicon.has(k), lexicon.canonical(k), lexicon.isStrong(k), lexicon.isCommon(k)]);
    }
  });
});

describe('the worker thread', () => {
  it.skipIf(availableParallelism() < 2)('normalises what it is sent in the worker, not by falling back to the main thread', async () => {
    // The built worker (npm test builds first): the source cannot run in a worker thread.
    const { workerNormaliser } = await import('../dist/commands/parallel-normaliser.js');
    const fallbacks: string[] = [];
    const normaliser = workerNormaliser({ THREATMERGE_PARALLEL_MIN_ENTRIES: '0' }, (why: string) => fallbacks.push(why))!;
    expect(normaliser.minEntries).toBe(0);
    const alone = rendered((await inputs())[1]!);
    let answered = 0;
    const counting: ParallelNormaliser = {
      minEntries: 0,
      start(snapshot) {
        const helper = normaliser.start(snapshot);
        return { ship: (s) => helper.ship(s), finish: () => { const got = helper.finish(); answered = got.length; return got; } };
      },
    };
    expect(rendered({ ...(await inputs())[1]!, normaliser: counting })).toBe(alone);
    expect(fallbacks).toEqual([]);
    expect(answered).toBeGreaterThan(0);
    const { workerNormaliser: none } = await import('../dist/commands/parallel-normaliser.js');
    expect(none({ THREATMERGE_WORKERS: '0' })).toBeUndefined();
  });
});

/** As mergeStreamed builds it. */
function lexiconOf(submissions: readonly Submission[]): Lexicon {
  const lexicon = new Lexicon();
  for (const s of submissions) for (const t of s.document.threats) for (const n of [...(t.aliases ?? []), ...(t.actors ?? []), ...(t.malware ?? [])]) lexicon.addPartnerName(n);
  for (const s of submissions) for (const t of s.document.threats) lexicon.addTitle(t.title);
  lexicon.addPartnerAliases(submissions.flatMap((s) => s.document.threats.map((t) => ({ partner: s.document.partner.id, names: [t.title, ...(t.aliases ?? [])] }))));
  return lexicon;
}

/**
 * `merge --format json` writes a streamed merge: joint threats and refused merges are made (and
 * their evidence explained) only as the writer reaches them. Its text must be exactly that of the
 * whole result, and nothing may be made before it is asked for.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { materialise, merge, mergeStreamed, type LazyList, type MergeInput, type StreamedMerge } from '../src/core/merge.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { renderMergedJson } from '../src/render/merge/json.js';
import { goldenFiles } from './helpers/golden.js';
import fc from 'fast-check';
import { submission, submissionsArb, toSubmissions } from './helpers/arbitraries.js';

const root = join(import.meta.dirname, '..');
const TOOL = { name: 'threatmerge', version: '0.1.0' };
const expectGolden = goldenFiles('merge', 'test/merge-streamed.test.ts');

async function inputs(): Promise<Omit<MergeInput, 'tool'>[]> {
  const samples = (await loadCorpus(join(root, 'samples'), '../test/fixtures/samples-truth.json')).submissions;
  const corpus = (await loadCorpus(join(root, 'test/corpus'), 'truth.json')).submissions;
  const lockbit = ['eu-cybercrime-centre/ecc-01', 'nl-police-cyber/NL-2026-01'];
  return [
    { submissions: samples },
    { submissions: corpus },
    { submissions: samples, audience: 'green' },
    {
      submissions: samples,
      decisions: [
        { kind: 'different', entries: lockbit, origin: 'test:1', reason: 'kept apart by the test' },
        { kind: 'same', entries: ['fr-ofac/OFAC-2026-013', 'nl-police-cyber/NL-2026-18'], origin: 'test:2' },
      ],
    },
  ];
}

/** Counts how many items of each list were made. */
function counting(streamed: StreamedMerge): { streamed: StreamedMerge; made: { threats: number; refused: number } } {
  const made = { threats: 0, refused: 0 };
  const wrap = <T>(list: LazyList<T>, key: keyof typeof made): LazyList<T> => ({
    length: list.length,
    at: (k) => {
      made[key]++;
      return list.at(k);
    },
  });
  return { streamed: { ...streamed, threats: wrap(streamed.threats, 'threats'), refused: wrap(streamed.refused, 'refused') }, made };
}

describe('a streamed merge', () => {
  it('writes exactly the JSON of the whole result, for plain runs, an audience and decisions', async () => {
    for (const input of await inputs()) {
      const whole = merge({ ...input, tool: TOOL }).result;
      const streamed = mergeStreamed({ ...input, tool: TOOL });
      expect(streamed.result.threats).toEqual([]);
      expect(streamed.threats.length).toBe(whole.threats.length);
      expect(streamed.refused.length).toBe(whole.refused.length);
      expect([...renderMergedJson(streamed.result, streamed)].join('')).toBe(`${JSON.stringify(whole, null, 2)}\n`);
      expect(materialise(streamed).result).toEqual(whole);
    }
    // The decided link is there, explained as a decision.
    const decided = merge({ ...(await inputs())[3]!, tool: TOOL }).result;
    expect(decided.threats.flatMap((t) => t.evidence).filter((e) => e.outcome === 'decided-same')).toHaveLength(1);
    expect(decided.refused.some((e) => e.reason?.includes('kept apart by the test'))).toBe(true);
  });

  it('makes each threat and refused merge only when the writer reaches it, and once', async () => {
    const [samples] = await inputs();
    const { streamed, made } = counting(mergeStreamed({ ...samples!, tool: TOOL }));
    expect(made).toEqual({ threats: 0, refused: 0 });
    const pieces = renderMergedJson(streamed.result, streamed);
    pieces.next();
    pieces.next();
    expect(made.threats).toBeLessThanOrEqual(1);
    for (let piece = pieces.next(); !piece.done; piece = pieces.next());
    expect(made).toEqual({ threats: streamed.threats.length, refused: streamed.refused.length });
    expect(made.refused).toBeGreaterThan(0);
  });

  it('gives the samples the merged JSON of the golden file (links explained as before)', async () => {
    const [samples] = await inputs();
    const streamed = mergeStreamed({ ...samples!, tool: TOOL });
    expectGolden('samples.json', [...renderMergedJson(streamed.result, streamed)].join(''));
  });

  it('consuming its submissions (as the CLI does) changes nothing in the output, and empties their threat lists', async () => {
    for (const k of [0, 1, 2, 3]) {
      const whole = merge({ ...(await inputs())[k]!, tool: TOOL }).result;
      const handedOver = (await inputs())[k]!;
      const streamed = mergeStreamed({ ...handedOver, consume: true, tool: TOOL });
      expect(handedOver.submissions.every((s) => s.document.threats.length === 0)).toBe(true);
      expect([...renderMergedJson(streamed.result, streamed)].join('')).toBe(`${JSON.stringify(whole, null, 2)}\n`);
    }
  });

  it('gives back every value of a consumed threat, odd text and numbers included', () => {
    const odd = () => [
      submission('aa-cert', [
        { title: 'LockBit 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u2028 line \ud800 lone', summary: 'Em — dash, “quotes”, émigré, 中文, 🦀, \u0000 nul', confidence: 0, rank: 2, aliases: ['LockBit Black'], indicators: [{ type: 'domain', value: 'Example.COM ' }] },
        { title: 'Akira', likelihood: 5, impact: 1, actions: ['=cmd|"/c calc"!A1', '<script>x</script>'], references: ['https://example.org/a?b=1&c=%20'] },
      ]),
      submission('bb-cert', [{ title: 'lockbit ransomware affiliates', confidence: 100, trend: 'increasing', cves: ['CVE-2023-4966'], techniques: ['T1486'] }]),
    ];
    const whole = merge({ submissions: odd(), tool: TOOL }).result;
    const streamed = mergeStreamed({ submissions: odd(), consume: true, tool: TOOL });
    expect(materialise(streamed).result).toEqual(whole);
    expect([...renderMergedJson(streamed.result, streamed)].join('')).toBe(`${JSON.stringify(whole, null, 2)}\n`);
  });

  it('consuming gives the same result on generated submissions', () => {
    fc.assert(
      fc.property(submissionsArb(), (gen) => {
        const whole = merge({ submissions: toSubmissions(gen), tool: TOOL }).result;
        expect(materialise(mergeStreamed({ submissions: toSubmissions(gen), consume: true, tool: TOOL })).result).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });

  it("lists every entry's key and title for the review file", async () => {
    const [samples] = await inputs();
    const streamed = mergeStreamed({ ...samples!, tool: TOOL });
    const whole = materialise(streamed).result;
    const fromSources = new Map(whole.threats.flatMap((t) => t.sources.map((s) => [`${s.partner}/${s.id}`, s.title] as [string, string])));
    expect(new Map(streamed.entryTitles())).toEqual(fromSources);
  });
});

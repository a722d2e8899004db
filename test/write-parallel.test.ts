/**
 * A large `merge --format json` makes part of its joint threats on a second thread (the writer:
 * render/merge/json.ts, core/merge.ts jointThreatsFrom). The threats made from jobs must be
 * exactly the ones this thread makes, and the output byte for byte the same, whichever batches
 * the helper answers for, and when it fails.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Lexicon, type AliasGroup } from '../src/core/aliases.js';
import { jointThreatsFrom, mergeStreamed, type MergeInput, type ThreatSetup } from '../src/core/merge.js';
import { normaliseShipped, PackTable, shippedFacts, type ParallelNormaliser, type ShippedSubmission } from '../src/core/normalise-parallel.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { renderMergedJson, threatBatchText, type HelperAnswer, type ParallelThreatWriter, type ThreatBatch } from '../src/render/merge/json.js';
import { submission, submissionsArb, toSubmissions, TOOL } from './helpers/arbitraries.js';

vi.setConfig({ testTimeout: 60_000 });

const root = join(import.meta.dirname, '..');

const KNOWLEDGE: AliasGroup[] = [
  { name: 'LockBit', aliases: ['LockBit Black', 'Payment'], origin: 'test' },
  { name: 'Wizard Spider', aliases: ['UNC1878', 'Grim Spider'], origin: 'test' },
];

/** Merges that reach every kind of member and link: decisions with reasons, an audience, alias knowledge, threats kept parsed. */
async function inputs(): Promise<Omit<MergeInput, 'tool'>[]> {
  const samples = (await loadCorpus(join(root, 'samples'), '../test/fixtures/samples-truth.json')).submissions;
  const corpus = (await loadCorpus(join(root, 'test/corpus'), 'truth.json')).submissions;
  const key = (s: number, t: number) => `${corpus[s]!.document.partner.id}/${corpus[s]!.document.threats[t]!.id}`;
  return [
    { submissions: samples },
    { submissions: corpus, keepParsed: true },
    { submissions: samples, audience: 'green' },
    {
      submissions: corpus,
      decisions: [
        { kind: 'same', entries: [key(0, 0), key(1, 3), key(2, 5)], reason: 'analyst: one campaign', origin: 'test:1' },
        { kind: 'different', entries: [key(3, 0), key(4, 0)], origin: 'test:2' },
      ],
    },
    { submissions: samples, knowledge: KNOWLEDGE, keepParsed: true },
    { submissions: corpus, normaliser: inThreadNormaliser() },
    { submissions: corpus, normaliser: inThreadNormaliser(), keepParsed: true },
    // Two submissions with one file name (a file, and standard input named after it).
    { submissions: [submission('aa-cert', [{ title: 'LockBit 3.0' }, { title: 'Akira' }]), submission('bb-cert', [{ title: 'LockBit ransomware' }, { title: 'Akira ransomware' }])].map((sub) => ({ ...sub, file: 'a.json' })) },
    // One partner in two files (entries of both files sit side by side in entry order).
    {
      submissions: [
        submission('aa-cert', [{ title: 'LockBit 3.0' }, { title: 'Akira' }]),
        { ...submission('aa-cert', [{ id: 'Q-1', title: 'Black Basta' }, { id: 'Q-2', title: 'Play ransomware' }]), file: 'aa-cert-q4.yaml' },
        submission('bb-cert', [{ title: 'LockBit ransomware' }, { title: 'Black Basta ransomware' }, { title: 'Play' }]),
      ],
    },
  ];
}

/**
 * The helper's part on this thread, every message cloned as a worker's would be. `behave` says,
 * per batch shipped (0, 1, …), whether the helper answers it, or fails instead.
 */
function inThreadWriter(behave: (batch: number) => 'answer' | 'fail' | 'answer twice' | 'mark' = () => 'answer'): ParallelThreatWriter & { shipped: ThreatBatch[]; ended: number; dropped: string[] } {
  const state = {
    minEntries: 0,
    shipped: [] as ThreatBatch[],
    ended: 0,
    dropped: [] as string[],
    start(setup: ThreatSetup) {
      const make = jointThreatsFrom(structuredClone(setup));
      const answers: HelperAnswer[] = [];
      let failed = false;
      return {
        ship(batch: ThreatBatch) {
          const k = state.shipped.length;
          state.shipped.push(batch);
          if (failed) return;
          const how = behave(k);
          if (how === 'fail') failed = true;
          else {
            const text = threatBatchText(structuredClone(batch), make);
            const answer: HelperAnswer = { kind: 'text', from: batch.jobs[0]!.k, bytes: new Uint8Array(Buffer.from(how === 'mark' ? text.replace('"rank"', '"MARK"') : text)) };
            answers.push(answer);
            if (how === 'answer twice') answers.push(answer);
          }
        },
        next(wait: boolean): HelperAnswer {
          // Answers arrive one call late without waiting, so the writer also meets 'pending'.
          if (answers.length > 0 && (wait || state.shipped.length % 2 === 0)) return answers.shift()!;
          if (failed) return { kind: 'failed' };
          return wait ? { kind: 'failed' } : { kind: 'pending' };
        },
        dropped(why: string) {
          state.dropped.push(why);
        },
        end() {
          state.ended++;
        },
      };
    },
  };
  return state;
}

/** The normalising helper's part on this thread, messages cloned: its share of the threats is then stored on shared memory. */
function inThreadNormaliser(): ParallelNormaliser {
  return {
    minEntries: 0,
    start() {
      let lexicon: Lexicon | undefined;
      const table = new PackTable();
      const pieces: ShippedSubmission[] = [];
      return {
        ship: (piece) => void pieces.push(structuredClone(piece)),
        facts: () => pieces.map((piece) => structuredClone({ shipment: piece.shipment, facts: shippedFacts(piece) })),
        normalise: (snapshot) => void (lexicon = Lexicon.fromSnapshot(structuredClone(snapshot))),
        finish: (take) => {
          // Every piece must be taken: these tests are about the helper's entries, not the fallback.
          for (const piece of pieces) if (!take(structuredClone(normaliseShipped(piece, lexicon!, table)))) throw new Error(`piece ${piece.shipment} was refused`);
        },
        end: () => {},
      };
    },
  };
}

/** The merged JSON; the merge consumes its submissions, so it is given a copy of them. */
/** 6,000 entries that pair up into 3,000 threats: a few dozen batches. */
function twoLargeSubmissions() {
  return [
    submission('aa-cert', Array.from({ length: 3000 }, (_, i) => ({ title: `Qx${i}zor ransomware` }))),
    submission('bb-cert', Array.from({ length: 3000 }, (_, i) => ({ title: `Qx${i}zor ransomware affiliates` }))),
  ];
}

function rendered(input: Omit<MergeInput, 'tool'>, writer?: ParallelThreatWriter): string {
  const streamed = mergeStreamed({ ...input, submissions: structuredClone(input.submissions), consume: true, tool: TOOL });
  return [...renderMergedJson(streamed.result, streamed, writer)].map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('');
}

describe('joint threats made from jobs', () => {
  it('are the threats this thread makes, field by field, after crossing to another thread', async () => {
    for (const input of await inputs()) {
      // The merge consumes its submissions, and several inputs share them.
      const streamed = mergeStreamed({ ...input, submissions: structuredClone(input.submissions), consume: true, tool: TOOL });
      expect(streamed.threats.length).toBeGreaterThan(0);
      if (input.normaliser) expect(streamed.portable.setup().texts.buffers.some((b) => b !== null)).toBe(true);
      const make = jointThreatsFrom(structuredClone(streamed.portable.setup()));
      for (let k = 0; k < streamed.threats.length; k++) {
        expect(make(structuredClone(streamed.portable.job(k)))).toEqual(streamed.threats.at(k));
      }
    }
  });

  it('carry decided links with their reasons', async () => {
    const streamed = mergeStreamed({ ...(await inputs())[3]!, consume: true, tool: TOOL });
    const make = jointThreatsFrom(streamed.portable.setup());
    const decided = Array.from({ length: streamed.threats.length }, (_, k) => make(streamed.portable.job(k))).flatMap((t) => t.evidence).filter((e) => e.outcome === 'decided-same');
    expect(decided.length).toBeGreaterThan(0);
    expect(decided.every((e) => e.reason === 'analyst: one campaign')).toBe(true);
  });

  it('count each entry once, in the job of its own threat', async () => {
    const streamed = mergeStreamed({ ...(await inputs())[1]!, consume: true, tool: TOOL });
    const sizes = Array.from({ length: streamed.threats.length }, (_, k) => streamed.portable.size(k));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(streamed.result.summary.entries);
    sizes.forEach((n, k) => expect(streamed.portable.job(k).strong).toHaveLength(n));
  });
});

describe('writing the threats on two threads', () => {
  it('gives the same output, byte for byte, as one thread', async () => {
    for (const input of await inputs()) {
      const writer = inThreadWriter();
      expect(rendered(input, writer)).toBe(rendered(input));
      expect(writer.shipped.length).toBeGreaterThan(0);
      expect(writer.ended).toBeGreaterThan(0);
    }
  });

  it('makes here the batches of a helper that fails, and ships it nothing more', () => {
    const input = { submissions: twoLargeSubmissions() };
    const alone = rendered(input);
    for (const failAt of [0, 1, 5]) {
      const writer = inThreadWriter((k) => (k === failAt ? 'fail' : 'answer'));
      expect(rendered(input, writer), `fails at batch ${failAt}`).toBe(alone);
      // Batches shipped before the failure is noticed (at most the three in flight) are made here too.
      expect(writer.shipped.length).toBeGreaterThan(failAt);
      expect(writer.shipped.length).toBeLessThanOrEqual(failAt + 3);
    }
  });

  it('takes no answer that is not the next batch\'s, and makes the rest here', () => {
    const input = { submissions: twoLargeSubmissions() };
    const writer = inThreadWriter((k) => (k === 2 ? 'answer twice' : 'answer'));
    expect(rendered(input, writer)).toBe(rendered(input));
    expect(writer.dropped).toEqual([expect.stringMatching(/answered for threat \d+ where \d+ was due/)]);
    // The helper is done with once its answers go wrong: the batches in flight then, and no more.
    expect(writer.shipped.length).toBeLessThanOrEqual(3 + 3);
  });

  it('writes the helper\'s text as it comes', () => {
    // A helper whose third batch reads differently: its text must be in the output, as it is.
    const text = rendered({ submissions: twoLargeSubmissions() }, inThreadWriter((k) => (k === 2 ? 'mark' : 'answer')));
    expect(text.split('"MARK"')).toHaveLength(2);
  });

  it('leaves a merge below the helper threshold to this thread', async () => {
    const writer = { ...inThreadWriter(), minEntries: 1_000_000 };
    const input = (await inputs())[0]!;
    expect(rendered(input, writer)).toBe(rendered(input));
    expect(writer.shipped).toHaveLength(0);
  });

  it('holds for random submissions (property)', () => {
    fc.assert(
      fc.property(submissionsArb(), (gen) => {
        const writer = inThreadWriter();
        expect(rendered({ submissions: toSubmissions(gen) }, writer)).toBe(rendered({ submissions: toSubmissions(gen) }));
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 40) },
    );
  });

  it('splits a large merge into batches of consecutive threats, in order', () => {
    const writer = inThreadWriter();
    expect(rendered({ submissions: twoLargeSubmissions() }, writer)).toBe(rendered({ submissions: twoLargeSubmissions() }));
    const shipped = writer.shipped.flatMap((b) => b.jobs.map((j) => j.k));
    expect(shipped.length).toBeGreaterThan(100);
    expect([...shipped].sort((a, b) => a - b)).toEqual(shipped);
  });
});

describe('the worker thread', () => {
  const built = async () => (await import(pathToFileURL(join(root, 'dist/commands/parallel-writer.js')).href)) as typeof import('../src/commands/parallel-writer.js');

  it('makes the same output as this thread', async () => {
    const { workerWriter } = await built();
    const input = (await inputs())[1]!;
    const fallbacks: string[] = [];
    const writer = workerWriter({ THREATMERGE_PARALLEL_MIN_ENTRIES: '0' }, (why) => fallbacks.push(why));
    expect(writer).toBeDefined();
    // Its answers counted as they are taken: the output must not merely be this thread's.
    let answered = 0;
    const counted: ParallelThreatWriter = {
      minEntries: 0,
      start(setup) {
        const helper = writer!.start(setup)!;
        return { ...helper, next: (wait) => { const a = helper.next(wait); if (a.kind === 'text') answered++; return a; } };
      },
    };
    expect(rendered(input, counted)).toBe(rendered(input));
    expect(answered).toBeGreaterThan(0);
    expect(fallbacks).toEqual([]);
    expect(workerWriter({ THREATMERGE_WORKERS: '0' })).toBeUndefined();
  });

  it('is done without when it fails to load, or answers with an error', async () => {
    const { workerWriter } = await built();
    const input = (await inputs())[1]!;
    const alone = rendered(input);
    const workers = join(import.meta.dirname, 'fixtures', 'workers');
    for (const [script, why] of [['throws-on-load.mjs', /did not answer in time/], ['write-fails-after-one.mjs', /out of luck/]] as const) {
      const fallbacks: string[] = [];
      const writer = workerWriter({ THREATMERGE_PARALLEL_MIN_ENTRIES: '0' }, (w) => fallbacks.push(w), { script: pathToFileURL(join(workers, script)), patienceMs: 2_000 })!;
      expect(rendered(input, writer), script).toBe(alone);
      expect(fallbacks, script).toEqual([expect.stringMatching(why)]);
    }
  });
});

/**
 * A large merge normalises part of its submissions on a second thread (core/normalise-parallel.ts).
 * The entries that come back must be exactly those this thread would have made, and the merged
 * output byte for byte the same, whichever submissions the helper answers for.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { isCommonWordKey, Lexicon, lexiconFacts, type AliasGroup, type LexiconFacts } from '../src/core/aliases.js';
import { ContextLists } from '../src/core/context-lists.js';
import { buildLexicon, materialise, merge, mergeStreamed, type MergeInput } from '../src/core/merge.js';
import { mayHaveSeveralNameKeys, nameKey, nameKeysOf, normaliseSubmissions, specificWordCount, type NormEntry } from '../src/core/normalise.js';
import { normaliseShipped, packEntries, PackTable, shippedFacts, unpackEntries, type NormaliseHelper, type PackedEntries, type ParallelNormaliser, type ShippedSubmission } from '../src/core/normalise-parallel.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { renderMergedJson } from '../src/render/merge/json.js';
import { submission, submissionsArb, toSubmissions } from './helpers/arbitraries.js';

vi.setConfig({ testTimeout: 60_000 });

const root = join(import.meta.dirname, '..');
const TOOL = { name: 'threatmerge', version: '0.1.0' };

/** Alias knowledge that fills every table of the lexicon: a plain-word alias, one claimed by two groups. */
const KNOWLEDGE: AliasGroup[] = [
  { name: 'LockBit', aliases: ['LockBit Black', 'Payment'], origin: 'test' },
  { name: 'Medusa', aliases: ['Medusa Blog'], origin: 'test' },
  { name: 'MedusaLocker', aliases: ['Medusa Blog'], origin: 'test' },
  { name: 'Wizard Spider', aliases: ['UNC1878', 'Grim Spider'], origin: 'test' },
];

async function inputs(): Promise<Omit<MergeInput, 'tool'>[]> {
  const samples = (await loadCorpus(join(root, 'samples'), '../test/fixtures/samples-truth.json')).submissions;
  const corpus = (await loadCorpus(join(root, 'test/corpus'), 'truth.json')).submissions;
  return [
    { submissions: samples },
    { submissions: corpus },
    { submissions: samples, audience: 'green' },
    { submissions: corpus, decisions: [{ kind: 'different', entries: [corpus[0]!.document.partner.id + '/' + corpus[0]!.document.threats[0]!.id, corpus[1]!.document.partner.id + '/' + corpus[1]!.document.threats[0]!.id], origin: 'test:1' }] },
    { submissions: samples, knowledge: KNOWLEDGE },
  ];
}

/**
 * The helper's part on this thread, with every message cloned as a worker's would be.
 * `answers` picks the pieces it answers for with entries, in order, until it first declines one;
 * `answersFacts` likewise the pieces it answers for with their lexicon facts.
 */
function inThreadHelper(answers: (shipment: number) => boolean = () => true, answersFacts: (shipment: number) => boolean = () => true): ParallelNormaliser & { shipped: ShippedSubmission[]; taken: number; factsTaken: number; ended: number } {
  const state = {
    minEntries: 0,
    shipped: [] as ShippedSubmission[],
    /** Answers the merge took (a refused one ends the helper's part). */
    taken: 0,
    /** Pieces whose facts the merge was given. */
    factsTaken: 0,
    ended: 0,
    start(): NormaliseHelper {
      let lexicon: Lexicon | undefined;
      const table = new PackTable();
      const jobs: ShippedSubmission[] = [];
      return {
        ship(s) {
          state.shipped.push(s);
          jobs.push(structuredClone(s));
        },
        facts() {
          const out: { shipment: number; facts: LexiconFacts }[] = [];
          for (const j of jobs) {
            if (!answersFacts(j.shipment)) break;
            out.push(structuredClone({ shipment: j.shipment, facts: shippedFacts(j) }));
          }
          state.factsTaken = out.length;
          return out;
        },
        normalise(snapshot) {
          lexicon = Lexicon.fromSnapshot(structuredClone(snapshot));
        },
        finish(take: (packed: PackedEntries) => boolean) {
          // A helper that stopped while answering with facts answers nothing more.
          if (state.factsTaken < jobs.length) return;
          for (const j of jobs) {
            if (!answers(j.shipment) || !take(structuredClone(normaliseShipped(j, lexicon!, table)))) return;
            state.taken++;
          }
        },
        end() {
          state.ended++;
        },
      };
    },
  };
  return state;
}

/** A helper's calls, passed on to `h` (tests replace some of them). */
function passOn(h: NormaliseHelper): NormaliseHelper {
  return { ship: (s) => h.ship(s), facts: () => h.facts(), normalise: (l) => h.normalise(l), finish: (take) => h.finish(take), end: () => h.end() };
}

/** `normaliser` with some of its helper's methods replaced by `change`. */
function altered(normaliser: ParallelNormaliser, change: (h: NormaliseHelper) => Partial<NormaliseHelper>): ParallelNormaliser {
  return {
    minEntries: 0,
    start(keepParsed) {
      const h = normaliser.start(keepParsed)!;
      return { ...passOn(h), ...change(h) };
    },
  };
}

function rendered(input: Omit<MergeInput, 'tool'>): string {
  const streamed = mergeStreamed({ ...input, consume: true, tool: TOOL });
  return [...renderMergedJson(streamed.result, streamed)].join('');
}

describe('normalising on a second thread', () => {
  it('gives the same merged output, byte for byte, with half the submissions sent to the helper', async () => {
    for (let k = 0; k < 5; k++) {
      const alone = rendered((await inputs())[k]!);
      const helper = inThreadHelper();
      const helped = rendered({ ...(await inputs())[k]!, normaliser: helper });
      expect(helper.shipped.length).toBeGreaterThan(0);
      expect(helper.taken).toBe(helper.shipped.length);
      expect(helped).toBe(alone);
    }
  });

  it('sends the last half of the entries, in entry order, in pieces of at most 4,096', async () => {
    const { submissions } = await loadCorpus(join(root, 'test/corpus'));
    const total = submissions.reduce((n, s) => n + s.document.threats.length, 0);
    const helper = inThreadHelper();
    mergeStreamed({ submissions, consume: true, normaliser: helper, tool: TOOL });
    expect(helper.shipped.reduce((n, s) => n + s.lines.length, 0)).toBe(Math.floor(total / 2));
    helper.shipped.forEach((s, k) => expect(s.firstIndex).toBe(k === 0 ? Math.ceil(total / 2) : helper.shipped[k - 1]!.firstIndex + helper.shipped[k - 1]!.lines.length));
    expect(helper.ended).toBe(1);
  });

  it('splits one large submission between the threads', () => {
    const one = [submission('aa-cert', Array.from({ length: 10_000 }, (_, i) => ({ title: `Threat number ${i} of many`, summary: `Summary ${i % 97}` })))];
    const alone = rendered({ submissions: one });
    const helper = inThreadHelper();
    const oneAgain = [submission('aa-cert', Array.from({ length: 10_000 }, (_, i) => ({ title: `Threat number ${i} of many`, summary: `Summary ${i % 97}` })))];
    expect(rendered({ submissions: oneAgain, normaliser: helper })).toBe(alone);
    expect(helper.shipped.map((s) => s.lines.length)).toEqual([4096, 904]);
    // Both pieces were taken: the second one's strings continue the table the first one began.
    expect(helper.taken).toBe(2);
  });

  it('takes no answer that does not hold exactly its piece, and makes that piece here', async () => {
    const alone = rendered((await inputs())[1]!);
    const lying = altered(inThreadHelper(), (h) => ({ finish: (take) => h.finish((p) => take({ ...p, numbers: p.numbers.slice(6) })) }));
    expect(rendered({ ...(await inputs())[1]!, normaliser: lying })).toBe(alone);
  });

  it('ends the helper when the merge fails before taking its answers', async () => {
    const helper = inThreadHelper();
    const { submissions } = (await inputs())[1]!;
    const poisoned = submissions.map((s) => ({ ...s, document: { ...s.document, threats: [...s.document.threats] } }));
    // A threat that cannot be normalised (only normalisation reads the summary), in this thread's share.
    (poisoned[0]!.document.threats[0] as { summary: unknown }).summary = 42;
    expect(() => mergeStreamed({ submissions: poisoned, consume: true, normaliser: helper, tool: TOOL })).toThrow();
    expect(helper.shipped.length).toBeGreaterThan(0);
    expect(helper.ended).toBe(1);
  });

  it('normalises here whatever the helper does not answer for, to the same output', async () => {
    const alone = rendered((await inputs())[1]!);
    for (const answers of [(k: number) => k < 1, () => false]) {
      expect(rendered({ ...(await inputs())[1]!, normaliser: inThreadHelper(answers) })).toBe(alone);
    }
  });

  it('works out here the lexicon facts the helper does not answer with, to the same output', async () => {
    for (const k of [1, 4]) {
      const alone = rendered((await inputs())[k]!);
      for (const answersFacts of [(n: number) => n < 1, () => false]) {
        const helper = inThreadHelper(() => true, answersFacts);
        expect(rendered({ ...(await inputs())[k]!, normaliser: helper })).toBe(alone);
        expect(helper.factsTaken).toBeLessThan(helper.shipped.length);
      }
    }
  });

  it("makes the lexicon from this thread's facts and the helper's: without the helper's, names go missing", async () => {
    // The corpus's helper share holds names no other entry lists; a merge that lost the facts of
    // the helper's pieces would not know them, and its output would differ.
    const alone = rendered((await inputs())[1]!);
    const forgetful = altered(inThreadHelper(), (h) => ({ facts: () => h.facts().map(({ shipment }) => ({ shipment, facts: { partnerNameKeys: [], titleKeys: [], aliasKeyLists: [] } })) }));
    expect(rendered({ ...(await inputs())[1]!, normaliser: forgetful })).not.toBe(alone);
  });

  it('keeping the parsed threats (a heap with room) gives the same output, whoever normalised each entry', async () => {
    for (const k of [0, 1, 4]) {
      const alone = rendered((await inputs())[k]!);
      for (const answers of [() => true, (n: number) => n < 1, () => false]) {
        expect(rendered({ ...(await inputs())[k]!, normaliser: inThreadHelper(answers), keepParsed: true })).toBe(alone);
      }
      expect(rendered({ ...(await inputs())[k]!, keepParsed: true })).toBe(alone);
    }
  });

  it('keeping the parsed threats, writes them from those very objects, not from text kept aside', async () => {
    for (const keepParsed of [true, false]) {
      const { submissions } = (await inputs())[1]!;
      const threats = submissions.flatMap((s) => s.document.threats);
      const streamed = mergeStreamed({ submissions, consume: true, keepParsed, normaliser: inThreadHelper(), tool: TOOL });
      // Changed after normalisation, before writing: only the joint threats read summaries then.
      for (const t of threats) t.summary = 'changed after normalising';
      const text = [...renderMergedJson(streamed.result, streamed)].join('');
      expect(text.split('changed after normalising').length - 1).toBe(keepParsed ? threats.length : 0);
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
    const entries = normaliseSubmissions(submissions, buildLexicon(submissions, KNOWLEDGE));
    for (const e of entries) e.raw = undefined;
    return entries;
  }

  it('unpack to entries equal to the packed ones, field by field and in the same field order', async () => {
    const entries = await corpusEntries();
    const back: NormEntry[] = [];
    expect(unpackEntries(structuredClone(packEntries(0, entries, new PackTable())), { firstIndex: 0, lines: entries.map((e) => e.line) }, back, [])).toBe(true);
    expect(back).toEqual(entries);
    expect(back.map((e) => Object.keys(e))).toEqual(entries.map((e) => Object.keys(e)));
    // Empty lists stay the one shared, frozen empty list.
    for (let k = 0; k < entries.length; k++) expect(back[k]!.summaryTokens.length === 0).toBe(Object.isFrozen(back[k]!.summaryTokens));
    expect(back.some((e) => e.confidence === undefined) && back.some((e) => e.confidence !== undefined)).toBe(true);
  });

  it("unpack to entries of normaliseEntry's hidden class, so that V8 need not migrate this thread's own entries", () => {
    // Numbers come back from a Float64Array as heap numbers; stored as they come, they would give
    // the unpacked entries a wider hidden class and deprecate normaliseEntry's (every entry then
    // migrated on first touch, ~0.2 s at 100k, each whole number boxed). Only V8 can tell.
    const dist = (path: string) => JSON.stringify(pathToFileURL(join(root, 'dist', path)).href);
    // One process per case: hidden classes, once widened, stay wide for the rest of the process.
    const script = (everyNumber: boolean) => `
      const { loadCorpus } = await import(${dist('eval-corpus.js')});
      const { buildLexicon } = await import(${dist('core/merge.js')});
      const { normaliseSubmissions } = await import(${dist('core/normalise.js')});
      const { packEntries, PackTable, unpackEntries } = await import(${dist('core/normalise-parallel.js')});
      const { submissions } = await loadCorpus(${JSON.stringify(join(root, 'test/corpus'))});
      // The corpus leaves confidence and rank out of some threats, which gives those fields a
      // class that takes anything; with both in every threat, they hold small integers only.
      if (${everyNumber}) for (const s of submissions) s.document.threats.forEach((t, k) => { t.confidence ??= 50; t.rank ??= 1000 + k; });
      const entries = normaliseSubmissions(submissions, buildLexicon(submissions, []));
      for (const e of entries) e.raw = undefined;
      const back = [];
      const ok = unpackEntries(structuredClone(packEntries(0, entries, new PackTable())), { firstIndex: 0, lines: entries.map((e) => e.line) }, back, []);
      const same = entries.every((e, k) => %HaveSameMap(e, back[k]) && %HaveSameMap(e, entries[0]));
      console.log(JSON.stringify({ ok, made: entries.length, unpacked: back.length, same }));`;
    // Runs the build in dist/ (npm test builds first), as the CLI tests do.
    const run = (everyNumber: boolean) =>
      JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script(everyNumber)], { encoding: 'utf8' })) as { ok: boolean; made: number; unpacked: number; same: boolean };
    for (const out of [run(false), run(true)]) {
      expect(out.made).toBeGreaterThan(300);
      expect(out).toEqual({ ok: true, made: out.made, unpacked: out.made, same: true });
    }
  });

  it("hold each distinct string once, and the entries' own strings apart from the lists' values", async () => {
    const entries = await corpusEntries();
    const packed = packEntries(0, entries, new PackTable());
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
    expect(new Set(packed.scalars).size).toBe(packed.scalars.length);
    // Keys and titles cross in the pack's own table, not the helper's lasting one.
    expect(packed.scalars).toEqual(expect.arrayContaining([entries[0]!.key, entries[0]!.title]));
    expect(packed.strings).not.toContain(entries[0]!.key);
  });

  /** The entries in pieces of `size`, packed with one table as the helper packs them. */
  function inPieces(entries: readonly NormEntry[], size: number): { packed: PackedEntries; piece: { firstIndex: number; lines: number[] } }[] {
    const table = new PackTable();
    const out = [];
    for (let from = 0; from < entries.length; from += size) {
      const part = entries.slice(from, from + size);
      out.push({ packed: structuredClone(packEntries(out.length, part, table)), piece: { firstIndex: from, lines: part.map((e) => e.line) } });
    }
    return out;
  }

  it('send each string once over all the pieces of one helper, and unpack piece by piece to the same entries', async () => {
    const entries = await corpusEntries();
    const pieces = inPieces(entries, 100);
    expect(pieces.length).toBeGreaterThan(3);
    const sent = pieces.flatMap((p) => p.packed.strings);
    expect(new Set(sent).size).toBe(sent.length);
    const back: NormEntry[] = [];
    const received: string[] = [];
    for (const { packed, piece } of pieces) expect(unpackEntries(packed, piece, back, received)).toBe(true);
    expect(back).toEqual(entries);
  });

  it('are refused when they do not continue the table received so far, and nothing is taken from them', async () => {
    const entries = await corpusEntries();
    const [first, second] = inPieces(entries, 100);
    const back: NormEntry[] = [];
    const received: string[] = [];
    // The second piece before the first: its strings would land at the wrong ids.
    expect(unpackEntries(second!.packed, second!.piece, back, received)).toBe(false);
    expect([back.length, received.length]).toEqual([0, 0]);
    expect(unpackEntries(first!.packed, first!.piece, back, received)).toBe(true);
    // A helper that started a new table for its second piece.
    const fresh = structuredClone(packEntries(1, entries.slice(100, 200), new PackTable()));
    const lists = new ContextLists(entries.length);
    expect(unpackEntries(fresh, second!.piece, back, received, lists)).toBe(false);
    expect(back.length).toBe(100);
    expect(() => lists.finish()).toThrow(/lists of 0 of/);
  });

  it('numbered for the context as they are unpacked, give the lists the context numbers from the entries themselves', async () => {
    const entries = await corpusEntries();
    const expected = ContextLists.of(entries).finish();
    // This thread's entries first, then the helper's pieces, as a merge takes them.
    const own = 150;
    const lists = new ContextLists(entries.length);
    for (const e of entries.slice(0, own)) lists.push(e);
    const back: NormEntry[] = [];
    const received: string[] = [];
    for (const { packed, piece } of inPieces(entries.slice(own), 100)) {
      expect(unpackEntries(packed, { ...piece, firstIndex: piece.firstIndex + own }, back, received, lists)).toBe(true);
    }
    const numbered = lists.finish();
    expect(numbered).toEqual(expected);
    // Every kind of list has values, so a list taken from the wrong place of a pack would show.
    for (const [kind, l] of Object.entries(expected)) if ('ids' in l) expect([kind, l.ids.length > 0]).toEqual([kind, true]);
    // The lists only the context reads are not made as strings; the others are as the entries have them.
    const counted = ['identityRaw', 'titleTokens', 'summaryTokens', 'techniques', 'sectors'] as const;
    back.forEach((e, k) => {
      const original = entries[own + k]!;
      for (const l of counted) expect(e[l]).toEqual([]);
      expect({ ...e, ...Object.fromEntries(counted.map((l) => [l, original[l]])) }).toEqual(original);
    });
  });
});

describe('a lexicon made from facts', () => {
  /** Every key a look-up may ask about, and how the lexicon answers for each. */
  function answers(lexicon: Lexicon, keys: readonly string[]): unknown[] {
    return keys.map((k) => [k, lexicon.has(k), lexicon.canonical(k), lexicon.isStrong(k), lexicon.isCommon(k)]);
  }

  it('answers as one made name by name (addPartnerName, addTitle, addPartnerAliases), in any order of the facts', async () => {
    const { submissions } = await loadCorpus(join(root, 'test/corpus'));
    // The rules as the lexicon applied them name by name before facts, written out again here
    // from the building blocks, so that a fact worked out differently would show.
    const byName = new Lexicon();
    byName.addKnowledge(KNOWLEDGE);
    for (const s of submissions) for (const t of s.document.threats) for (const n of [...(t.aliases ?? []), ...(t.actors ?? []), ...(t.malware ?? [])]) for (const k of nameKeysOf(n)) byName.addPartnerNameKey(k);
    for (const s of submissions) {
      for (const t of s.document.threats) if (specificWordCount(t.title) <= 2 && nameKey(t.title) !== '') byName.addTitleKey(nameKey(t.title));
    }
    const pairable = (names: string[]) => [...new Set(names.flatMap((n) => [...nameKeysOf(n)]).filter((k) => !isCommonWordKey(k)))].sort();
    byName.addPartnerKeyLists(
      submissions.flatMap((s) =>
        s.document.threats.map((t) => {
          const names = [t.title, ...(t.aliases ?? [])];
          return { partner: s.document.partner.id, keyLists: names.length === 1 && !mayHaveSeveralNameKeys(names[0]!) ? [] : [pairable(names)] };
        }),
      ),
    );
    const { strength, canonicalOf } = byName.snapshot();
    const keys = [...strength.keys(), ...canonicalOf.keys(), ...canonicalOf.values(), ...normaliseSubmissions(submissions, byName).flatMap((e) => [...e.identityRaw, ...e.titleTokens])];
    // The corpus joins names through partners' alias lists: the check covers that path.
    expect(canonicalOf.size).toBeGreaterThan(0);
    expect(keys.length).toBeGreaterThan(1000);
    const expected = answers(byName, keys);
    expect(answers(buildLexicon(submissions, KNOWLEDGE), keys)).toEqual(expected);
    // Facts of single entries, as pieces split submissions, in random orders.
    const perEntry = submissions.flatMap((s) => s.document.threats.map((t) => ({ partner: s.document.partner.id, facts: lexiconFacts([t]) })));
    fc.assert(
      fc.property(fc.shuffledSubarray(perEntry, { minLength: perEntry.length }), (shuffled) => {
        const lexicon = new Lexicon();
        lexicon.addKnowledge(KNOWLEDGE);
        lexicon.addPartnerFacts(shuffled);
        expect(answers(lexicon, keys)).toEqual(expected);
      }),
      { numRuns: 10 },
    );
  });
});

describe('a lexicon snapshot', () => {
  it('answers every look-up as the lexicon it was taken of, once sent to another thread', async () => {
    const { submissions } = await loadCorpus(join(root, 'test/corpus'));
    const lexicon = buildLexicon(submissions, KNOWLEDGE);
    const snapshot = lexicon.snapshot();
    for (const table of Object.values(snapshot)) expect(table.size).toBeGreaterThan(0);
    const copy = Lexicon.fromSnapshot(structuredClone(snapshot));
    const keys = [...normaliseSubmissions(submissions, lexicon).flatMap((e) => [...e.identityRaw, ...e.identityNames, ...e.titleTokens, ...e.actorNames]), 'payment', 'medusablog', 'unc1878'];
    expect(keys.length).toBeGreaterThan(1000);
    for (const k of keys) {
      expect([copy.has(k), copy.canonical(k), copy.isStrong(k), copy.isCommon(k)]).toEqual([lexicon.has(k), lexicon.canonical(k), lexicon.isStrong(k), lexicon.isCommon(k)]);
    }
  });
});

describe('the worker thread', () => {
  // The built worker (npm test builds first): the source cannot run in a worker thread.
  const built = () => import('../dist/commands/parallel-normaliser.js');
  /** A normaliser that counts the answers its helper gives. */
  function counting(normaliser: ParallelNormaliser): ParallelNormaliser & { answered: number } {
    const state = {
      minEntries: 0,
      answered: 0,
      start(keepParsed: boolean) {
        const helper = normaliser.start(keepParsed);
        return helper && { ...passOn(helper), finish: (take: (p: PackedEntries) => boolean) => helper.finish((p) => (state.answered++, take(p))) };
      },
    };
    return state;
  }

  it.skipIf(availableParallelism() < 2)('normalises what it is sent in the worker, not by falling back to the main thread', async () => {
    const { workerNormaliser } = await built();
    const fallbacks: string[] = [];
    const normaliser = counting(workerNormaliser({ THREATMERGE_PARALLEL_MIN_ENTRIES: '0' }, (why: string) => fallbacks.push(why))!);
    const alone = rendered((await inputs())[4]!);
    expect(rendered({ ...(await inputs())[4]!, normaliser })).toBe(alone);
    expect(fallbacks).toEqual([]);
    expect(normaliser.answered).toBeGreaterThan(0);
    expect(workerNormaliser({ THREATMERGE_WORKERS: '0' })).toBeUndefined();
  });

  it.skipIf(availableParallelism() < 2)('keeps one table of strings over all its pieces', async () => {
    const { workerNormaliser } = await built();
    const many = () => [submission('aa-cert', Array.from({ length: 10_000 }, (_, i) => ({ title: `Threat number ${i} of many`, summary: `Summary ${i % 97}` })))];
    const fallbacks: string[] = [];
    const normaliser = counting(workerNormaliser({ THREATMERGE_PARALLEL_MIN_ENTRIES: '0' }, (why: string) => fallbacks.push(why))!);
    expect(rendered({ submissions: many(), normaliser })).toBe(rendered({ submissions: many() }));
    // Two pieces, both taken: the second one's ids continue the table the first one began.
    expect([normaliser.answered, fallbacks]).toEqual([2, []]);
  });

  it.skipIf(availableParallelism() < 2)('gives the same output when the worker fails, and says why', async () => {
    const { workerNormaliser } = await built();
    const workers = join(import.meta.dirname, 'fixtures', 'workers');
    const alone = rendered((await inputs())[1]!);
    const cases: [string, number, RegExp][] = [
      ['throws-on-load.mjs', 0, /did not answer in time/],
      ['fails-in-facts.mjs', 0, /out of luck with the facts/],
      ['facts-out-of-turn.mjs', 0, /facts of piece 0 did not fit/],
      ['fails-after-one.mjs', 1, /out of luck/],
    ];
    for (const [script, answered, why] of cases) {
      const fallbacks: string[] = [];
      const options = { script: pathToFileURL(join(workers, script)), patienceMs: () => 2000 };
      const normaliser = counting(workerNormaliser({ THREATMERGE_PARALLEL_MIN_ENTRIES: '0' }, (w: string) => fallbacks.push(w), options)!);
      expect(rendered({ ...(await inputs())[1]!, normaliser })).toBe(alone);
      expect(normaliser.answered).toBe(answered);
      expect(fallbacks).toHaveLength(1);
      expect(fallbacks[0]).toMatch(why);
    }
  });
});

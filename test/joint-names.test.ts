/**
 * The joint threat's name helpers were rewritten for speed; they must give exactly what the
 * plain versions gave. The plain versions are kept here as the reference.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../src/core/aliases.js';
import { canonicalTitle, foldedCompact, merge, namePhrases, unbracket } from '../src/core/merge.js';
import {
  foldedWords, foldText, isAsciiText, isSpecificWord, nameKeysOf, normaliseSubmissions, specificWordCount, type NormEntry,
} from '../src/core/normalise.js';
import type { Submission } from '../src/core/types.js';
import { cmp } from '../src/core/util.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { syntheticCorpus, TOOL } from './helpers/arbitraries.js';

const root = join(import.meta.dirname, '..');

// ---- the reference versions ----

function plainCleanSpaces(w: string): string {
  return w.trim().replace(/\s+/g, ' ');
}

function plainUnbracket(word: string): string {
  let w = word.replace(/^[("'“]+/, '');
  const open = (w.match(/\(/g) ?? []).length;
  while (w.endsWith(')') && (w.match(/\)/g) ?? []).length > open) w = w.slice(0, -1);
  return w.replace(/["'”:.]+$/, '');
}

function plainAllSpecific(folds: readonly string[][], i: number, n: number): boolean {
  let position = 0;
  for (let k = i; k < i + n; k++) {
    for (const t of folds[k]!) {
      if (!isSpecificWord(t, position)) return false;
      position++;
    }
  }
  return position > 0;
}

function plainNamePhrases(title: string): string[] {
  const words = title.split(/[\s/,;]+/).map(plainUnbracket).filter((w) => w !== '');
  const folds = isAsciiText(title) ? words.map(foldedWords) : undefined;
  const found: string[] = [];
  for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= words.length; i++) {
    const phrase = words.slice(i, i + n).join(' ');
    const onlyNameWords = folds ? plainAllSpecific(folds, i, n) : specificWordCount(phrase) === foldText(phrase).split(' ').length;
    if (onlyNameWords) found.push(plainCleanSpaces(phrase));
  }
  return found;
}

function plainFoldedCompact(text: string): string {
  return foldText(text).replace(/ /g, '');
}

function plainCanonicalTitle(members: readonly NormEntry[], canonical: (key: string) => string): string {
  const score = new Map<string, number>();
  const sources = new Map<string, number>();
  for (const e of members) {
    const compactTitle = plainFoldedCompact(e.raw.title);
    for (const n of e.strongIdentity) {
      score.set(n, (score.get(n) ?? 0) + (compactTitle.includes(n) ? 2 : 1));
      sources.set(n, (sources.get(n) ?? 0) + 1);
    }
  }
  const top = [...score].filter(([n]) => sources.get(n)! >= 2).sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0];
  if (top !== undefined) {
    const spellings = new Map<string, number>();
    const countClean = (clean: string, weight: number) => {
      if (nameKeysOf(clean).some((k) => canonical(k) === top)) spellings.set(clean, (spellings.get(clean) ?? 0) + weight);
    };
    for (const e of members) {
      for (const phrase of plainNamePhrases(e.raw.title)) countClean(phrase, 2);
      for (const w of new Set([...(e.raw.aliases ?? []), ...(e.raw.actors ?? []), ...(e.raw.malware ?? [])])) countClean(plainCleanSpaces(w), 1);
    }
    const wordCount = (w: string) => w.split(' ').length;
    const proper = (w: string) => (/\p{Lu}/u.test(w) ? 0 : 1);
    const best = [...spellings].sort((a, b) => proper(a[0]) - proper(b[0]) || b[1] - a[1] || wordCount(a[0]) - wordCount(b[0]) || a[0].length - b[0].length || cmp(a[0], b[0]))[0];
    if (best) return best[0];
  }
  return members.map((e) => e.raw.title).sort((a, b) => a.length - b.length || cmp(a, b))[0]!;
}

// ---- inputs ----

/** Pieces of titles and names, with the brackets, quotes, separators and white space the helpers treat specially. */
const PIECES = [
  'LockBit', 'lockbit', '3.0', 'v2', 'Black', 'Basta', 'ransomware', 'group', 'ALPHV/BlackCat', 'Royal', '(BlackSuit)', 'NoName057(16)',
  'aka', 'also known as', 'APT', '29', 'Sandworm', 'Team', 'Clop', "Cl0p's", '"Scattered', 'Spider"', '“Volt', 'Typhoon”', 'Akira:', 'Play.',
  'Qakbot,', 'Emotet;', 'Mañana', 'Éclair', 'ＬｏｃｋＢｉｔ', 'the', 'of', '((x))', ')', '(', "'", '.', ':', '/', ',', ';', '-', '',
];
const SPACES = [' ', '  ', '\t', '\u00a0', '\u2003', ' / ', ', ', '; ', '\n'];
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SPACES)), { maxLength: 8 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

async function realSubmissions(): Promise<Submission[]> {
  const { submissions } = await loadCorpus(join(root, 'samples'), '../test/fixtures/samples-truth.json');
  return [...submissions, ...syntheticCorpus(7, 6, 60, 120)];
}

function lexiconOf(submissions: readonly Submission[]): Lexicon {
  // As merge() builds it.
  const lexicon = new Lexicon();
  for (const s of submissions) {
    for (const t of s.document.threats) for (const n of [...(t.aliases ?? []), ...(t.actors ?? []), ...(t.malware ?? [])]) lexicon.addPartnerName(n);
  }
  for (const s of submissions) for (const t of s.document.threats) lexicon.addTitle(t.title);
  lexicon.addPartnerAliases(submissions.flatMap((s) => s.document.threats.map((t) => ({ partner: s.document.partner.id, names: [t.title, ...(t.aliases ?? [])] }))));
  return lexicon;
}

describe('joint threat name helpers equal their plain versions', () => {
  it('unbracket, namePhrases and foldedCompact on made-up text', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const w of text.split(/[\s/,;]+/)) expect(unbracket(w)).toBe(plainUnbracket(w));
        expect(namePhrases(text)).toEqual(plainNamePhrases(text));
        expect(foldedCompact(text)).toBe(plainFoldedCompact(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('namePhrases and foldedCompact on real titles and names', async () => {
    for (const s of await realSubmissions()) {
      for (const t of s.document.threats) {
        expect(namePhrases(t.title)).toEqual(plainNamePhrases(t.title));
        for (const n of [t.title, ...(t.aliases ?? []), ...(t.actors ?? []), ...(t.malware ?? []), ...(t.sectors ?? [])]) expect(foldedCompact(n)).toBe(plainFoldedCompact(n));
      }
    }
  });

  it('canonicalTitle on the merged groups, and on every set of entries that share a strong name', async () => {
    const submissions = await realSubmissions();
    const lexicon = lexiconOf(submissions);
    const canonical = (k: string) => lexicon.canonical(k);
    const entries = normaliseSubmissions(submissions, lexicon);
    const byKey = new Map(entries.map((e) => [e.key, e]));
    const groups: NormEntry[][] = [];
    for (const t of merge({ submissions, tool: TOOL }).result.threats) groups.push(t.sources.map((s) => byKey.get(`${s.partner}/${s.id}`)!));
    const sharing = new Map<string, NormEntry[]>();
    for (const e of entries) for (const n of e.strongIdentity) sharing.set(n, [...(sharing.get(n) ?? []), e]);
    groups.push(...sharing.values());
    let named = 0;
    for (const g of groups) {
      const title = canonicalTitle(g, canonical);
      expect(title).toBe(plainCanonicalTitle(g, canonical));
      if (!g.some((e) => e.raw.title === title)) named++;
    }
    // The spelling path (a name that is no member's whole title) must have been exercised.
    expect(named).toBeGreaterThan(10);
  });
});

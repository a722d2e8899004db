/**
 * Normalisation reads each word's facts from one table (stem, stop word, name part) and scans
 * titles for names from those facts. Whatever it computes must equal what the plain versions
 * below compute: they are the code before the speed work, kept here as the specification.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySynonyms, foldedWordFacts, foldedWords, isContentWord, isSpecificWord, nameKey, namesInTitle, specificWordCount, stem, titleTokens,
} from '../src/core/normalise.js';

const VERSION_TOKEN = /^(v\d+(\.\d+)*|\d+\.\d+(\.\d+)*|\d)$/;

function referenceNameKeyOfWords(words: readonly string[]): string {
  // isSpecificWord(t, 0) is "not a generic word".
  const tokens = words.filter((t) => t !== '' && isSpecificWord(t, 0));
  const kept = tokens.filter((t, i) => i === 0 || !VERSION_TOKEN.test(t));
  const key = kept.join('').replace(/\./g, '');
  if (key.length < 3 || /^\d+$/.test(key)) return '';
  return key;
}

function referenceNamesInTitle(title: string, isKnownName: (key: string) => boolean, isCommonWord: (key: string) => boolean): string[] {
  const words = foldedWords(title);
  const found = new Set<string>();
  const whole = referenceNameKeyOfWords(words);
  if (whole !== '' && isKnownName(whole)) found.add(whole);
  for (let n = 3; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const key = referenceNameKeyOfWords(words.slice(i, i + n));
      if (key !== '' && isKnownName(key) && !(n === 1 && isCommonWord(key))) found.add(key);
    }
  }
  return [...found].sort();
}

function referenceJoinPrefixNumbers(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (next !== undefined && /^[a-z]{2,4}$/.test(w) && /^\d{2,5}(?![\w])/.test(next)) {
      out.push(w + next);
      i++;
    } else out.push(w);
  }
  return out;
}

function referenceTitleTokens(title: string): string[] {
  const words = applySynonyms(referenceJoinPrefixNumbers(foldedWords(title)).map(stem));
  const out = new Set<string>();
  for (const word of words) if (isContentWord(word)) out.add(word);
  return [...out].sort();
}

function fixtureLines(): string[] {
  const lines: string[] = [];
  for (const dir of ['samples', 'test/corpus']) {
    for (const name of readdirSync(dir)) if (/\.(ya?ml|json)$/.test(name)) lines.push(...readFileSync(`${dir}/${name}`, 'utf8').split('\n'));
  }
  return lines;
}

const pieces = fc.constantFrom(
  'LockBit', 'lockbit', '3.0', 'v2', '2', 'Black', 'Basta', 'ransomware', 'group', 'the', 'APT', '29', 'UNC', '3944', 'TA', '505.1', 'sim', 'swap',
  'phishing', 'as', 'a', 'service', 'fake', 'crypto', 'investment', 'scam', 'dark', 'web', 'market', 'child', 'sexual', 'abuse', 'material',
  "don't", 'O`Brien', 'ALPHV/BlackCat', 'Royal (BlackSuit)', 'aka', 'Café', 'İstanbul', 'ﬁle', '①', '1.2.3', '..', '-', ' ', '  ', "'", '.',
  'attacks', 'companies', 'targeting', 'ongoing', 'zero', 'day', '0day', 'bec', 'ceo', 'fraud', 'money', 'mule', 'ddos', 'dos',
);
const textOf = fc.array(pieces, { maxLength: 16 }).map((parts) => parts.join(' '));
const rawTextOf = fc.array(pieces, { maxLength: 16 }).map((parts) => parts.join(''));
const anyText = fc.oneof(textOf, rawTextOf, fc.string(), fc.string({ unit: 'grapheme' }));

describe('word facts equal the plain computations', () => {
  it('fold to the same words, stems and stop words', () => {
    const check = (text: string) => {
      const facts = foldedWordFacts(text);
      expect(facts.map((f) => f.word)).toEqual(foldedWords(text));
      for (const f of facts) {
        expect(f.stem).toBe(stem(f.word));
        expect(f.content).toBe(isContentWord(stem(f.word)));
      }
    };
    fc.assert(fc.property(anyText, check), { numRuns: 3000 });
    for (const line of fixtureLines()) check(line);
  });

  it('give the same title tokens', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(titleTokens(text)).toEqual(referenceTitleTokens(text));
      }),
      { numRuns: 3000 },
    );
    for (const line of fixtureLines()) expect(titleTokens(line)).toEqual(referenceTitleTokens(line));
  });

  it('give the same name keys and specific word counts', () => {
    const check = (text: string) => {
      expect(nameKey(text)).toBe(referenceNameKeyOfWords(foldedWords(text)));
      expect(specificWordCount(text)).toBe(foldedWords(text).filter((t, i) => isSpecificWord(t, i)).length);
    };
    fc.assert(fc.property(anyText, check), { numRuns: 3000 });
    for (const line of fixtureLines()) check(line);
  });

  it('find the same names in titles', () => {
    // Known names: every key of one to three consecutive words of some texts, so that matches are common.
    const known = new Set<string>();
    fc.sample(textOf, { numRuns: 200, seed: 7 }).forEach((text) => {
      const words = foldedWords(text);
      for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= words.length; i++) known.add(referenceNameKeyOfWords(words.slice(i, i + n)));
    });
    const isKnown = (k: string) => known.has(k);
    const isCommon = (k: string) => k.length < 5;
    const check = (title: string) => {
      expect(namesInTitle(title, isKnown, isCommon)).toEqual(referenceNamesInTitle(title, isKnown, isCommon));
    };
    fc.assert(fc.property(anyText, check), { numRuns: 3000 });
    for (const line of fixtureLines()) check(line);
  });
});

describe('the word table', () => {
  it('tells apart words whose hashes collide and keeps finding words as it grows', () => {
    // Many distinct words, each seen twice, in mixed case and with apostrophes.
    const words = Array.from({ length: 20000 }, (_, i) => `w${i.toString(36)}x`);
    const text = words.map((w, i) => (i % 3 === 0 ? w.toUpperCase() : i % 3 === 1 ? `${w.slice(0, 1)}'${w.slice(1)}` : w)).join(' ');
    expect(foldedWordFacts(text).map((f) => f.word)).toEqual(words);
    expect(foldedWordFacts(text).map((f) => f.word)).toEqual(words);
  });
});

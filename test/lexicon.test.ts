/** The name lexicon learns from what partners write: titles that list several names join them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../src/core/aliases.js';
import { mayHaveSeveralNameKeys, nameKey, nameKeysOf } from '../src/core/normalise.js';

describe('partners\' co-listed names', () => {
  it('a title naming two names, from two partners, joins them (no alias lists needed)', () => {
    const lexicon = new Lexicon();
    lexicon.addPartnerAliases([
      { partner: 'aa-cert', names: ['APT29 / Midnight Blizzard'] },
      { partner: 'bb-cert', names: ['APT29 (Midnight Blizzard)'] },
      { partner: 'cc-cert', names: ['LockBit'] },
    ]);
    expect(lexicon.canonical(nameKey('Midnight Blizzard'))).toBe(lexicon.canonical(nameKey('APT29')));
    expect(lexicon.canonical(nameKey('LockBit'))).toBe(nameKey('LockBit'));
  });

  it('one partner\'s title alone joins nothing', () => {
    const lexicon = new Lexicon();
    lexicon.addPartnerAliases([{ partner: 'aa-cert', names: ['APT29 / Midnight Blizzard'] }]);
    expect(lexicon.canonical(nameKey('Midnight Blizzard'))).not.toBe(lexicon.canonical(nameKey('APT29')));
  });

  it('a name without a separator gives at most one key (the lexicon skips such titles)', () => {
    const word = fc.constantFrom('APT29', 'Midnight', 'Blizzard', 'aka', 'also', 'known', 'as', 'LockBit', '3.0', 'the', 'Akira', 'ransomware');
    const glue = fc.constantFrom(' ', ' / ', '/', ' (', ') ', ', ', '; ', ' aka ', ' also known as ', '-', '  ');
    const name = fc.tuple(fc.array(fc.tuple(word, glue), { maxLength: 5 }), word).map(([parts, last]) => parts.map(([w, g]) => w + g).join('') + last);
    fc.assert(
      fc.property(fc.oneof(name, fc.string()), (text) => {
        if (!mayHaveSeveralNameKeys(text)) expect(nameKeysOf(text).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
    expect(mayHaveSeveralNameKeys('Qbot (QakBot)')).toBe(true);
    expect(mayHaveSeveralNameKeys('Cozy Bear aka APT29')).toBe(true);
    expect(nameKeysOf('Cozy Bear aka APT29').length).toBeGreaterThan(1);
  });
});

/** Unnamed schemes told apart by a word that works like a name (a brand, a product). */
import { describe, expect, it } from 'vitest';
import { settingsFrom } from '../src/core/config.js';
import { merge } from '../src/core/merge.js';
import { submission, TOOL } from './helpers/arbitraries.js';

const BLAERPIO = ['aa-cert', 'bb-cert', 'cc-cert', 'dd-cert', 'ee-cert'];
const KRISJEK = ['ff-cert', 'gg-cert', 'hh-cert', 'ii-cert', 'jj-cert'];
const SUMMARIES = [
  'Callers pose as {bank} staff and talk victims into moving money.',
  'Victims receive calls from fake {bank} employees about suspicious payments.',
  'Criminals spoof the {bank} number and ask customers for login codes.',
  'Reports of fake {bank} advisers rose this quarter, mostly against older customers.',
  'The {bank} brand is abused in calls that end with a transfer to a mule account.',
];

/**
 * Ten partners: five report helpdesk fraud with one bank's name, five with another's, worded
 * alike (the synthetic benchmark corpus has many such pairs).
 */
function submissions() {
  return [...BLAERPIO, ...KRISJEK].map((p, k) =>
    submission(p, [
      { id: 'B', title: `Fake ${k < 5 ? 'Blaerpio' : 'Krisjek'} Savings advisers ${k % 2 ? 'calling' : 'phoning'} customers`, category: 'online-fraud', summary: SUMMARIES[k % 5]!.replace('{bank}', k < 5 ? 'Blaerpio Savings' : 'Krisjek Savings') },
      // Other fraud each partner reports, so that the category alone says little.
      ...Array.from({ length: 8 }, (_, i) => ({ id: `X${i}`, title: `Unrelated scheme ${p} ${['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'][i]}`, category: 'online-fraud' as const })),
    ]),
  );
}

function groupOf(result: ReturnType<typeof merge>['result'], key: string): string {
  return result.threats.find((t) => t.sources.some((s) => `${s.partner}/${s.id}` === key))!.id;
}

describe('distinctive words', () => {
  it('keeps schemes about different brands apart, and joins each brand across partners', () => {
    const { result } = merge({ submissions: submissions(), tool: TOOL });
    expect(groupOf(result, 'aa-cert/B')).not.toBe(groupOf(result, 'ff-cert/B'));
    for (const p of BLAERPIO) expect(groupOf(result, `${p}/B`)).toBe(groupOf(result, 'aa-cert/B'));
    for (const p of KRISJEK) expect(groupOf(result, `${p}/B`)).toBe(groupOf(result, 'ff-cert/B'));
  });

  it('is what keeps them apart: without the feature the brands merge', () => {
    const settings = settingsFrom({ resolution: { wordConflict: 0 } });
    const { result } = merge({ submissions: submissions(), settings, tool: TOOL });
    expect(groupOf(result, 'aa-cert/B')).toBe(groupOf(result, 'ff-cert/B'));
  });
});

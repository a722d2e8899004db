import { Lexicon } from '../../src/core/aliases.js';
import type { Submission } from '../../src/core/types.js';

/** The lexicon a merge builds from the partners' names and titles, without alias knowledge. */
export function lexiconFor(submissions: readonly Submission[]): Lexicon {
  const lexicon = new Lexicon();
  for (const s of submissions) for (const t of s.document.threats) for (const n of [...(t.aliases ?? []), ...(t.actors ?? []), ...(t.malware ?? [])]) lexicon.addPartnerName(n);
  for (const s of submissions) for (const t of s.document.threats) lexicon.addTitle(t.title);
  return lexicon;
}

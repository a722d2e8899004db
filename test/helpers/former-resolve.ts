/**
 * Shared by the equivalence tests of the resolver: the context the merge builds for a set of
 * submissions, and pieces of the former string-based code, kept verbatim as references that
 * the faster code must equal.
 */
import { Lexicon } from '../../src/core/aliases.js';
import { normaliseSubmissions, type NormEntry } from '../../src/core/normalise.js';
import { buildContext, DEFAULT_RESOLVE, type Context, type ResolveParameters } from '../../src/core/resolve.js';
import type { Submission } from '../../src/core/types.js';

/** The normalised entries of submissions, with the lexicon built as merge builds it. */
export function entriesOf(submissions: readonly Submission[]): NormEntry[] {
  const lexicon = new Lexicon();
  for (const s of submissions) for (const t of s.document.threats) for (const n of [...(t.aliases ?? []), ...(t.actors ?? []), ...(t.malware ?? [])]) lexicon.addPartnerName(n);
  for (const s of submissions) for (const t of s.document.threats) lexicon.addTitle(t.title);
  return normaliseSubmissions(submissions, lexicon);
}

/** The resolver's context for submissions. */
export function contextOf(submissions: readonly Submission[], params: ResolveParameters = DEFAULT_RESOLVE): Context {
  return buildContext(entriesOf(submissions), params);
}

/** For each value: the most entries any single partner has with it (entries ordered by partner). */
export function spreadOf(entries: readonly NormEntry[], values: (e: NormEntry) => Iterable<string>): Map<string, number> {
  const spread = new Map<string, number>();
  let start = 0;
  while (start < entries.length) {
    let end = start;
    const local = new Map<string, number>();
    for (; end < entries.length && entries[end]!.partner === entries[start]!.partner; end++) {
      for (const v of values(entries[end]!)) bump(local, v);
    }
    for (const [v, c] of local) if (c > (spread.get(v) ?? 0)) spread.set(v, c);
    start = end;
  }
  return spread;
}

export function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

export type Role = 'identity' | 'actor' | 'malware';

/** The role each name has for an entry: identity over actor over malware. */
export function rolesOf(e: NormEntry): Map<string, Role> {
  const m = new Map<string, Role>();
  for (const n of e.malwareNames) m.set(n, 'malware');
  for (const n of e.actorNames) m.set(n, 'actor');
  for (const n of e.identityNames) m.set(n, 'identity');
  return m;
}

/** Analyst decisions (`--decisions FILE`): entries that are the same threat, or different ones. */
import type { Locator } from './load.js';
import type { Evidence } from './merged.js';
import type { Decision } from './resolve.js';
import type { Diagnostic } from './types.js';
import { isObject } from './util.js';

const ENTRY_KEY = /^[a-z0-9][a-z0-9-]{1,31}\/[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** Read a parsed decisions file; problems come back as located diagnostics. */
export function readDecisions(value: unknown, file: string, locator: Locator): { decisions: Decision[]; diagnostics: Diagnostic[]; undecided: number } {
  const diagnostics: Diagnostic[] = [];
  const decisions: Decision[] = [];
  let undecided = 0;
  const problem = (path: (string | number)[], message: string) =>
    diagnostics.push({ file, ...locator.locate(path), path: path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '['), severity: 'error', rule: 'decisions', message });
  const list = isObject(value) ? value['decisions'] : value;
  const base: (string | number)[] = isObject(value) ? ['decisions'] : [];
  if (value === null || value === undefined) return { decisions, diagnostics, undecided };
  if (!Array.isArray(list)) {
    problem(base, 'a decisions file holds a list "decisions:" of items such as "- same: [partner/entry-id, partner/entry-id]"');
    return { decisions, diagnostics, undecided };
  }
  list.forEach((item, i) => {
    const at = [...base, i];
    if (!isObject(item)) return problem(at, 'each decision is a mapping with "same:" or "different:" and an optional "reason:"');
    const kinds = ['same', 'different', 'undecided'].filter((k) => k in item);
    const unknown = Object.keys(item).filter((k) => !['same', 'different', 'undecided', 'reason'].includes(k));
    if (unknown.length > 0) return problem([...at, unknown[0]!], `unknown key "${unknown[0]}" in a decision; use same, different, undecided or reason`);
    if (kinds.length !== 1) return problem(at, 'each decision has exactly one of "same:", "different:" or "undecided:"');
    const kind = kinds[0] as 'same' | 'different' | 'undecided';
    const entries = item[kind];
    if (!Array.isArray(entries) || entries.length < 2 || entries.some((e) => typeof e !== 'string')) {
      return problem([...at, kind], `"${kind}" lists at least two entries written partner/entry-id`);
    }
    const bad = (entries as string[]).findIndex((e) => !ENTRY_KEY.test(e));
    if (bad >= 0) return problem([...at, kind, bad], `"${String(entries[bad])}" is not an entry written partner/entry-id (e.g. nl-police/T-004)`);
    const reason = item['reason'];
    if (reason !== undefined && typeof reason !== 'string') return problem([...at, 'reason'], 'reason must be text');
    if (kind === 'undecided') {
      undecided++;
      return;
    }
    decisions.push({ kind, entries: entries as string[], ...(reason !== undefined ? { reason } : {}), origin: `${file}:${locator.locate(at).line}` });
  });
  return { decisions, diagnostics, undecided };
}

/** The review file: uncertain pairs in the decisions format, evidence as comments, for an analyst to settle. */
export function renderReview(pairs: readonly Evidence[], titles: ReadonlyMap<string, string>): string {
  const lines = [
    '# threatmerge review: pairs the evidence could not settle.',
    '# For each pair, change "undecided" to "same" or "different" (add a reason if you like),',
    '# then pass this file back with --decisions. Undecided pairs are ignored.',
    'decisions:',
  ];
  if (pairs.length === 0) lines.push('  []  # nothing to review');
  for (const p of pairs) {
    lines.push('');
    lines.push(`  # ${p.a}: ${comment(titles.get(p.a) ?? '')}`);
    lines.push(`  # ${p.b}: ${comment(titles.get(p.b) ?? '')}`);
    lines.push(`  # score ${p.score.toFixed(2)} bits:`);
    for (const part of p.parts) lines.push(`  #   ${part.bits >= 0 ? '+' : ''}${part.bits.toFixed(2)}  ${part.feature}: ${comment(part.detail)}`);
    lines.push(`  - undecided: [${yamlScalar(p.a)}, ${yamlScalar(p.b)}]`);
  }
  return `${lines.join('\n')}\n`;
}

function comment(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

function yamlScalar(s: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s) ? s : JSON.stringify(s);
}

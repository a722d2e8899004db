/**
 * The joint priority list as CSV, one row per joint threat, for spreadsheets and scripts.
 *
 * - RFC 4180: CRLF line ends (the last record too), a header row, a field is quoted when it holds
 *   `"`, `,`, CR or LF, with quotes doubled.
 * - UTF-8 without a byte-order mark: scripts and most tools read it as is. (Excel guesses the
 *   encoding of a BOM-less file from the locale when it is double-clicked; use Data → From
 *   Text/CSV, or add a BOM yourself, if non-ASCII text comes out garbled.)
 * - The header starts with `rank`, not `ID` (Excel takes a file starting with `ID` for SYLK).
 * - CSV injection (OWASP): a *text* cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a
 *   single quote in front, so a spreadsheet shows it instead of running it as a formula. Numeric
 *   columns (rank, score, breadth, likelihood, impact, confidence) are written as plain numbers
 *   and left alone, so they stay numbers.
 * - Lists are joined with `; `. Control characters other than tab, CR and LF are dropped.
 * - TLP: the `tlp` column marks each row (`TLP:AMBER`, ...). The file as a whole carries the
 *   result's marking (the most restrictive one) — marking the *file* (its name, or the message
 *   that sends it) is the CLI's job: this renderer adds no banner rows, so the file stays
 *   machine-readable.
 */
import type { JointThreat, MergeResult } from '../../core/merged.js';
import { stripControlChars } from '../escape.js';
import { tlpInfo, type ReportContext } from './tlp.js';

export const CSV_COLUMNS = [
  'rank', 'id', 'title', 'category', 'score', 'breadth', 'partners', 'likelihood', 'impact',
  'confidence', 'trend', 'tlp', 'aliases', 'actors', 'malware', 'cves', 'techniques', 'sectors',
  'regions', 'actions',
] as const;

/** Quote a field when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A text cell: control characters dropped, formula triggers neutralised, quoted when needed. */
export function csvText(value: unknown): string {
  const text = stripControlChars(value === undefined || value === null ? '' : String(value));
  return csvField(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
}

/**
 * A numeric cell: the number as JavaScript writes it (`0.772007`, `4.5`). Anything else (a
 * hand-edited result) is treated as text, neutralised and quoted like text.
 */
export function csvNumber(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return csvText(value);
}

function list(values: readonly unknown[] | undefined): string {
  return csvText((values ?? []).map((v) => stripControlChars(String(v))).join('; '));
}

function threatRow(t: JointThreat): string {
  return [
    csvNumber(t.rank),
    csvText(t.id),
    csvText(t.title),
    csvText(t.category),
    csvNumber(t.score),
    csvNumber(t.breadth),
    list(t.partners),
    csvNumber(t.likelihood),
    csvNumber(t.impact),
    t.confidence === undefined ? '' : csvNumber(t.confidence),
    csvText(t.trend ?? ''),
    csvText(tlpInfo(t.tlp).label),
    list(t.aliases),
    list(t.actors),
    list(t.malware),
    list(t.cves),
    list(t.techniques),
    list(t.sectors),
    list(t.regions),
    list((t.actions ?? []).map((a) => a.text)),
  ].join(',');
}

/** One row per joint threat, in rank order, after the header row. Pure; the context is unused. */
export function renderCsv(result: MergeResult, _ctx: ReportContext): string {
  const lines = [CSV_COLUMNS.join(','), ...result.threats.map(threatRow)];
  return `${lines.join('\r\n')}\r\n`;
}

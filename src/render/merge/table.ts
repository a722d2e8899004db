/** The ranked joint threats as a terminal table. */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { MergeResult } from '../../core/merged.js';
import { escapeControlChars, plural } from '../escape.js';

export interface TableContext {
  chalk: ChalkInstance;
  /** Show at most this many threats (never limits JSON). */
  top?: number;
  /** Terminal width, to size the title column. */
  width?: number;
}

const MAX_DISAGREEMENTS = 8;

export function renderTable(result: MergeResult, ctx: TableContext): string {
  const { chalk } = ctx;
  const s = result.summary;
  const shown = ctx.top === undefined ? result.threats : result.threats.slice(0, ctx.top);
  const titleWidth = Math.max(24, Math.min(60, (ctx.width ?? 120) - 70));
  // cli-table3 colours headers and borders even when piped: style them ourselves.
  const table = new Table({
    head: ['#', 'Threat', 'Category', 'Score', 'Partners', 'L × I', 'TLP'].map((h) => chalk.bold(h)),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colWidths: [5, titleWidth + 2, 22, 8, 10, 11, 18],
    wordWrap: true,
  });
  for (const t of shown) {
    table.push([
      String(t.rank),
      escapeControlChars(t.title),
      t.category,
      t.score.toFixed(3),
      `${t.breadth}/${result.partners.length}`,
      `${fmt(t.likelihood)} × ${fmt(t.impact)}`,
      tlpColour(chalk, t.tlp),
    ]);
  }
  const lines: string[] = [];
  lines.push(chalk.bold(`Joint priorities — ${result.method} method, marked TLP:${result.tlp.toUpperCase()}`));
  lines.push(
    `${plural(s.submissions, 'submission')}, ${plural(s.entries, 'entry', 'entries')} → ${plural(s.threats, 'joint threat')} (${plural(s.duplicatesMerged, 'duplicate')} merged)`,
  );
  if (s.skippedInvalid.length > 0) lines.push(chalk.yellow(`Left out as invalid (--skip-invalid): ${s.skippedInvalid.join(', ')}`));
  if (s.withheldEntries > 0) lines.push(chalk.yellow(`Withheld for the audience: ${result.withheld.map((w) => `${w.count} from ${w.partner}`).join(', ')}`));
  lines.push(table.toString());
  if (shown.length < result.threats.length) lines.push(chalk.dim(`… ${result.threats.length - shown.length} more (use --top, or --format json for all)`));
  const rankOf = new Map(result.threats.map((t) => [t.id, t]));
  const lastShown = shown.length;
  const relevant = result.disagreements.filter((d) => rankOf.get(d.higher)!.rank <= lastShown && rankOf.get(d.lower)!.rank <= lastShown);
  if (relevant.length > 0) {
    lines.push('');
    lines.push(chalk.bold('Where the order disagrees with the head-to-head majority of partners:'));
    const listed = relevant.slice(0, MAX_DISAGREEMENTS);
    for (const d of listed) {
      const hi = rankOf.get(d.higher)!;
      const lo = rankOf.get(d.lower)!;
      lines.push(
        `  #${hi.rank} ${escapeControlChars(hi.title)} is above #${lo.rank} ${escapeControlChars(lo.title)}, but ${d.preferLower.length} of ${d.preferLower.length + d.preferHigher.length} partners who assessed both put #${lo.rank} first (${d.preferLower.join(', ')})`,
      );
    }
    if (relevant.length > listed.length) lines.push(chalk.dim(`  … ${relevant.length - listed.length} more (see --format json)`));
  }
  return `${lines.join('\n')}\n`;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

function tlpColour(chalk: ChalkInstance, tlp: string): string {
  const label = `TLP:${tlp.toUpperCase()}`;
  switch (tlp) {
    case 'red': return chalk.red.bold(label);
    case 'amber':
    case 'amber+strict': return chalk.yellow(label);
    case 'green': return chalk.green(label);
    default: return label;
  }
}

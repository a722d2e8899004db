/**
 * Human-readable validation report, in the spirit of ESLint's "stylish" formatter: one block per
 * file with problems, one `file:line:col` per diagnostic (clickable in editors and terminals),
 * a ✓ line per clean file and a one-line summary at the end.
 */
import type { Diagnostic, FileReport, ValidationReport } from '../../core/types.js';
import { errorCount, fileFails, warningCount } from '../../core/types.js';
import { escapeControlChars, plural } from '../escape.js';
import type { RenderContext } from './index.js';

/**
 * Whether a diagnostic is shown. `--quiet` shows only problems that fail a file: errors, and
 * warnings too under `--strict`. Counts and validity always use every diagnostic.
 */
export function isShown(d: Diagnostic, context: RenderContext): boolean {
  return !context.quiet || context.strict || d.severity === 'error';
}

/** `file:line:col`, `file:line` or `file`, as far as the location is known. */
export function formatLocation(d: Diagnostic): string {
  if (d.line === undefined) return d.file;
  return d.column === undefined ? `${d.file}:${d.line}` : `${d.file}:${d.line}:${d.column}`;
}

/** `threats[3].likelihood: message`, or the message alone for the document itself. */
export function messageWithPath(d: Diagnostic): string {
  return d.path === '' ? d.message : `${d.path}: ${d.message}`;
}

/** One plain line for a diagnostic: `file:line:col  error  path: message  (rule)`. */
export function diagnosticLine(d: Diagnostic): string {
  return `${formatLocation(d)}  ${d.severity}  ${messageWithPath(d)}  (${d.rule})`;
}

/** Totals over the whole report (all diagnostics, whatever is shown). */
export interface Totals { files: number; valid: number; invalid: number; errors: number; warnings: number }

export function totals(report: ValidationReport, strict: boolean): Totals {
  let invalid = 0;
  let errors = 0;
  let warnings = 0;
  for (const f of report.files) {
    if (fileFails(f, strict)) invalid++;
    errors += errorCount(f.diagnostics);
    warnings += warningCount(f.diagnostics);
  }
  return { files: report.files.length, valid: report.files.length - invalid, invalid, errors, warnings };
}

/** `(nl-ncsc, 12 entries)`, `(nl-ncsc)`, `(3 entries)` or nothing. */
function describeFile(f: FileReport): string {
  const parts: string[] = [];
  if (f.partner !== undefined) parts.push(escapeControlChars(f.partner));
  if (f.entries !== undefined) parts.push(plural(f.entries, 'entry', 'entries'));
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

const SEVERITY_WIDTH = 'warning'.length;

export function renderText(report: ValidationReport, context: RenderContext): string {
  const { chalk } = context;
  const lines: string[] = [];
  const blankLine = (): void => {
    if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  };

  for (const f of report.files) {
    const fails = fileFails(f, context.strict);
    const shown = f.diagnostics.filter((d) => isShown(d, context));
    const name = chalk.bold(escapeControlChars(f.file));
    if (shown.length === 0) {
      // Clean, or only warnings hidden by --quiet (which then do not fail the file).
      if (!context.quiet) lines.push(`${chalk.green('✓')} ${name}${chalk.dim(describeFile(f))}`);
      continue;
    }
    blankLine();
    lines.push(`${fails ? chalk.red('✗') : chalk.green('✓')} ${name}${chalk.dim(describeFile(f))}`);
    const locations = shown.map((d) => escapeControlChars(formatLocation(d)));
    const width = locations.reduce((w, l) => Math.max(w, l.length), 0);
    shown.forEach((d, i) => {
      const severity = d.severity.padEnd(SEVERITY_WIDTH);
      const coloured = d.severity === 'error' ? chalk.red(severity) : chalk.yellow(severity);
      const location = locations[i]!.padEnd(width);
      const message = escapeControlChars(messageWithPath(d));
      lines.push(`  ${location}  ${coloured}  ${message}  ${chalk.dim(`(${escapeControlChars(d.rule)})`)}`);
    });
    lines.push('');
  }

  blankLine();
  lines.push(summaryLine(totals(report, context.strict), context));
  return `${lines.join('\n')}\n`;
}

/** `7 files checked: 6 valid, 1 invalid — 3 errors, 1 warning` */
function summaryLine(t: Totals, context: RenderContext): string {
  const { chalk } = context;
  const invalid = `${t.invalid} invalid`;
  const errors = plural(t.errors, 'error');
  const warnings = plural(t.warnings, 'warning');
  return `${plural(t.files, 'file')} checked: ${t.valid} valid, ${t.invalid > 0 ? chalk.red(invalid) : invalid}`
    + ` — ${t.errors > 0 ? chalk.red(errors) : errors}, ${t.warnings > 0 ? chalk.yellow(warnings) : warnings}`
    + (context.strict && t.warnings > 0 ? ' (warnings fail under --strict)' : '');
}

/**
 * GitHub Actions workflow commands: one `::error` / `::warning` annotation per diagnostic, titled
 * with the rule id. GitHub shows at most 10 error and 10 warning annotations per step (50 per job),
 * so when more were emitted a final `::notice::` gives the totals and points to the full report.
 * Severity is kept as reported (a warning stays `::warning` under --strict); --quiet leaves out
 * warnings that do not fail their file. Control characters other than CR and LF (which are
 * %-escaped) are dropped. With nothing to annotate the output is empty ('').
 */
import type { Diagnostic, ValidationReport } from '../../core/types.js';
import { githubData as escapeData, githubProperty as escapeProperty, plural, stripControlChars } from '../escape.js';
import type { RenderContext } from './index.js';
import { isShown, messageWithPath, totals } from './text.js';

const githubData = (text: string): string => escapeData(stripControlChars(text));
const githubProperty = (text: string): string => escapeProperty(stripControlChars(text));

/** Annotations of one kind GitHub displays per step. */
export const GITHUB_ANNOTATIONS_PER_STEP = 10;

function annotation(d: Diagnostic): string {
  const props = [`file=${githubProperty(d.file)}`];
  if (d.line !== undefined) {
    props.push(`line=${d.line}`);
    if (d.column !== undefined) props.push(`col=${d.column}`);
  }
  props.push(`title=${githubProperty(d.rule)}`);
  return `::${d.severity} ${props.join(',')}::${githubData(messageWithPath(d))}`;
}

export function renderGithub(report: ValidationReport, context: RenderContext): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      if (!isShown(d, context)) continue;
      if (d.severity === 'error') errors++;
      else warnings++;
      lines.push(annotation(d));
    }
  }
  if (errors > GITHUB_ANNOTATIONS_PER_STEP || warnings > GITHUB_ANNOTATIONS_PER_STEP) {
    const t = totals(report, context.strict);
    const text = `${context.toolName} found ${plural(t.errors + t.warnings, 'problem')} in total`
      + ` (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}) in ${plural(report.files.filter((f) => f.diagnostics.length > 0).length, 'file')};`
      + ` GitHub shows only the first ${GITHUB_ANNOTATIONS_PER_STEP} errors and ${GITHUB_ANNOTATIONS_PER_STEP} warnings`
      + ` of each step as annotations, so read the full report with --format text`;
    lines.push(`::notice title=${githubProperty(context.toolName)}::${githubData(text)}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

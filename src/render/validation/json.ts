/**
 * Machine-readable validation report. Validity and counts always cover every diagnostic; under
 * `--quiet` the `diagnostics` lists leave out warnings that do not fail the file (as ESLint's
 * --quiet does), so `warnings` can be larger than the number of warnings listed.
 */
import type { Diagnostic, ValidationReport } from '../../core/types.js';
import { errorCount, fileFails, warningCount } from '../../core/types.js';
import type { RenderContext } from './index.js';
import { isShown, totals, type Totals } from './text.js';

export interface JsonDiagnostic {
  file: string;
  line?: number;
  column?: number;
  path: string;
  severity: Diagnostic['severity'];
  rule: string;
  message: string;
}

export interface JsonFileReport {
  file: string;
  valid: boolean;
  partner?: string;
  entries?: number;
  errors: number;
  warnings: number;
  diagnostics: JsonDiagnostic[];
}

export interface JsonValidationReport {
  valid: boolean;
  summary: Totals;
  files: JsonFileReport[];
}

export function toJsonReport(report: ValidationReport, context: RenderContext): JsonValidationReport {
  const summary = totals(report, context.strict);
  return {
    valid: summary.invalid === 0,
    summary,
    files: report.files.map((f) => ({
      file: f.file,
      valid: !fileFails(f, context.strict),
      ...(f.partner !== undefined ? { partner: f.partner } : {}),
      ...(f.entries !== undefined ? { entries: f.entries } : {}),
      errors: errorCount(f.diagnostics),
      warnings: warningCount(f.diagnostics),
      diagnostics: f.diagnostics.filter((d) => isShown(d, context)).map(jsonDiagnostic),
    })),
  };
}

/** A fixed key order, whatever order the diagnostic object was built in. */
function jsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    file: d.file,
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
    path: d.path,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
  };
}

export function renderJson(report: ValidationReport, context: RenderContext): string {
  return `${JSON.stringify(toJsonReport(report, context), null, 2)}\n`;
}

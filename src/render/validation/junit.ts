/**
 * JUnit XML for Jenkins and GitLab: one <testsuite> per file, one <testcase> per diagnostic.
 *
 * - A diagnostic that fails its file (an error; a warning under --strict) is a testcase with a
 *   <failure type="error|warning">.
 * - A warning that does not fail its file is a *passing* testcase whose <system-out> holds the
 *   warning, so it stays visible in the CI's test view without turning the pipeline red. --quiet
 *   leaves these out.
 * - A valid file gets one passing testcase named "valid".
 *
 * GitLab keys testcases by classname + name and keeps only the first of duplicates, so names are
 * `<rule> at <line>:<col>` (`<rule>` alone without a location), with ` (2)`, ` (3)`, ... appended
 * when still not unique. Characters XML 1.0 cannot hold are dropped.
 */
import type { Diagnostic, ValidationReport } from '../../core/types.js';
import { fileFails } from '../../core/types.js';
import { xmlAttr, xmlEscape } from '../escape.js';
import type { RenderContext } from './index.js';
import { diagnosticLine, isShown, messageWithPath } from './text.js';

interface Case { name: string; failure?: Diagnostic; output?: Diagnostic }

function baseName(d: Diagnostic): string {
  if (d.line === undefined) return d.rule;
  return d.column === undefined ? `${d.rule} at ${d.line}` : `${d.rule} at ${d.line}:${d.column}`;
}

/** Appends ` (2)`, ` (3)`, ... to names already taken (compared after XML cleaning). */
function uniqueNamer(): (name: string) => string {
  const taken = new Set<string>();
  return (name) => {
    let candidate = name;
    for (let n = 2; taken.has(xmlAttr(candidate)); n++) candidate = `${name} (${n})`;
    taken.add(xmlAttr(candidate));
    return candidate;
  };
}

export function renderJunit(report: ValidationReport, context: RenderContext): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  // Keyed by classname (the file), in case a file is reported twice.
  const namers = new Map<string, (name: string) => string>();

  for (const f of report.files) {
    let unique = namers.get(f.file);
    if (!unique) namers.set(f.file, (unique = uniqueNamer()));
    const cases: Case[] = [];
    if (!fileFails(f, context.strict)) cases.push({ name: unique('valid') });
    for (const d of f.diagnostics) {
      if (!isShown(d, context)) continue;
      const fails = d.severity === 'error' || context.strict;
      cases.push(fails ? { name: unique(baseName(d)), failure: d } : { name: unique(baseName(d)), output: d });
    }
    const suiteFailures = cases.filter((c) => c.failure).length;
    tests += cases.length;
    failures += suiteFailures;

    const classname = xmlAttr(f.file);
    const lines = [`  <testsuite name="${classname}" tests="${cases.length}" failures="${suiteFailures}" errors="0">`];
    for (const c of cases) {
      const open = `    <testcase classname="${classname}" name="${xmlAttr(c.name)}"`;
      if (c.failure) {
        const d = c.failure;
        lines.push(`${open}>`,
          `      <failure message="${xmlAttr(messageWithPath(d))}" type="${d.severity}">${xmlEscape(diagnosticLine(d))}</failure>`,
          '    </testcase>');
      } else if (c.output) {
        lines.push(`${open}>`, `      <system-out>${xmlEscape(diagnosticLine(c.output))}</system-out>`, '    </testcase>');
      } else {
        lines.push(`${open}/>`);
      }
    }
    lines.push('  </testsuite>');
    suites.push(lines.join('\n'));
  }

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttr(`${context.toolName} validate`)}" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n') + '\n';
}

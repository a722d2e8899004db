/**
 * SARIF 2.1.0, uploadable to GitHub code scanning. One run; `tool.driver.rules` holds one entry
 * per rule id used by a result, sorted by code unit; every result has a location (GitHub rejects
 * results without one), so a problem with no line points at line 1 of its file.
 * Under --quiet, warnings that do not fail their file are left out (and so are their rules).
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Diagnostic, ValidationReport } from '../../core/types.js';
import { pathToUriReference } from '../escape.js';
import type { RenderContext } from './index.js';
import { isShown, messageWithPath } from './text.js';
import { cmp } from '../../core/util.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** One-line descriptions of the rules threatmerge reports; unknown ids get a generic text. */
const RULE_DESCRIPTIONS: Record<string, string> = {
  'duplicate-entry-id': 'Two threat entries in one submission share an id',
  'duplicate-key': 'A mapping repeats a key',
  'duplicate-partner': 'Two submissions claim the same partner id',
  'duplicate-rank': 'Two threat entries in one submission share a rank',
  'empty': 'The file is empty',
  'encoding/binary': 'The file is binary, not YAML or JSON',
  'encoding/utf8': 'The file is not valid UTF-8',
  'issued-in-future': 'The issue date lies in the future',
  'json/syntax': 'JSON syntax error',
  'parse': 'The document could not be read',
  'schema/additionalProperties': 'Unknown property',
  'schema/const': 'Value differs from the one allowed',
  'schema/enum': 'Value is not one of the allowed values',
  'schema/format': 'Value is not in the required format',
  'schema/maxItems': 'List is too long',
  'schema/maxLength': 'Text is too long',
  'schema/maximum': 'Number is too large',
  'schema/minItems': 'List is too short',
  'schema/minLength': 'Text is too short',
  'schema/minimum': 'Number is too small',
  'schema/pattern': 'Value does not have the required form',
  'schema/required': 'A required property is missing',
  'schema/type': 'Value has the wrong type',
  'schema/version': 'Missing or unsupported schemaVersion',
  'too-deep': 'The document is nested too deeply',
  'yaml/alias': 'YAML alias refers to an unknown anchor',
  'yaml/alias-bomb': 'Too many YAML aliases (possible alias bomb)',
  'yaml/multiple-documents': 'The file holds several YAML documents',
  'yaml/syntax': 'YAML syntax error',
  'yaml/tab-indent': 'Tabs used for indentation in YAML',
};

export function ruleDescription(rule: string): string {
  const known = RULE_DESCRIPTIONS[rule];
  if (known !== undefined) return known;
  if (rule.startsWith('schema/')) return `Schema check "${rule.slice('schema/'.length)}" failed`;
  return `threatmerge rule ${rule}`;
}


export function toSarifLog(report: ValidationReport, context: RenderContext): Log {
  const shown: Diagnostic[] = [];
  for (const f of report.files) for (const d of f.diagnostics) if (isShown(d, context)) shown.push(d);

  // A rule's default level is the most severe level it is reported with here.
  const levels = new Map<string, 'error' | 'warning'>();
  for (const d of shown) if (levels.get(d.rule) !== 'error') levels.set(d.rule, d.severity);
  const ids = [...levels.keys()].sort(cmp);
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules: ReportingDescriptor[] = ids.map((id) => ({
    id,
    shortDescription: { text: ruleDescription(id) },
    defaultConfiguration: { level: levels.get(id)! },
  }));

  const results: Result[] = shown.map((d) => ({
    ruleId: d.rule,
    ruleIndex: index.get(d.rule)!,
    level: d.severity,
    message: { text: messageWithPath(d) },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: pathToUriReference(d.file), uriBaseId: '%SRCROOT%' },
        region: d.line !== undefined && d.line >= 1
          ? { startLine: d.line, ...(d.column !== undefined && d.column >= 1 ? { startColumn: d.column } : {}) }
          : { startLine: 1 },
      },
    }],
  }));

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: context.toolName,
          version: context.toolVersion,
          ...(context.informationUri !== '' ? { informationUri: context.informationUri } : {}),
          rules,
        },
      },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

export function renderSarif(report: ValidationReport, context: RenderContext): string {
  return `${JSON.stringify(toSarifLog(report, context), null, 2)}\n`;
}

/** Shared data types of the pipeline: read → parse → validate → normalise → resolve → rank → render. */

export type Severity = 'error' | 'warning';

/** One problem found in an input, located in the source where that is possible. */
export interface Diagnostic {
  /** Path of the file as the user named it, relative to the working directory, with `/`. */
  file: string;
  /** 1-based line of the offending node; absent when the problem concerns the whole file. */
  line?: number;
  /** 1-based column in UTF-16 code units. */
  column?: number;
  /** Location in the document, e.g. `threats[3].likelihood`; empty for the document itself. */
  path: string;
  severity: Severity;
  /** Stable rule id, e.g. `schema/enum`, `yaml/syntax`, `duplicate-entry-id`. */
  rule: string;
  message: string;
}

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

export const CATEGORIES = [
  'ransomware', 'malware', 'phishing', 'business-email-compromise', 'ddos', 'data-theft',
  'online-fraud', 'payment-fraud', 'child-sexual-exploitation', 'cryptocurrency-crime',
  'dark-web-market', 'crime-as-a-service', 'supply-chain-compromise', 'espionage', 'hacktivism',
  'insider-threat', 'vulnerability-exploitation', 'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type Trend = 'increasing' | 'stable' | 'decreasing';

export interface Indicator { type: string; value: string }

/** A threat entry as written in a submission (after schema validation). */
export interface RawThreat {
  id: string;
  title: string;
  category: Category;
  likelihood: number;
  impact: number;
  confidence?: number;
  rank?: number;
  trend?: Trend;
  credibility?: number | string;
  summary?: string;
  aliases?: string[];
  actors?: string[];
  malware?: string[];
  cves?: string[];
  techniques?: string[];
  indicators?: Indicator[];
  sectors?: string[];
  regions?: string[];
  actions?: string[];
  references?: string[];
  tlp?: string;
}

/** A submission document as written (after schema validation). */
export interface RawSubmission {
  schemaVersion: 1;
  partner: { id: string; name: string; reliability?: Reliability };
  issued: string;
  period?: string;
  tlp?: string;
  threats: RawThreat[];
}

/** A valid submission with its provenance. */
export interface Submission {
  file: string;
  document: RawSubmission;
  /** 1-based line of each entry in `document.threats`, same order. */
  entryLines: number[];
}

/** The outcome of validating one input file. */
export interface FileReport {
  file: string;
  /** The partner id, when the document got far enough to have one. */
  partner?: string;
  /** Number of threat entries, when the document has a list of them. */
  entries?: number;
  diagnostics: Diagnostic[];
}

export interface ValidationReport {
  files: FileReport[];
}

export function errorCount(diagnostics: readonly Diagnostic[]): number {
  let n = 0;
  for (const d of diagnostics) if (d.severity === 'error') n++;
  return n;
}

export function warningCount(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.length - errorCount(diagnostics);
}

/** A file fails when it has errors, or warnings under `--strict`. */
export function fileFails(report: FileReport, strict: boolean): boolean {
  return report.diagnostics.some((d) => d.severity === 'error' || strict);
}

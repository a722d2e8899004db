/** Renderers for `threatmerge validate`: one pure `(report, context) => string` per format. */
import type { ChalkInstance } from 'chalk';
import type { ValidationReport } from '../../core/types.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export interface RenderContext {
  /** chalk instance to colour with; a level-0 instance when colour is off. Only `text` colours. */
  chalk: ChalkInstance;
  /**
   * --quiet: only problems. Every format leaves out warnings that do not fail their file (all
   * warnings are kept under --strict, where they do fail); `text` also leaves out the ✓ lines of
   * clean files. Validity, counts and the summary always cover every diagnostic.
   */
  quiet: boolean;
  /** --strict: warnings make a file fail. */
  strict: boolean;
  /** 'threatmerge' */
  toolName: string;
  /** e.g. '0.1.0' */
  toolVersion: string;
  /** Project URL, for the SARIF driver. */
  informationUri: string;
}

export type ValidationFormat = 'text' | 'json' | 'junit' | 'sarif' | 'github';

export const VALIDATION_FORMATS: readonly ValidationFormat[] = ['text', 'json', 'junit', 'sarif', 'github'];

export type ValidationRenderer = (report: ValidationReport, context: RenderContext) => string;

const RENDERERS: Record<ValidationFormat, ValidationRenderer> = {
  text: renderText,
  json: renderJson,
  junit: renderJunit,
  sarif: renderSarif,
  github: renderGithub,
};

/**
 * Render a validation report. Deterministic; ends with one newline — except `github` with nothing
 * to annotate, which is ''.
 */
export function renderValidation(format: ValidationFormat, report: ValidationReport, context: RenderContext): string {
  return RENDERERS[format](report, context);
}

export { renderGithub, renderJson, renderJunit, renderSarif, renderText };

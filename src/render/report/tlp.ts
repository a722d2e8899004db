/**
 * TLP 2.0 markings and the notices every report format shows, shared by the report renderers
 * (`html`, `markdown`, `csv`).
 *
 * Wording and colours follow FIRST's Traffic Light Protocol 2.0 standard
 * (https://www.first.org/tlp/): the label is written `TLP:COLOUR` in upper case, shown in its
 * colour on a black background, and each level has a one-line sharing rule.
 */
import type { MergeResult } from '../../core/merged.js';
import type { Tlp } from '../../core/types.js';
import { cmp } from '../../core/util.js';

/** What the report renderers need besides the merge result. */
export interface ReportContext {
  /** 'threatmerge' */
  toolName: string;
  /** e.g. '0.1.0' */
  toolVersion: string;
  /**
   * When the report was generated, as text to print verbatim (the CLI fills it from
   * SOURCE_DATE_EPOCH, and only when the user asks). Absent: no timestamp, so output is
   * reproducible.
   */
  generated?: string;
  /** The TLP audience the report was filtered for (`--audience`); absent when none was given. */
  audience?: Tlp;
}

export interface TlpInfo {
  /** `TLP:AMBER+STRICT` */
  label: string;
  /** Text colour on the black background, per TLP 2.0. */
  colour: string;
  /** FIRST's one-line summary of who may receive the information. */
  rule: string;
}

export const TLP_INFO: Readonly<Record<Tlp, TlpInfo>> = {
  red: {
    label: 'TLP:RED',
    colour: '#FF2B2B',
    rule: 'For the eyes and ears of individual recipients only, no further disclosure.',
  },
  'amber+strict': {
    label: 'TLP:AMBER+STRICT',
    colour: '#FFC000',
    rule: 'Limited disclosure, recipients can only spread this on a need-to-know basis within their organization only.',
  },
  amber: {
    label: 'TLP:AMBER',
    colour: '#FFC000',
    rule: 'Limited disclosure, recipients can only spread this on a need-to-know basis within their organization and its clients.',
  },
  green: {
    label: 'TLP:GREEN',
    colour: '#33FF00',
    rule: 'Limited disclosure, recipients can spread this within their community.',
  },
  clear: {
    label: 'TLP:CLEAR',
    colour: '#FFFFFF',
    rule: 'Recipients can spread this to the world, there is no limit on disclosure.',
  },
};

/** Background of every TLP label, per TLP 2.0. */
export const TLP_BACKGROUND = '#000000';

/**
 * The marking of a level. A value that is not a TLP 2.0 level (a hand-edited or corrupted merge
 * result) is treated as TLP:RED: when in doubt, the most restrictive marking.
 */
export function tlpInfo(tlp: Tlp | string | undefined): TlpInfo {
  return Object.hasOwn(TLP_INFO, tlp ?? '') ? TLP_INFO[tlp as Tlp] : TLP_INFO.red;
}

/** True when a threat marked TLP:RED is in the result (or the result as a whole is RED). */
export function hasRed(result: MergeResult): boolean {
  return tlpInfo(result.tlp) === TLP_INFO.red || result.threats.some((t) => tlpInfo(t.tlp) === TLP_INFO.red);
}

/** Number of joint threats marked TLP:RED. */
export function redCount(result: MergeResult): number {
  return result.threats.filter((t) => tlpInfo(t.tlp) === TLP_INFO.red).length;
}

/**
 * The warning shown when the result holds TLP:RED information and no audience was chosen, so the
 * whole report is RED; plain text, without markup. `undefined` when no warning is due.
 */
export function redWarning(result: MergeResult, ctx: ReportContext): string | undefined {
  if (ctx.audience !== undefined || !hasRed(result)) return undefined;
  const n = redCount(result);
  const what = n === 0 ? 'TLP:RED information' : `${n === 1 ? '1 joint threat' : `${n} joint threats`} marked TLP:RED`;
  return `This report contains ${what} and was produced without an audience, so the whole report is TLP:RED: `
    + 'for the eyes and ears of individual recipients only. To share it, produce it again with '
    + '--audience (e.g. --audience amber), which leaves out the entries the audience may not see.';
}

/**
 * The note about entries left out for the audience, plain text; `undefined` when none were.
 * Partners are listed in the order of `result.withheld`.
 */
export function withheldNote(result: MergeResult, ctx: ReportContext): string | undefined {
  const total = result.withheld.reduce((n, w) => n + w.count, 0) || result.summary.withheldEntries;
  if (total === 0 && result.withheld.length === 0) return undefined;
  const audience = ctx.audience === undefined ? '' : ` for audience ${tlpInfo(ctx.audience).label}`;
  const reasons = new Set(result.withheld.map((w) => w.reason));
  const oneReason = reasons.size === 1 ? [...reasons][0] : undefined;
  const parts = result.withheld.map((w) => `${w.partner} (${w.count}${oneReason === undefined && w.reason ? `, ${w.reason}` : ''})`);
  return `${total === 1 ? '1 entry was' : `${total} entries were`} withheld${audience}`
    + (parts.length > 0 ? ` from ${listText(parts)}` : '')
    + (oneReason ? `: ${oneReason}` : '')
    + '. They are not counted, merged or ranked in this report.';
}

/** `a`, `a and b`, `a, b and c`. */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Distinct non-empty periods of the partners' submissions, sorted by code unit. */
export function periods(result: MergeResult): string[] {
  const set = new Set<string>();
  for (const p of result.partners) if (p.period) set.add(p.period);
  return [...set].sort(cmp);
}

/**
 * A number with a fixed count of decimals; anything that is not a finite number (a hand-edited
 * result) comes back as its text, for the caller to escape like any other partner text.
 */
export function fixed(value: unknown, decimals: number): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const s = value.toFixed(decimals);
    return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
  }
  return value === undefined || value === null ? '' : String(value);
}

/** A number as text with up to `decimals` decimals, trailing zeros dropped (`4`, `3.9`, `0.772`). */
export function short(value: unknown, decimals: number): string {
  const s = fixed(value, decimals);
  return typeof value === 'number' && s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Arrow and word for a trend. */
export function trendText(trend: string | undefined): string {
  switch (trend) {
    case 'increasing': return '↑ increasing';
    case 'decreasing': return '↓ decreasing';
    case 'stable': return '→ stable';
    case 'mixed': return '↕ mixed';
    case undefined: return '';
    default: return trend;
  }
}

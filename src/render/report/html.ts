/**
 * The joint report as one self-contained HTML file, to read on screen, print, or send to a partner.
 *
 * - No network at all: inline CSS, charts drawn here as inline SVG, no script, no web fonts, and a
 *   Content-Security-Policy (`default-src 'none'`) that would block anything that slipped in.
 * - Every value from the merge result (titles, ids, names, file names, even numbers: a result
 *   file can be hand-edited) is escaped by the `h` template below; only the fixed markup of
 *   this file is ever raw. References are the only external URLs: written as text links (never
 *   loaded) for `http:`/`https:` only, with `rel="noreferrer"`.
 * - TLP 2.0 marking in a banner at the top and the bottom; in print the banners repeat on every
 *   page (they are the header and footer group of the page table).
 */
import type { Assessment, Evidence, JointThreat, MergeResult, MergedPartner, RankDisagreement } from '../../core/merged.js';
import type { Tlp } from '../../core/types.js';
import { htmlEscape, stripControlChars } from '../escape.js';
import {
  fixed, periods, redWarning, short, TLP_BACKGROUND, TLP_INFO, tlpInfo, trendText, withheldNote, type ReportContext,
} from './tlp.js';
import { cmp } from '../../core/util.js';

// ---------------------------------------------------------------------------------------------
// An auto-escaping template: interpolated values are escaped unless they are `Html` built here.

class Html {
  constructor(readonly html: string) {}
  toString(): string { return this.html; }
}

type Part = Html | string | number | boolean | undefined | null | readonly Part[];

function esc(value: Part): string {
  if (value === undefined || value === null || value === false || value === true) return '';
  if (value instanceof Html) return value.html;
  if (Array.isArray(value)) return value.map(esc).join('');
  return htmlEscape(stripControlChars(String(value)));
}

/** Markup with every interpolated value escaped (arrays are joined, `Html` is kept). */
function h(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += esc(values[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Fixed markup of this file (CSS, constants); never partner text. */
function trusted(html: string): Html {
  return new Html(html);
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

const TLP_CLASS: Record<Tlp, string> = {
  red: 'tlp-red', 'amber+strict': 'tlp-amber-strict', amber: 'tlp-amber', green: 'tlp-green', clear: 'tlp-clear',
};

function tlpKey(tlp: string | undefined): Tlp {
  const info = tlpInfo(tlp);
  return (Object.keys(TLP_INFO) as Tlp[]).find((k) => TLP_INFO[k] === info) ?? 'red';
}

function tlpBadge(tlp: string | undefined): Html {
  return h`<span class="tlp ${TLP_CLASS[tlpKey(tlp)]}">${tlpInfo(tlp).label}</span>`;
}

function anchor(threatId: string): string {
  return `threat-${threatId}`;
}

function threatLink(t: JointThreat): Html {
  return h`<a href="#${encodeURIComponent(anchor(t.id))}">${t.title}</a>`;
}

/** A number for a width or position: finite, clamped. */
function clamp(value: number, lo: number, hi: number): number {
  return Number.isFinite(value) ? Math.min(hi, Math.max(lo, value)) : lo;
}

/** A signed number of bits with a real minus sign. */
function signed(bits: unknown): string {
  if (typeof bits !== 'number' || !Number.isFinite(bits)) return fixed(bits, 2);
  const s = Math.abs(bits).toFixed(2);
  if (s === '0.00') return '0.00';
  return bits > 0 ? `+${s}` : `−${s}`;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function chips(values: readonly string[] | undefined, cls = 'chip'): Html {
  if (!values || values.length === 0) return h`<span class="none">—</span>`;
  return h`${values.map((v) => h`<span class="${cls}">${v}</span> `)}`;
}

function safeHref(url: string): string | undefined {
  return /^https?:\/\/[^\s"'<>`]+$/i.test(url) ? url : undefined;
}

const LIKELIHOOD_WORDS = ['rare', 'unlikely', 'possible', 'likely', 'almost certain'];
const IMPACT_WORDS = ['minimal', 'minor', 'moderate', 'major', 'severe'];

// ---------------------------------------------------------------------------------------------
// Style: constants only.

function css(): string {
  const tlpRules = (Object.keys(TLP_INFO) as Tlp[])
    .map((k) => `.${TLP_CLASS[k]}{color:${TLP_INFO[k].colour}}`).join('\n');
  return `
:root{--ink:#1c2430;--muted:#5b6573;--line:#d9dee5;--soft:#f5f7fa;--zebra:#f7f8fb;--accent:#1f4e8c;--panel:#fff;--bg:#eef1f5}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em}
h1{font-size:26px;line-height:1.2;margin:0 0 6px;font-weight:650;letter-spacing:-.01em}
h2{font-size:19px;margin:0 0 12px;font-weight:650;padding-bottom:6px;border-bottom:2px solid var(--ink)}
h3{font-size:16px;margin:0;font-weight:650}
h4{margin:16px 0 6px;font-variant-caps:all-small-caps;font-size:14px;letter-spacing:.05em;color:var(--muted);font-weight:650}
p{margin:0 0 10px}
table.page{width:100%;border-collapse:collapse;table-layout:fixed}
table.page>thead>tr>td,table.page>tfoot>tr>td{padding:0}
table.page>tbody>tr>td{padding:0}
.banner{background:${TLP_BACKGROUND};color:#e8e8e8;display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 14px;padding:7px 20px;font-size:12.5px}
.banner .label{font-weight:800;font-size:16px;letter-spacing:.04em;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;white-space:nowrap}
.banner .rule{flex:1}
.banner .doc{color:#9aa3ad;white-space:nowrap}
.tlp{display:inline-block;background:${TLP_BACKGROUND};font:700 11px/1 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;padding:3px 5px;border-radius:3px;letter-spacing:.03em;white-space:nowrap;vertical-align:1px}
${tlpRules}
main{max-width:1240px;margin:0 auto;padding:28px 28px 40px}
header.doc-head{margin-bottom:18px}
.lead{color:var(--muted);font-size:15px;margin:0}
.meta{color:var(--muted);font-size:12.5px;margin-top:6px}
.notice{border-radius:6px;padding:12px 16px;margin:0 0 14px;border:1px solid}
.notice strong{display:block;margin-bottom:2px}
.notice.red{background:#fff0f0;border-color:#e03131;border-left:6px solid #e03131;color:#5c0b0b}
.notice.red strong{font-size:16px;color:#c00}
.notice.info{background:#f1f6fd;border-color:#b7cbe8;border-left:6px solid var(--accent)}
.notice.warn{background:#fff9e8;border-color:#f0d48a;border-left:6px solid #e0a800}
.notice ul{margin:4px 0 0;padding-left:18px}
nav.toc{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:10px 16px;margin:0 0 18px;font-size:13px}
nav.toc ol{margin:0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:4px 18px}
nav.toc li{white-space:nowrap}
nav.toc .n{color:var(--muted);margin-right:4px}
section.major{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:20px 24px;margin:0 0 20px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(132px,1fr));gap:10px;margin:0 0 16px}
.card{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:var(--soft)}
.card .v{font-size:24px;font-weight:650;line-height:1.1;font-variant-numeric:tabular-nums}
.card .k{font-size:13px;color:var(--muted);font-variant-caps:all-small-caps;letter-spacing:.04em}
table.data{width:100%;border-collapse:collapse;font-size:13px;font-variant-numeric:tabular-nums}
table.data th{text-align:left;font-weight:650;color:var(--muted);font-variant-caps:all-small-caps;font-size:14px;letter-spacing:.04em;border-bottom:1.5px solid #9aa5b3;padding:5px 8px;vertical-align:bottom}
.prio th{white-space:nowrap}
table.data td{padding:5px 8px;border-bottom:1px solid #e7eaef;vertical-align:top}
table.data tbody tr:nth-child(even){background:var(--zebra)}
table.data .num{text-align:right;white-space:nowrap}
table.data tfoot td{border-top:1.5px solid #9aa5b3;border-bottom:0;font-weight:600}
.prio td.rank{font-weight:700;width:3em}
.prio td.title{min-width:16em}
.prio td.cat{font-size:12.5px}
.scroll{overflow-x:auto}
.scorecell{display:flex;align-items:center;gap:8px;justify-content:flex-end}
.bar{display:inline-block;height:7px;background:#dfe5ee;border-radius:4px;width:52px;overflow:hidden;flex:none}
.bar>span{display:block;height:100%;background:var(--accent);border-radius:4px}
.dots{display:inline-flex;gap:2px;margin-left:6px;vertical-align:1px}
.dots i{display:inline-block;width:7px;height:7px;border-radius:2px;background:#dde2e9}
.dots i.on{background:var(--accent)}
.chip{display:inline-block;background:#eef2f7;border:1px solid #dbe2eb;border-radius:10px;padding:0 8px;margin:1px 2px 1px 0;font-size:12px;white-space:nowrap}
.chip.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:11.5px;border-radius:3px}
.cat{color:var(--muted);font-size:12.5px}
.none{color:#9aa3ad}
.charts{display:flex;flex-wrap:wrap;gap:28px;align-items:flex-start}
.charts figure{margin:0}
.charts figcaption{font-size:12.5px;color:var(--muted);max-width:440px;margin-top:6px}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.coverage-wrap{overflow-x:auto}
table.coverage{border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums}
table.coverage th,table.coverage td{border:1px solid #e3e7ed;padding:2px 6px;line-height:1.35}
table.coverage thead th{background:#fff;position:sticky;top:0;z-index:1;color:var(--muted);font-weight:650;vertical-align:bottom}
table.coverage thead th.p{padding:6px 2px;width:28px}
table.coverage thead th.p span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;display:inline-block}
table.coverage td.t{max-width:460px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
table.coverage td.c{text-align:center;width:28px;padding:0}
table.coverage td.on{background:#2f5f9e;color:#fff}
table.coverage tr.solo td.on{background:#d98b00}
table.coverage tr.solo td.t,table.coverage tr.solo td.r{background:#fff6df}
table.coverage tbody tr:nth-child(even) td:not(.on){background:var(--zebra)}
table.coverage tbody tr.solo:nth-child(even) td.t,table.coverage tbody tr.solo:nth-child(even) td.r{background:#fff1cf}
table.coverage tfoot td,table.coverage tfoot th{background:var(--soft);font-weight:650;text-align:center}
table.coverage tfoot th{text-align:right}
.tag{display:inline-block;font-size:10.5px;font-weight:650;border-radius:3px;padding:0 5px;margin-left:6px;background:#f3c35b;color:#4a3500;vertical-align:1px}
.legend{font-size:12.5px;color:var(--muted);margin:8px 0 10px;display:flex;gap:18px;flex-wrap:wrap;align-items:center}
.legend i{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-2px;margin-right:5px}
article.threat{border-top:1px solid var(--line);padding:18px 0 8px}
article.threat:first-of-type{border-top:0;padding-top:4px}
.threat-head{display:flex;align-items:baseline;gap:10px;flex-wrap:wrap}
.threat-head .rk{font-size:15px;font-weight:700;color:#fff;background:var(--ink);border-radius:4px;padding:1px 8px;font-variant-numeric:tabular-nums}
.threat-head .id{color:var(--muted);font-size:12px}
.threat-head .back{margin-left:auto;font-size:12px}
.kpis{display:flex;flex-wrap:wrap;gap:6px 22px;margin:10px 0 4px;font-size:13px}
.kpis b{font-variant-numeric:tabular-nums}
.kpis span{color:var(--muted)}
.grid2{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0 28px}
dl.facets{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0;font-size:13px}
dl.facets dt{color:var(--muted);font-variant-caps:all-small-caps;font-size:14px;letter-spacing:.04em}
dl.facets dd{margin:0}
ul.actions,ul.summaries{margin:0;padding-left:18px;font-size:13px}
ul.actions li,ul.summaries li{margin:2px 0}
.by{color:var(--muted);font-size:12px}
.disagree{background:#fff9e8;border-left:4px solid #e0a800;padding:6px 10px;margin:8px 0;font-size:13px}
.pos{color:#1d7a35}
.neg{color:#b42318}
.outcome{font-size:11px;font-weight:650;border-radius:3px;padding:0 5px;background:#e6f1e8;color:#1d5a2b;white-space:nowrap}
.outcome.refused,.outcome.decided-different{background:#fde8e6;color:#8a1c12}
.outcome.decided-same{background:#e6eefb;color:#1f3f73}
.evidence{display:flex;flex-direction:column;gap:8px}
.link{border:1px solid var(--line);border-radius:6px;padding:7px 12px 8px;background:#fbfcfd;break-inside:avoid}
.link-head{display:flex;justify-content:space-between;gap:4px 14px;align-items:baseline;flex-wrap:wrap;margin-bottom:4px;font-size:13px}
.link-head .arrow{color:var(--muted);margin:0 6px}
.link-head .total{white-space:nowrap}
.reason{font-size:12.5px;color:var(--muted);margin:0 0 4px}
.reason.refused,.reason.decided-different{color:#8a1c12}
.parts{display:grid;grid-template-columns:max-content max-content minmax(0,1fr) max-content max-content minmax(0,1fr);gap:1px 10px;font-size:12px;line-height:1.45}
.parts .b{text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
.parts .d{color:var(--muted);padding-right:14px}
.nw,table.data code{white-space:nowrap}
td.cat{white-space:nowrap}
table.data code.loc{font-size:11px;color:var(--muted);white-space:normal;overflow-wrap:anywhere}
.othercat{font-size:12px;color:#8a5a00;background:#fff3d1;border-radius:3px;padding:0 4px}
.fig-title{font-weight:650;font-size:13.5px;margin:0 0 8px}
.sum-row td{font-weight:700}
.small{font-size:12px;color:var(--muted)}
footer.doc-foot{color:var(--muted);font-size:12px;text-align:center;margin-top:10px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:820px){.grid2{grid-template-columns:1fr}.parts{grid-template-columns:max-content max-content minmax(0,1fr)}}
@media screen and (max-width:820px){main{padding:16px 10px}section.major{padding:14px 12px}table.data:not(.prio):not(.sources){display:block;overflow-x:auto}.banner .doc{display:none}}
@media print{
  @page{size:A4;margin:10mm 9mm}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  body{background:#fff;font-size:9.5pt}
  main{max-width:none;padding:6mm 0}
  nav.toc,.threat-head .back{display:none}
  section.major{border:0;border-radius:0;padding:0;margin:0;break-before:page}
  section.major.first{break-before:auto}
  table.page>thead{display:table-header-group}
  table.page>tfoot{display:table-footer-group}
  table.page>thead>tr>td{padding-bottom:3mm}
  table.page>tfoot>tr>td{padding-top:3mm}
  .banner{padding:5px 12px}
  table.data thead{display:table-header-group}
  tr,.card,figure,.notice,.disagree,.threat-head,.kpis{break-inside:avoid}
  h2,h3,h4,.threat-head{break-after:avoid}
  article.threat{break-inside:auto}
  .coverage-wrap,.scroll{overflow:visible}
  table.coverage thead th{position:static}
  a{color:inherit}
}
`;
}

// ---------------------------------------------------------------------------------------------
// Parts of the document.

function banner(result: MergeResult): Html {
  const info = tlpInfo(result.tlp);
  return h`<div class="banner" role="note" aria-label="${`Traffic Light Protocol marking ${info.label}`}"><span class="label ${TLP_CLASS[tlpKey(result.tlp)]}">${info.label}</span><span class="rule">${info.rule}</span><span class="doc">Joint cyber threat priorities</span></div>`;
}

function notices(result: MergeResult, ctx: ReportContext): Html {
  const out: Html[] = [];
  const red = redWarning(result, ctx);
  if (red !== undefined) {
    out.push(h`<div class="notice red" role="alert"><strong>⚠ Contains TLP:RED information — no audience was set</strong>${red}</div>`);
  }
  const withheld = withheldNote(result, ctx);
  if (withheld !== undefined) {
    out.push(h`<div class="notice info"><strong>Entries withheld for the audience</strong>${withheld}</div>`);
  }
  if (result.warnings.length > 0) {
    out.push(h`<div class="notice warn"><strong>${count(result.warnings.length, 'note')} from the merge</strong><ul>${result.warnings.map((w) => h`<li>${w}</li>`)}</ul></div>`);
  }
  return h`${out}`;
}

interface Section { id: string; title: string; body: Html }

function toc(sections: readonly Section[]): Html {
  return h`<nav class="toc" aria-label="Contents"><ol>${sections.map((s, i) => h`<li><span class="n">${i + 1}</span><a href="#${s.id}">${s.title}</a></li>`)}</ol></nav>`;
}

function summarySection(result: MergeResult, ctx: ReportContext): Html {
  const s = result.summary;
  const cards: [string, number | string][] = [
    ['Partners', result.partners.length],
    ['Submissions', s.submissions],
    ['Entries', s.entries],
    ['Joint threats', s.threats],
    ['Duplicates merged', s.duplicatesMerged],
    ['Skipped invalid files', s.skippedInvalid.length],
  ];
  if (s.withheldEntries > 0 || result.withheld.length > 0 || ctx.audience !== undefined) cards.push(['Withheld entries', s.withheldEntries]);
  const multi = result.threats.filter((t) => t.breadth > 1).length;
  return h`
<div class="cards">${cards.map(([k, v]) => h`<div class="card"><div class="v">${typeof v === 'number' ? short(v, 0) : v}</div><div class="k">${k}</div></div>`)}</div>
<p>${count(result.threats.length, 'joint threat')} from ${count(result.partners.length, 'partner')}; ${multi} reported by more than one partner. Ranked with the <b>${result.method}</b> method${ctx.audience === undefined ? '' : h`, for audience ${tlpBadge(ctx.audience)}`}.</p>
${s.skippedInvalid.length > 0 ? h`<p class="small">Skipped invalid files: ${s.skippedInvalid.map((f, i) => h`${i > 0 ? ', ' : ''}<code>${f}</code>`)}</p>` : ''}
<h4>Partners</h4>
<table class="data partners"><thead><tr><th>Partner</th><th>Name</th><th>Reliability</th><th class="num">Weight</th><th class="num">Entries</th><th>Issued</th><th>Period</th><th>File</th></tr></thead>
<tbody>${result.partners.map((p) => partnerRow(p))}</tbody></table>`;
}

function partnerRow(p: MergedPartner): Html {
  return h`<tr><td><code>${p.id}</code></td><td>${p.name}</td><td>${p.reliability ?? h`<span class="none">—</span>`}</td><td class="num">${short(p.weight, 2)}</td><td class="num">${short(p.entries, 0)}</td><td class="nw">${p.issued}</td><td class="nw">${p.period ?? ''}</td><td><code>${p.file}</code></td></tr>`;
}

function partnerDots(t: JointThreat, partners: readonly MergedPartner[]): Html {
  const mine = new Set(t.partners);
  return h`<span class="dots" aria-hidden="true">${partners.map((p) => h`<i class="${mine.has(p.id) ? 'on' : ''}"></i>`)}</span>`;
}

function priorityTable(result: MergeResult): Html {
  const max = Math.max(0, ...result.threats.map((t) => (Number.isFinite(t.score) ? t.score : 0)));
  const rows = result.threats.map((t) => {
    const width = max > 0 ? clamp((t.score / max) * 100, 0, 100) : 0;
    return h`<tr>
<td class="num rank">${fixed(t.rank, 0)}</td>
<td class="title">${threatLink(t)}</td>
<td class="cat">${t.category}</td>
<td class="num"><span class="scorecell">${fixed(t.score, 3)}<span class="bar" aria-hidden="true"><span style="width:${width.toFixed(1)}%"></span></span></span></td>
<td class="num" title="${t.partners.join(', ')}">${short(t.partners.length, 0)}${partnerDots(t, result.partners)}</td>
<td class="num">${fixed(t.likelihood, 1)}</td>
<td class="num">${fixed(t.impact, 1)}</td>
<td class="nw">${trendText(t.trend)}</td>
<td>${tlpBadge(t.tlp)}</td>
</tr>`;
  });
  if (rows.length === 0) return h`<p class="none">No joint threats.</p>`;
  return h`<div class="scroll"><table class="data prio"><thead><tr><th class="num">Rank</th><th>Title</th><th>Category</th><th class="num">Score</th><th class="num">Partners</th><th class="num">Likelihood</th><th class="num">Impact</th><th>Trend</th><th>TLP</th></tr></thead>
<tbody>${rows}</tbody></table></div>
<p class="small">Likelihood and impact are the partners' joint values (1–5). Partners: how many partners reported the threat; each square is one partner, in the order of the coverage matrix. Titles link to the threat's details.</p>`;
}

function cellIndex(value: number): number {
  return clamp(Math.floor(Number(value) + 0.5), 1, 5);
}

function heatMap(result: MergeResult): Html {
  const cell = 62;
  const left = 118;
  const top = 12;
  const bottom = 70;
  const width = left + cell * 5 + 14;
  const height = top + cell * 5 + bottom;
  const buckets = new Map<string, JointThreat[]>();
  for (const t of result.threats) {
    const key = `${cellIndex(t.likelihood)}:${cellIndex(t.impact)}`;
    const list = buckets.get(key) ?? [];
    list.push(t);
    buckets.set(key, list);
  }
  const cells: Html[] = [];
  for (let impact = 5; impact >= 1; impact--) {
    for (let likelihood = 1; likelihood <= 5; likelihood++) {
      const list = buckets.get(`${likelihood}:${impact}`) ?? [];
      const risk = likelihood * impact;
      const fill = risk >= 15 ? '#f4b4ad' : risk >= 8 ? '#fbd98a' : risk >= 4 ? '#fdf0c2' : '#d6ecd0';
      const x = left + (likelihood - 1) * cell;
      const y = top + (5 - impact) * cell;
      const names = list.slice(0, 15).map((t) => `#${fixed(t.rank, 0)} ${stripControlChars(String(t.title)).replace(/\s+/g, ' ')}`);
      if (list.length > 15) names.push(`and ${list.length - 15} more`);
      const label = `Likelihood ${likelihood} (${LIKELIHOOD_WORDS[likelihood - 1]}), impact ${impact} (${IMPACT_WORDS[impact - 1]}): ${count(list.length, 'joint threat')}${names.length > 0 ? ` — ${names.join('; ')}` : ''}`;
      cells.push(h`<g><title>${label}</title><rect x="${x + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}" rx="4" fill="${fill}" fill-opacity="${list.length > 0 ? 1 : 0.45}"/>${list.length > 0 ? h`<text x="${x + cell / 2}" y="${y + cell / 2 + 8}" text-anchor="middle" font-size="22" font-weight="700" fill="#1c2430">${list.length}</text>` : ''}</g>`);
    }
  }
  const xLabels = LIKELIHOOD_WORDS.map((w, i) => h`<text x="${left + i * cell + cell / 2}" y="${top + cell * 5 + 16}" text-anchor="middle" font-size="12" font-weight="700" fill="#1c2430">${i + 1}</text><text x="${left + i * cell + cell / 2}" y="${top + cell * 5 + 30}" text-anchor="middle" font-size="10" fill="#5b6573">${w}</text>`);
  const yLabels = IMPACT_WORDS.map((w, i) => h`<text x="${left - 10}" y="${top + (4 - i) * cell + cell / 2 + 4}" text-anchor="end" font-size="10" fill="#5b6573">${w} <tspan font-size="12" font-weight="700" fill="#1c2430">${i + 1}</tspan></text>`);
  return h`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="heatmap-title heatmap-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<title id="heatmap-title">Likelihood × impact heat map of the joint threats</title>
<desc id="heatmap-desc">A 5 by 5 grid: likelihood 1 to 5 from left to right, impact 1 to 5 from bottom to top; each cell shows how many joint threats have that rounded likelihood and impact.</desc>
${cells}${xLabels}${yLabels}
<text x="${left + (cell * 5) / 2}" y="${height - 14}" text-anchor="middle" font-size="13" font-weight="650" fill="#1c2430">Likelihood →</text>
<text transform="translate(16 ${top + (cell * 5) / 2}) rotate(-90)" text-anchor="middle" font-size="13" font-weight="650" fill="#1c2430">Impact →</text>
</svg>`;
}

function breadthChart(result: MergeResult): Html {
  const n = Math.max(1, result.partners.length, ...result.threats.map((t) => (Number.isFinite(t.breadth) ? t.breadth : 0)));
  const counts = Array.from({ length: n }, (_, i) => result.threats.filter((t) => t.breadth === i + 1).length);
  const max = Math.max(1, ...counts);
  const row = 26;
  const left = 92;
  const barMax = 250;
  const top = 6;
  const width = left + barMax + 40;
  const height = top + n * row + 6;
  const bars = counts.map((c, i) => {
    const y = top + i * row;
    const w = (c / max) * barMax;
    const label = `Reported by ${count(i + 1, 'partner')}: ${count(c, 'joint threat')}`;
    return h`<g><title>${label}</title><text x="${left - 8}" y="${y + 17}" text-anchor="end" font-size="12" fill="#1c2430">${count(i + 1, 'partner')}</text><rect x="${left}" y="${y + 4}" width="${Math.max(w, c > 0 ? 2 : 0).toFixed(1)}" height="${row - 8}" rx="3" fill="${i === 0 ? '#d98b00' : '#2f5f9e'}"/><text x="${(left + w + 6).toFixed(1)}" y="${y + 17}" font-size="12" font-weight="700" fill="#1c2430">${c}</text></g>`;
  });
  return h`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="breadth-title breadth-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<title id="breadth-title">How many partners report each joint threat</title>
<desc id="breadth-desc">A bar per number of partners, 1 to ${n}, with the number of joint threats reported by that many partners.</desc>
${bars}
</svg>`;
}

function chartsSection(result: MergeResult): Html {
  return h`<div class="charts">
<figure><div class="fig-title">Joint threats by likelihood and impact</div>${heatMap(result)}<figcaption>Count of joint threats in each cell, by the joint likelihood and impact rounded to the nearest whole number (halves round up). Hover a cell for the threats in it.</figcaption></figure>
<figure><div class="fig-title">Joint threats by number of partners reporting them</div>${breadthChart(result)}<figcaption>Breadth: how many partners reported each joint threat. Threats reported by one partner only (orange) are highlighted in the coverage matrix.</figcaption></figure>
</div>`;
}

function coverageSection(result: MergeResult): Html {
  const partners = result.partners;
  const totals = partners.map((p) => result.threats.filter((t) => t.partners.includes(p.id)).length);
  const only = partners.map((p) => result.threats.filter((t) => t.partners.length === 1 && t.partners[0] === p.id).length);
  const rows = result.threats.map((t) => {
    const mine = new Set(t.partners);
    const solo = t.partners.length === 1;
    return h`<tr class="${solo ? 'solo' : ''}"><td class="r num">${fixed(t.rank, 0)}</td><td class="t">${threatLink(t)}</td>${partners.map((p) => (mine.has(p.id) ? h`<td class="c on" title="${`${p.id} reported it`}">●</td>` : h`<td class="c"></td>`))}<td class="num nw">${short(t.partners.length, 0)}${solo ? h`<span class="tag">single source</span>` : ''}</td></tr>`;
  });
  return h`<p>Rows are the joint threats in rank order, columns the partners; a filled cell means the partner reported the threat. <span class="legend" style="display:inline-flex;margin:0"><span><i style="background:#2f5f9e"></i>reported</span><span><i style="background:#d98b00"></i>reported by this partner only</span></span></p>
<div class="coverage-wrap"><table class="coverage">
<thead><tr><th class="num">#</th><th>Threat</th>${partners.map((p) => h`<th class="p" title="${p.name}"><span>${p.id}</span></th>`)}<th class="num">Partners</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th colspan="2">Reported by the partner</th>${totals.map((n) => h`<td>${n}</td>`)}<td></td></tr>
<tr><th colspan="2">Reported only by this partner</th>${only.map((n) => h`<td>${n}</td>`)}<td></td></tr></tfoot>
</table></div>`;
}

// --- One threat in detail. -------------------------------------------------------------------

function sourcesAndAssessments(t: JointThreat): Html {
  const byEntry = new Map<string, Assessment>(t.assessments.map((a) => [`${a.partner}/${a.entry}`, a]));
  const seen = new Set<string>();
  const rows = t.sources.map((s) => {
    const key = `${s.partner}/${s.id}`;
    seen.add(key);
    return sourceRow(t, s.partner, s.id, h`${s.file}:${short(s.line, 0)}`, s.title, byEntry.get(key));
  });
  // Assessments without a source row (should not happen; shown rather than dropped).
  for (const a of t.assessments) {
    if (!seen.has(`${a.partner}/${a.entry}`)) rows.push(sourceRow(t, a.partner, a.entry, undefined, a.title, a));
  }
  if (rows.length === 0) return h`<p class="none">No sources.</p>`;
  return h`<div class="scroll"><table class="data sources"><thead><tr><th>Partner</th><th>Entry</th><th>Original title · location</th><th class="num">Likelihood</th><th class="num">Impact</th><th class="num">Confidence</th><th class="num">Rank</th><th class="num">Position</th><th>Trend</th><th>TLP</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function sourceRow(t: JointThreat, partner: string, entry: string, location: Html | undefined, title: string, a: Assessment | undefined): Html {
  const dash = h`<span class="none">—</span>`;
  const opt = (v: unknown, d: number): Html | string => (v === undefined ? dash : short(v, d));
  const otherCategory = a !== undefined && a.category !== t.category ? h`<br><span class="othercat">category: ${a.category}</span>` : '';
  return h`<tr><td class="nw"><code>${partner}</code></td><td><code>${entry}</code></td><td>${title}${otherCategory}${location === undefined ? '' : h`<br><code class="loc">${location}</code>`}</td>${a === undefined
    ? h`<td colspan="7" class="none">no assessment recorded</td>`
    : h`<td class="num">${short(a.likelihood, 1)}</td><td class="num">${short(a.impact, 1)}</td><td class="num">${opt(a.confidence, 0)}</td><td class="num">${opt(a.rank, 0)}</td><td class="num">${short(a.position, 0)} / ${short(a.of, 0)}</td><td class="nw">${a.trend === undefined ? dash : trendText(a.trend)}</td><td>${tlpBadge(a.tlp)}</td>`}</tr>`;
}

function breakdownTable(t: JointThreat): Html {
  const total = t.breakdown.reduce((s, c) => s + (Number.isFinite(c.value) ? Math.abs(c.value) : 0), 0);
  return h`<table class="data"><thead><tr><th>Term</th><th>Detail</th><th class="num">Value</th></tr></thead>
<tbody>${t.breakdown.map((c) => {
    const w = total > 0 ? clamp((Math.abs(c.value) / total) * 100, 0, 100) : 0;
    return h`<tr><td><code>${c.term}</code></td><td class="small">${c.detail}</td><td class="num"><span class="scorecell">${fixed(c.value, 6)}<span class="bar" aria-hidden="true"><span style="width:${w.toFixed(1)}%"></span></span></span></td></tr>`;
  })}</tbody>
<tfoot><tr class="sum-row"><td colspan="2">Score (sum of the terms)</td><td class="num"><span class="scorecell">${fixed(t.score, 6)}<span class="bar" style="visibility:hidden"></span></span></td></tr></tfoot></table>`;
}

function facets(t: JointThreat): Html {
  const rows: [string, Html][] = [
    ['Aliases', chips(t.aliases)],
    ['Actors', chips(t.actors)],
    ['Malware', chips(t.malware)],
    ['CVEs', chips(t.cves, 'chip code')],
    ['Techniques', chips(t.techniques, 'chip code')],
    ['Sectors', chips(t.sectors)],
    ['Regions', chips(t.regions)],
  ];
  if (t.indicators.length > 0) rows.push(['Indicators', chips(t.indicators.map((i) => `${i.type}: ${i.value}`), 'chip code')]);
  if (t.references.length > 0) {
    rows.push(['References', h`${t.references.map((r, i) => {
      const href = safeHref(r);
      return h`${i > 0 ? h`<br>` : ''}${href === undefined ? h`<code>${r}</code>` : h`<a href="${href}" rel="noreferrer">${r}</a>`}`;
    })}`]);
  }
  return h`<dl class="facets">${rows.map(([k, v]) => h`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function actions(t: JointThreat): Html {
  if (t.actions.length === 0) return h`<p class="none">No joint actions proposed.</p>`;
  return h`<ul class="actions">${t.actions.map((a) => h`<li>${a.text} <span class="by">— ${a.partners.join(', ')}</span></li>`)}</ul>`;
}

function summaries(t: JointThreat): Html {
  return h`<ul class="summaries">${t.summaries.map((s) => h`<li><code>${s.partner}</code>: ${s.text}</li>`)}</ul>`;
}

function entryLabel(key: string, titles: ReadonlyMap<string, string>): Html {
  const title = titles.get(key);
  return h`<code>${key}</code>${title === undefined ? '' : h` <span class="small">${title}</span>`}`;
}

function evidenceList(list: readonly Evidence[], titles: ReadonlyMap<string, string>): Html {
  return h`<div class="evidence">${list.map((e) => h`<div class="link">
<div class="link-head"><span class="pair">${entryLabel(e.a, titles)} <span class="arrow">↔</span> ${entryLabel(e.b, titles)}</span><span class="total"><b class="${e.score >= 0 ? 'pos' : 'neg'}">${signed(e.score)}</b> bits <span class="outcome ${outcomeClass(e.outcome)}">${e.outcome}</span></span></div>
${e.reason ? h`<div class="reason ${outcomeClass(e.outcome)}">${e.reason}</div>` : ''}<div class="parts">${e.parts.map((p) => h`<code class="f">${p.feature}</code><span class="b ${p.bits >= 0 ? 'pos' : 'neg'}">${signed(p.bits)}</span><span class="d">${p.detail}</span>`)}</div>
</div>`)}</div>`;
}

function outcomeClass(outcome: string): string {
  return ['linked', 'decided-same', 'refused', 'decided-different'].includes(outcome) ? outcome : 'refused';
}

function threatDetail(t: JointThreat, result: MergeResult, titles: ReadonlyMap<string, string>): Html {
  const disagreements = t.categoryDisagreements.length > 0
    ? h`<div class="disagree"><b>Category disagreement:</b> joint category <b>${t.category}</b>; ${t.categoryDisagreements.map((d, i) => h`${i > 0 ? '; ' : ''}<b>${d.category}</b> according to ${d.partners.join(', ')}`)}.</div>`
    : '';
  return h`<article class="threat" id="${anchor(t.id)}" aria-labelledby="${`${anchor(t.id)}-h`}">
<div class="threat-head"><span class="rk">#${fixed(t.rank, 0)}</span><h3 id="${`${anchor(t.id)}-h`}">${t.title}</h3>${tlpBadge(t.tlp)}<span class="id">${t.id}</span><a class="back" href="#priorities">↑ Priority list</a></div>
<div class="kpis"><div><span>Score</span> <b>${fixed(t.score, 3)}</b></div><div><span>Category</span> <b>${t.category}</b></div><div><span>Partners</span> <b>${short(t.partners.length, 0)} of ${result.partners.length}</b></div><div><span>Likelihood</span> <b>${fixed(t.likelihood, 1)}</b></div><div><span>Impact</span> <b>${fixed(t.impact, 1)}</b></div><div><span>Confidence</span> <b>${t.confidence === undefined ? '—' : fixed(t.confidence, 0)}</b></div><div><span>Trend</span> <b>${t.trend === undefined ? '—' : trendText(t.trend)}</b></div></div>
${disagreements}
<h4>Sources and assessments, side by side</h4>${sourcesAndAssessments(t)}
<div class="grid2">
<div><h4>Score breakdown</h4>${breakdownTable(t)}</div>
<div><h4>Identification</h4>${facets(t)}</div>
<div><h4>Recommended joint actions</h4>${actions(t)}</div>
${t.summaries.length > 0 ? h`<div><h4>Partner summaries</h4>${summaries(t)}</div>` : ''}
</div>
<h4>Evidence that merged the entries</h4>${t.evidence.length === 0 ? h`<p class="none">${t.sources.length > 1 ? 'No evidence recorded.' : 'A single entry: nothing to merge.'}</p>` : evidenceList(t.evidence, titles)}
</article>`;
}

function disagreementsSection(result: MergeResult): Html {
  const byId = new Map(result.threats.map((t) => [t.id, t] as const));
  const label = (id: string): Html => {
    const t = byId.get(id);
    return t === undefined ? h`<code>${id}</code>` : h`<b>#${fixed(t.rank, 0)}</b> ${threatLink(t)}`;
  };
  return h`<p>Pairs of threats that the <b>${result.method}</b> method ranks one way while, head to head, most of the partners that assessed both put them the other way round.</p>
<table class="data"><thead><tr><th>Ranked higher by the method</th><th>Ranked lower by the method</th><th>Partners putting the lower one first</th><th>Partners putting the higher one first</th><th class="num">Head to head</th></tr></thead>
<tbody>${result.disagreements.map((d: RankDisagreement) => h`<tr><td>${label(d.higher)}</td><td>${label(d.lower)}</td><td>${d.preferLower.join(', ')}</td><td>${d.preferHigher.length > 0 ? d.preferHigher.join(', ') : h`<span class="none">none</span>`}</td><td class="num">${d.preferLower.length} : ${d.preferHigher.length}</td></tr>`)}</tbody></table>`;
}

function refusedSection(result: MergeResult, titles: ReadonlyMap<string, string>): Html {
  return h`<p>Pairs of entries with evidence for a merge that were kept apart by a rule (one entry per partner, strong evidence against, or an analyst decision).</p>${evidenceList(result.refused, titles)}`;
}

function methodSection(result: MergeResult): Html {
  const params = Object.keys(result.parameters).sort(cmp);
  return h`<p>Ranking method: <b>${result.method}</b>. Each joint threat's score is the sum of the terms in its score breakdown: one term per partner that reported it, plus named terms (<code>prior</code>: shrinkage towards a neutral score, so a threat reported by few partners is not ranked on thin evidence; <code>breadth</code>: credit for being reported by several partners). Entries were merged when the evidence linking them, in bits (log₂ likelihood ratio), reached the link threshold.</p>
<table class="data" style="max-width:520px"><thead><tr><th>Parameter</th><th>Value</th></tr></thead><tbody>${params.map((k) => h`<tr><td><code>${k}</code></td><td class="mono">${String(result.parameters[k])}</td></tr>`)}</tbody></table>`;
}

// ---------------------------------------------------------------------------------------------

/**
 * The report as one self-contained HTML document (UTF-8), marked with the result's TLP. Pure and
 * deterministic: the time appears only when `ctx.generated` is given.
 */
export function renderHtml(result: MergeResult, ctx: ReportContext): string {
  const marking = tlpInfo(result.tlp);
  const titles = new Map<string, string>();
  for (const t of result.threats) for (const s of t.sources) titles.set(`${s.partner}/${s.id}`, s.title);

  const sections: Section[] = [
    { id: 'summary', title: 'Summary', body: summarySection(result, ctx) },
    { id: 'priorities', title: 'Joint priority list', body: priorityTable(result) },
    { id: 'overview', title: 'Risk overview', body: chartsSection(result) },
    { id: 'coverage', title: 'Partner coverage', body: coverageSection(result) },
    {
      id: 'details', title: 'Threats in detail',
      body: result.threats.length === 0 ? h`<p class="none">No joint threats.</p>` : h`${result.threats.map((t) => threatDetail(t, result, titles))}`,
    },
  ];
  if (result.disagreements.length > 0) sections.push({ id: 'disagreements', title: 'Rank disagreements', body: disagreementsSection(result) });
  if (result.refused.length > 0) sections.push({ id: 'refused', title: 'Refused merges', body: refusedSection(result, titles) });
  sections.push({ id: 'method', title: 'Method', body: methodSection(result) });

  const period = periods(result);
  const lead = [
    count(result.partners.length, 'partner'),
    count(result.threats.length, 'joint threat'),
    ...(period.length > 0 ? [`period ${period.join(', ')}`] : []),
  ].join(' · ');
  const generated = `Generated by ${ctx.toolName} ${ctx.toolVersion}${ctx.generated === undefined ? '' : ` on ${ctx.generated}`}`;
  const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  const doc = h`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${trusted(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<title>${marking.label} — Joint cyber threat priorities</title>
<style>${trusted(css())}</style>
</head>
<body>
<table class="page" role="presentation">
<thead><tr><td>${banner(result)}</td></tr></thead>
<tfoot><tr><td>${banner(result)}</td></tr></tfoot>
<tbody><tr><td>
<main>
<header class="doc-head">
<h1>Joint cyber threat priorities</h1>
<p class="lead">${lead}</p>
<p class="meta">Marked ${tlpBadge(result.tlp)} — the most restrictive marking among the entries included. ${generated}.</p>
</header>
${notices(result, ctx)}
${toc(sections)}
${sections.map((s, i) => h`<section class="major${i === 0 ? ' first' : ''}" id="${s.id}" aria-labelledby="${`${s.id}-h`}">
<h2 id="${`${s.id}-h`}">${s.title}</h2>
${s.body}
</section>
`)}<footer class="doc-foot">${generated}. ${marking.label}: ${marking.rule}</footer>
</main>
</td></tr></tbody>
</table>
</body>
</html>
`;
  return doc.html;
}

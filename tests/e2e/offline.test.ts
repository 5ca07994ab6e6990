// The offline walk: the built folder served on its own (as from a laptop at a round table with
// no network), every request that would leave that server blocked (browser.ts), and the main
// flows walked one after another in one session: search, filters, every panel, charts and
// their downloads, the 3W export, a slide, presenter mode, the language switch, an import
// preview and the printable report. At the end not one request has left the server, every
// request to it succeeded, and the console is clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './browser.ts';

// SYNTHETIC: "Qendra Offline" is made up, and only previewed, never applied.
const SHEET = ['Organisation;Lloji;Aktiviteti;Bashkia', 'Qendra Offline;CSO;Training;Cërrik'].join(
  '\r\n',
);

describe('offline walk through the main flows (1280×720)', () => {
  let app: OpenedApp;
  const failed: string[] = [];

  beforeAll(async () => {
    app = await openApp('/', { viewport: { width: 1280, height: 720 } });
    app.context.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    app.context.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'failed';
      // Aborted external requests are reported by externalRequests(); these are local ones.
      if (new URL(request.url()).origin === app.origin) failed.push(`${reason} ${request.url()}`);
    });
    await app.page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('draws the map with its boundaries and legend from the bundle', async () => {
    const { page } = app;
    expect(await page.getByRole('list', { name: 'Map legend' }).isVisible()).toBe(true);
    expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(1);
    expect(await page.getByText(/GeoNames/).count()).toBeGreaterThan(0);
  });

  it('finds a place and opens its panel', async () => {
    const { page } = app;
    await page
      .getByRole('searchbox', { name: 'Find an organisation, municipality, town or village' })
      .fill('cerrik');
    await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
    await page.getByRole('region', { name: /^Cërrik: municipality details/ }).waitFor();
  });

  it('filters by activity type and shows the count', async () => {
    const { page } = app;
    await page.locator('.filters-bar summary', { hasText: 'Activity types' }).click();
    await page.getByRole('checkbox', { name: 'Training and capacity building' }).check();
    await expect.poll(() => page.locator('.filter-summary').textContent()).toMatch(/^\d+ of 55/);
    await page.locator('.filters-bar summary', { hasText: 'Activity types' }).click();
  });

  it('opens every panel, the Data panel loading its code from the server', async () => {
    const { page } = app;
    for (const name of ['Gaps', 'Overlap', 'Plans', 'Compare', 'Area', 'Organisation', 'Data']) {
      const tab = page.getByRole('tab', { name, exact: true });
      await tab.click();
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    }
    await page.getByTestId('import-file').waitFor();
  });

  it('previews an imported sheet, then cancels, changing nothing', async () => {
    const { page } = app;
    await page.getByTestId('import-file').setInputFiles({
      name: 'offline.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(SHEET, 'utf8'),
    });
    const preview = page.getByRole('region', { name: 'Preview of offline.csv' });
    await preview.getByRole('button', { name: 'The columns are read right' }).click();
    await expect.poll(() => preview.textContent()).toContain('1 to add');
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => preview.count()).toBe(0);
  });

  it('downloads a chart as SVG and the 3W sheet as CSV', async () => {
    const { page } = app;
    const figure = page.getByRole('figure', { name: 'Organisations per county' });
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    await page.locator('details.export-menu summary').click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download \d+ organisations$/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('saves a 1920×1080 slide of the map', async () => {
    const { page } = app;
    const [slide] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: /1920/ }).first().click(),
    ]);
    expect(slide.suggestedFilename()).toMatch(/\.png$/);
    await page.locator('details.export-menu summary').click();
  });

  it('presents: the button, a step with the arrow key, Esc to leave', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Present' }).click();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.present ?? null))
      .toBe('true');
    const position = page.locator('.presenter-position');
    await expect.poll(() => position.textContent()).toMatch(/^View 1 of/);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position.textContent()).toMatch(/^View 2 of/);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.present ?? null))
      .toBe(null);
  });

  it('switches to Albanian and back', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Language' }).selectOption('sq');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('sq');
    await page.getByRole('combobox', { name: 'Gjuha' }).selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('prints the country report, its code loaded from the server', async () => {
    const page = await app.context.newPage();
    await page.goto('/?print=country');
    await page.locator('.print-report').waitFor({ timeout: 30_000 });
    expect(await page.locator('section.print-page').count()).toBeGreaterThan(1);
    await page.close();
  });

  it('made no request outside its server, every request to it succeeded, the console is clean', () => {
    expect(app.requests.length).toBeGreaterThan(10);
    expect(app.externalRequests()).toEqual([]);
    expect(failed).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

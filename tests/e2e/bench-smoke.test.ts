// The browser bench's set-up, checked without timing anything: synthetic organisations saved in
// IndexedDB open with the app, and a filter change ends with the map settled again (what the
// bench waits for). Small (500 rows) so it runs in seconds; `npm run bench` uses 50 000.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { parseDataset } from '../../src/domain/parse-dataset';
import { readDataFiles } from '../../src/io/node-files';
import { seedEdits } from '../bench/seed-edits';
import { syntheticDataset } from '../bench/synthetic';
import { launchChromium, openApp, type OpenedApp } from './browser.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('bench smoke: the app with synthetic organisations', () => {
  let app: OpenedApp;
  let organisations = 0;

  beforeAll(async () => {
    const gazetteer = checkGazetteer(
      readFileSync(path.join(root, 'geo/gazetteer.json'), 'utf8'),
    ).gazetteer;
    if (!gazetteer) throw new Error('geo/gazetteer.json does not load');
    const { dataset } = parseDataset(readDataFiles(root), gazetteer);
    const synthetic = syntheticDataset(500, gazetteer, dataset);
    organisations = synthetic.dataset.organisations.length;
    app = await openApp('/favicon.svg');
    await seedEdits(app.page, gazetteer.country.code, synthetic.edits);
    await app.page.goto('/');
    await app.page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens with the published and the synthetic organisations', async () => {
    expect(organisations).toBeGreaterThan(55);
    const summary = (await app.page.locator('.filter-summary').textContent()) ?? '';
    expect(summary.replace(/\D+/g, ' ').trim().split(' ')).toEqual([
      String(organisations),
      String(organisations),
    ]);
  });

  it('settles the map again after a filter change', async () => {
    const activityTypes = app.page.locator('.filters-bar details.choice-list').first();
    await activityTypes.locator('summary').click();
    await activityTypes.locator('input[type="checkbox"]').first().click();
    await app.page.locator('[data-map-pending="false"]').waitFor({ timeout: 30_000 });
    expect(app.consoleErrors).toEqual([]);
    expect(app.externalRequests()).toEqual([]);
  });
});

describe('bench smoke: the app in a browser without WebGL', () => {
  // The bench times filter changes there too, to separate Harta's own work from the map's
  // drawing; and a projector laptop with WebGL off must still get the panels.
  it('says the map cannot be shown, and the panels still follow a filter change', async () => {
    const browser = await launchChromium({ args: ['--disable-webgl'] });
    try {
      const app = await openApp('/', { browser });
      const page = app.page;
      await page.getByRole('alert').filter({ hasText: 'The map cannot be shown' }).waitFor();
      const summary = page.locator('.filter-summary');
      const activityTypes = page.locator('.filters-bar details.choice-list').first();
      await activityTypes.locator('summary').click();
      await page
        .getByRole('checkbox', { name: 'Local security councils and municipal mechanisms' })
        .check();
      await expect.poll(() => summary.textContent()).toMatch(/^5 of 55 organisations/);
      const cerrik = page.locator('.gap-item', { hasText: 'Cërrik' });
      await expect.poll(() => cerrik.locator('.gap-counts').textContent()).toMatch(/^3 local/);
      expect(app.externalRequests()).toEqual([]);
      await app.close();
    } finally {
      await browser.close();
    }
  });
});

// The 3W export in a real browser: the filtered organisations download as an HXL sheet that the
// shared importer reads back unchanged, with no request leaving the app.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { previewImport } from '../../src/domain/import-3w';
import { parseDataset } from '../../src/domain/parse-dataset';
import { readDataFiles, readTextFile, GAZETTEER_FILE } from '../../src/io/node-files';
import { openApp, type OpenedApp } from './browser.ts';

const root = new URL('../../', import.meta.url).pathname;

describe('3W export from the built app', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/?act=training');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('downloads the filtered organisations as a sheet that re-imports unchanged', async () => {
    const { page } = app;
    const summary = (await page.locator('.filter-summary').textContent()) ?? '';
    const shown = Number(/^(\d+) of/.exec(summary)?.[1]);
    expect(shown).toBeGreaterThan(0);
    await page.getByText('Export', { exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download ${shown} organisations` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^harta-3w-al-filtered-\d{4}-\d\d-\d\d\.csv$/);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text).toContain('filter: activity types: Training and capacity building');

    const gazetteer = checkGazetteer(readTextFile(root, GAZETTEER_FILE)).gazetteer;
    if (!gazetteer) throw new Error('gazetteer does not load');
    const { dataset } = parseDataset(readDataFiles(root), gazetteer);
    const preview = previewImport(download.suggestedFilename(), text, { gazetteer, dataset });
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(new Set(preview.rows.map((row) => row.matchedOrganisationId)).size).toBe(shown);
    expect(preview.rows.every((row) => row.action === 'unchanged')).toBe(true);
    expect(app.externalRequests()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

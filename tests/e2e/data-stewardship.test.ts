// Data stewardship in the built app, in a real browser with its real IndexedDB: a partner's
// messy sheet is previewed, applied (skipping the row with an error), survives a reload, is
// exported with the rest, and the export re-imports with nothing to change. The partner sheet is
// SYNTHETIC ("Qendra Test Rinore" is made up); "Center for Youth Progress" is Annex I row 2.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './browser.ts';

const PARTNER_SHEET = [
  'Organisation;Lloji;Aktiviteti;Bashkia;Fillimi',
  'Center for Youth Progress;;;Kukës, Has;',
  'Qendra Test Rinore;CSO;Training;Cërrik;2024-03',
  'Qendra Test Rinore;CSO;Training;Bulqizë;2024-03',
  'Broken Row;CSO;Training;Kukuesh;',
].join('\r\n');

describe('import → preview → apply → reload → export → re-import', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/?tab=data');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('previews the sheet, applies it without the row in error, and keeps it across a reload', async () => {
    const { page } = app;
    await page.getByTestId('import-file').setInputFiles({
      name: 'partner 3W.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(PARTNER_SHEET, 'utf8'),
    });
    const preview = page.getByRole('region', { name: 'Preview of partner 3W.csv' });
    await expect
      .poll(() => preview.textContent())
      .toContain(
        'partner 3W.csv: 4 rows; organisations: 1 to add, 1 to update, 0 unchanged, 1 with errors; 1 error',
      );
    // Computed in the import worker, not on the page's thread.
    expect(page.workers().map((worker) => worker.url())).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/assets\/import-preview\.worker-[\w-]+\.js$/),
      ]),
    );
    await preview.getByRole('button', { name: 'The columns are read right' }).click();
    const errors = await preview.getByRole('region', { name: 'Errors' }).textContent();
    expect(errors).toMatch(/Line 5, Bashkia: .*Kukuesh.*did you mean Kukës/);
    await preview.getByRole('checkbox', { name: /Skip the rows with errors/ }).check();
    await preview.getByRole('button', { name: 'Apply: add 1, update 1' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).textContent())
      .toMatch(/Imported partner 3W\.csv: 1 added, 1 updated, 0 unchanged; skipped line 5\./);
    await page.getByRole('button', { name: 'Local changes: 2 organisations' }).waitFor();

    await page.reload();
    await page.getByRole('button', { name: 'Local changes: 2 organisations' }).click();
    const changes = page.getByRole('region', { name: 'Changes in this browser' });
    await expect.poll(() => changes.textContent()).toMatch(/Added\s*Qendra Test Rinore/);
    expect(await changes.textContent()).toMatch(/Changed\s*Center for Youth Progress/);
  });

  it('exports everything with the changes marked, and the export re-imports with nothing to change', async () => {
    const { page } = app;
    await page.getByText('Export', { exact: true }).click();
    await page.getByRole('radio', { name: /Everything/ }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download \d+ organisations$/ }).click(),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    expect(text).toContain('includes local changes: 1 added, 1 changed');
    expect(text).toMatch(/Qendra Test Rinore,.*Cërrik/);
    expect(text).toMatch(
      /"partner 3W\.csv, 3W sheet imported in Harta on [-\d]+, \d+ \[import-[-\w]+\], line 3"/,
    );
    const exported = new Set(
      text
        .split('\n')
        .slice(2)
        .filter((line) => line.trim() !== '')
        .map((line) => line.split(',')[0]),
    ).size;
    await page.keyboard.press('Escape');

    await page.getByTestId('import-file').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'text/csv',
      buffer: Buffer.from(text, 'utf8'),
    });
    const preview = page.getByRole('region', {
      name: `Preview of ${download.suggestedFilename()}`,
    });
    await expect
      .poll(() => preview.textContent())
      .toMatch(/organisations: 0 to add, 0 to update, (\d+) unchanged; 0 errors, 0 warnings\./);
    const unchanged = Number(
      /0 to update, (\d+) unchanged/.exec((await preview.textContent()) ?? '')?.[1],
    );
    expect(unchanged).toBeGreaterThanOrEqual(exported - 1);
    expect(unchanged).toBeGreaterThan(50);
    await preview.getByRole('button', { name: 'Cancel' }).click();
  });

  it('reads an Excel workbook through the same preview (the reader loads on demand, under the CSP)', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'partners-3w.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await readFile(new URL('../unit/fixtures/xlsx/partners-3w.xlsx', import.meta.url)),
    });
    const preview = page.getByRole('region', { name: 'Preview of partners-3w.xlsx' });
    await expect
      .poll(() => preview.textContent(), { timeout: 15_000 })
      .toMatch(/^partners-3w\.xlsx \(worksheet “Partners”\): 6 rows; .*1 error, 3 warnings\./);
    expect(await preview.getByRole('region', { name: 'Errors' }).textContent()).toMatch(
      /Line 7, Bashkia: unknown municipality "Kukse": did you mean Kukës\?/,
    );
    await preview.getByRole('button', { name: 'Cancel' }).click();
  });

  it('edits a record in the app, and the edit survives a reload', async () => {
    const { page } = app;
    await page
      .getByRole('region', { name: 'Changes in this browser' })
      .getByRole('button', { name: 'Qendra Test Rinore' })
      .click();
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit Qendra Test Rinore' });
    await form.getByRole('textbox', { name: 'Acronym' }).fill('QTR');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Qendra Test Rinore (QTR)' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Qendra Test Rinore (QTR)' }).waitFor();
    expect(await page.getByText('Added in this browser').count()).toBe(1);
    expect(app.externalRequests()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

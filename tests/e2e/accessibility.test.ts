// axe in the real browser: no serious or critical violation, on load, after a search and with
// an area selected; the keyboard reaches the search first.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './browser.ts';

async function seriousViolations(app: OpenedApp): Promise<string[]> {
  const results = await new AxeBuilder({ page: app.page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(' | ')})`,
    );
}

describe('accessibility of the built dashboard', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/');
    await app.page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('has no serious or critical axe violation on load', async () => {
    expect(await seriousViolations(app)).toEqual([]);
  });

  it('has none with search results open', async () => {
    await app.page.getByLabel(/find an organisation, municipality/i).fill('pogradec');
    await app.page.getByRole('list', { name: 'Search results' }).waitFor();
    expect(await seriousViolations(app)).toEqual([]);
    await app.page.getByLabel(/find an organisation, municipality/i).fill('');
  });

  it('has none with a municipality selected and the charts focused on its county', async () => {
    await app.page.goto(new URL('/?sel=m%3AAL212', app.origin).href);
    await app.page.getByRole('region', { name: /^Cërrik: municipality details/ }).waitFor();
    expect(await seriousViolations(app)).toEqual([]);
  });

  it('has none in the gap explanation, overlap, compare and planner views', async () => {
    await app.page.goto(new URL('/?cmp=m%3AAL111%2Cc%3AAL011', app.origin).href);
    await app.page.getByText(/^Why is Bulqizë number 1\?$/).click();
    await app.page.getByRole('table', { name: /inputs of the gap score of Bulqizë/i }).waitFor();
    expect(await seriousViolations(app)).toEqual([]);
    for (const tab of ['Overlap', 'Compare', 'Plans']) {
      await app.page.getByRole('tab', { name: tab }).click();
      await app.page.locator(`#tabpanel-${tab.toLowerCase()}`).waitFor();
      expect(await seriousViolations(app), tab).toEqual([]);
    }
  });

  it('has none in the Data panel: import preview, problems and the organisation form', async () => {
    await app.page.goto(new URL('/?tab=data', app.origin).href);
    await app.page.getByTestId('import-file').setInputFiles({
      name: 'partner.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Organisation;Bashkia\nQendra;Kukuesh\nCenter for Youth Progress;Has\n'),
    });
    const preview = app.page.getByRole('region', { name: 'Preview of partner.csv' });
    await preview.getByRole('button', { name: 'The columns are read right' }).click();
    await preview.getByRole('region', { name: 'Errors' }).waitFor();
    expect(await seriousViolations(app), 'import preview').toEqual([]);
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await app.page.getByRole('button', { name: 'Add an organisation' }).click();
    await app.page.getByRole('button', { name: 'Add organisation' }).click();
    await app.page.getByRole('form', { name: 'Add an organisation' }).getByRole('alert').waitFor();
    expect(await seriousViolations(app), 'organisation form with errors').toEqual([]);
  });

  it('lets a keyboard user reach the search first', async () => {
    await app.page.goto(new URL('/', app.origin).href);
    await app.page.getByRole('tab', { name: 'Gaps' }).waitFor();
    await app.page.keyboard.press('Tab');
    const label = await app.page.evaluate(() => {
      const active = document.activeElement;
      return active instanceof HTMLInputElement ? (active.labels?.[0]?.textContent ?? '') : '';
    });
    expect(label).toMatch(/^Find an organisation, municipality/);
  });
});

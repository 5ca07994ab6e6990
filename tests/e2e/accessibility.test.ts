// axe in the real browser: no serious or critical violation, before and after a search.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './browser.ts';

async function seriousViolations(app: OpenedApp): Promise<string[]> {
  const results = await new AxeBuilder({ page: app.page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`);
}

describe('accessibility of the built app shell', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/');
    await app.page.getByRole('table', { name: 'Organisations' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('has no serious or critical axe violation on load', async () => {
    expect(await seriousViolations(app)).toEqual([]);
  });

  it('has none after a search either', async () => {
    await app.page.getByLabel(/search organisations, municipalities/i).fill('pogradec');
    expect(await seriousViolations(app)).toEqual([]);
  });

  it('lets a keyboard user reach the search first', async () => {
    await app.page.reload();
    await app.page.getByRole('table', { name: 'Organisations' }).waitFor();
    await app.page.keyboard.press('Tab');
    const focused = await app.page.evaluate(() => document.activeElement?.id);
    expect(focused).toBe('search');
  });
});

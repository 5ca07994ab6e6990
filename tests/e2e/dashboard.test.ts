// The dashboard in a real browser: filters, panels, charts and the URL move together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './browser.ts';

async function waitForMap(app: OpenedApp): Promise<void> {
  await app.page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
}

describe('dashboard at projector size (1280×720)', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/', { viewport: { width: 1280, height: 720 } });
    await waitForMap(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the gaps ranking with the most underserved hotspot first', async () => {
    const first = app.page
      .getByRole('list', { name: 'Municipalities ranked by gap' })
      .getByRole('button')
      .first();
    await expect.poll(() => first.textContent()).toMatch(/^1\s*Bulqizë/);
  });

  it('changes map, panels and charts together when a filter changes', async () => {
    const page = app.page;
    const chartsText = () => page.getByRole('region', { name: 'Charts' }).textContent();
    const chartsBefore = await chartsText();
    const mapCanvas = page.locator('canvas.maplibregl-canvas');
    const mapBefore = await mapCanvas.screenshot();
    await page.locator('.filters-bar summary', { hasText: 'Activity types' }).click();
    await page
      .getByRole('checkbox', { name: 'Local security councils and municipal mechanisms' })
      .check();
    // Annex I rows 1, 19, 23, 44 and 48.
    await expect
      .poll(() => page.locator('.filter-summary').textContent())
      .toMatch(/^5 of 55 organisations/);
    // The charts, far below the fold, wait (and say so) until they come near, then catch up.
    const chartsHold = page.locator('.charts-region');
    await expect.poll(() => chartsHold.getAttribute('aria-busy')).toBe('true');
    expect(await chartsText()).toBe(chartsBefore);
    await page.getByRole('region', { name: 'Charts' }).scrollIntoViewIfNeeded();
    await expect.poll(chartsText).not.toBe(chartsBefore);
    expect(await chartsHold.getAttribute('aria-busy')).toBeNull();
    await page.evaluate(() => window.scrollTo(0, 0));
    // The map redraws: counties without council work lose their shading.
    await expect
      .poll(async () => (await mapCanvas.screenshot()).equals(mapBefore), { timeout: 10_000 })
      .toBe(false);
    await expect.poll(() => page.url()).toContain('act=security-councils');
    // The gaps ranking follows the filter: Cërrik keeps 3 of its 6 organisations (rows 19, 23, 44).
    const cerrik = page.locator('.gap-item', { hasText: 'Cërrik' });
    await expect.poll(() => cerrik.locator('.gap-counts').textContent()).toMatch(/^3 local/);
    await page
      .getByRole('checkbox', { name: 'Local security councils and municipal mechanisms' })
      .uncheck();
    await page.keyboard.press('Escape');
  });

  it('restores the view from a copied link', async () => {
    const link = '/?act=training&sel=m%3AAL132&tab=area';
    const copy = await openApp(link, { viewport: { width: 1280, height: 720 } });
    try {
      await waitForMap(copy);
      const panel = copy.page.getByRole('region', { name: /^Kukës: municipality details/ });
      await panel.waitFor();
      await expect
        .poll(() => copy.page.locator('.filter-summary').textContent())
        .toMatch(/^\d+ of 55/);
      expect(await copy.page.getByRole('tab', { name: 'Area' }).getAttribute('aria-selected')).toBe(
        'true',
      );
      expect(copy.externalRequests()).toEqual([]);
      expect(copy.consoleErrors).toEqual([]);
    } finally {
      await copy.close();
    }
  });

  it('lets a keyboard user reach the panels and select an area from a list', async () => {
    const page = app.page;
    const areaTab = page.getByRole('tab', { name: 'Area' });
    await page.getByRole('tab', { name: 'Compare' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => areaTab.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Area');
    // The area list: open Elbasan county, choose Cërrik with the keyboard.
    const summary = page.locator('.area-picker summary', { hasText: 'Elbasan' });
    await summary.focus();
    await page.keyboard.press('Enter');
    const cerrik = page
      .locator('.area-picker')
      .getByRole('button', { name: 'Cërrik', exact: true });
    await cerrik.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: /^Cërrik: municipality details/ });
    await panel.waitFor();
    expect(
      await panel.getByRole('heading', { name: 'Organisations naming Cërrik (6)' }).count(),
    ).toBe(1);
  });

  it('fits the projector width, stays quiet and offline', async () => {
    const overflow = await app.page.evaluate(
      () => document.documentElement.scrollWidth - innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(app.consoleErrors).toEqual([]);
    expect(app.externalRequests()).toEqual([]);
  });
});

describe('dashboard on a phone-sized screen (390×844)', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/', { viewport: { width: 390, height: 844 } });
    await waitForMap(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('draws the map and the panels without scrolling sideways', async () => {
    expect(await app.page.getByRole('tab', { name: 'Gaps' }).isVisible()).toBe(true);
    const overflow = await app.page.evaluate(
      () => document.documentElement.scrollWidth - innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

// What a coordinator sees in the built app: the dataset, search, credits, at both screen sizes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './browser.ts';

describe('the built app shell, at projector size (1280×720)', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/', { viewport: { width: 1280, height: 720 } });
    await app.page.getByRole('table', { name: 'Organisations' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the 55 organisations and 61 municipalities', async () => {
    const organisations = app.page
      .getByRole('table', { name: 'Organisations' })
      .locator('tbody tr');
    const municipalities = app.page
      .getByRole('table', { name: 'Municipalities' })
      .locator('tbody tr');
    expect(await organisations.count()).toBe(55);
    expect(await municipalities.count()).toBe(61);
  });

  it('finds Kukës when a user types "kukesi", with the organisations working there', async () => {
    await app.page.getByLabel(/search organisations, municipalities/i).fill('kukesi');
    const municipalities = app.page
      .getByRole('table', { name: 'Municipalities' })
      .locator('tbody th');
    expect(await municipalities.allTextContents()).toEqual(['Kukës']);
    const organisations = app.page
      .getByRole('table', { name: 'Organisations' })
      .locator('tbody th');
    expect(await organisations.count()).toBe(5);
    await app.page.getByLabel(/search organisations, municipalities/i).fill('');
  });

  it('credits GeoNames and Natural Earth', async () => {
    const footer = app.page.getByRole('contentinfo');
    await expect.poll(() => footer.textContent()).toMatch(/GeoNames/);
    expect(await footer.textContent()).toMatch(/Natural Earth/);
  });

  it('ships a Content-Security-Policy that keeps the app on its own origin', async () => {
    const policy = await app.page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
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

describe('the built app shell, on a phone-sized screen (390×844)', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/', { viewport: { width: 390, height: 844 } });
    await app.page.getByRole('table', { name: 'Organisations' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('does not scroll the page sideways; wide tables scroll inside themselves', async () => {
    const overflow = await app.page.evaluate(
      () => document.documentElement.scrollWidth - innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

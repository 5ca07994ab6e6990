// The built app opens in a real browser, cleanly and offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './browser.ts';

describe('built app smoke', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/', { waitUntil: 'networkidle' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('serves the page with HTTP 200', () => {
    expect(app.response?.status()).toBe(200);
  });

  it('has "Harta" in the document title', async () => {
    expect(await app.page.title()).toContain('Harta');
  });

  it('logs no console errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });

  it('requests nothing outside the preview server', () => {
    expect(app.requests.length).toBeGreaterThan(0);
    expect(app.externalRequests()).toEqual([]);
  });
});

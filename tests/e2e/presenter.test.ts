// Presenter mode in a real browser: opened by the URL, a story stepped with the keys a
// presentation clicker sends, left with Esc; offline and without console errors.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './browser.ts';

describe('presenter mode at projector size (1280×720)', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/?present=1', { viewport: { width: 1280, height: 720 } });
    await app.page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  const presentAttribute = () =>
    app.page.evaluate(() => document.documentElement.dataset.present ?? null);
  const position = () => app.page.locator('.presenter-position').textContent();
  const panelText = () => app.page.locator('.side-panel').textContent();

  it('opens from ?present=1 with the page marked as presenting and the controls hidden', async () => {
    await expect.poll(presentAttribute).toBe('true');
    await expect.poll(position).toMatch(/^View 1 of 4: The hotspots/);
    expect(await app.page.locator('.filters-bar').isVisible()).toBe(false);
    expect(await app.page.getByRole('list', { name: 'Map legend' }).isVisible()).toBe(true);
    expect(app.page.url()).toContain('hot=1');
    // The type is about 1.25× the ordinary size.
    const rootSize = await app.page.evaluate(() =>
      Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
    );
    expect(rootSize).toBe(20);
  });

  const axeViolations = async () =>
    (await new AxeBuilder({ page: app.page }).analyze()).violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`,
    );

  it('has no accessibility violations while presenting (first view)', async () => {
    expect(await axeViolations()).toEqual([]);
  });

  it('steps through three views with ArrowRight and PageDown, URL and panel following', async () => {
    const page = app.page;
    // Focus on the page, not on a control, as after a click on the map.
    await page.locator('body').click({ position: { x: 5, y: 5 } });

    const steps: { key: string; view: RegExp; url: RegExp; panel: RegExp }[] = [
      {
        key: 'ArrowRight',
        view: /^View 2 of 4: Where the gaps are: Bulqizë/,
        url: /sel=m%3AAL111/,
        panel: /Bulqizë/,
      },
      {
        key: 'PageDown',
        view: /^View 3 of 4: Who works where/,
        url: /sel=c%3AAL\d+/,
        panel: /county/i,
      },
      { key: 'ArrowRight', view: /^View 4 of 4: Overlaps/, url: /tab=overlap/, panel: /overlap/i },
    ];
    let previousUrl = page.url();
    let previousPanel = await panelText();
    for (const step of steps) {
      await page.keyboard.press(step.key);
      await expect.poll(position).toMatch(step.view);
      await expect.poll(() => page.url()).toMatch(step.url);
      await expect.poll(panelText).toMatch(step.panel);
      expect(page.url()).not.toBe(previousUrl);
      expect(await panelText()).not.toBe(previousPanel);
      expect(page.url()).toContain('present=1');
      // Every view, the Overlap panel's included, is axe clean.
      expect(await axeViolations(), step.key).toEqual([]);
      previousUrl = page.url();
      previousPanel = await panelText();
    }
    expect(page.url()).not.toContain('hot=1');
  });

  it('leaves with Esc: the attribute goes and the controls come back', async () => {
    await app.page.keyboard.press('Escape');
    await expect.poll(presentAttribute).toBe(null);
    await expect.poll(() => app.page.locator('.presenter-bar').count()).toBe(0);
    expect(await app.page.locator('.filters-bar').isVisible()).toBe(true);
    expect(app.page.url()).not.toContain('present=1');
  });

  it('comes back through the Present button', async () => {
    await app.page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(presentAttribute).toBe('true');
    await expect.poll(position).toMatch(/^View 1 of 4/);
    await app.page.getByRole('button', { name: 'Leave (Esc)' }).click();
    await expect.poll(presentAttribute).toBe(null);
  });

  it("draws the legend (and the map) in presenter mode's darker palette, and back", async () => {
    // The gap ramp's darkest stop: #800026 in presenter mode, #bd0026 otherwise.
    const legend = () => app.page.getByRole('list', { name: 'Map legend' }).innerHTML();
    await app.page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(legend).toMatch(/#800026|rgb\(128, 0, 38\)/);
    await app.page.keyboard.press('Escape');
    await expect.poll(legend).toMatch(/#bd0026|rgb\(189, 0, 38\)/);
    expect(await legend()).not.toMatch(/#800026|rgb\(128, 0, 38\)/);
  });

  it('requested nothing outside the preview server and logged no errors', () => {
    expect(app.externalRequests()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

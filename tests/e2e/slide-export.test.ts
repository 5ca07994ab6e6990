// Images for slides, in the built app in headless Chromium (WebGL through SwiftShader): the
// "Image for slides" buttons download PNGs of exactly 1920×1080 and 3840×2160 that are not blank
// (the map's sea and county shading are there, and so are the white title and legend areas drawn
// around it), and a chart downloads as valid SVG with its title and as a 2× PNG.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../src/domain/gazetteer-schema';
import { COUNTY_RAMP, SEA_COLOUR } from '../../src/domain/map-palette';
import { openApp, type OpenedApp } from './browser.ts';

const gazetteer = JSON.parse(
  readFileSync(new URL('../../geo/gazetteer.json', import.meta.url), 'utf8'),
) as Gazetteer;

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = bytes.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes the PNG in the page and counts its colours, and how many pixels are near `colours`. */
async function colourSummary(page: Page, bytes: Buffer, colours: string[]) {
  return page.evaluate(
    async ({ base64, wanted }) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no 2D context');
      context.drawImage(bitmap, 0, 0);
      const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const targets = wanted.map((hex) => {
        const value = Number.parseInt(hex.slice(1), 16);
        return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
      });
      const near = targets.map(() => 0);
      const distinct = new Set<number>();
      let white = 0;
      for (let index = 0; index < pixels.length; index += 4) {
        const r = pixels[index] ?? 0;
        const g = pixels[index + 1] ?? 0;
        const b = pixels[index + 2] ?? 0;
        distinct.add((r << 16) | (g << 8) | b);
        if (r === 255 && g === 255 && b === 255) white += 1;
        targets.forEach(([tr = 0, tg = 0, tb = 0], target) => {
          if (Math.abs(r - tr) <= 3 && Math.abs(g - tg) <= 3 && Math.abs(b - tb) <= 3) {
            near[target] = (near[target] ?? 0) + 1;
          }
        });
      }
      return { colours: distinct.size, whiteShare: white / (pixels.length / 4), near };
    },
    { base64: bytes.toString('base64'), wanted: colours },
  );
}

async function exportSlide(app: OpenedApp, name: string): Promise<{ bytes: Buffer; ms: number }> {
  // The slide buttons sit in the Export menu of the filters bar.
  const menu = app.page.locator('details.export-menu');
  if (!(await menu.evaluate((details) => (details as HTMLDetailsElement).open))) {
    await menu.locator('summary').click();
  }
  const started = Date.now();
  const [download] = await Promise.all([
    app.page.waitForEvent('download', { timeout: 60_000 }),
    app.page.getByRole('button', { name, exact: true }).click(),
  ]);
  const ms = Date.now() - started;
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^harta-map-al-\\d{4}-\\d\\d-\\d\\d-${name.replace('×', 'x')}\\.png$`),
  );
  const path = await download.path();
  return { bytes: readFileSync(path), ms };
}

describe('map image for slides (1280×720 window)', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/?e2e=1', { viewport: { width: 1280, height: 720 } });
    await app.page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  const mapColours = [
    SEA_COLOUR,
    COUNTY_RAMP[COUNTY_RAMP.length - 1]?.colour ?? '',
    COUNTY_RAMP[0]?.colour ?? '',
  ];

  it('downloads a 1920×1080 PNG with the map, title and legend drawn on it', async () => {
    const { bytes, ms } = await exportSlide(app, '1920×1080');
    console.log(`1920×1080 slide: ${ms} ms, ${bytes.length} bytes`);
    expect(pngSize(bytes)).toEqual({ width: 1920, height: 1080 });
    const summary = await colourSummary(app.page, bytes, mapColours);
    // Map, ramps and antialiased text give thousands of colours; a blank or failed map would not.
    expect(summary.colours).toBeGreaterThan(500);
    // White title band, legend panel and footer, but not everything.
    expect(summary.whiteShare).toBeGreaterThan(0.15);
    expect(summary.whiteShare).toBeLessThan(0.7);
    // Sea, the darkest and the lightest county shade, each over a visible area.
    for (const count of summary.near) expect(count).toBeGreaterThan(2_000);
    await expect
      .poll(() => app.page.getByRole('status').filter({ hasText: 'Saved harta-map' }).count())
      .toBeGreaterThan(0);
  });

  it('downloads the same slide at 2×: 3840×2160', async () => {
    const { bytes, ms } = await exportSlide(app, '3840×2160');
    console.log(`3840×2160 slide: ${ms} ms, ${bytes.length} bytes`);
    expect(pngSize(bytes)).toEqual({ width: 3840, height: 2160 });
    const summary = await colourSummary(app.page, bytes, mapColours);
    expect(summary.colours).toBeGreaterThan(500);
    for (const count of summary.near) expect(count).toBeGreaterThan(8_000);
  });

  it('downloads a chart as valid SVG with its title, and as a PNG at 2×', async () => {
    const figure = app.page.getByRole('figure', { name: 'Organisations per county' });
    await figure.scrollIntoViewIfNeeded();
    const [svgDownload] = await Promise.all([
      app.page.waitForEvent('download'),
      figure.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toBe('harta-chart-organisations-per-county.svg');
    const svg = readFileSync(await svgDownload.path()).toString('utf8');
    const parsed = await app.page.evaluate((text) => {
      const file = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: file.querySelector('parsererror')?.textContent ?? null,
        root: file.documentElement.localName,
        width: Number(file.documentElement.getAttribute('width')),
        height: Number(file.documentElement.getAttribute('height')),
        texts: [...file.querySelectorAll('text')].map((node) => node.textContent),
        bars: file.querySelectorAll('.recharts-bar-rectangle').length,
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.texts[0]).toBe('Organisations per county');
    expect(parsed.texts.some((text) => text?.startsWith('Sources: '))).toBe(true);
    expect(parsed.bars).toBeGreaterThan(5);

    const [pngDownload] = await Promise.all([
      app.page.waitForEvent('download'),
      figure.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(pngDownload.suggestedFilename()).toBe('harta-chart-organisations-per-county.png');
    const png = readFileSync(await pngDownload.path());
    expect(pngSize(png)).toEqual({
      width: Math.round(parsed.width * 2),
      height: Math.round(parsed.height * 2),
    });
    const summary = await colourSummary(app.page, png, []);
    expect(summary.colours).toBeGreaterThan(20);
    expect(summary.whiteShare).toBeGreaterThan(0.3);
  });

  it('left no off-screen map behind, made no request outside the app and logged no error', async () => {
    expect(await app.page.locator('[data-map-export]').count()).toBe(0);
    expect(app.externalRequests()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('printable report (?print=)', () => {
  let app: OpenedApp;

  afterAll(async () => {
    await app?.close();
  });

  it('prints the country as a summary page and one page per county, each breaking after', async () => {
    app = await openApp('/?print=country', { viewport: { width: 1280, height: 720 } });
    const page = app.page;
    await page.locator('.print-report').waitFor({ timeout: 30_000 });
    const pages = page.locator('section.print-page');
    expect(await pages.count()).toBe(1 + gazetteer.counties.length);
    const headings = await pages.locator('h2').allTextContents();
    for (const county of gazetteer.counties) {
      expect(headings.some((heading) => heading.startsWith(`${county.name} (qark)`))).toBe(true);
    }
    await expect
      .poll(() => page.getByRole('region', { name: 'Sources' }).textContent())
      .toContain('Center for Legal Civic Initiatives');
    // No map or dashboard on the report page.
    expect(await page.locator('canvas').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => ({
      breakAfter: getComputedStyle(document.querySelector('section.print-page') as Element)
        .breakAfter,
      screenOnly: getComputedStyle(document.querySelector('.print-screen-only') as Element).display,
    }));
    expect(layout).toEqual({ breakAfter: 'page', screenOnly: 'none' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(app.externalRequests()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('prints one municipality: ?print=m:AL212 is Cërrik', async () => {
    await app.page.emulateMedia({ media: 'screen' });
    await app.page.goto(`${app.origin}/?print=m:AL212`);
    await app.page.locator('.print-report').waitFor({ timeout: 30_000 });
    expect(await app.page.locator('section.print-page').count()).toBe(1);
    await expect
      .poll(() => app.page.getByRole('heading', { level: 1 }).textContent())
      .toBe('P/CVE organisations in Cërrik (bashki)');
    expect(app.externalRequests()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

// The real MapLibre map in the built app, in headless Chromium (WebGL through SwiftShader):
// it draws (pixels, not just a canvas element), stays on the app's origin, labels with the
// bundled font, turns a click on Cërrik's circle into a selection, and reports how long it took
// from navigation to the first idle map.
//
// Test hook: when the page URL has `e2e=1`, the map adapter (src/map/maplibre-adapter.ts) sets
// `window.__hartaMapTestHook = { project([lon, lat]) → [x, y] }`, the pixel position of a place
// relative to the map canvas. Without `e2e=1` nothing is exposed.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../src/domain/gazetteer-schema';
import { serializePlansJson } from '../../src/domain/plan-file';
import {
  COUNTY_RAMP,
  EMPHASIS,
  NEIGHBOUR_FILL,
  PLANNED,
  SEA_COLOUR,
} from '../../src/domain/map-palette';
import { planStorageKey } from '../../src/io/plan-storage';
import type { HartaMapTestHook } from '../../src/map/maplibre-adapter';
import { boundaryFile } from '../unit/fixtures/boundary-fixture';
import { makePlan } from '../unit/fixtures/plan-fixture';
import { openApp, type OpenedApp } from './browser.ts';

const gazetteer = JSON.parse(
  readFileSync(new URL('../../geo/gazetteer.json', import.meta.url), 'utf8'),
) as Gazetteer;
const cerrik = gazetteer.municipalities.find((municipality) => municipality.id === 'AL212');

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

interface Pixels {
  width: number;
  height: number;
  /** Colour (as `r,g,b`) → number of pixels. */
  histogram: Map<string, number>;
}

/**
 * Screenshots the map canvas (as the compositor shows it: WebGL's drawing buffer is not kept, so
 * it cannot be read back from the page) and decodes the PNG in the page, which has the codecs.
 */
async function canvasPixels(
  page: Page,
  clip?: { x: number; y: number; width: number; height: number },
): Promise<Pixels> {
  const canvas = page.locator('canvas.maplibregl-canvas');
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the map canvas is not laid out');
  const png = await page.screenshot({
    clip: clip ? { ...clip, x: box.x + clip.x, y: box.y + clip.y } : box,
  });
  const decoded = await page.evaluate(async (base64: string) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const scratch = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = scratch.getContext('2d');
    if (context === null) throw new Error('no 2D context');
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const counts: Record<string, number> = {};
    for (let index = 0; index < data.length; index += 4) {
      const key = `${data[index]},${data[index + 1]},${data[index + 2]}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return { width: bitmap.width, height: bitmap.height, counts };
  }, png.toString('base64'));
  return {
    width: decoded.width,
    height: decoded.height,
    histogram: new Map(Object.entries(decoded.counts)),
  };
}

/** Pixels within `tolerance` (per channel) of `colour`. */
function pixelsNear(pixels: Pixels, colour: Rgb, tolerance = 3): number {
  let total = 0;
  for (const [key, count] of pixels.histogram) {
    const [r = 0, g = 0, b = 0] = key.split(',').map(Number);
    if (
      Math.abs(r - colour[0]) <= tolerance &&
      Math.abs(g - colour[1]) <= tolerance &&
      Math.abs(b - colour[2]) <= tolerance
    ) {
      total += count;
    }
  }
  return total;
}

/** Pixels of the map canvas (or of `clip` in it) exactly `colour` (a #rrggbb string). */
async function exactPixels(
  page: Page,
  colour: string,
  clip?: { x: number; y: number; width: number; height: number },
): Promise<number> {
  return pixelsNear(await canvasPixels(page, clip), hexToRgb(colour), 0);
}

/** Opens the app at `path` at 1280×720, once its map is idle. */
async function openMap(path: string): Promise<OpenedApp> {
  const opened = await openApp(path, { viewport: { width: 1280, height: 720 } });
  await opened.page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
  return opened;
}

async function testHookProject(page: Page, lonLat: [number, number]): Promise<[number, number]> {
  return page.evaluate((position) => {
    const hook = (window as { __hartaMapTestHook?: HartaMapTestHook }).__hartaMapTestHook;
    if (hook === undefined) throw new Error('window.__hartaMapTestHook is missing (no e2e=1?)');
    return hook.project(position);
  }, lonLat);
}

describe('the map in the built app (1280×720)', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openMap('/?e2e=1');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('measures navigation → first idle map', async () => {
    const idleAt = await app.page.evaluate(
      () => performance.getEntriesByName('harta:map-idle')[0]?.startTime ?? null,
    );
    expect(idleAt).not.toBeNull();
    console.log(`navigation → harta:map-idle: ${Math.round(idleAt ?? 0)} ms`);
  });

  it('draws the map: many colours, none filling the canvas, county shading present', async () => {
    const pixels = await canvasPixels(app.page);
    const total = pixels.width * pixels.height;
    const largestShare = Math.max(...pixels.histogram.values()) / total;
    expect(pixels.histogram.size).toBeGreaterThan(50);
    expect(largestShare).toBeLessThan(0.6);
    // The county at the maximum is drawn in the darkest ramp colour, counties with nobody in the
    // lightest (under the default filters some have none); sea and neighbours around them.
    const darkest = COUNTY_RAMP[COUNTY_RAMP.length - 1]?.colour ?? '';
    const lightest = COUNTY_RAMP[0]?.colour ?? '';
    expect(pixelsNear(pixels, hexToRgb(darkest))).toBeGreaterThan(200);
    expect(pixelsNear(pixels, hexToRgb(lightest))).toBeGreaterThan(200);
    expect(pixelsNear(pixels, hexToRgb(SEA_COLOUR))).toBeGreaterThan(200);
    expect(pixelsNear(pixels, hexToRgb(NEIGHBOUR_FILL))).toBeGreaterThan(200);
  });

  it('outlines a selected county in black, and nothing when none is selected', async () => {
    // County outlines have a source of their own (SOURCE.countyOutlines): the emphasis must
    // reach it. Nothing else on the map is pure black.
    expect(await exactPixels(app.page, EMPHASIS)).toBe(0);
    const selected = await openMap('/?e2e=1&sel=c%3AAL021');
    try {
      await expect.poll(() => exactPixels(selected.page, EMPHASIS)).toBeGreaterThan(100);
    } finally {
      await selected.close();
    }
  });

  it('switches the county outline on for a selection made after the map drew, and off again', async () => {
    // With nothing emphasised the adapter switches the emphasis outlines off as a whole
    // (CONDITIONAL_OUTLINES); a selection arriving later must switch them back on.
    const page = app.page;
    const black = () => exactPixels(page, EMPHASIS);
    expect(await black()).toBe(0);
    await page.evaluate(() => {
      window.history.pushState(null, '', '/?e2e=1&sel=c%3AAL021');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect.poll(black).toBeGreaterThan(100);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBeNull();
    await expect.poll(black).toBe(0);
  });

  it('draws the dashed planned outline of a county a saved plan names, and none without plans', async () => {
    // county-planned is switched off while no county is planned (CONDITIONAL_OUTLINES). Only a
    // dashed 2.5 px line's core is the exact colour: 72 pixels for Elbasan at this size.
    expect(await exactPixels(app.page, PLANNED)).toBe(0);
    const withPlan = await openMap('/?e2e=1');
    try {
      const plans = serializePlansJson(
        [makePlan({ id: 'plan-1', area: { level: 'county', id: 'AL021' } })],
        { countryCode: 'AL' },
      );
      await withPlan.page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [
        planStorageKey('AL'),
        plans,
      ] as const);
      await withPlan.page.reload();
      await withPlan.page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
      await expect.poll(() => exactPixels(withPlan.page, PLANNED)).toBeGreaterThan(30);
    } finally {
      await withPlan.close();
    }
  });

  it('labels the map with the bundled font, fetched from the app itself', () => {
    const fonts = app.requests.filter((request) =>
      /noto-sans-latin-\d+-normal.*\.woff2$/.test(request.url),
    );
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(new URL(font.url).origin).toBe(app.origin);
  });

  it('names the map for assistive technology', async () => {
    await expect
      .poll(() =>
        app.page
          .getByRole('region', { name: 'Map of Albania: counties and municipalities' })
          .count(),
      )
      .toBe(1);
  });

  it('selects Cërrik when its circle is clicked: URL, area panel and emphasis on the map', async () => {
    if (cerrik === undefined) throw new Error('AL212 (Cërrik) is not in geo/gazetteer.json');
    const [x, y] = await testHookProject(app.page, cerrik.seat.lonLat);
    const around = { x: Math.round(x) - 30, y: Math.round(y) - 30, width: 60, height: 60 };
    expect(await exactPixels(app.page, EMPHASIS, around)).toBe(0);

    const canvas = app.page.locator('canvas.maplibregl-canvas');
    await canvas.hover({ position: { x, y } });
    await expect
      .poll(() => canvas.evaluate((element) => (element as HTMLElement).style.cursor))
      .toBe('pointer');
    await canvas.click({ position: { x, y } });

    await expect
      .poll(() => decodeURIComponent(new URL(app.page.url()).search))
      .toContain('sel=m:AL212');
    await app.page.getByRole('region', { name: /^Cërrik/ }).waitFor({ timeout: 5_000 });
    // The selected circle gets a black halo (nothing else on the map is pure black).
    await expect.poll(() => exactPixels(app.page, EMPHASIS, around)).toBeGreaterThan(20);
  });

  it('reports a drag as a new view in the URL, and "Reset view" returns to the whole country', async () => {
    const canvas = app.page.locator('canvas.maplibregl-canvas');
    const box = await canvas.boundingBox();
    if (box === null) throw new Error('the map canvas is not laid out');
    const before = await testHookProject(app.page, cerrik?.seat.lonLat ?? [20, 41]);
    // Drag on the sea near the left edge, so no click selects anything.
    const start = { x: box.x + 30, y: box.y + box.height - 40 };
    await app.page.mouse.move(start.x, start.y);
    await app.page.mouse.down();
    await app.page.mouse.move(start.x + 60, start.y - 20, { steps: 8 });
    await app.page.mouse.up();
    await expect.poll(() => new URL(app.page.url()).searchParams.get('view')).not.toBeNull();

    await app.page.getByRole('button', { name: 'Reset view' }).click();
    await expect
      .poll(async () => {
        const after = await testHookProject(app.page, cerrik?.seat.lonLat ?? [20, 41]);
        return Math.hypot(after[0] - before[0], after[1] - before[1]);
      })
      .toBeLessThan(2);
  });

  it('follows Back: the map returns to the view of the previous history entry', async () => {
    const page = app.page;
    const canvas = page.locator('canvas.maplibregl-canvas');
    const box = await canvas.boundingBox();
    if (box === null) throw new Error('the map canvas is not laid out');
    const seat = cerrik?.seat.lonLat ?? [20, 41];
    const home = await testHookProject(page, seat);
    // A selection adds a history entry; the drag then changes that entry's view.
    await page.getByLabel(/find an organisation, municipality/i).fill('Pogradec');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe('m:AL345');
    const start = { x: box.x + 30, y: box.y + box.height - 40 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 80, start.y - 30, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).not.toBeNull();
    const moved = await testHookProject(page, seat);
    expect(Math.hypot(moved[0] - home[0], moved[1] - home[1])).toBeGreaterThan(20);

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).not.toBe('m:AL345');
    await expect
      .poll(async () => {
        const after = await testHookProject(page, seat);
        return Math.hypot(after[0] - home[0], after[1] - home[1]);
      })
      .toBeLessThan(2);
  });

  it('made no request outside the app and logged no error', () => {
    expect(app.externalRequests()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

async function renderedMunicipalities(page: Page, as: 'areas' | 'symbols'): Promise<string[]> {
  return page.evaluate((kind) => {
    const hook = (window as { __hartaMapTestHook?: HartaMapTestHook }).__hartaMapTestHook;
    if (hook === undefined) throw new Error('window.__hartaMapTestHook is missing (no e2e=1?)');
    return hook.renderedMunicipalities(kind);
  }, as);
}

describe('municipal boundaries loaded from a file (1280×720)', () => {
  // SYNTHETIC boundaries made from geo/ at test time (tests/unit/fixtures/boundary-fixture.ts),
  // plus one extra feature whose name is an HTML payload.
  const HOSTILE = '<img src=x onerror="window.__hartaBoundaryXss = 1">';
  const file = boundaryFile((municipality) => ({
    shapeName: municipality.name,
    shapeType: 'ADM2',
  }));
  const cerrikArea = file.features.find((feature) => feature.properties?.shapeName === 'Cërrik');
  if (cerrikArea) file.features.push({ ...cerrikArea, properties: { shapeName: HOSTILE } });
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openMap('/?e2e=1');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shades the file’s municipalities instead of their symbols, selects by area, keeps them across a reload, and removes them', async () => {
    const page = app.page;
    if (cerrik === undefined) throw new Error('AL212 (Cërrik) is not in geo/gazetteer.json');
    expect(await renderedMunicipalities(page, 'areas')).toEqual([]);
    expect((await renderedMunicipalities(page, 'symbols')).length).toBeGreaterThan(50);

    await page.getByRole('tab', { name: /Data/ }).click();
    await page.getByTestId('boundary-import-file').setInputFiles({
      name: 'bashki-test.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    const preview = page.getByRole('region', { name: 'Preview of bashki-test.geojson' });
    await preview.waitFor({ timeout: 10_000 });
    // The payload is a table cell's text; nothing ran and no image was made from it.
    await expect
      .poll(() => preview.getByRole('cell', { name: HOSTILE, exact: true }).count())
      .toBe(1);
    expect(await preview.locator('img').count()).toBe(0);
    await preview.getByRole('button', { name: 'Apply: shade 61 municipalities' }).click();

    await expect
      .poll(() => renderedMunicipalities(page, 'areas'), { timeout: 10_000 })
      .toHaveLength(61);
    expect(await renderedMunicipalities(page, 'symbols')).toEqual([]);
    await expect
      .poll(() => page.getByRole('list', { name: 'Map legend' }).textContent())
      .toContain('the boundaries from your file “bashki-test.geojson”');

    // A click inside Cërrik's area (its seat lies in its cell) selects the municipality.
    const [x, y] = await testHookProject(page, cerrik.seat.lonLat);
    const canvas = page.locator('canvas.maplibregl-canvas');
    await canvas.click({ position: { x, y } });
    await expect
      .poll(() => decodeURIComponent(new URL(page.url()).search))
      .toContain('sel=m:AL212');
    // The selected area gets the black outline (nothing else on the map is pure black).
    const around = { x: Math.round(x) - 60, y: Math.round(y) - 60, width: 120, height: 120 };
    await expect.poll(() => exactPixels(page, EMPHASIS, around)).toBeGreaterThan(20);

    // Saved in the browser: a reload shades the same areas without loading the file again.
    await page.reload();
    await page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => renderedMunicipalities(page, 'areas'), { timeout: 10_000 })
      .toHaveLength(61);

    await page.getByRole('button', { name: 'Remove boundaries' }).click();
    await expect.poll(() => renderedMunicipalities(page, 'areas')).toEqual([]);
    await expect
      .poll(async () => (await renderedMunicipalities(page, 'symbols')).length)
      .toBeGreaterThan(50);
    // Removing is saved too.
    await page.reload();
    await page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
    expect((await renderedMunicipalities(page, 'symbols')).length).toBeGreaterThan(50);
    expect(await renderedMunicipalities(page, 'areas')).toEqual([]);
    expect(await page.evaluate(() => '__hartaBoundaryXss' in window)).toBe(false);
    expect(app.externalRequests()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('the map test hook', () => {
  it('is not exposed without e2e=1', async () => {
    const app = await openApp('/', { viewport: { width: 1280, height: 720 } });
    try {
      await app.page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
      expect(await app.page.evaluate(() => '__hartaMapTestHook' in window)).toBe(false);
    } finally {
      await app.close();
    }
  });
});

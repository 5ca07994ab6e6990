// `npm run bench`, second half: the figures only a browser can give, measured on the built app in
// headless Chromium (playwright-core, as the e2e tests drive it). It builds the app and a bare
// MapLibre page (tests/bench/bare-map/) into node_modules/.cache/harta-bench/, serves them with
// `vite preview`, measures, merges its figures into tests/bench/results.json (written by
// run-bench.ts just before) and prints them against the budgets. Benchmarks are not tests:
// nothing here fails on time; a missed budget is printed as MISSED.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { parseDataset } from '../../src/domain/parse-dataset';
import type { LocalEdits } from '../../src/domain/local-edits';
import { readDataFiles } from '../../src/io/node-files';
import { createHartaStore } from '../../src/store/harta-store';
import { selectMapModel } from '../../src/store/selectors';
import { launchChromium } from '../e2e/browser';
import { formatReport } from './node-bench-lib';
import { seedEdits } from './seed-edits';
import { syntheticDataset, syntheticSheet } from './synthetic';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, 'node_modules/.cache/harta-bench/app');
const BARE_BASE = '/__bare-map/';
const resultsFile = path.join(root, 'tests/bench/results.json');

/** Fresh page loads per page (app and bare map, alternating), after one warm-up load of each. */
const LOADS = Number(process.env.HARTA_BENCH_LOADS ?? 7);
/**
 * Extra Chromium flags, space-separated, for the browser that draws the map (not the one with
 * WebGL off): on a machine with a GPU, e.g. `--use-angle=vulkan --enable-gpu`, so the filter
 * figures are measured with hardware WebGL instead of SwiftShader. Printed with the results.
 */
const CHROMIUM_ARGS = (process.env.HARTA_BENCH_CHROMIUM_ARGS ?? '').split(/\s+/).filter(Boolean);
/** Which parts to run (comma-separated: load, filters, import); all unless told. */
const PARTS = new Set((process.env.HARTA_BENCH_PARTS ?? 'load,filters,import').split(','));
/** Fresh pages that each choose the 50 000-row sheet (the median is kept). */
const IMPORT_RUNS = 3;
const SYNTHETIC_ROWS = 50_000;
const VIEWPORT = { width: 1280, height: 800 };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

// ---- Data, as the app loads it, and the map model the bare page draws ----------------------

const checked = checkGazetteer(readFileSync(path.join(root, 'geo/gazetteer.json'), 'utf8'));
if (!checked.gazetteer) throw new Error('geo/gazetteer.json does not load');
const gazetteer = checked.gazetteer;
const { dataset } = parseDataset(readDataFiles(root), gazetteer);
const mapModel = selectMapModel(createHartaStore({ gazetteer, dataset }).getState());

// ---- Build ----------------------------------------------------------------------------------

console.log('browser bench: building the app and the bare map page…');
await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
await build({
  configFile: false,
  root: path.join(root, 'tests/bench/bare-map'),
  base: BARE_BASE,
  logLevel: 'warn',
  define: { BARE_MAP_MODEL: JSON.stringify(mapModel) },
  build: {
    outDir: path.join(outDir, BARE_BASE),
    emptyOutDir: true,
    target: 'es2022',
  },
});

// ---- JavaScript needed before first paint ---------------------------------------------------

const gzipKB = (file: string) => gzipSync(readFileSync(file)).length / 1024;

/**
 * The JS index.html loads before first paint: its module scripts and modulepreload links, and
 * recursively their static imports. Every other chunk (dynamic imports, the MapLibre worker)
 * is lazy.
 */
function initialJs(): { initial: Record<string, number>; lazy: Record<string, number> } {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => path.join(outDir, match[1] ?? ''));
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file) || !existsSync(file)) return;
    initial.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import … from"./x.js"` and `import"./x.js"`; `import("./x.js")` is lazy.
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      visit(path.resolve(path.dirname(file), match[1] ?? ''));
    }
  };
  entries.forEach(visit);
  const assets = path.join(outDir, 'assets');
  const all = readdirSync(assets)
    .filter((name) => name.endsWith('.js') || name.endsWith('.mjs'))
    .map((name) => path.join(assets, name));
  const sizes = (files: string[]) =>
    Object.fromEntries(
      files
        .map((file) => [path.relative(outDir, file), round(gzipKB(file))] as const)
        .sort((a, b) => b[1] - a[1]),
    );
  return {
    initial: sizes([...initial]),
    lazy: sizes(all.filter((file) => !initial.has(file))),
  };
}
const js = initialJs();
const initialJsGzipKB = round(Object.values(js.initial).reduce((sum, kb) => sum + kb, 0));

// ---- In the browser -------------------------------------------------------------------------

declare global {
  interface Window {
    __hartaBench?: {
      /** Starts watching: the next click or change is the start of the timed change. */
      arm: () => void;
      /**
       * Resolves with ms from the armed event to the paint of its last DOM change and to the
       * map's idle after it, or null if no event came.
       */
      settled: () => Promise<{ dom: number; map: number } | null>;
    };
  }
}

/**
 * Installed in every page before its scripts. "Settled" is the later of: the paint after the
 * last DOM change (a rAF then a task, once no DOM change has come for 3 frames), and the map's
 * `idle` after its last update (the adapter sets `data-map-pending` while it draws one).
 */
function installSettleProbe(): void {
  let start: number | null = null;
  let painted = 0;
  let mapIdleAt = 0;
  let dirty = false;
  const onStart = () => {
    start ??= performance.now();
  };
  const mapPending = () =>
    document.querySelector<HTMLElement>('[data-map-pending]')?.dataset.mapPending === 'true';
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.attributeName === 'data-map-pending') {
        if (!mapPending()) mapIdleAt = performance.now();
      } else dirty = true;
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__hartaBench = {
    arm: () => {
      start = null;
      window.addEventListener('click', onStart, { capture: true, once: true });
      window.addEventListener('change', onStart, { capture: true, once: true });
    },
    settled: () =>
      new Promise((resolve) => {
        let quiet = 0;
        const deadline = performance.now() + 30_000;
        const frame = () => {
          if (dirty) {
            dirty = false;
            quiet = 0;
            setTimeout(() => {
              painted = performance.now();
            }, 0);
          } else quiet += 1;
          if ((quiet >= 3 && !mapPending()) || performance.now() > deadline) {
            window.removeEventListener('click', onStart, { capture: true });
            window.removeEventListener('change', onStart, { capture: true });
            resolve(
              start === null ? null : { dom: painted - start, map: Math.max(0, mapIdleAt - start) },
            );
          } else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  };
}

const server = await preview({
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
});
const address = server.httpServer.address();
if (address === null || typeof address === 'string') throw new Error('vite preview: no port');
const baseUrl = `http://127.0.0.1:${address.port}`;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: VIEWPORT });
  // tsx compiles with esbuild's keepNames, which wraps functions in `__name(…)`: a helper that
  // exists in node, not in the page the probe and the evaluated functions are copied into.
  await context.addInitScript({
    content: `globalThis.__name = (target) => target; (${installSettleProbe.toString()})();`,
  });
  return context.newPage();
}

/** Navigation start → `harta:map-idle`, in a fresh context (empty cache and storage). */
async function loadToIdle(browser: Browser, url: string): Promise<number> {
  const page = await newPage(browser);
  try {
    await page.goto(url);
    await page.locator('[data-map-idle="true"]').waitFor({ timeout: 60_000 });
    const [create, idle] = await page.evaluate(() =>
      ['harta:map-create', 'harta:map-idle'].map(
        (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN,
      ),
    );
    if (process.env.HARTA_BENCH_VERBOSE) console.log(`  ${url}: create ${create}, idle ${idle}`);
    return idle ?? NaN;
  } finally {
    await page.context().close();
  }
}

interface FilterTimes {
  organisations: number;
  changes: number;
  p95Ms: number;
  medianMs: number;
  maxMs: number;
  /**
   * With `passes` > 1: the last pass through the same changes, once the page has been through
   * the earlier ones (V8 has compiled what they run by then).
   */
  warm?: { changes: number; p95Ms: number; medianMs: number };
}

/** How many passes through the round of changes the warm figure waits for (see `filterTimes`). */
const WARM_PASSES = 4;

/**
 * Opens the app (with `edits` saved first, if any) and times a round of filter changes: activity
 * types on and off, scope, hotspots only; each from its click to settled. In a browser without
 * WebGL the app shows its no-map notice and the rest works: the same round then times Harta's
 * own work (data core, React, layout, paint) with no map drawing at all.
 *
 * The figures are the first pass through the round, as a user meets it just after opening the
 * page (its first two changes not counted). With `passes` > 1 the page goes through the same
 * round again that many times in all, and the last pass is also reported (`warm`): without a
 * GPU, V8's compilers, still optimising the code of a filter change through the first few dozen
 * changes, share the cores with the software rasteriser, and the two figures tell them apart.
 */
async function filterTimes(
  browser: Browser,
  edits: LocalEdits | null,
  { webgl = true, passes = 1 }: { webgl?: boolean; passes?: number } = {},
): Promise<FilterTimes> {
  const page = await newPage(browser);
  try {
    if (edits) {
      // Any page of the origin that does not start the app will do.
      await page.goto('/favicon.svg');
      await seedEdits(page, gazetteer.country.code, edits);
    }
    await page.goto('/');
    await page
      .locator(webgl ? '[data-map-idle="true"]' : '.map-view [role="alert"]')
      .waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    const summary = (await page.locator('.filter-summary').textContent()) ?? '';
    const organisations = Number(
      /([\d,. ]+)\D*$/.exec(summary.replace(/\u00a0/g, ' '))?.[1]?.replace(/\D/g, '') ?? NaN,
    );

    const bar = page.locator('.filters-bar');
    const activityList = bar.locator('details.choice-list').first();
    const activity = (index: number) => activityList.locator('input[type="checkbox"]').nth(index);
    const scope = bar.locator('select:has(option[value="national"])');
    const hotspots = bar.locator('label.inline-field input[type="checkbox"]');
    const openActivities = async () => {
      if ((await activityList.getAttribute('open')) === null)
        await activityList.locator('summary').click();
      await page.evaluate(() => window.__hartaBench?.settled());
    };

    const changes: Array<() => Promise<void>> = [];
    for (let round = 0; round < 2; round += 1) {
      for (let index = 0; index < 4; index += 1) {
        changes.push(
          () => activity(index).click(),
          () => activity(index).click(),
        );
      }
      changes.push(
        () => activity(0).click(),
        () => activity(2).click(),
        () => activity(0).click(),
        () => activity(2).click(),
      );
      for (const value of ['local', 'national', 'all'])
        changes.push(async () => {
          await scope.selectOption(value);
        });
      changes.push(
        () => hotspots.click(),
        () => hotspots.click(),
      );
    }

    const byPass: number[][] = [];
    for (let pass = 0; pass < passes; pass += 1) {
      const times: number[] = [];
      for (const [index, change] of changes.entries()) {
        await openActivities();
        await page.evaluate(() => window.__hartaBench?.arm());
        await change();
        const settled = await page.evaluate(() => window.__hartaBench?.settled() ?? null);
        if (process.env.HARTA_BENCH_VERBOSE)
          console.log(`  pass ${pass} change ${index}:`, settled);
        // The first two of the first pass warm the code paths up; they are not counted.
        if ((pass > 0 || index >= 2) && settled !== null)
          times.push(Math.max(settled.dom, settled.map));
      }
      byPass.push(times);
    }
    const [first = [], last = []] = [byPass[0], byPass[byPass.length - 1]];
    return {
      organisations,
      changes: first.length,
      p95Ms: round(percentile(first, 95)),
      medianMs: round(median(first)),
      maxMs: round(Math.max(...first)),
      ...(passes > 1
        ? {
            warm: {
              changes: last.length,
              p95Ms: round(percentile(last, 95)),
              medianMs: round(median(last)),
            },
          }
        : {}),
    };
  } finally {
    await page.context().close();
  }
}

interface ImportTimes {
  /** From choosing the file to its preview on screen. */
  previewMs: number;
  /** The longest task on the page's thread meanwhile (the page cannot respond during it). */
  longestTaskMs: number;
}

/**
 * Chooses `sheet` in the Data panel of a fresh page and times it to the preview on screen,
 * watching the page's long tasks. The File is made in the page beforehand: Playwright's own
 * setInputFiles would put its work on the page's thread too.
 */
async function importTimes(browser: Browser, sheet: string): Promise<ImportTimes> {
  const page = await newPage(browser);
  try {
    await page.goto('/?tab=data');
    await page.locator('[data-map-idle="true"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('import-file').waitFor();
    await page.evaluate((text) => {
      (window as unknown as { __benchFile: File }).__benchFile = new File([text], 'national.csv', {
        type: 'text/csv',
      });
    }, sheet);
    return await page.evaluate(async () => {
      let longestTaskMs = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          longestTaskMs = Math.max(longestTaskMs, entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const input = document.querySelector<HTMLInputElement>('[data-testid="import-file"]');
      if (!input) throw new Error('no file input');
      const chosen = new DataTransfer();
      chosen.items.add((window as unknown as { __benchFile: File }).__benchFile);
      const start = performance.now();
      input.files = chosen.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise<void>((resolve) => {
        const look = () => {
          if (document.querySelector('.import-preview .import-summary')) resolve();
          else requestAnimationFrame(look);
        };
        look();
      });
      // The frame that shows it, then a moment for the last long task to be reported.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const previewMs = performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, 500));
      observer.disconnect();
      return { previewMs, longestTaskMs };
    });
  } finally {
    await page.context().close();
  }
}

const browser = await launchChromium({ args: CHROMIUM_ARGS });
if (CHROMIUM_ARGS.length > 0)
  console.log(`browser bench: Chromium flags ${CHROMIUM_ARGS.join(' ')}`);
/** What draws WebGL in this browser: SwiftShader (software) or a GPU, as the page sees it. */
async function webglRenderer(): Promise<string> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return 'no WebGL2';
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    });
  } finally {
    await page.close();
  }
}
const renderer = await webglRenderer();
console.log(`browser bench: WebGL renderer ${renderer}`);
const browserResults: Record<string, unknown> = {
  webglRenderer: renderer,
  chromiumArgs: CHROMIUM_ARGS.join(' '),
  initialJsGzipKB,
  initialJs: js.initial,
  lazyJsGzipKB: js.lazy,
};
try {
  if (PARTS.has('load')) {
    // The size of the app's map canvas, for the bare page (and a warm-up load of each page).
    const sizer = await newPage(browser);
    await sizer.goto('/');
    await sizer.locator('[data-map-idle="true"]').waitFor({ timeout: 60_000 });
    const box = await sizer.locator('.map-view-canvas').boundingBox();
    await sizer.context().close();
    const size = `w=${Math.round(box?.width ?? 800)}&h=${Math.round(box?.height ?? 600)}`;
    const bareUrl = `${BARE_BASE}?${size}`;
    await loadToIdle(browser, bareUrl);

    console.log(`browser bench: ${LOADS} loads each of the app and the bare map…`);
    const appLoads: number[] = [];
    const bareLoads: number[] = [];
    for (let run = 0; run < LOADS; run += 1) {
      appLoads.push(await loadToIdle(browser, '/'));
      bareLoads.push(await loadToIdle(browser, bareUrl));
    }
    const loadToIdleMs = median(appLoads);
    const bareMapLoadToIdleMs = median(bareLoads);
    // The floor: one feature-state change drawn by the bare page (nothing else to do).
    const bare = await newPage(browser);
    await bare.goto(bareUrl);
    await bare.locator('[data-map-idle="true"]').waitFor({ timeout: 60_000 });
    const repaints: number[] = [];
    for (let run = 0; run < 23; run += 1) {
      repaints.push(
        await bare.evaluate(() =>
          (window as unknown as { __bareRepaint: () => Promise<number> }).__bareRepaint(),
        ),
      );
    }
    await bare.context().close();
    Object.assign(browserResults, {
      bareMapRepaintMs: round(median(repaints.slice(3))),
      bareMapRepaintP95Ms: round(percentile(repaints.slice(3), 95)),
      loadToIdleMs: round(loadToIdleMs),
      bareMapLoadToIdleMs: round(bareMapLoadToIdleMs),
      loadToIdleRatioVsBareMap: round(loadToIdleMs / bareMapLoadToIdleMs, 2),
    });
  }

  if (PARTS.has('filters')) {
    console.log('browser bench: filter changes, published data…');
    const small = await filterTimes(browser, null);
    console.log(
      `browser bench: filter changes, ${SYNTHETIC_ROWS} synthetic rows, ${WARM_PASSES} passes…`,
    );
    const synthetic = syntheticDataset(SYNTHETIC_ROWS, gazetteer, dataset);
    const large = await filterTimes(browser, synthetic.edits, { passes: WARM_PASSES });
    console.log(`browser bench: filter changes, ${SYNTHETIC_ROWS} synthetic rows, no WebGL…`);
    const noWebgl = await launchChromium({ args: ['--disable-webgl'] });
    let withoutMap: FilterTimes;
    try {
      withoutMap = await filterTimes(noWebgl, synthetic.edits, { webgl: false });
    } finally {
      await noWebgl.close();
    }
    Object.assign(browserResults, {
      filterP95Ms_50k: large.p95Ms,
      filterMedianMs_50k: large.medianMs,
      filterMaxMs_50k: large.maxMs,
      filterOrganisations_50k: large.organisations,
      filterChanges: large.changes,
      // Informative, not the budget's figure: the same changes after WARM_PASSES - 1 passes.
      filterP95Ms_50k_warm: large.warm?.p95Ms ?? NaN,
      filterMedianMs_50k_warm: large.warm?.medianMs ?? NaN,
      filterP95Ms_50k_noMap: withoutMap.p95Ms,
      filterMedianMs_50k_noMap: withoutMap.medianMs,
      filterP95Ms_55: small.p95Ms,
      filterMedianMs_55: small.medianMs,
    });
  }

  if (PARTS.has('import')) {
    console.log(`browser bench: choosing a ${SYNTHETIC_ROWS}-row sheet in the Data panel…`);
    const sheet = syntheticSheet(SYNTHETIC_ROWS, gazetteer, dataset);
    const runs: ImportTimes[] = [];
    for (let run = 0; run < IMPORT_RUNS; run += 1) {
      const times = await importTimes(browser, sheet);
      if (process.env.HARTA_BENCH_VERBOSE) console.log(`  import ${run}:`, times);
      runs.push(times);
    }
    Object.assign(browserResults, {
      importPreviewMs_50k_browser: round(median(runs.map((times) => times.previewMs))),
      importLongestTaskMs_50k: round(median(runs.map((times) => times.longestTaskMs))),
    });
  }
} finally {
  await browser.close();
  await server.close();
}

const previous: Record<string, unknown> = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>)
  : {};
const results = { ...previous, ...browserResults };
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

const numbers = Object.fromEntries(
  Object.entries(results).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number',
  ),
);
console.log('\nHarta bench: figures and budgets');
console.log(formatReport(numbers));
console.log('\nJS before first paint (gzip KB):', js.initial);
console.log('Lazy JS (gzip KB):', js.lazy);
console.log(`(written to ${path.relative(root, resultsFile)})`);

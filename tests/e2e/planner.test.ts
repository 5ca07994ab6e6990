// The intervention planner and the gap views in a real browser, on the bundled data: add a plan,
// see the ranking change, reload, export, remove and undo, re-import, import a broken file, and
// survive unreadable saved plans. One Chromium serves the whole file; each app gets a fresh
// context, so its localStorage starts empty.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, type OpenedApp } from './browser.ts';

const STORAGE_KEY = 'harta.plans.v1.AL';
/** Markup and quotes in a name: it must show as text, and survive CSV quoting. */
const NEW_ORGANISATION = '<img src=x onerror=alert(1)> Fondacioni "Shpresa"';
const NOTE = 'Two schools, then the youth centre';
/** Chosen in the form, in the dataset's order of activity types (the order a plan keeps). */
const ACTIVITY_LABELS = [
  'Awareness and informative sessions',
  'Training and capacity building',
  'Youth, schools and vulnerable groups',
];
const ACTIVITY_IDS = ['awareness', 'training', 'youth-vulnerable'];
const CSV_HEADER =
  'id,area_level,area_id,area_name,activity_types,organisation_id,organisation_name,start,end,note';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

type PlannerApp = OpenedApp & { dialogs: string[] };

/** Opens the app on the shared browser and records every dialog (none may fire). */
async function open(path = '/', waitUntil: 'load' | 'commit' = 'load'): Promise<PlannerApp> {
  const app = await openApp(path, { browser, waitUntil });
  // A step that cannot find its control fails in seconds, not after the 60 s test timeout;
  // waits for the map give their own, longer timeout.
  app.page.setDefaultTimeout(10_000);
  const dialogs: string[] = [];
  app.page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return Object.assign(app, { dialogs });
}

/** The map takes seconds to go idle here; the panels are usable long before. */
async function waitForMap(page: Page): Promise<void> {
  await page.locator('[data-map-idle="true"]').waitFor({ timeout: 30_000 });
}

async function waitForPanels(page: Page): Promise<void> {
  await page.getByRole('tablist', { name: 'Panels' }).waitFor();
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

const gapRows = (page: Page) =>
  page.getByRole('list', { name: 'Municipalities ranked by gap' }).locator(':scope > li');

/** "1 Bulqizë (Dibër) …" → the first row's name. */
async function firstGapName(page: Page): Promise<string> {
  return (await gapRows(page).first().locator('.gap-name').textContent())?.trim() ?? '';
}

const gapRow = (page: Page, municipality: string) =>
  page.locator('.gap-item', { has: page.locator('.gap-name', { hasText: municipality }) });

const planForm = (page: Page) => page.locator('form.plan-form');
const planCards = (page: Page) =>
  page.getByRole('list', { name: 'Planned interventions' }).locator(':scope > li');

const storedValue = (page: Page, key = STORAGE_KEY) =>
  page.evaluate((name) => localStorage.getItem(name), key);

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = await downloaded;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

function expectQuiet(app: PlannerApp): void {
  expect(app.consoleErrors).toEqual([]);
  expect(app.externalRequests()).toEqual([]);
  expect(app.dialogs).toEqual([]);
}

describe('the planner, end to end', () => {
  let app: PlannerApp;
  let page: Page;
  /** Set by the add test: what the plan card says, to compare after re-import. */
  let cardText = '';
  let storedAfterAdd = '';
  let exportedCsv = '';
  let tabAfterReload: string | null = null;

  beforeAll(async () => {
    app = await open('/');
    page = app.page;
    await waitForMap(page);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('starts with no saved plans and Bulqizë first in the gap ranking', async () => {
    expect(await storedValue(page)).toBeNull();
    expect(await tab(page, 'Gaps').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => firstGapName(page)).toMatch(/^Bulqizë/);
    expect((await gapRows(page).first().locator('.gap-rank').textContent())?.trim()).toBe('1');
    expect(await gapRow(page, 'Bulqizë').locator('.gap-value').textContent()).toBe('0.78');
    // Nothing planned yet: no picture switch, no planned legend entry, no "With plans" line.
    expect(await page.locator('.scenario-switch').count()).toBe(0);
    expect(await page.getByText('Planned intervention', { exact: true }).count()).toBe(0);
    expect(await page.locator('.gap-plan-change').count()).toBe(0);
  });

  it('explains the first gap row term by term under "Why"', async () => {
    const first = gapRows(page).first();
    await first.locator('summary', { hasText: 'Why is Bulqizë number 1?' }).click();
    const table = first.locator('table.gap-inputs');
    await table.waitFor();
    const rowHeads = await table.locator('tbody th[scope="row"]').allTextContents();
    expect(rowHeads).toEqual(['Need', 'Presence', 'Coverage', 'Gap', 'Missing']);
    const cells = await table.locator('tbody td').allTextContents();
    expect(cells[0]).toMatch(/^0\.25 \+ 0\.25 × hotspot level \d = (0\.\d\d|1\.00)$/);
    expect(cells[3]).toMatch(/= 0\.78, rank 1$/);
    await first.locator('summary').first().click();
    // Closing re-renders the row; on a loaded machine that lands after the click returns.
    await expect.poll(() => first.locator('table.gap-inputs').count()).toBe(0);
  });

  it('warns before adding work others already do there (Cërrik, Awareness)', async () => {
    await tab(page, 'Plans').click();
    const form = planForm(page);
    await form.getByLabel('Area').selectOption({ label: 'Cërrik' });
    await form.getByRole('checkbox', { name: 'Awareness and informative sessions' }).check();
    const warning = form.locator('.plan-warnings');
    await warning.waitFor();
    expect(await warning.locator('strong').textContent()).toBe('Before you add it:');
    // Annex I: the three organisations naming Cërrik whose work includes awareness sessions.
    expect(await warning.locator('li').allTextContents()).toEqual([
      'Awareness and informative sessions is already done in Cërrik by Inter-Religious Center ' +
        'Elbasan, “Another Vision” Center, In the Family for the Family.',
    ]);
    // Unticking the type takes the warning away; nothing has been added.
    await form.getByRole('checkbox', { name: 'Awareness and informative sessions' }).uncheck();
    await expect.poll(() => form.locator('.plan-warnings').count()).toBe(0);
    expect(await planCards(page).count()).toBe(0);
  });

  it('refuses an incomplete plan and says what is missing', async () => {
    const form = planForm(page);
    await form.getByLabel('Area').selectOption('');
    await form.getByRole('button', { name: 'Add plan' }).click();
    const errors = await form.getByRole('alert').locator('li').allTextContents();
    expect(errors).toEqual([
      'Choose the area the plan is for.',
      'Choose at least one activity type.',
      'Choose the implementing organisation, or type the name of a new one.',
    ]);
    expect(await storedValue(page)).toBeNull();
  });

  it('starts a plan from the area panel of a gap row', async () => {
    await tab(page, 'Gaps').click();
    await gapRow(page, 'Bulqizë').click();
    await expect.poll(() => tab(page, 'Area').getAttribute('aria-selected')).toBe('true');
    await page.getByRole('button', { name: 'Plan an intervention in Bulqizë' }).click();
    await expect.poll(() => tab(page, 'Plans').getAttribute('aria-selected')).toBe('true');
    // A fresh form for Bulqizë: the area is chosen, the earlier errors are gone.
    expect(await planForm(page).getByLabel('Area').inputValue()).toBe('m:AL111');
    expect(await planForm(page).getByRole('alert').count()).toBe(0);
  });

  it('adds a plan for Bulqizë by a new organisation and switches to the planned picture', async () => {
    const form = planForm(page);
    await form.getByLabel('Area').selectOption({ label: 'Bulqizë' });
    for (const label of ACTIVITY_LABELS) {
      await form.getByRole('checkbox', { name: label, exact: true }).check();
    }
    await form.getByLabel('Implementing organisation').selectOption('');
    await form.getByLabel('Name of the new organisation').fill(NEW_ORGANISATION);
    await form.getByLabel('Note (optional)').fill(NOTE);
    await form.getByRole('button', { name: 'Add plan' }).click();

    await expect.poll(() => planCards(page).count()).toBe(1);
    const card = planCards(page).first();
    expect(await card.locator('h4').textContent()).toBe('Bulqizë (plan-1)');
    const what = await card.locator('p').first().textContent();
    expect(what).toBe(`${ACTIVITY_LABELS.join(', ')} by ${NEW_ORGANISATION} (new)`);
    // The name is text, not markup: no <img> was made from it, and no dialog fired.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await card.locator('.plan-note').textContent()).toBe(NOTE);
    expect(await card.locator('.plan-effect').textContent()).toMatch(
      /^Bulqizë: gap 0\.78 → 0\.\d\d, rank 1 → \d+ \(with every plan, under the current filters\)$/,
    );
    expect(await page.getByRole('heading', { name: 'Planned interventions (1)' }).count()).toBe(1);
    // The form is ready for the next plan: types and note cleared.
    expect(
      await form.getByRole('checkbox', { name: ACTIVITY_LABELS[0], exact: true }).isChecked(),
    ).toBe(false);

    // The first plan switches the whole dashboard to the planned picture.
    const planned = page
      .locator('.planner-panel .scenario-switch')
      .getByRole('radio', { name: 'With 1 planned intervention' });
    await expect.poll(() => planned.isChecked()).toBe(true);
    // The map legend explains the planned ring.
    await page
      .getByRole('region', { name: 'Map' })
      .getByText('Planned intervention', { exact: true })
      .waitFor();

    cardText = (await card.textContent()) ?? '';
    storedAfterAdd = (await storedValue(page)) ?? '';
    const stored = JSON.parse(storedAfterAdd) as {
      format: string;
      country: string;
      plans: { id: string; area: unknown; activityTypes: string[]; organisationName: string }[];
    };
    expect(stored.format).toBe('harta-plans');
    expect(stored.country).toBe('AL');
    expect(stored.plans).toEqual([
      {
        id: 'plan-1',
        area: { level: 'municipality', id: 'AL111' },
        activityTypes: ACTIVITY_IDS,
        organisationId: null,
        organisationName: NEW_ORGANISATION,
        start: null,
        end: null,
        note: NOTE,
      },
    ]);
  });

  it('shows the header switch in step with the planner switch', async () => {
    // With the Plans tab open the picture switch is on screen twice, under the filters and in
    // the planner; both must show the planned picture as chosen.
    const switches = page.locator('.scenario-switch');
    expect(await switches.count()).toBe(2);
    const states = await switches.evaluateAll((fieldsets) =>
      fieldsets.map((fieldset) =>
        [...fieldset.querySelectorAll('input')].map((input) => `${input.value}:${input.checked}`),
      ),
    );
    expect(states).toEqual([
      ['current:false', 'planned:true'],
      ['current:false', 'planned:true'],
    ]);
  });

  it('moves Bulqizë down the gap ranking with the plan, and back when showing today', async () => {
    await tab(page, 'Gaps').click();
    await page.getByText('Showing the picture with 1 planned intervention.').waitFor();
    await expect.poll(() => firstGapName(page)).not.toMatch(/^Bulqizë/);
    const row = gapRow(page, 'Bulqizë');
    const change = (await row.locator('.gap-plan-change').textContent()) ?? '';
    const match = /^With plans: gap 0\.78 → (0\.\d\d), rank 1 → (\d+)$/.exec(change);
    expect(match, change).not.toBeNull();
    const [, after, newRank] = match ?? [];
    expect(Number(after)).toBeLessThan(0.78);
    expect(Number(newRank)).toBeGreaterThan(1);
    // The row sits where the change says, and shows the planned score.
    expect((await row.locator('.gap-rank').textContent())?.trim()).toBe(newRank);
    expect(await row.locator('.gap-value').textContent()).toBe(after);

    // Back to today: Bulqizë is first again, with its old score.
    await page
      .locator('.scenario-switch')
      .first()
      .getByRole('radio', { name: 'Today', exact: true })
      .check();
    await expect.poll(() => firstGapName(page)).toMatch(/^Bulqizë/);
    expect(await gapRow(page, 'Bulqizë').locator('.gap-value').textContent()).toBe('0.78');
    expect(await page.getByText(/^Showing the picture with/).count()).toBe(0);
    // The "With plans" line still tells what the plan would do.
    expect(await gapRow(page, 'Bulqizë').locator('.gap-plan-change').textContent()).toBe(change);
  });

  it('keeps the plan across a reload', async () => {
    // On screen before the reload: Bulqizë selected (from its gap row), the Gaps tab open.
    expect(page.url()).toContain('sel=m%3AAL111');
    expect(await tab(page, 'Gaps').getAttribute('aria-selected')).toBe('true');
    await page.reload();
    await waitForPanels(page);
    tabAfterReload = await page.getByRole('tab', { selected: true }).textContent();
    expect(await storedValue(page)).toBe(storedAfterAdd);
    await tab(page, 'Plans').click();
    await expect.poll(() => planCards(page).count()).toBe(1);
    expect(await planCards(page).first().textContent()).toBe(cardText);
    expect(await page.getByRole('status', { name: 'About saved plans' }).count()).toBe(0);
  });

  it('reopens the tab that was open before the reload', () => {
    // "Everything on screen lives in the address": the Gaps tab, with Bulqizë selected.
    expect(tabAfterReload).toBe('Gaps');
  });

  it('exports the plans as CSV and JSON', async () => {
    const csv = await download(page, 'Export CSV');
    expect(csv.name).toMatch(/^harta-plans-al-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csv.text.slice(1).split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines[1]).toBe(
      `plan-1,municipality,AL111,Bulqizë,${ACTIVITY_IDS.join(';')},,` +
        `"<img src=x onerror=alert(1)> Fondacioni ""Shpresa""",,,"${NOTE}"`,
    );
    expect(lines.slice(2).filter((line) => line !== '')).toEqual([]);
    exportedCsv = csv.text;

    const json = await download(page, 'Export JSON');
    expect(json.name).toBe(csv.name.replace(/\.csv$/, '.json'));
    const document = JSON.parse(json.text) as {
      format: string;
      version: number;
      country: string;
      plans: unknown[];
    };
    expect(document.format).toBe('harta-plans');
    expect(document.version).toBe(1);
    expect(document.country).toBe('AL');
    // The same plans as the browser keeps.
    expect(document.plans).toEqual((JSON.parse(storedAfterAdd) as { plans: unknown[] }).plans);
  });

  it('removes a plan, and Undo brings it back', async () => {
    await planCards(page).first().getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => planCards(page).count()).toBe(0);
    await page.getByText('No plans yet. Add one above, or import a file.').waitFor();
    expect(JSON.parse((await storedValue(page)) ?? 'null')).toMatchObject({ plans: [] });
    await page.getByRole('status').filter({ hasText: 'Removed plan-1.' }).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => planCards(page).count()).toBe(1);
    expect(await planCards(page).first().textContent()).toBe(cardText);
    expect(await storedValue(page)).toBe(storedAfterAdd);
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
  });

  it('re-imports the exported CSV after removing the plan, and skips it the second time', async () => {
    await planCards(page).first().getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => planCards(page).count()).toBe(0);
    expect(exportedCsv).not.toBe('');

    const input = page.getByTestId('plan-import');
    const file = { name: 'plans.csv', mimeType: 'text/csv', buffer: Buffer.from(exportedCsv) };
    await input.setInputFiles(file);
    const report = page.getByRole('status', { name: 'Import of plans.csv' });
    await expect
      .poll(() => report.textContent())
      .toBe('plans.csv: 1 plan imported. Your existing plans were kept as they were.');
    await expect.poll(() => planCards(page).count()).toBe(1);
    expect(await planCards(page).first().textContent()).toBe(cardText);
    expect(await storedValue(page)).toBe(storedAfterAdd);

    // Again: nothing new.
    await input.setInputFiles(file);
    await expect
      .poll(() => report.textContent())
      .toBe(
        'plans.csv: 0 plans imported; 1 already here, skipped. Your existing plans were kept as they were.',
      );
    expect(await planCards(page).count()).toBe(1);
    expect(await storedValue(page)).toBe(storedAfterAdd);
  });

  it('reports a broken CSV by file, line and field, and keeps the plans as they were', async () => {
    const broken =
      `${CSV_HEADER}\n` +
      'plan-7,municipality,AL212,Cërrik,awareness,,Youth Forum,,,\n' +
      'plan-8,municipality,AL212,Cërrik,awareness;juggling,,Youth Forum,,,\n';
    // Line 2 is fine, line 3 is not: the good row comes in, the bad one is reported.
    await page
      .getByTestId('plan-import')
      .setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    const report = page.getByRole('status', { name: 'Import of broken.csv' });
    await report.waitFor();
    const problems = await report.locator('li').allTextContents();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^broken\.csv, line 3, activity_types: unknown activity type "juggling" \(known: awareness, /,
    );
    expect(await report.locator('p').textContent()).toBe(
      'broken.csv: 1 plan imported. Your existing plans were kept as they were.',
    );
    await expect.poll(() => planCards(page).count()).toBe(2);
    // The plan already there is unchanged, and first.
    expect(await planCards(page).first().textContent()).toBe(cardText);
    expect(await planCards(page).nth(1).locator('h4').textContent()).toBe('Cërrik (plan-7)');
    const stored = JSON.parse((await storedValue(page)) ?? '{}') as { plans: { id: string }[] };
    expect(stored.plans.map((plan) => plan.id)).toEqual(['plan-1', 'plan-7']);
    expect(stored.plans[0]).toEqual((JSON.parse(storedAfterAdd) as { plans: unknown[] }).plans[0]);

    // A file with nothing usable changes nothing at all.
    const useless = `${CSV_HEADER}\nplan-9,municipality,AL999,Nowhere,awareness,,X,,,\n`;
    await page
      .getByTestId('plan-import')
      .setInputFiles({ name: 'useless.csv', mimeType: 'text/csv', buffer: Buffer.from(useless) });
    const uselessReport = page.getByRole('status', { name: 'Import of useless.csv' });
    await uselessReport.waitFor();
    expect(await uselessReport.locator('li').allTextContents()).toEqual([
      'useless.csv, line 2, area_id: no municipality has the id "AL999"',
    ]);
    expect(await planCards(page).count()).toBe(2);
  });

  it('stayed quiet and offline, and no dialog fired', async () => {
    // The map reloaded with the plans in place: let it finish before listening for errors.
    await waitForMap(page);
    expectQuiet(app);
  });
});

describe('unreadable saved plans', () => {
  it('opens anyway, says so, and backs the raw value up', async () => {
    // Only the origin is needed to write the bad value, not a loaded app.
    const app = await open('/', 'commit');
    try {
      const page = app.page;
      const raw = '{"format": "harta-plans", "version": 1, "country": "AL", "plans": [oops';
      await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
        key: STORAGE_KEY,
        value: raw,
      });
      await page.reload();
      await waitForPanels(page);
      const notice = page.getByRole('status', { name: 'About saved plans' });
      await notice.waitFor();
      const text = (await notice.textContent()) ?? '';
      expect(text).toContain(`browser storage (${STORAGE_KEY})`);
      expect(text).toMatch(/nothing was deleted/);
      // The dashboard still works: the gap ranking is there, with Bulqizë first.
      await expect.poll(() => firstGapName(page)).toMatch(/^Bulqizë/);

      const backups = await page.evaluate((prefix) => {
        const found: Record<string, string | null> = {};
        for (let index = 0; index < localStorage.length; index += 1) {
          const key = localStorage.key(index);
          if (key?.startsWith(prefix)) found[key] = localStorage.getItem(key);
        }
        return found;
      }, `${STORAGE_KEY}.unreadable-`);
      const keys = Object.keys(backups);
      expect(keys).toHaveLength(1);
      expect(backups[keys[0] ?? '']).toBe(raw);
      expect(text).toContain(keys[0]);

      // The planner opens empty, and adding a plan saves over the bad value; the backup stays.
      await tab(page, 'Plans').click();
      await page.getByText('No plans yet. Add one above, or import a file.').waitFor();
      const form = planForm(page);
      await form.getByLabel('Area').selectOption({ label: 'Cërrik' });
      await form.getByRole('checkbox', { name: 'Monitoring and evaluation' }).check();
      await form.getByLabel('Implementing organisation').selectOption('');
      await form.getByLabel('Name of the new organisation').fill('Qendra');
      await form.getByRole('button', { name: 'Add plan' }).click();
      await expect.poll(() => planCards(page).count()).toBe(1);
      const stored = JSON.parse((await storedValue(page)) ?? '{}') as { plans: unknown[] };
      expect(stored.plans).toHaveLength(1);
      expect(await storedValue(page, keys[0])).toBe(raw);

      await notice.getByRole('button', { name: 'Dismiss' }).click();
      expect(await notice.count()).toBe(0);
      await waitForMap(page);
      expectQuiet(app);
    } finally {
      await app.close();
    }
  });
});

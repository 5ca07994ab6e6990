import { describe, expect, it } from 'vitest';
import type { PlannedIntervention } from '../../src/domain/plan';
import { serializePlansJson, type PlanFileContext } from '../../src/domain/plan-file';
import {
  loadStoredPlans,
  planStorageKey,
  saveStoredPlans,
  type PlanStorage,
} from '../../src/io/plan-storage';
import { PLAN_STORAGE_WORDS_SQ } from '../../src/i18n/tables/planner';
import { makeDataset } from './fixtures/dataset-fixture';
import { makeGazetteer } from './fixtures/gazetteer-fixture';

/** localStorage in memory, in insertion order, with hooks to make it fail like browsers do. */
class MemoryStorage implements PlanStorage {
  readonly items = new Map<string, string>();
  failSet: ((key: string) => Error | null) | null = null;
  failGet: Error | null = null;

  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    if (this.failGet) throw this.failGet;
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const failure = this.failSet?.(key);
    if (failure) throw failure;
    this.items.set(key, value);
  }
}

function makeContext(): PlanFileContext {
  const gazetteer = makeGazetteer();
  const dataset = makeDataset();
  return {
    countryCode: 'AL',
    municipalities: gazetteer.municipalities,
    counties: gazetteer.counties,
    activityTypes: dataset.activityTypes,
    organisations: dataset.organisations,
  };
}

const plan = (id: string, note = ''): PlannedIntervention => ({
  id,
  area: { level: 'municipality', id: 'AL212' },
  activityTypes: ['awareness', 'training'],
  organisationId: null,
  organisationName: 'Youth Forum "Cërrik"',
  start: '2025-01-01',
  end: null,
  note,
});

const KEY = 'harta.plans.v1.AL';
const fixedNow = () => new Date('2026-05-04T10:20:30.000Z');
const BACKUP_KEY = `${KEY}.unreadable-2026-05-04T10:20:30.000Z`;

describe('planStorageKey', () => {
  it('names one key per country pack', () => {
    expect(planStorageKey('AL')).toBe(KEY);
    expect(planStorageKey('XK')).toBe('harta.plans.v1.XK');
  });
});

describe('saveStoredPlans and loadStoredPlans', () => {
  it('round-trip plans through storage in the JSON plans file format', () => {
    const storage = new MemoryStorage();
    const plans = [plan('plan-1', 'line one\nline "two", ë'), plan('x', '=1+1')];
    expect(saveStoredPlans(storage, KEY, plans, makeContext())).toEqual({ ok: true });
    expect(storage.items.get(KEY)).toBe(serializePlansJson(plans, makeContext()));
    expect(loadStoredPlans(storage, KEY, makeContext(), fixedNow)).toEqual({
      plans,
      problems: [],
      backupKey: null,
    });
    expect([...storage.items.keys()]).toEqual([KEY]);
  });

  it('load every saved plan, even past the 1000 plans a single file may hold', () => {
    const storage = new MemoryStorage();
    const plans = Array.from({ length: 1200 }, (_, index) => plan(`plan-${index + 1}`));
    expect(saveStoredPlans(storage, KEY, plans, makeContext())).toEqual({ ok: true });
    const loaded = loadStoredPlans(storage, KEY, makeContext(), fixedNow);
    expect(loaded.problems).toEqual([]);
    expect(loaded.plans).toHaveLength(1200);
  });

  it('load nothing, and report nothing, when nothing is stored', () => {
    expect(loadStoredPlans(new MemoryStorage(), KEY, makeContext())).toEqual({
      plans: [],
      problems: [],
      backupKey: null,
    });
  });

  it('get along without storage (private mode, no localStorage)', () => {
    expect(loadStoredPlans(null, KEY, makeContext())).toEqual({
      plans: [],
      problems: [],
      backupKey: null,
    });
    expect(saveStoredPlans(null, KEY, [plan('a')], makeContext())).toEqual({
      ok: false,
      message:
        'This browser does not let the page keep data (a private window, or storage turned off), so plans will be gone after a reload. Export them to keep them.',
    });
  });

  it('say so, without throwing, when the browser refuses to store', () => {
    const storage = new MemoryStorage();
    storage.failSet = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(saveStoredPlans(storage, KEY, [plan('a')], makeContext())).toEqual({
      ok: false,
      message:
        'The browser storage for this page is full, so the latest changes to the plans were not saved. Export the plans to keep them.',
    });
    storage.failSet = () => new DOMException('The operation is insecure.', 'SecurityError');
    expect(saveStoredPlans(storage, KEY, [plan('a')], makeContext())).toEqual({
      ok: false,
      message:
        'The plans could not be saved in the browser (The operation is insecure.). Export them to keep them.',
    });
    expect(storage.items.size).toBe(0);
  });

  it('report a storage that throws on reading', () => {
    const storage = new MemoryStorage();
    storage.failGet = new DOMException('The operation is insecure.', 'SecurityError');
    expect(loadStoredPlans(storage, KEY, makeContext())).toEqual({
      plans: [],
      problems: [
        `browser storage (${KEY}) cannot be read, so saved plans are not shown: The operation is insecure.`,
      ],
      backupKey: null,
    });
  });
});

describe('loadStoredPlans with a damaged value', () => {
  it('copies an unreadable value aside before anything can overwrite it, and says where', () => {
    const storage = new MemoryStorage();
    const raw = '{"format": "harta-plans",\n "version": 1,\n "plans": [ oops';
    storage.items.set(KEY, raw);
    const result = loadStoredPlans(storage, KEY, makeContext(), fixedNow);
    expect(result).toEqual({
      plans: [],
      problems: [
        `browser storage (${KEY}), line 3: is not valid JSON (column 13): unexpected "oops": expected a value`,
        `The saved plans were kept as they were in browser storage (${BACKUP_KEY}); nothing was deleted.`,
      ],
      backupKey: BACKUP_KEY,
    });
    expect(storage.items.get(BACKUP_KEY)).toBe(raw);
    expect(storage.items.get(KEY)).toBe(raw);

    // The planner saves what it has; the damaged value survives in its copy.
    expect(saveStoredPlans(storage, KEY, [], makeContext())).toEqual({ ok: true });
    expect(storage.items.get(BACKUP_KEY)).toBe(raw);
  });

  it('keeps the valid plans of a partly invalid value and names line and field of the rest', () => {
    const storage = new MemoryStorage();
    const raw = serializePlansJson([plan('good'), plan('bad')], makeContext()).replace(
      '"end": null,\n      "note": ""\n    }\n  ]',
      '"end": "2024-01-01",\n      "note": ""\n    }\n  ]',
    );
    storage.items.set(KEY, raw);
    const result = loadStoredPlans(storage, KEY, makeContext(), fixedNow);
    expect(result.plans).toEqual([plan('good')]);
    expect(result.problems).toEqual([
      `browser storage (${KEY}), line 35, end: 2024-01-01 is before the start, 2025-01-01`,
      `The saved plans were kept as they were in browser storage (${BACKUP_KEY}); nothing was deleted.`,
    ]);
    expect(storage.items.get(BACKUP_KEY)).toBe(raw);
  });

  it('copies each distinct damaged value once, however often it is loaded', () => {
    const storage = new MemoryStorage();
    storage.items.set(KEY, 'not json');
    const times = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'];
    for (const time of times) {
      expect(loadStoredPlans(storage, KEY, makeContext(), () => new Date(time)).backupKey).toBe(
        `${KEY}.unreadable-2026-01-01T00:00:00.000Z`,
      );
    }
    storage.items.set(KEY, 'still not json');
    expect(
      loadStoredPlans(storage, KEY, makeContext(), () => new Date(times[1] ?? '')).backupKey,
    ).toBe(`${KEY}.unreadable-2026-01-02T00:00:00.000Z`);
    expect([...storage.items.entries()]).toEqual([
      [KEY, 'still not json'],
      [`${KEY}.unreadable-2026-01-01T00:00:00.000Z`, 'not json'],
      [`${KEY}.unreadable-2026-01-02T00:00:00.000Z`, 'still not json'],
    ]);
  });

  it('warns to export when the copy cannot be made', () => {
    const storage = new MemoryStorage();
    storage.items.set(KEY, '[');
    storage.failSet = () => new DOMException('full', 'QuotaExceededError');
    expect(loadStoredPlans(storage, KEY, makeContext(), fixedNow)).toEqual({
      plans: [],
      problems: [
        `browser storage (${KEY}), line 1: is not valid JSON (column 2): the text ends where a value was expected`,
        'The saved plans could not be copied aside (full); export your plans before changing them, or the unreadable part will be lost.',
      ],
      backupKey: null,
    });
    expect([...storage.items.keys()]).toEqual([KEY]);
  });

  it('treats plans stored for another country as unreadable here', () => {
    const storage = new MemoryStorage();
    storage.items.set(KEY, serializePlansJson([plan('a')], { countryCode: 'XK' }));
    const result = loadStoredPlans(storage, KEY, makeContext(), fixedNow);
    expect(result.plans).toEqual([]);
    expect(result.problems[0]).toBe(
      `browser storage (${KEY}), line 4, country: holds plans for country "XK", but the map shows "AL"; its areas would not match`,
    );
    expect(result.backupKey).toBe(BACKUP_KEY);
  });
});

describe('plan storage in Albanian', () => {
  it('tells what it reports in the words given', () => {
    const storage = new MemoryStorage();
    storage.items.set(KEY, '[');
    storage.failSet = () => new DOMException('full', 'QuotaExceededError');
    expect(
      loadStoredPlans(storage, KEY, makeContext(), fixedNow, PLAN_STORAGE_WORDS_SQ).problems,
    ).toEqual([
      `hapësira e shfletuesit (${KEY}), rreshti 1: nuk është JSON i vlefshëm (kolona 2): the text ends where a value was expected`,
      'Planet e ruajtura nuk mund të kopjoheshin mënjanë (full); eksportoni planet tuaja para se t’i ndryshoni, përndryshe pjesa e palexueshme do të humbasë.',
    ]);
    expect(
      saveStoredPlans(storage, KEY, [plan('a')], makeContext(), PLAN_STORAGE_WORDS_SQ),
    ).toEqual({
      ok: false,
      message:
        'Hapësira e shfletuesit për këtë faqe është plot, ndaj ndryshimet e fundit në plane nuk u ruajtën. Eksportoni planet për t’i ruajtur.',
    });
    expect(saveStoredPlans(null, KEY, [], makeContext(), PLAN_STORAGE_WORDS_SQ)).toEqual({
      ok: false,
      message: PLAN_STORAGE_WORDS_SQ.noStorage,
    });
  });
});

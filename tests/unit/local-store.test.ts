import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { NO_EDITS, withOrganisations } from '../../src/domain/local-edits';
import { EDITS_SCHEMA_VERSION } from '../../src/domain/stored-edits';
import {
  editsKey,
  loadBoundaries,
  loadEdits,
  openBrowserStore,
  saveBoundaries,
  saveEdits,
  type KeyValueStore,
} from '../../src/io/local-store';
import { makeDataset, makeOrganisation } from './fixtures/dataset-fixture';

const edits = withOrganisations(NO_EDITS, makeDataset(), [
  makeOrganisation({ id: 'qendra', name: 'Qendra <b>Rinore</b>', municipalityIds: ['AL132'] }),
]);

async function freshStore(): Promise<KeyValueStore> {
  const opened = await openBrowserStore(new IDBFactory());
  if (!opened.store) throw new Error(opened.problem ?? 'no store');
  return opened.store;
}

/** A store whose writes fail as a browser's do when the site's quota is used up. */
function fullStore(inner: KeyValueStore): KeyValueStore {
  const quota = Object.assign(new Error('The quota has been exceeded.'), {
    name: 'QuotaExceededError',
  });
  return { ...inner, put: () => Promise.reject(quota) };
}

describe('local edits in IndexedDB', () => {
  it('saves and reads back the edits, with the schema version', async () => {
    const store = await freshStore();
    expect(await saveEdits(store, 'AL', edits, new Date('2026-11-22T10:00:00Z'))).toEqual({
      ok: true,
    });
    const raw = (await store.get(editsKey('AL'))) as { schemaVersion: number; savedAt: string };
    expect(raw.schemaVersion).toBe(EDITS_SCHEMA_VERSION);
    expect(raw.savedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(await loadEdits(store, 'AL')).toEqual({ edits, problems: [], canSave: true });
    // Another country pack's edits are kept apart.
    expect(await loadEdits(store, 'XK')).toEqual({ edits: NO_EDITS, problems: [], canSave: true });
  });

  it('says the storage is full, and keeps what was saved before', async () => {
    const store = await freshStore();
    await saveEdits(store, 'AL', edits);
    const result = await saveEdits(fullStore(store), 'AL', NO_EDITS);
    expect(result).toEqual({
      ok: false,
      message:
        "Your changes could not be saved in this browser: the browser's storage for this site is full. They stay in this tab until it is closed; export them (Export → everything) to keep a copy.",
    });
    expect((await loadEdits(store, 'AL')).edits).toEqual(edits);
  });

  it('copies a damaged value aside before anything can overwrite it', async () => {
    const store = await freshStore();
    const damaged = { schemaVersion: 1, countryCode: 'AL', edits: { upserts: [{ id: 'x' }] } };
    await store.put(editsKey('AL'), damaged);
    const loaded = await loadEdits(store, 'AL', () => new Date('2026-11-22T10:00:00Z'));
    expect(loaded.edits).toEqual(NO_EDITS);
    expect(loaded.canSave).toBe(true);
    expect(loaded.problems[0]).toMatch(
      /^Changes saved in this browser: changed organisation 1 was dropped: name/,
    );
    expect(loaded.problems[1]).toBe(
      'The saved value is kept as "edits.AL.unreadable-2026-11-22T10:00:00.000Z" in this browser\'s storage.',
    );
    expect(await store.get('edits.AL.unreadable-2026-11-22T10:00:00.000Z')).toEqual(damaged);
  });

  it('never saves over a value from a newer Harta', async () => {
    const store = await freshStore();
    await store.put(editsKey('AL'), { schemaVersion: EDITS_SCHEMA_VERSION + 1, future: true });
    const loaded = await loadEdits(store, 'AL');
    expect(loaded.edits).toBeNull();
    expect(loaded.canSave).toBe(false);
    expect(loaded.problems[0]).toMatch(/newer version of Harta/);
  });

  it('turns saving off when a damaged value cannot even be copied (full storage)', async () => {
    const store = await freshStore();
    await store.put(editsKey('AL'), 'not an object');
    const loaded = await loadEdits(fullStore(store), 'AL');
    expect(loaded.canSave).toBe(false);
    expect(loaded.problems.at(-1)).toMatch(/could not be kept .*storage for this site is full/);
  });

  it('reports storage that cannot be opened instead of throwing', async () => {
    expect(await openBrowserStore(undefined)).toEqual({
      store: null,
      problem: 'this browser offers no IndexedDB storage',
    });
  });

  it('saves, reads back and removes loaded boundaries', async () => {
    const store = await freshStore();
    const boundaries = {
      fileName: 'bashki.geojson',
      loadedAt: '2026-11-22T10:00:00Z',
      features: [],
    };
    await saveBoundaries(store, 'AL', boundaries);
    expect(await loadBoundaries(store, 'AL')).toEqual({ boundaries, problem: null });
    await saveBoundaries(store, 'AL', null);
    expect(await loadBoundaries(store, 'AL')).toEqual({ boundaries: null, problem: null });
    expect((await saveBoundaries(fullStore(store), 'AL', boundaries)).ok).toBe(false);
  });
});

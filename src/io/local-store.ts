import type { LocalEdits } from '../domain/local-edits';
import type { MunicipalBoundaries } from '../domain/municipal-boundaries';
import { readStoredEdits, storedEditsOf } from '../domain/stored-edits';
import { translator, type Lang } from '../i18n/messages';

/**
 * Local edits and loaded boundaries kept in the browser's IndexedDB, so they survive a reload.
 * Storage fails in ordinary ways (private windows, storage blocked, a full quota, a value
 * written by another version): nothing here throws, every failure comes back as a message, and
 * a saved value that cannot be read in full is copied aside before anything overwrites it.
 */

/** The few operations used, so tests can hand in a store that fails on purpose. */
export interface KeyValueStore {
  get: (key: string) => Promise<unknown>;
  put: (key: string, value: unknown) => Promise<void>;
  delete: (key: string) => Promise<void>;
}

export const DATABASE_NAME = 'harta';
/** Version 1: one object store, "local-data", of values by string key. */
export const DATABASE_VERSION = 1;
const OBJECT_STORE = 'local-data';

export type StoreResult = { ok: true } | { ok: false; message: string };

const errorField = (error: unknown, field: 'name' | 'message'): unknown =>
  typeof error === 'object' && error !== null && field in error
    ? (error as Record<typeof field, unknown>)[field]
    : undefined;

/** In words, for the user; a full quota gets its own explanation. */
export function describeStorageError(error: unknown, lang: Lang = 'en'): string {
  const name = errorField(error, 'name');
  if (name === 'QuotaExceededError') {
    return translator(lang)('data.storage.full');
  }
  const message = errorField(error, 'message');
  return typeof message === 'string' && message !== '' ? message : String(error);
}

function request<T>(open: () => IDBRequest<T>, failed: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = open();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(failed));
  });
}

/**
 * Opens (and creates or upgrades) the database. Null, with the reason, where IndexedDB is
 * missing or refused (some private windows), so the app runs on without saving.
 */
export async function openBrowserStore(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  lang: Lang = 'en',
): Promise<{ store: KeyValueStore | null; problem: string | null }> {
  const t = translator(lang);
  if (!factory) return { store: null, problem: t('data.storage.noIndexedDb') };
  let db: IDBDatabase;
  try {
    db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = factory.open(DATABASE_NAME, DATABASE_VERSION);
      opening.onupgradeneeded = (event) => {
        // Each version's changes, applied in order from the version the browser has.
        if (event.oldVersion < 1) opening.result.createObjectStore(OBJECT_STORE);
      };
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error ?? new Error(t('data.storage.openFailed')));
      opening.onblocked = () => reject(new Error(t('data.storage.blocked')));
    });
  } catch (error) {
    return { store: null, problem: describeStorageError(error, lang) };
  }
  const transaction = (mode: IDBTransactionMode) =>
    db.transaction(OBJECT_STORE, mode).objectStore(OBJECT_STORE);
  const written = (open: () => IDBRequest) =>
    new Promise<void>((resolve, reject) => {
      let req: IDBRequest;
      try {
        req = open();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const tx = req.transaction;
      if (!tx) {
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error ?? new Error(t('data.storage.writeFailed')));
        return;
      }
      // A write is saved once its transaction completes; a full quota can abort it late.
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error(t('data.storage.writeFailed')));
      tx.onabort = () => reject(tx.error ?? new Error(t('data.storage.writeAborted')));
    });
  return {
    problem: null,
    store: {
      get: (key) =>
        request(() => transaction('readonly').get(key), t('data.storage.requestFailed')),
      put: (key, value) => written(() => transaction('readwrite').put(value, key)),
      delete: (key) => written(() => transaction('readwrite').delete(key)),
    },
  };
}

export const editsKey = (countryCode: string) => `edits.${countryCode}`;
export const boundariesKey = (countryCode: string) => `boundaries.${countryCode}`;

export interface LoadedEdits {
  edits: LocalEdits | null;
  /** Each a sentence for the user. */
  problems: string[];
  /** False when the saved value must not be overwritten (newer version, unreadable and not backed up). */
  canSave: boolean;
}

/**
 * Reads the saved edits. A value that is damaged or from another version is first copied to
 * "<key>.unreadable-<time>", so the next save cannot lose it; if even the copy fails, saving is
 * turned off for this session.
 */
export async function loadEdits(
  store: KeyValueStore,
  countryCode: string,
  now: () => Date = () => new Date(),
  lang: Lang = 'en',
): Promise<LoadedEdits> {
  const t = translator(lang);
  const key = editsKey(countryCode);
  let value: unknown;
  try {
    value = await store.get(key);
  } catch (error) {
    return {
      edits: null,
      problems: [t('data.storage.editsUnreadable', describeStorageError(error, lang))],
      canSave: false,
    };
  }
  const read = readStoredEdits(value, countryCode);
  const problems = read.ok ? read.problems : [read.problem];
  if (problems.length === 0) return { edits: read.ok ? read.edits : null, problems, canSave: true };
  const backup = `${key}.unreadable-${now().toISOString()}`;
  try {
    await store.put(backup, value);
  } catch (error) {
    return {
      edits: read.ok ? read.edits : null,
      problems: [
        ...problems.map((problem) => t('data.storage.editsProblem', problem)),
        t('data.storage.noCopy', describeStorageError(error, lang)),
      ],
      canSave: false,
    };
  }
  return {
    edits: read.ok ? read.edits : null,
    problems: [
      ...problems.map((problem) => t('data.storage.editsProblem', problem)),
      t('data.storage.copyKept', backup),
    ],
    // A value from a newer Harta is left alone: this tab works without saving.
    canSave: read.ok,
  };
}

export async function saveEdits(
  store: KeyValueStore,
  countryCode: string,
  edits: LocalEdits,
  now: Date = new Date(),
  lang: Lang = 'en',
): Promise<StoreResult> {
  try {
    await store.put(editsKey(countryCode), storedEditsOf(countryCode, edits, now));
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: translator(lang)('data.storage.saveFailed', describeStorageError(error, lang)),
    };
  }
}

export async function loadBoundaries(
  store: KeyValueStore,
  countryCode: string,
  lang: Lang = 'en',
): Promise<{ boundaries: MunicipalBoundaries | null; problem: string | null }> {
  const t = translator(lang);
  try {
    const value = await store.get(boundariesKey(countryCode));
    if (value === undefined || value === null) return { boundaries: null, problem: null };
    const candidate = value as Partial<MunicipalBoundaries>;
    if (
      typeof candidate.fileName === 'string' &&
      typeof candidate.loadedAt === 'string' &&
      Array.isArray(candidate.features)
    ) {
      return { boundaries: candidate as MunicipalBoundaries, problem: null };
    }
    return {
      boundaries: null,
      problem: t('data.storage.boundariesUnknown'),
    };
  } catch (error) {
    return {
      boundaries: null,
      problem: t('data.storage.boundariesUnreadable', describeStorageError(error, lang)),
    };
  }
}

export async function saveBoundaries(
  store: KeyValueStore,
  countryCode: string,
  boundaries: MunicipalBoundaries | null,
  lang: Lang = 'en',
): Promise<StoreResult> {
  try {
    if (boundaries === null) await store.delete(boundariesKey(countryCode));
    else await store.put(boundariesKey(countryCode), boundaries);
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: translator(lang)(
        'data.storage.boundariesSaveFailed',
        describeStorageError(error, lang),
      ),
    };
  }
}

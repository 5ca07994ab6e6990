// Writes local edits where the app reads them at start (src/io/local-store.ts: database
// "harta", object store "local-data", key "edits.<country code>", a StoredEdits value), so a
// page opens with thousands of synthetic organisations without going through the Data tab.
// Used by the browser bench and its e2e smoke test.
import type { Page } from 'playwright-core';
import type { LocalEdits } from '../../src/domain/local-edits';
import { storedEditsOf } from '../../src/domain/stored-edits';
import { DATABASE_NAME, DATABASE_VERSION, editsKey } from '../../src/io/local-store';

/** The object store src/io/local-store.ts creates in version 1 of the database. */
const OBJECT_STORE = 'local-data';

/**
 * Saves `edits` for `countryCode` in the page's origin. Call it on a page of the app's origin
 * that does not start the app (e.g. `/favicon.svg`), then navigate to the app.
 */
export async function seedEdits(page: Page, countryCode: string, edits: LocalEdits): Promise<void> {
  await page.evaluate(
    async ({ name, version, store, key, value }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open(name, version);
        opening.onupgradeneeded = () => opening.result.createObjectStore(store);
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error ?? new Error('open failed'));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        tx.objectStore(store).put(value, key);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
    },
    {
      name: DATABASE_NAME,
      version: DATABASE_VERSION,
      store: OBJECT_STORE,
      key: editsKey(countryCode),
      value: storedEditsOf(countryCode, edits, new Date()),
    },
  );
}

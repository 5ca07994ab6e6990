import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { NO_EDITS, withoutOrganisation, type LocalEdits } from '../../src/domain/local-edits';
import type { MunicipalBoundaries } from '../../src/domain/municipal-boundaries';
import { loadLocalData, startEditSync } from '../../src/io/edit-sync';
import { loadEdits, openBrowserStore } from '../../src/io/local-store';
import { makeDataset } from './fixtures/dataset-fixture';

type ChannelFactory = NonNullable<Parameters<typeof startEditSync>[2]>;

/** Two "tabs" sharing one database and one broadcast channel, as in a browser. */
function fakeChannels(): ChannelFactory {
  const listeners = new Set<(event: MessageEvent) => void>();
  const make = () => {
    const own = new Set<(event: MessageEvent) => void>();
    return {
      postMessage: (data: unknown) => {
        for (const listener of listeners) {
          if (!own.has(listener)) listener({ data } as MessageEvent);
        }
      },
      addEventListener: (_type: string, listener: (event: MessageEvent) => void) => {
        own.add(listener);
        listeners.add(listener);
      },
      removeEventListener: (_type: string, listener: (event: MessageEvent) => void) => {
        own.delete(listener);
        listeners.delete(listener);
      },
      close: () => {},
    };
  };
  return make as unknown as ChannelFactory;
}

function tab() {
  let state: { edits: LocalEdits; boundaries: MunicipalBoundaries | null } = {
    edits: NO_EDITS,
    boundaries: null,
  };
  const listeners = new Set<() => void>();
  const set = (next: Partial<typeof state>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  return {
    get state() {
      return state;
    },
    set,
    target: {
      countryCode: 'AL',
      read: () => state,
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      applyEdits: (edits: LocalEdits) => set({ edits }),
      applyBoundaries: (boundaries: MunicipalBoundaries | null) => set({ boundaries }),
      onProblems: vi.fn(),
      onExternalChange: vi.fn(),
    },
  };
}

describe('edit sync between the store and IndexedDB', () => {
  it('saves each change, reads it back on the next load, and tells other tabs', async () => {
    const factory = new IDBFactory();
    const open = () => openBrowserStore(factory);
    const channel = fakeChannels();
    const first = tab();
    const second = tab();
    const loaded = await loadLocalData(open, 'AL');
    expect(loaded).toMatchObject({
      edits: NO_EDITS,
      boundaries: null,
      problems: [],
      canSave: true,
    });
    const stopFirst = startEditSync(first.target, loaded, channel);
    const stopSecond = startEditSync(second.target, await loadLocalData(open, 'AL'), channel);

    const edits = withoutOrganisation(NO_EDITS, makeDataset(), 'cerrik-one');
    first.set({ edits });
    await vi.waitFor(() => expect(second.state.edits).toEqual(edits));
    expect(second.target.onExternalChange).toHaveBeenCalledTimes(1);
    // The other tab applies what it read without saving it back.
    expect(first.target.onExternalChange).not.toHaveBeenCalled();

    const store = (await open()).store!;
    expect((await loadEdits(store, 'AL')).edits).toEqual(edits);
    expect((await loadLocalData(open, 'AL')).edits).toEqual(edits);
    stopFirst();
    stopSecond();
  });

  it('does not save over a value it must keep (saved by a newer Harta)', async () => {
    const factory = new IDBFactory();
    const open = () => openBrowserStore(factory);
    const store = (await open()).store!;
    await store.put('edits.AL', { schemaVersion: 99, future: 'kept' });
    const loaded = await loadLocalData(open, 'AL');
    expect(loaded.canSave).toBe(false);
    const one = tab();
    const stop = startEditSync(one.target, loaded, () => null);
    one.set({ edits: withoutOrganisation(NO_EDITS, makeDataset(), 'cerrik-one') });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.get('edits.AL')).toEqual({ schemaVersion: 99, future: 'kept' });
    stop();
  });

  it('goes on without storage when it cannot open, or does not answer in time', async () => {
    const none = await loadLocalData(
      () => Promise.resolve({ store: null, problem: 'blocked' }),
      'AL',
    );
    expect(none.problems).toEqual([
      'Changes cannot be saved in this browser (blocked); they last until this tab is closed.',
    ]);
    const slow = await loadLocalData(() => new Promise(() => {}), 'AL', 10);
    expect(slow).toMatchObject({ store: null, canSave: false });
    expect(slow.problems[0]).toMatch(/could not be read in time/);
  });
});

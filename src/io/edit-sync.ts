import type { LocalEdits } from '../domain/local-edits';
import type { MunicipalBoundaries } from '../domain/municipal-boundaries';
import {
  loadBoundaries,
  loadEdits,
  saveBoundaries,
  saveEdits,
  type KeyValueStore,
  type StoreResult,
} from './local-store';

/**
 * Keeps the store's local edits and loaded boundaries in browser storage: reads them once when
 * the dashboard opens, then saves each change. Other tabs of Harta are told through a
 * BroadcastChannel and re-read the saved edits, so two tabs never save over each other blindly.
 */

export interface EditSyncTarget {
  countryCode: string;
  read: () => { edits: LocalEdits; boundaries: MunicipalBoundaries | null; changedHere: boolean };
  subscribe: (listener: () => void) => () => void;
  applyEdits: (edits: LocalEdits) => void;
  applyBoundaries: (boundaries: MunicipalBoundaries | null) => void;
  /** Problems to show (replacing earlier ones from this source); [] clears them. */
  onProblems: (problems: string[]) => void;
  onExternalChange: () => void;
}

export interface EditSyncOptions {
  open: () => Promise<{ store: KeyValueStore | null; problem: string | null }>;
  /** Null where BroadcastChannel is missing. */
  channel?: (
    name: string,
  ) => Pick<
    BroadcastChannel,
    'postMessage' | 'close' | 'addEventListener' | 'removeEventListener'
  > | null;
}

const CHANNEL = 'harta-local-data';

function browserChannel(name: string) {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
}

/** Starts syncing; returns the function that stops it. Never throws. */
export function startEditSync(target: EditSyncTarget, options: EditSyncOptions): () => void {
  let stopped = false;
  let unsubscribe = () => {};
  const channel = (options.channel ?? browserChannel)(CHANNEL);
  const problems = new Map<string, string[]>();
  const report = (source: string, list: string[]) => {
    problems.set(source, list);
    target.onProblems([...problems.values()].flat());
  };
  const onResult = (source: string) => (result: StoreResult) =>
    report(source, result.ok ? [] : [result.message]);

  void (async () => {
    const opened = await options.open();
    if (stopped) return;
    if (!opened.store) {
      report('open', [
        `Changes cannot be saved in this browser (${opened.problem ?? 'no storage'}); they last until this tab is closed.`,
      ]);
      return;
    }
    const store = opened.store;
    const loaded = await loadEdits(store, target.countryCode);
    const boundaries = await loadBoundaries(store, target.countryCode);
    if (stopped) return;
    report('load', [...loaded.problems, ...(boundaries.problem ? [boundaries.problem] : [])]);
    // Something changed in this tab while storage opened: that change wins, and is saved below.
    const before = target.read();
    if (!before.changedHere && loaded.edits) target.applyEdits(loaded.edits);
    if (before.boundaries === null && boundaries.boundaries)
      target.applyBoundaries(boundaries.boundaries);

    let last = target.read();
    let canSave = loaded.canSave;
    let applyingExternal = false;
    const saveNow = (state: ReturnType<EditSyncTarget['read']>) => {
      if (state.edits !== last.edits && canSave) {
        void saveEdits(store, target.countryCode, state.edits).then((result) => {
          onResult('edits')(result);
          if (result.ok) channel?.postMessage({ kind: 'edits', countryCode: target.countryCode });
        });
      }
      if (state.boundaries !== last.boundaries) {
        void saveBoundaries(store, target.countryCode, state.boundaries).then((result) => {
          onResult('boundaries')(result);
          if (result.ok)
            channel?.postMessage({ kind: 'boundaries', countryCode: target.countryCode });
        });
      }
      last = state;
    };
    if (before.changedHere && canSave) {
      void saveEdits(store, target.countryCode, last.edits).then(onResult('edits'));
    }
    unsubscribe = target.subscribe(() => {
      const state = target.read();
      if (applyingExternal) {
        last = state;
        return;
      }
      if (state.edits !== last.edits || state.boundaries !== last.boundaries) saveNow(state);
    });

    const onMessage = (event: MessageEvent) => {
      const data = event.data as { kind?: unknown; countryCode?: unknown } | null;
      if (data?.countryCode !== target.countryCode) return;
      void (async () => {
        // Read first, then apply in one synchronous step that is not saved back.
        const edits = data.kind === 'edits' ? await loadEdits(store, target.countryCode) : null;
        const boundaries =
          data.kind === 'boundaries' ? await loadBoundaries(store, target.countryCode) : null;
        if (stopped) return;
        applyingExternal = true;
        try {
          if (edits?.edits) target.applyEdits(edits.edits);
          if (edits) canSave = edits.canSave;
          if (boundaries) target.applyBoundaries(boundaries.boundaries);
        } finally {
          applyingExternal = false;
        }
        if (edits || boundaries) target.onExternalChange();
      })();
    };
    channel?.addEventListener('message', onMessage);
    const previous = unsubscribe;
    unsubscribe = () => {
      previous();
      channel?.removeEventListener('message', onMessage);
    };
  })();

  return () => {
    stopped = true;
    unsubscribe();
    channel?.close();
  };
}

import type { LocalEdits } from '../domain/local-edits';
import type { MunicipalBoundaries } from '../domain/municipal-boundaries';
import { translator, type Lang } from '../i18n/messages';
import {
  loadBoundaries,
  loadEdits,
  saveBoundaries,
  saveEdits,
  type KeyValueStore,
  type StoreResult,
} from './local-store';

/**
 * Keeps the store's local edits and loaded boundaries in browser storage. `loadLocalData` reads
 * them before the dashboard is built (so a reload shows the edited view at once, and a link to a
 * locally added organisation still opens it); `startEditSync` then saves each change. Other tabs
 * are told through a BroadcastChannel and re-read the saved values, so two tabs never save over
 * each other blindly.
 */

export interface LocalData {
  store: KeyValueStore | null;
  edits: LocalEdits | null;
  boundaries: MunicipalBoundaries | null;
  /** Each a sentence for the user. */
  problems: string[];
  /** False when the saved edits must not be overwritten (see `loadEdits`). */
  canSave: boolean;
}

/** How long the first paint may wait for browser storage before going on without it. */
export const LOCAL_DATA_TIMEOUT_MS = 3000;

/** Opens browser storage and reads what it holds for this country pack. Never throws. */
export async function loadLocalData(
  open: () => Promise<{ store: KeyValueStore | null; problem: string | null }>,
  countryCode: string,
  timeoutMs = LOCAL_DATA_TIMEOUT_MS,
  lang: Lang = 'en',
): Promise<LocalData> {
  const t = translator(lang);
  const read = async (): Promise<LocalData> => {
    const opened = await open();
    if (!opened.store) {
      return {
        store: null,
        edits: null,
        boundaries: null,
        problems: [t('data.storage.cannotSave', opened.problem ?? t('data.storage.noStorage'))],
        canSave: false,
      };
    }
    const edits = await loadEdits(opened.store, countryCode, undefined, lang);
    const boundaries = await loadBoundaries(opened.store, countryCode, lang);
    return {
      store: opened.store,
      edits: edits.edits,
      boundaries: boundaries.boundaries,
      problems: [...edits.problems, ...(boundaries.problem ? [boundaries.problem] : [])],
      canSave: edits.canSave,
    };
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<LocalData>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          store: null,
          edits: null,
          boundaries: null,
          problems: [t('data.storage.timeout')],
          canSave: false,
        }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([read(), timeout]);
  } catch (error) {
    return {
      store: null,
      edits: null,
      boundaries: null,
      problems: [
        t('data.storage.unreadable', error instanceof Error ? error.message : String(error)),
      ],
      canSave: false,
    };
  } finally {
    clearTimeout(timer);
  }
}

export interface EditSyncTarget {
  countryCode: string;
  read: () => { edits: LocalEdits; boundaries: MunicipalBoundaries | null };
  subscribe: (listener: () => void) => () => void;
  applyEdits: (edits: LocalEdits) => void;
  applyBoundaries: (boundaries: MunicipalBoundaries | null) => void;
  /** The current save problems (replacing earlier ones); [] clears them. */
  onProblems: (problems: string[]) => void;
  /** Another tab changed the saved data and this one now shows it. */
  onExternalChange: () => void;
  /** The interface language, for the save problems (English when not given). */
  lang?: () => Lang;
}

type Channel = Pick<
  BroadcastChannel,
  'postMessage' | 'close' | 'addEventListener' | 'removeEventListener'
>;

const CHANNEL = 'harta-local-data';

function browserChannel(name: string): Channel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
}

/** Starts saving changes; returns the function that stops it. Never throws. */
export function startEditSync(
  target: EditSyncTarget,
  local: Pick<LocalData, 'store' | 'canSave'>,
  channelOf: (name: string) => Channel | null = browserChannel,
): () => void {
  const store = local.store;
  if (!store) return () => {};
  let canSave = local.canSave;
  const lang = target.lang ?? ((): Lang => 'en');
  let stopped = false;
  const channel = channelOf(CHANNEL);
  const problems = new Map<string, string[]>();
  const report = (source: string) => (result: StoreResult) => {
    problems.set(source, result.ok ? [] : [result.message]);
    target.onProblems([...problems.values()].flat());
  };

  let last = target.read();
  let applyingExternal = false;
  const unsubscribe = target.subscribe(() => {
    const state = target.read();
    const previous = last;
    last = state;
    if (applyingExternal) return;
    if (state.edits !== previous.edits && canSave) {
      void saveEdits(store, target.countryCode, state.edits, undefined, lang()).then((result) => {
        report('edits')(result);
        if (result.ok) channel?.postMessage({ kind: 'edits', countryCode: target.countryCode });
      });
    }
    if (state.boundaries !== previous.boundaries) {
      void saveBoundaries(store, target.countryCode, state.boundaries, lang()).then((result) => {
        report('boundaries')(result);
        if (result.ok)
          channel?.postMessage({ kind: 'boundaries', countryCode: target.countryCode });
      });
    }
  });

  const onMessage = (event: MessageEvent) => {
    const data = event.data as { kind?: unknown; countryCode?: unknown } | null;
    if (data?.countryCode !== target.countryCode) return;
    void (async () => {
      // Read first, then apply in one synchronous step that is not saved back.
      const edits =
        data.kind === 'edits'
          ? await loadEdits(store, target.countryCode, undefined, lang())
          : null;
      const boundaries =
        data.kind === 'boundaries' ? await loadBoundaries(store, target.countryCode, lang()) : null;
      if (stopped || (!edits && !boundaries)) return;
      applyingExternal = true;
      try {
        if (edits?.edits) target.applyEdits(edits.edits);
        if (edits) canSave = edits.canSave;
        if (boundaries) target.applyBoundaries(boundaries.boundaries);
      } finally {
        applyingExternal = false;
      }
      target.onExternalChange();
    })();
  };
  channel?.addEventListener('message', onMessage);

  return () => {
    stopped = true;
    unsubscribe();
    channel?.removeEventListener('message', onMessage);
    channel?.close();
  };
}

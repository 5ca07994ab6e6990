import type { RestorableState } from '../domain/view-state';
import { mergeUrlState, parseUrlState, type KnownIds } from './url-state';

/**
 * How long the address waits for the view to settle before following it (ms). Writing the
 * address is not free: Chromium treats each `history.replaceState` as a same-document navigation
 * and fetches and decodes the page's icon again, ≈ 8 ms of the page's thread per write on
 * 2 cores, inside every filter change. A user pauses longer than this before copying the link.
 */
export const URL_WRITE_DELAY_MS = 300;

export interface UrlSyncOptions {
  known: KnownIds;
  /** The state to write into the URL now. */
  read: () => RestorableState;
  /** Calls the listener after every state change; returns an unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** Applies a state read from the URL (back/forward navigation). */
  apply: (state: RestorableState) => void;
  onProblems: (problems: string[]) => void;
  /** Overrides `URL_WRITE_DELAY_MS` (tests). */
  delayMs?: number;
}

/**
 * Keeps the address bar and the view in step, and Back/Forward restore the view from the URL.
 * - A change of selection adds a history entry at once, so Back returns to the previous
 *   selection.
 * - Every other change (filters, tab, map moves, keystrokes) replaces the current entry once the
 *   view has been still for `URL_WRITE_DELAY_MS`, and at the latest when the page is hidden.
 */
export function startUrlSync(options: UrlSyncOptions): () => void {
  const delay = options.delayMs ?? URL_WRITE_DELAY_MS;
  const selectionOf = (state: RestorableState) => JSON.stringify(state.selection);
  const urlOf = (search: string) => `${window.location.pathname}${search}${window.location.hash}`;
  // Start from the canonical form of the link ("sel=m:AL212" → "sel=m%3AAL212", unknown ids
  // dropped), so later comparisons are between like and like.
  let last = options.read();
  let lastSearch = mergeUrlState(window.location.search, last);
  if (lastSearch !== window.location.search)
    window.history.replaceState(null, '', urlOf(lastSearch));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  /** Replaces the current entry with `state`, if that changes the address. */
  const replace = (state: RestorableState) => {
    const search = mergeUrlState(window.location.search, state);
    if (search !== lastSearch) window.history.replaceState(null, '', urlOf(search));
    last = state;
    lastSearch = search;
  };
  const flush = () => {
    cancel();
    replace(options.read());
  };
  const onChange = () => {
    const state = options.read();
    if (selectionOf(state) === selectionOf(last)) {
      // Trailing: the address follows once the changes pause.
      cancel();
      if (mergeUrlState(window.location.search, state) !== lastSearch) {
        timer = setTimeout(flush, delay);
      }
      return;
    }
    // A new selection: what changed before it belongs to the entry being left (as if it had
    // been written at once), the selection to a new entry.
    if (timer !== null) replace({ ...state, selection: last.selection });
    cancel();
    const search = mergeUrlState(window.location.search, state);
    window.history.pushState(null, '', urlOf(search));
    last = state;
    lastSearch = search;
  };
  const onPopState = () => {
    cancel();
    const { state, problems } = parseUrlState(window.location.search, options.known);
    last = state;
    lastSearch = mergeUrlState(window.location.search, state);
    options.apply(state);
    if (problems.length > 0) options.onProblems(problems);
  };
  const onHidden = () => {
    if (timer !== null) flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onHidden();
  };
  const unsubscribe = options.subscribe(onChange);
  window.addEventListener('popstate', onPopState);
  window.addEventListener('pagehide', onHidden);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    cancel();
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener('pagehide', onHidden);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

/** Reads the initial view from the current URL. */
export function readInitialUrlState(known: KnownIds) {
  return parseUrlState(window.location.search, known);
}

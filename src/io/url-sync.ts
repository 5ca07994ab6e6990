import type { RestorableState } from '../domain/view-state';
import { parseUrlState, serializeUrlState, type KnownIds } from './url-state';

export interface UrlSyncOptions {
  known: KnownIds;
  /** The state to write into the URL now. */
  read: () => RestorableState;
  /** Calls the listener after every state change; returns an unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** Applies a state read from the URL (back/forward navigation). */
  apply: (state: RestorableState) => void;
  onProblems: (problems: string[]) => void;
}

/**
 * Keeps the address bar and the view in step: every change replaces the URL (no history entry
 * per keystroke or map move; selections add one, so Back returns to the previous selection),
 * and Back/Forward restore the view from the URL.
 */
export function startUrlSync(options: UrlSyncOptions): () => void {
  let lastSearch = window.location.search;
  let lastSelection = serializeUrlState({ ...options.read(), mapView: null }).match(
    /sel=[^&]*/,
  )?.[0];
  const write = () => {
    const state = options.read();
    const search = serializeUrlState(state);
    if (search === lastSearch) return;
    const selection = search.match(/sel=[^&]*/)?.[0];
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (selection !== lastSelection) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    lastSearch = search;
    lastSelection = selection;
  };
  const onPopState = () => {
    const { state, problems } = parseUrlState(window.location.search, options.known);
    lastSearch = window.location.search;
    lastSelection = lastSearch.match(/sel=[^&]*/)?.[0];
    options.apply(state);
    if (problems.length > 0) options.onProblems(problems);
  };
  const unsubscribe = options.subscribe(write);
  window.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
  };
}

/** Reads the initial view from the current URL. */
export function readInitialUrlState(known: KnownIds) {
  return parseUrlState(window.location.search, known);
}

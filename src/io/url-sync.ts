import type { RestorableState } from '../domain/view-state';
import { mergeUrlState, parseUrlState, type KnownIds } from './url-state';

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
  const selectionOf = (state: RestorableState) => JSON.stringify(state.selection);
  // Start from the canonical form of the link ("sel=m:AL212" → "sel=m%3AAL212", unknown ids
  // dropped), so later comparisons are between like and like.
  let last = options.read();
  let lastSearch = mergeUrlState(window.location.search, last);
  if (lastSearch !== window.location.search) {
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${lastSearch}${window.location.hash}`,
    );
  }
  const write = () => {
    const state = options.read();
    const search = mergeUrlState(window.location.search, state);
    if (search === lastSearch) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (selectionOf(state) !== selectionOf(last)) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    last = state;
    lastSearch = search;
  };
  const onPopState = () => {
    const { state, problems } = parseUrlState(window.location.search, options.known);
    last = state;
    lastSearch = mergeUrlState(window.location.search, state);
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

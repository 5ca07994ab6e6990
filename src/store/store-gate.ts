import type { StoreApi } from 'zustand/vanilla';

/**
 * A view of a store that can be held: while held, its readers see the state as it was when the
 * hold began and hear of no change; on release they see the current state and hear of it once.
 * Writes always go to the store itself (the state's actions are the store's own functions).
 *
 * The dashboard holds the sections below the fold this way while they are far from the
 * screen: a filter change then costs them nothing, and they catch up before anyone can see
 * them (see src/components/hold-while-far.tsx).
 */
export interface StoreGate<State> extends StoreApi<State> {
  hold: () => void;
  release: () => void;
  readonly held: boolean;
  /** Held, and the store has changed since: what the readers see is out of date. */
  readonly stale: boolean;
  /** Hears when `stale` changes; returns how to stop. */
  watchStale: (listener: (stale: boolean) => void) => () => void;
}

/** Wraps `store` in a gate, open at first. */
export function createStoreGate<State>(store: StoreApi<State>): StoreGate<State> {
  const listeners = new Set<(state: State, previous: State) => void>();
  const staleWatchers = new Set<(stale: boolean) => void>();
  /** What held readers see; null while open. */
  let snapshot: { state: State } | null = null;
  let stale = false;

  const setStale = (next: boolean) => {
    if (next === stale) return;
    stale = next;
    for (const watcher of [...staleWatchers]) watcher(next);
  };

  const forward = (state: State, previous: State) => {
    if (snapshot !== null) {
      setStale(state !== snapshot.state);
      return;
    }
    for (const listener of [...listeners]) listener(state, previous);
  };
  /** Listening to the store only while someone listens to the gate, so a gate never leaks. */
  let unsubscribe: (() => void) | null = null;

  return {
    getState: () => (snapshot === null ? store.getState() : snapshot.state),
    getInitialState: () => store.getInitialState(),
    setState: store.setState,
    subscribe: (listener) => {
      listeners.add(listener);
      unsubscribe ??= store.subscribe(forward);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unsubscribe?.();
          unsubscribe = null;
        }
      };
    },
    hold: () => {
      snapshot ??= { state: store.getState() };
    },
    release: () => {
      if (snapshot === null) return;
      const seen = snapshot.state;
      snapshot = null;
      setStale(false);
      const current = store.getState();
      if (current === seen) return;
      for (const listener of [...listeners]) listener(current, seen);
    },
    get held() {
      return snapshot !== null;
    },
    get stale() {
      return stale;
    },
    watchStale: (listener) => {
      staleWatchers.add(listener);
      return () => staleWatchers.delete(listener);
    },
  };
}

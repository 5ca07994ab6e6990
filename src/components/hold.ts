import { createContext, useContext, useEffect, useMemo, useRef, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { HartaState, HartaStore } from '../store/harta-store';
import { createStoreGate, type StoreGate } from '../store/store-gate';

/**
 * What a held section offers the components inside it: bring what they show up to date now,
 * synchronously, so the DOM can be read right after (a chart's download reads its drawing).
 */
export interface Hold {
  bringUpToDate: () => void;
}

/** Outside any held section everything is always current. */
export const HoldContext = createContext<Hold>({ bringUpToDate: () => {} });

export function useHold(): Hold {
  return useContext(HoldContext);
}

/**
 * Holds `store` for the components inside `section` while the section is farther from the
 * viewport than `margin` (an IntersectionObserver root margin): they keep what they last showed,
 * a filter change costs them nothing, and the section says `aria-busy` while that is out of
 * date. They catch up as the section comes near, before printing (a printout shows the whole
 * page) and on `bringUpToDate`. Where there is no IntersectionObserver (older browsers, jsdom)
 * nothing is held.
 */
export function useHoldWhileFar(
  store: HartaStore,
  section: RefObject<HTMLElement | null>,
  margin: string,
): { gate: StoreGate<HartaState>; hold: Hold } {
  const gate = useMemo(() => createStoreGate(store), [store]);

  const near = useRef(true);
  const hold = useMemo<Hold>(
    () => ({
      bringUpToDate: () => {
        if (!gate.stale) return;
        flushSync(() => gate.release());
        if (!near.current) gate.hold();
      },
    }),
    [gate, near],
  );

  useEffect(() => {
    const element = section.current;
    if (element === null || typeof IntersectionObserver === 'undefined') return;
    const stopWatching = gate.watchStale((stale) => {
      if (stale) element.setAttribute('aria-busy', 'true');
      else element.removeAttribute('aria-busy');
    });
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last === undefined) return;
        near.current = last.isIntersecting;
        if (near.current) gate.release();
        else gate.hold();
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    window.addEventListener('beforeprint', hold.bringUpToDate);
    return () => {
      observer.disconnect();
      stopWatching();
      window.removeEventListener('beforeprint', hold.bringUpToDate);
      near.current = true;
      gate.release();
    };
  }, [gate, hold, near, section, margin]);

  return { gate, hold };
}

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { HartaState, HartaStore } from './harta-store';

export const StoreContext = createContext<HartaStore | null>(null);

export function useHartaStoreApi(): HartaStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useHarta must be used inside <StoreProvider>');
  return store;
}

/** Reads the store through a selector; re-renders only when the selected value changes. */
export function useHarta<T>(selector: (state: HartaState) => T): T {
  return useStore(useHartaStoreApi(), selector);
}

import type { ReactNode } from 'react';
import type { HartaStore } from './harta-store';
import { StoreContext } from './store-context';

/** Makes one store available below it; tests give each render its own. */
export function StoreProvider({ store, children }: { store: HartaStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

import { useContext, useMemo, useSyncExternalStore } from 'react';
import { translator, type Lang, type Translate } from '../../i18n/messages';
import { StoreContext } from '../../store/store-context';

const NO_SUBSCRIPTION = () => () => {};

/**
 * The interface language of the store above, or English where there is none: the charts and
 * the printable report also render on their own (the report page has no dashboard store).
 */
export function useInterfaceLang(): Lang {
  const store = useContext(StoreContext);
  return useSyncExternalStore(
    store ? store.subscribe : NO_SUBSCRIPTION,
    () => store?.getState().lang ?? 'en',
  );
}

/** `useT` that also works without a store (English). */
export function useInterfaceT(lang: Lang): Translate {
  return useMemo(() => translator(lang), [lang]);
}

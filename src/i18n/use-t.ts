import { useMemo } from 'react';
import { useHarta } from '../store/store-context';
import { translator, type Translate } from './messages';

/** The interface's words in the language chosen (store `lang`). */
export function useT(): Translate {
  const lang = useHarta((state) => state.lang);
  return useMemo(() => translator(lang), [lang]);
}

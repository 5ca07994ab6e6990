import { useContext, useSyncExternalStore } from 'react';
import { formatNumber, translator, type Lang } from '../i18n/messages';
import { langFromSearch } from '../io/lang-url';
import { StoreContext } from '../store/store-context';

interface DataProblemsProps {
  problems: string[];
}

const noSubscription = () => () => {};

/**
 * The interface language: the store's when there is one; without one (the data could not be
 * loaded, so there is no store) the language the address asks for.
 */
function usePageLang(): Lang {
  const store = useContext(StoreContext);
  const fromStore = useSyncExternalStore(store ? store.subscribe : noSubscription, () =>
    store ? store.getState().lang : null,
  );
  return fromStore ?? langFromSearch(window.location.search).lang;
}

/** Lists data problems as plain text; the rest of the data stays usable. */
export function DataProblems({ problems }: DataProblemsProps) {
  const lang = usePageLang();
  if (problems.length === 0) return null;
  const t = translator(lang);
  return (
    <section className="data-problems" role="alert" aria-labelledby="data-problems-title">
      <h2 id="data-problems-title">
        {t('notice.data.title', problems.length, formatNumber(lang, problems.length))}
      </h2>
      <p>{t('notice.data.skipped')}</p>
      <ul>
        {problems.slice(0, 100).map((problem, index) => (
          <li key={index}>
            {/* Diagnostics from the data readers, with file and line: in English. */}
            <code lang="en">{problem}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

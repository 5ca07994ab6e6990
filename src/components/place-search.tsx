import { useId, useMemo, useState } from 'react';
import { createSearchIndex } from '../domain/search-index';
import { useT } from '../i18n/use-t';
import { useHarta } from '../store/store-context';

/** Jump to an organisation, municipality, town or county by typing part of its name. */
export function PlaceSearch() {
  const gazetteer = useHarta((state) => state.gazetteer);
  const dataset = useHarta((state) => state.dataset);
  const select = useHarta((state) => state.select);
  const index = useMemo(() => createSearchIndex(gazetteer, dataset), [gazetteer, dataset]);
  const [query, setQuery] = useState('');
  const results = index.search(query);
  const listId = useId();
  const t = useT();

  return (
    <div className="place-search" role="search">
      <label htmlFor={`${listId}-input`}>{t('search.label')}</label>
      <input
        id={`${listId}-input`}
        type="search"
        value={query}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        aria-controls={query.trim() !== '' ? listId : undefined}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          const first = results[0];
          if (event.key === 'Enter' && first) {
            select(first.target);
            setQuery('');
          }
          if (event.key === 'Escape') setQuery('');
        }}
      />
      {query.trim() !== '' ? (
        <ul id={listId} className="search-results" aria-label={t('search.results')}>
          {results.length === 0 ? <li className="muted">{t('search.none', query)}</li> : null}
          {results.map((result) => (
            <li key={`${result.target.kind}:${result.target.id}`}>
              <button
                type="button"
                onClick={() => {
                  select(result.target);
                  setQuery('');
                }}
              >
                <span className="result-label">{result.label}</span>{' '}
                <span className="muted">{result.detail}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

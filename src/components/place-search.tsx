import { useId, useMemo, useState } from 'react';
import { createSearchIndex } from '../domain/search-index';
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

  return (
    <div className="place-search" role="search">
      <label htmlFor={`${listId}-input`}>Find an organisation, municipality, town or village</label>
      <input
        id={`${listId}-input`}
        type="search"
        value={query}
        placeholder="e.g. cerrik, kukesi, Paskuqan, IDM"
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
        <ul id={listId} className="search-results" aria-label="Search results">
          {results.length === 0 ? <li className="muted">Nothing matches “{query}”.</li> : null}
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

import { useId, useMemo, useState } from 'react';
import type { Gazetteer } from '../domain/gazetteer-schema';
import { createSearchIndex, type SearchResult } from '../domain/search-index';
import type { Translate } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { useHarta } from '../store/store-context';

/**
 * A result row in the interface's language: what it is and why it matched ("Municipality,
 * Elbasan county"; "Paskuqan is in Kamëz"), rebuilt from the gazetteer, as the index gives
 * these in English. A municipality found by one of its settlements has a detail beginning with
 * that settlement's name (the longest such name, should one name begin another).
 */
function resultRow(
  result: SearchResult,
  gazetteer: Gazetteer,
  t: Translate,
): { label: string; detail: string; isName: boolean } {
  const { kind, id } = result.target;
  if (kind === 'organisation') {
    return { label: result.label, detail: t('panel.search.organisationDetail'), isName: true };
  }
  if (kind === 'county') {
    const county = gazetteer.counties.find((c) => c.id === id)?.name ?? id;
    return {
      label: t('organisation.county', county),
      detail: t('panel.search.countyDetail'),
      isName: false,
    };
  }
  const municipality = gazetteer.municipalities.find((m) => m.id === id);
  if (!municipality) return { label: result.label, detail: result.detail, isName: false };
  const settlement = gazetteer.settlements
    .filter((s) => s.municipality === id && result.detail.startsWith(`${s.name} `))
    .sort((a, b) => b.name.length - a.name.length)[0];
  const county = gazetteer.counties.find((c) => c.id === municipality.county)?.name ?? '';
  return {
    label: result.label,
    detail: settlement
      ? t('panel.search.settlementDetail', settlement.name, municipality.name)
      : t('panel.search.municipalityDetail', county),
    isName: false,
  };
}

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
          {results.map((result) => {
            const row = resultRow(result, gazetteer, t);
            return (
              <li key={`${result.target.kind}:${result.target.id}`}>
                <button
                  type="button"
                  onClick={() => {
                    select(result.target);
                    setQuery('');
                  }}
                >
                  <span className="result-label" translate={row.isName ? 'no' : undefined}>
                    {row.label}
                  </span>{' '}
                  <span className="muted">{row.detail}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

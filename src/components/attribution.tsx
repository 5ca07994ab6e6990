import type { Gazetteer } from '../domain/gazetteer-schema';
import type { DocumentRef } from '../domain/dataset';
import { useT } from '../i18n/use-t';

interface AttributionProps {
  gazetteer: Gazetteer;
  documents: DocumentRef[];
}

/** Credits every source the screen draws on; GeoNames' CC BY licence requires it. */
export function Attribution({ gazetteer, documents }: AttributionProps) {
  const t = useT();
  // Titles, years and credits are quoted from the English sources; names are names.
  return (
    <footer className="attribution">
      <h2>{t('map.sources')}</h2>
      <ul>
        {documents.map((document) => (
          <li key={document.id}>
            <span lang="en">{document.title}</span>,{' '}
            <span translate="no">{document.publisher}</span>, <span lang="en">{document.year}</span>
            .
          </li>
        ))}
        {gazetteer.sources.map((source) => (
          <li key={source.id}>
            <span lang="en">{source.attribution}</span> ({t('map.package')}{' '}
            <span translate="no">
              {source.package} {source.version}
            </span>
            , <span lang="en">{source.licence}</span>).
          </li>
        ))}
      </ul>
    </footer>
  );
}

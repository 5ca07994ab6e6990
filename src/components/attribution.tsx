import type { Gazetteer } from '../domain/gazetteer-schema';
import type { DocumentRef } from '../domain/dataset';

interface AttributionProps {
  gazetteer: Gazetteer;
  documents: DocumentRef[];
}

/** Credits every source the screen draws on; GeoNames' CC BY licence requires it. */
export function Attribution({ gazetteer, documents }: AttributionProps) {
  return (
    <footer className="attribution">
      <h2>Sources</h2>
      <ul>
        {documents.map((document) => (
          <li key={document.id}>
            {document.title}, {document.publisher}, {document.year}.
          </li>
        ))}
        {gazetteer.sources.map((source) => (
          <li key={source.id}>
            {source.attribution} (package {source.package} {source.version}, {source.licence}).
          </li>
        ))}
      </ul>
    </footer>
  );
}

import { useId, useState } from 'react';
import { export3wCsv, export3wGeoJson, export3wJson } from '../domain/export-3w';
import { describeEdits } from '../domain/local-edits';
import { describeFilters } from '../domain/slide-layout';
import { selectEditSummary, selectFilteredOrganisations, selectNames } from '../store/selectors';
import { useHarta } from '../store/store-context';
import { SlideExport, type SlideExportProps } from './slide-export';
import { useDismissableDetails } from './use-dismissable-details';

type Format = 'csv' | 'geojson' | 'json';

const FORMATS: { id: Format; label: string; mimeType: string; extension: string }[] = [
  { id: 'csv', label: 'HXL 3W sheet (CSV)', mimeType: 'text/csv', extension: 'csv' },
  { id: 'geojson', label: 'GeoJSON', mimeType: 'application/geo+json', extension: 'geojson' },
  { id: 'json', label: 'JSON', mimeType: 'application/json', extension: 'json' },
];

/**
 * Exports the organisations as a 3W sheet (long form, HXL-tagged, re-importable), GeoJSON or
 * JSON: the current filter only, or everything. Planned interventions are never exported.
 */
export function ExportMenu({
  download,
  slides,
}: {
  download: (fileName: string, text: string, mimeType: string) => void;
  /** The map as an image for slides, when the app can draw one. */
  slides?: SlideExportProps;
}) {
  const id = useId();
  const gazetteer = useHarta((state) => state.gazetteer);
  const dataset = useHarta((state) => state.dataset);
  const filters = useHarta((state) => state.filters);
  const filtered = useHarta(selectFilteredOrganisations);
  const names = useHarta(selectNames);
  const editSummary = useHarta(selectEditSummary);
  const [format, setFormat] = useState<Format>('csv');
  const [everything, setEverything] = useState(false);
  const description = describeFilters(filters, names);
  const sources = filtered.filter((o) => !o.planned);
  const chosen = everything || description === null ? dataset.organisations : sources;

  const onExport = () => {
    const exportedAt = new Date().toISOString().slice(0, 10);
    const context = {
      gazetteer,
      dataset,
      exportedAt,
      filterDescription: everything ? null : description,
      localChanges: describeEdits(editSummary),
    };
    const spec = FORMATS.find((entry) => entry.id === format) ?? FORMATS[0];
    if (!spec) return;
    const text =
      format === 'csv'
        ? export3wCsv(chosen, context)
        : `${JSON.stringify(
            format === 'geojson' ? export3wGeoJson(chosen, context) : export3wJson(chosen, context),
            null,
            2,
          )}\n`;
    const scope = everything || description === null ? 'all' : 'filtered';
    download(
      `harta-3w-${gazetteer.country.code.toLowerCase()}-${scope}-${exportedAt}.${spec.extension}`,
      text,
      spec.mimeType,
    );
  };

  const [detailsRef, onDetailsKeyDown] = useDismissableDetails();
  return (
    <details ref={detailsRef} className="choice-list export-menu" onKeyDown={onDetailsKeyDown}>
      <summary>Export</summary>
      <fieldset>
        <legend className="visually-hidden">Export organisations</legend>
        <label htmlFor={`${id}-format`}>Format</label>
        <select
          id={`${id}-format`}
          value={format}
          onChange={(event) => setFormat(event.target.value as Format)}
        >
          {FORMATS.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label}
            </option>
          ))}
        </select>
        <label>
          <input
            type="radio"
            name={`${id}-scope`}
            checked={!everything}
            disabled={description === null}
            onChange={() => setEverything(false)}
          />
          Current filter only ({sources.length} organisations)
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-scope`}
            checked={everything || description === null}
            onChange={() => setEverything(true)}
          />
          Everything ({dataset.organisations.length} organisations)
        </label>
        <p className="muted export-note">
          Each row carries its source and today&apos;s date; planned interventions are exported from
          the Plans tab.
        </p>
        <button type="button" className="primary-button" onClick={onExport}>
          Download {chosen.length} organisations
        </button>
      </fieldset>
      {slides ? <SlideExport {...slides} /> : null}
    </details>
  );
}

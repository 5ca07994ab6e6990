import { useId, useState } from 'react';
import { export3wCsv, export3wGeoJson, export3wJson } from '../domain/export-3w';
import type { TaxonomyEntry } from '../domain/dataset';
import { describeEdits } from '../domain/local-edits';
import { describeFilters } from '../domain/slide-layout';
import { formatNumber } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { slideWords } from '../io/slide-image';
import { selectEditSummary, selectFilteredOrganisations, selectNames } from '../store/selectors';
import { useHarta } from '../store/store-context';
import { SlideExport, type SlideExportProps } from './slide-export';
import { useDismissableDetails } from './use-dismissable-details';

type Format = 'csv' | 'geojson' | 'json';

type Taxonomy = readonly TaxonomyEntry[];

/** Format names; only the CSV sheet's needs words. */
const FORMATS: { id: Format; label: string | null; mimeType: string; extension: string }[] = [
  { id: 'csv', label: null, mimeType: 'text/csv', extension: 'csv' },
  { id: 'geojson', label: 'GeoJSON', mimeType: 'application/geo+json', extension: 'geojson' },
  { id: 'json', label: 'JSON', mimeType: 'application/json', extension: 'json' },
];

/** The taxonomy's own (English) labels: an exported file's filter note stays in English. */
const fileNames = (dataset: {
  activityTypes: Taxonomy;
  focusTypes: Taxonomy;
  organisationKinds: Taxonomy;
}) => {
  const labels = (entries: Taxonomy) => new Map(entries.map((entry) => [entry.id, entry.label]));
  return {
    activityType: labels(dataset.activityTypes),
    focusType: labels(dataset.focusTypes),
    kind: labels(dataset.organisationKinds),
  };
};

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
  const lang = useHarta((state) => state.lang);
  const t = useT();
  const [format, setFormat] = useState<Format>('csv');
  const [everything, setEverything] = useState(false);
  const description = describeFilters(filters, names, slideWords(lang));
  const sources = filtered.filter((o) => !o.planned);
  const chosen = everything || description === null ? dataset.organisations : sources;

  const onExport = () => {
    const exportedAt = new Date().toISOString().slice(0, 10);
    const context = {
      gazetteer,
      dataset,
      exportedAt,
      // The file's own text is English whatever the interface shows (export-3w writes it).
      filterDescription: everything
        ? null
        : describeFilters(filters, fileNames(dataset), slideWords('en')),
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
      <summary>{t('export.summary')}</summary>
      <fieldset>
        <legend className="visually-hidden">{t('export.legend')}</legend>
        <label htmlFor={`${id}-format`}>{t('export.format')}</label>
        <select
          id={`${id}-format`}
          value={format}
          onChange={(event) => setFormat(event.target.value as Format)}
        >
          {FORMATS.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label ?? t('export.format.csv')}
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
          {t('export.filtered', sources.length, formatNumber(lang, sources.length))}
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-scope`}
            checked={everything || description === null}
            onChange={() => setEverything(true)}
          />
          {t(
            'export.everything',
            dataset.organisations.length,
            formatNumber(lang, dataset.organisations.length),
          )}
        </label>
        <p className="muted export-note">{t('export.note')}</p>
        <button type="button" className="primary-button" onClick={onExport}>
          {t('export.download', chosen.length, formatNumber(lang, chosen.length))}
        </button>
      </fieldset>
      {slides ? <SlideExport {...slides} /> : null}
    </details>
  );
}

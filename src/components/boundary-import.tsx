import { useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import {
  MAX_BOUNDARY_FILE_BYTES,
  matchBoundaries,
  readBoundaryFile,
  type BoundaryFailure,
  type BoundaryPreviewOptions,
  type BoundaryProperty,
  type BoundaryRow,
  type BoundaryRowStatus,
  type ReadBoundaryFile,
  type ReadyBoundaryPreview,
} from '../domain/boundary-import';
import type { Municipality } from '../domain/gazetteer-schema';
import { formatNumber, type Lang } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import type { HartaState } from '../store/harta-store';
import { useHarta } from '../store/store-context';
import './boundary-import.css';

export interface BoundaryImportProps {
  /** Reads a chosen file as text (src/io/download.ts `readFileText`; tests inject their own). */
  readText: (file: File) => Promise<string>;
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  /** The file's problem (named in words with its file), or what reading it threw. */
  | { kind: 'failed'; fileName: string; failure: BoundaryFailure | string }
  | { kind: 'preview'; file: ReadBoundaryFile };

/** More rows than this are summarised, not listed (a municipality file has about 61). */
const MAX_ROWS_SHOWN = 400;

const STATUS_KEY = {
  matched: 'boundaries.status.matched',
  duplicate: 'boundaries.status.duplicate',
  county: 'boundaries.status.county',
  unmatched: 'boundaries.status.unmatched',
  ambiguous: 'boundaries.status.ambiguous',
  skipped: 'boundaries.status.skipped',
  'left-out': 'boundaries.status.left-out',
} as const satisfies Readonly<Record<BoundaryRowStatus, string>>;

const selectGazetteer = (state: HartaState) => state.gazetteer;
const selectBoundaries = (state: HartaState) => state.municipalBoundaries;
const selectSetBoundaries = (state: HartaState) => state.setMunicipalBoundaries;
const selectLang = (state: HartaState) => state.lang;

/** A count as the table's plural messages take it. */
function counted(lang: Lang, n: number) {
  return { n, text: formatNumber(lang, n) };
}

/**
 * Loads municipal boundaries from the user's GeoJSON file: pick a file, see how each feature
 * matches a municipality (and fix what does not: another name property, a suggestion, a choice
 * per feature, leaving one out), then apply, or cancel with nothing changed. Names from the file
 * are only ever shown as text.
 */
/** Which feature property holds the names (or the codes); "(none)" reads none. */
function PropertySelect({
  label,
  value,
  properties,
  onChange,
}: {
  label: string;
  value: string | null;
  properties: readonly BoundaryProperty[];
  onChange: (key: string | null) => void;
}) {
  const t = useT();
  return (
    <label>
      {label}{' '}
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{t('boundaries.none')}</option>
        {properties.map((property) => (
          // The key and its sample values are the file's data, in whatever language it has.
          <option key={property.key} value={property.key} translate="no">
            {t('boundaries.property', property.key, property.samples)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function BoundaryImport({ readText }: BoundaryImportProps) {
  const gazetteer = useHarta(selectGazetteer);
  const loaded = useHarta(selectBoundaries);
  const setMunicipalBoundaries = useHarta(selectSetBoundaries);
  const lang = useHarta(selectLang);
  const t = useT();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [options, setOptions] = useState<BoundaryPreviewOptions>({});
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  /** The file being read; a newer choice makes an older read's result stale. */
  const readToken = useRef(0);
  const id = useId();

  const preview = useMemo(
    () => (stage.kind === 'preview' ? matchBoundaries(stage.file, gazetteer, options) : null),
    [stage, gazetteer, options],
  );
  const municipalities = useMemo(
    () => [...gazetteer.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'sq')),
    [gazetteer],
  );

  const reset = () => {
    setStage({ kind: 'idle' });
    setOptions({});
    if (inputRef.current) inputRef.current.value = '';
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const token = ++readToken.current;
    setOptions({});
    if (file.size > MAX_BOUNDARY_FILE_BYTES) {
      setStage({
        kind: 'failed',
        fileName: file.name,
        failure: { code: 'too-large', megabytes: MAX_BOUNDARY_FILE_BYTES / 1024 / 1024 },
      });
      setAnnouncement('');
      return;
    }
    setStage({ kind: 'reading', fileName: file.name });
    setAnnouncement(t('boundaries.reading', file.name));
    let text: string;
    try {
      text = await readText(file);
    } catch (error) {
      if (token !== readToken.current) return;
      setStage({
        kind: 'failed',
        fileName: file.name,
        failure: error instanceof Error ? error.message : String(error),
      });
      setAnnouncement('');
      return;
    }
    if (token !== readToken.current) return;
    const read = readBoundaryFile(file.name, text, gazetteer);
    if (!read.ok) {
      setStage({ kind: 'failed', fileName: file.name, failure: read.message });
      setAnnouncement('');
      return;
    }
    setStage({ kind: 'preview', file: read });
    const counts = matchBoundaries(read, gazetteer).counts;
    setAnnouncement(
      t('boundaries.read', file.name, {
        features: counted(lang, counts.features),
        municipalities: counted(lang, counts.drawnMunicipalities),
      }),
    );
  };

  const apply = (ready: ReadyBoundaryPreview) => {
    const boundaries = ready.boundaries();
    setMunicipalBoundaries(boundaries);
    setAnnouncement(
      t('boundaries.applied', ready.fileName, counted(lang, boundaries.features.length)),
    );
    reset();
  };

  const cancel = () => {
    reset();
    setAnnouncement(t('boundaries.cancelled'));
  };

  const remove = () => {
    if (!loaded) return;
    setMunicipalBoundaries(null);
    setAnnouncement(t('boundaries.removed', loaded.fileName));
  };

  const assign = (index: number, municipalityId: string | null) =>
    setOptions((current) => ({
      ...current,
      assignments: { ...current.assignments, [index]: municipalityId },
    }));

  return (
    <section className="boundary-import" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('boundaries.title')}</h3>
      <p className="muted">
        {t('boundaries.intro', formatNumber(lang, gazetteer.municipalities.length))}
      </p>
      {loaded ? (
        <p className="boundary-loaded">
          {t('boundaries.loaded')} <strong translate="no">{loaded.fileName}</strong>,{' '}
          {t('boundaries.loadedCount', counted(lang, loaded.features.length))}{' '}
          <button type="button" onClick={remove}>
            {t('boundaries.remove')}
          </button>
        </p>
      ) : null}
      <p>
        <label htmlFor={`${id}-file`}>{t('boundaries.fileLabel')}</label>{' '}
        <input
          ref={inputRef}
          id={`${id}-file`}
          type="file"
          accept=".geojson,.json"
          data-testid="boundary-import-file"
          onChange={(event) => void onFile(event)}
        />
      </p>
      <p role="status" aria-live="polite" className="boundary-status">
        {announcement}
      </p>
      {stage.kind === 'failed' ? (
        <p className="notice error" role="alert">
          {typeof stage.failure === 'string'
            ? stage.failure
            : t('boundaries.failure', stage.failure, stage.fileName)}
          {t('boundaries.nothingChanged')}
        </p>
      ) : null}
      {preview ? (
        <BoundaryPreviewView
          preview={preview}
          municipalities={municipalities}
          headingId={`${id}-preview`}
          onNameProperty={(nameProperty) => setOptions((current) => ({ ...current, nameProperty }))}
          onCodeProperty={(codeProperty) => setOptions((current) => ({ ...current, codeProperty }))}
          onAssign={assign}
          onApply={() => apply(preview)}
          onCancel={cancel}
        />
      ) : null}
    </section>
  );
}

interface BoundaryPreviewViewProps {
  preview: ReadyBoundaryPreview;
  municipalities: readonly Municipality[];
  headingId: string;
  onNameProperty: (key: string | null) => void;
  onCodeProperty: (key: string | null) => void;
  onAssign: (index: number, municipalityId: string | null) => void;
  onApply: () => void;
  onCancel: () => void;
}

function BoundaryPreviewView({
  preview,
  municipalities,
  headingId,
  onNameProperty,
  onCodeProperty,
  onAssign,
  onApply,
  onCancel,
}: BoundaryPreviewViewProps) {
  const { counts } = preview;
  const shown = preview.rows.slice(0, MAX_ROWS_SHOWN);
  const showCode = preview.codeProperty !== null;
  const t = useT();
  const lang = useHarta(selectLang);
  const n = (value: number) => formatNumber(lang, value);
  return (
    <div className="boundary-preview" role="region" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {t('boundaries.previewOf')} <span translate="no">{preview.fileName}</span>
      </h4>
      <div className="boundary-properties">
        <PropertySelect
          label={t('boundaries.nameProperty')}
          value={preview.nameProperty}
          properties={preview.properties}
          onChange={onNameProperty}
        />
        <PropertySelect
          label={t('boundaries.codeProperty')}
          value={preview.codeProperty}
          properties={preview.properties}
          onChange={onCodeProperty}
        />
      </div>

      <ul className="boundary-counts" aria-label={t('boundaries.summary')}>
        <li>
          <strong>{n(counts.matched)}</strong> {t('boundaries.count.matched', counts.matched)}
        </li>
        <li>
          <strong>{n(counts.unmatched)}</strong> {t('boundaries.count.unmatched', counts.unmatched)}
          {counts.counties > 0
            ? t('boundaries.count.counties', counted(lang, counts.counties))
            : ''}
        </li>
        <li>
          <strong>{n(counts.duplicates)}</strong>{' '}
          {t('boundaries.count.duplicates', counts.duplicates)}
        </li>
        {counts.skipped > 0 ? (
          <li>
            <strong>{n(counts.skipped)}</strong> {t('boundaries.count.skipped', counts.skipped)}
          </li>
        ) : null}
        {counts.leftOut > 0 ? (
          <li>
            <strong>{n(counts.leftOut)}</strong> {t('boundaries.count.leftOut', counts.leftOut)}
          </li>
        ) : null}
        <li>
          <strong>{n(counts.missing)}</strong> {t('boundaries.count.missing')}
        </li>
      </ul>
      {preview.missingMunicipalities.length > 0 ? (
        <details className="boundary-missing">
          <summary>{t('boundaries.missing', n(preview.missingMunicipalities.length))}</summary>
          <p>
            {preview.missingMunicipalities.map((m) => m.name).join(', ')}
            {t('boundaries.missingKeep')}
          </p>
        </details>
      ) : null}
      {preview.warnings.length > 0 ? (
        <ul className="boundary-warnings" aria-label={t('boundaries.aboutFile')}>
          {preview.warnings.map((warning, index) => (
            <li key={index}>{t('boundaries.warning', warning)}</li>
          ))}
        </ul>
      ) : null}

      <div className="boundary-table-wrap">
        <table className="boundary-table">
          <caption>
            {t('boundaries.featuresOf')} <span translate="no">{preview.fileName}</span>
            {preview.rows.length > shown.length
              ? t('boundaries.firstOf', n(shown.length), n(preview.rows.length))
              : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('boundaries.col.name')}</th>
              {showCode ? <th scope="col">{t('boundaries.col.code')}</th> : null}
              <th scope="col">{t('boundaries.col.municipality')}</th>
              <th scope="col">{t('boundaries.col.status')}</th>
              <th scope="col">{t('boundaries.col.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <BoundaryRowView
                key={row.index}
                row={row}
                showCode={showCode}
                municipalities={municipalities}
                onAssign={onAssign}
              />
            ))}
          </tbody>
        </table>
      </div>

      <p className="boundary-actions">
        <button type="button" disabled={counts.drawnMunicipalities === 0} onClick={onApply}>
          {t('boundaries.apply', counted(lang, counts.drawnMunicipalities))}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('boundaries.cancel')}
        </button>
      </p>
    </div>
  );
}

function BoundaryRowView({
  row,
  showCode,
  municipalities,
  onAssign,
}: {
  row: BoundaryRow;
  showCode: boolean;
  municipalities: readonly Municipality[];
  onAssign: (index: number, municipalityId: string | null) => void;
}) {
  const [editing, setEditing] = useState(false);
  const t = useT();
  const number = row.index + 1;
  const drawn = row.status === 'matched' || row.status === 'duplicate';
  const described = t('boundaries.feature', String(number), row.nameInFile);
  // A choice list only where one is needed, or asked for: 61 lists of 61 names is a lot of page.
  const choosing = row.drawable && (editing || row.status !== 'matched');
  return (
    <tr className={`boundary-row status-${row.status}`}>
      <td>{number}</td>
      {row.nameInFile ? (
        <td translate="no">{row.nameInFile}</td>
      ) : (
        <td>
          <span className="muted">{t('boundaries.noName')}</span>
        </td>
      )}
      {showCode ? <td translate="no">{row.code}</td> : null}
      <td>
        {choosing ? (
          <select
            aria-label={t('boundaries.municipalityFor', described)}
            value={drawn && row.municipalityId ? row.municipalityId : ''}
            onChange={(event) => {
              setEditing(false);
              onAssign(row.index, event.target.value || null);
            }}
          >
            <option value="">{t('boundaries.notDrawnOption')}</option>
            {municipalities.map((municipality) => (
              <option key={municipality.id} value={municipality.id}>
                {municipality.name}
              </option>
            ))}
          </select>
        ) : (
          <>
            {row.municipalityName ?? '—'}
            {row.drawable ? (
              <>
                <button
                  type="button"
                  className="boundary-change"
                  aria-label={t('boundaries.changeFor', described)}
                  onClick={() => setEditing(true)}
                >
                  {t('boundaries.change')}
                </button>
              </>
            ) : null}
          </>
        )}
      </td>
      <td className="boundary-status-cell">{t(STATUS_KEY[row.status])}</td>
      <td>
        {t('boundaries.notes', row.notes)}
        {row.drawable && row.suggestions.length > 0 ? (
          <span className="boundary-suggestions">
            {row.suggestions.map((suggestion) => (
              <button
                key={suggestion.id}
                type="button"
                aria-label={t('boundaries.useFor', suggestion.name, String(number))}
                onClick={() => onAssign(row.index, suggestion.id)}
              >
                {t('boundaries.use', suggestion.name)}
              </button>
            ))}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

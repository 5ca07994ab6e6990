import { useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import {
  MAX_BOUNDARY_FILE_BYTES,
  matchBoundaries,
  readBoundaryFile,
  type BoundaryPreviewOptions,
  type BoundaryProperty,
  type BoundaryRow,
  type BoundaryRowStatus,
  type ReadBoundaryFile,
  type ReadyBoundaryPreview,
} from '../domain/boundary-import';
import type { Municipality } from '../domain/gazetteer-schema';
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
  | { kind: 'failed'; message: string }
  | { kind: 'preview'; file: ReadBoundaryFile };

/** More rows than this are summarised, not listed (a municipality file has about 61). */
const MAX_ROWS_SHOWN = 400;

const STATUS_LABEL: Readonly<Record<BoundaryRowStatus, string>> = {
  matched: 'Matched',
  duplicate: 'Duplicate',
  county: 'A county',
  unmatched: 'Not matched',
  ambiguous: 'Ambiguous',
  skipped: 'Not drawn',
  'left-out': 'Left out',
};

const selectGazetteer = (state: HartaState) => state.gazetteer;
const selectBoundaries = (state: HartaState) => state.municipalBoundaries;
const selectSetBoundaries = (state: HartaState) => state.setMunicipalBoundaries;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function propertyLabel(property: BoundaryProperty): string {
  return property.samples.length > 0
    ? `${property.key} (e.g. ${property.samples.join(', ')})`
    : `${property.key} (empty)`;
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
  return (
    <label>
      {label}{' '}
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">(none)</option>
        {properties.map((property) => (
          <option key={property.key} value={property.key}>
            {propertyLabel(property)}
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
        message:
          `${file.name} is larger than ${MAX_BOUNDARY_FILE_BYTES / 1024 / 1024} MB: export the ` +
          'municipalities only, or simplify the shapes (e.g. with mapshaper) first.',
      });
      setAnnouncement('');
      return;
    }
    setStage({ kind: 'reading', fileName: file.name });
    setAnnouncement(`Reading ${file.name}…`);
    let text: string;
    try {
      text = await readText(file);
    } catch (error) {
      if (token !== readToken.current) return;
      setStage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      setAnnouncement('');
      return;
    }
    if (token !== readToken.current) return;
    const read = readBoundaryFile(file.name, text, gazetteer);
    if (!read.ok) {
      setStage({ kind: 'failed', message: read.message });
      setAnnouncement('');
      return;
    }
    setStage({ kind: 'preview', file: read });
    const counts = matchBoundaries(read, gazetteer).counts;
    setAnnouncement(
      `${file.name}: ${plural(counts.features, 'feature')}, ` +
        `${plural(counts.drawnMunicipalities, 'municipality', 'municipalities')} matched. ` +
        'Check the preview, then apply or cancel.',
    );
  };

  const apply = (ready: ReadyBoundaryPreview) => {
    const boundaries = ready.boundaries();
    setMunicipalBoundaries(boundaries);
    setAnnouncement(
      `Boundaries from ${ready.fileName} applied: ` +
        `${plural(boundaries.features.length, 'municipality', 'municipalities')} shaded on the map.`,
    );
    reset();
  };

  const cancel = () => {
    reset();
    setAnnouncement('Cancelled: nothing changed.');
  };

  const remove = () => {
    if (!loaded) return;
    setMunicipalBoundaries(null);
    setAnnouncement(
      `The boundaries from ${loaded.fileName} were removed: the map shows a circle per municipality again.`,
    );
  };

  const assign = (index: number, municipalityId: string | null) =>
    setOptions((current) => ({
      ...current,
      assignments: { ...current.assignments, [index]: municipalityId },
    }));

  return (
    <section className="boundary-import" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Municipal boundaries</h3>
      <p className="muted">
        Load a GeoJSON file of the {gazetteer.municipalities.length} municipalities (e.g. from the
        national geoportal, or an HDX or geoBoundaries ADM2 file), in WGS 84 / EPSG:4326. The map
        then shades each municipality instead of drawing a circle at its seat. The file stays on
        this computer.
      </p>
      {loaded ? (
        <p className="boundary-loaded">
          Loaded: <strong>{loaded.fileName}</strong>,{' '}
          {plural(loaded.features.length, 'municipality', 'municipalities')}.{' '}
          <button type="button" onClick={remove}>
            Remove loaded boundaries
          </button>
        </p>
      ) : null}
      <p>
        <label htmlFor={`${id}-file`}>GeoJSON file of municipalities</label>{' '}
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
          {stage.message} Nothing was changed.
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
  return (
    <div className="boundary-preview" role="region" aria-labelledby={headingId}>
      <h4 id={headingId}>Preview of {preview.fileName}</h4>
      <div className="boundary-properties">
        <PropertySelect
          label="Name property"
          value={preview.nameProperty}
          properties={preview.properties}
          onChange={onNameProperty}
        />
        <PropertySelect
          label="Code property"
          value={preview.codeProperty}
          properties={preview.properties}
          onChange={onCodeProperty}
        />
      </div>

      <ul className="boundary-counts" aria-label="Summary">
        <li>
          <strong>{counts.matched}</strong> matched
        </li>
        <li>
          <strong>{counts.unmatched}</strong> not matched
          {counts.counties > 0 ? ` (${plural(counts.counties, 'county', 'counties')})` : ''}
        </li>
        <li>
          <strong>{counts.duplicates}</strong> duplicates
        </li>
        {counts.skipped > 0 ? (
          <li>
            <strong>{counts.skipped}</strong> not drawable
          </li>
        ) : null}
        {counts.leftOut > 0 ? (
          <li>
            <strong>{counts.leftOut}</strong> left out
          </li>
        ) : null}
        <li>
          <strong>{counts.missing}</strong> municipalities with no feature
        </li>
      </ul>
      {preview.missingMunicipalities.length > 0 ? (
        <details className="boundary-missing">
          <summary>Municipalities with no feature ({preview.missingMunicipalities.length})</summary>
          <p>
            {preview.missingMunicipalities.map((m) => m.name).join(', ')}. They keep their circle at
            the seat.
          </p>
        </details>
      ) : null}
      {preview.warnings.length > 0 ? (
        <ul className="boundary-warnings" aria-label="About this file">
          {preview.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}

      <div className="boundary-table-wrap">
        <table className="boundary-table">
          <caption>
            Features of {preview.fileName}
            {preview.rows.length > shown.length
              ? ` (the first ${shown.length} of ${preview.rows.length})`
              : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Name in the file</th>
              {showCode ? <th scope="col">Code</th> : null}
              <th scope="col">Municipality</th>
              <th scope="col">Status</th>
              <th scope="col">Notes</th>
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
          Apply: shade {plural(counts.drawnMunicipalities, 'municipality', 'municipalities')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
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
  const number = row.index + 1;
  const drawn = row.status === 'matched' || row.status === 'duplicate';
  const described = `feature ${number}${row.nameInFile ? ` (${row.nameInFile})` : ''}`;
  // A choice list only where one is needed, or asked for: 61 lists of 61 names is a lot of page.
  const choosing = row.drawable && (editing || row.status !== 'matched');
  return (
    <tr className={`boundary-row status-${row.status}`}>
      <td>{number}</td>
      <td>{row.nameInFile || <span className="muted">(no name)</span>}</td>
      {showCode ? <td>{row.code}</td> : null}
      <td>
        {choosing ? (
          <select
            aria-label={`Municipality for ${described}`}
            value={drawn && row.municipalityId ? row.municipalityId : ''}
            onChange={(event) => {
              setEditing(false);
              onAssign(row.index, event.target.value || null);
            }}
          >
            <option value="">— not drawn —</option>
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
                  aria-label={`Change the municipality for ${described}`}
                  onClick={() => setEditing(true)}
                >
                  Change
                </button>
              </>
            ) : null}
          </>
        )}
      </td>
      <td className="boundary-status-cell">{STATUS_LABEL[row.status]}</td>
      <td>
        {row.message}
        {row.drawable && row.suggestions.length > 0 ? (
          <span className="boundary-suggestions">
            {row.suggestions.map((suggestion) => (
              <button
                key={suggestion.id}
                type="button"
                aria-label={`Use ${suggestion.name} for feature ${number}`}
                onClick={() => onAssign(row.index, suggestion.id)}
              >
                Use {suggestion.name}
              </button>
            ))}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

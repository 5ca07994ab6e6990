import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { importChanges } from '../domain/apply-import';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportMode,
  type ImportPreview,
  type ImportProblem,
  type ImportRow,
} from '../domain/import-3w';
import { withOrganisations } from '../domain/local-edits';
import { previewImportSource, readImportSource, type ImportSource } from '../io/import-source';
import { useHarta, useHartaStoreApi } from '../store/store-context';
import type { PlannerFileActions } from './planner-panel';

/**
 * Import of a partner's 3W sheet: pick a file, confirm how its columns are read, see every row
 * (to add, to update, unchanged) and every problem by line and field, then apply all of it at
 * once (undoable) or nothing. Nothing changes before "Apply".
 */

const FIELD_NAMES: Readonly<Record<ImportField, string>> = {
  organisation: 'Organisation name',
  acronym: 'Acronym',
  kind: 'Organisation kind',
  activityTypes: 'Activity types',
  focusTypes: 'Focus types',
  scope: 'Scope',
  county: 'County (qark)',
  municipality: 'Municipality (bashki)',
  location: 'Location (town, village)',
  geographicFocus: 'Geographic focus (free text)',
  latitude: 'Latitude',
  longitude: 'Longitude',
  start: 'Start date',
  end: 'End date',
  status: 'Status',
  website: 'Website',
};

const ACTION_LABEL: Readonly<Record<ImportRow['action'], string>> = {
  add: 'Add',
  update: 'Update',
  unchanged: 'Unchanged',
};

/** Rows drawn in the preview table; all rows are applied. */
const SHOWN_ROWS = 200;
const SHOWN_PROBLEMS = 300;

const today = () => new Date().toISOString().slice(0, 10);

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

function ProblemList({
  title,
  problems,
  tone,
}: {
  title: string;
  problems: ImportProblem[];
  tone: 'error' | 'warning';
}) {
  if (problems.length === 0) return null;
  return (
    <section className={`import-problems ${tone}`} aria-label={title}>
      <h4>
        {title} ({problems.length})
      </h4>
      <ul>
        {problems.slice(0, SHOWN_PROBLEMS).map((problem, index) => (
          <li key={`${problem.line}-${index}`}>
            <strong>Line {problem.line}</strong>
            {problem.field ? <>, {problem.field}</> : null}: {problem.message}
          </li>
        ))}
      </ul>
      {problems.length > SHOWN_PROBLEMS ? (
        <p className="muted">
          … and {problems.length - SHOWN_PROBLEMS} more (the command line lists them all:{' '}
          <code>npm run --silent harta -- import FILE</code>).
        </p>
      ) : null}
    </section>
  );
}

function ColumnMapping({
  preview,
  onChange,
}: {
  preview: ImportPreview;
  onChange: (column: number, field: ImportField | null) => void;
}) {
  const id = useId();
  return (
    <table className="import-columns">
      <caption>How the columns are read</caption>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Read as</th>
        </tr>
      </thead>
      <tbody>
        {preview.columns.map((column, index) => (
          <tr key={index}>
            <th scope="row">
              <label htmlFor={`${id}-${index}`}>
                {column.header || `Column ${index + 1}`}
                {column.hxl ? <code className="hxl"> {column.hxl}</code> : null}
              </label>
            </th>
            <td>
              <select
                id={`${id}-${index}`}
                value={column.field ?? ''}
                onChange={(event) =>
                  onChange(
                    index,
                    event.target.value === '' ? null : (event.target.value as ImportField),
                  )
                }
              >
                <option value="">(ignored)</option>
                {IMPORT_FIELDS.map((field) => (
                  <option key={field} value={field}>
                    {FIELD_NAMES[field]}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RowTable({ rows, errorLines }: { rows: ImportRow[]; errorLines: ReadonlySet<number> }) {
  const [problemsOnly, setProblemsOnly] = useState(false);
  const shown = (problemsOnly ? rows.filter((row) => errorLines.has(row.line)) : rows).slice(
    0,
    SHOWN_ROWS,
  );
  return (
    <div className="import-rows">
      <label className="inline-check">
        <input
          type="checkbox"
          checked={problemsOnly}
          onChange={(event) => setProblemsOnly(event.target.checked)}
        />{' '}
        Only rows with errors
      </label>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Rows of the file</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Organisation</th>
              <th scope="col">Action</th>
              <th scope="col">Where</th>
              <th scope="col">What changes</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.line} className={errorLines.has(row.line) ? 'has-error' : undefined}>
                <td>{row.line}</td>
                <td>{row.organisation}</td>
                <td>
                  <span className={`import-action ${row.action}`}>
                    {errorLines.has(row.line) ? 'Error' : ACTION_LABEL[row.action]}
                  </span>
                </td>
                <td>
                  {row.scope === 'national'
                    ? 'Nationwide'
                    : [...row.municipalities, ...row.counties.map((name) => `${name} county`)].join(
                        ', ',
                      ) || '—'}
                </td>
                <td>{row.changes.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length && !problemsOnly ? (
        <p className="muted">
          Showing the first {shown.length} of {rows.length} rows; applying takes all of them.
        </p>
      ) : null}
    </div>
  );
}

function countOrganisations(rows: readonly ImportRow[], errorLines: ReadonlySet<number>) {
  const keys = { add: new Set<string>(), update: new Set<string>(), unchanged: new Set<string>() };
  const blocked = new Set<string>();
  const keyOf = (row: ImportRow) =>
    row.matchedOrganisationId ?? `new:${row.organisation.trim().toLocaleLowerCase()}`;
  for (const row of rows) {
    if (errorLines.has(row.line)) blocked.add(keyOf(row));
  }
  for (const row of rows) {
    const key = keyOf(row);
    if (!blocked.has(key)) keys[row.action].add(key);
  }
  return {
    add: keys.add.size,
    update: keys.update.size,
    unchanged: keys.unchanged.size,
    withErrors: blocked.size,
  };
}

export function ImportWizard({ files }: { files: PlannerFileActions }) {
  const store = useHartaStoreApi();
  const dataset = useHarta((state) => state.dataset);
  const gazetteer = useHarta((state) => state.gazetteer);
  const kinds = dataset.organisationKinds;
  const inputId = useId();
  const [source, setSource] = useState<ImportSource | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<number, ImportField | null>>>({});
  const [confirmed, setConfirmed] = useState(false);
  const [mode, setMode] = useState<ImportMode>('replace');
  const [skipErrors, setSkipErrors] = useState(false);
  const [defaultKind, setDefaultKind] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const preview = useMemo(
    () =>
      source
        ? previewImportSource(source, { gazetteer, dataset }, { columnMapping: mapping, mode })
        : null,
    [source, gazetteer, dataset, mapping, mode],
  );
  const errorLines = useMemo(
    () => new Set(preview?.errors.map((error) => error.line) ?? []),
    [preview],
  );

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setReading(true);
    setOutcome(null);
    setReadError(null);
    try {
      const read = await readImportSource(file.name, await files.readBytes(file));
      if (!read.ok) {
        // What was previewed before stays until a readable file replaces it.
        setReadError(read.message);
        return;
      }
      setSource(read.source);
      setMapping({});
      setSkipErrors(false);
      setDefaultKind('');
    } catch (error) {
      setReadError(error instanceof Error ? error.message : String(error));
    } finally {
      setReading(false);
    }
  };

  const close = () => {
    setSource(null);
    setMapping({});
    setConfirmed(false);
  };

  /** Organisations (not rows: a long-form sheet has several rows per organisation) by action. */
  const counts = preview ? countOrganisations(preview.rows, errorLines) : null;
  const columnsConfirmed = confirmed || preview?.format === 'hxl';
  const needsKind =
    preview !== null &&
    preview.rows.some((row) => row.action === 'add' && row.kind === null && !row.hasErrors);

  const apply = () => {
    if (!preview || !source) return;
    const state = store.getState();
    const changes = importChanges(
      preview,
      { gazetteer: state.gazetteer, dataset: state.dataset },
      {
        fileName: source.fileName,
        importedAt: today(),
        skipErrors,
        ...(defaultKind ? { defaultKind } : {}),
      },
    );
    if (!changes.ok) {
      setOutcome({ ok: false, text: changes.message });
      return;
    }
    const added = changes.organisations.filter((item) => item.action === 'add').length;
    const updated = changes.organisations.length - added;
    const skipped =
      changes.skippedLines.length > 0
        ? `; skipped ${changes.skippedLines.length === 1 ? 'line' : 'lines'} ${changes.skippedLines.join(', ')}`
        : '';
    if (changes.organisations.length === 0) {
      setOutcome({
        ok: true,
        text: `Nothing to change: ${plural(changes.unchangedCount, 'organisation')} already as in the data${skipped}.`,
      });
      close();
      return;
    }
    state.changeEdits(
      withOrganisations(
        state.edits,
        state.publishedDataset,
        changes.organisations.map((item) => item.organisation),
        [changes.document],
      ),
      `Import ${source.fileName}`,
    );
    setOutcome({
      ok: true,
      text: `Imported ${source.fileName}: ${added} added, ${updated} updated, ${changes.unchangedCount} unchanged${skipped}. Undo puts everything back.`,
    });
    close();
  };

  return (
    <section className="import-wizard" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`}>Import a 3W sheet</h3>
      <p className="muted">
        CSV (comma, semicolon or tab; UTF-8, Windows-1250/1252) or Excel .xlsx, with HXL hashtags or
        plain headers (Organisation, Bashkia, Qark, …). You see every change before anything is
        applied.
      </p>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="import-file"
        onChange={(event) => void onFile(event)}
      />
      <label className="file-button" htmlFor={inputId}>
        Choose a file…
      </label>
      <div role="status" aria-live="polite" className="import-status">
        {reading ? <p>Reading the file…</p> : null}
        {outcome ? <p className={outcome.ok ? 'notice' : 'notice error'}>{outcome.text}</p> : null}
      </div>
      {readError ? (
        <p className="notice error" role="alert">
          {readError}
          {source ? ' The file previewed before is still shown.' : ''}
        </p>
      ) : null}
      {preview && source && counts ? (
        <div className="import-preview" aria-label={`Preview of ${source.fileName}`} role="region">
          <p className="import-summary">
            <strong>{source.fileName}</strong>
            {source.kind === 'xlsx' ? ` (worksheet “${source.sheetName}”)` : ''}:{' '}
            {plural(preview.rows.length, 'row')}; organisations: {counts.add} to add,{' '}
            {counts.update} to update, {counts.unchanged} unchanged
            {counts.withErrors > 0 ? `, ${counts.withErrors} with errors` : ''};{' '}
            {plural(preview.errors.length, 'error')}, {plural(preview.warnings.length, 'warning')}.
            {source.kind === 'csv' && source.notes.length > 0 ? ` ${source.notes.join(' ')}` : ''}
          </p>
          <ColumnMapping
            preview={preview}
            onChange={(column, field) => {
              setMapping((current) => ({ ...current, [column]: field }));
              setConfirmed(false);
            }}
          />
          {!columnsConfirmed ? (
            <p>
              <button type="button" className="secondary-button" onClick={() => setConfirmed(true)}>
                The columns are read right
              </button>{' '}
              <span className="muted">Check each column first: the rows are read by this.</span>
            </p>
          ) : (
            <>
              <fieldset className="import-mode">
                <legend>For organisations already in the data, the sheet lists</legend>
                <label className="inline-check">
                  <input
                    type="radio"
                    name={`${inputId}-mode`}
                    checked={mode === 'replace'}
                    onChange={() => setMode('replace')}
                  />{' '}
                  everything they do: places and types it leaves out are removed
                </label>
                <label className="inline-check">
                  <input
                    type="radio"
                    name={`${inputId}-mode`}
                    checked={mode === 'add'}
                    onChange={() => setMode('add')}
                  />{' '}
                  new work only: nothing is removed
                </label>
              </fieldset>
              <ProblemList title="Errors" problems={preview.errors} tone="error" />
              <ProblemList title="Warnings" problems={preview.warnings} tone="warning" />
              <RowTable rows={preview.rows} errorLines={errorLines} />
              <fieldset className="import-options">
                <legend>Apply</legend>
                {preview.errors.length > 0 ? (
                  <label className="inline-check">
                    <input
                      type="checkbox"
                      checked={skipErrors}
                      onChange={(event) => setSkipErrors(event.target.checked)}
                    />{' '}
                    Skip the rows with errors (and the other rows of those organisations)
                  </label>
                ) : null}
                {needsKind ? (
                  <label>
                    Kind for new organisations the sheet gives none:{' '}
                    <select
                      value={defaultKind}
                      onChange={(event) => setDefaultKind(event.target.value)}
                    >
                      <option value="">Choose…</option>
                      {kinds.map((kind) => (
                        <option key={kind.id} value={kind.id}>
                          {kind.label}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : null}
                <p>
                  <button type="button" className="primary-button" onClick={apply}>
                    Apply: add {counts.add}, update {counts.update}
                  </button>{' '}
                  <button type="button" className="secondary-button" onClick={close}>
                    Cancel
                  </button>
                </p>
              </fieldset>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}

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
import { taxonomyLabel } from '../domain/dataset';
import { withOrganisations } from '../domain/local-edits';
import { formatNumber, type Lang } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { readImportSource, type ImportSource, type ImportSourceFailure } from '../io/import-source';
import { useHarta, useHartaStoreApi } from '../store/store-context';
import { useImportPreview } from './use-import-preview';
import type { PlannerFileActions } from './planner-panel';

/**
 * Import of a partner's 3W sheet: pick a file, confirm how its columns are read, see every row
 * (to add, to update, unchanged) and every problem by line and field, then apply all of it at
 * once (undoable) or nothing. Nothing changes before "Apply".
 */

const ACTION_KEY = {
  add: 'import.rows.add',
  update: 'import.rows.update',
  unchanged: 'import.rows.unchanged',
} as const satisfies Readonly<Record<ImportRow['action'], string>>;

/** Rows drawn in the preview table; all rows are applied. */
const SHOWN_ROWS = 200;
const SHOWN_PROBLEMS = 300;

const today = () => new Date().toISOString().slice(0, 10);

/** A count as the table's plural messages take it. */
function counted(lang: Lang, n: number) {
  return { n, text: formatNumber(lang, n) };
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
  const t = useT();
  const lang = useHarta((state) => state.lang);
  if (problems.length === 0) return null;
  return (
    <section className={`import-problems ${tone}`} aria-label={title}>
      <h4>
        {title} ({formatNumber(lang, problems.length)})
      </h4>
      <ul>
        {problems.slice(0, SHOWN_PROBLEMS).map((problem, index) => (
          <li key={`${problem.line}-${index}`}>
            <strong>{t('import.problemLine', String(problem.line))}</strong>
            {problem.field ? (
              <>
                , <span translate="no">{problem.field}</span>
              </>
            ) : null}
            : {t('import.issue', problem.message)}
          </li>
        ))}
      </ul>
      {problems.length > SHOWN_PROBLEMS ? (
        <p className="muted">
          {t('import.moreProblems', formatNumber(lang, problems.length - SHOWN_PROBLEMS))}{' '}
          <code translate="no">npm run --silent harta -- import FILE</code>).
        </p>
      ) : null}
    </section>
  );
}

function ColumnMapping({
  preview,
  chosen,
  onChange,
}: {
  preview: ImportPreview;
  /** While a preview is being checked: the user's choices, shown until it is back. */
  chosen: Partial<Record<number, ImportField | null>> | null;
  onChange: (column: number, field: ImportField | null) => void;
}) {
  const id = useId();
  const t = useT();
  return (
    <table className="import-columns">
      <caption>{t('import.columns.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.columns.column')}</th>
          <th scope="col">{t('import.columns.readAs')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.columns.map((column, index) => (
          <tr key={index}>
            <th scope="row">
              <label htmlFor={`${id}-${index}`}>
                {column.header ? (
                  <span translate="no">{column.header}</span>
                ) : (
                  t('import.columns.numbered', String(index + 1))
                )}
                {column.hxl ? (
                  <code className="hxl" translate="no">
                    {' '}
                    {column.hxl}
                  </code>
                ) : null}
              </label>
            </th>
            <td>
              <select
                id={`${id}-${index}`}
                value={(chosen && index in chosen ? chosen[index] : column.field) ?? ''}
                onChange={(event) =>
                  onChange(
                    index,
                    event.target.value === '' ? null : (event.target.value as ImportField),
                  )
                }
              >
                <option value="">{t('import.columns.ignored')}</option>
                {IMPORT_FIELDS.map((field) => (
                  <option key={field} value={field}>
                    {t('import.fieldName', field)}
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
  const t = useT();
  const lang = useHarta((state) => state.lang);
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
        {t('import.rows.onlyErrors')}
      </label>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('import.rows.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.rows.line')}</th>
              <th scope="col">{t('import.rows.organisation')}</th>
              <th scope="col">{t('import.rows.action')}</th>
              <th scope="col">{t('import.rows.where')}</th>
              <th scope="col">{t('import.rows.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.line} className={errorLines.has(row.line) ? 'has-error' : undefined}>
                <td>{row.line}</td>
                <td translate="no">{row.organisation}</td>
                <td>
                  <span className={`import-action ${row.action}`}>
                    {errorLines.has(row.line) ? t('import.rows.error') : t(ACTION_KEY[row.action])}
                  </span>
                </td>
                <td>
                  {row.scope === 'national'
                    ? t('import.rows.nationwide')
                    : [
                        ...row.municipalities,
                        ...row.counties.map((name) => t('import.rows.county', name)),
                      ].join(', ') || '—'}
                </td>
                <td>{row.changes.map((change) => t('import.change', change)).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length && !problemsOnly ? (
        <p className="muted">
          {t(
            'import.rows.showing',
            formatNumber(lang, shown.length),
            formatNumber(lang, rows.length),
          )}
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
  const lang = useHarta((state) => state.lang);
  const t = useT();
  const inputId = useId();
  const [source, setSource] = useState<ImportSource | null>(null);
  const [reading, setReading] = useState(false);
  /** Why the last file chosen cannot be read: the reader's words, or what threw. */
  const [readError, setReadError] = useState<ImportSourceFailure | string | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<number, ImportField | null>>>({});
  const [confirmed, setConfirmed] = useState(false);
  const [mode, setMode] = useState<ImportMode>('replace');
  const [skipErrors, setSkipErrors] = useState(false);
  const [defaultKind, setDefaultKind] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const {
    preview,
    pending: checking,
    error: previewError,
  } = useImportPreview(source, gazetteer, dataset, mapping, mode);
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
    // What is shown while checking is the preview before the last change: not what would apply.
    if (!preview || !source || checking) return;
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
      setOutcome({ ok: false, text: t('import.applyFailure', changes.message) });
      return;
    }
    const added = changes.organisations.filter((item) => item.action === 'add').length;
    const updated = changes.organisations.length - added;
    const outcomeWords = {
      fileName: source.fileName,
      added: formatNumber(lang, added),
      updated: formatNumber(lang, updated),
      unchanged: counted(lang, changes.unchangedCount),
      skipped: { n: changes.skippedLines.length, text: changes.skippedLines.join(', ') },
    };
    if (changes.organisations.length === 0) {
      setOutcome({ ok: true, text: t('import.outcome.nothing', outcomeWords) });
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
      // Worded when shown, so the undo button follows the language.
      { kind: 'import', fileName: source.fileName },
    );
    setOutcome({ ok: true, text: t('import.outcome.done', outcomeWords) });
    close();
  };

  return (
    <section className="import-wizard" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`}>{t('import.title')}</h3>
      <p className="muted">{t('import.intro')}</p>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="import-file"
        onChange={(event) => void onFile(event)}
      />
      <label className="file-button" htmlFor={inputId}>
        {t('import.chooseFile')}
      </label>
      <div role="status" aria-live="polite" className="import-status">
        {reading ? <p>{t('import.reading')}</p> : null}
        {source && checking ? <p>{t('import.checking', source.fileName)}</p> : null}
        {outcome ? <p className={outcome.ok ? 'notice' : 'notice error'}>{outcome.text}</p> : null}
      </div>
      {readError ? (
        <p className="notice error" role="alert">
          {typeof readError === 'string' ? readError : t('import.sourceFailure', readError)}
          {source ? t('import.previousStillShown') : ''}
        </p>
      ) : null}
      {previewError ? (
        <p className="notice error" role="alert">
          {t('import.previewFailure', previewError)}
        </p>
      ) : null}
      {preview && source && counts ? (
        <div
          className="import-preview"
          aria-label={t('import.previewOf', source.fileName)}
          aria-busy={checking || undefined}
          role="region"
        >
          <p className="import-summary">
            <strong translate="no">{source.fileName}</strong>
            {source.kind === 'xlsx' ? (
              <>
                {t('import.worksheet.open')}
                <span translate="no">{source.sheetName}</span>
                {t('import.worksheet.close')}
              </>
            ) : null}
            :{' '}
            {t('import.summary', {
              rows: counted(lang, preview.rows.length),
              add: formatNumber(lang, counts.add),
              update: formatNumber(lang, counts.update),
              unchanged: formatNumber(lang, counts.unchanged),
              withErrors: counted(lang, counts.withErrors),
              errors: counted(lang, preview.errors.length),
              warnings: counted(lang, preview.warnings.length),
            })}
            {source.kind === 'csv' && source.notes.length > 0 ? ` ${source.notes.join(' ')}` : ''}
          </p>
          <ColumnMapping
            preview={preview}
            chosen={checking ? mapping : null}
            onChange={(column, field) => {
              setMapping((current) => ({ ...current, [column]: field }));
              setConfirmed(false);
            }}
          />
          {!columnsConfirmed ? (
            <p>
              <button type="button" className="secondary-button" onClick={() => setConfirmed(true)}>
                {t('import.columns.confirm')}
              </button>{' '}
              <span className="muted">{t('import.columns.checkFirst')}</span>
            </p>
          ) : (
            <>
              <fieldset className="import-mode">
                <legend>{t('import.mode.legend')}</legend>
                <label className="inline-check">
                  <input
                    type="radio"
                    name={`${inputId}-mode`}
                    checked={mode === 'replace'}
                    onChange={() => setMode('replace')}
                  />{' '}
                  {t('import.mode.replace')}
                </label>
                <label className="inline-check">
                  <input
                    type="radio"
                    name={`${inputId}-mode`}
                    checked={mode === 'add'}
                    onChange={() => setMode('add')}
                  />{' '}
                  {t('import.mode.add')}
                </label>
              </fieldset>
              <ProblemList title={t('import.errors')} problems={preview.errors} tone="error" />
              <ProblemList
                title={t('import.warnings')}
                problems={preview.warnings}
                tone="warning"
              />
              <RowTable rows={preview.rows} errorLines={errorLines} />
              <fieldset className="import-options">
                <legend>{t('import.apply.legend')}</legend>
                {preview.errors.length > 0 ? (
                  <label className="inline-check">
                    <input
                      type="checkbox"
                      checked={skipErrors}
                      onChange={(event) => setSkipErrors(event.target.checked)}
                    />{' '}
                    {t('import.apply.skipErrors')}
                  </label>
                ) : null}
                {needsKind ? (
                  <label>
                    {t('import.apply.defaultKind')}{' '}
                    <select
                      value={defaultKind}
                      onChange={(event) => setDefaultKind(event.target.value)}
                    >
                      <option value="">{t('import.apply.chooseKind')}</option>
                      {kinds.map((kind) => (
                        <option key={kind.id} value={kind.id}>
                          {taxonomyLabel(kind, lang)}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : null}
                <p>
                  <button
                    type="button"
                    className="primary-button"
                    onClick={apply}
                    disabled={checking}
                  >
                    {t(
                      'import.apply.button',
                      formatNumber(lang, counts.add),
                      formatNumber(lang, counts.update),
                    )}
                  </button>{' '}
                  <button type="button" className="secondary-button" onClick={close}>
                    {t('import.cancel')}
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

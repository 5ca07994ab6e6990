import { useState } from 'react';
import { editCounts, hasEdits, type EditLabel } from '../domain/local-edits';
import { formatNumber } from '../i18n/messages';
import type { Counted } from '../i18n/tables/data';
import { useT } from '../i18n/use-t';
import { selectEditSummary } from '../store/selectors';
import { useHarta } from '../store/store-context';
import { BoundaryImport } from './boundary-import';
import { ImportWizard } from './import-wizard';
import { OrganisationForm } from './organisation-form';
import type { PlannerFileActions } from './planner-panel';
import { SelectButton } from './select-button';
import './data-panel.css';

/** Stands for a name in a message, so the name can be marked as data where it lands. */
const NAME_MARK = '\u2063';

/** "Undo: Add “name”", the name marked as data (not translated, not checked as English). */
function UndoLabel({ label }: { label: EditLabel }) {
  const t = useT();
  if (label.kind === 'reset') return <>{t('data.undo', label)}</>;
  const name = label.kind === 'import' ? label.fileName : label.name;
  const [before, after] = t(
    'data.undo',
    label.kind === 'import'
      ? { kind: 'import', fileName: NAME_MARK }
      : { ...label, name: NAME_MARK },
  ).split(NAME_MARK);
  return (
    <>
      {before}
      <span translate="no">{name}</span>
      {after}
    </>
  );
}

/**
 * The data steward's panel: what this browser changed (with undo and reset), importing a
 * partner's 3W sheet, adding an organisation, and loading municipal boundaries.
 */
export function DataPanel({ files }: { files: PlannerFileActions }) {
  const edits = useHarta((state) => state.edits);
  const summary = useHarta(selectEditSummary);
  const history = useHarta((state) => state.editHistory);
  const undoEdit = useHarta((state) => state.undoEdit);
  const resetEdits = useHarta((state) => state.resetEdits);
  const select = useHarta((state) => state.select);
  const t = useT();
  const lang = useHarta((state) => state.lang);
  const [adding, setAdding] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const last = history.at(-1);
  const changed = hasEdits(edits);
  const counts = editCounts(summary);
  const counted = (count: number): Counted => ({ count, shown: formatNumber(lang, count) });

  return (
    <div className="data-panel">
      <h2 tabIndex={-1}>{t('data.title')}</h2>
      <section aria-labelledby="local-changes-heading" className="local-changes">
        <h3 id="local-changes-heading">{t('data.changes.heading')}</h3>
        {changed ? (
          <>
            <p>
              {t('data.changes.summary', {
                added: counted(counts.added),
                changed: counted(counts.changed),
                deleted: counted(counts.deleted),
              })}
            </p>
            <ul className="link-list">
              {summary.added.map((organisation) => (
                <li key={`a-${organisation.id}`}>
                  <span className="edit-badge added">{t('data.changes.badge', 'added')}</span>{' '}
                  <SelectButton target={{ kind: 'organisation', id: organisation.id }}>
                    <span translate="no">{organisation.name}</span>
                  </SelectButton>
                </li>
              ))}
              {summary.changed.map(({ after, fields }) => (
                <li key={`c-${after.id}`}>
                  <span className="edit-badge changed">{t('data.changes.badge', 'changed')}</span>{' '}
                  <SelectButton target={{ kind: 'organisation', id: after.id }}>
                    <span translate="no">{after.name}</span>
                  </SelectButton>{' '}
                  <span className="muted">
                    {fields.map((field) => t('data.changes.field', field)).join(', ')}
                  </span>
                </li>
              ))}
              {summary.deleted.map((organisation) => (
                <li key={`d-${organisation.id}`}>
                  <span className="edit-badge deleted">{t('data.changes.badge', 'deleted')}</span>{' '}
                  <span translate="no">{organisation.name}</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{t('data.changes.none')}</p>
        )}
        <p className="button-row">
          {last ? (
            <button type="button" className="secondary-button" onClick={undoEdit}>
              <UndoLabel label={last.label} />
            </button>
          ) : null}
          {changed && !confirmReset ? (
            <button
              type="button"
              className="secondary-button"
              onClick={() => setConfirmReset(true)}
            >
              {t('data.reset')}
            </button>
          ) : null}
        </p>
        {confirmReset ? (
          <p className="notice" role="alert">
            {t('data.reset.confirm', counted(counts.added + counts.changed + counts.deleted))}{' '}
            <button
              type="button"
              className="secondary-button"
              onClick={() => {
                resetEdits();
                setConfirmReset(false);
                select(null);
              }}
            >
              {t('data.reset.yes')}
            </button>{' '}
            <button
              type="button"
              className="secondary-button"
              onClick={() => setConfirmReset(false)}
            >
              {t('data.reset.keep')}
            </button>
          </p>
        ) : null}
      </section>
      <section aria-label={t('data.add')} className="add-organisation">
        {adding ? (
          <OrganisationForm
            existing={null}
            onDone={(id) => {
              setAdding(false);
              if (id) select({ kind: 'organisation', id });
            }}
          />
        ) : (
          <button type="button" className="secondary-button" onClick={() => setAdding(true)}>
            {t('data.add')}
          </button>
        )}
      </section>
      <ImportWizard files={files} />
      <BoundaryImport readText={files.readText} />
    </div>
  );
}

import { useState } from 'react';
import { hasEdits } from '../domain/local-edits';
import { selectEditSummary } from '../store/selectors';
import { useHarta } from '../store/store-context';
import { BoundaryImport } from './boundary-import';
import { ImportWizard } from './import-wizard';
import { OrganisationForm } from './organisation-form';
import type { PlannerFileActions } from './planner-panel';
import { SelectButton } from './select-button';
import './data-panel.css';

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
  const [adding, setAdding] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const last = history.at(-1);
  const changed = hasEdits(edits);

  return (
    <div className="data-panel">
      <h2 tabIndex={-1}>Data</h2>
      <section aria-labelledby="local-changes-heading" className="local-changes">
        <h3 id="local-changes-heading">Changes in this browser</h3>
        {changed ? (
          <>
            <p>
              This view contains local changes: {summary.added.length} added,{' '}
              {summary.changed.length} changed, {summary.deleted.length} deleted. They are saved in
              this browser only; export them to share them.
            </p>
            <ul className="link-list">
              {summary.added.map((organisation) => (
                <li key={`a-${organisation.id}`}>
                  <span className="edit-badge added">Added</span>{' '}
                  <SelectButton target={{ kind: 'organisation', id: organisation.id }}>
                    {organisation.name}
                  </SelectButton>
                </li>
              ))}
              {summary.changed.map(({ after, fields }) => (
                <li key={`c-${after.id}`}>
                  <span className="edit-badge changed">Changed</span>{' '}
                  <SelectButton target={{ kind: 'organisation', id: after.id }}>
                    {after.name}
                  </SelectButton>{' '}
                  <span className="muted">{fields.join(', ')}</span>
                </li>
              ))}
              {summary.deleted.map((organisation) => (
                <li key={`d-${organisation.id}`}>
                  <span className="edit-badge deleted">Deleted</span> {organisation.name}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">None: the view shows the published dataset.</p>
        )}
        <p className="button-row">
          {last ? (
            <button type="button" className="secondary-button" onClick={undoEdit}>
              Undo: {last.label}
            </button>
          ) : null}
          {changed && !confirmReset ? (
            <button
              type="button"
              className="secondary-button"
              onClick={() => setConfirmReset(true)}
            >
              Reset to the published dataset…
            </button>
          ) : null}
        </p>
        {confirmReset ? (
          <p className="notice" role="alert">
            Drop all {summary.added.length + summary.changed.length + summary.deleted.length} local
            changes?{' '}
            <button
              type="button"
              className="secondary-button"
              onClick={() => {
                resetEdits();
                setConfirmReset(false);
                select(null);
              }}
            >
              Yes, reset
            </button>{' '}
            <button
              type="button"
              className="secondary-button"
              onClick={() => setConfirmReset(false)}
            >
              Keep them
            </button>
          </p>
        ) : null}
      </section>
      <section aria-label="Add an organisation" className="add-organisation">
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
            Add an organisation
          </button>
        )}
      </section>
      <ImportWizard files={files} />
      <BoundaryImport readText={files.readText} />
    </div>
  );
}

import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { describePlanWarning, nextPlanId, type PlannedIntervention } from '../domain/plan';
import {
  describePlanProblem,
  mergeImportedPlans,
  parsePlansFile,
  planFileContextOf,
  serializePlansCsv,
  serializePlansJson,
} from '../domain/plan-file';
import { selectNames, selectPlanEffects, selectPlanWarnings } from '../store/selectors';
import { useHarta, useHartaStoreApi } from '../store/store-context';
import { PlanForm } from './plan-form';
import { ScenarioSwitch } from './scenario-switch';
import { SelectButton } from './select-button';
import './planner.css';

/** Browser file I/O, handed in so the panel stays testable and free of download code. */
export interface PlannerFileActions {
  download: (fileName: string, text: string, mimeType: string) => void;
  readText: (file: File) => Promise<string>;
  readBytes: (file: File) => Promise<Uint8Array>;
}

const EXPORTS = [
  { label: 'Export CSV', extension: 'csv', mimeType: 'text/csv', serialize: serializePlansCsv },
  {
    label: 'Export JSON',
    extension: 'json',
    mimeType: 'application/json',
    serialize: serializePlansJson,
  },
] as const;

interface ImportReport {
  fileName: string;
  summary: string;
  problems: string[];
}

function PlanEffectLine({ plan }: { plan: PlannedIntervention }) {
  const effects = useHarta(selectPlanEffects);
  const names = useHarta(selectNames);
  if (plan.area.level === 'county') {
    return (
      <p className="plan-effect muted">
        A county-wide plan counts 0.5 in each of its municipalities.
      </p>
    );
  }
  const effect = effects.get(plan.area.id);
  if (!effect) return null;
  return (
    <p className="plan-effect">
      {names.area(plan.area.id)}: gap {effect.before.gapScore.toFixed(2)} →{' '}
      {effect.after.gapScore.toFixed(2)}, rank {effect.before.rank} → {effect.after.rank} (with
      every plan, under the current filters)
    </p>
  );
}

function PlanCard({
  plan,
  onEdit,
  onRemove,
}: {
  plan: PlannedIntervention;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const names = useHarta(selectNames);
  const warnings = useHarta(selectPlanWarnings).get(plan.id) ?? [];
  const where =
    plan.area.level === 'county' ? `${names.area(plan.area.id)} county` : names.area(plan.area.id);
  const warningNames = {
    area: names.area,
    organisation: (id: string) => names.organisation(id)?.name ?? id,
    activityType: (id: string) => names.activityType.get(id) ?? id,
  };
  return (
    <li className="plan-card">
      <h4>
        <SelectButton target={{ kind: plan.area.level, id: plan.area.id }}>{where}</SelectButton>{' '}
        <span className="muted">({plan.id})</span>
      </h4>
      <p>
        {plan.activityTypes.map((id) => names.activityType.get(id) ?? id).join(', ')} by{' '}
        {plan.organisationId ? (
          <SelectButton target={{ kind: 'organisation', id: plan.organisationId }}>
            {plan.organisationName}
          </SelectButton>
        ) : (
          <>{plan.organisationName} (new)</>
        )}
        {plan.start || plan.end ? `, ${plan.start ?? '…'} to ${plan.end ?? '…'}` : ''}
      </p>
      {plan.note ? <p className="plan-note">{plan.note}</p> : null}
      <PlanEffectLine plan={plan} />
      {warnings.length > 0 ? (
        <ul className="plan-warnings" aria-label={`Warnings for ${plan.id}`}>
          {warnings.map((warning, index) => (
            <li key={index}>{describePlanWarning(warning, plan, warningNames)}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nobody else does this work here, as far as the sources say.</p>
      )}
      <div className="form-actions">
        <button type="button" className="secondary-button" onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="secondary-button" onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}

/**
 * The donor's planner: add planned interventions, see what they duplicate and how they move
 * the gap ranking, switch the whole dashboard between today and with plans, and move plans in
 * and out as CSV or JSON. Plans stay in this browser.
 */
export function PlannerPanel({ files }: { files: PlannerFileActions }) {
  const id = useId();
  const store = useHartaStoreApi();
  const plans = useHarta((state) => state.plans);
  const draftArea = useHarta((state) => state.planDraftArea);
  const gazetteer = useHarta((state) => state.gazetteer);
  const dataset = useHarta((state) => state.dataset);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ plan: PlannedIntervention; index: number } | null>(null);
  const [restoredAs, setRestoredAs] = useState<{ from: string; to: string } | null>(null);
  const [importReport, setImportReport] = useState<ImportReport | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const editing = plans.find((plan) => plan.id === editingId) ?? null;
  const actions = store.getState();
  const stamp = new Date().toISOString().slice(0, 10);
  const baseName = `harta-plans-${gazetteer.country.code.toLowerCase()}-${stamp}`;

  const remove = (plan: PlannedIntervention) => {
    setRemoved({ plan, index: plans.indexOf(plan) });
    setRestoredAs(null);
    if (editingId === plan.id) setEditingId(null);
    actions.removePlan(plan.id);
  };

  // The removed card took focus with it: offer the undo next.
  useEffect(() => {
    if (removed) undoButton.current?.focus();
  }, [removed]);

  /** Puts the removed plan back where it was; under a fresh id if an import has taken its own. */
  const undoRemove = () => {
    if (!removed) return;
    const current = store.getState().plans;
    const taken = current.some((plan) => plan.id === removed.plan.id);
    const id = taken ? nextPlanId(current) : removed.plan.id;
    const next = [...current];
    next.splice(Math.min(removed.index, next.length), 0, { ...removed.plan, id });
    actions.setPlans(next);
    setRestoredAs(taken ? { from: removed.plan.id, to: id } : null);
    setRemoved(null);
    listHeading.current?.focus();
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await files.readText(file);
    } catch (error) {
      setImportReport({
        fileName: file.name,
        summary: 'Nothing was imported.',
        problems: [error instanceof Error ? error.message : String(error)],
      });
      return;
    }
    const current = store.getState().plans;
    const parsed = parsePlansFile(
      file.name,
      text,
      planFileContextOf(gazetteer, dataset, new Set(current.map((plan) => plan.id))),
    );
    const merge = mergeImportedPlans(current, parsed.plans);
    if (merge.added.length > 0) actions.setPlans(merge.plans);
    const parts = [
      `${merge.added.length} ${merge.added.length === 1 ? 'plan' : 'plans'} imported`,
      merge.skipped.length > 0 ? `${merge.skipped.length} already here, skipped` : '',
      merge.renamed.length > 0
        ? `renamed to keep ids unique: ${merge.renamed.map((r) => `${r.from} → ${r.to}`).join(', ')}`
        : '',
    ].filter(Boolean);
    setImportReport({
      fileName: file.name,
      summary: `${parts.join('; ')}. Your existing plans were kept as they were.`,
      problems: parsed.problems.map(describePlanProblem),
    });
  };

  return (
    <div className="planner-panel">
      <p className="panel-intro">
        Plan interventions and see the picture before and after: the map, the rankings and the
        charts follow the choice below. Plans stay in this browser; export them to share or keep.
      </p>
      <ScenarioSwitch />
      <PlanForm
        key={editing ? `edit-${editing.id}` : 'new'}
        editing={editing}
        draftArea={draftArea}
        onDraftApplied={actions.clearPlanDraft}
        onSubmit={(plan) => {
          if (editing) {
            actions.updatePlan(plan);
            setEditingId(null);
            listHeading.current?.focus();
          } else {
            actions.addPlan(plan);
            if (store.getState().plans.length === 1) actions.setScenario('planned');
          }
        }}
        onCancel={editing ? () => setEditingId(null) : undefined}
      />
      {removed ? (
        <p className="notice" role="status">
          Removed {removed.plan.id}.{' '}
          <button ref={undoButton} type="button" className="link-button" onClick={undoRemove}>
            Undo
          </button>
        </p>
      ) : restoredAs ? (
        <p className="notice" role="status">
          Restored {restoredAs.from} as {restoredAs.to}: a plan imported meanwhile has the id{' '}
          {restoredAs.from}.
        </p>
      ) : null}
      <h3 ref={listHeading} tabIndex={-1}>
        Planned interventions ({plans.length})
      </h3>
      {plans.length === 0 ? (
        <p className="muted">No plans yet. Add one above, or import a file.</p>
      ) : (
        <ul className="plan-list" aria-label="Planned interventions">
          {plans.map((plan) => (
            <PlanCard
              key={plan.id}
              plan={plan}
              onEdit={() => setEditingId(plan.id)}
              onRemove={() => remove(plan)}
            />
          ))}
        </ul>
      )}
      <div className="plan-files">
        <h3>Files</h3>
        <div className="form-actions">
          {EXPORTS.map(({ label, extension, mimeType, serialize }) => (
            <button
              key={extension}
              type="button"
              className="secondary-button"
              disabled={plans.length === 0}
              onClick={() =>
                files.download(
                  `${baseName}.${extension}`,
                  serialize(plans, planFileContextOf(gazetteer, dataset)),
                  mimeType,
                )
              }
            >
              {label}
            </button>
          ))}
          <button
            type="button"
            className="secondary-button"
            onClick={() => fileInput.current?.click()}
          >
            Import CSV or JSON…
          </button>
          <input
            ref={fileInput}
            id={`${id}-import`}
            data-testid="plan-import"
            hidden
            type="file"
            accept=".csv,.json,text/csv,application/json"
            aria-label="Plans file to import"
            onChange={(event) => void onImport(event)}
          />
        </div>
        {importReport ? (
          <div
            className="import-report"
            role="status"
            aria-label={`Import of ${importReport.fileName}`}
          >
            <p>
              <strong>{importReport.fileName}</strong>: {importReport.summary}
            </p>
            {importReport.problems.length > 0 ? (
              <ul>
                {importReport.problems.map((problem, index) => (
                  <li key={index}>{problem}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

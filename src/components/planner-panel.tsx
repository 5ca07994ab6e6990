import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { nextPlanId, type PlannedIntervention } from '../domain/plan';
import {
  describePlanProblem,
  ENGLISH_PLAN_FILE_WORDS,
  markIssueValues,
  mergeImportedPlans,
  parsePlansFile,
  planFileContextOf,
  serializePlansCsv,
  serializePlansJson,
  type PlanFileProblem,
} from '../domain/plan-file';
import { formatDate, formatNumber, type Lang, type MessageKey } from '../i18n/messages';
import { PLAN_FILE_WORDS_SQ } from '../i18n/tables/planner';
import { useT } from '../i18n/use-t';
import { selectNames, selectPlanEffects, selectPlanWarnings } from '../store/selectors';
import { useHarta, useHartaStoreApi } from '../store/store-context';
import { PlanForm, PlanWarningItems, WithNames } from './plan-form';
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
  {
    label: 'planner.exportCsv' satisfies MessageKey,
    extension: 'csv',
    mimeType: 'text/csv',
    serialize: serializePlansCsv,
  },
  {
    label: 'planner.exportJson' satisfies MessageKey,
    extension: 'json',
    mimeType: 'application/json',
    serialize: serializePlansJson,
  },
] as const;

/** A gap score rounded as `toFixed` does (0.495 is 0.49), then written in the language. */
const formatScore = (lang: Lang, score: number, digits: number) =>
  formatNumber(lang, Number(score.toFixed(digits)), digits);

interface ImportReport {
  fileName: string;
  /** What was imported; null when the file could not be read and nothing was. */
  counts: { added: number; skipped: number; renamed: string } | null;
  /** Why the file could not be read at all, as the browser says it. */
  readError: string | null;
  problems: PlanFileProblem[];
}

function PlanEffectLine({ plan }: { plan: PlannedIntervention }) {
  const t = useT();
  const lang = useHarta((state) => state.lang);
  const effects = useHarta(selectPlanEffects);
  const names = useHarta(selectNames);
  if (plan.area.level === 'county') {
    return <p className="plan-effect muted">{t('planner.countyPlanEffect')}</p>;
  }
  const effect = effects.get(plan.area.id);
  if (!effect) return null;
  return (
    <p className="plan-effect">
      {t(
        'planner.effect',
        names.area(plan.area.id),
        formatScore(lang, effect.before.gapScore, 2),
        formatScore(lang, effect.after.gapScore, 2),
        formatNumber(lang, effect.before.rank),
        formatNumber(lang, effect.after.rank),
      )}
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
  const t = useT();
  const lang = useHarta((state) => state.lang);
  const names = useHarta(selectNames);
  const warnings = useHarta(selectPlanWarnings).get(plan.id) ?? [];
  const where =
    plan.area.level === 'county'
      ? t('planner.county', names.area(plan.area.id))
      : names.area(plan.area.id);
  // English keeps the ISO dates it has always shown.
  const date = (iso: string | null) =>
    iso === null ? '…' : lang === 'en' ? iso : formatDate(lang, iso);
  return (
    <li className="plan-card">
      <h4>
        <SelectButton target={{ kind: plan.area.level, id: plan.area.id }}>{where}</SelectButton>{' '}
        <span className="muted" translate="no">
          ({plan.id})
        </span>
      </h4>
      <p>
        {t(
          'planner.card.by',
          plan.activityTypes.map((id) => names.activityType.get(id) ?? id).join(', '),
        )}{' '}
        {plan.organisationId ? (
          <SelectButton target={{ kind: 'organisation', id: plan.organisationId }}>
            <span translate="no">{plan.organisationName}</span>
          </SelectButton>
        ) : (
          <>
            <span translate="no">{plan.organisationName}</span>
            {t('planner.card.new')}
          </>
        )}
        {plan.start || plan.end ? t('planner.card.dates', date(plan.start), date(plan.end)) : ''}
      </p>
      {plan.note ? (
        <p className="plan-note" translate="no">
          {plan.note}
        </p>
      ) : null}
      <PlanEffectLine plan={plan} />
      {warnings.length > 0 ? (
        <ul className="plan-warnings" aria-label={t('planner.card.warnings', plan.id)}>
          <PlanWarningItems warnings={warnings} plan={plan} />
        </ul>
      ) : (
        <p className="muted">{t('planner.card.noOverlap')}</p>
      )}
      <div className="form-actions">
        <button type="button" className="secondary-button" onClick={onEdit}>
          {t('planner.edit')}
        </button>
        <button type="button" className="secondary-button" onClick={onRemove}>
          {t('planner.remove')}
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
  const t = useT();
  const lang = useHarta((state) => state.lang);
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
        counts: null,
        readError: error instanceof Error ? error.message : String(error),
        problems: [],
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
    setImportReport({
      fileName: file.name,
      counts: {
        added: merge.added.length,
        skipped: merge.skipped.length,
        renamed: merge.renamed.map((r) => `${r.from} → ${r.to}`).join(', '),
      },
      readError: null,
      problems: parsed.problems,
    });
  };

  return (
    <div className="planner-panel">
      <p className="panel-intro">{t('planner.intro')}</p>
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
          {t('planner.removed', removed.plan.id)}{' '}
          <button ref={undoButton} type="button" className="link-button" onClick={undoRemove}>
            {t('planner.undo')}
          </button>
        </p>
      ) : restoredAs ? (
        <p className="notice" role="status">
          {t('planner.restored', restoredAs.from, restoredAs.to)}
        </p>
      ) : null}
      <h3 ref={listHeading} tabIndex={-1}>
        {t('planner.listCount', formatNumber(lang, plans.length))}
      </h3>
      {plans.length === 0 ? (
        <p className="muted">{t('planner.none')}</p>
      ) : (
        <ul className="plan-list" aria-label={t('planner.list')}>
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
        <h3>{t('planner.files')}</h3>
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
              {t(label)}
            </button>
          ))}
          <button
            type="button"
            className="secondary-button"
            onClick={() => fileInput.current?.click()}
          >
            {t('planner.import')}
          </button>
          <input
            ref={fileInput}
            id={`${id}-import`}
            data-testid="plan-import"
            hidden
            type="file"
            accept=".csv,.json,text/csv,application/json"
            aria-label={t('planner.importFile')}
            onChange={(event) => void onImport(event)}
          />
        </div>
        {importReport ? (
          // Named "Import of <file>" by two parts, so the file name stays marked as data; the
          // first part sits outside the report so its text is the report alone.
          <>
            <span id={`${id}-report-title`} className="visually-hidden">
              {t('planner.importOf')}
            </span>
            <div
              className="import-report"
              role="status"
              aria-labelledby={`${id}-report-title ${id}-report-file`}
            >
              <p>
                <strong id={`${id}-report-file`} translate="no">
                  {importReport.fileName}
                </strong>
                :{' '}
                {importReport.counts
                  ? t('planner.import.summary', importReport.counts)
                  : t('planner.import.nothing')}
              </p>
              {importReport.readError !== null || importReport.problems.length > 0 ? (
                <ul>
                  {importReport.readError !== null ? <li>{importReport.readError}</li> : null}
                  {importReport.problems.map((problem, index) => (
                    <li key={index}>
                      {/* The file name, fields and values from the file are shown as data. */}
                      <WithNames
                        build={(mark) =>
                          describePlanProblem(
                            {
                              ...problem,
                              file: mark(problem.file),
                              ...(problem.field ? { field: mark(problem.field) } : {}),
                              issue: markIssueValues(problem.issue, mark),
                            },
                            lang === 'sq' ? PLAN_FILE_WORDS_SQ : ENGLISH_PLAN_FILE_WORDS,
                          )
                        }
                      />
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}

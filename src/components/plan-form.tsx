import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  describePlanWarning,
  planWarnings,
  type PlanArea,
  type PlannedIntervention,
} from '../domain/plan';
import { selectNames } from '../store/selectors';
import { useHarta } from '../store/store-context';

const areaValue = (area: PlanArea | null) =>
  area === null ? '' : `${area.level === 'county' ? 'c' : 'm'}:${area.id}`;

function parseAreaValue(value: string): PlanArea | null {
  const [prefix, id] = value.split(':');
  if (!id) return null;
  return { level: prefix === 'c' ? 'county' : 'municipality', id };
}

const MAX_TEXT = 500;

interface PlanFormProps {
  /** The plan being edited, or null to add a new one. */
  editing: PlannedIntervention | null;
  /**
   * An area to start from ("Plan an intervention in …"): put into the form whenever it changes,
   * keeping what else was typed, then handed back through `onDraftApplied`.
   */
  draftArea: PlanArea | null;
  onDraftApplied: () => void;
  onSubmit: (plan: PlannedIntervention) => void;
  onCancel?: () => void;
}

/**
 * The planner's form: where, what, by whom, when. Before the plan is added it already warns
 * when others do the same work there.
 */
export function PlanForm({
  editing,
  draftArea,
  onDraftApplied,
  onSubmit,
  onCancel,
}: PlanFormProps) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const areaRef = useRef<HTMLSelectElement>(null);
  const gazetteer = useHarta((state) => state.gazetteer);
  const dataset = useHarta((state) => state.dataset);
  const plans = useHarta((state) => state.plans);
  const names = useHarta(selectNames);
  const [area, setArea] = useState(areaValue(editing?.area ?? draftArea));
  const [appliedDraft, setAppliedDraft] = useState(draftArea);
  // A new draft area while the form is open: adjust during render (no remount, nothing lost).
  if (draftArea !== appliedDraft) {
    setAppliedDraft(draftArea);
    if (draftArea !== null && !editing) setArea(areaValue(draftArea));
  }
  const [activityTypes, setActivityTypes] = useState<string[]>(editing?.activityTypes ?? []);
  const [organisationId, setOrganisationId] = useState(editing?.organisationId ?? '');
  const [newName, setNewName] = useState(
    editing?.organisationId ? '' : (editing?.organisationName ?? ''),
  );
  const [start, setStart] = useState(editing?.start ?? '');
  const [end, setEnd] = useState(editing?.end ?? '');
  const [note, setNote] = useState(editing?.note ?? '');
  const [errors, setErrors] = useState<string[]>([]);

  // Once in the form, the draft has done its job: clear it so it is not applied twice.
  useEffect(() => {
    if (draftArea !== null) onDraftApplied();
  }, [draftArea, onDraftApplied]);

  // Opened to edit a plan: bring the form into view with focus on its first field.
  const editingId = editing?.id;
  useEffect(() => {
    if (editingId === undefined) return;
    formRef.current?.scrollIntoView?.({ block: 'start' });
    areaRef.current?.focus({ preventScroll: true });
  }, [editingId]);

  const organisations = useMemo(
    () => [...dataset.organisations].sort((a, b) => a.name.localeCompare(b.name, 'sq')),
    [dataset],
  );

  const draft = (): PlannedIntervention | null => {
    const parsedArea = parseAreaValue(area);
    if (parsedArea === null || activityTypes.length === 0) return null;
    const existing = dataset.organisations.find((o) => o.id === organisationId);
    return {
      id: editing?.id ?? '',
      area: parsedArea,
      activityTypes: dataset.activityTypes
        .map((type) => type.id)
        .filter((type) => activityTypes.includes(type)),
      organisationId: existing ? existing.id : null,
      organisationName: existing ? existing.name : newName.trim(),
      start: start === '' ? null : start,
      end: end === '' ? null : end,
      note,
    };
  };

  const preview = draft();
  const warnings =
    preview === null
      ? []
      : planWarnings(
          preview,
          plans.filter((plan) => plan.id !== preview.id),
          dataset,
          gazetteer,
        );
  const warningNames = {
    area: names.area,
    organisation: (orgId: string) => names.organisation(orgId)?.name ?? orgId,
    activityType: (typeId: string) => names.activityType.get(typeId) ?? typeId,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: string[] = [];
    if (parseAreaValue(area) === null) problems.push('Choose the area the plan is for.');
    if (activityTypes.length === 0) problems.push('Choose at least one activity type.');
    if (organisationId === '' && newName.trim() === '')
      problems.push('Choose the implementing organisation, or type the name of a new one.');
    if (start !== '' && end !== '' && end < start)
      problems.push('The end date is before the start date.');
    setErrors(problems);
    const plan = draft();
    if (problems.length > 0 || plan === null) return;
    onSubmit(plan);
    if (!editing) {
      setActivityTypes([]);
      setNote('');
      setStart('');
      setEnd('');
    }
  };

  return (
    <form
      ref={formRef}
      className="plan-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>
        {editing ? `Edit plan ${editing.id}` : 'Add a planned intervention'}
      </h3>
      <label htmlFor={`${id}-area`}>Area</label>
      <select
        ref={areaRef}
        id={`${id}-area`}
        value={area}
        onChange={(event) => setArea(event.target.value)}
      >
        <option value="">Choose a municipality or county…</option>
        {gazetteer.counties.map((county) => (
          <optgroup key={county.id} label={`${county.name} county`}>
            <option value={`c:${county.id}`}>{county.name} county as a whole</option>
            {gazetteer.municipalities
              .filter((m) => m.county === county.id)
              .map((m) => (
                <option key={m.id} value={`m:${m.id}`}>
                  {m.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <fieldset className="plan-types">
        <legend>Activity types</legend>
        {dataset.activityTypes.map((type) => (
          <label key={type.id}>
            <input
              type="checkbox"
              checked={activityTypes.includes(type.id)}
              onChange={() =>
                setActivityTypes((current) =>
                  current.includes(type.id)
                    ? current.filter((value) => value !== type.id)
                    : [...current, type.id],
                )
              }
            />
            {type.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-org`}>Implementing organisation</label>
      <select
        id={`${id}-org`}
        value={organisationId}
        onChange={(event) => setOrganisationId(event.target.value)}
      >
        <option value="">A new organisation (type its name below)</option>
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
            {o.acronym ? ` (${o.acronym})` : ''}
          </option>
        ))}
      </select>
      {organisationId === '' ? (
        <>
          <label htmlFor={`${id}-name`}>Name of the new organisation</label>
          <input
            id={`${id}-name`}
            type="text"
            value={newName}
            maxLength={MAX_TEXT}
            onChange={(event) => setNewName(event.target.value)}
          />
        </>
      ) : null}
      <div className="plan-dates">
        <span>
          <label htmlFor={`${id}-start`}>Start (optional)</label>
          <input
            id={`${id}-start`}
            type="date"
            value={start}
            onChange={(event) => setStart(event.target.value)}
          />
        </span>
        <span>
          <label htmlFor={`${id}-end`}>End (optional)</label>
          <input
            id={`${id}-end`}
            type="date"
            value={end}
            onChange={(event) => setEnd(event.target.value)}
          />
        </span>
      </div>
      <label htmlFor={`${id}-note`}>Note (optional)</label>
      <textarea
        id={`${id}-note`}
        value={note}
        maxLength={MAX_TEXT}
        rows={2}
        onChange={(event) => setNote(event.target.value)}
      />
      {warnings.length > 0 && preview ? (
        <div className="plan-warnings" role="status">
          <p>
            <strong>Before you add it:</strong>
          </p>
          <ul>
            {warnings.map((warning, index) => (
              <li key={index}>{describePlanWarning(warning, preview, warningNames)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {errors.length > 0 ? (
        <ul className="form-errors" role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary-button">
          {editing ? 'Save changes' : 'Add plan'}
        </button>
        {onCancel ? (
          <button type="button" className="secondary-button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

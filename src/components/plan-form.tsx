import {
  Fragment,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import {
  namePlanWarning,
  planWarnings,
  type PlanArea,
  type PlannedIntervention,
  type PlanWarning,
} from '../domain/plan';
import { formatDate, type MessageKey } from '../i18n/messages';
import { useT } from '../i18n/use-t';
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

type FormError = Extract<MessageKey, `planner.form.error.${string}`>;

/** Marks a name inside a sentence (private-use characters around its index), see `WithNames`. */
const NAME_MARK = '\uE000';

/**
 * A sentence built with names passed through `mark`, shown with each name as data: in a
 * `translate="no"` span, so neither a translator nor the English checker takes an
 * organisation's name, a file name or an id for interface text.
 */
export function WithNames({ build }: { build: (mark: (name: string) => string) => string }) {
  const names: string[] = [];
  const sentence = build((name) => `${NAME_MARK}${names.push(name) - 1}${NAME_MARK}`);
  const parts: ReactNode[] = sentence.split(NAME_MARK).map((part, index) =>
    index % 2 === 0 ? (
      <Fragment key={index}>{part}</Fragment>
    ) : (
      <span key={index} translate="no">
        {names[Number(part)] ?? part}
      </span>
    ),
  );
  return <>{parts}</>;
}

/** A plan's warnings in words, as list items (the planner's cards show them too). */
export function PlanWarningItems({
  warnings,
  plan,
}: {
  warnings: readonly PlanWarning[];
  plan: PlannedIntervention;
}) {
  const t = useT();
  const lang = useHarta((state) => state.lang);
  const names = useHarta(selectNames);
  // Organisation names go into the sentence as marks, and come out of it as data.
  const sentence = (warning: PlanWarning) => (mark: (name: string) => string) =>
    t(
      'planner.warning',
      namePlanWarning(
        warning,
        { ...plan, organisationName: mark(plan.organisationName) },
        {
          area: names.area,
          organisation: (id: string) => mark(names.organisation(id)?.name ?? id),
          activityType: (id: string) => names.activityType.get(id) ?? id,
          // English keeps the ISO dates it has always shown.
          date: (iso: string) => (lang === 'en' ? iso : formatDate(lang, iso)),
        },
      ),
    );
  return warnings.map((warning, index) => (
    <li key={index}>
      <WithNames build={sentence(warning)} />
    </li>
  ));
}

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
  const t = useT();
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
  const [errors, setErrors] = useState<FormError[]>([]);

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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FormError[] = [];
    if (parseAreaValue(area) === null) problems.push('planner.form.error.area');
    if (activityTypes.length === 0) problems.push('planner.form.error.activityTypes');
    if (organisationId === '' && newName.trim() === '')
      problems.push('planner.form.error.organisation');
    if (start !== '' && end !== '' && end < start) problems.push('planner.form.error.dates');
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
        {editing ? t('planner.form.edit', editing.id) : t('planner.form.add')}
      </h3>
      <label htmlFor={`${id}-area`}>{t('planner.form.area')}</label>
      <select
        ref={areaRef}
        id={`${id}-area`}
        value={area}
        onChange={(event) => setArea(event.target.value)}
      >
        <option value="">{t('planner.form.chooseArea')}</option>
        {gazetteer.counties.map((county) => (
          <optgroup key={county.id} label={t('planner.county', county.name)}>
            <option value={`c:${county.id}`}>{t('planner.form.wholeCounty', county.name)}</option>
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
        <legend>{t('planner.form.activityTypes')}</legend>
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
            {names.activityType.get(type.id) ?? type.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-org`}>{t('planner.form.organisation')}</label>
      <select
        id={`${id}-org`}
        value={organisationId}
        onChange={(event) => setOrganisationId(event.target.value)}
      >
        <option value="">{t('planner.form.newOrganisation')}</option>
        {organisations.map((o) => (
          <option key={o.id} value={o.id} translate="no">
            {o.name}
            {o.acronym ? ` (${o.acronym})` : ''}
          </option>
        ))}
      </select>
      {organisationId === '' ? (
        <>
          <label htmlFor={`${id}-name`}>{t('planner.form.newName')}</label>
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
          <label htmlFor={`${id}-start`}>{t('planner.form.start')}</label>
          <input
            id={`${id}-start`}
            type="date"
            value={start}
            onChange={(event) => setStart(event.target.value)}
          />
        </span>
        <span>
          <label htmlFor={`${id}-end`}>{t('planner.form.end')}</label>
          <input
            id={`${id}-end`}
            type="date"
            value={end}
            onChange={(event) => setEnd(event.target.value)}
          />
        </span>
      </div>
      <label htmlFor={`${id}-note`}>{t('planner.form.note')}</label>
      <textarea
        id={`${id}-note`}
        value={note}
        translate="no"
        maxLength={MAX_TEXT}
        rows={2}
        onChange={(event) => setNote(event.target.value)}
      />
      {warnings.length > 0 && preview ? (
        <div className="plan-warnings" role="status">
          <p>
            <strong>{t('planner.form.beforeAdding')}</strong>
          </p>
          <ul>
            <PlanWarningItems warnings={warnings} plan={preview} />
          </ul>
        </div>
      ) : null}
      {errors.length > 0 ? (
        <ul className="form-errors" role="alert">
          {errors.map((error) => (
            <li key={error}>{t(error)}</li>
          ))}
        </ul>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary-button">
          {editing ? t('planner.form.save') : t('planner.form.submit')}
        </button>
        {onCancel ? (
          <button type="button" className="secondary-button" onClick={onCancel}>
            {t('planner.form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

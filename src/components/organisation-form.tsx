import { useId, useMemo, useState, type FormEvent } from 'react';
import { taxonomyLabel, type Organisation } from '../domain/dataset';
import { typedEditsDocument } from '../domain/local-edits';
import {
  EMPTY_FORM,
  formValuesOf,
  organisationFromForm,
  type FormField,
  type FormProblem,
  type OrganisationFormValues,
} from '../domain/organisation-form';
import { useT } from '../i18n/use-t';
import { selectPlaceResolver } from '../store/selectors';
import { useHarta, useHartaStoreApi } from '../store/store-context';

/** Stands for the name in the heading's message, so the name can be marked as data. */
const NAME_MARK = '\u2063';

/** "Edit “name”", the name marked as data (not translated, not checked as English). */
function EditHeading({ name }: { name: string }) {
  const t = useT();
  const [before, after] = t('data.form.editHeading', NAME_MARK).split(NAME_MARK);
  return (
    <>
      {before}
      <span translate="no">{name}</span>
      {after}
    </>
  );
}

/**
 * Add or edit an organisation, checked by the same rules as an imported row. The places are
 * resolved as the user types, so "Kukesi" shows its suggestion before saving.
 */
export function OrganisationForm({
  existing,
  onDone,
}: {
  /** The record to edit; null adds a new one. */
  existing: Organisation | null;
  onDone: (savedId: string | null) => void;
}) {
  const store = useHartaStoreApi();
  const dataset = useHarta((state) => state.dataset);
  const gazetteer = useHarta((state) => state.gazetteer);
  const resolver = useHarta(selectPlaceResolver);
  const lang = useHarta((state) => state.lang);
  const t = useT();
  const id = useId();
  const [values, setValues] = useState<OrganisationFormValues>(() =>
    existing ? formValuesOf(existing) : EMPTY_FORM,
  );
  const [submitted, setSubmitted] = useState(false);
  const result = useMemo(
    () =>
      organisationFromForm(
        values,
        { dataset, gazetteer, resolvePlaces: resolver.resolvePlaces },
        existing,
      ),
    [values, dataset, gazetteer, resolver, existing],
  );
  const set = <K extends FormField>(field: K, value: OrganisationFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const toggle = (field: 'activityTypes' | 'focusTypes', value: string) =>
    set(
      field,
      values[field].includes(value)
        ? values[field].filter((other) => other !== value)
        : [...values[field], value],
    );
  const problemsOf = (field: FormField): FormProblem[] => [
    ...(submitted ? result.errors.filter((problem) => problem.field === field) : []),
    ...result.warnings.filter((problem) => problem.field === field),
  ];
  const describedBy = (field: FormField) =>
    problemsOf(field).length > 0 ? `${id}-${field}-problems` : undefined;
  const problemList = (field: FormField) => {
    const problems = problemsOf(field);
    if (problems.length === 0) return null;
    return (
      <ul id={`${id}-${field}-problems`} className="field-problems">
        {problems.map((problem) => {
          const message = t('data.form.problem', problem);
          return (
            <li key={message} className={result.errors.includes(problem) ? 'error' : 'warning'}>
              {message}
            </li>
          );
        })}
      </ul>
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!result.organisation) return;
    const documents =
      result.organisation.source.document === typedEditsDocument('').id
        ? [typedEditsDocument(new Date().toISOString().slice(0, 4))]
        : [];
    store.getState().saveOrganisation(result.organisation, documents);
    onDone(result.organisation.id);
  };

  const text = (
    field: 'name' | 'acronym' | 'website' | 'theme' | 'focusOfActivities',
    label: string,
  ) => (
    <div className="form-field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        value={values[field]}
        aria-invalid={submitted && result.errors.some((p) => p.field === field)}
        aria-describedby={describedBy(field)}
        onChange={(event) => set(field, event.target.value)}
      />
      {problemList(field)}
    </div>
  );

  return (
    <form
      className="organisation-form"
      aria-label={existing ? t('data.form.editLabel', existing.name) : t('data.add')}
      onSubmit={onSubmit}
      noValidate
    >
      <h3>{existing ? <EditHeading name={existing.name} /> : t('data.add')}</h3>
      {text('name', t('data.form.name'))}
      {text('acronym', t('data.form.acronym'))}
      <div className="form-field">
        <label htmlFor={`${id}-kind`}>{t('data.form.kind')}</label>
        <select
          id={`${id}-kind`}
          value={values.kind}
          aria-invalid={submitted && result.errors.some((p) => p.field === 'kind')}
          aria-describedby={describedBy('kind')}
          onChange={(event) => set('kind', event.target.value)}
        >
          <option value="">{t('data.form.choose')}</option>
          {dataset.organisationKinds.map((kind) => (
            <option key={kind.id} value={kind.id}>
              {taxonomyLabel(kind, lang)}
            </option>
          ))}
        </select>
        {problemList('kind')}
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-where`}>{t('data.form.where')}</label>
        <textarea
          id={`${id}-where`}
          rows={2}
          translate="no"
          value={values.geographicFocus}
          placeholder={t('data.form.wherePlaceholder')}
          aria-invalid={submitted && result.errors.some((p) => p.field === 'geographicFocus')}
          aria-describedby={`${id}-where-resolved ${describedBy('geographicFocus') ?? ''}`.trim()}
          onChange={(event) => set('geographicFocus', event.target.value)}
        />
        <p id={`${id}-where-resolved`} className="muted" aria-live="polite">
          {result.places.national
            ? t('data.form.readAsNational')
            : result.places.municipalities.length + result.places.counties.length > 0
              ? t(
                  'data.form.readAs',
                  [
                    ...result.places.municipalities,
                    ...result.places.counties.map((name) => t('data.form.county', name)),
                  ].join(', '),
                )
              : ''}
        </p>
        {problemList('geographicFocus')}
      </div>
      <fieldset className="form-field">
        <legend>{t('data.form.activityTypes')}</legend>
        {dataset.activityTypes.map((type) => (
          <label key={type.id} className="inline-check">
            <input
              type="checkbox"
              checked={values.activityTypes.includes(type.id)}
              onChange={() => toggle('activityTypes', type.id)}
            />{' '}
            {taxonomyLabel(type, lang)}
          </label>
        ))}
        {problemList('activityTypes')}
      </fieldset>
      <fieldset className="form-field">
        <legend>{t('data.form.focus')}</legend>
        {dataset.focusTypes.map((type) => (
          <label key={type.id} className="inline-check">
            <input
              type="checkbox"
              checked={values.focusTypes.includes(type.id)}
              onChange={() => toggle('focusTypes', type.id)}
            />{' '}
            {taxonomyLabel(type, lang)}
          </label>
        ))}
      </fieldset>
      {text('website', t('data.form.website'))}
      {text('theme', t('data.form.theme'))}
      {text('focusOfActivities', t('data.form.focusOfActivities'))}
      <div className="form-field">
        <label htmlFor={`${id}-notes`}>{t('data.form.notes')}</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          translate="no"
          value={values.notes}
          onChange={(event) => set('notes', event.target.value)}
        />
      </div>
      {submitted && result.errors.length > 0 ? (
        <p className="notice error" role="alert">
          {t(
            'data.form.notSaved',
            result.errors.map((problem) => t('data.form.problem', problem)).join(' '),
          )}
        </p>
      ) : null}
      <p>
        <button type="submit" className="primary-button">
          {existing ? t('data.form.saveChanges') : t('data.form.addOrganisation')}
        </button>{' '}
        <button type="button" className="secondary-button" onClick={() => onDone(null)}>
          {t('data.form.cancel')}
        </button>
      </p>
    </form>
  );
}

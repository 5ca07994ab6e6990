import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Organisation } from '../domain/dataset';
import { typedEditsDocument } from '../domain/local-edits';
import {
  EMPTY_FORM,
  formValuesOf,
  organisationFromForm,
  type FormField,
  type FormProblem,
  type OrganisationFormValues,
} from '../domain/organisation-form';
import { selectPlaceResolver } from '../store/selectors';
import { useHarta, useHartaStoreApi } from '../store/store-context';

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
        {problems.map((problem) => (
          <li
            key={problem.message}
            className={result.errors.includes(problem) ? 'error' : 'warning'}
          >
            {problem.message}
          </li>
        ))}
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
      aria-label={existing ? `Edit ${existing.name}` : 'Add an organisation'}
      onSubmit={onSubmit}
      noValidate
    >
      <h3>{existing ? `Edit “${existing.name}”` : 'Add an organisation'}</h3>
      {text('name', 'Name (required)')}
      {text('acronym', 'Acronym')}
      <div className="form-field">
        <label htmlFor={`${id}-kind`}>Kind (required)</label>
        <select
          id={`${id}-kind`}
          value={values.kind}
          aria-invalid={submitted && result.errors.some((p) => p.field === 'kind')}
          aria-describedby={describedBy('kind')}
          onChange={(event) => set('kind', event.target.value)}
        >
          <option value="">Choose…</option>
          {dataset.organisationKinds.map((kind) => (
            <option key={kind.id} value={kind.id}>
              {kind.label}
            </option>
          ))}
        </select>
        {problemList('kind')}
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-where`}>Where it works (required)</label>
        <textarea
          id={`${id}-where`}
          rows={2}
          value={values.geographicFocus}
          placeholder="Kukës; Has; Qarku i Dibrës — or “nationwide”"
          aria-invalid={submitted && result.errors.some((p) => p.field === 'geographicFocus')}
          aria-describedby={`${id}-where-resolved ${describedBy('geographicFocus') ?? ''}`.trim()}
          onChange={(event) => set('geographicFocus', event.target.value)}
        />
        <p id={`${id}-where-resolved`} className="muted" aria-live="polite">
          {result.places.national
            ? 'Read as: nationwide.'
            : result.places.municipalities.length + result.places.counties.length > 0
              ? `Read as: ${[
                  ...result.places.municipalities,
                  ...result.places.counties.map((name) => `${name} county`),
                ].join(', ')}.`
              : ''}
        </p>
        {problemList('geographicFocus')}
      </div>
      <fieldset className="form-field">
        <legend>Activity types</legend>
        {dataset.activityTypes.map((type) => (
          <label key={type.id} className="inline-check">
            <input
              type="checkbox"
              checked={values.activityTypes.includes(type.id)}
              onChange={() => toggle('activityTypes', type.id)}
            />{' '}
            {type.label}
          </label>
        ))}
        {problemList('activityTypes')}
      </fieldset>
      <fieldset className="form-field">
        <legend>Focus</legend>
        {dataset.focusTypes.map((type) => (
          <label key={type.id} className="inline-check">
            <input
              type="checkbox"
              checked={values.focusTypes.includes(type.id)}
              onChange={() => toggle('focusTypes', type.id)}
            />{' '}
            {type.label}
          </label>
        ))}
      </fieldset>
      {text('website', 'Website (http or https)')}
      {text('theme', 'Theme, as the source writes it')}
      {text('focusOfActivities', 'Focus of activities, as the source writes it')}
      <div className="form-field">
        <label htmlFor={`${id}-notes`}>Notes (source, doubts, decisions)</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          value={values.notes}
          onChange={(event) => set('notes', event.target.value)}
        />
      </div>
      {submitted && result.errors.length > 0 ? (
        <p className="notice error" role="alert">
          Not saved: {result.errors.map((problem) => problem.message).join(' ')}
        </p>
      ) : null}
      <p>
        <button type="submit" className="primary-button">
          {existing ? 'Save changes' : 'Add organisation'}
        </button>{' '}
        <button type="button" className="secondary-button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </p>
    </form>
  );
}

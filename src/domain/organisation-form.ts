import { slugify } from './annex-i';
import type { Dataset, Organisation } from './dataset';
import type { Gazetteer } from './gazetteer-schema';
import { freshOrganisationId, TYPED_EDITS_DOCUMENT_ID } from './local-edits';
import type { PlaceResolution } from './resolve-places';
import { normaliseWebsite } from './website';

/**
 * The organisation form: what a user types, checked by the same rules as an imported row (a
 * name, a known kind and types, a safe website, places through the dataset's resolver), and
 * turned into a record. Pure, so the form and its tests share one validator.
 */

export interface OrganisationFormValues {
  name: string;
  acronym: string;
  kind: string;
  website: string;
  theme: string;
  activityTypes: string[];
  focusOfActivities: string;
  focusTypes: string[];
  /** Where the organisation works, as a person writes it ("Kukës; Has", "nationwide"). */
  geographicFocus: string;
  notes: string;
}

export type FormField = keyof OrganisationFormValues;

/** A place the gazetteer does not know, with the names it might be. */
export interface UnresolvedFormPlace {
  text: string;
  /** 'ambiguous': it could be any of `candidates`; otherwise they are near spellings. */
  reason: 'ambiguous' | 'unknown';
  candidates: string[];
}

/** What is wrong with a field, as data: the interface puts it in words. */
export type FormProblem =
  | { field: 'name'; code: 'nameRequired' }
  | { field: 'name'; code: 'nameTooLong'; max: number }
  | { field: 'name'; code: 'nameTaken'; otherId: string }
  | { field: 'kind'; code: 'kindRequired' }
  | { field: 'activityTypes'; code: 'noActivityType' }
  /** `detail`: why the address is refused, in English (from `normaliseWebsite`). */
  | { field: 'website'; code: 'website'; value: string; detail: string }
  | { field: 'geographicFocus'; code: 'placeRequired' }
  | { field: 'geographicFocus'; code: 'noPlaceFound'; places: UnresolvedFormPlace[] }
  | { field: 'geographicFocus'; code: 'placesKeptAsText'; places: UnresolvedFormPlace[] };

export type FormProblemCode = FormProblem['code'];

export interface FormResult {
  /** Null while there are errors. */
  organisation: Organisation | null;
  errors: FormProblem[];
  warnings: FormProblem[];
  /** What the place text resolves to, for the form to show as the user types. */
  places: {
    counties: string[];
    municipalities: string[];
    national: boolean;
    unresolved: UnresolvedFormPlace[];
  };
}

/** The longest name the form accepts. */
export const MAX_NAME_LENGTH = 300;

export const EMPTY_FORM: OrganisationFormValues = {
  name: '',
  acronym: '',
  kind: '',
  website: '',
  theme: '',
  activityTypes: [],
  focusOfActivities: '',
  focusTypes: [],
  geographicFocus: '',
  notes: '',
};

export function formValuesOf(organisation: Organisation): OrganisationFormValues {
  return {
    name: organisation.name,
    acronym: organisation.acronym ?? '',
    kind: organisation.kind,
    website: organisation.websiteRaw,
    theme: organisation.theme,
    activityTypes: [...organisation.activityTypes],
    focusOfActivities: organisation.focusOfActivities,
    focusTypes: [...organisation.focusTypes],
    geographicFocus: organisation.geographicFocus,
    notes: organisation.notes,
  };
}

export interface FormContext {
  dataset: Dataset;
  gazetteer: Gazetteer;
  resolvePlaces: (text: string) => PlaceResolution;
}

/**
 * Checks the values and builds the record. `existing` is the record being edited (its id and
 * source are kept); without it a new record gets a fresh id and cites "edited in Harta".
 */
export function organisationFromForm(
  values: OrganisationFormValues,
  context: FormContext,
  existing: Organisation | null,
): FormResult {
  const errors: FormProblem[] = [];
  const warnings: FormProblem[] = [];
  const name = values.name.trim();
  if (name === '') errors.push({ field: 'name', code: 'nameRequired' });
  else if (name.length > MAX_NAME_LENGTH)
    errors.push({ field: 'name', code: 'nameTooLong', max: MAX_NAME_LENGTH });
  const duplicate = context.dataset.organisations.find(
    (other) =>
      other.id !== existing?.id &&
      other.planned === undefined &&
      other.name.trim().toLocaleLowerCase() === name.toLocaleLowerCase(),
  );
  if (name !== '' && duplicate) {
    warnings.push({ field: 'name', code: 'nameTaken', otherId: duplicate.id });
  }
  const kinds = new Set(context.dataset.organisationKinds.map((kind) => kind.id));
  if (!kinds.has(values.kind)) errors.push({ field: 'kind', code: 'kindRequired' });
  const knownTypes = (ids: readonly string[], entries: readonly { id: string }[]) =>
    ids.filter((id) => entries.some((entry) => entry.id === id));
  const activityTypes = knownTypes(values.activityTypes, context.dataset.activityTypes);
  const focusTypes = knownTypes(values.focusTypes, context.dataset.focusTypes);
  if (activityTypes.length === 0) {
    warnings.push({ field: 'activityTypes', code: 'noActivityType' });
  }
  const website = normaliseWebsite(values.website);
  if (website.url === null && website.problem) {
    errors.push({
      field: 'website',
      code: 'website',
      value: values.website.trim(),
      detail: website.problem,
    });
  }

  const resolution = context.resolvePlaces(values.geographicFocus);
  const national = resolution.scope === 'national';
  const areas = resolution.areas.filter((area) => !area.refinedBy);
  const countyIds = national ? [] : areas.filter((a) => a.level === 'county').map((a) => a.id);
  const municipalityIds = national
    ? []
    : areas.filter((a) => a.level === 'municipality').map((a) => a.id);
  const unresolved = resolution.unresolved.map((place): UnresolvedFormPlace => ({
    text: place.text,
    reason: place.reason === 'ambiguous' ? 'ambiguous' : 'unknown',
    candidates: place.candidates.map((candidate) => candidate.name),
  }));
  if (values.geographicFocus.trim() === '') {
    errors.push({ field: 'geographicFocus', code: 'placeRequired' });
  } else if (resolution.scope === 'none') {
    errors.push({ field: 'geographicFocus', code: 'noPlaceFound', places: unresolved });
  } else if (unresolved.length > 0) {
    warnings.push({ field: 'geographicFocus', code: 'placesKeptAsText', places: unresolved });
  }

  const nameOf = (id: string, list: readonly { id: string; name: string }[]) =>
    list.find((entry) => entry.id === id)?.name ?? id;
  const places = {
    counties: countyIds.map((id) => nameOf(id, context.gazetteer.counties)),
    municipalities: municipalityIds.map((id) => nameOf(id, context.gazetteer.municipalities)),
    national,
    unresolved,
  };
  if (errors.length > 0) return { organisation: null, errors, warnings, places };

  const taken = new Set(context.dataset.organisations.map((organisation) => organisation.id));
  const acronym = values.acronym.trim();
  return {
    errors,
    warnings,
    places,
    organisation: {
      id: existing?.id ?? freshOrganisationId(slugify(name), taken),
      name,
      acronym: acronym === '' ? null : acronym,
      kind: values.kind,
      websiteRaw: values.website.trim(),
      website: website.url,
      theme: values.theme.trim(),
      activityTypes,
      focusOfActivities: values.focusOfActivities.trim(),
      focusTypes,
      geographicFocus: values.geographicFocus.trim(),
      scope: national ? 'national' : 'local',
      countyIds,
      municipalityIds,
      unresolvedPlaces: resolution.unresolved.map((place) => place.text),
      notes: values.notes.trim(),
      source: existing?.source ?? { document: TYPED_EDITS_DOCUMENT_ID, row: null },
    },
  };
}

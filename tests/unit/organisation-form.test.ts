import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { EMPTY_FORM, formValuesOf, organisationFromForm } from '../../src/domain/organisation-form';
import { createPlaceResolver } from '../../src/domain/resolve-places';
import { makeDataset } from './fixtures/dataset-fixture';

// REAL gazetteer, SYNTHETIC dataset.
const root = new URL('../../', import.meta.url);
const gazetteer = checkGazetteer(
  readFileSync(new URL('geo/gazetteer.json', root), 'utf8'),
).gazetteer;
if (!gazetteer) throw new Error('geo/gazetteer.json does not load');
const context = {
  dataset: makeDataset(),
  gazetteer,
  resolvePlaces: createPlaceResolver(gazetteer).resolvePlaces,
};

describe('organisationFromForm', () => {
  it('requires a name, a kind and a place, and names each field', () => {
    const result = organisationFromForm(EMPTY_FORM, context, null);
    expect(result.organisation).toBeNull();
    expect(result.errors.map((problem) => problem.field)).toEqual([
      'name',
      'kind',
      'geographicFocus',
    ]);
  });

  it('reads places as the dataset does: municipalities, counties, nationwide', () => {
    const values = { ...EMPTY_FORM, name: 'Qendra', kind: 'cso', activityTypes: ['training'] };
    const local = organisationFromForm(
      { ...values, geographicFocus: 'Bashkia Kukës; Qarku i Dibrës' },
      context,
      null,
    );
    expect(local.organisation).toMatchObject({
      scope: 'local',
      municipalityIds: ['AL132'],
      countyIds: ['AL011'],
      source: { document: 'edited-in-harta', row: null },
    });
    expect(local.places).toMatchObject({ municipalities: ['Kukës'], counties: ['Dibër'] });
    const national = organisationFromForm(
      { ...values, geographicFocus: 'the territory of Albania' },
      context,
      null,
    );
    expect(national.organisation).toMatchObject({
      scope: 'national',
      municipalityIds: [],
      countyIds: [],
    });
    const nowhere = organisationFromForm({ ...values, geographicFocus: 'Atlantis' }, context, null);
    expect(nowhere.errors).toEqual([
      { field: 'geographicFocus', message: 'No place in the gazetteer matches: Atlantis.' },
    ]);
  });

  it('keeps the id and source of the record being edited, and warns about a taken name', () => {
    const existing = context.dataset.organisations[0]!;
    const result = organisationFromForm(
      { ...formValuesOf(existing), name: 'Cërrik Two', geographicFocus: 'Cërrik' },
      context,
      existing,
    );
    expect(result.organisation).toMatchObject({ id: existing.id, source: existing.source });
    expect(result.warnings).toContainEqual({
      field: 'name',
      message: 'Another organisation already has this name (cerrik-two).',
    });
  });

  it('drops activity and focus ids the dataset does not know', () => {
    const result = organisationFromForm(
      {
        ...EMPTY_FORM,
        name: 'Q',
        kind: 'cso',
        geographicFocus: 'Fier',
        activityTypes: ['training', 'made-up'],
        focusTypes: ['nope'],
      },
      context,
      null,
    );
    expect(result.organisation).toMatchObject({ activityTypes: ['training'], focusTypes: [] });
  });
});

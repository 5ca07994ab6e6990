import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { EMPTY_FORM, formValuesOf, organisationFromForm } from '../../src/domain/organisation-form';
import { createPlaceResolver } from '../../src/domain/resolve-places';
import { translator } from '../../src/i18n/messages';
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
    expect(result.errors.map((problem) => [problem.field, problem.code])).toEqual([
      ['name', 'nameRequired'],
      ['kind', 'kindRequired'],
      ['geographicFocus', 'placeRequired'],
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
      {
        field: 'geographicFocus',
        code: 'noPlaceFound',
        places: [{ text: 'Atlantis', reason: 'unknown', candidates: [] }],
      },
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
      code: 'nameTaken',
      otherId: 'cerrik-two',
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

  it('says what is wrong as codes, and the message tables word them in each language', () => {
    const result = organisationFromForm(
      {
        ...EMPTY_FORM,
        name: 'x'.repeat(301),
        kind: 'cso',
        website: 'javascript:alert(1)',
        geographicFocus: 'Kukës; Atlantis',
      },
      context,
      null,
    );
    expect(result.errors.map((problem) => problem.code)).toEqual(['nameTooLong', 'website']);
    expect(result.warnings.map((problem) => problem.code)).toEqual([
      'noActivityType',
      'placesKeptAsText',
    ]);
    const en = translator('en');
    const sq = translator('sq');
    expect(result.errors.map((problem) => en('data.form.problem', problem))).toEqual([
      'The name is longer than 300 characters.',
      'Website: only http and https links are allowed, not "javascript:alert(1)".',
    ]);
    expect(result.warnings.map((problem) => en('data.form.problem', problem))).toEqual([
      'No activity type: the organisation will not count towards any activity gap.',
      'Not found in the gazetteer, kept as text: Atlantis.',
    ]);
    expect(result.errors.map((problem) => sq('data.form.problem', problem))).toEqual([
      'Emri është më i gjatë se 300 shenja.',
      'Faqja në internet: «javascript:alert(1)» nuk është një adresë e vlefshme http ose https.',
    ]);
  });
});

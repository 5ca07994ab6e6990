import { describe, expect, it } from 'vitest';
import {
  activityByArea,
  focusTypeCounts,
  organisationsPerCounty,
} from '../../src/domain/chart-series';
import { coverageByCounty } from '../../src/domain/coverage';
import type { Dataset, Organisation } from '../../src/domain/dataset';
import { makeSyntheticOrganisation, makeTaxonomyEntry } from './fixtures/dataset-fixture';
import { makeGazetteer } from './fixtures/gazetteer-fixture';

/*
 * SYNTHETIC data: made-up organisations over the synthetic gazetteer fixture (counties Dibër,
 * Shkodër, Elbasan, Tiranë, Korçë). Only the fields the chart series read matter.
 */
const taxonomy = makeTaxonomyEntry;
const organisation = makeSyntheticOrganisation;

function makeDataset(organisations: Organisation[]): Dataset {
  return {
    documents: [],
    activityTypes: [
      taxonomy('awareness', 'Awareness sessions'),
      taxonomy('training', 'Training'),
      taxonomy('research', 'Research'),
    ],
    focusTypes: [
      taxonomy('prevention', 'Prevention'),
      taxonomy('rehabilitation', 'Rehabilitation'),
    ],
    organisationKinds: [taxonomy('ngo', 'NGO')],
    organisations,
    hotspotEvidence: [],
  };
}

const gazetteer = makeGazetteer();
const organisations = [
  // In Cërrik (Elbasan county).
  organisation('a', {
    activityTypes: ['awareness', 'training'],
    focusTypes: ['prevention'],
    municipalityIds: ['AL212'],
  }),
  // Names Elbasan county as a whole.
  organisation('b', {
    activityTypes: ['training'],
    focusTypes: ['prevention'],
    countyIds: ['AL021'],
  }),
  // Cërrik and Elbasan municipality, and the county too: still one organisation in Elbasan.
  organisation('c', {
    activityTypes: ['awareness'],
    focusTypes: ['prevention', 'rehabilitation'],
    countyIds: ['AL021'],
    municipalityIds: ['AL212', 'AL213'],
  }),
  // Tiranë and Korçë.
  organisation('d', { activityTypes: ['research'], municipalityIds: ['AL224', 'AL343'] }),
  // Nationwide: in no area's bar, but in the focus counts.
  organisation('e', {
    scope: 'national',
    activityTypes: ['awareness', 'training', 'research'],
    focusTypes: ['rehabilitation'],
  }),
];
const dataset = makeDataset(organisations);

describe('activityByArea', () => {
  it('counts local organisations per county and activity type, in gazetteer order', () => {
    const series = activityByArea(dataset, gazetteer, organisations, null);
    expect(series.level).toBe('county');
    expect(series.countyId).toBeNull();
    expect(series.keys).toEqual([
      { id: 'awareness', label: 'Awareness sessions' },
      { id: 'training', label: 'Training' },
      { id: 'research', label: 'Research' },
    ]);
    expect(series.rows.map((row) => [row.name, row.organisations, row.values])).toEqual([
      ['Dibër', 0, { awareness: 0, training: 0, research: 0 }],
      ['Shkodër', 0, { awareness: 0, training: 0, research: 0 }],
      ['Elbasan', 3, { awareness: 2, training: 2, research: 0 }],
      ['Tiranë', 1, { awareness: 0, training: 0, research: 1 }],
      ['Korçë', 1, { awareness: 0, training: 0, research: 1 }],
    ]);
  });

  it('leaves nationwide organisations out', () => {
    const national = organisations.filter((o) => o.scope === 'national');
    const series = activityByArea(dataset, gazetteer, national, null);
    expect(series.rows.every((row) => row.organisations === 0)).toBe(true);
    expect(activityByArea(dataset, gazetteer, national, 'AL021').rows).toEqual(
      activityByArea(dataset, gazetteer, [], 'AL021').rows,
    );
  });

  it('breaks a county in focus down into its municipalities', () => {
    const series = activityByArea(dataset, gazetteer, organisations, 'AL021');
    expect(series.level).toBe('municipality');
    expect(series.countyId).toBe('AL021');
    expect(series.rows.map((row) => [row.id, row.name, row.organisations, row.values])).toEqual([
      ['AL212', 'Cërrik', 2, { awareness: 2, training: 1, research: 0 }],
      ['AL213', 'Elbasan', 1, { awareness: 1, training: 0, research: 0 }],
      ['AL217', 'Prrenjas', 0, { awareness: 0, training: 0, research: 0 }],
    ]);
  });

  it('does not spread an organisation that names only the county over its municipalities', () => {
    // "b" names Elbasan county and no municipality: it counts in the county bar (3) but in no
    // municipality bar, so the municipality bars of a county need not add up to its bar.
    const perMunicipality = activityByArea(dataset, gazetteer, organisations, 'AL021');
    expect(perMunicipality.rows.map((row) => row.organisations)).toEqual([2, 1, 0]);
  });

  it('follows the organisations it is given (the filtered subset)', () => {
    const trainingOnly = organisations.filter((o) => o.activityTypes.includes('training'));
    const elbasan = activityByArea(dataset, gazetteer, trainingOnly, null).rows.find(
      (row) => row.id === 'AL021',
    );
    expect(elbasan?.organisations).toBe(2);
  });
});

describe('focusTypeCounts', () => {
  it('counts every organisation given, nationwide included, once per focus type it has', () => {
    expect(focusTypeCounts(dataset, organisations)).toEqual([
      { id: 'prevention', label: 'Prevention', count: 3 },
      { id: 'rehabilitation', label: 'Rehabilitation', count: 2 },
    ]);
    expect(focusTypeCounts(dataset, []).map((row) => row.count)).toEqual([0, 0]);
  });
});

describe('taxonomy labels in the interface language', () => {
  it('labels activity and focus types in the language asked for, in English where none is given', () => {
    const translated: Dataset = {
      ...dataset,
      activityTypes: dataset.activityTypes.map((type) =>
        type.id === 'training' ? { ...type, translations: { sq: { label: 'Trajnim' } } } : type,
      ),
      focusTypes: dataset.focusTypes.map((type) =>
        type.id === 'prevention'
          ? { ...type, translations: { sq: { label: 'Parandalim' } } }
          : type,
      ),
    };
    expect(
      activityByArea(translated, gazetteer, organisations, null, 'sq').keys.map((k) => k.label),
    ).toEqual(['Awareness sessions', 'Trajnim', 'Research']);
    expect(focusTypeCounts(translated, organisations, 'sq').map((row) => row.label)).toEqual([
      'Parandalim',
      'Rehabilitation',
    ]);
    expect(focusTypeCounts(translated, organisations).map((row) => row.label)).toEqual([
      'Prevention',
      'Rehabilitation',
    ]);
  });
});

describe('organisationsPerCounty', () => {
  it('lists every county, most organisations first, ties in Albanian alphabetical order', () => {
    const coverage = coverageByCounty(dataset, gazetteer, organisations);
    expect(organisationsPerCounty(gazetteer, coverage)).toEqual([
      { id: 'AL021', label: 'Elbasan', count: 3 },
      { id: 'AL034', label: 'Korçë', count: 1 },
      { id: 'AL022', label: 'Tiranë', count: 1 },
      { id: 'AL011', label: 'Dibër', count: 0 },
      { id: 'AL015', label: 'Shkodër', count: 0 },
    ]);
  });

  it('orders ties by Albanian letters: Ç after C, Ë after E', () => {
    const counties = [
      {
        id: 'x1',
        name: 'Ëa',
        aliases: [],
        codes: { nuts3: 'x1', iso3166_2: 'x', geonamesAdmin1: 'x' },
        neighbours: [],
      },
      {
        id: 'x2',
        name: 'Ea',
        aliases: [],
        codes: { nuts3: 'x2', iso3166_2: 'x', geonamesAdmin1: 'x' },
        neighbours: [],
      },
      {
        id: 'x3',
        name: 'Ça',
        aliases: [],
        codes: { nuts3: 'x3', iso3166_2: 'x', geonamesAdmin1: 'x' },
        neighbours: [],
      },
      {
        id: 'x4',
        name: 'Cz',
        aliases: [],
        codes: { nuts3: 'x4', iso3166_2: 'x', geonamesAdmin1: 'x' },
        neighbours: [],
      },
    ];
    const rows = organisationsPerCounty(makeGazetteer({ counties }), new Map());
    expect(rows.map((row) => row.label)).toEqual(['Cz', 'Ça', 'Ea', 'Ëa']);
  });

  it('counts a county missing from the coverage as 0', () => {
    expect(organisationsPerCounty(gazetteer, new Map()).every((row) => row.count === 0)).toBe(true);
  });
});

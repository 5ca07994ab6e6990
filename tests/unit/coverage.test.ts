import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  coverageByCounty,
  coverageByMunicipality,
  filterOrganisations,
  gapScore,
  rankGaps,
} from '../../src/domain/coverage';
import { makeDataset, makeOrganisation } from './fixtures/dataset-fixture';
import { makeGazetteer } from './fixtures/gazetteer-fixture';

const gazetteer = makeGazetteer();
const dataset = makeDataset();
const nameOf = (id: string) => gazetteer.municipalities.find((m) => m.id === id)?.name ?? id;

describe('gapScore', () => {
  it('falls as presence grows, and never leaves [0, 1]', () => {
    for (const level of [0, 1, 2, 3] as const) {
      let previous = Infinity;
      for (const presence of [0, 0.5, 1, 2, 5, 50]) {
        const score = gapScore(level, presence);
        expect(score).toBeLessThanOrEqual(previous);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        previous = score;
      }
    }
  });

  it('weighs need by hotspot level: a neglected priority hotspot scores 1', () => {
    expect(gapScore(3, 0)).toBe(1);
    expect(gapScore(0, 0)).toBe(0.25);
    expect(gapScore(3, 1)).toBeGreaterThan(gapScore(1, 1));
  });
});

describe('coverageByMunicipality', () => {
  const coverage = coverageByMunicipality(dataset, gazetteer, dataset.organisations, {
    nationwideWeight: 0,
  });

  it('separates organisations naming the municipality, its county, and the whole country', () => {
    expect(coverage.get('AL212')).toMatchObject({
      local: ['cerrik-one', 'cerrik-two'],
      countyWide: ['elbasan-county'],
      nationwide: ['national-donor'],
      presence: 2.5,
      hotspotLevel: 3,
    });
  });

  it('lists the activity types nobody naming the place does; nationwide work never fills them', () => {
    expect(coverage.get('AL345')?.activityTypesMissing).toEqual(['training', 'research']);
    expect(coverage.get('AL345')?.activityTypesNationwideOnly).toEqual(['training', 'research']);
    const withNational = coverageByMunicipality(dataset, gazetteer, dataset.organisations, {
      nationwideWeight: 0.1,
    });
    // The weight moves the score, not the list of what nobody does here.
    expect(withNational.get('AL345')?.activityTypesMissing).toEqual(['training', 'research']);
    expect(withNational.get('AL345')?.counts).toEqual({ local: 1, countyWide: 0, nationwide: 1 });
    expect(withNational.get('AL345')?.presence).toBeCloseTo(1.1);
  });
});

describe('coverage counts each organisation once per municipality', () => {
  it('counts an organisation naming the county and one of its municipalities as local there only', () => {
    const both = makeDataset([
      makeOrganisation({ id: 'both', countyIds: ['AL021'], municipalityIds: ['AL212'] }),
    ]);
    const coverage = coverageByMunicipality(both, gazetteer, both.organisations, {
      nationwideWeight: 0,
    });
    expect(coverage.get('AL212')).toMatchObject({ local: ['both'], countyWide: [], presence: 1 });
    expect(coverage.get('AL217')).toMatchObject({ local: [], countyWide: ['both'], presence: 0.5 });
  });

  it('judges "missing" only among the activity types the filter asks about', () => {
    const coverage = coverageByMunicipality(dataset, gazetteer, dataset.organisations, {
      nationwideWeight: 0,
      activityTypesConsidered: ['training'],
    });
    // Pogradec has awareness work, but only training was asked about.
    expect(coverage.get('AL345')?.activityTypesMissing).toEqual(['training']);
    expect(coverage.get('AL212')?.activityTypesMissing).toEqual([]);
  });
});

describe('rankGaps', () => {
  it('puts hotspots with no presence first and well-served municipalities last', () => {
    const coverage = coverageByMunicipality(dataset, gazetteer, dataset.organisations, {
      nationwideWeight: 0,
    });
    const ranking = rankGaps(coverage, nameOf).map((c) => nameOf(c.id));
    // Prrenjas: priority hotspot, only the county-wide group; Cërrik: priority but well served.
    expect(ranking[0]).toBe('Prrenjas');
    expect(ranking.indexOf('Prrenjas')).toBeLessThan(ranking.indexOf('Cërrik'));
    expect(ranking.indexOf('Pogradec')).toBeLessThan(ranking.indexOf('Cërrik'));
  });

  it("changes with the filters: removing Cërrik's organisations raises its gap", () => {
    const before = coverageByMunicipality(dataset, gazetteer, dataset.organisations, {
      nationwideWeight: 0,
    });
    const trainingOnly = filterOrganisations(dataset, gazetteer, {
      ...NO_FILTERS,
      activityTypes: ['research'],
    });
    const after = coverageByMunicipality(dataset, gazetteer, trainingOnly, {
      nationwideWeight: 0,
    });
    expect(after.get('AL212')?.gapScore).toBeGreaterThan(before.get('AL212')?.gapScore ?? 1);
  });
});

describe('filterOrganisations', () => {
  const ids = (filters: Partial<typeof NO_FILTERS>) =>
    filterOrganisations(dataset, gazetteer, { ...NO_FILTERS, ...filters }).map((o) => o.id);

  it('keeps everything without filters', () => {
    expect(ids({})).toHaveLength(5);
  });

  it('filters by activity type (any of), focus type, kind and scope', () => {
    expect(ids({ activityTypes: ['training'] })).toEqual(['cerrik-two', 'national-donor']);
    expect(ids({ focusTypes: ['rehabilitation'] })).toEqual(['pogradec-youth']);
    expect(ids({ kinds: ['donor'] })).toEqual(['national-donor']);
    expect(ids({ scope: 'national' })).toEqual(['national-donor']);
    expect(ids({ scope: 'local' })).not.toContain('national-donor');
  });

  it('keeps only organisations working in a hotspot when asked (county-wide ones included)', () => {
    expect(ids({ hotspotsOnly: true })).toEqual([
      'cerrik-one',
      'cerrik-two',
      'elbasan-county',
      'pogradec-youth',
    ]);
  });

  it('matches text without diacritics, against names and places', () => {
    expect(ids({ text: 'cerrik' })).toEqual(['cerrik-one', 'cerrik-two']);
    expect(ids({ text: 'pogradec' })).toEqual(['pogradec-youth']);
  });
});

describe('coverageByCounty', () => {
  it('counts organisations naming the county or one of its municipalities, per activity type', () => {
    const counties = coverageByCounty(dataset, gazetteer, dataset.organisations);
    expect(counties.get('AL021')?.organisations).toEqual([
      'cerrik-one',
      'cerrik-two',
      'elbasan-county',
    ]);
    expect(counties.get('AL021')?.byActivityType).toEqual({
      awareness: 1,
      training: 1,
      research: 1,
    });
  });

  it('counts an organisation once per county, however many of its places it names', () => {
    const organisations = [
      makeOrganisation({
        id: 'everywhere-in-elbasan',
        countyIds: ['AL021'],
        municipalityIds: ['AL212', 'AL213', 'AL345'],
        activityTypes: ['awareness', 'not-a-known-type', 'constructor'],
      }),
      makeOrganisation({ id: 'nationwide', scope: 'national', countyIds: ['AL021'] }),
      makeOrganisation({ id: 'tirana', municipalityIds: ['AL224'], activityTypes: ['training'] }),
    ];
    const counties = coverageByCounty(makeDataset(organisations), gazetteer, organisations);
    expect(counties.get('AL021')).toMatchObject({
      organisations: ['everywhere-in-elbasan'],
      implementers: 1,
      byActivityType: { awareness: 1, training: 0, research: 0 },
    });
    // Only the dataset's activity types are counted, whatever an organisation lists.
    expect(Object.keys(counties.get('AL021')?.byActivityType ?? {})).toEqual([
      'awareness',
      'training',
      'research',
    ]);
    expect(counties.get('AL034')?.organisations).toEqual(['everywhere-in-elbasan']);
    expect(counties.get('AL022')).toMatchObject({ organisations: ['tirana'], implementers: 1 });
    expect(counties.get('AL011')).toMatchObject({ organisations: [], implementers: 0 });
  });
});

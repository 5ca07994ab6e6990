import { describe, expect, it } from 'vitest';
import {
  compareAreas,
  comparisonFacts,
  summariseArea,
  type AreaSummary,
  type AreaSummaryInput,
} from '../../src/domain/area-summary';
import {
  coverageByCounty,
  coverageByMunicipality,
  gapsByCounty,
  rankCountyGaps,
  rankGaps,
} from '../../src/domain/coverage';
import type { Dataset } from '../../src/domain/dataset';
import { withPlans } from '../../src/domain/plan';
import { formatNumber, translator, type Lang } from '../../src/i18n/messages';
import { makeDataset, makeOrganisation } from './fixtures/dataset-fixture';
import { makeGazetteer } from './fixtures/gazetteer-fixture';

const gazetteer = makeGazetteer();
const areaNames = new Map<string, string>([
  ...gazetteer.counties.map((c) => [c.id, c.name] as const),
  ...gazetteer.municipalities.map((m) => [m.id, m.name] as const),
]);
const nameOf = (id: string) => areaNames.get(id) ?? id;

function inputFor(
  dataset: Dataset,
  nationwideWeight = 0,
  activityTypesConsidered: string[] = [],
): AreaSummaryInput {
  const organisations = dataset.organisations;
  const municipalityCoverage = coverageByMunicipality(dataset, gazetteer, organisations, {
    nationwideWeight,
    activityTypesConsidered,
  });
  return {
    gazetteer,
    dataset,
    organisations,
    municipalityCoverage,
    countyCoverage: coverageByCounty(dataset, gazetteer, organisations),
    gapRanking: rankGaps(municipalityCoverage, nameOf),
    countyGapRanking: rankCountyGaps(gapsByCounty(gazetteer, municipalityCoverage, nameOf), nameOf),
    activityTypesConsidered,
  };
}

function summary(area: Parameters<typeof summariseArea>[0], input: AreaSummaryInput) {
  const result = summariseArea(area, input);
  if (result === null) throw new Error(`no summary for ${area.level} ${area.id}`);
  return result;
}

const dataset = makeDataset();
const typesOf = (d: Dataset) => ({ activity: d.activityTypes, focus: d.focusTypes });

describe('summariseArea', () => {
  const input = inputFor(dataset);

  it('summarises a municipality from its coverage and its place in the gap ranking', () => {
    // Prrenjas: priority hotspot, nobody names it, Elbasan County Group names its county.
    // presence 0.5 → gap 1 × e^(−0.25) = 0.779, the highest of the 12 fixture municipalities.
    expect(summary({ level: 'municipality', id: 'AL217' }, input)).toEqual({
      level: 'municipality',
      id: 'AL217',
      name: 'Prrenjas',
      countyId: 'AL021',
      countyName: 'Elbasan',
      hotspotLevel: 3,
      evidenceCount: 1,
      gapScore: 0.779,
      gapRank: 1,
      rankOutOf: 12,
      naming: [],
      countyWide: ['elbasan-county'],
      nationwide: ['national-donor'],
      implementers: 1,
      activityTypes: ['research'],
      focusTypes: ['prevention'],
      nationwideWeight: 0,
    });
  });

  it('summarises a county from the organisations present in it and the county gap ranking', () => {
    // Korçë: Korçë (level 0, gap 0.25, need 0.25) and Pogradec (level 2, one local
    // organisation: gap 0.75 × e^(−0.5) = 0.455, need 0.75) → (0.0625 + 0.341) / 1 = 0.404,
    // second of 5 counties after Elbasan.
    expect(summary({ level: 'county', id: 'AL034' }, input)).toEqual({
      level: 'county',
      id: 'AL034',
      name: 'Korçë',
      municipalityCount: 2,
      hotspotMunicipalityCount: 1,
      hotspotLevel: 2,
      evidenceCount: 1,
      gapScore: 0.404,
      gapRank: 2,
      rankOutOf: 5,
      naming: ['pogradec-youth'],
      countyWide: [],
      nationwide: ['national-donor'],
      implementers: 1,
      activityTypes: ['awareness'],
      focusTypes: ['rehabilitation'],
      nationwideWeight: 0,
    });
  });

  it('lists everyone present in a county, and which of them name the county as a whole', () => {
    const elbasan = summary({ level: 'county', id: 'AL021' }, input);
    expect(elbasan.naming).toEqual(['cerrik-one', 'cerrik-two', 'elbasan-county']);
    expect(elbasan.countyWide).toEqual(['elbasan-county']);
    expect(elbasan.activityTypes).toEqual(['awareness', 'training', 'research']);
    expect(elbasan).toMatchObject({ gapRank: 1, hotspotLevel: 3, evidenceCount: 2 });
    // The level-0 "context" passage about Tiranë is not hotspot evidence.
    expect(summary({ level: 'county', id: 'AL022' }, input)).toMatchObject({
      hotspotLevel: 0,
      evidenceCount: 0,
      hotspotMunicipalityCount: 0,
    });
  });

  it('counts a planned intervention by an organisation already present as the same implementer', () => {
    const planned = withPlans(dataset, [
      {
        id: 'plan-1',
        area: { level: 'municipality', id: 'AL213' },
        activityTypes: ['training'],
        organisationId: 'cerrik-one',
        organisationName: 'Cërrik One',
        start: null,
        end: null,
        note: '',
      },
    ]);
    const elbasan = summary({ level: 'county', id: 'AL021' }, inputFor(planned));
    expect(elbasan.naming).toContain('plan:plan-1');
    expect(elbasan.naming).toHaveLength(4);
    expect(elbasan.implementers).toBe(3);
  });

  it('counts nationwide organisations among implementers when weighted, never in the types', () => {
    const weighted = inputFor(dataset, 0.1);
    const korce = summary({ level: 'county', id: 'AL034' }, weighted);
    expect(korce.implementers).toBe(2);
    expect(korce.activityTypes).toEqual(['awareness']);
    expect(korce.focusTypes).toEqual(['rehabilitation']);
    expect(korce.nationwideWeight).toBe(0.1);
    const pogradec = summary({ level: 'municipality', id: 'AL345' }, weighted);
    expect(pogradec.implementers).toBe(2);
    expect(pogradec.activityTypes).toEqual(['awareness']);
  });

  it('keeps to the activity types the filter selects, for a county as for a municipality', () => {
    const filtered = inputFor(dataset, 0, ['training', 'research']);
    expect(summary({ level: 'county', id: 'AL021' }, filtered).activityTypes).toEqual([
      'training',
      'research',
    ]);
    expect(summary({ level: 'municipality', id: 'AL212' }, filtered).activityTypes).toEqual([
      'training',
      'research',
    ]);
  });

  it('returns null for an area that is not in the data', () => {
    expect(summariseArea({ level: 'municipality', id: 'AL999' }, input)).toBeNull();
    expect(summariseArea({ level: 'county', id: 'AL212' }, input)).toBeNull();
  });
});

describe('compareAreas', () => {
  const input = inputFor(dataset);
  const prrenjas = summary({ level: 'municipality', id: 'AL217' }, input);
  const korce = summary({ level: 'county', id: 'AL034' }, input);
  const { activity, focus } = typesOf(dataset);

  it('says, type by type, which side has it and flags the differences', () => {
    expect(compareAreas(prrenjas, korce, activity, focus)).toEqual([
      {
        id: 'awareness',
        label: 'Awareness',
        kind: 'activity',
        inA: false,
        inB: true,
        differs: true,
      },
      {
        id: 'training',
        label: 'Training',
        kind: 'activity',
        inA: false,
        inB: false,
        differs: false,
      },
      { id: 'research', label: 'Research', kind: 'activity', inA: true, inB: false, differs: true },
      {
        id: 'prevention',
        label: 'Prevention',
        kind: 'focus',
        inA: true,
        inB: false,
        differs: true,
      },
      {
        id: 'rehabilitation',
        label: 'Rehabilitation',
        kind: 'focus',
        inA: false,
        inB: true,
        differs: true,
      },
    ]);
  });

  it('finds no difference between areas doing the same things', () => {
    const cerrik = summary({ level: 'municipality', id: 'AL212' }, input);
    const elbasan = summary({ level: 'county', id: 'AL021' }, input);
    const rows = compareAreas(cerrik, elbasan, activity, focus);
    expect(rows.filter((row) => row.differs)).toEqual([]);
    expect(rows.map((row) => [row.inA, row.inB])).toEqual([
      [true, true],
      [true, true],
      [true, true],
      [true, true],
      [false, false],
    ]);
  });

  it('leaves a side not chosen without answers, and differing from nothing', () => {
    const rows = compareAreas(null, korce, activity, []);
    expect(rows.map((row) => [row.inA, row.inB, row.differs])).toEqual([
      [null, true, false],
      [null, false, false],
      [null, false, false],
    ]);
  });
});

describe('comparisonFacts, told by the compare verdict', () => {
  const input = inputFor(dataset);
  const { activity, focus } = typesOf(dataset);
  const verdict = (a: AreaSummary, b: AreaSummary, lang: Lang = 'en') =>
    translator(lang)(
      'compare.verdict',
      comparisonFacts(a, b, compareAreas(a, b, activity, focus)),
      (value, digits) => formatNumber(lang, value, digits),
    );
  const areaName = (summary: AreaSummary, lang: Lang = 'en') =>
    translator(lang)('planner.area', summary);
  const prrenjas = summary({ level: 'municipality', id: 'AL217' }, input);
  const korce = summary({ level: 'county', id: 'AL034' }, input);

  it('names the higher gap first, whichever side it is on', () => {
    const expected =
      'Prrenjas has a higher gap (0.78 vs 0.40): 0 organisations name it against 1; ' +
      '1 activity type is done in Korçë county but not in Prrenjas.';
    expect(verdict(prrenjas, korce)).toBe(expected);
    expect(verdict(korce, prrenjas)).toBe(expected);
    expect(
      comparisonFacts(korce, prrenjas, compareAreas(korce, prrenjas, activity, focus)),
    ).toEqual({
      kind: 'compared',
      higher: { level: 'municipality', name: 'Prrenjas' },
      lower: { level: 'county', name: 'Korçë' },
      higherGap: 0.78,
      lowerGap: 0.4,
      tied: false,
      digits: 2,
      higherOrganisations: 0,
      lowerOrganisations: 1,
      onlyLower: 1,
      onlyHigher: 1,
    });
  });

  it('says the same in Albanian, with Albanian numbers and the county named as such', () => {
    expect(verdict(prrenjas, korce, 'sq')).toBe(
      'Prrenjas ka boshllëk më të madh (0,78 kundrejt 0,40): 0 organizata e përmendin, kundrejt 1; ' +
        '1 lloj aktiviteti kryhet në qarkun Korçë, por jo në Prrenjas.',
    );
    const elbasan = summary({ level: 'county', id: 'AL021' }, input);
    expect(verdict(elbasan, korce, 'sq')).toBe(
      'Qarku Elbasan ka boshllëk më të madh (0,49 kundrejt 0,40): 3 organizata punojnë në të, kundrejt 1; ' +
        'asnjë lloj aktiviteti nuk kryhet në qarkun Korçë pa u kryer edhe në qarkun Elbasan, ' +
        'ndërsa 2 kryhen vetëm në qarkun Elbasan.',
    );
    expect(verdict(korce, korce, 'sq')).toBe(
      'Të dyja anët tregojnë qarkun Korçë: zgjidhni një zonë tjetër për ta krahasuar.',
    );
    expect(areaName(korce, 'sq')).toBe('Qarku Korçë');
  });

  it('speaks of organisations working in a county, and of ties', () => {
    const elbasan = summary({ level: 'county', id: 'AL021' }, input);
    expect(verdict(elbasan, korce)).toBe(
      'Elbasan county has a higher gap (0.49 vs 0.40): 3 organisations work in it against 1; ' +
        'no activity type is done in Korçë county but not in Elbasan county, and 2 are done in ' +
        'Elbasan county only.',
    );
    const klos = summary({ level: 'municipality', id: 'AL113' }, input);
    const dibra = summary({ level: 'municipality', id: 'AL112' }, input);
    expect(verdict(klos, dibra)).toBe(
      'Klos and Dibër have the same gap (0.25): 0 organisations name Klos against 0; ' +
        'they have the same activity types.',
    );
  });

  it('shows a third decimal rather than "0.40 vs 0.40"', () => {
    const close = { ...prrenjas, gapScore: 0.401 };
    expect(verdict(close, korce)).toMatch(/^Korçë county has a higher gap \(0\.404 vs 0\.401\): /);
  });

  it('says so when both sides are the same area', () => {
    expect(verdict(korce, korce)).toBe(
      'Both sides show Korçë county: pick another area to compare it with.',
    );
  });

  it('tells a county from the municipality of the same name', () => {
    const county = summary({ level: 'county', id: 'AL011' }, input);
    const municipality = summary({ level: 'municipality', id: 'AL112' }, input);
    expect(areaName(county)).toBe('Dibër county');
    expect(areaName(municipality)).toBe('Dibër');
    expect(verdict(county, municipality)).toMatch(/^Dibër county and Dibër have the same gap/);
  });
});

describe('summariseArea and the taxonomy', () => {
  it('lists only the activity types the taxonomy knows, in its order', () => {
    const lone = makeDataset([
      makeOrganisation({ id: 'klos-only', municipalityIds: ['AL113'], activityTypes: ['grants'] }),
    ]);
    const klos = summary({ level: 'municipality', id: 'AL113' }, inputFor(lone));
    expect(klos.naming).toEqual(['klos-only']);
    expect(klos.implementers).toBe(1);
    // "grants" is not in the fixture taxonomy, so it is not a type present.
    expect(klos.activityTypes).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  coverageByCounty,
  coverageByMunicipality,
  filterOrganisations,
  gapsByCounty,
  rankCountyGaps,
  rankGaps,
  type CoverageOptions,
} from '../../src/domain/coverage';
import type { Dataset, Organisation } from '../../src/domain/dataset';
import { describeGap, explainGap } from '../../src/domain/gap-explanation';
import { findOverlaps, overlapMatrix } from '../../src/domain/overlap';
import {
  nextPlanId,
  planWarnings,
  plannedOrganisations,
  withPlans,
  type PlannedIntervention,
} from '../../src/domain/plan';
import { reachFor, seatDistances } from '../../src/domain/reach';
import { makeDataset, makeOrganisation } from './fixtures/dataset-fixture';
import { makeGazetteer } from './fixtures/gazetteer-fixture';

const gazetteer = makeGazetteer();
const nameOf = (id: string) =>
  gazetteer.municipalities.find((m) => m.id === id)?.name ??
  gazetteer.counties.find((c) => c.id === id)?.name ??
  id;
const NONE: CoverageOptions = { nationwideWeight: 0 };
const coverage = (dataset: Dataset, options: CoverageOptions = NONE) =>
  coverageByMunicipality(dataset, gazetteer, dataset.organisations, options);

const plan = (overrides: Partial<PlannedIntervention> = {}): PlannedIntervention => ({
  id: 'plan-1',
  area: { level: 'municipality', id: 'AL217' },
  activityTypes: ['training'],
  organisationId: null,
  organisationName: 'New Foundation',
  start: null,
  end: null,
  note: '',
  ...overrides,
});

describe('gap score through coverage', () => {
  it('never rises when an organisation is added anywhere (monotonic in presence)', () => {
    const base = makeDataset();
    const before = coverage(base);
    const additions: Organisation[] = [
      makeOrganisation({ id: 'x-local', municipalityIds: ['AL217'] }),
      makeOrganisation({ id: 'x-county', countyIds: ['AL034'] }),
      makeOrganisation({ id: 'x-national', scope: 'national' }),
    ];
    for (const weight of [0, 0.1, 0.5]) {
      for (const addition of additions) {
        const grown = makeDataset([...base.organisations, addition]);
        const after = coverage(grown, { nationwideWeight: weight });
        const beforeWeighted = coverage(base, { nationwideWeight: weight });
        for (const [id, entry] of after) {
          expect(entry.gapScore).toBeLessThanOrEqual(beforeWeighted.get(id)?.gapScore ?? 0);
        }
      }
    }
    // And strictly falls where the new local organisation works.
    const grown = makeDataset([...base.organisations, additions[0] as Organisation]);
    expect(coverage(grown).get('AL217')?.gapScore).toBeLessThan(before.get('AL217')?.gapScore ?? 0);
  });

  it('weighs a named organisation 1, a county-wide one 0.5, a nationwide one by the weight', () => {
    const entry = coverage(makeDataset(), { nationwideWeight: 0.25 }).get('AL212');
    expect(entry?.presenceTerms).toEqual({ local: 2, countyWide: 0.5, nationwide: 0.25 });
    expect(entry?.presence).toBe(2.75);
    expect(entry?.nationwideWeight).toBe(0.25);
    expect(entry?.coverage).toBeCloseTo(1 - Math.exp(-2.75 / 2), 3);
    expect(entry?.gapScore).toBeCloseTo(1 * Math.exp(-2.75 / 2), 3);
  });

  it('ranks an unserved priority hotspot above an unserved quiet municipality (hotspot weighting)', () => {
    const empty = makeDataset([]);
    const entries = coverage(empty);
    expect(entries.get('AL217')?.gapScore).toBe(1); // level 3
    expect(entries.get('AL345')?.gapScore).toBe(0.75); // level 2
    expect(entries.get('AL113')?.gapScore).toBe(0.25); // not named
    const ranking = rankGaps(entries, nameOf).map((entry) => entry.id);
    expect(ranking.indexOf('AL217')).toBeLessThan(ranking.indexOf('AL345'));
    expect(ranking.indexOf('AL345')).toBeLessThan(ranking.indexOf('AL113'));
  });

  it('lowers every gap as the nationwide weight grows, and ignores nationwide ones at 0', () => {
    const dataset = makeDataset();
    const at = (weight: number) => coverage(dataset, { nationwideWeight: weight });
    const zero = at(0);
    expect(zero.get('AL113')?.presence).toBe(0);
    expect(zero.get('AL113')?.activityTypesMissing).toEqual(['awareness', 'training', 'research']);
    let previous = zero;
    for (const weight of [0.1, 0.5, 1]) {
      const next = at(weight);
      for (const [id, entry] of next)
        expect(entry.gapScore).toBeLessThan(previous.get(id)?.gapScore ?? 0);
      previous = next;
    }
    // Out-of-range weights are clamped, not trusted.
    expect(at(7).get('AL113')?.nationwideWeight).toBe(1);
    expect(at(Number.NaN).get('AL113')?.nationwideWeight).toBe(0);
  });

  it('follows the filters: only organisations passing them count', () => {
    const dataset = makeDataset();
    const research = filterOrganisations(dataset, gazetteer, {
      ...NO_FILTERS,
      activityTypes: ['research'],
    });
    const filtered = coverageByMunicipality(dataset, gazetteer, research, {
      nationwideWeight: 0,
      activityTypesConsidered: ['research'],
    });
    // Cërrik's two named organisations do awareness and training, not research.
    expect(filtered.get('AL212')?.local).toEqual([]);
    expect(filtered.get('AL212')?.presence).toBe(0.5);
    expect(filtered.get('AL212')?.activityTypesMissing).toEqual([]);
    expect(filtered.get('AL345')?.activityTypesMissing).toEqual(['research']);
  });
});

describe('gapsByCounty', () => {
  it('is the need-weighted mean of its municipalities, and ranks counties by it', () => {
    const entries = coverage(makeDataset());
    const counties = gapsByCounty(gazetteer, entries, nameOf);
    const elbasan = ['AL212', 'AL213', 'AL217'].map((id) => entries.get(id));
    const weighted =
      elbasan.reduce((sum, e) => sum + (e?.need ?? 0) * (e?.gapScore ?? 0), 0) /
      elbasan.reduce((sum, e) => sum + (e?.need ?? 0), 0);
    expect(counties.get('AL021')?.gapScore).toBeCloseTo(weighted, 3);
    expect(counties.get('AL021')?.hotspotLevel).toBe(3);
    expect(counties.get('AL021')?.municipalities[0]).toBe('AL217');
    const ranked = rankCountyGaps(counties, nameOf).map((c) => c.gapScore);
    expect([...ranked].sort((a, b) => b - a)).toEqual(ranked);
  });
});

describe('explainGap', () => {
  it('puts the inputs of the score in one readable sentence', () => {
    const dataset = makeDataset();
    const entries = coverage(dataset);
    const ranking = rankGaps(entries, nameOf);
    const prrenjas = ranking[0];
    expect(prrenjas?.id).toBe('AL217');
    const explanation = explainGap(
      prrenjas as NonNullable<typeof prrenjas>,
      dataset.hotspotEvidence,
      1,
    );
    expect(explanation).toMatchObject({
      rank: 1,
      local: 0,
      countyWide: 1,
      nationwide: 1,
      need: 1,
      missingActivityTypes: ['awareness', 'training'],
      consideredActivityTypes: 3,
    });
    expect(explanation.evidence.map((item) => item.level)).toEqual([3]);
    expect(describeGap(explanation, { area: nameOf, document: () => 'Fixture' })).toBe(
      'Prrenjas: priority hotspot (priority: Fixture, x), 0 local organisations, 1 naming its ' +
        'county, 1 nationwide (not counted); 2 of 3 activity types missing. Gap 0.78.',
    );
  });
});

describe('overlap', () => {
  const dataset = makeDataset([
    makeOrganisation({ id: 'a', municipalityIds: ['AL212'], activityTypes: ['awareness'] }),
    makeOrganisation({
      id: 'b',
      municipalityIds: ['AL212'],
      activityTypes: ['awareness', 'training'],
      focusTypes: ['prevention', 'rehabilitation'],
    }),
    makeOrganisation({ id: 'c', municipalityIds: ['AL212'], activityTypes: ['training'] }),
    makeOrganisation({ id: 'county', countyIds: ['AL021'], activityTypes: ['training'] }),
    makeOrganisation({ id: 'nat', scope: 'national', activityTypes: ['awareness'] }),
  ]);
  dataset.hotspotEvidence.push({
    municipalityId: 'AL212',
    level: 0,
    kind: 'saturation-noted',
    document: 'fixture',
    location: 'Footnote 45',
    quote: 'too many organisations',
    note: '',
  });

  it('finds cells where two or more organisations naming the municipality do the same thing', () => {
    const entries = coverage(dataset);
    const matrix = overlapMatrix(dataset, entries, dataset.organisations);
    const row = matrix.rows.find((r) => r.municipalityId === 'AL212');
    expect(row?.counts).toEqual([2, 2, 0]);
    expect(matrix.max).toBe(2);
    const overlaps = findOverlaps(matrix, dataset, dataset.organisations);
    expect(overlaps.map((o) => [o.municipalityId, o.activityType, o.organisations])).toEqual([
      ['AL212', 'awareness', ['a', 'b']],
      ['AL212', 'training', ['b', 'c']],
    ]);
    // The county-wide and nationwide organisations are not counted as overlapping.
    expect(overlaps[0]?.sharedFocusTypes).toEqual(['prevention']);
    expect(overlaps[0]?.context.map((item) => item.location)).toEqual(['Footnote 45']);
    expect(findOverlaps(matrix, dataset, dataset.organisations, 3)).toEqual([]);
  });

  it('counts a planned extension by an organisation already there once, and flags plans', () => {
    const planned = withPlans(dataset, [
      plan({ id: 'p1', area: { level: 'municipality', id: 'AL212' }, organisationId: 'a' }),
      plan({
        id: 'p2',
        area: { level: 'municipality', id: 'AL212' },
        activityTypes: ['awareness'],
      }),
    ]);
    const entries = coverage(planned);
    expect(entries.get('AL212')?.presenceTerms.local).toBe(4); // a, b, c, New Foundation
    const overlaps = findOverlaps(
      overlapMatrix(planned, entries, planned.organisations),
      planned,
      planned.organisations,
    );
    const training = overlaps.find((o) => o.activityType === 'training');
    expect(training?.count).toBe(3); // b, c, a (planned)
    expect(training?.plans).toEqual(['p1']);
    const awareness = overlaps.find((o) => o.activityType === 'awareness');
    expect(awareness?.count).toBe(3);
  });
});

describe('reachFor', () => {
  // Seats on a line: Cërrik at 0, Elbasan 1°, Korçë 2° of longitude east.
  const spaced = makeGazetteer();
  spaced.municipalities = spaced.municipalities.map((m, index) => ({
    ...m,
    seat: { ...m.seat, lonLat: [19 + index * 0.1, 41] },
  }));
  const position = (id: string) => spaced.municipalities.findIndex((m) => m.id === id);

  it('finds the nearest municipality where an organisation naming it does the missing work', () => {
    const dataset = makeDataset([
      makeOrganisation({ id: 'far', municipalityIds: ['AL345'], activityTypes: ['research'] }),
      makeOrganisation({ id: 'near', municipalityIds: ['AL213'], activityTypes: ['research'] }),
      makeOrganisation({ id: 'county', countyIds: ['AL021'], activityTypes: ['training'] }),
    ]);
    const entries = coverageByMunicipality(dataset, spaced, dataset.organisations, NONE);
    const distances = seatDistances(spaced);
    const [research, training] = reachFor(
      'AL212',
      ['research', 'training'],
      entries,
      dataset.organisations,
      distances,
    );
    expect(research?.nearest?.municipalityId).toBe('AL213');
    expect(research?.nearest?.organisations).toEqual(['near']);
    const steps = position('AL213') - position('AL212');
    // 0.1° of longitude at 41° N ≈ 8.4 km.
    expect(research?.nearest?.km).toBeCloseTo(steps * 8.4, 0);
    // County-wide work is presence, but not a named place to extend from.
    expect(training?.nearest).toBeNull();
  });
});

describe('plans', () => {
  const dataset = makeDataset();

  it('become local stand-in organisations with the implementer kind and focus', () => {
    const [standIn] = plannedOrganisations(
      [plan({ organisationId: 'pogradec-youth', organisationName: 'ignored' })],
      dataset,
    );
    expect(standIn).toMatchObject({
      id: 'plan:plan-1',
      name: 'Pogradec Youth',
      scope: 'local',
      municipalityIds: ['AL217'],
      countyIds: [],
      activityTypes: ['training'],
      focusTypes: ['rehabilitation'],
      planned: { planId: 'plan-1', implementerKey: 'pogradec-youth' },
    });
    expect(withPlans(dataset, [])).toBe(dataset);
  });

  it('change the gap where they are planned, and only there', () => {
    const before = coverage(dataset);
    const after = coverage(withPlans(dataset, [plan()]));
    expect(after.get('AL217')?.gapScore).toBeLessThan(before.get('AL217')?.gapScore ?? 0);
    expect(after.get('AL217')?.activityTypesMissing).toEqual(['awareness']);
    for (const [id, entry] of after)
      if (id !== 'AL217') expect(entry.gapScore).toBe(before.get(id)?.gapScore);
  });

  it('warn when others already do the same work there, or the implementer is already there', () => {
    const inCerrik = plan({
      area: { level: 'municipality', id: 'AL212' },
      activityTypes: ['awareness', 'research'],
      organisationId: 'cerrik-two',
      organisationName: 'Cërrik Two',
    });
    const other = plan({ id: 'plan-2', area: inCerrik.area, activityTypes: ['research'] });
    expect(planWarnings(inCerrik, [inCerrik, other], dataset, gazetteer)).toEqual([
      {
        kind: 'overlap',
        activityType: 'awareness',
        strength: 'named',
        organisations: ['cerrik-one'],
      },
      {
        kind: 'overlap',
        activityType: 'research',
        strength: 'county-wide',
        organisations: ['elbasan-county'],
      },
      { kind: 'other-plan', activityType: 'research', planIds: ['plan-2'] },
      { kind: 'implementer-already-there', where: 'area', municipalityIds: [] },
    ]);
    const county = plan({ area: { level: 'county', id: 'AL034' }, activityTypes: ['awareness'] });
    expect(planWarnings(county, [county], dataset, gazetteer)).toEqual([
      {
        kind: 'overlap',
        activityType: 'awareness',
        strength: 'named',
        organisations: ['pogradec-youth'],
      },
    ]);
    const dates = plan({ start: '2027-05-01', end: '2027-01-01', activityTypes: ['research'] });
    expect(planWarnings(dates, [dates], dataset, gazetteer)).toContainEqual({
      kind: 'dates',
      start: '2027-05-01',
      end: '2027-01-01',
    });
  });

  it('say where the implementer already works: the county, part of a county, nationwide', () => {
    const byCountyGroup = plan({ organisationId: 'elbasan-county', activityTypes: ['grants'] });
    expect(planWarnings(byCountyGroup, [byCountyGroup], dataset, gazetteer)).toEqual([
      { kind: 'implementer-already-there', where: 'county', municipalityIds: [] },
    ]);
    const countyPlan = plan({
      area: { level: 'county', id: 'AL021' },
      organisationId: 'cerrik-one',
      activityTypes: ['grants'],
    });
    expect(planWarnings(countyPlan, [countyPlan], dataset, gazetteer)).toEqual([
      { kind: 'implementer-already-there', where: 'part', municipalityIds: ['AL212'] },
    ]);
    const national = plan({ organisationId: 'national-donor', activityTypes: ['grants'] });
    expect(planWarnings(national, [national], dataset, gazetteer)).toEqual([
      { kind: 'implementer-already-there', where: 'nationwide', municipalityIds: [] },
    ]);
  });

  it('see a county plan and a plan for one of its municipalities as meeting', () => {
    const inPrrenjas = plan({ activityTypes: ['grants'] });
    const inElbasanCounty = plan({
      id: 'plan-2',
      area: { level: 'county', id: 'AL021' },
      activityTypes: ['grants'],
    });
    const inKorce = plan({
      id: 'plan-3',
      area: { level: 'county', id: 'AL034' },
      activityTypes: ['grants'],
    });
    const all = [inPrrenjas, inElbasanCounty, inKorce];
    expect(planWarnings(inPrrenjas, all, dataset, gazetteer)).toEqual([
      { kind: 'other-plan', activityType: 'grants', planIds: ['plan-2'] },
    ]);
    expect(planWarnings(inElbasanCounty, all, dataset, gazetteer)).toEqual([
      { kind: 'other-plan', activityType: 'grants', planIds: ['plan-1'] },
    ]);
  });

  it('count a nationwide organisation planned somewhere once there, not also nationwide', () => {
    const planned = withPlans(dataset, [plan({ organisationId: 'national-donor' })]);
    const entry = coverage(planned, { nationwideWeight: 1 }).get('AL217');
    expect(entry?.counts).toEqual({ local: 1, countyWide: 1, nationwide: 0 });
    expect(entry?.presence).toBe(1.5);
    expect(coverage(planned, { nationwideWeight: 1 }).get('AL113')?.counts.nationwide).toBe(1);
  });

  it('are not hidden by kind or focus filters when the implementer is not in the dataset', () => {
    const planned = withPlans(dataset, [plan()]);
    const ids = (filters: Partial<typeof NO_FILTERS>) =>
      filterOrganisations(planned, gazetteer, { ...NO_FILTERS, ...filters }).map((o) => o.id);
    expect(ids({ kinds: ['donor'] })).toEqual(['national-donor', 'plan:plan-1']);
    expect(ids({ focusTypes: ['rehabilitation'] })).toEqual(['pogradec-youth', 'plan:plan-1']);
    const byDonor = withPlans(dataset, [plan({ organisationId: 'pogradec-youth' })]);
    expect(
      filterOrganisations(byDonor, gazetteer, { ...NO_FILTERS, kinds: ['donor'] }).map((o) => o.id),
    ).toEqual(['national-donor']);
  });

  it('get fresh ids after the highest plan-<n>', () => {
    expect(nextPlanId([])).toBe('plan-1');
    expect(nextPlanId([{ id: 'plan-2' }, { id: 'imported' }, { id: 'plan-10' }])).toBe('plan-11');
  });
});

describe('coverageByCounty with plans', () => {
  it('counts an implementer once per county, with the activity types its plan adds', () => {
    const dataset = makeDataset();
    const planned = withPlans(dataset, [
      plan({
        area: { level: 'municipality', id: 'AL217' },
        organisationId: 'cerrik-one',
        activityTypes: ['research'],
      }),
    ]);
    const county = coverageByCounty(planned, gazetteer, planned.organisations).get('AL021');
    expect(county?.organisations).toEqual([
      'cerrik-one',
      'cerrik-two',
      'elbasan-county',
      'plan:plan-1',
    ]);
    expect(county?.implementers).toBe(3);
    expect(county?.byActivityType).toEqual({ awareness: 1, training: 1, research: 2 });
  });
});

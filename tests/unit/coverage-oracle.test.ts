import { describe, expect, it } from 'vitest';
import {
  coverageByCounty,
  coverageByMunicipality,
  filterOrganisations,
  implementerKey,
  localOrganisationsByCounty,
  NO_FILTERS,
  type Filters,
} from '../../src/domain/coverage';
import type { Dataset, Organisation } from '../../src/domain/dataset';
import { findOverlaps, overlapMatrix } from '../../src/domain/overlap';
import { filterSequence, loadBenchInputs } from '../bench/node-bench-lib';
import { syntheticDataset } from '../bench/synthetic';

/**
 * The coverage, county and overlap computations number organisations, places and types and
 * count with marks (src/domain/numbered-organisations.ts) for speed. Here each is checked
 * against its definition written the plain way, one filter per place, on a synthetic national
 * 3W (5 000 rows) with the awkward cases added: plans sharing an implementer, places and types
 * named twice, unknown places and types, nationwide plans.
 */

const { gazetteer, dataset: published } = loadBenchInputs(
  new URL('../../', import.meta.url).pathname,
);
const synthetic = syntheticDataset(5_000, gazetteer, published).dataset;

function awkward(dataset: Dataset): Dataset {
  const [first, second, third] = dataset.organisations.filter((o) => o.scope === 'local');
  const national = dataset.organisations.find((o) => o.scope === 'national');
  if (!first || !second || !third || !national) throw new Error('synthetic data too small');
  const plan = (of: Organisation, planId: string, changes: Partial<Organisation>) => ({
    ...of,
    id: `${of.id}~${planId}`,
    planned: { planId, implementerKey: of.id },
    ...changes,
  });
  const [municipality, other] = gazetteer.municipalities;
  if (!municipality || !other) throw new Error('no municipalities');
  return {
    ...dataset,
    organisations: [
      ...dataset.organisations,
      // A plan where its implementer already is, and one in its county only.
      plan(first, 'p1', {
        municipalityIds: [...first.municipalityIds],
        activityTypes: [...first.activityTypes, 'x-new'],
      }),
      plan(first, 'p2', { municipalityIds: [], countyIds: [municipality.county] }),
      // Named twice, an unknown municipality and county, a type twice and an unknown one.
      {
        ...second,
        id: `${second.id}-twice`,
        municipalityIds: [municipality.id, 'nowhere', municipality.id, other.id],
        countyIds: [other.county, other.county, 'no-county'],
        activityTypes: [...second.activityTypes, ...second.activityTypes, 'not-a-type'],
        focusTypes: [...second.focusTypes, ...second.focusTypes, 'not-a-focus'],
      },
      // A nationwide plan by a local organisation, and by a nationwide one.
      plan(third, 'p3', { scope: 'national', municipalityIds: [], countyIds: [] }),
      plan(national, 'p4', {}),
    ],
  };
}

const datasets: Array<[string, Dataset]> = [
  ['published', published],
  ['synthetic 5 000 rows', awkward(synthetic)],
];

const distinct = (organisations: readonly Organisation[]) =>
  new Set(organisations.map(implementerKey));

function expectedMunicipality(
  dataset: Dataset,
  organisations: readonly Organisation[],
  municipalityId: string,
  countyId: string,
  considered: readonly string[],
) {
  const local = organisations.filter(
    (o) => o.scope === 'local' && o.municipalityIds.includes(municipalityId),
  );
  const countyWide = organisations.filter(
    (o) =>
      o.scope === 'local' &&
      o.countyIds.includes(countyId) &&
      !o.municipalityIds.includes(municipalityId),
  );
  const nationwide = organisations.filter((o) => o.scope === 'national');
  const named = [...local, ...countyWide];
  const types =
    considered.length > 0
      ? dataset.activityTypes.map((t) => t.id).filter((id) => considered.includes(id))
      : dataset.activityTypes.map((t) => t.id);
  const covered = types.filter((type) => named.some((o) => o.activityTypes.includes(type)));
  const missing = types.filter((type) => !covered.includes(type));
  const localKeys = distinct(local);
  const countyKeys = new Set([...distinct(countyWide)].filter((key) => !localKeys.has(key)));
  const nationwideKeys = [...distinct(nationwide)].filter(
    (key) => !localKeys.has(key) && !countyKeys.has(key),
  );
  return {
    local: local.map((o) => o.id),
    countyWide: countyWide.map((o) => o.id),
    nationwide: nationwide.map((o) => o.id),
    activityTypesCovered: covered,
    activityTypesMissing: missing,
    activityTypesNationwideOnly: missing.filter((type) =>
      nationwide.some((o) => o.activityTypes.includes(type)),
    ),
    focusTypesCovered: dataset.focusTypes
      .map((t) => t.id)
      .filter((type) => named.some((o) => o.focusTypes.includes(type))),
    counts: {
      local: localKeys.size,
      countyWide: countyKeys.size,
      nationwide: nationwideKeys.length,
    },
  };
}

const filterCases = (dataset: Dataset): Array<[string, Filters]> => [
  ...filterSequence(dataset).map(
    (filters) => [JSON.stringify(filters), filters] as [string, Filters],
  ),
  ['focus type', { ...NO_FILTERS, focusTypes: dataset.focusTypes.slice(0, 1).map((t) => t.id) }],
];

describe.each(datasets)('coverage as defined (%s)', (_, dataset) => {
  it.each(filterCases(dataset))('by municipality, with filters %s', (__, filters) => {
    const organisations = filterOrganisations(dataset, gazetteer, filters);
    const coverage = coverageByMunicipality(dataset, gazetteer, organisations, {
      nationwideWeight: 0.1,
      activityTypesConsidered: filters.activityTypes,
    });
    expect([...coverage.keys()]).toEqual(gazetteer.municipalities.map((m) => m.id));
    for (const municipality of gazetteer.municipalities) {
      expect(coverage.get(municipality.id)).toMatchObject(
        expectedMunicipality(
          dataset,
          organisations,
          municipality.id,
          municipality.county,
          filters.activityTypes,
        ),
      );
    }
  });

  it.each(filterCases(dataset))('by county, with filters %s', (__, filters) => {
    const organisations = filterOrganisations(dataset, gazetteer, filters);
    const byCounty = coverageByCounty(dataset, gazetteer, organisations);
    const listed = localOrganisationsByCounty(gazetteer, dataset, organisations);
    for (const county of gazetteer.counties) {
      const inCounty = new Set(
        gazetteer.municipalities.filter((m) => m.county === county.id).map((m) => m.id),
      );
      const present = organisations.filter(
        (o) =>
          o.scope === 'local' &&
          (o.countyIds.includes(county.id) || o.municipalityIds.some((id) => inCounty.has(id))),
      );
      expect(listed.get(county.id)).toEqual(present);
      expect(byCounty.get(county.id)).toEqual({
        id: county.id,
        organisations: present.map((o) => o.id),
        implementers: distinct(present).size,
        byActivityType: Object.fromEntries(
          dataset.activityTypes.map((type) => [
            type.id,
            distinct(present.filter((o) => o.activityTypes.includes(type.id))).size,
          ]),
        ),
      });
    }
  });

  it.each(filterCases(dataset))('overlap cells, with filters %s', (__, filters) => {
    const organisations = filterOrganisations(dataset, gazetteer, filters);
    const coverage = coverageByMunicipality(dataset, gazetteer, organisations, {
      nationwideWeight: 0,
    });
    const matrix = overlapMatrix(dataset, coverage, organisations);
    const byId = new Map(organisations.map((o) => [o.id, o]));
    let max = 0;
    matrix.rows.forEach((row, index) => {
      const entry = [...coverage.values()][index];
      const local = (entry?.local ?? []).flatMap((id) => byId.get(id) ?? []);
      matrix.activityTypes.forEach((type, typeIndex) => {
        const doing = local.filter((o) => o.activityTypes.includes(type));
        expect(row.cells[typeIndex]).toEqual(doing.map((o) => o.id));
        expect(row.counts[typeIndex]).toBe(distinct(doing).size);
        max = Math.max(max, distinct(doing).size);
      });
    });
    expect(matrix.max).toBe(max);
    const overlaps = findOverlaps(matrix, dataset, organisations);
    expect(overlaps.every((overlap) => overlap.count >= 2)).toBe(true);
  });
});

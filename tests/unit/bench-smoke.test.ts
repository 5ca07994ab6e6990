import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/domain/coverage';
import { previewImport } from '../../src/domain/import-3w';
import { createPlaceResolver } from '../../src/domain/resolve-places';
import {
  BUDGETS,
  filterSequence,
  formatReport,
  gapRecompute,
  loadBenchInputs,
  reachForAll,
  resolvePerSecond,
  sheetPlaceStrings,
  syntheticFigures,
} from '../bench/node-bench-lib';
import { SYNTHETIC_HEADER, syntheticDataset, syntheticSheet } from '../bench/synthetic';
import { seatDistances } from '../../src/domain/reach';

/**
 * The benchmark's generator and pieces, at small sizes: that they make what the bench claims
 * to measure. Nothing here is timed (figures are only checked to be numbers).
 */

const inputs = loadBenchInputs(new URL('../../', import.meta.url).pathname);
const { gazetteer, dataset } = inputs;
const context = { gazetteer, dataset };

describe('the synthetic 3W sheet', () => {
  const sheet = syntheticSheet(5_000, gazetteer, dataset);
  const lines = sheet.trimEnd().split('\n');
  const preview = previewImport('synthetic.csv', sheet, context);

  it('is the same for a seed, and another for another seed', () => {
    expect(syntheticSheet(300, gazetteer, dataset, 7)).toBe(
      syntheticSheet(300, gazetteer, dataset, 7),
    );
    expect(syntheticSheet(300, gazetteer, dataset, 8)).not.toBe(
      syntheticSheet(300, gazetteer, dataset, 7),
    );
    expect(syntheticSheet(5_000, gazetteer, dataset)).toBe(sheet);
  });

  it('has the rows asked for, under a header the importer reads, with made-up names', () => {
    expect(lines[0]).toBe(SYNTHETIC_HEADER);
    expect(lines).toHaveLength(5_001);
    expect(syntheticSheet(55, gazetteer, dataset).trimEnd().split('\n')).toHaveLength(56);
    expect(preview.columns.map((column) => column.field)).toEqual([
      'organisation',
      'kind',
      'activityTypes',
      'location',
    ]);
    expect(preview.rows.every((row) => /^Synthetic partner \d+$/.test(row.organisation))).toBe(
      true,
    );
  });

  it('imports with no errors, about one organisation per 10–25 rows', () => {
    expect(preview.errors).toEqual([]);
    expect(preview.rows).toHaveLength(5_000);
    expect(preview.rows.every((row) => row.activityTypes.length > 0)).toBe(true);
    const organisations = new Set(preview.rows.map((row) => row.organisation)).size;
    expect(organisations).toBeGreaterThanOrEqual(5_000 / 25);
    expect(organisations).toBeLessThanOrEqual(5_000 / 10);
  });

  it('spreads over all 61 municipalities, more in the big cities', () => {
    const rowsIn = new Map<string, number>();
    for (const row of preview.rows) {
      for (const id of row.municipalityIds) rowsIn.set(id, (rowsIn.get(id) ?? 0) + 1);
    }
    expect(gazetteer.municipalities).toHaveLength(61);
    expect(gazetteer.municipalities.filter((m) => !rowsIn.has(m.id))).toEqual([]);
    const tirana = gazetteer.municipalities.find((m) => m.name === 'Tiranë');
    const klos = gazetteer.municipalities.find((m) => m.name === 'Klos');
    expect(rowsIn.get(tirana?.id ?? '') ?? 0).toBeGreaterThan(
      3 * (rowsIn.get(klos?.id ?? '') ?? 0),
    );
  });

  it('writes places as people do, and at least 95 % resolve to a municipality', () => {
    const places = sheetPlaceStrings(sheet);
    expect(places).toHaveLength(5_000);
    expect(places.some((place) => place.startsWith('Bashkia '))).toBe(true);
    expect(places.some((place) => place.startsWith('Municipality of '))).toBe(true);
    expect(places.some((place) => place.includes(', District of '))).toBe(true);
    expect(places).toContain('Tirana');
    const { resolvePlaces } = createPlaceResolver(gazetteer);
    const resolved = places.filter((place) =>
      resolvePlaces(place).areas.some((area) => area.level === 'municipality'),
    );
    expect(resolved.length / places.length).toBeGreaterThanOrEqual(0.95);
  });

  it('becomes a dataset through the real import path', () => {
    const merged = syntheticDataset(300, gazetteer, dataset);
    const added = merged.dataset.organisations.length - dataset.organisations.length;
    expect(added).toBeGreaterThanOrEqual(300 / 25);
    expect(merged.edits.upserts).toHaveLength(added);
    expect(merged.edits.upserts.every((o) => o.name.startsWith('Synthetic partner '))).toBe(true);
    expect(merged.edits.documents).toHaveLength(1);
  });
});

describe('the node bench pieces, at a tiny size', () => {
  it('recompute the gap analysis for every filter change', () => {
    const merged = syntheticDataset(120, gazetteer, dataset).dataset;
    for (const filters of filterSequence(merged)) {
      const result = gapRecompute(gazetteer, merged, filters);
      expect(result.ranking).toHaveLength(61);
      expect(result.counties.size).toBe(gazetteer.counties.length);
    }
    expect(gapRecompute(gazetteer, merged, NO_FILTERS).organisations).toHaveLength(
      merged.organisations.length,
    );
    expect(reachForAll(gazetteer, merged, seatDistances(gazetteer))).toBe(61);
  });

  it('measure figures and print them with the budgets', () => {
    const places = sheetPlaceStrings(syntheticSheet(60, gazetteer, dataset));
    const rate = resolvePerSecond(gazetteer, places, 1);
    const figures = { resolvePerSecond: rate, ...syntheticFigures(inputs, 60, 1) };
    expect(Object.keys(figures)).toEqual([
      'resolvePerSecond',
      'organisations_60',
      'generateSheetMs_60',
      'previewImportMs_60',
      'importToDatasetMs_60',
      'gapRecomputeMs_60',
      'reachAllMunicipalitiesMs_60',
    ]);
    expect(Object.values(figures).every((value) => Number.isFinite(value) && value >= 0)).toBe(
      true,
    );
    const report = formatReport(figures);
    expect(report).toContain('Budgets');
    for (const budget of BUDGETS) expect(report).toContain(budget.figure);
    expect(report).toMatch(/gapRecomputeMs_50k\s+≤ 20\s+–\s+not measured/);
    // The node half lists only its own budgets; the browser half prints them all.
    const nodeReport = formatReport(figures, 'node');
    expect(nodeReport).toContain('resolvePerSecond');
    expect(nodeReport).not.toContain('filterP95Ms_50k');
  });
});

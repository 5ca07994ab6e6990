// The node part of `npm run bench` as functions, so the bench smoke test can run each at a tiny
// size. Benchmarks are not tests: nothing here passes or fails on time.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import {
  coverageByMunicipality,
  filterOrganisations,
  gapsByCounty,
  NO_FILTERS,
  rankGaps,
  type Filters,
} from '../../src/domain/coverage';
import type { Dataset } from '../../src/domain/dataset';
import type { Gazetteer } from '../../src/domain/gazetteer-schema';
import { previewImport } from '../../src/domain/import-3w';
import { findOverlaps, overlapMatrix } from '../../src/domain/overlap';
import { parseDataset, type DataFileTexts } from '../../src/domain/parse-dataset';
import { reachFor, seatDistances } from '../../src/domain/reach';
import { createPlaceResolver } from '../../src/domain/resolve-places';
import { readDataFiles } from '../../src/io/node-files';
import { SYNTHETIC_HEADER, syntheticDataset, syntheticSheet } from './synthetic';

export interface BenchInputs {
  root: string;
  gazetteerText: string;
  gazetteer: Gazetteer;
  files: DataFileTexts;
  /** The published dataset (the report's 55 organisations). */
  dataset: Dataset;
}

export function loadBenchInputs(root: string): BenchInputs {
  const gazetteerText = readFileSync(`${root}geo/gazetteer.json`, 'utf8');
  const gazetteer = checkGazetteer(gazetteerText).gazetteer;
  if (!gazetteer) throw new Error('geo/gazetteer.json does not load');
  const files = readDataFiles(root);
  const { dataset } = parseDataset(files, gazetteer);
  return { root, gazetteerText, gazetteer, files, dataset };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * Median wall time of `runs` runs of `work` (given the run's index), in ms, after `warmUps`
 * unmeasured runs (given negative indexes, −warmUps to −1).
 */
export function timeMs(work: (run: number) => void, runs = 7, warmUps = 1): number {
  for (let run = -warmUps; run < 0; run += 1) work(run);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work(run);
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Filter changes a user makes in a row: a type, a scope, a kind, a hotspots-only view, and
 * back to everything; a timed recompute takes the next one each run.
 */
export function filterSequence(dataset: Dataset): Filters[] {
  const firstType = dataset.activityTypes[0]?.id;
  const secondType = dataset.activityTypes[1]?.id;
  return [
    { ...NO_FILTERS, activityTypes: firstType ? [firstType] : [] },
    { ...NO_FILTERS, scope: 'local' },
    { ...NO_FILTERS, activityTypes: [firstType, secondType].flatMap((id) => id ?? []) },
    { ...NO_FILTERS, kinds: ['cso'] },
    { ...NO_FILTERS, hotspotsOnly: true },
    NO_FILTERS,
  ];
}

function nameLookup(gazetteer: Gazetteer): (id: string) => string {
  const names = new Map<string, string>([
    ...gazetteer.counties.map((county) => [county.id, county.name] as const),
    ...gazetteer.municipalities.map((m) => [m.id, m.name] as const),
  ]);
  return (id) => names.get(id) ?? id;
}

/**
 * What the Gaps and Overlap panels recompute after a filter change: filter, coverage, the
 * municipality and county rankings, the overlap matrix and its list.
 */
export function gapRecompute(gazetteer: Gazetteer, dataset: Dataset, filters: Filters) {
  const nameOf = nameLookup(gazetteer);
  const organisations = filterOrganisations(dataset, gazetteer, filters);
  const coverage = coverageByMunicipality(dataset, gazetteer, organisations, {
    nationwideWeight: 0.1,
    activityTypesConsidered: filters.activityTypes,
  });
  const ranking = rankGaps(coverage, nameOf);
  const counties = gapsByCounty(gazetteer, coverage, nameOf);
  const overlaps = findOverlaps(
    overlapMatrix(dataset, coverage, organisations),
    dataset,
    organisations,
  );
  return { organisations, coverage, ranking, counties, overlaps };
}

/** Reach (the nearest organisations doing each missing type) for every municipality. */
export function reachForAll(
  gazetteer: Gazetteer,
  dataset: Dataset,
  distances: ReturnType<typeof seatDistances>,
): number {
  const { organisations, coverage } = gapRecompute(gazetteer, dataset, NO_FILTERS);
  let entries = 0;
  for (const entry of coverage.values()) {
    reachFor(entry.id, entry.activityTypesMissing, coverage, organisations, distances);
    entries += 1;
  }
  return entries;
}

/** The place cells of a generated sheet (its last column), as written. */
export function sheetPlaceStrings(sheet: string): string[] {
  const column = SYNTHETIC_HEADER.split(';').length - 1;
  return sheet
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split(';')[column] ?? '');
}

/** Place strings resolved per second by a fresh resolver, over `batch` passes of `strings`. */
export function resolvePerSecond(
  gazetteer: Gazetteer,
  strings: readonly string[],
  runs = 7,
  batch = 1,
): number {
  const resolver = createPlaceResolver(gazetteer);
  const ms = timeMs(() => {
    for (let pass = 0; pass < batch; pass += 1) {
      for (const text of strings) resolver.resolvePlaces(text);
    }
  }, runs);
  return Math.round((batch * strings.length) / (ms / 1000));
}

export type Figures = Record<string, number>;

/** Figures for a synthetic sheet of `rows` rows: generating, importing and recomputing. */
export function syntheticFigures(inputs: BenchInputs, rows: number, runs = 7): Figures {
  const { gazetteer, dataset } = inputs;
  const label = rows >= 1000 ? `${rows / 1000}k` : String(rows);
  const sheetMs = timeMs(() => syntheticSheet(rows, gazetteer, dataset), runs);
  const sheet = syntheticSheet(rows, gazetteer, dataset);
  const context = { gazetteer, dataset };
  const previewMs = timeMs(() => previewImport('synthetic.csv', sheet, context), Math.min(runs, 3));
  let merged: Dataset = dataset;
  const importMs = timeMs(
    () => {
      merged = syntheticDataset(rows, gazetteer, dataset).dataset;
    },
    Math.min(runs, 3),
  );
  const filters = filterSequence(merged);
  const recompute = (run: number) =>
    gapRecompute(gazetteer, merged, filters[(run + filters.length) % filters.length] ?? NO_FILTERS);
  // Three rounds of the filter changes: a median over every kind of change, after one round
  // unmeasured (each kind of change warmed up once, as the browser bench skips its first two).
  const recomputeRuns = Math.max(runs, 3 * filters.length);
  const recomputeMs = timeMs(recompute, recomputeRuns, filters.length);
  const distances = seatDistances(gazetteer);
  return {
    [`organisations_${label}`]: merged.organisations.length,
    [`generateSheetMs_${label}`]: sheetMs,
    [`previewImportMs_${label}`]: previewMs,
    [`importToDatasetMs_${label}`]: importMs,
    [`gapRecomputeMs_${label}`]: recomputeMs,
    [`reachAllMunicipalitiesMs_${label}`]: timeMs(
      () => reachForAll(gazetteer, merged, distances),
      Math.min(runs, 3),
    ),
  };
}

export interface Budget {
  figure: string;
  /** `max`: the figure must be at most `limit`; `min`: at least. */
  kind: 'max' | 'min';
  limit: number;
  /** Which half of `npm run bench` measures it: run-bench.ts (node) or browser-bench.ts. */
  where: 'node' | 'browser';
}

/** The budgets, for both halves of the bench (the browser bench prints them all). */
export const BUDGETS: readonly Budget[] = [
  { figure: 'filterP95Ms_50k', kind: 'max', limit: 100, where: 'browser' },
  { figure: 'gapRecomputeMs_50k', kind: 'max', limit: 20, where: 'node' },
  { figure: 'loadToIdleRatioVsBareMap', kind: 'max', limit: 1.3, where: 'browser' },
  { figure: 'initialJsGzipKB', kind: 'max', limit: 500, where: 'browser' },
  { figure: 'resolvePerSecond', kind: 'min', limit: 50_000, where: 'node' },
];

export function machineInfo() {
  return { cores: cpus().length, node: process.version };
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/**
 * The figures as a table, then the budgets (figure, budget, value, ok / MISSED / not measured).
 * `only` limits the budgets to one half of the bench (the node half prints its own first).
 */
export function formatReport(figures: Figures, only?: Budget['where']): string {
  const width = Math.max(...Object.keys(figures).map((key) => key.length), 10);
  const lines = Object.entries(figures).map(
    ([key, value]) => `${key.padEnd(width)}  ${formatValue(value)}`,
  );
  lines.push('', 'Budgets');
  for (const budget of BUDGETS.filter((entry) => only === undefined || entry.where === only)) {
    const value = figures[budget.figure];
    const limit = `${budget.kind === 'max' ? '≤' : '≥'} ${budget.limit}`;
    const verdict =
      value === undefined
        ? 'not measured'
        : (budget.kind === 'max' ? value <= budget.limit : value >= budget.limit)
          ? 'ok'
          : 'MISSED';
    const shown = value === undefined ? '–' : formatValue(value);
    lines.push(
      `${budget.figure.padEnd(width)}  ${limit.padEnd(10)}  ${shown.padStart(10)}  ${verdict}`,
    );
  }
  return lines.join('\n');
}

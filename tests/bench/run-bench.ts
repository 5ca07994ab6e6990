// `npm run bench`: speed figures for the data core, each the median of repeated runs, printed
// as a table and written to tests/bench/results.json (git-ignored). Benchmarks are not tests:
// nothing here passes or fails on time.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseAnnexI } from '../../src/domain/annex-i';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { parseDataset } from '../../src/domain/parse-dataset';
import { foldPlaceText } from '../../src/domain/place-text';
import {
  coverageByMunicipality,
  filterOrganisations,
  gapsByCounty,
  NO_FILTERS,
  rankGaps,
} from '../../src/domain/coverage';
import { findOverlaps, overlapMatrix } from '../../src/domain/overlap';
import { plannedOrganisations, withPlans, type PlannedIntervention } from '../../src/domain/plan';
import { parsePlansFile, planFileContextOf, serializePlansCsv } from '../../src/domain/plan-file';
import { reachFor, seatDistances } from '../../src/domain/reach';
import { buildReport } from '../../src/domain/report';
import { createPlaceResolver } from '../../src/domain/resolve-places';
import { readDataFiles } from '../../src/io/node-files';
import { importChanges } from '../../src/domain/apply-import';
import { export3wCsv } from '../../src/domain/export-3w';
import { previewImport } from '../../src/domain/import-3w';
import { applyEdits, NO_EDITS, withOrganisations } from '../../src/domain/local-edits';

const root = new URL('../../', import.meta.url).pathname;
const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Median wall time of `RUNS` runs of `work`, in milliseconds, after one warm-up run. */
function timeMs(work: () => void): number {
  work();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

const gazetteerText = readFileSync(`${root}geo/gazetteer.json`, 'utf8');
const checked = checkGazetteer(gazetteerText).gazetteer;
if (!checked) throw new Error('geo/gazetteer.json does not load');
const gazetteer = checked;
const files = readDataFiles(root);

// Realistic place strings: every Annex I geographic focus, as written and without diacritics,
// plus single names in the forms people type.
const annex = parseAnnexI(readFileSync(`${root}data/sources/000_61f3ef4351b68807.txt`, 'utf8'));
const placeStrings = [
  ...annex.map((row) => row.geographicFocus),
  ...annex.map((row) => foldPlaceText(row.geographicFocus)),
  ...gazetteer.municipalities.flatMap((m) => [m.name, ...m.aliases.slice(0, 3)]),
  ...gazetteer.settlements.slice(0, 100).map((s) => `${s.name}, District of Tirana`),
];

const resolver = createPlaceResolver(gazetteer);
const RESOLVE_BATCH = 20;
const resolveBatchMs = timeMs(() => {
  for (let i = 0; i < RESOLVE_BATCH; i += 1) {
    for (const text of placeStrings) resolver.resolvePlaces(text);
  }
});
const { dataset } = parseDataset(files, gazetteer);

// One full recompute of what the Gaps and Overlap panels show after a filter change: filter,
// coverage, ranking, county gaps, overlap matrix and list, and reach for every municipality.
const nameOf = (id: string) =>
  gazetteer.municipalities.find((m) => m.id === id)?.name ??
  gazetteer.counties.find((c) => c.id === id)?.name ??
  id;
const distances = seatDistances(gazetteer);
function gapAnalysis(organisationsDataset: typeof dataset) {
  const organisations = filterOrganisations(organisationsDataset, gazetteer, NO_FILTERS);
  const coverage = coverageByMunicipality(organisationsDataset, gazetteer, organisations, {
    nationwideWeight: 0.1,
  });
  rankGaps(coverage, nameOf);
  gapsByCounty(gazetteer, coverage, nameOf);
  findOverlaps(
    overlapMatrix(organisationsDataset, coverage, organisations),
    dataset,
    organisations,
  );
  for (const entry of coverage.values())
    reachFor(entry.id, entry.activityTypesMissing, coverage, organisations, distances);
}
// 200 synthetic plans spread over every municipality (a busy donors' round table).
const plans: PlannedIntervention[] = Array.from({ length: 200 }, (_, index) => ({
  id: `plan-${index + 1}`,
  area: {
    level: 'municipality',
    id: gazetteer.municipalities[index % gazetteer.municipalities.length]?.id ?? '',
  },
  activityTypes: [dataset.activityTypes[index % dataset.activityTypes.length]?.id ?? ''],
  organisationId: null,
  organisationName: `Synthetic implementer ${index % 17}`,
  start: null,
  end: null,
  note: '',
}));
const planContext = planFileContextOf(gazetteer, dataset);
const plansCsv = serializePlansCsv(plans, planContext);

// Import: the real dataset's own export read back (every row unchanged), and a SYNTHETIC
// 10 000-row partner sheet (1 000 made-up organisations × 10 municipalities) applied as edits.
const importContext = { gazetteer, dataset };
const exportedCsv = export3wCsv(dataset.organisations, {
  gazetteer,
  dataset,
  exportedAt: '2026-11-22',
  filterDescription: null,
});
const bigSheet = [
  'Organisation;Kind;Activity;Bashkia',
  ...Array.from({ length: 10_000 }, (_, index) => {
    const municipality = gazetteer.municipalities[index % gazetteer.municipalities.length];
    return `Synthetic partner ${Math.floor(index / 10)};CSO;Training;${municipality?.name ?? ''}`;
  }),
].join('\n');
const bigPreview = previewImport('big.csv', bigSheet, importContext);
const importOptions = { fileName: 'big.csv', importedAt: '2026-11-22', skipErrors: true };
const bigChanges = importChanges(bigPreview, importContext, importOptions);
if (!bigChanges.ok) throw new Error(JSON.stringify(bigChanges.message));
const bigRecords = bigChanges.organisations.map((item) => item.organisation);

const results = {
  machine: { cores: cpus().length, node: process.version },
  resolvePerSecond: Math.round((RESOLVE_BATCH * placeStrings.length) / (resolveBatchMs / 1000)),
  createResolverMs: timeMs(() => createPlaceResolver(gazetteer)),
  checkGazetteerMs: timeMs(() => checkGazetteer(gazetteerText)),
  parseDatasetMs: timeMs(() => parseDataset(files, gazetteer)),
  buildReportMs: timeMs(() => buildReport(dataset, gazetteer)),
  gapAnalysisMs: timeMs(() => gapAnalysis(dataset)),
  gapAnalysisWith200PlansMs: timeMs(() => gapAnalysis(withPlans(dataset, plans))),
  seatDistancesMs: timeMs(() => seatDistances(gazetteer)),
  plannedOrganisations200Ms: timeMs(() => plannedOrganisations(plans, dataset)),
  parse200PlansCsvMs: timeMs(() => parsePlansFile('plans.csv', plansCsv, planContext)),
  previewOwnExportMs: timeMs(() => previewImport('export.csv', exportedCsv, importContext)),
  preview10kRowSheetMs: timeMs(() => previewImport('big.csv', bigSheet, importContext)),
  importChanges10kRowsMs: timeMs(() => importChanges(bigPreview, importContext, importOptions)),
  applyEdits1000OrganisationsMs: timeMs(() =>
    applyEdits(dataset, withOrganisations(NO_EDITS, dataset, bigRecords, [bigChanges.document])),
  ),
};

writeFileSync(`${root}tests/bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
const { machine, ...figures } = results;
const width = Math.max(...Object.keys(figures).map((key) => key.length));
console.log(`Harta bench: median of ${RUNS} runs, ${machine.cores} cores, node ${machine.node}`);
for (const [key, value] of Object.entries(figures)) {
  console.log(`${key.padEnd(width)}  ${Number.isInteger(value) ? value : value.toFixed(2)}`);
}
console.log(`(${placeStrings.length} distinct place strings; written to tests/bench/results.json)`);

// `npm run bench`: speed figures for the data core, each the median of repeated runs, printed
// as a table with the budgets and written to tests/bench/results.json (git-ignored).
// Benchmarks are not tests: nothing here passes or fails on time. The pieces live in
// node-bench-lib.ts so tests/unit/bench-smoke.test.ts can run them at a tiny size.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseAnnexI } from '../../src/domain/annex-i';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { parseDataset } from '../../src/domain/parse-dataset';
import { foldPlaceText } from '../../src/domain/place-text';
import { plannedOrganisations, withPlans, type PlannedIntervention } from '../../src/domain/plan';
import { parsePlansFile, planFileContextOf, serializePlansCsv } from '../../src/domain/plan-file';
import { seatDistances } from '../../src/domain/reach';
import { buildReport } from '../../src/domain/report';
import { createPlaceResolver } from '../../src/domain/resolve-places';
import { importChanges } from '../../src/domain/apply-import';
import { export3wCsv } from '../../src/domain/export-3w';
import { previewImport } from '../../src/domain/import-3w';
import { applyEdits, NO_EDITS, withOrganisations } from '../../src/domain/local-edits';
import { NO_FILTERS } from '../../src/domain/coverage';
import {
  formatReport,
  gapRecompute,
  loadBenchInputs,
  machineInfo,
  reachForAll,
  resolvePerSecond,
  sheetPlaceStrings,
  syntheticFigures,
  timeMs,
  type Figures,
} from './node-bench-lib';
import { syntheticSheet } from './synthetic';

const root = new URL('../../', import.meta.url).pathname;
const RUNS = 7;
const SYNTHETIC_SIZES = [55, 5_000, 50_000];

const inputs = loadBenchInputs(root);
const { gazetteer, gazetteerText, files, dataset } = inputs;

// Place strings as partners write them: the place cells of a SYNTHETIC 5 000-row sheet, and, for
// comparison with earlier runs, every Annex I geographic focus as written and without
// diacritics plus single names in the forms people type.
const syntheticPlaces = sheetPlaceStrings(syntheticSheet(5_000, gazetteer, dataset));
const annex = parseAnnexI(readFileSync(`${root}data/sources/000_61f3ef4351b68807.txt`, 'utf8'));
const annexPlaces = [
  ...annex.map((row) => row.geographicFocus),
  ...annex.map((row) => foldPlaceText(row.geographicFocus)),
  ...gazetteer.municipalities.flatMap((m) => [m.name, ...m.aliases.slice(0, 3)]),
  ...gazetteer.settlements.slice(0, 100).map((s) => `${s.name}, District of Tirana`),
];

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
const distances = seatDistances(gazetteer);

const figures: Figures = {
  resolvePerSecond: resolvePerSecond(gazetteer, syntheticPlaces, RUNS),
  resolvePerSecondAnnexStrings: resolvePerSecond(gazetteer, annexPlaces, RUNS, 20),
  createResolverMs: timeMs(() => createPlaceResolver(gazetteer), RUNS),
  checkGazetteerMs: timeMs(() => checkGazetteer(gazetteerText), RUNS),
  parseDatasetMs: timeMs(() => parseDataset(files, gazetteer), RUNS),
  buildReportMs: timeMs(() => buildReport(dataset, gazetteer), RUNS),
  gapAnalysisMs: timeMs(() => gapRecompute(gazetteer, dataset, NO_FILTERS), RUNS),
  gapAnalysisWith200PlansMs: timeMs(
    () => gapRecompute(gazetteer, withPlans(dataset, plans), NO_FILTERS),
    RUNS,
  ),
  reachAllMunicipalitiesMs: timeMs(() => reachForAll(gazetteer, dataset, distances), RUNS),
  seatDistancesMs: timeMs(() => seatDistances(gazetteer), RUNS),
  plannedOrganisations200Ms: timeMs(() => plannedOrganisations(plans, dataset), RUNS),
  parse200PlansCsvMs: timeMs(() => parsePlansFile('plans.csv', plansCsv, planContext), RUNS),
  previewOwnExportMs: timeMs(() => previewImport('export.csv', exportedCsv, importContext), RUNS),
  preview10kRowSheetMs: timeMs(() => previewImport('big.csv', bigSheet, importContext), RUNS),
  importChanges10kRowsMs: timeMs(
    () => importChanges(bigPreview, importContext, importOptions),
    RUNS,
  ),
  applyEdits1000OrganisationsMs: timeMs(
    () =>
      applyEdits(dataset, withOrganisations(NO_EDITS, dataset, bigRecords, [bigChanges.document])),
    RUNS,
  ),
};
for (const rows of SYNTHETIC_SIZES) Object.assign(figures, syntheticFigures(inputs, rows, RUNS));

const machine = machineInfo();
writeFileSync(
  `${root}tests/bench/results.json`,
  `${JSON.stringify({ machine, ...figures }, null, 2)}\n`,
);
console.log(`Harta bench: median of ${RUNS} runs, ${machine.cores} cores, node ${machine.node}`);
console.log(formatReport(figures, 'node'));
console.log(
  `(resolvePerSecond over the ${syntheticPlaces.length} place cells of a SYNTHETIC 5 000-row ` +
    `sheet, ${new Set(syntheticPlaces).size} distinct; written to tests/bench/results.json)`,
);

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkGazetteer } from '../src/domain/check-gazetteer';
import { parseCsv } from '../src/domain/csv';
import { formatProblem, parseDataset } from '../src/domain/parse-dataset';
import type { DataFileTexts } from '../src/domain/parse-dataset';
import { GAZETTEER_FILE, readDataFiles, readTextFile, writeFileAtomic } from '../src/io/node-files';
import { buildOrganisationsCsv, carriedOverRecords, type DataBuildInput } from './build-data-lib';

/**
 * `npm run data:build`: regenerates data/organisations.csv from the report and the curation
 * log, keeping the records that do not come from the report (imported ones) as they are.
 */

export const ANNEX_DOCUMENT_ID = '000_61f3ef4351b68807';

export const ORGANISATIONS_FILE = 'data/organisations.csv';

function emptyDataFiles(): DataFileTexts {
  return {
    documents: '',
    activityTypes: '',
    focusTypes: '',
    organisationKinds: '',
    organisations: '',
    hotspots: '',
  };
}

function pickTaxonomyFiles(files: Partial<DataFileTexts>): Partial<DataFileTexts> {
  const { documents, activityTypes, focusTypes, organisationKinds } = files;
  return { documents, activityTypes, focusTypes, organisationKinds };
}

export function readDataBuildInput(root: string): DataBuildInput {
  const gazetteerCheck = checkGazetteer(readTextFile(root, GAZETTEER_FILE));
  if (!gazetteerCheck.gazetteer) {
    throw new Error(
      gazetteerCheck.problems.map((p) => `${GAZETTEER_FILE}:${p.line}: ${p.message}`).join('\n'),
    );
  }
  // The taxonomies are inputs; of the organisations file (this build's output, which may not
  // exist yet) only the records not from the report are.
  const taxonomyFiles = {
    ...emptyDataFiles(),
    ...pickTaxonomyFiles(readDataFiles(root, ['organisations', 'hotspots'])),
  };
  const { dataset, problems } = parseDataset(taxonomyFiles, gazetteerCheck.gazetteer);
  const taxonomyProblems = problems.filter(
    (p) => p.file !== 'organisations.csv' && p.file !== 'hotspots.csv',
  );
  if (taxonomyProblems.length > 0)
    throw new Error(taxonomyProblems.map((p) => formatProblem(p)).join('\n'));
  const carriedRecords = existsSync(join(root, ORGANISATIONS_FILE))
    ? carriedOverRecords(readTextFile(root, ORGANISATIONS_FILE), ANNEX_DOCUMENT_ID)
    : [];
  return {
    documentId: ANNEX_DOCUMENT_ID,
    documentText: readTextFile(root, `data/sources/${ANNEX_DOCUMENT_ID}.txt`),
    gazetteer: gazetteerCheck.gazetteer,
    activityTypes: dataset.activityTypes,
    focusTypes: dataset.focusTypes,
    organisationKinds: dataset.organisationKinds,
    curationCsv: readTextFile(root, 'data/curation.csv'),
    carriedRecords,
  };
}

/** Runs the build on the repository at `root`: writes its organisations.csv, says what it wrote. */
export function runDataBuild(root: string): string {
  const input = readDataBuildInput(root);
  const csv = buildOrganisationsCsv(input);
  writeFileAtomic(join(root, ORGANISATIONS_FILE), csv);
  const total = parseCsv(csv).records.length;
  const carried = input.carriedRecords.length;
  return `wrote ${ORGANISATIONS_FILE} (${total} organisations${carried === 0 ? '' : `, ${carried} of them not from Annex I, carried over`})`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`${runDataBuild(root)}\n`);
}

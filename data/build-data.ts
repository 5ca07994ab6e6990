import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkGazetteer } from '../src/domain/check-gazetteer';
import { formatProblem, parseDataset } from '../src/domain/parse-dataset';
import { GAZETTEER_FILE, readDataFiles, readTextFile } from '../src/io/node-files';
import type { DataFileTexts } from '../src/domain/parse-dataset';

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
import { buildOrganisationsCsv, type DataBuildInput } from './build-data-lib';

/** `npm run data:build`: regenerates data/organisations.csv from the report and the curation log. */

export const ANNEX_DOCUMENT_ID = '000_61f3ef4351b68807';

export function readDataBuildInput(root: string): DataBuildInput {
  const gazetteerCheck = checkGazetteer(readTextFile(root, GAZETTEER_FILE));
  if (!gazetteerCheck.gazetteer) {
    throw new Error(
      gazetteerCheck.problems.map((p) => `${GAZETTEER_FILE}:${p.line}: ${p.message}`).join('\n'),
    );
  }
  // Only the taxonomies are inputs; the organisations file is this build's output and may not exist yet.
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
  return {
    documentId: ANNEX_DOCUMENT_ID,
    documentText: readTextFile(root, `data/sources/${ANNEX_DOCUMENT_ID}.txt`),
    gazetteer: gazetteerCheck.gazetteer,
    activityTypes: dataset.activityTypes,
    focusTypes: dataset.focusTypes,
    organisationKinds: dataset.organisationKinds,
    curationCsv: readTextFile(root, 'data/curation.csv'),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const csv = buildOrganisationsCsv(readDataBuildInput(root));
  writeFileSync(join(root, 'data', 'organisations.csv'), csv);
  process.stderr.write(
    `wrote data/organisations.csv (${csv.split('\n').length - 2} organisations)\n`,
  );
}

import { checkGazetteer } from '../domain/check-gazetteer';
import type { Dataset } from '../domain/dataset';
import type { Gazetteer } from '../domain/gazetteer-schema';
import { formatProblem, parseDataset, type DataFileTexts } from '../domain/parse-dataset';

export type LoadedData =
  | { ok: true; gazetteer: Gazetteer; dataset: Dataset; problems: string[] }
  | { ok: false; problems: string[] };

/**
 * Checks gazetteer and dataset texts. Without a usable gazetteer nothing can be placed, so
 * that is the one failure that stops loading; a bad dataset row is reported and skipped.
 */
export function loadData(gazetteerText: string, files: DataFileTexts): LoadedData {
  const gazetteerCheck = checkGazetteer(gazetteerText);
  const gazetteerProblems = gazetteerCheck.problems.map(
    (problem) => `geo/gazetteer.json:${problem.line}: ${problem.message}`,
  );
  if (!gazetteerCheck.gazetteer) return { ok: false, problems: gazetteerProblems };
  const { dataset, problems } = parseDataset(files, gazetteerCheck.gazetteer);
  return {
    ok: true,
    gazetteer: gazetteerCheck.gazetteer,
    dataset,
    problems: [...gazetteerProblems, ...problems.map((problem) => formatProblem(problem))],
  };
}

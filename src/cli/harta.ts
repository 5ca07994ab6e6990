import { isAbsolute, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAnnexI } from '../domain/annex-i';
import { checkGazetteer } from '../domain/check-gazetteer';
import { checkHotspotQuotes } from '../domain/check-provenance';
import { checkAnnexRows, checkBoundaryFile, checkGazetteerCodes } from '../domain/check-sources';
import { parseCuration } from '../domain/curation';
import { formatProblem, parseDataset, type DataProblem } from '../domain/parse-dataset';
import { buildReport } from '../domain/report';
import { createPlaceResolver } from '../domain/resolve-places';
import type { Gazetteer } from '../domain/gazetteer-schema';
import { DataFileError, GAZETTEER_FILE, readDataFiles, readTextFile } from '../io/node-files';

/**
 * `npm run --silent harta -- <command>`: only the command's output goes to stdout, so it can
 * be piped; messages for people go to stderr.
 */

const USAGE = `Usage: npm run --silent harta -- <command> [options]

Commands:
  check                 Validate data/ and geo/; prints file:line: message per problem.
  resolve "<text>"      Resolve a place description to counties and municipalities (JSON).
  report [--json]       Organisations and municipalities with their areas and counts.

Options:
  --root DIR            Repository folder to read data/ and geo/ from (default: this one).
`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

function loadGazetteer(root: string, io: Io): Gazetteer | null {
  const checked = checkGazetteer(readTextFile(root, GAZETTEER_FILE));
  for (const problem of checked.problems)
    io.err(`${GAZETTEER_FILE}:${problem.line}: ${problem.message}`);
  return checked.problems.length === 0 ? checked.gazetteer : null;
}

/** The document whose Annex I the organisations come from. */
const ANNEX_DOCUMENT_ID = '000_61f3ef4351b68807';

function geoProblems(root: string, gazetteer: Gazetteer): string[] {
  const lines: string[] = [];
  const add = (file: string, problems: { line: number; message: string }[]) =>
    problems.forEach((problem) => lines.push(`${file}:${problem.line}: ${problem.message}`));
  add(GAZETTEER_FILE, checkGazetteerCodes(gazetteer, readTextFile(root, 'geo/codes.csv')));
  const countyIds = new Set(gazetteer.counties.map((county) => county.id));
  add(
    'geo/counties.geojson',
    checkBoundaryFile(readTextFile(root, 'geo/counties.geojson'), countyIds),
  );
  add(
    'geo/neighbours.geojson',
    checkBoundaryFile(readTextFile(root, 'geo/neighbours.geojson'), null),
  );
  return lines;
}

function runCheck(root: string, io: Io): number {
  const gazetteerCheck = checkGazetteer(readTextFile(root, GAZETTEER_FILE));
  const lines = gazetteerCheck.problems.map((p) => `${GAZETTEER_FILE}:${p.line}: ${p.message}`);
  const gazetteer = gazetteerCheck.gazetteer;
  if (!gazetteer) {
    lines.forEach((line) => io.out(line));
    return 1;
  }
  lines.push(...geoProblems(root, gazetteer));
  const files = readDataFiles(root);
  const { dataset, problems } = parseDataset(files, gazetteer);
  const documentTexts = new Map<string, string>();
  const documentProblems: DataProblem[] = [];
  dataset.documents.forEach((document, index) => {
    const inside = !isAbsolute(document.file) && !normalize(document.file).startsWith('..');
    try {
      if (!inside) throw new Error(`"${document.file}" is outside the repository`);
      documentTexts.set(document.id, readTextFile(root, document.file));
    } catch (error) {
      documentProblems.push({
        file: 'documents.csv',
        line: index + 2,
        field: 'file',
        message: error instanceof Error ? error.message : 'cannot be read',
        severity: 'error',
      });
    }
  });
  const curation = parseCuration(readTextFile(root, 'data/curation.csv'));
  for (const problem of curation.problems)
    lines.push(`data/curation.csv:${problem.line}: ${problem.message}`);
  const annexText = documentTexts.get(ANNEX_DOCUMENT_ID);
  const annexProblems: DataProblem[] = [];
  if (annexText === undefined) {
    lines.push(
      `data/documents.csv:1: the Annex I document ${ANNEX_DOCUMENT_ID} is not listed or not readable`,
    );
  } else {
    const curatedNames = new Set(
      curation.curations.filter((c) => c.field === 'name').map((c) => c.annexRow),
    );
    annexProblems.push(
      ...checkAnnexRows(
        files.organisations,
        ANNEX_DOCUMENT_ID,
        parseAnnexI(annexText),
        curatedNames,
      ),
    );
  }
  const all = [
    ...problems,
    ...documentProblems,
    ...annexProblems,
    ...checkHotspotQuotes(files.hotspots, documentTexts),
  ];
  for (const line of lines) io.out(line);
  for (const problem of all) io.out(formatProblem(problem));
  const errors = lines.length + all.filter((problem) => problem.severity === 'error').length;
  io.err(
    errors === 0
      ? `ok: ${dataset.organisations.length} organisations, ${gazetteer.counties.length} counties, ` +
          `${gazetteer.municipalities.length} municipalities, ${gazetteer.settlements.length} settlements, ` +
          `${dataset.hotspotEvidence.length} hotspot evidence rows`
      : `${errors} problem(s) found`,
  );
  return errors === 0 ? 0 : 1;
}

function runReport(root: string, json: boolean, io: Io): number {
  const gazetteer = loadGazetteer(root, io);
  if (!gazetteer) return 1;
  const { dataset, problems } = parseDataset(readDataFiles(root), gazetteer);
  for (const problem of problems) io.err(formatProblem(problem));
  // Rows with errors are left out of the report: say so with the exit code, not only on stderr.
  const status = problems.some((problem) => problem.severity === 'error') ? 1 : 0;
  const report = buildReport(dataset, gazetteer);
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return status;
  }
  const width = Math.max(...report.municipalities.map((m) => m.name.length));
  io.out(`${'Municipality'.padEnd(width)}  County        Hotspot  Organisations`);
  for (const municipality of report.municipalities) {
    io.out(
      `${municipality.name.padEnd(width)}  ${municipality.county.padEnd(12)}  ${(municipality.hotspot ? `yes (${municipality.hotspotLevel})` : '').padEnd(7)}  ${municipality.organisations}`,
    );
  }
  return status;
}

export function runHarta(args: readonly string[], io: Io, defaultRoot: string): number {
  const rest = [...args];
  let root = defaultRoot;
  const rootIndex = rest.indexOf('--root');
  if (rootIndex >= 0) {
    const value = rest[rootIndex + 1];
    if (!value) {
      io.err('--root needs a folder');
      return 2;
    }
    root = value;
    rest.splice(rootIndex, 2);
  }
  const [command, ...options] = rest;
  try {
    switch (command) {
      case 'check':
        return runCheck(root, io);
      case 'resolve': {
        const text = options.join(' ');
        if (text.trim() === '') {
          io.err('resolve needs a text, e.g. resolve "Municipality of Pogradecit"');
          return 2;
        }
        const gazetteer = loadGazetteer(root, io);
        if (!gazetteer) return 1;
        io.out(JSON.stringify(createPlaceResolver(gazetteer).resolvePlaces(text), null, 2));
        return 0;
      }
      case 'report':
        return runReport(root, options.includes('--json'), io);
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof DataFileError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  process.exitCode = runHarta(
    process.argv.slice(2),
    {
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    },
    root,
  );
}

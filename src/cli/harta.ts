import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAnnexI } from '../domain/annex-i';
import { checkGazetteer } from '../domain/check-gazetteer';
import { checkHotspotQuotes } from '../domain/check-provenance';
import { checkAnnexRows, checkBoundaryFile, checkGazetteerCodes } from '../domain/check-sources';
import { DEFAULT_NATIONWIDE_WEIGHT, clampNationwideWeight } from '../domain/coverage';
import { parseCuration } from '../domain/curation';
import type { Dataset } from '../domain/dataset';
import { HOTSPOT_LEVEL_PHRASE } from '../domain/gap-explanation';
import { isImportedDocument } from '../domain/local-edits';
import { formatProblem, parseDataset, type DataProblem } from '../domain/parse-dataset';
import { IMPORT_USAGE, runImport } from './import-command';
import { buildReport, type MunicipalityReport, type Report } from '../domain/report';
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
  report [--json] [--nationwide-weight W]
                        Organisations with their areas; municipalities with counts, gap score,
                        rank and why; counties' gaps; overlaps (--json for all of it).
  gaps [--top N|all] [--nationwide-weight W] [--json]
                        Municipalities from most to least underserved, each with why it ranks
                        there (default: the top 10).
  ${IMPORT_USAGE}

Options:
  --root DIR            Repository folder to read data/ and geo/ from (default: this one).
  --nationwide-weight W What each nationwide organisation adds to a municipality's presence,
                        from 0 to 1 (default 0: not counted; the dashboard suggests 0.1).
  --top N|all           How many ranked municipalities gaps prints (default 10).
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
      // An imported sheet is kept as received (a workbook, or CSV in any encoding): it must be
      // there; it is not read as text, since nothing quotes it.
      if (isImportedDocument(document.id)) {
        const path = join(root, document.file);
        if (!existsSync(path) || !statSync(path).isFile()) {
          throw new Error(`${document.file}: file not found`);
        }
        return;
      }
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

/** Options of report and gaps, after checking. */
interface ReportCommandOptions {
  json: boolean;
  nationwideWeight: number;
  /** How many ranked municipalities to print; null = all (gaps only). */
  top: number | null;
}

const DEFAULT_TOP = 10;

/** A plain decimal: "0", "0.1", ".5", "1.00"; not "", "1e-1", "-0", "0x1". */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The options of `report` or `gaps`, or a message saying what is wrong with them. */
function parseReportOptions(
  command: 'report' | 'gaps',
  args: readonly string[],
): ReportCommandOptions | string {
  const parsed: ReportCommandOptions = {
    json: false,
    nationwideWeight: DEFAULT_NATIONWIDE_WEIGHT,
    top: DEFAULT_TOP,
  };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--json') {
      parsed.json = true;
    } else if (arg === '--nationwide-weight') {
      const value = args[(index += 1)];
      if (value === undefined || !DECIMAL.test(value) || Number(value) > 1)
        return `--nationwide-weight needs a number from 0 to 1 (e.g. 0.1), not ${value === undefined ? 'nothing' : `"${value}"`}`;
      parsed.nationwideWeight = Number(value);
    } else if (arg === '--top' && command === 'gaps') {
      const value = args[(index += 1)];
      if (value === 'all') parsed.top = null;
      else if (value !== undefined && /^\d+$/.test(value) && Number(value) >= 1)
        parsed.top = Number(value);
      else
        return `--top needs a whole number of at least 1, or "all", not ${value === undefined ? 'nothing' : `"${value}"`}`;
    } else {
      return `${command}: unknown option "${arg ?? ''}"`;
    }
  }
  return parsed;
}

/**
 * The dataset as report and gaps use it. Rows with errors are left out: the status says so
 * with the exit code (1), not only on stderr.
 */
function loadDataset(
  root: string,
  io: Io,
): { dataset: Dataset; gazetteer: Gazetteer; status: number } | null {
  const gazetteer = loadGazetteer(root, io);
  if (!gazetteer) return null;
  const { dataset, problems } = parseDataset(readDataFiles(root), gazetteer);
  for (const problem of problems) io.err(formatProblem(problem));
  const status = problems.some((problem) => problem.severity === 'error') ? 1 : 0;
  return { dataset, gazetteer, status };
}

function buildCommandReport(
  root: string,
  options: ReportCommandOptions,
  io: Io,
): { report: Report; activityTypeCount: number; status: number } | null {
  const loaded = loadDataset(root, io);
  if (!loaded) return null;
  const weight = clampNationwideWeight(options.nationwideWeight);
  if (weight !== options.nationwideWeight)
    io.err(`nationwide weight ${options.nationwideWeight} rounded to ${weight}`);
  const report = buildReport(loaded.dataset, loaded.gazetteer, { nationwideWeight: weight });
  return { report, activityTypeCount: loaded.dataset.activityTypes.length, status: loaded.status };
}

function runReport(root: string, options: ReportCommandOptions, io: Io): number {
  const built = buildCommandReport(root, options, io);
  if (!built) return 1;
  const { report, status } = built;
  if (options.json) {
    io.out(JSON.stringify(report, null, 2));
    return status;
  }
  const width = Math.max(...report.municipalities.map((m) => m.name.length));
  io.out(
    `${'Municipality'.padEnd(width)}  County        Hotspot  Organisations  Gap score  Gap rank`,
  );
  for (const municipality of report.municipalities) {
    io.out(
      `${municipality.name.padEnd(width)}  ${municipality.county.padEnd(12)}  ${(municipality.hotspot ? `yes (${municipality.hotspotLevel})` : '').padEnd(7)}  ${String(municipality.organisations).padEnd(13)}  ${municipality.gapScore.toFixed(3).padStart(9)}  ${String(municipality.gapRank).padStart(8)}`,
    );
  }
  return status;
}

/** Longest line gaps prints. */
const LINE_WIDTH = 120;
const REASON_INDENT = '      ';

/** Words of `text` on lines of at most `width` characters (a longer word gets its own line). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The `why` sentence without the municipality's name, which the row above already shows. */
function reasonOf(entry: MunicipalityReport): string {
  const prefix = `${entry.name}: `;
  const reason = entry.why.startsWith(prefix) ? entry.why.slice(prefix.length) : entry.why;
  return `${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;
}

/** The ranked table: one row of figures per municipality, its reason wrapped underneath. */
function gapsTable(
  report: Report,
  shown: readonly MunicipalityReport[],
  activityTypeCount: number,
): string[] {
  const ranked = [...report.municipalities].sort((a, b) => a.gapRank - b.gapRank);
  const nameWidth = Math.max('Municipality'.length, ...shown.map((m) => m.name.length));
  const countyWidth = Math.max('County'.length, ...shown.map((m) => m.county.length));
  const weight = report.nationwideWeight;
  const nationwide =
    weight > 0
      ? `+ ${weight} per nationwide one.`
      : `(nationwide ones are not counted; --nationwide-weight 0.1 counts them).`;
  const levels = ([3, 2, 1, 0] as const).map((level) => `${level} ${HOTSPOT_LEVEL_PHRASE[level]}`);
  const lines = [
    ...wrapWords(
      `Gap ranking of ${ranked.length} municipalities, most underserved first. ` +
        `Gap score = need × (1 − coverage); need = 0.25 + 0.25 × hotspot level; ` +
        `coverage = 1 − e^(−presence / 2); presence = 1 per local organisation + 0.5 per county-wide one ${nationwide}`,
      LINE_WIDTH,
    ),
    ...wrapWords(`Level: ${levels.join('; ')}.`, LINE_WIDTH),
    ...wrapWords(
      'Local: organisations naming the municipality. County-wide: naming its whole county. ' +
        'Missing: activity types nobody counted there does. "=": tied (same score, hotspot level and local organisations; listed by name).',
      LINE_WIDTH,
    ),
    '',
    `Rank  ${'Municipality'.padEnd(nameWidth)}  ${'County'.padEnd(countyWidth)}  Level    Gap  Local  County-wide  Nationwide  Missing`,
  ];
  for (const entry of shown) {
    const rank = `${entry.gapRank}${entry.gapTie ? '=' : ' '}`;
    lines.push(
      `${rank.padStart(5)} ${entry.name.padEnd(nameWidth)}  ${entry.county.padEnd(countyWidth)}  ` +
        `${String(entry.hotspotLevel).padStart(5)}  ${entry.gapScore.toFixed(3)}  ` +
        `${String(entry.localOrganisations.length).padStart(5)}  ${String(entry.countyWideOrganisations).padStart(11)}  ` +
        `${String(entry.nationwideOrganisations.length).padStart(10)}  ${`${entry.missingActivityTypes.length}/${activityTypeCount}`.padStart(7)}`,
    );
    for (const line of wrapWords(reasonOf(entry), LINE_WIDTH - REASON_INDENT.length))
      lines.push(`${REASON_INDENT}${line}`);
  }
  // Rows cut off in the middle of a tie: say the order inside it is by name, not by need.
  const last = shown[shown.length - 1];
  const tie = last?.gapTie;
  if (last && tie && tie.last > last.gapRank) {
    lines.push(
      '',
      ...wrapWords(
        `Ranks ${tie.first}–${tie.last}: ${tie.last - tie.first + 1} municipalities share gap score ` +
          `${last.gapScore.toFixed(3)} with the same hotspot level and local organisations, so they ` +
          `are listed by name: rank ${last.gapRank} is no more underserved than rank ${tie.last}. ` +
          `--top all lists them all.`,
        LINE_WIDTH,
      ),
    );
  }
  return lines;
}

function runGaps(root: string, options: ReportCommandOptions, io: Io): number {
  const built = buildCommandReport(root, options, io);
  if (!built) return 1;
  const { report, activityTypeCount, status } = built;
  const ranked = [...report.municipalities].sort((a, b) => a.gapRank - b.gapRank);
  const shown = options.top === null ? ranked : ranked.slice(0, options.top);
  if (options.json) {
    io.out(JSON.stringify(shown, null, 2));
    return status;
  }
  for (const line of gapsTable(report, shown, activityTypeCount)) io.out(line);
  return status;
}

/** A data file that cannot be read ends the command with its message, not a stack trace. */
function dataFileFailure(error: unknown, io: Io): number {
  if (error instanceof DataFileError) {
    io.err(error.message);
    return 1;
  }
  throw error;
}

/**
 * Runs one command and returns its exit code. `import` reads workbooks, which is asynchronous,
 * so it alone returns a promise: await the result to cover every command.
 */
export function runHarta(
  args: readonly string[],
  io: Io,
  defaultRoot: string,
  /** Where relative file arguments are read from (npm run changes the working folder). */
  cwd: string = process.cwd(),
): number | Promise<number> {
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
      case 'gaps': {
        const parsed = parseReportOptions(command, options);
        if (typeof parsed === 'string') {
          io.err(`${parsed}\n\n${USAGE}`);
          return 2;
        }
        return command === 'report' ? runReport(root, parsed, io) : runGaps(root, parsed, io);
      }
      case 'import':
        return runImport(options, {
          io,
          cwd,
          root,
          load: () => {
            const loaded = loadDataset(root, io);
            return loaded
              ? { dataset: loaded.dataset, gazetteer: loaded.gazetteer, sound: loaded.status === 0 }
              : null;
          },
        }).catch((error: unknown) => dataFileFailure(error, io));
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
    return dataFileFailure(error, io);
  }
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  process.exitCode = await runHarta(
    process.argv.slice(2),
    {
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    },
    root,
    // npm run starts scripts in the package folder; INIT_CWD is where the user typed the command.
    process.env.INIT_CWD ?? process.cwd(),
  );
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { readDataBuildInput } from '../../data/build-data';
import {
  buildOrganisationsCsv,
  curationSetsFor,
  IMPORTED_FIELDS,
  type CurationSet,
} from '../../data/build-data-lib';
import {
  importChanges,
  type ImportChanges,
  type ImportedOrganisation,
} from '../domain/apply-import';
import { splitMultiValue } from '../domain/csv';
import { parseCuration, type CURATION_COLUMNS } from '../domain/curation';
import type { Dataset, DocumentRef, Organisation } from '../domain/dataset';
import {
  appendCsvRows,
  documentCsvRecord,
  organisationCsvRecord,
  upsertCsvRows,
  type OrganisationCsvRecord,
} from '../domain/dataset-csv';
import type { Gazetteer } from '../domain/gazetteer-schema';
import type { ImportPreview, ImportProblem } from '../domain/import-3w';
import { formatProblem, parseDataset } from '../domain/parse-dataset';
import { MAX_IMPORT_BYTES } from '../domain/text-decoding';
import { translator } from '../i18n/messages';
import { previewImportSource, readImportSource, type ImportSource } from '../io/import-source';
import { readDataFiles, writeFileAtomic } from '../io/node-files';

/**
 * `import FILE [--json] [--write [--skip-errors] [--kind KIND]]`: reads a partner's 3W sheet
 * (CSV or .xlsx) through the same reader and validator as the app, and prints what applying it
 * would do. With --write it applies it to data/: a copy of the file in data/imports/, a
 * document row citing it, a `set` line in curation.csv for each field it changes on an
 * organisation of the report, and organisations.csv as `npm run data:build` makes it from
 * there (the records added by imports carried over, the new and updated ones among them), each
 * file written whole or not at all.
 */

export interface ImportIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface ImportCommandContext {
  io: ImportIo;
  /** Where a relative FILE is read from: the folder the user ran the command in. */
  cwd: string;
  /** The repository folder whose data/ --write changes. */
  root: string;
  /** The dataset and gazetteer; `sound` is false when data/ has errors (printed already). */
  load: () => { dataset: Dataset; gazetteer: Gazetteer; sound: boolean } | null;
  /** Today as YYYY-MM-DD: the date an import is recorded under. */
  today?: () => string;
}

export const IMPORT_USAGE = `import FILE [--json] [--add]
                        Read a partner's 3W sheet (Excel .xlsx: its first worksheet with data;
                        or CSV: comma, semicolon or tab; UTF-8, UTF-16, Windows-1250/1252;
                        HXL hashtags or plain headers) and print every row with its places
                        resolved, and every error and warning by line and field. Writes
                        nothing. Exit 0 when the file could be read. With --add, the
                        sheet lists new work only: places and types of organisations
                        already in the data are added to, never removed.
  import FILE --write [--add] [--skip-errors] [--kind KIND]
                        Apply it to data/ after the same checks: copy the file to
                        data/imports/, cite it in documents.csv, record changes to the
                        report's organisations in curation.csv, and write organisations.csv
                        as npm run data:build makes it, with the added and updated imported
                        organisations. Refused (exit 1, nothing written)
                        when a row has an error, unless --skip-errors leaves those rows out.
                        --kind gives new organisations whose rows name no kind that kind id.`;

interface ImportArguments {
  file: string;
  json: boolean;
  write: boolean;
  skipErrors: boolean;
  kind: string | undefined;
  /** --add: the sheet lists new work only (see ImportMode). */
  add: boolean;
}

/** The arguments, or a message saying what is wrong with them. */
function parseArguments(args: readonly string[]): ImportArguments | string {
  const parsed: Omit<ImportArguments, 'file'> = {
    json: false,
    write: false,
    skipErrors: false,
    kind: undefined,
    add: false,
  };
  const files: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--json') parsed.json = true;
    else if (arg === '--write') parsed.write = true;
    else if (arg === '--skip-errors') parsed.skipErrors = true;
    else if (arg === '--add') parsed.add = true;
    else if (arg === '--kind') {
      const value = args[(index += 1)];
      if (value === undefined || value.startsWith('--')) return 'import: --kind needs a kind id';
      parsed.kind = value;
    } else if (arg.startsWith('--')) return `import: unknown option "${arg}"`;
    else files.push(arg);
  }
  const [file] = files;
  if (file === undefined || files.length > 1) {
    return 'import needs exactly one file, e.g. import partners-3w.csv';
  }
  if (!parsed.write && (parsed.skipErrors || parsed.kind !== undefined)) {
    return 'import: --skip-errors and --kind go with --write';
  }
  if (parsed.write && parsed.json) return 'import: --write prints what it wrote; leave out --json';
  return { file, ...parsed };
}

/** Reads the file's bytes, or says in one line why it cannot be read. */
function readBytes(path: string): Uint8Array | string {
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return `${path} is not a file`;
    // Refused before reading, so a huge file is never loaded into memory.
    if (stats.size > MAX_IMPORT_BYTES)
      return `${path} is ${(stats.size / 1024 / 1024).toFixed(1)} MB; at most 20 MB can be imported`;
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return `${path} does not exist`;
    if (code === 'EACCES') return `${path} cannot be read (permission denied)`;
    return `${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Text from the file, safe to print on a terminal: control characters (an ESC sequence in a
 * cell could recolour or rewrite the screen) are shown as \u{1b}, line breaks as ⏎.
 */
function printable(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, '⏎')
    .replace(/\p{Cc}/gu, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How the file was read: "utf-8, ","-separated" or "worksheet "Partners"". */
function readAs(source: ImportSource, preview: ImportPreview): string {
  if (source.kind === 'xlsx') return `worksheet "${source.sheetName}"`;
  const delimiter = preview.delimiter === '\t' ? 'tab' : `"${preview.delimiter ?? ','}"`;
  return `${source.encoding}, ${delimiter}-separated`;
}

function summary(source: ImportSource, preview: ImportPreview): string {
  const count = (action: string) => preview.rows.filter((row) => row.action === action).length;
  return (
    `${source.fileName}: ${plural(preview.rows.length, 'row')} (${count('add')} to add, ${count('update')} to update, ` +
    `${count('unchanged')} unchanged), ${plural(preview.errors.length, 'error')}, ` +
    `${plural(preview.warnings.length, 'warning')}; read as ${readAs(source, preview)}, ${preview.format === 'hxl' ? 'HXL hashtags' : 'plain headers'}`
  );
}

/** The command line speaks English: the interface's English words for the importer's codes. */
const english = translator('en');

const problemInEnglish = (problem: ImportProblem) => ({
  ...problem,
  message: english('import.issue', problem.message),
});

/** The preview with its problems and changes in words, as `--json` prints it. */
function previewInEnglish(preview: ImportPreview) {
  return {
    ...preview,
    rows: preview.rows.map((row) => ({
      ...row,
      changes: row.changes.map((change) => english('import.change', change)),
    })),
    errors: preview.errors.map(problemInEnglish),
    warnings: preview.warnings.map(problemInEnglish),
  };
}

function printProblems(io: ImportIo, source: ImportSource, preview: ImportPreview): void {
  io.out(printable(summary(source, preview)));
  if (source.kind === 'csv') for (const note of source.notes) io.out(printable(`note: ${note}`));
  const where = (problem: { line: number; field?: string }) =>
    `line ${problem.line}${problem.field ? `, ${problem.field}` : ''}`;
  for (const problem of preview.errors)
    io.out(printable(`error: ${where(problem)}: ${english('import.issue', problem.message)}`));
  for (const problem of preview.warnings)
    io.out(printable(`warning: ${where(problem)}: ${english('import.issue', problem.message)}`));
}

function printJson(io: ImportIo, source: ImportSource, preview: ImportPreview): void {
  const read =
    source.kind === 'csv'
      ? { kind: 'csv', encoding: source.encoding, notes: source.notes }
      : { kind: 'xlsx', sheet: source.sheetName, otherSheets: source.otherSheets };
  io.out(
    JSON.stringify(
      {
        file: source.fileName,
        ...read,
        ...previewInEnglish(preview),
        // Every error names its field, null when it is about the line or the file as a whole.
        errors: preview.errors.map((problem) => ({
          line: problem.line,
          field: problem.field ?? null,
          message: english('import.issue', problem.message),
        })),
      },
      null,
      2,
    ),
  );
}

function printRows(io: ImportIo, preview: ImportPreview): void {
  for (const row of preview.rows) {
    const places =
      row.scope === 'national'
        ? 'nationwide'
        : [...row.counties.map((name) => `${name} county`), ...row.municipalities].join(', ');
    io.out(
      printable(
        `${String(row.line).padStart(5)}  ${row.action.padEnd(9)}  ${row.hasErrors ? '(errors) ' : ''}${row.organisation}: ${places || '(no place)'}`,
      ),
    );
  }
}

/** A file name safe in any file system and URL: ASCII letters, digits, ".", "_" and "-". */
function safeFileName(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(-100);
  return safe === '' ? 'import' : safe;
}

function sameBytes(path: string, bytes: Uint8Array): boolean {
  try {
    return Buffer.from(bytes).equals(readFileSync(path));
  } catch {
    return false;
  }
}

/**
 * The document the import cites and where its copy goes: the id importChanges proposes, made
 * unique with "-2", "-3"… when an import of another file of the same name on the same day took
 * it, or the existing one when it cites these very bytes.
 */
function chooseDocument(
  proposed: DocumentRef,
  importedAt: string,
  fileName: string,
  bytes: Uint8Array,
  root: string,
  documents: readonly DocumentRef[],
): { document: DocumentRef; isNew: boolean } {
  const byId = new Map(documents.map((document) => [document.id, document]));
  const cited = new Set(documents.map((document) => document.file));
  for (let n = 1; ; n += 1) {
    const id = n === 1 ? proposed.id : `${proposed.id}-${n}`;
    const file = `data/imports/${importedAt}-${n === 1 ? '' : `${n}-`}${safeFileName(fileName)}`;
    const existing = byId.get(id);
    if (existing) {
      if (existing.file === file && sameBytes(join(root, file), bytes)) {
        return { document: existing, isNew: false };
      }
      continue;
    }
    if (cited.has(file) || existsSync(join(root, file))) continue;
    return { document: { ...proposed, id, file }, isNew: true };
  }
}

function lineList(lines: readonly number[]): string {
  return lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
}

/** What a curation changes, as the preview words it: "municipalities: + Has" or "kind: cso → ngo". */
function describeSet(set: CurationSet): string {
  const label = set.field.replace('_', ' ');
  if (set.field === 'kind' || set.field === 'scope') {
    return `${label}: ${set.before || '(none)'} → ${set.value}`;
  }
  const before = splitMultiValue(set.before);
  const after = splitMultiValue(set.value);
  const added = after.filter((value) => !before.includes(value));
  const removed = before.filter((value) => !after.includes(value));
  const parts = [
    ...(added.length > 0 ? [`+ ${added.join(', ')}`] : []),
    ...(removed.length > 0 ? [`− ${removed.join(', ')}`] : []),
  ];
  return `${label}: ${parts.length > 0 ? parts.join('; ') : 'reordered'}`;
}

/** The field in which the record as built differs from the record the import made, if any. */
function differingField(built: Organisation, imported: Organisation): string | null {
  const sameSet = (a: readonly string[], b: readonly string[]) =>
    new Set(a).size === new Set(b).size && a.every((value) => b.includes(value));
  if (built.kind !== imported.kind) return 'kind';
  if (built.scope !== imported.scope) return 'scope';
  if (!sameSet(built.countyIds, imported.countyIds)) return 'counties';
  if (!sameSet(built.municipalityIds, imported.municipalityIds)) return 'municipalities';
  if (!sameSet(built.activityTypes, imported.activityTypes)) return 'activity types';
  if (!sameSet(built.focusTypes, imported.focusTypes)) return 'focus types';
  return null;
}

interface CurationLine {
  set: CurationSet;
  organisationId: string;
  row: Record<(typeof CURATION_COLUMNS)[number], string>;
}

type DataWrites =
  | { ok: true; curationCsv: string; curationLines: CurationLine[]; organisationsCsv: string }
  | { ok: false; message: string };

/**
 * curation.csv and organisations.csv as the import leaves them: a change to an organisation of
 * the report becomes `set` curations, and organisations.csv is what the data build makes from
 * the new curation log and the records not from the report, with the import's added and
 * updated records among them. Refused when organisations.csv is not what the build makes now,
 * since writing the build's output would silently undo whatever made it differ.
 */
function planDataWrites(
  items: readonly ImportedOrganisation[],
  document: DocumentRef,
  importedAt: string,
  organisationsCsv: string,
  root: string,
  gazetteer: Gazetteer,
): DataWrites {
  try {
    const input = readDataBuildInput(root);
    if (buildOrganisationsCsv(input) !== organisationsCsv) {
      return {
        ok: false,
        message:
          'data/organisations.csv is not what `npm run data:build` makes from data/curation.csv; ' +
          'run it first (a change to a record of the report belongs in data/curation.csv)',
      };
    }
    const fromReport = items.filter(
      (item) => item.organisation.source.document === input.documentId,
    );
    const byRow = new Map<number, ImportedOrganisation>();
    for (const item of fromReport) {
      const row = item.organisation.source.row;
      if (row === null) throw new Error(`${item.organisation.id} cites the report without a row`);
      byRow.set(row, item);
    }
    const sets = curationSetsFor(
      input,
      [...byRow].map(([annexRow, item]) => {
        const record = organisationCsvRecord(item.organisation, gazetteer);
        return {
          annexRow,
          values: Object.fromEntries(IMPORTED_FIELDS.map((field) => [field, record[field]])),
        };
      }),
    );
    const curationLines = sets.map((set): CurationLine => {
      const item = byRow.get(set.annexRow);
      const lines = item ? ` (${lineList(item.lines)})` : '';
      return {
        set,
        organisationId: item?.organisation.id ?? '',
        row: {
          annex_row: String(set.annexRow),
          field: set.field,
          action: 'set',
          value: set.value,
          reason: `Imported from ${document.file}${lines} on ${importedAt}: ${describeSet(set)}.`,
        },
      };
    });
    const curationCsv = appendCsvRows(
      input.curationCsv,
      curationLines.map((line) => line.row),
    );
    const curationProblems = parseCuration(curationCsv).problems;
    if (curationProblems.length > 0) {
      const [first] = curationProblems;
      return {
        ok: false,
        message: `data/curation.csv would not read back (line ${first?.line}: ${first?.message})`,
      };
    }
    // The import's records not from the report replace theirs by id, or come last.
    const carriedRecords: OrganisationCsvRecord[] = [...input.carriedRecords];
    for (const item of items) {
      if (item.organisation.source.document === input.documentId) continue;
      const record = organisationCsvRecord(item.organisation, gazetteer);
      const index = carriedRecords.findIndex((carried) => carried.id === record.id);
      if (index < 0) carriedRecords.push(record);
      else carriedRecords[index] = record;
    }
    return {
      ok: true,
      curationCsv,
      curationLines,
      organisationsCsv: buildOrganisationsCsv({ ...input, curationCsv, carriedRecords }),
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** `--write`: applies the preview to data/, or says why not and writes nothing. */
function writeImport(
  args: ImportArguments,
  source: ImportSource,
  bytes: Uint8Array,
  preview: ImportPreview,
  loaded: { dataset: Dataset; gazetteer: Gazetteer },
  context: ImportCommandContext,
): number {
  const { io, root } = context;
  const importedAt = context.today?.() ?? new Date().toISOString().slice(0, 10);
  const fileName = basename(source.fileName);
  const changes: ImportChanges = importChanges(preview, loaded, {
    fileName,
    importedAt,
    skipErrors: args.skipErrors,
    ...(args.kind === undefined ? {} : { defaultKind: args.kind }),
  });
  if (!changes.ok) {
    const hint = changes.lines.length > 0 ? ' (or --skip-errors to leave them out)' : '';
    const kindHint = changes.message.code === 'missing-kind' ? ' with --kind KIND' : '';
    io.err(`nothing written: ${english('import.applyFailure', changes.message)}${kindHint}${hint}`);
    return 1;
  }
  const skipped =
    changes.skippedLines.length > 0
      ? `; left out (errors): ${changes.skippedLines.length === 1 ? 'line' : 'lines'} ${changes.skippedLines.join(', ')}`
      : '';
  const nothingToWrite = () =>
    io.out(
      `nothing to write: ${plural(changes.unchangedCount, 'organisation')} already as in the file${skipped}`,
    );
  if (changes.organisations.length === 0) {
    nothingToWrite();
    return 0;
  }

  const { document, isNew } = chooseDocument(
    changes.document,
    importedAt,
    fileName,
    bytes,
    root,
    loaded.dataset.documents,
  );
  const items = changes.organisations.map((item) =>
    item.action === 'add'
      ? {
          ...item,
          organisation: {
            ...item.organisation,
            source: { ...item.organisation.source, document: document.id },
          },
        }
      : item,
  );
  const files = readDataFiles(root);
  const planned = planDataWrites(
    items,
    document,
    importedAt,
    files.organisations,
    root,
    loaded.gazetteer,
  );
  if (!planned.ok) {
    io.err(printable(`nothing written: ${planned.message}`));
    return 1;
  }
  const { curationCsv, curationLines, organisationsCsv } = planned;
  if (curationLines.length === 0 && organisationsCsv === files.organisations) {
    nothingToWrite();
    return 0;
  }
  const documentsCsv = isNew
    ? upsertCsvRows(files.documents, [documentCsvRecord(document)])
    : files.documents;

  // The files as they would be written must read back without an error, and give every added
  // or updated record what the import says, or nothing is written.
  const check = parseDataset(
    { ...files, documents: documentsCsv, organisations: organisationsCsv },
    loaded.gazetteer,
  );
  const problems = check.problems.filter((problem) => problem.severity === 'error');
  if (problems.length > 0) {
    for (const problem of problems) io.err(formatProblem(problem));
    io.err('nothing written: the records would not read back without errors (see above)');
    return 1;
  }
  const built = new Map(check.dataset.organisations.map((o) => [o.id, o]));
  for (const { organisation } of items) {
    const record = built.get(organisation.id);
    const field = record ? differingField(record, organisation) : 'the record is missing';
    if (field !== null) {
      io.err(
        printable(
          `nothing written: the data build would not give ${organisation.id} the imported values (${field})`,
        ),
      );
      return 1;
    }
  }

  // The copy first, then the document citing it, then the curations citing the copy, then the
  // records citing the document: if one write fails, data/ still reads back (a document no
  // record cites is harmless; organisations.csv is then rebuilt by npm run data:build).
  if (isNew) writeFileAtomic(join(root, document.file), bytes);
  if (isNew) writeFileAtomic(join(root, 'data', 'documents.csv'), documentsCsv);
  if (curationLines.length > 0) writeFileAtomic(join(root, 'data', 'curation.csv'), curationCsv);
  writeFileAtomic(join(root, 'data', 'organisations.csv'), organisationsCsv);

  const added = items.filter((item) => item.action === 'add');
  const updated = items.filter((item) => item.action === 'update');
  if (isNew) {
    io.out(`wrote ${document.file} (the imported file, as received)`);
    io.out(`wrote data/documents.csv: document ${document.id}`);
  } else {
    io.out(`cited ${document.file} again (document ${document.id}, the same bytes)`);
  }
  if (curationLines.length > 0) {
    io.out(
      `wrote data/curation.csv: ${plural(curationLines.length, 'line')} added, for the organisations of the report`,
    );
    for (const { set, organisationId } of curationLines) {
      io.out(
        printable(`  + row ${set.annexRow} (${organisationId}): set ${set.field} "${set.value}"`),
      );
    }
  }
  io.out(
    `wrote data/organisations.csv: ${added.length} added, ${updated.length} updated, ` +
      `${changes.unchangedCount} unchanged${skipped}`,
  );
  for (const item of added) {
    io.out(printable(`  + ${item.organisation.id} (line ${item.lines.join(', ')})`));
  }
  for (const item of updated) {
    io.out(printable(`  ~ ${item.organisation.id}: ${item.changes.join('; ')}`));
  }
  return 0;
}

export async function runImport(
  args: readonly string[],
  context: ImportCommandContext,
): Promise<number> {
  const { io } = context;
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const { file } = parsed;
  const path = isAbsolute(file) ? file : resolve(context.cwd, file);
  const bytes = readBytes(path);
  if (typeof bytes === 'string') {
    io.err(bytes);
    return 1;
  }
  const read = await readImportSource(file, bytes);
  if (!read.ok) {
    io.err(english('import.sourceFailure', read.message));
    return 1;
  }
  const loaded = context.load();
  if (!loaded) return 1;
  const { source } = read;
  const preview = previewImportSource(source, loaded, { mode: parsed.add ? 'add' : 'replace' });
  if (parsed.json) {
    printJson(io, source, preview);
    return 0;
  }
  printProblems(io, source, preview);
  if (!parsed.write) {
    printRows(io, preview);
    return 0;
  }
  if (!loaded.sound) {
    io.err('nothing written: data/ has errors (listed above); fix them first');
    return 1;
  }
  return writeImport(parsed, source, bytes, preview, loaded, context);
}

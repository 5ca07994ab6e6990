import { CsvSyntaxError, parseCsv, serializeCsv, splitMultiValue, type CsvRecord } from './csv';
import {
  parseJsonWithLines,
  type JsonObject,
  type JsonPath,
  type JsonValue,
} from './json-locations';
import type { Dataset } from './dataset';
import type { Gazetteer } from './gazetteer-schema';
import type { DataProblem } from './parse-dataset';
import { foldPlaceText } from './place-text';
import type { PlanArea, PlannedIntervention } from './plan';

/**
 * Plan files: the planner's plans written out as CSV (for spreadsheets) or JSON (for
 * machines and browser storage), and read back with every problem named by file, line and
 * field. Reading never throws: a row with an error is left out and reported, the other rows
 * still come in, and warnings never drop a row.
 *
 * CSV, one plan per row, columns {@link PLAN_CSV_COLUMNS}:
 *
 *     id,area_level,area_id,area_name,activity_types,organisation_id,organisation_name,start,end,note
 *     plan-1,municipality,AL212,Cërrik,awareness;training,,Youth Forum,2025-03-01,,"Two, lines"
 *
 * JSON, the same fields as {@link PlannedIntervention}:
 *
 *     {"format": "harta-plans", "version": 1, "country": "AL", "plans": [{"id": "plan-1",
 *      "area": {"level": "municipality", "id": "AL212"}, "activityTypes": ["awareness"],
 *      "organisationId": null, "organisationName": "Youth Forum", "start": "2025-03-01",
 *      "end": null, "note": ""}]}
 */

export const PLAN_CSV_COLUMNS = [
  'id',
  'area_level',
  'area_id',
  'area_name',
  'activity_types',
  'organisation_id',
  'organisation_name',
  'start',
  'end',
  'note',
] as const;

export type PlanCsvColumn = (typeof PLAN_CSV_COLUMNS)[number];

/** The `format` and `version` a JSON plans file declares. */
export const PLAN_FILE_FORMAT = 'harta-plans';
export const PLAN_FILE_VERSION = 1;

/** What one file may hold, so a wrong or hostile file cannot freeze the page. */
export const PLAN_FILE_LIMITS = {
  maxPlans: 1000,
  /** Characters in any one text field. */
  maxTextLength: 500,
  /** UTF-8 bytes of the whole file (1 MB). */
  maxBytes: 1024 * 1024,
} as const;

/** What plan files are checked against: the country pack and the dataset on screen. */
export interface PlanFileContext {
  /** ISO 3166-1 alpha-2 code of the country pack, e.g. "AL". */
  countryCode: string;
  municipalities: readonly { id: string; name: string }[];
  counties: readonly { id: string; name: string }[];
  activityTypes: readonly { id: string; label: string }[];
  organisations: readonly { id: string; name: string }[];
  /** Ids already in use (the plans in the planner), which generated ids must avoid. */
  existingIds?: ReadonlySet<string>;
  /**
   * Skip the file size and plan count limits: for the planner's own saved plans, which may
   * have grown past one file's worth through several imports and must never load as nothing.
   */
  ownSavedPlans?: boolean;
}

export interface ParsedPlanFile {
  plans: PlannedIntervention[];
  problems: PlanFileProblem[];
}

/** A JSON value's kind, as a problem names what was found instead. */
export type JsonKind = 'null' | 'list' | 'object' | 'text' | 'number' | 'boolean';

type AreaLevel = PlanArea['level'];

const AREA_LEVELS: readonly AreaLevel[] = ['municipality', 'county'];

/**
 * What is wrong with a plans file, as data; `PlanFileWords` says it in a language. Values
 * from the file are already shortened (`shown`).
 */
export type PlanIssue =
  | { code: 'too-large' }
  | { code: 'empty-file' }
  | { code: 'too-many-plans'; count: number; max: number }
  | { code: 'duplicate-id'; id: string; firstLine: number }
  | { code: 'csv-unreadable'; detail: string }
  | { code: 'column-twice'; column: string }
  | { code: 'unknown-column'; column: string }
  /** Each missing column with its alternatives ("area_id" or "area_name"); then all columns. */
  | { code: 'missing-columns'; missing: string[][]; columns: string[] }
  | { code: 'extra-cells'; cells: number; columns: number }
  | { code: 'json-invalid'; column: number; detail: string }
  /** `format`: the file's format as JSON, or null when it has none. */
  | { code: 'not-plans-file'; format: string | null; expected: string }
  | { code: 'newer-version'; version: number; supported: number }
  /** `was`: the file's version as JSON, or null when it has none. */
  | { code: 'wrong-version'; was: string | null; expected: number }
  | { code: 'no-country'; example: string }
  | { code: 'other-country'; country: string; expected: string }
  | { code: 'plans-not-list'; was: JsonKind | null }
  | { code: 'unknown-field'; name: string }
  | { code: 'root-not-plans'; was: JsonKind }
  | { code: 'plan-not-object'; index: number; was: JsonKind }
  | { code: 'not-text'; was: JsonKind }
  | { code: 'area-not-object'; example: string; was: JsonKind }
  | { code: 'activity-type-not-text'; was: JsonKind }
  | { code: 'activity-types-not-list'; was: JsonKind }
  | { code: 'too-long'; length: number; max: number }
  | { code: 'value-too-long'; length: number; max: number }
  | { code: 'id-has-spaces'; id: string }
  /** `allowed`: the values an area level may have. */
  | { code: 'area-level-empty'; allowed: string[] }
  | { code: 'area-level-invalid'; allowed: string[]; value: string }
  | { code: 'area-name-differs'; name: string; id: string; knownName: string }
  | { code: 'area-wrong-level'; id: string; level: AreaLevel }
  | { code: 'area-id-unknown'; id: string; level: AreaLevel }
  /** `column`: the column that would tell them apart. */
  | { code: 'area-name-ambiguous'; name: string; level: AreaLevel; ids: string[]; column: string }
  | { code: 'area-name-unknown'; name: string; level: AreaLevel }
  | { code: 'area-empty' }
  | { code: 'activity-types-empty'; example: string | null }
  | { code: 'activity-type-unknown'; value: string; known: string[] }
  | { code: 'organisation-unknown'; id: string }
  | { code: 'organisation-name-differs'; name: string; id: string; datasetName: string }
  | { code: 'organisation-empty' }
  | { code: 'date-invalid'; value: string }
  | { code: 'end-before-start'; start: string; end: string };

/** A problem of a plans file: where (file, line, field), how bad, and what, in English and as data. */
export interface PlanFileProblem extends DataProblem {
  issue: PlanIssue;
}

/** The words plan-file problems are told in; English here, other languages in src/i18n. */
export interface PlanFileWords {
  issue: (issue: PlanIssue) => string;
  /** "Warning: plans.csv, line 4, start: <text>". */
  problem: (where: {
    file: string;
    line: number;
    field: string | undefined;
    warning: boolean;
    text: string;
  }) => string;
}

const JSON_KIND_EN: Record<JsonKind, string> = {
  null: 'null',
  list: 'a list',
  object: 'an object',
  text: 'text',
  number: 'a number',
  boolean: 'true or false',
};

/** '"municipality" or "county"'. */
const quotedEn = (values: readonly string[]) => values.map((value) => `"${value}"`).join(' or ');

function englishIssue(issue: PlanIssue): string {
  switch (issue.code) {
    case 'too-large':
      return 'is larger than 1 MB, the most a plans file may hold';
    case 'empty-file':
      return 'is empty: it holds no plans';
    case 'too-many-plans':
      return `holds ${issue.count} plans; at most ${issue.max} can be imported from one file`;
    case 'duplicate-id':
      return `duplicate id "${issue.id}" (first on line ${issue.firstLine})`;
    case 'csv-unreadable':
      return `cannot be read as CSV: ${issue.detail}`;
    case 'column-twice':
      return `column "${issue.column}" appears twice`;
    case 'unknown-column':
      return `unknown column "${issue.column}" is ignored`;
    case 'missing-columns':
      return `missing column(s): ${issue.missing.map((alternatives) => alternatives.join(' or ')).join(', ')}. The columns are: ${issue.columns.join(', ')}`;
    case 'extra-cells':
      return `has ${issue.cells} cells, the header has ${issue.columns}`;
    case 'json-invalid':
      return `is not valid JSON (column ${issue.column}): ${issue.detail}`;
    case 'not-plans-file':
      return issue.format === null
        ? `is not a Harta plans file: it has no "format": "${issue.expected}"`
        : `is not a Harta plans file: its format is ${issue.format}, not "${issue.expected}"`;
    case 'newer-version':
      return `is version ${issue.version} of the plans file, written by a newer Harta; this one reads version ${issue.supported}`;
    case 'wrong-version':
      return `must be ${issue.expected} (was ${issue.was ?? 'missing'})`;
    case 'no-country':
      return `must name the country the plans are for, e.g. "${issue.example}"`;
    case 'other-country':
      return `holds plans for country "${issue.country}", but the map shows "${issue.expected}"; its areas would not match`;
    case 'plans-not-list':
      return `must be a list of plans (was ${issue.was === null ? 'missing' : JSON_KIND_EN[issue.was]})`;
    case 'unknown-field':
      return `unknown field "${issue.name}" is ignored`;
    case 'root-not-plans':
      return `must be a plans file object or a list of plans (was ${JSON_KIND_EN[issue.was]})`;
    case 'plan-not-object':
      return `each plan must be an object (plan ${issue.index} is ${JSON_KIND_EN[issue.was]})`;
    case 'not-text':
      return `must be text (was ${JSON_KIND_EN[issue.was]})`;
    case 'area-not-object':
      return `must be an object like ${issue.example} (was ${JSON_KIND_EN[issue.was]})`;
    case 'activity-type-not-text':
      return `each activity type must be text (was ${JSON_KIND_EN[issue.was]})`;
    case 'activity-types-not-list':
      return `must be a list of activity types, e.g. ["awareness"] (was ${JSON_KIND_EN[issue.was]})`;
    case 'too-long':
      return `is ${issue.length} characters long; at most ${issue.max} are allowed`;
    case 'value-too-long':
      return `holds a value ${issue.length} characters long; at most ${issue.max} are allowed`;
    case 'id-has-spaces':
      return `"${issue.id}" must not contain spaces`;
    case 'area-level-empty':
      return `is empty: give ${quotedEn(issue.allowed)}`;
    case 'area-level-invalid':
      return `must be ${quotedEn(issue.allowed)} (was "${issue.value}")`;
    case 'area-name-differs':
      return `is "${issue.name}", but ${issue.id} is ${issue.knownName}; the id is used`;
    case 'area-wrong-level':
      return `"${issue.id}" is a ${issue.level === 'municipality' ? 'county' : 'municipality'}, not a ${issue.level}`;
    case 'area-id-unknown':
      return `no ${issue.level} has the id "${issue.id}"`;
    case 'area-name-ambiguous':
      return `"${issue.name}" names several ${issue.level === 'county' ? 'counties' : 'municipalities'} (${issue.ids.join(', ')}); give ${issue.column}`;
    case 'area-name-unknown':
      return `no ${issue.level} is called "${issue.name}"`;
    case 'area-empty':
      return 'is empty: give the area id or its name';
    case 'activity-types-empty':
      return `is empty: give at least one activity type${issue.example ? ` (e.g. ${issue.example})` : ''}`;
    case 'activity-type-unknown':
      return `unknown activity type "${issue.value}" (known: ${issue.known.join(', ')})`;
    case 'organisation-unknown':
      return `no organisation in the dataset has the id "${issue.id}"`;
    case 'organisation-name-differs':
      return `is "${issue.name}", but organisation ${issue.id} is called "${issue.datasetName}" in the dataset; that name is kept`;
    case 'organisation-empty':
      return 'is empty: give the organisation id or its name';
    case 'date-invalid':
      return `"${issue.value}" is not a date written YYYY-MM-DD, e.g. 2025-03-31`;
    case 'end-before-start':
      return `${issue.end} is before the start, ${issue.start}`;
  }
}

/**
 * The issue with each value taken from the file or naming a column (ids, names, columns,
 * values) passed through `mark`, so the interface can show them as data; the parser's own
 * `detail` and the words chosen by code, level or kind are left as they are.
 */
export function markIssueValues(issue: PlanIssue, mark: (value: string) => string): PlanIssue {
  const kept = new Set(['code', 'level', 'was', 'detail']);
  const marked = (value: unknown): unknown =>
    typeof value === 'string' ? mark(value) : Array.isArray(value) ? value.map(marked) : value;
  return Object.fromEntries(
    Object.entries(issue).map(([key, value]) => [key, kept.has(key) ? value : marked(value)]),
  ) as PlanIssue;
}

/** Plan-file problems in English, as `message` carries them. */
export const ENGLISH_PLAN_FILE_WORDS: PlanFileWords = {
  issue: englishIssue,
  problem: ({ file, line, field, warning, text }) =>
    `${warning ? 'Warning: ' : ''}${file}, line ${line}${field ? `, ${field}` : ''}: ${text}`,
};

/** The plans file as JSON, before it is pretty-printed. */
export interface PlanFileDocument {
  format: typeof PLAN_FILE_FORMAT;
  version: typeof PLAN_FILE_VERSION;
  country: string;
  plans: PlannedIntervention[];
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * A cell starting with one of these is run as a formula by spreadsheets (CSV injection), so
 * {@link serializePlansCsv} puts an apostrophe in front of it in the columns people type
 * (`id`, `organisation_name`, `note`). Apostrophes already leading such a cell get one more,
 * so reading strips exactly one back and the round trip is lossless: "=1+1" is written
 * "'=1+1", "'=1+1" is written "''=1+1", and "'quoted" is left alone.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED_FORMULA = /^'+[=+\-@\t\r]/;
const GUARDED_COLUMNS: ReadonlySet<string> = new Set(['id', 'organisation_name', 'note']);

const guardFormula = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);
const unguardFormula = (value: string) => (GUARDED_FORMULA.test(value) ? value.slice(1) : value);

/**
 * Writes plans as CSV for spreadsheets: a byte-order mark first (so Excel reads "ë" as UTF-8),
 * LF line ends, `activity_types` as ids joined by ";", `area_name` the official name (for
 * people; reading goes by `area_id`), empty cells for missing dates and organisation ids.
 */
export function serializePlansCsv(
  plans: readonly PlannedIntervention[],
  context: Pick<PlanFileContext, 'municipalities' | 'counties'>,
): string {
  const names = {
    municipality: new Map(context.municipalities.map((area) => [area.id, area.name])),
    county: new Map(context.counties.map((area) => [area.id, area.name])),
  };
  const rows = plans.map((plan) => {
    const row: Record<PlanCsvColumn, string> = {
      id: plan.id,
      area_level: plan.area.level,
      area_id: plan.area.id,
      area_name: names[plan.area.level].get(plan.area.id) ?? '',
      activity_types: plan.activityTypes.join(';'),
      organisation_id: plan.organisationId ?? '',
      organisation_name: plan.organisationName,
      start: plan.start ?? '',
      end: plan.end ?? '',
      note: plan.note,
    };
    return PLAN_CSV_COLUMNS.map((column) =>
      GUARDED_COLUMNS.has(column) ? guardFormula(row[column]) : row[column],
    );
  });
  return `\uFEFF${serializeCsv(PLAN_CSV_COLUMNS, rows)}`;
}

/** Writes plans as the JSON plans file, pretty-printed with two spaces and a final newline. */
export function serializePlansJson(
  plans: readonly PlannedIntervention[],
  context: Pick<PlanFileContext, 'countryCode'>,
): string {
  const document: PlanFileDocument = {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FILE_VERSION,
    country: context.countryCode,
    // Field by field, so nothing but the plan's own fields is written, always in this order.
    plans: plans.map((plan) => ({
      id: plan.id,
      area: { level: plan.area.level, id: plan.area.id },
      activityTypes: [...plan.activityTypes],
      organisationId: plan.organisationId,
      organisationName: plan.organisationName,
      start: plan.start,
      end: plan.end,
      note: plan.note,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading

type PlanField =
  | 'id'
  | 'areaLevel'
  | 'areaId'
  | 'areaName'
  | 'activityTypes'
  | 'organisationId'
  | 'organisationName'
  | 'start'
  | 'end'
  | 'note';

type TextField = Exclude<PlanField, 'activityTypes'>;

const CSV_FIELD: Record<PlanField, PlanCsvColumn> = {
  id: 'id',
  areaLevel: 'area_level',
  areaId: 'area_id',
  areaName: 'area_name',
  activityTypes: 'activity_types',
  organisationId: 'organisation_id',
  organisationName: 'organisation_name',
  start: 'start',
  end: 'end',
  note: 'note',
};

const JSON_FIELD_PATH: Record<PlanField, readonly string[]> = {
  id: ['id'],
  areaLevel: ['area', 'level'],
  areaId: ['area', 'id'],
  areaName: ['area', 'name'],
  activityTypes: ['activityTypes'],
  organisationId: ['organisationId'],
  organisationName: ['organisationName'],
  start: ['start'],
  end: ['end'],
  note: ['note'],
};

/** One plan as the file gives it, CSV or JSON alike, before it is checked. */
interface PlanRecord {
  /** Line where the row or object starts. */
  line: number;
  text: Partial<Record<TextField, string>>;
  activityTypes: string[];
  /** Where a field is, for problems: its line and its name in this file format. */
  locate: (field: PlanField) => { line: number; field: string };
  /** True when reading the record already found an error (a wrong JSON type, say). */
  broken: boolean;
  /** Fields whose error reading already reported, so checking does not report them again. */
  reported: Set<PlanField>;
  /** True when the record is not a plan at all (a JSON string in the list), so not checked. */
  unreadable?: boolean;
}

type Report = (
  line: number,
  issue: PlanIssue,
  field?: string,
  severity?: DataProblem['severity'],
) => void;

/** Shows a value inside a message, shortened so one bad cell cannot flood the screen. */
const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

/** UTF-8 length of a string, stopping early once past `limit`. */
function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i += 1) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/** Allocates "plan-<n>" ids, the smallest n first, never one in `taken`. */
function planIdAllocator(taken: Set<string>): () => string {
  let n = 1;
  return () => {
    while (taken.has(`plan-${n}`)) n += 1;
    const id = `plan-${n}`;
    taken.add(id);
    return id;
  };
}

/** Calendar dates only: "2025-02-30" and "2025-13-01" are refused. */
function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * Reads a plans file, CSV or JSON (told apart by content: JSON starts with "{" or "[", a
 * bare array of plans included), and checks every field against the context.
 *
 * - `area_level` is "municipality" or "county"; `area_id` a known id of that level, or, when
 *   empty, `area_name` the official name of one ("Cerrik" finds "Cërrik").
 * - `activity_types` are ids or labels (any case), ";"-separated in CSV, a list in JSON; one
 *   at least.
 * - `organisation_id`, when given, is an organisation of the dataset, whose name wins over the
 *   file's (with a warning when they differ); without it, `organisation_name` is required.
 * - `start` and `end` are calendar dates YYYY-MM-DD or empty, and end is not before start.
 * - `id`, when empty, becomes "plan-<n>", unused in the file and in `context.existingIds`; an
 *   id given twice in one file is an error on the second.
 *
 * A file over {@link PLAN_FILE_LIMITS} (bytes or plans), a JSON file of another format,
 * version or country, or a file that is not valid CSV or JSON, gives one error and no plans.
 */
export function parsePlansFile(
  fileName: string,
  text: string,
  context: PlanFileContext,
): ParsedPlanFile {
  const problems: PlanFileProblem[] = [];
  const report: Report = (line, issue, field, severity = 'error') =>
    problems.push({
      file: fileName,
      line,
      message: englishIssue(issue),
      severity,
      ...(field ? { field } : {}),
      issue,
    });

  const bytes = context.ownSavedPlans ? 0 : utf8Length(text, PLAN_FILE_LIMITS.maxBytes);
  if (bytes > PLAN_FILE_LIMITS.maxBytes) {
    report(1, { code: 'too-large' });
    return { plans: [], problems };
  }

  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstCharacter = content.trimStart()[0];
  if (firstCharacter === undefined) {
    report(1, { code: 'empty-file' });
    return { plans: [], problems };
  }
  const records =
    firstCharacter === '{' || firstCharacter === '['
      ? readJsonRecords(content, context, report)
      : readCsvRecords(content, report);
  if (records === null) return { plans: [], problems };

  const overLimit = context.ownSavedPlans ? undefined : records[PLAN_FILE_LIMITS.maxPlans];
  if (overLimit) {
    report(overLimit.line, {
      code: 'too-many-plans',
      count: records.length,
      max: PLAN_FILE_LIMITS.maxPlans,
    });
    return { plans: [], problems };
  }

  const taken = new Set(context.existingIds ?? []);
  for (const record of records) {
    const id = record.text.id?.trim();
    if (id) taken.add(id);
  }
  const nextId = planIdAllocator(taken);
  const checker = planChecker(context, report);
  const firstLineOfId = new Map<string, number>();
  const plans: PlannedIntervention[] = [];
  for (const record of records) {
    let broken = record.broken;
    const id = record.text.id?.trim() ?? '';
    if (id !== '') {
      const where = record.locate('id');
      const first = firstLineOfId.get(id);
      if (first !== undefined) {
        report(where.line, { code: 'duplicate-id', id: shown(id), firstLine: first }, where.field);
        broken = true;
      } else {
        firstLineOfId.set(id, where.line);
      }
    }
    const plan = record.unreadable ? null : checker(record, id);
    if (plan && !broken) plans.push({ ...plan, id: id === '' ? nextId() : id });
  }
  // Stable: problems on one line keep the order of the fields.
  problems.sort((a, b) => a.line - b.line);
  return { plans, problems };
}

/**
 * Formats a plan-file problem in plain words: "plans.csv, line 4, start: …", in English or in
 * the words given.
 */
export function describePlanProblem(
  problem: DataProblem & { issue?: PlanIssue },
  words: PlanFileWords = ENGLISH_PLAN_FILE_WORDS,
): string {
  return words.problem({
    file: problem.file,
    line: problem.line,
    field: problem.field,
    warning: problem.severity === 'warning',
    text: problem.issue ? words.issue(problem.issue) : problem.message,
  });
}

function readCsvRecords(content: string, report: Report): PlanRecord[] | null {
  // Spreadsheets set to a comma-decimal locale write ";" between cells.
  const firstLine = content.split(/\r?\n|\r/, 1)[0] ?? '';
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  let header: string[];
  let rows: CsvRecord[];
  try {
    ({ header, records: rows } = parseCsv(content, delimiter));
  } catch (error) {
    const line = error instanceof CsvSyntaxError ? error.line : 1;
    report(line, {
      code: 'csv-unreadable',
      detail: error instanceof Error ? error.message : 'unknown',
    });
    return null;
  }
  const columns = header.map((name) => name.toLowerCase());
  const known: ReadonlySet<string> = new Set(PLAN_CSV_COLUMNS);
  const seen = new Set<string>();
  let headerOk = true;
  for (const column of columns) {
    if (seen.has(column)) {
      report(1, { code: 'column-twice', column }, column);
      headerOk = false;
    }
    seen.add(column);
    if (!known.has(column)) report(1, { code: 'unknown-column', column }, column, 'warning');
  }
  const missing: string[][] = [];
  for (const required of ['area_level', 'activity_types']) {
    if (!seen.has(required)) missing.push([required]);
  }
  if (!seen.has('area_id') && !seen.has('area_name')) missing.push(['area_id', 'area_name']);
  if (!seen.has('organisation_id') && !seen.has('organisation_name')) {
    missing.push(['organisation_id', 'organisation_name']);
  }
  if (missing.length > 0) {
    report(1, { code: 'missing-columns', missing, columns: [...PLAN_CSV_COLUMNS] });
    headerOk = false;
  }
  if (!headerOk) return null;

  return rows.map((row) => {
    const cell = (column: PlanCsvColumn) => {
      const index = columns.indexOf(column);
      const value = index < 0 ? '' : (row.values[index] ?? '');
      return GUARDED_COLUMNS.has(column) ? unguardFormula(value) : value;
    };
    const text: PlanRecord['text'] = {};
    for (const field of Object.keys(CSV_FIELD) as PlanField[]) {
      if (field !== 'activityTypes') text[field] = cell(CSV_FIELD[field]);
    }
    let broken = false;
    if (row.values.length > columns.length) {
      report(row.line, { code: 'extra-cells', cells: row.values.length, columns: columns.length });
      broken = true;
    }
    return {
      line: row.line,
      text,
      activityTypes: splitMultiValue(cell('activity_types')),
      locate: (field: PlanField) => ({ line: row.line, field: CSV_FIELD[field] }),
      broken,
      reported: new Set<PlanField>(),
    };
  });
}

const jsonType = (value: JsonValue): JsonKind =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'list'
      : typeof value === 'object'
        ? 'object'
        : typeof value === 'string'
          ? 'text'
          : typeof value === 'number'
            ? 'number'
            : 'boolean';

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const own = (object: JsonObject, name: string): JsonValue | undefined =>
  Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined;

function readJsonRecords(
  content: string,
  context: PlanFileContext,
  report: Report,
): PlanRecord[] | null {
  const parsed = parseJsonWithLines(content);
  if (!parsed.ok) {
    const { line, column, message } = parsed.problem;
    report(line, { code: 'json-invalid', column, detail: message });
    return null;
  }
  const { value: root, lineOf } = parsed;
  let plansValue: JsonValue[];
  let plansPath: JsonPath;
  if (Array.isArray(root)) {
    plansValue = root;
    plansPath = [];
  } else if (isObject(root)) {
    const format = own(root, 'format');
    const version = own(root, 'version');
    const country = own(root, 'country');
    const plansField = own(root, 'plans');
    if (format !== PLAN_FILE_FORMAT) {
      report(
        lineOf(['format']),
        {
          code: 'not-plans-file',
          format: format === undefined ? null : JSON.stringify(format),
          expected: PLAN_FILE_FORMAT,
        },
        'format',
      );
      return null;
    }
    if (version !== PLAN_FILE_VERSION) {
      report(
        lineOf(['version']),
        typeof version === 'number' && version > PLAN_FILE_VERSION
          ? { code: 'newer-version', version, supported: PLAN_FILE_VERSION }
          : {
              code: 'wrong-version',
              was: version === undefined ? null : JSON.stringify(version),
              expected: PLAN_FILE_VERSION,
            },
        'version',
      );
      return null;
    }
    if (typeof country !== 'string' || country.trim() === '') {
      report(lineOf(['country']), { code: 'no-country', example: context.countryCode }, 'country');
      return null;
    }
    if (country.trim().toUpperCase() !== context.countryCode.toUpperCase()) {
      report(
        lineOf(['country']),
        { code: 'other-country', country: shown(country), expected: context.countryCode },
        'country',
      );
      return null;
    }
    if (!Array.isArray(plansField)) {
      report(
        lineOf(['plans']),
        { code: 'plans-not-list', was: plansField === undefined ? null : jsonType(plansField) },
        'plans',
      );
      return null;
    }
    for (const name of Object.keys(root)) {
      if (!['format', 'version', 'country', 'plans'].includes(name)) {
        report(lineOf([name]), { code: 'unknown-field', name: shown(name) }, name, 'warning');
      }
    }
    plansValue = plansField;
    plansPath = ['plans'];
  } else {
    report(lineOf([]), { code: 'root-not-plans', was: jsonType(root) });
    return null;
  }

  return plansValue.map((item, index) => {
    const path = [...plansPath, index];
    const line = lineOf(path);
    const locate = (field: PlanField) => ({
      line: lineOf([...path, ...JSON_FIELD_PATH[field]]),
      field: JSON_FIELD_PATH[field].join('.'),
    });
    const record: PlanRecord = {
      line,
      text: {},
      activityTypes: [],
      locate,
      broken: false,
      reported: new Set(),
    };
    if (!isObject(item)) {
      report(line, { code: 'plan-not-object', index: index + 1, was: jsonType(item) });
      record.broken = true;
      record.unreadable = true;
      return record;
    }
    const takeText = (field: TextField, value: JsonValue | undefined) => {
      if (value === undefined || value === null) return;
      if (typeof value !== 'string') {
        const where = locate(field);
        report(where.line, { code: 'not-text', was: jsonType(value) }, where.field);
        record.broken = true;
        record.reported.add(field);
        return;
      }
      record.text[field] = value;
    };
    const warnUnknown = (object: JsonObject, known: readonly string[], prefix: JsonPath) => {
      for (const name of Object.keys(object)) {
        if (!known.includes(name)) {
          const fieldPath = [...prefix, name];
          report(
            lineOf([...path, ...fieldPath]),
            { code: 'unknown-field', name: shown(name) },
            fieldPath.join('.'),
            'warning',
          );
        }
      }
    };
    warnUnknown(
      item,
      ['id', 'area', 'activityTypes', 'organisationId', 'organisationName', 'start', 'end', 'note'],
      [],
    );
    takeText('id', own(item, 'id'));
    const area = own(item, 'area');
    if (isObject(area)) {
      takeText('areaLevel', own(area, 'level'));
      takeText('areaId', own(area, 'id'));
      takeText('areaName', own(area, 'name'));
      warnUnknown(area, ['level', 'id', 'name'], ['area']);
    } else if (area !== undefined && area !== null) {
      report(
        lineOf([...path, 'area']),
        {
          code: 'area-not-object',
          example: '{"level": "municipality", "id": "…"}',
          was: jsonType(area),
        },
        'area',
      );
      record.broken = true;
      for (const field of ['areaLevel', 'areaId', 'areaName'] as const) record.reported.add(field);
    }
    const activityTypes = own(item, 'activityTypes');
    if (Array.isArray(activityTypes)) {
      let nonText = false;
      activityTypes.forEach((value, typeIndex) => {
        if (typeof value === 'string') {
          if (value.trim() !== '') record.activityTypes.push(value.trim());
        } else {
          report(
            lineOf([...path, 'activityTypes', typeIndex]),
            { code: 'activity-type-not-text', was: jsonType(value) },
            'activityTypes',
          );
          record.broken = true;
          nonText = true;
        }
      });
      // "is empty" would only repeat the error above.
      if (nonText && record.activityTypes.length === 0) record.reported.add('activityTypes');
    } else if (activityTypes !== undefined && activityTypes !== null) {
      report(
        lineOf([...path, 'activityTypes']),
        { code: 'activity-types-not-list', was: jsonType(activityTypes) },
        'activityTypes',
      );
      record.broken = true;
      record.reported.add('activityTypes');
    }
    takeText('organisationId', own(item, 'organisationId'));
    takeText('organisationName', own(item, 'organisationName'));
    takeText('start', own(item, 'start'));
    takeText('end', own(item, 'end'));
    takeText('note', own(item, 'note'));
    return record;
  });
}

/**
 * Checks one record against the context; returns the plan (with `id` still to be set when the
 * file gives none) or null when the record has an error. Reports every problem it finds, not
 * only the first, so one pass over the file fixes it.
 */
function planChecker(
  context: PlanFileContext,
  report: Report,
): (record: PlanRecord, id: string) => PlannedIntervention | null {
  // Ids are matched in any case ("al212" finds AL212); the plan keeps the id as listed.
  const byId = <T extends { id: string }>(items: readonly T[]) =>
    new Map(items.map((item) => [item.id.toLowerCase(), item]));
  const areasByLevel = {
    municipality: byId(context.municipalities),
    county: byId(context.counties),
  };
  const namesByLevel = {
    municipality: groupByFoldedName(context.municipalities),
    county: groupByFoldedName(context.counties),
  };
  const activityTypeIds = new Map<string, string>();
  for (const type of context.activityTypes) {
    activityTypeIds.set(foldPlaceText(type.label), type.id);
  }
  for (const type of context.activityTypes) activityTypeIds.set(foldPlaceText(type.id), type.id);
  const organisations = byId(context.organisations);

  return (record, id) => {
    let ok = true;
    const error = (field: PlanField, issue: PlanIssue) => {
      ok = false;
      if (record.reported.has(field)) return;
      const where = record.locate(field);
      report(where.line, issue, where.field);
    };
    const warn = (field: PlanField, issue: PlanIssue) => {
      const where = record.locate(field);
      report(where.line, issue, where.field, 'warning');
    };

    for (const [field, value] of Object.entries(record.text) as [TextField, string][]) {
      if (value.length > PLAN_FILE_LIMITS.maxTextLength) {
        error(field, {
          code: 'too-long',
          length: value.length,
          max: PLAN_FILE_LIMITS.maxTextLength,
        });
      }
    }
    const long = record.activityTypes.find((v) => v.length > PLAN_FILE_LIMITS.maxTextLength);
    if (long !== undefined) {
      error('activityTypes', {
        code: 'value-too-long',
        length: long.length,
        max: PLAN_FILE_LIMITS.maxTextLength,
      });
    }
    const text = (field: TextField) => (record.text[field] ?? '').trim();

    if (/\s/.test(id)) error('id', { code: 'id-has-spaces', id: shown(id) });

    // Area.
    let area: PlanArea | null = null;
    const levelText = text('areaLevel').toLowerCase();
    if (levelText !== 'municipality' && levelText !== 'county') {
      error(
        'areaLevel',
        levelText === ''
          ? { code: 'area-level-empty', allowed: [...AREA_LEVELS] }
          : {
              code: 'area-level-invalid',
              allowed: [...AREA_LEVELS],
              value: shown(text('areaLevel')),
            },
      );
    } else {
      const level = levelText;
      const otherLevel = level === 'municipality' ? 'county' : 'municipality';
      const areaIssue = (code: 'area-id-unknown' | 'area-wrong-level', id: string) =>
        ({ code, id: shown(id), level }) as const;
      const areaId = text('areaId');
      const areaName = text('areaName');
      if (areaId !== '') {
        const known = areasByLevel[level].get(areaId.toLowerCase());
        if (known) {
          area = { level, id: known.id };
          if (areaName !== '' && foldPlaceText(areaName) !== foldPlaceText(known.name)) {
            warn('areaName', {
              code: 'area-name-differs',
              name: shown(areaName),
              id: known.id,
              knownName: known.name,
            });
          }
        } else if (areasByLevel[otherLevel].has(areaId.toLowerCase())) {
          error('areaId', areaIssue('area-wrong-level', areaId));
        } else {
          error('areaId', areaIssue('area-id-unknown', areaId));
        }
      } else if (areaName !== '') {
        const matches = namesByLevel[level].get(foldPlaceText(areaName)) ?? [];
        const [match] = matches;
        if (matches.length === 1 && match) {
          area = { level, id: match.id };
        } else if (matches.length > 1) {
          error('areaName', {
            code: 'area-name-ambiguous',
            name: shown(areaName),
            level,
            ids: matches.map((m) => m.id),
            column: 'area_id',
          });
        } else {
          error('areaName', { code: 'area-name-unknown', name: shown(areaName), level });
        }
      } else {
        error('areaId', { code: 'area-empty' });
      }
    }

    // Activity types.
    const activityTypes: string[] = [];
    if (record.activityTypes.length === 0) {
      error('activityTypes', {
        code: 'activity-types-empty',
        example: context.activityTypes[0]?.id ?? null,
      });
    }
    for (const value of record.activityTypes) {
      const typeId = activityTypeIds.get(foldPlaceText(value));
      if (typeId === undefined) {
        error('activityTypes', {
          code: 'activity-type-unknown',
          value: shown(value),
          known: context.activityTypes.map((type) => type.id),
        });
      } else if (!activityTypes.includes(typeId)) {
        activityTypes.push(typeId);
      }
    }

    // Organisation.
    const organisationIdText = text('organisationId');
    const typedName = text('organisationName');
    let organisationId: string | null = null;
    let organisationName = typedName;
    if (organisationIdText !== '') {
      const organisation = organisations.get(organisationIdText.toLowerCase());
      if (!organisation) {
        error('organisationId', { code: 'organisation-unknown', id: shown(organisationIdText) });
      } else {
        organisationId = organisation.id;
        organisationName = organisation.name;
        if (typedName !== '' && typedName !== organisation.name) {
          warn('organisationName', {
            code: 'organisation-name-differs',
            name: shown(typedName),
            id: organisation.id,
            datasetName: organisation.name,
          });
        }
      }
    } else if (typedName === '') {
      error('organisationName', { code: 'organisation-empty' });
    }

    // Dates.
    const date = (field: 'start' | 'end') => {
      const value = text(field);
      if (value === '') return null;
      if (!isIsoDate(value)) {
        error(field, { code: 'date-invalid', value: shown(value) });
        return null;
      }
      return value;
    };
    const start = date('start');
    const end = date('end');
    if (start !== null && end !== null && end < start) {
      error('end', { code: 'end-before-start', start, end });
    }

    if (!ok || area === null) return null;
    return {
      id,
      area,
      activityTypes,
      organisationId,
      organisationName,
      start,
      end,
      note: record.text.note ?? '',
    };
  };
}

function groupByFoldedName<T extends { name: string }>(areas: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const area of areas) {
    const key = foldPlaceText(area.name);
    groups.set(key, [...(groups.get(key) ?? []), area]);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Merging

export interface PlanMerge {
  /** The existing plans, unchanged and in order, then the added ones. */
  plans: PlannedIntervention[];
  /** Imported plans that were appended, with their final ids. */
  added: PlannedIntervention[];
  /** Imported plans identical to one already there (same id and fields). */
  skipped: PlannedIntervention[];
  /** Imported plans whose id was taken by a different plan, and the fresh id each got. */
  renamed: { from: string; to: string }[];
}

/** True when two plans hold the same id and fields (activity types in the same order). */
export function plansEqual(a: PlannedIntervention, b: PlannedIntervention): boolean {
  return (
    a.id === b.id &&
    a.area.level === b.area.level &&
    a.area.id === b.area.id &&
    a.activityTypes.length === b.activityTypes.length &&
    a.activityTypes.every((type, index) => type === b.activityTypes[index]) &&
    a.organisationId === b.organisationId &&
    a.organisationName === b.organisationName &&
    a.start === b.start &&
    a.end === b.end &&
    a.note === b.note
  );
}

/**
 * Adds imported plans to existing ones without ever removing or changing one: an imported
 * plan identical to one already there is skipped (importing the same file twice adds
 * nothing); one whose id is taken by a different plan is added under a fresh "plan-<n>" id,
 * unless a plan with its very fields is already there under another id (the fresh id an
 * earlier import of the same file gave it), in which case it is skipped too.
 */
export function mergeImportedPlans(
  existing: readonly PlannedIntervention[],
  imported: readonly PlannedIntervention[],
): PlanMerge {
  const plans = [...existing];
  const byId = new Map(existing.map((plan) => [plan.id, plan]));
  const nextId = planIdAllocator(new Set([...byId.keys(), ...imported.map((plan) => plan.id)]));
  const added: PlannedIntervention[] = [];
  const skipped: PlannedIntervention[] = [];
  const renamed: PlanMerge['renamed'] = [];
  for (const plan of imported) {
    const holder = byId.get(plan.id);
    // The second test catches a file imported again after its plans were renamed.
    if (
      holder &&
      (plansEqual(holder, plan) ||
        plans.some((other) => plansEqual(other, { ...plan, id: other.id })))
    ) {
      skipped.push(plan);
      continue;
    }
    const copy: PlannedIntervention = {
      ...plan,
      id: holder ? nextId() : plan.id,
      area: { ...plan.area },
      activityTypes: [...plan.activityTypes],
    };
    if (holder) renamed.push({ from: plan.id, to: copy.id });
    byId.set(copy.id, copy);
    plans.push(copy);
    added.push(copy);
  }
  return { plans, added, skipped, renamed };
}

/** The context plan files are read and written against, from a country pack and its dataset. */
export function planFileContextOf(
  gazetteer: Gazetteer,
  dataset: Dataset,
  existingIds?: ReadonlySet<string>,
): PlanFileContext {
  return {
    countryCode: gazetteer.country.code,
    municipalities: gazetteer.municipalities.map(({ id, name }) => ({ id, name })),
    counties: gazetteer.counties.map(({ id, name }) => ({ id, name })),
    activityTypes: dataset.activityTypes.map(({ id, label }) => ({ id, label })),
    organisations: dataset.organisations.map(({ id, name }) => ({ id, name })),
    ...(existingIds ? { existingIds } : {}),
  };
}

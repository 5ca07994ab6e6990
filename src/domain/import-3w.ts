import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv';
import type { Dataset, Organisation, Scope, TaxonomyEntry } from './dataset';
import type { Gazetteer } from './gazetteer-schema';
import { classifyByKeywords } from './keyword-classifier';
import type { ImportField } from './hxl-fields';
import { boundedEditDistance, foldPlaceText } from './place-text';
import { createPlaceResolver, type AreaRef, type ResolvedArea } from './resolve-places';
import { detectCsvDelimiter, type CsvDelimiter } from './text-decoding';
import { normaliseWebsite } from './website';

/**
 * Reading partners' 3W sheets ("who does what where"): one parser and validator shared by the
 * app's import preview and `harta import`. It takes text already decoded (see
 * text-decoding.ts), maps the columns (HXL hashtags or headers people write, in English or
 * Albanian), resolves every place through the same resolver as the dataset, and says per line
 * what would be added, updated or left unchanged, and what is wrong.
 *
 * Nothing is lost: every non-blank data line ends up in `rows` (when it has an organisation
 * name, even if it also has errors) or in `errors` (always, when it has no name), and every
 * problem carries the 1-based line in the file (the header is line 1 in an ordinary file).
 * Text is kept as written: no escaping and no stripping here (an `<img onerror=…>` name stays
 * exactly that, to be shown as text by the UI).
 */

export { HXL_TAG_BY_FIELD, IMPORT_FIELDS, type ImportField } from './hxl-fields';

export interface ImportRow {
  /** 1-based line in the file where the row starts. */
  line: number;
  /** As written, trimmed; never escaped or stripped. */
  organisation: string;
  acronym: string | null;
  /** Id of a known organisation kind, or null (see `kindText`). */
  kind: string | null;
  /** The kind as written, or null when the sheet gives none. */
  kindText: string | null;
  /** Activity type ids. */
  activityTypes: string[];
  /** The activity cells as written (kept even when no type is recognised). */
  activityText: string | null;
  focusTypes: string[];
  focusText: string | null;
  scope: Scope;
  /** Official names of the counties worked in county-wide. */
  counties: string[];
  /** Official names of the municipalities worked in. */
  municipalities: string[];
  countyIds: string[];
  municipalityIds: string[];
  /** The place cells as written, joined with "; ": the record's geographic focus. */
  placeText: string;
  /** Places that could not be resolved (each has an error). */
  unresolvedPlaces: string[];
  /** [longitude, latitude] when the sheet gives coordinates inside the country. */
  coordinates: [number, number] | null;
  /** ISO dates: YYYY-MM-DD, or YYYY-MM / YYYY when the sheet gives only those. */
  start: string | null;
  end: string | null;
  status: string | null;
  /** Website as written. */
  website: string | null;
  /**
   * Against the dataset, for the organisation as a whole (all lines naming it, so a sheet in
   * long form, one line per organisation × activity × area, compares as one record).
   */
  action: 'add' | 'update' | 'unchanged';
  matchedOrganisationId: string | null;
  /** For `update`: what would change (`importChangeNote` words one: "municipalities: + Kamëz"). */
  changes: ImportChange[];
  /** True when `errors` has at least one problem on this line: the row cannot be applied. */
  hasErrors: boolean;
}

export interface ImportProblem {
  line: number;
  /** The column as the file heads it (header text, else its hashtag). */
  field?: string;
  /** What is wrong, as data: the interface words it (src/i18n/tables/imports.ts `import.issue`). */
  message: ImportIssue;
}

/** A place a misspelt name may have meant: a county or municipality, or a settlement `within` one. */
export interface PlaceSuggestion {
  name: string;
  /** The municipality a settlement is in; null for a county or municipality. */
  within: string | null;
}

/** The fields whose change is a list of names or ids added and removed. */
export type ImportListField = 'counties' | 'municipalities' | 'activityTypes' | 'focusTypes';

/** What an update changes in a record: ids for types and kinds, official names for places. */
export type ImportChange =
  | { field: 'scope'; from: Scope; to: Scope }
  | { field: 'kind'; from: string; to: string }
  | { field: ImportListField; added: string[]; removed: string[] };

/**
 * Every problem the importer reports, with what the message needs. Names, cells and labels are
 * as written in the file; `field` fields are the importer's own fields.
 */
export type ImportIssue =
  | {
      code: 'unknown-place';
      level: 'place' | 'county' | 'municipality';
      text: string;
      suggestions: PlaceSuggestion[];
    }
  | { code: 'ambiguous-place'; text: string; places: string[] }
  | { code: 'part-of-country'; text: string }
  /** A choice the place resolver made, in its own (English) words. */
  | { code: 'place-note'; note: string }
  | { code: 'not-a-county'; value: string; municipality: string }
  | { code: 'county-not-municipality'; value: string; county: string }
  | { code: 'unclosed-quote'; line: number; lastLine: number }
  | { code: 'empty-source'; what: 'file' | 'sheet' }
  | { code: 'lines-above-header'; from: number; to: number }
  | { code: 'column-repeated'; label: string; field: ImportField; owner: string }
  | { code: 'unknown-column'; label: string }
  | { code: 'missing-columns'; organisation: boolean; place: boolean }
  | { code: 'no-data-rows' }
  | { code: 'too-many-rows'; max: number; first: number; last: number }
  | { code: 'extra-fields'; fields: number; width: number }
  | { code: 'name-line-break' }
  | { code: 'cell-spans-lines'; name: boolean; opened: number; closes: number }
  | { code: 'hashtag-in-data'; value: string }
  | { code: 'formula' }
  | { code: 'unknown-kind'; value: string }
  | { code: 'unknown-type'; field: 'activityTypes' | 'focusTypes'; value: string }
  | { code: 'unknown-scope'; value: string }
  | { code: 'wrong-county'; municipality: string; county: string; named: string[] }
  | { code: 'nationwide-and-places'; counties: string[]; municipalities: string[] }
  | { code: 'no-place' }
  | { code: 'not-a-number'; axis: 'latitude' | 'longitude'; value: string }
  | { code: 'half-coordinates'; given: 'latitude' | 'longitude' }
  | { code: 'outside-country'; lat: number; lon: number; country: string; swapped: boolean }
  | { code: 'not-a-date'; value: string; monthFirst: boolean }
  | { code: 'ambiguous-date'; value: string; iso: string }
  | { code: 'ends-before-start'; start: string; end: string }
  /** `problem` is in the website checker's own (English) words. */
  | { code: 'website'; problem: string }
  | { code: 'name-empty' }
  | { code: 'duplicate'; firstLine: number }
  | { code: 'acronym-several'; names: string[] }
  | { code: 'near-miss'; name: string; near: string }
  /** A workbook with several worksheets with data: only `read` is. */
  | { code: 'other-sheets'; read: string; others: string[] };

export interface ImportColumn {
  /** Header text as written ('' when the sheet has only a hashtag row). */
  header: string;
  /** The hashtag of an HXL sheet, as written, or null. */
  hxl: string | null;
  /** What the column is read as; null when it is ignored. */
  field: ImportField | null;
}

/**
 * How rows for an organisation already in the data are read: `replace` (the sheet lists all it
 * does: places and types it leaves out are removed) or `add` (the sheet lists new work only:
 * nothing is removed).
 */
export type ImportMode = 'replace' | 'add';

export interface ImportPreview {
  format: 'hxl' | 'plain';
  /** How updates were compared (see `ImportMode`); applying follows the same mode. */
  mode: ImportMode;
  /** The CSV delimiter; null for a sheet read from a workbook (`previewImportTable`). */
  delimiter: CsvDelimiter | null;
  columns: ImportColumn[];
  rows: ImportRow[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

export interface ImportContext {
  gazetteer: Gazetteer;
  dataset: Dataset;
}

export interface ImportOptions {
  /** Column index (0-based) → field, as confirmed by the user; null ignores the column. */
  columnMapping?: Partial<Record<number, ImportField | null>>;
  /** Overrides delimiter detection (a "sep=" first line, .tsv, else `detectCsvDelimiter`). */
  delimiter?: CsvDelimiter;
  /** Default `replace`. */
  mode?: ImportMode;
}

const META_HASHTAG = /^\s*#meta(?![\p{L}\p{N}_])/iu;

/** "'=SUM(1)" → "=SUM(1)": one guarding apostrophe before a formula character is dropped. */
function unguardFormula(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** Data rows read at most; the lines after are reported in one error and not read. */
export const MAX_IMPORT_ROWS = 50_000;

/** Fields that take several values, from one cell or from several columns. */
const MULTI_VALUED: ReadonlySet<ImportField> = new Set([
  'activityTypes',
  'focusTypes',
  'county',
  'municipality',
  'location',
  'geographicFocus',
]);

const PLACE_FIELDS: readonly ImportField[] = [
  'county',
  'municipality',
  'location',
  'geographicFocus',
];

/** Cells of these fields are numbers: a leading "-" is a sign, not a formula. */
const NUMERIC_FIELDS: ReadonlySet<ImportField> = new Set(['latitude', 'longitude']);

const HASHTAG = /^\s*#[\p{L}_][\p{L}\p{N}_]*(?:\s*\+\s*[\p{L}_][\p{L}\p{N}_]*)*\s*$/u;

/**
 * The field an HXL hashtag stands for, or null when the importer has no use for it
 * (`#country`, `#org+funder`, …). Tag and attributes are case-insensitive, in any order.
 *
 * @example fieldForHashtag('#org+impl+name') // 'organisation'
 */
export function fieldForHashtag(hashtag: string): ImportField | null {
  const [tag = '', ...attributeList] = hashtag.trim().toLowerCase().replace(/\s+/g, '').split('+');
  const attributes = new Set(attributeList);
  const has = (...names: string[]) => names.some((name) => attributes.has(name));
  switch (tag) {
    case '#org':
      // A programme (`#org+prog`) is not who does the work: read only when nothing else is.
      if (has('funder', 'donor', 'code', 'id', 'prog', 'programme', 'program')) return null;
      if (has('acronym', 'abbreviation', 'abbr', 'short')) return 'acronym';
      if (has('type', 'kind')) return 'kind';
      if (has('url')) return 'website';
      return 'organisation';
    case '#sector':
    case '#subsector':
    case '#activity':
      return has('focus') ? 'focusTypes' : 'activityTypes';
    case '#adm1':
      return 'county';
    case '#adm2':
      return 'municipality';
    case '#adm3':
    case '#adm4':
    case '#loc':
      if (has('scope')) return 'scope';
      if (has('focus', 'text', 'description')) return 'geographicFocus';
      return 'location';
    case '#geo':
      if (has('lat')) return 'latitude';
      if (has('lon', 'long', 'lng')) return 'longitude';
      return null;
    case '#date':
      if (has('start')) return 'start';
      if (has('end')) return 'end';
      return null;
    case '#status':
      return 'status';
    case '#contact':
      return has('url') ? 'website' : null;
    default:
      return null;
  }
}

/** Whole headers (folded) that name a field, in English and Albanian. */
const HEADER_NAMES: Readonly<Record<string, ImportField>> = {
  organisation: 'organisation',
  organization: 'organisation',
  org: 'organisation',
  name: 'organisation',
  emri: 'organisation',
  organizata: 'organisation',
  who: 'organisation',
  acronym: 'acronym',
  akronimi: 'acronym',
  type: 'kind',
  kind: 'kind',
  lloji: 'kind',
  activity: 'activityTypes',
  activities: 'activityTypes',
  sector: 'activityTypes',
  aktiviteti: 'activityTypes',
  aktivitetet: 'activityTypes',
  what: 'activityTypes',
  focus: 'focusTypes',
  county: 'county',
  region: 'county',
  qark: 'county',
  qarku: 'county',
  prefecture: 'county',
  municipality: 'municipality',
  bashki: 'municipality',
  bashkia: 'municipality',
  komuna: 'municipality',
  location: 'location',
  place: 'location',
  village: 'location',
  vendndodhja: 'location',
  fshati: 'location',
  where: 'geographicFocus',
  start: 'start',
  from: 'start',
  end: 'end',
  to: 'end',
  status: 'status',
  website: 'website',
  lat: 'latitude',
  lon: 'longitude',
  lng: 'longitude',
  long: 'longitude',
  scope: 'scope',
};

/**
 * Word rules for longer headers, tried in order ("Organisation type" is a kind, "Municipality
 * name" a municipality). A pattern ending in "*" matches words that start so.
 */
const HEADER_RULES: readonly { all: readonly string[][]; field: ImportField | null }[] = [
  // COD-style administrative levels ("Admin1 Name", "adm2_pcode").
  { all: [['admin1', 'adm1', 'admin 1', 'adm 1']], field: 'county' },
  { all: [['admin2', 'adm2', 'admin 2', 'adm 2']], field: 'municipality' },
  { all: [['admin3', 'adm3', 'admin 3', 'adm 3', 'admin4', 'adm4']], field: 'location' },
  // Dates and status first: "Project start date", "Activity status".
  { all: [['start*', 'begin*', 'fillim*']], field: 'start' },
  { all: [['end', 'ends', 'ending', 'until', 'mbarim*', 'perfundim*']], field: 'end' },
  { all: [['status*', 'gjendj*']], field: 'status' },
  // "Location type" describes the place, not the organisation.
  {
    all: [
      ['location*', 'place*', 'vendndodhj*'],
      ['type', 'types', 'kind', 'lloj*', 'category', 'kategori*'],
    ],
    field: null,
  },
  // Columns about someone else than the organisation doing the work.
  {
    all: [
      [
        'contact*',
        'kontakt*',
        'person',
        'email',
        'e mail',
        'phone',
        'telefon*',
        'donor*',
        'funder*',
        'budget*',
        'buxhet*',
        'beneficiar*',
        'project*',
        'projekt*',
        'title',
        'titull*',
        'note',
        'notes',
        'comment*',
        'koment*',
        'shenim*',
      ],
    ],
    field: null,
  },
  {
    all: [
      ['focus', 'fokus*'],
      ['geographic*', 'gjeografik*'],
    ],
    field: 'geographicFocus',
  },
  { all: [['focus', 'fokus*']], field: 'focusTypes' },
  { all: [['latitude', 'lat', 'gjeresi*']], field: 'latitude' },
  { all: [['longitude', 'lon', 'lng', 'gjatesi*']], field: 'longitude' },
  { all: [['acronym*', 'akronim*', 'abbreviation*', 'shkurtim*']], field: 'acronym' },
  {
    all: [
      ['type', 'types', 'kind', 'lloj*', 'category', 'kategori*'],
      ['activit*', 'aktivitet*'],
    ],
    field: 'activityTypes',
  },
  {
    all: [['type', 'types', 'kind', 'lloj*', 'category', 'kategori*']],
    field: 'kind',
  },
  {
    all: [['activit*', 'aktivitet*', 'sector*', 'sektor*', 'theme*', 'tema', 'fush*']],
    field: 'activityTypes',
  },
  { all: [['municipalit*', 'bashki*', 'komun*']], field: 'municipality' },
  {
    all: [['county', 'counties', 'qark*', 'qarq*', 'prefectur*', 'prefektur*', 'region*']],
    field: 'county',
  },
  { all: [['district', 'districts']], field: 'county' },
  {
    all: [
      [
        'location*',
        'place*',
        'village*',
        'town*',
        'city',
        'cities',
        'settlement*',
        'vendndodhj*',
        'fshat*',
        'qytet*',
        'njesi*',
        'administrative',
      ],
    ],
    field: 'location',
  },
  { all: [['website*', 'web', 'url', 'internet*', 'faqe*', 'faqja']], field: 'website' },
  {
    all: [['organi*', 'partner*', 'name', 'emri', 'emer*', 'implement*', 'zbatues*']],
    field: 'organisation',
  },
  {
    all: [['scope', 'coverage', 'national*', 'nationwide', 'kombetar*', 'shtrirj*']],
    field: 'scope',
  },
  { all: [['where', 'area', 'areas', 'zona', 'zonat', 'geographic*']], field: 'geographicFocus' },
];

function headerWords(header: string): string {
  return foldPlaceText(header)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function wordMatches(words: readonly string[], pattern: string): boolean {
  if (pattern.includes(' ')) return ` ${words.join(' ')} `.includes(` ${pattern} `);
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return words.some((word) => word.startsWith(prefix));
  }
  return words.includes(pattern);
}

/**
 * The field a plain header names, or null. Case, diacritics and punctuation do not matter;
 * a bracketed gloss is read too ("Bashkia (Municipality)").
 *
 * @example fieldForHeader('Data e fillimit') // 'start'
 */
export function fieldForHeader(header: string): ImportField | null {
  return matchHeader(header).field;
}

/** The field a header names, and whether the whole header names it (not a word rule). */
function matchHeader(header: string): { field: ImportField | null; exact: boolean } {
  const whole = headerWords(header);
  if (whole === '') return { field: null, exact: false };
  const direct = HEADER_NAMES[whole];
  if (direct) return { field: direct, exact: true };
  const withoutGloss = headerWords(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
  const plain = HEADER_NAMES[withoutGloss];
  if (plain) return { field: plain, exact: true };
  const words = whole.split(' ');
  for (const rule of HEADER_RULES) {
    if (rule.all.every((options) => options.some((pattern) => wordMatches(words, pattern)))) {
      return { field: rule.field, exact: false };
    }
  }
  return { field: null, exact: false };
}

// ---------------------------------------------------------------------------------------------
// Dates, numbers, cells

interface ImportDate {
  /** As recorded: YYYY-MM-DD, YYYY-MM or YYYY. */
  iso: string;
  /** First and last day it can mean, for comparing start and end. */
  first: string;
  last: string;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads YYYY-MM-DD (a time after it is ignored), DD/MM/YYYY, DD.MM.YYYY, and a bare YYYY-MM
 * or YYYY, checking that the day exists. Returns null for anything else.
 */
function parseImportDate(raw: string): ImportDate | null {
  const text = raw.trim();
  let year: number;
  let month: number;
  let day: number | null = null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(
    text,
  );
  if (match) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})$/.exec(text))) {
    [day, month, year] = [Number(match[1]), Number(match[3]), Number(match[4])];
  } else if ((match = /^(\d{4})-(\d{1,2})$/.exec(text))) {
    [year, month] = [Number(match[1]), Number(match[2])];
  } else if ((match = /^(\d{4})$/.exec(text))) {
    year = Number(match[1]);
    return { iso: pad(year, 4), first: `${pad(year, 4)}-01-01`, last: `${pad(year, 4)}-12-31` };
  } else return null;
  if (month < 1 || month > 12) return null;
  const monthIso = `${pad(year, 4)}-${pad(month)}`;
  if (day === null) {
    return {
      iso: monthIso,
      first: `${monthIso}-01`,
      last: `${monthIso}-${daysInMonth(year, month)}`,
    };
  }
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const iso = `${monthIso}-${pad(day)}`;
  return { iso, first: iso, last: iso };
}

/** A cell as a workbook reader gives it: text, a number, a boolean, a date, or nothing. */
export type SpreadsheetCell = string | number | boolean | Date | null | undefined;

/** Significant digits a spreadsheet shows of a number; those past it are binary noise. */
const SPREADSHEET_DIGITS = 15;

/**
 * The text a workbook cell stands for, as the rows of `previewImportTable` take it:
 * text as written; a date as YYYY-MM-DD (with " HH:MM" or " HH:MM:SS" when it has a time);
 * a number with at most 15 significant digits, as a spreadsheet shows it (so a computed
 * 0.1 + 0.2 is "0.3", not "0.30000000000000004"); a boolean as TRUE or FALSE; nothing as "".
 * Workbook dates carry no time zone: readers give them as UTC wall-clock time, read here so.
 *
 * @example spreadsheetCellText(new Date(Date.UTC(2019, 2, 1))) // '2019-03-01'
 */
export function spreadsheetCellText(cell: SpreadsheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    const time = cell.getTime();
    if (Number.isNaN(time)) return '';
    const date = `${pad(cell.getUTCFullYear(), 4)}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
    const [hours, minutes, seconds] = [
      cell.getUTCHours(),
      cell.getUTCMinutes(),
      cell.getUTCSeconds(),
    ];
    if (hours === 0 && minutes === 0 && seconds === 0) return date;
    return `${date} ${pad(hours)}:${pad(minutes)}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
  }
  if (!Number.isFinite(cell)) return String(cell);
  // Number() of the rounded text drops trailing zeros; `|| 0` turns -0 into 0.
  return String(Number(cell.toPrecision(SPREADSHEET_DIGITS)) || 0);
}

/** A decimal number, with a point or (as semicolon files often have) a decimal comma. */
function parseDecimal(raw: string): number | null {
  const text = raw.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  return /^[+-]?\d+(?:\.\d+)?$/.test(text) ? Number(text) : null;
}

/** What a spreadsheet would run if the cell were opened as is (OWASP CSV injection). */
function looksLikeFormula(cell: string): boolean {
  return /^[=+\-@]./s.test(cell.trimStart());
}

/** Splits a place cell on ; , / | newlines and "and"/"dhe": no official name contains them. */
function splitPlaceCell(cell: string): string[] {
  return cell
    .split(/[;,|/\n\r]+|\s+(?:and|dhe|&)\s+/i)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** Splits an activity or focus cell on ; | newlines (labels contain commas: see matchTaxonomy). */
function splitListCell(cell: string): string[] {
  return cell
    .split(/[;|\n\r]+/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function uniqueValues<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((value) => right.has(value));
}

/**
 * Edit distance counting a swap of two neighbouring letters as one typing slip ("Kukse" is
 * one slip from "Kukes"), with an early exit: returns `limit + 1` once it must exceed `limit`.
 */
function typingDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length] ?? limit + 1, limit + 1);
}

// ---------------------------------------------------------------------------------------------
// Taxonomies: activity types, focus types, organisation kinds

interface TaxonomyMatcher {
  /** Ids the text names; an empty list when nothing is recognised. */
  match: (text: string) => string[];
}

/**
 * Recognises an entry by its id or label (case and diacritics aside), a comma-separated list
 * of those, and otherwise by the keyword classifier the dataset was built with.
 */
function createTaxonomyMatcher(entries: readonly TaxonomyEntry[]): TaxonomyMatcher {
  const byKey = new Map<string, string>();
  for (const entry of entries) {
    byKey.set(foldPlaceText(entry.id), entry.id);
    byKey.set(foldPlaceText(entry.label), entry.id);
    // The labels in other languages too: an Albanian sheet says "Trajnime dhe ngritje kapacitetesh".
    for (const translation of Object.values(entry.translations ?? {})) {
      if (translation.label) byKey.set(foldPlaceText(translation.label), entry.id);
    }
  }
  const cache = new Map<string, string[]>();
  return {
    match(text) {
      const cached = cache.get(text);
      if (cached) return cached;
      const exact = byKey.get(foldPlaceText(text));
      let ids: string[];
      if (exact) ids = [exact];
      else {
        const parts = text
          .split(',')
          .map((part) => byKey.get(foldPlaceText(part)))
          .filter((id) => id !== undefined);
        ids =
          parts.length > 1 && parts.length === text.split(',').length
            ? uniqueValues(parts)
            : classifyByKeywords(text, entries);
      }
      cache.set(text, ids);
      return ids;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Places

interface CellPlaces {
  areas: ResolvedArea[];
  national: boolean;
  /** Places not understood: an error each. */
  unknown: UnknownPlace[];
  /** Choices made by the resolver that the user should see. */
  notes: ImportIssue[];
}

interface UnknownPlace {
  text: string;
  reason: 'unknown' | 'ambiguous' | 'part-of-country';
  issue: ImportIssue;
  /** For an ambiguous name: the municipalities it could be. */
  candidates: AreaRef[];
}

interface PlaceLookup {
  /** A county or municipality column: names, aliases and codes of that level first. */
  inColumn: (value: string, level: 'county' | 'municipality') => CellPlaces;
  /** Free text (location, geographic focus): the resolver as for the dataset. */
  inText: (text: string) => CellPlaces;
  municipalityCounty: (id: string) => string | undefined;
  ref: (level: 'county' | 'municipality', id: string) => AreaRef;
}

const ENGLISH_LEVEL_WORDS = {
  county: ['county', 'prefecture', 'region', 'district', 'qark'],
  municipality: ['municipality', 'bashkia'],
} as const;

function createPlaceLookup(gazetteer: Gazetteer): PlaceLookup {
  const resolver = createPlaceResolver(gazetteer);
  const countyById = new Map(gazetteer.counties.map((county) => [county.id, county]));
  const municipalityById = new Map(gazetteer.municipalities.map((m) => [m.id, m]));
  const ref = (level: 'county' | 'municipality', id: string): AreaRef => ({
    level,
    id,
    name: (level === 'county' ? countyById.get(id)?.name : municipalityById.get(id)?.name) ?? id,
  });

  const byLevel = {
    county: new Map<string, Set<string>>(),
    municipality: new Map<string, Set<string>>(),
  };
  const add = (level: 'county' | 'municipality', key: string, id: string) => {
    const folded = foldPlaceText(key);
    if (folded === '') return;
    const ids = byLevel[level].get(folded) ?? new Set<string>();
    ids.add(id);
    byLevel[level].set(folded, ids);
  };
  for (const county of gazetteer.counties) {
    for (const name of [county.name, ...county.aliases, ...Object.values(county.codes)]) {
      add('county', name, county.id);
    }
  }
  for (const municipality of gazetteer.municipalities) {
    for (const name of [
      municipality.name,
      ...municipality.aliases,
      ...municipality.formerNames,
      ...Object.values(municipality.codes),
    ]) {
      add('municipality', name, municipality.id);
    }
  }
  const levelPattern = (words: readonly string[]) => {
    const alternatives = uniqueValues(words.map(foldPlaceText))
      .sort((a, b) => b.length - a.length)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    return {
      leading: new RegExp(`^(?:${alternatives})(?: of| e| i)? `),
      trailing: new RegExp(` (?:${alternatives})$`),
    };
  };
  const levelWords = {
    county: levelPattern([...ENGLISH_LEVEL_WORDS.county, ...gazetteer.levelTerms.county]),
    municipality: levelPattern([
      ...ENGLISH_LEVEL_WORDS.municipality,
      ...gazetteer.levelTerms.municipality,
    ]),
  };

  /** Every folded name a suggestion can come from, with the label to show. */
  const suggestionKeys: { key: string; label: string; within: string | null; level: string }[] = [];
  for (const county of gazetteer.counties) {
    for (const name of [county.name, ...county.aliases]) {
      suggestionKeys.push({
        key: foldPlaceText(name),
        label: county.name,
        within: null,
        level: 'county',
      });
    }
  }
  for (const municipality of gazetteer.municipalities) {
    for (const name of [municipality.name, ...municipality.aliases, ...municipality.formerNames]) {
      suggestionKeys.push({
        key: foldPlaceText(name),
        label: municipality.name,
        within: null,
        level: 'municipality',
      });
    }
  }
  const areaKeys = new Set(suggestionKeys.map((entry) => entry.key));
  for (const settlement of gazetteer.settlements) {
    const within = municipalityById.get(settlement.municipality)?.name ?? '';
    for (const name of [settlement.name, ...settlement.aliases]) {
      // The seat of a municipality of the same name adds nothing to "did you mean Kukës?".
      if (areaKeys.has(foldPlaceText(name))) continue;
      suggestionKeys.push({
        key: foldPlaceText(name),
        label: settlement.name,
        within,
        level: 'settlement',
      });
    }
  }

  /** Names closest by edit distance over folded names and aliases, the preferred level first. */
  const suggest = (text: string, preferred: string): PlaceSuggestion[] => {
    const folded = foldPlaceText(text);
    if (folded.length < 3) return [];
    const limit = folded.length <= 3 ? 1 : folded.length >= 10 ? 3 : 2;
    let best = limit + 1;
    let found: { label: string; within: string | null; level: string }[] = [];
    for (const entry of suggestionKeys) {
      const distance = typingDistance(folded, entry.key, Math.min(limit, best));
      if (distance < best) {
        best = distance;
        found = [entry];
      } else if (distance === best && distance <= limit) found.push(entry);
    }
    const ranked = [...found].sort(
      (a, b) => Number(b.level === preferred) - Number(a.level === preferred),
    );
    const seen = new Set<string>();
    const suggestions: PlaceSuggestion[] = [];
    for (const entry of ranked) {
      const key = `${entry.label}\u0000${entry.within ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      suggestions.push({ name: entry.label, within: entry.within });
    }
    return suggestions.slice(0, 3);
  };

  const unknownPlace = (
    text: string,
    level: 'place' | 'county' | 'municipality',
    preferred: string,
  ): UnknownPlace => ({
    text,
    reason: 'unknown',
    issue: { code: 'unknown-place', level, text, suggestions: suggest(text, preferred) },
    candidates: [],
  });

  const textCache = new Map<string, CellPlaces>();
  const inText = (text: string): CellPlaces => {
    const cached = textCache.get(text);
    if (cached) return cached;
    const resolution = resolver.resolvePlaces(text);
    const result: CellPlaces = {
      areas: resolution.areas.filter((area) => area.level !== 'country'),
      national: resolution.areas.some((area) => area.level === 'country'),
      unknown: resolution.unresolved.map((place): UnknownPlace => {
        if (place.reason === 'ambiguous') {
          return {
            text: place.text,
            reason: 'ambiguous',
            issue: {
              code: 'ambiguous-place',
              text: place.text,
              places: place.candidates.map((c) => c.name),
            },
            candidates: place.candidates,
          };
        }
        if (place.candidates.some((candidate) => candidate.level === 'country')) {
          return {
            text: place.text,
            reason: 'part-of-country',
            issue: { code: 'part-of-country', text: place.text },
            candidates: [],
          };
        }
        return unknownPlace(place.text, 'place', 'municipality');
      }),
      notes: resolution.areas.flatMap((area) => placeNotes(area)),
    };
    if (textCache.size >= 10_000) textCache.clear();
    textCache.set(text, result);
    return result;
  };

  const columnCache = new Map<string, CellPlaces>();
  const inColumn = (value: string, level: 'county' | 'municipality'): CellPlaces => {
    const cacheKey = `${level}\u0000${value}`;
    const cached = columnCache.get(cacheKey);
    if (cached) return cached;
    const folded = foldPlaceText(value);
    const words = levelWords[level];
    const stripped = folded.replace(words.leading, '').replace(words.trailing, '');
    const ids = byLevel[level].get(folded) ?? byLevel[level].get(stripped);
    let result: CellPlaces;
    if (ids?.size === 1) {
      const [id = ''] = ids;
      result = {
        areas: [{ ...ref(level, id), matched: value, confidence: 1 }],
        national: false,
        unknown: [],
        notes: [],
      };
    } else {
      // Towns, villages, "national", misspellings: as the dataset reads them, told the level
      // the column stands for (so a misspelt "Tirna" in a county column is the county).
      const read = inText(`${level === 'county' ? 'county of' : 'municipality of'} ${value}`);
      const other = level === 'county' ? 'municipality' : 'county';
      result = {
        ...read,
        // Messages quote the cell as written, not the "municipality of …" asked of the resolver.
        unknown: read.unknown.map((place) => {
          const prefix = `${level === 'county' ? 'county of' : 'municipality of'} `;
          const text = place.text.toLowerCase().startsWith(prefix)
            ? place.text.slice(prefix.length)
            : place.text;
          if (place.reason === 'unknown') return unknownPlace(text, level, level);
          if (text === place.text) return place;
          const issue: ImportIssue =
            place.issue.code === 'ambiguous-place' || place.issue.code === 'part-of-country'
              ? { ...place.issue, text }
              : place.issue;
          return { ...place, text, issue };
        }),
        notes: read.areas.flatMap((area): ImportIssue[] => {
          if (area.level !== other) return placeNotes(area);
          return [
            level === 'county'
              ? { code: 'not-a-county', value, municipality: area.name }
              : { code: 'county-not-municipality', value, county: area.name },
          ];
        }),
      };
    }
    if (columnCache.size >= 10_000) columnCache.clear();
    columnCache.set(cacheKey, result);
    return result;
  };

  return {
    inColumn,
    inText,
    municipalityCounty: (id) => municipalityById.get(id)?.county,
    ref,
  };
}

/** The resolver's note on an area, if any. */
function placeNotes(area: ResolvedArea): ImportIssue[] {
  return area.note ? [{ code: 'place-note', note: area.note }] : [];
}

// ---------------------------------------------------------------------------------------------
// The preview

interface MappedColumn {
  index: number;
  label: string;
  field: ImportField;
}

const SCOPE_WORDS: Readonly<Record<string, Scope>> = {
  national: 'national',
  nationwide: 'national',
  'whole country': 'national',
  country: 'national',
  countrywide: 'national',
  kombetar: 'national',
  kombetare: 'national',
  mbarekombetar: 'national',
  mbarekombetare: 'national',
  yes: 'national',
  y: 'national',
  true: 'national',
  po: 'national',
  x: 'national',
  '1': 'national',
  local: 'local',
  lokal: 'local',
  lokale: 'local',
  no: 'local',
  n: 'local',
  false: 'local',
  jo: 'local',
  '0': 'local',
};

/**
 * Reads a 3W sheet and says what importing it would do, without changing anything.
 *
 * - Header: blank rows (",,,") are skipped; among the first 25 rows, the first naming the
 *   organisation column is the header (a title above it is skipped, with a warning).
 * - Columns: an HXL hashtag row (the first row of mostly hashtags, on its own or under the
 *   headers) decides for the columns it tags; untagged columns are read by their header, a
 *   whole-header match before a word rule. `options.columnMapping` overrides both.
 *   Required: the organisation name, and a place column (county, municipality, location,
 *   geographic focus) or a scope column; otherwise one error on the header line and no rows.
 * - Places resolve through the dataset's resolver (towns and villages to their municipality,
 *   "national" to nationwide). A county named together with municipalities inside it is their
 *   parent, not county-wide work, and is not recorded (as "District of X (A, B)" in the data).
 * - A line with an organisation name is in `rows` even with errors (`hasErrors`); a line
 *   without one is only in `errors`. Blank lines (also ",,,,") are not data lines.
 *
 * @example
 * previewImport('3w.csv', 'Organisation;Bashkia\nQendra;Paskuqan\n', context).rows[0]
 *   .municipalities // ['Kamëz']
 */
export function previewImport(
  fileName: string,
  text: string,
  context: ImportContext,
  options: ImportOptions = {},
): ImportPreview {
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];

  // An Excel "sep=;" first line names the delimiter; it becomes a blank line so lines still count.
  const sepLine = /^\uFEFF?sep=(.)[ \t]*(\r?\n|$)/.exec(text);
  const declared = sepLine?.[1];
  const source = sepLine ? text.replace(/^\uFEFF?sep=.[ \t]*/, '') : text;
  const delimiter =
    options.delimiter ??
    (declared === ',' || declared === ';' || declared === '\t'
      ? declared
      : /\.(tsv|tab)$/i.test(fileName)
        ? '\t'
        : detectCsvDelimiter(source));
  const empty = () => emptyPreview('plain', delimiter, [], errors, warnings, options.mode);

  let table: { header: string[]; records: CsvRecord[] };
  try {
    table = parseCsv(source, delimiter);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    // An unclosed quote swallows the rest of the file: read the lines before it, and say
    // which lines were not read, so no line goes unaccounted for.
    const lines = source.replace(/[\r\n]+$/, '').split(/\r\n|\r|\n/);
    // The only CsvSyntaxError parseCsv throws is an unclosed quote.
    pushProblem(errors, error.line, {
      code: 'unclosed-quote',
      line: error.line,
      lastLine: Math.max(lines.length, error.line),
    });
    if (error.line <= 1) return empty();
    try {
      table = parseCsv(lines.slice(0, error.line - 1).join('\n'), delimiter);
    } catch (again) {
      if (!(again instanceof CsvSyntaxError)) throw again;
      return empty();
    }
  }
  // parseCsv skips blank lines, so its header is on the first line that is not blank.
  const leadingBreaks = /^\uFEFF?[\r\n]*/.exec(source)?.[0].replace(/\r\n/g, '\n') ?? '';
  const firstLine = 1 + (leadingBreaks.match(/[\r\n]/g)?.length ?? 0);
  // Rows of only delimiters or spaces (",,,", ";;;") are blank too: the header is not among them.
  const allRecords: CsvRecord[] = [
    ...(table.header.length > 0 ? [{ line: firstLine, values: table.header }] : []),
    ...table.records,
  ].filter((record) => !isBlank(record.values));
  return previewRecords(
    allRecords,
    { delimiter, errors, warnings, what: 'file' },
    context,
    options,
  );
}

/**
 * `previewImport` for a table already split into cells, as a workbook sheet gives it:
 * `rows[i]` is the sheet's row i + 1, so every `line` in the preview is the spreadsheet's row
 * number (the header is row 1 when nothing stands above it). Cells are text: turn a workbook's
 * numbers, dates and booleans into text with `spreadsheetCellText` first. Header detection,
 * mapping, validation, duplicates and the comparison with the dataset are those of
 * `previewImport`; only what belongs to CSV text (delimiters, quoted cells spanning lines)
 * does not apply, and `delimiter` is null.
 *
 * @param _fileName The workbook's name, taken as `previewImport` takes it; a sheet needs no
 *   delimiter guessed from the extension, so it is not read today.
 * @example
 * previewImportTable('3w.xlsx', [['Organisation', 'Bashkia'], ['Qendra', 'Paskuqan']], context)
 *   .rows[0] // { line: 2, municipalities: ['Kamëz'], … }
 */
export function previewImportTable(
  _fileName: string,
  rows: readonly (readonly string[])[],
  context: ImportContext,
  options: ImportOptions = {},
): ImportPreview {
  const records: CsvRecord[] = [];
  rows.forEach((values, index) => {
    if (!isBlank(values)) records.push({ line: index + 1, values: [...values] });
  });
  return previewRecords(
    records,
    { delimiter: null, errors: [], warnings: [], what: 'sheet' },
    context,
    options,
  );
}

const isBlank = (values: readonly string[]) => values.every((value) => value.trim() === '');

function pushProblem(
  list: ImportProblem[],
  line: number,
  message: ImportIssue,
  field?: string,
): void {
  list.push(field === undefined ? { line, message } : { line, field, message });
}

function emptyPreview(
  format: 'hxl' | 'plain',
  delimiter: CsvDelimiter | null,
  columns: ImportColumn[],
  errors: ImportProblem[],
  warnings: ImportProblem[],
  mode: ImportMode = 'replace',
): ImportPreview {
  return { format, mode, delimiter, columns, rows: [], errors, warnings };
}

/** How the records were read: what only CSV text has, and the problems found while reading. */
interface RecordSource {
  /** The CSV delimiter; null for a table that came already split into cells. */
  delimiter: CsvDelimiter | null;
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** What the records came from, for messages. */
  what: 'file' | 'sheet';
}

/**
 * The one validator behind `previewImport` and `previewImportTable`: header and hashtag rows,
 * column mapping, every row's checks, duplicates and the comparison with the dataset.
 * `allRecords` are the non-blank rows, each with its 1-based line.
 */
function previewRecords(
  allRecords: readonly CsvRecord[],
  source: RecordSource,
  context: ImportContext,
  options: ImportOptions,
): ImportPreview {
  const { delimiter, errors, warnings } = source;
  const problem = pushProblem;
  const empty = (format: 'hxl' | 'plain', columns: ImportColumn[] = []): ImportPreview =>
    emptyPreview(format, delimiter, columns, errors, warnings, options.mode);
  if (allRecords.length === 0) {
    problem(errors, 1, { code: 'empty-source', what: source.what });
    return empty('plain');
  }

  // The header: the first row naming an organisation column, among the first rows (a title
  // may sit above it). HXL: the hashtag row is the first whose cells are mostly hashtags,
  // under the header or on its own; the header is the row above it.
  const HEADER_SEARCH = 25;
  const hashtagCount = (values: readonly string[]) =>
    values.filter((value) => value.trim() !== '' && HASHTAG.test(value)).length;
  const nonEmptyCount = (values: readonly string[]) =>
    values.filter((value) => value.trim() !== '').length;
  const isHashtagRow = (values: readonly string[]) =>
    hashtagCount(values) * 2 > nonEmptyCount(values);
  const candidates = allRecords.slice(0, HEADER_SEARCH);
  // A header row: it names the organisation column outright ("Organisation", #org+name), or
  // names at least two columns, one the organisation (so a data cell "Partner X" is not one).
  const orgIndex = candidates.findIndex((record) => {
    const matches = record.values.map((value) =>
      HASHTAG.test(value)
        ? { field: fieldForHashtag(value), exact: true }
        : matchHeader(value.trim()),
    );
    const organisation = matches.filter((match) => match.field === 'organisation');
    const named = matches.filter((match) => match.field !== null).length;
    return organisation.some((match) => match.exact) || (organisation.length > 0 && named >= 2);
  });
  const hashtagIndex = candidates
    .slice(0, orgIndex === -1 ? HEADER_SEARCH : orgIndex + 2)
    .findIndex((record) => isHashtagRow(record.values));
  let headerRecord: CsvRecord | null;
  let hashtagRecord: CsvRecord | null = null;
  let skipped: number;
  if (hashtagIndex !== -1) {
    hashtagRecord = allRecords[hashtagIndex] ?? null;
    const above = hashtagIndex > 0 ? allRecords[hashtagIndex - 1] : undefined;
    // A lone title above the hashtags is not their header.
    headerRecord =
      above &&
      hashtagRecord &&
      nonEmptyCount(above.values) * 2 > nonEmptyCount(hashtagRecord.values)
        ? above
        : null;
    skipped = headerRecord ? hashtagIndex - 1 : hashtagIndex;
  } else {
    skipped = Math.max(orgIndex, 0);
    headerRecord = allRecords[skipped] ?? null;
  }
  const topRecord = headerRecord ?? hashtagRecord;
  const headerLine = topRecord?.line ?? allRecords[0]?.line ?? 1;
  if (skipped > 0) {
    const from = allRecords[0]?.line ?? 1;
    const to = headerLine - 1;
    problem(warnings, from, { code: 'lines-above-header', from, to });
  }
  const headerTexts = headerRecord
    ? headerRecord.values.map((name) => name.trim())
    : (hashtagRecord?.values.map(() => '') ?? []);
  const hashtags = hashtagRecord
    ? hashtagRecord.values.map((value) =>
        value.trim() !== '' && HASHTAG.test(value) ? value.trim() : null,
      )
    : null;
  const bodyStart = skipped + (headerRecord ? 1 : 0) + (hashtagRecord ? 1 : 0);
  const records = allRecords.slice(bodyStart);
  const format = hashtags ? 'hxl' : 'plain';
  const width = Math.max(headerTexts.length, hashtags?.length ?? 0);

  const columns: ImportColumn[] = [];
  const columnLabel = (index: number) =>
    headerTexts[index]?.trim() || hashtags?.[index] || `column ${index + 1}`;
  const mapping = options.columnMapping ?? {};
  // What each column is read as: the confirmed mapping, else its hashtag, else its header.
  const guesses = Array.from({ length: width }, (_, index) => {
    const header = headerTexts[index]?.trim() ?? '';
    const hxl = hashtags?.[index] ?? null;
    const override = mapping[index];
    if (override !== undefined) return { field: override, exact: true };
    if (hxl !== null) return { field: fieldForHashtag(hxl), exact: true };
    return matchHeader(header);
  });
  // A programme (`#org+prog`) stands in for the organisation only when nothing else names it.
  if (!guesses.some((guess) => guess.field === 'organisation')) {
    const programme = hashtags?.findIndex(
      (hxl, index) =>
        mapping[index] === undefined &&
        hxl !== null &&
        /^#org$/i.test(hxl.split('+')[0]?.trim() ?? '') &&
        /\+\s*prog(?:ramme|ram)?\s*(?:\+|$)/i.test(hxl),
    );
    if (programme !== undefined && programme !== -1) {
      guesses[programme] = { field: 'organisation', exact: true };
    }
  }
  // Single-valued fields go to a column whose whole header names them before one a word rule
  // guessed ("Organisation" over "Admin1 Name"), then in column order.
  const claimed = new Map<ImportField, number>();
  for (const exact of [true, false]) {
    guesses.forEach((guess, index) => {
      if (guess.exact !== exact || guess.field === null || MULTI_VALUED.has(guess.field)) return;
      if (!claimed.has(guess.field)) claimed.set(guess.field, index);
    });
  }
  const mapped: MappedColumn[] = [];
  for (let index = 0; index < width; index += 1) {
    const header = headerTexts[index]?.trim() ?? '';
    const hxl = hashtags?.[index] ?? null;
    let field = guesses[index]?.field ?? null;
    let repeated = false;
    const override = mapping[index];
    const label = columnLabel(index);
    if (field !== null && !MULTI_VALUED.has(field)) {
      const owner = claimed.get(field);
      if (owner !== undefined && owner !== index) {
        problem(
          warnings,
          headerLine,
          { code: 'column-repeated', label, field, owner: columnLabel(owner) },
          label,
        );
        field = null;
        repeated = true;
      }
    }
    columns.push({ header, hxl, field });
    if (field !== null) mapped.push({ index, label, field });
    // `#meta` columns (provenance, export date) are for people, not data: ignored quietly.
    else if (override === undefined && !repeated && !META_HASHTAG.test(hxl ?? '')) {
      const unused = header !== '' || hxl !== null;
      const hasData = records.some((record) => (record.values[index] ?? '').trim() !== '');
      if (unused || hasData) {
        problem(warnings, headerLine, { code: 'unknown-column', label }, label);
      }
    }
  }

  const hasField = (field: ImportField) => mapped.some((column) => column.field === field);
  const missingOrganisation = !hasField('organisation');
  const missingPlace = !PLACE_FIELDS.some(hasField) && !hasField('scope');
  if (missingOrganisation || missingPlace) {
    problem(errors, headerLine, {
      code: 'missing-columns',
      organisation: missingOrganisation,
      place: missingPlace,
    });
    return empty(format, columns);
  }

  const dataRecords = records.filter((record) => !isBlank(record.values));
  if (dataRecords.length === 0) {
    problem(warnings, headerLine, { code: 'no-data-rows' });
    return empty(format, columns);
  }
  if (dataRecords.length > MAX_IMPORT_ROWS) {
    const first = dataRecords[MAX_IMPORT_ROWS];
    const last = dataRecords[dataRecords.length - 1];
    if (first && last) {
      problem(errors, first.line, {
        code: 'too-many-rows',
        max: MAX_IMPORT_ROWS,
        first: first.line,
        last: last.line,
      });
    }
  }

  const places = createPlaceLookup(context.gazetteer);
  const activities = createTaxonomyMatcher(context.dataset.activityTypes);
  const focuses = createTaxonomyMatcher(context.dataset.focusTypes);
  const kinds = createTaxonomyMatcher(context.dataset.organisationKinds);
  const [west, south, east, north] = context.gazetteer.country.bbox;
  const countryName = context.gazetteer.country.name;

  const rows: ImportRow[] = [];
  const firstLineByKey = new Map<string, number>();
  // "03/04/2019" could be month first; a date like "25/04/2019" elsewhere settles it day first.
  let ambiguousDate: ImportProblem | null = null;
  let dayFirstSeen = false;

  for (const record of dataRecords.slice(0, MAX_IMPORT_ROWS)) {
    const line = record.line;
    const errorsBefore = errors.length;
    const rowError = (message: ImportIssue, field?: string) =>
      problem(errors, line, message, field);
    const rowWarning = (message: ImportIssue, field?: string) =>
      problem(warnings, line, message, field);

    const nonEmptyTail = record.values.slice(width).filter((value) => value.trim() !== '');
    if (nonEmptyTail.length > 0) {
      rowWarning({ code: 'extra-fields', fields: record.values.length, width });
    }
    // A quoted cell spanning lines: a stray opening quote swallows the lines up to the next
    // quote, so say which. An organisation name never spans lines; another cell holding the
    // delimiter across lines likely swallowed some. A sheet's cells are split already: a line
    // break there is one typed in the cell (Alt+Enter), wrong only in a name.
    let cellLine = line;
    record.values.forEach((value, index) => {
      const breaks = value.match(/\r\n|\r|\n/g)?.length ?? 0;
      if (delimiter === null) {
        const column = mapped.find((item) => item.index === index);
        if (breaks > 0 && column?.field === 'organisation') {
          rowError({ code: 'name-line-break' }, column.label);
        }
        return;
      }
      const opened = cellLine;
      cellLine += breaks;
      if (breaks === 0 || index >= width) return;
      const closes = opened + breaks;
      const column = mapped.find((item) => item.index === index);
      if (column?.field === 'organisation') {
        rowError({ code: 'cell-spans-lines', name: true, opened, closes }, column.label);
      } else if (value.includes(delimiter)) {
        rowWarning({ code: 'cell-spans-lines', name: false, opened, closes }, columnLabel(index));
      }
    });
    // A hashtag in a data row: a second hashtag row, or a cell pasted from one.
    record.values.slice(0, width).forEach((value, index) => {
      if (value.trim() !== '' && HASHTAG.test(value)) {
        rowError({ code: 'hashtag-in-data', value: value.trim() }, columnLabel(index));
      }
    });
    /** Non-empty cells of a field, each with the column it came from. */
    const cells = (field: ImportField) =>
      mapped
        .filter((column) => column.field === field)
        .map((column) => {
          const raw = record.values[column.index] ?? '';
          // A spreadsheet-guarded cell ("'=…", as Harta's exports write it) reads back as typed.
          const value = NUMERIC_FIELDS.has(column.field) ? raw : unguardFormula(raw);
          return { column, value: value.trim() };
        })
        .filter((cell) => cell.value !== '');
    for (const column of mapped) {
      const value = record.values[column.index] ?? '';
      if (!NUMERIC_FIELDS.has(column.field) && looksLikeFormula(value)) {
        rowWarning({ code: 'formula' }, column.label);
      }
    }
    const single = (field: ImportField) => cells(field)[0];

    const nameCell = single('organisation');
    const acronymCell = single('acronym');
    const acronym = acronymCell?.value ?? null;

    // Kind.
    const kindCell = single('kind');
    let kind: string | null = null;
    if (kindCell) {
      const [first] = kinds.match(kindCell.value);
      if (first) kind = first;
      else rowWarning({ code: 'unknown-kind', value: kindCell.value }, kindCell.column.label);
    }

    // Activity and focus types.
    const readTypes = (field: 'activityTypes' | 'focusTypes', matcher: TaxonomyMatcher) => {
      const found: string[] = [];
      const texts: string[] = [];
      for (const cell of cells(field)) {
        texts.push(cell.value);
        for (const value of splitListCell(cell.value)) {
          const ids = matcher.match(value);
          if (ids.length === 0) {
            rowWarning({ code: 'unknown-type', field, value }, cell.column.label);
          }
          found.push(...ids);
        }
      }
      return { ids: uniqueValues(found), text: texts.length > 0 ? texts.join('; ') : null };
    };
    const activity = readTypes('activityTypes', activities);
    const focus = readTypes('focusTypes', focuses);

    // Scope.
    let national = false;
    const scopeCell = single('scope');
    if (scopeCell) {
      const word = SCOPE_WORDS[foldPlaceText(scopeCell.value)];
      const asPlace = word ? null : places.inText(scopeCell.value);
      if (word === 'national' || (asPlace?.national && asPlace.areas.length === 0)) {
        national = true;
      } else if (!word) {
        rowError({ code: 'unknown-scope', value: scopeCell.value }, scopeCell.column.label);
      }
    }

    // Places.
    const placeTexts: string[] = [];
    const unresolvedPlaces: string[] = [];
    interface Found {
      area: ResolvedArea;
      field: ImportField;
      label: string;
    }
    const found: Found[] = [];
    const takeResult = (result: CellPlaces, field: ImportField, label: string) => {
      if (result.national) national = true;
      for (const area of result.areas) found.push({ area, field, label });
      for (const note of result.notes) rowWarning(note, label);
      return result.unknown;
    };
    const pendingUnknown: {
      unknown: CellPlaces['unknown'][number];
      label: string;
    }[] = [];
    for (const level of ['county', 'municipality'] as const) {
      for (const cell of cells(level)) {
        placeTexts.push(cell.value);
        for (const value of splitPlaceCell(cell.value)) {
          for (const unknown of takeResult(
            places.inColumn(value, level),
            level,
            cell.column.label,
          )) {
            pendingUnknown.push({ unknown, label: cell.column.label });
          }
        }
      }
    }
    const columnCounties = found
      .filter((item) => item.field === 'county' && item.area.level === 'county')
      .map((item) => item.area.id);
    const explicit = found.map((item) => item.area);
    const fitsRow = (candidate: AreaRef) =>
      explicit.some((area) =>
        area.level === 'county'
          ? candidate.level === 'municipality'
            ? places.municipalityCounty(candidate.id) === area.id
            : candidate.id === area.id
          : candidate.level === 'municipality' && candidate.id === area.id,
      );
    for (const field of ['location', 'geographicFocus'] as const) {
      for (const cell of cells(field)) {
        placeTexts.push(cell.value);
        const result = places.inText(cell.value);
        // A name several places share is settled by the row's county or municipality columns.
        const areas = result.areas.map((area) => {
          const alternatives = area.alternatives ?? [];
          if (alternatives.length === 0 || explicit.length === 0 || fitsRow(area)) return area;
          const fitting = alternatives.filter(fitsRow);
          const [only] = fitting;
          if (fitting.length !== 1 || !only) return area;
          return { ...only, matched: area.matched, confidence: area.confidence };
        });
        const notes = result.areas
          .filter((area, index) => area === areas[index])
          .flatMap((area) => placeNotes(area));
        const unknown = result.unknown.flatMap((place) => {
          const fitting = place.candidates.filter(fitsRow);
          const [only] = fitting;
          if (fitting.length === 1 && only && only.level === 'municipality') {
            areas.push({ ...only, matched: place.text, confidence: 0.8 });
            return [];
          }
          return [place];
        });
        for (const item of takeResult(
          { areas, national: result.national, unknown, notes },
          field,
          cell.column.label,
        )) {
          pendingUnknown.push({ unknown: item, label: cell.column.label });
        }
      }
    }
    for (const { unknown, label } of pendingUnknown) {
      unresolvedPlaces.push(unknown.text);
      rowError(unknown.issue, label);
    }

    // A municipality the row places in a county it is not in.
    if (columnCounties.length > 0) {
      const warned = new Set<string>();
      for (const item of found) {
        if (item.area.level !== 'municipality' || warned.has(item.area.id)) continue;
        const county = places.municipalityCounty(item.area.id);
        if (county && !columnCounties.includes(county)) {
          warned.add(item.area.id);
          rowWarning(
            {
              code: 'wrong-county',
              municipality: item.area.name,
              county: places.ref('county', county).name,
              named: uniqueValues(columnCounties).map((id) => places.ref('county', id).name),
            },
            item.label,
          );
        }
      }
    }

    const municipalityIds = uniqueValues(
      found.filter((item) => item.area.level === 'municipality').map((item) => item.area.id),
    );
    const namedCounties = new Map<string, boolean>();
    for (const item of found) {
      if (item.area.level !== 'county') continue;
      // A county column above a municipality inside it is the municipality's parent; in free
      // text, a county narrowed by places in brackets is context (as in the dataset).
      const parent =
        item.field === 'county'
          ? municipalityIds.some((id) => places.municipalityCounty(id) === item.area.id)
          : (item.area.refinedBy ?? []).length > 0;
      namedCounties.set(item.area.id, (namedCounties.get(item.area.id) ?? true) && parent);
    }
    let countyIds = [...namedCounties].filter(([, parent]) => !parent).map(([id]) => id);
    let localMunicipalityIds = municipalityIds;

    if (national && (countyIds.length > 0 || localMunicipalityIds.length > 0)) {
      rowWarning({
        code: 'nationwide-and-places',
        counties: countyIds.map((id) => places.ref('county', id).name),
        municipalities: localMunicipalityIds.map((id) => places.ref('municipality', id).name),
      });
      countyIds = [];
      localMunicipalityIds = [];
    }
    if (!national && found.length === 0 && pendingUnknown.length === 0) {
      rowError({ code: 'no-place' });
    }

    // Coordinates.
    let coordinates: [number, number] | null = null;
    const latCell = single('latitude');
    const lonCell = single('longitude');
    if (latCell || lonCell) {
      const lat = latCell ? parseDecimal(latCell.value) : null;
      const lon = lonCell ? parseDecimal(lonCell.value) : null;
      if (latCell && lat === null)
        rowError(
          { code: 'not-a-number', axis: 'latitude', value: latCell.value },
          latCell.column.label,
        );
      if (lonCell && lon === null)
        rowError(
          { code: 'not-a-number', axis: 'longitude', value: lonCell.value },
          lonCell.column.label,
        );
      if (!latCell || !lonCell) {
        const given = latCell ?? lonCell;
        rowError(
          { code: 'half-coordinates', given: latCell ? 'latitude' : 'longitude' },
          given?.column.label,
        );
      } else if (lat !== null && lon !== null) {
        const inside = (y: number, x: number) => x >= west && x <= east && y >= south && y <= north;
        if (inside(lat, lon)) coordinates = [lon, lat];
        else {
          rowError(
            {
              code: 'outside-country',
              lat,
              lon,
              country: countryName,
              swapped: inside(lon, lat),
            },
            latCell.column.label,
          );
        }
      }
    }

    // Dates.
    const readDate = (field: 'start' | 'end') => {
      const cell = single(field);
      if (!cell) return null;
      const date = parseImportDate(cell.value);
      const dayMonth = /^(\d{1,2})[/.](\d{1,2})[/.]\d{4}$/.exec(cell.value.trim());
      const [first, second] = [Number(dayMonth?.[1]), Number(dayMonth?.[2])];
      if (!date) {
        const monthFirst = dayMonth !== null && first <= 12 && second > 12 && second <= 31;
        rowError({ code: 'not-a-date', value: cell.value, monthFirst }, cell.column.label);
      } else if (dayMonth && first > 12) {
        dayFirstSeen = true;
      } else if (dayMonth && first !== second && second <= 12 && ambiguousDate === null) {
        ambiguousDate = {
          line,
          field: cell.column.label,
          message: { code: 'ambiguous-date', value: cell.value, iso: date.iso },
        };
      }
      return date;
    };
    const start = readDate('start');
    const end = readDate('end');
    if (start && end && end.last < start.first) {
      rowError(
        { code: 'ends-before-start', start: start.iso, end: end.iso },
        single('end')?.column.label,
      );
    }

    const statusCell = single('status');
    const websiteCell = single('website');
    if (websiteCell) {
      const checked = normaliseWebsite(websiteCell.value);
      if (checked.url === null && checked.problem) {
        rowWarning({ code: 'website', problem: checked.problem }, websiteCell.column.label);
      }
    }

    if (!nameCell) {
      const column = mapped.find((item) => item.field === 'organisation');
      rowError({ code: 'name-empty' }, column?.label);
      continue;
    }

    const scope: Scope = national ? 'national' : 'local';
    const sortedKey = (values: readonly string[]) => [...values].sort().join(',');
    const unmatchedActivity = activity.ids.length === 0 ? foldPlaceText(activity.text ?? '') : '';
    // Two rows in different villages, or in different periods, are two activities, not one.
    const villages = sortedKey(
      [...cells('location'), ...cells('geographicFocus')].map((cell) => foldPlaceText(cell.value)),
    );
    const duplicateKey = [
      foldPlaceText(nameCell.value),
      scope,
      sortedKey(countyIds),
      sortedKey(localMunicipalityIds),
      sortedKey(activity.ids),
      unmatchedActivity,
      villages,
      start?.iso ?? '',
      end?.iso ?? '',
    ].join('\u0000');
    const firstLine = firstLineByKey.get(duplicateKey);
    if (firstLine !== undefined) rowWarning({ code: 'duplicate', firstLine });
    else firstLineByKey.set(duplicateKey, line);

    rows.push({
      line,
      organisation: nameCell.value,
      acronym,
      kind,
      kindText: kindCell?.value ?? null,
      activityTypes: activity.ids,
      activityText: activity.text,
      focusTypes: focus.ids,
      focusText: focus.text,
      scope,
      counties: countyIds.map((id) => places.ref('county', id).name),
      municipalities: localMunicipalityIds.map((id) => places.ref('municipality', id).name),
      countyIds,
      municipalityIds: localMunicipalityIds,
      placeText: placeTexts.join('; '),
      unresolvedPlaces: uniqueValues(unresolvedPlaces),
      coordinates,
      start: start?.iso ?? null,
      end: end?.iso ?? null,
      status: statusCell?.value ?? null,
      website: websiteCell?.value ?? null,
      action: 'add',
      matchedOrganisationId: null,
      changes: [],
      hasErrors: errors.length > errorsBefore,
    });
  }

  if (ambiguousDate !== null && !dayFirstSeen) warnings.push(ambiguousDate);

  compareWithDataset(
    rows,
    context.dataset.organisations,
    {
      activityTypes: hasField('activityTypes'),
      focusTypes: hasField('focusTypes'),
      kind: hasField('kind'),
    },
    places.ref,
    warnings,
    options.mode ?? 'replace',
  );

  const byLine = (a: ImportProblem, b: ImportProblem) => a.line - b.line;
  return {
    format,
    mode: options.mode ?? 'replace',
    delimiter,
    columns,
    rows,
    errors: errors.sort(byLine),
    warnings: warnings.sort(byLine),
  };
}

/**
 * The organisation whose folded name is a few typing slips from `name` (about one per ten
 * letters, at least one), or null. Names shorter than five letters are not guessed at.
 */
function nearestName(name: string, byName: ReadonlyMap<string, Organisation>): Organisation | null {
  if (name.length < 5) return null;
  const limit = Math.max(1, Math.floor(name.length / 10));
  let best: { organisation: Organisation; distance: number } | null = null;
  for (const [other, organisation] of byName) {
    const distance = boundedEditDistance(name, other, limit);
    if (distance <= limit && (best === null || distance < best.distance)) {
      best = { organisation, distance };
    }
  }
  return best?.organisation ?? null;
}

/**
 * A list field as applying the rows would leave it: the rows' values alone (`replace`), or the
 * record's values with the rows' added after them (`add`).
 *
 * @example mergeImportedList(['AL132'], ['AL131'], 'add') // ['AL132', 'AL131']
 */
export function mergeImportedList(
  before: readonly string[],
  fromRows: readonly string[],
  mode: ImportMode,
): string[] {
  return mode === 'add' ? uniqueValues([...before, ...fromRows]) : uniqueValues(fromRows);
}

/**
 * Sets `action`, `matchedOrganisationId` and `changes` on each row. An organisation matches by
 * folded name, else by acronym; all lines naming it are compared together with the record:
 * areas and scope always; activity types, focus types and kind when the sheet gives them for
 * that organisation (an empty cell says nothing, it does not clear the types).
 */
function compareWithDataset(
  rows: ImportRow[],
  organisations: readonly Organisation[],
  columns: { activityTypes: boolean; focusTypes: boolean; kind: boolean },
  ref: PlaceLookup['ref'],
  warnings: ImportProblem[],
  mode: ImportMode,
): void {
  const byName = new Map<string, Organisation>();
  const byAcronym = new Map<string, Organisation[]>();
  for (const organisation of organisations) {
    if (organisation.planned) continue;
    const name = foldPlaceText(organisation.name);
    if (!byName.has(name)) byName.set(name, organisation);
    if (organisation.acronym) {
      const key = foldPlaceText(organisation.acronym);
      byAcronym.set(key, [...(byAcronym.get(key) ?? []), organisation]);
    }
  }
  const groups = new Map<string, { organisation: Organisation | null; rows: ImportRow[] }>();
  for (const row of rows) {
    const name = foldPlaceText(row.organisation);
    let organisation = byName.get(name) ?? null;
    if (!organisation) {
      const acronymMatches = uniqueValues([
        ...(row.acronym ? (byAcronym.get(foldPlaceText(row.acronym)) ?? []) : []),
        ...(byAcronym.get(name) ?? []),
      ]);
      const [only] = acronymMatches;
      if (acronymMatches.length === 1 && only) organisation = only;
      else if (acronymMatches.length > 1) {
        warnings.push({
          line: row.line,
          message: { code: 'acronym-several', names: acronymMatches.map((o) => o.name) },
        });
      }
    }
    const key = organisation ? `id:${organisation.id}` : `new:${name}`;
    const group = groups.get(key) ?? { organisation, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }

  for (const [key, { organisation, rows: groupRows }] of groups) {
    const [firstRow] = groupRows;
    if (!organisation) {
      // A typing slip ("Center for Youth Progres") must not quietly add a second record.
      const near = firstRow ? nearestName(key.slice('new:'.length), byName) : null;
      if (firstRow && near) {
        warnings.push({
          line: firstRow.line,
          message: { code: 'near-miss', name: firstRow.organisation, near: near.name },
        });
      }
      continue;
    }
    const all = (pick: (row: ImportRow) => readonly string[]) =>
      uniqueValues(groupRows.flatMap(pick));
    const merged = (before: readonly string[], pick: (row: ImportRow) => readonly string[]) =>
      mergeImportedList(before, all(pick), mode);
    const scope: Scope =
      groupRows.some((row) => row.scope === 'national') ||
      (mode === 'add' && organisation.scope === 'national')
        ? 'national'
        : 'local';
    const changes: ImportChange[] = [];
    const describe = (
      field: ImportListField,
      before: readonly string[],
      after: readonly string[],
      name: (id: string) => string,
    ) => {
      if (sameSet(before, after)) return;
      const added = after.filter((id) => !before.includes(id)).map(name);
      const removed = before.filter((id) => !after.includes(id)).map(name);
      changes.push({ field, added, removed });
    };
    if (scope !== organisation.scope) {
      changes.push({ field: 'scope', from: organisation.scope, to: scope });
    }
    if (scope === 'local') {
      describe(
        'counties',
        organisation.countyIds,
        merged(organisation.countyIds, (row) => row.countyIds),
        (id) => ref('county', id).name,
      );
      describe(
        'municipalities',
        organisation.municipalityIds,
        merged(organisation.municipalityIds, (row) => row.municipalityIds),
        (id) => ref('municipality', id).name,
      );
    }
    // A field is compared when the sheet has its column and fills it for this organisation.
    const provided = {
      activityTypes: columns.activityTypes && groupRows.some((row) => row.activityText !== null),
      focusTypes: columns.focusTypes && groupRows.some((row) => row.focusText !== null),
      kind: columns.kind && groupRows.some((row) => row.kindText !== null),
    };
    if (provided.activityTypes) {
      describe(
        'activityTypes',
        organisation.activityTypes,
        merged(organisation.activityTypes, (row) => row.activityTypes),
        (id) => id,
      );
    }
    if (provided.focusTypes) {
      describe(
        'focusTypes',
        organisation.focusTypes,
        merged(organisation.focusTypes, (row) => row.focusTypes),
        (id) => id,
      );
    }
    if (provided.kind) {
      const kinds = all((row) => (row.kind ? [row.kind] : []));
      const [kind] = kinds;
      if (kinds.length === 1 && kind && kind !== organisation.kind) {
        changes.push({ field: 'kind', from: organisation.kind, to: kind });
      }
    }
    for (const row of groupRows) {
      row.matchedOrganisationId = organisation.id;
      row.action = changes.length > 0 ? 'update' : 'unchanged';
      row.changes = [...changes];
    }
  }
}

import {
  CsvSyntaxError,
  joinMultiValue,
  parseCsv,
  serializeCsv,
  splitMultiValue,
} from '../src/domain/csv';
import { ORGANISATION_COLUMNS, type TaxonomyEntry } from '../src/domain/dataset';
import type { OrganisationCsvRecord } from '../src/domain/dataset-csv';
import type { Gazetteer } from '../src/domain/gazetteer-schema';
import { classifyByKeywords } from '../src/domain/keyword-classifier';
import { createPlaceResolver, type PlaceResolution } from '../src/domain/resolve-places';
import { normaliseWebsite } from '../src/domain/website';
import { parseAnnexI, slugify, splitAcronym, type AnnexRow } from '../src/domain/annex-i';
import { parseCuration, type CuratableField, type Curation } from '../src/domain/curation';

/**
 * The dataset build: Annex I of the mapping report → data/organisations.csv. Everything is
 * derived by rules a reader can check (the taxonomies' keywords, the place resolver), then
 * the hand decisions in data/curation.csv are applied, each with its reason, and noted on
 * the record. Nothing is typed in by hand here. Records that do not come from Annex I (added
 * by `harta import --write`) are not derived from anything: the build carries them over from
 * the organisations.csv it replaces, after the Annex rows.
 */

export interface DataBuildInput {
  documentId: string;
  documentText: string;
  gazetteer: Gazetteer;
  activityTypes: TaxonomyEntry[];
  focusTypes: TaxonomyEntry[];
  organisationKinds: TaxonomyEntry[];
  curationCsv: string;
  /**
   * The records of the current organisations.csv whose source is not the Annex document, in
   * their order: written as they are, after the Annex rows.
   */
  carriedRecords: OrganisationCsvRecord[];
}

type OrganisationRecord = OrganisationCsvRecord;

const MULTI_VALUED_FIELDS: readonly CuratableField[] = [
  'activity_types',
  'focus_types',
  'counties',
  'municipalities',
];

export class DataBuildError extends Error {
  override name = 'DataBuildError';
}

function describeResolution(resolution: PlaceResolution): string[] {
  const notes: string[] = [];
  for (const area of resolution.areas) {
    if (area.via) {
      const places = area.via.map((place) => `"${place}"`).join(', ');
      notes.push(
        `${places} ${area.via.length > 1 ? 'are' : 'is'} in ${area.name} (${area.level}).`,
      );
    }
    if (area.note) notes.push(`${area.note}.`);
    if (area.refinedBy) {
      const whole = area.level === 'county' ? `${area.name} county` : area.name;
      notes.push(
        `"${area.matched}" is narrowed by the places in brackets after it; only they are recorded, not all of ${whole}.`,
      );
    }
  }
  for (const place of resolution.unresolved) {
    const where = place.within ? ' (inside an area already listed)' : '';
    const names = place.candidates.map((candidate) => candidate.name).join(' or ');
    const candidates =
      place.candidates.length === 0
        ? ''
        : place.reason === 'ambiguous'
          ? `; it could be in ${names}`
          : `; a close spelling names a place in ${names}`;
    notes.push(`"${place.text}" is not in the gazetteer${where}${candidates}.`);
  }
  return notes;
}

function buildRecord(
  row: AnnexRow,
  input: DataBuildInput,
  resolvePlaces: (text: string) => PlaceResolution,
): {
  record: OrganisationRecord;
  notes: string[];
} {
  const { name, acronym } = splitAcronym(row.name);
  const website = normaliseWebsite(row.website);
  const resolution = resolvePlaces(row.geographicFocus);
  const notes = describeResolution(resolution);
  if (website.url === null && website.problem) notes.push(`Website: ${website.problem}.`);
  const local = resolution.scope === 'local';
  // An area refined by narrower places in brackets is context, not where the work is.
  const areaNames = (level: 'county' | 'municipality') =>
    joinMultiValue(
      resolution.areas
        .filter((area) => area.level === level && !area.refinedBy)
        .map((area) => area.name),
    );
  const [kind] = classifyByKeywords(name, input.organisationKinds);
  return {
    notes,
    record: {
      id: slugify(name),
      source_document: input.documentId,
      annex_row: String(row.row),
      name,
      acronym: acronym ?? '',
      kind: kind ?? 'cso',
      website_raw: row.website,
      website: website.url ?? '',
      theme: row.theme,
      activity_types: joinMultiValue(classifyByKeywords(row.theme, input.activityTypes)),
      focus_of_activities: row.focusOfActivities,
      focus_types: joinMultiValue(classifyByKeywords(row.focusOfActivities, input.focusTypes)),
      geographic_focus: row.geographicFocus,
      scope: resolution.scope === 'none' ? '' : resolution.scope,
      counties: local ? areaNames('county') : '',
      municipalities: local ? areaNames('municipality') : '',
      unresolved_places: joinMultiValue(resolution.unresolved.map((place) => place.text)),
      notes: '',
    },
  };
}

function applyCuration(record: OrganisationRecord, notes: string[], curation: Curation): void {
  const field = curation.field;
  const before = record[field];
  const multiValued = MULTI_VALUED_FIELDS.includes(field);
  const where = `curation.csv:${curation.line}`;
  switch (curation.action) {
    case 'set':
      record[field] = curation.value;
      break;
    case 'add': {
      if (!multiValued) throw new DataBuildError(`${where}: "add" needs a multi-valued field`);
      const values = splitMultiValue(before);
      record[field] = joinMultiValue([
        ...values,
        ...splitMultiValue(curation.value).filter((v) => !values.includes(v)),
      ]);
      break;
    }
    case 'remove': {
      if (!multiValued) throw new DataBuildError(`${where}: "remove" needs a multi-valued field`);
      const removed = new Set(splitMultiValue(curation.value));
      record[field] = joinMultiValue(splitMultiValue(before).filter((v) => !removed.has(v)));
      break;
    }
    case 'note':
      notes.push(curation.reason);
      return;
  }
  if (record[field] === before) {
    throw new DataBuildError(
      `${where}: changes nothing (row ${curation.annexRow}, ${field}); remove it`,
    );
  }
  const change =
    curation.action === 'set'
      ? `${field.replace('_', ' ')} set to "${curation.value}"`
      : `${field.replace('_', ' ')}: ${curation.action === 'add' ? 'added' : 'removed'} ${curation.value}`;
  notes.push(`Curated: ${change}. ${curation.reason}`);
}

/**
 * The rows of an organisations.csv (the one the build replaces) whose `source_document` is not
 * `annexDocumentId`, in their order, as records. Throws a DataBuildError naming the line when
 * the file cannot be read as organisations, since then it cannot tell which records to keep.
 *
 * @example carriedOverRecords(csv, '000_61f3ef4351b68807').map((r) => r.source_document)
 * // ['import-2025-06-01-partners-3w-xlsx', …]
 */
export function carriedOverRecords(
  organisationsCsv: string,
  annexDocumentId: string,
): OrganisationRecord[] {
  let table;
  try {
    table = parseCsv(organisationsCsv);
  } catch (error) {
    const line = error instanceof CsvSyntaxError ? error.line : 1;
    throw new DataBuildError(
      `organisations.csv:${line}: ${(error as Error).message}; the records not from Annex I cannot be carried over`,
    );
  }
  const { header, records } = table;
  if (records.length === 0 && header.length === 0) return [];
  const missing = ORGANISATION_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new DataBuildError(
      `organisations.csv:1: missing column(s) ${missing.join(', ')}; the records not from Annex I cannot be carried over`,
    );
  }
  return records
    .map(({ values }) => {
      const record = {} as OrganisationRecord;
      for (const column of ORGANISATION_COLUMNS) {
        record[column] = values[header.indexOf(column)] ?? '';
      }
      return record;
    })
    .filter((record) => record.source_document !== annexDocumentId);
}

/** An Annex row's record with its curations applied, before the build completes it. */
interface CuratedRow {
  row: AnnexRow;
  record: OrganisationRecord;
  notes: string[];
}

function curateAnnexRows(input: DataBuildInput): CuratedRow[] {
  const rows = parseAnnexI(input.documentText);
  const { resolvePlaces } = createPlaceResolver(input.gazetteer);
  const { curations, problems } = parseCuration(input.curationCsv);
  if (problems.length > 0) {
    throw new DataBuildError(
      problems.map((p) => `curation.csv:${p.line}: ${p.message}`).join('\n'),
    );
  }
  const rowNumbers = new Set(rows.map((row) => row.row));
  for (const curation of curations) {
    if (!rowNumbers.has(curation.annexRow)) {
      throw new DataBuildError(
        `curation.csv:${curation.line}: Annex I has no row ${curation.annexRow}`,
      );
    }
  }
  return rows.map((row) => {
    const { record, notes } = buildRecord(row, input, resolvePlaces);
    for (const curation of curations.filter((c) => c.annexRow === row.row)) {
      applyCuration(record, notes, curation);
    }
    return { row, record, notes };
  });
}

function completeRecord({ row, record, notes }: CuratedRow): OrganisationRecord {
  const complete = { ...record };
  if (complete.scope === '') {
    throw new DataBuildError(
      `Annex I row ${row.row}: geographic focus "${row.geographicFocus}" names no known place; add a curation`,
    );
  }
  if (complete.scope === 'national') {
    complete.counties = '';
    complete.municipalities = '';
  }
  complete.notes = notes.join(' ');
  return complete;
}

function describeRecord(record: OrganisationRecord, annexDocumentId: string): string {
  const where =
    record.source_document === annexDocumentId
      ? `Annex I row ${record.annex_row}`
      : `${record.source_document}${record.annex_row === '' ? '' : `, row ${record.annex_row}`}`;
  return `"${record.name}" (${where})`;
}

/**
 * Builds data/organisations.csv from the report, then the carried-over records. Throws on
 * anything it cannot account for, and when two records get the same id.
 */
export function buildOrganisationsCsv(input: DataBuildInput): string {
  const records = [...curateAnnexRows(input).map(completeRecord), ...input.carriedRecords];
  const byId = new Map<string, OrganisationRecord>();
  for (const record of records) {
    const first = byId.get(record.id);
    if (first) {
      throw new DataBuildError(
        `two organisations get the id "${record.id}": ${describeRecord(first, input.documentId)} and ${describeRecord(record, input.documentId)}`,
      );
    }
    byId.set(record.id, record);
  }
  return serializeCsv(
    ORGANISATION_COLUMNS,
    records.map((record) => ORGANISATION_COLUMNS.map((column) => record[column])),
  );
}

/** The fields an import may change on a record of the report. */
export type ImportedField = Extract<
  CuratableField,
  'kind' | 'activity_types' | 'focus_types' | 'scope' | 'counties' | 'municipalities'
>;

/** In the order their curations are written: the scope before the areas it keeps or clears. */
export const IMPORTED_FIELDS: readonly ImportedField[] = [
  'kind',
  'activity_types',
  'focus_types',
  'scope',
  'counties',
  'municipalities',
];

export interface CurationSet {
  annexRow: number;
  field: ImportedField;
  /** The value when the curation is applied (after the rules and the earlier curations). */
  before: string;
  value: string;
}

/**
 * The `set` curations that, appended to the curation log, make the build give Annex I rows
 * these values (as organisations.csv writes them), and no more: a field the build already
 * gives that value (for a list, the same values in any order) gets none, and with scope
 * national none is written for the areas, which the build then leaves empty. Each one changes
 * its field, so the build accepts it. Throws a DataBuildError when Annex I has no such row.
 *
 * @example curationSetsFor(input, [{ annexRow: 2, values: { municipalities: 'Kukës; Has' } }])
 * // [{ annexRow: 2, field: 'municipalities', before: 'Kukës', value: 'Kukës; Has' }]
 */
export function curationSetsFor(
  input: DataBuildInput,
  targets: readonly { annexRow: number; values: Partial<Record<ImportedField, string>> }[],
): CurationSet[] {
  const curated = new Map(curateAnnexRows(input).map((row) => [row.row.row, row]));
  const sameValue = (field: ImportedField, a: string, b: string) => {
    if (!MULTI_VALUED_FIELDS.includes(field)) return a === b;
    const left = new Set(splitMultiValue(a));
    const right = new Set(splitMultiValue(b));
    return left.size === right.size && [...left].every((value) => right.has(value));
  };
  return targets.flatMap(({ annexRow, values }) => {
    const row = curated.get(annexRow);
    if (!row) throw new DataBuildError(`Annex I has no row ${annexRow}`);
    const national = (values.scope ?? row.record.scope) === 'national';
    return IMPORTED_FIELDS.flatMap((field): CurationSet[] => {
      const value = values[field];
      if (value === undefined) return [];
      if (national && (field === 'counties' || field === 'municipalities')) return [];
      const before = row.record[field];
      return sameValue(field, before, value) ? [] : [{ annexRow, field, before, value }];
    });
  });
}

import { joinMultiValue, parseCsv, serializeCsv } from './csv';
import type { DOCUMENT_COLUMNS, DocumentRef, ORGANISATION_COLUMNS, Organisation } from './dataset';
import type { Gazetteer } from './gazetteer-schema';

/**
 * The dataset back into the spreadsheet form of data/: the inverse of `parseDataset` for
 * organisations and documents, so a record read, changed and written comes back as it was
 * written. Rows are replaced or appended by id; every other line of the file stays as it is.
 */

export type OrganisationCsvRecord = Record<(typeof ORGANISATION_COLUMNS)[number], string>;
export type DocumentCsvRecord = Record<(typeof DOCUMENT_COLUMNS)[number], string>;

/**
 * One organisation as a row of organisations.csv: areas by their official names, lists joined
 * with "; ", nothing for null.
 *
 * @example organisationCsvRecord(org, gazetteer).municipalities // 'Kukës; Has'
 */
export function organisationCsvRecord(
  organisation: Organisation,
  gazetteer: Gazetteer,
): OrganisationCsvRecord {
  const countyNames = new Map(gazetteer.counties.map((county) => [county.id, county.name]));
  const municipalityNames = new Map(gazetteer.municipalities.map((m) => [m.id, m.name]));
  const names = (ids: readonly string[], byId: ReadonlyMap<string, string>) =>
    joinMultiValue(ids.map((id) => byId.get(id) ?? id));
  return {
    id: organisation.id,
    source_document: organisation.source.document,
    annex_row: organisation.source.row === null ? '' : String(organisation.source.row),
    name: organisation.name,
    acronym: organisation.acronym ?? '',
    kind: organisation.kind,
    website_raw: organisation.websiteRaw,
    website: organisation.website ?? '',
    theme: organisation.theme,
    activity_types: joinMultiValue(organisation.activityTypes),
    focus_of_activities: organisation.focusOfActivities,
    focus_types: joinMultiValue(organisation.focusTypes),
    geographic_focus: organisation.geographicFocus,
    scope: organisation.scope,
    counties: names(organisation.countyIds, countyNames),
    municipalities: names(organisation.municipalityIds, municipalityNames),
    unresolved_places: joinMultiValue(organisation.unresolvedPlaces),
    notes: organisation.notes,
  };
}

export function documentCsvRecord(document: DocumentRef): DocumentCsvRecord {
  return {
    id: document.id,
    title: document.title,
    publisher: document.publisher,
    year: document.year,
    file: document.file,
  };
}

/**
 * `csvText` with the row of each record's id replaced by the record, and records with a new
 * id appended, in the file's own column order (a column the record lacks is left empty).
 * Other rows are written back as they were read. Throws a CsvSyntaxError when `csvText` is
 * not CSV: check the file first.
 */
export function upsertCsvRows(
  csvText: string,
  records: readonly Readonly<Record<string, string>>[],
  idColumn = 'id',
): string {
  const { header, records: existing } = parseCsv(csvText);
  const idIndex = header.indexOf(idColumn);
  if (idIndex < 0) throw new Error(`the file has no "${idColumn}" column`);
  const rows = existing.map((record) => record.values);
  const rowById = new Map(rows.map((values, index) => [values[idIndex] ?? '', index]));
  for (const record of records) {
    const values = header.map((column) => record[column] ?? '');
    const index = rowById.get(record[idColumn] ?? '');
    if (index === undefined) {
      rowById.set(record[idColumn] ?? '', rows.length);
      rows.push(values);
    } else rows[index] = values;
  }
  return serializeCsv(header, rows);
}

/**
 * `csvText` with `records` added as rows at its end, in the file's own column order (a column
 * a record lacks is left empty); the lines before stay exactly as they were. Throws a
 * CsvSyntaxError when `csvText` is not CSV: check the file first.
 *
 * @example appendCsvRows('a,b\n1,2\n', [{ a: '3', b: 'x, y' }]) // 'a,b\n1,2\n3,"x, y"\n'
 */
export function appendCsvRows(
  csvText: string,
  records: readonly Readonly<Record<string, string>>[],
): string {
  const { header } = parseCsv(csvText);
  if (header.length === 0) throw new Error('the file has no header');
  if (records.length === 0) return csvText;
  const rows = serializeCsv(
    header,
    records.map((record) => header.map((column) => record[column] ?? '')),
  );
  const added = rows.slice(rows.indexOf('\n') + 1);
  const separator = csvText === '' || /[\r\n]$/.test(csvText) ? '' : '\n';
  return `${csvText}${separator}${added}`;
}

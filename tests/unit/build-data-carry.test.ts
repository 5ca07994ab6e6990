import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataBuildInput, runDataBuild } from '../../data/build-data';
import {
  buildOrganisationsCsv,
  carriedOverRecords,
  curationSetsFor,
  DataBuildError,
} from '../../data/build-data-lib';
import { parseCsv, serializeCsv } from '../../src/domain/csv';
import { ORGANISATION_COLUMNS } from '../../src/domain/dataset';
import type { OrganisationCsvRecord } from '../../src/domain/dataset-csv';

// The data build on the REAL report, curation log and taxonomies, with SYNTHETIC records that
// do not come from Annex I; runDataBuild runs on scratch copies of data/ and geo/ only.

const root = new URL('../../', import.meta.url).pathname;
const ANNEX = '000_61f3ef4351b68807';
const committed = readFileSync(join(root, 'data/organisations.csv'), 'utf8');
const input = readDataBuildInput(root);

const scratch: string[] = [];
afterAll(() => scratch.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function scratchRepository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'harta-build-'));
  scratch.push(repo);
  cpSync(join(root, 'data'), join(repo, 'data'), { recursive: true });
  cpSync(join(root, 'geo'), join(repo, 'geo'), { recursive: true });
  return repo;
}

function importedRecord(overrides: Partial<OrganisationCsvRecord> = {}): OrganisationCsvRecord {
  return {
    id: 'drita',
    source_document: 'import-2025-06-01-partners-csv',
    annex_row: '4',
    name: 'Drita',
    acronym: '',
    kind: 'cso',
    website_raw: '',
    website: '',
    theme: 'Training, for "youth"',
    activity_types: 'training',
    focus_of_activities: '',
    focus_types: '',
    geographic_focus: 'Fier',
    scope: 'local',
    counties: '',
    municipalities: 'Fier',
    unresolved_places: '',
    notes: 'Imported from partners.csv (line 4) on 2025-06-01.',
    ...overrides,
  };
}

const rowsOf = (records: readonly OrganisationCsvRecord[]) =>
  serializeCsv(
    ORGANISATION_COLUMNS,
    records.map((record) => ORGANISATION_COLUMNS.map((column) => record[column])),
  )
    .split('\n')
    .slice(1)
    .join('\n');

describe('the data build carries over the records not from Annex I', () => {
  it('finds them in organisations.csv, in their order, whatever its column order', () => {
    const second = importedRecord({ id: 'vatra', name: 'Vatra', source_document: 'edited' });
    const csv = committed + rowsOf([importedRecord(), second]);
    expect(carriedOverRecords(committed, ANNEX)).toEqual([]);
    expect(carriedOverRecords(csv, ANNEX)).toEqual([importedRecord(), second]);
    expect(carriedOverRecords('', ANNEX)).toEqual([]);
    const reversed = [...ORGANISATION_COLUMNS].reverse();
    const shuffled = serializeCsv(reversed, [reversed.map((column) => importedRecord()[column])]);
    expect(carriedOverRecords(shuffled, ANNEX)).toEqual([importedRecord()]);
  });

  it('refuses an organisations.csv it cannot read, naming the line', () => {
    expect(() => carriedOverRecords(`${committed}drita,"open\n`, ANNEX)).toThrow(
      /^organisations\.csv:57: a quoted field is not closed; the records not from Annex I cannot be carried over$/,
    );
    expect(() => carriedOverRecords('id,name\ndrita,Drita\n', ANNEX)).toThrow(
      /^organisations\.csv:1: missing column\(s\) source_document, annex_row, /,
    );
  });

  it('writes them as they are, after the Annex rows', () => {
    const carried = [importedRecord(), importedRecord({ id: 'vatra', name: 'Vatra' })];
    const built = buildOrganisationsCsv({ ...input, carriedRecords: carried });
    expect(built).toBe(committed + rowsOf(carried));
    const ids = parseCsv(built).records.map((record) => record.values[0]);
    expect(ids).toHaveLength(57);
    expect(ids.slice(-2)).toEqual(['drita', 'vatra']);
  });

  it('refuses two records with one id, naming both', () => {
    const twin = importedRecord({ id: 'center-for-youth-progress', name: 'CYP Kukës' });
    expect(() => buildOrganisationsCsv({ ...input, carriedRecords: [twin] })).toThrow(
      new DataBuildError(
        'two organisations get the id "center-for-youth-progress": "Center for Youth Progress" (Annex I row 2) and "CYP Kukës" (import-2025-06-01-partners-csv, row 4)',
      ),
    );
    const again = importedRecord({ name: 'Drita e Re', source_document: 'edited', annex_row: '' });
    expect(() =>
      buildOrganisationsCsv({ ...input, carriedRecords: [importedRecord(), again] }),
    ).toThrow(
      'two organisations get the id "drita": "Drita" (import-2025-06-01-partners-csv, row 4) and "Drita e Re" (edited)',
    );
  });

  it('keeps them through `npm run data:build`, and builds without organisations.csv', () => {
    const repo = scratchRepository();
    const path = join(repo, 'data/organisations.csv');
    const withImported = committed + rowsOf([importedRecord()]);
    writeFileSync(path, withImported);
    expect(runDataBuild(repo)).toBe(
      'wrote data/organisations.csv (56 organisations, 1 of them not from Annex I, carried over)',
    );
    expect(readFileSync(path, 'utf8')).toBe(withImported);
    // An Annex row edited by hand is rebuilt; the imported row stays.
    writeFileSync(path, withImported.replace('Municipality of Kukes', 'Kukës'));
    runDataBuild(repo);
    expect(readFileSync(path, 'utf8')).toBe(withImported);
    rmSync(path);
    expect(runDataBuild(repo)).toBe('wrote data/organisations.csv (55 organisations)');
    expect(readFileSync(path, 'utf8')).toBe(committed);
  });
});

describe('curationSetsFor', () => {
  const withCurations = (sets: ReturnType<typeof curationSetsFor>) =>
    `${input.curationCsv}${sets
      .map((set) => `${set.annexRow},${set.field},set,"${set.value}",test\n`)
      .join('')}`;
  const builtRow = (curationCsv: string, annexRow: number) => {
    const { header, records } = parseCsv(buildOrganisationsCsv({ ...input, curationCsv }));
    const values = records.find((r) => r.values[header.indexOf('annex_row')] === String(annexRow));
    return Object.fromEntries(header.map((column, i) => [column, values?.values[i]]));
  };

  it('sets only the fields that change, and the build then gives the values', () => {
    const sets = curationSetsFor(input, [
      {
        annexRow: 2,
        values: { kind: 'cso', scope: 'local', municipalities: 'Kukës; Has', counties: '' },
      },
    ]);
    expect(sets).toEqual([
      { annexRow: 2, field: 'municipalities', before: 'Kukës', value: 'Kukës; Has' },
    ]);
    expect(builtRow(withCurations(sets), 2)).toMatchObject({ municipalities: 'Kukës; Has' });
  });

  it('takes a list with the same values in another order as no change', () => {
    const current = builtRow(input.curationCsv, 2).activity_types ?? '';
    const reordered = current.split('; ').reverse().join('; ');
    expect(reordered).not.toBe(current);
    expect(
      curationSetsFor(input, [{ annexRow: 2, values: { activity_types: reordered } }]),
    ).toEqual([]);
    expect(
      curationSetsFor(input, [{ annexRow: 2, values: { activity_types: `${current}; research` } }]),
    ).toEqual([
      { annexRow: 2, field: 'activity_types', before: current, value: `${current}; research` },
    ]);
  });

  it('makes a national organisation local with its areas, and a local one national', () => {
    const local = curationSetsFor(input, [
      { annexRow: 1, values: { scope: 'local', counties: '', municipalities: 'Pogradec' } },
    ]);
    expect(local).toEqual([
      { annexRow: 1, field: 'scope', before: 'national', value: 'local' },
      { annexRow: 1, field: 'municipalities', before: '', value: 'Pogradec' },
    ]);
    expect(builtRow(withCurations(local), 1)).toMatchObject({
      scope: 'local',
      counties: '',
      municipalities: 'Pogradec',
    });
    // The areas are not curated away: the build leaves a national organisation's empty.
    const national = curationSetsFor(input, [
      { annexRow: 2, values: { scope: 'national', counties: '', municipalities: '' } },
    ]);
    expect(national).toEqual([{ annexRow: 2, field: 'scope', before: 'local', value: 'national' }]);
    expect(builtRow(withCurations(national), 2)).toMatchObject({
      scope: 'national',
      municipalities: '',
    });
  });

  it('compares the areas as the curations see them, before a national scope empties them', () => {
    // Made national by an earlier curation: its municipality is still there underneath.
    const curationCsv = `${input.curationCsv}2,scope,set,national,test\n`;
    expect(builtRow(curationCsv, 2)).toMatchObject({ scope: 'national', municipalities: '' });
    const sets = curationSetsFor({ ...input, curationCsv }, [
      { annexRow: 2, values: { scope: 'local', counties: '', municipalities: 'Kukës' } },
    ]);
    expect(sets).toEqual([{ annexRow: 2, field: 'scope', before: 'national', value: 'local' }]);
    const rebuilt = builtRow(withCurations(sets).replace(input.curationCsv, curationCsv), 2);
    expect(rebuilt).toMatchObject({ scope: 'local', municipalities: 'Kukës' });
  });

  it('refuses a row Annex I does not have', () => {
    expect(() => curationSetsFor(input, [{ annexRow: 999, values: { kind: 'cso' } }])).toThrow(
      new DataBuildError('Annex I has no row 999'),
    );
  });
});

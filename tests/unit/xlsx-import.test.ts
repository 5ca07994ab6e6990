import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import type { Gazetteer } from '../../src/domain/gazetteer-schema';
import { MAX_IMPORT_BYTES } from '../../src/domain/text-decoding';
import {
  MAX_WORKBOOK_UNPACKED_BYTES,
  previewImportSource,
  readImportSource,
  type ImportSource,
} from '../../src/io/import-source';
import { translator } from '../../src/i18n/messages';
import { inEnglish } from '../support/import-english';
import { makeDataset } from './fixtures/dataset-fixture';

// The workbooks of tests/unit/fixtures/xlsx/ were saved by LibreOffice Calc (see
// make-xlsx-fixtures.ts there): SYNTHETIC organisations, real place names. The REAL gazetteer
// resolves the places.

const root = new URL('../../', import.meta.url);
const checked = checkGazetteer(readFileSync(new URL('geo/gazetteer.json', root), 'utf8'));
if (!checked.gazetteer) throw new Error('geo/gazetteer.json does not load');
const gazetteer: Gazetteer = checked.gazetteer;
const context = () => ({ gazetteer, dataset: makeDataset() });

const english = translator('en');

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`fixtures/xlsx/${name}`, import.meta.url)));

async function read(name: string, bytes = fixture(name)): Promise<ImportSource> {
  const result = await readImportSource(name, bytes);
  if (!result.ok) throw new Error(english('import.sourceFailure', result.message));
  return result.source;
}

async function failure(name: string, bytes = fixture(name)): Promise<string> {
  const result = await readImportSource(name, bytes);
  if (result.ok) throw new Error(`${name} was read`);
  return english('import.sourceFailure', result.message);
}

describe('readImportSource: workbooks', () => {
  it('reads the first worksheet, cells as text: dates as ISO dates, numbers and formulas as shown', async () => {
    const source = await read('partners-3w.xlsx');
    if (source.kind !== 'xlsx') throw new Error('not read as a workbook');
    expect(source.sheetName).toBe('Partners');
    expect(source.otherSheets).toEqual([]);
    expect(source.rows[1]?.[0]).toBe('#org+name');
    expect(source.rows[2]).toEqual([
      'Qendra Rinore Veriore',
      'QRV',
      'Training',
      'Kukës',
      'Kukës',
      '2019-03-01',
      '42.0769',
      '20.4219',
      '12500',
    ]);
    // A formula's cached result: the name and the sums as the sheet showed them.
    expect(source.rows[5]?.[0]).toBe('Rrjeti i Jugut');
    expect(source.rows[5]?.slice(6)).toEqual(['40.4686', '19.4914', '0.3']);
    expect(source.rows[3]?.[4]).toBe('Tiranë; Durrës');
  });

  it('gives the same preview as the same sheet saved as CSV', async () => {
    const workbook = previewImportSource(await read('partners-3w.xlsx'), context());
    const csv = previewImportSource(await read('partners-3w.csv'), context());
    expect(workbook.rows.length).toBe(6);
    expect(workbook.rows).toEqual(csv.rows);
    expect(workbook.errors).toEqual(csv.errors);
    expect(workbook.warnings).toEqual(csv.warnings);
    expect(workbook.format).toBe('hxl');
    expect([workbook.delimiter, csv.delimiter]).toEqual([null, ',']);
  });

  it('reports by spreadsheet row: resolved places, multi-valued cells, suggestions, formulas', async () => {
    const preview = previewImportSource(await read('partners-3w.xlsx'), context());
    expect(
      preview.rows.map((row) => [row.line, row.organisation, row.counties, row.municipalities]),
    ).toEqual([
      [3, 'Qendra Rinore Veriore', [], ['Kukës']],
      [4, 'Shoqata Bregdeti', [], ['Tiranë', 'Durrës']],
      // "Kukesi" is the gazetteer's own alias of Kukës.
      [5, 'Forumi i Dialogut', [], ['Kukës']],
      [6, 'Rrjeti i Jugut', ['Vlorë'], []],
      [7, 'Lidhja e Grave', [], []],
      [8, 'Grupi Vendor', [], ['Pogradec']],
    ]);
    expect(preview.rows[0]).toMatchObject({ start: '2019-03-01', coordinates: [20.4219, 42.0769] });
    expect(preview.rows[3]?.coordinates).toEqual([19.4914, 40.4686]);
    expect(inEnglish(preview.errors)).toEqual([
      { line: 7, field: 'Bashkia', message: 'unknown municipality "Kukse": did you mean Kukës?' },
    ]);
    expect(inEnglish(preview.warnings)).toContainEqual({
      line: 8,
      field: 'Sector',
      message: 'looks like a spreadsheet formula; kept as text',
    });
  });

  it('skips empty worksheets and says which of several with data it read', async () => {
    const source = await read('three-sheets.xlsx');
    expect(source).toMatchObject({ kind: 'xlsx', sheetName: 'Partners', otherSheets: ['Donors'] });
    const preview = previewImportSource(source, context());
    expect(inEnglish(preview.warnings)[0]).toEqual({
      line: 1,
      message:
        'the workbook has 2 worksheets with data: only the first, "Partners", is read (not "Donors")',
    });
    expect(preview.rows.map((row) => row.line)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('recognises a workbook by its bytes, whatever its name', async () => {
    const source = await read('partners export', fixture('partners-3w.xlsx'));
    expect(source.kind).toBe('xlsx');
  });
});

describe('readImportSource: workbooks it cannot read', () => {
  it('says an empty workbook is empty', async () => {
    expect(await failure('empty.xlsx')).toBe(
      'empty.xlsx has no data: all 2 of its worksheets are empty',
    );
  });

  it('says a damaged workbook is damaged', async () => {
    const whole = fixture('partners-3w.xlsx');
    const cut = whole.slice(0, Math.floor(whole.length / 2));
    expect(await failure('cut.xlsx', cut)).toMatch(
      /^cut\.xlsx cannot be read as an Excel workbook: the file is damaged or incomplete/,
    );
    const garbled = whole.slice();
    garbled.fill(0x41, 200, 2000);
    expect(await failure('garbled.xlsx', garbled)).toMatch(
      /^garbled\.xlsx cannot be read as an Excel workbook/,
    );
  });

  it('refuses an Excel 97–2003 .xls, by its bytes or its name, saying what to do', async () => {
    const message =
      'partners-3w.xls is an Excel 97–2003 workbook (.xls), which is not supported: open it in Excel (or LibreOffice) and save it as an Excel Workbook (.xlsx) or CSV';
    expect(await failure('partners-3w.xls')).toBe(message);
    expect(await failure('renamed.xlsx', fixture('partners-3w.xls'))).toMatch(
      /^renamed\.xlsx is an Excel 97–2003 workbook \(\.xls\)/,
    );
    const text = new TextEncoder().encode('Organisation\tBashkia\nDrita\tFier\n');
    expect(await failure('old.xls', text)).toMatch(/^old\.xls is named as an Excel 97–2003/);
  });

  it('refuses an OpenDocument spreadsheet, by its name or its content', async () => {
    const message =
      'partners-3w.ods is an OpenDocument spreadsheet (.ods), which cannot be imported: open it in Excel (or LibreOffice) and save it as an Excel Workbook (.xlsx) or CSV';
    expect(await failure('partners-3w.ods')).toBe(message);
    expect(await failure('renamed.xlsx', fixture('partners-3w.ods'))).toMatch(
      /^renamed\.xlsx is an OpenDocument spreadsheet/,
    );
  });

  it('says a password-protected workbook is locked', async () => {
    // SYNTHETIC: the start of a compound file naming the streams an encrypted .xlsx holds.
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0]);
    bytes.set(name, 1024);
    expect(await failure('locked.xlsx', bytes)).toMatch(
      /^locked\.xlsx is password-protected, so it cannot be read: open it in Excel, remove the password/,
    );
  });

  it('says a .xlsx that is text is not a workbook, and how to read it', async () => {
    const text = new TextEncoder().encode('Organisation,Bashkia\nDrita,Fier\n');
    expect(await failure('renamed.xlsx', text)).toBe(
      'renamed.xlsx is named as an Excel workbook (.xlsx) but is not one (a workbook is a ZIP archive): it holds text, so if it is a CSV file, rename it to .csv',
    );
  });

  it('refuses a file over 20 MB before opening it', async () => {
    // A real workbook followed by padding: opened, it would read; it is refused for its size.
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    big.set(fixture('partners-3w.xlsx'));
    const started = performance.now();
    expect(await failure('big.xlsx', big)).toBe(
      'big.xlsx is 20.0 MB; at most 20 MB can be imported',
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a workbook that would unpack to more than the limit, before unpacking it', async () => {
    // The central directory of the real fixture, edited to claim a 4 GB entry.
    const bomb = fixture('partners-3w.xlsx');
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    let end = bomb.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end -= 1;
    const directory = view.getUint32(end + 16, true);
    view.setUint32(directory + 24, 0xfffffffe, true);
    expect(await failure('bomb.xlsx', bomb)).toBe(
      `bomb.xlsx unpacks to 4096 MB; at most ${MAX_WORKBOOK_UNPACKED_BYTES / 1024 / 1024} MB can be imported: save the sheet you need on its own, as .xlsx or CSV`,
    );
  });
});

describe('readImportSource: text', () => {
  it('decodes CSV as before, with its encoding', async () => {
    const source = await read('partners-3w.csv');
    expect(source).toMatchObject({ kind: 'csv', encoding: 'utf-8', notes: [] });
    const bytes = new Uint8Array([...new TextEncoder().encode('Organizata,Bashkia\nKu'), 0xe7]);
    expect(await read('cp.csv', bytes)).toMatchObject({
      kind: 'csv',
      encoding: 'windows-1252',
      text: 'Organizata,Bashkia\nKuç',
    });
  });

  it('says an empty file is empty and a binary file is not a sheet', async () => {
    expect(await failure('empty.csv', new Uint8Array())).toBe('empty.csv is empty');
    expect(await failure('scan.csv', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toMatch(
      /^scan\.csv looks like a PDF document/,
    );
  });
});

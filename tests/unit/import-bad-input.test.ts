import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importChanges } from '../../src/domain/apply-import';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import type { Dataset } from '../../src/domain/dataset';
import { export3wCsv } from '../../src/domain/export-3w';
import type { Gazetteer } from '../../src/domain/gazetteer-schema';
import { applyEdits, NO_EDITS, withOrganisations } from '../../src/domain/local-edits';
import { MAX_IMPORT_BYTES } from '../../src/domain/text-decoding';
import { previewImportSource, readImportSource } from '../../src/io/import-source';
import { translator } from '../../src/i18n/messages';
import { inEnglish } from '../support/import-english';
import { makeDataset } from './fixtures/dataset-fixture';

// Each bad input the issue lists, taken through the whole import as the app and the command
// line run it (read → preview → changes): a clear message naming the file, line and field, and
// the data as it was. The gazetteer is REAL; the dataset and every sheet are SYNTHETIC.

const root = new URL('../../', import.meta.url);
const checked = checkGazetteer(readFileSync(new URL('geo/gazetteer.json', root), 'utf8'));
if (!checked.gazetteer) throw new Error('geo/gazetteer.json does not load');
const gazetteer: Gazetteer = checked.gazetteer;

const english = translator('en');

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Runs the import as "Apply" does, without skipping errors; returns the dataset afterwards. */
async function importFile(fileName: string, bytes: Uint8Array, dataset: Dataset) {
  const read = await readImportSource(fileName, bytes);
  if (!read.ok) {
    // Messages in the English the command line prints.
    const failed = { ok: false as const, message: english('import.sourceFailure', read.message) };
    return { read: failed, preview: null, changes: null, after: dataset };
  }
  const context = { gazetteer, dataset };
  const preview = previewImportSource(read.source, context);
  const changes = importChanges(preview, context, {
    fileName,
    importedAt: '2026-11-22',
    defaultKind: 'cso',
  });
  const after = changes.ok
    ? applyEdits(
        dataset,
        withOrganisations(
          NO_EDITS,
          dataset,
          changes.organisations.map((item) => item.organisation),
          [changes.document],
        ),
      )
    : dataset;
  const words = {
    ...preview,
    errors: inEnglish(preview.errors),
    warnings: inEnglish(preview.warnings),
  };
  return { read, preview: words, changes, after };
}

describe('bad input: a clear message, and the data stays as it was', () => {
  it('an empty file', async () => {
    const dataset = makeDataset();
    const result = await importFile('empty.csv', new Uint8Array(), dataset);
    expect(result.read).toEqual({ ok: false, message: 'empty.csv is empty' });
    expect(result.after).toBe(dataset);
  });

  it('a header only', async () => {
    const dataset = makeDataset();
    const result = await importFile('header.csv', utf8('Organisation,Bashkia\n'), dataset);
    expect(result.preview?.rows).toEqual([]);
    expect(result.preview?.warnings[0]).toMatchObject({ line: 1 });
    expect(result.changes).toMatchObject({ ok: true, organisations: [] });
    expect(result.after).toBe(dataset);
  });

  it('a binary file', async () => {
    const dataset = makeDataset();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const result = await importFile('logo.csv', png, dataset);
    expect(result.read.ok).toBe(false);
    if (!result.read.ok) expect(result.read.message).toMatch(/^logo\.csv /);
    expect(result.after).toBe(dataset);
  });

  it('a Windows-1250 file as Excel saves it in the region reads its letters right', async () => {
    const dataset = makeDataset();
    // "Qendra Çështje;Korçë" in Windows-1250: Ç = 0xC7, ë = 0xEB, ç = 0xE7.
    const bytes = new Uint8Array([
      ...utf8('Organisation;Bashkia\r\nQendra '),
      0xc7,
      0xeb,
      ...utf8('shtje;Kor'),
      0xe7,
      0xeb,
      ...utf8('\r\n'),
    ]);
    const result = await importFile('1250.csv', bytes, dataset);
    expect(result.preview?.rows[0]).toMatchObject({
      organisation: 'Qendra Çështje',
      municipalities: ['Korçë'],
    });
  });

  it('a file over 20 MB is refused before it is read', async () => {
    const dataset = makeDataset();
    const result = await importFile('huge.csv', new Uint8Array(MAX_IMPORT_BYTES + 1), dataset);
    expect(result.read).toEqual({
      ok: false,
      message: 'huge.csv is 20.0 MB; at most 20 MB can be imported',
    });
  });

  it('a missing required column', async () => {
    const dataset = makeDataset();
    const result = await importFile('nocol.csv', utf8('Organisation,Notes\nA,b\n'), dataset);
    expect(result.preview?.errors[0]?.line).toBe(1);
    expect(result.preview?.errors[0]?.message).toMatch(/^missing required column: a place/);
    expect(result.changes).toMatchObject({ ok: false, lines: [1] });
    expect(result.after).toBe(dataset);
  });

  it('unknown places, with a suggestion', async () => {
    const dataset = makeDataset();
    const result = await importFile(
      'places.csv',
      utf8('Organisation,Bashkia\nA,Kukuesh\n'),
      dataset,
    );
    expect(result.preview?.errors).toEqual([
      {
        line: 2,
        field: 'Bashkia',
        message: 'unknown municipality "Kukuesh": did you mean Kukës?',
      },
    ]);
    expect(result.changes).toMatchObject({ ok: false, lines: [2] });
    expect(result.after).toBe(dataset);
  });

  it('coordinates outside Albania', async () => {
    const dataset = makeDataset();
    const result = await importFile(
      'coords.csv',
      utf8('Organisation,Bashkia,Lat,Lon\nA,Fier,48.2082,16.3738\n'),
      dataset,
    );
    expect(result.preview?.errors).toEqual([
      {
        line: 2,
        field: 'Lat',
        message: 'coordinates 48.2082, 16.3738 (latitude, longitude) are outside Albania',
      },
    ]);
    expect(result.after).toBe(dataset);
  });

  it('duplicate rows are flagged and add one record, not two', async () => {
    const dataset = makeDataset();
    const result = await importFile(
      'dup.csv',
      utf8('Organisation,Bashkia,Activity\nQendra,Fier,Training\nQendra,Fier,Training\n'),
      dataset,
    );
    expect(result.preview?.warnings).toEqual([{ line: 3, message: 'duplicate of line 2' }]);
    expect(result.after.organisations.filter((o) => o.name === 'Qendra')).toHaveLength(1);
  });

  it('an organisation name that is HTML or script is kept as text, never changed', async () => {
    const dataset = makeDataset();
    const name = '<img src=x onerror=alert(1)>';
    const result = await importFile(
      'html.csv',
      utf8(`Organisation,Bashkia\n"${name}",Fier\n`),
      dataset,
    );
    expect(result.after.organisations.at(-1)?.name).toBe(name);
  });

  it('formula cells are kept as text on the way in and neutralised on the way out', async () => {
    const dataset = makeDataset();
    const result = await importFile(
      'formula.csv',
      utf8('Organisation,Bashkia\n"=HYPERLINK(""http://x"",""y"")",Fier\n'),
      dataset,
    );
    expect(result.preview?.warnings).toContainEqual({
      line: 2,
      field: 'Organisation',
      message: 'looks like a spreadsheet formula; kept as text',
    });
    const record = result.after.organisations.at(-1);
    expect(record?.name).toBe('=HYPERLINK("http://x","y")');
    const csv = export3wCsv([record!], {
      gazetteer,
      dataset: result.after,
      exportedAt: '2026-11-22',
      filterDescription: null,
    });
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

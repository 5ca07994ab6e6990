import {
  copyFileSync,
  mkdirSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDataBuild } from '../../data/build-data';
import { runHarta } from '../../src/cli/harta';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { parseCuration } from '../../src/domain/curation';
import { appendCsvRows } from '../../src/domain/dataset-csv';
import { parseDataset } from '../../src/domain/parse-dataset';
import { readDataFiles, writeFileAtomic } from '../../src/io/node-files';

// `import FILE` on the real gazetteer and dataset, with SYNTHETIC partner sheets written to a
// scratch folder; `--write` runs on a scratch copy of data/ and geo/, never on the real ones.

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'harta-import-'));
const scratch: string[] = [dir];
afterAll(() => scratch.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function write(name: string, content: string | Uint8Array): string {
  writeFileSync(join(dir, name), content);
  return name;
}

/** Copies a workbook of tests/unit/fixtures/xlsx/ into the scratch folder. */
function fixture(name: string): string {
  copyFileSync(new URL(`fixtures/xlsx/${name}`, import.meta.url), join(dir, name));
  return name;
}

async function run(args: string[], repoRoot = root) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runHarta(
    args,
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    repoRoot,
    dir,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface ImportJson {
  file: string;
  kind: 'csv' | 'xlsx';
  encoding?: string;
  sheet?: string;
  rows: { line: number; organisation: string; counties: string[]; municipalities: string[] }[];
  errors: { line: number; field: string | null; message: string }[];
  warnings: { line: number; message: string }[];
}

async function json(args: string[]) {
  const result = await run(args);
  return { ...result, body: JSON.parse(result.out) as ImportJson };
}

describe('harta import --json', () => {
  it('prints every row with its places resolved, and problems by line and field', async () => {
    const file = write(
      'partners.csv',
      [
        'Organisation;Qarku;Bashkia;Activity',
        'Qendra Rinore;;Paskuqan;Training',
        '<img src=x onerror=alert(1)>;;Kukse;Awareness',
        'Forumi;Dibër;;Research',
        ';;Pogradec;Training',
      ].join('\r\n'),
    );
    const { code, body } = await json(['import', file, '--json']);
    expect(code).toBe(0);
    expect([body.kind, body.encoding]).toEqual(['csv', 'utf-8']);
    expect(
      body.rows.map((row) => [row.line, row.organisation, row.counties, row.municipalities]),
    ).toEqual([
      [2, 'Qendra Rinore', [], ['Kamëz']],
      [3, '<img src=x onerror=alert(1)>', [], []],
      [4, 'Forumi', ['Dibër'], []],
    ]);
    expect(body.errors).toContainEqual({
      line: 3,
      field: 'Bashkia',
      message: 'unknown municipality "Kukse": did you mean Kukës?',
    });
    // No row disappears: the nameless line 5 is in the errors with its line.
    expect(body.errors.some((problem) => problem.line === 5)).toBe(true);
    // Every error has the three keys, field null when it is about no one column.
    for (const problem of body.errors)
      expect(Object.keys(problem).sort()).toEqual(['field', 'line', 'message']);
  });

  it('reads an Excel workbook, lines being the sheet rows', async () => {
    const { code, body } = await json(['import', fixture('partners-3w.xlsx'), '--json']);
    expect(code).toBe(0);
    expect(body).toMatchObject({ file: 'partners-3w.xlsx', kind: 'xlsx', sheet: 'Partners' });
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['file', 'kind', 'sheet', 'rows', 'errors', 'warnings']),
    );
    expect(
      body.rows.map((row) => [row.line, row.organisation, row.counties, row.municipalities]),
    ).toEqual([
      [3, 'Qendra Rinore Veriore', [], ['Kukës']],
      [4, 'Shoqata Bregdeti', [], ['Tiranë', 'Durrës']],
      [5, 'Forumi i Dialogut', [], ['Kukës']],
      [6, 'Rrjeti i Jugut', ['Vlorë'], []],
      [7, 'Lidhja e Grave', [], []],
      [8, 'Grupi Vendor', [], ['Pogradec']],
    ]);
    expect(body.errors).toEqual([
      { line: 7, field: 'Bashkia', message: 'unknown municipality "Kukse": did you mean Kukës?' },
    ]);
    // The same sheet saved as CSV reads the same.
    const csv = await json(['import', fixture('partners-3w.csv'), '--json']);
    expect(csv.body.rows).toEqual(body.rows);
    expect(csv.body.errors).toEqual(body.errors);
  });

  it('reads a Windows-1250 file as Excel saves it in the region', async () => {
    // "Organizata,Bashkia\nQendra Kučova,Kuçovë" in Windows-1250 (č = 0xE8, ç = 0xE7, ë = 0xEB).
    const bytes = new Uint8Array([
      ...Buffer.from('Organizata,Bashkia\nQendra Ku', 'latin1'),
      0xe8,
      ...Buffer.from('ova,Ku', 'latin1'),
      0xe7,
      0x6f,
      0x76,
      0xeb,
      0x0a,
    ]);
    const { code, body } = await json(['import', write('cp1250.csv', bytes), '--json']);
    expect(code).toBe(0);
    expect(body.encoding).toBe('windows-1250');
    expect(body.rows[0]).toMatchObject({
      organisation: 'Qendra Kučova',
      municipalities: ['Kuçovë'],
    });
  });

  it('reads a header-only file, and says it has no rows', async () => {
    const { code, body } = await json([
      'import',
      write('header.csv', 'Organisation,Municipality\n'),
      '--json',
    ]);
    expect(code).toBe(0);
    expect(body.rows).toEqual([]);
    expect(body.warnings.map((warning) => warning.line)).toContain(1);
  });

  it('exits 1 with a clear message when the file cannot be read at all', async () => {
    const missing = await run(['import', 'missing.csv']);
    expect([missing.code, missing.out]).toEqual([1, '']);
    expect(missing.err).toBe(`${join(dir, 'missing.csv')} does not exist`);
    expect(await run(['import', write('empty.csv', '')])).toMatchObject({
      code: 1,
      err: 'empty.csv is empty',
    });
    const broken = write('book.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect(await run(['import', broken])).toMatchObject({ code: 1, out: '' });
    expect((await run(['import', broken])).err).toMatch(
      /^book\.xlsx cannot be read as an Excel workbook: the file is damaged or incomplete/,
    );
    expect((await run(['import', fixture('partners-3w.xls')])).err).toMatch(
      /^partners-3w\.xls is an Excel 97–2003 workbook \(\.xls\), which is not supported/,
    );
    expect((await run(['import', fixture('empty.xlsx')])).err).toBe(
      'empty.xlsx has no data: all 2 of its worksheets are empty',
    );
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const big = write('big.csv', Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(await run(['import', big])).toEqual({
      code: 1,
      out: '',
      err: `${join(dir, 'big.csv')} is 21.0 MB; at most 20 MB can be imported`,
    });
  });

  it('never prints a control character from the file to the terminal', async () => {
    const file = write('escape.csv', 'Organisation,Municipality\n"Red\u001b[31m Org",Pogradec\n');
    const result = await run(['import', file]);
    for (const line of result.out.split('\n')) expect(line).not.toMatch(/\p{Cc}/u);
    expect(result.out).toContain('Red\\u{1b}[31m Org: Pogradec');
    // --json keeps the name exactly as written (JSON escapes it itself).
    const { body } = await json(['import', file, '--json']);
    expect(body.rows[0]?.organisation).toBe('Red\u001b[31m Org');
  });

  it('exits 2 on a usage mistake', async () => {
    expect((await run(['import'])).code).toBe(2);
    expect((await run(['import', 'a.csv', 'b.csv'])).code).toBe(2);
    expect((await run(['import', 'a.csv', '--frobnicate'])).err).toMatch(
      /^import: unknown option "--frobnicate"/,
    );
    expect((await run(['import', 'a.csv', '--skip-errors'])).err).toMatch(
      /^import: --skip-errors and --kind go with --write/,
    );
    expect((await run(['import', 'a.csv', '--write', '--kind'])).err).toMatch(
      /^import: --kind needs a kind id/,
    );
    expect((await run(['import', 'a.csv', '--write', '--json'])).code).toBe(2);
  });

  it('prints a readable summary without --json', async () => {
    const file = write('short.csv', 'Organisation,Municipality\nDrita,Pogradec\n');
    const result = await run(['import', file]);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe(
      'short.csv: 1 row (1 to add, 0 to update, 0 unchanged), 0 errors, 0 warnings; read as utf-8, ","-separated, plain headers',
    );
    expect(result.out).toMatch(/^ {4}2 {2}add {8}Drita: Pogradec$/m);
    const workbook = await run(['import', fixture('three-sheets.xlsx')]);
    expect(workbook.out.split('\n').slice(0, 2)).toEqual([
      'three-sheets.xlsx: 6 rows (6 to add, 0 to update, 0 unchanged), 1 error, 4 warnings; read as worksheet "Partners", HXL hashtags',
      'error: line 7, Bashkia: unknown municipality "Kukse": did you mean Kukës?',
    ]);
  });
});

describe('harta import --write', () => {
  /** A scratch repository: copies of data/ and geo/, which --write may change. */
  function scratchRepository(): string {
    const repo = mkdtempSync(join(tmpdir(), 'harta-write-'));
    scratch.push(repo);
    cpSync(join(root, 'data'), join(repo, 'data'), { recursive: true });
    cpSync(join(root, 'geo'), join(repo, 'geo'), { recursive: true });
    return repo;
  }

  /** Every file under data/, by path, with its bytes. */
  function snapshot(repo: string): Map<string, string> {
    const files = new Map<string, string>();
    const walk = (folder: string) => {
      for (const entry of readdirSync(join(repo, folder), { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else files.set(path, readFileSync(join(repo, path)).toString('base64'));
      }
    };
    walk('data');
    return files;
  }

  function reparse(repo: string) {
    const gazetteer = checkGazetteer(readFileSync(join(repo, 'geo/gazetteer.json'), 'utf8'));
    if (!gazetteer.gazetteer) throw new Error('no gazetteer');
    return parseDataset(readDataFiles(repo), gazetteer.gazetteer);
  }

  it('writes nothing when a row has an error, unless --skip-errors leaves it out', async () => {
    const repo = scratchRepository();
    const before = snapshot(repo);
    const file = fixture('partners-3w.xlsx');
    const refused = await run(['import', file, '--write', '--kind', 'cso'], repo);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(
      'nothing written: line 7 has errors: fix them in the file, or skip them (or --skip-errors to leave them out)',
    );
    expect(refused.out).toContain('error: line 7, Bashkia: unknown municipality "Kukse"');
    expect(snapshot(repo)).toEqual(before);
    // New organisations need a kind: the sheet has no kind column.
    const noKind = await run(['import', file, '--write', '--skip-errors'], repo);
    expect(noKind.code).toBe(1);
    expect(noKind.err).toMatch(
      /^nothing written: 5 new organisations have no kind .* with --kind KIND$/,
    );
    expect(snapshot(repo)).toEqual(before);
  });

  it('copies the file, cites it, and adds the records; a second run writes nothing', async () => {
    const repo = scratchRepository();
    const file = fixture('partners-3w.xlsx');
    const before = reparse(repo).dataset;
    const result = await run(['import', file, '--write', '--skip-errors', '--kind', 'cso'], repo);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const copy = /^wrote (data\/imports\/(\d{4}-\d{2}-\d{2})-partners-3w\.xlsx) /m.exec(result.out);
    if (!copy?.[1] || !copy[2]) throw new Error(`no copy in:\n${result.out}`);
    const [, copyPath, date] = copy;
    const documentId = `import-${date}-partners-3w-xlsx`;
    expect(result.out).toContain(`wrote data/documents.csv: document ${documentId}`);
    expect(result.out).toContain(
      'wrote data/organisations.csv: 5 added, 0 updated, 0 unchanged; left out (errors): line 7',
    );
    // The vendored copy is the file as received.
    expect(readFileSync(join(repo, copyPath))).toEqual(readFileSync(join(dir, file)));

    const { dataset, problems } = reparse(repo);
    expect(problems).toEqual([]);
    expect(dataset.organisations).toHaveLength(before.organisations.length + 5);
    expect(dataset.documents.find((document) => document.id === documentId)).toMatchObject({
      file: copyPath,
      title: 'partners-3w.xlsx',
    });
    const added = dataset.organisations.filter((o) => o.source.document === documentId);
    expect(added.map((o) => [o.name, o.source.row, o.municipalityIds.length > 0])).toEqual([
      ['Qendra Rinore Veriore', 3, true],
      ['Shoqata Bregdeti', 4, true],
      ['Forumi i Dialogut', 5, true],
      ['Rrjeti i Jugut', 6, false],
      ['Grupi Vendor', 8, true],
    ]);
    expect(added[1]?.municipalityIds).toHaveLength(2);
    // The repository's own check accepts the imported document and records.
    const check = await run(['check'], repo);
    expect([check.code, check.out]).toEqual([0, '']);
    expect(check.err).toMatch(/^ok: 60 organisations/);
    // No temporary file is left beside the written ones.
    expect([...snapshot(repo).keys()].filter((path) => path.endsWith('.tmp'))).toEqual([]);

    const after = snapshot(repo);
    const again = await run(['import', file, '--write', '--skip-errors', '--kind', 'cso'], repo);
    expect(again.code).toBe(0);
    expect(again.out.split('\n').at(-1)).toBe(
      'nothing to write: 5 organisations already as in the file; left out (errors): line 7',
    );
    expect(snapshot(repo)).toEqual(after);
  });

  it('with --add, reads a sheet of new work only: nothing is removed', async () => {
    const file = write('add.csv', 'Organisation,Bashkia\nCenter for Youth Progress,Has\n');
    const replace = JSON.parse((await run(['import', file, '--json'])).out) as ImportJson;
    expect(replace.rows[0]).toMatchObject({
      action: 'update',
      changes: ['municipalities: + Has; − Kukës'],
    });
    const add = JSON.parse((await run(['import', file, '--json', '--add'])).out) as ImportJson;
    expect(add.rows[0]).toMatchObject({ action: 'update', changes: ['municipalities: + Has'] });
  });

  it('updates an organisation of the report through a curation line, keeping its source', async () => {
    const repo = scratchRepository();
    const file = write(
      'update.csv',
      'Organisation,Bashkia\nCenter for Youth Progress,Kukës\nCenter for Youth Progress,Has\n',
    );
    const result = await run(['import', file, '--write'], repo);
    expect(result.code).toBe(0);
    const copy = /^wrote (data\/imports\/(\d{4}-\d{2}-\d{2})-update\.csv) /m.exec(result.out);
    if (!copy?.[1] || !copy[2]) throw new Error(`no copy in:\n${result.out}`);
    const [, copyPath, date] = copy;
    expect(result.out).toContain(
      'wrote data/curation.csv: 1 line added, for the organisations of the report\n' +
        '  + row 2 (center-for-youth-progress): set municipalities "Kukës; Has"\n' +
        'wrote data/organisations.csv: 0 added, 1 updated, 0 unchanged',
    );
    expect(result.out).toContain('  ~ center-for-youth-progress: municipalities: + Has');
    // curation.csv: the lines it had, then the new one with its reason.
    const curation = readFileSync(join(repo, 'data/curation.csv'), 'utf8');
    const reason = `Imported from ${copyPath} (lines 2, 3) on ${date}: municipalities: + Has.`;
    expect(curation).toBe(
      `${readFileSync(join(root, 'data/curation.csv'), 'utf8')}2,municipalities,set,Kukës; Has,"${reason}"\n`,
    );
    const { dataset, problems } = reparse(repo);
    expect(problems).toEqual([]);
    const record = dataset.organisations.find((o) => o.id === 'center-for-youth-progress');
    expect(record?.source).toEqual({ document: '000_61f3ef4351b68807', row: 2 });
    expect(record?.municipalityIds).toHaveLength(2);
    expect(record?.notes).toBe(`Curated: municipalities set to "Kukës; Has". ${reason}`);
    // Every other line of organisations.csv is as it was.
    const lines = (path: string) => readFileSync(path, 'utf8').split('\n');
    const original = lines(join(root, 'data/organisations.csv'));
    const written = lines(join(repo, 'data/organisations.csv'));
    expect(written).toHaveLength(original.length);
    expect(written.filter((line, index) => line !== original[index])).toHaveLength(1);
    expect((await run(['check'], repo)).code).toBe(0);
  });

  it('adds and updates so that `npm run data:build` makes organisations.csv again, byte for byte', async () => {
    const repo = scratchRepository();
    const curationBefore = readFileSync(join(repo, 'data/curation.csv'), 'utf8');
    const file = write(
      'mixed.csv',
      [
        'Organisation,Bashkia',
        'Center for Youth Progress,Kukës',
        'Center for Youth Progress,Has',
        'OSCE Presence in Albania,Pogradec',
        'Drita,Fier',
        '',
      ].join('\n'),
    );
    const result = await run(['import', file, '--write', '--kind', 'cso'], repo);
    expect([result.code, result.err]).toEqual([0, '']);
    expect(result.out).toContain('wrote data/curation.csv: 3 lines added');
    expect(result.out).toContain('wrote data/organisations.csv: 1 added, 2 updated, 0 unchanged');
    const curationCsv = readFileSync(join(repo, 'data/curation.csv'), 'utf8');
    expect(curationCsv.startsWith(curationBefore)).toBe(true);
    const { curations, problems: curationProblems } = parseCuration(curationCsv);
    expect(curationProblems).toEqual([]);
    expect(curations.slice(-3).map((c) => [c.annexRow, c.field, c.action, c.value])).toEqual([
      [2, 'municipalities', 'set', 'Kukës; Has'],
      [1, 'scope', 'set', 'local'],
      [1, 'municipalities', 'set', 'Pogradec'],
    ]);
    expect(curations.at(-2)?.reason).toMatch(
      /^Imported from data\/imports\/\d{4}-\d{2}-\d{2}-mixed\.csv \(line 4\) on \d{4}-\d{2}-\d{2}: scope: national → local\.$/,
    );

    // The data build on this copy gives organisations.csv exactly as --write wrote it.
    const organisations = join(repo, 'data/organisations.csv');
    const written = readFileSync(organisations, 'utf8');
    expect(runDataBuild(repo)).toBe(
      'wrote data/organisations.csv (56 organisations, 1 of them not from Annex I, carried over)',
    );
    expect(readFileSync(organisations, 'utf8')).toBe(written);
    const { dataset, problems } = reparse(repo);
    expect(problems).toEqual([]);
    const osce = dataset.organisations.find((o) => o.id === 'osce-presence-in-albania');
    expect([osce?.scope, osce?.municipalityIds.length]).toEqual(['local', 1]);
    expect(dataset.organisations.at(-1)).toMatchObject({ id: 'drita', kind: 'cso' });
    expect((await run(['check'], repo)).code).toBe(0);

    // The same import again: nothing to change, nothing written.
    const after = snapshot(repo);
    const again = await run(['import', file, '--write', '--kind', 'cso'], repo);
    expect(again.code).toBe(0);
    expect(again.out.split('\n').at(-1)).toBe(
      'nothing to write: 3 organisations already as in the file',
    );
    expect(snapshot(repo)).toEqual(after);
  });

  it('updates an earlier-imported record in its own row, with no curation', async () => {
    const repo = scratchRepository();
    const first = write('first.csv', 'Organisation,Bashkia\nDrita,Fier\nVatra,Berat\n');
    expect((await run(['import', first, '--write', '--kind', 'cso'], repo)).code).toBe(0);
    const organisations = join(repo, 'data/organisations.csv');
    const before = readFileSync(organisations, 'utf8').split('\n');
    const curation = readFileSync(join(repo, 'data/curation.csv'), 'utf8');
    const firstDocument = reparse(repo).dataset.organisations.find((o) => o.id === 'drita')?.source
      .document;
    expect(firstDocument).toMatch(/^import-\d{4}-\d{2}-\d{2}-first-csv$/);

    const second = write('second.csv', 'Organisation,Bashkia\nDrita,Fier\nDrita,Lushnjë\n');
    const result = await run(['import', second, '--write'], repo);
    expect([result.code, result.err]).toEqual([0, '']);
    expect(result.out).not.toContain('curation.csv');
    expect(result.out).toContain('  ~ drita: municipalities: + Lushnjë');
    const after = readFileSync(organisations, 'utf8').split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((line, index) => (line === before[index] ? [] : [index]));
    expect(changed).toHaveLength(1);
    expect(after[changed[0] ?? 0]).toMatch(
      /^drita,import-.*Fier; Lushnjë,.*Updated from second\.csv/,
    );
    expect(readFileSync(join(repo, 'data/curation.csv'), 'utf8')).toBe(curation);
    const drita = reparse(repo).dataset.organisations.find((o) => o.id === 'drita');
    expect(drita?.source.document).toBe(firstDocument);
    const written = readFileSync(organisations, 'utf8');
    runDataBuild(repo);
    expect(readFileSync(organisations, 'utf8')).toBe(written);
  });

  it('refuses when organisations.csv is not what the data build makes, writing nothing', async () => {
    const repo = scratchRepository();
    const organisations = join(repo, 'data/organisations.csv');
    const text = readFileSync(organisations, 'utf8');
    writeFileSync(organisations, text.replace('Municipality of Kukes', 'Kukës'));
    const before = snapshot(repo);
    const file = write('stale.csv', 'Organisation,Bashkia\nDrita,Fier\n');
    const result = await run(['import', file, '--write', '--kind', 'cso'], repo);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'nothing written: data/organisations.csv is not what `npm run data:build` makes from data/curation.csv; run it first (a change to a record of the report belongs in data/curation.csv)',
    );
    expect(snapshot(repo)).toEqual(before);
  });

  it('refuses to write over data/ that has errors', async () => {
    const repo = scratchRepository();
    const organisations = join(repo, 'data/organisations.csv');
    writeFileSync(organisations, readFileSync(organisations, 'utf8').replace(',cso,', ',nokind,'));
    const before = snapshot(repo);
    const file = write('fine.csv', 'Organisation,Bashkia,Type\nDrita,Fier,CSO\n');
    const result = await run(['import', file, '--write'], repo);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/unknown kind "nokind"/);
    expect(result.err.split('\n').at(-1)).toBe(
      'nothing written: data/ has errors (listed above); fix them first',
    );
    expect(snapshot(repo)).toEqual(before);
  });
});

describe('appendCsvRows', () => {
  it("adds rows in the file's column order, leaving the lines before as they were", () => {
    const text = 'b,a\n"2",1\n';
    expect(appendCsvRows(text, [{ a: '3', b: 'x, "y"' }, { a: '4' }])).toBe(
      'b,a\n"2",1\n"x, ""y""",3\n,4\n',
    );
    expect(appendCsvRows('b,a', [{ a: '1', b: '2' }])).toBe('b,a\n2,1\n');
    expect(appendCsvRows(text, [])).toBe(text);
    expect(() => appendCsvRows('', [{ a: '1' }])).toThrow('the file has no header');
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole, and on failure leaves what was there and no temporary file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'harta-atomic-'));
    scratch.push(folder);
    const path = join(folder, 'sub', 'organisations.csv');
    writeFileAtomic(path, 'old\n');
    writeFileAtomic(path, 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(readdirSync(join(folder, 'sub'))).toEqual(['organisations.csv']);
    // A folder where the file should go: the rename fails, the folder and its file stay.
    const blocked = join(folder, 'blocked');
    mkdirSync(blocked);
    writeFileSync(join(blocked, 'inside.txt'), 'kept');
    expect(() => writeFileAtomic(blocked, 'x')).toThrow();
    expect(readFileSync(join(blocked, 'inside.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(folder).sort()).toEqual(['blocked', 'sub']);
  });
});

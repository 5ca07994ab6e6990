import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHarta } from '../../src/cli/harta';

// `import FILE --json` on the real gazetteer and dataset, with SYNTHETIC partner sheets written
// to a scratch folder.

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'harta-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  writeFileSync(join(dir, name), content);
  return name;
}

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runHarta(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, root, dir);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface ImportJson {
  encoding: string;
  rows: { line: number; organisation: string; counties: string[]; municipalities: string[] }[];
  errors: { line: number; field?: string; message: string }[];
  warnings: { line: number; message: string }[];
}

const json = (args: string[]) => {
  const result = run(args);
  return { ...result, body: JSON.parse(result.out) as ImportJson };
};

describe('harta import --json', () => {
  it('prints every row with its places resolved, and problems by line and field', () => {
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
    const { code, body } = json(['import', file, '--json']);
    expect(code).toBe(0);
    expect(body.encoding).toBe('utf-8');
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

  it('reads a Windows-1250 file as Excel saves it in the region', () => {
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
    const { code, body } = json(['import', write('cp1250.csv', bytes), '--json']);
    expect(code).toBe(0);
    expect(body.encoding).toBe('windows-1250');
    expect(body.rows[0]).toMatchObject({
      organisation: 'Qendra Kučova',
      municipalities: ['Kuçovë'],
    });
  });

  it('reads a header-only file, and says it has no rows', () => {
    const { code, body } = json([
      'import',
      write('header.csv', 'Organisation,Municipality\n'),
      '--json',
    ]);
    expect(code).toBe(0);
    expect(body.rows).toEqual([]);
    expect(body.warnings.map((warning) => warning.line)).toContain(1);
  });

  it('exits 1 with a clear message when the file cannot be read at all', () => {
    const missing = run(['import', 'missing.csv']);
    expect([missing.code, missing.out]).toEqual([1, '']);
    expect(missing.err).toBe(`${join(dir, 'missing.csv')} does not exist`);
    expect(run(['import', write('empty.csv', '')])).toMatchObject({
      code: 1,
      err: 'empty.csv is empty',
    });
    const workbook = write('book.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect(run(['import', workbook]).err).toMatch(/^book\.xlsx looks like an Excel workbook/);
    expect(run(['import', workbook]).code).toBe(1);
  });

  it('refuses a file over 20 MB before reading it', () => {
    const big = write('big.csv', Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(run(['import', big])).toEqual({
      code: 1,
      out: '',
      err: `${join(dir, 'big.csv')} is 21.0 MB; at most 20 MB can be imported`,
    });
  });

  it('never prints a control character from the file to the terminal', () => {
    const file = write('escape.csv', 'Organisation,Municipality\n"Red\u001b[31m Org",Pogradec\n');
    const result = run(['import', file]);
    for (const line of result.out.split('\n')) expect(line).not.toMatch(/\p{Cc}/u);
    expect(result.out).toContain('Red\\u{1b}[31m Org: Pogradec');
    // --json keeps the name exactly as written (JSON escapes it itself).
    const body = JSON.parse(run(['import', file, '--json']).out) as {
      rows: { organisation: string }[];
    };
    expect(body.rows[0]?.organisation).toBe('Red\u001b[31m Org');
  });

  it('exits 2 on a usage mistake', () => {
    expect(run(['import']).code).toBe(2);
    expect(run(['import', 'a.csv', 'b.csv']).code).toBe(2);
    expect(run(['import', 'a.csv', '--write']).err).toMatch(/^import: unknown option "--write"/);
  });

  it('prints a readable summary without --json', () => {
    const file = write('short.csv', 'Organisation,Municipality\nDrita,Pogradec\n');
    const result = run(['import', file]);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe(
      'short.csv: 1 row (1 to add, 0 to update, 0 unchanged), 0 errors, 0 warnings; read as utf-8, ","-separated, plain headers',
    );
    expect(result.out).toMatch(/^ {4}2 {2}add {8}Drita: Pogradec$/m);
  });
});

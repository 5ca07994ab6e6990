import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  decodeSpreadsheetText,
  detectCsvDelimiter,
} from '../../src/domain/text-decoding';

/** Bytes written by hand: ASCII strings as they are, numbers as single bytes. */
function bytes(...parts: (string | number)[]): Uint8Array {
  const values: number[] = [];
  for (const part of parts) {
    if (typeof part === 'number') {
      values.push(part);
      continue;
    }
    for (const character of part) {
      const code = character.charCodeAt(0);
      if (code > 0x7f) throw new Error(`write ${character} as a byte`);
      values.push(code);
    }
  }
  return Uint8Array.from(values);
}

const ALL_HIGH_BYTES = Array.from({ length: 0x80 }, (_, index) => 0x80 + index);
const DEFAULT_1252_NOTE =
  'not UTF-8; read as Windows-1252 (Western European), the default: nothing in it tells Windows-1250 apart';

describe('decodeSpreadsheetText: the Windows code pages of the region', () => {
  it('reads Albanian ë as the same letter in both code pages, defaulting to Windows-1252', () => {
    const cerrik = new Uint8Array([0x43, 0xeb, 0x72, 0x72, 0x69, 0x6b]);
    expect(decodeSpreadsheetText(cerrik, 'partners.csv')).toEqual({
      ok: true,
      text: 'Cërrik',
      encoding: 'windows-1252',
      notes: [DEFAULT_1252_NOTE],
    });
  });

  it('reads Korçë (ç, ë) the same way', () => {
    expect(decodeSpreadsheetText(bytes('Kor', 0xe7, 0xeb), 'a.csv')).toEqual({
      ok: true,
      text: 'Korçë',
      encoding: 'windows-1252',
      notes: [DEFAULT_1252_NOTE],
    });
  });

  it('reads Š (0x8A) as Š either way, so Šipkovica needs no decision', () => {
    expect(decodeSpreadsheetText(bytes(0x8a, 'ipkovica'), 'a.csv')).toEqual({
      ok: true,
      text: 'Šipkovica',
      encoding: 'windows-1252',
      notes: [DEFAULT_1252_NOTE],
    });
  });

  it('reads Đakovica as Windows-1250, where 1252 would give Ðakovica', () => {
    expect(decodeSpreadsheetText(bytes(0xd0, 'akovica'), 'a.csv')).toEqual({
      ok: true,
      text: 'Đakovica',
      encoding: 'windows-1250',
      notes: ['not UTF-8; read as Windows-1250 (Central European): Đ found'],
    });
  });

  it('reads Peć as Windows-1250, where 1252 would give Peæ', () => {
    expect(decodeSpreadsheetText(new Uint8Array([0x50, 0x65, 0xe6]), 'a.csv')).toEqual({
      ok: true,
      text: 'Peć',
      encoding: 'windows-1250',
      notes: ['not UTF-8; read as Windows-1250 (Central European): ć found'],
    });
  });

  it('lists the deciding letters, most frequent first', () => {
    const row = bytes(0xc8, 'a', 0xe8, 'ak;Pe', 0xe6, ';', 0xd0, 'akovica;Gjakov', 0xeb, '\r\n');
    expect(decodeSpreadsheetText(row, 'a.csv')).toEqual({
      ok: true,
      text: 'Čačak;Peć;Đakovica;Gjakovë\r\n',
      encoding: 'windows-1250',
      notes: ['not UTF-8; read as Windows-1250 (Central European): Č, Đ, ć, č found'],
    });
  });

  it('reads Western letters with no Central European reading as Windows-1252', () => {
    expect(decodeSpreadsheetText(bytes('Comunit', 0xe0, ' Papa Giovanni'), 'a.csv')).toEqual({
      ok: true,
      text: 'Comunità Papa Giovanni',
      encoding: 'windows-1252',
      notes: ['not UTF-8; read as Windows-1252 (Western European): à found'],
    });
  });

  it('keeps the default for ñ/ń, which fit both, and says to check them', () => {
    expect(decodeSpreadsheetText(bytes('Espa', 0xf1, 'a'), 'a.csv')).toEqual({
      ok: true,
      text: 'España',
      encoding: 'windows-1252',
      notes: [DEFAULT_1252_NOTE, 'check names with ñ: in Windows-1250 they would read ń'],
    });
  });

  it('lets the stronger evidence win and flags the letters that point the other way', () => {
    const mixed = bytes(0xc8, 'a', 0xe8, 'ak,Comunit', 0xe0);
    expect(decodeSpreadsheetText(mixed, 'a.csv')).toEqual({
      ok: true,
      text: 'Čačak,Comunitŕ',
      encoding: 'windows-1250',
      notes: [
        'not UTF-8; read as Windows-1250 (Central European): Č, č found',
        'check names with ŕ: in Windows-1252 they would read à',
      ],
    });
  });

  it('decodes Windows-1252 bytes 0x80–0x9F as the WHATWG table does (€, ’, “ ”), not as Latin-1', () => {
    const quoted = bytes('Qendra ', 0x93, 'Ura', 0x94, ', 5 ', 0x80, ' ', 0x96, ' s', 0x92);
    expect(decodeSpreadsheetText(quoted, 'a.csv')).toEqual({
      ok: true,
      text: 'Qendra “Ura”, 5 € – s’',
      encoding: 'windows-1252',
      notes: [DEFAULT_1252_NOTE],
    });
  });

  it('decodes every byte 0x80–0xFF of Windows-1252 as the WHATWG index does', () => {
    const file = bytes(...Array<number>(200).fill(0xe0), ...ALL_HIGH_BYTES);
    const result = decodeSpreadsheetText(file, 'a.csv');
    const c1 =
      '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ' +
      String.fromCharCode(...ALL_HIGH_BYTES.slice(0x20));
    expect(result.ok && result.encoding).toBe('windows-1252');
    expect(result.ok && result.text).toBe('à'.repeat(200) + c1);
  });

  it('decodes every byte 0x80–0xFF of Windows-1250 as the ICU decoder does', () => {
    const file = bytes(...Array<number>(200).fill(0xe8), ...ALL_HIGH_BYTES);
    const result = decodeSpreadsheetText(file, 'a.csv');
    expect(result.ok && result.encoding).toBe('windows-1250');
    expect(result.ok && result.text).toBe(new TextDecoder('windows-1250').decode(file));
    expect(result.ok && result.text.slice(200, 216)).toBe('€\u0081‚\u0083„…†‡\u0088‰Š‹ŚŤŽŹ');
  });
});

describe('decodeSpreadsheetText: Unicode', () => {
  it('reads valid UTF-8 without a byte-order mark as UTF-8, with no notes', () => {
    expect(decodeSpreadsheetText(bytes('Kuk', 0xc3, 0xab, 's'), 'a.csv')).toEqual({
      ok: true,
      text: 'Kukës',
      encoding: 'utf-8',
      notes: [],
    });
  });

  it('strips a UTF-8 byte-order mark', () => {
    expect(decodeSpreadsheetText(bytes(0xef, 0xbb, 0xbf, 'Kuk', 0xc3, 0xab, 's'), 'a.csv')).toEqual(
      { ok: true, text: 'Kukës', encoding: 'utf-8', notes: [] },
    );
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeSpreadsheetText(bytes('name,municipality\r\n'), 'a.csv')).toEqual({
      ok: true,
      text: 'name,municipality\r\n',
      encoding: 'utf-8',
      notes: [],
    });
  });

  it('trusts a UTF-8 byte-order mark and counts the characters it cannot read', () => {
    expect(decodeSpreadsheetText(bytes(0xef, 0xbb, 0xbf, 'Kuk', 0xeb, 's'), 'a.csv')).toEqual({
      ok: true,
      text: 'Kuk\uFFFDs',
      encoding: 'utf-8',
      notes: ['the text has 1 replacement character (\uFFFD) where a character could not be read'],
    });
  });

  it('reads UTF-16 LE after its byte-order mark', () => {
    const kukes = bytes(0xff, 0xfe, 'K', 0, 'u', 0, 'k', 0, 0xeb, 0, 's', 0, '\t', 0, 'x', 0);
    expect(decodeSpreadsheetText(kukes, 'a.txt')).toEqual({
      ok: true,
      text: 'Kukës\tx',
      encoding: 'utf-16le',
      notes: [],
    });
  });

  it('reads UTF-16 BE after its byte-order mark', () => {
    const pec = bytes(0xfe, 0xff, 0, 'P', 0, 'e', 0x01, 0x07);
    expect(decodeSpreadsheetText(pec, 'a.txt')).toEqual({
      ok: true,
      text: 'Peć',
      encoding: 'utf-16be',
      notes: [],
    });
  });

  it('notes the half character at the end of an odd-length UTF-16 file', () => {
    expect(decodeSpreadsheetText(bytes(0xff, 0xfe, 'A', 0, 'B'), 'a.txt')).toEqual({
      ok: true,
      text: 'A\uFFFD',
      encoding: 'utf-16le',
      notes: ['the text has 1 replacement character (\uFFFD) where a character could not be read'],
    });
  });

  it('counts replacement characters already in a UTF-8 file', () => {
    const twice = bytes('a', 0xef, 0xbf, 0xbd, 'b', 0xef, 0xbf, 0xbd);
    expect(decodeSpreadsheetText(twice, 'a.csv')).toEqual({
      ok: true,
      text: 'a\uFFFDb\uFFFD',
      encoding: 'utf-8',
      notes: ['the text has 2 replacement characters (\uFFFD) where a character could not be read'],
    });
  });
});

describe('decodeSpreadsheetText: files that cannot be imported', () => {
  it('refuses an Excel workbook by its ZIP signature', () => {
    expect(
      decodeSpreadsheetText(bytes('PK', 0x03, 0x04, 0x14, 0, 0x06, 0), 'Partnerët.xlsx'),
    ).toEqual({
      ok: false,
      message:
        'Partnerët.xlsx looks like an Excel workbook (.xlsx); save it as CSV (Excel: Save As › CSV UTF-8) and import that',
    });
  });

  it('names an OpenDocument spreadsheet by its extension', () => {
    expect(decodeSpreadsheetText(bytes('PK', 0x03, 0x04, 0x14, 0), 'partners.ods')).toEqual({
      ok: false,
      message:
        'partners.ods looks like an OpenDocument spreadsheet (.ods); save it as CSV (Text CSV, UTF-8) and import that',
    });
  });

  it('refuses an Excel 97–2003 workbook', () => {
    const ole = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0);
    expect(decodeSpreadsheetText(ole, 'old.xls')).toEqual({
      ok: false,
      message:
        'old.xls looks like an Excel 97–2003 workbook (.xls); save it as CSV (Excel: Save As › CSV UTF-8) and import that',
    });
  });

  it('refuses a PDF', () => {
    expect(decodeSpreadsheetText(bytes('%PDF-1.7\n%', 0xe2, 0xe3, '\n'), 'report.csv')).toEqual({
      ok: false,
      message:
        'report.csv looks like a PDF document, not a CSV file; export the table as CSV and import that',
    });
  });

  it('refuses a PNG image', () => {
    expect(decodeSpreadsheetText(bytes(0x89, 'PNG\r\n', 0x1a, '\n'), 'map.png')).toEqual({
      ok: false,
      message:
        'map.png looks like a PNG image, not a CSV file; export the table as CSV and import that',
    });
  });

  it('refuses a file with NUL bytes near its start', () => {
    expect(decodeSpreadsheetText(bytes('a,b\n1', 0, '2\n'), 'dump.csv')).toEqual({
      ok: false,
      message:
        'dump.csv looks like a binary file, not a CSV file; export the table as CSV and import that',
    });
  });

  it('refuses a file that is mostly control characters', () => {
    const noisy = bytes('abcdefgh', ...Array<number>(2).fill(0x01));
    expect(decodeSpreadsheetText(noisy, 'noise.csv')).toEqual({
      ok: false,
      message:
        'noise.csv looks like a binary file, not a CSV file; export the table as CSV and import that',
    });
  });

  it('accepts exactly 10% control characters', () => {
    const result = decodeSpreadsheetText(bytes('abcdefghi', 0x1a), 'a.csv');
    expect(result).toEqual({ ok: true, text: 'abcdefghi\u001A', encoding: 'utf-8', notes: [] });
  });

  it('refuses UTF-16 text that is mostly control characters', () => {
    const noisy = bytes(0xff, 0xfe, 'a', 0, 1, 0, 2, 0, 3, 0);
    expect(decodeSpreadsheetText(noisy, 'u.txt')).toEqual({
      ok: false,
      message:
        'u.txt looks like a binary file, not a CSV file; export the table as CSV and import that',
    });
  });

  it('checks the size first, rounding to a tenth of a MB and never showing the limit itself', () => {
    // One allocation, viewed at three lengths; all zeros, which is binary when size allows.
    const large = new Uint8Array(Math.round(23.4 * 1024 * 1024));
    expect(MAX_IMPORT_BYTES).toBe(20_971_520);
    expect(decodeSpreadsheetText(large, 'big.csv')).toEqual({
      ok: false,
      message: 'big.csv is 23.4 MB; at most 20 MB can be imported',
    });
    expect(decodeSpreadsheetText(large.subarray(0, MAX_IMPORT_BYTES + 1), 'big.csv')).toEqual({
      ok: false,
      message: 'big.csv is more than 20 MB; at most 20 MB can be imported',
    });
    expect(decodeSpreadsheetText(large.subarray(0, MAX_IMPORT_BYTES), 'big.csv')).toEqual({
      ok: false,
      message:
        'big.csv looks like a binary file, not a CSV file; export the table as CSV and import that',
    });
  });

  it.each([
    ['no bytes', bytes()],
    ['only whitespace', bytes(' \r\n\t \n')],
    ['only a UTF-8 byte-order mark', bytes(0xef, 0xbb, 0xbf)],
    ['a UTF-8 byte-order mark and line breaks', bytes(0xef, 0xbb, 0xbf, '\r\n\r\n')],
    ['only a UTF-16 byte-order mark', bytes(0xff, 0xfe)],
    ['UTF-16 spaces', bytes(0xfe, 0xff, 0, ' ', 0, '\n')],
    ['a Windows-1252 no-break space', bytes(0xa0, '\n')],
  ])('calls a file with %s empty', (_, file) => {
    expect(decodeSpreadsheetText(file, 'blank.csv')).toEqual({
      ok: false,
      message: 'blank.csv is empty',
    });
  });
});

describe('detectCsvDelimiter', () => {
  it('finds the semicolon Excel writes where the decimal separator is a comma', () => {
    expect(detectCsvDelimiter('Emri;Bashkia;Lloji\r\nQendra;Kukës;OJF\r\n')).toBe(';');
  });

  it('ignores commas inside quotes in a semicolon file', () => {
    expect(detectCsvDelimiter('"Emri, i plotë";"Bashkia, qarku";Lloji\n"A, B";C;D\n')).toBe(';');
  });

  it('finds commas and tabs', () => {
    expect(detectCsvDelimiter('name,municipality,kind\n')).toBe(',');
    expect(detectCsvDelimiter('name\tmunicipality\tkind\n')).toBe('\t');
  });

  it('reads only the header line, the first that is not blank, after a byte-order mark', () => {
    expect(detectCsvDelimiter('\uFEFF\r\n  \r\na;b\n1,2,3,4,5\n')).toBe(';');
  });

  it('follows a quoted header field across a line break', () => {
    expect(detectCsvDelimiter('"Emri\ni plotë, zyrtar";Bashkia\n1,2,3\n')).toBe(';');
  });

  it('prefers a comma on ties and when there is no delimiter', () => {
    expect(detectCsvDelimiter('a;b,c\n')).toBe(',');
    expect(detectCsvDelimiter('a;b\tc\n')).toBe(';');
    expect(detectCsvDelimiter('emri\n')).toBe(',');
    expect(detectCsvDelimiter('')).toBe(',');
  });
});

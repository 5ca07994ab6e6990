import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, serializeCsv, splitMultiValue } from '../../src/domain/csv';

describe('parseCsv', () => {
  it('reports the line each record starts on, across quoted line breaks, CRLF and blank lines', () => {
    const text = '\uFEFFa,b\r\n1,"two\nlines"\r\n\r\n3,"say ""hi"""\n';
    const table = parseCsv(text);
    expect(table.header).toEqual(['a', 'b']);
    expect(table.records).toEqual([
      { line: 2, values: ['1', 'two\nlines'] },
      { line: 5, values: ['3', 'say "hi"'] },
    ]);
  });

  it('reads semicolon-separated files when told to', () => {
    expect(parseCsv('a;b\n1;2', ';').records).toEqual([{ line: 2, values: ['1', '2'] }]);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseCsv('a\n1\n"open')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\n1\n"open');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(3);
    }
  });

  it('returns an empty header for an empty file', () => {
    expect(parseCsv('')).toEqual({ header: [], records: [] });
  });
});

describe('serializeCsv', () => {
  it('round-trips values that need quoting', () => {
    const rows = [['plain', 'with, comma', 'with "quote"', 'two\nlines', ' padded ']];
    const table = parseCsv(serializeCsv(['a', 'b', 'c', 'd', 'e'], rows));
    expect(table.records[0]?.values).toEqual(rows[0]);
  });
});

describe('splitMultiValue', () => {
  it('splits on semicolons and drops empty values', () => {
    expect(splitMultiValue(' Cërrik ;; Elbasan; ')).toEqual(['Cërrik', 'Elbasan']);
  });
});

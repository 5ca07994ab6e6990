/**
 * CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes, CRLF or LF), with
 * the 1-based line each record starts on, so every problem can be reported as file:line.
 */

export interface CsvRecord {
  /** 1-based line number in the file where this record starts (the header is line 1). */
  line: number;
  values: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Parses CSV text. A leading byte-order mark is ignored; blank lines are skipped. */
export function parseCsv(text: string, delimiter = ','): CsvTable {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: CsvRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let field = '';
  let values: string[] = [];
  let quoted = false;
  let fieldStarted = false;
  let index = 0;

  const endField = () => {
    values.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    const blank = values.length === 1 && values[0] === '';
    if (!blank) rows.push({ line: recordLine, values });
    values = [];
  };

  while (index < source.length) {
    const character = source[index];
    if (quoted) {
      if (character === '"') {
        if (source[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index += 1;
        continue;
      }
      if (character === '\n') line += 1;
      field += character;
      index += 1;
      continue;
    }
    if (character === '"' && !fieldStarted && field === '') {
      quoted = true;
      fieldStarted = true;
      index += 1;
      continue;
    }
    if (character === delimiter) {
      endField();
      index += 1;
      continue;
    }
    if (character === '\r' || character === '\n') {
      endRecord();
      index += character === '\r' && source[index + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += character;
    fieldStarted = true;
    index += 1;
  }
  if (quoted) throw new CsvSyntaxError('a quoted field is not closed', recordLine);
  if (field !== '' || values.length > 0) endRecord();

  const [first, ...records] = rows;
  return { header: first ? first.values.map((name) => name.trim()) : [], records };
}

/** Writes CSV with LF line ends, quoting only the fields that need it. */
export function serializeCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const quote = (value: string) =>
    /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\n') + '\n';
}

/** Splits a multi-valued cell ("Cërrik; Elbasan") into trimmed, non-empty values. */
export function splitMultiValue(cell: string): string[] {
  return cell
    .split(';')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** Joins values into one multi-valued cell. */
export function joinMultiValue(values: readonly string[]): string {
  return values.join('; ');
}

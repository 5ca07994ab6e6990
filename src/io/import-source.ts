import {
  previewImport,
  previewImportTable,
  spreadsheetCellText,
  type ImportContext,
  type ImportOptions,
  type ImportPreview,
  type SpreadsheetCell,
} from '../domain/import-3w';
import {
  decodeSpreadsheetText,
  MAX_IMPORT_BYTES,
  type SpreadsheetEncoding,
} from '../domain/text-decoding';

/**
 * A partner's 3W file as the importer reads it, from its bytes: a CSV decoded to text, or the
 * first worksheet with data of an Excel workbook (.xlsx) split into cells. The app's import
 * dialog and `harta import` both go through `readImportSource` then `previewImportSource`, so
 * a file reads the same in both.
 *
 * Workbooks are read with read-excel-file, loaded only when a workbook arrives (a dynamic
 * import: the app's entry bundle does not carry it). It evaluates no code and fetches nothing;
 * formulas are not recalculated, their cached results are read as the spreadsheet last showed
 * them.
 */

export type ImportSource =
  | {
      fileName: string;
      kind: 'csv';
      text: string;
      encoding: SpreadsheetEncoding;
      /** How the text was decoded, for people (e.g. "read as Windows-1250: č found"). */
      notes: string[];
    }
  | {
      fileName: string;
      kind: 'xlsx';
      /** `rows[i]` is the sheet's row i + 1, every cell as text (`spreadsheetCellText`). */
      rows: string[][];
      sheetName: string;
      /** Other worksheets with data, in workbook order: not read. */
      otherSheets: string[];
    };

/**
 * Why a file cannot be imported, as data naming the file: the interface words it
 * (src/i18n/tables/imports.ts `import.sourceFailure`).
 */
export type ImportSourceFailure =
  | { code: 'too-large'; fileName: string; megabytes: number; max: number }
  | { code: 'empty'; fileName: string }
  | { code: 'ods'; fileName: string }
  | { code: 'encrypted'; fileName: string }
  /** `named`: the name says .xls but the bytes are not a compound file. */
  | { code: 'xls'; fileName: string; named: boolean }
  | { code: 'not-a-workbook'; fileName: string; extension: string; holdsText: boolean }
  /** `megabytes` is null for more than 4 GB. */
  | { code: 'unpacks-too-large'; fileName: string; megabytes: number | null; max: number }
  | { code: 'damaged-zip'; fileName: string }
  | { code: 'zip-not-workbook'; fileName: string }
  | { code: 'damaged-workbook'; fileName: string; detail: string }
  | { code: 'no-data'; fileName: string; sheets: number }
  /** Text that cannot be decoded, in the decoder's own (English) words naming the file. */
  | { code: 'undecodable'; message: string };

export type ReadImportSourceResult =
  { ok: true; source: ImportSource } | { ok: false; message: ImportSourceFailure };

const BYTES_PER_MB = 1024 * 1024;

/**
 * The most a workbook may unpack to. A 20 MB workbook of text unpacks to about ten times
 * that; a "zip bomb" claims gigabytes, refused before anything is unpacked.
 */
export const MAX_WORKBOOK_UNPACKED_BYTES = 400 * BYTES_PER_MB;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((value, index) => bytes[index] === value);
}

const ZIP_LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];
/** OLE2 compound file: Excel 97–2003 workbooks, and password-protected .xlsx files. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function extensionOf(fileName: string): string {
  return /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

/** Whether `text` occurs in `bytes` written as UTF-16LE (how compound files name streams). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text).flatMap((character) => [character.charCodeAt(0), 0]);
  const first = needle[0];
  outer: for (
    let at = bytes.indexOf(first ?? 0);
    at !== -1;
    at = bytes.indexOf(first ?? 0, at + 1)
  ) {
    for (let index = 1; index < needle.length; index += 1) {
      if (bytes[at + index] !== needle[index]) continue outer;
    }
    return true;
  }
  return false;
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] ?? 0) |
      ((bytes[at + 1] ?? 0) << 8) |
      ((bytes[at + 2] ?? 0) << 16) |
      ((bytes[at + 3] ?? 0) << 24)) >>>
    0
  );
}

function readUint16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

/**
 * What the archive's entries add up to once unpacked, from its central directory; null when
 * the directory cannot be found (the unzipper then says what is wrong). Sizes too large for
 * 32 bits (ZIP64) count as infinite: no sheet an import can take needs them.
 */
function unpackedZipBytes(bytes: Uint8Array): number | null {
  const END_OF_DIRECTORY = 0x06054b50;
  const DIRECTORY_ENTRY = 0x02014b50;
  // The end record is 22 bytes plus a comment of at most 65,535.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at -= 1) {
    if (readUint32(bytes, at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end === -1) return null;
  const entries = readUint16(bytes, end + 10);
  let at = readUint32(bytes, end + 16);
  let total = 0;
  for (let entry = 0; entry < entries; entry += 1) {
    if (at + 46 > bytes.length || readUint32(bytes, at) !== DIRECTORY_ENTRY) return null;
    const size = readUint32(bytes, at + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + readUint16(bytes, at + 28) + readUint16(bytes, at + 30) + readUint16(bytes, at + 32);
  }
  return total;
}

/** The failure of a workbook that the reader could not open. */
function workbookFailure(fileName: string, error: unknown): ImportSourceFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'INVALID_ZIP' || code === 'FILE_NOT_SUPPORTED' || code === 'NO_DATA') {
    return { code: 'damaged-zip', fileName };
  }
  if (/not found inside/i.test(detail)) return { code: 'zip-not-workbook', fileName };
  return { code: 'damaged-workbook', fileName, detail };
}

function hasText(row: readonly string[]): boolean {
  return row.some((cell) => cell.trim() !== '');
}

/** Reads an .xlsx workbook: the first worksheet that has data. */
async function readWorkbook(fileName: string, bytes: Uint8Array): Promise<ReadImportSourceResult> {
  const unpacked = unpackedZipBytes(bytes);
  if (unpacked !== null && unpacked > MAX_WORKBOOK_UNPACKED_BYTES) {
    return {
      ok: false,
      message: {
        code: 'unpacks-too-large',
        fileName,
        megabytes: Number.isFinite(unpacked) ? unpacked / BYTES_PER_MB : null,
        max: MAX_WORKBOOK_UNPACKED_BYTES / BYTES_PER_MB,
      },
    };
  }
  let sheets: { sheet: string; data: SpreadsheetCell[][] }[];
  try {
    // Loaded here, not at the top: only a workbook needs it, and the app's first paint does not.
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    // The reader takes an ArrayBuffer of its own; a copy also frees it from `bytes`' offsets.
    const buffer = bytes.slice().buffer;
    sheets = (await readXlsxFile(buffer, { trim: false })) as unknown as {
      sheet: string;
      data: SpreadsheetCell[][];
    }[];
  } catch (error) {
    return { ok: false, message: workbookFailure(fileName, error) };
  }
  const withData = sheets
    .map(({ sheet, data }) => ({
      name: sheet,
      rows: data.map((row) => row.map(spreadsheetCellText)),
    }))
    .filter((sheet) => sheet.rows.some(hasText));
  const [first, ...others] = withData;
  if (!first) {
    return { ok: false, message: { code: 'no-data', fileName, sheets: sheets.length } };
  }
  return {
    ok: true,
    source: {
      fileName,
      kind: 'xlsx',
      rows: first.rows,
      sheetName: first.name,
      otherSheets: others.map((sheet) => sheet.name),
    },
  };
}

/**
 * Reads a file chosen for import, or says in one sentence naming the file why it cannot.
 *
 * A workbook is recognised by its bytes (a ZIP archive) whatever its name; a .xlsx that is
 * not one, an old binary .xls, a password-protected workbook (an encrypted compound file), a
 * damaged or empty workbook each get their own message. Anything else is decoded as CSV text
 * (`decodeSpreadsheetText`: UTF-8, UTF-16, Windows-1250/1252), which refuses other binaries.
 *
 * @example
 * const read = await readImportSource('3w.xlsx', bytes);
 * if (read.ok) previewImportSource(read.source, context);
 */
export async function readImportSource(
  fileName: string,
  bytes: Uint8Array,
): Promise<ReadImportSourceResult> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      message: {
        code: 'too-large',
        fileName,
        megabytes: bytes.length / BYTES_PER_MB,
        max: MAX_IMPORT_BYTES / BYTES_PER_MB,
      },
    };
  }
  if (bytes.length === 0) return { ok: false, message: { code: 'empty', fileName } };
  const extension = extensionOf(fileName);
  const isZip = startsWith(bytes, ZIP_LOCAL_FILE) || startsWith(bytes, ZIP_EMPTY_ARCHIVE);
  const looksOpenDocument =
    extension === 'ods' ||
    new TextDecoder('latin1').decode(bytes.subarray(0, 100)).includes('opendocument');
  if (isZip && looksOpenDocument) {
    return { ok: false, message: { code: 'ods', fileName } };
  }
  // A .zip is an archive to unpack: text decoding says so.
  if (isZip && extension !== 'zip') return readWorkbook(fileName, bytes);
  if (startsWith(bytes, COMPOUND_FILE)) {
    if (containsUtf16(bytes, 'EncryptedPackage')) {
      return { ok: false, message: { code: 'encrypted', fileName } };
    }
    return { ok: false, message: { code: 'xls', fileName, named: false } };
  }
  if (extension === 'xls') {
    return { ok: false, message: { code: 'xls', fileName, named: true } };
  }
  if (extension === 'xlsx' || extension === 'xlsm') {
    const asText = decodeSpreadsheetText(bytes, fileName);
    return {
      ok: false,
      message: { code: 'not-a-workbook', fileName, extension, holdsText: asText.ok },
    };
  }
  const decoded = decodeSpreadsheetText(bytes, fileName);
  if (!decoded.ok) return { ok: false, message: { code: 'undecodable', message: decoded.message } };
  return {
    ok: true,
    source: {
      fileName,
      kind: 'csv',
      text: decoded.text,
      encoding: decoded.encoding,
      notes: decoded.notes,
    },
  };
}

/**
 * What importing the source would do (see `previewImport`). For a workbook with several
 * worksheets with data, a warning on line 1 says which one was read.
 */
export function previewImportSource(
  source: ImportSource,
  context: ImportContext,
  options?: ImportOptions,
): ImportPreview {
  if (source.kind === 'csv') return previewImport(source.fileName, source.text, context, options);
  const preview = previewImportTable(source.fileName, source.rows, context, options);
  if (source.otherSheets.length > 0) {
    preview.warnings.unshift({
      line: 1,
      message: { code: 'other-sheets', read: source.sheetName, others: source.otherSheets },
    });
  }
  return preview;
}

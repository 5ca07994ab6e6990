/**
 * Turns the bytes of a partner's spreadsheet export into text. Partners send CSV as UTF-8
 * (with or without a byte-order mark), as UTF-16 ("Unicode Text"), or in the Windows code page
 * Excel uses in the region: Windows-1250 (Central European: č, ć, đ) or Windows-1252 (Western
 * European). Albanian's own letters ë and ç are the same bytes in both code pages, and so are
 * š and ž, so only the other letters can tell the two apart; when none does, Windows-1252 is
 * assumed and every letter the file can hold in both reads the same either way.
 *
 * The two code pages are decoded from tables here rather than by `TextDecoder`: Node since
 * 20.18.3 decodes 'windows-1252' as Latin-1 (bytes 0x80–0x9F become control characters
 * instead of € ‚ … Š ’ “ ”; nodejs/node#60888), and Node builds without full ICU have no
 * 'windows-1250' at all. Browsers follow the WHATWG tables these copy.
 */

export type SpreadsheetEncoding =
  'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1250' | 'windows-1252';

export type DecodedSpreadsheetText =
  | { ok: true; text: string; encoding: SpreadsheetEncoding; notes: string[] }
  | { ok: false; message: string };

export type CsvDelimiter = ',' | ';' | '\t';

/** The largest file an import accepts (20 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const BYTES_PER_MB = 1024 * 1024;
/** How much of the start of a file is inspected for signs of binary content. */
const SNIFF_BYTES = 8 * 1024;
/** More control characters than this share of the start of a file means it is not text. */
const MAX_CONTROL_SHARE = 0.1;

/** Bytes 0x80–0xFF of Windows-1250 (WHATWG index; undefined bytes map to C1 controls). */
const WINDOWS_1250_HIGH =
  '€\u0081‚\u0083„…†‡\u0088‰Š‹ŚŤŽŹ' +
  '\u0090‘’“”•–—\u0098™š›śťžź' +
  '\u00A0ˇ˘Ł¤Ą¦§¨©Ş«¬\u00AD®Ż' +
  '°±˛ł´µ¶·¸ąş»Ľ˝ľż' +
  'ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎ' +
  'ĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢß' +
  'ŕáâăäĺćçčéęëěíîď' +
  'đńňóôőö÷řůúűüýţ˙';

/** Bytes 0x80–0x9F of Windows-1252; 0xA0–0xFF are U+00A0–U+00FF, as in Latin-1. */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F' + '\u0090‘’“”•–—˜™š›œ\u009DžŸ';

type CodePage = 'windows-1250' | 'windows-1252';

const CODE_PAGE_NAMES: Record<CodePage, string> = {
  'windows-1250': 'Windows-1250',
  'windows-1252': 'Windows-1252',
};

const CODE_PAGE_REGIONS: Record<CodePage, string> = {
  'windows-1250': 'Central European',
  'windows-1252': 'Western European',
};

/**
 * Windows-1250 letters of the region whose Windows-1252 reading (è æ ð þ) is a letter no
 * language of the region uses: seeing one of these bytes is evidence for Windows-1250.
 */
const DECISIVE_CENTRAL_LETTERS = new Set('čćđţČĆĐŢ');

/**
 * Windows-1250 letters whose Windows-1252 reading (ñ õ û ã) is just as plausible in a name:
 * these bytes decide nothing on their own and are reported as doubtful.
 */
const CONTESTED_CENTRAL_LETTERS = new Set('ńőűăŃŐŰĂ');

function readWindows1250(byte: number): string {
  return byte < 0x80 ? String.fromCharCode(byte) : (WINDOWS_1250_HIGH[byte - 0x80] ?? '');
}

function readWindows1252(byte: number): string {
  if (byte >= 0x80 && byte < 0xa0) return WINDOWS_1252_C1[byte - 0x80] ?? '';
  return String.fromCharCode(byte);
}

/** Whether this machine stores a Uint16Array's code units little-end first (nearly all do). */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function decodeCodePage(bytes: Uint8Array, codePage: CodePage): string {
  const read = codePage === 'windows-1250' ? readWindows1250 : readWindows1252;
  // Every character of both code pages is one UTF-16 code unit, so mapping byte to code unit
  // and letting the native UTF-16 decoder build the string is exact, and fast on 20 MB.
  const table = Uint16Array.from({ length: 256 }, (_, byte) => read(byte).charCodeAt(0));
  const units = new Uint16Array(bytes.length);
  for (let index = 0; index < bytes.length; index += 1) {
    units[index] = table[bytes[index] ?? 0] ?? 0;
  }
  return new TextDecoder(LITTLE_ENDIAN ? 'utf-16le' : 'utf-16be').decode(units);
}

function isCasedLetter(character: string): boolean {
  return /^[\p{Lu}\p{Ll}]$/u.test(character);
}

type Vote = CodePage | 'contested' | undefined;

/** Which code page one byte (read as `central` in 1250 and `western` in 1252) speaks for. */
function voteOfByte(central: string, western: string): Vote {
  if (central === western) return undefined;
  if (DECISIVE_CENTRAL_LETTERS.has(central)) return 'windows-1250';
  if (CONTESTED_CENTRAL_LETTERS.has(central)) return 'contested';
  const centralIsLetter = isCasedLetter(central);
  const westernIsLetter = isCasedLetter(western);
  // ł/³, ş/º, Ş/ª, Ł/£, ą/¹, ż/¿ and the bytes Windows-1252 leaves undefined.
  if (centralIsLetter && !westernIsLetter) return 'windows-1250';
  // ÿ/˙, and Western letters (à ò å ø ù ì ê œ) over Czech, Slovak and Polish ones (ŕ ň ĺ ř …).
  if (westernIsLetter) return 'windows-1252';
  return undefined;
}

interface ByteEvidence {
  byte: number;
  count: number;
  vote: Vote;
}

function letterList(evidence: ByteEvidence[], read: (byte: number) => string): string {
  const shown = 6;
  const letters = [...evidence]
    .sort((a, b) => b.count - a.count || a.byte - b.byte)
    .map((entry) => read(entry.byte));
  const distinct = [...new Set(letters)];
  return distinct.length > shown
    ? `${distinct.slice(0, shown).join(', ')}, …`
    : distinct.join(', ');
}

/**
 * Chooses between Windows-1250 and Windows-1252 for bytes that are not UTF-8, and explains
 * the choice. Windows-1252 wins ties, so a file whose letters read the same in both (ë, ç, š,
 * ž) is read as Windows-1252 without changing a single character.
 */
function chooseCodePage(bytes: Uint8Array): { codePage: CodePage; notes: string[] } {
  const counts = new Uint32Array(256);
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] ?? 0;
    counts[byte] = (counts[byte] ?? 0) + 1;
  }

  const evidence: ByteEvidence[] = [];
  counts.forEach((count, byte) => {
    if (count === 0 || byte < 0x80) return;
    const vote = voteOfByte(readWindows1250(byte), readWindows1252(byte));
    if (vote) evidence.push({ byte, count, vote });
  });
  const votesFor = (codePage: CodePage) =>
    evidence.filter((entry) => entry.vote === codePage).reduce((sum, e) => sum + e.count, 0);

  const central = votesFor('windows-1250');
  const western = votesFor('windows-1252');
  const codePage: CodePage = central > western ? 'windows-1250' : 'windows-1252';
  const other: CodePage = codePage === 'windows-1250' ? 'windows-1252' : 'windows-1250';
  const read = codePage === 'windows-1250' ? readWindows1250 : readWindows1252;
  const readOther = codePage === 'windows-1250' ? readWindows1252 : readWindows1250;

  const winners = evidence.filter((entry) => entry.vote === codePage);
  const reason =
    winners.length > 0
      ? `: ${letterList(winners, read)} found`
      : `, the default: nothing in it tells ${CODE_PAGE_NAMES[other]} apart`;
  const name = `${CODE_PAGE_NAMES[codePage]} (${CODE_PAGE_REGIONS[codePage]})`;
  const notes = [`not UTF-8; read as ${name}${reason}`];

  const doubtful = evidence.filter((entry) => entry.vote !== codePage);
  if (doubtful.length > 0) {
    notes.push(
      `check names with ${letterList(doubtful, read)}: in ${CODE_PAGE_NAMES[other]} ` +
        `they would read ${letterList(doubtful, readOther)}`,
    );
  }
  return { codePage, notes };
}

function describeSize(bytes: number): string {
  const megabytes = Math.round((bytes / BYTES_PER_MB) * 10) / 10;
  const limit = MAX_IMPORT_BYTES / BYTES_PER_MB;
  return megabytes > limit ? `${megabytes.toFixed(1)} MB` : `more than ${limit} MB`;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((value, index) => bytes[index] === value);
}

const ascii = (text: string) => Array.from(text, (character) => character.charCodeAt(0));

const SAVE_AS_CSV = 'save it as CSV (Excel: Save As › CSV UTF-8) and import that';
const EXPORT_AS_CSV = 'not a CSV file; export the table as CSV and import that';

/** What a file that is not text looks like, from its first bytes and its name. */
function describeBinarySignature(bytes: Uint8Array, fileName: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (startsWith(bytes, ascii('PK\x03\x04')) || startsWith(bytes, ascii('PK\x05\x06'))) {
    if (extension === 'ods') {
      return 'an OpenDocument spreadsheet (.ods); save it as CSV (Text CSV, UTF-8) and import that';
    }
    if (extension === 'zip') return 'a ZIP archive; unpack it and import the CSV file inside';
    return `an Excel workbook (.xlsx); ${SAVE_AS_CSV}`;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return `an Excel 97–2003 workbook (.xls); ${SAVE_AS_CSV}`;
  }
  if (startsWith(bytes, ascii('%PDF'))) return `a PDF document, ${EXPORT_AS_CSV}`;
  if (startsWith(bytes, [0x89, ...ascii('PNG')])) return `a PNG image, ${EXPORT_AS_CSV}`;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return `a JPEG image, ${EXPORT_AS_CSV}`;
  if (startsWith(bytes, ascii('GIF8'))) return `a GIF image, ${EXPORT_AS_CSV}`;
  if (startsWith(bytes, [0x1f, 0x8b])) {
    return 'a gzip-compressed file; unpack it and import the CSV file inside';
  }
  return undefined;
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return; DEL. */
function isControlCode(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

function controlShare(codes: ArrayLike<number>): number {
  if (codes.length === 0) return 0;
  let controls = 0;
  for (let index = 0; index < codes.length; index += 1) {
    if (isControlCode(codes[index] ?? 0)) controls += 1;
  }
  return controls / codes.length;
}

function charCodes(text: string, limit: number): number[] {
  return Array.from({ length: Math.min(text.length, limit) }, (_, index) => text.charCodeAt(index));
}

function binaryFailure(fileName: string): DecodedSpreadsheetText {
  return { ok: false, message: `${fileName} looks like a binary file, ${EXPORT_AS_CSV}` };
}

function finish(
  fileName: string,
  text: string,
  encoding: SpreadsheetEncoding,
  notes: string[],
): DecodedSpreadsheetText {
  if (text.trim() === '') return { ok: false, message: `${fileName} is empty` };
  let replacements = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) {
    replacements += 1;
  }
  if (replacements > 0) {
    const characters = replacements === 1 ? 'character' : 'characters';
    notes.push(
      `the text has ${replacements} replacement ${characters} (\uFFFD) where a character could not be read`,
    );
  }
  return { ok: true, text, encoding, notes };
}

/**
 * Decodes a spreadsheet export for import, or says in one sentence naming the file why it
 * cannot: too large, empty, or not text at all (an Excel workbook, a PDF, an image…).
 *
 * In order: the size limit; a byte-order mark (UTF-8, UTF-16 LE or BE) decides the encoding;
 * signatures, NUL bytes or too many control characters mean binary; bytes that are valid
 * UTF-8 are UTF-8; anything else is Windows-1250 or Windows-1252, chosen by the letters its
 * bytes 0x80–0xFF would be in each, with a note saying which and why.
 *
 * @example
 * decodeSpreadsheetText(new Uint8Array([0x50, 0x65, 0xe6]), 'partners.csv')
 * // → { ok: true, text: 'Peć', encoding: 'windows-1250',
 * //     notes: ['not UTF-8; read as Windows-1250 (Central European): ć found'] }
 */
export function decodeSpreadsheetText(bytes: Uint8Array, fileName: string): DecodedSpreadsheetText {
  if (bytes.length > MAX_IMPORT_BYTES) {
    const limit = MAX_IMPORT_BYTES / BYTES_PER_MB;
    return {
      ok: false,
      message: `${fileName} is ${describeSize(bytes.length)}; at most ${limit} MB can be imported`,
    };
  }
  if (bytes.length === 0) return { ok: false, message: `${fileName} is empty` };

  const utf16 = startsWith(bytes, [0xff, 0xfe])
    ? 'utf-16le'
    : startsWith(bytes, [0xfe, 0xff])
      ? 'utf-16be'
      : undefined;
  if (utf16) {
    const text = new TextDecoder(utf16, { ignoreBOM: true }).decode(bytes.subarray(2));
    if (controlShare(charCodes(text, SNIFF_BYTES / 2)) > MAX_CONTROL_SHARE) {
      return binaryFailure(fileName);
    }
    return finish(fileName, text, utf16, []);
  }

  const hasUtf8Bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  if (!hasUtf8Bom) {
    const looksLike = describeBinarySignature(body, fileName);
    if (looksLike) return { ok: false, message: `${fileName} looks like ${looksLike}` };
  }
  const start = body.subarray(0, SNIFF_BYTES);
  if (start.includes(0) || controlShare(start) > MAX_CONTROL_SHARE) return binaryFailure(fileName);

  if (hasUtf8Bom) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    return finish(fileName, text, 'utf-8', []);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return finish(fileName, text, 'utf-8', []);
  } catch {
    // Not UTF-8: one of the region's Windows code pages.
  }
  const { codePage, notes } = chooseCodePage(body);
  return finish(fileName, decodeCodePage(body, codePage), codePage, notes);
}

/**
 * Guesses a CSV file's delimiter from its header line (the first line that is not blank):
 * whichever of comma, semicolon (Excel where the decimal separator is a comma) and tab occurs
 * most often outside double quotes. Ties, and a header without any, give a comma.
 *
 * @example
 * detectCsvDelimiter('"Emri, i plotë";Bashkia\n…') // → ';'
 */
export function detectCsvDelimiter(text: string): CsvDelimiter {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let start = 0;
  while (start < source.length) {
    const lineEnd = source.indexOf('\n', start);
    const end = lineEnd === -1 ? source.length : lineEnd;
    if (source.slice(start, end).trim() !== '') break;
    start = end + 1;
  }

  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let index = start; index < source.length; index += 1) {
    const character = source[index];
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && (character === ',' || character === ';' || character === '\t')) {
      counts[character] += 1;
    }
  }

  const candidates: CsvDelimiter[] = [',', ';', '\t'];
  return candidates.reduce((best, candidate) =>
    counts[candidate] > counts[best] ? candidate : best,
  );
}

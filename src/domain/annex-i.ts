/**
 * Reads Annex I of the mapping report from its text extraction. The PDF's table arrives as
 * one tab-separated line per organisation, with the table header repeated at every page
 * break; this parser keeps the six columns verbatim and fails loudly on any line it does not
 * understand, so a changed extraction cannot silently drop an organisation.
 */

export interface AnnexRow {
  /** The "No." column. */
  row: number;
  /** 1-based line of the row in the document. */
  line: number;
  theme: string;
  name: string;
  geographicFocus: string;
  website: string;
  focusOfActivities: string;
}

export class AnnexParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'AnnexParseError';
  }
}

const ROW_START = /^(\d+)\.?\t/;
const TABLE_HEADER = /^No\.\tTheme\t/;

export function parseAnnexI(documentText: string): AnnexRow[] {
  const lines = documentText.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === 'ANNEX I');
  const end = lines.findIndex((line, index) => index > start && line.trim() === 'ANNEX II');
  if (start < 0 || end < 0) throw new AnnexParseError('cannot find "ANNEX I" … "ANNEX II"', 1);

  const rows: AnnexRow[] = [];
  for (let index = start + 1; index < end; index += 1) {
    const text = lines[index] ?? '';
    const lineNumber = index + 1;
    if (text.trim() === '' || TABLE_HEADER.test(text) || /^CSOs involved/.test(text)) continue;
    const match = ROW_START.exec(text);
    if (!match) throw new AnnexParseError(`not a table row: "${text.slice(0, 60)}"`, lineNumber);
    const fields = text.split('\t').map((field) => field.trim());
    if (fields.length !== 6) {
      throw new AnnexParseError(
        `expected 6 tab-separated columns, found ${fields.length}`,
        lineNumber,
      );
    }
    const [, theme, name, geographicFocus, website, focusOfActivities] = fields as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    rows.push({
      row: Number(match[1]),
      line: lineNumber,
      theme,
      name,
      geographicFocus,
      website,
      focusOfActivities,
    });
  }
  rows.forEach((row, index) => {
    if (row.row !== index + 1) {
      throw new AnnexParseError(`row number ${row.row} where ${index + 1} was expected`, row.line);
    }
  });
  return rows;
}

/**
 * Splits a trailing acronym off an organisation's name: "Center for Youth Progress (CYP)",
 * "Positive Development Partnership - PDP".
 */
export function splitAcronym(name: string): { name: string; acronym: string | null } {
  const parenthesised = /^(.*\S)\s*\(([^()]{2,16})\)$/.exec(name);
  if (parenthesised?.[1] && parenthesised[2] && /[A-Z]{2}/.test(parenthesised[2])) {
    return { name: parenthesised[1], acronym: parenthesised[2].trim() };
  }
  const dashed = /^(.*\S)\s+[-–]\s+([A-Z]{2,6})$/.exec(name);
  if (dashed?.[1] && dashed[2]) return { name: dashed[1], acronym: dashed[2] };
  return { name, acronym: null };
}

/** A stable, readable id from a name: "The Center for Youth Progress" → "center-for-youth-progress". */
export function slugify(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word, index) => !(index === 0 && word === 'the'));
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > 60) break;
    slug = next;
  }
  return slug;
}

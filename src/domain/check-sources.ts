import { z } from 'zod';
import { CsvSyntaxError, parseCsv, type CsvTable } from './csv';
import type { AnnexRow } from './annex-i';
import { splitAcronym } from './annex-i';
import { DATA_FILES } from './dataset';
import type { Gazetteer } from './gazetteer-schema';
import type { DataProblem } from './parse-dataset';

/**
 * Checks that tie data/ and geo/ back to their sources: every Annex I row present once and
 * verbatim, every official code present in the gazetteer, boundaries that match the
 * gazetteer's counties. Each returns problems with file and line; none throws.
 */

function readTable(text: string): CsvTable | { error: { line: number; message: string } } {
  try {
    return parseCsv(text);
  } catch (error) {
    return {
      error: {
        line: error instanceof CsvSyntaxError ? error.line : 1,
        message: error instanceof Error ? error.message : 'cannot be read as CSV',
      },
    };
  }
}

const ANNEX_FIELDS: { column: string; value: (row: AnnexRow) => string }[] = [
  { column: 'name', value: (row) => splitAcronym(row.name).name },
  { column: 'theme', value: (row) => row.theme },
  { column: 'geographic_focus', value: (row) => row.geographicFocus },
  { column: 'focus_of_activities', value: (row) => row.focusOfActivities },
  { column: 'website_raw', value: (row) => row.website },
];

/**
 * Every row of the document's Annex I appears exactly once in organisations.csv, and the
 * columns copied from it are verbatim (the name may be changed only through curation, which
 * the data build records; here it must still start the Annex name).
 */
export function checkAnnexRows(
  organisationsCsv: string,
  documentId: string,
  annex: readonly AnnexRow[],
  curatedNames: ReadonlySet<number> = new Set(),
): DataProblem[] {
  const file = DATA_FILES.organisations;
  const table = readTable(organisationsCsv);
  if ('error' in table) return []; // parseDataset reports unreadable files
  const column = (name: string) => table.header.indexOf(name);
  if (column('source_document') < 0 || column('annex_row') < 0) return [];
  const problems: DataProblem[] = [];
  const problem = (line: number, message: string, field?: string): void => {
    problems.push({ file, line, message, severity: 'error', ...(field ? { field } : {}) });
  };
  const byRow = new Map<number, number>();
  const annexByRow = new Map(annex.map((row) => [row.row, row]));
  for (const record of table.records) {
    if (record.values[column('source_document')] !== documentId) continue;
    const rowText = record.values[column('annex_row')] ?? '';
    const rowNumber = Number(rowText);
    const source = annexByRow.get(rowNumber);
    if (rowText.trim() === '' || !source) {
      problem(record.line, `Annex I of ${documentId} has no row "${rowText}"`, 'annex_row');
      continue;
    }
    byRow.set(rowNumber, record.line);
    for (const { column: name, value } of ANNEX_FIELDS) {
      if (name === 'name' && curatedNames.has(rowNumber)) continue;
      const actual = record.values[column(name)];
      if (actual !== undefined && actual !== value(source)) {
        problem(
          record.line,
          `differs from Annex I row ${rowNumber}: "${value(source).slice(0, 60)}"`,
          name,
        );
      }
    }
  }
  for (const row of annex) {
    if (!byRow.has(row.row)) {
      problem(1, `Annex I row ${row.row} (${row.name}) is missing`);
    }
  }
  return problems;
}

/** Every county and municipality code of geo/codes.csv is in the gazetteer, with a unique name. */
export function checkGazetteerCodes(
  gazetteer: Gazetteer,
  codesCsv: string,
): { line: number; message: string }[] {
  const table = readTable(codesCsv);
  if ('error' in table)
    return [{ line: table.error.line, message: `geo/codes.csv: ${table.error.message}` }];
  const problems: { line: number; message: string }[] = [];
  const levelColumn = table.header.indexOf('level');
  const codeColumn = table.header.indexOf('code');
  if (levelColumn < 0 || codeColumn < 0)
    return [{ line: 1, message: 'geo/codes.csv: missing level or code column' }];
  const ids = {
    county: new Set(gazetteer.counties.map((c) => c.id)),
    municipality: new Set(gazetteer.municipalities.map((m) => m.id)),
  };
  for (const record of table.records) {
    const level = record.values[levelColumn] as keyof typeof ids;
    const code = record.values[codeColumn] ?? '';
    if (!(level in ids)) continue;
    if (!ids[level].has(code)) {
      problems.push({
        line: 1,
        message: `${level} ${code} (geo/codes.csv line ${record.line}) is missing`,
      });
    }
  }
  for (const [level, areas] of [
    ['county', gazetteer.counties],
    ['municipality', gazetteer.municipalities],
  ] as const) {
    const seen = new Set<string>();
    for (const area of areas) {
      if (seen.has(area.name))
        problems.push({ line: 1, message: `two ${level} entries are named "${area.name}"` });
      seen.add(area.name);
    }
  }
  return problems;
}

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position).min(4);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const featureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry,
      properties: z.object({ id: z.string().nullable(), name: z.string().min(1) }).loose(),
    }),
  ),
});

/**
 * A boundary file is a FeatureCollection of polygons with id and name; for the counties file,
 * one feature per gazetteer county and no other.
 */
export function checkBoundaryFile(
  jsonText: string,
  expectedIds: ReadonlySet<string> | null,
): { line: number; message: string }[] {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch (error) {
    return [{ line: 1, message: `not valid JSON: ${(error as Error).message}` }];
  }
  const parsed = featureCollection.safeParse(raw);
  if (!parsed.success) {
    return parsed.error.issues
      .slice(0, 10)
      .map((issue) => ({ line: 1, message: `${issue.path.join('.')}: ${issue.message}` }));
  }
  if (!expectedIds) {
    return parsed.data.features.length === 0 ? [{ line: 1, message: 'has no features' }] : [];
  }
  const problems: { line: number; message: string }[] = [];
  const found = parsed.data.features.map((feature) => feature.properties.id ?? '');
  for (const id of expectedIds) {
    const count = found.filter((value) => value === id).length;
    if (count !== 1)
      problems.push({ line: 1, message: `county ${id} has ${count} features, expected 1` });
  }
  for (const id of found.filter((value) => !expectedIds.has(value))) {
    problems.push({ line: 1, message: `feature "${id}" is not a county of the gazetteer` });
  }
  return problems;
}

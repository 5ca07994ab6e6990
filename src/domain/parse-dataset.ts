import { z } from 'zod';
import { CsvSyntaxError, parseCsv, splitMultiValue, type CsvRecord } from './csv';
import {
  DATA_FILES,
  DOCUMENT_COLUMNS,
  HOTSPOT_COLUMNS,
  ORGANISATION_COLUMNS,
  TAXONOMY_COLUMNS,
  TAXONOMY_TRANSLATION_COLUMN,
  type DataFileKey,
  type Dataset,
  type DocumentRef,
  type HotspotEvidence,
  type HotspotLevel,
  type Organisation,
  type TaxonomyEntry,
  type TaxonomyTranslation,
} from './dataset';
import type { Gazetteer } from './gazetteer-schema';
import { foldPlaceText } from './place-text';
import { normaliseWebsite } from './website';

export interface DataProblem {
  file: string;
  /** 1-based line in the file; the header is line 1. */
  line: number;
  /** Column name, when the problem is about one field. */
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedDataset {
  dataset: Dataset;
  problems: DataProblem[];
}

export type DataFileTexts = Record<DataFileKey, string>;

/** Formats a problem the way compilers do, so editors can jump to it. */
export function formatProblem(problem: DataProblem, directory = 'data'): string {
  const field = problem.field ? ` ${problem.field}:` : '';
  const level = problem.severity === 'warning' ? ' warning:' : '';
  return `${directory}/${problem.file}:${problem.line}:${level}${field} ${problem.message}`;
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = z.string();
const requiredText = z.string().trim().min(1, 'is empty');
const idText = requiredText.regex(idPattern, 'must be lower-case words joined by hyphens');

const taxonomyRow = z
  .object({
    id: idText,
    label: requiredText,
    definition: requiredText,
    basis: requiredText,
    keywords: text,
  })
  .catchall(z.string());

const documentRow = z.object({
  id: requiredText,
  title: requiredText,
  publisher: requiredText,
  year: requiredText,
  file: requiredText,
});

const organisationRow = z.object({
  id: idText,
  source_document: requiredText,
  annex_row: z
    .string()
    .trim()
    .regex(/^(\d+)?$/, 'must be a whole number or empty'),
  name: requiredText,
  acronym: text,
  kind: requiredText,
  website_raw: text,
  website: text,
  theme: text,
  activity_types: text,
  focus_of_activities: text,
  focus_types: text,
  geographic_focus: text,
  scope: z.enum(['national', 'local'], { message: 'must be "national" or "local"' }),
  counties: text,
  municipalities: text,
  unresolved_places: text,
  notes: text,
});

const hotspotRow = z.object({
  municipality: requiredText,
  level: z.enum(['0', '1', '2', '3'], { message: 'must be 0, 1, 2 or 3' }),
  kind: idText,
  document: requiredText,
  location: requiredText,
  quote: requiredText,
  note: text,
});

interface TableRows<T> {
  rows: { line: number; value: T }[];
}

/**
 * Reads and checks the dataset files. It never throws on bad content: each problem is
 * returned with its file, line and field, and the rows that are sound are kept, so one bad
 * line never hides the rest.
 */
export function parseDataset(files: DataFileTexts, gazetteer: Gazetteer): ParsedDataset {
  const problems: DataProblem[] = [];
  const report = (
    file: string,
    line: number,
    message: string,
    field?: string,
    severity: DataProblem['severity'] = 'error',
  ) => problems.push({ file, line, message, severity, ...(field ? { field } : {}) });

  function readTable<T>(
    key: DataFileKey,
    columns: readonly string[],
    schema: z.ZodType<T>,
    /** Further columns the table may have, such as translations. */
    optionalColumn?: RegExp,
  ): TableRows<T> {
    const file = DATA_FILES[key];
    let records: CsvRecord[];
    let header: string[];
    try {
      ({ header, records } = parseCsv(files[key]));
    } catch (error) {
      const line = error instanceof CsvSyntaxError ? error.line : 1;
      report(file, line, error instanceof Error ? error.message : 'cannot be read as CSV');
      return { rows: [] };
    }
    if (header.length === 0) {
      report(file, 1, 'is empty: expected a header row');
      return { rows: [] };
    }
    const missing = columns.filter((column) => !header.includes(column));
    if (missing.length > 0) {
      report(file, 1, `missing column(s): ${missing.join(', ')}`);
      return { rows: [] };
    }
    for (const extra of header.filter(
      (column) => !columns.includes(column) && !(optionalColumn?.test(column) ?? false),
    )) {
      report(file, 1, `unknown column "${extra}" is ignored`, extra, 'warning');
    }
    const rows: { line: number; value: T }[] = [];
    for (const record of records) {
      if (record.values.length > header.length) {
        report(
          file,
          record.line,
          `has ${record.values.length} fields, the header has ${header.length}`,
        );
        continue;
      }
      const object = Object.fromEntries(header.map((name, i) => [name, record.values[i] ?? '']));
      const parsed = schema.safeParse(object);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
          const value = field ? String(object[field] ?? '') : '';
          const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
          report(file, record.line, `${issue.message} (was "${shown}")`, field);
        }
        continue;
      }
      rows.push({ line: record.line, value: parsed.data });
    }
    return { rows };
  }

  function uniqueIds<T>(
    file: string,
    rows: { line: number; value: T }[],
    idOf: (row: T) => string,
  ) {
    const seen = new Map<string, number>();
    return rows.filter(({ line, value }) => {
      const id = idOf(value);
      const first = seen.get(id);
      if (first !== undefined) {
        report(file, line, `duplicate id "${id}" (first on line ${first})`, 'id');
        return false;
      }
      seen.set(id, line);
      return true;
    });
  }

  const toTaxonomy = (row: z.infer<typeof taxonomyRow>): TaxonomyEntry => {
    const translations: Record<string, TaxonomyTranslation> = {};
    for (const [column, value] of Object.entries(row)) {
      const match = TAXONOMY_TRANSLATION_COLUMN.exec(column);
      const trimmed = value.trim();
      if (!match || trimmed === '') continue;
      const [, field, lang] = match as unknown as [string, 'label' | 'definition', string];
      translations[lang] = { ...translations[lang], [field]: trimmed };
    }
    return {
      id: row.id,
      label: row.label,
      definition: row.definition,
      basis: row.basis,
      keywords: row.keywords
        .split('|')
        .map((keyword) => keyword.trim())
        .filter((keyword) => keyword !== ''),
      ...(Object.keys(translations).length > 0 ? { translations } : {}),
    };
  };
  const taxonomy = (key: 'activityTypes' | 'focusTypes' | 'organisationKinds') =>
    uniqueIds(
      DATA_FILES[key],
      readTable(key, TAXONOMY_COLUMNS, taxonomyRow, TAXONOMY_TRANSLATION_COLUMN).rows,
      (r) => r.id,
    ).map(({ value }) => toTaxonomy(value));

  const documents: DocumentRef[] = uniqueIds(
    DATA_FILES.documents,
    readTable('documents', DOCUMENT_COLUMNS, documentRow).rows,
    (row) => row.id,
  ).map(({ value }) => value);
  const activityTypes = taxonomy('activityTypes');
  const focusTypes = taxonomy('focusTypes');
  const organisationKinds = taxonomy('organisationKinds');

  const documentIds = new Set(documents.map((d) => d.id));
  const activityIds = new Set(activityTypes.map((t) => t.id));
  const focusIds = new Set(focusTypes.map((t) => t.id));
  const kindIds = new Set(organisationKinds.map((t) => t.id));
  const countyByName = new Map(gazetteer.counties.map((c) => [c.name, c.id]));
  const municipalityByName = new Map(gazetteer.municipalities.map((m) => [m.name, m.id]));
  const officialByFolded = new Map<string, string>(
    [...gazetteer.counties, ...gazetteer.municipalities].map((area) => [
      foldPlaceText(area.name),
      area.name,
    ]),
  );

  const areaIds = (
    file: string,
    line: number,
    field: string,
    cell: string,
    byName: ReadonlyMap<string, string>,
    levelName: string,
  ): string[] => {
    const ids: string[] = [];
    for (const name of splitMultiValue(cell)) {
      const id = byName.get(name);
      if (id) {
        ids.push(id);
        continue;
      }
      const official = officialByFolded.get(foldPlaceText(name));
      const hint = official && byName.has(official) ? `: write it as "${official}"` : '';
      report(file, line, `unknown ${levelName} "${name}"${hint}`, field);
    }
    return ids;
  };

  const knownIds = (
    file: string,
    line: number,
    field: string,
    cell: string,
    known: ReadonlySet<string>,
    what: string,
  ) =>
    splitMultiValue(cell).filter((id) => {
      if (known.has(id)) return true;
      report(file, line, `unknown ${what} "${id}"`, field);
      return false;
    });

  const organisationFile = DATA_FILES.organisations;
  const annexRows = new Map<string, number>();
  const organisations: Organisation[] = uniqueIds(
    organisationFile,
    readTable('organisations', ORGANISATION_COLUMNS, organisationRow).rows,
    (row) => row.id,
  ).flatMap(({ line, value: row }): Organisation[] => {
    const before = problems.length;
    if (!documentIds.has(row.source_document)) {
      report(
        organisationFile,
        line,
        `unknown document "${row.source_document}"`,
        'source_document',
      );
    }
    const annexRow = row.annex_row === '' ? null : Number(row.annex_row);
    if (annexRow !== null) {
      const key = `${row.source_document}#${annexRow}`;
      const first = annexRows.get(key);
      if (first !== undefined) {
        report(
          organisationFile,
          line,
          `Annex I row ${annexRow} is already used on line ${first}`,
          'annex_row',
        );
      } else annexRows.set(key, line);
    }
    if (!kindIds.has(row.kind))
      report(organisationFile, line, `unknown kind "${row.kind}"`, 'kind');
    const website = row.website.trim();
    if (website !== '') {
      const checked = normaliseWebsite(website);
      if (checked.url === null) {
        report(organisationFile, line, checked.problem ?? 'is not a web address', 'website');
      }
    }
    const activityTypeIds = knownIds(
      organisationFile,
      line,
      'activity_types',
      row.activity_types,
      activityIds,
      'activity type',
    );
    const focusTypeIds = knownIds(
      organisationFile,
      line,
      'focus_types',
      row.focus_types,
      focusIds,
      'focus type',
    );
    const countyIds = areaIds(
      organisationFile,
      line,
      'counties',
      row.counties,
      countyByName,
      'county',
    );
    const municipalityIds = areaIds(
      organisationFile,
      line,
      'municipalities',
      row.municipalities,
      municipalityByName,
      'municipality',
    );
    const namedAreas =
      splitMultiValue(row.counties).length + splitMultiValue(row.municipalities).length;
    if (row.scope === 'local' && namedAreas === 0) {
      report(
        organisationFile,
        line,
        'a local organisation must name at least one county or municipality',
        'scope',
      );
    }
    if (row.scope === 'national' && countyIds.length + municipalityIds.length > 0) {
      report(
        organisationFile,
        line,
        'a national organisation lists areas: use scope "local" or clear them',
        'scope',
        'warning',
      );
    }
    if (problems.slice(before).some((problem) => problem.severity === 'error')) return [];
    return [
      {
        id: row.id,
        name: row.name.trim(),
        acronym: row.acronym.trim() === '' ? null : row.acronym.trim(),
        kind: row.kind,
        websiteRaw: row.website_raw,
        website: website === '' ? null : website,
        theme: row.theme,
        activityTypes: activityTypeIds,
        focusOfActivities: row.focus_of_activities,
        focusTypes: focusTypeIds,
        geographicFocus: row.geographic_focus,
        scope: row.scope,
        countyIds,
        municipalityIds,
        unresolvedPlaces: splitMultiValue(row.unresolved_places),
        notes: row.notes,
        source: { document: row.source_document, row: annexRow },
      },
    ];
  });

  const hotspotFile = DATA_FILES.hotspots;
  const hotspotEvidence: HotspotEvidence[] = readTable(
    'hotspots',
    HOTSPOT_COLUMNS,
    hotspotRow,
  ).rows.flatMap(({ line, value: row }): HotspotEvidence[] => {
    const municipalityId = municipalityByName.get(row.municipality.trim());
    let sound = true;
    if (!municipalityId) {
      areaIds(
        hotspotFile,
        line,
        'municipality',
        row.municipality,
        municipalityByName,
        'municipality',
      );
      sound = false;
    }
    if (!documentIds.has(row.document)) {
      report(hotspotFile, line, `unknown document "${row.document}"`, 'document');
      sound = false;
    }
    if (!sound || !municipalityId) return [];
    return [
      {
        municipalityId,
        level: Number(row.level) as HotspotLevel,
        kind: row.kind,
        document: row.document,
        location: row.location,
        quote: row.quote,
        note: row.note,
      },
    ];
  });

  return {
    dataset: {
      documents,
      activityTypes,
      focusTypes,
      organisationKinds,
      organisations,
      hotspotEvidence,
    },
    problems,
  };
}

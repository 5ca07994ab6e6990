import { CsvSyntaxError, parseCsv } from './csv';

/**
 * The curation log (data/curation.csv): every manual change to the organisations dataset,
 * applied by the data build after the rules, each with its reason.
 */

export const CURATION_COLUMNS = ['annex_row', 'field', 'action', 'value', 'reason'] as const;

const CURATABLE_FIELDS = [
  'name',
  'acronym',
  'kind',
  'website',
  'activity_types',
  'focus_types',
  'counties',
  'municipalities',
  'scope',
  'notes',
] as const;
const ACTIONS = ['set', 'add', 'remove', 'note'] as const;

export type CuratableField = (typeof CURATABLE_FIELDS)[number];
export type CurationAction = (typeof ACTIONS)[number];

export interface Curation {
  line: number;
  annexRow: number;
  field: CuratableField;
  action: CurationAction;
  value: string;
  reason: string;
}

export interface CurationProblem {
  line: number;
  message: string;
}

/** Reads the curation log; a bad line is reported with its number and left out. */
export function parseCuration(csv: string): { curations: Curation[]; problems: CurationProblem[] } {
  let table;
  try {
    table = parseCsv(csv);
  } catch (error) {
    const line = error instanceof CsvSyntaxError ? error.line : 1;
    return { curations: [], problems: [{ line, message: (error as Error).message }] };
  }
  const { header, records } = table;
  const missing = CURATION_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    return {
      curations: [],
      problems: [{ line: 1, message: `missing column(s): ${missing.join(', ')}` }],
    };
  }
  const problems: CurationProblem[] = [];
  const curations = records.flatMap(({ line, values }): Curation[] => {
    const cell = (column: (typeof CURATION_COLUMNS)[number]) =>
      values[header.indexOf(column)] ?? '';
    const field = cell('field');
    const action = cell('action');
    const annexRow = Number(cell('annex_row'));
    const reason = cell('reason').trim();
    const report = (message: string) => {
      problems.push({ line, message });
      return [];
    };
    if (!Number.isInteger(annexRow) || annexRow < 1)
      return report('annex_row: must be a row number');
    if (!(CURATABLE_FIELDS as readonly string[]).includes(field)) {
      return report(`field: "${field}" cannot be curated`);
    }
    if (!(ACTIONS as readonly string[]).includes(action)) {
      return report('action: must be set, add, remove or note');
    }
    if (reason === '') return report('reason: is required');
    return [
      {
        line,
        annexRow,
        field: field as CuratableField,
        action: action as CurationAction,
        value: cell('value'),
        reason,
      },
    ];
  });
  return { curations, problems };
}

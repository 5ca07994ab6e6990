import { describe, expect, it } from 'vitest';
import type { PlannedIntervention } from '../../src/domain/plan';
import {
  PLAN_CSV_COLUMNS,
  PLAN_FILE_LIMITS,
  describePlanProblem,
  markIssueValues,
  mergeImportedPlans,
  parsePlansFile as parseWithIssues,
  serializePlansCsv,
  serializePlansJson,
  type PlanFileContext,
  type PlanFileProblem,
} from '../../src/domain/plan-file';
import { PLAN_FILE_WORDS_SQ } from '../../src/i18n/tables/planner';
import { makeDataset } from './fixtures/dataset-fixture';
import { makeGazetteer } from './fixtures/gazetteer-fixture';
import { makePlan } from './fixtures/plan-fixture';

const withoutIssue = ({ issue, ...problem }: PlanFileProblem) => {
  void issue;
  return problem;
};

/** The file read, its problems in English (their `issue`, the same as data, is checked below). */
function parsePlansFile(...args: Parameters<typeof parseWithIssues>) {
  const parsed = parseWithIssues(...args);
  return { ...parsed, problems: parsed.problems.map(withoutIssue) };
}

function makeContext(overrides: Partial<PlanFileContext> = {}): PlanFileContext {
  const gazetteer = makeGazetteer();
  const dataset = makeDataset();
  return {
    countryCode: 'AL',
    municipalities: gazetteer.municipalities,
    counties: gazetteer.counties,
    activityTypes: dataset.activityTypes,
    organisations: dataset.organisations,
    ...overrides,
  };
}

const HEADER = PLAN_CSV_COLUMNS.join(',');
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

/** Plans whose text fields hold everything a CSV or JSON writer can get wrong. */
const trickyPlans: PlannedIntervention[] = [
  makePlan({
    id: 'plan-1',
    activityTypes: ['awareness', 'training'],
    organisationName: 'Shoqata "Ardhmëria", Cërrik',
    start: '2025-03-01',
    end: '2025-12-31',
    note: 'First line, with a comma\nsecond line with "quotes"\r\nthird: ë ç Ë Ç',
  }),
  makePlan({
    id: 'plan-2',
    area: { level: 'county', id: 'AL034' },
    activityTypes: ['research'],
    organisationId: 'national-donor',
    organisationName: 'National Donor',
    start: '2024-02-29',
    note: '=HYPERLINK("http://example.com","click")',
  }),
  makePlan({ id: 'kamëz-2025', area: { level: 'municipality', id: 'AL221' }, note: '+1 more' }),
  makePlan({ id: 'p4', organisationName: '@home', note: "'=already quoted" }),
  makePlan({ id: 'p5', organisationName: '-minus', note: "'just an apostrophe" }),
  makePlan({ id: '=id', note: '  padded  ', end: '2026-01-01' }),
];

describe('CSV', () => {
  it('writes one row per plan, with names, ";"-joined types and formula cells neutralised', () => {
    const text = serializePlansCsv(trickyPlans.slice(1, 2), makeContext());
    expect(text).toBe(
      '\uFEFF' +
        HEADER +
        '\n' +
        'plan-2,county,AL034,Korçë,research,national-donor,National Donor,2024-02-29,,' +
        '"\'=HYPERLINK(""http://example.com"",""click"")"\n',
    );
  });

  it('round-trips plans: commas, quotes, line breaks, diacritics and formula-like text', () => {
    const context = makeContext();
    const text = serializePlansCsv(trickyPlans, context);
    expect(parsePlansFile('plans.csv', text, context)).toEqual({
      plans: trickyPlans,
      problems: [],
    });
  });

  it('guards organisation_name, note and id but not the other columns', () => {
    const text = serializePlansCsv(trickyPlans, makeContext());
    expect(text).toContain(",'+1 more\n");
    expect(text).toContain("'@home");
    expect(text).toContain("'-minus");
    expect(text).toContain(",''=already quoted\n");
    expect(text).toContain(",'just an apostrophe\n");
    expect(text).toContain("\n'=id,");
  });

  it('strips the guarding apostrophe on reading, and only that one', () => {
    const { plans } = parsePlansFile(
      'plans.csv',
      csv(
        "a,municipality,AL212,,awareness,,'=x,,,'-y",
        "b,municipality,AL212,,awareness,,''+x,,,'plain",
      ),
      makeContext(),
    );
    expect(plans.map((plan) => [plan.organisationName, plan.note])).toEqual([
      ['=x', '-y'],
      ["'+x", "'plain"],
    ]);
  });

  it('resolves an area name instead of an id, at the level given, ignoring case and diacritics', () => {
    const { plans, problems } = parsePlansFile(
      'plans.csv',
      csv(
        'a,municipality,,Cerrik,awareness,,X,,,',
        'b,municipality,,DIBËR,awareness,,X,,,',
        'c,county,,diber,awareness,,X,,,',
        'd,municipality,,vau i dejes,awareness,,X,,,',
        'e,County,,korce,awareness,,X,,,',
      ),
      makeContext(),
    );
    expect(problems).toEqual([]);
    expect(plans.map((plan) => plan.area)).toEqual([
      { level: 'municipality', id: 'AL212' },
      { level: 'municipality', id: 'AL112' },
      { level: 'county', id: 'AL011' },
      { level: 'municipality', id: 'AL155' },
      { level: 'county', id: 'AL034' },
    ]);
  });

  it('matches area and organisation ids in any case, keeping them as listed', () => {
    const { plans, problems } = parsePlansFile(
      'plans.csv',
      csv('a,municipality,al212,,awareness,CERRIK-ONE,,,,', 'b,county,Al021,,awareness,,X,,,'),
      makeContext(),
    );
    expect(problems).toEqual([]);
    expect(plans.map((plan) => [plan.area.id, plan.organisationId])).toEqual([
      ['AL212', 'cerrik-one'],
      ['AL021', null],
    ]);
  });

  it('matches only official names, not aliases, and names several matches', () => {
    const context = makeContext({
      municipalities: [
        { id: 'X1', name: 'Golem' },
        { id: 'X2', name: 'Golëm' },
        { id: 'AL343', name: 'Korçë' },
      ],
    });
    const { plans, problems } = parsePlansFile(
      'plans.csv',
      csv('a,municipality,,Korca,awareness,,X,,,', 'b,municipality,,golem,awareness,,X,,,'),
      context,
    );
    expect(plans).toEqual([]);
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [2, 'area_name', 'no municipality is called "Korca"'],
      [3, 'area_name', '"golem" names several municipalities (X1, X2); give area_id'],
    ]);
  });

  it('reads activity types as ids or labels in any case, without repeats', () => {
    const { plans } = parsePlansFile(
      'plans.csv',
      csv('a,municipality,AL212,,Awareness; TRAINING ;awareness;research,,X,,,'),
      makeContext(),
    );
    expect(plans[0]?.activityTypes).toEqual(['awareness', 'training', 'research']);
  });

  it('reports every field error with its line and column, and keeps the sound rows', () => {
    const text = csv(
      'ok-1,municipality,AL212,,awareness,,Org,2025-01-01,2025-01-01,', // 2
      'bad-level,town,AL212,,awareness,,Org,,,', // 3
      'bad-id,municipality,AL999,,awareness,,Org,,,', // 4
      'wrong-level,municipality,AL021,,awareness,,Org,,,', // 5
      'bad-name,municipality,,Atlantis,awareness,,Org,,,', // 6
      'no-area,county,,,awareness,,Org,,,', // 7
      'no-types,municipality,AL212,,,,Org,,,', // 8
      'bad-type,municipality,AL212,,awareness;juggling,,Org,,,', // 9
      'bad-org,municipality,AL212,,awareness,nobody,,,,', // 10
      'no-org,municipality,AL212,,awareness,,,,,', // 11
      'bad-date,municipality,AL212,,awareness,,Org,2025-02-30,31/12/2025,', // 12
      'reversed,municipality,AL212,,awareness,,Org,2025-06-01,2025-05-31,', // 13
      'has space,municipality,AL212,,awareness,,Org,,,', // 14
      'ok-1,municipality,AL213,,awareness,,Org,,,', // 15
      'extra,municipality,AL212,,awareness,,Org,,,,surplus', // 16
      '"two\nlines",county,AL021,,research,,"Org",,,', // 17-18
      'ok-2,county,AL021,,research,,Org,,,"multi\nline\nnote"', // 19
      'after,county,AL021,,,,Org,,,', // 22
    );
    const { plans, problems } = parsePlansFile('plans.csv', text, makeContext());
    expect(plans.map((plan) => plan.id)).toEqual(['ok-1', 'ok-2']);
    const error = (line: number, field: string | undefined, message: string) => ({
      file: 'plans.csv',
      line,
      message,
      severity: 'error',
      ...(field ? { field } : {}),
    });
    expect(problems).toEqual([
      error(3, 'area_level', 'must be "municipality" or "county" (was "town")'),
      error(4, 'area_id', 'no municipality has the id "AL999"'),
      error(5, 'area_id', '"AL021" is a county, not a municipality'),
      error(6, 'area_name', 'no municipality is called "Atlantis"'),
      error(7, 'area_id', 'is empty: give the area id or its name'),
      error(8, 'activity_types', 'is empty: give at least one activity type (e.g. awareness)'),
      error(
        9,
        'activity_types',
        'unknown activity type "juggling" (known: awareness, training, research)',
      ),
      error(10, 'organisation_id', 'no organisation in the dataset has the id "nobody"'),
      error(11, 'organisation_name', 'is empty: give the organisation id or its name'),
      error(12, 'start', '"2025-02-30" is not a date written YYYY-MM-DD, e.g. 2025-03-31'),
      error(12, 'end', '"31/12/2025" is not a date written YYYY-MM-DD, e.g. 2025-03-31'),
      error(13, 'end', '2025-05-31 is before the start, 2025-06-01'),
      error(14, 'id', '"has space" must not contain spaces'),
      error(15, 'id', 'duplicate id "ok-1" (first on line 2)'),
      error(16, undefined, 'has 11 cells, the header has 10'),
      error(17, 'id', '"two\nlines" must not contain spaces'),
      error(22, 'activity_types', 'is empty: give at least one activity type (e.g. awareness)'),
    ]);
  });

  it('refuses impossible dates but takes 29 February in leap years', () => {
    const row = (start: string) => `x,municipality,AL212,,awareness,,Org,${start},,`;
    const messages = (start: string) =>
      parsePlansFile('p.csv', csv(row(start)), makeContext()).problems.map((p) => p.message);
    expect(messages('2024-02-29')).toEqual([]);
    expect(messages('2000-02-29')).toEqual([]);
    for (const bad of ['1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-1-5']) {
      expect(messages(bad)).toEqual([`"${bad}" is not a date written YYYY-MM-DD, e.g. 2025-03-31`]);
    }
  });

  it('takes the dataset name of a known organisation, warning when the file says otherwise', () => {
    const { plans, problems } = parsePlansFile(
      'plans.csv',
      csv(
        'a,municipality,AL212,,awareness,cerrik-one,,,,',
        'b,municipality,AL212,,awareness,cerrik-one,Cerrik One,,,',
        'c,municipality,AL212,Cerrik town,awareness,,X,,,',
      ),
      makeContext(),
    );
    expect(plans.map((plan) => [plan.organisationId, plan.organisationName])).toEqual([
      ['cerrik-one', 'Cërrik One'],
      ['cerrik-one', 'Cërrik One'],
      [null, 'X'],
    ]);
    expect(problems).toEqual([
      {
        file: 'plans.csv',
        line: 3,
        field: 'organisation_name',
        severity: 'warning',
        message:
          'is "Cerrik One", but organisation cerrik-one is called "Cërrik One" in the dataset; that name is kept',
      },
      {
        file: 'plans.csv',
        line: 4,
        field: 'area_name',
        severity: 'warning',
        message: 'is "Cerrik town", but AL212 is Cërrik; the id is used',
      },
    ]);
  });

  it('gives missing ids fresh "plan-<n>" ids unused in the file and in existingIds', () => {
    const { plans, problems } = parsePlansFile(
      'plans.csv',
      csv(
        ',municipality,AL212,,awareness,,A,,,',
        'plan-1,municipality,AL212,,awareness,,B,,,',
        ',municipality,AL212,,awareness,,C,,,',
        ',municipality,AL212,,awareness,,D,,,',
      ),
      makeContext({ existingIds: new Set(['plan-3']) }),
    );
    expect(problems).toEqual([]);
    expect(plans.map((plan) => `${plan.organisationName}=${plan.id}`)).toEqual([
      'A=plan-2',
      'B=plan-1',
      'C=plan-4',
      'D=plan-5',
    ]);
  });

  it('reads a header in any order and case, warns about unknown columns, fills missing ones', () => {
    const { plans, problems } = parsePlansFile(
      'plans.csv',
      'Organisation_Name,Area_Level,area_name,activity_types,colour\nOrg,county,Elbasan,research,red\n',
      makeContext(),
    );
    expect(plans).toEqual([
      makePlan({
        id: 'plan-1',
        area: { level: 'county', id: 'AL021' },
        activityTypes: ['research'],
        organisationName: 'Org',
      }),
    ]);
    expect(problems).toEqual([
      {
        file: 'plans.csv',
        line: 1,
        field: 'colour',
        severity: 'warning',
        message: 'unknown column "colour" is ignored',
      },
    ]);
  });

  it('reads semicolon-separated files as spreadsheets in comma-decimal locales write them', () => {
    const text =
      'id;area_level;area_id;activity_types;organisation_name\nx;municipality;AL345;"awareness;training";Org\n';
    const { plans, problems } = parsePlansFile('plans.csv', text, makeContext());
    expect(problems).toEqual([]);
    expect(plans[0]?.activityTypes).toEqual(['awareness', 'training']);
    expect(plans[0]?.area).toEqual({ level: 'municipality', id: 'AL345' });
  });

  it('names the missing columns and reads no rows', () => {
    expect(parsePlansFile('plans.csv', 'id,note\nx,y\n', makeContext())).toEqual({
      plans: [],
      problems: [
        {
          file: 'plans.csv',
          line: 1,
          severity: 'error',
          message: `missing column(s): area_level, activity_types, area_id or area_name, organisation_id or organisation_name. The columns are: ${PLAN_CSV_COLUMNS.join(', ')}`,
        },
      ],
    });
  });

  it('refuses a header naming a column twice', () => {
    const { plans, problems } = parsePlansFile(
      'plans.csv',
      csv('x,municipality,AL212,,awareness,,Org,,,').replace('note', 'start'),
      makeContext(),
    );
    expect(plans).toEqual([]);
    expect(problems).toEqual([
      {
        file: 'plans.csv',
        line: 1,
        field: 'start',
        severity: 'error',
        message: 'column "start" appears twice',
      },
    ]);
  });

  it('names the line of an unclosed quote', () => {
    const text = csv(
      'a,municipality,AL212,,awareness,,Org,,,',
      'b,municipality,AL212,,awareness,,"Org,,,',
    );
    expect(parsePlansFile('plans.csv', text, makeContext())).toEqual({
      plans: [],
      problems: [
        {
          file: 'plans.csv',
          line: 3,
          severity: 'error',
          message: 'cannot be read as CSV: a quoted field is not closed',
        },
      ],
    });
  });

  it('says an empty file is empty', () => {
    for (const text of ['', '\uFEFF', ' \n\n ']) {
      expect(parsePlansFile('plans.csv', text, makeContext()).problems).toEqual([
        { file: 'plans.csv', line: 1, severity: 'error', message: 'is empty: it holds no plans' },
      ]);
    }
  });
});

describe('JSON', () => {
  it('writes the plans file format, pretty-printed with two spaces', () => {
    const plan = makePlan({ id: 'plan-1', start: '2025-01-01' });
    expect(serializePlansJson([plan], makeContext())).toBe(
      [
        '{',
        '  "format": "harta-plans",',
        '  "version": 1,',
        '  "country": "AL",',
        '  "plans": [',
        '    {',
        '      "id": "plan-1",',
        '      "area": {',
        '        "level": "municipality",',
        '        "id": "AL212"',
        '      },',
        '      "activityTypes": [',
        '        "awareness"',
        '      ],',
        '      "organisationId": null,',
        '      "organisationName": "Youth Forum",',
        '      "start": "2025-01-01",',
        '      "end": null,',
        '      "note": ""',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('round-trips plans with every kind of text', () => {
    const context = makeContext();
    expect(parsePlansFile('plans.json', serializePlansJson(trickyPlans, context), context)).toEqual(
      {
        plans: trickyPlans,
        problems: [],
      },
    );
  });

  it('accepts a bare list of plans, with optional fields left out and an area by name', () => {
    const text = `\uFEFF[
      {"area": {"level": "municipality", "name": "Kamez"}, "activityTypes": ["Training"],
       "organisationName": "Org"},
      {"id": "x", "area": {"level": "county", "id": "AL022"}, "activityTypes": ["research"],
       "organisationId": "national-donor", "start": null, "note": null}
    ]`;
    const { plans, problems } = parsePlansFile('plans.json', text, makeContext());
    expect(problems).toEqual([]);
    expect(plans).toEqual([
      makePlan({
        id: 'plan-1',
        area: { level: 'municipality', id: 'AL221' },
        activityTypes: ['training'],
        organisationName: 'Org',
      }),
      makePlan({
        id: 'x',
        area: { level: 'county', id: 'AL022' },
        activityTypes: ['research'],
        organisationId: 'national-donor',
        organisationName: 'National Donor',
      }),
    ]);
  });

  it('reports each problem at the line of the field, with the JSON field name', () => {
    const text = [
      '{', // 1
      '  "format": "harta-plans",', // 2
      '  "version": 1,', // 3
      '  "country": "AL",', // 4
      '  "comment": "hi",', // 5
      '  "plans": [', // 6
      '    {', // 7
      '      "id": "a",', // 8
      '      "area": {"level": "municipality", "id": "AL212"},', // 9
      '      "activityTypes": ["awareness"],', // 10
      '      "organisationName": "Org",', // 11
      '      "colour": "red"', // 12
      '    },', // 13
      '    {', // 14
      '      "id": "b",', // 15
      '      "area": {', // 16
      '        "level": "county",', // 17
      '        "id": "AL999"', // 18
      '      },', // 19
      '      "activityTypes": ["awareness", 7, "dancing"],', // 20
      '      "organisationName": 42,', // 21
      '      "start": "2025-01-01",', // 22
      '      "end": "2024-12-31"', // 23
      '    },', // 24
      '    "not a plan",', // 25
      '    { "id": "c", "area": "AL212", "activityTypes": "awareness", "organisationName": "O" },', // 26
      '    {', // 27
      '      "id": "a",', // 28
      '      "activityTypes": [],', // 29
      '      "organisationId": null', // 30
      '    }', // 31
      '  ]', // 32
      '}', // 33
    ].join('\n');
    const { plans, problems } = parsePlansFile('plans.json', text, makeContext());
    expect(plans.map((plan) => plan.id)).toEqual(['a']);
    expect(problems.map((p) => [p.line, p.field, p.severity, p.message])).toEqual([
      [5, 'comment', 'warning', 'unknown field "comment" is ignored'],
      [12, 'colour', 'warning', 'unknown field "colour" is ignored'],
      [18, 'area.id', 'error', 'no county has the id "AL999"'],
      [20, 'activityTypes', 'error', 'each activity type must be text (was a number)'],
      [
        20,
        'activityTypes',
        'error',
        'unknown activity type "dancing" (known: awareness, training, research)',
      ],
      [21, 'organisationName', 'error', 'must be text (was a number)'],
      [23, 'end', 'error', '2024-12-31 is before the start, 2025-01-01'],
      [25, undefined, 'error', 'each plan must be an object (plan 3 is text)'],
      [
        26,
        'area',
        'error',
        'must be an object like {"level": "municipality", "id": "…"} (was text)',
      ],
      [
        26,
        'activityTypes',
        'error',
        'must be a list of activity types, e.g. ["awareness"] (was text)',
      ],
      // A missing field is reported at the line of the plan that lacks it.
      [27, 'area.level', 'error', 'is empty: give "municipality" or "county"'],
      [27, 'organisationName', 'error', 'is empty: give the organisation id or its name'],
      [28, 'id', 'error', 'duplicate id "a" (first on line 8)'],
      [29, 'activityTypes', 'error', 'is empty: give at least one activity type (e.g. awareness)'],
    ]);
    expect(problems.every((p) => p.file === 'plans.json')).toBe(true);
  });

  it.each([
    [
      '{"version": 1, "country": "AL", "plans": []}',
      'format',
      1,
      'is not a Harta plans file: it has no "format": "harta-plans"',
    ],
    [
      '{"format": "geojson", "version": 1, "country": "AL", "plans": []}',
      'format',
      1,
      'is not a Harta plans file: its format is "geojson", not "harta-plans"',
    ],
    [
      '{"format": "harta-plans",\n"version": 2, "country": "AL", "plans": []}',
      'version',
      2,
      'is version 2 of the plans file, written by a newer Harta; this one reads version 1',
    ],
    [
      '{"format": "harta-plans", "version": "1", "country": "AL", "plans": []}',
      'version',
      1,
      'must be 1 (was "1")',
    ],
    [
      '{"format": "harta-plans", "version": 1,\n\n"country": "XK", "plans": []}',
      'country',
      3,
      'holds plans for country "XK", but the map shows "AL"; its areas would not match',
    ],
    [
      '{"format": "harta-plans", "version": 1, "plans": []}',
      'country',
      1,
      'must name the country the plans are for, e.g. "AL"',
    ],
    [
      '{"format": "harta-plans", "version": 1, "country": "AL",\n"plans": {}}',
      'plans',
      2,
      'must be a list of plans (was an object)',
    ],
  ])('refuses a whole file of the wrong kind: %s', (text, field, line, message) => {
    expect(parsePlansFile('p.json', text, makeContext())).toEqual({
      plans: [],
      problems: [{ file: 'p.json', line, field, severity: 'error', message }],
    });
  });

  it('accepts the country code in any case', () => {
    const text = serializePlansJson([makePlan({ id: 'a' })], { countryCode: 'al' });
    expect(parsePlansFile('p.json', text, makeContext()).problems).toEqual([]);
  });

  it('names the line and column of a JSON syntax error', () => {
    const text = serializePlansJson([makePlan({ id: 'a' })], makeContext()).replace(
      '"note": ""',
      '"note": "",',
    );
    expect(parsePlansFile('p.json', text, makeContext())).toEqual({
      plans: [],
      problems: [
        {
          file: 'p.json',
          line: 20,
          severity: 'error',
          message: 'is not valid JSON (column 5): a comma before "}" is not allowed in JSON',
        },
      ],
    });
  });

  it('refuses a JSON value that is neither a plans file nor a list', () => {
    expect(parsePlansFile('p.json', '[1]', makeContext()).problems[0]?.message).toBe(
      'each plan must be an object (plan 1 is a number)',
    );
  });
});

describe('limits', () => {
  it(`refuses a file over 1 MB`, () => {
    const note = 'ë'.repeat(PLAN_FILE_LIMITS.maxBytes / 2);
    expect(
      parsePlansFile('big.csv', csv(`a,municipality,AL212,,awareness,,O,,,${note}`), makeContext()),
    ).toEqual({
      plans: [],
      problems: [
        {
          file: 'big.csv',
          line: 1,
          severity: 'error',
          message: 'is larger than 1 MB, the most a plans file may hold',
        },
      ],
    });
  });

  it(`refuses more than ${PLAN_FILE_LIMITS.maxPlans} plans, and takes exactly that many`, () => {
    const rows = (count: number) =>
      Array.from({ length: count }, (_, i) => `p${i},municipality,AL212,,awareness,,O,,,`);
    expect(parsePlansFile('p.csv', csv(...rows(1000)), makeContext()).plans).toHaveLength(1000);
    expect(parsePlansFile('p.csv', csv(...rows(1001)), makeContext())).toEqual({
      plans: [],
      problems: [
        {
          file: 'p.csv',
          line: 1002,
          severity: 'error',
          message: 'holds 1001 plans; at most 1000 can be imported from one file',
        },
      ],
    });
  });

  it(`refuses text fields over ${PLAN_FILE_LIMITS.maxTextLength} characters`, () => {
    const ok = 'x'.repeat(500);
    const long = 'y'.repeat(501);
    const { plans, problems } = parsePlansFile(
      'p.csv',
      csv(
        `a,municipality,AL212,,awareness,,${ok},,,${ok}`,
        `b,municipality,AL212,,awareness,,Org,,,${long}`,
        `c,municipality,AL212,,awareness,,${long},,,`,
      ),
      makeContext(),
    );
    expect(plans.map((plan) => plan.id)).toEqual(['a']);
    expect(problems).toEqual([
      {
        file: 'p.csv',
        line: 3,
        field: 'note',
        severity: 'error',
        message: 'is 501 characters long; at most 500 are allowed',
      },
      {
        file: 'p.csv',
        line: 4,
        field: 'organisation_name',
        severity: 'error',
        message: 'is 501 characters long; at most 500 are allowed',
      },
    ]);
  });
});

describe('plan-file problems as data', () => {
  const csv = [
    PLAN_CSV_COLUMNS.join(','),
    'a b,town,AL212,,juggling,,,2025-13-01,,',
    ',municipality,AL999,,awareness,nobody,,,,',
  ].join('\n');

  it('carry the issue each English message tells', () => {
    const { problems } = parseWithIssues('plans.csv', csv, makeContext());
    expect(problems.map((problem) => problem.issue)).toEqual([
      { code: 'id-has-spaces', id: 'a b' },
      { code: 'area-level-invalid', allowed: ['municipality', 'county'], value: 'town' },
      {
        code: 'activity-type-unknown',
        value: 'juggling',
        known: ['awareness', 'training', 'research'],
      },
      { code: 'organisation-empty' },
      { code: 'date-invalid', value: '2025-13-01' },
      { code: 'area-id-unknown', id: 'AL999', level: 'municipality' },
      { code: 'organisation-unknown', id: 'nobody' },
    ]);
  });

  it('are told in Albanian, file, fields and values marked as data when asked', () => {
    const { problems } = parseWithIssues('plans.csv', csv, makeContext());
    expect(problems.map((problem) => describePlanProblem(problem, PLAN_FILE_WORDS_SQ))).toEqual([
      'plans.csv, rreshti 2, id: «a b» nuk duhet të përmbajë hapësira',
      'plans.csv, rreshti 2, area_level: duhet të jetë "municipality" ose "county" (ishte «town»)',
      'plans.csv, rreshti 2, activity_types: lloj aktiviteti i panjohur «juggling» (të njohurit: awareness, training, research)',
      'plans.csv, rreshti 2, organisation_name: është bosh: jepni identifikuesin e organizatës ose emrin e saj',
      'plans.csv, rreshti 2, start: «2025-13-01» nuk është datë e shkruar VVVV-MM-DD, p.sh. 2025-03-31',
      'plans.csv, rreshti 3, area_id: asnjë bashki nuk ka identifikuesin «AL999»',
      'plans.csv, rreshti 3, organisation_id: asnjë organizatë në të dhënat nuk ka identifikuesin «nobody»',
    ]);
    const [first] = problems;
    if (!first) throw new Error('no problem');
    expect(markIssueValues(first.issue, (value) => `[${value}]`)).toEqual({
      code: 'id-has-spaces',
      id: '[a b]',
    });
    expect(
      markIssueValues(
        { code: 'missing-columns', missing: [['area_id', 'area_name']], columns: ['id'] },
        (value) => `[${value}]`,
      ),
    ).toEqual({
      code: 'missing-columns',
      missing: [['[area_id]', '[area_name]']],
      columns: ['[id]'],
    });
    expect(
      describePlanProblem(
        {
          file: 'p.json',
          line: 1,
          message: '',
          severity: 'warning',
          issue: { code: 'empty-file' },
        },
        PLAN_FILE_WORDS_SQ,
      ),
    ).toBe('Paralajmërim: p.json, rreshti 1: është bosh: nuk përmban asnjë plan');
  });
});

describe('describePlanProblem', () => {
  it('says file, line and field in plain words', () => {
    expect(
      describePlanProblem({
        file: 'plans.csv',
        line: 4,
        field: 'start',
        message: 'is wrong',
        severity: 'error',
      }),
    ).toBe('plans.csv, line 4, start: is wrong');
    expect(
      describePlanProblem({ file: 'p.json', line: 1, message: 'hmm', severity: 'warning' }),
    ).toBe('Warning: p.json, line 1: hmm');
  });
});

describe('mergeImportedPlans', () => {
  const a = makePlan({ id: 'plan-1', note: 'a' });
  const b = makePlan({ id: 'plan-2', note: 'b' });

  it('appends new plans and skips identical ones', () => {
    const c = makePlan({ id: 'c' });
    const result = mergeImportedPlans([a, b], [{ ...b, activityTypes: ['awareness'] }, c]);
    expect(result).toEqual({ plans: [a, b, c], added: [c], skipped: [b], renamed: [] });
  });

  it('adds a plan whose id is taken by a different one under a fresh id, never overwriting', () => {
    const other = makePlan({ id: 'plan-1', note: 'different' });
    const result = mergeImportedPlans([a, b], [other, makePlan({ id: 'plan-3' })]);
    expect(result.plans.map((plan) => [plan.id, plan.note])).toEqual([
      ['plan-1', 'a'],
      ['plan-2', 'b'],
      ['plan-4', 'different'],
      ['plan-3', ''],
    ]);
    expect(result.renamed).toEqual([{ from: 'plan-1', to: 'plan-4' }]);
    expect(result.added.map((plan) => plan.id)).toEqual(['plan-4', 'plan-3']);
    expect(result.skipped).toEqual([]);
    expect(result.plans[0]).toBe(a);
  });

  it('adds nothing when the same file is imported again after a rename', () => {
    const other = makePlan({ id: 'plan-1', note: 'different' });
    const first = mergeImportedPlans([a], [other]);
    const second = mergeImportedPlans(first.plans, [other]);
    expect(second.plans).toEqual(first.plans);
    expect(second.added).toEqual([]);
    expect(second.skipped).toEqual([other]);
  });

  it('treats plans differing in any field, activity type order included, as different', () => {
    const variants = [
      { ...a, area: { level: 'county' as const, id: 'AL021' } },
      { ...a, activityTypes: ['training'] },
      { ...a, organisationId: 'cerrik-one' },
      { ...a, organisationName: 'Other' },
      { ...a, start: '2025-01-01' },
      { ...a, end: '2025-01-01' },
      { ...a, note: 'a ' },
    ];
    for (const variant of variants) {
      expect(mergeImportedPlans([a], [variant]).renamed).toEqual([
        { from: 'plan-1', to: 'plan-2' },
      ]);
    }
    const two = makePlan({ id: 'x', activityTypes: ['awareness', 'training'] });
    const swapped = { ...two, activityTypes: ['training', 'awareness'] };
    expect(mergeImportedPlans([two], [swapped]).added).toHaveLength(1);
  });

  it('does not share arrays with the imported plans', () => {
    const imported = makePlan({ id: 'n', activityTypes: ['awareness'] });
    const result = mergeImportedPlans([], [imported]);
    imported.activityTypes.push('training');
    expect(result.plans[0]?.activityTypes).toEqual(['awareness']);
  });
});

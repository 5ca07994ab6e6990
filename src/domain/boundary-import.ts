import { simplify } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Gazetteer } from './gazetteer-schema';
import type { MunicipalBoundaries, MunicipalBoundaryFeature } from './municipal-boundaries';
import { foldPlaceText } from './place-text';
import { createPlaceResolver, type PlaceResolver, type ResolvedArea } from './resolve-places';

/**
 * Reading a user's file of municipal boundaries (GeoJSON from the national geoportal, an HDX or
 * geoBoundaries ADM2 file, …) and matching its features to the gazetteer's municipalities, as a
 * preview the user confirms before anything changes. Names go through the same place resolver
 * as the dataset, so "Kukësi", "Bashkia Kukës" and "KUKES" all mean Kukës; codes are matched
 * against the gazetteer's LAU and GeoNames codes.
 *
 * Reading (`readBoundaryFile`: JSON, GeoJSON structure, geometry, coordinates) is separate from
 * matching (`matchBoundaries`), so picking another name property re-matches without parsing a
 * large file again. `previewBoundaries` does both.
 */

/** Larger files are refused before they are parsed. */
export const MAX_BOUNDARY_FILE_BYTES = 50 * 1024 * 1024;
/** A municipality file has a few dozen features; thousands means the wrong file. */
export const MAX_BOUNDARY_FEATURES = 5_000;
/**
 * Points kept for storage and drawing (≈20 bytes each as JSON, so ≈2.4 MB in all); above it
 * the shapes are simplified with the smallest tolerance that fits.
 */
export const MAX_STORED_POSITIONS = 120_000;

/** Coordinates are rounded to 1e-5° (≈1 m): finer adds bytes, not detail on this map. */
const COORDINATE_SCALE = 1e5;
/** How far (in degrees) a feature may reach beyond the country's bbox: coastal water, slack. */
const NEAR_COUNTRY_DEGREES = 0.5;
/** Tolerances tried in turn (degrees; 1e-4 ≈ 10 m) until the shapes fit MAX_STORED_POSITIONS. */
const SIMPLIFY_TOLERANCES = [1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3] as const;
/** Properties are scored on this many features when guessing which holds names and codes. */
const GUESS_SAMPLE = 300;

/**
 * Property names that usually hold a municipality's name, most telling first (compared in
 * lower case). The guess prefers whichever property matches the most municipalities; this order
 * breaks ties and picks when nothing matches.
 */
const NAME_PROPERTY_HINTS = [
  'adm2_sq',
  'adm2_en',
  'adm2_name',
  'adm2_ref',
  'shapename',
  'name_2',
  'bashkia',
  'bashki',
  'emri',
  'emri_bashkise',
  'municipality',
  'municipali',
  'name_sq',
  'name:sq',
  'name_en',
  'name',
  'nam',
  'label',
] as const;

/** Property names that usually hold a code, most telling first (compared in lower case). */
const CODE_PROPERTY_HINTS = [
  'lau',
  'lau_id',
  'lau_code',
  'lau2',
  'adm2_pcode',
  'shapeiso',
  'code',
  'kodi',
  'kod',
  'pcode',
  'gid_2',
  'shapeid',
  'id',
] as const;
/** Hints above `gid_2` are code columns even when no value is a known code (then it is said). */
const CODE_FALLBACK_HINTS = CODE_PROPERTY_HINTS.indexOf('gid_2');

export type BoundaryRowStatus =
  /** Drawn as this municipality. */
  | 'matched'
  /** Drawn, together with the other features matched to the same municipality. */
  | 'duplicate'
  /** Names a county, not a municipality: not drawn. */
  | 'county'
  /** Names no municipality (suggestions may say which it could be): not drawn. */
  | 'unmatched'
  /** Names several municipalities: not drawn. */
  | 'ambiguous'
  /** The geometry cannot be drawn (not a polygon, broken, outside the country): not drawn. */
  | 'skipped'
  /** The user chose to leave it out. */
  | 'left-out';

export interface BoundarySuggestion {
  /** Municipality id. */
  id: string;
  name: string;
}

export interface BoundaryRow {
  /** 0-based position of the feature in the file. */
  index: number;
  /** The name as the file writes it (plain text; show it as text, never as HTML). */
  nameInFile: string;
  /** The code as the file writes it ('' when there is no code property or value). */
  code: string;
  /** The municipality the feature is matched to, even when it is not drawn (skipped). */
  municipalityId: string | null;
  municipalityName: string | null;
  status: BoundaryRowStatus;
  /** Why, in plain words; '' when the name is the official one and nothing needs saying. */
  message: string;
  /** Municipalities the feature may be, for the user to pick (unmatched, ambiguous). */
  suggestions: BoundarySuggestion[];
  /** The geometry is usable: the user may assign the feature to a municipality. */
  drawable: boolean;
}

export interface BoundaryProperty {
  /** The property's key as written in the file. */
  key: string;
  /** Features with a non-empty text or number value. */
  filled: number;
  /** Up to three distinct values, for the picker. */
  samples: string[];
}

export interface BoundaryCounts {
  features: number;
  matched: number;
  duplicates: number;
  /** Unmatched, ambiguous and county features. */
  unmatched: number;
  /** Of `unmatched`: features that name a county. */
  counties: number;
  skipped: number;
  leftOut: number;
  /** Municipalities that will be drawn as areas. */
  drawnMunicipalities: number;
  /** Municipalities of the gazetteer with no feature to draw them. */
  missing: number;
}

export interface BoundarySimplification {
  toleranceDegrees: number;
  positionsBefore: number;
  positionsAfter: number;
}

export interface BoundaryPreviewOptions {
  /** Property holding the name; undefined = guess, null = none. */
  nameProperty?: string | null;
  /** Property holding a code; undefined = guess, null = none. */
  codeProperty?: string | null;
  /** The user's choices, by feature index: a municipality id, or null to leave it out. */
  assignments?: Readonly<Record<number, string | null>>;
}

/** The file cannot be used at all. */
export interface FailedBoundaryPreview {
  ok: false;
  fileName: string;
  message: string;
}

interface ParsedFeature {
  index: number;
  properties: Readonly<Record<string, unknown>>;
  /** Rounded, cleaned, wound per RFC 7946 and (for large files) simplified; null = skipped. */
  geometry: Polygon | MultiPolygon | null;
  /** Why the geometry is not drawn. */
  problem: string | null;
}

/** A file read and checked, ready to be matched with any choice of properties. */
export interface ReadBoundaryFile {
  ok: true;
  fileName: string;
  features: readonly ParsedFeature[];
  properties: BoundaryProperty[];
  warnings: string[];
  simplification: BoundarySimplification | null;
}

export interface ReadyBoundaryPreview {
  ok: true;
  fileName: string;
  properties: BoundaryProperty[];
  nameProperty: string | null;
  codeProperty: string | null;
  rows: BoundaryRow[];
  counts: BoundaryCounts;
  /** Municipalities of the gazetteer no drawn feature covers, in gazetteer order. */
  missingMunicipalities: BoundarySuggestion[];
  /** About the file as a whole (a single Feature, simplification, unknown codes, …). */
  warnings: string[];
  simplification: BoundarySimplification | null;
  /** The matched features as the map stores and draws them (one per municipality). */
  boundaries: (loadedAt?: Date) => MunicipalBoundaries;
}

export type BoundaryPreview = ReadyBoundaryPreview | FailedBoundaryPreview;

/**
 * Reads a GeoJSON file of municipalities and matches its features to the gazetteer.
 *
 * @example
 * const preview = previewBoundaries('bashkite.geojson', text, gazetteer);
 * if (preview.ok) preview.rows.map((row) => `${row.nameInFile} → ${row.municipalityName}`);
 * // ['Kukësi → Kukës', 'Bashkia Has → Has', …]
 * else preview.message; // 'bashkite.geojson is not valid JSON: … (line 3, column 5).'
 */
export function previewBoundaries(
  fileName: string,
  text: string,
  gazetteer: Gazetteer,
  options: BoundaryPreviewOptions = {},
): BoundaryPreview {
  const read = readBoundaryFile(fileName, text, gazetteer);
  return read.ok ? matchBoundaries(read, gazetteer, options) : read;
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * Parses and checks a file: JSON syntax (with line and column), GeoJSON structure, geometry
 * types, coordinate ranges (projected metres, swapped axes, places outside the country), size.
 * Usable geometries come out rounded to 1e-5°, cleaned, wound per RFC 7946 (outer rings
 * anticlockwise) and, when the file is large, simplified.
 */
export function readBoundaryFile(
  fileName: string,
  text: string,
  gazetteer: Gazetteer,
): ReadBoundaryFile | FailedBoundaryPreview {
  const fail = (message: string): FailedBoundaryPreview => ({ ok: false, fileName, message });
  if (text.length > MAX_BOUNDARY_FILE_BYTES) {
    return fail(
      `${fileName} is larger than ${MAX_BOUNDARY_FILE_BYTES / 1024 / 1024} MB: export the ` +
        'municipalities only, or simplify the shapes (e.g. with mapshaper) first.',
    );
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return fail(`${fileName} is empty.`);
  if (body.includes('\u0000')) {
    return fail(`${fileName} is not a text file: choose a GeoJSON file (.geojson or .json).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return fail(jsonErrorMessage(fileName, body, error));
  }

  const warnings: string[] = [];
  const structure = featuresOf(fileName, json, warnings);
  if (typeof structure === 'string') return fail(structure);
  if (structure.length === 0) return fail(`${fileName} holds no features.`);
  if (structure.length > MAX_BOUNDARY_FEATURES) {
    return fail(
      `${fileName} holds ${structure.length.toLocaleString('en')} features; a file of ` +
        `municipalities has about ${gazetteer.municipalities.length}. Export the municipalities ` +
        '(second-level areas) only.',
    );
  }

  const country = countryBox(gazetteer);
  const near = expand(country, NEAR_COUNTRY_DEGREES);
  const swappedNear = expand(
    [country[1], country[0], country[3], country[2]],
    NEAR_COUNTRY_DEGREES,
  );
  const read = structure.map((raw, index) => readFeature(raw, index));
  const placed = read.map((feature) => ({
    ...feature,
    place: feature.extent === null ? null : placeOf(feature.extent, near, swappedNear),
  }));
  const inCountry = placed.filter((feature) => feature.place === 'in-country').length;
  if (inCountry === 0) return fail(fileCoordinateProblem(fileName, placed, json, gazetteer));

  const features: ParsedFeature[] = placed.map((feature) => {
    if (feature.geometry === null || feature.problem !== null) {
      return { ...base(feature), geometry: null, problem: feature.problem ?? 'has no geometry' };
    }
    if (feature.place !== 'in-country') {
      return {
        ...base(feature),
        geometry: null,
        problem: placeProblem(feature.place, gazetteer.country.name),
      };
    }
    return { ...base(feature), geometry: feature.geometry, problem: null };
  });
  const outside = features.filter((feature) => feature.problem?.startsWith('lies outside'));
  if (outside.length > 0) {
    warnings.push(
      `${plural(outside.length, 'feature lies', 'features lie')} outside ${gazetteer.country.name} and will not be drawn.`,
    );
  }

  const simplification = simplifyToBudget(features);
  if (simplification !== null) {
    warnings.push(
      `The shapes were simplified (tolerance ≈ ${Math.round(simplification.toleranceDegrees * 111_000)} m) ` +
        `so the copy kept in this browser stays small: ` +
        `${simplification.positionsBefore.toLocaleString('en')} → ` +
        `${simplification.positionsAfter.toLocaleString('en')} points.`,
    );
  }
  return {
    ok: true,
    fileName,
    features,
    properties: listProperties(features),
    warnings,
    simplification,
  };
}

function base(feature: { index: number; properties: Readonly<Record<string, unknown>> }) {
  return { index: feature.index, properties: feature.properties };
}

/**
 * Where and why JSON.parse failed, as line and column. Browsers word (and place) the error
 * differently, and some give no position at all, so the text is scanned again here.
 */
function jsonErrorMessage(fileName: string, text: string, error: unknown): string {
  const located = locateJsonError(text);
  if (located === null) {
    const detail = error instanceof Error ? error.message : String(error);
    return `${fileName} is not valid JSON: ${detail}.`;
  }
  const before = text.slice(0, located.offset);
  const line = before.split('\n').length;
  const column = located.offset - before.lastIndexOf('\n');
  return `${fileName} is not valid JSON: ${located.reason} (line ${line}, column ${column}).`;
}

/** Thrown inside `locateJsonError` to unwind the scan at the first error. */
class JsonStop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The offset of the first syntax error in `text` and what is wrong there (RFC 8259 grammar),
 * or null when the text is valid JSON.
 *
 * @example locateJsonError('{"a": 1,}') // { offset: 8, reason: "expected a property name in double quotes, found '}'" }
 */
export function locateJsonError(text: string): { offset: number; reason: string } | null {
  let at = 0;
  const stop = (reason: string, offset = at): never => {
    throw new JsonStop(offset, reason);
  };
  const found = () => (at >= text.length ? 'the end of the file' : `'${text[at]}'`);
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at += 1;
  };
  const readString = () => {
    const start = at;
    at += 1;
    for (;;) {
      if (at >= text.length) stop('a text value in double quotes is never closed', start);
      const code = text.charCodeAt(at);
      if (code === 34) {
        at += 1;
        return;
      }
      if (code === 92) {
        JSON_ESCAPE.lastIndex = at;
        if (!JSON_ESCAPE.test(text)) stop('a backslash starts an unknown escape');
        at = JSON_ESCAPE.lastIndex;
        continue;
      }
      if (code < 0x20) stop('a control character (such as a line break) inside a text value');
      at += 1;
    }
  };
  const readValue = (depth: number): void => {
    if (depth > 1000) stop('the values are nested too deeply');
    skipSpace();
    const char = text[at];
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      at += 1;
      skipSpace();
      if (text[at] === close) {
        at += 1;
        return;
      }
      for (;;) {
        if (char === '{') {
          skipSpace();
          if (text[at] !== '"') stop(`expected a property name in double quotes, found ${found()}`);
          readString();
          skipSpace();
          if (text[at] !== ':') stop(`expected ':' after a property name, found ${found()}`);
          at += 1;
        }
        readValue(depth + 1);
        skipSpace();
        if (text[at] === ',') {
          at += 1;
          continue;
        }
        if (text[at] === close) {
          at += 1;
          return;
        }
        stop(
          `expected ',' or '${close}' after ${char === '{' ? 'a property value' : 'an array element'}, found ${found()}`,
        );
      }
    }
    if (char === '"') return readString();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      JSON_NUMBER.lastIndex = at;
      if (!JSON_NUMBER.test(text)) stop('a number is written wrongly');
      at = JSON_NUMBER.lastIndex;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at)) {
        at += literal.length;
        return;
      }
    }
    stop(`expected a value, found ${found()}`);
  };
  try {
    readValue(0);
    skipSpace();
    if (at < text.length) stop(`unexpected ${found()} after the end of the JSON`);
    return null;
  } catch (error) {
    if (error instanceof JsonStop) return { offset: error.offset, reason: error.reason };
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** The file's features, or why it is not a FeatureCollection of them. */
function featuresOf(fileName: string, json: unknown, warnings: string[]): unknown[] | string {
  if (Array.isArray(json)) {
    return `${fileName} holds a JSON array, not GeoJSON: export a FeatureCollection of the municipalities.`;
  }
  if (!isRecord(json)) {
    return `${fileName} holds a single JSON value, not GeoJSON: export a FeatureCollection of the municipalities.`;
  }
  const type = json.type;
  if (type === 'Topology') {
    return (
      `${fileName} is TopoJSON, not GeoJSON: convert it to GeoJSON first ` +
      '(e.g. `npx mapshaper file.topojson -o format=geojson`, or topojson-client’s `topo2geo`).'
    );
  }
  if (type === 'FeatureCollection') {
    if (!Array.isArray(json.features)) {
      return `${fileName} is a FeatureCollection without a "features" list.`;
    }
    return json.features as unknown[];
  }
  if (type === 'Feature') {
    warnings.push(
      `${fileName} holds a single Feature, not a FeatureCollection: it is read as one municipality.`,
    );
    return [json];
  }
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    return (
      `${fileName} holds a bare ${type}: geometries without properties have no name to match. ` +
      'Export a FeatureCollection with one feature (and its name) per municipality.'
    );
  }
  return `${fileName} is JSON but not GeoJSON (no FeatureCollection "type"): export the municipalities as GeoJSON.`;
}

type Box = [west: number, south: number, east: number, north: number];

function countryBox(gazetteer: Gazetteer): Box {
  const [west, south, east, north] = gazetteer.country.bbox;
  if (west < east && south < north) return [west, south, east, north];
  // A pack without a usable bbox: the extent of its municipalities' seats.
  const seats = gazetteer.municipalities.map((municipality) => municipality.seat.lonLat);
  return [
    Math.min(...seats.map((p) => p[0])),
    Math.min(...seats.map((p) => p[1])),
    Math.max(...seats.map((p) => p[0])),
    Math.max(...seats.map((p) => p[1])),
  ];
}

function expand(box: Box, by: number): Box {
  return [box[0] - by, box[1] - by, box[2] + by, box[3] + by];
}

function inside(extent: Box, box: Box): boolean {
  return extent[0] >= box[0] && extent[1] >= box[1] && extent[2] <= box[2] && extent[3] <= box[3];
}

type Place = 'in-country' | 'swapped' | 'projected' | 'elsewhere';

function placeOf(extent: Box, near: Box, swappedNear: Box): Place {
  if (inside(extent, near)) return 'in-country';
  if (Math.max(Math.abs(extent[0]), Math.abs(extent[2])) > 180) return 'projected';
  if (Math.max(Math.abs(extent[1]), Math.abs(extent[3])) > 90) return 'projected';
  if (inside(extent, swappedNear)) return 'swapped';
  return 'elsewhere';
}

function placeProblem(place: Place | null, countryName: string): string {
  switch (place) {
    case 'projected':
      return 'has coordinates that look projected (metres), not longitude and latitude';
    case 'swapped':
      return 'has coordinates in latitude, longitude order (GeoJSON wants longitude first)';
    default:
      return `lies outside ${countryName}`;
  }
}

const PROJECTED_MESSAGE =
  'coordinates look projected (metres); export the file in WGS 84 / EPSG:4326';

/** Why no feature lies in the country, when that is a property of the whole file. */
function fileCoordinateProblem(
  fileName: string,
  features: readonly {
    index: number;
    place: Place | null;
    extent: Box | null;
    problem: string | null;
  }[],
  json: unknown,
  gazetteer: Gazetteer,
): string {
  const placed = features.filter((feature) => feature.place !== null);
  if (placed.length === 0) {
    const first = features.find((feature) => feature.problem !== null);
    const example = first ? ` (feature ${first.index + 1} ${first.problem})` : '';
    return (
      `${fileName}: no feature has a usable Polygon or MultiPolygon geometry${example}; ` +
      'Harta needs the municipalities’ areas.'
    );
  }
  const count = (place: Place) => placed.filter((feature) => feature.place === place).length;
  if (count('projected') > 0) {
    const crs = declaredCrs(json);
    const sample = placed.find((feature) => feature.place === 'projected')?.extent;
    const example = sample
      ? ` (e.g. x = ${Math.round(sample[0])}, y = ${Math.round(sample[1])}`
      : ' (';
    return (
      `${fileName}: ${PROJECTED_MESSAGE}${example}` + `${crs ? `; the file declares ${crs}` : ''}).`
    );
  }
  if (count('swapped') > count('elsewhere')) {
    return (
      `${fileName}: the coordinates are in latitude, longitude order; GeoJSON wants longitude ` +
      'first. Export the file again in WGS 84 / EPSG:4326 (longitude, latitude).'
    );
  }
  const all = placed.flatMap((feature) => (feature.extent ? [feature.extent] : []));
  const extent: Box = [
    Math.min(...all.map((box) => box[0])),
    Math.min(...all.map((box) => box[1])),
    Math.max(...all.map((box) => box[2])),
    Math.max(...all.map((box) => box[3])),
  ];
  const round = (value: number) => Number(value.toFixed(2));
  return (
    `${fileName}: no feature lies in or near ${gazetteer.country.name}; the file covers ` +
    `longitude ${round(extent[0])} to ${round(extent[2])}, latitude ${round(extent[1])} to ${round(extent[3])}.`
  );
}

/** The `crs` member of pre-2016 GeoJSON, e.g. "urn:ogc:def:crs:EPSG::6870" → "EPSG:6870". */
function declaredCrs(json: unknown): string | null {
  if (!isRecord(json) || !isRecord(json.crs) || !isRecord(json.crs.properties)) return null;
  const name = json.crs.properties.name;
  if (typeof name !== 'string') return null;
  const epsg = /EPSG:*(\d+)/i.exec(name);
  return epsg ? `EPSG:${epsg[1]}` : name;
}

class GeometryProblem extends Error {}

interface ReadFeature {
  index: number;
  properties: Readonly<Record<string, unknown>>;
  geometry: Polygon | MultiPolygon | null;
  problem: string | null;
  /** Extent of the coordinates as written (before rounding). */
  extent: Box | null;
}

function readFeature(raw: unknown, index: number): ReadFeature {
  const empty = { index, properties: {}, geometry: null, extent: null };
  if (!isRecord(raw) || raw.type !== 'Feature') {
    return { ...empty, problem: 'is not a GeoJSON Feature' };
  }
  const properties = isRecord(raw.properties) ? raw.properties : {};
  const geometry = raw.geometry;
  if (geometry === null || geometry === undefined) {
    return { ...empty, properties, problem: 'has no geometry' };
  }
  if (!isRecord(geometry) || typeof geometry.type !== 'string') {
    return { ...empty, properties, problem: 'has a geometry without a type' };
  }
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    const kind = GEOMETRY_TYPES.has(geometry.type) ? `a ${geometry.type}` : `"${geometry.type}"`;
    return {
      ...empty,
      properties,
      problem: `is ${kind}: only Polygon and MultiPolygon areas can be drawn`,
    };
  }
  const extent: Box = [Infinity, Infinity, -Infinity, -Infinity];
  try {
    const polygons =
      geometry.type === 'Polygon'
        ? [readPolygon(geometry.coordinates, extent)]
        : readList(geometry.coordinates, 'polygons').map((polygon) => readPolygon(polygon, extent));
    const kept = polygons.filter((polygon): polygon is Position[][] => polygon !== null);
    if (kept.length === 0) {
      return {
        index,
        properties,
        geometry: null,
        extent,
        problem: 'is too small to draw (its rings collapse at 1e-5° precision)',
      };
    }
    const shape: Polygon | MultiPolygon =
      kept.length === 1 && kept[0] !== undefined
        ? { type: 'Polygon', coordinates: kept[0] }
        : { type: 'MultiPolygon', coordinates: kept };
    return { index, properties, geometry: shape, extent, problem: null };
  } catch (error) {
    if (!(error instanceof GeometryProblem)) throw error;
    return { index, properties, geometry: null, extent: null, problem: error.message };
  }
}

function readList(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new GeometryProblem(`has a broken geometry (${what} missing)`);
  return value;
}

/** A polygon's rings, rounded and cleaned; null when its outer ring collapses. */
function readPolygon(value: unknown, extent: Box): Position[][] | null {
  const rings = readList(value, 'rings');
  if (rings.length === 0) throw new GeometryProblem('has a polygon without rings');
  const [outer, ...holes] = rings.map((ring) => readRing(ring, extent));
  if (outer === null || outer === undefined) return null;
  const keptHoles = holes.filter((hole): hole is Position[] => hole !== null);
  return [wound(outer, true), ...keptHoles.map((hole) => wound(hole, false))];
}

/** A ring rounded to 1e-5°, without repeated points, closed; null when it collapses. */
function readRing(value: unknown, extent: Box): Position[] | null {
  const positions = readList(value, 'positions');
  const ring: Position[] = [];
  for (const position of positions) {
    if (!Array.isArray(position) || position.length < 2) {
      throw new GeometryProblem('has a broken geometry (a position is not [longitude, latitude])');
    }
    const [x, y] = position as unknown[];
    if (typeof x !== 'number' || typeof y !== 'number' || !isFinite(x) || !isFinite(y)) {
      throw new GeometryProblem('has a broken geometry (a coordinate is not a number)');
    }
    if (x < extent[0]) extent[0] = x;
    if (y < extent[1]) extent[1] = y;
    if (x > extent[2]) extent[2] = x;
    if (y > extent[3]) extent[3] = y;
    const rounded = [
      Math.round(x * COORDINATE_SCALE) / COORDINATE_SCALE,
      Math.round(y * COORDINATE_SCALE) / COORDINATE_SCALE,
    ];
    const last = ring[ring.length - 1];
    if (last === undefined || last[0] !== rounded[0] || last[1] !== rounded[1]) ring.push(rounded);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
  return ring.length >= 4 ? ring : null;
}

/** Twice the signed area (positive = anticlockwise with y up). */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let index = 1; index < ring.length; index++) {
    const [x0 = 0, y0 = 0] = ring[index - 1] ?? [];
    const [x1 = 0, y1 = 0] = ring[index] ?? [];
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

/**
 * RFC 7946 winding: outer rings anticlockwise, holes clockwise. The map draws the hotspot band
 * and planned outline on the inner side of each ring, which needs a known winding.
 */
function wound(ring: Position[], outer: boolean): Position[] {
  const anticlockwise = signedArea(ring) > 0;
  return anticlockwise === outer ? ring : [...ring].reverse();
}

function positionCount(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let count = 0;
  for (const polygon of polygons) for (const ring of polygon) count += ring.length;
  return count;
}

/**
 * Simplifies every usable geometry with the smallest tolerance that brings the total under
 * MAX_STORED_POSITIONS (in place); null when the file is small enough as it is.
 */
function simplifyToBudget(features: ParsedFeature[]): BoundarySimplification | null {
  const drawable = features.filter(
    (feature): feature is ParsedFeature & { geometry: Polygon | MultiPolygon } =>
      feature.geometry !== null,
  );
  const total = (geometries: readonly (Polygon | MultiPolygon)[]) =>
    geometries.reduce((sum, geometry) => sum + positionCount(geometry), 0);
  const positionsBefore = total(drawable.map((feature) => feature.geometry));
  if (positionsBefore <= MAX_STORED_POSITIONS) return null;
  let tolerance = 0;
  let positionsAfter = positionsBefore;
  for (const step of SIMPLIFY_TOLERANCES) {
    tolerance = step;
    // In place, each pass on the last one's result: the geometries are this module's own
    // copies (see readRing), cloning a large file per pass costs more than the simplifying,
    // and a pass over fewer points is faster. The error stays under twice the last tolerance.
    for (const feature of drawable) {
      simplify(feature.geometry, { tolerance, highQuality: false, mutate: true });
    }
    positionsAfter = total(drawable.map((feature) => feature.geometry));
    if (positionsAfter <= MAX_STORED_POSITIONS) break;
  }
  return { toleranceDegrees: tolerance, positionsBefore, positionsAfter };
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && isFinite(value)) return String(value);
  return null;
}

function listProperties(features: readonly ParsedFeature[]): BoundaryProperty[] {
  const byKey = new Map<string, BoundaryProperty>();
  for (const feature of features) {
    for (const [key, value] of Object.entries(feature.properties)) {
      const entry = byKey.get(key) ?? { key, filled: 0, samples: [] };
      byKey.set(key, entry);
      const text = scalarText(value);
      if (text === null) continue;
      entry.filled += 1;
      if (entry.samples.length < 3 && !entry.samples.includes(text)) entry.samples.push(text);
    }
  }
  return [...byKey.values()];
}

// ---------------------------------------------------------------------------------------------
// Matching

type NameReading =
  | { kind: 'municipality'; id: string; area: ResolvedArea; ignored: string[] }
  | { kind: 'county'; id: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'country' }
  | { kind: 'unknown'; candidates: string[] }
  | { kind: 'empty' };

interface Matcher {
  readName: (text: string) => NameReading;
  /** A code → the area it is the code of. */
  readCode: (text: string) => { level: 'county' | 'municipality'; id: string } | null;
  municipalityName: (id: string) => string;
  countyName: (id: string) => string;
}

const matchers = new WeakMap<Gazetteer, Matcher>();

/** One matcher (resolver and code index) per gazetteer, built on first use. */
function matcherFor(gazetteer: Gazetteer): Matcher {
  const cached = matchers.get(gazetteer);
  if (cached) return cached;
  const resolver: PlaceResolver = createPlaceResolver(gazetteer);
  const municipalityById = new Map(gazetteer.municipalities.map((m) => [m.id, m]));
  const countyById = new Map(gazetteer.counties.map((county) => [county.id, county]));
  const codes = new Map<string, { level: 'county' | 'municipality'; id: string }>();
  const codeKey = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  for (const county of gazetteer.counties) {
    for (const code of Object.values(county.codes))
      codes.set(codeKey(code), { level: 'county', id: county.id });
  }
  for (const municipality of gazetteer.municipalities) {
    for (const code of Object.values(municipality.codes)) {
      codes.set(codeKey(code), { level: 'municipality', id: municipality.id });
    }
  }
  const nameCache = new Map<string, NameReading>();
  const readName = (text: string): NameReading => {
    const cached = nameCache.get(text);
    if (cached) return cached;
    const reading = readNameUncached(text);
    if (nameCache.size > 20_000) nameCache.clear();
    nameCache.set(text, reading);
    return reading;
  };
  const readNameUncached = (text: string): NameReading => {
    if (foldPlaceText(text) === '') return { kind: 'empty' };
    // "Qarku Kukës", "Kukës County": the text itself says it is a county.
    const plain = resolver.resolvePlaces(text);
    const [namedCounty] = plain.areas.filter((area) => area.level === 'county');
    if (namedCounty && !plain.areas.some((area) => area.level === 'municipality')) {
      return { kind: 'county', id: namedCounty.id };
    }
    // Otherwise the column stands for municipalities, as a municipality column of a 3W sheet
    // does: "Klos" is the municipality (not the village in Cërrik), "Mat" not an English word.
    const resolution = resolver.resolvePlaces(`municipality of ${text}`);
    const municipalities = resolution.areas.filter((area) => area.level === 'municipality');
    const counties = resolution.areas.filter((area) => area.level === 'county');
    const ambiguous = resolution.unresolved.filter((place) => place.reason === 'ambiguous');
    const [only] = municipalities;
    if (municipalities.length === 1 && only && ambiguous.length === 0) {
      return {
        kind: 'municipality',
        id: only.id,
        area: only,
        ignored: resolution.unresolved.map((place) => place.text),
      };
    }
    if (municipalities.length > 1 || ambiguous.length > 0) {
      return {
        kind: 'ambiguous',
        candidates: unique([
          ...municipalities.map((area) => area.id),
          ...ambiguous.flatMap((place) =>
            place.candidates.filter((c) => c.level === 'municipality').map((c) => c.id),
          ),
        ]),
      };
    }
    const [county] = counties;
    if (county) return { kind: 'county', id: county.id };
    if (resolution.scope === 'national') return { kind: 'country' };
    return {
      kind: 'unknown',
      candidates: unique(
        resolution.unresolved.flatMap((place) =>
          place.candidates.filter((c) => c.level === 'municipality').map((c) => c.id),
        ),
      ),
    };
  };
  const matcher: Matcher = {
    readName,
    readCode: (text) => codes.get(codeKey(text)) ?? null,
    municipalityName: (id) => municipalityById.get(id)?.name ?? id,
    countyName: (id) => countyById.get(id)?.name ?? id,
  };
  matchers.set(gazetteer, matcher);
  return matcher;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function hintRank(key: string, hints: readonly string[]): number {
  const rank = hints.indexOf(key.toLowerCase());
  return rank === -1 ? hints.length : rank;
}

/**
 * The property whose values name the most distinct areas (a county-name column matches only a
 * dozen municipalities, a municipality column all of them); ties go by the hint list, and when
 * nothing matches, the first `fallbackHints` hints present are taken as they are.
 */
function guessProperty(
  features: readonly ParsedFeature[],
  properties: readonly BoundaryProperty[],
  hints: readonly string[],
  fallbackHints: number,
  areaOf: (value: string) => string | null,
  exclude: string | null,
): string | null {
  const candidates = properties.filter((p) => p.filled > 0 && p.key !== exclude);
  const sample = features.slice(0, GUESS_SAMPLE);
  let best: { key: string; score: number; rank: number } | null = null;
  for (const property of candidates) {
    const areas = new Set<string>();
    for (const feature of sample) {
      const value = scalarText(feature.properties[property.key]);
      const area = value === null ? null : areaOf(value);
      if (area !== null) areas.add(area);
    }
    const matches = areas.size;
    const rank = hintRank(property.key, hints);
    if (best === null || matches > best.score || (matches === best.score && rank < best.rank)) {
      best = { key: property.key, score: matches, rank };
    }
  }
  if (best === null) return null;
  if (best.score > 0 || best.rank < fallbackHints) return best.key;
  return null;
}

/**
 * Matches each feature of a read file to a municipality, by code when the code property holds
 * a code the gazetteer knows, else by name; flags duplicates, counties and the municipalities
 * left without a feature.
 */
export function matchBoundaries(
  file: ReadBoundaryFile,
  gazetteer: Gazetteer,
  options: BoundaryPreviewOptions = {},
): ReadyBoundaryPreview {
  const matcher = matcherFor(gazetteer);
  const nameProperty =
    options.nameProperty !== undefined
      ? options.nameProperty
      : guessProperty(
          file.features,
          file.properties,
          NAME_PROPERTY_HINTS,
          NAME_PROPERTY_HINTS.length,
          (value) => {
            const reading = matcher.readName(value);
            return reading.kind === 'municipality' ? reading.id : null;
          },
          null,
        );
  const codeProperty =
    options.codeProperty !== undefined
      ? options.codeProperty
      : guessProperty(
          file.features,
          file.properties,
          CODE_PROPERTY_HINTS,
          CODE_FALLBACK_HINTS,
          // A column of county codes is not the code column: only municipality codes count.
          (value) => {
            const area = matcher.readCode(value);
            return area?.level === 'municipality' ? area.id : null;
          },
          nameProperty,
        );
  const assignments = options.assignments ?? {};
  const municipalityIds = new Set(gazetteer.municipalities.map((m) => m.id));
  const valueOf = (feature: ParsedFeature, key: string | null) =>
    key === null ? '' : (scalarText(feature.properties[key]) ?? '');

  const rows: BoundaryRow[] = file.features.map((feature) => {
    const nameInFile = valueOf(feature, nameProperty);
    const code = valueOf(feature, codeProperty);
    const row = matchRow(matcher, nameInFile, code, nameProperty);
    const drawable = feature.geometry !== null;
    const assigned = assignments[feature.index];
    let result: BoundaryRow = {
      index: feature.index,
      nameInFile,
      code,
      municipalityId: row.municipalityId,
      municipalityName: row.municipalityId ? matcher.municipalityName(row.municipalityId) : null,
      status: row.status,
      message: row.message,
      suggestions: row.suggestions.map((id) => ({ id, name: matcher.municipalityName(id) })),
      drawable,
    };
    if (drawable && assigned === null) {
      result = { ...result, status: 'left-out', message: 'Left out by you.' };
    } else if (drawable && typeof assigned === 'string' && municipalityIds.has(assigned)) {
      result = {
        ...result,
        municipalityId: assigned,
        municipalityName: matcher.municipalityName(assigned),
        status: 'matched',
        message: assigned === row.municipalityId ? row.message : 'Chosen by you.',
      };
    }
    if (!drawable) {
      result = {
        ...result,
        status: 'skipped',
        message: `Not drawn: the feature ${feature.problem ?? 'has no usable geometry'}.`,
      };
    }
    return result;
  });

  markDuplicates(rows);

  const drawn = new Set(
    rows
      .filter((row) => row.status === 'matched' || row.status === 'duplicate')
      .flatMap((row) => (row.municipalityId ? [row.municipalityId] : [])),
  );
  const missingMunicipalities = gazetteer.municipalities
    .filter((municipality) => !drawn.has(municipality.id))
    .map((municipality) => ({ id: municipality.id, name: municipality.name }));
  const count = (...statuses: BoundaryRowStatus[]) =>
    rows.filter((row) => statuses.includes(row.status)).length;
  const counts: BoundaryCounts = {
    features: rows.length,
    matched: count('matched'),
    duplicates: count('duplicate'),
    unmatched: count('unmatched', 'ambiguous', 'county'),
    counties: count('county'),
    skipped: count('skipped'),
    leftOut: count('left-out'),
    drawnMunicipalities: drawn.size,
    missing: missingMunicipalities.length,
  };

  const warnings = [...file.warnings];
  if (nameProperty === null && codeProperty === null) {
    warnings.push(
      'Pick the property that holds the municipality names: no property was recognised.',
    );
  }
  if (codeProperty !== null && rows.some((row) => row.code !== '')) {
    const known = rows.some((row) => row.code !== '' && matcher.readCode(row.code) !== null);
    if (!known) {
      warnings.push(
        `No value of "${codeProperty}" is a code Harta knows (LAU codes such as ` +
          `${gazetteer.municipalities[0]?.codes.lau ?? 'AL111'}): features are matched by name.`,
      );
    }
  }
  if (counts.counties > 0 && counts.counties >= counts.matched) {
    warnings.push(
      'Most features name counties (qarqe): this looks like a file of counties. Harta needs one ' +
        'feature per municipality (bashki, second-level areas).',
    );
  }

  const features = new Map(file.features.map((feature) => [feature.index, feature]));
  return {
    ok: true,
    fileName: file.fileName,
    properties: file.properties,
    nameProperty,
    codeProperty,
    rows,
    counts,
    missingMunicipalities,
    warnings,
    simplification: file.simplification,
    boundaries: (loadedAt = new Date()) => ({
      fileName: file.fileName,
      loadedAt: loadedAt.toISOString(),
      features: boundaryFeatures(gazetteer, rows, features),
    }),
  };
}

interface RowMatch {
  municipalityId: string | null;
  status: 'matched' | 'county' | 'unmatched' | 'ambiguous';
  message: string;
  suggestions: string[];
}

function matchRow(
  matcher: Matcher,
  nameInFile: string,
  code: string,
  nameProperty: string | null,
): RowMatch {
  const byCode = code === '' ? null : matcher.readCode(code);
  const name = matcher.readName(nameInFile);
  if (byCode?.level === 'municipality') {
    const official = matcher.municipalityName(byCode.id);
    const disagree =
      name.kind === 'municipality' && name.id !== byCode.id
        ? `; the name reads as ${matcher.municipalityName(name.id)}`
        : '';
    return {
      municipalityId: byCode.id,
      status: 'matched',
      message: `Matched by code ${code} (${official})${disagree}.`,
      suggestions: [],
    };
  }
  if (byCode?.level === 'county' && name.kind !== 'municipality') {
    return {
      municipalityId: null,
      status: 'county',
      message: `Code ${code} is the county ${matcher.countyName(byCode.id)}, not a municipality.`,
      suggestions: [],
    };
  }
  switch (name.kind) {
    case 'municipality': {
      const official = matcher.municipalityName(name.id);
      const notes: string[] = [];
      const corrected = name.area.note !== undefined && name.area.confidence < 0.9;
      if (corrected && name.area.note) notes.push(name.area.note);
      else if (foldPlaceText(nameInFile) !== foldPlaceText(official)) {
        notes.push(`"${nameInFile}" read as ${official}`);
      }
      if (name.area.via && name.area.via.length > 0) {
        notes.push(
          `through the settlement ${name.area.via.join(', ')}: is this a file of ` +
            'administrative units rather than municipalities?',
        );
      }
      if (name.ignored.length > 0) notes.push(`not read: ${name.ignored.join(', ')}`);
      return {
        municipalityId: name.id,
        status: 'matched',
        message: notes.length > 0 ? sentence(notes.join('; ')) : '',
        suggestions: [],
      };
    }
    case 'county':
      return {
        municipalityId: null,
        status: 'county',
        message: `Names the county ${matcher.countyName(name.id)}, not a municipality.`,
        suggestions: [],
      };
    case 'ambiguous':
      return {
        municipalityId: null,
        status: 'ambiguous',
        message: `Could be ${name.candidates.map(matcher.municipalityName).join(' or ')}: pick one.`,
        suggestions: name.candidates,
      };
    case 'country':
      return {
        municipalityId: null,
        status: 'unmatched',
        message: 'Names the whole country, not a municipality.',
        suggestions: [],
      };
    case 'empty':
      return {
        municipalityId: null,
        status: 'unmatched',
        message:
          nameProperty === null
            ? 'No name property is chosen.'
            : `Has no value in "${nameProperty}".`,
        suggestions: [],
      };
    case 'unknown': {
      const names = name.candidates.map(matcher.municipalityName);
      return {
        municipalityId: null,
        status: 'unmatched',
        message:
          names.length > 0
            ? `Unknown municipality "${nameInFile}": did you mean ${names.join(' or ')}?`
            : `Unknown municipality "${nameInFile}".`,
        suggestions: name.candidates,
      };
    }
  }
}

/** Capitalised, with a full stop unless it ends in a question mark. */
function sentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[?.]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** Features drawn for the same municipality: each says which others share it. */
function markDuplicates(rows: BoundaryRow[]): void {
  const byMunicipality = new Map<string, BoundaryRow[]>();
  for (const row of rows) {
    if (row.status !== 'matched' || row.municipalityId === null) continue;
    const list = byMunicipality.get(row.municipalityId) ?? [];
    list.push(row);
    byMunicipality.set(row.municipalityId, list);
  }
  for (const group of byMunicipality.values()) {
    if (group.length < 2) continue;
    for (const row of group) {
      const others = group
        .filter((other) => other !== row)
        .map((other) => `${other.index + 1} ("${other.nameInFile}")`);
      const shared =
        `Also matched by feature ${others.join(', ')}: all are drawn as parts of ` +
        `${row.municipalityName ?? ''}; leave out the wrong ones.`;
      row.status = 'duplicate';
      row.message = row.message === '' ? shared : `${shared} ${row.message}`;
    }
  }
}

/** One feature per drawn municipality, in gazetteer order; duplicates become one MultiPolygon. */
function boundaryFeatures(
  gazetteer: Gazetteer,
  rows: readonly BoundaryRow[],
  features: ReadonlyMap<number, ParsedFeature>,
): MunicipalBoundaryFeature[] {
  const parts = new Map<string, { names: string[]; polygons: Position[][][] }>();
  for (const row of rows) {
    if ((row.status !== 'matched' && row.status !== 'duplicate') || row.municipalityId === null)
      continue;
    const geometry = features.get(row.index)?.geometry;
    if (!geometry) continue;
    const entry = parts.get(row.municipalityId) ?? { names: [], polygons: [] };
    if (!entry.names.includes(row.nameInFile)) entry.names.push(row.nameInFile);
    if (geometry.type === 'Polygon') entry.polygons.push(geometry.coordinates);
    else entry.polygons.push(...geometry.coordinates);
    parts.set(row.municipalityId, entry);
  }
  return gazetteer.municipalities.flatMap((municipality): MunicipalBoundaryFeature[] => {
    const entry = parts.get(municipality.id);
    const [first] = entry?.polygons ?? [];
    if (!entry || !first) return [];
    return [
      {
        type: 'Feature',
        geometry:
          entry.polygons.length === 1
            ? { type: 'Polygon', coordinates: first }
            : { type: 'MultiPolygon', coordinates: entry.polygons },
        properties: { municipalityId: municipality.id, nameInFile: entry.names.join(' + ') },
      },
    ];
  });
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

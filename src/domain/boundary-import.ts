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
  /** Why, as data the interface words (`boundaries.notes`); empty when nothing needs saying. */
  notes: BoundaryNote[];
  /** Municipalities the feature may be, for the user to pick (unmatched, ambiguous). */
  suggestions: BoundarySuggestion[];
  /** The geometry is usable: the user may assign the feature to a municipality. */
  drawable: boolean;
}

/** Why a feature's geometry cannot be drawn. */
export type FeatureProblem =
  | { code: 'not-a-feature' }
  | { code: 'no-geometry' }
  | { code: 'geometry-without-type' }
  /** `known`: a GeoJSON geometry type (a Point, a LineString, …), else the type as written. */
  | { code: 'not-an-area'; type: string; known: boolean }
  | { code: 'too-small' }
  | { code: 'broken'; missing: 'polygons' | 'rings' | 'positions' }
  | { code: 'no-rings' }
  | { code: 'bad-position' }
  | { code: 'bad-coordinate' }
  | { code: 'projected' }
  | { code: 'swapped' }
  | { code: 'outside'; country: string };

/** What the preview says of one feature's match; the interface words each as a sentence. */
export type BoundaryNote =
  | { code: 'by-code'; value: string; official: string; nameReadsAs: string | null }
  | { code: 'county-code'; value: string; county: string }
  /** How a name was read: said together in one sentence. */
  | { code: 'name-read'; parts: NameReadPart[] }
  | { code: 'county-name'; county: string }
  | { code: 'ambiguous'; candidates: string[] }
  | { code: 'whole-country' }
  | { code: 'no-name-property' }
  | { code: 'no-value'; property: string }
  | { code: 'unknown'; name: string; suggestions: string[] }
  | { code: 'left-out' }
  | { code: 'chosen' }
  | { code: 'not-drawn'; problem: FeatureProblem | null }
  | { code: 'also-matched'; others: { number: number; name: string }[]; municipality: string };

export type NameReadPart =
  /** The place resolver's note, in its own (English) words. */
  | { code: 'resolver'; note: string }
  | { code: 'read-as'; name: string; official: string }
  | { code: 'via'; settlements: string[] }
  | { code: 'not-read'; ignored: string[] };

/** About the file as a whole. */
export type BoundaryWarning =
  | { code: 'single-feature'; fileName: string }
  | { code: 'outside'; count: number; country: string }
  | { code: 'simplified'; metres: number; before: number; after: number }
  | { code: 'no-name-property' }
  | { code: 'unknown-codes'; property: string; example: string }
  | { code: 'counties-file' };

/** A syntax error in JSON; `found` is the character found, null at the end of the file. */
export type JsonSyntaxProblem =
  | { code: 'unclosed-string' }
  | { code: 'bad-escape' }
  | { code: 'control-character' }
  | { code: 'too-deep' }
  | { code: 'expected-name'; found: string | null }
  | { code: 'expected-colon'; found: string | null }
  | { code: 'expected-comma'; close: '}' | ']'; found: string | null }
  | { code: 'bad-number' }
  | { code: 'expected-value'; found: string | null }
  | { code: 'trailing'; found: string | null };

/** Why a file cannot be used at all. */
export type BoundaryFailure =
  | { code: 'too-large'; megabytes: number }
  | { code: 'empty' }
  | { code: 'not-text' }
  /** JSON.parse's own words, when the scan finds no error. */
  | { code: 'invalid-json'; detail: string }
  | { code: 'invalid-json-at'; problem: JsonSyntaxProblem; line: number; column: number }
  | { code: 'json-array' }
  | { code: 'json-value' }
  | { code: 'topojson' }
  | { code: 'no-features-list' }
  | { code: 'bare-geometry'; type: string }
  | { code: 'not-geojson' }
  | { code: 'no-features' }
  | { code: 'too-many-features'; features: number; municipalities: number }
  | { code: 'no-areas'; example: { feature: number; problem: FeatureProblem } | null }
  | { code: 'projected'; sample: [x: number, y: number] | null; crs: string | null }
  | { code: 'swapped-file' }
  | { code: 'elsewhere'; country: string; extent: [number, number, number, number] };

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
  /** Why, as data: the interface words it (`boundaries.failure`). */
  message: BoundaryFailure;
}

interface ParsedFeature {
  index: number;
  properties: Readonly<Record<string, unknown>>;
  /** Rounded, cleaned, wound per RFC 7946 and (for large files) simplified; null = skipped. */
  geometry: Polygon | MultiPolygon | null;
  /** Why the geometry is not drawn. */
  problem: FeatureProblem | null;
}

/** A file read and checked, ready to be matched with any choice of properties. */
export interface ReadBoundaryFile {
  ok: true;
  fileName: string;
  features: readonly ParsedFeature[];
  properties: BoundaryProperty[];
  warnings: BoundaryWarning[];
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
  warnings: BoundaryWarning[];
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
 * else preview.message; // { code: 'invalid-json-at', line: 3, column: 5, … }
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
  const fail = (message: BoundaryFailure): FailedBoundaryPreview => ({
    ok: false,
    fileName,
    message,
  });
  if (text.length > MAX_BOUNDARY_FILE_BYTES) {
    return fail({ code: 'too-large', megabytes: MAX_BOUNDARY_FILE_BYTES / 1024 / 1024 });
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return fail({ code: 'empty' });
  if (body.includes('\u0000')) return fail({ code: 'not-text' });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return fail(jsonErrorMessage(body, error));
  }

  const warnings: BoundaryWarning[] = [];
  const structure = featuresOf(fileName, json, warnings);
  if (!Array.isArray(structure)) return fail(structure);
  if (structure.length === 0) return fail({ code: 'no-features' });
  if (structure.length > MAX_BOUNDARY_FEATURES) {
    return fail({
      code: 'too-many-features',
      features: structure.length,
      municipalities: gazetteer.municipalities.length,
    });
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
  if (inCountry === 0) return fail(fileCoordinateProblem(placed, json, gazetteer));

  const features: ParsedFeature[] = placed.map((feature) => {
    if (feature.geometry === null || feature.problem !== null) {
      return {
        ...base(feature),
        geometry: null,
        problem: feature.problem ?? { code: 'no-geometry' },
      };
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
  const outside = features.filter((feature) => feature.problem?.code === 'outside');
  if (outside.length > 0) {
    warnings.push({ code: 'outside', count: outside.length, country: gazetteer.country.name });
  }

  const simplification = simplifyToBudget(features);
  if (simplification !== null) {
    warnings.push({
      code: 'simplified',
      metres: Math.round(simplification.toleranceDegrees * 111_000),
      before: simplification.positionsBefore,
      after: simplification.positionsAfter,
    });
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
function jsonErrorMessage(text: string, error: unknown): BoundaryFailure {
  const located = locateJsonError(text);
  if (located === null) {
    const detail = error instanceof Error ? error.message : String(error);
    return { code: 'invalid-json', detail };
  }
  const before = text.slice(0, located.offset);
  const line = before.split('\n').length;
  const column = located.offset - before.lastIndexOf('\n');
  return { code: 'invalid-json-at', problem: located.reason, line, column };
}

/** Thrown inside `locateJsonError` to unwind the scan at the first error. */
class JsonStop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: JsonSyntaxProblem,
  ) {
    super(reason.code);
  }
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The offset of the first syntax error in `text` and what is wrong there (RFC 8259 grammar),
 * or null when the text is valid JSON.
 *
 * @example locateJsonError('{"a": 1,}') // { offset: 8, reason: { code: 'expected-name', found: '}' } }
 */
export function locateJsonError(
  text: string,
): { offset: number; reason: JsonSyntaxProblem } | null {
  let at = 0;
  const stop = (reason: JsonSyntaxProblem, offset = at): never => {
    throw new JsonStop(offset, reason);
  };
  const found = () => (at >= text.length ? null : (text[at] ?? null));
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at += 1;
  };
  const readString = () => {
    const start = at;
    at += 1;
    for (;;) {
      if (at >= text.length) stop({ code: 'unclosed-string' }, start);
      const code = text.charCodeAt(at);
      if (code === 34) {
        at += 1;
        return;
      }
      if (code === 92) {
        JSON_ESCAPE.lastIndex = at;
        if (!JSON_ESCAPE.test(text)) stop({ code: 'bad-escape' });
        at = JSON_ESCAPE.lastIndex;
        continue;
      }
      if (code < 0x20) stop({ code: 'control-character' });
      at += 1;
    }
  };
  const readValue = (depth: number): void => {
    if (depth > 1000) stop({ code: 'too-deep' });
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
          if (text[at] !== '"') stop({ code: 'expected-name', found: found() });
          readString();
          skipSpace();
          if (text[at] !== ':') stop({ code: 'expected-colon', found: found() });
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
        stop({ code: 'expected-comma', close, found: found() });
      }
    }
    if (char === '"') return readString();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      JSON_NUMBER.lastIndex = at;
      if (!JSON_NUMBER.test(text)) stop({ code: 'bad-number' });
      at = JSON_NUMBER.lastIndex;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at)) {
        at += literal.length;
        return;
      }
    }
    stop({ code: 'expected-value', found: found() });
  };
  try {
    readValue(0);
    skipSpace();
    if (at < text.length) stop({ code: 'trailing', found: found() });
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
function featuresOf(
  fileName: string,
  json: unknown,
  warnings: BoundaryWarning[],
): unknown[] | BoundaryFailure {
  if (Array.isArray(json)) return { code: 'json-array' };
  if (!isRecord(json)) return { code: 'json-value' };
  const type = json.type;
  if (type === 'Topology') return { code: 'topojson' };
  if (type === 'FeatureCollection') {
    if (!Array.isArray(json.features)) return { code: 'no-features-list' };
    return json.features as unknown[];
  }
  if (type === 'Feature') {
    warnings.push({ code: 'single-feature', fileName });
    return [json];
  }
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    return { code: 'bare-geometry', type };
  }
  return { code: 'not-geojson' };
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

function placeProblem(place: Place | null, countryName: string): FeatureProblem {
  switch (place) {
    case 'projected':
      return { code: 'projected' };
    case 'swapped':
      return { code: 'swapped' };
    default:
      return { code: 'outside', country: countryName };
  }
}

/** Why no feature lies in the country, when that is a property of the whole file. */
function fileCoordinateProblem(
  features: readonly {
    index: number;
    place: Place | null;
    extent: Box | null;
    problem: FeatureProblem | null;
  }[],
  json: unknown,
  gazetteer: Gazetteer,
): BoundaryFailure {
  const placed = features.filter((feature) => feature.place !== null);
  if (placed.length === 0) {
    const first = features.find((feature) => feature.problem !== null);
    return {
      code: 'no-areas',
      example: first?.problem ? { feature: first.index + 1, problem: first.problem } : null,
    };
  }
  const count = (place: Place) => placed.filter((feature) => feature.place === place).length;
  if (count('projected') > 0) {
    const sample = placed.find((feature) => feature.place === 'projected')?.extent;
    return {
      code: 'projected',
      sample: sample ? [Math.round(sample[0]), Math.round(sample[1])] : null,
      crs: declaredCrs(json),
    };
  }
  if (count('swapped') > count('elsewhere')) return { code: 'swapped-file' };
  const all = placed.flatMap((feature) => (feature.extent ? [feature.extent] : []));
  const extent: Box = [
    Math.min(...all.map((box) => box[0])),
    Math.min(...all.map((box) => box[1])),
    Math.max(...all.map((box) => box[2])),
    Math.max(...all.map((box) => box[3])),
  ];
  const round = (value: number) => Number(value.toFixed(2));
  return {
    code: 'elsewhere',
    country: gazetteer.country.name,
    extent: [round(extent[0]), round(extent[1]), round(extent[2]), round(extent[3])],
  };
}

/** The `crs` member of pre-2016 GeoJSON, e.g. "urn:ogc:def:crs:EPSG::6870" → "EPSG:6870". */
function declaredCrs(json: unknown): string | null {
  if (!isRecord(json) || !isRecord(json.crs) || !isRecord(json.crs.properties)) return null;
  const name = json.crs.properties.name;
  if (typeof name !== 'string') return null;
  const epsg = /EPSG:*(\d+)/i.exec(name);
  return epsg ? `EPSG:${epsg[1]}` : name;
}

class GeometryProblem extends Error {
  constructor(readonly problem: FeatureProblem) {
    super(problem.code);
  }
}

interface ReadFeature {
  index: number;
  properties: Readonly<Record<string, unknown>>;
  geometry: Polygon | MultiPolygon | null;
  problem: FeatureProblem | null;
  /** Extent of the coordinates as written (before rounding). */
  extent: Box | null;
}

function readFeature(raw: unknown, index: number): ReadFeature {
  const empty = { index, properties: {}, geometry: null, extent: null };
  if (!isRecord(raw) || raw.type !== 'Feature') {
    return { ...empty, problem: { code: 'not-a-feature' } };
  }
  const properties = isRecord(raw.properties) ? raw.properties : {};
  const geometry = raw.geometry;
  if (geometry === null || geometry === undefined) {
    return { ...empty, properties, problem: { code: 'no-geometry' } };
  }
  if (!isRecord(geometry) || typeof geometry.type !== 'string') {
    return { ...empty, properties, problem: { code: 'geometry-without-type' } };
  }
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return {
      ...empty,
      properties,
      problem: {
        code: 'not-an-area',
        type: geometry.type,
        known: GEOMETRY_TYPES.has(geometry.type),
      },
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
        problem: { code: 'too-small' },
      };
    }
    const shape: Polygon | MultiPolygon =
      kept.length === 1 && kept[0] !== undefined
        ? { type: 'Polygon', coordinates: kept[0] }
        : { type: 'MultiPolygon', coordinates: kept };
    return { index, properties, geometry: shape, extent, problem: null };
  } catch (error) {
    if (!(error instanceof GeometryProblem)) throw error;
    return { index, properties, geometry: null, extent: null, problem: error.problem };
  }
}

function readList(value: unknown, what: 'polygons' | 'rings' | 'positions'): unknown[] {
  if (!Array.isArray(value)) throw new GeometryProblem({ code: 'broken', missing: what });
  return value;
}

/** A polygon's rings, rounded and cleaned; null when its outer ring collapses. */
function readPolygon(value: unknown, extent: Box): Position[][] | null {
  const rings = readList(value, 'rings');
  if (rings.length === 0) throw new GeometryProblem({ code: 'no-rings' });
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
      throw new GeometryProblem({ code: 'bad-position' });
    }
    const [x, y] = position as unknown[];
    if (typeof x !== 'number' || typeof y !== 'number' || !isFinite(x) || !isFinite(y)) {
      throw new GeometryProblem({ code: 'bad-coordinate' });
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
      notes: row.notes,
      suggestions: row.suggestions.map((id) => ({ id, name: matcher.municipalityName(id) })),
      drawable,
    };
    if (drawable && assigned === null) {
      result = { ...result, status: 'left-out', notes: [{ code: 'left-out' }] };
    } else if (drawable && typeof assigned === 'string' && municipalityIds.has(assigned)) {
      result = {
        ...result,
        municipalityId: assigned,
        municipalityName: matcher.municipalityName(assigned),
        status: 'matched',
        notes: assigned === row.municipalityId ? row.notes : [{ code: 'chosen' }],
      };
    }
    if (!drawable) {
      result = {
        ...result,
        status: 'skipped',
        notes: [{ code: 'not-drawn', problem: feature.problem }],
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
  if (nameProperty === null && codeProperty === null) warnings.push({ code: 'no-name-property' });
  if (codeProperty !== null && rows.some((row) => row.code !== '')) {
    const known = rows.some((row) => row.code !== '' && matcher.readCode(row.code) !== null);
    if (!known) {
      warnings.push({
        code: 'unknown-codes',
        property: codeProperty,
        example: gazetteer.municipalities[0]?.codes.lau ?? 'AL111',
      });
    }
  }
  if (counts.counties > 0 && counts.counties >= counts.matched) {
    warnings.push({ code: 'counties-file' });
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
  notes: BoundaryNote[];
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
    const nameReadsAs =
      name.kind === 'municipality' && name.id !== byCode.id
        ? matcher.municipalityName(name.id)
        : null;
    return {
      municipalityId: byCode.id,
      status: 'matched',
      notes: [
        {
          code: 'by-code',
          value: code,
          official: matcher.municipalityName(byCode.id),
          nameReadsAs,
        },
      ],
      suggestions: [],
    };
  }
  if (byCode?.level === 'county' && name.kind !== 'municipality') {
    return {
      municipalityId: null,
      status: 'county',
      notes: [{ code: 'county-code', value: code, county: matcher.countyName(byCode.id) }],
      suggestions: [],
    };
  }
  switch (name.kind) {
    case 'municipality': {
      const official = matcher.municipalityName(name.id);
      const parts: NameReadPart[] = [];
      const corrected = name.area.note !== undefined && name.area.confidence < 0.9;
      if (corrected && name.area.note) parts.push({ code: 'resolver', note: name.area.note });
      else if (foldPlaceText(nameInFile) !== foldPlaceText(official)) {
        parts.push({ code: 'read-as', name: nameInFile, official });
      }
      if (name.area.via && name.area.via.length > 0) {
        parts.push({ code: 'via', settlements: name.area.via });
      }
      if (name.ignored.length > 0) parts.push({ code: 'not-read', ignored: name.ignored });
      return {
        municipalityId: name.id,
        status: 'matched',
        notes: parts.length > 0 ? [{ code: 'name-read', parts }] : [],
        suggestions: [],
      };
    }
    case 'county':
      return {
        municipalityId: null,
        status: 'county',
        notes: [{ code: 'county-name', county: matcher.countyName(name.id) }],
        suggestions: [],
      };
    case 'ambiguous':
      return {
        municipalityId: null,
        status: 'ambiguous',
        notes: [{ code: 'ambiguous', candidates: name.candidates.map(matcher.municipalityName) }],
        suggestions: name.candidates,
      };
    case 'country':
      return {
        municipalityId: null,
        status: 'unmatched',
        notes: [{ code: 'whole-country' }],
        suggestions: [],
      };
    case 'empty':
      return {
        municipalityId: null,
        status: 'unmatched',
        notes: [
          nameProperty === null
            ? { code: 'no-name-property' }
            : { code: 'no-value', property: nameProperty },
        ],
        suggestions: [],
      };
    case 'unknown': {
      return {
        municipalityId: null,
        status: 'unmatched',
        notes: [
          {
            code: 'unknown',
            name: nameInFile,
            suggestions: name.candidates.map(matcher.municipalityName),
          },
        ],
        suggestions: name.candidates,
      };
    }
  }
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
        .map((other) => ({ number: other.index + 1, name: other.nameInFile }));
      row.status = 'duplicate';
      row.notes = [
        { code: 'also-matched', others, municipality: row.municipalityName ?? '' },
        ...row.notes,
      ];
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

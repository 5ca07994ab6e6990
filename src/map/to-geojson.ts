import { area, bboxClip, booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { MapAreaRef, MapModel, MapMunicipality } from '../domain/map-model';
import { circleRadius, circleSizeBucket } from '../domain/map-palette';
import type { MunicipalBoundaries } from '../domain/municipal-boundaries';

/**
 * Domain → GeoJSON, as pure functions: what the map adapter hands to its sources, and the
 * comparisons that tell it whether a source needs new data at all.
 */

type Area = Polygon | MultiPolygon;

/** Properties of a feature in geo/counties.geojson. */
export interface CountyBoundaryProperties {
  id: string;
  name: string;
}
export type CountyBoundaries = FeatureCollection<Area, CountyBoundaryProperties>;

/**
 * What a municipality feature carries: what places it and lays its label out. Everything a
 * filter changes (size, colour, planned ring) is feature-state, see `valueStateChanges`, so a
 * filter change is drawn in the next frame without new data for MapLibre's worker to tile.
 */
export interface MunicipalityFeatureProperties {
  id: string;
  name: string;
  approximate: boolean;
  hotspotLevel: number;
  /** `unfiltered.organisations`: the largest the circle can be; its label keeps clear of it. */
  roomOrganisations: number;
  /** `unfiltered.gapScore`: ranks the labels (largest gaps first), steady while filtering. */
  rankGapScore: number;
}

/** A municipality drawn with a boundary from the user's file: the symbol's values, and more. */
export interface MunicipalAreaFeatureProperties extends MunicipalityFeatureProperties {
  /** The name the user's file gives it (plain text). */
  nameInFile: string;
}

export interface LabelProperties {
  name: string;
}

/** A county's figures as the map draws them (feature-state of the counties source). */
export interface CountyValues {
  /** `value / countyMax` in [0, 1] (0 when every county is 0): the style shades by this. */
  share: number;
  planned: boolean;
}

/** A municipality's figures as the map draws them (feature-state of both municipality sources). */
export interface MunicipalityValues {
  /**
   * The circle's radius in pixels, `circleRadius(organisations)` to 0.01 px: what is drawn, not
   * the count, so a change of count the circle does not show (its size is capped) sends
   * MapLibre nothing to redo. With a national 3W every municipality's count moves on every
   * filter change while no circle does.
   */
  radius: number;
  gapScore: number;
  planned: boolean;
  /** `circleSizeBucket(organisations)`: the size layer the circle shows in. */
  sizeBucket: number;
}

export type AreaValues =
  | { area: { level: 'county'; id: string }; state: CountyValues }
  | { area: { level: 'municipality'; id: string }; state: MunicipalityValues };

/** Each county's figures as feature-state values. */
export function countyValues(
  model: Pick<MapModel, 'counties' | 'countyMax'>,
): Map<string, CountyValues> {
  return new Map(
    model.counties.map((county) => [
      county.id,
      {
        share: model.countyMax > 0 ? Math.min(1, Math.max(0, county.value / model.countyMax)) : 0,
        planned: county.planned,
      },
    ]),
  );
}

function municipalityValues(municipality: MapMunicipality): MunicipalityValues {
  return {
    radius: Math.round(circleRadius(municipality.organisations) * 100) / 100,
    gapScore: municipality.gapScore,
    planned: municipality.planned,
    sizeBucket: circleSizeBucket(municipality.organisations),
  };
}

/**
 * The feature-state values that take the map from `previous` to `next`: every county and
 * municipality whose drawn figures differ (all of them when there is no previous model). A
 * county the model no longer lists goes back to zero.
 *
 * @example valueStateChanges(null, model)[0]
 *   // { area: { level: 'county', id: 'AL011' }, state: { share: 0.1875, planned: false } }
 */
export function valueStateChanges(
  previous: Pick<MapModel, 'counties' | 'countyMax' | 'municipalities'> | null,
  next: Pick<MapModel, 'counties' | 'countyMax' | 'municipalities'>,
): AreaValues[] {
  const changes: AreaValues[] = [];
  const countiesBefore = previous ? countyValues(previous) : new Map<string, CountyValues>();
  const countiesAfter = countyValues(next);
  for (const [id, state] of countiesAfter) {
    const old = countiesBefore.get(id);
    if (!old || old.share !== state.share || old.planned !== state.planned) {
      changes.push({ area: { level: 'county', id }, state });
    }
  }
  for (const id of countiesBefore.keys()) {
    if (!countiesAfter.has(id)) {
      changes.push({ area: { level: 'county', id }, state: { share: 0, planned: false } });
    }
  }
  const before = new Map(previous?.municipalities.map((m) => [m.id, m]));
  for (const municipality of next.municipalities) {
    const old = before.get(municipality.id);
    const state = municipalityValues(municipality);
    const was = old && municipalityValues(old);
    if (
      !was ||
      was.radius !== state.radius ||
      was.gapScore !== state.gapScore ||
      was.planned !== state.planned ||
      was.sizeBucket !== state.sizeBucket
    ) {
      changes.push({ area: { level: 'municipality', id: municipality.id }, state });
    }
  }
  return changes;
}

function municipalityProperties(municipality: MapMunicipality): MunicipalityFeatureProperties {
  return {
    id: municipality.id,
    name: municipality.name,
    approximate: municipality.approximate,
    hotspotLevel: municipality.hotspotLevel,
    roomOrganisations: Math.max(municipality.unfiltered.organisations, municipality.organisations),
    rankGapScore: municipality.unfiltered.gapScore,
  };
}

/**
 * One point per municipality, at its seat; municipalities in `drawnAsAreas` (those the user's
 * boundary file draws as polygons) are left out.
 */
export function municipalitiesToGeoJson(
  municipalities: readonly MapMunicipality[],
  drawnAsAreas: ReadonlySet<string> = new Set(),
): FeatureCollection<Point, MunicipalityFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: municipalities
      .filter((municipality) => !drawnAsAreas.has(municipality.id))
      .map((municipality) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [...municipality.lonLat] },
        properties: municipalityProperties(municipality),
      })),
  };
}

/**
 * The user's municipal boundaries with each municipality's layout properties merged in by id
 * (its figures are feature-state, as for the symbols, so the polygons are shaded exactly as the
 * symbols would be). A boundary for a municipality the model does not list is left out.
 * Geometry objects are shared with `boundaries`, not copied.
 *
 * @example municipalAreasToGeoJson(boundaries, model.municipalities).features[0].properties
 *   // { id: 'AL111', name: 'Bulqizë', nameInFile: 'Bulqiza', hotspotLevel: 3, … }
 */
export function municipalAreasToGeoJson(
  boundaries: MunicipalBoundaries | null,
  municipalities: readonly MapMunicipality[],
): FeatureCollection<Area, MunicipalAreaFeatureProperties> {
  if (boundaries === null) return { type: 'FeatureCollection', features: [] };
  const byId = new Map(municipalities.map((municipality) => [municipality.id, municipality]));
  return {
    type: 'FeatureCollection',
    features: boundaries.features.flatMap((feature) => {
      const municipality = byId.get(feature.properties.municipalityId);
      if (!municipality) return [];
      return [
        {
          type: 'Feature',
          geometry: feature.geometry,
          properties: {
            ...municipalityProperties(municipality),
            nameInFile: feature.properties.nameInFile,
          },
        },
      ];
    }),
  };
}

/**
 * Where to write each boundary's name: inside its largest part (not in the sea between a
 * municipality and its island), at the part's centre of mass or, when that falls outside, at a
 * point on its surface. Computed once per file; `municipalAreaLabelsToGeoJson` adds the values.
 */
export function municipalAreaLabelAnchors(
  boundaries: MunicipalBoundaries | null,
): ReadonlyMap<string, Position> {
  const anchors = new Map<string, Position>();
  for (const feature of boundaries?.features ?? []) {
    const parts =
      feature.geometry.type === 'Polygon'
        ? [feature.geometry.coordinates]
        : feature.geometry.coordinates;
    let largest: { part: Position[][]; area: number } | null = null;
    for (const part of parts) {
      const size = area({ type: 'Polygon', coordinates: part });
      if (largest === null || size > largest.area) largest = { part, area: size };
    }
    if (largest === null) continue;
    const polygon: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: largest.part },
    };
    anchors.set(feature.properties.municipalityId, labelPoint(polygon, '').geometry.coordinates);
  }
  return anchors;
}

/** A label point per municipality drawn as an area, with the values the label style reads. */
export function municipalAreaLabelsToGeoJson(
  anchors: ReadonlyMap<string, Position>,
  municipalities: readonly MapMunicipality[],
): FeatureCollection<Point, MunicipalityFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: municipalities.flatMap((municipality) => {
      const anchor = anchors.get(municipality.id);
      if (!anchor) return [];
      return [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [...anchor] },
          properties: municipalityProperties(municipality),
        },
      ];
    }),
  };
}

/**
 * A label point inside each area: its centre of mass, or a point on its surface when the centre
 * falls outside (a crescent-shaped county, or one made of several parts).
 */
export function areaLabelPoints<P extends { name: string }>(
  areas: FeatureCollection<Area, P>,
): FeatureCollection<Point, LabelProperties> {
  return {
    type: 'FeatureCollection',
    features: areas.features.map((feature) => labelPoint(feature, feature.properties.name)),
  };
}

/**
 * Label points for the neighbouring countries, each placed inside the part of the country that
 * lies within `bbox` ([west, south, east, north]), so "Greece" sits near Albania rather than at
 * the centre of Greece. Countries with less than `minAreaKm2` inside the box get no label.
 */
export function neighbourLabelPoints<P extends { name: string }>(
  neighbours: FeatureCollection<Area, P>,
  bbox: readonly [number, number, number, number],
  minAreaKm2 = 1500,
): FeatureCollection<Point, LabelProperties> {
  const features: Feature<Point, LabelProperties>[] = [];
  for (const feature of neighbours.features) {
    const clipped = bboxClip(feature, [...bbox]) as Feature<Area>;
    const rings =
      clipped.geometry.type === 'Polygon'
        ? clipped.geometry.coordinates
        : clipped.geometry.coordinates.flat();
    if (rings.every((ring) => ring.length < 4)) continue;
    if (area(clipped) / 1e6 < minAreaKm2) continue;
    features.push(labelPoint(clipped, feature.properties.name));
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The world minus `bbox` ([west, south, east, north]), to cover what lies beyond the extent the
 * neighbour outlines were clipped to, so their straight clipped edges read as a frame.
 */
export function frameMask(
  bbox: readonly [number, number, number, number],
): FeatureCollection<Polygon, Record<string, never>> {
  const [west, south, east, north] = bbox;
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [-180, -85],
              [180, -85],
              [180, 85],
              [-180, 85],
              [-180, -85],
            ],
            [
              [west, south],
              [west, north],
              [east, north],
              [east, south],
              [west, south],
            ],
          ],
        },
      },
    ],
  };
}

function labelPoint(feature: Feature<Area>, name: string): Feature<Point, LabelProperties> {
  const centre = centerOfMass(feature);
  const inside = booleanPointInPolygon(centre, feature) ? centre : pointOnFeature(feature);
  return { type: 'Feature', geometry: inside.geometry, properties: { name } };
}

/**
 * Whether two municipality lists lay out identically: the same places, names, hotspot levels
 * and label room and rank. Figures a filter changes (and with them the size layer each circle
 * shows in) are feature-state and not compared.
 */
export function sameMunicipalityLayout(
  a: readonly MapMunicipality[],
  b: readonly MapMunicipality[],
): boolean {
  if (a === b) return true;
  return (
    a.length === b.length &&
    a.every((x, index) => {
      const y = b[index];
      return (
        y !== undefined &&
        x.id === y.id &&
        x.name === y.name &&
        x.lonLat[0] === y.lonLat[0] &&
        x.lonLat[1] === y.lonLat[1] &&
        x.approximate === y.approximate &&
        x.hotspotLevel === y.hotspotLevel &&
        x.unfiltered.organisations === y.unfiltered.organisations &&
        x.unfiltered.gapScore === y.unfiltered.gapScore
      );
    })
  );
}

/** The emphasis of one area, as MapLibre feature-state. */
export interface AreaState {
  hovered: boolean;
  selected: boolean;
  highlighted: boolean;
}

const NO_STATE: AreaState = { hovered: false, selected: false, highlighted: false };

/** `level:id`, e.g. `municipality:AL212`. */
export function areaKey(area: MapAreaRef): string {
  return `${area.level}:${area.id}`;
}

/** The emphasised areas of a model and how each is emphasised; areas not listed have none. */
export function areaStates(
  model: Pick<MapModel, 'hovered' | 'selected' | 'highlighted'>,
): Map<string, { area: MapAreaRef; state: AreaState }> {
  const states = new Map<string, { area: MapAreaRef; state: AreaState }>();
  const mark = (area: MapAreaRef | null, flag: keyof AreaState) => {
    if (area === null) return;
    const key = areaKey(area);
    const entry = states.get(key) ?? { area, state: { ...NO_STATE } };
    entry.state[flag] = true;
    states.set(key, entry);
  };
  for (const area of model.highlighted) mark(area, 'highlighted');
  mark(model.selected, 'selected');
  mark(model.hovered, 'hovered');
  return states;
}

/**
 * The feature-state changes that take the map from `previous` to `next`: every area whose
 * emphasis differs, with its complete new state (all false for an area no longer emphasised).
 */
export function areaStateChanges(
  previous: Pick<MapModel, 'hovered' | 'selected' | 'highlighted'> | null,
  next: Pick<MapModel, 'hovered' | 'selected' | 'highlighted'>,
): { area: MapAreaRef; state: AreaState }[] {
  const before = previous
    ? areaStates(previous)
    : new Map<string, { area: MapAreaRef; state: AreaState }>();
  const after = areaStates(next);
  const changes: { area: MapAreaRef; state: AreaState }[] = [];
  for (const [key, { area, state }] of after) {
    const old = before.get(key)?.state ?? NO_STATE;
    if (!sameState(old, state)) changes.push({ area, state });
  }
  for (const [key, { area }] of before) {
    if (!after.has(key)) changes.push({ area, state: { ...NO_STATE } });
  }
  return changes;
}

function sameState(a: AreaState, b: AreaState): boolean {
  return a.hovered === b.hovered && a.selected === b.selected && a.highlighted === b.highlighted;
}

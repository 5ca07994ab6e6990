import { bbox as boundingBox } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { LngLatBoundsLike } from 'maplibre-gl';
import countiesText from '../../geo/counties.geojson?raw';
import neighboursText from '../../geo/neighbours.geojson?raw';
import type { CountyBoundaries } from './to-geojson';

/** The county boundaries bundled with the app (geo/counties.geojson). */
export const counties = JSON.parse(countiesText) as CountyBoundaries;

/** The neighbouring countries drawn around it (geo/neighbours.geojson). */
export const neighbours = JSON.parse(neighboursText) as FeatureCollection<
  Polygon | MultiPolygon,
  { name: string }
>;

/** The country's extent, from the county polygons the map draws: [west, south, east, north]. */
export const countryBbox = boundingBox(counties) as [number, number, number, number];

/** The same extent as MapLibre bounds. */
export const countryBounds: LngLatBoundsLike = [
  [countryBbox[0], countryBbox[1]],
  [countryBbox[2], countryBbox[3]],
];

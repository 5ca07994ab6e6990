import type { MultiPolygon, Polygon } from 'geojson';
import type { CreateMapAdapter, MapAdapter, MapImageExport } from './map-model';

/**
 * Municipal boundaries a user loaded (e.g. from the national geoportal), after matching each
 * feature to a gazetteer municipality. When present, the map shades municipalities with these
 * polygons instead of drawing a symbol at each seat.
 */
export interface MunicipalBoundaryFeature {
  type: 'Feature';
  geometry: Polygon | MultiPolygon;
  properties: {
    /** Gazetteer municipality id the feature was matched to. */
    municipalityId: string;
    /** The feature's name as the file wrote it (kept as text, never HTML). */
    nameInFile: string;
  };
}

export interface MunicipalBoundaries {
  /** The file the user loaded, as named on their machine. */
  fileName: string;
  /** ISO date and time the boundaries were applied. */
  loadedAt: string;
  features: MunicipalBoundaryFeature[];
}

/**
 * What a map adapter offers to draw user-loaded boundaries. Optional on the adapter, so a map
 * without it (or a test double written before it) keeps drawing a symbol per municipality.
 * It lives beside the boundaries rather than in the adapter contract of ./map-model.ts because
 * boundaries change rarely (a file is loaded or removed) while the model changes on every hover.
 */
export interface MunicipalBoundaryDrawing {
  /** Shades municipalities with these polygons; null goes back to a symbol at each seat. */
  setMunicipalBoundaries: (boundaries: MunicipalBoundaries | null) => void;
}

export type BoundaryAwareMapAdapter = MapAdapter &
  Partial<MunicipalBoundaryDrawing> &
  Partial<MapImageExport>;

/** A `CreateMapAdapter` whose adapter may draw boundaries; every `CreateMapAdapter` is one. */
export type CreateBoundaryAwareMapAdapter = (
  ...args: Parameters<CreateMapAdapter>
) => BoundaryAwareMapAdapter;

/** Ids of the municipalities the boundaries draw as areas (empty for null). */
export function municipalitiesWithBoundary(
  boundaries: MunicipalBoundaries | null,
): ReadonlySet<string> {
  return new Set(boundaries?.features.map((feature) => feature.properties.municipalityId) ?? []);
}

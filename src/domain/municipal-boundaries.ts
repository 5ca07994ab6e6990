import type { MultiPolygon, Polygon } from 'geojson';

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

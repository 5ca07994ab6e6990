import type { CountyCoverage, MunicipalityCoverage } from './coverage';
import type { HotspotLevel } from './dataset';
import type { Gazetteer, LonLat } from './gazetteer-schema';

/**
 * What the map shows, as plain data, and the contract of the map adapter that draws it. The
 * adapter (src/map) is the only code that knows MapLibre; the React host and the tests only
 * know this contract, so a fake adapter can stand in for it where there is no WebGL.
 */

export interface MapAreaRef {
  level: 'county' | 'municipality';
  id: string;
}

/** The county shading: number of organisations, or of organisations doing one activity type. */
export type CountyMeasure =
  { kind: 'organisations' } | { kind: 'activity-type'; activityType: string };

export interface MapCounty {
  id: string;
  name: string;
  /** Value of the current measure. */
  value: number;
  /** A planned intervention names the county as a whole. */
  planned: boolean;
}

export interface MapMunicipality {
  id: string;
  name: string;
  lonLat: LonLat;
  /** True when the seat position is approximate (no record of the seat itself). */
  approximate: boolean;
  /** Organisations naming this municipality, under the current filters. */
  organisations: number;
  gapScore: number;
  hotspotLevel: HotspotLevel;
  /** A planned intervention names this municipality. */
  planned: boolean;
  /**
   * The same figures with no filter applied (same picture and weights). Filters only remove
   * organisations, so `organisations` never exceeds `unfiltered.organisations`: the map lays its
   * labels out around a circle of that size and ranks them by these, so a filter change only
   * resizes and recolours the circles (drawn in one frame) and no label jumps while filtering.
   */
  unfiltered: { organisations: number; gapScore: number };
}

export interface MapModel {
  counties: MapCounty[];
  /** Largest county value, so colours stay comparable as filters change. */
  countyMax: number;
  countyMeasureLabel: string;
  municipalities: MapMunicipality[];
  /** Areas to emphasise: the selected area, or every area of the selected organisation. */
  highlighted: MapAreaRef[];
  selected: MapAreaRef | null;
  hovered: MapAreaRef | null;
}

export interface MapView {
  /** [longitude, latitude] */
  center: [number, number];
  zoom: number;
}

export interface MapCallbacks {
  /** A county or municipality was clicked, or empty map (null). */
  onAreaClick: (area: MapAreaRef | null) => void;
  onAreaHover: (area: MapAreaRef | null) => void;
  /** The user moved the map (not called for moves the adapter made itself). */
  onViewChange: (view: MapView) => void;
  /** The map finished drawing for the first time. */
  onReady?: () => void;
}

/** Size of an off-screen map image: CSS pixels, drawn at `pixelRatio` device pixels each. */
export interface MapImageOptions {
  width: number;
  height: number;
  pixelRatio: number;
}

/** The words the map itself shows or says (controls, canvas label), in the interface's language. */
export interface MapWords {
  /** The canvas's accessible name, e.g. "Map of Albania: counties and municipalities". */
  label: string;
  zoomIn: string;
  zoomOut: string;
  toggleAttribution: string;
}

/**
 * What an adapter that shows words of its own offers (the MapLibre one does; fakes need not):
 * mixed in as `Partial<MapRelabel>`, like `MapImageExport`.
 */
export interface MapRelabel {
  /** Relabels the map's controls and canvas (the interface language changed). */
  setWords: (words: MapWords) => void;
}

export interface MapAdapter {
  /** Applies a new model; only what changed is sent to the map. */
  update: (model: MapModel) => void;
  /** Zooms to the whole country. */
  fitCountry: () => void;
  setView: (view: MapView) => void;
  destroy: () => void;
}

/**
 * What an adapter that can draw images offers (the MapLibre one does; fakes need not): like
 * `MunicipalBoundaryDrawing`, mixed in as `Partial<MapImageExport>`.
 */
export interface MapImageExport {
  /**
   * Draws the current model and view off-screen at the given size (the same area of the map,
   * refitted to the new shape) and resolves to a PNG of the map alone.
   */
  exportImage: (options: MapImageOptions) => Promise<Blob>;
}

/** Creates the adapter inside a container element; the React host calls it in an effect. */
export type CreateMapAdapter = (
  container: HTMLElement,
  callbacks: MapCallbacks,
  initialView: MapView | null,
  words?: MapWords,
) => MapAdapter;

export interface MapModelInput {
  gazetteer: Gazetteer;
  municipalityCoverage: ReadonlyMap<string, MunicipalityCoverage>;
  countyCoverage: ReadonlyMap<string, CountyCoverage>;
  measure: CountyMeasure;
  measureLabel: string;
  highlighted: MapAreaRef[];
  selected: MapAreaRef | null;
  hovered: MapAreaRef | null;
  /** Areas with a planned intervention. */
  planned?: readonly MapAreaRef[];
  /**
   * Municipality coverage with no filter applied, for `MapMunicipality.unfiltered`; without it
   * the filtered figures stand in (a model nothing filters).
   */
  unfilteredCoverage?: ReadonlyMap<string, MunicipalityCoverage>;
}

/** Builds the map model from coverage and selection. */
export function buildMapModel(input: MapModelInput): MapModel {
  const { gazetteer, municipalityCoverage, countyCoverage, measure } = input;
  const planned = new Set((input.planned ?? []).map((area) => `${area.level}:${area.id}`));
  const isPlanned = (level: MapAreaRef['level'], id: string) => planned.has(`${level}:${id}`);
  const counties = gazetteer.counties.map((county) => {
    const coverage = countyCoverage.get(county.id);
    const value =
      measure.kind === 'organisations'
        ? (coverage?.implementers ?? 0)
        : (coverage?.byActivityType[measure.activityType] ?? 0);
    return { id: county.id, name: county.name, value, planned: isPlanned('county', county.id) };
  });
  return {
    counties,
    countyMax: Math.max(0, ...counties.map((county) => county.value)),
    countyMeasureLabel: input.measureLabel,
    municipalities: gazetteer.municipalities.map((municipality) => {
      const coverage = municipalityCoverage.get(municipality.id);
      const unfiltered = (input.unfilteredCoverage ?? municipalityCoverage).get(municipality.id);
      return {
        id: municipality.id,
        name: municipality.name,
        lonLat: municipality.seat.lonLat,
        approximate: municipality.seat.approximate,
        organisations: coverage?.counts.local ?? 0,
        gapScore: coverage?.gapScore ?? 0,
        hotspotLevel: coverage?.hotspotLevel ?? 0,
        planned: isPlanned('municipality', municipality.id),
        unfiltered: {
          organisations: unfiltered?.counts.local ?? 0,
          gapScore: unfiltered?.gapScore ?? 0,
        },
      };
    }),
    highlighted: input.highlighted,
    selected: input.selected,
    hovered: input.hovered,
  };
}

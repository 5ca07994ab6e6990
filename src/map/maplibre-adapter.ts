import 'maplibre-gl/dist/maplibre-gl.css';
import {
  AttributionControl,
  Map as MaplibreMap,
  NavigationControl,
  prewarm,
  setWorkerUrl,
  type GeoJSONSource,
  type LngLatBoundsLike,
  type MapGeoJSONFeature,
  type PointLike,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { bbox as boundingBox } from '@turf/turf';
import { counties, countryBbox, countryBounds, neighbours } from './bundled-geography';
import type {
  MapAreaRef,
  MapImageExport,
  MapImageOptions,
  MapModel,
  MapMunicipality,
  MapRelabel,
  MapView,
  MapWords,
} from '../domain/map-model';
import {
  municipalitiesWithBoundary,
  type BoundaryAwareMapAdapter,
  type CreateBoundaryAwareMapAdapter,
  type MunicipalBoundaries,
} from '../domain/municipal-boundaries';
import {
  BLOCKER_IMAGE,
  CIRCLE_LAYERS,
  LAYER,
  liveOutlines,
  MAP_ATTRIBUTION,
  SOURCE,
  stateSources,
  buildMapStyle,
  palettePaint,
  type MapPalette,
} from './map-style';
import {
  areaLabelPoints,
  areaStateChanges,
  frameMask,
  municipalAreaLabelAnchors,
  municipalAreaLabelsToGeoJson,
  municipalAreasToGeoJson,
  municipalitiesToGeoJson,
  neighbourLabelPoints,
  sameMunicipalityLayout,
  valueStateChanges,
} from './to-geojson';

/** Presenter mode (`<html data-present="true">`) draws with its own palette (map-style.ts). */
const pagePalette = (): MapPalette =>
  document.documentElement.dataset.present === 'true' ? 'presenter' : 'standard';

/**
 * The one module that knows MapLibre. It owns the map, its sources and layers; `update` applies
 * only what changed between two models; clicks, hovers and user moves go out through the
 * callbacks; moves the adapter makes itself (fitCountry, setView) are tagged and never reported.
 */

// Vite does not emit MapLibre's worker by itself (and `vite preview` hides that by answering
// the missing file with index.html): point MapLibre at the bundled copy.
setWorkerUrl(workerUrl);
// Keep MapLibre's worker (≈520 KB to boot) across map instances, so a remount (React StrictMode
// in development, or a layout that unmounts the map) does not start it again.
prewarm();

/** Read by the e2e tests (only when the page URL has `e2e=1`): where a place is drawn. */
export interface HartaMapTestHook {
  /** Pixel position of `[longitude, latitude]`, relative to the map canvas's top-left corner. */
  project: (lonLat: readonly [number, number]) => [number, number];
  /**
   * Ids (sorted, each once) of the municipalities the map has drawn in the current view: as
   * areas of the user's boundary file, or as symbols at their seats.
   */
  renderedMunicipalities: (as: 'areas' | 'symbols') => string[];
}

declare global {
  interface Window {
    __hartaMapTestHook?: HartaMapTestHook;
  }
}

/**
 * MapLibre's UI strings for the words the host gives (the canvas label names the country from
 * the data, in the interface language); without words MapLibre's English defaults stay.
 */
function localeOf(words: MapWords): Record<string, string> {
  return {
    'Map.Title': words.label,
    'NavigationControl.ZoomIn': words.zoomIn,
    'NavigationControl.ZoomOut': words.zoomOut,
    'AttributionControl.ToggleAttribution': words.toggleAttribution,
  };
}

/** Sets a control's tooltip and accessible name, as MapLibre does. */
function labelElement(element: Element | null, text: string): void {
  if (!(element instanceof HTMLElement)) return;
  element.title = text;
  element.setAttribute('aria-label', text);
}

/** Marks the camera events of moves the adapter made itself (MapLibre copies it onto them). */
const SELF_MOVE = { hartaSelfMove: true } as const;

/** Pixels around the pointer in which a municipality symbol counts as hit (small dots, fingers). */
const HIT_SLOP = 5;

/**
 * How far the user may pan: Albania and a wide margin. MapLibre zooms in until the view fits
 * inside these bounds, so they must be wider than Albania in the widest container, or the
 * initial fit would crop the country.
 */
const panLimit: [number, number, number, number] = [
  countryBbox[0] - 10,
  countryBbox[1] - 6,
  countryBbox[2] + 10,
  countryBbox[3] + 6,
];
/** The neighbour outlines are clipped to a box; beyond it the map shows a plain frame. */
const frame = frameMask(boundingBox(neighbours) as [number, number, number, number]);
const neighbourLabels = neighbourLabelPoints(neighbours, [
  countryBbox[0] - 1.2,
  countryBbox[1] - 0.6,
  countryBbox[2] + 1.2,
  countryBbox[3] + 0.4,
]);
const countyLabels = areaLabelPoints(counties);

function roundView(center: readonly [number, number], zoom: number): MapView {
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  return { center: [round(center[0], 5), round(center[1], 5)], zoom: round(zoom, 2) };
}

function sameView(a: MapView | null, b: MapView | null): boolean {
  return (
    a !== null &&
    b !== null &&
    a.center[0] === b.center[0] &&
    a.center[1] === b.center[1] &&
    a.zoom === b.zoom
  );
}

/** Writes feature-state for an area on the sources that draw it (`stateSources`). */
function setAreaState(target: MaplibreMap, area: MapAreaRef, state: object): void {
  for (const { source, state: part } of stateSources(area.level, state)) {
    target.setFeatureState({ source, id: area.id }, part);
  }
}

/** Every figure and emphasis of `model` as feature-state, on a map whose sources are filled. */
function setModelState(target: MaplibreMap, previous: MapModel | null, model: MapModel): number {
  const changes = [...valueStateChanges(previous, model), ...areaStateChanges(previous, model)];
  for (const { area, state } of changes) setAreaState(target, area, state);
  return changes.length;
}

/**
 * Switches each conditional outline on or off as a whole (see `CONDITIONAL_OUTLINES`): off
 * while no area of its level has its flags, so the frame skips it. The style starts with every
 * outline on; `drawn` holds what was set since, and is updated. Returns how many changed.
 */
function setOutlines(target: MaplibreMap, model: MapModel, drawn: Map<string, boolean>): number {
  let changed = 0;
  for (const [layer, live] of liveOutlines(model)) {
    if ((drawn.get(layer) ?? true) === live) continue;
    target.setPaintProperty(layer, 'line-layer-opacity', live ? 1 : 0);
    drawn.set(layer, live);
    changed += 1;
  }
  return changed;
}

/**
 * Draws the map now, in the task that changed it, rather than at the next animation frame, and
 * makes the GL implementation start turning that drawing into pixels at once. Without a usable
 * GPU (a VM, an old projector laptop, headless Chromium) Chrome draws WebGL in software
 * (SwiftShader), which rasterises a frame only when its pixels are needed: when the page
 * presents it, after the rest of the page's update, on the critical path (≈ 55 ms for this map
 * on 2 cores). Reading one pixel into a buffer is asynchronous, and makes it start now, beside
 * whatever the page's main thread does next (React, layout). With a GPU it costs nothing.
 */
function drawNow(target: MaplibreMap): void {
  target.redraw();
  const gl = target.getCanvas().getContext('webgl2');
  if (gl === null) return;
  const buffer = gl.createBuffer();
  gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
  gl.bufferData(gl.PIXEL_PACK_BUFFER, 4, gl.STREAM_READ);
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, 0);
  gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
  gl.deleteBuffer(buffer);
  gl.flush();
}

function isTestPage(): boolean {
  return new URLSearchParams(window.location.search).get('e2e') === '1';
}

export const createMaplibreAdapter: CreateBoundaryAwareMapAdapter = (
  container,
  callbacks,
  initialView,
  words,
) => {
  const padding = () =>
    Math.round(
      Math.max(12, Math.min(40, Math.min(container.clientWidth, container.clientHeight) * 0.05)),
    );

  // With `harta:map-idle` below, splits navigation → idle into "app and map code loaded" and
  // "map drawing".
  performance.mark('harta:map-create');
  let palette = pagePalette();
  const map = new MaplibreMap({
    container,
    style: buildMapStyle(
      {
        neighbours,
        neighbourLabels,
        frame,
        counties,
        countyLabels,
      },
      palette,
    ),
    ...(initialView
      ? { center: initialView.center, zoom: initialView.zoom }
      : { bounds: countryBounds, fitBoundsOptions: { padding: padding() } }),
    maxBounds: [
      [panLimit[0], panLimit[1]],
      [panLimit[2], panLimit[3]],
    ],
    minZoom: 5,
    maxZoom: 12,
    renderWorldCopies: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    attributionControl: false,
    maplibreLogo: false,
    // No label fade-in: the first idle (and a projected screen) comes ≈300 ms sooner.
    fadeDuration: 0,
    ...(words ? { locale: localeOf(words) } : {}),
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(
    // Names of sources and a licence: never translated.
    new AttributionControl({
      compact: false,
      customAttribution: `<span translate="no">${MAP_ATTRIBUTION}</span>`,
    }),
    'bottom-right',
  );

  let styleLoaded = false;
  let applied: MapModel | null = null;
  /** The conditional outlines switched on (true) or off since the style loaded. */
  const outlines = new Map<string, boolean>();
  /** The municipalities as last written to the sources: their layout and the circles' order. */
  let laidOut: readonly MapMunicipality[] | null = null;
  let wanted: MapModel | null = null;
  let ready = false;
  let destroyed = false;
  /** The view last reported or set, so a move back to it (or a resize) is not reported. */
  let lastView: MapView | null = initialView
    ? roundView(initialView.center, initialView.zoom)
    : null;
  let hoveredKey: string | null = null;
  /** The user's boundaries wanted and drawn; null draws a symbol per municipality. */
  let boundaries: MunicipalBoundaries | null = null;
  let appliedBoundaries: MunicipalBoundaries | null = null;
  let drawnAsAreas: ReadonlySet<string> = new Set();
  let labelAnchors = municipalAreaLabelAnchors(null);
  /**
   * Whether the view is one the user chose (or the app asked for). Until then the map shows the
   * whole country, and keeps doing so when its container is resized while the page lays out.
   */
  let viewChosen = initialView !== null;

  const currentView = (): MapView => {
    const center = map.getCenter();
    return roundView([center.lng, center.lat], map.getZoom());
  };

  /** Writes the municipality sources: places, and the labels' room and rank. */
  const writeMunicipalities = (municipalities: readonly MapMunicipality[]) => {
    // setData resolves once the worker has the data; nothing waits for it: `idle` covers it.
    const setData = (source: string, data: Parameters<GeoJSONSource['setData']>[0]) =>
      void map.getSource<GeoJSONSource>(source)?.setData(data);
    setData(SOURCE.municipalities, municipalitiesToGeoJson(municipalities, drawnAsAreas));
    // Without boundaries the area sources stay empty and are never touched.
    if (boundaries !== null || appliedBoundaries !== null) {
      setData(SOURCE.municipalAreas, municipalAreasToGeoJson(boundaries, municipalities));
      setData(
        SOURCE.municipalAreaLabels,
        municipalAreaLabelsToGeoJson(labelAnchors, municipalities),
      );
    }
    laidOut = municipalities;
  };

  /**
   * Sends the difference between the applied model and the wanted one to the map. A filter
   * change is feature-state only (figures, size layers and emphasis), drawn in the next frame;
   * new data goes to MapLibre's worker only when places or labels change.
   */
  const apply = () => {
    if (!styleLoaded || wanted === null) return;
    if (wanted === applied && boundaries === appliedBoundaries) return;
    const next = wanted;
    const newData =
      laidOut === null ||
      boundaries !== appliedBoundaries ||
      !sameMunicipalityLayout(laidOut, next.municipalities);
    if (newData) writeMunicipalities(next.municipalities);
    const newState = setModelState(map, applied, next) + setOutlines(map, next, outlines) > 0;
    applied = next;
    appliedBoundaries = boundaries;
    // Until the next `idle`, the map is still drawing this update (the bench times filter
    // changes to that point). New data and feature states each schedule a frame, so an `idle`
    // follows; a model that changed nothing the map draws leaves the map as it was.
    if (newData || newState) container.dataset.mapPending = 'true';
    // Feature-state alone can be drawn at once; new data waits for MapLibre's worker anyway.
    if (newState && !newData) drawNow(map);
  };

  map.setMissingStyleImageResolver((id) => {
    if (id === BLOCKER_IMAGE.id && !map.hasImage(id)) map.addImage(id, BLOCKER_IMAGE.image);
  });

  map.once('style.load', () => {
    styleLoaded = true;
    apply();
    applyPalette();
  });

  /** Follows the page in and out of presenter mode. */
  const applyPalette = () => {
    const next = pagePalette();
    if (destroyed || !styleLoaded || next === palette) return;
    palette = next;
    for (const { layer, property, value } of palettePaint(next)) {
      map.setPaintProperty(layer, property, value);
    }
  };
  const paletteObserver = new MutationObserver(applyPalette);
  paletteObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-present'],
  });

  map.on('idle', () => {
    container.dataset.mapPending = 'false';
  });

  map.once('idle', () => {
    if (destroyed) return;
    ready = true;
    lastView ??= currentView();
    container.dataset.mapIdle = 'true';
    performance.mark('harta:map-idle');
    callbacks.onReady?.();
  });

  /**
   * The area under a pixel: a municipality symbol wins over the municipal area or county it
   * sits in, and a municipal area from the user's file over the county.
   */
  const areaAt = (x: number, y: number): MapAreaRef | null => {
    const box: [PointLike, PointLike] = [
      [x - HIT_SLOP, y - HIT_SLOP],
      [x + HIT_SLOP, y + HIT_SLOP],
    ];
    const symbols = map.queryRenderedFeatures(box, {
      layers: [...CIRCLE_LAYERS, LAYER.municipalityHotspot],
    });
    const nearest = nearestPoint(symbols, (lonLat) => {
      const point = map.project(lonLat);
      return (point.x - x) ** 2 + (point.y - y) ** 2;
    });
    if (nearest !== null) return { level: 'municipality', id: nearest };
    if (appliedBoundaries !== null) {
      const [area] = map.queryRenderedFeatures([x, y], { layers: [LAYER.municipalAreaFill] });
      const id: unknown = area?.properties.id;
      if (typeof id === 'string') return { level: 'municipality', id };
    }
    const [county] = map.queryRenderedFeatures([x, y], { layers: [LAYER.countyFill] });
    const id: unknown = county?.properties.id;
    return typeof id === 'string' ? { level: 'county', id } : null;
  };

  map.on('resize', () => {
    if (!viewChosen)
      map.fitBounds(countryBounds, { padding: padding(), animate: false }, SELF_MOVE);
  });

  map.on('click', (event) => {
    callbacks.onAreaClick(areaAt(event.point.x, event.point.y));
  });

  map.on('mousemove', (event) => {
    const area = areaAt(event.point.x, event.point.y);
    const key = area ? `${area.level}:${area.id}` : null;
    if (key === hoveredKey) return;
    hoveredKey = key;
    map.getCanvas().style.cursor = area ? 'pointer' : '';
    callbacks.onAreaHover(area);
  });

  map.on('mouseout', () => {
    if (hoveredKey === null) return;
    hoveredKey = null;
    map.getCanvas().style.cursor = '';
    callbacks.onAreaHover(null);
  });

  map.on('moveend', (event) => {
    if (!ready) return;
    const view = currentView();
    const self = (event as unknown as Partial<typeof SELF_MOVE>).hartaSelfMove === true;
    if (self || sameView(view, lastView)) {
      lastView = view;
      return;
    }
    lastView = view;
    viewChosen = true;
    callbacks.onViewChange(view);
  });

  const testHook: HartaMapTestHook | null = isTestPage()
    ? {
        project: (lonLat) => {
          const point = map.project([lonLat[0], lonLat[1]]);
          return [point.x, point.y];
        },
        renderedMunicipalities: (as) => {
          const layers =
            as === 'areas'
              ? [LAYER.municipalAreaFill]
              : [...CIRCLE_LAYERS, LAYER.municipalityHotspot];
          const ids = map
            .queryRenderedFeatures({ layers })
            .map((feature): unknown => feature.properties.id)
            .filter((id): id is string => typeof id === 'string');
          return [...new Set(ids)].sort();
        },
      }
    : null;
  if (testHook) window.__hartaMapTestHook = testHook;

  const adapter: BoundaryAwareMapAdapter & MapImageExport & MapRelabel = {
    update: (model) => {
      wanted = model;
      apply();
    },
    setWords: (next) => {
      if (destroyed) return;
      Object.assign(map._locale, localeOf(next));
      map.getCanvas().setAttribute('aria-label', next.label);
      labelElement(container.querySelector('.maplibregl-ctrl-zoom-in'), next.zoomIn);
      labelElement(container.querySelector('.maplibregl-ctrl-zoom-out'), next.zoomOut);
      labelElement(
        container.querySelector('.maplibregl-ctrl-attrib-button'),
        next.toggleAttribution,
      );
    },
    setMunicipalBoundaries: (next) => {
      if (next === boundaries) return;
      boundaries = next;
      drawnAsAreas = municipalitiesWithBoundary(next);
      labelAnchors = municipalAreaLabelAnchors(next);
      apply();
    },
    fitCountry: () => {
      viewChosen = false;
      map.fitBounds(countryBounds, { padding: padding(), duration: 600 }, SELF_MOVE);
    },
    setView: (view) => {
      const target = roundView(view.center, view.zoom);
      if (sameView(target, currentView())) return;
      lastView = target;
      viewChosen = true;
      map.jumpTo({ center: target.center, zoom: target.zoom }, SELF_MOVE);
    },
    exportImage: (options) => {
      const model = wanted ?? applied;
      // The same area as on screen; before the user chose a view, the whole country.
      const bounds: LngLatBoundsLike = viewChosen ? map.getBounds() : countryBounds;
      return renderMapImage(options, bounds, model, boundaries, drawnAsAreas, labelAnchors);
    },
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      paletteObserver.disconnect();
      if (testHook && window.__hartaMapTestHook === testHook) delete window.__hartaMapTestHook;
      delete container.dataset.mapIdle;
      map.remove();
    },
  };
  return adapter;
};

/**
 * Draws the map once more in a hidden container of the requested CSS size and pixel ratio, with
 * the same style and data (hover left out), waits until it is idle and reads its canvas. The
 * drawing buffer is kept (`preserveDrawingBuffer`) only on this throwaway map, so the screen's
 * map pays nothing for exports.
 */
async function renderMapImage(
  options: MapImageOptions,
  bounds: LngLatBoundsLike,
  model: MapModel | null,
  boundaries: MunicipalBoundaries | null,
  drawnAsAreas: ReadonlySet<string>,
  labelAnchors: ReturnType<typeof municipalAreaLabelAnchors>,
): Promise<Blob> {
  const width = Math.round(options.width);
  const height = Math.round(options.height);
  if (!(width > 0 && height > 0 && options.pixelRatio > 0)) {
    throw new Error(`Cannot draw a map image of ${width}×${height} at ${options.pixelRatio}×.`);
  }
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.dataset.mapExport = 'true';
  Object.assign(host.style, {
    position: 'fixed',
    left: `${-width - 100}px`,
    top: '0',
    width: `${width}px`,
    height: `${height}px`,
    pointerEvents: 'none',
  });
  document.body.append(host);
  const shown = model === null ? null : { ...model, hovered: null };
  const offscreen = new MaplibreMap({
    container: host,
    style: buildMapStyle({
      neighbours,
      neighbourLabels,
      frame,
      counties,
      countyLabels,
      ...(shown === null
        ? {}
        : {
            municipalities: municipalitiesToGeoJson(shown.municipalities, drawnAsAreas),
            ...(boundaries === null
              ? {}
              : {
                  municipalAreas: municipalAreasToGeoJson(boundaries, shown.municipalities),
                  municipalAreaLabels: municipalAreaLabelsToGeoJson(
                    labelAnchors,
                    shown.municipalities,
                  ),
                }),
          }),
    }),
    bounds,
    fitBoundsOptions: { padding: Math.round(Math.min(width, height) * 0.03) },
    pixelRatio: options.pixelRatio,
    interactive: false,
    renderWorldCopies: false,
    attributionControl: false,
    maplibreLogo: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
  });
  try {
    offscreen.setMissingStyleImageResolver((id) => {
      if (id === BLOCKER_IMAGE.id && !offscreen.hasImage(id)) {
        offscreen.addImage(id, BLOCKER_IMAGE.image);
      }
    });
    await new Promise<void>((resolve, reject) => {
      offscreen.once('error', (event) => reject(new Error(event.error.message)));
      offscreen.once('load', () => {
        if (shown !== null) setModelState(offscreen, null, shown);
        offscreen.once('idle', () => resolve());
        offscreen.triggerRepaint();
      });
    });
    return await new Promise<Blob>((resolve, reject) => {
      offscreen.getCanvas().toBlob((blob) => {
        if (blob) resolve(blob);
        else reject(new Error('The map image could not be encoded as PNG.'));
      }, 'image/png');
    });
  } finally {
    offscreen.remove();
    host.remove();
  }
}

/** The id of the point feature drawn closest to the pointer, by `distance` from its position. */
function nearestPoint(
  features: readonly MapGeoJSONFeature[],
  distance: (lonLat: [number, number]) => number,
): string | null {
  let best: { id: string; distance: number } | null = null;
  for (const feature of features) {
    const id: unknown = feature.properties.id;
    if (typeof id !== 'string' || feature.geometry.type !== 'Point') continue;
    const [lon, lat] = feature.geometry.coordinates;
    if (lon === undefined || lat === undefined) continue;
    const d = distance([lon, lat]);
    if (best === null || d < best.distance) best = { id, distance: d };
  }
  return best?.id ?? null;
}

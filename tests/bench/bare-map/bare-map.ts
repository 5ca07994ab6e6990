// The baseline for `loadToIdleRatioVsBareMap`: the least a page can do to draw Harta's map. It
// builds the same style from the same bundled boundaries and the same model data (the app's
// map model for the published dataset, computed in node by browser-bench.ts and inlined at
// build time), with the data already in the style, and marks `harta:map-idle` on the first
// `idle`, as the app does. The bench opens it at the size of the app's map canvas.
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { bbox as boundingBox } from '@turf/turf';
import {
  counties,
  countryBbox,
  countryBounds,
  neighbours,
} from '../../../src/map/bundled-geography';
import type { MapModel } from '../../../src/domain/map-model';
import {
  BLOCKER_IMAGE,
  buildMapStyle,
  liveOutlines,
  stateSources,
} from '../../../src/map/map-style';
import {
  areaLabelPoints,
  frameMask,
  municipalitiesToGeoJson,
  neighbourLabelPoints,
  valueStateChanges,
} from '../../../src/map/to-geojson';

/** Inlined by browser-bench.ts (vite `define`). */
declare const BARE_MAP_MODEL: MapModel;

setWorkerUrl(workerUrl);

const search = new URLSearchParams(window.location.search);
const container = document.getElementById('map');
if (container) {
  container.style.width = `${Number(search.get('w') ?? 800)}px`;
  container.style.height = `${Number(search.get('h') ?? 600)}px`;
  const map = new MaplibreMap({
    container,
    style: buildMapStyle({
      neighbours,
      neighbourLabels: neighbourLabelPoints(neighbours, [
        countryBbox[0] - 1.2,
        countryBbox[1] - 0.6,
        countryBbox[2] + 1.2,
        countryBbox[3] + 0.4,
      ]),
      frame: frameMask(boundingBox(neighbours) as [number, number, number, number]),
      counties,
      countyLabels: areaLabelPoints(counties),
      municipalities: municipalitiesToGeoJson(BARE_MAP_MODEL.municipalities),
    }),
    bounds: countryBounds,
    fitBoundsOptions: { padding: 20 },
    renderWorldCopies: false,
    attributionControl: false,
    maplibreLogo: false,
    fadeDuration: 0,
  });
  map.setMissingStyleImageResolver((id) => {
    if (id === BLOCKER_IMAGE.id && !map.hasImage(id)) map.addImage(id, BLOCKER_IMAGE.image);
  });
  // The figures as feature-state, and the outlines with nothing to draw switched off, as the
  // adapter does once the style is in.
  map.once('style.load', () => {
    for (const { area, state } of valueStateChanges(null, BARE_MAP_MODEL)) {
      for (const { source, state: part } of stateSources(area.level, state)) {
        map.setFeatureState({ source, id: area.id }, part);
      }
    }
    for (const [layer, live] of liveOutlines(BARE_MAP_MODEL)) {
      if (!live) map.setPaintProperty(layer, 'line-layer-opacity', 0);
    }
  });
  map.once('idle', () => {
    performance.mark('harta:map-idle');
    container.dataset.mapIdle = 'true';
  });
  // The floor under any filter change: one feature-state change (a county's shading), from the
  // call to the frame that shows it painted (a task after the next animation frame once the
  // map is idle). Read by browser-bench.ts as `bareMapRepaintMs`.
  let shade = 0;
  (window as unknown as { __bareRepaint: () => Promise<number> }).__bareRepaint = () =>
    new Promise((resolve) => {
      const start = performance.now();
      shade = shade === 0 ? 1 : 0;
      map.once('idle', () =>
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0)),
      );
      const county = counties.features[0]?.properties.id;
      if (county !== undefined)
        map.setFeatureState({ source: 'counties', id: county }, { share: shade });
    });
}

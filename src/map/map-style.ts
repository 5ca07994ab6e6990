import type {
  ExpressionSpecification,
  FontFacesSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import notoSansRegularUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import notoSansSemiBoldUrl from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import type { FeatureCollection } from 'geojson';
import type { MapModel } from '../domain/map-model';
import {
  CIRCLE_OUTLINE,
  CIRCLE_RADIUS_STOPS,
  CIRCLE_SIZE_BUCKETS,
  COUNTY_BORDER,
  COUNTY_RAMP,
  EMPHASIS,
  FRAME_FILL,
  FRAME_LINE,
  EMPHASIS_CASING,
  EMPHASIS_WIDTH,
  GAP_RAMP,
  HOTSPOT_RING,
  HOTSPOT_RING_GAP,
  HOTSPOT_RING_WIDTH,
  LABEL_HALO,
  LABEL_TEXT,
  PLANNED,
  PLANNED_WIDTH,
  NEIGHBOUR_FILL,
  NEIGHBOUR_LABEL,
  NEIGHBOUR_LINE,
  SEA_COLOUR,
  type ColourStop,
} from '../domain/map-palette';
import {
  PRESENTER_COUNTY_RAMP,
  PRESENTER_GAP_RAMP,
  PRESENTER_WIDTHS,
} from '../domain/presenter-palette';

/**
 * The map's style as typed constants: every source is GeoJSON handed over by the adapter and
 * every font file is bundled with the app, so drawing the map makes no request outside the
 * app's origin (no `glyphs`, `sprite` or tile URLs). Colours come from src/domain/map-palette.ts,
 * which the legend reads too.
 */

/** Source ids. Counties and municipalities use their `id` property as feature id (feature-state). */
export const SOURCE = {
  neighbours: 'neighbours',
  neighbourLabels: 'neighbour-labels',
  frame: 'frame',
  counties: 'counties',
  /**
   * The same counties again, for their outlines only. MapLibre rewrites a feature's data-driven
   * paint in every layer of its source when any of its feature-state changes: with one source,
   * each filter change (a new `share`) rewrote six outline layers' vertices along every county
   * border too (≈ 4 ms of a filter change's main-thread time on 2 cores), for nothing. Figures
   * go to `counties` (the shading), emphasis and planned outlines to `county-outlines`
   * (`stateSources`).
   */
  countyOutlines: 'county-outlines',
  countyLabels: 'county-labels',
  municipalities: 'municipalities',
  /** Municipal boundaries from the user's file (empty unless one is loaded). */
  municipalAreas: 'municipal-areas',
  municipalAreaLabels: 'municipal-area-labels',
} as const;

/** Layer ids the adapter queries for clicks and hovers. */
export const LAYER = {
  countyFill: 'county-fill',
  municipalityHotspot: 'municipality-hotspot',
  municipalAreaFill: 'municipal-area-fill',
} as const;

/**
 * Font names used by `text-font`, each drawn from a bundled Noto Sans file (the latin subset
 * covers ë, ç, Ë and Ç) through MapLibre's `font-faces`; no glyph server is involved.
 */
export const FONT = { regular: 'Noto Sans Regular', semiBold: 'Noto Sans SemiBold' } as const;

export const FONT_FACES: FontFacesSpecification = {
  [FONT.regular]: notoSansRegularUrl,
  [FONT.semiBold]: notoSansSemiBoldUrl,
};

/** Attribution shown in the map's own control (the credits in full are in the page footer). */
export const MAP_ATTRIBUTION = 'GeoNames (CC BY 4.0) · Natural Earth';

function ramp(
  input: ExpressionSpecification,
  stops: readonly ColourStop[],
): ExpressionSpecification {
  return ['interpolate', ['linear'], input, ...stops.flatMap((stop) => [stop.at, stop.colour])];
}

/** A boolean feature-state flag, false when unset. */
function state(flag: 'hovered' | 'selected' | 'highlighted' | 'planned'): ExpressionSpecification {
  return ['boolean', ['feature-state', flag], false];
}

/**
 * A figure the adapter keeps in feature-state (to-geojson.ts, `valueStateChanges`), 0 when
 * unset: what a filter changes is drawn from feature-state, in paint properties only, so MapLibre
 * redraws it in the next frame without new data to tile.
 */
function figure(name: 'share' | 'gapScore'): ExpressionSpecification {
  return ['number', ['feature-state', name], 0];
}

/** A layout property of a municipality feature (to-geojson.ts, MunicipalityFeatureProperties). */
function layoutNumber(name: 'roomOrganisations' | 'rankGapScore'): ExpressionSpecification {
  return ['to-number', ['get', name], 0];
}

/**
 * Planned outlines and rings: drawn for every area, seen where feature-state says planned (a
 * filter cannot read feature-state). The outlines are switched off as a whole while no area is
 * planned: see `CONDITIONAL_OUTLINES`.
 */
const plannedOpacity: ExpressionSpecification = ['case', state('planned'), 1, 0];

const anyEmphasis: ExpressionSpecification = [
  'any',
  state('selected'),
  state('highlighted'),
  state('hovered'),
];

/** Circle radius for a number of organisations, the same curve as `circleRadius` in map-palette. */
function radiusFor(organisations: ExpressionSpecification): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['sqrt', ['max', 0, organisations]],
    ...CIRCLE_RADIUS_STOPS.flat(),
  ];
}

/**
 * The circle as drawn: its radius for the filtered organisations, worked out by the adapter
 * (`radius` in feature-state, to-geojson.ts) with the same curve, so a filter change that leaves
 * a circle's size alone changes nothing here; the smallest circle until it is set.
 */
export const circleRadiusExpression: ExpressionSpecification = [
  'number',
  ['feature-state', 'radius'],
  CIRCLE_RADIUS_STOPS[0]?.[1] ?? 0,
];

const hotspotLevel: ExpressionSpecification = ['to-number', ['get', 'hotspotLevel'], 0];

const hotspotRingWidth: ExpressionSpecification = [
  'match',
  hotspotLevel,
  1,
  HOTSPOT_RING_WIDTH[1],
  2,
  HOTSPOT_RING_WIDTH[2],
  3,
  HOTSPOT_RING_WIDTH[3],
  HOTSPOT_RING_WIDTH[0],
];

/** White gap between a circle and its hotspot ring, in pixels. */
const RING_GAP = 2;

/**
 * The thin line between two municipalities of the user's file: the symbols' outline colour,
 * faded, so the white county borders over it still read as the stronger division.
 */
export const MUNICIPAL_BORDER = { colour: CIRCLE_OUTLINE, opacity: 0.55, width: 0.7 } as const;

/** Radius of everything drawn for a municipality: the circle, and a hotspot's gap and ring. */
function markRadiusFor(circle: ExpressionSpecification): ExpressionSpecification {
  return ['+', circle, ['case', ['>=', hotspotLevel, 1], ['+', RING_GAP, hotspotRingWidth], 0]];
}

/** The mark as drawn (paint properties). */
const markRadius = markRadiusFor(circleRadiusExpression);

/**
 * The room a mark may take: its size with no filter applied, the largest it gets. Labels keep
 * clear of it (layout properties cannot read feature-state), so they stay put while filtering.
 */
const markRoom = markRadiusFor(radiusFor(layoutNumber('roomOrganisations')));

/** Municipality label size in pixels (fixed, so its offset from the circle is exact). */
const MUNICIPALITY_LABEL_SIZE = 13;

/**
 * An invisible 1×1 image. Scaled to each municipality's mark, it makes the circles take part in
 * label collision, so no county or municipality name is printed over a circle. The adapter adds
 * it to the map (there is no sprite sheet).
 */
export const BLOCKER_IMAGE = {
  id: 'harta-blocker',
  image: { width: 1, height: 1, data: new Uint8Array(4) },
} as const;

/**
 * Draw order inside one size layer (CIRCLE_LAYERS): hotspots over the rest, then the smaller
 * circle with no filter over the larger. Layout, so from the unfiltered figures; across sizes
 * the layers themselves keep smaller circles on top as filters change.
 */
const circleSortKey: ExpressionSpecification = [
  '-',
  ['*', 10, hotspotLevel],
  layoutNumber('roomOrganisations'),
];

/**
 * The circle layers, one per size (`circleSizeBucket`), the largest at the bottom, so a smaller
 * circle lies over a larger one whatever a filter does; each circle shows in the layer its
 * feature-state `sizeBucket` names and is transparent in the others.
 */
export const CIRCLE_LAYERS: readonly string[] = Array.from(
  { length: CIRCLE_SIZE_BUCKETS },
  (_, index) => `municipality-circle-${CIRCLE_SIZE_BUCKETS - 1 - index}`,
);

function circleLayer(id: string, bucket: number): LayerSpecification {
  const shown: ExpressionSpecification = [
    'case',
    ['==', ['number', ['feature-state', 'sizeBucket'], -1], bucket],
    1,
    0,
  ];
  return {
    id,
    type: 'circle',
    source: SOURCE.municipalities,
    layout: { 'circle-sort-key': circleSortKey },
    paint: {
      'circle-radius': circleRadiusExpression,
      'circle-color': ramp(figure('gapScore'), GAP_RAMP),
      'circle-opacity': shown,
      'circle-stroke-color': CIRCLE_OUTLINE,
      'circle-stroke-width': 1.25,
      'circle-stroke-opacity': shown,
    },
  };
}

/** Label priority (lower is placed first): hotspots, then the largest gaps, then busy places. */
const municipalityLabelSortKey: ExpressionSpecification = [
  '-',
  0,
  [
    '+',
    ['*', 10, hotspotLevel],
    ['*', 5, layoutNumber('rankGapScore')],
    ['min', 3, layoutNumber('roomOrganisations')],
  ],
];

/** Dark text on a light halo: municipality names, beside a circle or inside an area. */
const MUNICIPALITY_LABEL_PAINT = {
  'text-color': LABEL_TEXT,
  'text-halo-color': LABEL_HALO,
  'text-halo-width': 1.6,
} as const;

/**
 * Municipality names beside their circles, trying four sides; `municipalityLabelSortKey` decides
 * who wins when they compete for space.
 */
function municipalityLabelLayer(
  id: string,
  filter: ExpressionSpecification,
  font: string,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: SOURCE.municipalities,
    filter,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [font],
      'text-size': MUNICIPALITY_LABEL_SIZE,
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      // In ems: clear the circle and its hotspot ring (and the blocker drawn over them).
      'text-radial-offset': ['/', ['+', markRoom, 3], MUNICIPALITY_LABEL_SIZE],
      'text-justify': 'auto',
      'symbol-sort-key': municipalityLabelSortKey,
      'text-padding': 2,
    },
    paint: MUNICIPALITY_LABEL_PAINT,
  };
}

/** A municipality's name inside its boundary, at the label point the adapter computed. */
function municipalAreaLabelLayer(
  id: string,
  filter: ExpressionSpecification,
  font: string,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: SOURCE.municipalAreaLabels,
    filter,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [font],
      'text-size': MUNICIPALITY_LABEL_SIZE,
      'text-variable-anchor': ['center', 'top', 'bottom'],
      'text-radial-offset': 0.6,
      'text-max-width': 7,
      'symbol-sort-key': municipalityLabelSortKey,
      'text-padding': 2,
    },
    paint: MUNICIPALITY_LABEL_PAINT,
  };
}

/** The feature-state flags an outline is drawn for. */
export type OutlineFlag = 'hovered' | 'selected' | 'highlighted' | 'planned';

/** The layer-id prefix of each level's outlines (county outlines, municipal areas). */
const OUTLINE_PREFIX = { county: 'county', municipality: 'municipal-area' } as const;

/**
 * The outline layers that draw nothing unless some area of their level has one of their
 * feature-state flags: emphasis (a white casing, then hovered, highlighted and selected) and
 * planned. Left on, each is drawn for every area, at opacity 0 where its flags are unset, and
 * that is not free: without a GPU the five county outlines were 14% of a frame (the bare map
 * page's software raster, means of eight interleaved pairs: 70.5 → 60.6 ms; README, "Speed and
 * scale"). So the adapter turns each off as a whole (`line-layer-opacity`, a constant, which
 * MapLibre skips without re-tiling anything) while `liveOutlines` says it has nothing to draw.
 * tests/unit/map-style-outlines.test.ts checks that every layer here is invisible for an area
 * without its flags, so switching it off changes no pixel.
 */
export const CONDITIONAL_OUTLINES: readonly {
  layer: string;
  level: keyof typeof OUTLINE_PREFIX;
  flags: readonly OutlineFlag[];
}[] = (['county', 'municipality'] as const).flatMap((level) => {
  const prefix = OUTLINE_PREFIX[level];
  return [
    { layer: `${prefix}-planned`, level, flags: ['planned'] },
    { layer: `${prefix}-emphasis-casing`, level, flags: ['hovered', 'selected', 'highlighted'] },
    { layer: `${prefix}-highlighted`, level, flags: ['highlighted'] },
    { layer: `${prefix}-hovered`, level, flags: ['hovered'] },
    { layer: `${prefix}-selected`, level, flags: ['selected'] },
  ] as const;
});

/**
 * Which of `CONDITIONAL_OUTLINES` have anything to draw for a model: an outline is live when
 * some area of its level has one of its flags (a county or municipality planned; the hovered,
 * selected or a highlighted area).
 *
 * @example liveOutlines({ ...model, hovered: { level: 'county', id: 'AL011' } }).get('county-hovered')
 *   // true
 */
export function liveOutlines(
  model: Pick<MapModel, 'counties' | 'municipalities' | 'hovered' | 'selected' | 'highlighted'>,
): Map<string, boolean> {
  const present = { county: new Set<OutlineFlag>(), municipality: new Set<OutlineFlag>() };
  if (model.counties.some((county) => county.planned)) present.county.add('planned');
  if (model.municipalities.some((municipality) => municipality.planned))
    present.municipality.add('planned');
  for (const area of model.highlighted) present[area.level].add('highlighted');
  if (model.selected) present[model.selected.level].add('selected');
  if (model.hovered) present[model.hovered.level].add('hovered');
  return new Map(
    CONDITIONAL_OUTLINES.map(({ layer, level, flags }) => [
      layer,
      flags.some((flag) => present[level].has(flag)),
    ]),
  );
}

/**
 * Selected, highlighted and hovered outlines of an area source, as the counties draw them:
 * black on a white casing, dashed for "the selected organisation's areas".
 */
function areaEmphasisLayers(
  prefix: (typeof OUTLINE_PREFIX)[keyof typeof OUTLINE_PREFIX],
  source: string,
): LayerSpecification[] {
  return [
    {
      id: `${prefix}-emphasis-casing`,
      type: 'line',
      source,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': EMPHASIS_CASING,
        'line-width': [
          'case',
          state('selected'),
          EMPHASIS_WIDTH.selected + 3,
          state('highlighted'),
          EMPHASIS_WIDTH.highlighted + 3,
          state('hovered'),
          EMPHASIS_WIDTH.hovered + 2,
          0,
        ],
        'line-opacity': ['case', anyEmphasis, 0.9, 0],
      },
    },
    {
      id: `${prefix}-highlighted`,
      type: 'line',
      source,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': EMPHASIS,
        'line-width': EMPHASIS_WIDTH.highlighted,
        'line-dasharray': [2, 1],
        'line-opacity': ['case', ['all', state('highlighted'), ['!', state('selected')]], 1, 0],
      },
    },
    {
      id: `${prefix}-hovered`,
      type: 'line',
      source,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': EMPHASIS,
        'line-width': EMPHASIS_WIDTH.hovered,
        'line-opacity': [
          'case',
          ['all', state('hovered'), ['!', state('selected')], ['!', state('highlighted')]],
          1,
          0,
        ],
      },
    },
    {
      id: `${prefix}-selected`,
      type: 'line',
      source,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': EMPHASIS,
        'line-width': EMPHASIS_WIDTH.selected,
        'line-opacity': ['case', state('selected'), 1, 0],
      },
    },
  ];
}

/*
 * `fill-antialias: false` on a fill whose outline a line layer of the same source draws above it
 * (neighbours, frame, counties): MapLibre's antialiasing draws every polygon's outline a second
 * time, under a line that hides it anyway. Without a GPU that pass is 5–7% of the frame: the
 * bare map page's software raster took 59.6 instead of 64.4 ms, and 50.0 instead of 52.4 ms, in
 * two interleaved runs (medians). On screen, 190 of 52 000 pixels of a crop differ, at most by
 * 24 of 255, along the county borders.
 */
export const LAYERS: LayerSpecification[] = [
  { id: 'background', type: 'background', paint: { 'background-color': SEA_COLOUR } },
  {
    id: 'neighbour-fill',
    type: 'fill',
    source: SOURCE.neighbours,
    paint: { 'fill-color': NEIGHBOUR_FILL, 'fill-antialias': false },
  },
  {
    id: 'neighbour-line',
    type: 'line',
    source: SOURCE.neighbours,
    paint: { 'line-color': NEIGHBOUR_LINE, 'line-width': 0.8 },
  },
  {
    id: 'frame-fill',
    type: 'fill',
    source: SOURCE.frame,
    paint: { 'fill-color': FRAME_FILL, 'fill-antialias': false },
  },
  {
    id: 'frame-line',
    type: 'line',
    source: SOURCE.frame,
    paint: { 'line-color': FRAME_LINE, 'line-width': 1 },
  },
  {
    id: LAYER.countyFill,
    type: 'fill',
    source: SOURCE.counties,
    paint: {
      // Opaque, so the colours on screen are exactly the legend's.
      'fill-color': ramp(figure('share'), COUNTY_RAMP),
      'fill-antialias': false,
    },
  },
  // Municipal boundaries from the user's file, over the county shading and under the county
  // borders, so the counties still frame them. Their sources are empty until a file is loaded.
  {
    id: LAYER.municipalAreaFill,
    type: 'fill',
    source: SOURCE.municipalAreas,
    paint: {
      // Opaque, and the symbols' palette, so the legend's gap ramp reads the same on either.
      'fill-color': ramp(figure('gapScore'), GAP_RAMP),
    },
  },
  {
    id: 'municipal-area-border',
    type: 'line',
    source: SOURCE.municipalAreas,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': MUNICIPAL_BORDER.colour,
      'line-opacity': MUNICIPAL_BORDER.opacity,
      'line-width': MUNICIPAL_BORDER.width,
    },
  },
  {
    // A hotspot's ring, moved inside its outline: a white gap, then a dark band whose
    // thickness follows the evidence level. Rings are wound per RFC 7946 on import, so a
    // positive offset is always towards the inside.
    id: 'municipal-area-hotspot-gap',
    type: 'line',
    source: SOURCE.municipalAreas,
    filter: ['>=', hotspotLevel, 1],
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': HOTSPOT_RING_GAP,
      'line-width': RING_GAP,
      'line-offset': RING_GAP / 2,
    },
  },
  {
    id: 'municipal-area-hotspot',
    type: 'line',
    source: SOURCE.municipalAreas,
    filter: ['>=', hotspotLevel, 1],
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': HOTSPOT_RING,
      'line-width': hotspotRingWidth,
      'line-offset': ['+', RING_GAP, ['/', hotspotRingWidth, 2]],
    },
  },
  {
    // A planned intervention: the county's dashed violet outline, inside any hotspot band.
    id: 'municipal-area-planned',
    type: 'line',
    source: SOURCE.municipalAreas,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': PLANNED,
      'line-opacity': plannedOpacity,
      'line-width': PLANNED_WIDTH,
      'line-dasharray': [2, 1.5],
      'line-offset': [
        '+',
        PLANNED_WIDTH,
        ['case', ['>=', hotspotLevel, 1], ['+', RING_GAP, hotspotRingWidth], 0],
      ],
    },
  },
  {
    id: 'county-border',
    type: 'line',
    source: SOURCE.countyOutlines,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': COUNTY_BORDER, 'line-width': 1.5 },
  },
  {
    // A county named by a planned intervention: dashed violet inside its border.
    id: 'county-planned',
    type: 'line',
    source: SOURCE.countyOutlines,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': PLANNED,
      'line-opacity': plannedOpacity,
      'line-width': PLANNED_WIDTH,
      'line-dasharray': [2, 1.5],
      'line-offset': PLANNED_WIDTH,
    },
  },
  // White casing under every emphasised outline, so black reads on the darkest blue too.
  ...areaEmphasisLayers(OUTLINE_PREFIX.county, SOURCE.countyOutlines),
  ...areaEmphasisLayers(OUTLINE_PREFIX.municipality, SOURCE.municipalAreas),
  {
    id: 'neighbour-label',
    type: 'symbol',
    source: SOURCE.neighbourLabels,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [FONT.regular],
      'text-size': 13,
      'text-letter-spacing': 0.05,
      'text-max-width': 8,
    },
    paint: {
      'text-color': NEIGHBOUR_LABEL,
      'text-halo-color': NEIGHBOUR_FILL,
      'text-halo-width': 1.5,
    },
  },
  {
    // A municipality with a planned intervention: a violet ring outside everything else.
    id: 'municipality-planned',
    type: 'circle',
    source: SOURCE.municipalities,
    paint: {
      'circle-radius': ['+', markRadius, 7],
      'circle-opacity': 0,
      'circle-stroke-opacity': plannedOpacity,
      'circle-stroke-color': PLANNED,
      'circle-stroke-width': PLANNED_WIDTH,
    },
  },
  {
    // Emphasis halo: white disc with a black outline, larger than any hotspot ring.
    id: 'municipality-emphasis',
    type: 'circle',
    source: SOURCE.municipalities,
    paint: {
      'circle-radius': ['+', markRadius, 4],
      'circle-color': EMPHASIS_CASING,
      'circle-opacity': ['case', anyEmphasis, 0.95, 0],
      'circle-stroke-color': EMPHASIS,
      'circle-stroke-width': [
        'case',
        state('selected'),
        EMPHASIS_WIDTH.selected,
        state('highlighted'),
        EMPHASIS_WIDTH.highlighted,
        state('hovered'),
        EMPHASIS_WIDTH.hovered,
        0,
      ],
    },
  },
  {
    // Hotspots: a white gap, then a dark ring whose thickness follows the evidence level.
    id: LAYER.municipalityHotspot,
    type: 'circle',
    source: SOURCE.municipalities,
    filter: ['>=', hotspotLevel, 1],
    layout: { 'circle-sort-key': circleSortKey },
    paint: {
      'circle-radius': ['+', circleRadiusExpression, RING_GAP],
      'circle-color': HOTSPOT_RING_GAP,
      'circle-stroke-color': HOTSPOT_RING,
      'circle-stroke-width': hotspotRingWidth,
    },
  },
  ...CIRCLE_LAYERS.map((id, index) => circleLayer(id, CIRCLE_SIZE_BUCKETS - 1 - index)),
  municipalityLabelLayer('municipality-label', ['<', hotspotLevel, 1], FONT.regular),
  municipalAreaLabelLayer('municipal-area-label', ['<', hotspotLevel, 1], FONT.regular),
  {
    // Above the other municipality names, so MapLibre places county names first: they frame
    // the map.
    id: 'county-label',
    type: 'symbol',
    source: SOURCE.countyLabels,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [FONT.semiBold],
      'text-size': ['interpolate', ['linear'], ['zoom'], 6, 11, 9, 16],
      'text-transform': 'uppercase',
      'text-letter-spacing': 0.1,
      'text-padding': 1,
      // Near its centre, wherever no circle is.
      'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
      'text-radial-offset': 0.9,
    },
    paint: {
      'text-color': LABEL_TEXT,
      'text-opacity': 0.8,
      'text-halo-color': LABEL_HALO,
      'text-halo-width': 1.5,
    },
  },
  {
    // Invisible, and last so MapLibre places it first: see BLOCKER_IMAGE.
    id: 'municipality-blocker',
    type: 'symbol',
    source: SOURCE.municipalities,
    layout: {
      'icon-image': BLOCKER_IMAGE.id,
      'icon-size': ['*', 2, markRoom],
      'icon-allow-overlap': true,
      'icon-ignore-placement': false,
      'icon-padding': 0,
    },
    paint: { 'icon-opacity': 0 },
  },
  // Hotspot names are placed before anything else, even over a neighbour's circle: on a
  // projector they are the names that matter.
  municipalityLabelLayer('municipality-hotspot-label', ['>=', hotspotLevel, 1], FONT.semiBold),
  municipalAreaLabelLayer('municipal-area-hotspot-label', ['>=', hotspotLevel, 1], FONT.semiBold),
];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The feature-state a county's shading reads; the rest of a county's state is its outlines'. */
const COUNTY_FILL_STATE: ReadonlySet<string> = new Set(['share']);

/**
 * Where an area's feature-state goes, source by source: a county's figures to its shading and
 * the rest to its outlines (see SOURCE.countyOutlines); a municipality's to its symbol and to
 * its area from the user's file, so a file loaded or removed later shows the current figures
 * and emphasis at once. Sources with nothing to write are left out.
 */
export function stateSources(
  level: 'county' | 'municipality',
  state: object,
): { source: string; state: Record<string, unknown> }[] {
  if (level === 'municipality') {
    return [
      { source: SOURCE.municipalities, state: { ...state } },
      { source: SOURCE.municipalAreas, state: { ...state } },
    ];
  }
  const fill: Record<string, unknown> = {};
  const outlines: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    (COUNTY_FILL_STATE.has(key) ? fill : outlines)[key] = value;
  }
  return [
    { source: SOURCE.counties, state: fill },
    { source: SOURCE.countyOutlines, state: outlines },
  ].filter((entry) => Object.keys(entry.state).length > 0);
}

export interface StyleData {
  neighbours: FeatureCollection;
  neighbourLabels: FeatureCollection;
  frame: FeatureCollection;
  counties: FeatureCollection;
  countyLabels: FeatureCollection;
  municipalities?: FeatureCollection;
  municipalAreas?: FeatureCollection;
  municipalAreaLabels?: FeatureCollection;
}

/** The ordinary palette, or presenter mode's (darker ramps and wider lines for a projector). */
export type MapPalette = 'standard' | 'presenter';

/** One paint property of one layer, as `map.setPaintProperty(layer, property, value)` takes it. */
export type PaintOverride =
  | { layer: string; property: 'fill-color' | 'circle-color'; value: ExpressionSpecification }
  | { layer: string; property: 'circle-stroke-width' | 'line-width'; value: number };

/**
 * Every paint property that differs between the palettes, with its value in `palette`. The
 * adapter switches palette at runtime by applying `palettePaint(next)`; `'standard'` gives back
 * exactly what LAYERS has, so switching back restores the ordinary map.
 */
export function palettePaint(palette: MapPalette): PaintOverride[] {
  const presenter = palette === 'presenter';
  const countyRamp = presenter ? PRESENTER_COUNTY_RAMP : COUNTY_RAMP;
  const gapRamp = presenter ? PRESENTER_GAP_RAMP : GAP_RAMP;
  const gap = figure('gapScore');
  return [
    {
      layer: LAYER.countyFill,
      property: 'fill-color',
      value: ramp(figure('share'), countyRamp),
    },
    { layer: LAYER.municipalAreaFill, property: 'fill-color', value: ramp(gap, gapRamp) },
    ...CIRCLE_LAYERS.flatMap((layer): PaintOverride[] => [
      { layer, property: 'circle-color', value: ramp(gap, gapRamp) },
      {
        layer,
        property: 'circle-stroke-width',
        value: presenter ? PRESENTER_WIDTHS.circleOutline : 1.25,
      },
    ]),
    {
      layer: 'county-border',
      property: 'line-width',
      value: presenter ? PRESENTER_WIDTHS.countyBorder : 1.5,
    },
  ];
}

/** LAYERS with `palette`'s paint applied. */
export function layersFor(palette: MapPalette): LayerSpecification[] {
  if (palette === 'standard') return LAYERS;
  const overrides = palettePaint(palette);
  return LAYERS.map((layer) => {
    const own = overrides.filter((override) => override.layer === layer.id);
    if (own.length === 0 || !('paint' in layer)) return layer;
    const paint: Record<string, unknown> = { ...layer.paint };
    for (const override of own) paint[override.property] = override.value;
    return { ...layer, paint };
  });
}

/** The whole style, with the given GeoJSON in its sources, in the ordinary palette unless told. */
export function buildMapStyle(
  data: StyleData,
  palette: MapPalette = 'standard',
): StyleSpecification {
  const geojson = (
    features: FeatureCollection,
    promoteId?: string,
  ): GeoJSONSourceSpecification => ({
    type: 'geojson',
    data: features,
    ...(promoteId === undefined ? {} : { promoteId }),
  });
  return {
    version: 8,
    name: 'Harta',
    // No paint transitions: a filter change is drawn at once, in one frame where it can be,
    // rather than animated over the next 300 ms (which also holds back the map's idle).
    transition: { duration: 0, delay: 0 },
    'font-faces': FONT_FACES,
    sources: {
      [SOURCE.neighbours]: geojson(data.neighbours),
      [SOURCE.neighbourLabels]: geojson(data.neighbourLabels),
      [SOURCE.frame]: geojson(data.frame),
      [SOURCE.counties]: geojson(data.counties, 'id'),
      [SOURCE.countyOutlines]: geojson(data.counties, 'id'),
      [SOURCE.countyLabels]: geojson(data.countyLabels),
      [SOURCE.municipalities]: geojson(data.municipalities ?? EMPTY, 'id'),
      [SOURCE.municipalAreas]: geojson(data.municipalAreas ?? EMPTY, 'id'),
      [SOURCE.municipalAreaLabels]: geojson(data.municipalAreaLabels ?? EMPTY),
    },
    layers: layersFor(palette),
  };
}

/**
 * The colours and sizes the map draws with, shared by the map style (src/map) and the legend
 * (src/components) so the two can never disagree. Pure constants and one pure function: no
 * imports, no browser.
 *
 * Both ramps are colour-blind safe: each runs monotonically in lightness (it still reads in
 * greyscale, and for deuteranopia, protanopia and tritanopia), and the two use different hue
 * families (blues for counties under warm circles for gaps), so a circle never blends into the
 * county it sits on.
 */

/** One stop of a ramp: a position in [0, 1] and its colour. */
export interface ColourStop {
  readonly at: number;
  readonly colour: string;
}

/** Sea and anything outside the mapped land. */
export const SEA_COLOUR = '#c9dbe8';
/** Beyond the area the neighbour outlines cover: a plain frame, like a map sheet's margin. */
export const FRAME_FILL = '#f3f4f6';
export const FRAME_LINE = '#9aa1ab';
/** Neighbouring countries: muted, so Albania stands out. */
export const NEIGHBOUR_FILL = '#eceae4';
export const NEIGHBOUR_LINE = '#b3aea3';
export const NEIGHBOUR_LABEL = '#6f6a60';

/**
 * County shading, from no organisations (lightest) to the largest county value (darkest):
 * ColorBrewer "GnBu", a sequential ramp ColorBrewer marks colour-blind safe.
 */
export const COUNTY_RAMP: readonly ColourStop[] = [
  { at: 0, colour: '#f0f9e8' },
  { at: 0.25, colour: '#bae4bc' },
  { at: 0.5, colour: '#7bccc4' },
  { at: 0.75, colour: '#43a2ca' },
  { at: 1, colour: '#0868ac' },
];
/** The white lines between counties. */
export const COUNTY_BORDER = '#ffffff';

/**
 * Municipality gap score in [0, 1], from well covered (pale yellow) to underserved (dark red):
 * ColorBrewer "YlOrRd", sequential and colour-blind safe.
 */
export const GAP_RAMP: readonly ColourStop[] = [
  { at: 0, colour: '#ffffb2' },
  { at: 0.25, colour: '#fecc5c' },
  { at: 0.5, colour: '#fd8d3c' },
  { at: 0.75, colour: '#f03b20' },
  { at: 1, colour: '#bd0026' },
];

/** Outline of every municipality circle, so the palest one still shows on the palest county. */
export const CIRCLE_OUTLINE = '#1b1f24';

/**
 * Circle radius in pixels by organisations present, interpolated linearly over the square root of
 * the count so the circle's area (not its radius) grows with it. Zero still gets a visible dot.
 */
export const CIRCLE_RADIUS_STOPS: readonly (readonly [
  sqrtOrganisations: number,
  radius: number,
])[] = [
  [0, 3.5],
  [1, 6],
  [4, 14],
];

/** Hotspot mark: a white gap, then a dark ring around the circle, thicker for stronger evidence. */
export const HOTSPOT_RING = '#1b1f24';
export const HOTSPOT_RING_GAP = '#ffffff';
/** Ring width in pixels by hotspot level (index 0 = not a hotspot: no ring). */
export const HOTSPOT_RING_WIDTH: readonly [number, number, number, number] = [0, 2, 3, 4.5];

/** Emphasis (selected, highlighted, hovered): black outlines on a white casing, never a hue. */
export const EMPHASIS = '#000000';
export const EMPHASIS_CASING = '#ffffff';
/** Line widths in pixels for county outlines and municipality halos. */
export const EMPHASIS_WIDTH = { hovered: 2, highlighted: 3, selected: 4.5 } as const;

/** Planned interventions: a violet dashed ring (municipality) or outline (county), off every ramp. */
export const PLANNED = '#6a3d9a';
export const PLANNED_WIDTH = 2.5;

export const LABEL_TEXT = '#1b1f24';
export const LABEL_HALO = '#ffffff';

/**
 * The circle radius for a number of organisations, as the map draws it.
 *
 * @example circleRadius(0) === 3.5; circleRadius(1) === 6; circleRadius(4) === 8.67 (to 2 places)
 */
export function circleRadius(organisations: number): number {
  const x = Math.sqrt(Math.max(0, organisations));
  const stops = CIRCLE_RADIUS_STOPS;
  const last = stops[stops.length - 1];
  if (last === undefined) return 0;
  for (let index = 1; index < stops.length; index++) {
    const [x1, r1] = stops[index] as readonly [number, number];
    const [x0, r0] = stops[index - 1] as readonly [number, number];
    if (x <= x1) return r0 + ((x - x0) / (x1 - x0)) * (r1 - r0);
  }
  return last[1];
}

/**
 * Circles are drawn in this many layers by size, the largest at the bottom, so a smaller circle
 * always lies over a larger one whatever a filter does to their sizes: feature-state picks the
 * layer a circle shows in, and nothing has to be laid out again.
 */
export const CIRCLE_SIZE_BUCKETS = 4;

/**
 * The size layer of a circle: 0 for the smallest radii, `CIRCLE_SIZE_BUCKETS - 1` for the
 * largest, in equal steps of radius (under 3 px apart within one layer, too little for a circle
 * to hide another that lies over its outline).
 *
 * @example circleSizeBucket(0) === 0; circleSizeBucket(16) === 3
 */
export function circleSizeBucket(organisations: number): number {
  const smallest = CIRCLE_RADIUS_STOPS[0]?.[1] ?? 0;
  const largest = CIRCLE_RADIUS_STOPS[CIRCLE_RADIUS_STOPS.length - 1]?.[1] ?? smallest;
  if (largest <= smallest) return 0;
  const step = (circleRadius(organisations) - smallest) / (largest - smallest);
  return Math.min(CIRCLE_SIZE_BUCKETS - 1, Math.max(0, Math.floor(step * CIRCLE_SIZE_BUCKETS)));
}

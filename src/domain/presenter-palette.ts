import type { ColourStop } from './map-palette';

/**
 * The map's ramps for presenter mode. A projector washes out pale colours, so each ramp drops
 * the near-white end of its ColorBrewer scheme and reaches a darker end: the same hue families
 * as the ordinary ramps (GnBu for counties, YlOrRd for gaps), still monotonic in lightness, so
 * they stay colour-blind safe and read in greyscale. Shared by the map style and the legend.
 */

/** County shading in presenter mode: ColorBrewer GnBu (9-class) without its two palest steps. */
export const PRESENTER_COUNTY_RAMP: readonly ColourStop[] = [
  { at: 0, colour: '#ccebc5' },
  { at: 0.25, colour: '#7bccc4' },
  { at: 0.5, colour: '#4eb3d3' },
  { at: 0.75, colour: '#2b8cbe' },
  { at: 1, colour: '#084081' },
];

/** Gap score in presenter mode: ColorBrewer YlOrRd (9-class) from its third step. */
export const PRESENTER_GAP_RAMP: readonly ColourStop[] = [
  { at: 0, colour: '#fed976' },
  { at: 0.25, colour: '#feb24c' },
  { at: 0.5, colour: '#fc4e2a' },
  { at: 0.75, colour: '#e31a1c' },
  { at: 1, colour: '#800026' },
];

/** Line widths in pixels that read from the back of a room. */
export const PRESENTER_WIDTHS = { circleOutline: 2, countyBorder: 2.5 } as const;

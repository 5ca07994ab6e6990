// Sizes: the panel is about 400–480 px wide on a projector and 360 px on a phone; the height
// follows the number of rows so every area or category stays legible.

const AXIS_AND_MARGINS = 36;

/** Width for the first render, before ResizeObserver reports the real one (and in jsdom). */
export const INITIAL_CHART_WIDTH = 400;

/** Height of a horizontal bar chart with `rowCount` bars of `rowHeight` pixels. */
export function chartHeight(rowCount: number, rowHeight: number): number {
  return Math.max(rowCount, 1) * rowHeight + AXIS_AND_MARGINS;
}

/** Room for the longest label on one line at 13 px, capped so a phone keeps room for bars. */
export function yAxisWidth(labels: readonly string[], cap: number): number {
  const longest = Math.max(0, ...labels.map((label) => label.length));
  return Math.min(cap, Math.max(56, Math.ceil(longest * 7.8) + 12));
}

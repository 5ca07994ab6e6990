/**
 * Colours for the charts, as plain constants: the chart components use them, and the palette
 * test checks them (contrast against white, and distinctness under simulated colour blindness).
 *
 * Why not a published scheme as is: the charts need 12 categorical colours that each reach
 * WCAG 1.4.11's 3:1 contrast against the white panel, and no published scheme has that many.
 * Okabe–Ito passes with only four colours (blue, vermillion, bluish green, reddish purple:
 * orange, sky blue and yellow are too light), Paul Tol's "muted" with six. Adding Tol's to
 * Okabe–Ito's gives colours that protanopes see as nearly the same (CIEDE2000 ≈ 6). So the
 * palette keeps Okabe–Ito's four and adds eight chosen by max–min search over a 16-level sRGB
 * grid: contrast 3.1–9 against white, chroma ≤ 70, maximising the smallest CIEDE2000 between any
 * two colours as seen with normal vision, protanopia, deuteranopia and tritanopia (Machado et
 * al. 2009, full severity). Result: smallest distance 9.5 (tritan), 9.6 (protan), 10.8
 * (deutan), 11.5 (normal). They are ordered so that neighbours in a stack differ strongly.
 *
 * Twelve colours cannot all be told apart at a glance by everyone; the charts therefore also
 * carry the type in the legend order, the tooltip and an accessible table.
 */

/** Fill per activity type, by the type's position in the dataset's list of activity types. */
export const ACTIVITY_TYPE_COLOURS = [
  '#0072B2', // Okabe–Ito blue              5.19:1
  '#D55E00', // Okabe–Ito vermillion        3.87:1
  '#7788FF', // periwinkle                  3.11:1
  '#774400', // brown                       8.04:1
  '#444477', // slate indigo                8.98:1
  '#AA6644', // terracotta                  4.47:1
  '#554455', // aubergine grey              8.96:1
  '#009E73', // Okabe–Ito bluish green      3.42:1
  '#005533', // dark green                  8.95:1
  '#CC79A7', // Okabe–Ito reddish purple    3.06:1
  '#666655', // olive grey                  5.84:1
  '#886677', // mauve                       4.98:1
] as const;

/** Fill for single-series bars (Okabe–Ito blue, 5.19:1 against white). */
export const CHART_ACCENT_COLOUR = '#0072B2';

/** Outline of an emphasised (selected or highlighted) bar or row. */
export const CHART_EMPHASIS_COLOUR = '#1B1F24';

/** Opacity of bars that the current selection leaves out, so the selected ones stand out. */
export const CHART_DIMMED_OPACITY = 0.3;

/**
 * Colour of the activity type at `index` in the dataset's list. Indexes past the palette wrap
 * around, so a dataset with more types still draws (two types then share a colour).
 *
 * @example activityTypeColour(0) === '#0072B2'
 */
export function activityTypeColour(index: number): string {
  const size = ACTIVITY_TYPE_COLOURS.length;
  const position = ((Math.trunc(index) % size) + size) % size;
  return ACTIVITY_TYPE_COLOURS[position] ?? CHART_ACCENT_COLOUR;
}

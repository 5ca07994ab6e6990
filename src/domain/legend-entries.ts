import type { MapModel } from './map-model';
import {
  CIRCLE_OUTLINE,
  COUNTY_RAMP,
  EMPHASIS,
  EMPHASIS_WIDTH,
  GAP_RAMP,
  HOTSPOT_RING,
  HOTSPOT_RING_WIDTH,
  PLANNED,
  circleRadius,
  type ColourStop,
} from './map-palette';

/**
 * The map's legend as plain data, for drawing where HTML cannot go (a slide image). It explains
 * the same keys, with the same words and palette, as the on-screen legend (map-legend.tsx).
 */
export type LegendEntry =
  | { kind: 'note'; title: string; text: string }
  | { kind: 'ramp'; title: string; stops: readonly ColourStop[]; low: string; high: string }
  | { kind: 'swatch'; title: string; colour: string; label: string }
  | { kind: 'circles'; title: string; samples: { label: string; radius: number }[] }
  | { kind: 'rings'; title: string; widths: number[]; label: string; ring: string }
  | { kind: 'outline'; title: string; items: { label: string; width: number; colour: string }[] };

/**
 * The organisation counts the size key shows: 0 and 1 always, 4 when the map goes well beyond
 * it, and the largest count on the map.
 */
export function sizeSamples(largest: number): number[] {
  const samples = [0, 1];
  if (largest >= 8) samples.push(4);
  if (largest > 1) samples.push(largest);
  return samples;
}

/**
 * The words of a legend drawn where HTML cannot go, in the interface's language. The domain
 * knows no language: the app builds them from its message table (src/i18n/legend-words.ts);
 * `ENGLISH_LEGEND_WORDS` is the default.
 */
export interface LegendWords {
  boundaries: string;
  boundariesNote: (shaded: number, total: number, fileName: string) => string;
  counties: (measure: string) => string;
  zeroEverywhere: string;
  circleSize: string;
  /** An organisation count on the size key (0 is `nobody`). */
  count: (n: number) => string;
  nobody: string;
  gapColourAreas: string;
  gapColourCircles: string;
  covered: string;
  underserved: string;
  hotspotAreas: string;
  hotspotCircles: string;
  hotspotStrength: string;
  planned: string;
  plannedArea: string;
  emphasis: string;
  selected: string;
  highlighted: string;
}

/** The legend's words in English, for callers that pass none. */
export const ENGLISH_LEGEND_WORDS: LegendWords = {
  boundaries: 'Municipal boundaries',
  boundariesNote: (shaded, total, fileName) =>
    `${shaded} of ${total} municipalities are shaded with the boundaries from “${fileName}”.`,
  counties: (measure) => `Counties: ${measure}`,
  zeroEverywhere: '0 in every county',
  circleSize: 'Circle size: organisations there',
  count: (n) => String(n),
  nobody: '0 (nobody)',
  gapColourAreas: 'Municipality colour: coverage gap',
  gapColourCircles: 'Circle colour: coverage gap',
  covered: 'covered',
  underserved: 'underserved',
  hotspotAreas: 'Hotspot: dark band inside the outline',
  hotspotCircles: 'Hotspot ring',
  hotspotStrength: 'thicker = stronger evidence',
  planned: 'Planned intervention',
  plannedArea: 'planned area',
  emphasis: 'Emphasis',
  selected: 'selected',
  highlighted: "organisation's areas",
};

/**
 * Legend entries for a map model. `withBoundary` holds the municipalities drawn as areas from
 * the user's boundary file (the others are circles); `boundaryFileName` names that file;
 * `words` gives the text in the interface's language (English by default).
 *
 * @example legendEntries(model, new Set(), null)[0].title // 'Counties: Organisations working in the county'
 */
export function legendEntries(
  model: Pick<
    MapModel,
    'countyMax' | 'countyMeasureLabel' | 'municipalities' | 'counties' | 'selected' | 'highlighted'
  >,
  withBoundary: ReadonlySet<string>,
  boundaryFileName: string | null,
  words: LegendWords = ENGLISH_LEGEND_WORDS,
): LegendEntry[] {
  const symbols = model.municipalities.filter((m) => !withBoundary.has(m.id));
  const areas = model.municipalities.length - symbols.length;
  const entries: LegendEntry[] = [];
  if (boundaryFileName !== null && areas > 0) {
    entries.push({
      kind: 'note',
      title: words.boundaries,
      text: words.boundariesNote(areas, model.municipalities.length, boundaryFileName),
    });
  }
  const countyTitle = words.counties(model.countyMeasureLabel);
  entries.push(
    model.countyMax > 0
      ? {
          kind: 'ramp',
          title: countyTitle,
          stops: COUNTY_RAMP,
          low: words.count(0),
          high: words.count(model.countyMax),
        }
      : {
          kind: 'swatch',
          title: countyTitle,
          colour: COUNTY_RAMP[0]?.colour ?? '#ffffff',
          label: words.zeroEverywhere,
        },
  );
  if (symbols.length > 0) {
    const largest = Math.max(0, ...symbols.map((m) => m.organisations));
    entries.push({
      kind: 'circles',
      title: words.circleSize,
      samples: sizeSamples(largest).map((n) => ({
        label: n === 0 ? words.nobody : words.count(n),
        radius: circleRadius(n),
      })),
    });
  }
  entries.push({
    kind: 'ramp',
    title: areas > 0 ? words.gapColourAreas : words.gapColourCircles,
    stops: GAP_RAMP,
    low: words.covered,
    high: words.underserved,
  });
  entries.push({
    kind: 'rings',
    title: areas > 0 ? words.hotspotAreas : words.hotspotCircles,
    widths: [HOTSPOT_RING_WIDTH[1], HOTSPOT_RING_WIDTH[2], HOTSPOT_RING_WIDTH[3]],
    label: words.hotspotStrength,
    ring: HOTSPOT_RING,
  });
  if (model.municipalities.some((m) => m.planned) || model.counties.some((c) => c.planned)) {
    entries.push({
      kind: 'outline',
      title: words.planned,
      items: [{ label: words.plannedArea, width: 2.5, colour: PLANNED }],
    });
  }
  const emphasis = [
    ...(model.selected !== null
      ? [{ label: words.selected, width: EMPHASIS_WIDTH.selected, colour: EMPHASIS }]
      : []),
    ...(model.highlighted.length > 0 && model.selected === null
      ? [{ label: words.highlighted, width: EMPHASIS_WIDTH.highlighted, colour: EMPHASIS }]
      : []),
  ];
  if (emphasis.length > 0)
    entries.push({ kind: 'outline', title: words.emphasis, items: emphasis });
  return entries;
}

/** The outline colour the legend's sample marks are drawn with, as on the map. */
export const LEGEND_MARK_OUTLINE = CIRCLE_OUTLINE;

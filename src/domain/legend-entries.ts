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
 * Legend entries for a map model. `withBoundary` holds the municipalities drawn as areas from
 * the user's boundary file (the others are circles); `boundaryFileName` names that file.
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
): LegendEntry[] {
  const symbols = model.municipalities.filter((m) => !withBoundary.has(m.id));
  const areas = model.municipalities.length - symbols.length;
  const entries: LegendEntry[] = [];
  if (boundaryFileName !== null && areas > 0) {
    entries.push({
      kind: 'note',
      title: 'Municipal boundaries',
      text: `${areas} of ${model.municipalities.length} municipalities are shaded with the boundaries from “${boundaryFileName}”.`,
    });
  }
  const countyTitle = `Counties: ${model.countyMeasureLabel}`;
  entries.push(
    model.countyMax > 0
      ? {
          kind: 'ramp',
          title: countyTitle,
          stops: COUNTY_RAMP,
          low: '0',
          high: String(model.countyMax),
        }
      : {
          kind: 'swatch',
          title: countyTitle,
          colour: COUNTY_RAMP[0]?.colour ?? '#ffffff',
          label: '0 in every county',
        },
  );
  if (symbols.length > 0) {
    const largest = Math.max(0, ...symbols.map((m) => m.organisations));
    entries.push({
      kind: 'circles',
      title: 'Circle size: organisations there',
      samples: sizeSamples(largest).map((n) => ({
        label: n === 0 ? '0 (nobody)' : String(n),
        radius: circleRadius(n),
      })),
    });
  }
  entries.push({
    kind: 'ramp',
    title: areas > 0 ? 'Municipality colour: coverage gap' : 'Circle colour: coverage gap',
    stops: GAP_RAMP,
    low: 'covered',
    high: 'underserved',
  });
  entries.push({
    kind: 'rings',
    title: areas > 0 ? 'Hotspot: dark band inside the outline' : 'Hotspot ring',
    widths: [HOTSPOT_RING_WIDTH[1], HOTSPOT_RING_WIDTH[2], HOTSPOT_RING_WIDTH[3]],
    label: 'thicker = stronger evidence',
    ring: HOTSPOT_RING,
  });
  if (model.municipalities.some((m) => m.planned) || model.counties.some((c) => c.planned)) {
    entries.push({
      kind: 'outline',
      title: 'Planned intervention',
      items: [{ label: 'planned area', width: 2.5, colour: PLANNED }],
    });
  }
  const emphasis = [
    ...(model.selected !== null
      ? [{ label: 'selected', width: EMPHASIS_WIDTH.selected, colour: EMPHASIS }]
      : []),
    ...(model.highlighted.length > 0 && model.selected === null
      ? [{ label: "organisation's areas", width: EMPHASIS_WIDTH.highlighted, colour: EMPHASIS }]
      : []),
  ];
  if (emphasis.length > 0) entries.push({ kind: 'outline', title: 'Emphasis', items: emphasis });
  return entries;
}

/** The outline colour the legend's sample marks are drawn with, as on the map. */
export const LEGEND_MARK_OUTLINE = CIRCLE_OUTLINE;

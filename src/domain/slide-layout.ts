import type { Filters, ScopeFilter } from './coverage';
import type { DocumentRef } from './dataset';
import type { LegendEntry } from './legend-entries';

/**
 * Where everything goes on a map image for slides: a title band on top, the map on the left,
 * the legend on the right, the date and attribution along the bottom. All numbers are in slide
 * units (CSS pixels of a 1920×1080 slide); the image is drawn at `scale` pixels per unit.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SlideLayout {
  /** Output pixels per slide unit: 1 for 1920×1080, 2 for 3840×2160. */
  scale: number;
  width: number;
  height: number;
  title: Rect;
  subtitle: Rect;
  map: Rect;
  legend: Rect;
  footer: Rect;
  font: {
    title: number;
    subtitle: number;
    legendTitle: number;
    legendText: number;
    footer: number;
  };
}

/** The slide sizes offered, in output pixels. */
export const SLIDE_SIZES = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;

const BASE_WIDTH = 1920;
const MARGIN = 40;
const GAP = 24;
const LEGEND_WIDTH = 440;

/**
 * Lays out a slide of `pixelWidth` × `pixelHeight` output pixels (16:9 expected; other shapes
 * keep the same bands and give the map what is left).
 *
 * @example slideLayout(3840, 2160).scale // 2
 */
export function slideLayout(pixelWidth: number, pixelHeight: number): SlideLayout {
  if (!(pixelWidth > 0 && pixelHeight > 0)) throw new Error('slide size must be positive');
  const scale = pixelWidth / BASE_WIDTH;
  const width = BASE_WIDTH;
  const height = pixelHeight / scale;
  const font = { title: 44, subtitle: 24, legendTitle: 20, legendText: 18, footer: 16 };
  const title: Rect = { x: MARGIN, y: MARGIN - 8, width: width - 2 * MARGIN, height: 56 };
  const subtitle: Rect = {
    x: MARGIN,
    y: title.y + title.height,
    width: width - 2 * MARGIN,
    height: 2 * Math.round(font.subtitle * 1.3),
  };
  const footerHeight = 3 * Math.round(font.footer * 1.4);
  const footer: Rect = {
    x: MARGIN,
    y: height - MARGIN + 8 - footerHeight,
    width: width - 2 * MARGIN,
    height: footerHeight,
  };
  const top = subtitle.y + subtitle.height + 12;
  const bodyHeight = footer.y - GAP / 2 - top;
  const map: Rect = {
    x: MARGIN,
    y: top,
    width: width - 2 * MARGIN - GAP - LEGEND_WIDTH,
    height: bodyHeight,
  };
  const legend: Rect = {
    x: map.x + map.width + GAP,
    y: top,
    width: LEGEND_WIDTH,
    height: bodyHeight,
  };
  return { scale, width, height, title, subtitle, map, legend, footer, font };
}

/**
 * Breaks `text` into lines no wider than `maxWidth` (as `measure` reports widths), at spaces;
 * a word wider than a line gets a line of its own. With `maxLines`, the last kept line ends
 * with "…" when text was left out.
 */
export function wrapLines(
  text: string,
  maxWidth: number,
  measure: (text: string) => number,
  maxLines = Infinity,
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measure(candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1] ?? ''}…`;
  while (measure(last) > maxWidth && last.includes(' ')) {
    last = `${last.slice(0, last.lastIndexOf(' '))}…`;
  }
  kept[maxLines - 1] = last;
  return kept;
}

/** Height of a legend entry's sample row, in slide units. */
function sampleHeight(entry: LegendEntry): number {
  switch (entry.kind) {
    case 'note':
      return 0;
    case 'circles':
      return Math.max(24, 2 * Math.max(...entry.samples.map((s) => s.radius)) + 6);
    case 'rings':
      return 30;
    default:
      return 24;
  }
}

export interface PlacedLegendEntry {
  entry: LegendEntry;
  /** Top of the entry's title line. */
  y: number;
  /** Lines of the title (and, for a note, of its text after the title). */
  titleLines: string[];
  noteLines: string[];
  /** Top of the sample row. */
  sampleY: number;
  sampleHeight: number;
}

/**
 * Places the legend entries top to bottom in `rect`; entries that do not fit are left out and
 * counted, so the caller can say so rather than cut a key in half.
 */
export function placeLegend(
  entries: readonly LegendEntry[],
  rect: Rect,
  font: { legendTitle: number; legendText: number },
  measure: (text: string, size: number, bold: boolean) => number,
): { placed: PlacedLegendEntry[]; omitted: number } {
  const padding = 16;
  const inner = rect.width - 2 * padding;
  const titleLine = Math.round(font.legendTitle * 1.3);
  const textLine = Math.round(font.legendText * 1.3);
  const placed: PlacedLegendEntry[] = [];
  let y = rect.y + padding;
  for (const [index, entry] of entries.entries()) {
    const titleLines = wrapLines(entry.title, inner, (t) => measure(t, font.legendTitle, true), 2);
    const noteLines =
      entry.kind === 'note'
        ? wrapLines(entry.text, inner, (t) => measure(t, font.legendText, false), 4)
        : [];
    const sampleY = y + titleLines.length * titleLine + noteLines.length * textLine + 4;
    const height = sampleHeight(entry);
    const bottom = sampleY + height;
    if (bottom > rect.y + rect.height - padding) {
      return { placed, omitted: entries.length - index };
    }
    placed.push({ entry, y, titleLines, noteLines, sampleY, sampleHeight: height });
    y = bottom + 18;
  }
  return { placed, omitted: 0 };
}

interface FilterNames {
  activityType: ReadonlyMap<string, string>;
  focusType: ReadonlyMap<string, string>;
  kind: ReadonlyMap<string, string>;
}

/**
 * The words on a slide (and in filter descriptions), in the interface's language; built from
 * the message tables outside the domain (`slideWords` in src/io/slide-image.ts).
 */
export interface SlideWords {
  activityTypes: (labels: string) => string;
  focusTypes: (labels: string) => string;
  kinds: (labels: string) => string;
  scope: (scope: Exclude<ScopeFilter, 'all'>) => string;
  hotspots: string;
  text: (text: string) => string;
  subtitleAll: string;
  subtitleFiltered: (filterDescription: string) => string;
  /** "Made with Harta on …", given the date as YYYY-MM-DD. */
  madeOn: (date: string) => string;
  mapCredits: string;
  sources: (sources: string) => string;
  sourcesNone: string;
  /** The start of an image's file name: "harta-map". */
  fileStem: string;
}

/** The active filters in words; null when nothing is filtered. */
export function describeFilters(
  filters: Filters,
  names: FilterNames,
  words: SlideWords,
): string | null {
  const list = (ids: string[], labels: ReadonlyMap<string, string>) =>
    ids.map((id) => labels.get(id) ?? id).join(', ');
  const parts = [
    filters.activityTypes.length > 0
      ? words.activityTypes(list(filters.activityTypes, names.activityType))
      : '',
    filters.focusTypes.length > 0
      ? words.focusTypes(list(filters.focusTypes, names.focusType))
      : '',
    filters.kinds.length > 0 ? words.kinds(list(filters.kinds, names.kind)) : '',
    filters.scope !== 'all' ? words.scope(filters.scope) : '',
    filters.hotspotsOnly ? words.hotspots : '',
    filters.text.trim() !== '' ? words.text(filters.text.trim()) : '',
  ].filter(Boolean);
  return parts.length === 0 ? null : parts.join('; ');
}

/** The slide's title and subtitle: what the map shades, and which organisations count. */
export function slideHeading(
  measureLabel: string,
  filterDescription: string | null,
  countryName: string,
  words: SlideWords,
): { title: string; subtitle: string } {
  return {
    title: `${countryName}: ${measureLabel}`,
    subtitle:
      filterDescription === null ? words.subtitleAll : words.subtitleFiltered(filterDescription),
  };
}

/**
 * The source documents in one line, without bracketed credits or notes, e.g.
 * "Sources: Mapping Report, Center for Legal Civic Initiatives (2019)".
 */
export function sourcesLine(documents: readonly DocumentRef[], words: SlideWords): string {
  const withoutNote = (text: string) => text.replace(/\s*\(.*\)\s*$/, '');
  const sources = documents.map(
    (d) => `${withoutNote(d.title)}, ${d.publisher} (${withoutNote(d.year)})`,
  );
  return sources.length > 0 ? words.sources(sources.join('; ')) : words.sourcesNone;
}

/** The footer: date made, map credits and the source documents, one line each. */
export function slideFooter(
  date: string,
  documents: readonly DocumentRef[],
  words: SlideWords,
): string[] {
  return [words.madeOn(date), words.mapCredits, sourcesLine(documents, words)];
}

/** A file name for the image, e.g. `harta-map-al-2026-11-23-1920x1080.png`. */
export function slideFileName(
  countryCode: string,
  date: string,
  width: number,
  height: number,
  words: Pick<SlideWords, 'fileStem'>,
): string {
  return `${words.fileStem}-${countryCode.toLowerCase()}-${date}-${width}x${height}.png`;
}

import type { LegendEntry } from '../domain/legend-entries';
import { LEGEND_MARK_OUTLINE } from '../domain/legend-entries';
import { placeLegend, wrapLines, type SlideLayout, type SlideWords } from '../domain/slide-layout';
import { formatDate, formatNumber, translator, type Lang } from '../i18n/messages';

/**
 * Composes a map image for slides: the map drawn by the adapter, and around it the title,
 * legend, date and attribution, drawn as text on a 2D canvas (never as HTML, so no name from
 * the data can become markup).
 */

export interface SlideContent {
  title: string;
  subtitle: string;
  legend: readonly LegendEntry[];
  footer: readonly string[];
}

const FONT_FAMILY = '"Noto Sans", system-ui, sans-serif';
const TEXT = '#1b1f24';
const MUTED = '#4a5260';
const RULE = '#d4d9e1';

const font = (size: number, bold = false) => `${bold ? '700' : '400'} ${size}px ${FONT_FAMILY}`;

/** The words on a slide in `lang`, for the functions of src/domain/slide-layout.ts. */
export function slideWords(lang: Lang): SlideWords {
  const t = translator(lang);
  return {
    activityTypes: (labels) => t('slide.filter.activityTypes', labels),
    focusTypes: (labels) => t('slide.filter.focusTypes', labels),
    kinds: (labels) => t('slide.filter.kinds', labels),
    scope: (scope) =>
      scope === 'local' ? t('slide.filter.scope.local') : t('slide.filter.scope.national'),
    hotspots: t('slide.filter.hotspots'),
    text: (text) => t('slide.filter.text', text),
    subtitleAll: t('slide.subtitleAll'),
    subtitleFiltered: (filterDescription) => t('slide.subtitleFiltered', filterDescription),
    madeOn: (date) => t('slide.madeOn', date, formatDate(lang, date)),
    mapCredits: t('slide.mapCredits'),
    sources: (sources) => t('slide.sources', sources),
    sourcesNone: t('slide.sourcesNone'),
    fileStem: t('slide.fileStem'),
  };
}

/**
 * Draws the slide and resolves to a PNG of `layout.width × layout.scale` pixels; the words it
 * adds itself (and its errors) are in `lang`.
 */
export async function composeSlide(
  layout: SlideLayout,
  mapImage: Blob,
  content: SlideContent,
  lang: Lang = 'en',
): Promise<Blob> {
  const t = translator(lang);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * layout.scale);
  canvas.height = Math.round(layout.height * layout.scale);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error(t('slide.noCanvas'));
  // The map's labels use the bundled font; make sure it is ready for the text drawn here too.
  await document.fonts.ready;
  const bitmap = await createImageBitmap(mapImage);

  context.scale(layout.scale, layout.scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, layout.width, layout.height);
  context.textBaseline = 'top';
  const measure = (text: string, size: number, bold = false) => {
    context.font = font(size, bold);
    return context.measureText(text).width;
  };

  context.fillStyle = TEXT;
  const [title = ''] = wrapLines(
    content.title,
    layout.title.width,
    (t) => measure(t, layout.font.title, true),
    1,
  );
  context.font = font(layout.font.title, true);
  context.fillText(title, layout.title.x, layout.title.y);
  context.fillStyle = MUTED;
  const subtitleLines = wrapLines(
    content.subtitle,
    layout.subtitle.width,
    (t) => measure(t, layout.font.subtitle),
    2,
  );
  context.font = font(layout.font.subtitle);
  subtitleLines.forEach((line, index) =>
    context.fillText(
      line,
      layout.subtitle.x,
      layout.subtitle.y + index * layout.font.subtitle * 1.3,
    ),
  );

  const { map } = layout;
  context.drawImage(bitmap, map.x, map.y, map.width, map.height);
  bitmap.close();
  context.strokeStyle = RULE;
  context.lineWidth = 1;
  context.strokeRect(map.x + 0.5, map.y + 0.5, map.width - 1, map.height - 1);

  drawLegend(context, layout, content.legend, measure, (count) =>
    t('slide.moreKeys', count, formatNumber(lang, count)),
  );

  context.fillStyle = MUTED;
  context.font = font(layout.font.footer);
  const lineHeight = Math.round(layout.font.footer * 1.4);
  content.footer.forEach((text, index) => {
    const [line = ''] = wrapLines(
      text,
      layout.footer.width,
      (t) => measure(t, layout.font.footer),
      1,
    );
    context.font = font(layout.font.footer);
    context.fillText(line, layout.footer.x, layout.footer.y + index * lineHeight);
  });

  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error(t('slide.noPng')));
    }, 'image/png');
  });
}

function drawLegend(
  context: CanvasRenderingContext2D,
  layout: SlideLayout,
  entries: readonly LegendEntry[],
  measure: (text: string, size: number, bold?: boolean) => number,
  moreKeys: (count: number) => string,
) {
  const rect = layout.legend;
  const padding = 16;
  context.fillStyle = '#ffffff';
  context.fillRect(rect.x, rect.y, rect.width, rect.height);
  context.strokeStyle = RULE;
  context.strokeRect(rect.x + 0.5, rect.y + 0.5, rect.width - 1, rect.height - 1);
  const { placed, omitted } = placeLegend(entries, rect, layout.font, measure);
  const x = rect.x + padding;
  const titleLine = Math.round(layout.font.legendTitle * 1.3);
  const textLine = Math.round(layout.font.legendText * 1.3);
  for (const item of placed) {
    context.fillStyle = TEXT;
    context.font = font(layout.font.legendTitle, true);
    item.titleLines.forEach((line, index) => context.fillText(line, x, item.y + index * titleLine));
    context.font = font(layout.font.legendText);
    const noteTop = item.y + item.titleLines.length * titleLine;
    item.noteLines.forEach((line, index) => context.fillText(line, x, noteTop + index * textLine));
    drawSample(context, item.entry, x, item.sampleY, item.sampleHeight, layout.font.legendText);
  }
  if (omitted > 0) {
    context.fillStyle = MUTED;
    context.font = font(layout.font.legendText);
    context.fillText(moreKeys(omitted), x, rect.y + rect.height - padding - textLine);
  }
}

/** Draws a label with its vertical centre at `middle`; returns the x after it. */
function label(
  context: CanvasRenderingContext2D,
  text: string,
  x: number,
  middle: number,
  size: number,
) {
  context.fillStyle = TEXT;
  context.font = font(size);
  context.textBaseline = 'middle';
  context.fillText(text, x, middle);
  context.textBaseline = 'top';
  return x + context.measureText(text).width;
}

function drawSample(
  context: CanvasRenderingContext2D,
  entry: LegendEntry,
  left: number,
  top: number,
  height: number,
  size: number,
) {
  const middle = top + height / 2;
  let x = left;
  switch (entry.kind) {
    case 'note':
      return;
    case 'ramp': {
      x = label(context, entry.low, x, middle, size) + 8;
      const width = 140;
      const gradient = context.createLinearGradient(x, 0, x + width, 0);
      for (const stop of entry.stops) gradient.addColorStop(stop.at, stop.colour);
      context.fillStyle = gradient;
      context.fillRect(x, middle - 8, width, 16);
      context.strokeStyle = '#8a93a3';
      context.lineWidth = 1;
      context.strokeRect(x, middle - 8, width, 16);
      label(context, entry.high, x + width + 8, middle, size);
      return;
    }
    case 'swatch':
      context.fillStyle = entry.colour;
      context.fillRect(x, middle - 8, 26, 16);
      context.strokeStyle = '#8a93a3';
      context.strokeRect(x, middle - 8, 26, 16);
      label(context, entry.label, x + 34, middle, size);
      return;
    case 'circles':
      for (const sample of entry.samples) {
        context.beginPath();
        context.arc(x + sample.radius + 1, middle, sample.radius, 0, 2 * Math.PI);
        context.fillStyle = '#e4e7ec';
        context.fill();
        context.strokeStyle = LEGEND_MARK_OUTLINE;
        context.lineWidth = 1.25;
        context.stroke();
        x = label(context, sample.label, x + 2 * sample.radius + 8, middle, size) + 18;
      }
      return;
    case 'rings':
      for (const width of entry.widths) {
        context.beginPath();
        context.arc(x + 13, middle, 9 + width / 2, 0, 2 * Math.PI);
        context.strokeStyle = entry.ring;
        context.lineWidth = width;
        context.stroke();
        context.beginPath();
        context.arc(x + 13, middle, 5, 0, 2 * Math.PI);
        context.fillStyle = '#e4e7ec';
        context.fill();
        context.strokeStyle = LEGEND_MARK_OUTLINE;
        context.lineWidth = 1.25;
        context.stroke();
        x += 34;
      }
      label(context, entry.label, x + 4, middle, size);
      return;
    case 'outline':
      for (const item of entry.items) {
        context.strokeStyle = item.colour;
        context.lineWidth = item.width;
        context.strokeRect(x + 2, middle - 8, 22, 16);
        x = label(context, item.label, x + 34, middle, size) + 18;
      }
      return;
  }
}

import { createContext } from 'react';
import { translator, type Translate } from '../../i18n/messages';

/**
 * Charts as stand-alone SVG and PNG files: the chart's recharts SVG, with the computed styles it
 * needs written onto each element (the file has no stylesheet), on a white background, under the
 * chart's title and over its source line. Text goes in as text nodes, never as markup.
 */

export interface ChartExportSettings {
  /** Saves a file; the app passes the browser download. */
  download: (fileName: string, blob: Blob) => void;
  /** Said under every exported chart, e.g. the source report. */
  source: string;
}

/** Given by the charts panel; without it, charts show no download buttons. */
export const ChartExportContext = createContext<ChartExportSettings | null>(null);

export interface ChartLegendKey {
  label: string;
  colour: string;
}

/** Why a chart could not be saved; the message is in English, `problem` in any language. */
export class ChartExportError extends Error {
  constructor(readonly problem: (t: Translate) => string) {
    super(problem(translator('en')));
    this.name = 'ChartExportError';
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/**
 * Presentation properties that SVG inherits, with their initial values. An element gets one in
 * its style only where it differs from its parent's (the root: from the initial value), so the
 * file keeps what stylesheets and attributes made it look like, without repeating it everywhere.
 */
const INHERITED: Record<string, string> = {
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-opacity': '1',
  'stroke-dasharray': 'none',
  'font-family': '',
  'font-size': '',
  'font-weight': '400',
  'text-anchor': 'start',
  visibility: 'visible',
};
const FONT = '"Noto Sans", system-ui, sans-serif';
const TITLE_SIZE = 16;
const TEXT_SIZE = 12;
const PAD = 12;

/** Writes the computed presentation styles of `source` and its descendants onto `target`'s. */
function inlineStyles(source: Element, target: Element, parent: CSSStyleDeclaration | null) {
  const computed = getComputedStyle(source);
  const declarations: string[] = [];
  for (const [property, initial] of Object.entries(INHERITED)) {
    const value = computed.getPropertyValue(property);
    const inherited = parent ? parent.getPropertyValue(property) : initial;
    // jsdom answers "depends on user agent" for fonts it does not resolve.
    if (value === '' || value === inherited || value.includes('user agent')) continue;
    declarations.push(`${property}:${value}`);
  }
  const opacity = computed.getPropertyValue('opacity');
  if (opacity !== '' && opacity !== '1') declarations.push(`opacity:${opacity}`);
  if (computed.getPropertyValue('display') === 'none') declarations.push('display:none');
  if (declarations.length > 0) {
    const own = target.getAttribute('style');
    target.setAttribute('style', [own, ...declarations].filter(Boolean).join(';'));
  }
  const targetChildren = [...target.children];
  [...source.children].forEach((child, index) => {
    const copy = targetChildren[index];
    if (copy) inlineStyles(child, copy, computed);
  });
}

function textElement(
  document: Document,
  text: string,
  x: number,
  y: number,
  size: number,
  weight: number,
  fill: string,
) {
  const element = document.createElementNS(SVG_NS, 'text');
  element.setAttribute('x', String(x));
  element.setAttribute('y', String(y));
  element.setAttribute('font-family', FONT);
  element.setAttribute('font-size', String(size));
  element.setAttribute('font-weight', String(weight));
  element.setAttribute('fill', fill);
  element.textContent = text;
  return element;
}

/**
 * The chart in `container` (its first recharts SVG) as a stand-alone SVG document.
 *
 * @returns the SVG text and its size in CSS pixels
 */
export function chartSvg(
  container: Element,
  title: string,
  source: string,
  legend: readonly ChartLegendKey[] = [],
): { svg: string; width: number; height: number } {
  const chart = container.querySelector('svg.recharts-surface');
  if (chart === null) throw new ChartExportError((t) => t('charts.download.notDrawn', title));
  const document = chart.ownerDocument;
  const chartWidth = Number(chart.getAttribute('width')) || chart.clientWidth || 400;
  const chartHeight = Number(chart.getAttribute('height')) || chart.clientHeight || 300;
  const legendRows = legend.length;
  const top = PAD + TITLE_SIZE + PAD;
  const legendTop = top + chartHeight + PAD;
  const width = chartWidth + 2 * PAD;
  const height = legendTop + legendRows * (TEXT_SIZE + 6) + TEXT_SIZE + PAD;

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const titleNode = document.createElementNS(SVG_NS, 'title');
  titleNode.textContent = title;
  root.append(titleNode);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  root.append(background);
  root.append(textElement(document, title, PAD, PAD + TITLE_SIZE, TITLE_SIZE, 700, '#1b1f24'));

  const copy = chart.cloneNode(true) as SVGSVGElement;
  // The page sizes the chart by CSS (width: 100%); the file places it at its drawn size.
  copy.removeAttribute('style');
  inlineStyles(chart, copy, null);
  copy.setAttribute('x', String(PAD));
  copy.setAttribute('y', String(top));
  copy.setAttribute('width', String(chartWidth));
  copy.setAttribute('height', String(chartHeight));
  copy.removeAttribute('tabindex');
  copy.removeAttribute('role');
  copy.removeAttribute('class');
  root.append(copy);

  legend.forEach((key, index) => {
    const y = legendTop + index * (TEXT_SIZE + 6);
    const swatch = document.createElementNS(SVG_NS, 'rect');
    swatch.setAttribute('x', String(PAD));
    swatch.setAttribute('y', String(y));
    swatch.setAttribute('width', String(TEXT_SIZE));
    swatch.setAttribute('height', String(TEXT_SIZE));
    swatch.setAttribute('fill', key.colour);
    root.append(swatch);
    root.append(
      textElement(
        document,
        key.label,
        PAD + TEXT_SIZE + 6,
        y + TEXT_SIZE - 2,
        TEXT_SIZE,
        400,
        '#1b1f24',
      ),
    );
  });
  root.append(textElement(document, source, PAD, height - PAD, TEXT_SIZE - 1, 400, '#4a5260'));
  const svg = new XMLSerializer().serializeToString(root);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, width, height };
}

/** Draws the SVG on a canvas at `scale` and encodes it as PNG (browser only: needs image decoding). */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new ChartExportError((t) => t('charts.download.noCanvas'));
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => {
        if (blob) resolve(blob);
        else reject(new ChartExportError((t) => t('charts.download.notEncoded')));
      }, 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name from the chart's title: `harta-chart-organisations-per-county.svg`. */
export function chartFileName(title: string, extension: 'png' | 'svg'): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `harta-chart-${slug || 'chart'}.${extension}`;
}

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ChartExportContext, chartFileName } from '../../src/components/charts/chart-export';
import { ChartsPanel } from '../../src/components/charts/charts-panel';
import { CountBarChart } from '../../src/components/charts/count-bar-chart';
import type { ActivityByAreaSeries } from '../../src/domain/chart-series';

/*
 * SYNTHETIC rows. One label is an HTML payload: in the exported SVG it must be text, never an
 * element. jsdom has no ResizeObserver, so the charts draw at their initial size.
 */
const HOSTILE = '<img src=x onerror="window.__chartXss = 1">';
const rows = [
  { id: 'AL021', label: 'Elbasan', count: 3 },
  { id: 'AL011', label: 'Tiranë', count: 2 },
  { id: 'x', label: HOSTILE, count: 1 },
];
const SOURCE = 'Source: Mapping Report, Center for Legal Civic Initiatives (2019)';

function renderChart() {
  const download = vi.fn<(fileName: string, blob: Blob) => void>();
  render(
    <ChartExportContext value={{ download, source: SOURCE }}>
      <CountBarChart
        title="Organisations per county"
        rows={rows}
        selectedIds={[]}
        onBarClick={() => {}}
        valueLabel="organisations"
        valueLabelSingular="organisation"
      />
    </ChartExportContext>,
  );
  return download;
}

async function downloadedSvg(download: ReturnType<typeof renderChart>) {
  expect(download).toHaveBeenCalledTimes(1);
  const [fileName, blob] = download.mock.calls[0] ?? [];
  expect(blob?.type).toBe('image/svg+xml');
  const text = (await blob?.text()) ?? '';
  const document = new DOMParser().parseFromString(text, 'image/svg+xml');
  return { fileName, text, document };
}

describe('chart downloads', () => {
  it('downloads the chart as a stand-alone SVG: title, white background, bars, source', async () => {
    const download = renderChart();
    await userEvent.click(screen.getByRole('button', { name: 'Download SVG' }));
    const { fileName, text, document } = await downloadedSvg(download);
    expect(fileName).toBe('harta-chart-organisations-per-county.svg');
    expect(text.startsWith('<?xml')).toBe(true);
    expect(document.querySelector('parsererror')).toBeNull();
    const root = document.documentElement;
    expect(root.localName).toBe('svg');
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(Number(root.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(root.getAttribute('height'))).toBeGreaterThan(0);
    const texts = [...root.querySelectorAll('text')].map((node) => node.textContent);
    expect(texts[0]).toBe('Organisations per county');
    expect(texts).toContain(SOURCE);
    expect(texts).toContain('Elbasan');
    expect(root.querySelector('title')?.textContent).toBe('Organisations per county');
    const background = root.querySelector(':scope > rect');
    expect(background?.getAttribute('fill')).toBe('#ffffff');
    // The recharts drawing is inside, with bars.
    expect(root.querySelectorAll('svg .recharts-bar-rectangle').length).toBe(3);
  });

  it('writes computed styles onto the elements, so the file needs no stylesheet', async () => {
    const sheet = document.createElement('style');
    sheet.textContent = '.chart-segment { fill: rgb(1, 2, 3); }';
    document.head.append(sheet);
    const download = renderChart();
    await userEvent.click(screen.getByRole('button', { name: 'Download SVG' }));
    sheet.remove();
    const { document: file } = await downloadedSvg(download);
    const bars = [...file.querySelectorAll('rect.chart-segment')];
    expect(bars).toHaveLength(3);
    for (const bar of bars) expect(bar.getAttribute('style')).toContain('fill:rgb(1, 2, 3)');
    // Elements that look like their parent carry no repeated style.
    expect(file.querySelectorAll('g[style]').length).toBe(0);
  });

  it('keeps an HTML payload in a label as text: no element is made from it', async () => {
    const download = renderChart();
    await userEvent.click(screen.getByRole('button', { name: 'Download SVG' }));
    const { text, document } = await downloadedSvg(download);
    expect(document.querySelector('img')).toBeNull();
    expect(document.getElementsByTagName('img')).toHaveLength(0);
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;img src=x');
  });

  it('offers no download buttons when the panel gives no way to save files', () => {
    render(
      <CountBarChart
        title="Focus types"
        rows={rows}
        selectedIds={[]}
        onBarClick={() => {}}
        valueLabel="organisations"
        valueLabelSingular="organisation"
      />,
    );
    expect(screen.queryByRole('button', { name: /Download/ })).toBeNull();
  });

  it('gives each of the three charts in the panel its own PNG and SVG buttons', async () => {
    const download = vi.fn<(fileName: string, blob: Blob) => void>();
    const series: ActivityByAreaSeries = {
      level: 'county',
      countyId: null,
      keys: [{ id: 'training', label: 'Training and capacity building' }],
      rows: [{ id: 'AL021', name: 'Elbasan', values: { training: 2 }, organisations: 2 }],
    };
    render(
      <ChartsPanel
        activitySeries={series}
        focusCounts={rows}
        countyCounts={rows}
        selectedActivityTypes={[]}
        selectedFocusTypes={[]}
        selectedCountyId={null}
        onActivityTypeClick={() => {}}
        onFocusTypeClick={() => {}}
        onAreaClick={() => {}}
        exportSettings={{ download, source: SOURCE }}
      />,
    );
    const groups = screen.getAllByRole('group', { name: /^Download “/ });
    expect(groups).toHaveLength(3);
    for (const group of groups) {
      expect(within(group).getByRole('button', { name: 'Download PNG' })).toBeInTheDocument();
      expect(within(group).getByRole('button', { name: 'Download SVG' })).toBeInTheDocument();
    }
    // The activity chart's colour key lives in HTML; the exported file draws it.
    await userEvent.click(
      within(groups[0] as HTMLElement).getByRole('button', { name: 'Download SVG' }),
    );
    const [, blob] = download.mock.calls[0] ?? [];
    const document = new DOMParser().parseFromString((await blob?.text()) ?? '', 'image/svg+xml');
    const texts = [...document.querySelectorAll('text')].map((node) => node.textContent);
    expect(texts).toContain('Training and capacity building');
  });

  it('names files after the chart title, without accents or punctuation', () => {
    expect(chartFileName('Activities in Korçë: municipalities', 'png')).toBe(
      'harta-chart-activities-in-korce-municipalities.png',
    );
  });
});

import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChartsPanel, type ChartsPanelProps } from '../../src/components/charts/charts-panel';
import type { ActivityByAreaSeries, CountRow } from '../../src/domain/chart-series';

/*
 * SYNTHETIC rows. The charts panel holds its drawings while it is far from the viewport and
 * brings them up to date as it comes near, before printing and before a download. jsdom has no
 * IntersectionObserver: these tests put a fake one in its place, which reports whatever the
 * test says about the panel; without one (the other chart tests) the drawings are always current.
 */

class FakeIntersectionObserver {
  static observers: FakeIntersectionObserver[] = [];
  readonly targets: Element[] = [];
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit = {},
  ) {
    FakeIntersectionObserver.observers.push(this);
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  unobserve() {}
  disconnect() {
    this.targets.length = 0;
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  report(isIntersecting: boolean) {
    const entries = this.targets.map(
      (target) => ({ target, isIntersecting }) as unknown as IntersectionObserverEntry,
    );
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

/** Says, as the browser would, whether the panel is near the viewport. */
function panelIsNear(near: boolean) {
  act(() => {
    for (const observer of FakeIntersectionObserver.observers) observer.report(near);
  });
}

function series(counts: Record<string, number>): ActivityByAreaSeries {
  return {
    level: 'county',
    countyId: null,
    keys: [{ id: 'training', label: 'Training and capacity building' }],
    rows: Object.entries(counts).map(([name, count]) => ({
      id: name,
      name,
      values: { training: count },
      organisations: count,
    })),
  };
}

function countRows(counts: Record<string, number>): CountRow[] {
  return Object.entries(counts).map(([label, count]) => ({ id: label, label, count }));
}

/** Before a filter change: Elbasan 3, Tiranë 2. After: Elbasan 7, Tiranë 5. */
const before = { Elbasan: 3, Tiranë: 2 };
const after = { Elbasan: 7, Tiranë: 5 };

function props(counts: Record<string, number>, overrides: Partial<ChartsPanelProps> = {}) {
  return {
    activitySeries: series(counts),
    focusCounts: countRows(counts),
    countyCounts: countRows(counts),
    selectedActivityTypes: [],
    selectedFocusTypes: [],
    selectedCountyId: null,
    onActivityTypeClick: () => {},
    onFocusTypeClick: () => {},
    onAreaClick: () => {},
    ...overrides,
  } satisfies ChartsPanelProps;
}

/** The counts written beside the bars of "Organisations per county", as drawn. */
function drawnCountyCounts(): string[] {
  const figure = screen.getByRole('figure', { name: 'Organisations per county' });
  return [...figure.querySelectorAll('.chart-drawing .recharts-label-list text')].map(
    (node) => node.textContent ?? '',
  );
}

/** Widths of the activity chart's segments, as drawn. */
function drawnSegmentWidths(): number[] {
  const figure = screen.getByRole('figure', { name: 'Activity types per county' });
  return [...figure.querySelectorAll('.chart-drawing rect.chart-segment')].map((node) =>
    Number(node.getAttribute('width')),
  );
}

describe('charts far from the viewport', () => {
  beforeEach(() => {
    FakeIntersectionObserver.observers = [];
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('watches the panel with a margin, so the drawings catch up before they come into view', () => {
    render(<ChartsPanel {...props(before)} />);
    const [observer] = FakeIntersectionObserver.observers;
    expect(observer?.targets).toEqual([screen.getByRole('region', { name: 'Charts' })]);
    expect(observer?.options.rootMargin).toMatch(/^\d+% 0px \d+% 0px$/);
  });

  it('does not redraw on a filter change while far, and redraws as the panel comes near', () => {
    const view = render(<ChartsPanel {...props(before)} />);
    panelIsNear(true);
    expect(drawnCountyCounts()).toEqual(['3', '2']);
    const widthsBefore = drawnSegmentWidths();

    panelIsNear(false);
    view.rerender(<ChartsPanel {...props(after)} />);
    // The drawings wait...
    expect(drawnCountyCounts()).toEqual(['3', '2']);
    expect(drawnSegmentWidths()).toEqual(widthsBefore);
    // ...while what a screen reader reads is current.
    expect(screen.getByRole('button', { name: 'Select Elbasan (7 organisations)' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Select Elbasan' })).toBeInTheDocument();

    panelIsNear(true);
    expect(drawnCountyCounts()).toEqual(['7', '5']);
    expect(drawnSegmentWidths()).not.toEqual(widthsBefore);
  });

  it('keeps holding across several filter changes, then draws the latest', () => {
    const view = render(<ChartsPanel {...props(before)} />);
    panelIsNear(false);
    view.rerender(<ChartsPanel {...props({ Elbasan: 4, Tiranë: 1 })} />);
    view.rerender(<ChartsPanel {...props(after)} />);
    expect(drawnCountyCounts()).toEqual(['3', '2']);
    panelIsNear(true);
    expect(drawnCountyCounts()).toEqual(['7', '5']);
  });

  it('draws the current data before printing', () => {
    const view = render(<ChartsPanel {...props(before)} />);
    panelIsNear(false);
    view.rerender(<ChartsPanel {...props(after)} />);
    expect(drawnCountyCounts()).toEqual(['3', '2']);

    // The browser lays the page out for print right after this event: no waiting for React.
    window.dispatchEvent(new Event('beforeprint'));
    expect(drawnCountyCounts()).toEqual(['7', '5']);

    // Still far away: the next filter change waits again.
    view.rerender(<ChartsPanel {...props(before)} />);
    expect(drawnCountyCounts()).toEqual(['7', '5']);
  });

  it('downloads the current data even when the drawing was held', async () => {
    const download = vi.fn<(fileName: string, blob: Blob) => void>();
    const exportSettings = { download, source: 'Source: synthetic' };
    const view = render(<ChartsPanel {...props(before, { exportSettings })} />);
    panelIsNear(false);
    view.rerender(<ChartsPanel {...props(after, { exportSettings })} />);
    expect(drawnCountyCounts()).toEqual(['3', '2']);

    const figure = screen.getByRole('figure', { name: 'Organisations per county' });
    await userEvent.click(within(figure).getByRole('button', { name: 'Download SVG' }));
    const [, blob] = download.mock.calls[0] ?? [];
    const file = new DOMParser().parseFromString((await blob?.text()) ?? '', 'image/svg+xml');
    const labels = [...file.querySelectorAll('.recharts-label-list text')].map(
      (node) => node.textContent,
    );
    expect(labels).toEqual(['7', '5']);
  });

  it('redraws a selection change as soon as the panel is near', () => {
    const view = render(<ChartsPanel {...props(before)} />);
    panelIsNear(false);
    view.rerender(<ChartsPanel {...props(before, { selectedCountyId: 'Tiranë' })} />);
    const figure = screen.getByRole('figure', { name: 'Organisations per county' });
    const bold = () =>
      [...figure.querySelectorAll('.chart-drawing .chart-area-label')]
        .filter((node) => node.getAttribute('font-weight') === '700')
        .map((node) => node.textContent);
    expect(bold()).toEqual([]);
    panelIsNear(true);
    expect(bold()).toEqual(['Tiranë']);
  });
});

describe('charts without IntersectionObserver', () => {
  it('redraw on every change, as before', () => {
    expect(typeof globalThis.IntersectionObserver).toBe('undefined');
    const view = render(<ChartsPanel {...props(before)} />);
    expect(drawnCountyCounts()).toEqual(['3', '2']);
    view.rerender(<ChartsPanel {...props(after)} />);
    expect(drawnCountyCounts()).toEqual(['7', '5']);
  });
});

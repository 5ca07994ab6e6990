import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChartsPanel } from '../../src/components/charts/charts-panel';
import { HoldWhileFar } from '../../src/components/hold-while-far';
import { OverlapMatrix } from '../../src/components/overlap-matrix';
import { createHartaStore, type HartaStore } from '../../src/store/harta-store';
import {
  selectActivityByArea,
  selectFocusTypeCounts,
  selectMunicipalityCoverage,
  selectOrganisationsPerCounty,
} from '../../src/store/selectors';
import { useHarta } from '../../src/store/store-context';
import { StoreProvider } from '../../src/store/store-provider';
import { makeDataset, makeOrganisation } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

/*
 * The dashboard's sections below the fold (overlap heatmap, charts) wait while they are far
 * from the screen and catch up as they come near, before printing and before a chart download.
 * jsdom has no IntersectionObserver: these tests put a fake one in its place, which reports
 * whatever the test says; without one (the other component tests) nothing ever waits.
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

/** Says, as the browser would, whether the section is near the viewport. */
function sectionIsNear(near: boolean) {
  act(() => {
    for (const observer of FakeIntersectionObserver.observers) observer.report(near);
  });
}

// Fixture gazetteer: AL212 Cërrik in Elbasan county. Two organisations do awareness there.
const CERRIK = 'AL212';
const inCerrik = (id: string, name: string) =>
  makeOrganisation({ id, name, municipalityIds: [CERRIK], activityTypes: ['awareness'] });

function fixtureStore(): HartaStore {
  return createHartaStore({
    gazetteer: makeGazetteer(),
    dataset: makeDataset([inCerrik('a', 'Alpha'), inCerrik('b', 'Beta')]),
  });
}

/** A filter change: the text filter keeps Alpha only. */
function keepAlphaOnly(store: HartaStore) {
  act(() => store.getState().setText('Alpha'));
}

/** The heatmap's Cërrik × Awareness cell, as shown. */
const cerrikAwareness = () =>
  screen.getByRole('cell', { name: /^Cërrik, Awareness:/ }).textContent ?? '';

function renderOverlapSection(store: HartaStore) {
  render(
    <StoreProvider store={store}>
      <HoldWhileFar className="overlap-section" label="Overlap" margin="0px">
        <OverlapMatrix />
      </HoldWhileFar>
    </StoreProvider>,
  );
  return screen.getByRole('region', { name: 'Overlap' });
}

/** The charts panel fed from the store, as the dashboard feeds it. */
function StoreCharts({ download }: { download: (fileName: string, blob: Blob) => void }) {
  const activitySeries = useHarta(selectActivityByArea);
  const focusCounts = useHarta(selectFocusTypeCounts);
  const countyCounts = useHarta(selectOrganisationsPerCounty);
  return (
    <ChartsPanel
      activitySeries={activitySeries}
      focusCounts={focusCounts}
      countyCounts={countyCounts}
      selectedActivityTypes={[]}
      selectedFocusTypes={[]}
      selectedCountyId={null}
      onActivityTypeClick={() => {}}
      onFocusTypeClick={() => {}}
      onAreaClick={() => {}}
      exportSettings={{ download, source: 'Source: fixture' }}
    />
  );
}

/** The count written beside Elbasan, the first bar of "Organisations per county", as drawn. */
function drawnElbasanCount(): string {
  const figure = screen.getByRole('figure', { name: 'Organisations per county' });
  return figure.querySelector('.chart-drawing .recharts-label-list text')?.textContent ?? '';
}

describe('a section held while far from the screen', () => {
  beforeEach(() => {
    FakeIntersectionObserver.observers = [];
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('watches its own element with the margin it was given', () => {
    const section = renderOverlapSection(fixtureStore());
    const [observer] = FakeIntersectionObserver.observers;
    expect(observer?.targets).toEqual([section]);
    expect(observer?.options.rootMargin).toBe('0px');
  });

  it('keeps what it showed through a filter change while far, says it is busy, and catches up as it comes near', () => {
    const store = fixtureStore();
    const section = renderOverlapSection(store);
    expect(cerrikAwareness()).toContain('2');

    sectionIsNear(false);
    // Nothing changed yet: not busy.
    expect(section).not.toHaveAttribute('aria-busy');
    keepAlphaOnly(store);
    expect(cerrikAwareness()).toContain('2');
    expect(section).toHaveAttribute('aria-busy', 'true');

    sectionIsNear(true);
    expect(cerrikAwareness()).toContain('1');
    expect(section).not.toHaveAttribute('aria-busy');
  });

  it('follows every change while near', () => {
    const store = fixtureStore();
    renderOverlapSection(store);
    sectionIsNear(true);
    keepAlphaOnly(store);
    expect(cerrikAwareness()).toContain('1');
  });

  it('acts on what it shows through the real store while held', () => {
    const store = fixtureStore();
    renderOverlapSection(store);
    sectionIsNear(false);
    act(() => screen.getByRole('button', { name: 'Cërrik' }).click());
    expect(store.getState().selection).toEqual({ kind: 'municipality', id: CERRIK });
  });

  it('shows the current data before printing, then waits again', () => {
    const store = fixtureStore();
    const section = renderOverlapSection(store);
    sectionIsNear(false);
    keepAlphaOnly(store);
    expect(cerrikAwareness()).toContain('2');

    // The browser lays the page out for print right after this event: no waiting for React.
    window.dispatchEvent(new Event('beforeprint'));
    expect(cerrikAwareness()).toContain('1');
    expect(section).not.toHaveAttribute('aria-busy');

    // Still far away: the next change waits again.
    act(() => store.getState().setText(''));
    expect(cerrikAwareness()).toContain('1');
    expect(section).toHaveAttribute('aria-busy', 'true');
  });

  it('lives beside current parts of the page that read the same derived figures', () => {
    // Held and current readers ask the same memoised selectors about two different states, in
    // turn, whenever the page re-renders: each must get back what it got before.
    const store = fixtureStore();
    function CurrentCount() {
      const coverage = useHarta(selectMunicipalityCoverage);
      return <p>Now: {coverage.get(CERRIK)?.counts.local}</p>;
    }
    // A new element tree each time, so React renders the held section again (with its state).
    const page = () => (
      <StoreProvider store={store}>
        <CurrentCount />
        <HoldWhileFar className="overlap-section" label="Overlap" margin="0px">
          <OverlapMatrix />
        </HoldWhileFar>
      </StoreProvider>
    );
    const view = render(page());
    sectionIsNear(false);
    keepAlphaOnly(store);
    view.rerender(page());
    view.rerender(page());
    expect(screen.getByText('Now: 1')).toBeInTheDocument();
    expect(cerrikAwareness()).toContain('2');
    sectionIsNear(true);
    expect(cerrikAwareness()).toContain('1');
  });

  it('draws a chart with the current data before downloading it', async () => {
    const store = fixtureStore();
    const download = vi.fn<(fileName: string, blob: Blob) => void>();
    render(
      <StoreProvider store={store}>
        <HoldWhileFar className="charts-region" margin="50% 0px 50% 0px">
          <StoreCharts download={download} />
        </HoldWhileFar>
      </StoreProvider>,
    );
    expect(drawnElbasanCount()).toBe('2');
    sectionIsNear(false);
    keepAlphaOnly(store);
    expect(drawnElbasanCount()).toBe('2');

    const figure = screen.getByRole('figure', { name: 'Organisations per county' });
    await userEvent.click(within(figure).getByRole('button', { name: 'Download SVG' }));
    const [, blob] = download.mock.calls[0] ?? [];
    const file = new DOMParser().parseFromString((await blob?.text()) ?? '', 'image/svg+xml');
    expect(file.querySelector('.recharts-label-list text')?.textContent).toBe('1');
  });
});

describe('without IntersectionObserver', () => {
  it('nothing waits', () => {
    expect(typeof globalThis.IntersectionObserver).toBe('undefined');
    const store = fixtureStore();
    renderOverlapSection(store);
    keepAlphaOnly(store);
    expect(cerrikAwareness()).toContain('1');
  });
});

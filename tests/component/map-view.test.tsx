import {
  act,
  render as renderInStore,
  screen,
  within,
  type RenderOptions,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MapLegend } from '../../src/components/map-legend';
import { MapView } from '../../src/components/map-view';
import type {
  CreateMapAdapter,
  MapAdapter,
  MapCallbacks,
  MapModel,
  MapView as MapViewState,
} from '../../src/domain/map-model';
import { COUNTY_RAMP, GAP_RAMP } from '../../src/domain/map-palette';
import type { MunicipalBoundaryDrawing } from '../../src/domain/municipal-boundaries';
import { createHartaStore, type HartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { cerrikBoundaries } from '../unit/fixtures/boundary-fixture';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

// The React host with a FAKE adapter factory: jsdom has no WebGL, and the host only knows the
// adapter contract, so a recording stand-in shows what it asks of the map. The host and the
// legend read the user's municipal boundaries from the store, so each render gets its own.

function newStore(): HartaStore {
  return createHartaStore({ gazetteer: makeGazetteer(), dataset: makeDataset() });
}

/** `render` inside a store of its own (or the one given); rerenders keep it. */
function render(ui: ReactElement, options: RenderOptions & { store?: HartaStore } = {}) {
  const store = options.store ?? newStore();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StoreProvider store={store}>{children}</StoreProvider>
  );
  return { store, ...renderInStore(ui, { ...options, wrapper }) };
}

const loadedBoundaries = cerrikBoundaries('bashkite <2025>.geojson');

function model(overrides: Partial<MapModel> = {}): MapModel {
  return {
    counties: [{ id: 'AL021', name: 'Elbasan', value: 16, planned: false }],
    countyMax: 16,
    countyMeasureLabel: 'Organisations working in the county',
    municipalities: [
      {
        id: 'AL212',
        name: 'Cërrik',
        lonLat: [19.97583, 41.03167],
        approximate: false,
        organisations: 6,
        gapScore: 0.02,
        hotspotLevel: 3,
        planned: false,
        unfiltered: { organisations: 6, gapScore: 0 },
      },
    ],
    highlighted: [],
    selected: null,
    hovered: null,
    ...overrides,
  };
}

interface FakeMap {
  load: () => Promise<CreateMapAdapter>;
  create: ReturnType<typeof vi.fn<CreateMapAdapter>>;
  adapter: { [K in keyof MapAdapter]: ReturnType<typeof vi.fn<MapAdapter[K]>> };
  callbacks: () => MapCallbacks;
  container: () => HTMLElement | null;
}

function fakeMap(): FakeMap {
  const adapter = {
    update: vi.fn<MapAdapter['update']>(),
    fitCountry: vi.fn<MapAdapter['fitCountry']>(),
    setView: vi.fn<MapAdapter['setView']>(),
    destroy: vi.fn<MapAdapter['destroy']>(),
  };
  let given: MapCallbacks | null = null;
  let host: HTMLElement | null = null;
  const create = vi.fn<CreateMapAdapter>((container, callbacks) => {
    host = container;
    given = callbacks;
    return adapter;
  });
  return {
    load: () => Promise.resolve(create),
    create,
    adapter,
    callbacks: () => {
      if (given === null) throw new Error('the adapter was not created');
      return given;
    },
    container: () => host,
  };
}

function renderHost(
  map: { load: () => Promise<CreateMapAdapter> },
  overrides: Partial<Parameters<typeof MapView>[0]> = {},
  store?: HartaStore,
) {
  const props = {
    model: model(),
    loadAdapter: map.load,
    initialView: null,
    onAreaClick: vi.fn(),
    onAreaHover: vi.fn(),
    onViewChange: vi.fn(),
    onReady: vi.fn(),
    ...overrides,
  };
  const view = render(<MapView {...props} />, { store });
  return { props, ...view };
}

describe('MapView (host of the map adapter)', () => {
  it('creates the adapter once, in its container, with the initial view, and hands it the model', async () => {
    const map = fakeMap();
    const initialView: MapViewState = { center: [20, 41], zoom: 8 };
    const { props, rerender } = renderHost(map, { initialView });
    await vi.waitFor(() => expect(map.create).toHaveBeenCalledTimes(1));
    expect(map.create.mock.calls[0]?.[2]).toEqual(initialView);
    expect(map.container()).toBeInstanceOf(HTMLElement);
    expect(map.adapter.update).toHaveBeenLastCalledWith(props.model);

    // New callbacks and the same model on every render must not recreate the map or resend.
    map.adapter.update.mockClear();
    rerender(<MapView {...props} onAreaClick={vi.fn()} onViewChange={vi.fn()} />);
    rerender(
      <MapView {...props} onAreaClick={vi.fn()} initialView={{ center: [19, 40], zoom: 9 }} />,
    );
    expect(map.create).toHaveBeenCalledTimes(1);
    expect(map.adapter.update).not.toHaveBeenCalled();
  });

  it('forwards every new model', async () => {
    const map = fakeMap();
    const { props, rerender } = renderHost(map);
    await vi.waitFor(() => expect(map.adapter.update).toHaveBeenCalledTimes(1));
    const next = model({ selected: { level: 'municipality', id: 'AL212' } });
    rerender(<MapView {...props} model={next} />);
    expect(map.adapter.update).toHaveBeenCalledTimes(2);
    expect(map.adapter.update).toHaveBeenLastCalledWith(next);
  });

  it('sends a model that changed while the adapter was loading', async () => {
    const map = fakeMap();
    let release: () => void = () => undefined;
    const slow = () =>
      new Promise<CreateMapAdapter>((resolve) => {
        release = () => resolve(map.create);
      });
    const { props, rerender } = renderHost({ load: slow });
    const later = model({ countyMax: 20 });
    rerender(<MapView {...props} model={later} />);
    await act(async () => {
      release();
      await Promise.resolve();
    });
    expect(map.adapter.update).toHaveBeenCalledTimes(1);
    expect(map.adapter.update).toHaveBeenLastCalledWith(later);
  });

  it('destroys the adapter on unmount, and never creates one after an early unmount', async () => {
    const map = fakeMap();
    const { unmount } = renderHost(map);
    await vi.waitFor(() => expect(map.create).toHaveBeenCalled());
    unmount();
    expect(map.adapter.destroy).toHaveBeenCalledTimes(1);

    const early = fakeMap();
    const second = renderHost(early);
    second.unmount();
    await act(async () => {
      await Promise.resolve();
    });
    expect(early.create).not.toHaveBeenCalled();
  });

  it('passes clicks, hovers, view changes and readiness to the current props', async () => {
    const map = fakeMap();
    const { props, rerender } = renderHost(map);
    await vi.waitFor(() => expect(map.create).toHaveBeenCalled());
    const onAreaClick = vi.fn();
    rerender(<MapView {...props} onAreaClick={onAreaClick} />);

    const callbacks = map.callbacks();
    callbacks.onAreaClick({ level: 'municipality', id: 'AL212' });
    callbacks.onAreaClick(null);
    callbacks.onAreaHover({ level: 'county', id: 'AL021' });
    callbacks.onViewChange({ center: [20, 41], zoom: 7.5 });
    act(() => callbacks.onReady?.());

    expect(onAreaClick.mock.calls).toEqual([[{ level: 'municipality', id: 'AL212' }], [null]]);
    expect(props.onAreaClick).not.toHaveBeenCalled();
    expect(props.onAreaHover).toHaveBeenCalledWith({ level: 'county', id: 'AL021' });
    expect(props.onViewChange).toHaveBeenCalledWith({ center: [20, 41], zoom: 7.5 });
    expect(props.onReady).toHaveBeenCalledTimes(1);
  });

  it('shows a loading state until the map is ready', async () => {
    const map = fakeMap();
    renderHost(map);
    expect(screen.getByRole('status')).toHaveTextContent(/loading the map/i);
    await vi.waitFor(() => expect(map.create).toHaveBeenCalled());
    expect(screen.getByRole('status')).toBeInTheDocument();
    act(() => map.callbacks().onReady?.());
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('zooms back to the whole country with "Reset view"', async () => {
    const map = fakeMap();
    const onResetView = vi.fn();
    renderHost(map, { onResetView });
    await vi.waitFor(() => expect(map.create).toHaveBeenCalled());
    act(() => map.callbacks().onReady?.());
    await userEvent.click(screen.getByRole('button', { name: 'Reset view' }));
    expect(map.adapter.fitCountry).toHaveBeenCalledTimes(1);
    expect(onResetView).toHaveBeenCalledTimes(1);
  });

  it('says plainly when there is no WebGL, and keeps the rest of the page', async () => {
    const noWebGl = () => Promise.reject(new Error('Failed to initialize WebGL'));
    render(
      <>
        <MapView
          model={model()}
          loadAdapter={noWebGl}
          initialView={null}
          onAreaClick={vi.fn()}
          onAreaHover={vi.fn()}
          onViewChange={vi.fn()}
        />
        <p>The lists still work</p>
      </>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/WebGL/);
    expect(alert).toHaveTextContent(/everything else on this page works/i);
    expect(screen.queryByRole('button', { name: 'Reset view' })).not.toBeInTheDocument();
    expect(screen.getByText('The lists still work')).toBeInTheDocument();
  });

  it('shows the error when creating the map throws, too', async () => {
    const throwing: CreateMapAdapter = () => {
      throw new Error('Failed to initialize WebGL');
    };
    renderHost({ load: () => Promise.resolve(throwing) });
    expect(await screen.findByRole('alert')).toHaveTextContent(/WebGL/);
  });

  it('hands the adapter the loaded boundaries before the first model, then every change', async () => {
    const map = fakeMap();
    const calls: string[] = [];
    const setMunicipalBoundaries = vi.fn<MunicipalBoundaryDrawing['setMunicipalBoundaries']>(
      (boundaries) => calls.push(`boundaries:${boundaries?.fileName ?? 'none'}`),
    );
    map.adapter.update.mockImplementation(() => calls.push('update'));
    const drawing = { ...map.adapter, setMunicipalBoundaries };
    const store = newStore();
    store.getState().setMunicipalBoundaries(loadedBoundaries);
    const { props, rerender } = renderHost(
      { load: () => Promise.resolve(() => drawing) },
      {},
      store,
    );
    await vi.waitFor(() => expect(map.adapter.update).toHaveBeenCalled());
    // Boundaries first: the first model is drawn as areas, never as symbols then areas.
    expect(calls).toEqual(['boundaries:bashkite <2025>.geojson', 'update']);

    act(() => store.getState().setMunicipalBoundaries(null));
    expect(setMunicipalBoundaries).toHaveBeenLastCalledWith(null);
    act(() => store.getState().setMunicipalBoundaries(loadedBoundaries));
    expect(setMunicipalBoundaries).toHaveBeenLastCalledWith(loadedBoundaries);
    // A model change alone does not resend the boundaries.
    const sent = setMunicipalBoundaries.mock.calls.length;
    const next = model({ selected: { level: 'municipality', id: 'AL212' } });
    rerender(<MapView {...props} model={next} />);
    expect(map.adapter.update).toHaveBeenLastCalledWith(next);
    expect(setMunicipalBoundaries).toHaveBeenCalledTimes(sent);
  });

  it('keeps working with an adapter that cannot draw boundaries', async () => {
    const map = fakeMap();
    const store = newStore();
    store.getState().setMunicipalBoundaries(loadedBoundaries);
    renderHost(map, {}, store);
    await vi.waitFor(() => expect(map.adapter.update).toHaveBeenCalledTimes(1));
    act(() => store.getState().setMunicipalBoundaries(null));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains other load failures with their reason', async () => {
    renderHost({ load: () => Promise.reject(new Error('chunk failed to load')) });
    expect(await screen.findByRole('alert')).toHaveTextContent(/chunk failed to load/);
  });
});

describe('MapLegend', () => {
  it('never gets shorter as filters change, so the map above it is not resized', () => {
    // A stand-in ResizeObserver: the test says how tall the legend was drawn.
    const observers: Array<(height: number) => void> = [];
    class FakeResizeObserver {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(target: Element) {
        observers.push((height) =>
          this.callback(
            [{ target, borderBoxSize: [{ blockSize: height, inlineSize: 700 }] }] as never,
            this,
          ),
        );
      }
      disconnect() {}
      unobserve() {}
    }
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    try {
      const { rerender } = render(<MapLegend model={model()} />);
      const legend = screen.getByRole('list', { name: 'Map legend' });
      expect(legend.style.minHeight).toBe('');
      act(() => observers.forEach((report) => report(158)));
      expect(legend.style.minHeight).toBe('158px');
      // A filter makes the key shorter: the legend keeps its height.
      rerender(<MapLegend model={model({ countyMax: 3 })} />);
      act(() => observers.forEach((report) => report(132)));
      expect(legend.style.minHeight).toBe('158px');
      // Taller again: it follows.
      act(() => observers.forEach((report) => report(170)));
      expect(legend.style.minHeight).toBe('170px');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('explains county shading with the measure and its 0…max scale', () => {
    render(<MapLegend model={model()} />);
    const legend = screen.getByRole('list', { name: 'Map legend' });
    const items = within(legend).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Counties: Organisations working in the county');
    expect(items[0]).toHaveTextContent('016');
  });

  it('says when every county is 0 rather than drawing a meaningless scale', () => {
    render(<MapLegend model={model({ countyMax: 0 })} />);
    expect(screen.getByText('0 in every county')).toBeInTheDocument();
  });

  it('explains circle size (with the largest count on the map), colour, hotspot ring and emphasis', () => {
    const { container } = render(
      <MapLegend
        model={model({
          municipalities: [
            { ...model().municipalities[0]!, organisations: 11 },
            { ...model().municipalities[0]!, id: 'AL111', organisations: 0 },
          ],
        })}
      />,
    );
    expect(screen.getByText(/circle size: organisations/i)).toBeInTheDocument();
    expect(screen.getByText('0 (nobody)')).toBeInTheDocument();
    expect(screen.getByText('11')).toBeInTheDocument();
    expect(screen.getByText(/circle colour: coverage gap/i)).toBeInTheDocument();
    expect(screen.getByText('covered')).toBeInTheDocument();
    expect(screen.getByText('underserved')).toBeInTheDocument();
    expect(screen.getByText(/hotspot/i)).toBeInTheDocument();
    expect(screen.getByText('selected')).toBeInTheDocument();
    expect(screen.getByText("organisation's areas")).toBeInTheDocument();

    // The ramps are drawn with the map's own palette.
    const html = container.innerHTML.toLowerCase();
    for (const stop of [...COUNTY_RAMP, ...GAP_RAMP]) {
      const [r, g, b] = [1, 3, 5].map((index) =>
        Number.parseInt(stop.colour.slice(index, index + 2), 16),
      );
      expect(
        html.includes(stop.colour) || html.includes(`rgb(${r}, ${g}, ${b})`),
        stop.colour,
      ).toBe(true);
    }
  });

  it('names the user’s boundary file, explains areas instead of circles, and removes it', async () => {
    const store = newStore();
    store.getState().setMunicipalBoundaries(loadedBoundaries);
    render(<MapLegend model={model()} />, { store });
    const legend = screen.getByRole('list', { name: 'Map legend' });
    expect(legend).toHaveTextContent(
      '1 of 1 municipalities are shaded with the boundaries from your file “bashkite <2025>.geojson”.',
    );
    // Every municipality is an area: no circle keys, the same gap palette on the areas.
    expect(screen.queryByText(/circle size/i)).not.toBeInTheDocument();
    expect(screen.getByText('Municipality colour: coverage gap')).toBeInTheDocument();
    expect(screen.getByText('Hotspot: dark band inside the outline')).toBeInTheDocument();
    expect(
      screen.getByText(/seen only where no municipal boundary covers the county/i),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Remove boundaries' }));
    expect(store.getState().municipalBoundaries).toBeNull();
    expect(screen.queryByText(/your file/)).not.toBeInTheDocument();
    expect(screen.getByText('Circle colour: coverage gap')).toBeInTheDocument();
    expect(screen.getByText(/circle size: organisations/i)).toBeInTheDocument();
  });

  it('keeps the circle keys for municipalities the file does not cover', () => {
    const store = newStore();
    store.getState().setMunicipalBoundaries(loadedBoundaries);
    const two = model({
      municipalities: [
        model().municipalities[0]!,
        { ...model().municipalities[0]!, id: 'AL111', name: 'Bulqizë', organisations: 2 },
      ],
    });
    render(<MapLegend model={two} />, { store });
    expect(screen.getByRole('list', { name: 'Map legend' })).toHaveTextContent(
      '1 of 2 municipalities are shaded with the boundaries from your file “bashkite <2025>.geojson”; the others are circles at their seats.',
    );
    expect(screen.getByText(/circle size: organisations/i)).toBeInTheDocument();
    expect(screen.getByText('2')).toBeInTheDocument();
  });
});

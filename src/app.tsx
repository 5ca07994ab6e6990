import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Dataset } from './domain/dataset';
import type { Gazetteer } from './domain/gazetteer-schema';
import type { CreateMapAdapter, MapAreaRef } from './domain/map-model';
import type { LoadedData } from './io/load-data';
import { readInitialUrlState, startUrlSync } from './io/url-sync';
import type { KnownIds } from './io/url-state';
import { createHartaStore, type HartaState } from './store/harta-store';
import {
  selectActivityByArea,
  selectFocusCountyId,
  selectFocusTypeCounts,
  selectMapModel,
  selectOrganisationsPerCounty,
} from './store/selectors';
import { useHarta, useHartaStoreApi } from './store/store-context';
import { StoreProvider } from './store/store-provider';
import { Attribution } from './components/attribution';
import { DataProblems } from './components/data-problems';
import { LinkNotice } from './components/link-notice';
import { FiltersBar } from './components/filters-bar';
import { MapLegend } from './components/map-legend';
import { MapView } from './components/map-view';
import { PlaceSearch } from './components/place-search';
import { SidePanel } from './components/side-panel';

/** recharts and its dependencies are most of the app's code; the charts sit below the fold. */
const ChartsPanel = lazy(() =>
  import('./components/charts/charts-panel').then((module) => ({ default: module.ChartsPanel })),
);

/** maplibre-gl is loaded only when the map mounts, so the first paint does not wait for it. */
const loadMaplibreAdapter = (): Promise<CreateMapAdapter> =>
  import('./map/maplibre-adapter').then((module) => module.createMaplibreAdapter);

interface AppProps {
  data: LoadedData;
  /** Replaced in tests by a fake: jsdom has no WebGL. */
  loadMapAdapter?: () => Promise<CreateMapAdapter>;
}

export function App({ data, loadMapAdapter = loadMaplibreAdapter }: AppProps) {
  if (!data.ok) {
    return (
      <div className="app">
        <main>
          <h1>Harta</h1>
          <DataProblems problems={data.problems} />
        </main>
      </div>
    );
  }
  return (
    <Dashboard
      gazetteer={data.gazetteer}
      dataset={data.dataset}
      dataProblems={data.problems}
      loadMapAdapter={loadMapAdapter}
    />
  );
}

function knownIds(gazetteer: Gazetteer, dataset: Dataset): KnownIds {
  const ids = (entries: { id: string }[]) => new Set(entries.map((entry) => entry.id));
  return {
    activityTypes: ids(dataset.activityTypes),
    focusTypes: ids(dataset.focusTypes),
    kinds: ids(dataset.organisationKinds),
    municipalities: ids(gazetteer.municipalities),
    counties: ids(gazetteer.counties),
    organisations: ids(dataset.organisations),
  };
}

function restorable(state: HartaState) {
  return {
    filters: state.filters,
    selection: state.selection,
    tab: state.tab,
    countNationwide: state.countNationwide,
    countyMeasure: state.countyMeasure,
    mapView: state.mapView,
  };
}

interface DashboardProps {
  gazetteer: Gazetteer;
  dataset: Dataset;
  dataProblems: string[];
  loadMapAdapter: () => Promise<CreateMapAdapter>;
}

function Dashboard({ gazetteer, dataset, dataProblems, loadMapAdapter }: DashboardProps) {
  const known = useMemo(() => knownIds(gazetteer, dataset), [gazetteer, dataset]);
  const [initial] = useState(() => readInitialUrlState(known));
  const [store] = useState(() => createHartaStore({ gazetteer, dataset }, initial.state));
  const [linkProblems, setLinkProblems] = useState<string[]>(initial.problems);

  useEffect(
    () =>
      startUrlSync({
        known,
        read: () => restorable(store.getState()),
        subscribe: (listener) => store.subscribe(listener),
        apply: (state) => store.getState().restore(state),
        onProblems: setLinkProblems,
      }),
    [known, store],
  );

  return (
    <StoreProvider store={store}>
      <DashboardLayout
        problems={dataProblems}
        linkProblems={linkProblems}
        onDismissLinkProblems={() => setLinkProblems([])}
        loadMapAdapter={loadMapAdapter}
      />
    </StoreProvider>
  );
}

/**
 * Each section subscribes only to what it draws: a hover or a pan re-renders the map section,
 * not the charts (which cost hundreds of milliseconds to redraw).
 */
function MapSection({ loadMapAdapter }: { loadMapAdapter: () => Promise<CreateMapAdapter> }) {
  const store = useHartaStoreApi();
  const mapModel = useHarta(selectMapModel);
  const mapView = useHarta((state) => state.mapView);
  const [initialView] = useState(() => store.getState().mapView);
  const actions = store.getState();
  const onArea = (area: MapAreaRef | null) =>
    actions.select(area === null ? null : { kind: area.level, id: area.id });
  return (
    <section className="map-column" aria-label="Map">
      <MapView
        model={mapModel}
        loadAdapter={loadMapAdapter}
        initialView={initialView}
        onAreaClick={onArea}
        onAreaHover={actions.hover}
        onViewChange={actions.setMapView}
        onResetView={() => actions.setMapView(null)}
        view={mapView}
      />
      <MapLegend model={mapModel} />
    </section>
  );
}

function ChartsSection() {
  const store = useHartaStoreApi();
  const filters = useHarta((state) => state.filters);
  const selection = useHarta((state) => state.selection);
  const activitySeries = useHarta(selectActivityByArea);
  const focusCounts = useHarta(selectFocusTypeCounts);
  const countyCounts = useHarta(selectOrganisationsPerCounty);
  const focusCountyId = useHarta(selectFocusCountyId);
  const actions = store.getState();
  const selectedArea = selection && selection.kind !== 'organisation' ? selection.id : null;
  return (
    <Suspense fallback={<p className="charts-loading">Loading charts…</p>}>
      <ChartsPanel
        activitySeries={activitySeries}
        focusCounts={focusCounts}
        countyCounts={countyCounts}
        selectedActivityTypes={filters.activityTypes}
        selectedFocusTypes={filters.focusTypes}
        selectedCountyId={focusCountyId}
        highlightedAreaId={selectedArea}
        onActivityTypeClick={actions.toggleActivityType}
        onFocusTypeClick={actions.toggleFocusType}
        onAreaClick={(level, id) => actions.select({ kind: level, id })}
      />
    </Suspense>
  );
}

function DashboardLayout({
  problems,
  linkProblems,
  onDismissLinkProblems,
  loadMapAdapter,
}: {
  problems: string[];
  linkProblems: string[];
  onDismissLinkProblems: () => void;
  loadMapAdapter: () => Promise<CreateMapAdapter>;
}) {
  const gazetteer = useHarta((state) => state.gazetteer);
  const dataset = useHarta((state) => state.dataset);
  return (
    <div className="app dashboard">
      <header className="app-header">
        <div className="title-block">
          <h1>Harta</h1>
          <p className="tagline">
            Who does what, where, to prevent and counter violent extremism in{' '}
            {gazetteer.country.name}: {dataset.organisations.length} organisations,{' '}
            {gazetteer.municipalities.length} municipalities, {gazetteer.counties.length} counties
          </p>
        </div>
        <PlaceSearch />
      </header>
      <FiltersBar />
      <DataProblems problems={problems} />
      <LinkNotice problems={linkProblems} onDismiss={onDismissLinkProblems} />
      <main className="dashboard-main">
        <MapSection loadMapAdapter={loadMapAdapter} />
        <SidePanel />
        <ChartsSection />
      </main>
      <Attribution gazetteer={gazetteer} documents={dataset.documents} />
    </div>
  );
}

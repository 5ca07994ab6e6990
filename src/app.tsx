import {
  lazy,
  memo,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Dataset } from './domain/dataset';
import type { Gazetteer } from './domain/gazetteer-schema';
import type {
  CreateMapAdapter,
  MapAreaRef,
  MapImageExport,
  MapModel,
  MapImageOptions,
} from './domain/map-model';
import type { LoadedData } from './io/load-data';
import { startEditSync, type LocalData } from './io/edit-sync';
import { langFromSearch, startLangSync } from './io/lang-url';
import { formatNumber, translator, type Lang } from './i18n/messages';
import { PLAN_STORAGE_WORDS_SQ } from './i18n/tables/planner';
import { useT } from './i18n/use-t';
import { LanguageSwitch } from './components/language-switch';
import { PresentButton, PresenterMode } from './components/presenter';
import { downloadBlob, downloadText, readFileBytes, readFileText } from './io/download';
import { parsePrintScope } from './io/print-scope';
import { buildReport } from './domain/report';
import { sourcesLine } from './domain/slide-layout';
import { slideWords } from './io/slide-image';
import {
  browserPlanStorage,
  ENGLISH_PLAN_STORAGE_WORDS,
  loadStoredPlans,
  planStorageKey,
  type PlanStorageWords,
} from './io/plan-storage';
import { startPlanSync } from './io/plan-sync';
import { readInitialUrlState, startUrlSync } from './io/url-sync';
import { planFileContextOf } from './domain/plan-file';
import { applyEdits } from './domain/local-edits';
import { knownIdsOf } from './io/url-state';
import { createHartaStore, restorableOf, subscribeFirst } from './store/harta-store';
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
import { LinkNotice, StorageNotice } from './components/link-notice';
import { LocalChangesMark } from './components/local-changes-mark';
import { FiltersBar } from './components/filters-bar';
import { MapLegend } from './components/map-legend';
import { MapView } from './components/map-view';
import { OverlapMatrix } from './components/overlap-matrix';
import { HoldWhileFar } from './components/hold-while-far';
import type { PlannerFileActions } from './components/planner-panel';
import { PlaceSearch } from './components/place-search';
import { SidePanel } from './components/side-panel';

/**
 * recharts and its dependencies are most of the app's code; the charts sit below the fold.
 * Memoised, so a render that hands it the same (deferred) series skips it.
 */
const ChartsPanel = lazy(() =>
  import('./components/charts/charts-panel').then((module) => ({
    default: memo(module.ChartsPanel),
  })),
);

/** The printable report is its own page (`?print=…`), loaded only there. */
const PrintReport = lazy(() =>
  import('./components/print-report').then((module) => ({ default: module.PrintReport })),
);

/**
 * maplibre-gl is not in the first JS chunk, so the first paint does not wait for it. Its chunk
 * (and MapLibre's worker, which it starts) is asked for as soon as this module runs in a
 * browser that can draw the map, not when the map mounts: fetching and compiling it then
 * overlaps checking the data, reading browser storage and the first render, which would
 * otherwise all come before it (navigation → map idle was ≈1.5× a bare MapLibre page).
 * Not on the print page, which has no map, nor where there is no WebGL (jsdom in tests).
 */
let maplibreAdapter: Promise<CreateMapAdapter> | null = null;
const loadMaplibreAdapter = (): Promise<CreateMapAdapter> =>
  (maplibreAdapter ??= import('./map/maplibre-adapter').then(
    (module) => module.createMaplibreAdapter,
    (error: unknown) => {
      // A later mount tries again (the network may be back).
      maplibreAdapter = null;
      throw error;
    },
  ));
if (
  typeof window !== 'undefined' &&
  'WebGL2RenderingContext' in window &&
  parsePrintScope(window.location.search) === null
) {
  // A failure here is reported when the map mounts and awaits the same promise.
  loadMaplibreAdapter().catch(() => {});
}

const BROWSER_FILES: PlannerFileActions = {
  download: downloadText,
  readText: readFileText,
  readBytes: readFileBytes,
};

interface AppProps {
  data: LoadedData;
  /** Replaced in tests by a fake: jsdom has no WebGL. */
  loadMapAdapter?: () => Promise<CreateMapAdapter>;
  /** Replaced in tests: downloads and file reading. */
  files?: PlannerFileActions;
  /** Edits and boundaries saved in this browser, read before the first paint (none in tests). */
  local?: LocalData | null;
}

export function App({
  data,
  loadMapAdapter = loadMaplibreAdapter,
  files = BROWSER_FILES,
  local = null,
}: AppProps) {
  const printScope = parsePrintScope(window.location.search);
  if (data.ok && printScope !== null) {
    // What this browser shows, local edits included (the report says so when there are some).
    const dataset = local?.edits ? applyEdits(data.dataset, local.edits) : data.dataset;
    const reportLang = langFromSearch(window.location.search).lang;
    return (
      <Suspense fallback={<p>{translator(reportLang)('app.preparingReport')}</p>}>
        <PrintReport
          report={buildReport(dataset, data.gazetteer)}
          dataset={dataset}
          scope={printScope}
          date={new Date().toISOString().slice(0, 10)}
          backHref={window.location.pathname}
        />
      </Suspense>
    );
  }
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
      files={files}
      local={local}
    />
  );
}

/**
 * Notices this file adds to the storage problems, kept as their message keys and put into
 * words when drawn, so they follow the language.
 */
const DATA_CHANGED_ELSEWHERE = 'app.dataChangedElsewhere';
const PLANS_CHANGED_ELSEWHERE = 'app.plansChangedElsewhere';

const planStorageWords = (lang: Lang): PlanStorageWords =>
  lang === 'sq' ? PLAN_STORAGE_WORDS_SQ : ENGLISH_PLAN_STORAGE_WORDS;

/** Plans saved in this browser for this country pack, read when the dashboard opens. */
function loadPlans(gazetteer: Gazetteer, dataset: Dataset, lang: Lang) {
  const storage = browserPlanStorage();
  const key = planStorageKey(gazetteer.country.code);
  const read = (current: Lang) =>
    loadStoredPlans(
      storage,
      key,
      planFileContextOf(gazetteer, dataset),
      undefined,
      planStorageWords(current),
    );
  return { storage, key, read, ...read(lang) };
}

interface DashboardProps {
  gazetteer: Gazetteer;
  dataset: Dataset;
  dataProblems: string[];
  loadMapAdapter: () => Promise<CreateMapAdapter>;
  files: PlannerFileActions;
  local: LocalData | null;
}

function Dashboard({
  gazetteer,
  dataset,
  dataProblems,
  loadMapAdapter,
  files,
  local,
}: DashboardProps) {
  // Links may name organisations added in this browser, so the edited dataset decides.
  const [edited] = useState(() => (local?.edits ? applyEdits(dataset, local.edits) : dataset));
  const known = useMemo(() => knownIdsOf(gazetteer, edited), [gazetteer, edited]);
  const [initial] = useState(() => readInitialUrlState(known));
  const [initialLang] = useState(() => langFromSearch(window.location.search));
  const [stored] = useState(() => loadPlans(gazetteer, dataset, initialLang.lang));
  const [store] = useState(() =>
    createHartaStore(
      { gazetteer, dataset },
      {
        ...initial.state,
        plans: stored.plans,
        ...(local?.edits ? { edits: local.edits } : {}),
        municipalBoundaries: local?.boundaries ?? null,
        lang: initialLang.lang,
      },
    ),
  );
  const [linkProblems, setLinkProblems] = useState<string[]>(() => [
    ...initial.problems,
    ...(initialLang.problem ? [initialLang.problem] : []),
  ]);

  useEffect(
    () =>
      startLangSync({
        read: () => store.getState().lang,
        subscribe: (listener) => store.subscribe(listener),
      }),
    [store],
  );
  const [storageProblems, setStorageProblems] = useState<string[]>(() => [
    ...stored.problems,
    ...(local?.problems ?? []),
  ]);
  const [saveProblems, setSaveProblems] = useState<string[]>([]);

  useEffect(
    () =>
      local
        ? startEditSync(
            {
              countryCode: gazetteer.country.code,
              read: () => {
                const state = store.getState();
                return { edits: state.edits, boundaries: state.municipalBoundaries };
              },
              subscribe: (listener) => store.subscribe(listener),
              applyEdits: (edits) => store.getState().loadEdits(edits),
              applyBoundaries: (boundaries) => store.getState().setMunicipalBoundaries(boundaries),
              onProblems: setSaveProblems,
              lang: () => store.getState().lang,
              onExternalChange: () =>
                setStorageProblems((current) => [
                  ...current.filter((problem) => problem !== DATA_CHANGED_ELSEWHERE),
                  DATA_CHANGED_ELSEWHERE,
                ]),
            },
            local,
          )
        : undefined,
    [local, store, gazetteer],
  );

  useEffect(
    () =>
      startPlanSync({
        storage: stored.storage,
        key: stored.key,
        countryCode: gazetteer.country.code,
        read: () => store.getState().plans,
        subscribe: (listener) => store.subscribe(listener),
        onResult: (result) => setStorageProblems(result.ok ? [] : [result.message]),
        words: () => planStorageWords(store.getState().lang),
        reload: () => {
          const loaded = stored.read(store.getState().lang);
          if (loaded.problems.length > 0) setStorageProblems(loaded.problems);
          return loaded.plans;
        },
        apply: (plans) => store.getState().setPlans(plans),
        onExternalChange: () =>
          setStorageProblems((current) => [
            ...current.filter((problem) => problem !== PLANS_CHANGED_ELSEWHERE),
            PLANS_CHANGED_ELSEWHERE,
          ]),
      }),
    [stored, store, gazetteer],
  );

  useEffect(
    () =>
      startUrlSync({
        known,
        read: () => restorableOf(store.getState()),
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
        storageProblems={[...storageProblems, ...saveProblems]}
        onDismissStorageProblems={() => setStorageProblems([])}
        loadMapAdapter={loadMapAdapter}
        files={files}
      />
    </StoreProvider>
  );
}

/**
 * Each section subscribes only to what it draws: a hover or a pan re-renders the map section,
 * not the charts (recharts redraws are the dearest thing on the page).
 */
function MapSection({
  loadMapAdapter,
  imageExport,
  onMapReady,
}: {
  loadMapAdapter: () => Promise<CreateMapAdapter>;
  imageExport: { current: MapImageExport['exportImage'] | null };
  onMapReady: () => void;
}) {
  const store = useHartaStoreApi();
  const t = useT();
  const mapModel = useHarta(selectMapModel);
  const mapView = useHarta((state) => state.mapView);
  const [initialView] = useState(() => store.getState().mapView);
  const actions = store.getState();
  const onArea = (area: MapAreaRef | null) =>
    actions.select(area === null ? null : { kind: area.level, id: area.id });
  const modelUpdates = useCallback(
    (listener: (model: MapModel) => void) =>
      subscribeFirst(store, (state) => listener(selectMapModel(state))),
    [store],
  );
  return (
    <section className="map-column" aria-label={t('app.mapRegion')}>
      <MapView
        model={mapModel}
        modelUpdates={modelUpdates}
        loadAdapter={loadMapAdapter}
        initialView={initialView}
        onAreaClick={onArea}
        onAreaHover={actions.hover}
        onViewChange={actions.setMapView}
        onResetView={() => actions.setMapView(null)}
        view={mapView}
        imageExport={imageExport}
        onReady={onMapReady}
      />
      <MapLegend model={mapModel} />
    </section>
  );
}

/**
 * How long the charts wait for the map's first drawing at most (a browser that cannot draw the
 * map never reports it).
 */
const CHARTS_AFTER_MS = 4000;

/**
 * The overlap heatmap catches up as soon as any of its section enters the screen: at 1280 × 800
 * it starts just below the fold, and its table a further ≈ 150 px down (heading, legend,
 * toggle), which covers the ≈ 30 ms it takes to catch up with 50 000 rows. Any margin would
 * keep it current in that layout, where a filter change is the most frequent.
 */
const OVERLAP_NEAR_MARGIN = '0px';

/**
 * The charts catch up when they come within half a viewport of the screen: a few turns of the
 * wheel, ample for their redraw (about 100 ms on a slow machine, most of it recharts). A whole
 * viewport would be more generous, but in the default 1280 × 800 layout the charts start about
 * 1 600 px down, right at that edge, so they would hardly ever wait.
 */
const CHARTS_NEAR_MARGIN = '50% 0px 50% 0px';

/**
 * The charts (recharts, ≈110 KB gzipped, and ≈250 ms of drawing on a slow machine) sit below the
 * fold: they load once the map has drawn (`mapReady`), so they do not compete with it while the
 * page opens, or after CHARTS_AFTER_MS whatever happens. Where no map can be drawn at all (no
 * WebGL, as in jsdom) they load at once.
 */
function ChartsSection({ mapReady }: { mapReady: boolean }) {
  const [waited, setWaited] = useState(
    () => typeof window === 'undefined' || !('WebGL2RenderingContext' in window),
  );
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), CHARTS_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  const t = useT();
  return (
    <HoldWhileFar className="charts-region" margin={CHARTS_NEAR_MARGIN}>
      {!mapReady && !waited ? (
        <p className="charts-loading">{t('app.loadingCharts')}</p>
      ) : (
        <ChartsContent />
      )}
    </HoldWhileFar>
  );
}

function ChartsContent() {
  const store = useHartaStoreApi();
  const documents = useHarta((state) => state.dataset.documents);
  const lang = useHarta((state) => state.lang);
  const t = useT();
  const chartExport = useMemo(
    () => ({ download: downloadBlob, source: sourcesLine(documents, slideWords(lang)) }),
    [documents, lang],
  );
  const filters = useHarta((state) => state.filters);
  const selection = useHarta((state) => state.selection);
  const activitySeries = useHarta(selectActivityByArea);
  const focusCounts = useHarta(selectFocusTypeCounts);
  const countyCounts = useHarta(selectOrganisationsPerCounty);
  const focusCountyId = useHarta(selectFocusCountyId);
  const planCount = useHarta((state) => (state.scenario === 'planned' ? state.plans.length : 0));
  const actions = store.getState();
  const selectedArea = selection && selection.kind !== 'organisation' ? selection.id : null;
  // The charts redraw after the map, panels and filter bar have taken a filter change, in a
  // render React can interrupt: recharts measures its text in the DOM, and redrawing the
  // charts in the same render as the rest held back the map's update by a few hundred
  // milliseconds on a slow machine. They show the same as before once it is done.
  const charts = useDeferredValue(
    useMemo(
      () => ({
        activitySeries,
        focusCounts,
        countyCounts,
        selectedActivityTypes: filters.activityTypes,
        selectedFocusTypes: filters.focusTypes,
        selectedCountyId: focusCountyId,
        highlightedAreaId: selectedArea,
      }),
      [
        activitySeries,
        focusCounts,
        countyCounts,
        filters.activityTypes,
        filters.focusTypes,
        focusCountyId,
        selectedArea,
      ],
    ),
  );
  const onAreaClick = useCallback(
    (level: 'county' | 'municipality', id: string) => store.getState().select({ kind: level, id }),
    [store],
  );
  return (
    <Suspense fallback={<p className="charts-loading">{t('app.loadingCharts')}</p>}>
      <ChartsPanel
        {...charts}
        onActivityTypeClick={actions.toggleActivityType}
        onFocusTypeClick={actions.toggleFocusType}
        onAreaClick={onAreaClick}
        exportSettings={chartExport}
        note={
          planCount > 0
            ? t('app.chartsPlanned', planCount, formatNumber(lang, planCount))
            : undefined
        }
      />
    </Suspense>
  );
}

function DashboardLayout({
  problems,
  linkProblems,
  onDismissLinkProblems,
  storageProblems,
  onDismissStorageProblems,
  loadMapAdapter,
  files,
}: {
  problems: string[];
  linkProblems: string[];
  onDismissLinkProblems: () => void;
  storageProblems: string[];
  onDismissStorageProblems: () => void;
  loadMapAdapter: () => Promise<CreateMapAdapter>;
  files: PlannerFileActions;
}) {
  const gazetteer = useHarta((state) => state.gazetteer);
  const dataset = useHarta((state) => state.dataset);
  const lang = useHarta((state) => state.lang);
  const t = useT();
  const mapImage = useRef<MapImageExport['exportImage'] | null>(null);
  const [mapReady, setMapReady] = useState(false);
  const onMapReady = useCallback(() => setMapReady(true), []);
  const [presenting, setPresenting] = useState(
    () => new URLSearchParams(window.location.search).get('present') === '1',
  );
  const [storyLink, setStoryLink] = useState(() =>
    new URLSearchParams(window.location.search).get('story'),
  );
  const present = (on: boolean) => {
    const url = new URL(window.location.href);
    if (on) url.searchParams.set('present', '1');
    else {
      url.searchParams.delete('present');
      url.searchParams.delete('story');
      setStoryLink(null);
    }
    window.history.replaceState(window.history.state, '', url);
    setPresenting(on);
  };
  const [slides] = useState(() => ({
    exportImage: (options: MapImageOptions) => mapImage.current?.(options) ?? null,
    download: downloadBlob,
  }));
  return (
    <div className="app dashboard">
      <header className="app-header">
        <div className="title-block">
          <h1>Harta</h1>
          <p className="tagline">
            {t('app.tagline', {
              country: lang === 'sq' ? gazetteer.country.nameLocal : gazetteer.country.name,
              organisations: formatNumber(lang, dataset.organisations.length),
              municipalities: formatNumber(lang, gazetteer.municipalities.length),
              counties: formatNumber(lang, gazetteer.counties.length),
            })}
          </p>
          <LocalChangesMark />
        </div>
        <PlaceSearch />
        <LanguageSwitch />
        <PresentButton onPresent={() => present(true)} />
      </header>
      <FiltersBar download={files.download} slides={slides} />
      <DataProblems problems={problems} />
      <LinkNotice problems={linkProblems} onDismiss={onDismissLinkProblems} />
      <StorageNotice
        problems={storageProblems.map((problem) =>
          problem === DATA_CHANGED_ELSEWHERE || problem === PLANS_CHANGED_ELSEWHERE
            ? t(problem)
            : problem,
        )}
        onDismiss={onDismissStorageProblems}
      />
      <main className="dashboard-main">
        <MapSection
          loadMapAdapter={loadMapAdapter}
          imageExport={mapImage}
          onMapReady={onMapReady}
        />
        <SidePanel files={files} />
        <HoldWhileFar
          className="overlap-section"
          label={t('app.overlapRegion')}
          margin={OVERLAP_NEAR_MARGIN}
        >
          <OverlapMatrix />
        </HoldWhileFar>
        <ChartsSection mapReady={mapReady} />
      </main>
      <Attribution gazetteer={gazetteer} documents={dataset.documents} />
      {presenting ? <PresenterMode onLeave={() => present(false)} storyLink={storyLink} /> : null}
    </div>
  );
}

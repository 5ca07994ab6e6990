import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  clampNationwideWeight,
  DEFAULT_NATIONWIDE_WEIGHT,
  NO_FILTERS,
  sameFilters,
  type Filters,
  type ScopeFilter,
} from '../domain/coverage';
import type { Dataset, DocumentRef, Organisation } from '../domain/dataset';
import {
  applyEdits,
  hasEdits,
  NO_EDITS,
  withOrganisations,
  withoutOrganisation,
  type EditLabel,
  type LocalEdits,
} from '../domain/local-edits';
import type { Gazetteer } from '../domain/gazetteer-schema';
import type { MunicipalBoundaries } from '../domain/municipal-boundaries';
import type { Lang } from '../i18n/messages';
import type { CountyMeasure, MapAreaRef, MapView } from '../domain/map-model';
import {
  nextPlanId,
  PLAN_ORGANISATION_PREFIX,
  type PlanArea,
  type PlannedIntervention,
} from '../domain/plan';
import type { AreaRef, PanelTab, RestorableState, Scenario, Selection } from '../domain/view-state';
import { MEMO_ENTRIES } from './memo';

export type { AreaRef, PanelTab, RestorableState, Scenario, Selection };

/**
 * The one store: the dataset and gazetteer (loaded once), the filters, the selection and the
 * view. Everything else (coverage, gap ranking, map model, chart series) is derived by the
 * selectors in ./selectors.ts, never stored.
 */

export interface DataSlice {
  gazetteer: Gazetteer;
  /** What the app shows: the published dataset with this browser's edits applied. */
  dataset: Dataset;
}

export interface EditSlice {
  /** The dataset as published (bundled with the app), never changed. */
  publishedDataset: Dataset;
  /** Changes made in this browser (form edits, imports). */
  edits: LocalEdits;
  /** Earlier states of `edits`, newest last, each with what the change after it did. */
  editHistory: { edits: LocalEdits; label: EditLabel }[];
  /** Replaces the edits, remembering the previous ones for undo. */
  changeEdits: (edits: LocalEdits, label: EditLabel) => void;
  /** Sets the edits read from browser storage (not an undoable change). */
  loadEdits: (edits: LocalEdits) => void;
  saveOrganisation: (organisation: Organisation, documents?: DocumentRef[]) => void;
  deleteOrganisation: (id: string) => void;
  undoEdit: () => void;
  /** Drops every local edit (undoable while the tab is open). */
  resetEdits: () => void;
}

export interface LangSlice {
  /** Language of the interface (place names stay in Albanian whatever it is). */
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export interface BoundarySlice {
  /** Municipal boundaries the user loaded; null draws a symbol per municipality. */
  municipalBoundaries: MunicipalBoundaries | null;
  setMunicipalBoundaries: (boundaries: MunicipalBoundaries | null) => void;
}

export interface FilterSlice {
  filters: Filters;
  toggleActivityType: (id: string) => void;
  toggleFocusType: (id: string) => void;
  toggleKind: (id: string) => void;
  setScope: (scope: ScopeFilter) => void;
  setHotspotsOnly: (value: boolean) => void;
  setText: (text: string) => void;
  resetFilters: () => void;
}

export interface SelectionSlice {
  selection: Selection | null;
  hovered: MapAreaRef | null;
  select: (selection: Selection | null) => void;
  hover: (area: MapAreaRef | null) => void;
}

export interface ViewSlice {
  tab: PanelTab;
  nationwideWeight: number;
  countyMeasure: CountyMeasure;
  mapView: MapView | null;
  compare: [AreaRef | null, AreaRef | null];
  /** What the Gaps panel ranks (kept while other panels are open). */
  gapLevel: 'municipality' | 'county';
  setGapLevel: (level: 'municipality' | 'county') => void;
  setTab: (tab: PanelTab) => void;
  setNationwideWeight: (weight: number) => void;
  setCountyMeasure: (measure: CountyMeasure) => void;
  setMapView: (view: MapView | null) => void;
  setCompare: (slot: 0 | 1, area: AreaRef | null) => void;
  /** Puts an area in the compare view (the first free slot, else the second) and opens it. */
  compareWith: (area: AreaRef) => void;
  /** Replaces filters, selection and view at once (restoring a link). */
  restore: (state: RestorableState) => void;
}

export interface PlanSlice {
  /** Planned interventions, in the order they were added. */
  plans: PlannedIntervention[];
  scenario: Scenario;
  /** An area the planner form should start from (set by "Plan an intervention here"). */
  planDraftArea: PlanArea | null;
  /** Adds a plan; its id is replaced by a fresh one if taken. Returns the id used. */
  addPlan: (plan: PlannedIntervention) => string;
  updatePlan: (plan: PlannedIntervention) => void;
  removePlan: (id: string) => void;
  /** Replaces all plans (loading from storage, or after a merge computed elsewhere). */
  setPlans: (plans: PlannedIntervention[]) => void;
  setScenario: (scenario: Scenario) => void;
  /** Opens the planner with the form set to this area. */
  startPlan: (area: PlanArea) => void;
  clearPlanDraft: () => void;
}

export type HartaState = DataSlice &
  LangSlice &
  EditSlice &
  BoundarySlice &
  FilterSlice &
  SelectionSlice &
  ViewSlice &
  PlanSlice;

export interface InitialState extends Partial<RestorableState> {
  plans?: PlannedIntervention[];
  edits?: LocalEdits;
  municipalBoundaries?: MunicipalBoundaries | null;
  lang?: Lang;
}

/** Undo reaches back this many changes. */
export const UNDO_DEPTH = 50;
export type HartaStore = StoreApi<HartaState>;

export const DEFAULT_VIEW_STATE: Omit<RestorableState, 'filters' | 'selection'> = {
  tab: 'gaps',
  nationwideWeight: DEFAULT_NATIONWIDE_WEIGHT,
  countyMeasure: { kind: 'organisations' },
  mapView: null,
  compare: [null, null],
};

/** The part of the state a link, a saved view or a story step carries. */
export function restorableOf(state: HartaState): RestorableState {
  return {
    filters: state.filters,
    selection: state.selection,
    tab: state.tab,
    nationwideWeight: state.nationwideWeight,
    countyMeasure: state.countyMeasure,
    mapView: state.mapView,
    compare: state.compare,
  };
}

function toggled(values: readonly string[], id: string): string[] {
  return values.includes(id) ? values.filter((value) => value !== id) : [...values, id];
}

type Listener = (state: HartaState, previous: HartaState) => void;

/** Each store's first listeners (see subscribeFirst). */
const firstListeners = new WeakMap<HartaStore, Set<Listener>>();

/**
 * Listens to `store` ahead of every listener added with `store.subscribe`, whenever this one is
 * added; returns the unsubscribe. For the map: React's subscriptions run each component's
 * selector inside the store's notification, so a listener added after the page's components
 * (the map's, once its adapter has loaded) would hear of a filter change only after every
 * panel's figures were computed, and the map's drawing, which can run beside the panels'
 * rendering, would start that much later.
 */
export function subscribeFirst(store: HartaStore, listener: Listener): () => void {
  const listeners = firstListeners.get(store);
  if (!listeners) return store.subscribe(listener);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The page's error reporting (window's `error` event and the console), where there is one. */
function reportListenerError(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else console.error(error);
}

export function createHartaStore(data: DataSlice, initial: InitialState = {}): HartaStore {
  const store = createHartaStoreApi(data, initial);
  const listeners = new Set<Listener>();
  // The store's own first subscription: whatever subscribes later is told after these. One
  // that throws must not keep the change from the page's components (they are told after it):
  // its error is reported as an uncaught one would be, and the others are still told.
  store.subscribe((state, previous) => {
    for (const listener of listeners) {
      try {
        listener(state, previous);
      } catch (error) {
        reportListenerError(error);
      }
    }
  });
  firstListeners.set(store, listeners);
  return store;
}

function createHartaStoreApi(data: DataSlice, initial: InitialState): HartaStore {
  return createStore<HartaState>()((set, get) => {
    const published = data.dataset;
    /** The edits and the dataset they give; a selection of a record that is gone is cleared. */
    const editState = (edits: LocalEdits, state: HartaState | null) => {
      const dataset = applyEdits(published, edits);
      const selection = state?.selection;
      const gone =
        selection?.kind === 'organisation' &&
        !dataset.organisations.some((organisation) => organisation.id === selection.id);
      return { edits, dataset, ...(gone ? { selection: null } : {}) };
    };
    const change = (edits: LocalEdits, label: EditLabel) =>
      set((state) => ({
        ...editState(edits, state),
        editHistory: [...state.editHistory, { edits: state.edits, label }].slice(-UNDO_DEPTH),
      }));
    // The last few filter sets used: going back to one (a type ticked, then unticked) gives the
    // very object it was, so every figure memoised on it is reused (selectors remember
    // MEMO_ENTRIES input sets) instead of computed again for an equal but new object.
    const recentFilters: Filters[] = [initial.filters ?? NO_FILTERS];
    const interned = (next: Filters): Filters => {
      const index = recentFilters.findIndex((known) => sameFilters(known, next));
      const [known] = index >= 0 ? recentFilters.splice(index, 1) : [];
      const filters = known ?? next;
      recentFilters.unshift(filters);
      recentFilters.length = Math.min(recentFilters.length, MEMO_ENTRIES);
      return filters;
    };
    const setFilters = (change: (filters: Filters) => Partial<Filters>) =>
      set((state) => ({ filters: interned({ ...state.filters, ...change(state.filters) }) }));
    return {
      ...data,
      publishedDataset: published,
      ...editState(initial.edits ?? NO_EDITS, null),
      editHistory: [],
      changeEdits: change,
      loadEdits: (edits) => set((state) => editState(edits, state)),
      saveOrganisation: (organisation, documents = []) => {
        const { edits, dataset } = get();
        const isNew = !dataset.organisations.some((other) => other.id === organisation.id);
        change(withOrganisations(edits, published, [organisation], documents), {
          kind: isNew ? 'add' : 'edit',
          name: organisation.name,
        });
      },
      deleteOrganisation: (id) => {
        const { edits, dataset } = get();
        const name = dataset.organisations.find((organisation) => organisation.id === id)?.name;
        change(withoutOrganisation(edits, published, id), { kind: 'delete', name: name ?? id });
      },
      undoEdit: () =>
        set((state) => {
          const previous = state.editHistory.at(-1);
          if (!previous) return {};
          return {
            ...editState(previous.edits, state),
            editHistory: state.editHistory.slice(0, -1),
          };
        }),
      resetEdits: () => {
        if (hasEdits(get().edits)) change(NO_EDITS, { kind: 'reset' });
      },
      lang: initial.lang ?? 'en',
      setLang: (lang) => set({ lang }),
      municipalBoundaries: initial.municipalBoundaries ?? null,
      setMunicipalBoundaries: (municipalBoundaries) => set({ municipalBoundaries }),
      filters: initial.filters ?? NO_FILTERS,
      toggleActivityType: (id) =>
        setFilters((f) => ({ activityTypes: toggled(f.activityTypes, id) })),
      toggleFocusType: (id) => setFilters((f) => ({ focusTypes: toggled(f.focusTypes, id) })),
      toggleKind: (id) => setFilters((f) => ({ kinds: toggled(f.kinds, id) })),
      setScope: (scope) => setFilters(() => ({ scope })),
      setHotspotsOnly: (hotspotsOnly) => setFilters(() => ({ hotspotsOnly })),
      setText: (text) => setFilters(() => ({ text })),
      resetFilters: () => set({ filters: interned(NO_FILTERS) }),

      selection: initial.selection ?? null,
      hovered: null,
      select: (selection) =>
        set((state) => {
          // A planned intervention is not a source record: its place is the planner.
          if (
            selection?.kind === 'organisation' &&
            selection.id.startsWith(PLAN_ORGANISATION_PREFIX)
          )
            return { tab: 'plans', hovered: null };
          return {
            selection,
            // The pointer or focus that hovered an item is gone once it is chosen.
            hovered: null,
            // Clearing the selection leaves the user on the panel they were reading.
            tab:
              selection === null
                ? state.tab
                : selection.kind === 'organisation'
                  ? 'organisation'
                  : state.tab === 'plans' || state.tab === 'compare'
                    ? state.tab
                    : 'area',
          };
        }),
      hover: (hovered) => set({ hovered }),

      tab: initial.tab ?? DEFAULT_VIEW_STATE.tab,
      nationwideWeight: initial.nationwideWeight ?? DEFAULT_VIEW_STATE.nationwideWeight,
      countyMeasure: initial.countyMeasure ?? DEFAULT_VIEW_STATE.countyMeasure,
      mapView: initial.mapView ?? null,
      setTab: (tab) => set({ tab }),
      setNationwideWeight: (weight) => set({ nationwideWeight: clampNationwideWeight(weight) }),
      setCountyMeasure: (countyMeasure) => set({ countyMeasure }),
      setMapView: (mapView) => set({ mapView }),
      compare: initial.compare ?? DEFAULT_VIEW_STATE.compare,
      gapLevel: 'municipality',
      setGapLevel: (gapLevel) => set({ gapLevel }),
      setCompare: (slot, area) =>
        set((state) => {
          const compare: [AreaRef | null, AreaRef | null] = [...state.compare];
          compare[slot] = area;
          return { compare };
        }),
      compareWith: (area) =>
        set((state) => {
          const [first, second] = state.compare;
          const same = (other: AreaRef | null) =>
            other !== null && other.level === area.level && other.id === area.id;
          if (same(first) || same(second)) return { tab: 'compare' };
          return {
            tab: 'compare',
            compare: first === null ? [area, second] : [first, area],
          };
        }),
      restore: (restored) => set({ ...restored, filters: interned(restored.filters) }),

      plans: initial.plans ?? [],
      scenario: 'current',
      planDraftArea: null,
      addPlan: (plan) => {
        let id = plan.id;
        set((state) => {
          if (id === '' || state.plans.some((other) => other.id === id))
            id = nextPlanId(state.plans);
          return { plans: [...state.plans, { ...plan, id }], planDraftArea: null };
        });
        return id;
      },
      updatePlan: (plan) =>
        set((state) => ({
          plans: state.plans.map((other) => (other.id === plan.id ? plan : other)),
        })),
      removePlan: (id) =>
        set((state) => {
          const plans = state.plans.filter((plan) => plan.id !== id);
          return { plans, scenario: plans.length === 0 ? 'current' : state.scenario };
        }),
      setPlans: (plans) =>
        set((state) => ({ plans, scenario: plans.length === 0 ? 'current' : state.scenario })),
      setScenario: (scenario) => set({ scenario }),
      startPlan: (area) => set({ planDraftArea: area, tab: 'plans' }),
      clearPlanDraft: () => set({ planDraftArea: null }),
    };
  });
}

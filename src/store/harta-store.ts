import { createStore, type StoreApi } from 'zustand/vanilla';
import { NO_FILTERS, type Filters, type ScopeFilter } from '../domain/coverage';
import type { Dataset } from '../domain/dataset';
import type { Gazetteer } from '../domain/gazetteer-schema';
import type { CountyMeasure, MapAreaRef, MapView } from '../domain/map-model';
import type { PanelTab, RestorableState, Selection } from '../domain/view-state';

export type { PanelTab, RestorableState, Selection };

/**
 * The one store: the dataset and gazetteer (loaded once), the filters, the selection and the
 * view. Everything else (coverage, gap ranking, map model, chart series) is derived by the
 * selectors in ./selectors.ts, never stored.
 */

export interface DataSlice {
  gazetteer: Gazetteer;
  dataset: Dataset;
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
  countNationwide: boolean;
  countyMeasure: CountyMeasure;
  mapView: MapView | null;
  setTab: (tab: PanelTab) => void;
  setCountNationwide: (value: boolean) => void;
  setCountyMeasure: (measure: CountyMeasure) => void;
  setMapView: (view: MapView | null) => void;
  /** Replaces filters, selection and view at once (restoring a link). */
  restore: (state: RestorableState) => void;
}

export type HartaState = DataSlice & FilterSlice & SelectionSlice & ViewSlice;
export type HartaStore = StoreApi<HartaState>;

export const DEFAULT_VIEW_STATE: Omit<RestorableState, 'filters' | 'selection'> = {
  tab: 'gaps',
  countNationwide: false,
  countyMeasure: { kind: 'organisations' },
  mapView: null,
};

function toggled(values: readonly string[], id: string): string[] {
  return values.includes(id) ? values.filter((value) => value !== id) : [...values, id];
}

export function createHartaStore(
  data: DataSlice,
  initial: Partial<RestorableState> = {},
): HartaStore {
  return createStore<HartaState>()((set) => {
    const setFilters = (change: (filters: Filters) => Partial<Filters>) =>
      set((state) => ({ filters: { ...state.filters, ...change(state.filters) } }));
    return {
      ...data,
      filters: initial.filters ?? NO_FILTERS,
      toggleActivityType: (id) =>
        setFilters((f) => ({ activityTypes: toggled(f.activityTypes, id) })),
      toggleFocusType: (id) => setFilters((f) => ({ focusTypes: toggled(f.focusTypes, id) })),
      toggleKind: (id) => setFilters((f) => ({ kinds: toggled(f.kinds, id) })),
      setScope: (scope) => setFilters(() => ({ scope })),
      setHotspotsOnly: (hotspotsOnly) => setFilters(() => ({ hotspotsOnly })),
      setText: (text) => setFilters(() => ({ text })),
      resetFilters: () => set({ filters: NO_FILTERS }),

      selection: initial.selection ?? null,
      hovered: null,
      select: (selection) =>
        set((state) => ({
          selection,
          // The pointer or focus that hovered an item is gone once it is chosen.
          hovered: null,
          tab:
            selection === null
              ? state.tab === 'organisation' || state.tab === 'area'
                ? state.tab
                : 'gaps'
              : selection.kind === 'organisation'
                ? 'organisation'
                : 'area',
        })),
      hover: (hovered) => set({ hovered }),

      tab: initial.tab ?? DEFAULT_VIEW_STATE.tab,
      countNationwide: initial.countNationwide ?? DEFAULT_VIEW_STATE.countNationwide,
      countyMeasure: initial.countyMeasure ?? DEFAULT_VIEW_STATE.countyMeasure,
      mapView: initial.mapView ?? null,
      setTab: (tab) => set({ tab }),
      setCountNationwide: (countNationwide) => set({ countNationwide }),
      setCountyMeasure: (countyMeasure) => set({ countyMeasure }),
      setMapView: (mapView) => set({ mapView }),
      restore: (restored) => set({ ...restored }),
    };
  });
}

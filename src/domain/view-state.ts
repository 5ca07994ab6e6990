import type { Filters } from './coverage';
import type { CountyMeasure, MapView } from './map-model';

/** What the user is looking at: shared by the store, the URL codec and presenter stories. */

export type Selection =
  | { kind: 'municipality'; id: string }
  | { kind: 'county'; id: string }
  | { kind: 'organisation'; id: string };

export type PanelTab = 'gaps' | 'area' | 'organisation';

/** The part of the state a link carries. */
export interface RestorableState {
  filters: Filters;
  selection: Selection | null;
  tab: PanelTab;
  countNationwide: boolean;
  countyMeasure: CountyMeasure;
  mapView: MapView | null;
}

import type { Filters } from './coverage';
import type { CountyMeasure, MapView } from './map-model';

/** What the user is looking at: shared by the store, the URL codec and presenter stories. */

export type Selection =
  | { kind: 'municipality'; id: string }
  | { kind: 'county'; id: string }
  | { kind: 'organisation'; id: string };

export type PanelTab = 'gaps' | 'overlap' | 'plans' | 'compare' | 'area' | 'organisation' | 'data';

/** An area as the compare view and the planner address it. */
export interface AreaRef {
  level: 'municipality' | 'county';
  id: string;
}

/** Which picture the map, rankings and charts show: sources only, or with the planned interventions. */
export type Scenario = 'current' | 'planned';

/** The part of the state a link carries. */
export interface RestorableState {
  filters: Filters;
  selection: Selection | null;
  tab: PanelTab;
  /** What one nationwide organisation adds to a municipality's presence (0 = not counted). */
  nationwideWeight: number;
  countyMeasure: CountyMeasure;
  mapView: MapView | null;
  /** The two areas side by side in the compare view (either may be unset). */
  compare: [AreaRef | null, AreaRef | null];
}

/** What a printable report covers (`?print=country`, `c:<county id>`, `m:<municipality id>`). */
export type PrintScope =
  { kind: 'country' } | { kind: 'county'; id: string } | { kind: 'municipality'; id: string };

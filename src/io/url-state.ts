import { z } from 'zod';
import {
  clampNationwideWeight,
  DEFAULT_NATIONWIDE_WEIGHT,
  NO_FILTERS,
  type Filters,
} from '../domain/coverage';
import type { Dataset } from '../domain/dataset';
import type { Gazetteer } from '../domain/gazetteer-schema';
import type { CountyMeasure, MapView } from '../domain/map-model';
import type { AreaRef, PanelTab, RestorableState, Selection } from '../domain/view-state';
import { translator, type Lang } from '../i18n/messages';
import { langFromSearch } from './lang-url';

/**
 * The view as a query string, so a copied link reproduces it: filters, selection, panel,
 * county measure and map view. Reading a link never fails: unknown ids and malformed values
 * are dropped, and each is reported in plain words: in `lang`, or else in the language the link
 * itself asks for (`lang=sq`), English by default.
 *
 * Parameters: act, foc, kind (comma-separated ids), scope (local | national), hot=1, q,
 * sel (m:<LAU> | c:<NUTS-3> | o:<organisation id>), tab (gaps | area | organisation),
 * nw=<0…1> (weight of nationwide organisations; absent = 0), measure (an activity type id), view (lon,lat,zoom),
 * cmp (two areas to compare: m:<LAU> | c:<NUTS-3>, comma-separated; either may be empty).
 */

export interface KnownIds {
  activityTypes: ReadonlySet<string>;
  focusTypes: ReadonlySet<string>;
  kinds: ReadonlySet<string>;
  municipalities: ReadonlySet<string>;
  counties: ReadonlySet<string>;
  organisations: ReadonlySet<string>;
}

export interface ParsedUrlState {
  state: RestorableState;
  problems: string[];
}

const tabSchema = z.enum(['gaps', 'overlap', 'plans', 'compare', 'area', 'organisation', 'data']);
const viewSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?,\d+(\.\d+)?$/)
  .transform((text) => text.split(',').map(Number) as [number, number, number])
  .refine(([lon, lat, zoom]) => Math.abs(lon) <= 180 && Math.abs(lat) <= 85 && zoom <= 22);

const MAX_TEXT = 200;

/** The panel a link opens when it names no tab: the one that shows its selection. */
function tabFor(selection: Selection | null): PanelTab {
  if (selection === null) return 'gaps';
  return selection.kind === 'organisation' ? 'organisation' : 'area';
}

export function parseUrlState(search: string, known: KnownIds, lang?: Lang): ParsedUrlState {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const t = translator(lang ?? langFromSearch(search).lang);

  const ids = (
    name: string,
    set: ReadonlySet<string>,
    what: 'activityTypes' | 'focusTypes' | 'kinds',
  ): string[] => {
    const raw = params.get(name);
    if (raw === null || raw === '') return [];
    const values = [...new Set(raw.split(',').map((value) => value.trim()))].filter(Boolean);
    const unknown = values.filter((value) => !set.has(value));
    if (unknown.length > 0) problems.push(t('notice.link.unknownIds', what, unknown.join(', ')));
    return values.filter((value) => set.has(value));
  };

  const scopeRaw = params.get('scope');
  let scope: Filters['scope'] = 'all';
  if (scopeRaw === 'local' || scopeRaw === 'national') scope = scopeRaw;
  else if (scopeRaw !== null) problems.push(t('notice.link.scope', scopeRaw));

  const text = (params.get('q') ?? '').slice(0, MAX_TEXT);
  const filters: Filters = {
    activityTypes: ids('act', known.activityTypes, 'activityTypes'),
    focusTypes: ids('foc', known.focusTypes, 'focusTypes'),
    kinds: ids('kind', known.kinds, 'kinds'),
    scope,
    hotspotsOnly: params.get('hot') === '1',
    text,
  };

  let selection: Selection | null = null;
  const sel = params.get('sel');
  if (sel) {
    const [prefix, id = ''] = sel.split(/:(.*)/s);
    const candidates: Record<string, [Selection['kind'], ReadonlySet<string>]> = {
      m: ['municipality', known.municipalities],
      c: ['county', known.counties],
      o: ['organisation', known.organisations],
    };
    // Own keys only: "toString" or "__proto__" must not reach Object.prototype.
    const entry = prefix && Object.hasOwn(candidates, prefix) ? candidates[prefix] : undefined;
    if (entry && entry[1].has(id)) selection = { kind: entry[0], id };
    else problems.push(t('notice.link.selection', sel));
  }

  const tabParsed = tabSchema.safeParse(params.get('tab') ?? undefined);
  const tab: PanelTab = tabParsed.success ? tabParsed.data : tabFor(selection);

  let countyMeasure: CountyMeasure = { kind: 'organisations' };
  const measure = params.get('measure');
  if (measure) {
    if (known.activityTypes.has(measure))
      countyMeasure = { kind: 'activity-type', activityType: measure };
    else problems.push(t('notice.link.measure', measure));
  }

  let mapView: MapView | null = null;
  const viewRaw = params.get('view');
  if (viewRaw) {
    const view = viewSchema.safeParse(viewRaw);
    if (view.success) mapView = { center: [view.data[0], view.data[1]], zoom: view.data[2] };
    else problems.push(t('notice.link.view', viewRaw.slice(0, 40)));
  }

  const compare: [AreaRef | null, AreaRef | null] = [null, null];
  const cmpRaw = params.get('cmp');
  if (cmpRaw) {
    cmpRaw
      .split(',')
      .slice(0, 2)
      .forEach((part, index) => {
        if (part === '') return;
        const [prefix, id = ''] = part.split(/:(.*)/s);
        const level = prefix === 'm' ? 'municipality' : prefix === 'c' ? 'county' : null;
        const set = level === 'municipality' ? known.municipalities : known.counties;
        if (level !== null && set.has(id)) compare[index] = { level, id };
        else problems.push(t('notice.link.compare', part.slice(0, 40)));
      });
  }

  let nationwideWeight = DEFAULT_NATIONWIDE_WEIGHT;
  const nwRaw = params.get('nw');
  if (nwRaw !== null) {
    const value = /^\d+(\.\d+)?$/.test(nwRaw) ? Number(nwRaw) : Number.NaN;
    if (value >= 0 && value <= 1) nationwideWeight = clampNationwideWeight(value);
    else problems.push(t('notice.link.weight', nwRaw.slice(0, 20)));
  }

  return {
    state: {
      filters,
      selection,
      tab,
      nationwideWeight,
      compare,
      countyMeasure,
      mapView,
    },
    problems,
  };
}

const SELECTION_PREFIX: Record<Selection['kind'], string> = {
  municipality: 'm',
  county: 'c',
  organisation: 'o',
};

/** The parameters this codec owns; any other parameter in a URL is left as it is. */
export const VIEW_PARAMETERS = [
  'act',
  'foc',
  'kind',
  'scope',
  'hot',
  'q',
  'sel',
  'tab',
  'nw',
  'measure',
  'view',
  'cmp',
] as const;

/**
 * Replaces the view parameters of `currentSearch` with those of `state`, keeping every other
 * parameter (e.g. `present=1`, `lang=sq`) where it was.
 */
export function mergeUrlState(currentSearch: string, state: RestorableState): string {
  const params = new URLSearchParams(currentSearch);
  for (const name of VIEW_PARAMETERS) params.delete(name);
  for (const [name, value] of new URLSearchParams(serializeUrlState(state)))
    params.append(name, value);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** The query string for a state; defaults are left out, so the plain app has a plain URL. */
export function serializeUrlState(state: RestorableState): string {
  const params = new URLSearchParams();
  const { filters } = state;
  if (filters.activityTypes.length > 0) params.set('act', filters.activityTypes.join(','));
  if (filters.focusTypes.length > 0) params.set('foc', filters.focusTypes.join(','));
  if (filters.kinds.length > 0) params.set('kind', filters.kinds.join(','));
  if (filters.scope !== NO_FILTERS.scope) params.set('scope', filters.scope);
  if (filters.hotspotsOnly) params.set('hot', '1');
  if (filters.text.trim() !== '') params.set('q', filters.text.slice(0, MAX_TEXT));
  if (state.selection) {
    params.set('sel', `${SELECTION_PREFIX[state.selection.kind]}:${state.selection.id}`);
  }
  // Left out only when a link without it opens the same panel.
  if (state.tab !== tabFor(state.selection)) params.set('tab', state.tab);
  if (state.nationwideWeight > 0) params.set('nw', String(state.nationwideWeight));
  if (state.countyMeasure.kind === 'activity-type')
    params.set('measure', state.countyMeasure.activityType);
  if (state.compare.some((area) => area !== null)) {
    params.set(
      'cmp',
      state.compare
        .map((area) => (area === null ? '' : `${area.level === 'county' ? 'c' : 'm'}:${area.id}`))
        .join(','),
    );
  }
  if (state.mapView) {
    const [lon, lat] = state.mapView.center;
    params.set('view', `${lon.toFixed(4)},${lat.toFixed(4)},${state.mapView.zoom.toFixed(2)}`);
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** The ids a link may name: everything in the gazetteer and the dataset. */
export function knownIdsOf(gazetteer: Gazetteer, dataset: Dataset): KnownIds {
  const ids = (entries: readonly { id: string }[]) => new Set(entries.map((entry) => entry.id));
  return {
    activityTypes: ids(dataset.activityTypes),
    focusTypes: ids(dataset.focusTypes),
    kinds: ids(dataset.organisationKinds),
    municipalities: ids(gazetteer.municipalities),
    counties: ids(gazetteer.counties),
    organisations: ids(dataset.organisations),
  };
}

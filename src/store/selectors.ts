import { activityByArea, focusTypeCounts, organisationsPerCounty } from '../domain/chart-series';
import {
  coverageByCounty,
  coverageByMunicipality,
  filterOrganisations,
  rankGaps,
} from '../domain/coverage';
import { hotspotLevels, type Organisation } from '../domain/dataset';
import { buildMapModel, type MapAreaRef } from '../domain/map-model';
import type { HartaState } from './harta-store';
import { memoSelector } from './memo';

/**
 * Derived figures, defined once at module level so every component shares the memoised
 * result for the same inputs.
 */

export const selectFilteredOrganisations = memoSelector(
  (state: HartaState) => [state.dataset, state.gazetteer, state.filters] as const,
  filterOrganisations,
);

export const selectMunicipalityCoverage = memoSelector(
  (state: HartaState) =>
    [
      state.dataset,
      state.gazetteer,
      selectFilteredOrganisations(state),
      state.countNationwide,
      state.filters.activityTypes,
    ] as const,
  (dataset, gazetteer, organisations, countNationwide, activityTypesConsidered) =>
    coverageByMunicipality(dataset, gazetteer, organisations, {
      countNationwide,
      activityTypesConsidered,
    }),
);

export const selectCountyCoverage = memoSelector(
  (state: HartaState) =>
    [state.dataset, state.gazetteer, selectFilteredOrganisations(state)] as const,
  coverageByCounty,
);

export const selectNames = memoSelector(
  (state: HartaState) => [state.gazetteer, state.dataset] as const,
  (gazetteer, dataset) => {
    const areas = new Map<string, string>([
      ...gazetteer.counties.map((c) => [c.id, c.name] as const),
      ...gazetteer.municipalities.map((m) => [m.id, m.name] as const),
    ]);
    const organisations = new Map(dataset.organisations.map((o) => [o.id, o]));
    const label = (entries: { id: string; label: string }[]) =>
      new Map(entries.map((entry) => [entry.id, entry.label]));
    return {
      area: (id: string) => areas.get(id) ?? id,
      organisation: (id: string): Organisation | undefined => organisations.get(id),
      activityType: label(dataset.activityTypes),
      focusType: label(dataset.focusTypes),
      kind: label(dataset.organisationKinds),
    };
  },
);

export const selectGapRanking = memoSelector(
  (state: HartaState) => [selectMunicipalityCoverage(state), selectNames(state)] as const,
  (coverage, names) => rankGaps(coverage, names.area),
);

export const selectHotspotLevels = memoSelector(
  (state: HartaState) => [state.dataset] as const,
  (dataset) => hotspotLevels(dataset.hotspotEvidence),
);

/** The county the charts and map focus on: the selected county, or the selected municipality's. */
export const selectFocusCountyId = (state: HartaState): string | null => {
  const selection = state.selection;
  if (selection?.kind === 'county') return selection.id;
  if (selection?.kind === 'municipality') {
    return state.gazetteer.municipalities.find((m) => m.id === selection.id)?.county ?? null;
  }
  return null;
};

/** Areas to emphasise on the map: the selected area, or the selected organisation's areas. */
export const selectHighlightedAreas = memoSelector(
  (state: HartaState) => [state.selection, state.dataset, state.gazetteer] as const,
  (selection, dataset, gazetteer): MapAreaRef[] => {
    if (selection === null) return [];
    if (selection.kind !== 'organisation') return [{ level: selection.kind, id: selection.id }];
    const organisation = dataset.organisations.find((o) => o.id === selection.id);
    if (!organisation) return [];
    // Nationwide means every county, shown as such rather than pinned to the capital.
    if (organisation.scope === 'national') {
      return gazetteer.counties.map((county) => ({ level: 'county' as const, id: county.id }));
    }
    return [
      ...organisation.countyIds.map((id) => ({ level: 'county' as const, id })),
      ...organisation.municipalityIds.map((id) => ({ level: 'municipality' as const, id })),
    ];
  },
);

const selectSelectedArea = memoSelector(
  (state: HartaState) => [state.selection] as const,
  (selection): MapAreaRef | null =>
    selection && selection.kind !== 'organisation'
      ? { level: selection.kind, id: selection.id }
      : null,
);

export const selectCountyMeasureLabel = (state: HartaState): string =>
  state.countyMeasure.kind === 'organisations'
    ? 'Organisations working in the county'
    : `Organisations doing ${
        selectNames(state).activityType.get(state.countyMeasure.activityType) ?? 'this activity'
      }`;

export const selectMapModel = memoSelector(
  (state: HartaState) =>
    [
      state.gazetteer,
      selectMunicipalityCoverage(state),
      selectCountyCoverage(state),
      state.countyMeasure,
      selectCountyMeasureLabel(state),
      selectHighlightedAreas(state),
      selectSelectedArea(state),
      state.hovered,
    ] as const,
  (
    gazetteer,
    municipalityCoverage,
    countyCoverage,
    measure,
    measureLabel,
    highlighted,
    selected,
    hovered,
  ) =>
    buildMapModel({
      gazetteer,
      municipalityCoverage,
      countyCoverage,
      measure,
      measureLabel,
      highlighted,
      selected,
      hovered,
    }),
);

export const selectActivityByArea = memoSelector(
  (state: HartaState) =>
    [
      state.dataset,
      state.gazetteer,
      selectFilteredOrganisations(state),
      selectFocusCountyId(state),
    ] as const,
  activityByArea,
);

export const selectFocusTypeCounts = memoSelector(
  (state: HartaState) => [state.dataset, selectFilteredOrganisations(state)] as const,
  focusTypeCounts,
);

export const selectOrganisationsPerCounty = memoSelector(
  (state: HartaState) => [state.gazetteer, selectCountyCoverage(state)] as const,
  organisationsPerCounty,
);

import { activityByArea, focusTypeCounts, organisationsPerCounty } from '../domain/chart-series';
import {
  coverageByCounty,
  coverageByMunicipality,
  filterOrganisations,
  NO_FILTERS,
  gapsByCounty,
  rankCountyGaps,
  rankGaps,
  ranksOf,
  sameCountyGap,
  sameMunicipalityGap,
  tieSpans,
  type MunicipalityCoverage,
} from '../domain/coverage';
import { explainGap } from '../domain/gap-explanation';
import { shortDocumentTitle } from '../domain/report';
import { findOverlaps, overlapMatrix } from '../domain/overlap';
import { planWarnings, withPlans } from '../domain/plan';
import { seatDistances } from '../domain/reach';
import {
  hotspotLevels,
  taxonomyLabel,
  type Organisation,
  type TaxonomyEntry,
} from '../domain/dataset';
import { summariseEdits } from '../domain/local-edits';
import { buildMapModel, type MapAreaRef } from '../domain/map-model';
import { translator } from '../i18n/messages';
import { createPlaceResolver } from '../domain/resolve-places';
import type { HartaState } from './harta-store';
import { memoSelector } from './memo';

/**
 * Derived figures, defined once at module level so every component shares the memoised
 * result for the same inputs.
 */

/** The dataset with the plans' stand-in organisations added ("with plans" picture). */
export const selectDatasetWithPlans = memoSelector(
  (state: HartaState) => [state.dataset, state.plans] as const,
  withPlans,
);

const selectFilteredCurrent = memoSelector(
  (state: HartaState) => [state.dataset, state.gazetteer, state.filters] as const,
  filterOrganisations,
);

const selectFilteredPlanned = memoSelector(
  (state: HartaState) => [selectDatasetWithPlans(state), state.gazetteer, state.filters] as const,
  filterOrganisations,
);

/** Organisations passing the filters, in the picture shown (with plans or without). */
export const selectFilteredOrganisations = (state: HartaState) =>
  state.scenario === 'planned' ? selectFilteredPlanned(state) : selectFilteredCurrent(state);

const coverageOf = (filtered: (state: HartaState) => readonly Organisation[]) =>
  memoSelector(
    (state: HartaState) =>
      [
        state.dataset,
        state.gazetteer,
        filtered(state),
        state.nationwideWeight,
        state.filters.activityTypes,
      ] as const,
    (dataset, gazetteer, organisations, nationwideWeight, activityTypesConsidered) =>
      coverageByMunicipality(dataset, gazetteer, organisations, {
        nationwideWeight,
        activityTypesConsidered,
      }),
  );

const selectCoverageCurrent = coverageOf(selectFilteredCurrent);
const selectCoveragePlanned = coverageOf(selectFilteredPlanned);

export const selectMunicipalityCoverage = (state: HartaState) =>
  state.scenario === 'planned' ? selectCoveragePlanned(state) : selectCoverageCurrent(state);

/**
 * Municipality coverage in the picture shown with no filter applied: what the map lays its
 * labels out by (MapMunicipality.unfiltered). Recomputed when the data, picture or weight
 * change, never on a filter change.
 */
const selectUnfilteredCoverage = memoSelector(
  (state: HartaState) =>
    [
      state.scenario === 'planned' ? selectDatasetWithPlans(state) : state.dataset,
      state.dataset,
      state.gazetteer,
      state.nationwideWeight,
    ] as const,
  (picture, dataset, gazetteer, nationwideWeight) =>
    coverageByMunicipality(
      dataset,
      gazetteer,
      filterOrganisations(picture, gazetteer, NO_FILTERS),
      { nationwideWeight, activityTypesConsidered: NO_FILTERS.activityTypes },
    ),
);

export const selectCountyCoverage = memoSelector(
  (state: HartaState) =>
    [state.dataset, state.gazetteer, selectFilteredOrganisations(state)] as const,
  coverageByCounty,
);

export const selectNames = memoSelector(
  (state: HartaState) => [state.gazetteer, selectDatasetWithPlans(state), state.lang] as const,
  (gazetteer, dataset, lang) => {
    const areas = new Map<string, string>([
      ...gazetteer.counties.map((c) => [c.id, c.name] as const),
      ...gazetteer.municipalities.map((m) => [m.id, m.name] as const),
    ]);
    // Plans' stand-ins too, so a planned organisation can be named in either picture.
    const organisations = new Map(dataset.organisations.map((o) => [o.id, o]));
    // Taxonomy labels in the interface's language where the table has them.
    const label = (entries: TaxonomyEntry[]) =>
      new Map(entries.map((entry) => [entry.id, taxonomyLabel(entry, lang)]));
    return {
      area: (id: string) => areas.get(id) ?? id,
      organisation: (id: string): Organisation | undefined => organisations.get(id),
      activityType: label(dataset.activityTypes),
      focusType: label(dataset.focusTypes),
      kind: label(dataset.organisationKinds),
      /** A document's title without its bracketed credits. */
      document: (id: string) => {
        const document = dataset.documents.find((d) => d.id === id);
        return document ? shortDocumentTitle(document) : id;
      },
    };
  },
);

const rankingOf = (coverage: (state: HartaState) => ReadonlyMap<string, MunicipalityCoverage>) =>
  memoSelector(
    (state: HartaState) => [coverage(state), selectNames(state)] as const,
    (entries, names) => rankGaps(entries, names.area),
  );

const selectRankingCurrent = rankingOf(selectCoverageCurrent);
const selectRankingPlanned = rankingOf(selectCoveragePlanned);

/** Municipalities from most to least underserved, in the picture shown. */
export const selectGapRanking = (state: HartaState) =>
  state.scenario === 'planned' ? selectRankingPlanned(state) : selectRankingCurrent(state);

export interface PlanEffect {
  before: { gapScore: number; rank: number };
  after: { gapScore: number; rank: number };
}

/** Per municipality, its gap score and rank without and with the plans (empty without plans). */
export const selectPlanEffects = memoSelector(
  (state: HartaState) =>
    [
      state.plans.length > 0,
      selectRankingCurrent(state),
      state.plans.length > 0 ? selectRankingPlanned(state) : null,
    ] as const,
  (hasPlans, before, after): Map<string, PlanEffect> => {
    const effects = new Map<string, PlanEffect>();
    if (!hasPlans || after === null) return effects;
    const afterRanks = ranksOf(after);
    const afterScores = new Map(after.map((entry) => [entry.id, entry.gapScore]));
    before.forEach((entry, index) => {
      effects.set(entry.id, {
        before: { gapScore: entry.gapScore, rank: index + 1 },
        after: {
          gapScore: afterScores.get(entry.id) ?? entry.gapScore,
          rank: afterRanks.get(entry.id) ?? index + 1,
        },
      });
    });
    return effects;
  },
);

/** Counties from most to least underserved, in the picture shown. */
export const selectCountyGapRanking = memoSelector(
  (state: HartaState) =>
    [state.gazetteer, selectMunicipalityCoverage(state), selectNames(state)] as const,
  (gazetteer, coverage, names) =>
    rankCountyGaps(gapsByCounty(gazetteer, coverage, names.area), names.area),
);

/** Per rank, the run of municipalities tied with it (order inside a run is by name). */
export const selectGapTies = memoSelector(
  (state: HartaState) => [selectGapRanking(state)] as const,
  (ranking) => tieSpans(ranking, sameMunicipalityGap),
);

export const selectCountyGapTies = memoSelector(
  (state: HartaState) => [selectCountyGapRanking(state)] as const,
  (ranking) => tieSpans(ranking, sameCountyGap),
);

/** Why each municipality ranks where it does. */
export const selectGapExplanations = memoSelector(
  (state: HartaState) => [selectGapRanking(state), state.dataset.hotspotEvidence] as const,
  (ranking, evidence) =>
    new Map(ranking.map((entry, index) => [entry.id, explainGap(entry, evidence, index + 1)])),
);

export const selectSeatDistances = memoSelector(
  (state: HartaState) => [state.gazetteer] as const,
  seatDistances,
);

export const selectOverlapMatrix = memoSelector(
  (state: HartaState) =>
    [state.dataset, selectMunicipalityCoverage(state), selectFilteredOrganisations(state)] as const,
  overlapMatrix,
);

/** Overlaps, limited to the activity types the filter selects when it selects any. */
export const selectOverlaps = memoSelector(
  (state: HartaState) =>
    [
      selectOverlapMatrix(state),
      state.dataset,
      selectFilteredOrganisations(state),
      state.filters.activityTypes,
    ] as const,
  (matrix, dataset, organisations, activityTypes) =>
    findOverlaps(matrix, dataset, organisations).filter(
      (overlap) => activityTypes.length === 0 || activityTypes.includes(overlap.activityType),
    ),
);

/** What each plan duplicates, against the whole dataset (whatever the filters). */
export const selectPlanWarnings = memoSelector(
  (state: HartaState) => [state.plans, state.dataset, state.gazetteer] as const,
  (plans, dataset, gazetteer) =>
    new Map(plans.map((plan) => [plan.id, planWarnings(plan, plans, dataset, gazetteer)])),
);

/** Areas with a planned intervention, for the map. */
export const selectPlannedAreas = memoSelector(
  (state: HartaState) => [state.plans] as const,
  (plans): MapAreaRef[] => {
    const seen = new Set<string>();
    return plans.flatMap((plan) => {
      const key = `${plan.area.level}:${plan.area.id}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ level: plan.area.level, id: plan.area.id }];
    });
  },
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
    ? translator(state.lang)('map.measure.organisations')
    : translator(state.lang)(
        'map.measure.activityType',
        selectNames(state).activityType.get(state.countyMeasure.activityType) ?? null,
      );

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
      selectPlannedAreas(state),
      selectUnfilteredCoverage(state),
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
    planned,
    unfilteredCoverage,
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
      planned,
      unfilteredCoverage,
    }),
);

export const selectActivityByArea = memoSelector(
  (state: HartaState) =>
    [
      state.dataset,
      state.gazetteer,
      selectFilteredOrganisations(state),
      selectFocusCountyId(state),
      state.lang,
    ] as const,
  activityByArea,
);

export const selectFocusTypeCounts = memoSelector(
  (state: HartaState) => [state.dataset, selectFilteredOrganisations(state), state.lang] as const,
  focusTypeCounts,
);

export const selectOrganisationsPerCounty = memoSelector(
  (state: HartaState) => [state.gazetteer, selectCountyCoverage(state)] as const,
  organisationsPerCounty,
);

/** The gazetteer's place resolver (its index is built once per gazetteer). */
export const selectPlaceResolver = memoSelector(
  (state: HartaState) => [state.gazetteer] as const,
  createPlaceResolver,
);

/** What this browser's edits do to the published dataset. */
export const selectEditSummary = memoSelector(
  (state: HartaState) => [state.publishedDataset, state.edits] as const,
  summariseEdits,
);

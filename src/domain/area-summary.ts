import {
  implementerKey,
  type CountyCoverage,
  type CountyGap,
  type MunicipalityCoverage,
} from './coverage';
import type { Dataset, HotspotLevel, Organisation } from './dataset';
import type { Gazetteer } from './gazetteer-schema';
import type { AreaRef } from './view-state';

/**
 * Two areas side by side: one uniform summary for a municipality or a county, built from the
 * coverage figures the rest of the app already derives, and the activity and focus types
 * present in one, both or neither. Pure data in, data out.
 */

/** What `summariseArea` reads: the figures of one picture (filters, scenario, nationwide weight). */
export interface AreaSummaryInput {
  gazetteer: Gazetteer;
  /** Taxonomies (for their order) and hotspot evidence. */
  dataset: Pick<Dataset, 'activityTypes' | 'focusTypes' | 'hotspotEvidence'>;
  /** The organisations the coverage was computed from (filtered, plans' stand-ins included). */
  organisations: readonly Organisation[];
  municipalityCoverage: ReadonlyMap<string, MunicipalityCoverage>;
  countyCoverage: ReadonlyMap<string, CountyCoverage>;
  /** Municipalities from most to least underserved (`rankGaps`). */
  gapRanking: readonly { id: string }[];
  /** Counties from most to least underserved (`rankCountyGaps`). */
  countyGapRanking: readonly CountyGap[];
  /**
   * The activity types "present" is about: the filter's types when it has any (as in
   * `CoverageOptions`), every type otherwise.
   */
  activityTypesConsidered?: readonly string[];
}

interface AreaSummaryCommon {
  id: string;
  name: string;
  /**
   * Municipality: its own level. County: the highest among its municipalities.
   */
  hotspotLevel: HotspotLevel;
  /** Passages (hotspot level 1 or more) naming it, or for a county one of its municipalities. */
  evidenceCount: number;
  gapScore: number;
  /** 1 = most underserved, among municipalities or among counties; null if not ranked. */
  gapRank: number | null;
  /** How many municipalities (or counties) the rank is out of. */
  rankOutOf: number;
  /**
   * Municipality: organisations naming it (directly or through a town in it). County:
   * organisations present anywhere in it (naming it or one of its municipalities).
   */
  naming: string[];
  /**
   * Municipality: organisations naming its whole county but not it. County: those of `naming`
   * that name the county as a whole.
   */
  countyWide: string[];
  /** Organisations working nationwide (the same for every area under the same filters). */
  nationwide: string[];
  /**
   * Distinct implementers counted as present: `naming` and `countyWide`, plus `nationwide` when
   * the nationwide weight is above 0. A planned intervention by an organisation already there
   * is the same implementer.
   */
  implementers: number;
  /** Of the activity types considered, those some present organisation does (taxonomy order). */
  activityTypes: string[];
  /** Focus types of the organisations present (taxonomy order). */
  focusTypes: string[];
  /** What one nationwide organisation adds to presence; 0 = not counted. */
  nationwideWeight: number;
}

export interface MunicipalitySummary extends AreaSummaryCommon {
  level: 'municipality';
  countyId: string;
  countyName: string;
}

export interface CountySummary extends AreaSummaryCommon {
  level: 'county';
  municipalityCount: number;
  /** Its municipalities with a hotspot level of 1 or more. */
  hotspotMunicipalityCount: number;
}

export type AreaSummary = MunicipalitySummary | CountySummary;

/** One activity or focus type, and whether each side has it (null: that side is not chosen). */
export interface CompareRow {
  id: string;
  label: string;
  kind: 'activity' | 'focus';
  inA: boolean | null;
  inB: boolean | null;
  /** Both sides chosen and exactly one has it. */
  differs: boolean;
}

const byId = <T extends { id: string }>(items: readonly T[]) =>
  new Map(items.map((item) => [item.id, item]));

/** The nationwide weight the coverage was computed with (every entry carries the same). */
function weightOf(coverage: ReadonlyMap<string, MunicipalityCoverage>): number {
  for (const entry of coverage.values()) return entry.nationwideWeight;
  return 0;
}

/**
 * A municipality or a county as the compare view shows it, under the picture the input
 * describes. For a county, what is present is what the organisations present anywhere in it
 * do (nationwide ones add to its implementers when weighted, never to its types), and
 * its hotspot level and gap come from the county gap ranking. Null when the area is unknown.
 *
 * @example summariseArea({ level: 'county', id: 'AL011' }, input)?.naming // organisations in Dibër
 */
export function summariseArea(area: AreaRef, input: AreaSummaryInput): AreaSummary | null {
  const organisations = byId(input.organisations);
  const weight = weightOf(input.municipalityCoverage);
  const nationwide = input.organisations.filter((o) => o.scope === 'national').map((o) => o.id);
  const considered =
    input.activityTypesConsidered && input.activityTypesConsidered.length > 0
      ? new Set(input.activityTypesConsidered)
      : null;
  const present = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const organisation = organisations.get(id);
      return organisation ? [organisation] : [];
    });
  // Types come from organisations naming the area (never from nationwide ones, as in coverage);
  // implementers include nationwide ones when their weight counts them.
  const typesOf = (ids: readonly string[]) => {
    const named = present(ids);
    const counted = present(weight > 0 ? [...ids, ...nationwide] : ids);
    const activities = new Set(named.flatMap((o) => o.activityTypes));
    const focuses = new Set(named.flatMap((o) => o.focusTypes));
    return {
      activityTypes: input.dataset.activityTypes
        .map((type) => type.id)
        .filter((id) => activities.has(id) && (considered === null || considered.has(id))),
      focusTypes: input.dataset.focusTypes.map((type) => type.id).filter((id) => focuses.has(id)),
      implementers: new Set(counted.map(implementerKey)).size,
    };
  };
  const passagesAbout = (municipalityIds: ReadonlySet<string>) =>
    input.dataset.hotspotEvidence.filter(
      (item) => item.level > 0 && municipalityIds.has(item.municipalityId),
    ).length;

  if (area.level === 'municipality') {
    const municipality = input.gazetteer.municipalities.find((m) => m.id === area.id);
    const coverage = input.municipalityCoverage.get(area.id);
    if (!municipality || !coverage) return null;
    const rank = input.gapRanking.findIndex((entry) => entry.id === area.id);
    const counted = typesOf([...coverage.local, ...coverage.countyWide]);
    return {
      level: 'municipality',
      id: municipality.id,
      name: municipality.name,
      countyId: municipality.county,
      countyName:
        input.gazetteer.counties.find((c) => c.id === municipality.county)?.name ??
        municipality.county,
      hotspotLevel: coverage.hotspotLevel,
      evidenceCount: passagesAbout(new Set([municipality.id])),
      gapScore: coverage.gapScore,
      gapRank: rank === -1 ? null : rank + 1,
      rankOutOf: input.gapRanking.length,
      naming: [...coverage.local],
      countyWide: [...coverage.countyWide],
      nationwide: [...coverage.nationwide],
      implementers: counted.implementers,
      // The coverage's own lists, so the compare view never disagrees with the area panel.
      activityTypes: [...coverage.activityTypesCovered],
      focusTypes: [...coverage.focusTypesCovered],
      nationwideWeight: coverage.nationwideWeight,
    };
  }

  const county = input.gazetteer.counties.find((c) => c.id === area.id);
  const coverage = input.countyCoverage.get(area.id);
  if (!county || !coverage) return null;
  const rank = input.countyGapRanking.findIndex((entry) => entry.id === area.id);
  const gap = input.countyGapRanking[rank];
  const members = input.gazetteer.municipalities.filter((m) => m.county === county.id);
  const memberIds = new Set(members.map((m) => m.id));
  const counted = typesOf(coverage.organisations);
  return {
    level: 'county',
    id: county.id,
    name: county.name,
    municipalityCount: members.length,
    hotspotMunicipalityCount: members.filter(
      (m) => (input.municipalityCoverage.get(m.id)?.hotspotLevel ?? 0) > 0,
    ).length,
    hotspotLevel: gap?.hotspotLevel ?? 0,
    evidenceCount: passagesAbout(memberIds),
    gapScore: gap?.gapScore ?? 0,
    gapRank: gap ? rank + 1 : null,
    rankOutOf: input.countyGapRanking.length,
    naming: [...coverage.organisations],
    countyWide: present(coverage.organisations)
      .filter((o) => o.countyIds.includes(county.id))
      .map((o) => o.id),
    nationwide,
    implementers: counted.implementers,
    activityTypes: counted.activityTypes,
    focusTypes: counted.focusTypes,
    nationwideWeight: weight,
  };
}

/**
 * The activity types, then the focus types, each with whether side A and side B have it.
 * Rows keep the order of the lists given (pass the activity types considered, in taxonomy
 * order). A side not chosen (null) has no answer and differs from nothing.
 */
export function compareAreas(
  a: AreaSummary | null,
  b: AreaSummary | null,
  activityTypes: readonly { id: string; label: string }[],
  focusTypes: readonly { id: string; label: string }[],
): CompareRow[] {
  const row = (
    type: { id: string; label: string },
    kind: CompareRow['kind'],
    has: (summary: AreaSummary) => readonly string[],
  ): CompareRow => {
    const inA = a === null ? null : has(a).includes(type.id);
    const inB = b === null ? null : has(b).includes(type.id);
    return {
      id: type.id,
      label: type.label,
      kind,
      inA,
      inB,
      differs: inA !== null && inB !== null && inA !== inB,
    };
  };
  return [
    ...activityTypes.map((type) => row(type, 'activity', (s) => s.activityTypes)),
    ...focusTypes.map((type) => row(type, 'focus', (s) => s.focusTypes)),
  ];
}

/** An area as a sentence names it: its level (a county and a municipality often share a name) and name. */
export type AreaName = Pick<AreaSummary, 'level' | 'name'>;

/**
 * What separates two areas, as data the interface puts into one sentence: which has the
 * higher gap, how many organisations each has, and how many activity types are done in one
 * only.
 */
export type ComparisonFacts =
  | {
      /** Both sides show the same area. */
      kind: 'same-area';
      area: AreaName;
    }
  | {
      kind: 'compared';
      /** The side with the higher gap (side A on a tie), and the other. */
      higher: AreaName;
      lower: AreaName;
      /** The gap scores, rounded to `digits` decimals. */
      higherGap: number;
      lowerGap: number;
      tied: boolean;
      /** Decimals to show: 2, or 3 when 2 would print different scores the same. */
      digits: 2 | 3;
      /** Organisations naming the higher-gap area (working in it, for a county), and the other. */
      higherOrganisations: number;
      lowerOrganisations: number;
      /** Activity types done in the lower-gap area but not in the higher, and the reverse. */
      onlyLower: number;
      onlyHigher: number;
    };

/**
 * The facts of one sentence on what separates the two areas.
 *
 * @example comparisonFacts(bulqize, diber, rows) // { kind: 'compared', higher: Bulqizë, … }
 */
export function comparisonFacts(
  a: AreaSummary,
  b: AreaSummary,
  rows: readonly CompareRow[],
): ComparisonFacts {
  const name = (summary: AreaSummary): AreaName => ({ level: summary.level, name: summary.name });
  if (a.level === b.level && a.id === b.id) return { kind: 'same-area', area: name(a) };
  const aFirst = a.gapScore >= b.gapScore;
  const higher = aFirst ? a : b;
  const lower = aFirst ? b : a;
  const tied = a.gapScore === b.gapScore;
  // Two decimals, as everywhere else, unless that would print different scores the same.
  const digits = higher.gapScore.toFixed(2) === lower.gapScore.toFixed(2) && !tied ? 3 : 2;
  // Rounded as shown (`toFixed`: 0.495 is 0.49), so every language prints the same figure.
  const shown = (score: number) => Number(score.toFixed(digits));
  const inHigher = (row: CompareRow) => (aFirst ? row.inA : row.inB) === true;
  const inLower = (row: CompareRow) => (aFirst ? row.inB : row.inA) === true;
  const activities = rows.filter((row) => row.kind === 'activity');
  return {
    kind: 'compared',
    higher: name(higher),
    lower: name(lower),
    higherGap: shown(higher.gapScore),
    lowerGap: shown(lower.gapScore),
    tied,
    digits,
    higherOrganisations: higher.naming.length,
    lowerOrganisations: lower.naming.length,
    onlyLower: activities.filter((row) => inLower(row) && !inHigher(row)).length,
    onlyHigher: activities.filter((row) => inHigher(row) && !inLower(row)).length,
  };
}

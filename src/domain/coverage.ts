import { hotspotLevels, type Dataset, type HotspotLevel, type Organisation } from './dataset';
import type { Gazetteer } from './gazetteer-schema';
import { matchesSearch } from './search-text';

/**
 * Coverage: who is present where under the current filters, what they do there, and a first,
 * documented gap measure (need versus presence). Pure data in, data out.
 */

export type ScopeFilter = 'all' | 'local' | 'national';

export interface Filters {
  /** Activity type ids; an organisation matches if it has any of them. Empty = all. */
  activityTypes: string[];
  focusTypes: string[];
  kinds: string[];
  scope: ScopeFilter;
  /** Keep only organisations that work in at least one hotspot municipality. */
  hotspotsOnly: boolean;
  text: string;
}

export const NO_FILTERS: Filters = {
  activityTypes: [],
  focusTypes: [],
  kinds: [],
  scope: 'all',
  hotspotsOnly: false,
  text: '',
};

/** The same filter set: equal fields, lists in the same order. */
export function sameFilters(a: Filters, b: Filters): boolean {
  const sameList = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((value, index) => value === y[index]);
  return (
    sameList(a.activityTypes, b.activityTypes) &&
    sameList(a.focusTypes, b.focusTypes) &&
    sameList(a.kinds, b.kinds) &&
    a.scope === b.scope &&
    a.hotspotsOnly === b.hotspotsOnly &&
    a.text === b.text
  );
}

export interface CoverageOptions {
  /**
   * What one nationwide organisation adds to a municipality's presence, in [0, 1]; 0 leaves
   * them out (the default in the app: "the whole territory" rarely means every town).
   */
  nationwideWeight: number;
  /**
   * The activity types a "missing" list is about: the filter's types when it has any (work
   * the filter hides is not absent), every type otherwise.
   */
  activityTypesConsidered?: readonly string[];
}

export interface MunicipalityCoverage {
  id: string;
  countyId: string;
  hotspotLevel: HotspotLevel;
  /** Organisations whose focus names this municipality (directly or via a town in it). */
  local: string[];
  /** Organisations whose focus names the municipality's whole county. */
  countyWide: string[];
  /** Organisations working nationwide. */
  nationwide: string[];
  /**
   * Of the types considered, those an organisation naming the municipality or its county does.
   * Nationwide organisations never make a type "covered" here, whatever their weight: "the
   * whole territory" says nothing about this town.
   */
  activityTypesCovered: string[];
  /** Of the types considered, those nobody naming the municipality or its county does. */
  activityTypesMissing: string[];
  /** Of the missing types, those some nationwide organisation does (somewhere). */
  activityTypesNationwideOnly: string[];
  /** Focus types of the organisations naming the municipality or its county. */
  focusTypesCovered: string[];
  /**
   * Distinct implementers: naming the municipality; naming its county and not already counted
   * there; nationwide and not already counted in either (a planned extension by an
   * organisation already present adds no second presence).
   */
  counts: { local: number; countyWide: number; nationwide: number };
  /** Weighted presence, term by term: counts × 1, × 0.5 and × the nationwide weight. */
  presenceTerms: { local: number; countyWide: number; nationwide: number };
  presence: number;
  /** The weight nationwide organisations had in `presence`. */
  nationwideWeight: number;
  /** 0.25 + 0.25 × hotspot level. */
  need: number;
  /** 1 − e^(−presence / 2), in [0, 1). */
  coverage: number;
  /** need × (1 − coverage), in [0, 1], higher = more underserved. See `gapScore`. */
  gapScore: number;
}

export interface CountyCoverage {
  id: string;
  /**
   * Organisations present anywhere in the county: naming it, or one of its municipalities
   * (plans' stand-ins included, for listing).
   */
  organisations: string[];
  /** Distinct implementers among them: what the map and the charts count. */
  implementers: number;
  /** Per activity type: organisations of that type present in the county. */
  byActivityType: Record<string, number>;
}

export const PRESENCE_WEIGHTS = { local: 1, countyWide: 0.5 } as const;

/** The nationwide weight the app starts with (not counted), and the suggested value when on. */
export const DEFAULT_NATIONWIDE_WEIGHT = 0;
export const SUGGESTED_NATIONWIDE_WEIGHT = 0.1;

/** Clamps a nationwide weight into [0, 1], rounded to 0.01; anything not a number gives 0. */
export function clampNationwideWeight(weight: number): number {
  if (!Number.isFinite(weight)) return 0;
  return Math.round(Math.min(1, Math.max(0, weight)) * 100) / 100;
}

/** Need of a municipality from its hotspot level: 0.25 (no document names it) to 1. */
export function need(level: HotspotLevel): number {
  return 0.25 + 0.25 * level;
}

/** Coverage from weighted presence: 0 for none, 0.39 for one local organisation, 0.78 for three. */
export function coverageOf(presence: number): number {
  return 1 - Math.exp(-Math.max(0, presence) / 2);
}

/**
 * Gap score, version 1: need × (1 − coverage), rounded to 0.001.
 * - need = 0.25 + 0.25 × hotspot level (0.25 for a municipality no document names, 1 for a
 *   priority for intervention);
 * - coverage = 1 − e^(−presence / 2), where presence weighs each distinct organisation naming
 *   the municipality 1, each naming its whole county 0.5, and each nationwide one by the
 *   nationwide weight (0 unless the user turns it up).
 *
 * @example gapScore(3, 0) === 1; gapScore(0, 0) === 0.25
 */
export function gapScore(level: HotspotLevel, presence: number): number {
  return Math.round(need(level) * (1 - coverageOf(presence)) * 1000) / 1000;
}

/**
 * Who an organisation's presence belongs to: a planned intervention by an organisation already
 * counted in the same place adds what it does there, not a second presence.
 */
export function implementerKey(organisation: Organisation): string {
  return organisation.planned?.implementerKey ?? organisation.id;
}

/** How many distinct implementers among these organisations. */
export const distinctCount = (organisations: readonly Organisation[]) =>
  new Set(organisations.map(implementerKey)).size;

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Organisations that pass the filters. Text matches names, acronyms, places and themes. */
export function filterOrganisations(
  dataset: Dataset,
  gazetteer: Gazetteer,
  filters: Filters,
): Organisation[] {
  const levels = hotspotLevels(dataset.hotspotEvidence);
  const countyOf = new Map(gazetteer.municipalities.map((m) => [m.id, m.county]));
  const hotspotCounties = new Set(
    [...levels].filter(([, level]) => level >= 1).map(([id]) => countyOf.get(id)),
  );
  const areaNames = new Map<string, string>([
    ...gazetteer.counties.map((c) => [c.id, c.name] as const),
    ...gazetteer.municipalities.map((m) => [m.id, m.name] as const),
  ]);
  const anyOf = (wanted: string[], values: string[]) =>
    wanted.length === 0 || values.some((value) => wanted.includes(value));
  return dataset.organisations.filter((organisation) => {
    if (!anyOf(filters.activityTypes, organisation.activityTypes)) return false;
    // A plan by an organisation not in the dataset has no known kind or focus: unknown is not
    // excluded (else any such filter would silently hide the plan).
    const unknownPlanned = organisation.planned !== undefined;
    if (
      !(unknownPlanned && organisation.focusTypes.length === 0) &&
      !anyOf(filters.focusTypes, organisation.focusTypes)
    )
      return false;
    if (!(unknownPlanned && organisation.kind === '') && !anyOf(filters.kinds, [organisation.kind]))
      return false;
    if (filters.scope !== 'all' && organisation.scope !== filters.scope) return false;
    if (filters.hotspotsOnly) {
      const inHotspot =
        organisation.municipalityIds.some((id) => (levels.get(id) ?? 0) >= 1) ||
        organisation.countyIds.some((id) => hotspotCounties.has(id));
      if (!inHotspot) return false;
    }
    if (filters.text.trim() !== '') {
      return matchesSearch(filters.text, [
        organisation.name,
        organisation.acronym ?? '',
        organisation.theme,
        organisation.geographicFocus,
        ...organisation.municipalityIds.map((id) => areaNames.get(id) ?? ''),
        ...organisation.countyIds.map((id) => areaNames.get(id) ?? ''),
      ]);
    }
    return true;
  });
}

/** Local-scope organisations by each area id `areasOf` names (once each, in their order). */
function groupLocalBy(
  organisations: readonly Organisation[],
  areasOf: (organisation: Organisation) => readonly string[],
): Map<string, Organisation[]> {
  const groups = new Map<string, Organisation[]>();
  for (const organisation of organisations) {
    if (organisation.scope !== 'local') continue;
    const ids = areasOf(organisation);
    ids.forEach((id, index) => {
      // An area named twice lists the organisation once.
      if (ids.indexOf(id) !== index) return;
      const group = groups.get(id);
      if (group) group.push(organisation);
      else groups.set(id, [organisation]);
    });
  }
  return groups;
}

/** Coverage of every municipality by the given organisations. */
export function coverageByMunicipality(
  dataset: Dataset,
  gazetteer: Gazetteer,
  organisations: readonly Organisation[],
  options: CoverageOptions,
): Map<string, MunicipalityCoverage> {
  const levels = hotspotLevels(dataset.hotspotEvidence);
  const allActivityTypes =
    options.activityTypesConsidered && options.activityTypesConsidered.length > 0
      ? dataset.activityTypes
          .map((type) => type.id)
          .filter((id) => options.activityTypesConsidered?.includes(id))
      : dataset.activityTypes.map((type) => type.id);
  const consideredTypes = new Set(allActivityTypes);
  const focusTypeIds = dataset.focusTypes.map((type) => type.id);
  const weight = clampNationwideWeight(options.nationwideWeight);
  const nationwide = organisations.filter((o) => o.scope === 'national');
  const nationwideTypes = new Set(nationwide.flatMap((o) => o.activityTypes));
  // One pass over the organisations instead of one per municipality (a few thousand imported
  // records × 61 municipalities is the slow part of a filter change): local organisations by
  // the municipalities and counties they name, each list in the organisations' order.
  const localByMunicipality = groupLocalBy(organisations, (o) => o.municipalityIds);
  const localByCounty = groupLocalBy(organisations, (o) => o.countyIds);
  const nationwideKeys = new Set(nationwide.map(implementerKey));
  const nationwideIds = nationwide.map((o) => o.id);
  const countedAt = new Map<string, number>();
  const result = new Map<string, MunicipalityCoverage>();
  for (const [index, municipality] of gazetteer.municipalities.entries()) {
    const local = localByMunicipality.get(municipality.id) ?? [];
    // An organisation naming the municipality itself is local there, not also county-wide.
    const countyWide = (localByCounty.get(municipality.county) ?? []).filter(
      (o) => !o.municipalityIds.includes(municipality.id),
    );
    const named = [...local, ...countyWide];
    // Loops, not `flatMap` (its copies were most of the time on a few thousand records), and
    // the types loop stops once every type considered is covered: only those are asked about.
    const covered = new Set<string>();
    let uncovered = allActivityTypes.length;
    for (const o of named) {
      for (const type of o.activityTypes) {
        if (covered.has(type)) continue;
        covered.add(type);
        if (consideredTypes.has(type)) uncovered -= 1;
      }
      if (uncovered === 0) break;
    }
    const focusCovered = new Set<string>();
    for (const o of named) for (const type of o.focusTypes) focusCovered.add(type);
    // Each implementer counts once, at its strongest: named here, else its county, else
    // nationwide. `countedAt` marks keys already counted for this municipality, one map for
    // all of them (a set per municipality and tier was much of the garbage on big datasets).
    const mark = 4 * index;
    const counts = { local: 0, countyWide: 0, nationwide: 0 };
    for (const o of local) {
      const key = implementerKey(o);
      if (countedAt.get(key) === mark + 1) continue;
      countedAt.set(key, mark + 1);
      counts.local += 1;
    }
    for (const o of countyWide) {
      const key = implementerKey(o);
      const counted = countedAt.get(key);
      if (counted === mark + 1 || counted === mark + 2) continue;
      countedAt.set(key, mark + 2);
      counts.countyWide += 1;
    }
    for (const key of nationwideKeys) {
      const counted = countedAt.get(key);
      if (counted !== undefined && counted > mark) continue;
      countedAt.set(key, mark + 3);
      counts.nationwide += 1;
    }
    const presenceTerms = {
      local: counts.local * PRESENCE_WEIGHTS.local,
      countyWide: counts.countyWide * PRESENCE_WEIGHTS.countyWide,
      nationwide: round3(counts.nationwide * weight),
    };
    const presence = round3(
      presenceTerms.local + presenceTerms.countyWide + presenceTerms.nationwide,
    );
    const level = levels.get(municipality.id) ?? 0;
    result.set(municipality.id, {
      id: municipality.id,
      countyId: municipality.county,
      hotspotLevel: level,
      local: local.map((o) => o.id),
      countyWide: countyWide.map((o) => o.id),
      nationwide: [...nationwideIds],
      activityTypesCovered: allActivityTypes.filter((type) => covered.has(type)),
      activityTypesMissing: allActivityTypes.filter((type) => !covered.has(type)),
      activityTypesNationwideOnly: allActivityTypes.filter(
        (type) => !covered.has(type) && nationwideTypes.has(type),
      ),
      focusTypesCovered: focusTypeIds.filter((type) => focusCovered.has(type)),
      counts,
      presenceTerms,
      presence,
      nationwideWeight: weight,
      need: need(level),
      coverage: round3(coverageOf(presence)),
      gapScore: gapScore(level, presence),
    });
  }
  return result;
}

/**
 * The local organisations present in each county of the gazetteer: those naming the county or
 * one of its municipalities, each once, in the organisations' order. One pass over the
 * organisations, not one per county (≈3 000 organisations × 12 counties on every filter change).
 */
export function localOrganisationsByCounty(
  gazetteer: Gazetteer,
  organisations: readonly Organisation[],
): Map<string, Organisation[]> {
  const countyOf = new Map(gazetteer.municipalities.map((m) => [m.id, m.county]));
  const presentIn = new Map<string, Organisation[]>(gazetteer.counties.map((c) => [c.id, []]));
  for (const o of organisations) {
    if (o.scope !== 'local') continue;
    const counties = new Set(o.countyIds);
    for (const id of o.municipalityIds) {
      const county = countyOf.get(id);
      if (county !== undefined) counties.add(county);
    }
    for (const county of counties) presentIn.get(county)?.push(o);
  }
  return presentIn;
}

/** Coverage of every county: organisations naming it or one of its municipalities. */
export function coverageByCounty(
  dataset: Dataset,
  gazetteer: Gazetteer,
  organisations: readonly Organisation[],
): Map<string, CountyCoverage> {
  const presentIn = localOrganisationsByCounty(gazetteer, organisations);
  const result = new Map<string, CountyCoverage>();
  for (const county of gazetteer.counties) {
    const present = presentIn.get(county.id) ?? [];
    // One implementer counts once (a plan by an organisation already in the county adds its
    // activity types there, not a second organisation).
    const byImplementer = new Map<string, { id: string; activityTypes: Set<string> }>();
    for (const o of present) {
      const key = implementerKey(o);
      const entry = byImplementer.get(key) ?? { id: o.id, activityTypes: new Set<string>() };
      o.activityTypes.forEach((type) => entry.activityTypes.add(type));
      byImplementer.set(key, entry);
    }
    const byActivityType: Record<string, number> = {};
    for (const type of dataset.activityTypes) byActivityType[type.id] = 0;
    for (const entry of byImplementer.values()) {
      for (const type of entry.activityTypes) {
        const count = byActivityType[type];
        if (Object.hasOwn(byActivityType, type) && count !== undefined) {
          byActivityType[type] = count + 1;
        }
      }
    }
    result.set(county.id, {
      id: county.id,
      organisations: present.map((o) => o.id),
      implementers: byImplementer.size,
      byActivityType,
    });
  }
  return result;
}

/**
 * Municipalities from most to least underserved: highest gap score first; ties broken by
 * hotspot level, then by fewer organisations naming it, then by name.
 */
export function rankGaps(
  coverage: ReadonlyMap<string, MunicipalityCoverage>,
  nameOf: (id: string) => string,
): MunicipalityCoverage[] {
  return [...coverage.values()].sort(
    (a, b) =>
      b.gapScore - a.gapScore ||
      b.hotspotLevel - a.hotspotLevel ||
      a.counts.local - b.counts.local ||
      nameOf(a.id).localeCompare(nameOf(b.id), 'sq'),
  );
}

/** Rank of every municipality in a ranking (1 = most underserved). */
export function ranksOf(ranking: readonly { id: string }[]): Map<string, number> {
  return new Map(ranking.map((entry, index) => [entry.id, index + 1]));
}

export interface CountyGap {
  id: string;
  /** Highest hotspot level among its municipalities. */
  hotspotLevel: HotspotLevel;
  /**
   * Need-weighted mean of its municipalities' gap scores: Σ need × gap / Σ need, so an
   * underserved hotspot weighs more than a well-served quiet town.
   */
  gapScore: number;
  /** Its municipalities, most underserved first. */
  municipalities: string[];
}

/** Gap of every county, from its municipalities' coverage. */
export function gapsByCounty(
  gazetteer: Gazetteer,
  coverage: ReadonlyMap<string, MunicipalityCoverage>,
  nameOf: (id: string) => string,
): Map<string, CountyGap> {
  const ranked = rankGaps(coverage, nameOf);
  const result = new Map<string, CountyGap>();
  for (const county of gazetteer.counties) {
    const members = ranked.filter((entry) => entry.countyId === county.id);
    const totalNeed = members.reduce((sum, entry) => sum + entry.need, 0);
    const weighted = members.reduce((sum, entry) => sum + entry.need * entry.gapScore, 0);
    result.set(county.id, {
      id: county.id,
      hotspotLevel: members.reduce<HotspotLevel>(
        (highest, entry) => (entry.hotspotLevel > highest ? entry.hotspotLevel : highest),
        0,
      ),
      gapScore: totalNeed === 0 ? 0 : round3(weighted / totalNeed),
      municipalities: members.map((entry) => entry.id),
    });
  }
  return result;
}

/** Counties from most to least underserved; ties by hotspot level, then name. */
export function rankCountyGaps(
  gaps: ReadonlyMap<string, CountyGap>,
  nameOf: (id: string) => string,
): CountyGap[] {
  return [...gaps.values()].sort(
    (a, b) =>
      b.gapScore - a.gapScore ||
      b.hotspotLevel - a.hotspotLevel ||
      nameOf(a.id).localeCompare(nameOf(b.id), 'sq'),
  );
}

/** The ranks (1-based, first and last) of a run of entries that rank equal. */
export interface TieSpan {
  first: number;
  last: number;
}

/**
 * For each entry of a sorted ranking, the run of entries `same` as it: a run of one is no tie.
 * Use with `sameMunicipalityGap` / `sameCountyGap`, which compare what the rankings compare
 * before the name (so the order inside a run is alphabetical and means nothing).
 */
export function tieSpans<T>(ranking: readonly T[], same: (a: T, b: T) => boolean): TieSpan[] {
  const spans: TieSpan[] = [];
  let start = 0;
  ranking.forEach((entry, index) => {
    const next = ranking[index + 1];
    if (next !== undefined && same(entry, next)) return;
    for (let member = start; member <= index; member += 1)
      spans.push({ first: start + 1, last: index + 1 });
    start = index + 1;
  });
  return spans;
}

export const isTie = (span: TieSpan | undefined): span is TieSpan =>
  span !== undefined && span.last > span.first;

/** What `rankGaps` compares before the name: score, hotspot level, organisations naming it. */
export const sameMunicipalityGap = (a: MunicipalityCoverage, b: MunicipalityCoverage) =>
  a.gapScore === b.gapScore &&
  a.hotspotLevel === b.hotspotLevel &&
  a.counts.local === b.counts.local;

/** What `rankCountyGaps` compares before the name: score and hotspot level. */
export const sameCountyGap = (a: CountyGap, b: CountyGap) =>
  a.gapScore === b.gapScore && a.hotspotLevel === b.hotspotLevel;

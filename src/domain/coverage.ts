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

export interface CoverageOptions {
  /** Whether nationwide organisations count as present in every municipality. */
  countNationwide: boolean;
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
  /** Of the types considered, those some present organisation does (nationwide ones only when counted). */
  activityTypesCovered: string[];
  /** Of the types considered, those nobody present does. */
  activityTypesMissing: string[];
  /** Weighted presence: local 1, county-wide 0.5, nationwide 0.1 when counted. */
  presence: number;
  /** In [0, 1], higher = more underserved. See `gapScore`. */
  gapScore: number;
}

export interface CountyCoverage {
  id: string;
  /** Organisations present anywhere in the county: naming it, or one of its municipalities. */
  organisations: string[];
  /** Per activity type: organisations of that type present in the county. */
  byActivityType: Record<string, number>;
}

export const PRESENCE_WEIGHTS = { local: 1, countyWide: 0.5, nationwide: 0.1 } as const;

/**
 * Gap score, version 1: need × (1 − coverage).
 * - need = 0.25 + 0.25 × hotspot level (0.25 for a municipality no document names, 1 for a
 *   priority for intervention);
 * - coverage = 1 − e^(−presence / 2), where presence weighs organisations naming the
 *   municipality 1, those naming its whole county 0.5, and nationwide ones 0.1 when counted.
 * No presence gives coverage 0; one local organisation 0.39; three 0.78.
 *
 * @example gapScore(3, 0) === 1; gapScore(0, 0) === 0.25
 */
export function gapScore(level: HotspotLevel, presence: number): number {
  const need = 0.25 + 0.25 * level;
  const coverage = 1 - Math.exp(-presence / 2);
  return Math.round(need * (1 - coverage) * 1000) / 1000;
}

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
    if (!anyOf(filters.focusTypes, organisation.focusTypes)) return false;
    if (!anyOf(filters.kinds, [organisation.kind])) return false;
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
  const nationwide = organisations.filter((o) => o.scope === 'national');
  const result = new Map<string, MunicipalityCoverage>();
  for (const municipality of gazetteer.municipalities) {
    const local = organisations.filter(
      (o) => o.scope === 'local' && o.municipalityIds.includes(municipality.id),
    );
    // An organisation naming the municipality itself is local there, not also county-wide.
    const countyWide = organisations.filter(
      (o) =>
        o.scope === 'local' &&
        o.countyIds.includes(municipality.county) &&
        !o.municipalityIds.includes(municipality.id),
    );
    const counted = [...local, ...countyWide, ...(options.countNationwide ? nationwide : [])];
    const covered = new Set(counted.flatMap((o) => o.activityTypes));
    const presence =
      local.length * PRESENCE_WEIGHTS.local +
      countyWide.length * PRESENCE_WEIGHTS.countyWide +
      (options.countNationwide ? nationwide.length * PRESENCE_WEIGHTS.nationwide : 0);
    const level = levels.get(municipality.id) ?? 0;
    result.set(municipality.id, {
      id: municipality.id,
      countyId: municipality.county,
      hotspotLevel: level,
      local: local.map((o) => o.id),
      countyWide: countyWide.map((o) => o.id),
      nationwide: nationwide.map((o) => o.id),
      activityTypesCovered: allActivityTypes.filter((type) => covered.has(type)),
      activityTypesMissing: allActivityTypes.filter((type) => !covered.has(type)),
      presence,
      gapScore: gapScore(level, presence),
    });
  }
  return result;
}

/** Coverage of every county: organisations naming it or one of its municipalities. */
export function coverageByCounty(
  dataset: Dataset,
  gazetteer: Gazetteer,
  organisations: readonly Organisation[],
): Map<string, CountyCoverage> {
  const countyOf = new Map(gazetteer.municipalities.map((m) => [m.id, m.county]));
  const result = new Map<string, CountyCoverage>();
  for (const county of gazetteer.counties) {
    const present = organisations.filter(
      (o) =>
        o.scope === 'local' &&
        (o.countyIds.includes(county.id) ||
          o.municipalityIds.some((id) => countyOf.get(id) === county.id)),
    );
    const byActivityType: Record<string, number> = {};
    for (const type of dataset.activityTypes) {
      byActivityType[type.id] = present.filter((o) => o.activityTypes.includes(type.id)).length;
    }
    result.set(county.id, {
      id: county.id,
      organisations: present.map((o) => o.id),
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
      a.local.length - b.local.length ||
      nameOf(a.id).localeCompare(nameOf(b.id), 'sq'),
  );
}

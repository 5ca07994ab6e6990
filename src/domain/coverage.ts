import { hotspotLevels, type Dataset, type HotspotLevel, type Organisation } from './dataset';
import type { Gazetteer } from './gazetteer-schema';
import {
  implementerKey,
  numberingFor,
  numberOrganisations,
  type NumberedOrganisation,
} from './numbered-organisations';
import { matchesSearch } from './search-text';

export { implementerKey };

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
  /** Organisations working nationwide (one list, shared by every municipality). */
  nationwide: readonly string[];
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

/**
 * Lists of organisation positions by area, packed into two arrays: area `a`'s positions are
 * `items[start[a]]` to `items[start[a + 1] − 1]`, in the organisations' order. Two typed arrays
 * instead of one growing array per area: a filter change at national 3W size builds these
 * several times, and the garbage of thousands of small arrays came back as collector pauses.
 */
interface PackedLists {
  start: Int32Array;
  items: Int32Array;
}

/** Which of an organisation's numbers name the areas a list is by. */
type AreaKind = 'municipalities' | 'counties';

/** Adds `by` to `counts[at]`. */
function bump(counts: Int32Array, at: number, by = 1): void {
  counts[at] = (counts[at] ?? 0) + by;
}

/**
 * Packs lists by area. `areasOf(position, into)` writes the areas of the organisation at
 * `position` into `into` (each area once) and returns how many. One pass over the
 * organisations collects (area, position) pairs, then a counting sort by area packs them;
 * positions keep their order within an area.
 */
function packLists(
  areas: number,
  positions: number,
  areasOf: (position: number, into: Int32Array) => number,
): PackedLists {
  let pairs = new Int32Array(Math.max(64, 4 * positions));
  let length = 0;
  const found = new Int32Array(areas);
  for (let position = 0; position < positions; position += 1) {
    const count = areasOf(position, found);
    if (length + 2 * count > pairs.length) {
      const grown = new Int32Array(2 * pairs.length + 2 * count);
      grown.set(pairs);
      pairs = grown;
    }
    for (let i = 0; i < count; i += 1) {
      pairs[length] = found[i] ?? 0;
      pairs[length + 1] = position;
      length += 2;
    }
  }
  const start = new Int32Array(areas + 1);
  for (let k = 0; k < length; k += 2) bump(start, (pairs[k] ?? 0) + 1);
  for (let area = 0; area < areas; area += 1) bump(start, area + 1, start[area] ?? 0);
  const items = new Int32Array(length / 2);
  const next = start.slice(0, areas);
  for (let k = 0; k < length; k += 2) {
    const area = pairs[k] ?? 0;
    items[next[area] ?? 0] = pairs[k + 1] ?? 0;
    bump(next, area);
  }
  return { start, items };
}

/**
 * Positions (in `numbered`) of the local-scope organisations naming each area, by the area's
 * position, in the organisations' order.
 */
function localPositionsBy(
  numbered: readonly NumberedOrganisation[],
  organisations: readonly Organisation[],
  areas: number,
  kind: AreaKind,
): PackedLists {
  return packLists(areas, numbered.length, (position, into) => {
    const numbers = numbered[position];
    if (!numbers || organisations[position]?.scope !== 'local') return 0;
    const named = kind === 'counties' ? numbers.counties : numbers.municipalities;
    let count = 0;
    for (let i = 0; i < named.length; i += 1) {
      const area = named[i] ?? -1;
      if (area < 0 || area >= areas) continue;
      into[count] = area;
      count += 1;
    }
    return count;
  });
}

/** The ids of the organisations at `items[from]` to `items[to − 1]`. */
function idsAt(
  organisations: readonly Organisation[],
  items: Int32Array,
  from: number,
  to: number,
): string[] {
  const ids = new Array<string>(to - from);
  for (let at = from; at < to; at += 1) ids[at - from] = organisations[items[at] ?? -1]?.id ?? '';
  return ids;
}

/**
 * Marks with `index`, in `marks`, the types (activity or focus) of the organisations at
 * `named[0]` to `named[count − 1]`, and stops once `remaining` of the types `wanted` flags (all
 * types when null) are marked.
 */
function markTypes(
  numbered: readonly NumberedOrganisation[],
  named: Int32Array,
  count: number,
  kind: 'activityTypes' | 'focusTypes',
  marks: Int32Array,
  index: number,
  wanted: Uint8Array | null,
  remaining: number,
): void {
  let left = remaining;
  for (let k = 0; k < count && left > 0; k += 1) {
    const numbers = numbered[named[k] ?? 0];
    if (!numbers) continue;
    // Named property reads, not `numbers[kind]`: with a keyed read here, coverage and county
    // coverage were ≈ 10% slower in an A/B run at 50 000 rows.
    const types = kind === 'focusTypes' ? numbers.focusTypes : numbers.activityTypes;
    for (let i = 0; i < types.length; i += 1) {
      const at = types[i] ?? -1;
      if (marks[at] === index) continue;
      marks[at] = index;
      if (wanted === null || wanted[at] === 1) left -= 1;
    }
  }
}

/**
 * Everything one pass of coverageByMunicipality shares between municipalities: the filtered
 * organisations, their numbers and lists by area, and scratch marks reused by every
 * municipality.
 */
interface MunicipalityPass {
  organisations: readonly Organisation[];
  numbered: readonly NumberedOrganisation[];
  byMunicipality: PackedLists;
  byCounty: PackedLists;
  countyOfMunicipality: Int32Array;
  nationwide: readonly string[];
  nationwideImplementers: readonly number[];
  nationwideTypes: Uint8Array;
  allActivityTypes: readonly string[];
  consideredAt: Int32Array;
  considered: Uint8Array;
  consideredCount: number;
  focusTypeIds: readonly string[];
  focusAt: Int32Array;
  weight: number;
  namedHere: Int32Array;
  typeCoveredAt: Int32Array;
  focusCoveredAt: Int32Array;
  countedAt: Int32Array;
  named: Int32Array;
}

/**
 * Coverage of the municipality at `index` in the gazetteer. A function of its own, called once
 * per municipality, rather than the body of coverageByMunicipality's loop: V8 then optimises
 * it on entry and keeps it, instead of compiling the whole of coverageByMunicipality again
 * (≈ 75 ms of a background thread in Chromium, beside the page's own work) each time a filter
 * change brings lists of a kind it had not seen (with --trace-opt: 12 such compiles in the
 * browser bench's 34 changes).
 */
function municipalityCoverage(
  pass: MunicipalityPass,
  index: number,
  municipality: { id: string; county: string },
  level: HotspotLevel,
): MunicipalityCoverage {
  let localCount = 0;
  const localTo = pass.byMunicipality.start[index + 1] ?? 0;
  for (let at = pass.byMunicipality.start[index] ?? 0; at < localTo; at += 1) {
    const position = pass.byMunicipality.items[at] ?? 0;
    pass.namedHere[position] = index;
    pass.named[localCount] = position;
    localCount += 1;
  }
  // An organisation naming the municipality itself is local there, not also county-wide.
  let namedCount = localCount;
  const county = pass.countyOfMunicipality[index] ?? -1;
  if (county >= 0) {
    const countyTo = pass.byCounty.start[county + 1] ?? 0;
    for (let at = pass.byCounty.start[county] ?? 0; at < countyTo; at += 1) {
      const position = pass.byCounty.items[at] ?? 0;
      if (pass.namedHere[position] === index) continue;
      pass.named[namedCount] = position;
      namedCount += 1;
    }
  }
  // The types loop stops once every type considered is covered: only those are asked about;
  // likewise the focus types loop once every focus type is seen.
  markTypes(
    pass.numbered,
    pass.named,
    namedCount,
    'activityTypes',
    pass.typeCoveredAt,
    index,
    pass.considered,
    pass.consideredCount,
  );
  markTypes(
    pass.numbered,
    pass.named,
    namedCount,
    'focusTypes',
    pass.focusCoveredAt,
    index,
    null,
    pass.focusTypeIds.length,
  );
  // Each implementer counts once, at its strongest: named here, else its county, else
  // nationwide.
  const mark = 4 * index;
  const counts = { local: 0, countyWide: 0, nationwide: 0 };
  for (let k = 0; k < namedCount; k += 1) {
    const implementer = pass.numbered[pass.named[k] ?? 0]?.implementer ?? 0;
    const counted = pass.countedAt[implementer] ?? 0;
    if (k < localCount) {
      if (counted === mark + 1) continue;
      pass.countedAt[implementer] = mark + 1;
      counts.local += 1;
    } else {
      if (counted === mark + 1 || counted === mark + 2) continue;
      pass.countedAt[implementer] = mark + 2;
      counts.countyWide += 1;
    }
  }
  for (let i = 0; i < pass.nationwideImplementers.length; i += 1) {
    const implementer = pass.nationwideImplementers[i] ?? 0;
    if ((pass.countedAt[implementer] ?? 0) > mark) continue;
    pass.countedAt[implementer] = mark + 3;
    counts.nationwide += 1;
  }
  const presenceTerms = {
    local: counts.local * PRESENCE_WEIGHTS.local,
    countyWide: counts.countyWide * PRESENCE_WEIGHTS.countyWide,
    nationwide: round3(counts.nationwide * pass.weight),
  };
  const presence = round3(
    presenceTerms.local + presenceTerms.countyWide + presenceTerms.nationwide,
  );
  const activityTypesCovered: string[] = [];
  const activityTypesMissing: string[] = [];
  const activityTypesNationwideOnly: string[] = [];
  for (let i = 0; i < pass.allActivityTypes.length; i += 1) {
    const id = pass.allActivityTypes[i] ?? '';
    const type = pass.consideredAt[i] ?? -1;
    if (pass.typeCoveredAt[type] === index) activityTypesCovered.push(id);
    else {
      activityTypesMissing.push(id);
      if (pass.nationwideTypes[type] === 1) activityTypesNationwideOnly.push(id);
    }
  }
  const focusTypesCovered: string[] = [];
  for (let i = 0; i < pass.focusTypeIds.length; i += 1) {
    if (pass.focusCoveredAt[pass.focusAt[i] ?? -1] === index)
      focusTypesCovered.push(pass.focusTypeIds[i] ?? '');
  }
  return {
    id: municipality.id,
    countyId: municipality.county,
    hotspotLevel: level,
    local: idsAt(pass.organisations, pass.named, 0, localCount),
    countyWide: idsAt(pass.organisations, pass.named, localCount, namedCount),
    nationwide: pass.nationwide,
    activityTypesCovered,
    activityTypesMissing,
    activityTypesNationwideOnly,
    focusTypesCovered,
    counts,
    presenceTerms,
    presence,
    nationwideWeight: pass.weight,
    need: need(level),
    coverage: round3(coverageOf(presence)),
    gapScore: gapScore(level, presence),
  };
}

/** Coverage of every municipality by the given organisations. */
export function coverageByMunicipality(
  dataset: Dataset,
  gazetteer: Gazetteer,
  organisations: readonly Organisation[],
  options: CoverageOptions,
): Map<string, MunicipalityCoverage> {
  const levels = hotspotLevels(dataset.hotspotEvidence);
  const numbering = numberingFor(gazetteer, dataset);
  const numbered = numberOrganisations(numbering, organisations);
  const activityTypeIds = dataset.activityTypes.map((type) => type.id);
  const asked = options.activityTypesConsidered ?? [];
  const allActivityTypes =
    asked.length > 0 ? activityTypeIds.filter((id) => asked.includes(id)) : activityTypeIds;
  const focusTypeIds = dataset.focusTypes.map((type) => type.id);
  // The considered types and the focus types as positions, in the order the lists give them.
  const consideredAt = Int32Array.from(
    allActivityTypes,
    (id) => numbering.activityTypeAt.get(id) ?? -1,
  );
  const focusAt = Int32Array.from(focusTypeIds, (id) => numbering.focusTypeAt.get(id) ?? -1);
  const considered = new Uint8Array(activityTypeIds.length);
  for (const at of consideredAt) considered[at] = 1;
  const consideredCount = considered.reduce((sum, flag) => sum + flag, 0);
  const weight = clampNationwideWeight(options.nationwideWeight);
  const implementerCount = numbering.implementers.size;

  const nationwideIds: string[] = [];
  const nationwideImplementers: number[] = [];
  const nationwideTypes = new Uint8Array(activityTypeIds.length);
  const nationwideSeen = new Uint8Array(implementerCount);
  for (let position = 0; position < organisations.length; position += 1) {
    const organisation = organisations[position];
    const numbers = numbered[position];
    if (organisation?.scope !== 'national' || !numbers) continue;
    nationwideIds.push(organisation.id);
    for (let i = 0; i < numbers.activityTypes.length; i += 1) {
      nationwideTypes[numbers.activityTypes[i] ?? -1] = 1;
    }
    if (nationwideSeen[numbers.implementer] === 0) nationwideImplementers.push(numbers.implementer);
    nationwideSeen[numbers.implementer] = 1;
  }

  // One pass over the organisations instead of one per municipality (a few thousand imported
  // records × 61 municipalities is the slow part of a filter change): local organisations by
  // the municipalities and counties they name, as positions, each list in their order.
  const byMunicipality = localPositionsBy(
    numbered,
    organisations,
    gazetteer.municipalities.length,
    'municipalities',
  );
  const byCounty = localPositionsBy(numbered, organisations, gazetteer.counties.length, 'counties');

  // Marks by municipality index, one array each for all municipalities (no allocation per
  // municipality): who names it, which types are covered, and which implementers are counted
  // at which tier (4 × index + 1, 2 or 3: local, county-wide, nationwide).
  const namedHere = new Int32Array(organisations.length).fill(-1);
  const typeCoveredAt = new Int32Array(activityTypeIds.length).fill(-1);
  const focusCoveredAt = new Int32Array(focusTypeIds.length).fill(-1);
  const countedAt = new Int32Array(implementerCount);
  // The municipality's named organisations, local ones first, then county-wide ones.
  const named = new Int32Array(organisations.length);

  const pass: MunicipalityPass = {
    organisations,
    numbered,
    byMunicipality,
    byCounty,
    countyOfMunicipality: numbering.countyOfMunicipality,
    // Every municipality lists the same nationwide organisations: one list, shared.
    nationwide: nationwideIds,
    nationwideImplementers,
    nationwideTypes,
    allActivityTypes,
    consideredAt,
    considered,
    consideredCount,
    focusTypeIds,
    focusAt,
    weight,
    namedHere,
    typeCoveredAt,
    focusCoveredAt,
    countedAt,
    named,
  };
  const result = new Map<string, MunicipalityCoverage>();
  for (let index = 0; index < gazetteer.municipalities.length; index += 1) {
    const municipality = gazetteer.municipalities[index];
    if (!municipality) continue;
    const level = levels.get(municipality.id) ?? 0;
    result.set(municipality.id, municipalityCoverage(pass, index, municipality, level));
  }
  return result;
}

/**
 * Writes `county` into `into` at `count` unless `listed` says `position` is already listed
 * there; returns the new count. A module function, not a closure per organisation: under the
 * command line's (and the bench's) esbuild, every closure made is also named at run time.
 */
function listOnce(
  county: number,
  position: number,
  listed: Int32Array,
  into: Int32Array,
  count: number,
): number {
  if (county < 0 || county >= listed.length || listed[county] === position) return count;
  listed[county] = position;
  into[count] = county;
  return count + 1;
}

/**
 * Positions of the local organisations present in each county of the gazetteer (by the
 * county's position): naming the county or one of its municipalities, each once, in the
 * organisations' order. One pass over the organisations, not one per county (≈3 000
 * organisations × 12 counties on every filter change).
 */
function localPositionsByCounty(
  gazetteer: Gazetteer,
  numbering: ReturnType<typeof numberingFor>,
  numbered: readonly NumberedOrganisation[],
  organisations: readonly Organisation[],
): PackedLists {
  const counties = gazetteer.counties.length;
  // The last organisation listed in each county: a county reached twice lists it once.
  const listed = new Int32Array(counties).fill(-1);
  return packLists(counties, numbered.length, (position, into) => {
    const numbers = numbered[position];
    if (!numbers || organisations[position]?.scope !== 'local') return 0;
    let count = 0;
    for (let i = 0; i < numbers.counties.length; i += 1) {
      count = listOnce(numbers.counties[i] ?? -1, position, listed, into, count);
    }
    for (let i = 0; i < numbers.municipalities.length; i += 1) {
      const county = numbering.countyOfMunicipality[numbers.municipalities[i] ?? -1] ?? -1;
      count = listOnce(county, position, listed, into, count);
    }
    return count;
  });
}

/**
 * The local organisations present in each county of the gazetteer: those naming the county or
 * one of its municipalities, each once, in the organisations' order.
 */
export function localOrganisationsByCounty(
  gazetteer: Gazetteer,
  dataset: Pick<Dataset, 'activityTypes' | 'focusTypes'>,
  organisations: readonly Organisation[],
): Map<string, Organisation[]> {
  const numbering = numberingFor(gazetteer, dataset);
  const numbered = numberOrganisations(numbering, organisations);
  const { start, items } = localPositionsByCounty(gazetteer, numbering, numbered, organisations);
  return new Map(
    gazetteer.counties.map((county, index) => [
      county.id,
      [...items.subarray(start[index] ?? 0, start[index + 1] ?? 0)].flatMap(
        (position) => organisations[position] ?? [],
      ),
    ]),
  );
}

/** What one pass of coverageByCounty shares between counties (see MunicipalityPass). */
interface CountyPass {
  organisations: readonly Organisation[];
  numbered: readonly NumberedOrganisation[];
  /** Local organisations by county, as positions. */
  byCounty: PackedLists;
  activityTypeIds: readonly string[];
  typeAt: Int32Array;
  implementerIn: Int32Array;
  typeIn: Int32Array;
  counts: Int32Array;
}

/**
 * Coverage of the county at `index` in the gazetteer: a function of its own, for the reason
 * municipalityCoverage is (with the loop inline, V8 compiled its inner loop on every call, and
 * dropped that code when the loop ended).
 */
function countyCoverage(pass: CountyPass, index: number, id: string): CountyCoverage {
  const { numbered, implementerIn, typeIn, counts } = pass;
  const { start, items } = pass.byCounty;
  const types = pass.activityTypeIds.length;
  const from = start[index] ?? 0;
  const to = start[index + 1] ?? 0;
  let implementers = 0;
  counts.fill(0);
  for (let at = from; at < to; at += 1) {
    const numbers = numbered[items[at] ?? -1];
    if (!numbers) continue;
    if (implementerIn[numbers.implementer] !== index) {
      implementerIn[numbers.implementer] = index;
      implementers += 1;
    }
    for (let i = 0; i < numbers.activityTypes.length; i += 1) {
      const type = numbers.activityTypes[i] ?? -1;
      const cell = numbers.implementer * types + type;
      if (typeIn[cell] === index) continue;
      typeIn[cell] = index;
      bump(counts, type);
    }
  }
  const byActivityType: Record<string, number> = {};
  for (let i = 0; i < types; i += 1) {
    byActivityType[pass.activityTypeIds[i] ?? ''] = counts[pass.typeAt[i] ?? -1] ?? 0;
  }
  return {
    id,
    organisations: idsAt(pass.organisations, items, from, to),
    implementers,
    byActivityType,
  };
}

/** Coverage of every county: organisations naming it or one of its municipalities. */
export function coverageByCounty(
  dataset: Dataset,
  gazetteer: Gazetteer,
  organisations: readonly Organisation[],
): Map<string, CountyCoverage> {
  const numbering = numberingFor(gazetteer, dataset);
  const numbered = numberOrganisations(numbering, organisations);
  const byCounty = localPositionsByCounty(gazetteer, numbering, numbered, organisations);
  const activityTypeIds = dataset.activityTypes.map((type) => type.id);
  const typeAt = Int32Array.from(activityTypeIds, (id) => numbering.activityTypeAt.get(id) ?? -1);
  const types = activityTypeIds.length;
  const implementerCount = numbering.implementers.size;
  // One implementer counts once (a plan by an organisation already in the county adds its
  // activity types there, not a second organisation): marks per implementer, and per
  // implementer × type, of the last county that counted it.
  const implementerIn = new Int32Array(implementerCount).fill(-1);
  const typeIn = new Int32Array(implementerCount * types).fill(-1);
  const pass: CountyPass = {
    organisations,
    numbered,
    byCounty,
    activityTypeIds,
    typeAt,
    implementerIn,
    typeIn,
    counts: new Int32Array(types),
  };
  const result = new Map<string, CountyCoverage>();
  for (let index = 0; index < gazetteer.counties.length; index += 1) {
    const county = gazetteer.counties[index];
    if (county) result.set(county.id, countyCoverage(pass, index, county.id));
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

import type { Dataset, Organisation, TaxonomyEntry } from './dataset';
import type { Gazetteer } from './gazetteer-schema';

/**
 * Organisations as numbers, for the computations a filter change repeats (coverage, county
 * coverage, the overlap matrix): their places and types as positions in the gazetteer's and
 * the taxonomies' lists, and their implementer as a number. With a few thousand imported
 * records, looking those strings up again on every change was most of its time; an
 * organisation's numbers are worked out once and kept while the organisation object lives
 * (organisations are never changed in place: an edit makes a new object).
 */

/** The lists an organisation's numbers are positions in. */
export interface Numbering {
  activityTypeAt: ReadonlyMap<string, number>;
  focusTypeAt: ReadonlyMap<string, number>;
  municipalityAt: ReadonlyMap<string, number>;
  countyAt: ReadonlyMap<string, number>;
  /** Per municipality position, its county's position (−1 if the county is unknown). */
  countyOfMunicipality: Int32Array;
  /** Implementer keys to numbers, 0 upwards; grows as organisations are numbered. */
  implementers: Map<string, number>;
  /** The organisations numbered so far, each with its numbers. */
  numbered: WeakMap<Organisation, NumberedOrganisation>;
}

export interface NumberedOrganisation {
  implementer: number;
  /** Known activity types, each once, in the organisation's order. */
  activityTypes: readonly number[];
  /** Known focus types, each once. */
  focusTypes: readonly number[];
  /** Municipalities in the gazetteer it names, each once, in its order. */
  municipalities: readonly number[];
  /** Counties in the gazetteer it names, each once, in its order. */
  counties: readonly number[];
}

/**
 * Who an organisation's presence belongs to: a planned intervention by an organisation already
 * counted in the same place adds what it does there, not a second presence.
 */
export function implementerKey(organisation: Organisation): string {
  return organisation.planned?.implementerKey ?? organisation.id;
}

/** Ids to their positions in a list; a repeated id keeps its last position. */
export const positionsOf = (ids: readonly string[]) => new Map(ids.map((id, index) => [id, index]));

type Taxonomy = readonly TaxonomyEntry[];
const numberings = new WeakMap<Gazetteer, WeakMap<Taxonomy, WeakMap<Taxonomy, Numbering>>>();

/** The numbering for a gazetteer and a dataset's taxonomies (the same one for the same lists). */
export function numberingFor(
  gazetteer: Gazetteer,
  dataset: Pick<Dataset, 'activityTypes' | 'focusTypes'>,
): Numbering {
  let byActivity = numberings.get(gazetteer);
  if (!byActivity) numberings.set(gazetteer, (byActivity = new WeakMap()));
  let byFocus = byActivity.get(dataset.activityTypes);
  if (!byFocus) byActivity.set(dataset.activityTypes, (byFocus = new WeakMap()));
  const known = byFocus.get(dataset.focusTypes);
  if (known) return known;
  const countyAt = positionsOf(gazetteer.counties.map((county) => county.id));
  const numbering: Numbering = {
    activityTypeAt: positionsOf(dataset.activityTypes.map((type) => type.id)),
    focusTypeAt: positionsOf(dataset.focusTypes.map((type) => type.id)),
    municipalityAt: positionsOf(gazetteer.municipalities.map((m) => m.id)),
    countyAt,
    countyOfMunicipality: Int32Array.from(
      gazetteer.municipalities,
      (m) => countyAt.get(m.county) ?? -1,
    ),
    implementers: new Map(),
    numbered: new WeakMap(),
  };
  byFocus.set(dataset.focusTypes, numbering);
  return numbering;
}

/** Positions of the values found in `positions`, each once, in the values' order. */
function known(values: readonly string[], positions: ReadonlyMap<string, number>): number[] {
  const found: number[] = [];
  for (const value of values) {
    const at = positions.get(value);
    if (at !== undefined && !found.includes(at)) found.push(at);
  }
  return found;
}

/** The numbers of each organisation, in the list's order. */
export function numberOrganisations(
  numbering: Numbering,
  organisations: readonly Organisation[],
): NumberedOrganisation[] {
  return organisations.map((organisation) => {
    const kept = numbering.numbered.get(organisation);
    if (kept) return kept;
    const key = implementerKey(organisation);
    let implementer = numbering.implementers.get(key);
    if (implementer === undefined) {
      implementer = numbering.implementers.size;
      numbering.implementers.set(key, implementer);
    }
    const numbers: NumberedOrganisation = {
      implementer,
      activityTypes: known(organisation.activityTypes, numbering.activityTypeAt),
      focusTypes: known(organisation.focusTypes, numbering.focusTypeAt),
      municipalities: known(organisation.municipalityIds, numbering.municipalityAt),
      counties: known(organisation.countyIds, numbering.countyAt),
    };
    numbering.numbered.set(organisation, numbers);
    return numbers;
  });
}

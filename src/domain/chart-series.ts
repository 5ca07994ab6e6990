import { localOrganisationsByCounty, type CountyCoverage } from './coverage';
import { taxonomyLabel, type Dataset, type Organisation } from './dataset';
import type { Gazetteer } from './gazetteer-schema';

/**
 * Series for the charts, computed from the filtered organisations: what the charts show is
 * always the same subset as the map and the panels.
 */

export interface SeriesKey {
  id: string;
  label: string;
}

export interface AreaActivityRow {
  /** County or municipality id. */
  id: string;
  name: string;
  /** Organisations present in the area, per activity type id. */
  values: Record<string, number>;
  /** Organisations present in the area (an organisation with several types counts once). */
  organisations: number;
}

export interface ActivityByAreaSeries {
  /** Counties for the whole country; municipalities when a county is in focus. */
  level: 'county' | 'municipality';
  /** The county in focus, if any. */
  countyId: string | null;
  keys: SeriesKey[];
  rows: AreaActivityRow[];
}

export interface CountRow {
  id: string;
  label: string;
  count: number;
}

function countByType(organisations: readonly Organisation[], keys: readonly SeriesKey[]) {
  const values: Record<string, number> = {};
  for (const key of keys) {
    values[key.id] = organisations.filter((o) => o.activityTypes.includes(key.id)).length;
  }
  return values;
}

/**
 * Activity types per area: per county for the whole country, or per municipality of
 * `countyId` when one is in focus. Only organisations working locally are counted:
 * nationwide ones would add the same amount to every area. Activity types are labelled in
 * `lang` where the taxonomy has it (English otherwise).
 */
export function activityByArea(
  dataset: Dataset,
  gazetteer: Gazetteer,
  organisations: readonly Organisation[],
  countyId: string | null,
  lang = 'en',
): ActivityByAreaSeries {
  const keys = dataset.activityTypes.map((type) => ({
    id: type.id,
    label: taxonomyLabel(type, lang),
  }));
  const local = organisations.filter((o) => o.scope === 'local');
  if (countyId !== null) {
    const rows = gazetteer.municipalities
      .filter((municipality) => municipality.county === countyId)
      .map((municipality) => {
        const present = local.filter((o) => o.municipalityIds.includes(municipality.id));
        return {
          id: municipality.id,
          name: municipality.name,
          values: countByType(present, keys),
          organisations: present.length,
        };
      });
    return { level: 'municipality', countyId, keys, rows };
  }
  const presentIn = localOrganisationsByCounty(gazetteer, dataset, local);
  const rows = gazetteer.counties.map((county) => {
    const present = presentIn.get(county.id) ?? [];
    return {
      id: county.id,
      name: county.name,
      values: countByType(present, keys),
      organisations: present.length,
    };
  });
  return { level: 'county', countyId: null, keys, rows };
}

/**
 * Organisations per focus type (an organisation with several focus types counts in each),
 * labelled in `lang` where the taxonomy has it.
 */
export function focusTypeCounts(
  dataset: Dataset,
  organisations: readonly Organisation[],
  lang = 'en',
): CountRow[] {
  return dataset.focusTypes.map((type) => ({
    id: type.id,
    label: taxonomyLabel(type, lang),
    count: organisations.filter((o) => o.focusTypes.includes(type.id)).length,
  }));
}

/** Organisations present per county, from county coverage, largest first. */
export function organisationsPerCounty(
  gazetteer: Gazetteer,
  countyCoverage: ReadonlyMap<string, CountyCoverage>,
): CountRow[] {
  return gazetteer.counties
    .map((county) => ({
      id: county.id,
      label: county.name,
      count: countyCoverage.get(county.id)?.implementers ?? 0,
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'sq'));
}

import { hotspotLevels, type Dataset, type HotspotLevel, type Scope } from './dataset';
import type { Gazetteer } from './gazetteer-schema';

export interface OrganisationReport {
  id: string;
  name: string;
  source: { document: string; row: number | null };
  scope: Scope;
  /** Official names of the counties the organisation's text names. */
  counties: string[];
  /** Official names of the municipalities the organisation's text names. */
  municipalities: string[];
}

export interface MunicipalityReport {
  id: string;
  name: string;
  /** Official name of its county. */
  county: string;
  hotspot: boolean;
  hotspotLevel: HotspotLevel;
  /** Organisations whose geographic focus names this municipality (directly or via a town). */
  organisations: number;
  /** Organisations whose focus names this municipality's whole county but not the municipality. */
  countyWideOrganisations: number;
}

export interface Report {
  organisations: OrganisationReport[];
  municipalities: MunicipalityReport[];
}

/**
 * Who works where, as plain JSON: every organisation with the areas its text names, and every
 * municipality with its hotspot status and how many organisations name it.
 */
export function buildReport(dataset: Dataset, gazetteer: Gazetteer): Report {
  const countyName = new Map(gazetteer.counties.map((county) => [county.id, county.name]));
  const municipalityName = new Map(gazetteer.municipalities.map((m) => [m.id, m.name]));
  const levels = hotspotLevels(dataset.hotspotEvidence);
  const organisations = [...dataset.organisations].sort(
    (a, b) =>
      (a.source.row ?? Infinity) - (b.source.row ?? Infinity) || a.name.localeCompare(b.name),
  );
  return {
    organisations: organisations.map((organisation) => ({
      id: organisation.id,
      name: organisation.name,
      source: { document: organisation.source.document, row: organisation.source.row },
      scope: organisation.scope,
      counties: organisation.countyIds.map((id) => countyName.get(id) ?? id),
      municipalities: organisation.municipalityIds.map((id) => municipalityName.get(id) ?? id),
    })),
    municipalities: [...gazetteer.municipalities]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((municipality) => {
        const level = levels.get(municipality.id) ?? 0;
        return {
          id: municipality.id,
          name: municipality.name,
          county: countyName.get(municipality.county) ?? municipality.county,
          hotspot: level >= 1,
          hotspotLevel: level,
          organisations: dataset.organisations.filter((o) =>
            o.municipalityIds.includes(municipality.id),
          ).length,
          countyWideOrganisations: dataset.organisations.filter(
            (o) =>
              o.countyIds.includes(municipality.county) &&
              !o.municipalityIds.includes(municipality.id),
          ).length,
        };
      }),
  };
}

import {
  DEFAULT_NATIONWIDE_WEIGHT,
  clampNationwideWeight,
  coverageByMunicipality,
  gapsByCounty,
  rankCountyGaps,
  isTie,
  rankGaps,
  sameMunicipalityGap,
  tieSpans,
  type TieSpan,
  ranksOf,
} from './coverage';
import type { Dataset, DocumentRef, HotspotLevel, Scope } from './dataset';
import { describeGap, explainGap } from './gap-explanation';
import type { Gazetteer } from './gazetteer-schema';
import { findOverlaps, overlapMatrix } from './overlap';

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
  /** Gap score, version 1 (see `gapScore` in coverage.ts): 0 well served … 1 neglected priority. */
  gapScore: number;
  /** 1 = most underserved; every municipality has its own rank (ties broken as `rankGaps` does). */
  gapRank: number;
  /**
   * The ranks this one ties with (same score, hotspot level and organisations naming it; the
   * order inside is by name and means nothing), or null when it ranks alone.
   */
  gapTie: TieSpan | null;
  /** 0.25 + 0.25 × hotspot level. */
  need: number;
  /** Weighted presence the gap score is computed from. */
  presence: number;
  /** Ids of the activity types no organisation counted here does. */
  missingActivityTypes: string[];
  /** Ids of the organisations naming this municipality, in dataset order. */
  localOrganisations: string[];
  /** Ids of the organisations working nationwide (counted only when the weight is above 0). */
  nationwideOrganisations: readonly string[];
  /** One sentence saying why the municipality ranks where it does (`describeGap`). */
  why: string;
}

export interface OverlapReport {
  municipalityId: string;
  /** Official name of the municipality. */
  municipality: string;
  activityType: string;
  /** Ids of the organisations naming the municipality and doing this activity type. */
  organisations: string[];
  /** Distinct organisations among them. */
  count: number;
  /** Focus types all of them share. */
  sharedFocusTypes: string[];
  /** What the documents say about this place that is context rather than need. */
  context: { document: string; location: string; quote: string }[];
}

export interface CountyReport {
  id: string;
  name: string;
  /** Need-weighted mean of its municipalities' gap scores. */
  gapScore: number;
  /** 1 = most underserved county. */
  gapRank: number;
  /** Highest hotspot level among its municipalities. */
  hotspotLevel: HotspotLevel;
}

export interface Report {
  /** What one nationwide organisation added to a municipality's presence (0: not counted). */
  nationwideWeight: number;
  organisations: OrganisationReport[];
  /** Sorted by id. */
  municipalities: MunicipalityReport[];
  /** Sorted by id. */
  counties: CountyReport[];
  /** Two or more organisations doing the same activity type in one municipality, most first. */
  overlaps: OverlapReport[];
}

export interface ReportOptions {
  /**
   * What one nationwide organisation adds to presence, clamped into [0, 1] and rounded to 0.01
   * as coverage does; `DEFAULT_NATIONWIDE_WEIGHT` (not counted) when absent.
   */
  nationwideWeight?: number;
}

/**
 * A document as a gap reason names it: its title without the bracketed credits, so the reason
 * stays readable ("Civil Society in … Albania: Mapping Report, Section IX a").
 */
export function shortDocumentTitle(document: DocumentRef): string {
  const bracket = document.title.indexOf(' (');
  return bracket > 0 ? document.title.slice(0, bracket) : document.title;
}

/**
 * Who works where, as plain JSON: every organisation with the areas its text names; every
 * municipality with its hotspot status, who names it, its gap score and rank and why; every
 * county's gap; and the places where several organisations do the same work. The whole
 * dataset, no filters.
 */
export function buildReport(
  dataset: Dataset,
  gazetteer: Gazetteer,
  options: ReportOptions = {},
): Report {
  const countyName = new Map(gazetteer.counties.map((county) => [county.id, county.name]));
  const municipalityName = new Map(gazetteer.municipalities.map((m) => [m.id, m.name]));
  const areaName = (id: string) => municipalityName.get(id) ?? countyName.get(id) ?? id;
  const documents = new Map(dataset.documents.map((d) => [d.id, shortDocumentTitle(d)]));
  const documentTitle = (id: string) => documents.get(id) ?? id;

  const nationwideWeight = clampNationwideWeight(
    options.nationwideWeight ?? DEFAULT_NATIONWIDE_WEIGHT,
  );
  const coverage = coverageByMunicipality(dataset, gazetteer, dataset.organisations, {
    nationwideWeight,
  });
  const ranking = rankGaps(coverage, areaName);
  const ranks = ranksOf(ranking);
  const spans = tieSpans(ranking, sameMunicipalityGap);
  const ties = new Map(
    ranking.map((entry, index) => {
      const span = spans[index];
      return [entry.id, isTie(span) ? span : null] as const;
    }),
  );
  const countyRanking = rankCountyGaps(gapsByCounty(gazetteer, coverage, areaName), areaName);
  const countyRanks = ranksOf(countyRanking);
  const overlaps = findOverlaps(
    overlapMatrix(dataset, coverage, dataset.organisations),
    dataset,
    dataset.organisations,
    2,
  );
  const organisations = [...dataset.organisations].sort(
    (a, b) =>
      (a.source.row ?? Infinity) - (b.source.row ?? Infinity) || a.name.localeCompare(b.name),
  );
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

  return {
    nationwideWeight,
    organisations: organisations.map((organisation) => ({
      id: organisation.id,
      name: organisation.name,
      source: { document: organisation.source.document, row: organisation.source.row },
      scope: organisation.scope,
      counties: organisation.countyIds.map((id) => countyName.get(id) ?? id),
      municipalities: organisation.municipalityIds.map((id) => municipalityName.get(id) ?? id),
    })),
    municipalities: [...gazetteer.municipalities].sort(byId).flatMap((municipality) => {
      const entry = coverage.get(municipality.id);
      if (!entry) return [];
      const rank = ranks.get(municipality.id) ?? 0;
      return [
        {
          id: municipality.id,
          name: municipality.name,
          county: countyName.get(municipality.county) ?? municipality.county,
          hotspot: entry.hotspotLevel >= 1,
          hotspotLevel: entry.hotspotLevel,
          // Nationwide organisations name no area (parseDataset enforces it), so these are
          // exactly the organisations naming the municipality or its whole county.
          organisations: entry.local.length,
          countyWideOrganisations: entry.countyWide.length,
          gapScore: entry.gapScore,
          gapRank: rank,
          gapTie: ties.get(municipality.id) ?? null,
          need: entry.need,
          presence: entry.presence,
          missingActivityTypes: entry.activityTypesMissing,
          localOrganisations: entry.local,
          nationwideOrganisations: entry.nationwide,
          why: describeGap(explainGap(entry, dataset.hotspotEvidence, rank), {
            area: areaName,
            document: documentTitle,
          }),
        },
      ];
    }),
    counties: [...countyRanking].sort(byId).map((county) => ({
      id: county.id,
      name: countyName.get(county.id) ?? county.id,
      gapScore: county.gapScore,
      gapRank: countyRanks.get(county.id) ?? 0,
      hotspotLevel: county.hotspotLevel,
    })),
    overlaps: overlaps.map((overlap) => ({
      municipalityId: overlap.municipalityId,
      municipality: areaName(overlap.municipalityId),
      activityType: overlap.activityType,
      organisations: overlap.organisations,
      count: overlap.count,
      sharedFocusTypes: overlap.sharedFocusTypes,
      context: overlap.context.map((item) => ({
        document: item.document,
        location: item.location,
        quote: item.quote,
      })),
    })),
  };
}

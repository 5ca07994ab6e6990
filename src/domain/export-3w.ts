import { sourceRowLabel } from './local-edits';
import { serializeCsv } from './csv';
import {
  hotspotLevels,
  type Dataset,
  type DocumentRef,
  type HotspotLevel,
  type Organisation,
  type TaxonomyEntry,
} from './dataset';
import type { County, Gazetteer, LonLat, Municipality } from './gazetteer-schema';
import { HXL_TAG_BY_FIELD } from './hxl-fields';

/**
 * Exporting the organisations as a coordinator hands them on: an HXL-tagged 3W sheet in long
 * form (one row per organisation × activity type × area) that `previewImport` reads back as
 * the same records, a GeoJSON of municipality seats for GIS, and the dataset model as JSON.
 * Each takes the organisations to export (everything, or those the current filters keep) and
 * carries where the data comes from and when it was exported. Planned interventions' stand-ins
 * are never exported: they are plans, not organisations.
 */

export interface Export3wContext {
  gazetteer: Gazetteer;
  dataset: Dataset;
  /** When the export was made: an ISO date (YYYY-MM-DD) or date-time, written as given. */
  exportedAt: string;
  /** The filters the organisations were chosen by, in words; null when everything is exported. */
  filterDescription: string | null;
  /**
   * Set when the view includes changes made in this browser ("2 added, 1 changed"), so an
   * export is never mistaken for the published dataset.
   */
  localChanges?: string | null;
}

/**
 * The columns of the 3W sheet: the header a person reads, and the HXL hashtag under it. The
 * importer reads the hashtags (and, without the hashtag row, the headers) back into the same
 * fields. `#meta` columns carry provenance for people and are not imported.
 */
export const EXPORT_3W_COLUMNS = [
  { header: 'Organisation', hxl: HXL_TAG_BY_FIELD.organisation },
  { header: 'Acronym', hxl: HXL_TAG_BY_FIELD.acronym },
  { header: 'Kind', hxl: HXL_TAG_BY_FIELD.kind },
  { header: 'Activity type', hxl: HXL_TAG_BY_FIELD.activityTypes },
  { header: 'Focus types', hxl: HXL_TAG_BY_FIELD.focusTypes },
  { header: 'Scope', hxl: HXL_TAG_BY_FIELD.scope },
  { header: 'County', hxl: HXL_TAG_BY_FIELD.county },
  { header: 'County code', hxl: '#adm1+code' },
  { header: 'Municipality', hxl: HXL_TAG_BY_FIELD.municipality },
  { header: 'Municipality code', hxl: '#adm2+code' },
  { header: 'Website', hxl: HXL_TAG_BY_FIELD.website },
  { header: 'Source', hxl: '#meta+source' },
  { header: 'Exported', hxl: '#meta+exported' },
] as const;

/**
 * A cell starting with one of these is run as a formula by spreadsheets (CSV injection), so it
 * is written with an apostrophe in front; apostrophes already leading such a cell get one more,
 * so a reader that strips exactly one gets the text back ("=1+1" → "'=1+1", "'=1+1" →
 * "''=1+1", "'quoted" unchanged). The same rule as the plans file (plan-file.ts).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

const guardFormula = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/** The organisations an export may hold: never a planned intervention's stand-in. */
function exportable(organisations: readonly Organisation[]): Organisation[] {
  return organisations.filter((organisation) => !organisation.planned);
}

interface Lookups {
  counties: Map<string, County>;
  municipalities: Map<string, Municipality>;
  documents: Map<string, DocumentRef>;
  activityLabel: (id: string) => string;
  focusLabel: (id: string) => string;
  kindLabel: (id: string) => string;
}

function labelsOf(entries: readonly TaxonomyEntry[]): (id: string) => string {
  const labels = new Map(entries.map((entry) => [entry.id, entry.label]));
  // An id the taxonomy lacks is written as is: the importer recognises ids as well as labels.
  return (id) => labels.get(id) ?? id;
}

function lookupsOf(context: Export3wContext): Lookups {
  return {
    counties: new Map(context.gazetteer.counties.map((county) => [county.id, county])),
    municipalities: new Map(context.gazetteer.municipalities.map((item) => [item.id, item])),
    documents: new Map(context.dataset.documents.map((document) => [document.id, document])),
    activityLabel: labelsOf(context.dataset.activityTypes),
    focusLabel: labelsOf(context.dataset.focusTypes),
    kindLabel: labelsOf(context.dataset.organisationKinds),
  };
}

const uniqueValues = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/** "Title, Publisher, Year" of a document, in full (for attribution lists). */
function documentCredit(document: DocumentRef): string {
  return `${document.title}, ${document.publisher}, ${document.year}`;
}

/**
 * A document as a sheet cell should cite it: its title without the bracketed gloss, the
 * publisher and the year, then the id it has in data/documents.csv.
 */
function documentCitation(documentId: string, documents: Map<string, DocumentRef>): string {
  const document = documents.get(documentId);
  if (!document) return `[${documentId}]`;
  const title = document.title.replace(/\s*\(.*$/s, '');
  const year = /^\d{4}/.exec(document.year)?.[0] ?? document.year;
  return `${title}, ${document.publisher}, ${year} [${document.id}]`;
}

/** Credits of the gazetteer's sources, each once (two Natural Earth layers share one). */
function gazetteerCredits(gazetteer: Gazetteer): string[] {
  return uniqueValues(gazetteer.sources.map((source) => source.attribution));
}

/**
 * Who to credit for an export of these organisations: each document they come from (and, with
 * `extraDocumentIds`, the documents of hotspot evidence shown), then the gazetteer's sources.
 *
 * @example exportAttribution(organisations, context)
 * // ['Civil Society in … Mapping Report (…), Center for Legal Civic Initiatives, 2019 (…)',
 * //  'GeoNames (geonames.org), CC BY 4.0', 'Natural Earth (public domain)', …]
 */
export function exportAttribution(
  organisations: readonly Organisation[],
  context: Pick<Export3wContext, 'gazetteer' | 'dataset'>,
  extraDocumentIds: readonly string[] = [],
): string[] {
  const documents = new Map(context.dataset.documents.map((document) => [document.id, document]));
  const cited = uniqueValues([
    ...exportable(organisations).map((organisation) => organisation.source.document),
    ...extraDocumentIds,
  ]);
  const credits = cited.map((id) => {
    const document = documents.get(id);
    return document ? documentCredit(document) : `Document ${id}`;
  });
  return [...credits, ...gazetteerCredits(context.gazetteer)];
}

// ---------------------------------------------------------------------------------------------
// CSV: HXL-tagged 3W sheet in long form

type AreaCells = Pick<
  Record<(typeof EXPORT_3W_COLUMNS)[number]['header'], string>,
  'County' | 'County code' | 'Municipality' | 'Municipality code'
>;

const NO_AREA: AreaCells = {
  County: '',
  'County code': '',
  Municipality: '',
  'Municipality code': '',
};

/**
 * The area cells of an organisation's rows: each county it works in county-wide, then each
 * municipality (with its county beside it, which the importer reads as the municipality's
 * parent, not as county-wide work). Nationwide work, and local work with no known area, is one
 * row without an area.
 */
function areaCellsOf(organisation: Organisation, lookups: Lookups): AreaCells[] {
  if (organisation.scope === 'national') return [NO_AREA];
  const counties = organisation.countyIds.map((id): AreaCells => {
    const county = lookups.counties.get(id);
    return { ...NO_AREA, County: county?.name ?? id, 'County code': county?.codes.nuts3 ?? id };
  });
  const municipalities = organisation.municipalityIds.map((id): AreaCells => {
    const municipality = lookups.municipalities.get(id);
    const county = municipality ? lookups.counties.get(municipality.county) : undefined;
    return {
      County: county?.name ?? '',
      'County code': county?.codes.nuts3 ?? '',
      Municipality: municipality?.name ?? id,
      'Municipality code': municipality?.codes.lau ?? id,
    };
  });
  const areas = [...counties, ...municipalities];
  return areas.length > 0 ? areas : [NO_AREA];
}

/**
 * Writes the organisations as an HXL-tagged 3W sheet in long form: the header row, the hashtag
 * row, then one row per organisation × activity type × area (an organisation with no activity
 * type gets rows with an empty activity cell; a nationwide one gets scope "national" and no
 * area). So an organisation has max(1, types) × max(1, areas) rows.
 *
 * Read back with `previewImport`, every organisation of the dataset comes out `unchanged`: the
 * same scope, counties, municipalities, activity types, focus types and kind. Kinds, activity
 * and focus types are written as their labels; counties and municipalities by official name
 * and code (NUTS-3, LAU). The website is the checked http(s) address (the record keeps the
 * text as written). Places the dataset could not resolve are not areas and are not written.
 *
 * Every row says where it comes from ("Source": document and Annex I row) and when and from
 * what it was exported ("Exported": date, filter, place-name credits), so a row copied out of
 * the sheet still carries its attribution. A CSV has no room for a note above the header (the
 * importer, like HXL tools, reads the header on the first line). Cells that a spreadsheet would
 * run as a formula are written with a leading apostrophe (see `FORMULA_START`). A byte-order
 * mark comes first, so Excel reads "ë" as UTF-8.
 */
export function export3wCsv(
  organisations: readonly Organisation[],
  context: Export3wContext,
): string {
  const lookups = lookupsOf(context);
  const exported = [
    `Harta, ${context.exportedAt}`,
    context.filterDescription === null ? 'everything' : `filter: ${context.filterDescription}`,
    ...(context.localChanges ? [`includes local changes: ${context.localChanges}`] : []),
    `places: ${gazetteerCredits(context.gazetteer).join('; ')}`,
  ].join('; ');
  const rows: string[][] = [];
  for (const organisation of exportable(organisations)) {
    const types = organisation.activityTypes.length > 0 ? organisation.activityTypes : [null];
    const rowLabel = sourceRowLabel(organisation.source);
    const citation = documentCitation(organisation.source.document, lookups.documents);
    const source = rowLabel === null ? citation : `${citation}, ${rowLabel}`;
    for (const type of types) {
      for (const area of areaCellsOf(organisation, lookups)) {
        const cells: Record<(typeof EXPORT_3W_COLUMNS)[number]['header'], string> = {
          Organisation: organisation.name,
          Acronym: organisation.acronym ?? '',
          Kind: lookups.kindLabel(organisation.kind),
          'Activity type': type === null ? '' : lookups.activityLabel(type),
          'Focus types': organisation.focusTypes.map(lookups.focusLabel).join('; '),
          Scope: organisation.scope,
          ...area,
          Website: organisation.website ?? '',
          Source: source,
          Exported: exported,
        };
        rows.push(EXPORT_3W_COLUMNS.map((column) => guardFormula(cells[column.header])));
      }
    }
  }
  return `\uFEFF${serializeCsv(
    EXPORT_3W_COLUMNS.map((column) => column.header),
    [EXPORT_3W_COLUMNS.map((column) => column.hxl), ...rows],
  )}`;
}

// ---------------------------------------------------------------------------------------------
// GeoJSON: municipality seats

/** An organisation as a map feature lists it. */
export interface ExportedOrganisationRef {
  id: string;
  name: string;
  /** Activity type ids (see `metadata.activityTypes` for their labels). */
  activityTypes: string[];
}

export interface Export3wMetadata {
  attribution: string[];
  exportedAt: string;
  /** The filters in words; null when everything is exported. */
  filter: string | null;
  /** Changes made in the exporting browser, in words; null for the published dataset. */
  localChanges: string | null;
  /** Labels of the activity type ids used in the export. */
  activityTypes: { id: string; label: string }[];
}

export interface MunicipalityFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: LonLat };
  properties: {
    id: string;
    name: string;
    countyId: string;
    /** Official name of the county. */
    county: string;
    /** True when the seat position is approximate (see the gazetteer). */
    seatApproximate: boolean;
    /** 0 (no document names it) to 3 (named a priority for intervention). */
    hotspotLevel: HotspotLevel;
    /** Organisations that name the municipality (directly or through a town or village in it). */
    organisations: ExportedOrganisationRef[];
    /** Organisations that name its whole county. */
    countyWideOrganisations: ExportedOrganisationRef[];
  };
}

export interface Export3wGeoJson {
  type: 'FeatureCollection';
  /** Municipalities with at least one organisation naming them or their county, at their seats. */
  features: MunicipalityFeature[];
  /** Foreign member (RFC 7946 §6.1): organisations working nationwide, pinned nowhere. */
  nationwideOrganisations: ExportedOrganisationRef[];
  /** Foreign member: where the data comes from, when it was exported and under what filter. */
  metadata: Export3wMetadata;
}

const organisationRef = (organisation: Organisation): ExportedOrganisationRef => ({
  id: organisation.id,
  name: organisation.name,
  activityTypes: [...organisation.activityTypes],
});

function metadataOf(
  organisations: readonly Organisation[],
  context: Export3wContext,
  extraDocumentIds: readonly string[] = [],
): Export3wMetadata {
  const used = new Set(organisations.flatMap((organisation) => organisation.activityTypes));
  return {
    attribution: exportAttribution(organisations, context, extraDocumentIds),
    exportedAt: context.exportedAt,
    filter: context.filterDescription,
    localChanges: context.localChanges ?? null,
    activityTypes: context.dataset.activityTypes
      .filter((entry) => used.has(entry.id))
      .map((entry) => ({ id: entry.id, label: entry.label })),
  };
}

/**
 * The organisations as points at municipality seats: one feature per municipality that at
 * least one of them names, or whose whole county one of them names, in gazetteer order, with
 * the organisations of each kind and the municipality's hotspot level. Nationwide
 * organisations are listed once, beside the features. Coordinates are [longitude, latitude].
 */
export function export3wGeoJson(
  organisations: readonly Organisation[],
  context: Export3wContext,
): Export3wGeoJson {
  const included = exportable(organisations);
  const local = new Map<string, Organisation[]>();
  const countyWide = new Map<string, Organisation[]>();
  const add = (index: Map<string, Organisation[]>, key: string, organisation: Organisation) =>
    index.set(key, [...(index.get(key) ?? []), organisation]);
  for (const organisation of included) {
    if (organisation.scope === 'national') continue;
    for (const id of uniqueValues(organisation.municipalityIds)) add(local, id, organisation);
    for (const id of uniqueValues(organisation.countyIds)) add(countyWide, id, organisation);
  }
  const countyById = new Map(context.gazetteer.counties.map((county) => [county.id, county]));
  const levels = hotspotLevels(context.dataset.hotspotEvidence);
  const features: MunicipalityFeature[] = [];
  for (const municipality of context.gazetteer.municipalities) {
    const [longitude, latitude] = municipality.seat.lonLat;
    const naming = local.get(municipality.id) ?? [];
    // An organisation naming both the municipality and its county is listed where it is closest.
    const acrossCounty = (countyWide.get(municipality.county) ?? []).filter(
      (organisation) => !naming.includes(organisation),
    );
    if (naming.length === 0 && acrossCounty.length === 0) continue;
    features.push({
      type: 'Feature',
      id: municipality.id,
      geometry: { type: 'Point', coordinates: [longitude, latitude] },
      properties: {
        id: municipality.id,
        name: municipality.name,
        countyId: municipality.county,
        county: countyById.get(municipality.county)?.name ?? municipality.county,
        seatApproximate: municipality.seat.approximate,
        hotspotLevel: levels.get(municipality.id) ?? 0,
        organisations: naming.map(organisationRef),
        countyWideOrganisations: acrossCounty.map(organisationRef),
      },
    });
  }
  const shown = new Set(features.map((feature) => feature.id));
  const hotspotDocuments = context.dataset.hotspotEvidence
    .filter((item) => item.level > 0 && shown.has(item.municipalityId))
    .map((item) => item.document);
  return {
    type: 'FeatureCollection',
    features,
    nationwideOrganisations: included
      .filter((organisation) => organisation.scope === 'national')
      .map(organisationRef),
    metadata: metadataOf(included, context, hotspotDocuments),
  };
}

// ---------------------------------------------------------------------------------------------
// JSON: the dataset model

export const EXPORT_3W_JSON_FORMAT = 'harta-3w';
export const EXPORT_3W_JSON_VERSION = 1;

/** An organisation as exported: the dataset record, without the planner's `planned` mark. */
export type ExportedOrganisation = Omit<Organisation, 'planned'>;

export interface Export3wJson {
  format: typeof EXPORT_3W_JSON_FORMAT;
  version: typeof EXPORT_3W_JSON_VERSION;
  /** ISO 3166-1 alpha-2 code of the country pack. */
  country: string;
  exportedAt: string;
  /** The filters in words; null when everything is exported. */
  filter: string | null;
  /** Changes made in the exporting browser, in words; null for the published dataset. */
  localChanges: string | null;
  attribution: string[];
  /** The documents the organisations' `source.document` ids point to. */
  documents: DocumentRef[];
  organisations: ExportedOrganisation[];
}

/**
 * The organisations as the dataset model holds them, every field (the geographic focus and
 * website as written, notes, unresolved places, source), with the documents they cite and the
 * attribution. Write it with `JSON.stringify(document, null, 2)`.
 */
export function export3wJson(
  organisations: readonly Organisation[],
  context: Export3wContext,
): Export3wJson {
  const included = exportable(organisations);
  const cited = new Set(included.map((organisation) => organisation.source.document));
  return {
    format: EXPORT_3W_JSON_FORMAT,
    version: EXPORT_3W_JSON_VERSION,
    country: context.gazetteer.country.code,
    exportedAt: context.exportedAt,
    filter: context.filterDescription,
    localChanges: context.localChanges ?? null,
    attribution: exportAttribution(included, context),
    documents: context.dataset.documents
      .filter((document) => cited.has(document.id))
      .map((document) => ({ ...document })),
    // Field by field, so nothing but the record's own fields is written, always in this order.
    organisations: included.map((organisation) => ({
      id: organisation.id,
      name: organisation.name,
      acronym: organisation.acronym,
      kind: organisation.kind,
      websiteRaw: organisation.websiteRaw,
      website: organisation.website,
      theme: organisation.theme,
      activityTypes: [...organisation.activityTypes],
      focusOfActivities: organisation.focusOfActivities,
      focusTypes: [...organisation.focusTypes],
      geographicFocus: organisation.geographicFocus,
      scope: organisation.scope,
      countyIds: [...organisation.countyIds],
      municipalityIds: [...organisation.municipalityIds],
      unresolvedPlaces: [...organisation.unresolvedPlaces],
      notes: organisation.notes,
      source: { document: organisation.source.document, row: organisation.source.row },
    })),
  };
}

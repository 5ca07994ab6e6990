/**
 * The organisations dataset as the app and the command line use it: plain data with ids,
 * every item carrying its source. Files in data/ hold the same facts in spreadsheet form;
 * `parseDataset` turns those files into this model.
 */

export type Scope = 'national' | 'local';

export interface SourceLocation {
  /** Id of a document in data/documents.csv. */
  document: string;
  /** Row number in the document's Annex I, when the item comes from it. */
  row: number | null;
}

export interface Organisation {
  id: string;
  name: string;
  acronym: string | null;
  /** Id in data/organisation-kinds.csv. */
  kind: string;
  /** The website exactly as the source wrote it. */
  websiteRaw: string;
  /** A safe http(s) URL, or null when the source gives none that works. */
  website: string | null;
  /** Annex I "Theme", verbatim. */
  theme: string;
  /** Ids in data/activity-types.csv. */
  activityTypes: string[];
  /** Annex I "Type of focus of activities", verbatim. */
  focusOfActivities: string;
  /** Ids in data/focus-types.csv. */
  focusTypes: string[];
  /** Annex I "Geographic focus", verbatim. */
  geographicFocus: string;
  scope: Scope;
  /** County ids the text names (a county is not expanded into its municipalities). */
  countyIds: string[];
  /** Municipality ids the text names, directly or through a town or village. */
  municipalityIds: string[];
  /** Parts of the geographic focus no gazetteer entry matches, kept for review. */
  unresolvedPlaces: string[];
  /** Doubts and manual decisions about this record, in plain words. */
  notes: string;
  source: SourceLocation;
  /**
   * Set only on the stand-ins the planner adds for planned interventions (never in data/):
   * the plan's id, and who implements it (an organisation id, or "new:<name>" for one not in
   * the dataset), so one implementer counts once in a place.
   */
  planned?: { planId: string; implementerKey: string };
}

/** How strongly a document treats a municipality as a place needing P/CVE work. */
export type HotspotLevel = 0 | 1 | 2 | 3;

export interface HotspotEvidence {
  municipalityId: string;
  /**
   * 3: named as a hotspot or priority for intervention; 2: P/CVE partner municipality, or
   * security council in an area the report calls a hot spot; 1: named among the areas P/CVE
   * initiatives were directed to; 0: context only (e.g. saturation), not a hotspot.
   */
  level: HotspotLevel;
  kind: string;
  document: string;
  /** Where in the document: section or paragraph. */
  location: string;
  /** Verbatim passage; several passages are joined with " … ". */
  quote: string;
  note: string;
}

export interface TaxonomyEntry {
  id: string;
  label: string;
  definition: string;
  /** Where the report grounds this category. */
  basis: string;
  /** Word starts that put a free-text description in this category. */
  keywords: string[];
  /**
   * Label and definition in other languages, by language code (from `label_sq`,
   * `definition_sq`, … columns). Absent when the table has none.
   */
  translations?: Readonly<Record<string, TaxonomyTranslation>>;
}

export interface TaxonomyTranslation {
  label?: string;
  definition?: string;
}

/** The entry's label in `lang`, or its own (English) label when it has none in that language. */
export function taxonomyLabel(
  entry: Pick<TaxonomyEntry, 'label' | 'translations'>,
  lang: string,
): string {
  return entry.translations?.[lang]?.label ?? entry.label;
}

/** The entry's definition in `lang`, or its own when it has none in that language. */
export function taxonomyDefinition(
  entry: Pick<TaxonomyEntry, 'definition' | 'translations'>,
  lang: string,
): string {
  return entry.translations?.[lang]?.definition ?? entry.definition;
}

/** A column holding a taxonomy label or definition in another language: `label_sq`. */
export const TAXONOMY_TRANSLATION_COLUMN = /^(label|definition)_([a-z]{2,3})$/;

export interface DocumentRef {
  id: string;
  title: string;
  publisher: string;
  year: string;
  /** Path of the vendored copy, relative to the repository root. */
  file: string;
}

export interface Dataset {
  documents: DocumentRef[];
  activityTypes: TaxonomyEntry[];
  focusTypes: TaxonomyEntry[];
  organisationKinds: TaxonomyEntry[];
  organisations: Organisation[];
  hotspotEvidence: HotspotEvidence[];
}

/** The files a dataset is made of, by their name in data/. */
export const DATA_FILES = {
  documents: 'documents.csv',
  activityTypes: 'activity-types.csv',
  focusTypes: 'focus-types.csv',
  organisationKinds: 'organisation-kinds.csv',
  organisations: 'organisations.csv',
  hotspots: 'hotspots.csv',
} as const;

export type DataFileKey = keyof typeof DATA_FILES;

export const ORGANISATION_COLUMNS = [
  'id',
  'source_document',
  'annex_row',
  'name',
  'acronym',
  'kind',
  'website_raw',
  'website',
  'theme',
  'activity_types',
  'focus_of_activities',
  'focus_types',
  'geographic_focus',
  'scope',
  'counties',
  'municipalities',
  'unresolved_places',
  'notes',
] as const;

export const HOTSPOT_COLUMNS = [
  'municipality',
  'level',
  'kind',
  'document',
  'location',
  'quote',
  'note',
] as const;

export const TAXONOMY_COLUMNS = ['id', 'label', 'definition', 'basis', 'keywords'] as const;

export const DOCUMENT_COLUMNS = ['id', 'title', 'publisher', 'year', 'file'] as const;

/** Highest hotspot level per municipality id; municipalities without evidence are absent. */
export function hotspotLevels(evidence: readonly HotspotEvidence[]): Map<string, HotspotLevel> {
  const levels = new Map<string, HotspotLevel>();
  for (const item of evidence) {
    const current = levels.get(item.municipalityId) ?? 0;
    if (item.level >= current) levels.set(item.municipalityId, item.level);
  }
  return levels;
}

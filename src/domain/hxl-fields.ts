/**
 * The fields of a 3W sheet and the HXL hashtag each is written with: shared by the importer
 * (src/domain/import-3w.ts) and the exports (src/domain/export-3w.ts), in a module of its own so
 * exporting does not load the importer.
 */

/** What a column of a 3W sheet can hold. */
export type ImportField =
  | 'organisation'
  | 'acronym'
  | 'kind'
  | 'activityTypes'
  | 'focusTypes'
  | 'scope'
  | 'county'
  | 'municipality'
  | 'location'
  | 'geographicFocus'
  | 'latitude'
  | 'longitude'
  | 'start'
  | 'end'
  | 'status'
  | 'website';

export const IMPORT_FIELDS: readonly ImportField[] = [
  'organisation',
  'acronym',
  'kind',
  'activityTypes',
  'focusTypes',
  'scope',
  'county',
  'municipality',
  'location',
  'geographicFocus',
  'latitude',
  'longitude',
  'start',
  'end',
  'status',
  'website',
];

/**
 * The hashtag written for each field: what an HXL export should use, so it re-imports as is.
 * Reading is more lenient (see `fieldForHashtag`).
 */
export const HXL_TAG_BY_FIELD: Readonly<Record<ImportField, string>> = {
  organisation: '#org+name',
  acronym: '#org+acronym',
  kind: '#org+type',
  activityTypes: '#activity+type',
  focusTypes: '#activity+focus',
  scope: '#loc+scope',
  county: '#adm1+name',
  municipality: '#adm2+name',
  location: '#loc+name',
  geographicFocus: '#loc+focus',
  latitude: '#geo+lat',
  longitude: '#geo+lon',
  start: '#date+start',
  end: '#date+end',
  status: '#status',
  website: '#contact+url',
};

import type { ImportChange } from './import-3w';

/**
 * The changed fields' names as written in the notes stored with imported records (provenance,
 * always English) and shown by the English interface. A module of its own so the interface's
 * word tables can use it without pulling in the importer.
 */
export const CHANGE_FIELD_NOTE: Readonly<Record<ImportChange['field'], string>> = {
  scope: 'scope',
  kind: 'kind',
  counties: 'counties',
  municipalities: 'municipalities',
  activityTypes: 'activity types',
  focusTypes: 'focus types',
};

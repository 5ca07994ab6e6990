import type { Dataset, DocumentRef, Organisation } from './dataset';

/**
 * Changes a user made in this browser (typed in a form or applied from a partner's sheet), kept
 * apart from the published dataset: the published records are never rewritten, the view shows
 * `applyEdits(published, edits)`, and "reset to published" is just dropping the edits. Edits are
 * keyed by organisation id, so they still apply when a newer published dataset comes out.
 */
export interface LocalEdits {
  /** Added or changed organisations; one with a published id replaces that record. */
  upserts: Organisation[];
  /** Ids of published organisations deleted here. */
  deletedIds: string[];
  /** Documents the edited records cite (one per imported file, one for typed edits). */
  documents: DocumentRef[];
}

export const NO_EDITS: LocalEdits = { upserts: [], deletedIds: [], documents: [] };

/** Document cited by organisations added in the app's form. */
export const TYPED_EDITS_DOCUMENT_ID = 'edited-in-harta';

/** Prefix of the documents an import adds: their `row` is a line of the imported file. */
export const IMPORTED_DOCUMENT_PREFIX = 'import-';

export function isImportedDocument(documentId: string): boolean {
  return documentId.startsWith(IMPORTED_DOCUMENT_PREFIX);
}

/** Where in its document a record comes from: a row of Annex I, or a line of an imported file. */
export type SourceRow = { kind: 'annexRow' | 'line'; row: number };

/** The row a record comes from, as data (null when the document has no rows). */
export function sourceRowOf(source: Organisation['source']): SourceRow | null {
  if (source.row === null) return null;
  return { kind: isImportedDocument(source.document) ? 'line' : 'annexRow', row: source.row };
}

/**
 * Where a record comes from, in English words (the 3W export; the interface translates
 * `sourceRowOf`): "Annex I row 12" for the mapping report or "line 12" for an imported file.
 */
export function sourceRowLabel(source: Organisation['source']): string | null {
  const row = sourceRowOf(source);
  if (!row) return null;
  return row.kind === 'line' ? `line ${row.row}` : `Annex I row ${row.row}`;
}

/**
 * What an undoable change did, for the undo button (the interface puts it in words): a record
 * added, edited or deleted (by name), a file imported, or everything reset.
 */
export type EditLabel =
  | { kind: 'add' | 'edit' | 'delete'; name: string }
  | { kind: 'import'; fileName: string }
  | { kind: 'reset' };

/**
 * The typed-edits document as stored with the data (its title and publisher are provenance and
 * stay in English; the interface shows them translated by `TYPED_EDITS_DOCUMENT_ID`).
 */
export function typedEditsDocument(year: string): DocumentRef {
  return {
    id: TYPED_EDITS_DOCUMENT_ID,
    title: 'Entered or changed in Harta by a user of this browser',
    publisher: 'User of this browser',
    year,
    file: '',
  };
}

export function hasEdits(edits: LocalEdits): boolean {
  return edits.upserts.length > 0 || edits.deletedIds.length > 0;
}

/** The dataset as this browser sees it: published records with the local edits applied. */
export function applyEdits(published: Dataset, edits: LocalEdits): Dataset {
  if (!hasEdits(edits)) return published;
  const upserts = new Map(edits.upserts.map((organisation) => [organisation.id, organisation]));
  const deleted = new Set(edits.deletedIds);
  const organisations: Organisation[] = [];
  const publishedIds = new Set<string>();
  for (const organisation of published.organisations) {
    publishedIds.add(organisation.id);
    if (deleted.has(organisation.id)) continue;
    organisations.push(upserts.get(organisation.id) ?? organisation);
  }
  for (const organisation of edits.upserts) {
    if (!publishedIds.has(organisation.id)) organisations.push(organisation);
  }
  const documentIds = new Set(published.documents.map((document) => document.id));
  const cited = new Set(organisations.map((organisation) => organisation.source.document));
  const documents = [
    ...published.documents,
    ...edits.documents.filter(
      (document) => !documentIds.has(document.id) && cited.has(document.id),
    ),
  ];
  return { ...published, organisations, documents };
}

/** The fields compared between two versions of a record, in the order they are named. */
export const COMPARED_FIELDS = [
  'name',
  'acronym',
  'kind',
  'websiteRaw',
  'theme',
  'activityTypes',
  'focusOfActivities',
  'focusTypes',
  'geographicFocus',
  'scope',
  'countyIds',
  'municipalityIds',
  'unresolvedPlaces',
  'notes',
  'source',
] as const satisfies readonly (keyof Organisation)[];

export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** The fields on which two versions of a record differ; [] when they are the same. */
export function changedFields(before: Organisation, after: Organisation): ComparedField[] {
  const same = (a: unknown, b: unknown): boolean =>
    Array.isArray(a) && Array.isArray(b)
      ? a.length === b.length && a.every((value, index) => value === b[index])
      : typeof a === 'object' && a !== null && typeof b === 'object' && b !== null
        ? JSON.stringify(a) === JSON.stringify(b)
        : a === b;
  return COMPARED_FIELDS.filter((key) => !same(before[key], after[key]));
}

export interface EditSummary {
  added: Organisation[];
  changed: { before: Organisation; after: Organisation; fields: ComparedField[] }[];
  deleted: Organisation[];
}

/** What the edits do to the published dataset, for the "local changes" mark and list. */
export function summariseEdits(published: Dataset, edits: LocalEdits): EditSummary {
  const byId = new Map(
    published.organisations.map((organisation) => [organisation.id, organisation]),
  );
  const summary: EditSummary = { added: [], changed: [], deleted: [] };
  for (const after of edits.upserts) {
    const before = byId.get(after.id);
    if (!before) summary.added.push(after);
    else summary.changed.push({ before, after, fields: changedFields(before, after) });
  }
  for (const id of edits.deletedIds) {
    const organisation = byId.get(id);
    if (organisation) summary.deleted.push(organisation);
  }
  return summary;
}

export type EditKind = 'added' | 'changed' | 'deleted';

/** How many records the edits add, change and delete. */
export function editCounts(summary: EditSummary): Record<EditKind, number> {
  return {
    added: summary.added.length,
    changed: summary.changed.length,
    deleted: summary.deleted.length,
  };
}

/**
 * "2 added, 1 changed, 1 deleted" (only the non-zero parts); null when there are none. `part`
 * words one count (English by default: the kind itself); `separator` joins the parts.
 */
export function describeEdits(
  summary: EditSummary,
  part: (kind: EditKind, count: number) => string = (kind, count) => `${count} ${kind}`,
  separator = ', ',
): string | null {
  const counts = editCounts(summary);
  const text = (['added', 'changed', 'deleted'] as const)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => part(kind, counts[kind]))
    .join(separator);
  return text === '' ? null : text;
}

/** How the edits change one record: 'added', 'changed', or null when it is as published. */
export function editStateOf(
  edits: LocalEdits,
  published: Dataset,
  id: string,
): 'added' | 'changed' | null {
  if (!edits.upserts.some((organisation) => organisation.id === id)) return null;
  return published.organisations.some((organisation) => organisation.id === id)
    ? 'changed'
    : 'added';
}

function withDocuments(edits: LocalEdits, documents: readonly DocumentRef[]): DocumentRef[] {
  const known = new Set(edits.documents.map((document) => document.id));
  return [...edits.documents, ...documents.filter((document) => !known.has(document.id))];
}

/**
 * The edits with these records added or replaced. A record set back to exactly its published
 * version stops being an edit, so undoing a change by hand clears the "local changes" mark.
 */
export function withOrganisations(
  edits: LocalEdits,
  published: Dataset,
  organisations: readonly Organisation[],
  documents: readonly DocumentRef[] = [],
): LocalEdits {
  const publishedById = new Map(
    published.organisations.map((organisation) => [organisation.id, organisation]),
  );
  const incoming = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const upserts = edits.upserts
    .filter((organisation) => !incoming.has(organisation.id))
    .concat(
      organisations.filter((organisation) => {
        const before = publishedById.get(organisation.id);
        return !before || changedFields(before, organisation).length > 0;
      }),
    );
  return {
    upserts,
    deletedIds: edits.deletedIds.filter((id) => !incoming.has(id)),
    documents: withDocuments(edits, documents),
  };
}

/** The edits with this record deleted (a local addition simply disappears). */
export function withoutOrganisation(edits: LocalEdits, published: Dataset, id: string): LocalEdits {
  const isPublished = published.organisations.some((organisation) => organisation.id === id);
  return {
    upserts: edits.upserts.filter((organisation) => organisation.id !== id),
    deletedIds:
      isPublished && !edits.deletedIds.includes(id) ? [...edits.deletedIds, id] : edits.deletedIds,
    documents: edits.documents,
  };
}

/** An id for a new record: the name's slug, made unique among `taken`. */
export function freshOrganisationId(
  slug: string,
  taken: ReadonlySet<string>,
  fallback = 'organisation',
): string {
  const base = slug === '' ? fallback : slug;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

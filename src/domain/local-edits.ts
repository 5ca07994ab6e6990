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

/**
 * Where a record comes from, in words: the document's title, then "Annex I row 12" for the
 * mapping report or "line 12" for an imported file.
 */
export function sourceRowLabel(source: Organisation['source']): string | null {
  if (source.row === null) return null;
  return isImportedDocument(source.document) ? `line ${source.row}` : `Annex I row ${source.row}`;
}

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

const COMPARED_FIELDS = [
  ['name', 'name'],
  ['acronym', 'acronym'],
  ['kind', 'kind'],
  ['websiteRaw', 'website'],
  ['theme', 'theme'],
  ['activityTypes', 'activity types'],
  ['focusOfActivities', 'focus of activities'],
  ['focusTypes', 'focus types'],
  ['geographicFocus', 'geographic focus'],
  ['scope', 'scope'],
  ['countyIds', 'counties'],
  ['municipalityIds', 'municipalities'],
  ['unresolvedPlaces', 'unresolved places'],
  ['notes', 'notes'],
  ['source', 'source'],
] as const satisfies readonly (readonly [keyof Organisation, string])[];

/** The fields (in words) on which two versions of a record differ; [] when they are the same. */
export function changedFields(before: Organisation, after: Organisation): string[] {
  const same = (a: unknown, b: unknown): boolean =>
    Array.isArray(a) && Array.isArray(b)
      ? a.length === b.length && a.every((value, index) => value === b[index])
      : typeof a === 'object' && a !== null && typeof b === 'object' && b !== null
        ? JSON.stringify(a) === JSON.stringify(b)
        : a === b;
  return COMPARED_FIELDS.filter(([key]) => !same(before[key], after[key])).map(([, word]) => word);
}

export interface EditSummary {
  added: Organisation[];
  changed: { before: Organisation; after: Organisation; fields: string[] }[];
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

/** "2 added, 1 changed, 1 deleted" (only the non-zero parts); null when there are none. */
export function describeEdits(summary: EditSummary): string | null {
  const parts = [
    [summary.added.length, 'added'],
    [summary.changed.length, 'changed'],
    [summary.deleted.length, 'deleted'],
  ] as const;
  const text = parts
    .filter(([count]) => count > 0)
    .map(([count, word]) => `${count} ${word}`)
    .join(', ');
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

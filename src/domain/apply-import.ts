import { slugify } from './annex-i';
import { CHANGE_FIELD_NOTE } from './import-change-fields';
import type { DocumentRef, Organisation, Scope } from './dataset';
import {
  mergeImportedList,
  type ImportChange,
  type ImportContext,
  type ImportPreview,
  type ImportRow,
} from './import-3w';
import { freshOrganisationId, IMPORTED_DOCUMENT_PREFIX } from './local-edits';
import { foldPlaceText } from './place-text';
import { normaliseWebsite } from './website';

/**
 * Turns a previewed 3W sheet into organisation records, exactly as the preview announced:
 * rows to add become new records citing the imported file (document + line), rows to update
 * change the matched record's areas, scope, and (when the sheet gives them) activity types,
 * focus types and kind, with the change written in its notes. Shared by the app (applied as
 * local edits, undoable) and the command line (`import --write`, written to data/).
 */

export interface ImportChangesOptions {
  fileName: string;
  /** ISO date (YYYY-MM-DD) of the import: cited in notes and in the document's id. */
  importedAt: string;
  /**
   * Leave out the organisations that have a row with an error (all their rows, so an update
   * never drops the areas of a skipped row). Without it, any error refuses the whole import.
   */
  skipErrors?: boolean;
  /** Kind id given to new organisations whose rows name none (the sheet has no kind column). */
  defaultKind?: string;
}

export interface ImportedOrganisation {
  organisation: Organisation;
  action: 'add' | 'update';
  /** File lines the record was built from. */
  lines: number[];
  /** For updates: what changed, in the words of the record's notes (`importChangeNote`). */
  changes: string[];
}

/** Why nothing can be applied, as data: the interface words it (`import.applyFailure`). */
export type ImportChangesFailure =
  | { code: 'errors'; lines: number[] }
  | { code: 'unknown-kind'; kind: string }
  /** New organisations whose rows give no kind, and no default kind was chosen. */
  | { code: 'missing-kind'; names: string[] };

/**
 * A change as the record's notes keep it, in English (notes are stored provenance, not
 * interface): "municipalities: + Kamëz; − Has", "scope: local → national".
 */
export function importChangeNote(change: ImportChange): string {
  const what = CHANGE_FIELD_NOTE[change.field];
  if (change.field === 'scope' || change.field === 'kind') {
    return `${what}: ${change.from} → ${change.to}`;
  }
  const parts = [
    ...(change.added.length > 0 ? [`+ ${change.added.join(', ')}`] : []),
    ...(change.removed.length > 0 ? [`− ${change.removed.join(', ')}`] : []),
  ];
  return `${what}: ${parts.join('; ')}`;
}

export type ImportChanges =
  | {
      ok: true;
      /** The new and updated records (unchanged ones are left out). */
      organisations: ImportedOrganisation[];
      /** The document the new records cite: the imported file. */
      document: DocumentRef;
      /** Lines left out: rows of organisations with an error, and lines that could not be read. */
      skippedLines: number[];
      unchangedCount: number;
    }
  | { ok: false; message: ImportChangesFailure; lines: number[] };

/** The id of the document an import of `fileName` on `importedAt` cites. */
export function importedDocumentId(fileName: string, importedAt: string): string {
  return `${IMPORTED_DOCUMENT_PREFIX}${importedAt}-${slugify(fileName) || 'file'}`;
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

function lineList(lines: readonly number[]): string {
  return lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
}

/** Rows grouped as the preview compared them: by matched record, else by folded name. */
function groupRows(rows: readonly ImportRow[]): ImportRow[][] {
  const groups = new Map<string, ImportRow[]>();
  for (const row of rows) {
    const key = row.matchedOrganisationId
      ? `id:${row.matchedOrganisationId}`
      : `new:${foldPlaceText(row.organisation)}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

export function importChanges(
  preview: ImportPreview,
  context: ImportContext,
  options: ImportChangesOptions,
): ImportChanges {
  const { dataset } = context;
  const errorLines = unique(preview.errors.map((error) => error.line)).sort((a, b) => a - b);
  if (errorLines.length > 0 && !options.skipErrors) {
    return {
      ok: false,
      message: { code: 'errors', lines: errorLines },
      lines: errorLines,
    };
  }
  const kindIds = new Set(dataset.organisationKinds.map((kind) => kind.id));
  if (options.defaultKind !== undefined && !kindIds.has(options.defaultKind)) {
    return {
      ok: false,
      message: { code: 'unknown-kind', kind: options.defaultKind },
      lines: [],
    };
  }
  const hasColumn = (field: string) => preview.columns.some((column) => column.field === field);
  const document: DocumentRef = {
    id: importedDocumentId(options.fileName, options.importedAt),
    title: options.fileName,
    publisher: `3W sheet imported in Harta on ${options.importedAt}`,
    year: options.importedAt.slice(0, 4),
    file: '',
  };
  const byId = new Map(
    dataset.organisations.map((organisation) => [organisation.id, organisation]),
  );
  const taken = new Set(byId.keys());
  const skipped = new Set<number>(errorLines);
  const result: ImportedOrganisation[] = [];
  const missingKind: string[] = [];
  let unchangedCount = 0;

  for (const rows of groupRows(preview.rows)) {
    const lines = rows.map((row) => row.line);
    if (rows.some((row) => row.hasErrors)) {
      for (const line of lines) skipped.add(line);
      continue;
    }
    const [first] = rows;
    if (!first) continue;
    if (first.action === 'unchanged') {
      unchangedCount++;
      continue;
    }
    const all = (pick: (row: ImportRow) => readonly string[]) => unique(rows.flatMap(pick));
    const existing = first.matchedOrganisationId
      ? byId.get(first.matchedOrganisationId)
      : undefined;
    const scope: Scope =
      rows.some((row) => row.scope === 'national') ||
      (preview.mode === 'add' && existing?.scope === 'national')
        ? 'national'
        : 'local';
    const local = scope === 'local';
    const kinds = all((row) => (row.kind ? [row.kind] : []));
    const activityGiven =
      hasColumn('activityTypes') && rows.some((row) => row.activityText !== null);
    const focusGiven = hasColumn('focusTypes') && rows.some((row) => row.focusText !== null);
    const detail = datesAndStatus(rows);

    if (existing) {
      const merged = (before: readonly string[], pick: (row: ImportRow) => readonly string[]) =>
        mergeImportedList(before, all(pick), preview.mode);
      const changes = first.changes.map(importChangeNote);
      const note = `Updated from ${options.fileName} (${lineList(lines)}) on ${options.importedAt}: ${changes.join('; ')}${detail}.`;
      result.push({
        action: 'update',
        lines,
        changes,
        organisation: {
          ...existing,
          scope,
          countyIds: local ? merged(existing.countyIds, (row) => row.countyIds) : [],
          municipalityIds: local
            ? merged(existing.municipalityIds, (row) => row.municipalityIds)
            : [],
          activityTypes: activityGiven
            ? merged(existing.activityTypes, (row) => row.activityTypes)
            : existing.activityTypes,
          focusTypes: focusGiven
            ? merged(existing.focusTypes, (row) => row.focusTypes)
            : existing.focusTypes,
          kind: kinds.length === 1 && kinds[0] ? kinds[0] : existing.kind,
          notes: existing.notes === '' ? note : `${existing.notes} ${note}`,
        },
      });
      continue;
    }

    const kind = kinds[0] ?? options.defaultKind;
    if (kind === undefined) {
      missingKind.push(first.organisation);
      continue;
    }
    const websiteRaw = rows.find((row) => row.website !== null)?.website ?? '';
    const website = normaliseWebsite(websiteRaw);
    const id = freshOrganisationId(slugify(first.organisation), taken);
    taken.add(id);
    const kindNote =
      kinds.length === 0
        ? ` No kind was given: set to "${kind}" on import.`
        : kinds.length > 1
          ? ` The sheet gives several kinds (${kinds.join(', ')}): the first is used.`
          : '';
    result.push({
      action: 'add',
      lines,
      changes: [],
      organisation: {
        id,
        name: first.organisation,
        acronym: rows.find((row) => row.acronym !== null)?.acronym ?? null,
        kind,
        websiteRaw,
        website: website.url,
        theme: unique(rows.flatMap((row) => (row.activityText ? [row.activityText] : []))).join(
          '; ',
        ),
        activityTypes: all((row) => row.activityTypes),
        focusOfActivities: unique(
          rows.flatMap((row) => (row.focusText ? [row.focusText] : [])),
        ).join('; '),
        focusTypes: all((row) => row.focusTypes),
        geographicFocus: unique(
          rows.map((row) => row.placeText).filter((text) => text !== ''),
        ).join('; '),
        scope,
        countyIds: local ? all((row) => row.countyIds) : [],
        municipalityIds: local ? all((row) => row.municipalityIds) : [],
        unresolvedPlaces: all((row) => row.unresolvedPlaces),
        notes: `Imported from ${options.fileName} (${lineList(lines)}) on ${options.importedAt}${detail}.${kindNote}`,
        source: { document: document.id, row: first.line },
      },
    });
  }

  if (missingKind.length > 0) {
    return {
      ok: false,
      message: { code: 'missing-kind', names: missingKind },
      lines: [],
    };
  }
  return {
    ok: true,
    organisations: result,
    document,
    skippedLines: [...skipped].sort((a, b) => a - b),
    unchangedCount,
  };
}

/** "; 2019-01 to 2020-06; status: ongoing": what the record has no field for, kept in its notes. */
function datesAndStatus(rows: readonly ImportRow[]): string {
  const parts: string[] = [];
  const periods = unique(
    rows
      .filter((row) => row.start !== null || row.end !== null)
      .map((row) => `${row.start ?? '?'} to ${row.end ?? '?'}`),
  );
  if (periods.length > 0) parts.push(`dates ${periods.join(', ')}`);
  const statuses = unique(rows.flatMap((row) => (row.status ? [row.status] : [])));
  if (statuses.length > 0) parts.push(`status: ${statuses.join(', ')}`);
  const points = unique(
    rows.flatMap((row) =>
      row.coordinates ? [`${row.coordinates[1]}, ${row.coordinates[0]}`] : [],
    ),
  );
  if (points.length > 0) parts.push(`coordinates (lat, lon): ${points.join('; ')}`);
  return parts.length > 0 ? `; ${parts.join('; ')}` : '';
}

import { z } from 'zod';
import type { Organisation } from './dataset';
import { NO_EDITS, type LocalEdits } from './local-edits';

/**
 * The form in which local edits are saved in the browser, with a schema version. A saved value
 * is read through `readStoredEdits`, which migrates older versions step by step, keeps every
 * sound record of a partly damaged value (saying which were dropped, and why), and refuses to
 * touch a value written by a newer version of Harta.
 */

/** Version 1: `{ schemaVersion, countryCode, savedAt, edits: { upserts, deletedIds, documents } }`. */
export const EDITS_SCHEMA_VERSION = 1;

export interface StoredEdits {
  schemaVersion: number;
  countryCode: string;
  savedAt: string;
  edits: LocalEdits;
}

export function storedEditsOf(countryCode: string, edits: LocalEdits, savedAt: Date): StoredEdits {
  return {
    schemaVersion: EDITS_SCHEMA_VERSION,
    countryCode,
    savedAt: savedAt.toISOString(),
    edits,
  };
}

/**
 * Step n turns a version-n value into a version-(n+1) value. Version 1 is the first saved
 * form, so there is no step yet; a change to the saved form adds one here, with a test that
 * reads a value saved in the old form.
 */
const MIGRATIONS: Readonly<
  Record<number, (value: Record<string, unknown>) => Record<string, unknown>>
> = {};

const text = z.string();
const ids = z.array(z.string());

const organisationSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, 'is empty'),
  acronym: z.string().nullable(),
  kind: text,
  websiteRaw: text,
  website: z
    .string()
    .regex(/^https?:\/\//i, 'must be an http(s) address')
    .nullable(),
  theme: text,
  activityTypes: ids,
  focusOfActivities: text,
  focusTypes: ids,
  geographicFocus: text,
  scope: z.enum(['national', 'local']),
  countyIds: ids,
  municipalityIds: ids,
  unresolvedPlaces: ids,
  notes: text,
  source: z.object({ document: z.string().min(1), row: z.number().int().nullable() }),
});

const documentSchema = z.object({
  id: z.string().min(1),
  title: text,
  publisher: text,
  year: text,
  file: text,
});

export type ReadStoredEdits =
  | {
      ok: true;
      edits: LocalEdits;
      /** Each in plain words; a value with problems should be backed up before it is overwritten. */
      problems: string[];
      /** The schema version the value was saved with (lower than current when migrated). */
      savedVersion: number | null;
    }
  | {
      /** The value cannot be used, and must not be overwritten (saved by a newer Harta, or unreadable). */
      ok: false;
      problem: string;
    };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function issueText(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'value'} ${issue.message}`)
    .join('; ');
}

/** Reads a saved value (undefined when nothing was saved) for the given country pack. */
export function readStoredEdits(value: unknown, countryCode: string): ReadStoredEdits {
  if (value === undefined || value === null) {
    return { ok: true, edits: NO_EDITS, problems: [], savedVersion: null };
  }
  if (!isRecord(value) || typeof value.schemaVersion !== 'number') {
    return { ok: false, problem: 'the saved changes are not in a form Harta knows' };
  }
  const savedVersion = value.schemaVersion;
  if (!Number.isInteger(savedVersion) || savedVersion < 1) {
    return {
      ok: false,
      problem: `the saved changes have an invalid schema version (${savedVersion})`,
    };
  }
  if (savedVersion > EDITS_SCHEMA_VERSION) {
    return {
      ok: false,
      problem: `the saved changes were written by a newer version of Harta (schema ${savedVersion}; this one reads up to ${EDITS_SCHEMA_VERSION}). They are not shown here and are left as they are.`,
    };
  }
  let current: Record<string, unknown> = value;
  for (let version = savedVersion; version < EDITS_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, problem: `no migration from schema ${version}` };
    current = step(current);
  }
  const problems: string[] = [];
  if (current.countryCode !== countryCode) {
    return {
      ok: false,
      problem: `the saved changes are for country pack "${String(current.countryCode)}", not "${countryCode}"`,
    };
  }
  const edits = isRecord(current.edits) ? current.edits : {};
  const list = (key: string): unknown[] => {
    const items = edits[key];
    if (items === undefined) return [];
    if (Array.isArray(items)) return items;
    problems.push(`"${key}" is not a list and was not read`);
    return [];
  };
  const upserts: Organisation[] = [];
  list('upserts').forEach((item, index) => {
    const parsed = organisationSchema.safeParse(item);
    if (parsed.success) upserts.push(parsed.data);
    else {
      const name = isRecord(item) && typeof item.name === 'string' ? ` ("${item.name}")` : '';
      problems.push(
        `changed organisation ${index + 1}${name} was dropped: ${issueText(parsed.error)}`,
      );
    }
  });
  const deletedIds: string[] = [];
  list('deletedIds').forEach((item, index) => {
    if (typeof item === 'string' && item !== '') deletedIds.push(item);
    else problems.push(`deletion ${index + 1} was dropped: not an organisation id`);
  });
  const documents: LocalEdits['documents'] = [];
  list('documents').forEach((item, index) => {
    const parsed = documentSchema.safeParse(item);
    if (parsed.success) documents.push(parsed.data);
    else problems.push(`document ${index + 1} was dropped: ${issueText(parsed.error)}`);
  });
  return { ok: true, edits: { upserts, deletedIds, documents }, problems, savedVersion };
}

import {
  describePlanProblem,
  ENGLISH_PLAN_FILE_WORDS,
  parsePlansFile,
  serializePlansJson,
  type PlanFileContext,
  type PlanFileWords,
} from '../domain/plan-file';
import type { PlannedIntervention } from '../domain/plan';

/**
 * The planner's plans kept in the browser (localStorage) across reloads, in the JSON plans
 * file format, one key per country pack. Storage fails in ordinary ways (private windows,
 * storage turned off, a full quota, a value edited by hand or by an older build), so nothing
 * here throws, and a stored value that cannot be read in full is copied aside before the
 * planner's next save can overwrite it.
 */

/** The part of the Web Storage API used here; `window.localStorage` is one. */
export type PlanStorage = Pick<Storage, 'getItem' | 'setItem' | 'key' | 'length'>;

export interface StoredPlans {
  plans: PlannedIntervention[];
  /** In plain words, each naming "browser storage (<key>)" and, when known, line and field. */
  problems: string[];
  /** Where the unreadable value was copied to, when it was (or had been already). */
  backupKey: string | null;
}

export type SaveResult = { ok: true } | { ok: false; message: string };

/** The words of what storage reports; English here, other languages in src/i18n. */
export interface PlanStorageWords {
  /** Where the plans are read from, as problems name it: "browser storage (<key>)". */
  source: (key: string) => string;
  /** How problems of the stored value (in the plans file format) are told. */
  file: PlanFileWords;
  cannotRead: (source: string, detail: string) => string;
  keptAside: (backupKey: string) => string;
  notCopied: (detail: string) => string;
  noStorage: string;
  full: string;
  notSaved: (detail: string) => string;
}

export const ENGLISH_PLAN_STORAGE_WORDS: PlanStorageWords = {
  source: (key) => `browser storage (${key})`,
  file: ENGLISH_PLAN_FILE_WORDS,
  cannotRead: (source, detail) =>
    `${source} cannot be read, so saved plans are not shown: ${detail}`,
  keptAside: (backupKey) =>
    `The saved plans were kept as they were in browser storage (${backupKey}); nothing was deleted.`,
  notCopied: (detail) =>
    `The saved plans could not be copied aside (${detail}); export your plans before changing them, or the unreadable part will be lost.`,
  noStorage:
    'This browser does not let the page keep data (a private window, or storage turned off), so plans will be gone after a reload. Export them to keep them.',
  full: 'The browser storage for this page is full, so the latest changes to the plans were not saved. Export the plans to keep them.',
  notSaved: (detail) =>
    `The plans could not be saved in the browser (${detail}). Export them to keep them.`,
};

/** The storage key of one country's plans: "harta.plans.v1.AL". */
export function planStorageKey(countryCode: string): string {
  return `harta.plans.v1.${countryCode}`;
}

/** The browser's localStorage, or null where it is missing or reading it throws. */
export function browserPlanStorage(): PlanStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some browsers throw a SecurityError on the mere access when storage is blocked.
    return null;
  }
}

// Duck-typed: in some browsers a DOMException is not an instance of Error.
const errorField = (error: unknown, field: 'name' | 'message' | 'code'): unknown =>
  typeof error === 'object' && error !== null && field in error
    ? (error as Record<typeof field, unknown>)[field]
    : undefined;

const describeError = (error: unknown) => {
  const message = errorField(error, 'message');
  return typeof message === 'string' && message !== '' ? message : String(error);
};

/**
 * Reads the stored plans. Missing storage or an empty key gives no plans and no problems.
 * When the value is unreadable or partly invalid, the valid plans are returned, each problem
 * is reported, and the raw value is first copied to "<key>.unreadable-<ISO time>" (once per
 * distinct value: a copy holding the same text already is reused), so saving the valid plans
 * back loses nothing. Problems are told in `words` (English by default).
 */
export function loadStoredPlans(
  storage: PlanStorage | null,
  key: string,
  context: PlanFileContext,
  now: () => Date = () => new Date(),
  words: PlanStorageWords = ENGLISH_PLAN_STORAGE_WORDS,
): StoredPlans {
  const source = words.source(key);
  if (storage === null) return { plans: [], problems: [], backupKey: null };
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch (error) {
    return {
      plans: [],
      problems: [words.cannotRead(source, describeError(error))],
      backupKey: null,
    };
  }
  if (raw === null) return { plans: [], problems: [], backupKey: null };

  // Ids are unique within what was stored; there is nothing else yet for them to avoid.
  const parsed = parsePlansFile(source, raw, {
    ...context,
    existingIds: new Set(),
    ownSavedPlans: true,
  });
  const problems = parsed.problems.map((problem) => describePlanProblem(problem, words.file));
  if (parsed.problems.length === 0) return { plans: parsed.plans, problems, backupKey: null };

  const backup = backUpRawValue(storage, key, raw, now);
  if (backup.ok) {
    problems.push(words.keptAside(backup.key));
  } else {
    problems.push(words.notCopied(backup.message));
  }
  return { plans: parsed.plans, problems, backupKey: backup.ok ? backup.key : null };
}

function backUpRawValue(
  storage: PlanStorage,
  key: string,
  raw: string,
  now: () => Date,
): { ok: true; key: string } | { ok: false; message: string } {
  const prefix = `${key}.unreadable-`;
  try {
    for (let index = 0; index < storage.length; index += 1) {
      const candidate = storage.key(index);
      if (candidate?.startsWith(prefix) && storage.getItem(candidate) === raw) {
        return { ok: true, key: candidate };
      }
    }
    const backupKey = `${prefix}${now().toISOString()}`;
    storage.setItem(backupKey, raw);
    return { ok: true, key: backupKey };
  } catch (error) {
    return { ok: false, message: describeError(error) };
  }
}

const isQuotaError = (error: unknown) => {
  const name = errorField(error, 'name');
  const code = errorField(error, 'code');
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
};

/** Stores the plans under `key`. Never throws; says why (in `words`) when the browser refuses. */
export function saveStoredPlans(
  storage: PlanStorage | null,
  key: string,
  plans: readonly PlannedIntervention[],
  context: Pick<PlanFileContext, 'countryCode'>,
  words: PlanStorageWords = ENGLISH_PLAN_STORAGE_WORDS,
): SaveResult {
  if (storage === null) return { ok: false, message: words.noStorage };
  try {
    storage.setItem(key, serializePlansJson(plans, context));
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: isQuotaError(error) ? words.full : words.notSaved(describeError(error)),
    };
  }
}

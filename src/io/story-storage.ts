import { z } from 'zod';
import type { Story } from '../domain/stories';
import { formatNumber, translator, type Lang } from '../i18n/messages';
import { decodeStory, encodeStory } from './story-link';
import type { KnownIds } from './url-state';

/**
 * The presenter's own stories kept in the browser (localStorage), one key per country pack,
 * each stored as its share-link token so a stored story is checked exactly as a link is.
 * Storage fails in ordinary ways (private windows, storage turned off, a full quota, a value
 * edited by hand), so nothing here throws.
 */

/** The part of the Web Storage API used here; `window.localStorage` is one. */
export type StoryStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface StoredStories {
  stories: Story[];
  /** In plain words, each naming "browser storage (<key>)". */
  problems: string[];
}

export type SaveStoriesResult = { ok: true } | { ok: false; message: string };

/** The storage key of one country's stories: "harta.stories.v1.AL". */
export function storyStorageKey(countryCode: string): string {
  return `harta.stories.v1.${countryCode}`;
}

/** The browser's localStorage, or null where it is missing or reading it throws. */
export function browserStoryStorage(): StoryStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some browsers throw a SecurityError on the mere access when storage is blocked.
    return null;
  }
}

const storedSchema = z.object({ version: z.literal(1), stories: z.array(z.string()) });

const describeError = (error: unknown) =>
  typeof error === 'object' && error !== null && 'message' in error
    ? String(error.message)
    : String(error);

/** Reads the stored stories; what cannot be read is skipped and named in `problems` (in `lang`). */
export function loadStoredStories(
  storage: StoryStorage | null,
  key: string,
  known: KnownIds,
  lang: Lang = 'en',
): StoredStories {
  const t = translator(lang);
  const source = t('presenter.storage.source', key);
  if (storage === null) return { stories: [], problems: [] };
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch (error) {
    return {
      stories: [],
      problems: [t('presenter.storage.unreadable', source, describeError(error))],
    };
  }
  if (raw === null) return { stories: [], problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const parsed = storedSchema.safeParse(json);
  if (!parsed.success) {
    return {
      stories: [],
      problems: [t('presenter.storage.badForm', source)],
    };
  }
  const stories: Story[] = [];
  const problems: string[] = [];
  parsed.data.stories.forEach((token, index) => {
    const decoded = decodeStory(token, known, lang);
    const number = formatNumber(lang, index + 1);
    const problem = (text: string) => t('presenter.storage.storyProblem', source, number, text);
    if (decoded.ok) {
      stories.push(decoded.story);
      problems.push(...decoded.problems.map(problem));
    } else problems.push(problem(decoded.message));
  });
  return { stories, problems };
}

/** Stores the stories under `key`. Never throws; says why (in `lang`) when the browser refuses. */
export function saveStoredStories(
  storage: StoryStorage | null,
  key: string,
  stories: readonly Story[],
  lang: Lang = 'en',
): SaveStoriesResult {
  const t = translator(lang);
  if (storage === null) return { ok: false, message: t('presenter.storage.unavailable') };
  try {
    storage.setItem(key, JSON.stringify({ version: 1, stories: stories.map(encodeStory) }));
    return { ok: true };
  } catch (error) {
    const name =
      typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
    return {
      ok: false,
      message:
        name === 'QuotaExceededError'
          ? t('presenter.storage.full')
          : t('presenter.storage.failed', describeError(error)),
    };
  }
}

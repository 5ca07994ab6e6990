import { z } from 'zod';
import type { Story } from '../domain/stories';
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

/** Reads the stored stories; what cannot be read is skipped and named in `problems`. */
export function loadStoredStories(
  storage: StoryStorage | null,
  key: string,
  known: KnownIds,
): StoredStories {
  const source = `browser storage (${key})`;
  if (storage === null) return { stories: [], problems: [] };
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch (error) {
    return {
      stories: [],
      problems: [
        `${source} cannot be read, so saved stories are not shown: ${describeError(error)}`,
      ],
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
      problems: [`${source} does not hold saved stories in a form this version can read.`],
    };
  }
  const stories: Story[] = [];
  const problems: string[] = [];
  parsed.data.stories.forEach((token, index) => {
    const decoded = decodeStory(token, known);
    if (decoded.ok) {
      stories.push(decoded.story);
      problems.push(
        ...decoded.problems.map((problem) => `${source}, story ${index + 1}: ${problem}`),
      );
    } else problems.push(`${source}, story ${index + 1}: ${decoded.message}`);
  });
  return { stories, problems };
}

/** Stores the stories under `key`. Never throws; says why when the browser refuses. */
export function saveStoredStories(
  storage: StoryStorage | null,
  key: string,
  stories: readonly Story[],
): SaveStoriesResult {
  if (storage === null) {
    return {
      ok: false,
      message:
        'This browser does not let the page keep data (a private window, or storage turned off), so the story will be gone after a reload. Copy its link to keep it.',
    };
  }
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
          ? 'The browser storage for this page is full, so the story was not saved. Copy its link to keep it.'
          : `The story could not be saved in the browser (${describeError(error)}). Copy its link to keep it.`,
    };
  }
}

import { z } from 'zod';
import type { Story, StoryWords } from '../domain/stories';
import { formatNumber, translator, type Lang } from '../i18n/messages';
import { parseUrlState, serializeUrlState, type KnownIds } from './url-state';

/**
 * A story as one URL-safe token, for `?story=<token>` share links and for browser storage.
 * Each view's state goes through the view link codec (url-state.ts), so a story link checks
 * its ids exactly as a view link does. The token is base64url of a small JSON array:
 * `[1, id, title, [[viewTitle, note, query], …]]`.
 */

export type DecodedStory =
  { ok: true; story: Story; problems: string[] } | { ok: false; message: string };

const MAX_TEXT = 300;
const MAX_VIEWS = 50;
const MAX_TOKEN = 60_000;

const tokenSchema = z.tuple([
  z.literal(1),
  z.string().min(1).max(100),
  z.string().max(MAX_TEXT),
  z
    .array(z.tuple([z.string().max(MAX_TEXT), z.string().max(MAX_TEXT), z.string().max(4000)]))
    .min(1)
    .max(MAX_VIEWS),
]);

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws on anything that is not base64url of UTF-8 (the caller reports it). */
function fromBase64Url(token: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(token)) throw new Error('not base64url');
  const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The story as a token for a link: `?story=${encodeStory(story)}`. */
export function encodeStory(story: Story): string {
  return toBase64Url(
    JSON.stringify([
      1,
      story.id,
      story.title,
      story.views.map((view) => [view.title, view.note, serializeUrlState(view.state).slice(1)]),
    ]),
  );
}

/**
 * Reads a story token. Never throws: a token that is not a story gives a message (in `lang`);
 * ids the data does not know are dropped from the views, each named in `problems`.
 */
export function decodeStory(token: string, known: KnownIds, lang: Lang = 'en'): DecodedStory {
  const t = translator(lang);
  const broken = t('presenter.link.broken');
  if (token.length > MAX_TOKEN) {
    return { ok: false, message: `${broken} ${t('presenter.link.tooLong')}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(token.trim()));
  } catch {
    return { ok: false, message: broken };
  }
  const parsed = tokenSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: broken };
  const [, id, title, views] = parsed.data;
  const problems: string[] = [];
  const story: Story = {
    id,
    title,
    views: views.map(([viewTitle, note, query], index) => {
      const view = parseUrlState(query, known);
      problems.push(
        ...view.problems.map((problem) =>
          t('presenter.link.viewProblem', formatNumber(lang, index + 1), problem),
        ),
      );
      return { title: viewTitle, note, state: view.state };
    }),
  };
  return { ok: true, story, problems };
}

/** The default story's words in `lang`, for `defaultStory` (src/domain/stories.ts). */
export function storyWords(lang: Lang): StoryWords {
  const t = translator(lang);
  return {
    lang,
    number: (value, digits) => formatNumber(lang, value, digits),
    title: (country) => t('presenter.story.title', country),
    hotspotsTitle: (count, formatted) => t('presenter.story.hotspotsTitle', count, formatted),
    hotspotsNone: t('presenter.story.hotspotsNone'),
    hotspotsNote: (strongest) => t('presenter.story.hotspotsNote', strongest),
    gapsTitle: t('presenter.story.gapsTitle'),
    gapsTitleAt: (municipality) => t('presenter.story.gapsTitleAt', municipality),
    gapsNone: t('presenter.story.gapsNone'),
    gapsNote: (municipality, gapScore, local, localFormatted) =>
      t('presenter.story.gapsNote', municipality, gapScore, local, localFormatted),
    whoTitle: t('presenter.story.whoTitle'),
    whoTitleAt: (county) => t('presenter.story.whoTitleAt', county),
    whoNone: t('presenter.story.whoNone'),
    whoNote: (county, count, formatted) => t('presenter.story.whoNote', county, count, formatted),
    overlapsTitle: t('presenter.story.overlapsTitle'),
    overlapsTitleAt: (municipality) => t('presenter.story.overlapsTitleAt', municipality),
    overlapsNone: t('presenter.story.overlapsNone'),
    overlapsNote: (municipality, count, formatted, activity) =>
      t('presenter.story.overlapsNote', municipality, count, formatted, activity),
  };
}

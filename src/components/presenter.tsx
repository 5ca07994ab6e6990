import {
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import {
  DEFAULT_STORY_ID,
  defaultStory,
  withView,
  type Story,
  type StoryView,
} from '../domain/stories';
import { formatNumber, LANGS, translator, type Lang } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { decodeStory, encodeStory, storyWords } from '../io/story-link';
import { knownIdsOf } from '../io/url-state';
import {
  browserStoryStorage,
  loadStoredStories,
  saveStoredStories,
  storyStorageKey,
  type StoryStorage,
} from '../io/story-storage';
import { restorableOf } from '../store/harta-store';
import { selectNames } from '../store/selectors';
import { StoreContext, useHarta, useHartaStoreApi } from '../store/store-context';
import { usePresenterBarHeight, usePresenterKeys, usePresentingPage } from './use-presenter-keys';
import './presenter.css';

/** The story "Add this view to my story" adds to; its title is always shown in the interface's language. */
const MY_STORY_ID = 'mine';

/** Each language named in itself, for the presenter bar's language button. */
const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { en: 'English', sq: 'Shqip' };

export interface PresenterModeProps {
  /** Called by "Leave (Esc)", the Esc key, and leaving full screen. */
  onLeave: () => void;
  /** A story to start with, already decoded. */
  initialStory?: Story | null;
  /** The raw `story=` parameter of the page's link; decoded here, so a broken one shows why. */
  storyLink?: string | null;
  /** Where the user's stories are kept; the browser's localStorage unless given. */
  storage?: StoryStorage | null;
  /** Puts a link on the clipboard; the browser's clipboard unless given. */
  copyText?: (text: string) => Promise<void>;
}

async function copyToClipboard(text: string): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.clipboard) {
    throw new Error('no clipboard');
  }
  await navigator.clipboard.writeText(text);
}

/** The page's address with only `present=1`, `story=<token>` and the language kept. */
function storyUrl(story: Story): string {
  const url = new URL(window.location.href);
  const lang = url.searchParams.get('lang');
  url.search = '';
  if (lang !== null) url.searchParams.set('lang', lang);
  url.searchParams.set('present', '1');
  url.searchParams.set('story', encodeStory(story));
  return url.href;
}

/**
 * A message in the presenter bar, in whichever language is shown when it is drawn: its text,
 * and the parts of it that are data (titles, addresses, storage keys), marked so on screen.
 */
type Notice = (lang: Lang) => { text: string; data: readonly string[] }[];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with each occurrence of `data` in a `translate="no"` span. */
function withData(text: string, data: readonly string[]): ReactNode {
  const parts = data.filter((part) => part !== '');
  if (parts.length === 0) return text;
  const pieces = text.split(new RegExp(`(${parts.map(escapeRegExp).join('|')})`, 'u'));
  return pieces.map((piece, index) =>
    index % 2 === 1 ? (
      <span key={index} translate="no">
        {piece}
      </span>
    ) : (
      piece
    ),
  );
}

/** Stories the user made or was sent are their words, not the interface's. */
const isData = (story: Story) => story.id !== DEFAULT_STORY_ID && story.id !== MY_STORY_ID;

/**
 * Presenter mode: the app large and uncluttered for a projector, stepping through a story of
 * saved views with the keyboard or a clicker. Each step restores a view on the store, exactly
 * as opening its link would.
 */
export function PresenterMode({
  onLeave,
  initialStory = null,
  storyLink = null,
  storage = browserStoryStorage(),
  copyText = copyToClipboard,
}: PresenterModeProps) {
  const store = useHartaStoreApi();
  const gazetteer = useHarta((state) => state.gazetteer);
  const dataset = useHarta((state) => state.dataset);
  const lang = useHarta((state) => state.lang);
  const setLang = useHarta((state) => state.setLang);
  const t = useT();
  const known = useMemo(() => knownIdsOf(gazetteer, dataset), [gazetteer, dataset]);
  // The views' states do not depend on the language: keep them, so switching the language
  // mid-talk redraws the words without restoring the view again.
  const states = useMemo(
    () => defaultStory(dataset, gazetteer, storyWords('en')).views.map((view) => view.state),
    [dataset, gazetteer],
  );
  const fromData = useMemo(() => {
    const story = defaultStory(dataset, gazetteer, storyWords(lang));
    return {
      ...story,
      views: story.views.map((view, index) => ({ ...view, state: states[index] ?? view.state })),
    };
  }, [dataset, gazetteer, lang, states]);
  const storageKey = storyStorageKey(gazetteer.country.code);

  const [linked] = useState((): { story: Story | null; problems: Notice } => {
    const none: Notice = () => [];
    if (initialStory !== null) return { story: initialStory, problems: none };
    if (storyLink === null || storyLink === '') return { story: null, problems: none };
    const decoded = decodeStory(storyLink, known, lang);
    // Decoding is pure: the notice decodes again to say it in the language shown.
    const problems: Notice = (shown) => {
      const again = decodeStory(storyLink, known, shown);
      return again.ok
        ? again.problems.map((text) => ({ text, data: [] }))
        : [{ text: translator(shown)('presenter.linkFallback', again.message), data: [] }];
    };
    return { story: decoded.ok ? decoded.story : null, problems };
  });
  const [loaded] = useState(() => {
    const byLang = new Map(
      LANGS.map((code) => [code, loadStoredStories(storage, storageKey, known, code)] as const),
    );
    const problems: Notice = (shown) =>
      (byLang.get(shown)?.problems ?? []).map((text) => ({ text, data: [storageKey] }));
    return { stories: byLang.get(lang)?.stories ?? [], problems };
  });
  const [saved, setSaved] = useState(loaded.stories);
  const [messages, setMessages] = useState<Notice[]>(() => [linked.problems, loaded.problems]);
  const [position, setPosition] = useState({ story: 0, view: 0 });

  const stories: Story[] = [...(linked.story ? [linked.story] : []), fromData, ...saved];
  const story = stories[position.story] ?? fromData;
  const count = story.views.length;
  const index = Math.min(position.view, count - 1);
  const view: StoryView | undefined = story.views[index];
  const viewState = view?.state;

  useEffect(() => {
    if (viewState) store.getState().restore(viewState);
  }, [viewState, store]);

  const nextLang = LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length] ?? 'en';
  const switchLanguage = () => setLang(nextLang);

  const goTo = (next: number) =>
    setPosition((current) => ({ ...current, view: Math.max(0, Math.min(count - 1, next)) }));
  usePresenterKeys({
    next: () => goTo(index + 1),
    previous: () => goTo(index - 1),
    first: () => goTo(0),
    last: () => goTo(count - 1),
    leave: onLeave,
    language: switchLanguage,
  });
  usePresentingPage(onLeave);
  const bar = useRef<HTMLElement>(null);
  usePresenterBarHeight(bar);

  const names = useHarta(selectNames);
  const addView = () => {
    const state = store.getState();
    const selection = state.selection;
    const title =
      selection === null
        ? t('presenter.wholeCountry', gazetteer.country)
        : selection.kind === 'organisation'
          ? (names.organisation(selection.id)?.name ?? selection.id)
          : names.area(selection.id);
    const mine = saved.find((entry) => entry.id === MY_STORY_ID) ?? null;
    const updated = withView(
      mine,
      { title, note: '', state: restorableOf(state) },
      MY_STORY_ID,
      t('presenter.myStory'),
    );
    const next = mine
      ? saved.map((entry) => (entry.id === MY_STORY_ID ? updated : entry))
      : [...saved, updated];
    setSaved(next);
    const result = saveStoredStories(storage, storageKey, next, lang);
    const views = updated.views.length;
    setMessages([
      (shown) => {
        const say = translator(shown);
        return [
          {
            text: say(
              'presenter.added',
              title,
              say('presenter.myStory'),
              formatNumber(shown, views),
            ),
            data: [title],
          },
          ...(result.ok ? [] : [{ text: result.message, data: [] }]),
        ];
      },
    ]);
  };

  const copyLink = () => {
    const url = storyUrl(story);
    const copied = story.id === DEFAULT_STORY_ID ? null : storyTitle(story);
    copyText(url).then(
      () =>
        setMessages([
          (shown) => {
            const title = copied ?? translator(shown)('presenter.story.title', gazetteer.country);
            return [
              {
                text: translator(shown)('presenter.copied', title),
                data: copied === null ? [] : [copied],
              },
            ];
          },
        ]),
      () =>
        setMessages([
          (shown) => [{ text: translator(shown)('presenter.copyRefused', url), data: [url] }],
        ]),
    );
  };

  /** A story's title as shown: "My story" follows the interface's language. */
  function storyTitle(entry: Story): string {
    return entry.id === MY_STORY_ID ? t('presenter.myStory') : entry.title;
  }
  const dataMark = isData(story) ? { translate: 'no' as const } : {};
  const viewDataMark = story.id === DEFAULT_STORY_ID ? {} : { translate: 'no' as const };
  const shownMessages = messages.flatMap((notice) => notice(lang));

  const pickerId = useId();
  return (
    <section ref={bar} className="presenter-bar" aria-label={t('presenter.region')}>
      <div className="presenter-heading">
        <p className="presenter-story-title" {...dataMark}>
          {storyTitle(story)}
        </p>
        <p className="presenter-position" aria-live="polite" aria-atomic="true">
          {t('presenter.position', formatNumber(lang, index + 1), formatNumber(lang, count))}{' '}
          <span {...viewDataMark}>{view?.title}</span>
        </p>
        {view && view.note !== '' ? (
          <p className="presenter-note" {...viewDataMark}>
            {view.note}
          </p>
        ) : null}
      </div>
      <div className="presenter-controls">
        <button type="button" onClick={() => goTo(index - 1)} disabled={index <= 0}>
          {t('presenter.previous')}
        </button>
        <button type="button" onClick={() => goTo(index + 1)} disabled={index >= count - 1}>
          {t('presenter.next')}
        </button>
        <label htmlFor={pickerId} className="presenter-picker">
          {t('presenter.story')}
        </label>
        <select
          id={pickerId}
          value={stories.indexOf(story)}
          onChange={(event) => setPosition({ story: Number(event.target.value), view: 0 })}
        >
          {stories.map((entry, entryIndex) => (
            <option
              key={`${entryIndex}-${entry.id}`}
              value={entryIndex}
              {...(isData(entry) ? { translate: 'no' as const } : {})}
            >
              {storyTitle(entry)} ({formatNumber(lang, entry.views.length)})
            </option>
          ))}
        </select>
        <button type="button" onClick={addView}>
          {t('presenter.addView')}
        </button>
        <button type="button" onClick={copyLink}>
          {t('presenter.copyLink')}
        </button>
        <button type="button" onClick={switchLanguage} title={t('presenter.switchLanguage')}>
          <span lang={nextLang}>{LANGUAGE_NAMES[nextLang]}</span> (L)
        </button>
        <button type="button" onClick={onLeave}>
          {t('presenter.leave')}
        </button>
      </div>
      {shownMessages.length > 0 ? (
        <div className="presenter-messages" role="status">
          {shownMessages.map((message, messageIndex) => (
            <p key={messageIndex}>{withData(message.text, message.data)}</p>
          ))}
          <button type="button" className="link-button" onClick={() => setMessages([])}>
            {t('presenter.dismiss')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

const noSubscription = () => () => undefined;

/** The header's "Present" button; English where it is drawn without a store (a lone test). */
export function PresentButton({ onPresent }: { onPresent: () => void }) {
  const store = useContext(StoreContext);
  const lang = useSyncExternalStore(
    store ? store.subscribe : noSubscription,
    () => store?.getState().lang ?? 'en',
  );
  return (
    <button type="button" className="present-button" onClick={onPresent}>
      {translator(lang)('presenter.present')}
    </button>
  );
}

import { useEffect, useId, useMemo, useState } from 'react';
import { defaultStory, withView, type Story, type StoryView } from '../domain/stories';
import { decodeStory, encodeStory } from '../io/story-link';
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
import { useHarta, useHartaStoreApi } from '../store/store-context';
import { usePresenterKeys, usePresentingPage } from './use-presenter-keys';
import './presenter.css';

/** The story "Add this view to my story" adds to. */
const MY_STORY_ID = 'mine';
const MY_STORY_TITLE = 'My story';

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
  const known = useMemo(() => knownIdsOf(gazetteer, dataset), [gazetteer, dataset]);
  const fromData = useMemo(() => defaultStory(dataset, gazetteer), [dataset, gazetteer]);
  const storageKey = storyStorageKey(gazetteer.country.code);

  const [linked] = useState(() => {
    if (initialStory !== null) return { story: initialStory, problems: [] };
    if (storyLink === null || storyLink === '') return { story: null, problems: [] };
    const decoded = decodeStory(storyLink, known);
    return decoded.ok
      ? { story: decoded.story, problems: decoded.problems }
      : {
          story: null,
          problems: [`${decoded.message} Showing the story built from the data instead.`],
        };
  });
  const [loaded] = useState(() => loadStoredStories(storage, storageKey, known));
  const [saved, setSaved] = useState(loaded.stories);
  const [messages, setMessages] = useState<string[]>(() => [
    ...linked.problems,
    ...loaded.problems,
  ]);
  const [position, setPosition] = useState({ story: 0, view: 0 });

  const stories: Story[] = [...(linked.story ? [linked.story] : []), fromData, ...saved];
  const story = stories[position.story] ?? fromData;
  const count = story.views.length;
  const index = Math.min(position.view, count - 1);
  const view: StoryView | undefined = story.views[index];

  useEffect(() => {
    if (view) store.getState().restore(view.state);
  }, [view, store]);

  const goTo = (next: number) =>
    setPosition((current) => ({ ...current, view: Math.max(0, Math.min(count - 1, next)) }));
  usePresenterKeys({
    next: () => goTo(index + 1),
    previous: () => goTo(index - 1),
    first: () => goTo(0),
    last: () => goTo(count - 1),
    leave: onLeave,
  });
  usePresentingPage(onLeave);

  const names = useHarta(selectNames);
  const addView = () => {
    const state = store.getState();
    const selection = state.selection;
    const title =
      selection === null
        ? `${gazetteer.country.name}, whole country`
        : selection.kind === 'organisation'
          ? (names.organisation(selection.id)?.name ?? selection.id)
          : names.area(selection.id);
    const mine = saved.find((entry) => entry.id === MY_STORY_ID) ?? null;
    const updated = withView(
      mine,
      { title, note: '', state: restorableOf(state) },
      MY_STORY_ID,
      MY_STORY_TITLE,
    );
    const next = mine
      ? saved.map((entry) => (entry.id === MY_STORY_ID ? updated : entry))
      : [...saved, updated];
    setSaved(next);
    const result = saveStoredStories(storage, storageKey, next);
    setMessages([
      `Added “${title}” to ${MY_STORY_TITLE} as view ${updated.views.length}.`,
      ...(result.ok ? [] : [result.message]),
    ]);
  };

  const copyLink = () => {
    const url = storyUrl(story);
    copyText(url).then(
      () => setMessages([`Copied a link to “${story.title}”.`]),
      () => setMessages([`The browser did not allow copying. The link to this story is: ${url}`]),
    );
  };

  const pickerId = useId();
  return (
    <section className="presenter-bar" aria-label="Presenter">
      <div className="presenter-heading">
        <p className="presenter-story-title">{story.title}</p>
        <p className="presenter-position" aria-live="polite" aria-atomic="true">
          View {index + 1} of {count}: {view?.title}
        </p>
        {view && view.note !== '' ? <p className="presenter-note">{view.note}</p> : null}
      </div>
      <div className="presenter-controls">
        <button type="button" onClick={() => goTo(index - 1)} disabled={index <= 0}>
          Previous
        </button>
        <button type="button" onClick={() => goTo(index + 1)} disabled={index >= count - 1}>
          Next
        </button>
        <label htmlFor={pickerId} className="presenter-picker">
          Story
        </label>
        <select
          id={pickerId}
          value={stories.indexOf(story)}
          onChange={(event) => setPosition({ story: Number(event.target.value), view: 0 })}
        >
          {stories.map((entry, entryIndex) => (
            <option key={`${entryIndex}-${entry.id}`} value={entryIndex}>
              {entry.title} ({entry.views.length})
            </option>
          ))}
        </select>
        <button type="button" onClick={addView}>
          Add this view to my story
        </button>
        <button type="button" onClick={copyLink}>
          Copy link to this story
        </button>
        <button type="button" onClick={onLeave}>
          Leave (Esc)
        </button>
      </div>
      {messages.length > 0 ? (
        <div className="presenter-messages" role="status">
          {messages.map((message) => (
            <p key={message}>{message}</p>
          ))}
          <button type="button" className="link-button" onClick={() => setMessages([])}>
            Dismiss
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** The header's "Present" button. */
export function PresentButton({ onPresent }: { onPresent: () => void }) {
  return (
    <button type="button" className="present-button" onClick={onPresent}>
      Present
    </button>
  );
}

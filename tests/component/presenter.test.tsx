import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PresenterMode, PresentButton } from '../../src/components/presenter';
import { usePresenting } from '../../src/components/use-presenter-keys';
import { defaultStory, WHOLE_COUNTRY, type Story } from '../../src/domain/stories';
import { encodeStory, storyWords } from '../../src/io/story-link';
import { storyStorageKey } from '../../src/io/story-storage';
import { createHartaStore, type HartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { MemoryStorage } from '../support/memory-storage';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

function renderPresenter(props: Partial<Parameters<typeof PresenterMode>[0]> = {}): {
  store: HartaStore;
  onLeave: () => void;
  storage: MemoryStorage;
  unmount: () => void;
} {
  const gazetteer = makeGazetteer();
  const dataset = makeDataset();
  const store = createHartaStore({ gazetteer, dataset });
  const onLeave = vi.fn();
  const storage = new MemoryStorage();
  const { unmount } = render(
    <StoreProvider store={store}>
      <PresenterMode onLeave={onLeave} storage={storage} {...props} />
    </StoreProvider>,
  );
  return { store, onLeave, storage, unmount };
}

const story = () => defaultStory(makeDataset(), makeGazetteer(), storyWords('en'));
const press = (key: string) => fireEvent.keyDown(document.body, { key });
const position = () => screen.getByText(/^View \d+ of \d+:/);

describe('PresenterMode', () => {
  it('starts at the first view of the default story and restores it on the store', () => {
    const { store } = renderPresenter();
    const first = story().views[0];
    expect(position()).toHaveTextContent(`View 1 of 4: ${first?.title ?? ''}`);
    expect(store.getState().filters.hotspotsOnly).toBe(true);
    expect(store.getState().tab).toBe('gaps');
  });

  it('steps through the views with arrows, PageUp/PageDown, Space, Home and End', () => {
    const { store } = renderPresenter();
    const views = story().views;
    press('ArrowRight');
    expect(position()).toHaveTextContent(`View 2 of 4: ${views[1]?.title ?? ''}`);
    expect(store.getState().selection).toEqual(views[1]?.state.selection);
    expect(store.getState().tab).toBe('area');
    expect(store.getState().filters.hotspotsOnly).toBe(false);

    press('PageDown');
    expect(store.getState().selection).toEqual(views[2]?.state.selection);
    press(' ');
    expect(position()).toHaveTextContent('View 4 of 4');
    expect(store.getState().tab).toBe('overlap');
    press('ArrowRight');
    expect(position()).toHaveTextContent('View 4 of 4');

    press('PageUp');
    expect(position()).toHaveTextContent('View 3 of 4');
    press('ArrowLeft');
    expect(store.getState().selection).toEqual(views[1]?.state.selection);
    press('End');
    expect(position()).toHaveTextContent('View 4 of 4');
    press('Home');
    expect(position()).toHaveTextContent('View 1 of 4');
    expect(store.getState().filters.hotspotsOnly).toBe(true);
  });

  it('announces the view in a live region and steps with the buttons', () => {
    renderPresenter();
    expect(position()).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(position()).toHaveTextContent('View 2 of 4');
  });

  it('leaves on Esc and on the Leave button', () => {
    const { onLeave } = renderPresenter();
    press('Escape');
    expect(onLeave).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Leave (Esc)' }));
    expect(onLeave).toHaveBeenCalledTimes(2);
  });

  it('marks the page as presenting while mounted, and not after', () => {
    const { unmount } = renderPresenter();
    expect(document.documentElement.dataset.present).toBe('true');
    unmount();
    expect(document.documentElement.dataset.present).toBeUndefined();
  });

  it('adds the current view to "My story", saves it and offers it in the picker', () => {
    const { store, storage } = renderPresenter();
    act(() => store.getState().select({ kind: 'municipality', id: 'AL212' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add this view to my story' }));
    expect(screen.getByRole('status')).toHaveTextContent(/Added “Cërrik” to My story as view 1\./);
    const saved = storage.items.get(storyStorageKey(makeGazetteer().country.code));
    expect(saved).toBeDefined();
    expect(JSON.parse(saved ?? '{}')).toMatchObject({ version: 1, stories: [expect.any(String)] });

    const picker = screen.getByRole('combobox', { name: 'Story' });
    expect(screen.getByRole('option', { name: 'My story (1)' })).toBeInTheDocument();
    act(() => store.getState().select(null));
    fireEvent.change(picker, { target: { value: '1' } });
    expect(position()).toHaveTextContent('View 1 of 1: Cërrik');
    expect(store.getState().selection).toEqual({ kind: 'municipality', id: 'AL212' });
  });

  it('starts with the story of a link', () => {
    const own: Story = {
      id: 'shared',
      title: 'Shared story',
      views: [
        { title: 'Overlaps', note: 'Look here', state: { ...WHOLE_COUNTRY, tab: 'overlap' } },
        { title: 'Cërrik', note: '', state: { ...WHOLE_COUNTRY, selection: null } },
      ],
    };
    const { store } = renderPresenter({ storyLink: encodeStory(own) });
    expect(screen.getByText('Shared story')).toHaveClass('presenter-story-title');
    expect(position()).toHaveTextContent('View 1 of 2: Overlaps');
    expect(screen.getByText('Look here')).toBeInTheDocument();
    expect(store.getState().tab).toBe('overlap');
  });

  it('says why a broken story link is not shown, and shows the default story', () => {
    renderPresenter({ storyLink: 'broken%%link' });
    expect(screen.getByRole('status')).toHaveTextContent(
      'This story link is damaged or incomplete, so the story cannot be shown.',
    );
    expect(position()).toHaveTextContent('View 1 of 4');
  });

  it('copies a link that opens this story in presenter mode', async () => {
    const copyText = vi.fn((_text: string) => Promise.resolve());
    renderPresenter({ copyText });
    fireEvent.click(screen.getByRole('button', { name: 'Copy link to this story' }));
    expect(await screen.findByText(/Copied a link to/)).toBeInTheDocument();
    const url = new URL(String(copyText.mock.calls[0]?.[0]));
    expect(url.searchParams.get('present')).toBe('1');
    expect(url.searchParams.get('story')).toBe(encodeStory(story()));
  });
});

function PresentingProbe() {
  return <p>{usePresenting() ? 'presenting' : 'not presenting'}</p>;
}

describe('usePresenting', () => {
  it('follows the page into presenter mode and out of it', async () => {
    render(<PresentingProbe />);
    expect(screen.getByText('not presenting')).toBeInTheDocument();
    const { unmount } = renderPresenter();
    expect(await screen.findByText('presenting')).toBeInTheDocument();
    unmount();
    expect(await screen.findByText('not presenting')).toBeInTheDocument();
  });
});

describe('PresentButton', () => {
  it('calls onPresent', () => {
    const onPresent = vi.fn();
    render(<PresentButton onPresent={onPresent} />);
    fireEvent.click(screen.getByRole('button', { name: 'Present' }));
    expect(onPresent).toHaveBeenCalledTimes(1);
  });
});

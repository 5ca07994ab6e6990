import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app';
import { ExportMenu } from '../../src/components/export-menu';
import { PresenterMode, PresentButton } from '../../src/components/presenter';
import { NO_FILTERS, type Filters } from '../../src/domain/coverage';
import type { CreateMapAdapter } from '../../src/domain/map-model';
import { WHOLE_COUNTRY, type Story } from '../../src/domain/stories';
import { loadBundledData } from '../../src/io/bundled-data';
import type * as SlideImage from '../../src/io/slide-image';
import { encodeStory } from '../../src/io/story-link';
import { createHartaStore, type HartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { englishLeftIn } from '../support/english-text';
import { MemoryStorage } from '../support/memory-storage';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

const composeSlide = vi.hoisted(() => vi.fn<() => Promise<Blob>>());
vi.mock('../../src/io/slide-image', async (importOriginal) => ({
  ...(await importOriginal<typeof SlideImage>()),
  composeSlide,
}));

/** A storage that refuses to keep anything, as a full quota does. */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
  }
}

function albanianStore(filters: Filters = NO_FILTERS): HartaStore {
  return createHartaStore(
    { gazetteer: makeGazetteer(), dataset: makeDataset() },
    { lang: 'sq', filters },
  );
}

function renderPresenter(
  props: Partial<Parameters<typeof PresenterMode>[0]> = {},
  store = albanianStore(),
) {
  const view = render(
    <StoreProvider store={store}>
      <PresenterMode onLeave={vi.fn()} storage={new MemoryStorage()} {...props} />
    </StoreProvider>,
  );
  const bar = () => screen.getByRole('region', { name: 'Mënyra e prezantimit' });
  return { store, bar, ...view };
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('presenter mode in Albanian', () => {
  it('shows the default story and its controls in Albanian', () => {
    const { bar } = renderPresenter();
    expect(englishLeftIn(bar())).toEqual([]);
    expect(screen.getByText(/^Pamja 1 nga 4:/)).toHaveTextContent(/Zonat e nxehta/);
    expect(screen.getByText('Shqipëri: një vështrim i përgjithshëm')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'E mëparshmja' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Dil (Esc)' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Historia' })).toBeInTheDocument();
  });

  it('finds English in the English presenter (the check is not blind)', () => {
    const store = albanianStore();
    act(() => store.getState().setLang('en'));
    renderPresenter({}, store);
    expect(englishLeftIn(screen.getByRole('region', { name: 'Presenter' }))).not.toEqual([]);
  });

  it('stays Albanian on every view of the default story', () => {
    const { bar } = renderPresenter();
    for (let step = 0; step < 4; step += 1) {
      expect(englishLeftIn(bar())).toEqual([]);
      fireEvent.click(screen.getByRole('button', { name: 'Tjetra' }));
    }
    expect(screen.getByText(/^Pamja 4 nga 4:/)).toHaveTextContent(/Mbivendosjet/);
  });

  it('says why a broken link is not shown, in Albanian', () => {
    const { bar } = renderPresenter({ storyLink: 'broken%%link' });
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Kjo lidhje historie është e dëmtuar ose e paplotë.*historia e ndërtuar nga të dhënat\./,
    );
    expect(englishLeftIn(bar())).toEqual([]);
  });

  it('adds a view to «Historia ime», and says so when the browser cannot keep it', () => {
    const { store, bar } = renderPresenter({ storage: new FullStorage() });
    act(() => store.getState().select({ kind: 'organisation', id: 'cerrik-one' }));
    fireEvent.click(screen.getByRole('button', { name: 'Shto këtë pamje te historia ime' }));
    const status = screen.getByRole('status');
    expect(within(status).getByText('Cërrik One')).toHaveAttribute('translate', 'no');
    expect(status).toHaveTextContent(/u shtua te «Historia ime» si pamja 1\./);
    expect(status).toHaveTextContent(/Hapësira e ruajtjes së shfletuesit për këtë faqe është plot/);
    expect(screen.getByRole('option', { name: 'Historia ime (1)' })).toBeInTheDocument();
    expect(englishLeftIn(bar())).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Mbyll' }));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('gives the link in words when copying is refused, the address marked as data', async () => {
    const { bar } = renderPresenter({ copyText: () => Promise.reject(new Error('no')) });
    fireEvent.click(screen.getByRole('button', { name: 'Kopjo lidhjen e kësaj historie' }));
    const message = await screen.findByText(/^Shfletuesi nuk lejoi kopjimin\./);
    expect(message.querySelector('[translate="no"]')).toHaveTextContent(/present=1&story=/);
    expect(englishLeftIn(bar())).toEqual([]);
  });

  it('marks a shared story as data, not interface', () => {
    const own: Story = {
      id: 'shared',
      title: 'Shared story of the donors',
      views: [{ title: 'Overview', note: 'Look at the map', state: WHOLE_COUNTRY }],
    };
    const { bar } = renderPresenter({ storyLink: encodeStory(own) });
    expect(screen.getByText('Shared story of the donors')).toHaveAttribute('translate', 'no');
    expect(englishLeftIn(bar())).toEqual([]);
  });

  it('switches the language with the L key and with the button, redrawing the words', () => {
    const { store } = renderPresenter();
    fireEvent.click(screen.getByRole('button', { name: 'Tjetra' }));
    const selection = store.getState().selection;
    fireEvent.keyDown(document.body, { key: 'l' });
    expect(store.getState().lang).toBe('en');
    expect(screen.getByText(/^View 2 of 4:/)).toHaveTextContent(/Where the gaps are/);
    // The view is not restored again: only the words change.
    expect(store.getState().selection).toEqual(selection);
    fireEvent.click(screen.getByRole('button', { name: 'Shqip (L)' }));
    expect(store.getState().lang).toBe('sq');
    expect(screen.getByText(/^Pamja 2 nga 4:/)).toHaveTextContent(/Ku janë boshllëqet/);
  });

  it('labels the Present button in Albanian', () => {
    render(
      <StoreProvider store={albanianStore()}>
        <PresentButton onPresent={vi.fn()} />
      </StoreProvider>,
    );
    expect(screen.getByRole('button', { name: 'Prezanto' })).toBeInTheDocument();
  });
});

describe('exports menu in Albanian', () => {
  function renderMenu(filters: Filters = NO_FILTERS, slides = false) {
    const download = vi.fn<(fileName: string, text: string, mimeType: string) => void>();
    const downloadBlob = vi.fn<(fileName: string, blob: Blob) => void>();
    const exportImage = vi.fn(() => Promise.resolve(new Blob(['map'])) as Promise<Blob> | null);
    const { container } = render(
      <StoreProvider store={albanianStore(filters)}>
        <ExportMenu
          download={download}
          {...(slides ? { slides: { exportImage, download: downloadBlob } } : {})}
        />
      </StoreProvider>,
    );
    return { container, download, downloadBlob, exportImage };
  }

  it('offers the formats and scopes in Albanian, and keeps the file in English', () => {
    const { container, download } = renderMenu({ ...NO_FILTERS, activityTypes: ['training'] });
    expect(englishLeftIn(container)).toEqual([]);
    expect(screen.getByRole('radio', { name: 'Vetëm filtri aktual (2 organizata)' })).toBeChecked();
    expect(screen.getByRole('option', { name: 'Fletë 3W me HXL (CSV)' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Shkarko 2 organizata' }));
    expect(download.mock.calls[0]?.[1]).toContain('filter: activity types: Training');
  });

  it('says everything in Albanian when nothing is filtered', () => {
    const { container } = renderMenu();
    expect(englishLeftIn(container)).toEqual([]);
    expect(screen.getByRole('radio', { name: 'Të gjitha (5 organizata)' })).toBeChecked();
  });

  it('makes the slide image in Albanian and says how it went', async () => {
    const { container, downloadBlob, exportImage } = renderMenu(NO_FILTERS, true);
    const slides = within(container).getByRole('group', { name: 'Imazh për diapozitivë' });
    expect(englishLeftIn(container)).toEqual([]);

    composeSlide.mockResolvedValueOnce(new Blob(['x'.repeat(4096)]));
    fireEvent.click(within(slides).getByRole('button', { name: '1920×1080' }));
    const saved = await within(slides).findByText(/^U ruajt /);
    expect(saved).toHaveTextContent(/^U ruajt harta-al-\d{4}-\d\d-\d\d-1920x1080\.png \(4 KB\)\.$/);
    expect(saved.querySelector('[translate="no"]')).toHaveTextContent(/^harta-al-/);
    expect(englishLeftIn(container)).toEqual([]);
    expect(downloadBlob.mock.calls[0]?.[0]).toMatch(/^harta-al-/);
    const [, , content, lang] = composeSlide.mock.calls[0] as unknown as [
      unknown,
      unknown,
      { title: string; subtitle: string; footer: string[] },
      string,
    ];
    expect(lang).toBe('sq');
    expect(content.title).toMatch(/^Shqipëri: /);
    expect(content.subtitle).toMatch(/^Të gjitha organizatat në të dhëna;/);
    expect(content.footer[0]).toMatch(/^Krijuar me Harta më \d+ \p{L}+ \d{4}\.$/u);
    expect(content.footer[1]).toMatch(/^Të dhënat e hartës:/);

    composeSlide.mockRejectedValueOnce(new Error('Ky shfletues nuk mund të vizatojë imazhe.'));
    fireEvent.click(within(slides).getByRole('button', { name: '3840×2160' }));
    expect(await within(slides).findByText(/^Imazhi nuk mund të krijohej:/)).toBeInTheDocument();
    expect(englishLeftIn(container)).toEqual([]);

    exportImage.mockReturnValueOnce(null);
    fireEvent.click(within(slides).getByRole('button', { name: '1920×1080' }));
    expect(within(slides).getByRole('status')).toHaveTextContent(
      'Harta nuk është vizatuar ende; provoni sërish sapo të shfaqet.',
    );
    expect(englishLeftIn(container)).toEqual([]);
  });
});

describe('the app frame in Albanian', () => {
  const noMap: CreateMapAdapter = () => ({
    update: () => undefined,
    fitCountry: () => undefined,
    setView: () => undefined,
    destroy: () => undefined,
  });

  it('names its regions in Albanian and presents in Albanian, the language switch at hand', async () => {
    window.history.replaceState(null, '', '/?lang=sq');
    render(<App data={loadBundledData()} loadMapAdapter={() => Promise.resolve(noMap)} />);
    expect(await screen.findByRole('region', { name: 'Harta' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Matrica e mbivendosjeve' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Prezanto' }));
    const bar = screen.getByRole('region', { name: 'Mënyra e prezantimit' });
    expect(englishLeftIn(bar)).toEqual([]);
    expect(within(bar).getByText(/^Pamja 1 nga 4:/)).toBeInTheDocument();
    // Presenter mode hides the filters, search, tagline and tabs, not the language switch.
    const languageSwitch = screen.getByRole('combobox', { name: 'Gjuha' });
    expect(
      languageSwitch.closest('.filters-bar, .place-search, .tagline, .present-button, .tabs'),
    ).toBeNull();
    fireEvent.keyDown(document.body, { key: 'L' });
    expect(await within(bar).findByText(/^View 1 of 4:/)).toBeInTheDocument();
    expect(window.location.search).not.toContain('lang=');
  });
});

import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Attribution } from '../../src/components/attribution';
import { DataProblems } from '../../src/components/data-problems';
import { ErrorBoundary } from '../../src/components/error-boundary';
import { LinkNotice, StorageNotice } from '../../src/components/link-notice';
import { MapLegend } from '../../src/components/map-legend';
import { MapView } from '../../src/components/map-view';
import { legendEntries } from '../../src/domain/legend-entries';
import type {
  CreateMapAdapter,
  MapAdapter,
  MapModel,
  MapRelabel,
  MapWords,
} from '../../src/domain/map-model';
import { legendWords } from '../../src/i18n/legend-words';
import type { Lang } from '../../src/i18n/messages';
import { knownIdsOf, parseUrlState } from '../../src/io/url-state';
import { selectCountyMeasureLabel, selectMapModel } from '../../src/store/selectors';
import { createHartaStore, type HartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { englishLeftIn } from '../support/english-text';
import { cerrikBoundaries } from '../unit/fixtures/boundary-fixture';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

// The map's screens in Albanian: the map host (with a fake adapter: no WebGL in jsdom), its
// legend, the credits and the notices. Each must leave no English in the interface.

function newStore(lang: Lang = 'sq'): HartaStore {
  return createHartaStore({ gazetteer: makeGazetteer(), dataset: makeDataset() }, { lang });
}

function renderIn(ui: ReactElement, store: HartaStore = newStore()) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StoreProvider store={store}>{children}</StoreProvider>
  );
  return { store, ...render(ui, { wrapper }) };
}

const boundaries = cerrikBoundaries('bashkite of the county.geojson');

function model(overrides: Partial<MapModel> = {}): MapModel {
  const municipality = {
    id: 'AL212',
    name: 'Cërrik',
    lonLat: [19.97583, 41.03167] as [number, number],
    approximate: false,
    organisations: 12345,
    gapScore: 0.02,
    hotspotLevel: 3 as const,
    planned: true,
    unfiltered: { organisations: 12345, gapScore: 0.02 },
  };
  return {
    counties: [{ id: 'AL021', name: 'Elbasan', value: 16, planned: true }],
    countyMax: 16,
    countyMeasureLabel: 'Organizatat që punojnë në qark',
    municipalities: [
      municipality,
      { ...municipality, id: 'AL111', name: 'Bulqizë', organisations: 0, planned: false },
    ],
    highlighted: [],
    selected: null,
    hovered: null,
    ...overrides,
  };
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('the map in Albanian', () => {
  function fakeMap() {
    const adapter = {
      update: vi.fn<MapAdapter['update']>(),
      fitCountry: vi.fn<MapAdapter['fitCountry']>(),
      setView: vi.fn<MapAdapter['setView']>(),
      destroy: vi.fn<MapAdapter['destroy']>(),
      setWords: vi.fn<MapRelabel['setWords']>(),
    };
    let callbacks: Parameters<CreateMapAdapter>[1] | null = null;
    const create = vi.fn<CreateMapAdapter>((_container, given) => {
      callbacks = given;
      return adapter;
    });
    return { load: () => Promise.resolve(create), create, adapter, ready: () => callbacks };
  }

  const props = {
    initialView: null,
    onAreaClick: () => {},
    onAreaHover: () => {},
    onViewChange: () => {},
  };

  it('loads, shows and relabels the map in the interface language', async () => {
    const map = fakeMap();
    const { container, store } = renderIn(
      <MapView {...props} model={model()} loadAdapter={map.load} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Harta po ngarkohet…');
    expect(englishLeftIn(container)).toEqual([]);
    await vi.waitFor(() => expect(map.create).toHaveBeenCalled());
    // The country's name comes from the data, in Albanian.
    const words: MapWords | undefined = map.create.mock.calls[0]?.[3];
    expect(words).toEqual({
      label: 'Shqipëri: harta e qarqeve dhe e bashkive',
      zoomIn: 'Zmadho',
      zoomOut: 'Zvogëlo',
      toggleAttribution: 'Shfaq ose fshih burimet e hartës',
    });
    act(() => map.ready()?.onReady?.());
    expect(screen.getByRole('button', { name: 'Rivendos pamjen' })).toBeEnabled();
    expect(englishLeftIn(container)).toEqual([]);

    act(() => store.getState().setLang('en'));
    expect(map.adapter.setWords).toHaveBeenLastCalledWith({
      label: 'Map of Albania: counties and municipalities',
      zoomIn: 'Zoom in',
      zoomOut: 'Zoom out',
      toggleAttribution: 'Toggle attribution',
    });
    expect(screen.getByRole('button', { name: 'Reset view' })).toBeInTheDocument();
  });

  it('says in Albanian when there is no WebGL', async () => {
    const { container } = renderIn(
      <MapView
        {...props}
        model={model()}
        loadAdapter={() => Promise.reject(new Error('Failed to initialize WebGL'))}
      />,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Harta nuk mund të shfaqet: në këtë shfletues ose pajisje WebGL është i çaktivizuar ose mungon. Gjithçka tjetër në këtë faqe funksionon edhe pa të: përdorni listat, kërkimin dhe panelet.',
    );
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('gives other load failures in Albanian, quoting the error itself as English', async () => {
    const { container } = renderIn(
      <MapView
        {...props}
        model={model()}
        loadAdapter={() => Promise.reject(new Error('the chunk could not be found'))}
      />,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^Harta nuk u ngarkua \(the chunk could not be found\)\./);
    expect(within(alert).getByText('the chunk could not be found')).toHaveAttribute('lang', 'en');
    expect(englishLeftIn(container)).toEqual([]);
  });
});

describe('the legend in Albanian', () => {
  it('explains circles, areas, plans and emphasis with no English, numbers the Albanian way', () => {
    const { container } = renderIn(<MapLegend model={model()} />);
    const legend = screen.getByRole('list', { name: 'Legjenda e hartës' });
    expect(legend).toHaveTextContent('Qarqet: Organizatat që punojnë në qark');
    expect(legend).toHaveTextContent('Madhësia e rrethit: organizatat që punojnë aty');
    expect(legend).toHaveTextContent('0 (asnjë)');
    expect(legend).toHaveTextContent(/12\s345/u);
    expect(legend).toHaveTextContent('Unaza e zonës së nxehtë');
    expect(legend).toHaveTextContent('qark (vija të ndërprera) ose bashki (unazë)');
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('names the boundary file as data, and its own words in Albanian', () => {
    const store = newStore();
    store.getState().setMunicipalBoundaries(boundaries);
    const { container } = renderIn(<MapLegend model={model({ countyMax: 0 })} />, store);
    const legend = screen.getByRole('list', { name: 'Legjenda e hartës' });
    expect(legend).toHaveTextContent(
      '1 nga 2 bashki janë ngjyrosur sipas kufijve nga skedari juaj «bashkite of the county.geojson»; të tjerat shfaqen si rrathë në qendrat e tyre.',
    );
    expect(screen.getByText('bashkite of the county.geojson')).toHaveAttribute('translate', 'no');
    expect(screen.getByText('0 në çdo qark')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hiq kufijtë' })).toBeInTheDocument();
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('labels the county shading in Albanian, from the store', () => {
    const store = newStore();
    expect(selectCountyMeasureLabel(store.getState())).toBe('Organizatat që punojnë në qark');
    expect(selectMapModel(store.getState()).countyMeasureLabel).toBe(
      'Organizatat që punojnë në qark',
    );
    store.getState().setLang('en');
    expect(selectCountyMeasureLabel(store.getState())).toBe('Organisations working in the county');
  });

  it('gives slide images the same legend in Albanian, and English by default', () => {
    const withFile = new Set(['AL212']);
    const sq = legendEntries(model({ selected: null }), withFile, 'b.geojson', legendWords('sq'));
    expect(sq.map((entry) => entry.title)).toEqual([
      'Kufijtë e bashkive',
      'Qarqet: Organizatat që punojnë në qark',
      'Madhësia e rrethit: organizatat që punojnë aty',
      'Ngjyra e bashkisë: boshllëku në mbulim',
      'Zonë e nxehtë: brez i errët brenda konturit',
      'Ndërhyrje e planifikuar',
    ]);
    expect(sq[0]).toMatchObject({
      text: '1 nga 2 bashki janë ngjyrosur sipas kufijve nga «b.geojson».',
    });
    const english = legendEntries(model(), withFile, 'b.geojson');
    expect(english[0]).toMatchObject({
      title: 'Municipal boundaries',
      text: '1 of 2 municipalities are shaded with the boundaries from “b.geojson”.',
    });
    expect(legendEntries(model(), withFile, 'b.geojson', legendWords('en'))).toEqual(english);
  });
});

describe('credits and notices in Albanian', () => {
  it('credits the sources with Albanian words around the quoted data', () => {
    const store = newStore();
    const { gazetteer, dataset } = store.getState();
    const { container } = renderIn(
      <Attribution gazetteer={gazetteer} documents={dataset.documents} />,
      store,
    );
    expect(screen.getByRole('heading', { name: 'Burimet' })).toBeInTheDocument();
    expect(container).toHaveTextContent(/\(paketa /);
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('lists what a bad link asked for, in the language the link asks for', async () => {
    const store = newStore();
    const { gazetteer, dataset } = store.getState();
    const { problems } = parseUrlState(
      '?act=bogus&sel=m:AL999&scope=planet&view=abc&measure=nope&nw=9&cmp=x:1&lang=sq',
      knownIdsOf(gazetteer, dataset),
    );
    expect(problems).toContain('Lidhja përmend lloje aktivitetesh të panjohura: bogus.');
    expect(problems).toContain('Shtrirja «planet» në lidhje nuk është as vendore, as kombëtare.');
    const onDismiss = vi.fn();
    const { container } = renderIn(<LinkNotice problems={problems} onDismiss={onDismiss} />, store);
    const notice = screen.getByRole('status', { name: 'Rreth kësaj lidhjeje' });
    expect(within(notice).getAllByRole('listitem')).toHaveLength(7);
    expect(englishLeftIn(container)).toEqual([]);
    await userEvent.click(within(notice).getByRole('button', { name: 'Mbyll' }));
    expect(onDismiss).toHaveBeenCalled();
    // English when the link names no language, as before.
    expect(parseUrlState('?scope=planet', knownIdsOf(gazetteer, dataset)).problems).toEqual([
      'The link\'s scope "planet" is not local or national.',
    ]);
  });

  it('introduces storage problems in Albanian', () => {
    const { container } = renderIn(
      <StorageNotice problems={['Plani «A» u ruajt.']} onDismiss={() => {}} />,
    );
    expect(screen.getByRole('status', { name: 'Rreth planeve të ruajtura' })).toHaveTextContent(
      'Për planet e ruajtura në këtë shfletues:',
    );
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('counts data problems in Albanian, quoting each as English', () => {
    const { container } = renderIn(
      <DataProblems problems={['organisations.csv line 3: the kind is missing', 'x']} />,
    );
    expect(screen.getByRole('heading', { name: '2 probleme në të dhëna' })).toBeInTheDocument();
    expect(
      screen.getByText('Rreshtat e përmendur këtu u anashkaluan; gjithçka tjetër shfaqet.'),
    ).toBeInTheDocument();
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('counts data problems without a store, in the language of the address', () => {
    window.history.replaceState(null, '', '/?lang=sq');
    const { container } = render(<DataProblems problems={['one']} />);
    expect(screen.getByRole('heading', { name: '1 problem në të dhëna' })).toBeInTheDocument();
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('shows the last-resort error screen in Albanian', () => {
    window.history.replaceState(null, '', '/?lang=sq');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    function Broken(): ReactNode {
      throw new Error('Cannot read properties of undefined');
    }
    const { container } = render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    spy.mockRestore();
    expect(screen.getByRole('heading', { name: 'Diçka shkoi keq' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Hap Hartën pa cilësimet e kësaj lidhjeje' })).toBe(
      screen.getByRole('link'),
    );
    expect(englishLeftIn(container)).toEqual([]);
  });
});

import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app';
import type { CreateMapAdapter, MapCallbacks, MapModel } from '../../src/domain/map-model';
import {
  bundledDataFiles as files,
  bundledGazetteerText as gazetteerText,
  loadBundledData,
} from '../../src/io/bundled-data';
import { loadData } from '../../src/io/load-data';

/** A map adapter without WebGL: records what the app asks of the map, and lets tests click it. */
function fakeMap() {
  const models: MapModel[] = [];
  let callbacks: MapCallbacks | null = null;
  const create: CreateMapAdapter = (_container, given) => {
    callbacks = given;
    return {
      update: (model) => models.push(model),
      fitCountry: () => undefined,
      setView: () => undefined,
      destroy: () => undefined,
    };
  };
  return {
    load: () => Promise.resolve(create),
    lastModel: () => models[models.length - 1],
    click: (level: 'county' | 'municipality', id: string) =>
      act(() => callbacks?.onAreaClick({ level, id })),
    /** The map reports its first drawing. */
    ready: () => act(() => callbacks?.onReady?.()),
  };
}

function renderApp(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  const map = fakeMap();
  const view = render(<App data={loadBundledData()} loadMapAdapter={map.load} />);
  return { map, ...view };
}

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => window.history.replaceState(null, '', '/'));

describe('dashboard', () => {
  it('ranks hotspots with little presence first in the gaps panel', async () => {
    renderApp();
    const list = await screen.findByRole('list', { name: 'Municipalities ranked by gap' });
    const first = within(list).getAllByRole('button')[0];
    expect(first).toHaveTextContent(/^1\s*Bulqizë/);
    expect(first).toHaveTextContent('Priority hotspot');
  });

  it('opens a municipality clicked on the map, with its organisations, and puts it in the URL', async () => {
    const { map } = renderApp();
    await screen.findByRole('list', { name: 'Municipalities ranked by gap' });
    map.click('municipality', 'AL212');
    const panel = await screen.findByRole('region', { name: /^Cërrik/ });
    expect(
      within(panel).getByRole('heading', { name: 'Organisations naming Cërrik (6)' }),
    ).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'CoDe Albania' })).toBeInTheDocument();
    expect(window.location.search).toContain('sel=m%3AAL212');
    expect(map.lastModel()?.selected).toEqual({ level: 'municipality', id: 'AL212' });
  });

  it('highlights every area of a selected organisation on the map', async () => {
    const user = userEvent.setup();
    const { map } = renderApp('?sel=m:AL212');
    const panel = await screen.findByRole('region', { name: /^Cërrik/ });
    const [anotherVision] = within(panel).getAllByRole('button', {
      name: '“Another Vision” Center',
    });
    if (!anotherVision) throw new Error('not listed');
    await user.click(anotherVision);
    expect(
      await screen.findByRole('region', { name: /^“Another Vision” Center/ }),
    ).toBeInTheDocument();
    // Annex I row 23: "District of Elbasan (District of Prrenjas, Cerrik, Elbasan)", narrowed.
    expect(map.lastModel()?.highlighted).toEqual([
      { level: 'municipality', id: 'AL217' },
      { level: 'municipality', id: 'AL212' },
      { level: 'municipality', id: 'AL213' },
    ]);
  });

  it('filters map, panels and charts together', async () => {
    const user = userEvent.setup();
    const { map } = renderApp();
    await screen.findByRole('list', { name: 'Municipalities ranked by gap' });
    const before = map.lastModel();
    await user.click(screen.getByText('Activity types', { selector: 'summary' }));
    await user.click(
      screen.getByRole('checkbox', { name: 'Rehabilitation, de-radicalisation and reintegration' }),
    );
    // Annex I rows 3, 17, 40 and 53.
    expect(
      screen.getByText(/^4 of 55 organisations/, { selector: '.filter-summary' }),
    ).toBeInTheDocument();
    const after = map.lastModel();
    expect(after).not.toBe(before);
    expect(after?.counties.every((county) => county.value === 0)).toBe(true);
    // The address follows once the changes pause (src/io/url-sync.ts).
    await waitFor(() =>
      expect(window.location.search).toContain('act=rehabilitation-reintegration'),
    );
  });

  it('restores filters and selection from a copied link', async () => {
    renderApp('?act=training&sel=c:AL021&tab=area');
    expect(
      await screen.findByRole('region', { name: /^Elbasan: county details/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: 'Training and capacity building', hidden: true }),
    ).toBeChecked();
  });

  it('says what was wrong with a bad link, apart from data problems, and can be dismissed', async () => {
    const user = userEvent.setup();
    renderApp('?sel=m:AL999&act=nonsense');
    const notice = await screen.findByRole('status', { name: 'About this link' });
    expect(notice).toHaveTextContent('The link selects "m:AL999"');
    expect(notice).toHaveTextContent('unknown activity types: nonsense');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(window.location.search).toBe('');
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status', { name: 'About this link' })).not.toBeInTheDocument();
  });

  it('finds Kukës from "kukesi" and Kamëz from a village', async () => {
    const user = userEvent.setup();
    renderApp();
    const search = await screen.findByLabelText(/find an organisation, municipality/i);
    await user.type(search, 'kukesi');
    await user.click(screen.getByRole('button', { name: /^Kukës Municipality/ }));
    expect(await screen.findByRole('region', { name: /^Kukës: municipality/ })).toBeInTheDocument();
    await user.type(search, 'paskuqan{Enter}');
    expect(await screen.findByRole('region', { name: /^Kamëz: municipality/ })).toBeInTheDocument();
  });

  it('switches the interface to Albanian and back, in the address and <html lang>', async () => {
    const user = userEvent.setup();
    renderApp('?sel=m%3AAL212');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'sq');
    expect(screen.getByRole('tab', { name: 'Boshllëqe' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Filtrat' })).toHaveTextContent(
      /55 nga 55 organizata/,
    );
    expect(screen.getByText(/në Shqipëri: 55 organizata, 61 bashki, 12 qarqe$/)).toBeVisible();
    expect(document.documentElement.lang).toBe('sq');
    expect(window.location.search).toMatch(/sel=m%3AAL212.*lang=sq|lang=sq.*sel=m%3AAL212/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Gjuha' }), 'en');
    expect(screen.getByRole('tab', { name: 'Gaps' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.location.search).not.toContain('lang=');
  });

  it('opens in Albanian from ?lang=sq, and says so when a link asks for a language it lacks', async () => {
    renderApp('?lang=sq');
    expect(await screen.findByRole('tab', { name: 'Të dhëna' })).toBeInTheDocument();
    expect(screen.getByRole('search')).toHaveTextContent(
      'Gjej një organizatë, bashki, qytet ose fshat',
    );
    renderApp('?lang=de');
    expect(await screen.findByText(/language "de", which Harta does not have/)).toBeVisible();
  });

  it('credits GeoNames and Natural Earth', () => {
    renderApp();
    const footer = screen.getByRole('contentinfo');
    expect(footer).toHaveTextContent(/GeoNames/);
    expect(footer).toHaveTextContent(/Natural Earth/);
  });
});

describe('dashboard on hostile or broken data', () => {
  const [header, firstRow, ...rest] = files.organisations.trimEnd().split('\n');

  it('shows an injected name as text and never runs it', async () => {
    const hostile = (firstRow ?? '').replace(
      'OSCE Presence in Albania',
      '<img src=x onerror="window.__pwned=1">',
    );
    const data = loadData(gazetteerText, {
      ...files,
      organisations: [header, hostile, ...rest].join('\n'),
    });
    const map = fakeMap();
    const { container } = render(<App data={data} loadMapAdapter={map.load} />);
    await userEvent.setup().click(screen.getByRole('tab', { name: 'Organisation' }));
    expect(
      screen.getByRole('button', { name: '<img src=x onerror="window.__pwned=1">' }),
    ).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('names the file, line and field of a bad row and keeps the others', () => {
    const broken = (firstRow ?? '').replace(',national,', ',planetary,');
    const data = loadData(gazetteerText, {
      ...files,
      organisations: [header, broken, ...rest].join('\n'),
    });
    render(<App data={data} loadMapAdapter={fakeMap().load} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'data/organisations.csv:2: scope: must be "national" or "local" (was "planetary")',
    );
    expect(
      screen.getByText(/^54 of 54 organisations/, { selector: '.filter-summary' }),
    ).toBeInTheDocument();
  });

  it('explains an unreadable gazetteer instead of crashing', () => {
    render(<App data={loadData('not json', files)} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/geo\/gazetteer\.json:1: not valid JSON/);
  });
});

describe('charts while the page opens', () => {
  it('wait for the map’s first drawing where a map can be drawn, then load', async () => {
    // As in a browser with WebGL: the charts must not compete with the map as it starts.
    Object.assign(window, { WebGL2RenderingContext: class {} });
    try {
      const { map } = renderApp();
      await screen.findByRole('list', { name: 'Municipalities ranked by gap' });
      // Long enough for the charts' code to load, were it asked for.
      await act(() => new Promise((resolve) => setTimeout(resolve, 500)));
      expect(screen.getByText('Loading charts…')).toBeInTheDocument();
      expect(screen.queryByRole('region', { name: 'Charts' })).toBeNull();
      map.ready();
      expect(await screen.findByRole('region', { name: 'Charts' })).toBeInTheDocument();
    } finally {
      delete (window as { WebGL2RenderingContext?: unknown }).WebGL2RenderingContext;
    }
  });
});

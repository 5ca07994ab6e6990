import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OverlapMatrix } from '../../src/components/overlap-matrix';
import { OverlapPanel } from '../../src/components/overlap-panel';
import type { HotspotEvidence, Organisation } from '../../src/domain/dataset';
import { createHartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { makeDataset, makeOrganisation } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

// Fixture gazetteer: AL212 Cërrik and AL213 Elbasan in Elbasan county (AL021); AL345 Pogradec.
const CERRIK = 'AL212';

const saturation: HotspotEvidence = {
  municipalityId: CERRIK,
  level: 0,
  kind: 'saturation-noted',
  document: 'fixture',
  location: 'Footnote 45',
  quote: 'with an abundance of operating organizations',
  note: '',
};

function renderOverlap(
  organisations: Organisation[],
  {
    evidence = [],
    show = 'panel',
  }: { evidence?: HotspotEvidence[]; show?: 'panel' | 'matrix' | 'both' } = {},
) {
  const dataset = makeDataset(organisations);
  dataset.hotspotEvidence = [...dataset.hotspotEvidence, ...evidence];
  const store = createHartaStore({ gazetteer: makeGazetteer(), dataset });
  render(
    <StoreProvider store={store}>
      {show !== 'matrix' ? <OverlapPanel /> : null}
      {show !== 'panel' ? <OverlapMatrix /> : null}
    </StoreProvider>,
  );
  return store;
}

const inCerrik = (id: string, name: string, fields: Partial<Organisation> = {}) =>
  makeOrganisation({
    id,
    name,
    municipalityIds: [CERRIK],
    activityTypes: ['awareness'],
    ...fields,
  });

const warnings = () => screen.queryByRole('list', { name: 'Overlaps, most crowded first' });

describe('OverlapPanel', () => {
  it('warns of two organisations doing awareness in the same municipality, naming both', () => {
    renderOverlap([inCerrik('a', 'Alpha'), inCerrik('b', 'Beta')]);
    const list = warnings();
    if (!list) throw new Error('no warnings');
    const items = [...list.children];
    expect(items).toHaveLength(1);
    const warning = items[0] as HTMLElement;
    expect(within(warning).getByRole('heading')).toHaveTextContent(
      'Cërrik — Awareness: 2 organisations',
    );
    expect(within(warning).getByRole('button', { name: 'Alpha' })).toBeInTheDocument();
    expect(within(warning).getByRole('button', { name: 'Beta' })).toBeInTheDocument();
    expect(warning).toHaveTextContent('Both work on Prevention.');
    expect(screen.getByText('1 overlap in 1 municipality, most crowded first.')).toBeVisible();
  });

  it('shows no warning for one organisation alone', () => {
    renderOverlap([inCerrik('a', 'Alpha'), inCerrik('b', 'Beta', { activityTypes: ['training'] })]);
    expect(warnings()).toBeNull();
    expect(screen.getByText(/^No overlaps: no municipality has two organisations/)).toBeVisible();
  });

  it('does not count an organisation working across the whole county', () => {
    renderOverlap([
      inCerrik('a', 'Alpha'),
      makeOrganisation({
        id: 'county',
        name: 'Elbasan County Group',
        countyIds: ['AL021'],
        activityTypes: ['awareness'],
      }),
    ]);
    expect(warnings()).toBeNull();
    expect(screen.getByText(/county or nationwide are not counted/)).toBeVisible();
  });

  it('selects the organisation when its name is clicked, and the municipality from its name', () => {
    const store = renderOverlap([inCerrik('a', 'Alpha'), inCerrik('b', 'Beta')]);
    fireEvent.click(screen.getByRole('button', { name: 'Beta' }));
    expect(store.getState().selection).toEqual({ kind: 'organisation', id: 'b' });
    expect(store.getState().tab).toBe('organisation');
    fireEvent.click(screen.getByRole('button', { name: 'Cërrik' }));
    expect(store.getState().selection).toEqual({ kind: 'municipality', id: CERRIK });
  });

  it('shows the municipality on the map while a warning is hovered or focused', () => {
    const store = renderOverlap([inCerrik('a', 'Alpha'), inCerrik('b', 'Beta')]);
    const alpha = screen.getByRole('button', { name: 'Alpha' });
    const warning = alpha.closest('li.overlap-warning');
    if (!warning) throw new Error('no warning');
    fireEvent.mouseEnter(warning);
    expect(store.getState().hovered).toEqual({ level: 'municipality', id: CERRIK });
    fireEvent.mouseLeave(warning);
    expect(store.getState().hovered).toBeNull();
    fireEvent.focus(alpha);
    expect(store.getState().hovered).toEqual({ level: 'municipality', id: CERRIK });
    // Focus moving to the next name in the same warning keeps the hover…
    fireEvent.blur(alpha, { relatedTarget: screen.getByRole('button', { name: 'Beta' }) });
    expect(store.getState().hovered).toEqual({ level: 'municipality', id: CERRIK });
    // …and leaving the warning clears it.
    fireEvent.blur(alpha, { relatedTarget: document.body });
    expect(store.getState().hovered).toBeNull();
  });

  it('updates the warnings when the activity filter changes', () => {
    const store = renderOverlap([
      inCerrik('a', 'Alpha', { activityTypes: ['awareness', 'training'] }),
      inCerrik('b', 'Beta', { activityTypes: ['awareness'] }),
      inCerrik('c', 'Gamma', { activityTypes: ['training'] }),
    ]);
    expect(screen.getByText('2 overlaps in 1 municipality, most crowded first.')).toBeVisible();
    act(() => store.getState().toggleActivityType('research'));
    expect(warnings()).toBeNull();
    expect(screen.getByText(/^No overlaps under the current filters/)).toBeVisible();
    act(() => store.getState().toggleActivityType('research'));
    act(() => store.getState().toggleActivityType('training'));
    // Beta does awareness only: it leaves, and so does the awareness overlap.
    expect(screen.getByText('1 overlap in 1 municipality, most crowded first.')).toBeVisible();
    expect(
      screen.getByRole('heading', { name: /Cërrik — Training: 2 organisations/ }),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Beta' })).toBeNull();
  });

  it("quotes the documents' context on the municipality, once", () => {
    renderOverlap(
      [
        inCerrik('a', 'Alpha', { activityTypes: ['awareness', 'training'] }),
        inCerrik('b', 'Beta', { activityTypes: ['awareness', 'training'] }),
        inCerrik('c', 'Gamma', { activityTypes: ['awareness'] }),
      ],
      { evidence: [saturation] },
    );
    const quotes = document.querySelectorAll('blockquote');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toHaveTextContent('with an abundance of operating organizations');
    const caption = quotes[0]?.closest('figure')?.querySelector('figcaption');
    expect(caption).toHaveTextContent('Fixture, Footnote 45.');
    // The most crowded warning (awareness, 3) carries the quote; the next one points to it.
    expect(quotes[0]?.closest('li')).toHaveTextContent('Awareness: 3 organisations');
    expect(screen.getByText('What the documents say about Cërrik is quoted above.')).toBeVisible();
  });

  it('marks planned interventions', () => {
    const store = renderOverlap([inCerrik('a', 'Alpha')]);
    act(() => {
      store.getState().addPlan({
        id: 'plan-1',
        area: { level: 'municipality', id: CERRIK },
        activityTypes: ['awareness'],
        organisationId: null,
        organisationName: 'Newcomer',
        start: null,
        end: null,
        note: '',
      });
      store.getState().setScenario('planned');
    });
    const newcomer = screen.getByRole('button', { name: 'Newcomer' });
    expect(newcomer.closest('li')).toHaveTextContent('Newcomer (planned)');
    expect(screen.getByRole('button', { name: 'Alpha' }).closest('li')).not.toHaveTextContent(
      'planned',
    );
  });
});

describe('OverlapMatrix', () => {
  const organisations = [
    inCerrik('a', 'Alpha'),
    inCerrik('b', 'Beta'),
    inCerrik('c', 'Gamma', { activityTypes: ['awareness', 'training'] }),
    makeOrganisation({
      id: 'p',
      name: 'Pogradec Youth',
      municipalityIds: ['AL345'],
      activityTypes: ['research'],
    }),
  ];

  it('names the first ten organisations of a crowded cell, then says how many more', () => {
    const crowd = Array.from({ length: 13 }, (_, index) =>
      inCerrik(`c${index}`, `Crowd ${String(index).padStart(2, '0')}`),
    );
    renderOverlap(crowd, { show: 'matrix' });
    const first = crowd
      .slice(0, 10)
      .map((organisation) => organisation.name)
      .join(', ');
    const cell = screen.getByRole('cell', {
      name: `Cërrik, Awareness: 13 organisations (overlap): ${first}, and 3 more`,
    });
    expect(cell).toHaveAttribute('title', cell.getAttribute('aria-label'));
    expect(cell).toHaveTextContent('13');
  });

  it('shows each count as text, with the names in its accessible name', () => {
    renderOverlap(organisations, { show: 'matrix' });
    const table = screen.getByRole('table', { name: /Organisations per municipality/ });
    const awareness = within(table).getByRole('cell', {
      name: 'Cërrik, Awareness: 3 organisations (overlap): Alpha, Beta, Gamma',
    });
    expect(awareness).toHaveTextContent('3 overlap');
    expect(awareness).toHaveClass('overlap');
    expect(awareness).toHaveAttribute('title', awareness.getAttribute('aria-label'));
    const training = within(table).getByRole('cell', {
      name: 'Cërrik, Training: 1 organisation: Gamma',
    });
    expect(training).toHaveTextContent(/^1$/);
    expect(training).not.toHaveClass('overlap');
    expect(
      within(table).getByRole('cell', { name: 'Cërrik, Research: no organisation' }),
    ).not.toHaveTextContent(/\d/);
    expect(within(table).getByRole('columnheader', { name: 'Awareness' })).toBeInTheDocument();
  });

  it('lists the municipalities some organisation names, most overlap first; the rest on demand', () => {
    renderOverlap(organisations, { show: 'matrix' });
    const rowNames = () =>
      screen.getAllByRole('rowheader').map((header) => header.textContent ?? '');
    expect(rowNames()).toEqual(['Cërrik', 'Pogradec']);
    fireEvent.click(screen.getByRole('checkbox', { name: /Show all municipalities/ }));
    expect(rowNames()).toHaveLength(makeGazetteer().municipalities.length);
    expect(rowNames().slice(0, 2)).toEqual(['Cërrik', 'Pogradec']);
    expect(rowNames()).toContain('Klos');
    fireEvent.click(screen.getByRole('checkbox', { name: /Show all municipalities/ }));
    expect(rowNames()).toEqual(['Cërrik', 'Pogradec']);
  });

  it('selects a municipality from its row, and filters by an activity type from its column', () => {
    const store = renderOverlap(organisations, { show: 'matrix' });
    fireEvent.click(screen.getByRole('button', { name: 'Pogradec' }));
    expect(store.getState().selection).toEqual({ kind: 'municipality', id: 'AL345' });
    const training = screen.getByRole('button', { name: 'Training' });
    expect(training).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(training);
    expect(store.getState().filters.activityTypes).toEqual(['training']);
    expect(screen.getByRole('button', { name: 'Training' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Only Gamma does training: Cërrik's awareness cell now counts Gamma alone.
    expect(
      screen.getByRole('cell', { name: 'Cërrik, Awareness: 1 organisation: Gamma' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('rowheader').map((header) => header.textContent)).toEqual([
      'Cërrik',
    ]);
    expect(screen.getByText(/Activity filter on: only organisations doing Training/)).toBeVisible();
  });

  it('counts overlaps only in the selected types when the activity filter is on, as the panel does', () => {
    const store = renderOverlap(
      [
        inCerrik('a', 'Alpha', { activityTypes: ['awareness', 'training'] }),
        inCerrik('b', 'Beta', { activityTypes: ['awareness', 'training'] }),
      ],
      { show: 'both' },
    );
    const total = () => {
      const row = screen.getByRole('rowheader', { name: 'Cërrik' }).closest('tr');
      return row?.querySelector('td:last-child')?.textContent;
    };
    expect(screen.getByRole('columnheader', { name: 'Types with overlap' })).toBeInTheDocument();
    expect(total()).toBe('2');
    act(() => store.getState().toggleActivityType('training'));
    // Both still do awareness too, so that cell stays an overlap; only training is counted.
    expect(
      screen.getByRole('cell', { name: /^Cërrik, Awareness: 2 organisations \(overlap\)/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('columnheader', { name: 'Selected types with overlap' }),
    ).toBeInTheDocument();
    expect(total()).toBe('1');
    expect(screen.getByText('1 overlap in 1 municipality, most crowded first.')).toBeVisible();
  });

  it('hovers the municipality on the map from its row header', () => {
    const store = renderOverlap(organisations, { show: 'matrix' });
    const cerrik = screen.getByRole('button', { name: 'Cërrik' });
    fireEvent.focus(cerrik);
    expect(store.getState().hovered).toEqual({ level: 'municipality', id: CERRIK });
    expect(cerrik.closest('tr')).toHaveClass('hovered');
    fireEvent.blur(cerrik);
    expect(store.getState().hovered).toBeNull();
  });
});

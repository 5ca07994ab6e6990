import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AreaPanel } from '../../src/components/area-panel';
import { GapsPanel } from '../../src/components/gaps-panel';
import { SidePanel } from '../../src/components/side-panel';
import type { PlannedIntervention } from '../../src/domain/plan';
import type { Selection } from '../../src/domain/view-state';
import { createHartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

function renderGaps(plans: PlannedIntervention[] = []) {
  const store = createHartaStore({ gazetteer: makeGazetteer(), dataset: makeDataset() }, { plans });
  render(
    <StoreProvider store={store}>
      <GapsPanel />
    </StoreProvider>,
  );
  return store;
}

const plan = (
  id: string,
  areaId: string,
  fields: Partial<PlannedIntervention> = {},
): PlannedIntervention => ({
  id,
  area: { level: 'municipality', id: areaId },
  activityTypes: ['training'],
  organisationId: null,
  organisationName: 'New Trainers',
  start: null,
  end: null,
  note: '',
  ...fields,
});

const municipalityList = () => screen.getByRole('list', { name: 'Municipalities ranked by gap' });

/** The ranking's rows as "rank name", e.g. "4= Dibër" (the visually hidden "(tied)" left out). */
const rankedRows = (list: HTMLElement) =>
  within(list)
    .getAllByRole('button', { pressed: false })
    .map((button) => {
      const rank = button.querySelector('.gap-rank');
      const visible = [...(rank?.childNodes ?? [])]
        .filter((node) => !(node instanceof HTMLElement && node.className === 'visually-hidden'))
        .map((node) => node.textContent)
        .join('');
      return `${visible} ${button.querySelector('.gap-name')?.firstChild?.textContent?.trim() ?? ''}`;
    });

describe('GapsPanel', () => {
  it('shows local, county-wide and nationwide presence separately, and the missing types', () => {
    renderGaps();
    const list = screen.getByRole('list', { name: 'Municipalities ranked by gap' });
    const cerrik = within(list).getByRole('button', { name: /Cërrik/ });
    expect(cerrik).toHaveTextContent('2 local · 1 county-wide · 1 nationwide (not counted)');
    expect(cerrik).toHaveTextContent('Every activity type is covered');
    const pogradec = within(list).getByRole('button', { name: /Pogradec/ });
    expect(pogradec).toHaveTextContent(
      'Nobody here: 2 of 3 activity types (Training, Research); 2 of them done by nationwide organisations',
    );
    const elbasan = within(list).getByRole('button', { name: /^12Elbasan/ });
    expect(elbasan).toHaveTextContent('Nobody here: 2 of 3 activity types (Awareness, Training)');
    expect(elbasan).toHaveTextContent('1 of them done by nationwide organisations');
  });

  it('counts an organisation once where a plan extends its work, in either picture', () => {
    const store = renderGaps([
      plan('plan-1', 'AL212', { organisationId: 'cerrik-one', organisationName: 'Cërrik One' }),
    ]);
    act(() => store.getState().setScenario('planned'));
    const cerrik = within(municipalityList()).getByRole('button', { name: /Cërrik/ });
    expect(cerrik).toHaveTextContent('2 local · 1 county-wide · 1 nationwide (not counted)');
  });

  it('marks tied ranks and says once that their order is by name', async () => {
    renderGaps();
    const list = municipalityList();
    // Eight quiet municipalities nobody names share 0.25: ranks 4 to 11, listed by name.
    expect(rankedRows(list)).toEqual([
      '1 Prrenjas',
      '2 Pogradec',
      '3 Cërrik',
      '4= Dibër',
      '5= Dimal',
      '6= Kamëz',
      '7= Klos',
      '8= Korçë',
      '9= Shkodër',
      '10= Tiranë',
      '11= Vau i Dejës',
      '12 Elbasan',
    ]);
    expect(within(list).getByRole('button', { name: /^7\(tied\)Klos/ })).toBeInTheDocument();
    const notes = within(list).getAllByText(/^Ranks \d+–\d+ share/);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toHaveTextContent(
      'Ranks 4–11 share a gap of 0.25, the same hotspot level and the same number of local organisations (0); their order is alphabetical.',
    );
    expect(notes[0]?.closest('li')).toHaveTextContent('Dibër');
    expect(screen.getByText('Why is Prrenjas number 1?')).toBeInTheDocument();
    const klosWhy = [...list.querySelectorAll('summary')].find((summary) =>
      summary.textContent?.includes('Klos'),
    );
    expect(klosWhy).toHaveTextContent('Why is Klos ranked 7= (tied)?');
    if (!klosWhy) throw new Error('no summary');
    fireEvent.click(klosWhy);
    expect(
      await screen.findByRole('table', { name: /inputs of the gap score of Klos/i }),
    ).toHaveTextContent('rank 7= (tied: ranks 4–11 share it; listed by name)');
  });

  it('marks tied counties too', () => {
    const store = renderGaps();
    act(() => store.getState().setGapLevel('county'));
    const counties = screen.getByRole('list', { name: 'Counties ranked by gap' });
    expect(rankedRows(counties)).toEqual([
      '1 Elbasan',
      '2 Korçë',
      '3= Dibër',
      '4= Shkodër',
      '5= Tiranë',
    ]);
    expect(
      within(counties).getByText(/^Ranks 3–5 share a gap of 0\.25 and the same highest hotspot/),
    ).toBeInTheDocument();
  });

  it('shows "With plans" only on the rows whose gap the plans change', () => {
    renderGaps([plan('plan-1', 'AL113')]);
    const list = municipalityList();
    const klos = within(list).getByRole('button', { name: /Klos/ });
    expect(klos).toHaveTextContent('With plans: gap 0.25 → 0.15, rank 7 → 12');
    // Korçë moves up a rank as Klos leaves the tie, but its gap is unchanged: nothing to say.
    expect(within(list).getAllByText(/^With plans/)).toHaveLength(1);
    expect(within(list).getByRole('button', { name: /Korçë \(Korçë\)/ })).not.toHaveTextContent(
      'With plans',
    );
  });

  it('counts nationwide organisations at the weight chosen, and the ranking follows', () => {
    const store = renderGaps();
    expect(store.getState().nationwideWeight).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Count them at 0.1' }));
    expect(store.getState().nationwideWeight).toBe(0.1);
    const slider = screen.getByRole('slider', { name: /weight of each nationwide organisation/i });
    fireEvent.change(slider, { target: { value: '0.35' } });
    expect(store.getState().nationwideWeight).toBe(0.35);
    const list = screen.getByRole('list', { name: 'Municipalities ranked by gap' });
    const pogradec = within(list).getByRole('button', { name: /Pogradec/ });
    expect(pogradec).toHaveTextContent('Nobody here: 2 of 3 activity types (Training, Research)');
    expect(pogradec).toHaveTextContent('1 nationwide (× 0.35)');
    fireEvent.click(screen.getByRole('button', { name: "Don't count them" }));
    expect(store.getState().nationwideWeight).toBe(0);
    // A link's nw=0.33 shows as 0.33, not snapped to a coarser step.
    act(() => store.getState().setNationwideWeight(0.33));
    expect(slider).toHaveValue('0.33');
    expect(slider).toHaveAttribute('step', '0.01');
    expect(screen.getByText('0.33', { selector: 'output' })).toBeInTheDocument();
  });

  it('opens the inputs of a score on demand, and ranks counties too', async () => {
    renderGaps();
    const why = screen.getByText('Why is Prrenjas number 1?');
    expect(
      screen.queryByRole('table', { name: /inputs of the gap score of Prrenjas/i }),
    ).toBeNull();
    fireEvent.click(why);
    const table = await screen.findByRole('table', {
      name: /inputs of the gap score of Prrenjas/i,
    });
    expect(table).toHaveTextContent('0.25 + 0.25 × hotspot level 3 = 1.00');
    expect(table).toHaveTextContent('0 named × 1 + 1 county-wide × 0.5 + 1 nationwide × 0 = 0.5');
    expect(table).toHaveTextContent('1.00 × (1 − 0.22) = 0.78, rank 1');
    // Nobody names another municipality for training either: reach says so.
    expect(screen.getByText(/Nearest place doing what is missing here/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'Counties' }));
    const counties = screen.getByRole('list', { name: 'Counties ranked by gap' });
    expect(within(counties).getAllByRole('button')[0]).toHaveTextContent(/Elbasan/);
    fireEvent.click(screen.getByText('Why is Elbasan county number 1?'));
    // (1 × 0.779 + 1 × 0.287 + 0.25 × 0.195) / 2.25
    const sentence = await screen.findByText(/^Elbasan county: gap/);
    expect(sentence).toHaveTextContent(
      /Σ need × gap = 1\.11\d, Σ need = 2\.25, 1\.11\d \/ 2\.25 = 0\.495\.$/,
    );
  });

  it('keeps each row in its place when the ranking changes, and an open explanation with its area', async () => {
    const store = renderGaps();
    const list = municipalityList();
    const secondRow = list.children[1];
    expect(secondRow).toHaveTextContent(/^2Pogradec/);
    fireEvent.click(screen.getByText('Why is Pogradec number 2?'));
    await screen.findByRole('table', { name: /inputs of the gap score of Pogradec/i });
    // Awareness only: Cërrik (a local awareness organisation is missing there) moves above
    // Pogradec.
    act(() => store.getState().toggleActivityType('awareness'));
    expect(rankedRows(list).slice(0, 3)).toEqual(['1 Prrenjas', '2 Cërrik', '3 Pogradec']);
    // The same element, now showing Cërrik: rows are not moved in the document (that is what
    // made a filter change slow), their content changes.
    expect(list.children[1]).toBe(secondRow);
    const whyOf = (name: string) =>
      screen.getByText(new RegExp(`^Why is ${name} number`)).closest('details');
    expect(whyOf('Pogradec')).toHaveAttribute('open');
    expect(whyOf('Cërrik')).not.toHaveAttribute('open');
    expect(
      screen.getByRole('table', { name: /inputs of the gap score of Pogradec/i }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /inputs of the gap score of Cërrik/i })).toBeNull();
    // Closed again by the user, it stays closed when the ranking goes back.
    fireEvent.click(screen.getByText('Why is Pogradec number 3?'));
    await waitFor(() =>
      expect(
        screen.queryByRole('table', { name: /inputs of the gap score of Pogradec/i }),
      ).toBeNull(),
    );
    act(() => store.getState().toggleActivityType('awareness'));
    expect(whyOf('Pogradec')).not.toHaveAttribute('open');
  });

  it('lists what is missing, the types only nationwide organisations do, and planned reach', async () => {
    const store = renderGaps([plan('plan-1', 'AL113')]);
    act(() => store.getState().setScenario('planned'));
    fireEvent.click(screen.getByText('Why is Prrenjas number 1?'));
    const table = await screen.findByRole('table', {
      name: /inputs of the gap score of Prrenjas/i,
    });
    const missing = within(table).getByRole('rowheader', { name: 'Missing' }).closest('tr');
    expect(missing).toHaveTextContent('Awareness, Training (2 of 3)');
    expect(missing).toHaveTextContent('Of these, only nationwide organisations do: Training');
    // The nearest training is the plan in Klos (every fixture seat is at the same point).
    const reach = screen.getByText('Training', { selector: '.reach-type' }).closest('li');
    expect(reach).toHaveTextContent('Klos 0 km (New Trainers (planned))');
  });

  it('selects a municipality on click and shows it on the map on hover or focus', () => {
    const store = renderGaps();
    const button = screen.getByRole('button', { name: /Prrenjas/ });
    fireEvent.mouseEnter(button);
    expect(store.getState().hovered).toEqual({ level: 'municipality', id: 'AL217' });
    fireEvent.mouseLeave(button);
    expect(store.getState().hovered).toBeNull();
    fireEvent.focus(button);
    expect(store.getState().hovered).toEqual({ level: 'municipality', id: 'AL217' });
    fireEvent.click(button);
    expect(store.getState().selection).toEqual({ kind: 'municipality', id: 'AL217' });
    expect(store.getState().tab).toBe('area');
  });
});

describe('Gaps panel in the side panel', () => {
  function renderSidePanel(selection: Selection | null = null) {
    const store = createHartaStore(
      { gazetteer: makeGazetteer(), dataset: makeDataset() },
      { selection },
    );
    render(
      <StoreProvider store={store}>
        <SidePanel files={{ download: vi.fn(), readText: vi.fn(), readBytes: vi.fn() }} />
      </StoreProvider>,
    );
    return store;
  }

  it('keeps Municipalities or Counties across a tab switch', () => {
    renderSidePanel();
    fireEvent.click(screen.getByRole('radio', { name: 'Counties' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Overlap' }));
    expect(screen.queryByRole('radio', { name: 'Counties' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Gaps' }));
    expect(screen.getByRole('radio', { name: 'Counties' })).toBeChecked();
    expect(screen.getByRole('list', { name: 'Counties ranked by gap' })).toBeInTheDocument();
  });

  it('opens a selection at the top of the Area panel, with focus on its heading', () => {
    renderSidePanel();
    const panel = screen.getByRole('tabpanel');
    panel.scrollTop = 300;
    fireEvent.click(screen.getByRole('button', { name: /Klos/ }));
    expect(screen.getByRole('tab', { name: 'Area' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { level: 2, name: 'Klos' })).toHaveFocus();
    expect(panel.scrollTop).toBe(0);
  });
});

describe('AreaPanel', () => {
  function renderArea(selection: Selection) {
    const dataset = makeDataset();
    dataset.hotspotEvidence = dataset.hotspotEvidence.map((item) =>
      item.municipalityId === 'AL212' ? { ...item, kind: 'pcve-partner-municipality' } : item,
    );
    const store = createHartaStore(
      { gazetteer: makeGazetteer(), dataset },
      {
        selection,
        tab: 'area',
        plans: [
          plan('plan-1', 'AL212', { organisationId: 'cerrik-one', organisationName: 'Cërrik One' }),
        ],
      },
    );
    store.getState().setScenario('planned');
    render(
      <StoreProvider store={store}>
        <AreaPanel />
      </StoreProvider>,
    );
    return store;
  }

  it('writes evidence kinds in words and shows the focus types of those naming the place', () => {
    renderArea({ kind: 'municipality', id: 'AL212' });
    expect(screen.getByText(/^Level 3 \(P\/CVE partner municipality\):/)).toBeInTheDocument();
    const focus = screen.getByRole('heading', { name: 'Focus types' }).closest('div');
    expect(focus).toHaveTextContent('Present: Prevention');
    expect(focus).toHaveTextContent('Nobody does: Rehabilitation');
  });

  it("counts each county municipality's implementers once, and limits types to the filter", () => {
    const store = renderArea({ kind: 'county', id: 'AL021' });
    const section = screen.getByRole('heading', {
      name: 'Municipalities of Elbasan',
    }).parentElement;
    if (!section) throw new Error('no section');
    const cerrik = within(section).getByRole('button', { name: 'Cërrik' }).closest('li');
    // Cërrik One's planned extension there is not a second organisation.
    expect(cerrik).toHaveTextContent('Cërrik 2 organisations naming it');
    act(() => store.getState().toggleActivityType('training'));
    const types = screen.getByRole('heading', { name: /^Activity types/ }).closest('div');
    expect(types).toHaveTextContent('Activity types (those selected in the filters)');
    expect(types).toHaveTextContent('Training');
    expect(types).not.toHaveTextContent('Awareness');
    expect(types).not.toHaveTextContent('Research');
    expect(
      screen.getByText(/nationwide organisations count only in the gap, at the weight set in Gaps/),
    ).toHaveTextContent('(now 0: not counted)');
  });
});

describe('FiltersBar dropdowns', () => {
  async function renderFiltersBar() {
    const { FiltersBar } = await import('../../src/components/filters-bar');
    const store = createHartaStore({ gazetteer: makeGazetteer(), dataset: makeDataset() });
    render(
      <StoreProvider store={store}>
        <FiltersBar />
        <p>elsewhere</p>
      </StoreProvider>,
    );
    return store;
  }

  it('close on Escape and on a click elsewhere', async () => {
    await renderFiltersBar();
    const summary = screen.getByText('Activity types', { selector: 'summary' });
    const details = summary.closest('details');
    if (!details) throw new Error('no dropdown');
    details.open = true;
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Training' }), { key: 'Escape' });
    expect(details.open).toBe(false);
    details.open = true;
    fireEvent.pointerDown(screen.getByText('elsewhere'));
    expect(details.open).toBe(false);
    details.open = true;
    fireEvent.pointerDown(screen.getByRole('checkbox', { name: 'Training' }));
    expect(details.open).toBe(true);
  });

  it('touches only the choice that changed when a filter changes', async () => {
    const store = await renderFiltersBar();
    const training = screen.getByRole('checkbox', { name: 'Training' });
    const others = screen
      .getAllByRole('checkbox', { hidden: true })
      .filter((box) => box !== training && box.closest('.choice-list') !== null);
    expect(others.length).toBeGreaterThan(3);
    const written: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) written.push(record.target);
    });
    for (const box of others)
      observer.observe(box.closest('label') ?? box, {
        subtree: true,
        attributes: true,
        characterData: true,
        childList: true,
      });
    fireEvent.click(training);
    expect(store.getState().filters.activityTypes).toEqual(['training']);
    expect(training).toBeChecked();
    await Promise.resolve();
    observer.disconnect();
    // React re-wrote every checkbox's attributes on each filter change; only the one clicked
    // changes now.
    expect(written).toEqual([]);
  });
});

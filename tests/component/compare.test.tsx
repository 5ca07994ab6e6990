import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ComparePanel } from '../../src/components/compare-panel';
import { SidePanel } from '../../src/components/side-panel';
import type { PlannedIntervention } from '../../src/domain/plan';
import type { AreaRef } from '../../src/domain/view-state';
import { createHartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

const PRRENJAS: AreaRef = { level: 'municipality', id: 'AL217' };
const KORCE_COUNTY: AreaRef = { level: 'county', id: 'AL034' };

function renderCompare(
  compare: [AreaRef | null, AreaRef | null],
  plans: PlannedIntervention[] = [],
) {
  const store = createHartaStore(
    { gazetteer: makeGazetteer(), dataset: makeDataset() },
    { compare, tab: 'compare', plans },
  );
  if (plans.length > 0) store.getState().setScenario('planned');
  render(
    <StoreProvider store={store}>
      <ComparePanel />
    </StoreProvider>,
  );
  return store;
}

const cellsOf = (row: HTMLTableRowElement) => [...row.querySelectorAll('th, td')];

/** The cells of the row whose header is `label`, as text, label first. */
function rowTexts(label: string | RegExp, index = 0): string[] {
  const header = screen.getAllByRole('rowheader', { name: label })[index];
  const row = header?.closest('tr');
  if (!row) throw new Error(`no row ${String(label)}`);
  return cellsOf(row).map((cell) => cell.textContent ?? '');
}

const table = () => screen.getByRole('table');

describe('ComparePanel', () => {
  it('explains how to start when no area is chosen', () => {
    renderCompare([null, null]);
    expect(screen.getByText(/Pick two areas above to see them side by side/)).toBeInTheDocument();
    expect(screen.getByText(/press “Compare” in an area’s panel/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Swap A and B' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Clear area A' })).toBeDisabled();
  });

  it('offers each county, then its municipalities, in labelled selects', () => {
    renderCompare([null, null]);
    const select = screen.getByRole('combobox', { name: 'Area A' });
    const dibra = within(select).getByRole('group', { name: 'Dibër' });
    expect(
      within(dibra)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Dibër county', 'Dibër', 'Klos']);
    expect(screen.getByRole('combobox', { name: 'Area B' })).toHaveValue('');
  });

  it('shows a municipality and a county side by side, with exact figures', () => {
    renderCompare([PRRENJAS, KORCE_COUNTY]);
    const headers = within(table())
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Measure', 'A Prrenjas', 'B Korçë county']);
    expect(rowTexts('Kind')).toEqual([
      'Kind',
      'Municipality in Elbasan county',
      'County (qark), 2 municipalities',
    ]);
    expect(rowTexts('Hotspot')).toEqual([
      'Hotspot',
      'Priority hotspot level 3 (1 passage)',
      'Hotspot: partner / council level 2 (highest of its municipalities; 1 of 2 are hotspots, 1 passage)',
    ]);
    expect(rowTexts('Gap score')).toEqual([
      'Gap score',
      '0.78higherrank 1 of 12',
      '0.40rank 2 of 5 counties',
    ]);
    expect(rowTexts('Local organisations')).toEqual([
      'Local organisations',
      '0 naming it',
      '1 anywhere in it',
    ]);
    expect(rowTexts('County-wide')).toEqual([
      'County-wide',
      '1 naming its county',
      '0 naming the whole county (counted above)',
    ]);
    expect(rowTexts('Nationwide')).toEqual(['Nationwide', '1 (not counted)', '1 (not counted)']);
    expect(rowTexts('Distinct implementers')).toEqual(['Distinct implementers', '1', '1']);
    expect(
      screen.getByText(
        'Prrenjas has a higher gap (0.78 vs 0.40): 0 organisations name it against 1; ' +
          '1 activity type is done in Korçë county but not in Prrenjas.',
      ),
    ).toBeInTheDocument();
  });

  it('marks the activity and focus types present in only one of the two, in words', () => {
    renderCompare([PRRENJAS, KORCE_COUNTY]);
    expect(rowTexts(/^Awareness/)).toEqual(['Awarenessdiffers', '✗ No', '✓ Yes']);
    expect(rowTexts(/^Training/)).toEqual(['Training', '✗ No', '✗ No']);
    expect(rowTexts(/^Research/)).toEqual(['Researchdiffers', '✓ Yes', '✗ No']);
    expect(rowTexts(/^Prevention/)).toEqual(['Preventiondiffers', '✓ Yes', '✗ No']);
    const training = screen.getByRole('rowheader', { name: 'Training' }).closest('tr');
    const awareness = screen.getByRole('rowheader', { name: /^Awareness/ }).closest('tr');
    expect(training).not.toHaveClass('differs');
    expect(awareness).toHaveClass('differs');
    expect(screen.getByText('(4 of 5 types differ)')).toBeInTheDocument();
  });

  it('hides the types both or neither have under "Only differences"', async () => {
    const user = userEvent.setup();
    renderCompare([PRRENJAS, KORCE_COUNTY]);
    expect(screen.getByRole('rowheader', { name: 'Training' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Only differences' }));
    expect(screen.queryByRole('rowheader', { name: 'Training' })).not.toBeInTheDocument();
    for (const label of [/^Awareness/, /^Research/, /^Prevention/, /^Rehabilitation/]) {
      expect(screen.getByRole('rowheader', { name: label })).toBeInTheDocument();
    }
    // The figures stay.
    expect(screen.getByRole('rowheader', { name: 'Gap score' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Only differences' }));
    expect(screen.getByRole('rowheader', { name: 'Training' })).toBeInTheDocument();
  });

  it('says so when nothing differs, with only differences shown', async () => {
    const user = userEvent.setup();
    // Cërrik and Elbasan county have the same activity and focus types.
    renderCompare([
      { level: 'municipality', id: 'AL212' },
      { level: 'county', id: 'AL021' },
    ]);
    await user.click(screen.getByRole('checkbox', { name: 'Only differences' }));
    expect(screen.getByText('No differences in activity types.')).toBeInTheDocument();
    expect(screen.getByText('No differences in focus types.')).toBeInTheDocument();
    expect(screen.queryByText('differs')).not.toBeInTheDocument();
  });

  it('swaps the two sides', async () => {
    const user = userEvent.setup();
    const store = renderCompare([PRRENJAS, KORCE_COUNTY]);
    await user.click(screen.getByRole('button', { name: 'Swap A and B' }));
    expect(store.getState().compare).toEqual([KORCE_COUNTY, PRRENJAS]);
    expect(screen.getByRole('combobox', { name: 'Area A' })).toHaveValue('county:AL034');
    expect(rowTexts(/^Awareness/)).toEqual(['Awarenessdiffers', '✓ Yes', '✗ No']);
    expect(rowTexts('Gap score')[1]).toBe('0.40rank 2 of 5 counties');
  });

  it('puts what the selects choose into the store, and clears a side', async () => {
    const user = userEvent.setup();
    const store = renderCompare([null, null]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Area A' }), 'Elbasan county');
    expect(store.getState().compare).toEqual([{ level: 'county', id: 'AL021' }, null]);
    expect(screen.getByText('Pick a second area to compare with Elbasan county.')).toBeVisible();
    expect(rowTexts('Kind')).toEqual(['Kind', 'County (qark), 3 municipalities', '—not chosen']);
    expect(screen.getByRole('checkbox', { name: 'Only differences' })).toBeDisabled();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Area B' }), 'Pogradec');
    expect(store.getState().compare).toEqual([
      { level: 'county', id: 'AL021' },
      { level: 'municipality', id: 'AL345' },
    ]);
    expect(screen.getByText(/^Elbasan county has a higher gap \(0\.49 vs 0\.46\)/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Clear area A' }));
    expect(store.getState().compare).toEqual([null, { level: 'municipality', id: 'AL345' }]);
    expect(screen.getByRole('combobox', { name: 'Area A' })).toHaveValue('');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Area B' }), '');
    expect(store.getState().compare).toEqual([null, null]);
    expect(screen.getByText(/Pick two areas above/)).toBeInTheDocument();
  });

  it('lists the organisations as buttons that open them', async () => {
    const user = userEvent.setup();
    const store = renderCompare([PRRENJAS, KORCE_COUNTY]);
    const local = screen.getAllByRole('rowheader', { name: 'Local' })[0]?.closest('tr');
    if (!local) throw new Error('no Local row');
    const [, prrenjasCell, korceCell] = cellsOf(local);
    expect(prrenjasCell).toHaveTextContent('None');
    expect(korceCell).toHaveTextContent('In its municipalities:Pogradec Youth');
    expect(
      within(table()).getByRole('button', { name: 'Elbasan County Group' }),
    ).toBeInTheDocument();
    await user.click(screen.getByText('1 organisation, the same for every area'));
    expect(within(table()).getByRole('button', { name: 'National Donor' })).toBeVisible();
    await user.click(within(table()).getByRole('button', { name: 'Pogradec Youth' }));
    expect(store.getState().selection).toEqual({ kind: 'organisation', id: 'pogradec-youth' });
    expect(store.getState().tab).toBe('organisation');
  });

  it('selects an area from its column heading without leaving the compare view', async () => {
    const user = userEvent.setup();
    const store = renderCompare([PRRENJAS, KORCE_COUNTY]);
    await user.click(screen.getByRole('button', { name: 'Korçë county' }));
    expect(store.getState().selection).toEqual({ kind: 'county', id: 'AL034' });
    expect(store.getState().tab).toBe('compare');
  });

  it('keeps the panel where it was when an area is picked from it', async () => {
    const user = userEvent.setup();
    const store = createHartaStore(
      { gazetteer: makeGazetteer(), dataset: makeDataset() },
      { compare: [PRRENJAS, KORCE_COUNTY], tab: 'compare' },
    );
    render(
      <StoreProvider store={store}>
        <SidePanel files={{ download: vi.fn(), readText: vi.fn(), readBytes: vi.fn() }} />
      </StoreProvider>,
    );
    const panel = screen.getByRole('tabpanel');
    panel.scrollTop = 250;
    const korce = screen.getByRole('button', { name: 'Korçë county' });
    await user.click(korce);
    expect(store.getState().selection).toEqual({ kind: 'county', id: 'AL034' });
    expect(store.getState().tab).toBe('compare');
    expect(panel.scrollTop).toBe(250);
    expect(screen.getByRole('heading', { level: 2, name: 'Compare two areas' })).not.toHaveFocus();
    expect(korce).toHaveFocus();
    // In the Area tab the same choice opens at the top, on its heading.
    await user.click(screen.getByRole('tab', { name: 'Area' }));
    panel.scrollTop = 250;
    const [pogradec] = screen.getAllByRole('button', { name: 'Pogradec' });
    if (!pogradec) throw new Error('no Pogradec');
    await user.click(pogradec);
    expect(panel.scrollTop).toBe(0);
    expect(screen.getByRole('heading', { level: 2, name: 'Pogradec' })).toHaveFocus();
  });

  it('marks planned interventions, and counts one implementer once', () => {
    renderCompare(
      [PRRENJAS, KORCE_COUNTY],
      [
        {
          id: 'plan-1',
          area: { level: 'municipality', id: 'AL217' },
          activityTypes: ['training'],
          organisationId: null,
          organisationName: 'Prrenjas Youth Centre',
          start: null,
          end: null,
          note: '',
        },
        {
          id: 'plan-2',
          area: { level: 'municipality', id: 'AL217' },
          activityTypes: ['awareness'],
          organisationId: null,
          organisationName: 'Prrenjas Youth Centre',
          start: null,
          end: null,
          note: '',
        },
      ],
    );
    expect(
      within(table()).getAllByRole('button', { name: 'Prrenjas Youth Centre (planned)' }),
    ).toHaveLength(2);
    expect(rowTexts('Local organisations')[1]).toBe('2 naming it');
    expect(rowTexts('Distinct implementers')).toEqual(['Distinct implementers', '2', '1']);
    expect(rowTexts(/^Training/)).toEqual(['Trainingdiffers', '✓ Yes', '✗ No']);
    expect(screen.getByText(/with the planned interventions/)).toBeInTheDocument();
  });
});

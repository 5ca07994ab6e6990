import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GapsPanel } from '../../src/components/gaps-panel';
import { createHartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

function renderGaps() {
  const store = createHartaStore({ gazetteer: makeGazetteer(), dataset: makeDataset() });
  render(
    <StoreProvider store={store}>
      <GapsPanel />
    </StoreProvider>,
  );
  return store;
}

describe('GapsPanel', () => {
  it('shows local, county-wide and nationwide presence separately, and the missing types', () => {
    renderGaps();
    const list = screen.getByRole('list', { name: 'Municipalities ranked by gap' });
    const cerrik = within(list).getByRole('button', { name: /Cërrik/ });
    expect(cerrik).toHaveTextContent('2 local · 1 county-wide · 1 nationwide (not counted)');
    expect(cerrik).toHaveTextContent('Every activity type is covered');
    const pogradec = within(list).getByRole('button', { name: /Pogradec/ });
    expect(pogradec).toHaveTextContent('Nobody here: 2 of 3 activity types (Training, Research)');
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
    expect(pogradec).toHaveTextContent('Every activity type is covered');
    expect(pogradec).toHaveTextContent('1 nationwide (× 0.35)');
    fireEvent.click(screen.getByRole('button', { name: "Don't count them" }));
    expect(store.getState().nationwideWeight).toBe(0);
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

describe('FiltersBar dropdowns', () => {
  it('close on Escape and on a click elsewhere', async () => {
    const { FiltersBar } = await import('../../src/components/filters-bar');
    const store = createHartaStore({ gazetteer: makeGazetteer(), dataset: makeDataset() });
    render(
      <StoreProvider store={store}>
        <FiltersBar />
        <p>elsewhere</p>
      </StoreProvider>,
    );
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
});

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

  it('counts nationwide organisations when the toggle is on, and the ranking follows', () => {
    const store = renderGaps();
    const before = store.getState().countNationwide;
    fireEvent.click(screen.getByRole('checkbox', { name: /count nationwide organisations/i }));
    expect(store.getState().countNationwide).toBe(!before);
    const pogradec = within(
      screen.getByRole('list', { name: 'Municipalities ranked by gap' }),
    ).getByRole('button', {
      name: /Pogradec/,
    });
    expect(pogradec).toHaveTextContent('Every activity type is covered');
    expect(pogradec).not.toHaveTextContent('(not counted)');
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

import { act, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createHartaStore, subscribeFirst, type HartaState } from '../../src/store/harta-store';
import { StoreContext, useHarta } from '../../src/store/store-context';
import { makeDataset, makeOrganisation } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

function fixtureStore() {
  return createHartaStore({
    gazetteer: makeGazetteer(),
    dataset: makeDataset([
      makeOrganisation({ id: 'a', municipalityIds: ['AL212'], activityTypes: ['awareness'] }),
    ]),
  });
}

describe('subscribeFirst', () => {
  it('is told of a change before listeners that subscribed earlier with subscribe', () => {
    const store = fixtureStore();
    const heard: string[] = [];
    store.subscribe(() => heard.push('earlier'));
    subscribeFirst(store, (state, previous) =>
      heard.push(`first ${previous.filters.scope}→${state.filters.scope}`),
    );
    store.getState().setScope('local');
    expect(heard).toEqual(['first all→local', 'earlier']);
  });

  it('is not told again once unsubscribed, and the others still are', () => {
    const store = fixtureStore();
    const heard: string[] = [];
    store.subscribe(() => heard.push('other'));
    const stop = subscribeFirst(store, () => heard.push('first'));
    stop();
    store.getState().setScope('local');
    expect(heard).toEqual(['other']);
  });

  it('does not keep a change from later listeners when it throws, and reports its error', () => {
    const store = fixtureStore();
    const heard: string[] = [];
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    store.subscribe(() => heard.push('panel'));
    subscribeFirst(store, () => {
      throw new Error('map adapter failed');
    });
    store.getState().setScope('local');
    expect(heard).toEqual(['panel']);
    expect(store.getState().filters.scope).toBe('local');
    expect(reported).toHaveBeenCalledTimes(1);
    expect(String(reported.mock.calls[0]?.[0])).toContain('map adapter failed');
    reported.mockRestore();
  });

  it('hears a change before a mounted component runs its selector for it (the map before the panels)', () => {
    const store = fixtureStore();
    const order: string[] = [];
    const selectScope = (state: HartaState) => {
      order.push(`panel reads ${state.filters.scope}`);
      return state.filters.scope;
    };
    function Panel() {
      return <p>{useHarta(selectScope)}</p>;
    }
    const view = render(
      <StoreContext.Provider value={store}>
        <Panel />
      </StoreContext.Provider>,
    );
    // The map subscribes after the page's components have mounted, as its adapter loads late.
    subscribeFirst(store, (state) => order.push(`map draws ${state.filters.scope}`));
    order.length = 0;
    act(() => store.getState().setScope('national'));
    expect(order[0]).toBe('map draws national');
    expect(order).toContain('panel reads national');
    expect(view.container.textContent).toBe('national');
  });
});

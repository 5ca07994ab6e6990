import { describe, expect, it } from 'vitest';
import { NO_FILTERS, sameFilters } from '../../src/domain/coverage';
import { createHartaStore } from '../../src/store/harta-store';
import { selectMapModel, selectMunicipalityCoverage } from '../../src/store/selectors';
import { makeDataset, makeOrganisation } from './fixtures/dataset-fixture';
import { makeGazetteer } from './fixtures/gazetteer-fixture';

// Fixture gazetteer: AL212 Cërrik. Two organisations there, one doing awareness, one training.
function fixtureStore() {
  return createHartaStore({
    gazetteer: makeGazetteer(),
    dataset: makeDataset([
      makeOrganisation({ id: 'a', municipalityIds: ['AL212'], activityTypes: ['awareness'] }),
      makeOrganisation({ id: 'b', municipalityIds: ['AL212'], activityTypes: ['training'] }),
    ]),
  });
}

describe('sameFilters', () => {
  it('compares every field, lists in order', () => {
    expect(sameFilters(NO_FILTERS, { ...NO_FILTERS })).toBe(true);
    expect(sameFilters(NO_FILTERS, { ...NO_FILTERS, activityTypes: ['awareness'] })).toBe(false);
    expect(sameFilters(NO_FILTERS, { ...NO_FILTERS, scope: 'local' })).toBe(false);
    expect(sameFilters(NO_FILTERS, { ...NO_FILTERS, hotspotsOnly: true })).toBe(false);
    expect(sameFilters(NO_FILTERS, { ...NO_FILTERS, text: 'x' })).toBe(false);
    expect(
      sameFilters(
        { ...NO_FILTERS, kinds: ['cso', 'fbo'] },
        { ...NO_FILTERS, kinds: ['fbo', 'cso'] },
      ),
    ).toBe(false);
  });
});

describe('going back to a filter set just left', () => {
  it('gives back the same filters and the same derived figures, computed once', () => {
    const store = fixtureStore();
    const before = store.getState();
    const coverage = selectMunicipalityCoverage(before);
    const model = selectMapModel(before);
    store.getState().toggleActivityType('awareness');
    const filtered = store.getState();
    expect(selectMunicipalityCoverage(filtered).get('AL212')?.counts.local).toBe(1);
    store.getState().toggleActivityType('awareness');
    const after = store.getState();
    expect(after.filters).toBe(before.filters);
    expect(selectMunicipalityCoverage(after)).toBe(coverage);
    expect(selectMapModel(after)).toBe(model);
    // And forward again: the filtered figures are remembered too.
    store.getState().toggleActivityType('awareness');
    expect(store.getState().filters).toBe(filtered.filters);
    expect(selectMunicipalityCoverage(store.getState())).toBe(selectMunicipalityCoverage(filtered));
  });

  it('through "Reset filters" and a restored view as well', () => {
    const store = fixtureStore();
    const unfiltered = store.getState().filters;
    store.getState().setScope('local');
    const local = store.getState().filters;
    store.getState().resetFilters();
    expect(store.getState().filters).toBe(unfiltered);
    store.getState().restore({ ...store.getState(), filters: { ...NO_FILTERS, scope: 'local' } });
    expect(store.getState().filters).toBe(local);
  });

  it('a new filter set is a new object', () => {
    const store = fixtureStore();
    const unfiltered = store.getState().filters;
    store.getState().setText('a');
    expect(store.getState().filters).not.toBe(unfiltered);
    expect(store.getState().filters.text).toBe('a');
  });
});

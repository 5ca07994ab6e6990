import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/domain/coverage';
import type { RestorableState } from '../../src/domain/view-state';
import {
  mergeUrlState,
  parseUrlState,
  serializeUrlState,
  type KnownIds,
} from '../../src/io/url-state';

const known: KnownIds = {
  activityTypes: new Set(['awareness', 'training']),
  focusTypes: new Set(['prevention']),
  kinds: new Set(['cso']),
  municipalities: new Set(['AL212']),
  counties: new Set(['AL021']),
  organisations: new Set(['center-for-youth-progress']),
};

const plain: RestorableState = {
  filters: NO_FILTERS,
  selection: null,
  tab: 'gaps',
  countNationwide: false,
  countyMeasure: { kind: 'organisations' },
  mapView: null,
};

describe('URL state', () => {
  it('leaves the URL plain for the default view', () => {
    expect(serializeUrlState(plain)).toBe('');
    expect(parseUrlState('', known)).toEqual({ state: plain, problems: [] });
  });

  it('round-trips filters, selection, panel, measure and map view', () => {
    const state: RestorableState = {
      filters: {
        activityTypes: ['training', 'awareness'],
        focusTypes: ['prevention'],
        kinds: ['cso'],
        scope: 'local',
        hotspotsOnly: true,
        text: 'Cërrik & youth',
      },
      selection: { kind: 'municipality', id: 'AL212' },
      tab: 'area',
      countNationwide: true,
      countyMeasure: { kind: 'activity-type', activityType: 'training' },
      mapView: { center: [20.0123, 41.0456], zoom: 8.25 },
    };
    const search = serializeUrlState(state);
    expect(search).toContain('sel=m%3AAL212');
    expect(parseUrlState(search, known)).toEqual({ state, problems: [] });
  });

  it('drops what it does not know and says so, never throwing', () => {
    const { state, problems } = parseUrlState(
      '?act=training,bogus&sel=m:AL999&scope=planet&view=abc&measure=nope&tab=evil',
      known,
    );
    expect(state.filters.activityTypes).toEqual(['training']);
    expect(state.selection).toBeNull();
    expect(state.filters.scope).toBe('all');
    expect(state.mapView).toBeNull();
    expect(state.countyMeasure).toEqual({ kind: 'organisations' });
    expect(state.tab).toBe('gaps');
    expect(problems).toHaveLength(5);
    expect(problems).toContain('The link names unknown activity types: bogus.');
  });

  it('ignores selections named after built-in object properties', () => {
    for (const sel of ['toString', 'constructor:AL212', '__proto__:x', 'hasOwnProperty:1']) {
      const { state, problems } = parseUrlState(`?sel=${encodeURIComponent(sel)}`, known);
      expect(state.selection, sel).toBeNull();
      expect(problems, sel).toHaveLength(1);
    }
  });

  it('opens the panel that fits a selection when the link names no tab', () => {
    expect(parseUrlState('?sel=o:center-for-youth-progress', known).state.tab).toBe('organisation');
    expect(parseUrlState('?sel=c:AL021', known).state.tab).toBe('area');
  });

  it('keeps parameters it does not own, such as presenter mode and language', () => {
    const merged = mergeUrlState('?present=1&sel=m:AL212&lang=sq', {
      ...plain,
      selection: { kind: 'county', id: 'AL021' },
    });
    expect(merged).toBe('?present=1&lang=sq&sel=c%3AAL021');
  });

  it('caps very long text', () => {
    const { state } = parseUrlState(`?q=${'x'.repeat(5000)}`, known);
    expect(state.filters.text).toHaveLength(200);
  });
});

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
  nationwideWeight: 0,
  countyMeasure: { kind: 'organisations' },
  mapView: null,
  compare: [null, null],
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
      nationwideWeight: 0.15,
      countyMeasure: { kind: 'activity-type', activityType: 'training' },
      mapView: { center: [20.0123, 41.0456], zoom: 8.25 },
      compare: [
        { level: 'municipality', id: 'AL212' },
        { level: 'county', id: 'AL021' },
      ],
    };
    const search = serializeUrlState(state);
    expect(search).toContain('sel=m%3AAL212');
    expect(search).toContain('nw=0.15');
    expect(search).toContain('cmp=m%3AAL212%2Cc%3AAL021');
    expect(parseUrlState(search, known)).toEqual({ state, problems: [] });
  });

  it('keeps one side of a comparison when the other is empty or unknown', () => {
    const half: RestorableState = { ...plain, compare: [null, { level: 'county', id: 'AL021' }] };
    expect(parseUrlState(serializeUrlState(half), known)).toEqual({ state: half, problems: [] });
    const { state, problems } = parseUrlState('?cmp=m:AL999,c:AL021', known);
    expect(state.compare).toEqual([null, { level: 'county', id: 'AL021' }]);
    expect(problems).toEqual(['The link compares "m:AL999", which is not in the data.']);
  });

  it('reads the nationwide weight as a number from 0 to 1, and nothing else', () => {
    expect(parseUrlState('?nw=0.3', known).state.nationwideWeight).toBe(0.3);
    for (const bad of ['2', '-0.1', 'abc', '0x1', '1e-1', ' ']) {
      const { state, problems } = parseUrlState(`?nw=${encodeURIComponent(bad)}`, known);
      expect(state.nationwideWeight, bad).toBe(0);
      expect(problems, bad).toHaveLength(1);
    }
  });

  it('drops what it does not know and says so, never throwing', () => {
    const { state, problems } = parseUrlState(
      '?act=training,bogus&sel=m:AL999&scope=planet&view=abc&measure=nope&tab=evil&nw=9',
      known,
    );
    expect(state.filters.activityTypes).toEqual(['training']);
    expect(state.selection).toBeNull();
    expect(state.filters.scope).toBe('all');
    expect(state.mapView).toBeNull();
    expect(state.countyMeasure).toEqual({ kind: 'organisations' });
    expect(state.tab).toBe('gaps');
    expect(state.nationwideWeight).toBe(0);
    expect(problems).toHaveLength(6);
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

  it('reopens the Gaps, Overlap, Plans or Compare panel over a selection, not the Area panel', () => {
    for (const tab of ['gaps', 'overlap', 'plans', 'compare'] as const) {
      const state: RestorableState = {
        ...plain,
        selection: { kind: 'municipality', id: 'AL212' },
        tab,
      };
      expect(parseUrlState(serializeUrlState(state), known).state.tab).toBe(tab);
    }
    const area: RestorableState = {
      ...plain,
      selection: { kind: 'county', id: 'AL021' },
      tab: 'area',
    };
    expect(serializeUrlState(area)).toBe('?sel=c%3AAL021');
  });

  it('keeps parameters it does not own, such as presenter mode and language', () => {
    const merged = mergeUrlState('?present=1&sel=m:AL212&lang=sq', {
      ...plain,
      selection: { kind: 'county', id: 'AL021' },
    });
    // The Gaps tab with a selection is written out: without it the link would open Area.
    expect(merged).toBe('?present=1&lang=sq&sel=c%3AAL021&tab=gaps');
  });

  it('caps very long text', () => {
    const { state } = parseUrlState(`?q=${'x'.repeat(5000)}`, known);
    expect(state.filters.text).toHaveLength(200);
  });
});

import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/domain/coverage';
import { legendEntries, sizeSamples } from '../../src/domain/legend-entries';
import type { MapModel } from '../../src/domain/map-model';
import {
  describeFilters,
  placeLegend,
  slideFileName,
  slideFooter,
  slideHeading,
  slideLayout,
  wrapLines,
  type Rect,
} from '../../src/domain/slide-layout';
import { slideWords } from '../../src/io/slide-image';

/** Every character 10 units wide: easy widths to reason about. */
const monospace = (text: string) => text.length * 10;

function inside(inner: Rect, outer: { width: number; height: number }) {
  return (
    inner.x >= 0 &&
    inner.y >= 0 &&
    inner.x + inner.width <= outer.width &&
    inner.y + inner.height <= outer.height
  );
}

function overlaps(a: Rect, b: Rect) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function model(overrides: Partial<MapModel> = {}): MapModel {
  return {
    counties: [{ id: 'C1', name: 'Tiranë', value: 5, planned: false }],
    countyMax: 5,
    countyMeasureLabel: 'Organisations working in the county',
    municipalities: [
      {
        id: 'M1',
        name: 'Kamëz',
        lonLat: [19.76, 41.38],
        approximate: false,
        organisations: 9,
        gapScore: 0.2,
        hotspotLevel: 2,
        planned: false,
        unfiltered: { organisations: 9, gapScore: 0.2 },
      },
      {
        id: 'M2',
        name: 'Vorë',
        lonLat: [19.66, 41.39],
        approximate: false,
        organisations: 0,
        gapScore: 0.9,
        hotspotLevel: 0,
        planned: false,
        unfiltered: { organisations: 0, gapScore: 0.9 },
      },
    ],
    highlighted: [],
    selected: null,
    hovered: null,
    ...overrides,
  };
}

describe('slideLayout', () => {
  it('lays out 1920×1080 at scale 1 and 3840×2160 at scale 2, in the same slide units', () => {
    const one = slideLayout(1920, 1080);
    const two = slideLayout(3840, 2160);
    expect(one.scale).toBe(1);
    expect(two.scale).toBe(2);
    expect({ ...two, scale: 1 }).toEqual(one);
    expect(one.width * one.scale).toBe(1920);
    expect(two.height * two.scale).toBe(2160);
  });

  it('keeps every band on the slide and apart from the others, with the map the largest', () => {
    const layout = slideLayout(1920, 1080);
    const bands = [layout.title, layout.subtitle, layout.map, layout.legend, layout.footer];
    for (const band of bands) expect(inside(band, layout)).toBe(true);
    for (const [i, a] of bands.entries()) {
      for (const b of bands.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
    const area = (rect: Rect) => rect.width * rect.height;
    for (const band of bands)
      if (band !== layout.map) expect(area(layout.map)).toBeGreaterThan(area(band));
    expect(layout.map.width).toBeGreaterThan(1200);
    expect(layout.map.height).toBeGreaterThan(700);
  });

  it('refuses an empty size', () => {
    expect(() => slideLayout(0, 1080)).toThrow(/positive/);
  });
});

describe('wrapLines', () => {
  it('breaks at spaces so that no line is wider than allowed', () => {
    const lines = wrapLines('Kukës Has Tropojë Fushë-Arrëz Pukë', 120, monospace);
    expect(lines).toEqual(['Kukës Has', 'Tropojë', 'Fushë-Arrëz', 'Pukë']);
    for (const line of lines) expect(monospace(line)).toBeLessThanOrEqual(120);
  });

  it('gives a word wider than the line a line of its own', () => {
    expect(wrapLines('a Gjirokastër b', 50, monospace)).toEqual(['a', 'Gjirokastër', 'b']);
  });

  it('ends the last kept line with an ellipsis when lines were dropped', () => {
    const lines = wrapLines('one two three four five six', 90, monospace, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(monospace(lines[1] ?? '')).toBeLessThanOrEqual(90);
  });

  it('returns no line for blank text', () => {
    expect(wrapLines('   ', 100, monospace)).toEqual([]);
  });
});

describe('legendEntries', () => {
  it('explains the county measure, circle sizes, gap colour and hotspot rings', () => {
    const entries = legendEntries(model(), new Set(), null);
    expect(entries.map((entry) => entry.title)).toEqual([
      'Counties: Organisations working in the county',
      'Circle size: organisations there',
      'Circle colour: coverage gap',
      'Hotspot ring',
    ]);
    const ramp = entries[0];
    expect(ramp?.kind === 'ramp' && [ramp.low, ramp.high]).toEqual(['0', '5']);
    const circles = entries[1];
    expect(circles?.kind === 'circles' && circles.samples.map((s) => s.label)).toEqual([
      '0 (nobody)',
      '1',
      '4',
      '9',
    ]);
  });

  it('says "0 in every county" when nothing is counted, and names a boundary file', () => {
    const entries = legendEntries(model({ countyMax: 0 }), new Set(['M1', 'M2']), 'bashki.geojson');
    expect(entries[0]).toMatchObject({ kind: 'note', title: 'Municipal boundaries' });
    expect(entries[0]?.kind === 'note' && entries[0].text).toContain('“bashki.geojson”');
    expect(entries[1]).toMatchObject({ kind: 'swatch', label: '0 in every county' });
    // Every municipality is an area: no circle size key, and the colour key says so.
    expect(entries.map((entry) => entry.title)).toContain('Municipality colour: coverage gap');
    expect(entries.some((entry) => entry.kind === 'circles')).toBe(false);
  });

  it('adds planned and selection keys only when the map shows them', () => {
    const plain = legendEntries(model(), new Set(), null).map((entry) => entry.title);
    expect(plain).not.toContain('Planned intervention');
    expect(plain).not.toContain('Emphasis');
    const marked = legendEntries(
      model({
        counties: [{ id: 'C1', name: 'Tiranë', value: 5, planned: true }],
        selected: { level: 'municipality', id: 'M1' },
      }),
      new Set(),
      null,
    ).map((entry) => entry.title);
    expect(marked).toContain('Planned intervention');
    expect(marked).toContain('Emphasis');
  });

  it('samples sizes as the on-screen legend does', () => {
    expect(sizeSamples(0)).toEqual([0, 1]);
    expect(sizeSamples(5)).toEqual([0, 1, 5]);
    expect(sizeSamples(12)).toEqual([0, 1, 4, 12]);
  });
});

describe('placeLegend', () => {
  const font = { legendTitle: 20, legendText: 18 };
  const measure = (text: string, size: number) => text.length * size * 0.5;

  it('places entries top to bottom without overlap, inside the panel', () => {
    const rect = { x: 1000, y: 100, width: 440, height: 800 };
    const { placed, omitted } = placeLegend(
      legendEntries(model(), new Set(), null),
      rect,
      font,
      measure,
    );
    expect(omitted).toBe(0);
    expect(placed).toHaveLength(4);
    for (const [index, item] of placed.entries()) {
      expect(item.sampleY + item.sampleHeight).toBeLessThanOrEqual(rect.y + rect.height);
      const next = placed[index + 1];
      if (next) expect(next.y).toBeGreaterThan(item.sampleY + item.sampleHeight);
    }
  });

  it('leaves out (and counts) whole entries that do not fit', () => {
    const rect = { x: 0, y: 0, width: 440, height: 160 };
    const { placed, omitted } = placeLegend(
      legendEntries(model(), new Set(), null),
      rect,
      font,
      measure,
    );
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length + omitted).toBe(4);
    expect(omitted).toBeGreaterThan(0);
  });
});

describe('slide text', () => {
  const words = slideWords('en');
  const names = {
    activityType: new Map([['education', 'Education']]),
    focusType: new Map<string, string>(),
    kind: new Map([['cso', 'Civil society']]),
  };

  it('describes filters in words, or says nothing is filtered', () => {
    expect(describeFilters(NO_FILTERS, names, words)).toBeNull();
    expect(
      describeFilters(
        { ...NO_FILTERS, activityTypes: ['education'], kinds: ['cso'], hotspotsOnly: true },
        names,
        words,
      ),
    ).toBe('activity types: Education; kinds: Civil society; working in hotspots');
  });

  it('titles the slide with the measure and the filters', () => {
    expect(slideHeading('Organisations doing Education', null, 'Albania', words).title).toBe(
      'Albania: Organisations doing Education',
    );
    expect(slideHeading('x', 'kinds: Civil society', 'Albania', words).subtitle).toMatch(
      /^Filtered to kinds: Civil society;/,
    );
    expect(slideHeading('x', null, 'Albania', words).subtitle).toMatch(/^All organisations/);
  });

  it('credits the date, the map data and each source document', () => {
    const footer = slideFooter(
      '2026-11-23',
      [
        {
          id: 'd1',
          title: 'Mapping Report (author X)',
          publisher: 'Center for Legal Civic Initiatives',
          year: '2019 (round table)',
          file: 'data/sources/d1.txt',
        },
      ],
      words,
    );
    expect(footer).toEqual([
      'Made with Harta on 2026-11-23.',
      words.mapCredits,
      'Sources: Mapping Report, Center for Legal Civic Initiatives (2019)',
    ]);
    expect(words.mapCredits).toMatch(/GeoNames \(CC BY 4\.0\)/);
    expect(words.mapCredits).toMatch(/Natural Earth/);
  });

  it('says it all in Albanian with Albanian words', () => {
    const sq = slideWords('sq');
    expect(
      describeFilters(
        { ...NO_FILTERS, scope: 'local', hotspotsOnly: true, text: 'rini' },
        names,
        sq,
      ),
    ).toBe('shtrirja: vendore; që punojnë në zona të nxehta; teksti: «rini»');
    expect(slideHeading('x', null, 'Shqipëri', sq).subtitle).toMatch(/^Të gjitha organizatat/);
    expect(slideFooter('2026-11-23', [], sq)).toEqual([
      'Krijuar me Harta më 23 nëntor 2026.',
      'Të dhënat e hartës: GeoNames (CC BY 4.0), Natural Earth (domen publik)',
      'Burimet: asnjë i regjistruar',
    ]);
    expect(slideFileName('AL', '2026-11-23', 1920, 1080, sq)).toBe(
      'harta-al-2026-11-23-1920x1080.png',
    );
  });

  it('names the file by country, date and size', () => {
    expect(slideFileName('AL', '2026-11-23', 3840, 2160, words)).toBe(
      'harta-map-al-2026-11-23-3840x2160.png',
    );
  });
});

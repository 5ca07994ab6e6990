import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { MapModel, MapMunicipality } from '../../src/domain/map-model';
import type { MunicipalBoundaries } from '../../src/domain/municipal-boundaries';
import {
  CIRCLE_RADIUS_STOPS,
  CIRCLE_SIZE_BUCKETS,
  circleRadius,
  circleSizeBucket,
} from '../../src/domain/map-palette';
import { CIRCLE_LAYERS, LAYERS } from '../../src/map/map-style';
import {
  areaLabelPoints,
  areaStateChanges,
  areaStates,
  countyValues,
  frameMask,
  municipalAreaLabelAnchors,
  municipalAreaLabelsToGeoJson,
  municipalAreasToGeoJson,
  municipalitiesToGeoJson,
  neighbourLabelPoints,
  sameMunicipalityLayout,
  valueStateChanges,
  type CountyBoundaries,
} from '../../src/map/to-geojson';

// Small fixtures: hand-made counties and municipalities. The real boundaries are
// read once only where a test is about them (label points inside every county).

function square(west: number, south: number, size: number) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
      ],
    ],
  };
}

function municipality(overrides: Partial<MapMunicipality> = {}): MapMunicipality {
  return {
    id: 'AL212',
    name: 'Cërrik',
    lonLat: [19.97583, 41.03167],
    approximate: false,
    organisations: 6,
    gapScore: 0.024,
    hotspotLevel: 3,
    planned: false,
    unfiltered: { organisations: 8, gapScore: 0.02 },
    ...overrides,
  };
}

function model(overrides: Partial<MapModel> = {}): MapModel {
  return {
    counties: [
      { id: 'AL021', name: 'Elbasan', value: 16, planned: true },
      { id: 'AL013', name: 'Kukës', value: 4, planned: false },
    ],
    countyMax: 16,
    countyMeasureLabel: 'Organisations working in the county',
    municipalities: [municipality()],
    highlighted: [],
    selected: null,
    hovered: null,
    ...overrides,
  };
}

describe('county figures as feature-state', () => {
  it('gives each county its share of the largest value, and whether a plan names it', () => {
    expect([...countyValues(model())]).toEqual([
      ['AL021', { share: 1, planned: true }],
      ['AL013', { share: 0.25, planned: false }],
    ]);
  });

  it('gives shares of 0 when every value is 0', () => {
    const values = countyValues({
      counties: [{ id: 'AL021', name: 'Elbasan', value: 0, planned: false }],
      countyMax: 0,
    });
    expect(values.get('AL021')).toEqual({ share: 0, planned: false });
  });
});

describe('municipalitiesToGeoJson', () => {
  it('puts a point at each seat with what places it and lays its label out', () => {
    const collection = municipalitiesToGeoJson([
      municipality(),
      municipality({ id: 'AL111', name: 'Bulqizë', lonLat: [20.2, 41.5], organisations: 0 }),
    ]);
    expect(collection.features).toHaveLength(2);
    expect(collection.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [19.97583, 41.03167] },
      properties: {
        id: 'AL212',
        name: 'Cërrik',
        hotspotLevel: 3,
        approximate: false,
        // Room and rank from the unfiltered figures, so filters never move a label.
        roomOrganisations: 8,
        rankGapScore: 0.02,
      },
    });
    expect(collection.features[1]?.properties.roomOrganisations).toBe(8);
  });

  it('never makes less room than the circle drawn takes', () => {
    const [feature] = municipalitiesToGeoJson([
      municipality({ organisations: 12, unfiltered: { organisations: 3, gapScore: 0 } }),
    ]).features;
    expect(feature?.properties.roomOrganisations).toBe(12);
  });
});

describe('municipal boundaries from a user file', () => {
  // Cërrik as one square, Bulqizë as a small island and a large mainland square.
  const loaded: MunicipalBoundaries = {
    fileName: 'bashki.geojson',
    loadedAt: '2025-01-01T00:00:00.000Z',
    features: [
      {
        type: 'Feature',
        geometry: square(19.9, 41.0, 0.1),
        properties: { municipalityId: 'AL212', nameInFile: '<b>Cerriku</b>' },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'MultiPolygon',
          coordinates: [square(19.0, 41.4, 0.01).coordinates, square(20.1, 41.4, 0.2).coordinates],
        },
        properties: { municipalityId: 'AL111', nameInFile: 'Bulqiza' },
      },
      {
        // A municipality the model does not list (another gazetteer): not drawn.
        type: 'Feature',
        geometry: square(20.5, 41.0, 0.1),
        properties: { municipalityId: 'AL999', nameInFile: 'Nowhere' },
      },
    ],
  };
  const bulqize = municipality({
    id: 'AL111',
    name: 'Bulqizë',
    lonLat: [20.2, 41.5],
    organisations: 0,
    gapScore: 0.9,
    hotspotLevel: 0,
    planned: true,
    unfiltered: { organisations: 2, gapScore: 0.9 },
  });
  const municipalities = [municipality(), bulqize, municipality({ id: 'AL112', name: 'Dibër' })];

  it('gives each boundary its municipality’s layout, by id, sharing the geometry', () => {
    const collection = municipalAreasToGeoJson(loaded, municipalities);
    expect(collection.features.map((feature) => feature.properties)).toEqual([
      {
        id: 'AL212',
        name: 'Cërrik',
        nameInFile: '<b>Cerriku</b>',
        hotspotLevel: 3,
        approximate: false,
        roomOrganisations: 8,
        rankGapScore: 0.02,
      },
      {
        id: 'AL111',
        name: 'Bulqizë',
        nameInFile: 'Bulqiza',
        hotspotLevel: 0,
        approximate: false,
        roomOrganisations: 2,
        rankGapScore: 0.9,
      },
    ]);
    expect(collection.features[0]?.geometry).toBe(loaded.features[0]?.geometry);
    expect(municipalAreasToGeoJson(null, municipalities).features).toEqual([]);
  });

  it('leaves the municipalities drawn as areas out of the symbols, and only those', () => {
    const drawnAsAreas = new Set(['AL212', 'AL111']);
    const symbols = municipalitiesToGeoJson(municipalities, drawnAsAreas);
    expect(symbols.features.map((feature) => feature.properties.id)).toEqual(['AL112']);
    expect(municipalitiesToGeoJson(municipalities).features).toHaveLength(3);
  });

  it('labels each area inside its largest part, with the values the label style sorts by', () => {
    const anchors = municipalAreaLabelAnchors(loaded);
    const cerrik = anchors.get('AL212');
    const bulqizeAnchor = anchors.get('AL111');
    expect(cerrik?.[0]).toBeCloseTo(19.95, 5);
    expect(cerrik?.[1]).toBeCloseTo(41.05, 5);
    // On the mainland square, not the island and not the sea between them.
    expect(booleanPointInPolygon(bulqizeAnchor ?? [0, 0], square(20.1, 41.4, 0.2))).toBe(true);
    expect(municipalAreaLabelAnchors(null).size).toBe(0);

    const labels = municipalAreaLabelsToGeoJson(anchors, municipalities);
    expect(labels.features.map((feature) => feature.properties.id)).toEqual(['AL212', 'AL111']);
    expect(labels.features[1]?.properties).toMatchObject({ name: 'Bulqizë', rankGapScore: 0.9 });
    expect(labels.features[1]?.geometry.coordinates).toEqual(bulqizeAnchor);
  });
});

describe('label points', () => {
  it('places a label inside every real county', () => {
    const real = JSON.parse(
      readFileSync(new URL('../../geo/counties.geojson', import.meta.url), 'utf8'),
    ) as CountyBoundaries;
    const labels = areaLabelPoints(real);
    expect(labels.features.map((feature) => feature.properties.name)).toEqual(
      real.features.map((feature) => feature.properties.name),
    );
    labels.features.forEach((label, index) => {
      const county = real.features[index];
      if (county === undefined) throw new Error('missing county');
      expect(booleanPointInPolygon(label, county), county.properties.name).toBe(true);
    });
  });

  it('labels a neighbour inside the part of it near the box, and skips ones barely in it', () => {
    const neighbours = {
      type: 'FeatureCollection' as const,
      features: [
        { type: 'Feature' as const, properties: { name: 'Greece' }, geometry: square(19, 37, 5) },
        { type: 'Feature' as const, properties: { name: 'Far away' }, geometry: square(30, 30, 1) },
      ],
    };
    const labels = neighbourLabelPoints(neighbours, [19, 40, 22, 43]);
    expect(labels.features.map((feature) => feature.properties.name)).toEqual(['Greece']);
    const [lon, lat] = labels.features[0]?.geometry.coordinates ?? [];
    expect(lon).toBeGreaterThan(19);
    expect(lat).toBeGreaterThan(40);
    expect(lat).toBeLessThan(42);
  });
});

describe('frameMask', () => {
  it('covers the world with a hole the size of the box', () => {
    const [feature] = frameMask([17, 38, 23, 44]).features;
    expect(feature?.geometry.coordinates).toHaveLength(2);
    expect(feature?.geometry.coordinates[1]).toContainEqual([17, 38]);
    expect(feature?.geometry.coordinates[1]).toContainEqual([23, 44]);
  });
});

describe('change detection', () => {
  it('sends no figure when only the selection changed, and keeps the layout', () => {
    const before = model();
    const after = model({ selected: { level: 'county', id: 'AL021' } });
    expect(valueStateChanges(before, after)).toEqual([]);
    expect(sameMunicipalityLayout(before.municipalities, after.municipalities)).toBe(true);
  });

  it('sends every figure for a first model', () => {
    expect(valueStateChanges(null, model())).toEqual([
      { area: { level: 'county', id: 'AL021' }, state: { share: 1, planned: true } },
      { area: { level: 'county', id: 'AL013' }, state: { share: 0.25, planned: false } },
      {
        area: { level: 'municipality', id: 'AL212' },
        state: { radius: 9.87, gapScore: 0.024, planned: false, sizeBucket: 2 },
      },
    ]);
  });

  it('sends the counties whose share or plan changed, with a new maximum all that moved', () => {
    const changed = valueStateChanges(
      model(),
      model({
        counties: [
          { id: 'AL021', name: 'Elbasan', value: 16, planned: false },
          { id: 'AL013', name: 'Kukës', value: 4, planned: false },
        ],
      }),
    );
    expect(changed).toEqual([
      { area: { level: 'county', id: 'AL021' }, state: { share: 1, planned: false } },
    ]);
    expect(valueStateChanges(model(), model({ countyMax: 20 })).map((c) => c.area.id)).toEqual([
      'AL021',
      'AL013',
    ]);
  });

  it('zeroes a county the next model no longer lists', () => {
    const next = model({ counties: [{ id: 'AL021', name: 'Elbasan', value: 16, planned: true }] });
    expect(valueStateChanges(model(), next)).toEqual([
      { area: { level: 'county', id: 'AL013' }, state: { share: 0, planned: false } },
    ]);
  });

  it('sends a municipality whose circle, gap or plan changed, as feature-state only', () => {
    const base = model();
    for (const change of [{ organisations: 5 }, { gapScore: 0.5 }, { planned: true }]) {
      const next = model({ municipalities: [municipality(change)] });
      const organisations = change.organisations ?? 6;
      expect(valueStateChanges(base, next)).toEqual([
        {
          area: { level: 'municipality', id: 'AL212' },
          state: {
            radius: Math.round(circleRadius(organisations) * 100) / 100,
            gapScore: 0.024,
            planned: false,
            sizeBucket: circleSizeBucket(organisations),
            ...(change.organisations === undefined ? change : {}),
          },
        },
      ]);
      // A filter change: nothing for MapLibre's worker to tile again.
      expect(sameMunicipalityLayout(base.municipalities, next.municipalities)).toBe(true);
    }
  });

  it('sends nothing for a count the circle does not show (its size is capped)', () => {
    const largest = CIRCLE_RADIUS_STOPS[CIRCLE_RADIUS_STOPS.length - 1] ?? [0, 0];
    const capped = largest[0] ** 2;
    const busy = (organisations: number) =>
      model({ municipalities: [municipality({ organisations })] });
    expect(valueStateChanges(busy(capped + 40), busy(capped + 90))).toEqual([]);
    expect(valueStateChanges(busy(capped - 1), busy(capped))).toHaveLength(1);
  });

  it('sees a change of place, name, hotspot level or unfiltered figures as a new layout', () => {
    const base = [municipality()];
    for (const change of [
      { lonLat: [20, 41] as [number, number] },
      { name: 'Cerrik' },
      { hotspotLevel: 1 as const },
      { approximate: true },
      { unfiltered: { organisations: 9, gapScore: 0.02 } },
      { unfiltered: { organisations: 8, gapScore: 0.5 } },
    ]) {
      expect(sameMunicipalityLayout(base, [municipality(change)]), JSON.stringify(change)).toBe(
        false,
      );
    }
    expect(sameMunicipalityLayout(base, [])).toBe(false);
  });
});

describe('circle size layers', () => {
  it('puts each circle in a layer by its drawn size, smallest first', () => {
    expect([0, 1, 4, 9, 16, 400].map(circleSizeBucket)).toEqual([0, 0, 1, 2, 3, 3]);
    // Never fewer organisations in a larger layer.
    let previous = 0;
    for (let count = 0; count <= 40; count++) {
      expect(circleSizeBucket(count)).toBeGreaterThanOrEqual(previous);
      previous = circleSizeBucket(count);
    }
  });

  it('stacks the layers largest first, each showing only its own circles', () => {
    const ids = LAYERS.map((layer) => layer.id);
    expect(CIRCLE_LAYERS).toHaveLength(CIRCLE_SIZE_BUCKETS);
    const positions = CIRCLE_LAYERS.map((id) => ids.indexOf(id));
    expect(
      positions.every((position, index) => index === 0 || position > positions[index - 1]!),
    ).toBe(true);
    CIRCLE_LAYERS.forEach((id, index) => {
      const layer = LAYERS.find((entry) => entry.id === id);
      if (layer?.type !== 'circle') throw new Error(`${id} is not a circle layer`);
      const bucket = CIRCLE_SIZE_BUCKETS - 1 - index;
      expect(layer.paint?.['circle-opacity']).toEqual([
        'case',
        ['==', ['number', ['feature-state', 'sizeBucket'], -1], bucket],
        1,
        0,
      ]);
      expect(layer.paint?.['circle-stroke-opacity']).toEqual(layer.paint?.['circle-opacity']);
    });
  });
});

describe('feature states', () => {
  it('collects hovered, selected and highlighted flags per area', () => {
    const states = areaStates({
      highlighted: [
        { level: 'municipality', id: 'AL212' },
        { level: 'county', id: 'AL021' },
      ],
      selected: { level: 'municipality', id: 'AL212' },
      hovered: { level: 'county', id: 'AL013' },
    });
    expect(states.get('municipality:AL212')?.state).toEqual({
      hovered: false,
      selected: true,
      highlighted: true,
    });
    expect(states.get('county:AL021')?.state).toEqual({
      hovered: false,
      selected: false,
      highlighted: true,
    });
    expect(states.get('county:AL013')?.state).toEqual({
      hovered: true,
      selected: false,
      highlighted: false,
    });
  });

  it('sends only what changed, and clears areas no longer emphasised', () => {
    const first = {
      highlighted: [],
      selected: null,
      hovered: { level: 'county' as const, id: 'AL013' },
    };
    const second = {
      highlighted: [],
      selected: { level: 'county' as const, id: 'AL021' },
      hovered: null,
    };
    expect(areaStateChanges(null, first)).toEqual([
      {
        area: { level: 'county', id: 'AL013' },
        state: { hovered: true, selected: false, highlighted: false },
      },
    ]);
    expect(areaStateChanges(first, first)).toEqual([]);
    expect(areaStateChanges(first, second)).toEqual([
      {
        area: { level: 'county', id: 'AL021' },
        state: { hovered: false, selected: true, highlighted: false },
      },
      {
        area: { level: 'county', id: 'AL013' },
        state: { hovered: false, selected: false, highlighted: false },
      },
    ]);
  });

  it('keeps a county and a municipality with the same id apart', () => {
    const changes = areaStateChanges(null, {
      highlighted: [{ level: 'county', id: 'X' }],
      selected: { level: 'municipality', id: 'X' },
      hovered: null,
    });
    expect(changes.map((change) => change.area.level).sort()).toEqual(['county', 'municipality']);
  });
});

describe('circleRadius (the size key the legend shows)', () => {
  it('draws 0 organisations as a visible dot and grows with the square root', () => {
    expect(circleRadius(0)).toBeGreaterThan(3);
    expect(circleRadius(1)).toBeGreaterThan(circleRadius(0));
    expect(circleRadius(4)).toBeCloseTo(8.667, 2);
    expect(circleRadius(100)).toBe(circleRadius(16));
  });
});

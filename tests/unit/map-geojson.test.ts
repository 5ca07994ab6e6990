import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { MapModel, MapMunicipality } from '../../src/domain/map-model';
import type { MunicipalBoundaries } from '../../src/domain/municipal-boundaries';
import { circleRadius } from '../../src/domain/map-palette';
import {
  areaLabelPoints,
  areaStateChanges,
  areaStates,
  countiesToGeoJson,
  frameMask,
  municipalAreaLabelAnchors,
  municipalAreaLabelsToGeoJson,
  municipalAreasToGeoJson,
  municipalitiesToGeoJson,
  neighbourLabelPoints,
  sameCountyShading,
  sameMunicipalities,
  type CountyBoundaries,
} from '../../src/map/to-geojson';

// Small fixtures: two square "counties" and hand-made municipalities. The real boundaries are
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

const boundaries: CountyBoundaries = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'AL021', name: 'Elbasan' }, geometry: square(20, 41, 1) },
    { type: 'Feature', properties: { id: 'AL013', name: 'Kukës' }, geometry: square(20, 42, 1) },
  ],
};

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

describe('countiesToGeoJson', () => {
  it('merges each county value into its polygon by id, with its share of the largest', () => {
    const collection = countiesToGeoJson(boundaries, model());
    expect(collection.features.map((feature) => feature.properties)).toEqual([
      { id: 'AL021', name: 'Elbasan', value: 16, share: 1, planned: true },
      { id: 'AL013', name: 'Kukës', value: 4, share: 0.25, planned: false },
    ]);
    expect(collection.features[0]?.geometry).toBe(boundaries.features[0]?.geometry);
  });

  it('gives 0 to a county the model does not list, and shares of 0 when every value is 0', () => {
    const collection = countiesToGeoJson(boundaries, {
      counties: [{ id: 'AL021', name: 'Elbasan', value: 0, planned: false }],
      countyMax: 0,
    });
    expect(
      collection.features.map((feature) => [feature.properties.value, feature.properties.share]),
    ).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('municipalitiesToGeoJson', () => {
  it('puts a point at each seat with what the style draws', () => {
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
        organisations: 6,
        gapScore: 0.024,
        hotspotLevel: 3,
        approximate: false,
        planned: false,
      },
    });
    expect(collection.features[1]?.properties.organisations).toBe(0);
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
  });
  const municipalities = [municipality(), bulqize, municipality({ id: 'AL112', name: 'Dibër' })];

  it('shades each boundary with its municipality’s values, by id, sharing the geometry', () => {
    const collection = municipalAreasToGeoJson(loaded, municipalities);
    expect(collection.features.map((feature) => feature.properties)).toEqual([
      {
        id: 'AL212',
        name: 'Cërrik',
        nameInFile: '<b>Cerriku</b>',
        organisations: 6,
        gapScore: 0.024,
        hotspotLevel: 3,
        approximate: false,
        planned: false,
      },
      {
        id: 'AL111',
        name: 'Bulqizë',
        nameInFile: 'Bulqiza',
        organisations: 0,
        gapScore: 0.9,
        hotspotLevel: 0,
        approximate: false,
        planned: true,
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
    expect(labels.features[1]?.properties).toMatchObject({ name: 'Bulqizë', gapScore: 0.9 });
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
  it('sees county shading as unchanged when only the selection changed', () => {
    const before = model();
    const after = model({ selected: { level: 'county', id: 'AL021' } });
    expect(sameCountyShading(before, after)).toBe(true);
    expect(sameMunicipalities(before.municipalities, after.municipalities)).toBe(true);
  });

  it('sees a new county value or maximum as a change', () => {
    expect(sameCountyShading(model(), model({ countyMax: 20 }))).toBe(false);
    expect(
      sameCountyShading(
        model(),
        model({
          counties: [
            { id: 'AL021', name: 'Elbasan', value: 15, planned: true },
            { id: 'AL013', name: 'Kukës', value: 4, planned: false },
          ],
        }),
      ),
    ).toBe(false);
  });

  it('sees any drawn municipality field as a change', () => {
    const base = [municipality()];
    expect(sameMunicipalities(base, [municipality({ organisations: 5 })])).toBe(false);
    expect(sameMunicipalities(base, [municipality({ gapScore: 0.5 })])).toBe(false);
    expect(sameMunicipalities(base, [municipality({ hotspotLevel: 1 })])).toBe(false);
    expect(sameMunicipalities(base, [municipality({ planned: true })])).toBe(false);
    expect(sameMunicipalities(base, [municipality({ lonLat: [20, 41] })])).toBe(false);
    expect(sameMunicipalities(base, [])).toBe(false);
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

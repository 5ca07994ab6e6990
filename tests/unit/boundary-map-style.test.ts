import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { GAP_RAMP } from '../../src/domain/map-palette';
import { CIRCLE_LAYERS, LAYER, LAYERS, SOURCE, buildMapStyle } from '../../src/map/map-style';

// The layers that draw the user's municipal boundaries, as data: where they sit in the stack,
// what they read, and that they shade with the symbols' own palette.

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const ids = LAYERS.map((layer) => layer.id);
const layer = (id: string) => {
  const found = LAYERS.find((entry) => entry.id === id);
  if (!found) throw new Error(`no layer ${id}`);
  return found;
};

describe('municipal boundary layers', () => {
  it('have empty sources until a file is loaded, keyed by id for emphasis', () => {
    const style = buildMapStyle({
      neighbours: EMPTY,
      neighbourLabels: EMPTY,
      frame: EMPTY,
      counties: EMPTY,
      countyLabels: EMPTY,
    });
    expect(style.sources[SOURCE.municipalAreas]).toEqual({
      type: 'geojson',
      data: EMPTY,
      promoteId: 'id',
    });
    expect(style.sources[SOURCE.municipalAreaLabels]).toEqual({ type: 'geojson', data: EMPTY });
  });

  it('sit over the county shading and under the county borders; emphasis over both', () => {
    const index = (id: string) => ids.indexOf(id);
    expect(index(LAYER.municipalAreaFill)).toBe(index(LAYER.countyFill) + 1);
    for (const id of [
      'municipal-area-border',
      'municipal-area-hotspot-gap',
      'municipal-area-hotspot',
      'municipal-area-planned',
    ]) {
      expect(index(id)).toBeGreaterThan(index(LAYER.municipalAreaFill));
      expect(index(id)).toBeLessThan(index('county-border'));
    }
    expect(index('municipal-area-emphasis-casing')).toBeGreaterThan(index('county-selected'));
    expect(index('municipal-area-selected')).toBeLessThan(index(CIRCLE_LAYERS[0] ?? ''));
    // Every layer id is unique (the emphasis layers are made by one function for both).
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shade by gap score with the circles’ ramp, so one legend key explains both', () => {
    const fill = layer(LAYER.municipalAreaFill);
    if (fill.type !== 'fill') throw new Error('layer types changed');
    expect(fill.source).toBe(SOURCE.municipalAreas);
    for (const id of CIRCLE_LAYERS) {
      const circle = layer(id);
      if (circle.type !== 'circle') throw new Error('layer types changed');
      expect(fill.paint?.['fill-color']).toEqual(circle.paint?.['circle-color']);
    }
    expect(JSON.stringify(fill.paint?.['fill-color'])).toContain(GAP_RAMP[4]?.colour);
  });

  it('draw hotspot bands and planned outlines inside the outline (positive offset)', () => {
    for (const id of [
      'municipal-area-hotspot-gap',
      'municipal-area-hotspot',
      'municipal-area-planned',
    ]) {
      const line = layer(id);
      if (line.type !== 'line') throw new Error(`${id} is not a line layer`);
      expect(line.source).toBe(SOURCE.municipalAreas);
      const offset = line.paint?.['line-offset'];
      expect(typeof offset === 'number' ? offset : (offset as unknown[])[0]).toSatisfy(
        (value: unknown) => value === '+' || (typeof value === 'number' && value > 0),
      );
    }
    const band = layer('municipal-area-hotspot');
    expect(band.type === 'line' ? band.filter : null).toEqual([
      '>=',
      ['to-number', ['get', 'hotspotLevel'], 0],
      1,
    ]);
  });

  it('label areas from their own label points, hotspot names placed first', () => {
    const labels = ['municipal-area-label', 'municipal-area-hotspot-label'].map(layer);
    for (const label of labels)
      expect(label.type === 'symbol' && label.source).toBe(SOURCE.municipalAreaLabels);
    expect(ids.indexOf('municipal-area-hotspot-label')).toBe(ids.length - 1);
  });
});

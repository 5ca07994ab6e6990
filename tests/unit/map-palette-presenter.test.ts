import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { COUNTY_RAMP, GAP_RAMP, type ColourStop } from '../../src/domain/map-palette';
import { PRESENTER_COUNTY_RAMP, PRESENTER_GAP_RAMP } from '../../src/domain/presenter-palette';
import {
  buildMapStyle,
  CIRCLE_LAYERS,
  LAYERS,
  layersFor,
  palettePaint,
} from '../../src/map/map-style';

// Presenter mode's map palette: darker ramps of the same colour-blind-safe schemes, applied as
// paint overrides the adapter can switch at runtime, and switched back exactly.

function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [match[1], match[2], match[3]].map((pair) => {
    const c = parseInt(pair ?? '0', 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const paintOf = (id: string, property: string): unknown => {
  const layer = LAYERS.find((entry) => entry.id === id);
  if (!layer || !('paint' in layer) || !layer.paint) throw new Error(`no paint on ${id}`);
  return (layer.paint as Record<string, unknown>)[property];
};

describe('presenter palette', () => {
  const ramps: [string, readonly ColourStop[], readonly ColourStop[]][] = [
    ['county', PRESENTER_COUNTY_RAMP, COUNTY_RAMP],
    ['gap', PRESENTER_GAP_RAMP, GAP_RAMP],
  ];

  it.each(ramps)('%s ramp darkens monotonically, so it reads in greyscale', (_name, ramp) => {
    const values = ramp.map((stop) => luminance(stop.colour));
    values.slice(1).forEach((value, index) => expect(value).toBeLessThan(values[index] ?? 0));
    expect(ramp.map((stop) => stop.at)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it.each(ramps)(
    '%s ramp starts and ends darker than the ordinary one',
    (_name, ramp, ordinary) => {
      const first = (stops: readonly ColourStop[]) => luminance(stops[0]?.colour ?? '#ffffff');
      const last = (stops: readonly ColourStop[]) => luminance(stops.at(-1)?.colour ?? '#ffffff');
      expect(first(ramp)).toBeLessThan(first(ordinary));
      expect(last(ramp)).toBeLessThan(last(ordinary));
    },
  );

  it('gives back exactly the ordinary paint for the standard palette', () => {
    for (const override of palettePaint('standard')) {
      expect(paintOf(override.layer, override.property)).toEqual(override.value);
    }
    expect(layersFor('standard')).toBe(LAYERS);
  });

  it('overrides only paint properties the layers have, with different values', () => {
    const standard = palettePaint('standard');
    const presenter = palettePaint('presenter');
    expect(presenter.map((o) => [o.layer, o.property])).toEqual(
      standard.map((o) => [o.layer, o.property]),
    );
    presenter.forEach((override, index) => {
      expect(paintOf(override.layer, override.property)).toBeDefined();
      expect(override.value).not.toEqual(standard[index]?.value);
    });
    expect(JSON.stringify(palettePaint('presenter'))).toContain(PRESENTER_GAP_RAMP[0]?.colour);
  });

  it('builds the whole style in the presenter palette when asked', () => {
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    const data = {
      neighbours: empty,
      neighbourLabels: empty,
      frame: empty,
      counties: empty,
      countyLabels: empty,
    };
    const style = buildMapStyle(data, 'presenter');
    for (const id of CIRCLE_LAYERS) {
      const circle = style.layers.find((layer) => layer.id === id);
      expect(JSON.stringify(circle), id).toContain(PRESENTER_GAP_RAMP[4]?.colour);
    }
    expect(style.layers.map((layer) => layer.id)).toEqual(LAYERS.map((layer) => layer.id));
    expect(buildMapStyle(data).layers).toBe(LAYERS);
  });
});

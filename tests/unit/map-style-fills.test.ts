import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { buildMapStyle, LAYERS, type MapPalette } from '../../src/map/map-style';

type Paint = Record<string, unknown>;
const paintOf = (layer: LayerSpecification): Paint =>
  'paint' in layer && layer.paint ? layer.paint : {};
const sourceOf = (layer: LayerSpecification): string | undefined =>
  'source' in layer ? layer.source : undefined;

/** A style whose sources each get their own collection, as the app's do. */
function styleWithData(palette: MapPalette) {
  const collection = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });
  return buildMapStyle(
    {
      neighbours: collection(),
      neighbourLabels: collection(),
      frame: collection(),
      counties: collection(),
      countyLabels: collection(),
      municipalities: collection(),
      municipalAreas: collection(),
      municipalAreaLabels: collection(),
    },
    palette,
  );
}

/**
 * A fill drawn without MapLibre's antialiasing has jagged edges unless a line of the same
 * features (its source, or a source given the same collection), drawn over it, covers every
 * outline: no filter (every feature), fully opaque, and at least as wide as the antialiasing
 * pass it replaces (≈ 1 px).
 */
function outlineOver(style: ReturnType<typeof styleWithData>, fill: LayerSpecification) {
  const dataOf = (layer: LayerSpecification) => {
    const source = sourceOf(layer);
    const spec = source === undefined ? undefined : style.sources[source];
    return spec && 'data' in spec ? spec.data : undefined;
  };
  const layers = style.layers;
  return layers
    .slice(layers.findIndex((layer) => layer.id === fill.id) + 1)
    .find(
      (layer) =>
        layer.type === 'line' &&
        dataOf(layer) !== undefined &&
        dataOf(layer) === dataOf(fill) &&
        !('filter' in layer && layer.filter !== undefined) &&
        (paintOf(layer)['line-opacity'] ?? 1) === 1 &&
        typeof paintOf(layer)['line-width'] === 'number' &&
        (paintOf(layer)['line-width'] as number) >= 0.8 &&
        !('line-dasharray' in paintOf(layer)) &&
        (paintOf(layer)['line-offset'] ?? 0) === 0,
    );
}

describe('fills drawn without antialiasing', () => {
  const unaliased = (layers: readonly LayerSpecification[]) =>
    layers.filter((layer) => layer.type === 'fill' && paintOf(layer)['fill-antialias'] === false);

  it('are the neighbours, the frame and the counties', () => {
    expect(unaliased(LAYERS).map((layer) => layer.id)).toEqual([
      'neighbour-fill',
      'frame-fill',
      'county-fill',
    ]);
  });

  it('each have an opaque, unfiltered line of their source drawn over every outline', () => {
    for (const palette of ['standard', 'presenter'] as const) {
      const style = styleWithData(palette);
      for (const fill of unaliased(style.layers)) {
        expect(outlineOver(style, fill)?.id, `${palette}: ${fill.id}`).toBeDefined();
      }
    }
  });

  it('leave the municipal areas from a file antialiased: their border is see-through', () => {
    const areas = LAYERS.find((layer) => layer.id === 'municipal-area-fill');
    expect(areas && paintOf(areas)['fill-antialias']).toBeUndefined();
    expect(areas && outlineOver(styleWithData('standard'), areas)).toBeUndefined();
  });
});

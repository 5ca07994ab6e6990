import { describe, expect, it } from 'vitest';
import { LAYERS, SOURCE, stateSources } from '../../src/map/map-style';

/** The feature-state keys a layer's paint and layout read. */
function stateKeys(value: unknown): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown) => {
    if (!Array.isArray(node)) {
      if (node !== null && typeof node === 'object') Object.values(node).forEach(walk);
      return;
    }
    if (node[0] === 'feature-state' && typeof node[1] === 'string') keys.add(node[1]);
    node.forEach(walk);
  };
  walk(value);
  return keys;
}

/** Every feature-state key read by the layers drawing `source`. */
function keysOfSource(source: string): Set<string> {
  const keys = new Set<string>();
  for (const layer of LAYERS) {
    if (!('source' in layer) || layer.source !== source) continue;
    for (const key of stateKeys([layer.paint, layer.layout])) keys.add(key);
  }
  return keys;
}

describe('stateSources', () => {
  it("sends a county's figures to its shading and its emphasis to its outlines", () => {
    expect(
      stateSources('county', { share: 0.5, planned: true, hovered: true, selected: false }),
    ).toEqual([
      { source: SOURCE.counties, state: { share: 0.5 } },
      {
        source: SOURCE.countyOutlines,
        state: { planned: true, hovered: true, selected: false },
      },
    ]);
  });

  it('leaves out a source with nothing to write', () => {
    expect(stateSources('county', { hovered: true })).toEqual([
      { source: SOURCE.countyOutlines, state: { hovered: true } },
    ]);
    expect(stateSources('county', { share: 1 })).toEqual([
      { source: SOURCE.counties, state: { share: 1 } },
    ]);
  });

  it("sends a municipality's state to its symbol and to its area from the user's file", () => {
    expect(stateSources('municipality', { organisations: 3, hovered: true })).toEqual([
      { source: SOURCE.municipalities, state: { organisations: 3, hovered: true } },
      { source: SOURCE.municipalAreas, state: { organisations: 3, hovered: true } },
    ]);
  });

  it('matches the style: each county source gets every key its layers read, and only those', () => {
    const fill = keysOfSource(SOURCE.counties);
    const outlines = keysOfSource(SOURCE.countyOutlines);
    expect([...fill]).toEqual(['share']);
    expect(outlines.size).toBeGreaterThan(0);
    const all = Object.fromEntries([...fill, ...outlines].map((key) => [key, 1]));
    const routed = stateSources('county', all);
    expect(
      Object.keys(routed.find((entry) => entry.source === SOURCE.counties)?.state ?? {}),
    ).toEqual([...fill]);
    expect(
      new Set(
        Object.keys(routed.find((entry) => entry.source === SOURCE.countyOutlines)?.state ?? {}),
      ),
    ).toEqual(outlines);
  });
});

import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { MapCounty, MapModel, MapMunicipality } from '../../src/domain/map-model';
import {
  CONDITIONAL_OUTLINES,
  LAYERS,
  layersFor,
  liveOutlines,
  SOURCE,
  type MapPalette,
  type OutlineFlag,
} from '../../src/map/map-style';

const FLAGS: readonly OutlineFlag[] = ['hovered', 'selected', 'highlighted', 'planned'];

/** Every assignment of the four flags, as feature-state. */
const ALL_STATES: readonly Partial<Record<OutlineFlag, boolean>>[] = Array.from(
  { length: 1 << FLAGS.length },
  (_, bits) => Object.fromEntries(FLAGS.map((flag, index) => [flag, (bits & (1 << index)) !== 0])),
);

/**
 * The part of MapLibre's expression language the outlines' opacities use, evaluated against
 * one feature's state. Anything else throws, so a new form fails here rather than passing
 * unchecked.
 */
function evaluate(expression: unknown, state: Partial<Record<OutlineFlag, boolean>>): unknown {
  if (typeof expression === 'number' || typeof expression === 'boolean') return expression;
  if (!Array.isArray(expression)) throw new Error(`not an expression: ${String(expression)}`);
  const [operator, ...args] = expression as [string, ...unknown[]];
  switch (operator) {
    case 'feature-state':
      return state[args[0] as OutlineFlag];
    case 'boolean': {
      const value = evaluate(args[0], state);
      return typeof value === 'boolean' ? value : evaluate(args[1], state);
    }
    case '!':
      return !evaluate(args[0], state);
    case 'all':
      return args.every((arg) => evaluate(arg, state) === true);
    case 'any':
      return args.some((arg) => evaluate(arg, state) === true);
    case 'case': {
      for (let index = 0; index + 1 < args.length; index += 2) {
        if (evaluate(args[index], state) === true) return evaluate(args[index + 1], state);
      }
      return evaluate(args[args.length - 1], state);
    }
    default:
      throw new Error(`expression not handled by this test: ${operator}`);
  }
}

const lineOpacity = (layer: LayerSpecification): unknown =>
  layer.type === 'line' ? (layer.paint?.['line-opacity'] ?? 1) : undefined;

const PALETTES: readonly MapPalette[] = ['standard', 'presenter'];

describe('outlines switched off while no area has their flags', () => {
  it('lists line layers of the style, each on its level’s outline source', () => {
    const source = { county: SOURCE.countyOutlines, municipality: SOURCE.municipalAreas };
    expect(CONDITIONAL_OUTLINES).toHaveLength(10);
    for (const { layer: id, level } of CONDITIONAL_OUTLINES) {
      const layer = LAYERS.find((candidate) => candidate.id === id);
      expect(layer?.type, id).toBe('line');
      expect(layer && 'source' in layer ? layer.source : undefined, id).toBe(source[level]);
    }
  });

  it.each(PALETTES)(
    'in the %s palette, draws each listed outline only for an area with one of its flags',
    (palette) => {
      for (const { layer: id, flags } of CONDITIONAL_OUTLINES) {
        const layer = layersFor(palette).find((candidate) => candidate.id === id);
        if (layer === undefined) throw new Error(`no layer ${id}`);
        let drawn = 0;
        for (const state of ALL_STATES) {
          const opacity = evaluate(lineOpacity(layer), state);
          if (!flags.some((flag) => state[flag]))
            expect(opacity, `${id} ${JSON.stringify(state)}`).toBe(0);
          else if (typeof opacity === 'number' && opacity > 0) drawn += 1;
        }
        // The flags are the right ones: with them the outline does show.
        expect(drawn, id).toBeGreaterThan(0);
      }
    },
  );

  it('leaves out no line layer that is invisible for an area without flags', () => {
    const listed = new Set(CONDITIONAL_OUTLINES.map(({ layer }) => layer));
    const invisibleWithoutFlags = LAYERS.filter((layer) => {
      if (layer.type !== 'line') return false;
      try {
        return evaluate(lineOpacity(layer), {}) === 0;
      } catch {
        return false; // An opacity that reads more than these flags is not a conditional outline.
      }
    }).map((layer) => layer.id);
    expect(invisibleWithoutFlags.sort()).toEqual([...listed].sort());
  });
});

describe('liveOutlines', () => {
  const county = (id: string, planned = false): MapCounty =>
    ({ id, planned }) as unknown as MapCounty;
  const municipality = (id: string, planned = false): MapMunicipality =>
    ({ id, planned }) as unknown as MapMunicipality;
  const model = (overrides: Partial<MapModel> = {}) => ({
    counties: [county('AL011'), county('AL021')],
    municipalities: [municipality('AL212'), municipality('AL301')],
    highlighted: [],
    selected: null,
    hovered: null,
    ...overrides,
  });
  const live = (overrides: Partial<MapModel>) =>
    [...liveOutlines(model(overrides))].filter(([, on]) => on).map(([layer]) => layer);

  it('switches every outline off when nothing is emphasised or planned', () => {
    const outlines = liveOutlines(model());
    expect([...outlines.keys()]).toEqual(CONDITIONAL_OUTLINES.map(({ layer }) => layer));
    expect([...outlines.values()].every((on) => !on)).toBe(true);
  });

  it('turns on the casing and the outline of each emphasis, at the emphasised area’s level', () => {
    expect(live({ hovered: { level: 'county', id: 'AL011' } })).toEqual([
      'county-emphasis-casing',
      'county-hovered',
    ]);
    expect(live({ selected: { level: 'municipality', id: 'AL212' } })).toEqual([
      'municipal-area-emphasis-casing',
      'municipal-area-selected',
    ]);
    expect(
      live({
        highlighted: [
          { level: 'county', id: 'AL011' },
          { level: 'municipality', id: 'AL301' },
        ],
        selected: { level: 'county', id: 'AL021' },
      }),
    ).toEqual([
      'county-emphasis-casing',
      'county-highlighted',
      'county-selected',
      'municipal-area-emphasis-casing',
      'municipal-area-highlighted',
    ]);
  });

  it('turns on the planned outline of a level with a planned area', () => {
    expect(live({ counties: [county('AL011'), county('AL021', true)] })).toEqual([
      'county-planned',
    ]);
    expect(live({ municipalities: [municipality('AL212', true)] })).toEqual([
      'municipal-area-planned',
    ]);
  });
});

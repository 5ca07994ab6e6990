import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { parseDataset } from '../../src/domain/parse-dataset';
import { readDataFiles } from '../../src/io/node-files';
import { sameMunicipalityLayout, valueStateChanges } from '../../src/map/to-geojson';
import { createHartaStore } from '../../src/store/harta-store';
import { selectMapModel } from '../../src/store/selectors';

// The map draws a filter change from feature-state alone (one frame, no new data for MapLibre's
// worker): that holds only if the model's layout figures ignore the filters. Checked on the
// published data, through the store, for every kind of filter.

const root = path.resolve(import.meta.dirname, '../..');
const { gazetteer } = checkGazetteer(readFileSync(path.join(root, 'geo/gazetteer.json'), 'utf8'));
if (!gazetteer) throw new Error('geo/gazetteer.json does not load');
const { dataset } = parseDataset(readDataFiles(root), gazetteer);

describe('the map model under filters', () => {
  const filters: Array<[string, (store: ReturnType<typeof createHartaStore>) => void]> = [
    ['an activity type', (store) => store.getState().toggleActivityType('awareness')],
    ['nationwide scope', (store) => store.getState().setScope('national')],
    ['hotspots only', (store) => store.getState().setHotspotsOnly(true)],
    ['a text', (store) => store.getState().setText('youth')],
  ];

  it.each(filters)('keeps the layout and only changes figures for %s', (_name, apply) => {
    const store = createHartaStore({ gazetteer, dataset });
    const before = selectMapModel(store.getState());
    apply(store);
    const after = selectMapModel(store.getState());
    expect(after).not.toBe(before);
    expect(sameMunicipalityLayout(before.municipalities, after.municipalities)).toBe(true);
    // The filter did change what is drawn, and never beyond the unfiltered figures.
    expect(valueStateChanges(before, after).length).toBeGreaterThan(0);
    for (const municipality of after.municipalities) {
      expect(municipality.organisations).toBeLessThanOrEqual(municipality.unfiltered.organisations);
    }
  });

  it('gives unfiltered figures equal to the model with no filter', () => {
    const store = createHartaStore({ gazetteer, dataset });
    const model = selectMapModel(store.getState());
    for (const municipality of model.municipalities) {
      expect(municipality.unfiltered).toEqual({
        organisations: municipality.organisations,
        gapScore: municipality.gapScore,
      });
    }
    expect(model.municipalities.some((m) => m.unfiltered.organisations > 0)).toBe(true);
  });
});

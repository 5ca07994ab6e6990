import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '../../src/components/export-menu';
import { NO_FILTERS } from '../../src/domain/coverage';
import { createHartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

function renderMenu(filters = NO_FILTERS) {
  const download = vi.fn<(fileName: string, text: string, mimeType: string) => void>();
  const store = createHartaStore(
    { gazetteer: makeGazetteer(), dataset: makeDataset() },
    { filters },
  );
  render(
    <StoreProvider store={store}>
      <ExportMenu download={download} />
    </StoreProvider>,
  );
  return { download, store };
}

const exportedNames = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\n')
    .slice(2)
    .filter((line) => line !== '')
    .map((line) => line.split(',')[0]);

describe('ExportMenu', () => {
  it('exports everything as a long-form HXL sheet when nothing is filtered', () => {
    const { download } = renderMenu();
    expect(screen.getByRole('radio', { name: /current filter only/i })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Download 5 organisations' }));
    const [name, text, type] = download.mock.calls[0] ?? [];
    expect(name).toMatch(/^harta-3w-al-all-\d{4}-\d\d-\d\d\.csv$/);
    expect(type).toBe('text/csv');
    const [header, hashtags] = (text ?? '').replace(/^\uFEFF/, '').split('\n');
    expect(header).toMatch(/^Organisation,Acronym,Kind,Activity type/);
    expect(hashtags).toMatch(/^#org\+name,#org\+acronym,#org\+type,#activity\+type/);
    expect(new Set(exportedNames(text ?? ''))).toEqual(
      new Set([
        'Cërrik One',
        'Cërrik Two',
        'Elbasan County Group',
        'Pogradec Youth',
        'National Donor',
      ]),
    );
  });

  it('exports only what the filter shows, or everything when asked, and says which', () => {
    const { download } = renderMenu({ ...NO_FILTERS, activityTypes: ['training'] });
    expect(
      screen.getByRole('radio', { name: /current filter only \(2 organisations\)/i }),
    ).toBeChecked();
    fireEvent.click(screen.getByRole('button', { name: 'Download 2 organisations' }));
    const filtered = download.mock.calls[0]?.[1] ?? '';
    expect(new Set(exportedNames(filtered))).toEqual(new Set(['Cërrik Two', 'National Donor']));
    expect(filtered).toContain('filter: activity types: Training');
    expect(download.mock.calls[0]?.[0]).toMatch(/-filtered-/);
    fireEvent.click(screen.getByRole('radio', { name: /everything \(5 organisations\)/i }));
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download 5 organisations' }));
    const [name, json, type] = download.mock.calls[1] ?? [];
    expect(name).toMatch(/\.json$/);
    expect(type).toBe('application/json');
    const parsed = JSON.parse(json ?? '{}') as { format: string; organisations: unknown[] };
    expect(parsed.format).toBe('harta-3w');
    expect(parsed.organisations).toHaveLength(5);
  });

  it('exports GeoJSON points at the municipalities worked in', () => {
    const { download } = renderMenu();
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'geojson' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download 5 organisations' }));
    const [name, text, type] = download.mock.calls[0] ?? [];
    expect(name).toMatch(/\.geojson$/);
    expect(type).toBe('application/geo+json');
    const collection = JSON.parse(text ?? '{}') as {
      type: string;
      features: { properties: { id: string } }[];
    };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((feature) => feature.properties.id)).toContain('AL212');
  });
});

import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BoundaryImport } from '../../src/components/boundary-import';
import { MAX_BOUNDARY_FILE_BYTES } from '../../src/domain/boundary-import';
import { createHartaStore, type HartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { boundaryFile, gazetteer, hdxLikeFile } from '../unit/fixtures/boundary-fixture';
import { makeDataset } from '../unit/fixtures/dataset-fixture';

// The loader with the REAL gazetteer (geo/gazetteer.json) and SYNTHETIC boundary files made at
// test time from geo/ (see tests/unit/fixtures/boundary-fixture.ts). Files are read through the
// injected `readText`, so the test decides what each file holds. The 61-row tests get a longer
// timeout: jsdom takes seconds over a table of 61 choice lists that a browser draws at once.

const HOSTILE = '<img src=x onerror="window.__boundaryXss = true">';
/** Made once, at import: the Voronoi cells take most of a second to build. */
const HDX_TEXT = JSON.stringify(hdxLikeFile());

declare global {
  interface Window {
    __boundaryXss?: boolean;
  }
}

function setup(texts: Record<string, string>, readText?: (file: File) => Promise<string>) {
  const store: HartaStore = createHartaStore({ gazetteer, dataset: makeDataset() });
  const read = vi.fn(
    readText ??
      ((file: File) => {
        const text = texts[file.name];
        return text === undefined
          ? Promise.reject(new Error(`${file.name} could not be read`))
          : Promise.resolve(text);
      }),
  );
  render(
    <StoreProvider store={store}>
      <BoundaryImport readText={read} />
    </StoreProvider>,
  );
  const input = screen.getByLabelText('GeoJSON file of municipalities');
  const choose = async (name: string) => {
    await userEvent.upload(input, new File(['(not read: see readText)'], name));
  };
  return { store, read, input, choose };
}

/** Gazetteer order: Bulqizë, Dibër, Klos, Mat, Durrës, … */
function namedFile(names: readonly string[]): string {
  const only = gazetteer.municipalities.slice(0, names.length).map((m) => m.id);
  return JSON.stringify(
    boundaryFile((m, index) => ({ name: names[index], LAU: '', county: m.county }), { only }),
  );
}

describe('BoundaryImport', () => {
  it('offers an accessible file picker for .geojson and .json', () => {
    const { input } = setup({});
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', '.geojson,.json');
    expect(input).toHaveAttribute('data-testid', 'boundary-import-file');
    expect(screen.getByRole('heading', { name: 'Municipal boundaries' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it(
    'previews a 61-municipality file: counts, properties, one row per feature',
    { timeout: 20_000 },
    async () => {
      const { choose, read } = setup({ 'alb_adm2.geojson': HDX_TEXT });
      await choose('alb_adm2.geojson');
      expect(read).toHaveBeenCalledTimes(1);
      const preview = await screen.findByRole('region', { name: 'Preview of alb_adm2.geojson' });
      expect(screen.getByRole('status')).toHaveTextContent(
        'alb_adm2.geojson: 61 features, 61 municipalities matched. Check the preview, then apply or cancel.',
      );
      const summary = within(preview).getByRole('list', { name: 'Summary' });
      expect(summary).toHaveTextContent('61 matched');
      expect(summary).toHaveTextContent('0 not matched');
      expect(summary).toHaveTextContent('0 duplicates');
      expect(summary).toHaveTextContent('0 municipalities with no feature');

      const nameProperty = within(preview).getByLabelText('Name property');
      expect(nameProperty).toHaveValue('ADM2_SQ');
      expect(
        within(nameProperty)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual([
        '(none)',
        'ADM2_EN (e.g. Bulqiza, Dibra, Klosi)',
        'ADM2_SQ (e.g. Bulqizë, Dibër, Klos)',
        'ADM2_PCODE (e.g. AL1000, AL1001, AL1002)',
        'ADM1_EN (e.g. Dibër, Durrës, Kukës)',
        'ADM0_EN (e.g. Albania)',
      ]);
      const table = within(preview).getByRole('table', { name: 'Features of alb_adm2.geojson' });
      expect(
        within(table)
          .getAllByRole('columnheader')
          .map((th) => th.textContent),
      ).toEqual(['#', 'Name in the file', 'Code', 'Municipality', 'Status', 'Notes']);
      expect(within(table).getAllByRole('row')).toHaveLength(62);
      expect(
        within(preview).getByRole('button', { name: 'Apply: shade 61 municipalities' }),
      ).toBeEnabled();

      // A matched row offers its choice list on request: leaving Bulqizë out.
      expect(within(table).queryAllByRole('combobox')).toHaveLength(0);
      await userEvent.click(
        within(table).getByRole('button', {
          name: 'Change the municipality for feature 1 (Bulqizë)',
        }),
      );
      const choice = within(table).getByLabelText('Municipality for feature 1 (Bulqizë)');
      expect(choice).toHaveValue('AL111');
      await userEvent.selectOptions(choice, '');
      expect(summary).toHaveTextContent('60 matched');
      expect(summary).toHaveTextContent('1 left out');
      expect(summary).toHaveTextContent('1 municipalities with no feature');
      expect(
        within(preview).getByRole('button', { name: 'Apply: shade 60 municipalities' }),
      ).toBeEnabled();
    },
  );

  it('re-matches when the user picks another name property', { timeout: 20_000 }, async () => {
    const { choose } = setup({ 'adm2.geojson': HDX_TEXT });
    await choose('adm2.geojson');
    const preview = await screen.findByRole('region', { name: /Preview/ });
    await userEvent.selectOptions(within(preview).getByLabelText('Name property'), 'ADM0_EN');
    const summary = within(preview).getByRole('list', { name: 'Summary' });
    expect(summary).toHaveTextContent('0 matched');
    expect(summary).toHaveTextContent('61 not matched');
    expect(within(preview).getByRole('button', { name: /^Apply/ })).toBeDisabled();
    await userEvent.selectOptions(within(preview).getByLabelText('Name property'), 'ADM2_EN');
    expect(summary).toHaveTextContent('61 matched');
  });

  it('shows a hostile feature name as text; nothing runs and no image is made', async () => {
    const { choose } = setup({ 'x.geojson': namedFile([HOSTILE, 'Dibra']) });
    await choose('x.geojson');
    const table = await screen.findByRole('table');
    const cell = within(table).getByText(HOSTILE);
    expect(cell.tagName).toBe('TD');
    expect(table.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    // The name also appears in the message and in the row's control label, as text.
    expect(within(table).getByText(`Unknown municipality "${HOSTILE}".`)).toBeInTheDocument();
    expect(
      within(table).getByLabelText(`Municipality for feature 1 (${HOSTILE})`),
    ).toBeInTheDocument();
    expect(window.__boundaryXss).toBeUndefined();
  });

  it('takes a suggestion, leaves out a duplicate, and applies only what is drawn', async () => {
    const { choose, store } = setup({
      'mixed.geojson': namedFile(['Gjirokstrr', 'Kukesi', 'Bashkia Kukës', 'Qarku Dibër']),
    });
    await choose('mixed.geojson');
    const preview = await screen.findByRole('region', { name: /Preview/ });
    const rows = within(preview).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[3]?.textContent)).toEqual([
      'Not matched',
      'Duplicate',
      'Duplicate',
      'A county',
    ]);
    expect(rows[0]).toHaveTextContent(
      'Unknown municipality "Gjirokstrr": did you mean Gjirokastër?',
    );
    expect(rows[3]).toHaveTextContent('Names the county Dibër, not a municipality.');
    const summary = within(preview).getByRole('list', { name: 'Summary' });
    expect(summary).toHaveTextContent('2 not matched (1 county)');
    expect(summary).toHaveTextContent('2 duplicates');
    expect(summary).toHaveTextContent('60 municipalities with no feature');

    await userEvent.click(
      within(preview).getByRole('button', { name: 'Use Gjirokastër for feature 1' }),
    );
    await userEvent.selectOptions(
      within(preview).getByLabelText('Municipality for feature 3 (Bashkia Kukës)'),
      '',
    );
    const after = within(preview).getAllByRole('row').slice(1);
    expect(after.map((row) => within(row).getAllByRole('cell')[3]?.textContent)).toEqual([
      'Matched',
      'Matched',
      'Left out',
      'A county',
    ]);
    expect(within(after[0]!).getAllByRole('cell')[2]).toHaveTextContent('Gjirokastër');
    expect(after[0]).toHaveTextContent('Chosen by you.');
    expect(store.getState().municipalBoundaries).toBeNull();

    await userEvent.click(
      within(preview).getByRole('button', { name: 'Apply: shade 2 municipalities' }),
    );
    const applied = store.getState().municipalBoundaries;
    expect(applied?.fileName).toBe('mixed.geojson');
    expect(
      applied?.features.map((f) => [f.properties.municipalityId, f.properties.nameInFile]),
    ).toEqual([
      ['AL132', 'Kukesi'],
      [gazetteer.municipalities.find((m) => m.name === 'Gjirokastër')?.id, 'Gjirokstrr'],
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Boundaries from mixed.geojson applied: 2 municipalities shaded on the map.',
    );
    expect(screen.queryByRole('region', { name: /Preview/ })).not.toBeInTheDocument();
  });

  it('changes nothing on Cancel', async () => {
    const { choose, store, input } = setup({ 'adm2.geojson': HDX_TEXT });
    await choose('adm2.geojson');
    await screen.findByRole('region', { name: /Preview/ });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(store.getState().municipalBoundaries).toBeNull();
    expect(screen.queryByRole('region', { name: /Preview/ })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Cancelled: nothing changed.');
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('shows the loaded boundaries and removes them', async () => {
    const { store } = setup({});
    act(() =>
      store.getState().setMunicipalBoundaries({
        fileName: 'bashki.geojson',
        loadedAt: '2025-01-01T00:00:00.000Z',
        features: [],
      }),
    );
    expect(screen.getByText(/Loaded:/)).toHaveTextContent(
      'Loaded: bashki.geojson, 0 municipalities.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Remove loaded boundaries' }));
    expect(store.getState().municipalBoundaries).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(
      'The boundaries from bashki.geojson were removed',
    );
    expect(
      screen.queryByRole('button', { name: 'Remove loaded boundaries' }),
    ).not.toBeInTheDocument();
  });

  it('explains a file it cannot use, with line and column for broken JSON', async () => {
    const { choose, store } = setup({
      'broken.geojson': '{\n  "type": "FeatureCollection",\n  "features": [,]\n}',
    });
    await choose('broken.geojson');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /^broken\.geojson is not valid JSON: .+ \(line 3, column 16\)\. Nothing was changed\.$/,
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(store.getState().municipalBoundaries).toBeNull();
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const { input, read } = setup({});
    const huge = new File(['{}'], 'huge.geojson');
    Object.defineProperty(huge, 'size', { value: MAX_BOUNDARY_FILE_BYTES + 1 });
    await userEvent.upload(input, huge);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^huge\.geojson is larger than 50 MB/,
    );
    expect(read).not.toHaveBeenCalled();
  });

  it('says when the file cannot be read', async () => {
    const { choose } = setup({});
    await choose('gone.geojson');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'gone.geojson could not be read Nothing was changed.',
    );
  });

  it('shows only the latest file when an earlier one finishes reading later', async () => {
    let releaseFirst: (text: string) => void = () => undefined;
    const { choose } = setup({}, (file) =>
      file.name === 'slow.geojson'
        ? new Promise((resolve) => {
            releaseFirst = resolve;
          })
        : Promise.resolve(namedFile(['Kukës'])),
    );
    await choose('slow.geojson');
    expect(screen.getByRole('status')).toHaveTextContent('Reading slow.geojson…');
    await choose('fast.geojson');
    await screen.findByRole('region', { name: 'Preview of fast.geojson' });
    await act(async () => {
      releaseFirst(HDX_TEXT);
      await Promise.resolve();
    });
    expect(screen.getByRole('region', { name: /Preview/ })).toHaveAccessibleName(
      'Preview of fast.geojson',
    );
  });
});

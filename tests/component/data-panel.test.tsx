import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LocalChangesMark } from '../../src/components/local-changes-mark';
import { SidePanel } from '../../src/components/side-panel';
import { createHartaStore, type InitialState } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';
import { fakeFileActions } from '../support/file-actions';

// SYNTHETIC fixture dataset and gazetteer; every sheet below is made up for the test.

function renderPanel(initial: InitialState = { tab: 'data' }) {
  const store = createHartaStore({ gazetteer: makeGazetteer(), dataset: makeDataset() }, initial);
  const files = fakeFileActions();
  render(
    <StoreProvider store={store}>
      <LocalChangesMark />
      <SidePanel files={files} />
    </StoreProvider>,
  );
  return { store, files, user: userEvent.setup() };
}

const sheet = (name: string, text: string | Uint8Array<ArrayBuffer>, type = 'text/csv') =>
  new File([text], name, { type });

async function upload(user: ReturnType<typeof userEvent.setup>, file: File) {
  // The Data panel loads lazily, so its input may not be there on the first render.
  await user.upload(await screen.findByTestId('import-file'), file);
}

const PARTNER_SHEET = [
  'Organisation,Kind,Activity,Bashkia',
  'Qendra Rinore,CSO,Training,Pogradec',
  'Qendra Rinore,CSO,Training,Korça',
  'Cërrik One,,,Prrenjas',
  'Pogradec Youth,,,Pogradeci',
  'Nowhere Group,CSO,,Pogradecc',
].join('\n');

describe('import in the Data panel', () => {
  it('previews a plain-header sheet only after the columns are confirmed, then lists every row and problem', async () => {
    const { user } = renderPanel();
    await upload(user, sheet('partner.csv', PARTNER_SHEET));
    const preview = await screen.findByRole('region', { name: 'Preview of partner.csv' });
    expect(preview).toHaveTextContent(
      'partner.csv: 5 rows; organisations: 1 to add, 1 to update, 1 unchanged, 1 with errors; 1 error',
    );
    // Plain headers: the column mapping comes first.
    const bashkia = within(preview).getByRole('combobox', { name: /Bashkia/ });
    expect(bashkia).toHaveValue('municipality');
    expect(within(preview).queryByRole('table', { name: 'Rows of the file' })).toBeNull();
    await user.click(within(preview).getByRole('button', { name: 'The columns are read right' }));
    const errors = within(preview).getByRole('region', { name: 'Errors' });
    expect(errors).toHaveTextContent(/Line 6, Bashkia: .*Pogradecc.*Pogradec/);
    const rows = within(preview).getByRole('table', { name: 'Rows of the file' });
    const bodyRows = within(rows).getAllByRole('row').slice(1);
    expect(bodyRows.map((row) => row.textContent)).toEqual([
      '2Qendra RinoreAddPogradec',
      '3Qendra RinoreAddKorçë',
      '4Cërrik OneUpdatePrrenjasmunicipalities: + Prrenjas; − Cërrik',
      '5Pogradec YouthUnchangedPogradec',
      '6Nowhere GroupError—',
    ]);
  });

  it('applies nothing while errors remain, then applies all of it at once when they are skipped, and undoes it', async () => {
    const { store, user } = renderPanel();
    const before = store.getState().dataset;
    await upload(user, sheet('partner.csv', PARTNER_SHEET));
    await user.click(await screen.findByRole('button', { name: 'The columns are read right' }));
    await user.click(screen.getByRole('button', { name: 'Apply: add 1, update 1' }));
    expect(
      await screen.findByText('line 6 has errors: fix them in the file, or skip them'),
    ).toBeVisible();
    expect(store.getState().dataset).toBe(before);

    await user.click(screen.getByRole('checkbox', { name: /Skip the rows with errors/ }));
    await user.click(screen.getByRole('button', { name: 'Apply: add 1, update 1' }));
    expect(
      await screen.findByText(
        'Imported partner.csv: 1 added, 1 updated, 1 unchanged; skipped line 6. Undo puts everything back.',
      ),
    ).toBeVisible();
    const after = store.getState().dataset.organisations;
    expect(after).toHaveLength(before.organisations.length + 1);
    expect(after.find((o) => o.name === 'Qendra Rinore')).toMatchObject({
      municipalityIds: ['AL345', 'AL343'],
      source: { row: 2 },
    });
    expect(after.find((o) => o.id === 'cerrik-one')?.municipalityIds).toEqual(['AL217']);
    expect(screen.getByRole('button', { name: 'Local changes: 2 organisations' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Undo: Import partner.csv' }));
    expect(store.getState().dataset.organisations).toEqual(before.organisations);
    expect(screen.queryByRole('button', { name: /Local changes/ })).toBeNull();
  });

  it('reads a sheet of new work only as additions, removing nothing, when asked', async () => {
    const { store, user } = renderPanel();
    await upload(user, sheet('partner.csv', PARTNER_SHEET));
    await user.click(await screen.findByRole('button', { name: 'The columns are read right' }));
    const row = () => screen.getByRole('cell', { name: /^municipalities:/ });
    expect(row()).toHaveTextContent('municipalities: + Prrenjas; − Cërrik');
    await user.click(screen.getByRole('radio', { name: /new work only: nothing is removed/ }));
    expect(row()).toHaveTextContent(/^municipalities: \+ Prrenjas$/);
    await user.click(screen.getByRole('checkbox', { name: /Skip the rows with errors/ }));
    await user.click(screen.getByRole('button', { name: 'Apply: add 1, update 1' }));
    expect(
      store.getState().dataset.organisations.find((o) => o.id === 'cerrik-one')?.municipalityIds,
    ).toEqual(['AL212', 'AL217']);
  });

  it('re-reads the rows when a column is mapped differently', async () => {
    const { user } = renderPanel();
    await upload(user, sheet('s.csv', 'Who,Place\nQendra Rinore,Pogradec\n'));
    const preview = await screen.findByRole('region', { name: 'Preview of s.csv' });
    const place = within(preview).getByRole('combobox', { name: 'Place' });
    await user.selectOptions(place, 'Organisation kind');
    await user.click(within(preview).getByRole('button', { name: 'The columns are read right' }));
    // Without a place column no row can be placed: a missing required column, on the header.
    expect(within(preview).getByRole('region', { name: 'Errors' })).toHaveTextContent(
      /Line 1: missing required column: a place/,
    );
    await user.selectOptions(place, 'Municipality (bashki)');
    // Changing a column asks for the confirmation again.
    await user.click(within(preview).getByRole('button', { name: 'The columns are read right' }));
    expect(within(preview).queryByRole('region', { name: 'Errors' })).toBeNull();
  });

  it('asks for the kind of new organisations when the sheet has no kind column', async () => {
    const { store, user } = renderPanel();
    await upload(user, sheet('s.csv', '#org+name,#adm2+name\nQendra Rinore,Pogradec\n'));
    await user.click(await screen.findByRole('button', { name: 'Apply: add 1, update 0' }));
    expect(await screen.findByText(/no kind \(Qendra Rinore\): choose the kind/)).toBeVisible();
    await user.selectOptions(
      screen.getByRole('combobox', { name: /Kind for new organisations/ }),
      'Donor',
    );
    await user.click(screen.getByRole('button', { name: 'Apply: add 1, update 0' }));
    expect(store.getState().dataset.organisations.at(-1)).toMatchObject({
      name: 'Qendra Rinore',
      kind: 'donor',
    });
  });

  it('shows an organisation name that is HTML as text, and runs nothing', async () => {
    const { user } = renderPanel();
    const name = '<img src=x onerror="window.__pwned=1">';
    await upload(
      user,
      sheet(
        's.csv',
        `#org+name,#org+type,#adm2+name\n"${name.replace(/"/g, '""')}",CSO,Pogradec\n`,
      ),
    );
    const preview = await screen.findByRole('region', { name: 'Preview of s.csv' });
    expect(within(preview).getByText(name)).toBeVisible();
    expect(document.querySelector('img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('names the file and keeps the previous preview when a file cannot be read', async () => {
    const { store, user } = renderPanel();
    await upload(user, sheet('good.csv', PARTNER_SHEET));
    await screen.findByRole('region', { name: 'Preview of good.csv' });
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0, 0]);
    await upload(user, sheet('photo.csv', binary));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /photo\.csv.*The file previewed before is still shown\./,
    );
    expect(screen.getByRole('region', { name: 'Preview of good.csv' })).toBeVisible();
    await upload(user, sheet('empty.csv', ''));
    expect(await screen.findByRole('alert')).toHaveTextContent(/empty\.csv is empty/);
    expect(store.getState().editHistory).toEqual([]);
  });
});

describe('editing organisations', () => {
  it('edits a record with the same validation, marks it, and resets to the published dataset', async () => {
    const { store, user } = renderPanel({
      tab: 'organisation',
      selection: { kind: 'organisation', id: 'cerrik-one' },
    });
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit Cërrik One' });
    const name = within(form).getByRole('textbox', { name: 'Name (required)' });
    await user.clear(name);
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Not saved: The name is required.');
    expect(store.getState().dataset.organisations[0]!.name).toBe('Cërrik One');

    await user.type(name, 'Cërrik One Renamed');
    const where = within(form).getByRole('textbox', { name: 'Where it works (required)' });
    await user.clear(where);
    await user.type(where, 'Cerrik; Pogradecc');
    expect(
      within(form).getByText(
        /Not found in the gazetteer, kept as text: Pogradecc \(did you mean Pogradec\?\)/,
      ),
    ).toBeVisible();
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(screen.getByText('Changed in this browser')).toBeVisible();
    expect(store.getState().dataset.organisations[0]).toMatchObject({
      name: 'Cërrik One Renamed',
      municipalityIds: ['AL212'],
      unresolvedPlaces: ['Pogradecc'],
    });
    expect(screen.getByRole('button', { name: 'Local changes: 1 organisation' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Local changes: 1 organisation' }));
    expect(
      await screen.findByText(/This view contains local changes: 0 added, 1 changed, 0 deleted/),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Reset to the published dataset…' }));
    await user.click(screen.getByRole('button', { name: 'Yes, reset' }));
    expect(store.getState().dataset).toBe(store.getState().publishedDataset);
    // Reset itself can be undone.
    await user.click(screen.getByRole('button', { name: 'Undo: Reset to the published dataset' }));
    expect(store.getState().dataset.organisations[0]!.name).toBe('Cërrik One Renamed');
  });

  it('adds an organisation, then deletes it after a confirmation', async () => {
    const { store, user } = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Add an organisation' }));
    const form = screen.getByRole('form', { name: 'Add an organisation' });
    await user.type(
      within(form).getByRole('textbox', { name: 'Name (required)' }),
      'Qendra <b>Rinore</b>',
    );
    await user.selectOptions(
      within(form).getByRole('combobox', { name: 'Kind (required)' }),
      'CSO',
    );
    await user.type(
      within(form).getByRole('textbox', { name: 'Where it works (required)' }),
      'Kamza',
    );
    expect(within(form).getByText('Read as: Kamëz.')).toBeVisible();
    await user.type(
      within(form).getByRole('textbox', { name: 'Website (http or https)' }),
      'javascript:alert(1)',
    );
    await user.click(within(form).getByRole('button', { name: 'Add organisation' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(
      /only http and https links are allowed/,
    );
    await user.clear(within(form).getByRole('textbox', { name: 'Website (http or https)' }));
    await user.click(within(form).getByRole('button', { name: 'Add organisation' }));

    // The new record opens, marked, its name as text.
    expect(screen.getByRole('heading', { name: 'Qendra <b>Rinore</b>' })).toBeVisible();
    expect(screen.getByText('Added in this browser')).toBeVisible();
    const added = store.getState().dataset.organisations.at(-1)!;
    expect(added).toMatchObject({
      id: 'qendra-b-rinore-b',
      municipalityIds: ['AL221'],
      source: { document: 'edited-in-harta', row: null },
    });
    expect(store.getState().dataset.documents.map((d) => d.id)).toContain('edited-in-harta');

    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(store.getState().dataset.organisations.some((o) => o.id === added.id)).toBe(false);
    expect(store.getState().selection).toBeNull();
  });
});

describe('persistence wiring', () => {
  it('an edit made while storage is full stays in the tab and says so', async () => {
    const { startEditSync } = await import('../../src/io/edit-sync');
    const { store } = renderPanel();
    const onProblems = vi.fn();
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const stop = startEditSync(
      {
        countryCode: 'AL',
        read: () => ({ edits: store.getState().edits, boundaries: null }),
        subscribe: (listener) => store.subscribe(listener),
        applyEdits: vi.fn(),
        applyBoundaries: vi.fn(),
        onProblems,
        onExternalChange: vi.fn(),
      },
      {
        store: { get: vi.fn(), put: () => Promise.reject(quota), delete: vi.fn() },
        canSave: true,
      },
      () => null,
    );
    store.getState().deleteOrganisation('cerrik-one');
    await waitFor(() =>
      expect(onProblems).toHaveBeenLastCalledWith([
        expect.stringMatching(
          /could not be saved in this browser: the browser's storage for this site is full/,
        ),
      ]),
    );
    expect(store.getState().dataset.organisations.some((o) => o.id === 'cerrik-one')).toBe(false);
    stop();
  });
});

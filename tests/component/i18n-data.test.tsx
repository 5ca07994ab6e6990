import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DataPanel } from '../../src/components/data-panel';
import { OrganisationForm } from '../../src/components/organisation-form';
import type { PlannerFileActions } from '../../src/components/planner-panel';
import {
  describeEdits,
  NO_EDITS,
  sourceRowOf,
  summariseEdits,
  typedEditsDocument,
  withOrganisations,
  withoutOrganisation,
  type LocalEdits,
} from '../../src/domain/local-edits';
import { loadLocalData } from '../../src/io/edit-sync';
import {
  describeStorageError,
  loadBoundaries,
  loadEdits,
  saveEdits,
  type KeyValueStore,
} from '../../src/io/local-store';
import { translator } from '../../src/i18n/messages';
import { createHartaStore, type HartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { englishLeftIn, englishWordsIn } from '../support/english-text';
import { makeDataset, makeOrganisation } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

// SYNTHETIC fixture dataset and gazetteer. The Data panel in Albanian: its own sections (the
// import wizard and the boundary import it mounts are checked by their own tests).

const files: PlannerFileActions = {
  download: vi.fn(),
  readText: vi.fn(),
  readBytes: vi.fn(),
};

function makeStore(edits: LocalEdits = NO_EDITS, lang: 'en' | 'sq' = 'sq'): HartaStore {
  return createHartaStore(
    { gazetteer: makeGazetteer(), dataset: makeDataset() },
    { tab: 'data', edits, lang },
  );
}

function renderPanel(store: HartaStore) {
  render(
    <StoreProvider store={store}>
      <DataPanel files={files} />
    </StoreProvider>,
  );
  return { user: userEvent.setup() };
}

/** The Data panel's own sections: the heading, the local changes, adding an organisation. */
function ownSections(): Element[] {
  const panel = document.querySelector('.data-panel');
  if (!panel) throw new Error('no Data panel');
  return [
    panel.querySelector('h2')!,
    panel.querySelector('.local-changes')!,
    panel.querySelector('.add-organisation')!,
  ];
}

const englishIn = (elements: Element[]) => elements.flatMap((element) => englishLeftIn(element));

/** Edits that add one organisation, change one and delete one. */
function threeEdits(): LocalEdits {
  const published = makeDataset();
  const edits = withOrganisations(NO_EDITS, published, [
    { ...published.organisations[1]!, name: 'Cërrik Two Renamed', notes: 'moved' },
    makeOrganisation({ id: 'new-one', name: 'Institute for the Study of Things' }),
  ]);
  return withoutOrganisation(edits, published, 'national-donor');
}

describe('the Data panel in Albanian', () => {
  it('has no English with no local changes', () => {
    renderPanel(makeStore());
    expect(englishIn(ownSections())).toEqual([]);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Të dhënat');
    expect(screen.getByText('Asnjë: pamja tregon të dhënat e publikuara.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Shto një organizatë' })).toBeVisible();
  });

  it('lists added, changed and deleted records, asks before a reset, and words the undo', async () => {
    const store = makeStore(threeEdits());
    const { user } = renderPanel(store);
    expect(englishIn(ownSections())).toEqual([]);
    expect(
      screen.getByText(
        'Kjo pamje përmban ndryshime vendore: 1 e shtuar, 1 e ndryshuar, 1 e fshirë. Ato ruhen vetëm në këtë shfletues; eksportojini për t’i ndarë me të tjerët.',
      ),
    ).toBeVisible();
    expect(screen.getByText('E shtuar')).toBeVisible();
    expect(screen.getByText('emri, shënimet')).toBeVisible();
    // Organisation names are data, not interface.
    expect(screen.getByText('Institute for the Study of Things')).toHaveAttribute(
      'translate',
      'no',
    );

    await user.click(screen.getByRole('button', { name: 'Rivendos të dhënat e publikuara…' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Të hiqen të gjitha ndryshimet vendore (3)?',
    );
    expect(englishIn(ownSections())).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Po, rivendos' }));
    expect(
      screen.getByRole('button', { name: 'Zhbëj: rivendosjen e të dhënave të publikuara' }),
    ).toBeVisible();
    expect(englishIn(ownSections())).toEqual([]);

    store.getState().deleteOrganisation('cerrik-one');
    expect(
      await screen.findByRole('button', { name: 'Zhbëj: fshirjen e «Cërrik One»' }),
    ).toBeVisible();
    store.getState().changeEdits(NO_EDITS, { kind: 'import', fileName: 'the partners.csv' });
    const undo = await screen.findByRole('button', {
      name: 'Zhbëj: importimin e the partners.csv',
    });
    expect(within(undo).getByText('the partners.csv')).toHaveAttribute('translate', 'no');
    expect(englishIn(ownSections())).toEqual([]);
  });

  it('keeps the English wording, with names, when the interface is English', async () => {
    const store = makeStore(threeEdits(), 'en');
    renderPanel(store);
    expect(
      screen.getByText(
        'This view contains local changes: 1 added, 1 changed, 1 deleted. They are saved in this browser only; export them to share them.',
      ),
    ).toBeVisible();
    expect(screen.getByText('name, notes')).toBeVisible();
    store.getState().saveOrganisation({ ...makeDataset().organisations[0]!, name: 'X' });
    expect(await screen.findByRole('button', { name: 'Undo: Edit “X”' })).toBeVisible();
  });

  it('words the add form, its warnings and its errors in Albanian', async () => {
    const { user } = renderPanel(makeStore());
    await user.click(screen.getByRole('button', { name: 'Shto një organizatë' }));
    const form = screen.getByRole('form', { name: 'Shto një organizatë' });
    expect(englishLeftIn(form)).toEqual([]);
    await user.click(within(form).getByRole('button', { name: 'Shto organizatën' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'Nuk u ruajt: Emri është i detyrueshëm. Zgjidhni llojin e organizatës. Tregoni ku vepron organizata',
    );
    expect(englishLeftIn(form)).toEqual([]);

    await user.type(within(form).getByRole('textbox', { name: 'Emri (i detyrueshëm)' }), 'Qendra');
    await user.type(
      within(form).getByRole('textbox', { name: 'Ku vepron (fushë e detyrueshme)' }),
      'Kamza; Pogradecc',
    );
    expect(within(form).getByText('Lexohet si: Kamëz.')).toBeVisible();
    expect(
      within(form).getByText(
        'Nuk u gjetën ndër vendet e njohura dhe u mbajtën si tekst: Pogradecc (mos keni parasysh Pogradec?).',
      ),
    ).toBeVisible();
    await user.type(
      within(form).getByRole('textbox', { name: 'Faqja në internet (http ose https)' }),
      'javascript:alert(1)',
    );
    await user.click(within(form).getByRole('button', { name: 'Shto organizatën' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'Faqja në internet: «javascript:alert(1)» nuk është një adresë e vlefshme http ose https.',
    );
    expect(englishLeftIn(form)).toEqual([]);

    const where = within(form).getByRole('textbox', { name: 'Ku vepron (fushë e detyrueshme)' });
    await user.clear(where);
    await user.type(where, 'Shqipëri');
    expect(within(form).getByText('Lexohet si: në mbarë vendin.')).toBeVisible();
    expect(englishLeftIn(form)).toEqual([]);
  });

  it('words the edit form in Albanian, the name and notes marked as data', () => {
    const store = makeStore();
    const existing = makeOrganisation({
      id: 'ngo',
      name: 'Centre for the Study of Democracy',
      notes: 'Row split from the source by the curator',
      geographicFocus: 'Elbasan county',
      countyIds: ['AL021'],
    });
    render(
      <StoreProvider store={store}>
        <OrganisationForm existing={existing} onDone={() => {}} />
      </StoreProvider>,
    );
    const form = screen.getByRole('form');
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(
      'Ndrysho «Centre for the Study of Democracy»',
    );
    expect(within(form).getByRole('button', { name: 'Ruaj ndryshimet' })).toBeVisible();
    expect(within(form).getByRole('button', { name: 'Anulo' })).toBeVisible();
    // The place text is what the user typed (translate="no"); its placeholder is Albanian.
    const where = within(form).getByRole('textbox', { name: 'Ku vepron (fushë e detyrueshme)' });
    expect(where).toHaveAttribute('translate', 'no');
    expect(englishWordsIn(where.getAttribute('placeholder') ?? '')).toEqual([]);
    // The aria-label holds the name; every text node is Albanian or marked as data.
    expect(englishLeftIn(form).filter((text) => !text.startsWith('Ndrysho '))).toEqual([]);
  });
});

describe('local-changes words for other panels', () => {
  it('describes the edits and a source row in Albanian', () => {
    const summary = summariseEdits(makeDataset(), threeEdits());
    const sq = translator('sq');
    const part = (kind: 'added' | 'changed' | 'deleted', count: number) =>
      sq('data.changes.part', kind, { count, shown: String(count) });
    expect(describeEdits(summary, part)).toBe('1 e shtuar, 1 e ndryshuar, 1 e fshirë');
    expect(describeEdits(summary)).toBe('1 added, 1 changed, 1 deleted');
    expect(sq('data.sourceRow', sourceRowOf({ document: 'x', row: 12 })!)).toBe(
      'Aneksi I, rreshti 12',
    );
    const document = typedEditsDocument('2026');
    expect(translator('en')('data.typedEdits.title', document.title)).toBe(document.title);
    expect(englishWordsIn(sq('data.typedEdits.title', document.title))).toEqual([]);
    expect(englishWordsIn(sq('data.typedEdits.publisher', document.publisher))).toEqual([]);
  });
});

describe('browser storage messages in Albanian', () => {
  const failing: KeyValueStore = {
    get: () => Promise.reject(Object.assign(new Error('x'), { name: 'QuotaExceededError' })),
    put: () => Promise.reject(Object.assign(new Error('x'), { name: 'QuotaExceededError' })),
    delete: () => Promise.reject(new Error('x')),
  };

  it('says why nothing was read or saved, in the language asked for', async () => {
    const messages = [
      describeStorageError({ name: 'QuotaExceededError' }, 'sq'),
      ...(await loadEdits(failing, 'AL', undefined, 'sq')).problems,
      (await loadBoundaries(failing, 'AL', 'sq')).problem ?? '',
      (await loadBoundaries({ ...failing, get: () => Promise.resolve({}) }, 'AL', 'sq')).problem ??
        '',
      ...(
        await loadLocalData(() => Promise.resolve({ store: null, problem: null }), 'AL', 50, 'sq')
      ).problems,
      ...(await loadLocalData(() => new Promise(() => {}), 'AL', 1, 'sq')).problems,
    ];
    const saved = await saveEdits(failing, 'AL', NO_EDITS, new Date(), 'sq');
    if (!saved.ok) messages.push(saved.message);
    expect(messages).toHaveLength(7);
    expect(messages.filter((message) => englishWordsIn(message).length > 0)).toEqual([]);
    expect(messages[1]).toBe(
      'Ndryshimet e ruajtura në këtë shfletues nuk mund të lexohen: hapësira e ruajtjes së shfletuesit për këtë faqe është plot. Ato nuk shfaqen.',
    );
    // English stays the default.
    expect((await loadEdits(failing, 'AL')).problems).toEqual([
      "Changes saved in this browser cannot be read: the browser's storage for this site is full. They are not shown.",
    ]);
  });
});

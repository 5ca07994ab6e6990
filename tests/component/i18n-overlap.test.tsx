import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrganisationPanel } from '../../src/components/organisation-panel';
import { OverlapMatrix } from '../../src/components/overlap-matrix';
import { OverlapPanel } from '../../src/components/overlap-panel';
import { PlaceSearch } from '../../src/components/place-search';
import { SidePanel } from '../../src/components/side-panel';
import type { HotspotEvidence, Organisation } from '../../src/domain/dataset';
import type { LocalEdits } from '../../src/domain/local-edits';
import type { PlannedIntervention } from '../../src/domain/plan';
import type { Selection } from '../../src/domain/view-state';
import type { Lang } from '../../src/i18n/messages';
import { createHartaStore, type HartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { englishLeftIn, englishWordsIn, interfaceTexts } from '../support/english-text';
import { inAlbanian } from '../unit/fixtures/albanian-taxonomy';
import { makeDataset, makeOrganisation } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

// Fixture gazetteer: AL212 Cërrik and AL213 Elbasan in Elbasan county (AL021); Paskuqan is in
// AL221 Kamëz.
const CERRIK = 'AL212';

const saturation: HotspotEvidence = {
  municipalityId: CERRIK,
  level: 0,
  kind: 'saturation-noted',
  document: 'fixture',
  location: 'Footnote 45',
  quote: 'with an abundance of operating organizations',
  note: 'The report names no organisation here.',
};

const inCerrik = (id: string, name: string, fields: Partial<Organisation> = {}) =>
  makeOrganisation({
    id,
    name,
    municipalityIds: [CERRIK],
    activityTypes: ['awareness'],
    ...fields,
  });

const plan = (id: string, fields: Partial<PlannedIntervention> = {}): PlannedIntervention => ({
  id,
  area: { level: 'municipality', id: CERRIK },
  activityTypes: ['awareness'],
  organisationId: null,
  organisationName: 'New Trainers',
  start: null,
  end: null,
  note: '',
  ...fields,
});

interface Setup {
  organisations?: Organisation[];
  evidence?: HotspotEvidence[];
  plans?: PlannedIntervention[];
  selection?: Selection | null;
  edits?: LocalEdits;
  lang?: Lang;
}

function setup(ui: ReactNode, options: Setup = {}): HartaStore {
  const dataset = inAlbanian(makeDataset(options.organisations));
  dataset.hotspotEvidence = [...dataset.hotspotEvidence, ...(options.evidence ?? [])];
  dataset.documents = [
    ...dataset.documents,
    {
      id: 'annex',
      title: 'Mapping of P/CVE actors (2025)',
      publisher: 'x',
      year: '2025',
      file: '',
    },
  ];
  const store = createHartaStore(
    { gazetteer: makeGazetteer(), dataset },
    {
      plans: options.plans ?? [],
      selection: options.selection ?? null,
      ...(options.edits ? { edits: options.edits } : {}),
      lang: options.lang ?? 'sq',
    },
  );
  if ((options.plans ?? []).length > 0) store.getState().setScenario('planned');
  render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return store;
}

const noEnglish = (root: Element = document.body) => expect(englishLeftIn(root, 'sq')).toEqual([]);

/**
 * The same, for a screen whose attributes hold data among interface words (an organisation's
 * name in an aria-label or title, where no markup can set it apart): the names are taken out of
 * the texts, the rest is checked.
 */
const noEnglishBesides = (names: string[], root: Element = document.body) =>
  expect(
    interfaceTexts(root, 'sq')
      .map((text) => names.reduce((rest, name) => rest.split(name).join(''), text))
      .filter((text) => englishWordsIn(text).length > 0),
  ).toEqual([]);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Overlap panel in Albanian', () => {
  it('has no English in a warning with shared focus, planned interventions and quotes', () => {
    setup(<OverlapPanel />, {
      organisations: [
        inCerrik('a', 'Alpha Youth Network'),
        inCerrik('b', 'Beta Centre for Dialogue'),
        inCerrik('c', 'Gamma', { focusTypes: ['prevention', 'rehabilitation'] }),
      ],
      evidence: [saturation],
      plans: [plan('plan-1'), plan('plan-2', { organisationId: 'a', organisationName: 'Alpha' })],
    });
    noEnglish();
    const list = screen.getByRole('list', {
      name: 'Mbivendosjet, të renditura nga më e ngarkuara',
    });
    const warning = within(list).getAllByRole('listitem')[0] as HTMLElement;
    expect(within(warning).getByRole('heading', { level: 3 })).toHaveTextContent(
      'Cërrik — Ndërgjegjësim: 4 organizata',
    );
    expect(warning).toHaveTextContent('(e planifikuar)');
    expect(warning).toHaveTextContent('numërohet vetëm një herë');
    expect(warning).toHaveTextContent('Çfarë thonë dokumentet për Cërrik:');
    // The quote, the document's title, the place in it and the note are the source's English.
    expect(screen.getByText('with an abundance of operating organizations')).toHaveAttribute(
      'lang',
      'en',
    );
    expect(screen.getByText('The report names no organisation here.')).toHaveAttribute(
      'lang',
      'en',
    );
    expect(screen.getByText('Beta Centre for Dialogue').closest('[translate="no"]')).not.toBeNull();
    expect(
      screen.getByText('1 mbivendosje në 1 bashki, të renditura nga më e ngarkuara.'),
    ).toBeVisible();
  });

  it('names both organisations of a pair, and says once where the quotes are', () => {
    setup(<OverlapPanel />, {
      organisations: [
        inCerrik('a', 'Alpha'),
        inCerrik('b', 'Beta'),
        inCerrik('c', 'Gamma', { activityTypes: ['awareness', 'training'] }),
        inCerrik('d', 'Delta', { activityTypes: ['training'] }),
      ],
      evidence: [saturation],
    });
    noEnglish();
    expect(screen.getByText('Të dyja kanë në fokus: Parandalim.')).toBeVisible();
    expect(screen.getByText('Të gjitha kanë në fokus: Parandalim.')).toBeVisible();
    expect(
      screen.getByText('Çfarë thonë dokumentet për Cërrik është cituar më lart.'),
    ).toBeVisible();
    expect(
      screen.getByText('2 mbivendosje në 1 bashki, të renditura nga më e ngarkuara.'),
    ).toBeVisible();
  });

  it('has no English when nothing overlaps under the filters, and clears them', () => {
    const store = setup(<OverlapPanel />, {
      organisations: [inCerrik('a', 'Alpha'), inCerrik('b', 'Beta')],
    });
    act(() => store.getState().toggleActivityType('training'));
    noEnglish();
    expect(screen.getByText(/^Asnjë mbivendosje me filtrat aktualë:/)).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Pastro filtrat' }));
    expect(store.getState().filters.activityTypes).toEqual([]);
    noEnglish();
  });
});

describe('Overlap matrix in Albanian', () => {
  it('has no English, with plans, an activity filter and every municipality shown', () => {
    const store = setup(<OverlapMatrix />, {
      organisations: [inCerrik('a', 'Alpha'), inCerrik('b', 'Beta'), inCerrik('c', 'Gamma')],
      plans: [plan('plan-1')],
    });
    noEnglishBesides(['New Trainers']);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      'Mbivendosjet: kush bën të njëjtën gjë dhe ku',
    );
    expect(screen.getByRole('columnheader', { name: 'Bashkia' })).toBeInTheDocument();
    expect(
      screen.getByRole('cell', {
        name: 'Cërrik, Ndërgjegjësim: 4 organizata (mbivendosje): Alpha, Beta, Gamma, New Trainers (e planifikuar)',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ndërgjegjësim' })).toHaveAttribute(
      'title',
      'Ndërgjegjësim: shtoje në filtrin e aktiviteteve',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Ndërgjegjësim' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^Shfaq të gjitha bashkitë/ }));
    noEnglishBesides(['New Trainers']);
    expect(screen.getByText(/^Filtri i aktiviteteve është aktiv/)).toHaveTextContent(
      '«Ndërgjegjësim»',
    );
    expect(store.getState().filters.activityTypes).toEqual(['awareness']);
    expect(
      screen.getByRole('columnheader', { name: 'Lloje të zgjedhura me mbivendosje' }),
    ).toBeVisible();
  });

  it('has no English when no organisation names a municipality', () => {
    setup(<OverlapMatrix />, {
      organisations: [makeOrganisation({ id: 'n', name: 'Nationwide One', scope: 'national' })],
    });
    noEnglish();
    expect(
      screen.getByText('Asnjë organizatë që kalon filtrat aktualë nuk përmend ndonjë bashki.'),
    ).toBeVisible();
  });
});

describe('Organisation panel in Albanian', () => {
  const local = makeOrganisation({
    id: 'idm',
    name: 'Institute for Democracy and Mediation',
    acronym: 'IDM',
    website: 'https://www.idmalbania.org/',
    websiteRaw: 'www.idmalbania.org',
    theme: 'Prevention of violent extremism through community work',
    focusOfActivities: 'Youth and women in the most affected areas',
    geographicFocus: 'Cerrik, Elbasan county and the village of Nowhere',
    municipalityIds: [CERRIK],
    countyIds: ['AL021'],
    unresolvedPlaces: ['Nowhere Village'],
    notes: 'Row 12 of the annex gives two websites; the first one works.',
    source: { document: 'annex', row: 12 },
  });
  const national = makeOrganisation({
    id: 'undp',
    name: 'United Nations Development Programme',
    scope: 'national',
    website: null,
    geographicFocus: 'All of the country',
    focusOfActivities: 'Local government',
    source: { document: 'import-2026-11-22-sheet-csv', row: 4 },
  });

  it('lists the organisations without English', () => {
    setup(<OrganisationPanel />, { organisations: [local, national] });
    noEnglish();
    expect(screen.getByText(/^2 organizata sipas filtrave aktualë/)).toBeVisible();
    expect(screen.getByText('në mbarë vendin')).toBeVisible();
  });

  it('shows a local organisation: data marked as data, the rest in Albanian', () => {
    setup(<OrganisationPanel />, {
      organisations: [local, national],
      selection: { kind: 'organisation', id: 'idm' },
    });
    noEnglishBesides([local.name]);
    const panel = screen.getByRole('region', {
      name: 'Institute for Democracy and Mediation: të dhënat e organizatës',
    });
    expect(within(panel).getByRole('button', { name: 'Qarku Elbasan' })).toBeVisible();
    expect(within(panel).getByText('Faqja në internet')).toBeVisible();
    expect(within(panel).getByText('Tema (siç është shkruar)')).toBeVisible();
    expect(within(panel).getByText(local.theme)).toHaveAttribute('lang', 'en');
    expect(within(panel).getByText(local.notes)).toHaveAttribute('lang', 'en');
    expect(within(panel).getByText(local.focusOfActivities)).toHaveAttribute('lang', 'en');
    expect(panel).toHaveTextContent(
      'Siç është shkruar: «Youth and women in the most affected areas»',
    );
    expect(panel).toHaveTextContent('Mapping of P/CVE actors (2025), Aneksi I, rreshti 12');
    expect(within(panel).getByRole('link', { name: 'idmalbania.org' })).toHaveAttribute(
      'translate',
      'no',
    );
  });

  it('shows a nationwide organisation from an imported file, and one left out by the filters', () => {
    const store = setup(<OrganisationPanel />, {
      organisations: [local, national],
      selection: { kind: 'organisation', id: 'undp' },
    });
    act(() => store.getState().setText('Democracy'));
    noEnglish();
    expect(screen.getByText(/^Në mbarë vendin:/)).toHaveTextContent(
      'Në mbarë vendin: «All of the country»',
    );
    expect(screen.getByText('nuk jepet')).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(/^Filtrat aktualë e lënë jashtë/);
    expect(document.body).toHaveTextContent('import-2026-11-22-sheet-csv, rreshti 4');
  });

  it('shows a record changed in this browser and asks before deleting it', () => {
    const changed = { ...local, source: { document: 'edited-in-harta', row: null } };
    setup(<OrganisationPanel />, {
      organisations: [local],
      selection: { kind: 'organisation', id: 'idm' },
      edits: {
        upserts: [changed],
        deletedIds: [],
        documents: [
          {
            id: 'edited-in-harta',
            title: 'Entered or changed in Harta by a user of this browser',
            publisher: 'User of this browser',
            year: '2026',
            file: '',
          },
        ],
      },
    });
    expect(screen.getByText('Ndryshuar në këtë shfletues')).toBeVisible();
    expect(document.body).toHaveTextContent(
      'Futur ose ndryshuar në Harta nga një përdorues i këtij shfletuesi',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Fshi…' }));
    noEnglishBesides([local.name]);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Të fshihet «Institute for Democracy and Mediation» nga të dhënat e këtij shfletuesi?',
    );
    expect(screen.getByRole('button', { name: 'Po, fshije' })).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Jo, mbaje' }));
    expect(screen.getByRole('button', { name: 'Ndrysho' })).toBeVisible();
    noEnglishBesides([local.name]);
  });

  it('shows a planned intervention, its note as the user typed it', () => {
    setup(<OrganisationPanel />, {
      organisations: [local],
      plans: [plan('plan-1', { note: 'Second round in the schools of Cërrik' })],
      selection: { kind: 'organisation', id: 'plan:plan-1' },
    });
    noEnglishBesides(['New Trainers']);
    expect(screen.getByText('Second round in the schools of Cërrik')).toHaveAttribute(
      'translate',
      'no',
    );
    expect(screen.getByText('ndërhyrje e planifikuar')).toBeVisible();
  });

  it('says so in Albanian when the organisation is not in the data', () => {
    setup(<OrganisationPanel />, { selection: { kind: 'organisation', id: 'gone' } });
    noEnglish();
    expect(screen.getByText('Kjo organizatë nuk gjendet në të dhëna.')).toBeVisible();
  });
});

describe('Side panel in Albanian', () => {
  const files = { download: vi.fn(), readText: vi.fn(), readBytes: vi.fn() };

  it.each<Lang>(['en', 'sq'])(
    'gives the Overlap tab an h2 before its warnings’ h3s (%s)',
    (lang) => {
      const store = setup(<SidePanel files={files} />, {
        organisations: [inCerrik('a', 'Alpha'), inCerrik('b', 'Beta')],
        lang,
      });
      act(() => store.getState().setTab('overlap'));
      const levels = within(screen.getByRole('tabpanel'))
        .getAllByRole('heading')
        .map((heading) => Number(heading.tagName.slice(1)));
      expect(levels).toEqual([2, 3]);
      if (lang === 'sq') noEnglish();
    },
  );

  it('says in Albanian that the data tools are loading', () => {
    const store = setup(<SidePanel files={files} />);
    act(() => store.getState().setTab('data'));
    expect(screen.getByText('Po ngarkohen mjetet e të dhënave…')).toBeInTheDocument();
  });
});

describe('Search results in Albanian', () => {
  const search = (query: string) => {
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: query } });
    return screen.getByRole('list', { name: /^(Rezultatet e kërkimit|Search results)$/ });
  };

  it('says what each result is, and why it matched, in Albanian', () => {
    setup(<PlaceSearch />);
    const towns = search('paskuqan');
    expect(
      within(towns).getByRole('button', { name: 'Kamëz Paskuqan është në bashkinë Kamëz' }),
    ).toBeVisible();
    noEnglish();

    const places = search('elbasan');
    expect(
      within(places).getByRole('button', { name: 'Elbasan Bashki, qarku Elbasan' }),
    ).toBeVisible();
    expect(within(places).getByRole('button', { name: 'Qarku Elbasan Qark' })).toBeVisible();
    noEnglish();

    const organisations = search('pogradec y');
    expect(
      within(organisations).getByRole('button', { name: 'Pogradec Youth Organizatë' }),
    ).toBeVisible();
    expect(within(organisations).getByText('Pogradec Youth')).toHaveAttribute('translate', 'no');
    noEnglish();
  });

  it('reads as before in English', () => {
    setup(<PlaceSearch />, { lang: 'en' });
    expect(
      within(search('paskuqan')).getByRole('button', { name: 'Kamëz Paskuqan is in Kamëz' }),
    ).toBeVisible();
    const places = search('elbasan');
    expect(
      within(places).getByRole('button', { name: 'Elbasan Municipality, Elbasan county' }),
    ).toBeVisible();
    expect(
      within(places).getByRole('button', { name: 'Elbasan county County (qark)' }),
    ).toBeVisible();
    expect(
      within(search('pogradec y')).getByRole('button', { name: 'Pogradec Youth Organisation' }),
    ).toBeVisible();
  });
});

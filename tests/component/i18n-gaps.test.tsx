import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AreaPanel } from '../../src/components/area-panel';
import { GapsPanel } from '../../src/components/gaps-panel';
import { HOTSPOT_LEVEL_LABEL } from '../../src/components/hotspot-labels';
import type { Dataset } from '../../src/domain/dataset';
import { describeGap, explainGap } from '../../src/domain/gap-explanation';
import type { PlannedIntervention } from '../../src/domain/plan';
import type { Selection } from '../../src/domain/view-state';
import { GAP_WORDS_SQ } from '../../src/i18n/tables/gaps';
import { createHartaStore, type InitialState } from '../../src/store/harta-store';
import { selectGapRanking } from '../../src/store/selectors';
import { StoreProvider } from '../../src/store/store-provider';
import { englishLeftIn } from '../support/english-text';
import { inAlbanian } from '../unit/fixtures/albanian-taxonomy';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

/*
 * SYNTHETIC data over the synthetic gazetteer fixture: the Gaps and Area panels in Albanian
 * (store language 'sq') must leave no English in the interface. Taxonomy entries carry Albanian
 * labels, as data/*.csv will (label_sq); hotspot evidence uses the real evidence kinds and an
 * English document title, location and note, which the markup marks as English data.
 */
function albanianDataset(): Dataset {
  const dataset = inAlbanian(makeDataset());
  dataset.documents = [
    {
      id: 'fixture',
      title: 'Mapping Report on the Work of Civil Society (synthetic)',
      publisher: 'tests',
      year: '2026',
      file: 'none',
    },
  ];
  const kinds: Readonly<Record<string, string>> = {
    AL212: 'priority-for-intervention',
    AL217: 'priority-for-intervention',
    AL345: 'pcve-partner-municipality',
    AL224: 'saturation-noted',
  };
  dataset.hotspotEvidence = [
    ...dataset.hotspotEvidence.map((item) => ({
      ...item,
      kind: kinds[item.municipalityId] ?? item.kind,
      location: 'Article, last paragraph but one',
      quote: 'The municipality is one of the hotspots named by the report.',
      note: 'Named with others in the same paragraph.',
    })),
    {
      municipalityId: 'AL212',
      level: 2,
      kind: 'security-council-in-hotspot-area',
      document: 'fixture',
      location: 'Section V (Findings), second finding',
      quote: 'A local safety council works in this hotspot area.',
      note: '',
    },
  ];
  return dataset;
}

const plan: PlannedIntervention = {
  id: 'plan-1',
  area: { level: 'municipality', id: 'AL113' },
  activityTypes: ['training'],
  organisationId: null,
  organisationName: 'New Trainers',
  start: null,
  end: null,
  note: '',
};

function renderSq(panel: 'gaps' | 'area', initial: InitialState = {}) {
  const store = createHartaStore(
    { gazetteer: makeGazetteer(), dataset: albanianDataset() },
    { lang: 'sq', ...initial },
  );
  const { container } = render(
    <StoreProvider store={store}>{panel === 'gaps' ? <GapsPanel /> : <AreaPanel />}</StoreProvider>,
  );
  return { store, container };
}

/**
 * Opens every closed disclosure (the "Why" rows, the formula, the evidence), twice for the nested
 * ones, waiting each time for the explanations to be built (they are, on the toggle event).
 */
async function openAll(container: HTMLElement) {
  for (let round = 0; round < 2; round += 1) {
    for (const summary of container.querySelectorAll('details:not([open]) > summary')) {
      fireEvent.click(summary);
    }
    await waitFor(() => {
      for (const details of container.querySelectorAll('details.gap-why-details')) {
        expect(details.querySelector('.gap-why')).not.toBeNull();
      }
    });
  }
}

describe('Gaps panel in Albanian', () => {
  it('leaves no English in the municipality ranking, with every explanation open', async () => {
    const { container } = renderSq('gaps');
    await openAll(container);
    expect(englishLeftIn(container, 'sq')).toEqual([]);
    const list = screen.getByRole('list', { name: 'Bashkitë të renditura sipas boshllëkut' });
    const cerrik = within(list).getByRole('button', { name: /^3Cërrik/ });
    expect(cerrik).toHaveTextContent('2 vendore · 1 në nivel qarku · 1 kombëtare (nuk llogariten)');
    expect(cerrik).toHaveTextContent('Mbulohet çdo lloj aktiviteti');
    expect(cerrik).toHaveTextContent('Zonë e nxehtë me përparësi');
    expect(
      within(list).getAllByText(/^Vendet 4–11 kanë të njëjtin boshllëk \(0,25\)/),
    ).toHaveLength(1);
    expect(screen.getByText('Pse renditet Prrenjas në vendin 1?')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Elementet e pikës së boshllëkut: Prrenjas' }),
    ).toHaveTextContent('0,25 + 0,25 × niveli i zonës së nxehtë 3 = 1,00');
    expect(
      screen.getByRole('table', { name: 'Elementet e pikës së boshllëkut: Klos' }),
    ).toHaveTextContent('vendi 7= (barazim: vendet 4–11 e ndajnë; renditen sipas emrit)');
    expect(
      within(list).getByText((_, element) =>
        Boolean(
          element?.classList.contains('gap-why-sentence') &&
          element.textContent?.startsWith(
            'Cërrik: zonë e nxehtë me përparësi (përparësi për ndërhyrje: Mapping Report',
          ),
        ),
      ),
    ).toHaveTextContent('dhe 1 citim tjetër), 2 organizata vendore');
  });

  it('leaves no English with plans shown, a nationwide weight and an activity filter', async () => {
    const { store, container } = renderSq('gaps', { plans: [plan] });
    act(() => {
      store.getState().setScenario('planned');
      store.getState().setNationwideWeight(0.35);
    });
    await openAll(container);
    expect(englishLeftIn(container, 'sq')).toEqual([]);
    expect(screen.getByText('Po shfaqet pamja me 1 ndërhyrje të planifikuar.')).toBeVisible();
    expect(screen.getByRole('slider', { name: /Pesha e çdo organizate kombëtare/ })).toHaveValue(
      '0.35',
    );
    expect(screen.getByText('0,35', { selector: 'output' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mos i llogarit' })).toBeInTheDocument();
    const reach = screen.getAllByText('Trajnim', { selector: '.reach-type' })[0]?.closest('li');
    expect(reach).toHaveTextContent('New Trainers (e planifikuar)');
    act(() => store.getState().toggleActivityType('training'));
    expect(englishLeftIn(container, 'sq')).toEqual([]);
    act(() => store.getState().setScenario('current'));
    expect(englishLeftIn(container, 'sq')).toEqual([]);
    expect(screen.getAllByText(/^Me planet: boshllëku/).length).toBeGreaterThan(0);
  });

  it('leaves no English in the county ranking and its explanations', async () => {
    const { store, container } = renderSq('gaps');
    act(() => store.getState().setGapLevel('county'));
    await openAll(container);
    expect(englishLeftIn(container, 'sq')).toEqual([]);
    expect(screen.getByRole('radio', { name: 'Qarqet' })).toBeChecked();
    expect(screen.getByText(/^Vendet 3–5 kanë të njëjtin boshllëk/)).toBeInTheDocument();
    expect(screen.getByText(/^Qarku Elbasan: boshllëku 0,49, vendi 1 nga 5/)).toBeInTheDocument();
    expect(screen.getByText('Pse renditet qarku Elbasan në vendin 1?')).toBeInTheDocument();
  });
});

describe('Area panel in Albanian', () => {
  const selections: [string, Selection | null][] = [
    ['nothing selected', null],
    ['a municipality', { kind: 'municipality', id: 'AL212' }],
    ['a municipality no document names', { kind: 'municipality', id: 'AL113' }],
    ['a county', { kind: 'county', id: 'AL021' }],
  ];
  it.each(selections)('leaves no English with %s', async (_, selection) => {
    const { container } = renderSq('area', { selection, plans: [plan] });
    await openAll(container);
    expect(englishLeftIn(container, 'sq')).toEqual([]);
  });

  it('says the municipality in Albanian, evidence kinds included', () => {
    const { store } = renderSq('area', { selection: { kind: 'municipality', id: 'AL212' } });
    expect(screen.getByRole('region', { name: 'Cërrik: të dhënat e bashkisë' })).toBeVisible();
    expect(screen.getByText(/^Niveli 3 \(përparësi për ndërhyrje\):/)).toBeInTheDocument();
    expect(
      screen.getByText(/^Niveli 2 \(këshill sigurie në një zonë të nxehtë\):/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Planifiko një ndërhyrje në Cërrik' })).toBeVisible();
    const focus = screen.getByRole('heading', { name: 'Llojet e fokusit' }).closest('div');
    expect(focus).toHaveTextContent('Të pranishme: Parandalim');
    expect(focus).toHaveTextContent('Askush nuk kryen: Rehabilitim');
    act(() => store.getState().toggleActivityType('training'));
    expect(
      screen.getByRole('heading', { name: 'Llojet e aktiviteteve (të përzgjedhurat në filtra)' }),
    ).toBeInTheDocument();
  });

  it('says the county in Albanian', () => {
    renderSq('area', { selection: { kind: 'county', id: 'AL021' } });
    expect(screen.getByRole('heading', { name: 'Bashkitë e qarkut Elbasan' })).toBeVisible();
    expect(screen.getByText(/^Qark, \d+ bashki$/)).toBeInTheDocument();
    expect(screen.getByText(/\(tani 0: nuk llogariten\)/)).toBeInTheDocument();
  });
});

describe('gap words', () => {
  it('keeps English for the command line and says the sentence in Albanian for the panel', () => {
    const store = createHartaStore({ gazetteer: makeGazetteer(), dataset: albanianDataset() });
    const state = store.getState();
    const ranking = selectGapRanking(state);
    const prrenjas = ranking.findIndex((entry) => entry.id === 'AL217');
    const entry = ranking[prrenjas];
    if (!entry) throw new Error('no Prrenjas');
    const explanation = explainGap(entry, state.dataset.hotspotEvidence, prrenjas + 1);
    const names = { area: () => 'Prrenjas', document: () => 'Fixture' };
    expect(describeGap(explanation, names)).toBe(
      'Prrenjas: priority hotspot (priority for intervention: Fixture, Article, last paragraph but one), 0 local organisations, 1 naming its county, 1 nationwide (not counted); 2 of 3 activity types missing. Gap 0.78.',
    );
    expect(describeGap(explanation, names, GAP_WORDS_SQ)).toBe(
      'Prrenjas: zonë e nxehtë me përparësi (përparësi për ndërhyrje: Fixture, Article, last paragraph but one), 0 organizata vendore, 1 që përmend qarkun e saj, 1 kombëtare (nuk llogaritet); mungojnë 2 nga 3 llojet e aktiviteteve. Boshllëku 0,78.',
    );
    expect(HOTSPOT_LEVEL_LABEL[3]).toBe('Priority hotspot');
  });
});

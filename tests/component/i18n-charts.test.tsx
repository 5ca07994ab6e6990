import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ChartExportContext } from '../../src/components/charts/chart-export';
import { ChartFigure } from '../../src/components/charts/chart-figure';
import { ChartsPanel } from '../../src/components/charts/charts-panel';
import { CountBarChart } from '../../src/components/charts/count-bar-chart';
import { PrintReport } from '../../src/components/print-report';
import {
  activityByArea,
  focusTypeCounts,
  organisationsPerCounty,
} from '../../src/domain/chart-series';
import { coverageByCounty } from '../../src/domain/coverage';
import type { Dataset, Organisation, TaxonomyEntry } from '../../src/domain/dataset';
import { buildReport } from '../../src/domain/report';
import type { PrintScope } from '../../src/domain/view-state';
import { createHartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { englishLeftIn, englishWordsIn } from '../support/english-text';
import { makeOrganisation } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

/*
 * SYNTHETIC data over the synthetic gazetteer fixture: the charts panel and the printable
 * report in Albanian (store language 'sq') must leave no English in the interface. Taxonomy
 * entries carry Albanian labels, as data/*.csv will (label_sq).
 */
const entry = (id: string, label: string, sq: string): TaxonomyEntry => ({
  id,
  label,
  definition: `${label} (fixture)`,
  basis: 'fixture',
  keywords: [],
  translations: { sq: { label: sq } },
});

const organisations: Organisation[] = [
  makeOrganisation({
    id: 'o1',
    name: 'Shoqata e të Rinjve Cërrik',
    municipalityIds: ['AL212'],
    activityTypes: ['awareness', 'training'],
    focusTypes: ['prevention'],
    source: { document: 'fixture', row: 7 },
  }),
  makeOrganisation({
    id: 'o2',
    name: 'Women of the Valley',
    municipalityIds: ['AL212', 'AL221'],
    activityTypes: ['awareness'],
    focusTypes: ['prevention', 'rehabilitation'],
  }),
  makeOrganisation({
    id: 'o3',
    name: 'Qendra Kamëz',
    countyIds: ['AL021'],
    activityTypes: ['research'],
  }),
  makeOrganisation({ id: 'o4', name: 'National Network', scope: 'national' }),
];

const dataset: Dataset = {
  documents: [
    {
      id: 'fixture',
      title: 'Mapping of the organisations working on P/CVE (fixture)',
      publisher: 'Institute for Tests',
      year: '2026 (exact date not stated)',
      file: 'data/sources/fixture.txt',
    },
  ],
  activityTypes: [
    entry('awareness', 'Awareness and informative sessions', 'Ndërgjegjësim dhe informim'),
    entry('training', 'Training and capacity building', 'Trajnim dhe ngritje kapacitetesh'),
    entry('research', 'Research and publications', 'Kërkime dhe botime'),
  ],
  focusTypes: [
    entry('prevention', 'Prevention programming', 'Programe parandalimi'),
    entry('rehabilitation', 'Rehabilitation programming', 'Programe rehabilitimi'),
  ],
  organisationKinds: [entry('cso', 'Civil society organisation', 'Organizatë e shoqërisë civile')],
  organisations,
  hotspotEvidence: [
    {
      municipalityId: 'AL212',
      level: 3,
      kind: 'hotspot',
      document: 'fixture',
      location: 'Section 2',
      quote: 'Cërrik is one of the areas most at risk.',
      note: '',
    },
  ],
};
const gazetteer = makeGazetteer();

function inSq(children: ReactNode) {
  const store = createHartaStore({ gazetteer, dataset }, { lang: 'sq' });
  return render(<StoreProvider store={store}>{children}</StoreProvider>);
}

function renderPanel(
  countyId: string | null,
  overrides: { selectedActivityTypes?: string[] } = {},
) {
  const download = vi.fn<(fileName: string, blob: Blob) => void>();
  const view = inSq(
    <ChartsPanel
      activitySeries={activityByArea(dataset, gazetteer, organisations, countyId, 'sq')}
      focusCounts={focusTypeCounts(dataset, organisations, 'sq')}
      countyCounts={organisationsPerCounty(
        gazetteer,
        coverageByCounty(dataset, gazetteer, organisations),
      )}
      selectedActivityTypes={overrides.selectedActivityTypes ?? []}
      selectedFocusTypes={['prevention']}
      selectedCountyId={countyId}
      highlightedAreaId={countyId === null ? null : 'AL212'}
      onActivityTypeClick={() => {}}
      onFocusTypeClick={() => {}}
      onAreaClick={() => {}}
      note="Përfshihen 2 ndërhyrje të planifikuara."
      exportSettings={{ download, source: 'Burimet: asnjë' }}
    />,
  );
  return { ...view, download };
}

describe('charts in Albanian', () => {
  it('leaves no English in the panel for the whole country, with a type filter on', () => {
    const { container } = renderPanel(null, { selectedActivityTypes: ['training'] });
    expect(englishLeftIn(container, 'sq')).toEqual([]);
    const panel = screen.getByRole('region', { name: 'Grafikët' });
    expect(within(panel).getByRole('figure', { name: 'Llojet e aktiviteteve sipas qarkut' }));
    expect(within(panel).getByRole('figure', { name: 'Organizatat sipas qarkut' }));
    expect(
      screen.getByRole('button', {
        name: 'Filtro sipas llojit «Kërkime dhe botime» (në 1 nga 5 qarqe)',
      }),
    ).toHaveAttribute('aria-pressed', 'false');
    expect(
      screen.getByRole('button', { name: /^Filtro sipas Programe parandalimi \(4 organizata\)$/ }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Zgjidh Elbasan (3 organizata)' })).toBeTruthy();
  });

  it('leaves no English with a county in focus and a municipality selected', () => {
    const { container } = renderPanel('AL021');
    expect(englishLeftIn(container, 'sq')).toEqual([]);
    const figure = screen.getByRole('figure', {
      name: 'Llojet e aktiviteteve sipas bashkive të qarkut Elbasan',
    });
    expect(figure).toHaveAccessibleDescription(
      /^Organizatat që punojnë në nivel vendor në secilën nga \d+ bashki.*Më shumë: Cërrik, 2 organizata\./,
    );
    expect(within(figure).getByRole('columnheader', { name: 'Bashkia' })).toBeTruthy();
    expect(within(figure).getByRole('button', { name: 'Zgjidh Cërrik' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(screen.getAllByRole('button', { name: 'Shkarko PNG' })).toHaveLength(3);
  });

  it('says in Albanian that nothing is there, and counts in the singular', () => {
    const { container } = inSq(
      <ChartsPanel
        activitySeries={activityByArea(dataset, gazetteer, [], null, 'sq')}
        focusCounts={focusTypeCounts(dataset, [], 'sq')}
        countyCounts={[]}
        selectedActivityTypes={[]}
        selectedFocusTypes={[]}
        selectedCountyId={null}
        onActivityTypeClick={() => {}}
        onFocusTypeClick={() => {}}
        onAreaClick={() => {}}
      />,
    );
    expect(englishLeftIn(container, 'sq')).toEqual([]);
    expect(
      screen.getByText('Asnjë organizatë me filtrat aktualë nuk punon këtu në nivel vendor.'),
    ).toBeTruthy();

    const own = inSq(
      <CountBarChart
        title="Llojet e fokusit"
        rows={[{ id: 'prevention', label: 'Programe parandalimi', count: 1 }]}
        selectedIds={[]}
        onBarClick={() => {}}
        valueLabel="organizata"
        valueLabelSingular="organizatë"
      />,
    );
    expect(englishLeftIn(own.container, 'sq')).toEqual([]);
    expect(
      within(own.container).getByRole('button', {
        name: 'Filtro sipas Programe parandalimi (1 organizatë)',
      }),
    ).toBeTruthy();
  });

  it('downloads a chart with its Albanian title and labels', async () => {
    const { download } = renderPanel(null);
    const group = screen.getByRole('group', { name: 'Shkarko «Organizatat sipas qarkut»' });
    await userEvent.click(within(group).getByRole('button', { name: 'Shkarko SVG' }));
    const [fileName, blob] = download.mock.calls[0] ?? [];
    expect(fileName).toBe('harta-chart-organizatat-sipas-qarkut.svg');
    const svg = new DOMParser().parseFromString((await blob?.text()) ?? '', 'image/svg+xml');
    expect(svg.querySelector('title')?.textContent).toBe('Organizatat sipas qarkut');
    expect(englishWordsIn(svg.documentElement.textContent ?? '')).toEqual([]);
  });

  it('reports a failed download in Albanian', async () => {
    inSq(
      <ChartExportContext value={{ download: () => {}, source: 'Burimet: asnjë' }}>
        <ChartFigure title="Grafiku bosh" caption="Asgjë për të treguar.">
          <p>—</p>
        </ChartFigure>
      </ChartExportContext>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Shkarko SVG' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Grafiku «Grafiku bosh» nuk është vizatuar ende.',
    );
  });
});

describe('printable report in Albanian', () => {
  const report = buildReport(dataset, gazetteer);
  const scopes: [string, PrintScope][] = [
    ['the whole country', { kind: 'country' }],
    ['a county', { kind: 'county', id: 'AL021' }],
    ['a municipality', { kind: 'municipality', id: 'AL212' }],
    ['an unknown area', { kind: 'municipality', id: 'AL999' }],
  ];

  it.each(scopes)('leaves no English when printing %s', (_name, scope) => {
    const { container } = inSq(
      <PrintReport
        report={report}
        dataset={dataset}
        scope={scope}
        date="2026-11-23"
        backHref="/"
      />,
    );
    expect(englishLeftIn(container, 'sq')).toEqual([]);
    expect(screen.getByRole('region', { name: 'Burimet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Kthehu te paneli kryesor' })).toBeTruthy();
  });

  it('spells out the date and names the country, county and municipality pages', () => {
    const { container } = render(
      <PrintReport
        report={report}
        dataset={dataset}
        scope={{ kind: 'country' }}
        date="2026-11-23"
        lang="sq"
      />,
    );
    expect(englishLeftIn(container, 'sq')).toEqual([]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Organizatat e P/CVE-së në Shqipëri: raport për mbarë vendin',
    );
    expect(container.textContent).toContain('Të dhënat deri më 23 nëntor 2026.');
    expect(container.textContent).toContain('Përgatitur me Harta më 23 nëntor 2026.');
    expect(
      screen.getByRole('region', { name: /^Qarku Elbasan: renditja \d+ nga 5 sipas boshllëkut$/ }),
    ).toBeTruthy();
    expect(screen.getAllByRole('columnheader', { name: 'Pikët e boshllëkut' }).length).toBe(6);
  });

  it('explains a municipality in Albanian, quoting the source titles as English data', () => {
    inSq(
      <PrintReport
        report={report}
        dataset={dataset}
        scope={{ kind: 'municipality', id: 'AL212' }}
        date="2026-11-23"
      />,
    );
    const page = screen.getByRole('region', { name: /^Bashkia Cërrik \(qarku Elbasan\)/ });
    expect(page.textContent).toContain(
      'Cërrik: me dëshmi të forta për zonë të nxehtë, 2 organizata vendore',
    );
    expect(page.textContent).toContain('Ndërgjegjësim dhe informim: 2 organizata');
    for (const title of within(page).getAllByText('Mapping of the organisations working on P/CVE'))
      expect(title).toHaveAttribute('lang', 'en');
    expect(within(page).getByText('Women of the Valley')).toHaveAttribute('translate', 'no');
    expect(page.textContent).toContain(', rreshti 7)');
  });
});

import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ActivityByAreaChart } from '../../src/components/charts/activity-by-area-chart';
import { ChartsPanel } from '../../src/components/charts/charts-panel';
import { CountBarChart } from '../../src/components/charts/count-bar-chart';
import { activityTypeColour } from '../../src/domain/chart-palette';
import {
  activityByArea,
  focusTypeCounts,
  organisationsPerCounty,
} from '../../src/domain/chart-series';
import { coverageByCounty } from '../../src/domain/coverage';
import type { Dataset } from '../../src/domain/dataset';
import { makeSyntheticOrganisation, makeTaxonomyEntry } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

/*
 * SYNTHETIC data: made-up organisations over the synthetic gazetteer fixture (counties Dibër,
 * Shkodër, Elbasan, Tiranë, Korçë). The series come from the real functions in chart-series.ts.
 * jsdom has no ResizeObserver, so the charts draw at their `initialDimension` (400 px wide).
 */
const taxonomy = makeTaxonomyEntry;
const organisation = makeSyntheticOrganisation;

const organisations = [
  organisation('a', {
    activityTypes: ['awareness', 'training'],
    focusTypes: ['prevention'],
    municipalityIds: ['AL212'],
  }),
  organisation('b', {
    activityTypes: ['training'],
    focusTypes: ['prevention'],
    countyIds: ['AL021'],
  }),
  organisation('c', { activityTypes: ['research'], municipalityIds: ['AL224', 'AL213'] }),
  organisation('d', {
    scope: 'national',
    activityTypes: ['training'],
    focusTypes: ['rehabilitation'],
  }),
];
const dataset: Dataset = {
  documents: [],
  activityTypes: [
    taxonomy('awareness', 'Awareness and informative sessions'),
    taxonomy('training', 'Training and capacity building'),
    taxonomy('research', 'Research and publications'),
  ],
  focusTypes: [
    taxonomy('prevention', 'Prevention programming'),
    taxonomy('rehabilitation', 'Rehabilitation programming'),
  ],
  organisationKinds: [taxonomy('ngo', 'NGO')],
  organisations,
  hotspotEvidence: [],
};
const gazetteer = makeGazetteer();
const byCounty = activityByArea(dataset, gazetteer, organisations, null);
const inElbasan = activityByArea(dataset, gazetteer, organisations, 'AL021');
const focusRows = focusTypeCounts(dataset, organisations);
const countyRows = organisationsPerCounty(
  gazetteer,
  coverageByCounty(dataset, gazetteer, organisations),
);

function renderActivityChart(overrides: Partial<Parameters<typeof ActivityByAreaChart>[0]> = {}) {
  const onActivityTypeClick = vi.fn();
  const onAreaClick = vi.fn();
  const view = render(
    <ActivityByAreaChart
      series={byCounty}
      selectedActivityTypes={[]}
      onActivityTypeClick={onActivityTypeClick}
      onAreaClick={onAreaClick}
      {...overrides}
    />,
  );
  return { ...view, onActivityTypeClick, onAreaClick };
}

/** The area names drawn on the chart's category axis, top to bottom. */
function axisLabels(container: HTMLElement): string[] {
  return [...container.querySelectorAll('.recharts-yAxis-tick-labels .chart-area-label')].map(
    (label) => label.textContent ?? '',
  );
}

describe('ActivityByAreaChart', () => {
  it('draws one row per county, and a "Select …" button per county for the keyboard', () => {
    const { container } = renderActivityChart();
    expect(screen.getByRole('heading', { name: 'Activity types per county' })).toBeInTheDocument();
    expect(axisLabels(container)).toEqual(['Dibër', 'Shkodër', 'Elbasan', 'Tiranë', 'Korçë']);
    const table = screen.getByRole('table');
    const rowHeaders = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(rowHeaders).toEqual([
      'Select Dibër',
      'Select Shkodër',
      'Select Elbasan',
      'Select Tiranë',
      'Select Korçë',
    ]);
    const elbasan = within(table).getAllByRole('row')[3]!;
    expect(elbasan).toHaveTextContent(
      'Select Elbasan3Awareness and informative sessions: 1; Training and capacity building: 2; Research and publications: 1',
    );
  });

  it('stacks one segment per activity type with organisations in the area', () => {
    const { container } = renderActivityChart();
    // Elbasan: awareness 1, training 2, research 1; Tiranë: research 1.
    const segments = container.querySelectorAll('.recharts-bar-rectangle .chart-segment');
    expect(segments).toHaveLength(4);
  });

  it('filters by activity type from the legend, a segment, or by keyboard', async () => {
    const user = userEvent.setup();
    const { container, onActivityTypeClick, onAreaClick } = renderActivityChart();
    await user.click(
      screen.getByRole('button', { name: /^Filter by Training and capacity building/ }),
    );
    expect(onActivityTypeClick).toHaveBeenLastCalledWith('training');

    const legendButton = screen.getByRole('button', {
      name: /^Filter by Research and publications/,
    });
    expect(legendButton).toHaveAccessibleName(
      'Filter by Research and publications (in 2 of 5 counties)',
    );
    legendButton.focus();
    await user.keyboard('{Enter}');
    expect(onActivityTypeClick).toHaveBeenLastCalledWith('research');

    // The first Bar drawn is the first activity type's: awareness, in Elbasan.
    const firstSegment = container.querySelector(
      '.recharts-bar-rectangle .chart-segment, .recharts-bar-rectangle path',
    );
    expect(firstSegment).not.toBeNull();
    fireEvent.click(firstSegment!);
    expect(onActivityTypeClick).toHaveBeenLastCalledWith('awareness');
    expect(onAreaClick).not.toHaveBeenCalled();
  });

  it('marks the selected types pressed and dims the others', () => {
    const { container } = renderActivityChart({ selectedActivityTypes: ['training'] });
    const segments = [...container.querySelectorAll('.recharts-bar-rectangle .chart-segment')];
    // Drawn per type: awareness (Elbasan), training (Elbasan), research (Elbasan, Tiranë).
    expect(segments.map((segment) => segment.getAttribute('fill'))).toEqual([
      activityTypeColour(0),
      activityTypeColour(1),
      activityTypeColour(2),
      activityTypeColour(2),
    ]);
    expect(segments.map((segment) => segment.getAttribute('fill-opacity'))).toEqual([
      '0.3',
      '1',
      '0.3',
      '0.3',
    ]);
    expect(
      screen.getByRole('button', { name: /^Filter by Training and capacity building/ }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByRole('button', { name: /^Filter by Research and publications/ }),
    ).toHaveAttribute('aria-pressed', 'false');
  });

  it('selects an area from its label or its button', async () => {
    const user = userEvent.setup();
    const { container, onAreaClick } = renderActivityChart();
    await user.click(screen.getByRole('button', { name: 'Select Tiranë' }));
    expect(onAreaClick).toHaveBeenLastCalledWith('county', 'AL022');
    const label = [...container.querySelectorAll('.chart-area-label')].find(
      (element) => element.textContent === 'Elbasan',
    );
    fireEvent.click(label!);
    expect(onAreaClick).toHaveBeenLastCalledWith('county', 'AL021');
    // Off the segments, the whole row is a target too (Shkodër has no segment at all).
    const bands = container.querySelectorAll('.chart-area-band');
    expect(bands).toHaveLength(5);
    fireEvent.click(bands[1]!);
    expect(onAreaClick).toHaveBeenLastCalledWith('county', 'AL015');
  });

  it('titles and lists municipalities when a county is in focus', async () => {
    const user = userEvent.setup();
    const { container, onAreaClick } = renderActivityChart({
      series: inElbasan,
      countyName: 'Elbasan',
      highlightedAreaId: 'AL212',
    });
    expect(
      screen.getByRole('heading', { name: 'Activity types per municipality of Elbasan' }),
    ).toBeInTheDocument();
    expect(axisLabels(container)).toEqual(['Cërrik', 'Elbasan', 'Prrenjas']);
    expect(screen.getByRole('button', { name: 'Select Cërrik' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await user.click(screen.getByRole('button', { name: 'Select Prrenjas' }));
    expect(onAreaClick).toHaveBeenLastCalledWith('municipality', 'AL217');
  });

  it('says so in words when no organisation works locally in any area', () => {
    const nationalOnly = activityByArea(
      dataset,
      gazetteer,
      organisations.filter((o) => o.scope === 'national'),
      null,
    );
    const { container } = renderActivityChart({ series: nationalOnly });
    expect(
      screen.getByText('No organisation under the current filters works locally here.'),
    ).toBeInTheDocument();
    expect(container.querySelector('svg.recharts-surface')).toBeNull();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('describes the data in its caption', () => {
    renderActivityChart();
    expect(
      screen.getByRole('figure', { name: 'Activity types per county' }),
    ).toHaveAccessibleDescription(
      /in each of 5 counties.*Most: Elbasan, 3 organisations\. With none: 3\./,
    );
  });
});

describe('CountBarChart', () => {
  it('toggles a focus type from its button, with the count in the name', async () => {
    const user = userEvent.setup();
    const onBarClick = vi.fn();
    const { container } = render(
      <CountBarChart
        title="Focus types"
        rows={focusRows}
        selectedIds={['rehabilitation']}
        onBarClick={onBarClick}
        valueLabel="organisations"
        valueLabelSingular="organisation"
      />,
    );
    expect(axisLabels(container)).toEqual(['Prevention programming', 'Rehabilitation programming']);
    const prevention = screen.getByRole('button', {
      name: 'Filter by Prevention programming (2 organisations)',
    });
    expect(prevention).toHaveAttribute('aria-pressed', 'false');
    expect(
      screen.getByRole('button', {
        name: 'Filter by Rehabilitation programming (1 organisation)',
      }),
    ).toHaveAttribute('aria-pressed', 'true');
    await user.click(prevention);
    expect(onBarClick).toHaveBeenLastCalledWith('prevention');

    fireEvent.click(container.querySelectorAll('.recharts-bar-rectangle .chart-segment')[1]!);
    expect(onBarClick).toHaveBeenLastCalledWith('rehabilitation');
  });
});

describe('ChartsPanel', () => {
  it('lays out the three charts under "Charts" and wires their callbacks', async () => {
    const user = userEvent.setup();
    const onActivityTypeClick = vi.fn();
    const onFocusTypeClick = vi.fn();
    const onAreaClick = vi.fn();
    render(
      <ChartsPanel
        activitySeries={inElbasan}
        focusCounts={focusRows}
        countyCounts={countyRows}
        selectedActivityTypes={[]}
        selectedFocusTypes={[]}
        selectedCountyId="AL021"
        onActivityTypeClick={onActivityTypeClick}
        onFocusTypeClick={onFocusTypeClick}
        onAreaClick={onAreaClick}
      />,
    );
    const panel = screen.getByRole('region', { name: 'Charts' });
    // Each figure is named by its heading, so a screen reader announces which chart it is in.
    const figures = within(panel).getAllByRole('figure');
    expect(figures).toHaveLength(3);
    for (const [index, name] of [
      'Activity types per municipality of Elbasan',
      'Focus types',
      'Organisations per county',
    ].entries()) {
      expect(within(panel).getByRole('figure', { name })).toBe(figures[index]);
    }

    await user.click(screen.getByRole('button', { name: /^Filter by Awareness/ }));
    expect(onActivityTypeClick).toHaveBeenLastCalledWith('awareness');
    await user.click(screen.getByRole('button', { name: /^Filter by Rehabilitation programming/ }));
    expect(onFocusTypeClick).toHaveBeenLastCalledWith('rehabilitation');

    const elbasanCounty = screen.getByRole('button', { name: 'Select Elbasan (3 organisations)' });
    expect(elbasanCounty).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Select Tiranë (1 organisation)' }));
    expect(onAreaClick).toHaveBeenLastCalledWith('county', 'AL022');
  });
});

import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ComparePanel } from '../../src/components/compare-panel';
import { PlannerPanel, type PlannerFileActions } from '../../src/components/planner-panel';
import type { Dataset } from '../../src/domain/dataset';
import type { PlannedIntervention } from '../../src/domain/plan';
import type { AreaRef } from '../../src/domain/view-state';
import { createHartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { englishLeftIn } from '../support/english-text';
import { inAlbanian } from '../unit/fixtures/albanian-taxonomy';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

function albanianDataset(): Dataset {
  return inAlbanian(makeDataset());
}

function storeIn(
  lang: 'en' | 'sq',
  state: { plans?: PlannedIntervention[]; compare?: [AreaRef | null, AreaRef | null] } = {},
) {
  return createHartaStore(
    { gazetteer: makeGazetteer(), dataset: albanianDataset() },
    { tab: 'plans', lang, ...state },
  );
}

function renderPlanner(plans: PlannedIntervention[] = [], text = '') {
  const store = storeIn('sq', { plans });
  const files: PlannerFileActions = {
    download: vi.fn(),
    readText: vi.fn(() => Promise.resolve(text)),
    readBytes: vi.fn(() => Promise.resolve(new TextEncoder().encode(text))),
  };
  const { container } = render(
    <StoreProvider store={store}>
      <PlannerPanel files={files} />
    </StoreProvider>,
  );
  return { store, container };
}

function renderCompare(
  compare: [AreaRef | null, AreaRef | null],
  plans: PlannedIntervention[] = [],
) {
  const store = storeIn('sq', { compare, plans });
  if (plans.length > 0) store.getState().setScenario('planned');
  const { container } = render(
    <StoreProvider store={store}>
      <ComparePanel />
    </StoreProvider>,
  );
  return { store, container };
}

const cerrikPlan: PlannedIntervention = {
  id: 'plan-1',
  area: { level: 'municipality', id: 'AL212' },
  activityTypes: ['awareness', 'training'],
  organisationId: 'pogradec-youth',
  organisationName: 'Pogradec Youth',
  start: '2027-05-01',
  end: '2027-01-01',
  note: 'Funding still to be confirmed',
};

const korceCountyPlan: PlannedIntervention = {
  id: 'plan-2',
  area: { level: 'county', id: 'AL034' },
  activityTypes: ['awareness'],
  organisationId: 'pogradec-youth',
  organisationName: 'Pogradec Youth',
  start: null,
  end: null,
  note: '',
};

const newOrganisationPlan: PlannedIntervention = {
  id: 'plan-3',
  area: { level: 'municipality', id: 'AL217' },
  activityTypes: ['research'],
  organisationId: null,
  organisationName: 'Shpresa for the Youth',
  start: '2027-01-01',
  end: null,
  note: '',
};

const nationwidePlan: PlannedIntervention = {
  id: 'plan-4',
  area: { level: 'municipality', id: 'AL212' },
  activityTypes: ['training'],
  organisationId: 'national-donor',
  organisationName: 'National Donor',
  start: null,
  end: null,
  note: '',
};

describe('Planner panel in Albanian', () => {
  it('has no English when there are no plans', () => {
    const { container } = renderPlanner();
    expect(englishLeftIn(container)).toEqual([]);
    expect(screen.getByRole('heading', { name: 'Ndërhyrjet e planifikuara (0)' })).toBeVisible();
    expect(
      screen.getByText('Ende nuk ka plane. Shtoni një më sipër ose importoni një skedar.'),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Eksporto CSV' })).toBeDisabled();
  });

  it('has no English in the plan cards, their warnings and effects, or the scenario switch', () => {
    const { container } = renderPlanner([
      cerrikPlan,
      korceCountyPlan,
      newOrganisationPlan,
      nationwidePlan,
      {
        ...newOrganisationPlan,
        id: 'plan-5',
        area: { level: 'municipality', id: 'AL224' },
        activityTypes: ['awareness'],
      },
    ]);
    expect(englishLeftIn(container)).toEqual([]);
    const warnings = screen.getByRole('list', { name: 'Paralajmërime për plan-1' });
    expect(warnings).toHaveTextContent('«Ndërgjegjësim» kryhet tashmë në Cërrik nga Cërrik One.');
    expect(warnings).toHaveTextContent('«Trajnim» kryhet tashmë në Cërrik nga Cërrik Two.');
    expect(warnings).toHaveTextContent('Plani mbaron (1 janar 2027) para se të fillojë');
    expect(screen.getByRole('list', { name: 'Paralajmërime për plan-2' })).toHaveTextContent(
      'Pogradec Youth punon tashmë në Pogradec: prani e re vetëm në bashkitë e tjera të qarkut.',
    );
    expect(screen.getByRole('list', { name: 'Paralajmërime për plan-4' })).toHaveTextContent(
      'National Donor punon tashmë në mbarë vendin: në boshllëk tani llogaritet si e pranishme në Cërrik.',
    );
    const cards = within(screen.getByRole('list', { name: 'Ndërhyrjet e planifikuara' }))
      .getAllByRole('listitem')
      .filter((item) => item.classList.contains('plan-card'));
    expect(cards[1]).toHaveTextContent('Qarku Korçë');
    expect(cards[1]).toHaveTextContent(
      'Një plan për të gjithë qarkun llogaritet 0,5 në secilën nga bashkitë e tij.',
    );
    expect(cards[2]).toHaveTextContent('Kërkim nga Shpresa for the Youth (e re), nga 1 janar 2027');
    expect(cards[2]).toHaveTextContent(/Prrenjas: boshllëku 0,78 → 0,\d\d, renditja \d → \d/);
    expect(cards[2]).toHaveTextContent(
      '«Kërkim» kryhet tashmë në të gjithë qarkun nga Elbasan County Group.',
    );
    expect(cards[4]).toHaveTextContent(
      'Askush tjetër nuk e bën këtë punë këtu, me sa thonë burimet.',
    );
    expect(screen.getByRole('radio', { name: 'Sot' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Me 5 ndërhyrje të planifikuara' })).not.toBeChecked();
    expect(screen.getByRole('group', { name: 'Pamja' })).toBeVisible();
  });

  it('has no English in the form: its errors, its warnings before adding, and editing', () => {
    const { container } = renderPlanner([cerrikPlan]);
    fireEvent.click(screen.getByRole('button', { name: 'Shto planin' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Zgjidhni zonën për të cilën është plani.');
    expect(englishLeftIn(container)).toEqual([]);

    fireEvent.change(screen.getByLabelText('Zona'), { target: { value: 'm:AL212' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Trajnim' }));
    fireEvent.change(screen.getByLabelText('Fillimi (opsional)'), {
      target: { value: '2027-06-01' },
    });
    fireEvent.change(screen.getByLabelText('Mbarimi (opsional)'), {
      target: { value: '2027-02-01' },
    });
    const before = screen.getByText('Para se ta shtoni:').closest('[role="status"]');
    expect(before).toHaveTextContent(
      'Një plan tjetër (plan-1) parashikon tashmë «Trajnim» në Cërrik.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Shto planin' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Data e mbarimit është para datës së fillimit.',
    );
    expect(englishLeftIn(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Ndrysho' }));
    expect(screen.getByRole('heading', { name: 'Ndrysho planin plan-1' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Ruaj ndryshimet' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Anulo' })).toBeVisible();
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('has no English after a removal, its undo, and an import', async () => {
    const text = [
      'id,area_level,area_id,area_name,activity_types,organisation_id,organisation_name,start,end,note',
      'p9,municipality,AL345,,research,,Drita,,,',
      'plan-1,municipality,AL345,,research,,Drita,,,',
      'p10,town,AL345,,juggling,,Drita,,,',
      'p11,municipality,AL345,,research,,Drita,2027-01-01,2026-01-01,',
    ].join('\n');
    const { store, container } = renderPlanner([cerrikPlan], text);
    fireEvent.click(screen.getByRole('button', { name: 'Hiq' }));
    expect(screen.getByText('U hoq plan-1.')).toBeVisible();
    expect(englishLeftIn(container)).toEqual([]);
    act(() => store.getState().setPlans([{ ...cerrikPlan, note: '' }]));
    fireEvent.click(screen.getByRole('button', { name: 'Zhbëj' }));
    expect(
      screen.getByText(
        'plan-1 u rivendos si plan-2: një plan i importuar ndërkohë ka identifikuesin plan-1.',
      ),
    ).toBeVisible();
    expect(englishLeftIn(container)).toEqual([]);

    fireEvent.change(screen.getByLabelText('Skedari i planeve për t’u importuar'), {
      target: { files: [new File([text], 'partner-plans.csv', { type: 'text/csv' })] },
    });
    const report = await screen.findByRole('status', {
      name: 'Importi i skedarit partner-plans.csv',
    });
    expect(report).toHaveTextContent(
      'partner-plans.csv: U importua 1 plan; 1 ishte tashmë këtu dhe u anashkalua. Planet tuaja ekzistuese mbetën siç ishin.',
    );
    expect(report).toHaveTextContent(
      'partner-plans.csv, rreshti 4, area_level: duhet të jetë "municipality" ose "county" (ishte «town»)',
    );
    expect(report).toHaveTextContent(
      'partner-plans.csv, rreshti 5, end: 2026-01-01 është para fillimit, 2027-01-01',
    );
    expect(englishLeftIn(container)).toEqual([]);
  });
});

describe('Compare panel in Albanian', () => {
  it('has no English before any area is chosen, nor with one', async () => {
    const { container } = renderCompare([null, null]);
    expect(englishLeftIn(container)).toEqual([]);
    expect(screen.getByRole('button', { name: 'Ndërro A dhe B' })).toBeDisabled();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Zona A' }), 'county:AL034');
    expect(
      screen.getByText('Zgjidhni një zonë të dytë për ta krahasuar me qarkun Korçë.'),
    ).toBeVisible();
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('has no English with a municipality and a county side by side, all rows or differences only', async () => {
    const { container } = renderCompare([
      { level: 'municipality', id: 'AL217' },
      { level: 'county', id: 'AL034' },
    ]);
    expect(englishLeftIn(container)).toEqual([]);
    expect(
      screen.getByText(
        'Prrenjas ka boshllëk më të madh (0,78 kundrejt 0,40): 0 organizata e përmendin, kundrejt 1; ' +
          '1 lloj aktiviteti kryhet në qarkun Korçë, por jo në Prrenjas.',
      ),
    ).toBeVisible();
    expect(screen.getAllByRole('rowheader', { name: /^Ndërgjegjësim/ })[0]).toBeVisible();
    expect(screen.getByRole('columnheader', { name: /Qarku Korçë/ })).toBeVisible();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Vetëm ndryshimet' }));
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('has no English when both sides show the same area, or with planned interventions', () => {
    const { container } = renderCompare(
      [
        { level: 'county', id: 'AL021' },
        { level: 'county', id: 'AL021' },
      ],
      [newOrganisationPlan],
    );
    expect(
      screen.getByText(
        'Të dyja anët tregojnë qarkun Elbasan: zgjidhni një zonë tjetër për ta krahasuar.',
      ),
    ).toBeVisible();
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('has no English with planned organisations listed, and none to compare', async () => {
    const { container } = renderCompare(
      [
        { level: 'municipality', id: 'AL217' },
        { level: 'municipality', id: 'AL212' },
      ],
      [newOrganisationPlan],
    );
    expect(screen.getByText(/\(e planifikuar\)/)).toBeVisible();
    expect(englishLeftIn(container)).toEqual([]);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Vetëm ndryshimet' }));
    expect(englishLeftIn(container)).toEqual([]);
  });
});

describe('The planner in English', () => {
  it('still reads as before', () => {
    const store = storeIn('en', { plans: [korceCountyPlan] });
    render(
      <StoreProvider store={store}>
        <PlannerPanel files={{ download: vi.fn(), readText: vi.fn(), readBytes: vi.fn() }} />
      </StoreProvider>,
    );
    expect(screen.getByRole('list', { name: 'Warnings for plan-2' })).toHaveTextContent(
      "Pogradec Youth already works in Pogradec: new presence only in the county's other municipalities.",
    );
    expect(screen.getByRole('button', { name: 'Korçë county' })).toBeVisible();
  });
});

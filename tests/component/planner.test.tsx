import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PlannerPanel, type PlannerFileActions } from '../../src/components/planner-panel';
import type { PlannedIntervention } from '../../src/domain/plan';
import { createHartaStore } from '../../src/store/harta-store';
import { selectGapRanking } from '../../src/store/selectors';
import { StoreProvider } from '../../src/store/store-provider';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

function renderPlanner(
  plans: PlannedIntervention[] = [],
  text = '',
  draft: PlannedIntervention['area'] | null = null,
) {
  const store = createHartaStore(
    { gazetteer: makeGazetteer(), dataset: makeDataset() },
    { plans, tab: 'plans' },
  );
  if (draft) store.getState().startPlan(draft);
  const files: PlannerFileActions = {
    download: vi.fn(),
    readText: vi.fn(() => Promise.resolve(text)),
    readBytes: vi.fn(() => Promise.resolve(new TextEncoder().encode(text))),
  };
  render(
    <StoreProvider store={store}>
      <PlannerPanel files={files} />
    </StoreProvider>,
  );
  return { store, files };
}

const prrenjasPlan: PlannedIntervention = {
  id: 'plan-1',
  area: { level: 'municipality', id: 'AL217' },
  activityTypes: ['awareness', 'training'],
  organisationId: null,
  organisationName: 'Shpresa',
  start: '2027-01-01',
  end: '2027-12-31',
  note: '=not a formula',
};

describe('PlannerPanel', () => {
  it('refuses an incomplete plan and says what is missing', () => {
    const { store } = renderPlanner();
    fireEvent.click(screen.getByRole('button', { name: 'Add plan' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Choose the area the plan is for.');
    expect(alert).toHaveTextContent('Choose at least one activity type.');
    expect(alert).toHaveTextContent('type the name of a new one');
    expect(store.getState().plans).toEqual([]);
  });

  it('adds a plan, switches to the picture with plans, and the ranking changes', () => {
    const { store } = renderPlanner();
    expect(selectGapRanking(store.getState())[0]?.id).toBe('AL217');
    fireEvent.change(screen.getByLabelText('Area'), { target: { value: 'm:AL217' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Awareness' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Training' }));
    fireEvent.change(screen.getByLabelText('Name of the new organisation'), {
      target: { value: '<b>Shpresa</b>' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add plan' }));
    const [plan] = store.getState().plans;
    expect(plan).toMatchObject({
      id: 'plan-1',
      area: { level: 'municipality', id: 'AL217' },
      activityTypes: ['awareness', 'training'],
      organisationId: null,
      organisationName: '<b>Shpresa</b>',
    });
    expect(store.getState().scenario).toBe('planned');
    const after = selectGapRanking(store.getState()).find((entry) => entry.id === 'AL217');
    expect(after?.gapScore).toBe(0.472); // 1 × e^(−1.5/2): one new implementer + the county-wide one
    store.getState().setScenario('current');
    expect(selectGapRanking(store.getState())[0]?.gapScore).toBe(0.779);
    const card = within(screen.getByRole('list', { name: 'Planned interventions' })).getByRole(
      'listitem',
    );
    // Typed text is shown as text.
    expect(card).toHaveTextContent('<b>Shpresa</b> (new)');
    expect(card.querySelector('b')).toBeNull();
    expect(card).toHaveTextContent('Prrenjas: gap 0.78 → 0.47, rank 1 → 1');
  });

  it('warns before adding when others already do the same work there', () => {
    renderPlanner();
    fireEvent.change(screen.getByLabelText('Area'), { target: { value: 'm:AL212' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Awareness' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Awareness is already done in Cërrik by Cërrik One.',
    );
  });

  it('keeps the form when a plan started from an area is added', () => {
    const { store } = renderPlanner([], '', { level: 'municipality', id: 'AL217' });
    const area = screen.getByLabelText('Area');
    expect(area).toHaveValue('m:AL217');
    // Applied once, then handed back.
    expect(store.getState().planDraftArea).toBeNull();
    fireEvent.change(screen.getByLabelText('Implementing organisation'), {
      target: { value: 'pogradec-youth' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Training' }));
    const add = screen.getByRole('button', { name: 'Add plan' });
    add.focus();
    fireEvent.click(add);
    expect(store.getState().plans.map((plan) => plan.area.id)).toEqual(['AL217']);
    // The same form, with where and by whom kept for the next plan, and focus where it was.
    expect(screen.getByLabelText('Area')).toBe(area);
    expect(area).toHaveValue('m:AL217');
    expect(screen.getByLabelText('Implementing organisation')).toHaveValue('pogradec-youth');
    expect(screen.getByRole('checkbox', { name: 'Training' })).not.toBeChecked();
    expect(add).toHaveFocus();
    // A new "Plan an intervention in …" while the form is open changes only the area.
    act(() => store.getState().startPlan({ level: 'county', id: 'AL034' }));
    expect(screen.getByLabelText('Area')).toBe(area);
    expect(area).toHaveValue('c:AL034');
    expect(screen.getByLabelText('Implementing organisation')).toHaveValue('pogradec-youth');
    expect(store.getState().planDraftArea).toBeNull();
  });

  it('edits a plan in place, and removes it with an undo, moving focus along', () => {
    const { store } = renderPlanner([prrenjasPlan]);
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.getByRole('heading', { name: 'Edit plan plan-1' })).toBeInTheDocument();
    expect(screen.getByLabelText('Area')).toHaveFocus();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Research' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(store.getState().plans[0]?.activityTypes).toEqual(['awareness', 'training', 'research']);
    expect(store.getState().plans[0]?.note).toBe('=not a formula');
    expect(screen.getByRole('heading', { name: 'Planned interventions (1)' })).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(store.getState().plans).toEqual([]);
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().plans.map((plan) => plan.id)).toEqual(['plan-1']);
    expect(screen.getByRole('heading', { name: 'Planned interventions (1)' })).toHaveFocus();
  });

  it('restores a removed plan under a fresh id if an import took its id meanwhile', () => {
    const { store } = renderPlanner([prrenjasPlan]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    const imported = { ...prrenjasPlan, organisationName: 'Drita', note: '' };
    act(() => store.getState().setPlans([imported]));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().plans).toEqual([{ ...prrenjasPlan, id: 'plan-2' }, imported]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Restored plan-1 as plan-2: a plan imported meanwhile has the id plan-1.',
    );
  });

  it('exports CSV and JSON that read back as the same plans', () => {
    const { files } = renderPlanner([prrenjasPlan]);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    const calls = vi.mocked(files.download).mock.calls;
    expect(calls.map(([name, , type]) => [name.replace(/\d{4}-\d\d-\d\d/, 'DATE'), type])).toEqual([
      ['harta-plans-al-DATE.csv', 'text/csv'],
      ['harta-plans-al-DATE.json', 'application/json'],
    ]);
    const csv = calls[0]?.[1] ?? '';
    expect(csv).toContain('plan-1,municipality,AL217,Prrenjas,awareness;training,,Shpresa');
    expect(csv).toContain("'=not a formula");
    expect(JSON.parse(calls[1]?.[1] ?? '{}')).toMatchObject({
      format: 'harta-plans',
      country: 'AL',
      plans: [prrenjasPlan],
    });
  });

  it('imports the valid rows of a file, names the bad ones, and keeps existing plans', async () => {
    const text = [
      'id,area_level,area_id,area_name,activity_types,organisation_id,organisation_name,start,end,note',
      'p9,municipality,AL345,,research,,Drita,,,',
      'p10,municipality,AL345,,juggling,,Drita,,,',
    ].join('\n');
    const { store } = renderPlanner([prrenjasPlan], text);
    const input = screen.getByLabelText('Plans file to import');
    fireEvent.change(input, {
      target: { files: [new File([text], 'partner-plans.csv', { type: 'text/csv' })] },
    });
    const report = await screen.findByRole('status', { name: 'Import of partner-plans.csv' });
    expect(report).toHaveTextContent('1 plan imported');
    expect(report).toHaveTextContent(/line 3/);
    expect(report).toHaveTextContent(/activity_types/);
    expect(report).toHaveTextContent(/juggling/);
    await waitFor(() =>
      expect(store.getState().plans.map((plan) => plan.id)).toEqual(['plan-1', 'p9']),
    );
    expect(store.getState().plans[0]).toEqual(prrenjasPlan);
  });
});

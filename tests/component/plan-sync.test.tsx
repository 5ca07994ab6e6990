import { describe, expect, it, vi } from 'vitest';
import type { PlannedIntervention } from '../../src/domain/plan';
import { startPlanSync } from '../../src/io/plan-sync';
import type { PlanStorage } from '../../src/io/plan-storage';

// jsdom: the storage event is dispatched by hand, as a browser does for another tab's save.

const plan = (id: string): PlannedIntervention => ({
  id,
  area: { level: 'municipality', id: 'AL212' },
  activityTypes: ['awareness'],
  organisationId: null,
  organisationName: 'Drita',
  start: null,
  end: null,
  note: '',
});

function setUp(initial: PlannedIntervention[]) {
  let plans = initial;
  const listeners = new Set<() => void>();
  const writes: string[] = [];
  const storage: PlanStorage = {
    length: 0,
    key: () => null,
    getItem: () => null,
    setItem: (_key, value) => {
      writes.push(value);
    },
  };
  const setPlans = (next: PlannedIntervention[]) => {
    plans = next;
    listeners.forEach((listener) => listener());
  };
  const fromOtherTab = [plan('plan-1'), plan('plan-2')];
  const onExternalChange = vi.fn();
  const stop = startPlanSync({
    storage,
    key: 'harta.plans.v1.AL',
    countryCode: 'AL',
    read: () => plans,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onResult: vi.fn(),
    reload: () => fromOtherTab,
    apply: setPlans,
    onExternalChange,
  });
  return { setPlans, writes, stop, onExternalChange, current: () => plans, fromOtherTab };
}

describe('startPlanSync', () => {
  it('saves when the plans change, and only then', () => {
    const sync = setUp([]);
    sync.setPlans([plan('plan-1')]);
    expect(sync.writes).toHaveLength(1);
    expect(JSON.parse(sync.writes[0] ?? '{}')).toMatchObject({ plans: [{ id: 'plan-1' }] });
    sync.setPlans(sync.current());
    expect(sync.writes).toHaveLength(1);
    sync.stop();
  });

  it("takes another tab's saved plans without writing them back, and says so", () => {
    const sync = setUp([plan('plan-1')]);
    window.dispatchEvent(
      new StorageEvent('storage', { key: 'harta.plans.v1.AL', newValue: '{"plans":[]}' }),
    );
    expect(sync.current()).toBe(sync.fromOtherTab);
    expect(sync.onExternalChange).toHaveBeenCalledTimes(1);
    expect(sync.writes).toEqual([]);
    // Other keys, and a cleared storage, are left alone.
    window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: 'x' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'harta.plans.v1.AL', newValue: null }));
    expect(sync.onExternalChange).toHaveBeenCalledTimes(1);
    sync.stop();
    window.dispatchEvent(new StorageEvent('storage', { key: 'harta.plans.v1.AL', newValue: '' }));
    expect(sync.onExternalChange).toHaveBeenCalledTimes(1);
  });
});

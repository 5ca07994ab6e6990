import type { PlannedIntervention } from '../domain/plan';
import { saveStoredPlans, type PlanStorage, type SaveResult } from './plan-storage';

export interface PlanSyncOptions {
  storage: PlanStorage | null;
  key: string;
  countryCode: string;
  read: () => readonly PlannedIntervention[];
  /** Calls the listener after every state change; returns an unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** Told after every save that failed, and after the first one that worked again. */
  onResult: (result: SaveResult) => void;
}

/** Saves the plans to browser storage whenever they change (not on other state changes). */
export function startPlanSync(options: PlanSyncOptions): () => void {
  let last = options.read();
  let failing = false;
  return options.subscribe(() => {
    const plans = options.read();
    if (plans === last) return;
    last = plans;
    const result = saveStoredPlans(options.storage, options.key, plans, {
      countryCode: options.countryCode,
    });
    if (!result.ok || failing) options.onResult(result);
    failing = !result.ok;
  });
}

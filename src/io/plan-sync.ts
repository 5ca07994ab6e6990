import type { PlannedIntervention } from '../domain/plan';
import {
  saveStoredPlans,
  type PlanStorage,
  type PlanStorageWords,
  type SaveResult,
} from './plan-storage';

export interface PlanSyncOptions {
  storage: PlanStorage | null;
  key: string;
  countryCode: string;
  read: () => readonly PlannedIntervention[];
  /** Calls the listener after every state change; returns an unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** Told after every save that failed, and after the first one that worked again. */
  onResult: (result: SaveResult) => void;
  /** The words a failed save is told in, read at each save (the language may change); English when absent. */
  words?: () => PlanStorageWords;
  /**
   * Another tab or window of the app saved plans: `reload` reads them from storage and
   * `apply` puts them in this tab, so neither tab's next save erases the other's work.
   */
  reload: () => PlannedIntervention[];
  apply: (plans: PlannedIntervention[]) => void;
  onExternalChange: () => void;
}

/**
 * Saves the plans to browser storage whenever they change (not on other state changes), and
 * follows saves made by other tabs of the same app.
 */
export function startPlanSync(options: PlanSyncOptions): () => void {
  let last = options.read();
  let failing = false;
  const unsubscribe = options.subscribe(() => {
    const plans = options.read();
    if (plans === last) return;
    last = plans;
    const result = saveStoredPlans(
      options.storage,
      options.key,
      plans,
      { countryCode: options.countryCode },
      options.words?.(),
    );
    if (!result.ok || failing) options.onResult(result);
    failing = !result.ok;
  });
  const onStorage = (event: StorageEvent) => {
    if (event.key !== options.key || event.newValue === null) return;
    const plans = options.reload();
    // Applied as the last saved state, so this tab does not write it straight back.
    last = plans;
    options.apply(plans);
    options.onExternalChange();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    unsubscribe();
    window.removeEventListener('storage', onStorage);
  };
}

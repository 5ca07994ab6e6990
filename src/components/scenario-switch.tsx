import { useHarta } from '../store/store-context';

/**
 * Which picture the map, the rankings and the charts show: what the sources say exists today,
 * or that plus the planned interventions. Shown only once there is a plan.
 */
export function ScenarioSwitch() {
  const scenario = useHarta((state) => state.scenario);
  const setScenario = useHarta((state) => state.setScenario);
  const count = useHarta((state) => state.plans.length);
  if (count === 0) return null;
  return (
    <fieldset className="segmented scenario-switch">
      <legend>Picture</legend>
      <label>
        <input
          type="radio"
          name="scenario"
          value="current"
          checked={scenario === 'current'}
          onChange={() => setScenario('current')}
        />
        Today
      </label>
      <label>
        <input
          type="radio"
          name="scenario"
          value="planned"
          checked={scenario === 'planned'}
          onChange={() => setScenario('planned')}
        />
        With {count} planned {count === 1 ? 'intervention' : 'interventions'}
      </label>
    </fieldset>
  );
}

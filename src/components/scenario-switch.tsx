import { useId } from 'react';
import { useHarta } from '../store/store-context';

/**
 * Which picture the map, the rankings and the charts show: what the sources say exists today,
 * or that plus the planned interventions. Shown only once there is a plan.
 */
export function ScenarioSwitch() {
  const scenario = useHarta((state) => state.scenario);
  const setScenario = useHarta((state) => state.setScenario);
  const count = useHarta((state) => state.plans.length);
  // Each switch on the page is its own radio group (the filters bar and the planner both show one).
  const name = useId();
  if (count === 0) return null;
  return (
    <fieldset className="segmented scenario-switch">
      <legend>Picture</legend>
      {(['current', 'planned'] as const).map((value) => (
        <label key={value}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={scenario === value}
            onChange={() => setScenario(value)}
          />
          {value === 'current'
            ? 'Today'
            : `With ${count} planned ${count === 1 ? 'intervention' : 'interventions'}`}
        </label>
      ))}
    </fieldset>
  );
}

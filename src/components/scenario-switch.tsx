import { useId } from 'react';
import { useT } from '../i18n/use-t';
import { useHarta } from '../store/store-context';

/**
 * Which picture the map, the rankings and the charts show: what the sources say exists today,
 * or that plus the planned interventions. Shown only once there is a plan.
 */
export function ScenarioSwitch() {
  const t = useT();
  const scenario = useHarta((state) => state.scenario);
  const setScenario = useHarta((state) => state.setScenario);
  const count = useHarta((state) => state.plans.length);
  // Each switch on the page is its own radio group (the filters bar and the planner both show one).
  const name = useId();
  if (count === 0) return null;
  return (
    <fieldset className="segmented scenario-switch">
      <legend>{t('planner.scenario')}</legend>
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
            ? t('planner.scenario.current')
            : t('planner.scenario.planned', count)}
        </label>
      ))}
    </fieldset>
  );
}

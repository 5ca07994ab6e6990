import type { ScopeFilter } from '../domain/coverage';
import type { TaxonomyEntry } from '../domain/dataset';
import { selectFilteredOrganisations } from '../store/selectors';
import { ExportMenu } from './export-menu';
import { ScenarioSwitch } from './scenario-switch';
import { useDismissableDetails } from './use-dismissable-details';
import { useHarta } from '../store/store-context';

function ChoiceList({
  legend,
  entries,
  selected,
  onToggle,
}: {
  legend: string;
  entries: TaxonomyEntry[];
  selected: string[];
  onToggle: (id: string) => void;
}) {
  const [detailsRef, onDetailsKeyDown] = useDismissableDetails();
  return (
    <details ref={detailsRef} className="choice-list" onKeyDown={onDetailsKeyDown}>
      <summary>
        {legend}
        {selected.length > 0 ? <span className="count-badge"> {selected.length}</span> : null}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{legend}</legend>
        {entries.map((entry) => (
          <label key={entry.id} title={entry.definition}>
            <input
              type="checkbox"
              checked={selected.includes(entry.id)}
              onChange={() => onToggle(entry.id)}
            />
            {entry.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** Filters for everything on screen: map, panels and charts read the same filtered set. */
export function FiltersBar({
  download,
}: {
  /** Saves a file; the export menu is shown when given. */
  download?: (fileName: string, text: string, mimeType: string) => void;
}) {
  const dataset = useHarta((state) => state.dataset);
  const filters = useHarta((state) => state.filters);
  const countyMeasure = useHarta((state) => state.countyMeasure);
  const passing = useHarta(selectFilteredOrganisations);
  const planned = passing.filter((o) => o.planned).length;
  const shown = passing.length - planned;
  const toggleActivityType = useHarta((state) => state.toggleActivityType);
  const toggleFocusType = useHarta((state) => state.toggleFocusType);
  const toggleKind = useHarta((state) => state.toggleKind);
  const setScope = useHarta((state) => state.setScope);
  const setHotspotsOnly = useHarta((state) => state.setHotspotsOnly);
  const setText = useHarta((state) => state.setText);
  const resetFilters = useHarta((state) => state.resetFilters);
  const setCountyMeasure = useHarta((state) => state.setCountyMeasure);
  const filtered =
    filters.activityTypes.length + filters.focusTypes.length + filters.kinds.length > 0 ||
    filters.scope !== 'all' ||
    filters.hotspotsOnly ||
    filters.text.trim() !== '';

  return (
    <section className="filters-bar" aria-label="Filters">
      <ChoiceList
        legend="Activity types"
        entries={dataset.activityTypes}
        selected={filters.activityTypes}
        onToggle={toggleActivityType}
      />
      <ChoiceList
        legend="Focus types"
        entries={dataset.focusTypes}
        selected={filters.focusTypes}
        onToggle={toggleFocusType}
      />
      <ChoiceList
        legend="Kinds"
        entries={dataset.organisationKinds}
        selected={filters.kinds}
        onToggle={toggleKind}
      />
      <label className="inline-field">
        Scope
        <select
          value={filters.scope}
          onChange={(event) => setScope(event.target.value as ScopeFilter)}
        >
          <option value="all">All</option>
          <option value="local">Local only</option>
          <option value="national">Nationwide only</option>
        </select>
      </label>
      <label className="inline-field">
        <input
          type="checkbox"
          checked={filters.hotspotsOnly}
          onChange={(event) => setHotspotsOnly(event.target.checked)}
        />
        Working in hotspots
      </label>
      <label className="inline-field">
        <span className="visually-hidden">Filter organisations by text</span>
        <input
          type="search"
          value={filters.text}
          placeholder="Filter by text"
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <label className="inline-field">
        Shade counties
        <select
          value={countyMeasure.kind === 'organisations' ? '' : countyMeasure.activityType}
          onChange={(event) =>
            setCountyMeasure(
              event.target.value === ''
                ? { kind: 'organisations' }
                : { kind: 'activity-type', activityType: event.target.value },
            )
          }
        >
          <option value="">Organisations</option>
          {dataset.activityTypes.map((type) => (
            <option key={type.id} value={type.id}>
              {type.label}
            </option>
          ))}
        </select>
      </label>
      <ScenarioSwitch />
      {download ? <ExportMenu download={download} /> : null}
      <p className="filter-summary" aria-live="polite">
        {shown} of {dataset.organisations.length} organisations
        {planned > 0 ? ` + ${planned} planned` : ''}
        {filtered ? (
          <button type="button" className="link-button" onClick={resetFilters}>
            Clear filters
          </button>
        ) : null}
      </p>
    </section>
  );
}

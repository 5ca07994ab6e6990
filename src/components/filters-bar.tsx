import { memo } from 'react';
import type { ScopeFilter } from '../domain/coverage';
import { taxonomyDefinition, taxonomyLabel, type TaxonomyEntry } from '../domain/dataset';
import { selectFilteredOrganisations } from '../store/selectors';
import { ExportMenu } from './export-menu';
import type { SlideExportProps } from './slide-export';
import { ScenarioSwitch } from './scenario-switch';
import { useDismissableDetails } from './use-dismissable-details';
import { useHarta } from '../store/store-context';
import { formatNumber } from '../i18n/messages';
import { useT } from '../i18n/use-t';

/**
 * One choice, re-rendered only when its own props change: a filter change re-renders the bar,
 * and React re-writes the attributes of every checkbox it renders (29 of them, ≈ 90 DOM writes
 * per change for the one box that changed).
 */
const Choice = memo(function Choice({
  id,
  label,
  title,
  checked,
  onToggle,
}: {
  id: string;
  label: string;
  title: string;
  checked: boolean;
  onToggle: (id: string) => void;
}) {
  return (
    <label title={title}>
      <input type="checkbox" checked={checked} onChange={() => onToggle(id)} />
      {label}
    </label>
  );
});

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
  const lang = useHarta((state) => state.lang);
  return (
    <details ref={detailsRef} className="choice-list" onKeyDown={onDetailsKeyDown}>
      <summary>
        {legend}
        {selected.length > 0 ? <span className="count-badge"> {selected.length}</span> : null}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{legend}</legend>
        {entries.map((entry) => (
          <Choice
            key={entry.id}
            id={entry.id}
            label={taxonomyLabel(entry, lang)}
            title={taxonomyDefinition(entry, lang)}
            checked={selected.includes(entry.id)}
            onToggle={onToggle}
          />
        ))}
      </fieldset>
    </details>
  );
}

/** Filters for everything on screen: map, panels and charts read the same filtered set. */
export function FiltersBar({
  download,
  slides,
}: {
  /** Saves a file; the export menu is shown when given. */
  download?: (fileName: string, text: string, mimeType: string) => void;
  /** The map as a slide image, offered in the export menu. */
  slides?: SlideExportProps;
}) {
  const t = useT();
  const lang = useHarta((state) => state.lang);
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
    <section className="filters-bar" aria-label={t('filters.label')}>
      <ChoiceList
        legend={t('filters.activityTypes')}
        entries={dataset.activityTypes}
        selected={filters.activityTypes}
        onToggle={toggleActivityType}
      />
      <ChoiceList
        legend={t('filters.focusTypes')}
        entries={dataset.focusTypes}
        selected={filters.focusTypes}
        onToggle={toggleFocusType}
      />
      <ChoiceList
        legend={t('filters.kinds')}
        entries={dataset.organisationKinds}
        selected={filters.kinds}
        onToggle={toggleKind}
      />
      <label className="inline-field">
        {t('filters.scope')}
        <select
          value={filters.scope}
          onChange={(event) => setScope(event.target.value as ScopeFilter)}
        >
          <option value="all">{t('filters.scope.all')}</option>
          <option value="local">{t('filters.scope.local')}</option>
          <option value="national">{t('filters.scope.national')}</option>
        </select>
      </label>
      <label className="inline-field">
        <input
          type="checkbox"
          checked={filters.hotspotsOnly}
          onChange={(event) => setHotspotsOnly(event.target.checked)}
        />
        {t('filters.hotspots')}
      </label>
      <label className="inline-field">
        <span className="visually-hidden">{t('filters.textLabel')}</span>
        <input
          type="search"
          value={filters.text}
          placeholder={t('filters.text')}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <label className="inline-field">
        {t('filters.shadeCounties')}
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
          <option value="">{t('filters.shade.organisations')}</option>
          {dataset.activityTypes.map((type) => (
            <option key={type.id} value={type.id}>
              {taxonomyLabel(type, lang)}
            </option>
          ))}
        </select>
      </label>
      <ScenarioSwitch />
      {download ? <ExportMenu download={download} {...(slides ? { slides } : {})} /> : null}
      <p className="filter-summary" aria-live="polite">
        {t(
          'filters.summary',
          formatNumber(lang, shown),
          formatNumber(lang, dataset.organisations.length),
        )}
        {planned > 0 ? t('filters.planned', formatNumber(lang, planned)) : ''}
        {filtered ? (
          <button type="button" className="link-button" onClick={resetFilters}>
            {t('filters.clear')}
          </button>
        ) : null}
      </p>
    </section>
  );
}

import { useCallback, useId, useMemo } from 'react';
import type { ActivityByAreaSeries, CountRow } from '../../domain/chart-series';
import { ChartExportContext, type ChartExportSettings } from './chart-export';
import { ActivityByAreaChart, type AreaLevel } from './activity-by-area-chart';
import { useInterfaceLang, useInterfaceT } from './chart-lang';
import { CountBarChart } from './count-bar-chart';
import './charts.css';

export interface ChartsPanelProps {
  /** From `activityByArea`: per county, or per municipality of the county in focus. */
  activitySeries: ActivityByAreaSeries;
  /** From `focusTypeCounts`. */
  focusCounts: CountRow[];
  /** From `organisationsPerCounty`; also names the county in focus for the activity title. */
  countyCounts: CountRow[];
  selectedActivityTypes: string[];
  selectedFocusTypes: string[];
  /** The selected county, emphasised in "Organisations per county". */
  selectedCountyId: string | null;
  /** The selected county or municipality, emphasised in the activity chart (default: the county). */
  highlightedAreaId?: string | null;
  /** Toggle an activity type in the filters. */
  onActivityTypeClick: (activityTypeId: string) => void;
  /** Toggle a focus type in the filters. */
  onFocusTypeClick: (focusTypeId: string) => void;
  /** Select a county or municipality (also used by "Organisations per county"). */
  onAreaClick: (level: AreaLevel, areaId: string) => void;
  /** Said under the heading, e.g. that planned interventions are included. */
  note?: string;
  /** Offers "Download PNG / SVG" on each chart: how to save a file, and the source line. */
  exportSettings?: ChartExportSettings;
}

/**
 * The three charts, following the filters and the selection; clicking a bar filters or selects
 * (cross-filtering), and so does each chart's keyboard-reachable button list. In the dashboard
 * the panel waits while it is far from the screen (HoldWhileFar, src/components/hold.ts).
 */
export function ChartsPanel({
  activitySeries,
  focusCounts,
  countyCounts,
  selectedActivityTypes,
  selectedFocusTypes,
  selectedCountyId,
  highlightedAreaId = selectedCountyId,
  onActivityTypeClick,
  onFocusTypeClick,
  onAreaClick,
  note,
  exportSettings,
}: ChartsPanelProps) {
  const headingId = `${useId()}-charts`;
  const t = useInterfaceT(useInterfaceLang());
  const focusCountyName = countyCounts.find((row) => row.id === activitySeries.countyId)?.label;
  // Each chart is memoised: these keep their identity so a chart whose inputs did not change
  // does not render again.
  const selectedCountyIds = useMemo(
    () => (selectedCountyId === null ? [] : [selectedCountyId]),
    [selectedCountyId],
  );
  const onCountyClick = useCallback(
    (countyId: string) => onAreaClick('county', countyId),
    [onAreaClick],
  );
  return (
    <ChartExportContext value={exportSettings ?? null}>
      <section className="charts-panel" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('charts.heading')}</h2>
        {note ? <p className="charts-note">{note}</p> : null}
        <ActivityByAreaChart
          series={activitySeries}
          countyName={focusCountyName}
          selectedActivityTypes={selectedActivityTypes}
          onActivityTypeClick={onActivityTypeClick}
          onAreaClick={onAreaClick}
          highlightedAreaId={highlightedAreaId}
        />
        <CountBarChart
          title={t('charts.focus.title')}
          description={t('charts.focus.description')}
          rows={focusCounts}
          selectedIds={selectedFocusTypes}
          onBarClick={onFocusTypeClick}
          valueLabel={t('charts.organisations')}
          valueLabelSingular={t('charts.organisation')}
          actionLabel={t('charts.filterBy')}
        />
        <CountBarChart
          title={t('charts.counties.title')}
          description={t('charts.counties.description')}
          rows={countyCounts}
          selectedIds={selectedCountyIds}
          onBarClick={onCountyClick}
          valueLabel={t('charts.organisations')}
          valueLabelSingular={t('charts.organisation')}
          actionLabel={t('charts.select')}
        />
      </section>
    </ChartExportContext>
  );
}

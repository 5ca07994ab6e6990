import { useId } from 'react';
import type { ActivityByAreaSeries, CountRow } from '../../domain/chart-series';
import { ChartExportContext, type ChartExportSettings } from './chart-export';
import { ActivityByAreaChart, type AreaLevel } from './activity-by-area-chart';
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
 * (cross-filtering), and so does each chart's keyboard-reachable button list.
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
  const focusCountyName = countyCounts.find((row) => row.id === activitySeries.countyId)?.label;
  return (
    <ChartExportContext value={exportSettings ?? null}>
      <section className="charts-panel" aria-labelledby={headingId}>
        <h2 id={headingId}>Charts</h2>
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
          title="Focus types"
          description="Organisations per type of focus, under the current filters (an organisation with several focus types counts in each)."
          rows={focusCounts}
          selectedIds={selectedFocusTypes}
          onBarClick={onFocusTypeClick}
          valueLabel="organisations"
          valueLabelSingular="organisation"
          actionLabel="Filter by"
        />
        <CountBarChart
          title="Organisations per county"
          description="Organisations working locally in each county, under the current filters, most first."
          rows={countyCounts}
          selectedIds={selectedCountyId === null ? [] : [selectedCountyId]}
          onBarClick={(countyId) => onAreaClick('county', countyId)}
          valueLabel="organisations"
          valueLabelSingular="organisation"
          actionLabel="Select"
        />
      </section>
    </ChartExportContext>
  );
}

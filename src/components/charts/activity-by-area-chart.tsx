import { memo, useCallback, useMemo } from 'react';
import { ChartFigure } from './chart-figure';
import { useInterfaceLang, useInterfaceT } from './chart-lang';
import { chartHeight, yAxisWidth } from './chart-size';
import { HorizontalBarFrame } from './horizontal-bar-frame';
import {
  Bar,
  type BarShapeProps,
  type TooltipContentProps,
  type YAxisTickContentProps,
} from 'recharts';
import {
  activityTypeColour,
  CHART_DIMMED_OPACITY,
  CHART_EMPHASIS_COLOUR,
} from '../../domain/chart-palette';
import type { ActivityByAreaSeries, AreaActivityRow } from '../../domain/chart-series';
import { formatNumber, type Lang, type Translate } from '../../i18n/messages';
import './charts.css';

export type AreaLevel = ActivityByAreaSeries['level'];

export interface ActivityByAreaChartProps {
  series: ActivityByAreaSeries;
  /**
   * Name of the county in focus, for the title at municipality level. The series carries only
   * the county's id; without a name the title falls back to it.
   */
  countyName?: string;
  /** Activity type ids the filter keeps; the others are dimmed. Empty = no type filter. */
  selectedActivityTypes: string[];
  /** A bar segment, legend item or "Filter by …" button was activated: toggle that type. */
  onActivityTypeClick: (activityTypeId: string) => void;
  /** An area's label, row or "Select …" button was activated. */
  onAreaClick: (level: AreaLevel, areaId: string) => void;
  /** The selected county or municipality, drawn emphasised. */
  highlightedAreaId?: string | null;
}

/** "Activity types per county", or "… per municipality of Elbasan" with a county in focus. */
function activityChartTitle(
  series: ActivityByAreaSeries,
  t: Translate,
  countyName?: string,
): string {
  if (series.level === 'county') return t('charts.activity.titleCounty');
  return t('charts.activity.titleMunicipality', countyName ?? series.countyId);
}

/**
 * Stacked horizontal bars: one bar per county (or per municipality of the county in focus),
 * one segment per activity type, counting organisations that work locally there. Segments and
 * legend items filter by their type; area labels and rows select the area. The legend is made
 * of real buttons and a table (visually hidden until it holds focus) repeats the data with
 * "Select …" buttons, so the chart works by keyboard and with a screen reader.
 */
export const ActivityByAreaChart = memo(function ActivityByAreaChart({
  series,
  countyName,
  selectedActivityTypes,
  onActivityTypeClick,
  onAreaClick,
  highlightedAreaId = null,
}: ActivityByAreaChartProps) {
  const lang = useInterfaceLang();
  const t = useInterfaceT(lang);
  const number = (value: number) => formatNumber(lang, value);
  const title = activityChartTitle(series, t, countyName);
  const isEmpty = series.rows.every((row) => row.organisations === 0);
  const filtering = selectedActivityTypes.length > 0;
  const labelOf = new Map(series.keys.map((key) => [key.id, key.label]));
  const areasWithType = (typeId: string) =>
    series.rows.filter((row) => (row.values[typeId] ?? 0) > 0).length;

  return (
    <ChartFigure
      title={title}
      caption={describeActivitySeries(series, lang, t)}
      exportLegend={series.keys.map((key, index) => ({
        label: key.label,
        colour: activityTypeColour(index),
      }))}
    >
      <ul className="chart-legend" aria-label={t('charts.activity.legend')}>
        {series.keys.map((key, index) => {
          const selected = selectedActivityTypes.includes(key.id);
          return (
            <li key={key.id}>
              <button
                type="button"
                className="chart-legend-item"
                aria-pressed={selected}
                aria-label={t(
                  'charts.activity.legendButton',
                  key.label,
                  number(areasWithType(key.id)),
                  number(series.rows.length),
                  series.level,
                )}
                data-dimmed={filtering && !selected ? 'true' : undefined}
                onClick={() => onActivityTypeClick(key.id)}
              >
                <span
                  className="chart-swatch"
                  style={{ background: activityTypeColour(index) }}
                  aria-hidden="true"
                />
                {key.label}
              </button>
            </li>
          );
        })}
      </ul>
      {isEmpty ? (
        <p className="chart-empty">{t('charts.activity.empty')}</p>
      ) : (
        <>
          {/* The drawing repeats what the table below says, so assistive technology skips it. */}
          <div className="chart-drawing" aria-hidden="true">
            <ActivityByAreaDrawing
              series={series}
              selectedActivityTypes={selectedActivityTypes}
              highlightedAreaId={highlightedAreaId}
              onActivityTypeClick={onActivityTypeClick}
              onAreaClick={onAreaClick}
              lang={lang}
            />
          </div>
          <div className="visually-hidden chart-data">
            <table>
              <caption>{t('charts.activity.tableCaption', title, series.level)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('charts.activity.areaHeader', series.level)}</th>
                  <th scope="col">{t('charts.activity.organisationsHeader')}</th>
                  <th scope="col">{t('charts.activity.byTypeHeader')}</th>
                </tr>
              </thead>
              <tbody>
                {series.rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <button
                        type="button"
                        aria-current={row.id === highlightedAreaId ? 'true' : undefined}
                        onClick={() => onAreaClick(series.level, row.id)}
                      >
                        {t('charts.select')} {row.name}
                      </button>
                    </th>
                    <td>{number(row.organisations)}</td>
                    <td>
                      {Object.entries(row.values)
                        .filter(([, count]) => count > 0)
                        .map(
                          ([typeId, count]) => `${labelOf.get(typeId) ?? typeId}: ${number(count)}`,
                        )
                        .join('; ') || t('charts.none')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </ChartFigure>
  );
});

interface ActivityByAreaDrawingProps {
  series: ActivityByAreaSeries;
  selectedActivityTypes: string[];
  highlightedAreaId: string | null;
  onActivityTypeClick: (activityTypeId: string) => void;
  onAreaClick: (level: AreaLevel, areaId: string) => void;
  lang: Lang;
}

/**
 * The recharts drawing. Every function and object handed to recharts keeps its identity until
 * what it draws changes: recharts 3 compares its props, and a new `dataKey`, `shape`, `tick`,
 * `background` or tooltip `content` makes it re-register the item in its store and redraw
 * every bar, even when the data is the same.
 */
const ActivityByAreaDrawing = memo(function ActivityByAreaDrawing({
  series,
  selectedActivityTypes,
  highlightedAreaId,
  onActivityTypeClick,
  onAreaClick,
  lang,
}: ActivityByAreaDrawingProps) {
  const t = useInterfaceT(lang);
  const { rows, keys, level } = series;
  const filtering = selectedActivityTypes.length > 0;
  const rowByName = useMemo(() => new Map(rows.map((row) => [row.name, row])), [rows]);

  const selectRow = useCallback(
    (row: AreaActivityRow | undefined) => {
      if (row !== undefined) onAreaClick(level, row.id);
    },
    [level, onAreaClick],
  );

  // Behind each area's bar, a band as wide as the plot: clicking it (anywhere off a segment)
  // selects the area, and it shades the highlighted area. Drawn as the first Bar's background,
  // so recharts places it under the segments and lines it up with the row.
  const renderAreaBand = useCallback(
    (band: BarShapeProps) => {
      const row = rows[band.originalDataIndex];
      const highlighted = row !== undefined && row.id === highlightedAreaId;
      return (
        <rect
          x={band.x}
          y={band.y}
          width={Math.max(0, band.width)}
          height={Math.max(0, band.height)}
          fill={highlighted ? '#e9ecf1' : '#ffffff'}
          fillOpacity={highlighted ? 1 : 0}
          stroke={highlighted ? CHART_EMPHASIS_COLOUR : 'none'}
          strokeDasharray="3 3"
          className="chart-area-band"
          onClick={() => selectRow(row)}
        />
      );
    },
    [rows, highlightedAreaId, selectRow],
  );

  const renderAreaTick = useCallback(
    (tick: YAxisTickContentProps) => {
      const name = String(tick.payload.value);
      const row = rowByName.get(name);
      const highlighted = row !== undefined && row.id === highlightedAreaId;
      return (
        <text
          x={tick.x}
          y={tick.y}
          dx={-4}
          dy="0.35em"
          textAnchor="end"
          fill={CHART_EMPHASIS_COLOUR}
          fontSize={13}
          fontWeight={highlighted ? 700 : 400}
          className="chart-area-label"
          onClick={() => selectRow(row)}
        >
          {name}
        </text>
      );
    },
    [rowByName, highlightedAreaId, selectRow],
  );

  const renderTooltip = useCallback(
    ({ active, label }: TooltipContentProps) => {
      const row = active ? rowByName.get(String(label)) : undefined;
      if (row === undefined) return null;
      const present = keys.filter((key) => (row.values[key.id] ?? 0) > 0);
      return (
        <div className="chart-tooltip">
          <p className="chart-tooltip-title">
            {row.name}:{' '}
            {t(
              'charts.organisationCount',
              row.organisations,
              formatNumber(lang, row.organisations),
            )}
          </p>
          {present.length > 0 && (
            <ul>
              {present.map((key) => (
                <li key={key.id}>
                  <span
                    className="chart-swatch"
                    style={{ background: activityTypeColour(keys.indexOf(key)) }}
                  />
                  {key.label}: {formatNumber(lang, row.values[key.id] ?? 0)}
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    },
    [rowByName, keys, lang, t],
  );

  const formatTick = useCallback((value: number) => formatNumber(lang, value), [lang]);
  // One click handler per activity type, kept while the same types are drawn: the series is
  // rebuilt on every filter change, its types are not.
  const typeIds = keys.map((key) => key.id).join('\n');
  const onTypeClick = useMemo(
    () => new Map(typeIds.split('\n').map((id) => [id, () => onActivityTypeClick(id)] as const)),
    [typeIds, onActivityTypeClick],
  );
  const height = chartHeight(rows.length, ROW_HEIGHT);
  const labelWidth = yAxisWidth(
    rows.map((row) => row.name),
    AREA_LABEL_CAP,
  );

  return (
    <HorizontalBarFrame
      rows={rows}
      height={height}
      labelKey="name"
      labelWidth={labelWidth}
      marginRight={16}
      tick={renderAreaTick}
      tickFormatter={formatTick}
      tooltip={renderTooltip}
    >
      {keys.map((key, index) => (
        <Bar
          key={key.id}
          name={key.label}
          dataKey={countOfType(key.id)}
          stackId="activity-types"
          fill={activityTypeColour(index)}
          fillOpacity={
            filtering && !selectedActivityTypes.includes(key.id) ? CHART_DIMMED_OPACITY : 1
          }
          isAnimationActive={false}
          // A custom shape also keeps zero-length segments, so the first Bar has a
          // background band on every row, not only where its type is present.
          shape={drawSegment}
          background={index === 0 ? renderAreaBand : false}
          onClick={onTypeClick.get(key.id)}
        />
      ))}
    </HorizontalBarFrame>
  );
});

function drawSegment(segment: BarShapeProps) {
  return segment.width > 0 ? (
    <rect
      x={segment.x}
      y={segment.y}
      width={segment.width}
      height={Math.max(0, segment.height)}
      fill={segment.fill}
      fillOpacity={segment.fillOpacity}
      stroke="#ffffff"
      strokeWidth={1}
      className="chart-segment"
    />
  ) : (
    <g />
  );
}

/**
 * The `dataKey` reading one activity type's count from a row, made once per type: recharts
 * re-registers a Bar whose `dataKey` is a new function.
 */
const typeCountReaders = new Map<string, (row: AreaActivityRow) => number>();
function countOfType(typeId: string): (row: AreaActivityRow) => number {
  let read = typeCountReaders.get(typeId);
  if (read === undefined) {
    read = (row) => row.values[typeId] ?? 0;
    typeCountReaders.set(typeId, read);
  }
  return read;
}

/** A one-sentence reading of the chart, for its caption. */
function describeActivitySeries(series: ActivityByAreaSeries, lang: Lang, t: Translate): string {
  const withPresence = series.rows.filter((row) => row.organisations > 0);
  const top =
    withPresence.length === 0
      ? null
      : withPresence.reduce((best, row) => (row.organisations > best.organisations ? row : best));
  return t('charts.activity.caption', {
    level: series.level,
    areas: formatNumber(lang, series.rows.length),
    top:
      top === null
        ? null
        : {
            name: top.name,
            count: top.organisations,
            formatted: formatNumber(lang, top.organisations),
          },
    none: formatNumber(lang, series.rows.length - withPresence.length),
  });
}

const ROW_HEIGHT = 28;
/** Widest area-name column, in pixels. */
const AREA_LABEL_CAP = 130;

import { memo, useCallback, useMemo } from 'react';
import { ChartFigure } from './chart-figure';
import { useInterfaceLang, useInterfaceT } from './chart-lang';
import { chartHeight, yAxisWidth } from './chart-size';
import { HorizontalBarFrame } from './horizontal-bar-frame';
import {
  Bar,
  LabelList,
  type BarShapeProps,
  type TooltipContentProps,
  type YAxisTickContentProps,
} from 'recharts';
import {
  CHART_ACCENT_COLOUR,
  CHART_DIMMED_OPACITY,
  CHART_EMPHASIS_COLOUR,
} from '../../domain/chart-palette';
import type { CountRow } from '../../domain/chart-series';
import { formatNumber, type Lang, type Translate } from '../../i18n/messages';
import './charts.css';

export interface CountBarChartProps {
  title: string;
  rows: CountRow[];
  /** Ids currently selected (filtered on, or the selected county); they are emphasised. */
  selectedIds: string[];
  /** A bar, its label or its button was activated. */
  onBarClick: (id: string) => void;
  /** What the counts count, plural: "organisations". */
  valueLabel: string;
  /** The same for a count of 1: "organisation". Defaults to `valueLabel`. */
  valueLabelSingular?: string;
  /** Verb of the accessible buttons: "Filter by" (default, in the interface language) or "Select". */
  actionLabel?: string;
  /** One sentence on what the chart shows, for its caption; a default is derived otherwise. */
  description?: string;
}

/**
 * One horizontal bar per row, labelled with its count. Clicking a bar or its label calls
 * `onBarClick`; a list of buttons (visually hidden until it holds focus) does the same for
 * keyboard and screen-reader users. With a selection, the other bars are dimmed.
 */
export const CountBarChart = memo(function CountBarChart({
  title,
  rows,
  selectedIds,
  onBarClick,
  valueLabel,
  valueLabelSingular = valueLabel,
  actionLabel,
  description,
}: CountBarChartProps) {
  const lang = useInterfaceLang();
  const t = useInterfaceT(lang);
  const action = actionLabel ?? t('charts.filterBy');
  const counted = (count: number) =>
    `${formatNumber(lang, count)} ${count === 1 ? valueLabelSingular : valueLabel}`;

  return (
    <ChartFigure
      title={title}
      caption={
        description ??
        describeCounts(rows, { plural: valueLabel, singular: valueLabelSingular }, lang, t)
      }
    >
      <div className="chart-drawing" aria-hidden="true">
        <CountBarDrawing
          rows={rows}
          selectedIds={selectedIds}
          onBarClick={onBarClick}
          valueLabel={valueLabel}
          valueLabelSingular={valueLabelSingular}
          lang={lang}
        />
      </div>
      <ul className="visually-hidden chart-data" aria-label={`${title}: ${action.toLowerCase()}`}>
        {rows.map((row) => (
          <li key={row.id}>
            <button
              type="button"
              aria-pressed={selectedIds.includes(row.id)}
              onClick={() => onBarClick(row.id)}
            >
              {action} {row.label} ({counted(row.count)})
            </button>
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
});

interface CountBarDrawingProps {
  rows: CountRow[];
  selectedIds: string[];
  onBarClick: (id: string) => void;
  valueLabel: string;
  valueLabelSingular: string;
  lang: Lang;
}

/**
 * The recharts drawing; as in activity-by-area-chart.tsx, what it hands recharts keeps its
 * identity until what it draws changes, so recharts redraws only for new data or selection.
 */
const CountBarDrawing = memo(function CountBarDrawing({
  rows,
  selectedIds,
  onBarClick,
  valueLabel,
  valueLabelSingular,
  lang,
}: CountBarDrawingProps) {
  const selecting = selectedIds.length > 0;
  const rowByLabel = useMemo(() => new Map(rows.map((row) => [row.label, row])), [rows]);
  const height = chartHeight(rows.length, ROW_HEIGHT);
  const labelWidth = yAxisWidth(
    rows.map((row) => row.label),
    LABEL_CAP,
  );

  const renderBar = useCallback(
    (bar: BarShapeProps) => {
      const row = rows[bar.index];
      const selected = row !== undefined && selectedIds.includes(row.id);
      return (
        <rect
          x={bar.x}
          y={bar.y}
          width={Math.max(0, bar.width)}
          height={Math.max(0, bar.height)}
          fill={CHART_ACCENT_COLOUR}
          fillOpacity={selecting && !selected ? CHART_DIMMED_OPACITY : 1}
          stroke={selected ? CHART_EMPHASIS_COLOUR : 'none'}
          strokeWidth={selected ? 2 : 0}
          className="chart-segment"
        />
      );
    },
    [rows, selectedIds, selecting],
  );

  const renderTick = useCallback(
    (tick: YAxisTickContentProps) => {
      const label = String(tick.payload.value);
      const row = rowByLabel.get(label);
      const selected = row !== undefined && selectedIds.includes(row.id);
      const lines = wrapLabel(label, Math.floor((labelWidth - 8) / LABEL_CHAR_WIDTH));
      return (
        <text
          x={Number(tick.x) - 4}
          y={Number(tick.y)}
          textAnchor="end"
          fill={CHART_EMPHASIS_COLOUR}
          fontSize={12}
          fontWeight={selected ? 700 : 400}
          className="chart-area-label"
          onClick={() => {
            if (row !== undefined) onBarClick(row.id);
          }}
        >
          {lines.map((line, index) => (
            <tspan
              key={index}
              x={Number(tick.x) - 4}
              dy={index === 0 ? `${0.35 - (lines.length - 1) * 0.55}em` : '1.1em'}
            >
              {/* The space keeps textContent readable ("Building community resilience"); at the
                  start of a right-aligned line it does not show. */}
              {index === 0 ? line : ` ${line}`}
            </tspan>
          ))}
        </text>
      );
    },
    [rowByLabel, selectedIds, labelWidth, onBarClick],
  );

  const renderTooltip = useCallback(
    ({ active, label }: TooltipContentProps) => {
      const row = active ? rowByLabel.get(String(label)) : undefined;
      if (row === undefined) return null;
      return (
        <div className="chart-tooltip">
          <p className="chart-tooltip-title">
            {row.label}: {formatNumber(lang, row.count)}{' '}
            {row.count === 1 ? valueLabelSingular : valueLabel}
          </p>
        </div>
      );
    },
    [rowByLabel, lang, valueLabel, valueLabelSingular],
  );

  const formatCount = useCallback((value: unknown) => formatNumber(lang, Number(value)), [lang]);
  const onBar = useCallback(
    (_data: unknown, index: number) => {
      const row = rows[index];
      if (row !== undefined) onBarClick(row.id);
    },
    [rows, onBarClick],
  );

  return (
    <HorizontalBarFrame
      rows={rows}
      height={height}
      labelKey="label"
      labelWidth={labelWidth}
      marginRight={32}
      tick={renderTick}
      tickFormatter={formatCount}
      tooltip={renderTooltip}
    >
      <Bar
        dataKey="count"
        name={valueLabel}
        shape={renderBar}
        isAnimationActive={false}
        onClick={onBar}
      >
        <LabelList
          dataKey="count"
          position="right"
          fontSize={12}
          fill="#1b1f24"
          formatter={formatCount}
        />
      </Bar>
    </HorizontalBarFrame>
  );
});

// Sizes: as in activity-by-area-chart.tsx, with rows a little taller for two-line labels.
// Labels are wrapped here by an estimate of 12 px text, not by recharts' Text: its measurement
// ran wider than the browser's and cut "Building community resilience" short.
const LABEL_CHAR_WIDTH = 6.6;
const ROW_HEIGHT = 32;
/** Widest label column, in pixels; longer labels wrap. */
const LABEL_CAP = 165;

function describeCounts(
  rows: readonly CountRow[],
  words: { plural: string; singular: string },
  lang: Lang,
  t: Translate,
): string {
  const nonZero = rows.filter((row) => row.count > 0);
  const top =
    nonZero.length === 0
      ? null
      : nonZero.reduce((best, row) => (row.count > best.count ? row : best));
  return t('charts.counts.caption', {
    ...words,
    bars: formatNumber(lang, rows.length),
    top: top === null ? null : { label: top.label, count: formatNumber(lang, top.count) },
  });
}

/** Splits a label at spaces into lines of at most `maxChars` (a longer word keeps its line). */
function wrapLabel(label: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter((w) => w !== '')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= maxChars) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines.length > 0 ? lines : [label];
}

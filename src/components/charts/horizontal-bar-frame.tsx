import { useMemo, type ComponentProps, type ReactNode } from 'react';
import { BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { INITIAL_CHART_WIDTH } from './chart-size';

const AXIS_TICK = { fontSize: 12 };
const TOOLTIP_CURSOR = { fill: '#f0f2f5' };

interface HorizontalBarFrameProps {
  rows: ComponentProps<typeof BarChart>['data'];
  /** Pixel height of the drawing (`chartHeight`). */
  height: number;
  /** The row field the category axis names each bar by. */
  labelKey: string;
  /** Width of the category axis (`yAxisWidth`). */
  labelWidth: number;
  /** Room on the right of the bars (for value labels drawn there). */
  marginRight: number;
  tick: ComponentProps<typeof YAxis>['tick'];
  tickFormatter: ComponentProps<typeof XAxis>['tickFormatter'];
  tooltip: ComponentProps<typeof Tooltip>['content'];
  /** The `<Bar>` elements. */
  children: ReactNode;
}

/**
 * What every Harta chart draws around its bars: horizontal bars, a value axis with whole numbers,
 * a category axis naming each row, a light grid and a tooltip. The props it passes to recharts
 * keep their identity between renders unless they change (recharts redraws on a new identity).
 */
export function HorizontalBarFrame({
  rows,
  height,
  labelKey,
  labelWidth,
  marginRight,
  tick,
  tickFormatter,
  tooltip,
  children,
}: HorizontalBarFrameProps) {
  const margin = useMemo(() => ({ top: 4, right: marginRight, bottom: 4, left: 4 }), [marginRight]);
  const initialDimension = useMemo(() => ({ width: INITIAL_CHART_WIDTH, height }), [height]);
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={initialDimension}>
      <BarChart
        data={rows}
        layout="vertical"
        margin={margin}
        barCategoryGap="18%"
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="#dde1e7" />
        <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} tickFormatter={tickFormatter} />
        <YAxis
          type="category"
          dataKey={labelKey}
          width={labelWidth}
          interval={0}
          tickLine={false}
          tick={tick}
        />
        <Tooltip content={tooltip} cursor={TOOLTIP_CURSOR} />
        {children}
      </BarChart>
    </ResponsiveContainer>
  );
}

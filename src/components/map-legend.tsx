import {
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
  type RefObject,
} from 'react';
import { formatNumber } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { sizeSamples } from '../domain/legend-entries';
import type { MapModel } from '../domain/map-model';
import { PRESENTER_COUNTY_RAMP, PRESENTER_GAP_RAMP } from '../domain/presenter-palette';
import { municipalitiesWithBoundary } from '../domain/municipal-boundaries';
import type { HartaState } from '../store/harta-store';
import { useHarta } from '../store/store-context';
import {
  CIRCLE_OUTLINE,
  COUNTY_RAMP,
  EMPHASIS,
  EMPHASIS_CASING,
  EMPHASIS_WIDTH,
  GAP_RAMP,
  HOTSPOT_RING,
  HOTSPOT_RING_GAP,
  HOTSPOT_RING_WIDTH,
  PLANNED,
  PLANNED_WIDTH,
  circleRadius,
  type ColourStop,
} from '../domain/map-palette';
import { usePresenting } from './use-presenter-keys';

interface MapLegendProps {
  model: Pick<MapModel, 'countyMax' | 'countyMeasureLabel' | 'municipalities' | 'counties'>;
}

const legendStyle: CSSProperties = {
  // Its min-height (useTallestHeight) is the border-box height ResizeObserver reports.
  boxSizing: 'border-box',
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'flex-start',
  gap: '0.35rem 1rem',
  margin: 0,
  padding: '0.35rem 0.6rem',
  listStyle: 'none',
  background: '#fff',
  border: '1px solid #d4d9e1',
  borderRadius: 6,
  fontSize: '0.8rem',
  lineHeight: 1.25,
};
/** Three keys to a row on a projector's map column, one on a phone. */
const itemStyle: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  gap: '0.15rem',
  flex: '1 1 14rem',
  minWidth: 0,
};
const titleStyle: CSSProperties = { fontWeight: 700 };
const rowStyle: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: '0.3rem',
};
const RAMP_WIDTH = 72;
/** Fill of the sample circles in the size and hotspot keys: neutral, as size is not colour. */
const SAMPLE_FILL = '#e4e7ec';

const EMPHASIS_KEYS = [
  {
    key: 'selected',
    label: 'legend.emphasis.selected',
    width: EMPHASIS_WIDTH.selected,
    dash: undefined,
  },
  {
    key: 'highlighted',
    label: 'legend.emphasis.highlighted',
    width: EMPHASIS_WIDTH.highlighted,
    dash: '5 2.5',
  },
  {
    key: 'hovered',
    label: 'legend.emphasis.hovered',
    width: EMPHASIS_WIDTH.hovered,
    dash: undefined,
  },
] as const;

function gradient(stops: readonly ColourStop[]): string {
  return `linear-gradient(to right, ${stops.map((s) => `${s.colour} ${s.at * 100}%`).join(', ')})`;
}

/** A colour ramp with its two ends written on either side, on one line. */
function Ramp({ stops, low, high }: { stops: readonly ColourStop[]; low: string; high: string }) {
  return (
    <span style={{ ...rowStyle, flexWrap: 'nowrap' }}>
      <span>{low}</span>
      <span
        aria-hidden="true"
        style={{
          display: 'inline-block',
          width: RAMP_WIDTH,
          height: 12,
          background: gradient(stops),
          border: '1px solid #8a93a3',
        }}
      />
      <span>{high}</span>
    </span>
  );
}

function Item({
  title,
  wide = false,
  children,
}: {
  title: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <li style={wide ? { ...itemStyle, flex: '2 1 28rem' } : itemStyle}>
      <span style={titleStyle}>{title}</span>
      {children}
    </li>
  );
}

/** Side of the swatch that draws the circle of a municipality with `organisations`. */
const sizeSwatchSize = (organisations: number) => Math.ceil(2 * circleRadius(organisations) + 3);

/** A square SVG centred on (0, 0), for drawing a sample mark. */
function Swatch({ size, children }: { size: number; children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox={`${-size / 2} ${-size / 2} ${size} ${size}`}
      aria-hidden="true"
      style={{ flex: 'none' }}
    >
      {children}
    </svg>
  );
}

const selectMunicipalBoundaries = (state: HartaState) => state.municipalBoundaries;
const selectSetMunicipalBoundaries = (state: HartaState) => state.setMunicipalBoundaries;
const selectLang = (state: HartaState) => state.lang;

const removeStyle: CSSProperties = {
  font: 'inherit',
  padding: '0.1rem 0.5rem',
  background: '#fff',
  color: '#1b1f24',
  border: '1px solid #5c6573',
  borderRadius: 4,
  cursor: 'pointer',
};

/** A municipality area as the map draws it from the user's file: a shaded square. */
function AreaSwatch({ fill, children }: { fill: string; children?: ReactNode }) {
  return (
    <svg width={22} height={22} viewBox="0 0 22 22" aria-hidden="true" style={{ flex: 'none' }}>
      <rect
        x={1}
        y={1}
        width={20}
        height={20}
        fill={fill}
        stroke={CIRCLE_OUTLINE}
        strokeWidth={1}
      />
      {children}
    </svg>
  );
}

/**
 * The height the legend must keep: the tallest it has been drawn while showing the same kind of
 * key (`layout`: language, palette, boundaries). A filter that makes the key shorter (fewer or
 * smaller size samples, a shorter number) would otherwise grow the map above it, and MapLibre
 * would resize, refit and redraw the whole map on that filter change. Where ResizeObserver does
 * not exist, the legend simply follows its content.
 */
function useTallestHeight(
  element: RefObject<HTMLElement | null>,
  layout: string,
): number | undefined {
  const [tallest, setTallest] = useState({ layout, height: 0 });
  const current = tallest.layout === layout ? tallest.height : 0;
  useEffect(() => {
    const target = element.current;
    if (target === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const height = entry?.borderBoxSize[0]?.blockSize ?? target.offsetHeight;
      setTallest((previous) =>
        previous.layout === layout && previous.height >= height - 0.5
          ? previous
          : {
              layout,
              height: previous.layout === layout ? Math.max(previous.height, height) : height,
            },
      );
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, layout]);
  return current > 0 ? current : undefined;
}

/**
 * Explains every colour, size and mark the map draws, with the palette the map draws with.
 * When the user loaded municipal boundaries, it says so (naming the file), offers to remove
 * them, and explains the shaded areas instead of the circles they replace.
 */
export function MapLegend({ model }: MapLegendProps) {
  // Presenter mode draws the map with darker ramps (see presenter-palette.ts): so does the legend.
  const presenting = usePresenting();
  const countyRamp = presenting ? PRESENTER_COUNTY_RAMP : COUNTY_RAMP;
  const gapRamp = presenting ? PRESENTER_GAP_RAMP : GAP_RAMP;
  const boundaries = useHarta(selectMunicipalBoundaries);
  const setMunicipalBoundaries = useHarta(selectSetMunicipalBoundaries);
  const withBoundary = municipalitiesWithBoundary(boundaries);
  const symbols = model.municipalities.filter((m) => !withBoundary.has(m.id));
  const areas = model.municipalities.length - symbols.length;
  const largest = Math.max(0, ...symbols.map((m) => m.organisations));
  const samples = sizeSamples(largest);
  const ringLevels = [1, 2, 3] as const;
  const ringSwatch = Math.ceil(2 * (circleRadius(0) + 2 + HOTSPOT_RING_WIDTH[3]) + 2);
  const midGap = gapRamp[2]?.colour ?? '#fd8d3c';
  const t = useT();
  const lang = useHarta(selectLang);
  const count = (n: number) => formatNumber(lang, n);
  const list = useRef<HTMLUListElement>(null);
  const minHeight = useTallestHeight(
    list,
    `${lang}|${presenting ? 'present' : 'page'}|${boundaries?.fileName ?? ''}`,
  );

  return (
    <ul
      ref={list}
      className="map-legend"
      aria-label={t('legend.label')}
      style={minHeight === undefined ? legendStyle : { ...legendStyle, minHeight }}
    >
      {boundaries ? (
        <Item title={t('legend.boundaries')} wide>
          <span style={rowStyle}>
            <span>
              {t('legend.boundaries.shaded', count(areas), count(model.municipalities.length))}
              <span translate="no">{boundaries.fileName}</span>
              {t('legend.boundaries.end', symbols.length > 0)}
            </span>
            <button type="button" style={removeStyle} onClick={() => setMunicipalBoundaries(null)}>
              {t('legend.removeBoundaries')}
            </button>
          </span>
        </Item>
      ) : null}

      <Item title={t('legend.counties', model.countyMeasureLabel)}>
        {model.countyMax > 0 ? (
          <Ramp stops={countyRamp} low={count(0)} high={count(model.countyMax)} />
        ) : (
          <span style={rowStyle}>
            <span
              aria-hidden="true"
              style={{
                width: 18,
                height: 11,
                background: countyRamp[0]?.colour,
                border: '1px solid #8a93a3',
              }}
            />
            <span>{t('legend.zeroEverywhere')}</span>
          </span>
        )}
        {areas > 0 ? <span>{t('legend.countiesUnderAreas')}</span> : null}
      </Item>

      {symbols.length > 0 ? (
        <Item title={t('legend.circleSize')}>
          <span style={rowStyle}>
            {samples.map((n) => {
              const r = circleRadius(n);
              return (
                <span key={n} style={rowStyle}>
                  <Swatch size={sizeSwatchSize(n)}>
                    <circle r={r} fill={SAMPLE_FILL} stroke={CIRCLE_OUTLINE} strokeWidth={1.25} />
                  </Swatch>
                  <span>{n === 0 ? t('legend.nobody') : count(n)}</span>
                </span>
              );
            })}
          </span>
        </Item>
      ) : null}

      <Item title={t(areas > 0 ? 'legend.gapColour.areas' : 'legend.gapColour.circles')}>
        <Ramp stops={gapRamp} low={t('legend.covered')} high={t('legend.underserved')} />
      </Item>

      <Item title={t(areas > 0 ? 'legend.hotspot.areas' : 'legend.hotspot.circles')}>
        <span style={rowStyle}>
          {areas > 0
            ? ringLevels.map((level) => {
                const band = HOTSPOT_RING_WIDTH[level];
                return (
                  <AreaSwatch key={`area-${level}`} fill={midGap}>
                    <rect
                      x={2.5}
                      y={2.5}
                      width={17}
                      height={17}
                      fill="none"
                      stroke={HOTSPOT_RING_GAP}
                      strokeWidth={2}
                    />
                    <rect
                      x={3.5 + band / 2}
                      y={3.5 + band / 2}
                      width={15 - band}
                      height={15 - band}
                      fill="none"
                      stroke={HOTSPOT_RING}
                      strokeWidth={band}
                    />
                  </AreaSwatch>
                );
              })
            : null}
          {symbols.length > 0
            ? ringLevels.map((level) => {
                const r = circleRadius(0);
                const ring = HOTSPOT_RING_WIDTH[level];
                return (
                  <Swatch key={level} size={ringSwatch}>
                    <circle
                      r={r + 2 + ring / 2}
                      fill={HOTSPOT_RING_GAP}
                      stroke={HOTSPOT_RING}
                      strokeWidth={ring}
                    />
                    <circle r={r} fill={SAMPLE_FILL} stroke={CIRCLE_OUTLINE} strokeWidth={1.25} />
                  </Swatch>
                );
              })
            : null}
          <span>{t('legend.hotspot.strength')}</span>
        </span>
      </Item>

      {model.municipalities.some((m) => m.planned) || model.counties.some((c) => c.planned) ? (
        <Item title={t('legend.planned')}>
          <span style={rowStyle}>
            <svg width={48} height={22} viewBox="0 0 48 22" aria-hidden="true">
              <rect
                x={3}
                y={4}
                width={14}
                height={14}
                fill={countyRamp[1]?.colour}
                stroke={PLANNED}
                strokeWidth={PLANNED_WIDTH}
                strokeDasharray="4 3"
              />
              <circle
                cx={34}
                cy={11}
                r={9}
                fill="none"
                stroke={PLANNED}
                strokeWidth={PLANNED_WIDTH}
              />
              <circle cx={34} cy={11} r={4} fill={SAMPLE_FILL} stroke={CIRCLE_OUTLINE} />
            </svg>
            <span>
              {t(
                areas > 0 && symbols.length === 0
                  ? 'legend.planned.areas'
                  : areas > 0
                    ? 'legend.planned.mixed'
                    : 'legend.planned.circles',
              )}
            </span>
          </span>
        </Item>
      ) : null}

      <Item title={t('legend.emphasis')} wide>
        <span style={rowStyle}>
          {EMPHASIS_KEYS.map(({ key, label, width, dash }) => (
            <span key={key} style={rowStyle}>
              <svg width={40} height={22} viewBox="0 0 40 22" aria-hidden="true">
                <rect
                  x={3}
                  y={4}
                  width={14}
                  height={14}
                  fill={countyRamp[2]?.colour}
                  stroke={EMPHASIS_CASING}
                  strokeWidth={width + 2}
                />
                <rect
                  x={3}
                  y={4}
                  width={14}
                  height={14}
                  fill="none"
                  stroke={EMPHASIS}
                  strokeWidth={width}
                  strokeDasharray={dash}
                />
                <circle
                  cx={30}
                  cy={11}
                  r={8}
                  fill={EMPHASIS_CASING}
                  stroke={EMPHASIS}
                  strokeWidth={width}
                />
                <circle cx={30} cy={11} r={3.5} fill={gapRamp[2]?.colour} stroke={CIRCLE_OUTLINE} />
              </svg>
              <span>{t(label)}</span>
            </span>
          ))}
        </span>
      </Item>
    </ul>
  );
}

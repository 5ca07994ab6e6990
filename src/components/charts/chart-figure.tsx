import { useContext, useId, useRef, useState, type ReactNode } from 'react';
import { useInterfaceLang, useInterfaceT } from './chart-lang';
import {
  ChartExportContext,
  ChartExportError,
  chartFileName,
  chartSvg,
  svgToPng,
  type ChartLegendKey,
} from './chart-export';
import { useHold } from '../hold';

interface ChartFigureProps {
  title: string;
  /** A sentence describing the data, read out as the chart's description. */
  caption: ReactNode;
  /** Colour keys shown outside the chart's SVG, drawn into exported files. */
  exportLegend?: readonly ChartLegendKey[];
  children: ReactNode;
}

/**
 * The frame every chart shares: a figure named by its heading and described by its caption,
 * with "Download PNG / SVG" buttons when the charts panel offers downloads.
 */
export function ChartFigure({ title, caption, exportLegend, children }: ChartFigureProps) {
  const baseId = useId();
  const titleId = `${baseId}-title`;
  const captionId = `${baseId}-caption`;
  const exportSettings = useContext(ChartExportContext);
  const hold = useHold();
  const figureRef = useRef<HTMLElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const t = useInterfaceT(useInterfaceLang());

  const onDownload = async (format: 'png' | 'svg') => {
    const figure = figureRef.current;
    if (exportSettings === null || figure === null) return;
    // The buttons sit beside the drawing, so it is normally current; a click that reaches them
    // while the drawing still waits (a script, an assistive technology) exports current data.
    hold.bringUpToDate();
    try {
      const { svg, width, height } = chartSvg(figure, title, exportSettings.source, exportLegend);
      const blob =
        format === 'svg'
          ? new Blob([svg], { type: 'image/svg+xml' })
          : await svgToPng(svg, width, height, 2);
      exportSettings.download(chartFileName(title, format), blob);
      setProblem(null);
    } catch (error) {
      setProblem(
        error instanceof ChartExportError
          ? error.problem(t)
          : error instanceof Error
            ? error.message
            : String(error),
      );
    }
  };

  return (
    <figure
      ref={figureRef}
      className="chart"
      aria-labelledby={titleId}
      aria-describedby={captionId}
    >
      <h3 id={titleId} className="chart-title">
        {title}
      </h3>
      <figcaption id={captionId} className="chart-caption">
        {caption}
      </figcaption>
      {children}
      {exportSettings ? (
        <div
          className="chart-downloads"
          role="group"
          aria-label={t('charts.download.group', title)}
        >
          <button type="button" onClick={() => void onDownload('png')}>
            {t('charts.download.png')}
          </button>
          <button type="button" onClick={() => void onDownload('svg')}>
            {t('charts.download.svg')}
          </button>
          {problem ? <span role="alert">{problem}</span> : null}
        </div>
      ) : null}
    </figure>
  );
}

import { useId, type ReactNode } from 'react';

interface ChartFigureProps {
  title: string;
  /** A sentence describing the data, read out as the chart's description. */
  caption: ReactNode;
  children: ReactNode;
}

/** The frame every chart shares: a figure named by its heading and described by its caption. */
export function ChartFigure({ title, caption, children }: ChartFigureProps) {
  const baseId = useId();
  const titleId = `${baseId}-title`;
  const captionId = `${baseId}-caption`;
  return (
    <figure className="chart" aria-labelledby={titleId} aria-describedby={captionId}>
      <h3 id={titleId} className="chart-title">
        {title}
      </h3>
      <figcaption id={captionId} className="chart-caption">
        {caption}
      </figcaption>
      {children}
    </figure>
  );
}

import { createContext, useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * Redrawing the three recharts drawings costs about as much main-thread time as the rest of a
 * filter change put together, and in the default layout they sit far below the fold. While the
 * charts panel is far from the viewport, the drawings keep what they last drew ("held"); they
 * catch up as the panel comes within a viewport's height of the screen, before anyone can see
 * them. Everything else in a chart (title, caption, legend, the data table read by screen
 * readers) stays current all the time: only the drawings wait.
 */
export interface ChartHold {
  /** The drawings may keep showing what they last drew. */
  held: boolean;
  /** Bumped to make held drawings draw the current data once (printing, downloads). */
  revision: number;
  /** Brings held drawings up to date now, synchronously, so the DOM can be read right after. */
  bringUpToDate: () => void;
}

const NEVER_HELD: ChartHold = { held: false, revision: 0, bringUpToDate: () => {} };

/** Given by the charts panel; charts drawn without one are always current. */
export const ChartHoldContext = createContext<ChartHold>(NEVER_HELD);

/**
 * How close the panel has to come before its drawings catch up: half a viewport above or below
 * the screen, a few turns of the wheel, ample for a redraw of about 100 ms. A whole viewport
 * would be more generous, but in the default 1280 × 800 layout the panel starts about 1 500 –
 * 1 600 px down (depending on the panels above it), right at that edge, so the drawings would
 * hardly ever wait.
 */
const NEAR_MARGIN = '50% 0px 50% 0px';

/**
 * Whether the drawings inside `panel` may wait, and how to bring them up to date. Where there
 * is no IntersectionObserver (older browsers, jsdom) they never wait. Before printing they
 * draw the current data, since a printout shows the whole page.
 */
export function useChartHold(panel: RefObject<HTMLElement | null>): ChartHold {
  const [near, setNear] = useState(true);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    const element = panel.current;
    if (element === null || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last !== undefined) setNear(last.isIntersecting);
      },
      { rootMargin: NEAR_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [panel]);

  const bringUpToDate = useCallback(() => {
    if (near) return;
    flushSync(() => setRevision((previous) => previous + 1));
  }, [near]);

  useEffect(() => {
    window.addEventListener('beforeprint', bringUpToDate);
    return () => window.removeEventListener('beforeprint', bringUpToDate);
  }, [bringUpToDate]);

  return useMemo(() => ({ held: !near, revision, bringUpToDate }), [near, revision, bringUpToDate]);
}

/**
 * `memo` comparison for a chart drawing: while held at the same revision it skips every redraw;
 * otherwise it redraws when another prop changed, compared one level deep as React does (`hold`
 * itself draws nothing, so the panel coming near redraws only what changed meanwhile).
 * A drawing that redraws anyway (React may ignore `memo`) is merely current, never wrong.
 */
export function drawingPropsEqual<Props extends { hold: ChartHold }>(
  previous: Props,
  next: Props,
): boolean {
  if (next.hold.held && previous.hold.revision === next.hold.revision) return true;
  const keys = (Object.keys(next) as (keyof Props)[]).filter((key) => key !== 'hold');
  return (
    Object.keys(previous).length === Object.keys(next).length &&
    keys.every((key) => Object.is(previous[key], next[key]))
  );
}

import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type {
  MapAreaRef,
  MapImageExport,
  MapModel,
  MapRelabel,
  MapView as MapViewState,
  MapWords,
} from '../domain/map-model';
import { useT } from '../i18n/use-t';
import type {
  BoundaryAwareMapAdapter,
  CreateBoundaryAwareMapAdapter,
} from '../domain/municipal-boundaries';
import type { HartaState } from '../store/harta-store';
import { useHarta } from '../store/store-context';

export interface MapViewProps {
  model: MapModel;
  /**
   * Loads the adapter factory. The app passes a dynamic import of src/map, so maplibre-gl stays
   * out of the first JS chunk; tests pass a fake. Read once, on mount.
   */
  loadAdapter: () => Promise<CreateBoundaryAwareMapAdapter>;
  /** Where the map opens; null = the whole country. Read once, on mount. */
  initialView: MapViewState | null;
  onAreaClick: (area: MapAreaRef | null) => void;
  onAreaHover: (area: MapAreaRef | null) => void;
  /** The user moved the map. */
  onViewChange: (view: MapViewState) => void;
  onReady?: () => void;
  /**
   * The user pressed "Reset view". The adapter does not report the moves it makes itself, so
   * this is how the app learns that the view is "the whole country" again (e.g. to drop the
   * view from the URL).
   */
  onResetView?: () => void;
  /**
   * The view the app wants now (from the URL, e.g. after Back/Forward). When it differs from
   * the last view the map reported, the map moves there; null means the whole country.
   */
  view?: MapViewState | null;
  /** Filled with the adapter's image export while a map that can draw images exists. */
  imageExport?: { current: MapImageExport['exportImage'] | null };
  /**
   * Where new models come from before React renders them (the store): given, the map takes a
   * change in the task that made it (a click on a filter), so its drawing overlaps the rest of
   * the page's update instead of following it. `model` still applies (the same model twice is
   * a no-op). Read once, when the adapter is created.
   */
  modelUpdates?: (listener: (model: MapModel) => void) => () => void;
}

type Status =
  | { kind: 'loading' }
  | { kind: 'drawing' }
  | { kind: 'ready' }
  /** `detail` is the error's own (technical, English) message; absent when WebGL is missing. */
  | { kind: 'failed'; detail: string | null };

const hostStyle: CSSProperties = {
  position: 'relative',
  flex: '1 1 auto',
  minHeight: '16rem',
  border: '1px solid #d4d9e1',
  borderRadius: 6,
  overflow: 'hidden',
  background: '#c9dbe8',
};
const canvasStyle: CSSProperties = { position: 'absolute', inset: 0 };
const overlayStyle: CSSProperties = {
  position: 'absolute',
  inset: 0,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  padding: '1rem',
  textAlign: 'center',
  pointerEvents: 'none',
};
const noticeStyle: CSSProperties = {
  background: '#fff',
  border: '1px solid #8a93a3',
  borderRadius: 4,
  padding: '0.5rem 0.8rem',
  maxWidth: '28rem',
};
const resetStyle: CSSProperties = {
  position: 'absolute',
  top: 10,
  left: 10,
  zIndex: 2,
  font: 'inherit',
  fontSize: '0.9rem',
  fontWeight: 600,
  padding: '0.3rem 0.7rem',
  background: '#fff',
  color: '#1b1f24',
  border: '1px solid #5c6573',
  borderRadius: 4,
  cursor: 'pointer',
  boxShadow: '0 1px 3px rgb(0 0 0 / 20%)',
};

const selectMunicipalBoundaries = (state: HartaState) => state.municipalBoundaries;
const selectCountryName = (state: HartaState) =>
  state.lang === 'sq' ? state.gazetteer.country.nameLocal : state.gazetteer.country.name;

/** Why the map cannot be drawn: WebGL missing (null), or the error's own message. */
function mapFailureDetail(error: unknown): string | null {
  const detail = error instanceof Error ? error.message : String(error);
  return /webgl/i.test(detail) ? null : detail;
}

/**
 * Hosts the map: loads the adapter factory, creates the adapter in an effect, hands it every
 * new model and the municipal boundaries the user loaded (from the store), and destroys it on
 * unmount. Callbacks are read through a ref, so a parent that passes new functions on each
 * render never recreates the map.
 */
export function MapView(props: MapViewProps) {
  const { model } = props;
  const boundaries = useHarta(selectMunicipalBoundaries);
  const country = useHarta(selectCountryName);
  const t = useT();
  const words = useMemo<MapWords>(
    () => ({
      label: t('map.label', country),
      zoomIn: t('map.zoomIn'),
      zoomOut: t('map.zoomOut'),
      toggleAttribution: t('map.toggleAttribution'),
    }),
    [t, country],
  );
  const wordsRef = useRef(words);
  const containerRef = useRef<HTMLDivElement>(null);
  const adapterRef = useRef<(BoundaryAwareMapAdapter & Partial<MapRelabel>) | null>(null);
  const boundariesRef = useRef(boundaries);
  const propsRef = useRef(props);
  const lastReportedView = useRef<MapViewState | null>(props.initialView);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });

  useEffect(() => {
    propsRef.current = props;
    boundariesRef.current = boundaries;
    wordsRef.current = words;
  });

  useEffect(() => {
    let cancelled = false;
    let adapter: (BoundaryAwareMapAdapter & Partial<MapRelabel>) | null = null;
    let stopUpdates: (() => void) | null = null;
    const { loadAdapter, initialView } = propsRef.current;
    loadAdapter()
      .then((createAdapter) => {
        const container = containerRef.current;
        if (cancelled || container === null) return;
        adapter = createAdapter(
          container,
          {
            onAreaClick: (area) => propsRef.current.onAreaClick(area),
            onAreaHover: (area) => propsRef.current.onAreaHover(area),
            onViewChange: (view) => {
              lastReportedView.current = view;
              propsRef.current.onViewChange(view);
            },
            onReady: () => {
              if (cancelled) return;
              setStatus({ kind: 'ready' });
              propsRef.current.onReady?.();
            },
          },
          initialView,
          wordsRef.current,
        );
        adapterRef.current = adapter;
        const { imageExport } = propsRef.current;
        if (imageExport) imageExport.current = adapter.exportImage ?? null;
        // Boundaries first, so the first model is drawn the right way (areas or symbols).
        adapter.setMunicipalBoundaries?.(boundariesRef.current);
        adapter.update(propsRef.current.model);
        const created = adapter;
        stopUpdates = propsRef.current.modelUpdates?.((next) => created.update(next)) ?? null;
        setStatus((current) => (current.kind === 'ready' ? current : { kind: 'drawing' }));
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setStatus({ kind: 'failed', detail: mapFailureDetail(error) });
      });
    return () => {
      cancelled = true;
      stopUpdates?.();
      adapterRef.current = null;
      const { imageExport } = propsRef.current;
      if (imageExport) imageExport.current = null;
      adapter?.destroy();
    };
  }, []);

  useEffect(() => {
    adapterRef.current?.update(model);
  }, [model]);

  useEffect(() => {
    adapterRef.current?.setMunicipalBoundaries?.(boundaries);
  }, [boundaries]);

  useEffect(() => {
    adapterRef.current?.setWords?.(words);
  }, [words]);

  // Follow view changes that did not come from the map itself (Back/Forward, a restored link).
  const wantedView = props.view;
  useEffect(() => {
    const adapter = adapterRef.current;
    if (wantedView === undefined || adapter === null) return;
    if (sameView(wantedView, lastReportedView.current)) return;
    lastReportedView.current = wantedView;
    if (wantedView === null) adapter.fitCountry();
    else adapter.setView(wantedView);
  }, [wantedView, status.kind]);

  const resetView = () => {
    lastReportedView.current = null;
    adapterRef.current?.fitCountry();
    propsRef.current.onResetView?.();
  };

  const failed = status.kind === 'failed';
  return (
    <div
      className="map-view"
      style={hostStyle}
      aria-busy={status.kind === 'loading' || status.kind === 'drawing'}
    >
      <div ref={containerRef} className="map-view-canvas" style={canvasStyle} />
      {!failed && (
        <button
          type="button"
          className="map-reset"
          style={resetStyle}
          onClick={resetView}
          disabled={status.kind === 'loading'}
        >
          {t('map.resetView')}
        </button>
      )}
      {(status.kind === 'loading' || status.kind === 'drawing') && (
        <div style={overlayStyle}>
          <p role="status" style={noticeStyle}>
            {t('map.loading')}
          </p>
        </div>
      )}
      {failed && (
        <div style={overlayStyle}>
          <p role="alert" style={noticeStyle}>
            {status.detail === null ? (
              t('map.noWebGl')
            ) : (
              <>
                {t('map.loadFailed')} (<span lang="en">{status.detail}</span>).
              </>
            )}{' '}
            {t('map.worksWithout')}
          </p>
        </div>
      )}
    </div>
  );
}

function sameView(a: MapViewState | null, b: MapViewState | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    Math.abs(a.center[0] - b.center[0]) < 1e-4 &&
    Math.abs(a.center[1] - b.center[1]) < 1e-4 &&
    Math.abs(a.zoom - b.zoom) < 1e-2
  );
}

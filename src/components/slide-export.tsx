import { useState } from 'react';
import { legendEntries } from '../domain/legend-entries';
import type { MapImageOptions } from '../domain/map-model';
import { municipalitiesWithBoundary } from '../domain/municipal-boundaries';
import {
  SLIDE_SIZES,
  describeFilters,
  slideFileName,
  slideFooter,
  slideHeading,
  slideLayout,
} from '../domain/slide-layout';
import { composeSlide } from '../io/slide-image';
import type { HartaState } from '../store/harta-store';
import { selectMapModel, selectNames } from '../store/selectors';
import { useHarta } from '../store/store-context';

export interface SlideExportProps {
  /** Draws the map alone at a size; null while there is no map to draw (loading, no WebGL). */
  exportImage: (options: MapImageOptions) => Promise<Blob> | null;
  download: (fileName: string, blob: Blob) => void;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; label: string }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

const selectGazetteer = (state: HartaState) => state.gazetteer;
const selectDocuments = (state: HartaState) => state.dataset.documents;
const selectFilters = (state: HartaState) => state.filters;
const selectMunicipalBoundaries = (state: HartaState) => state.municipalBoundaries;

/**
 * "Image for slides": the map as shown now, with title, legend, date and attribution, as a PNG
 * at 1920×1080 or 3840×2160.
 */
export function SlideExport({ exportImage, download }: SlideExportProps) {
  const model = useHarta(selectMapModel);
  const gazetteer = useHarta(selectGazetteer);
  const documents = useHarta(selectDocuments);
  const filters = useHarta(selectFilters);
  const names = useHarta(selectNames);
  const boundaries = useHarta(selectMunicipalBoundaries);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const onExport = async (width: number, height: number) => {
    const label = `${width}×${height}`;
    const layout = slideLayout(width, height);
    const mapImage = exportImage({
      width: layout.map.width,
      height: layout.map.height,
      pixelRatio: layout.scale,
    });
    if (mapImage === null) {
      setStatus({ kind: 'failed', message: 'The map is not drawn yet; try again once it shows.' });
      return;
    }
    setStatus({ kind: 'working', label });
    try {
      const date = new Date().toISOString().slice(0, 10);
      const heading = slideHeading(
        model.countyMeasureLabel,
        describeFilters(filters, names),
        gazetteer.country.name,
      );
      const slide = await composeSlide(layout, await mapImage, {
        ...heading,
        legend: legendEntries(
          model,
          municipalitiesWithBoundary(boundaries),
          boundaries?.fileName ?? null,
        ),
        footer: slideFooter(date, documents),
      });
      const fileName = slideFileName(gazetteer.country.code, date, width, height);
      download(fileName, slide);
      setStatus({
        kind: 'done',
        message: `Saved ${fileName} (${Math.round(slide.size / 1024)} KB).`,
      });
    } catch (error) {
      setStatus({
        kind: 'failed',
        message: `The image could not be made: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  const working = status.kind === 'working';
  return (
    <fieldset className="slide-export">
      <legend>Image for slides</legend>
      <p className="muted export-note">
        The map as shown now, with its legend, title, date and sources, as a PNG.
      </p>
      {SLIDE_SIZES.map(({ width, height }) => (
        <button
          key={width}
          type="button"
          className="primary-button"
          disabled={working}
          onClick={() => void onExport(width, height)}
        >
          {width}×{height}
        </button>
      ))}
      <p role="status" className="muted">
        {status.kind === 'working'
          ? `Drawing the ${status.label} image…`
          : status.kind === 'idle'
            ? ''
            : status.message}
      </p>
    </fieldset>
  );
}

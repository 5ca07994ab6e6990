import { useState, type ReactNode } from 'react';
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
import { legendWords } from '../i18n/legend-words';
import { formatNumber } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { composeSlide, slideWords } from '../io/slide-image';
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
  | { kind: 'done'; fileName: string; kilobytes: number }
  | { kind: 'notDrawn' }
  | { kind: 'failed'; reason: string };

const selectGazetteer = (state: HartaState) => state.gazetteer;
const selectDocuments = (state: HartaState) => state.dataset.documents;
const selectFilters = (state: HartaState) => state.filters;
const selectMunicipalBoundaries = (state: HartaState) => state.municipalBoundaries;
const selectLang = (state: HartaState) => state.lang;

/** Stands for the file name in the "saved" message, which is split around it. */
const FILE_NAME_MARK = '\u0000';

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
  const lang = useHarta(selectLang);
  const t = useT();
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
      setStatus({ kind: 'notDrawn' });
      return;
    }
    setStatus({ kind: 'working', label });
    try {
      const date = new Date().toISOString().slice(0, 10);
      const words = slideWords(lang);
      const heading = slideHeading(
        model.countyMeasureLabel,
        describeFilters(filters, names, words),
        lang === 'sq' ? gazetteer.country.nameLocal : gazetteer.country.name,
        words,
      );
      const slide = await composeSlide(
        layout,
        await mapImage,
        {
          ...heading,
          legend: legendEntries(
            model,
            municipalitiesWithBoundary(boundaries),
            boundaries?.fileName ?? null,
            legendWords(lang),
          ),
          footer: slideFooter(date, documents, words),
        },
        lang,
      );
      const fileName = slideFileName(gazetteer.country.code, date, width, height, words);
      download(fileName, slide);
      setStatus({ kind: 'done', fileName, kilobytes: Math.round(slide.size / 1024) });
    } catch (error) {
      setStatus({
        kind: 'failed',
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const statusText = (): ReactNode => {
    switch (status.kind) {
      case 'idle':
        return '';
      case 'working':
        return t('slide.drawing', status.label);
      case 'notDrawn':
        return t('slide.notDrawn');
      case 'failed':
        return t('slide.failed', status.reason);
      case 'done': {
        // The file name is data: marked so, and kept whole around the translated words.
        const [before = '', after = ''] = t(
          'slide.saved',
          FILE_NAME_MARK,
          formatNumber(lang, status.kilobytes),
        ).split(FILE_NAME_MARK);
        return (
          <>
            {before}
            <span translate="no">{status.fileName}</span>
            {after}
          </>
        );
      }
    }
  };

  const working = status.kind === 'working';
  return (
    <fieldset className="slide-export">
      <legend>{t('slide.legend')}</legend>
      <p className="muted export-note">{t('slide.note')}</p>
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
        {statusText()}
      </p>
    </fieldset>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportContext, ImportOptions, ImportPreview } from '../domain/import-3w';
import { previewImportSource, type ImportSource } from '../io/import-source';
import {
  createImportPreviewRunner,
  type ImportPreviewRunner,
  type PreviewWorker,
} from '../io/import-preview-runner';

export interface ImportPreviewState {
  /**
   * The latest preview of this file: while `pending`, the one before the last change of
   * columns, mode or data (null while a new file is first checked).
   */
  preview: ImportPreview | null;
  /** A preview of the current choices is being computed: what is shown may be out of date. */
  pending: boolean;
  /** Why the preview could not be computed (a bug, not a problem of the file: those are in it). */
  error: string | null;
}

/** Where the browser has workers, previews are computed in one (the page stays responsive). */
const startWorker: (() => PreviewWorker) | null =
  typeof Worker === 'undefined'
    ? null
    : () =>
        new Worker(new URL('../io/import-preview.worker.ts', import.meta.url), {
          type: 'module',
        }) as unknown as PreviewWorker;

/**
 * The import preview of `source` in `gazetteer` and `dataset` with the user's choices. Where
 * there is no worker (jsdom), computed during render as a memo, as before the worker existed.
 */
export function useImportPreview(
  source: ImportSource | null,
  gazetteer: ImportContext['gazetteer'],
  dataset: ImportContext['dataset'],
  mapping: ImportOptions['columnMapping'],
  mode: ImportOptions['mode'],
): ImportPreviewState {
  const inRender = startWorker === null;
  const rendered = useMemo(
    () =>
      inRender && source
        ? previewImportSource(source, { gazetteer, dataset }, { columnMapping: mapping, mode })
        : null,
    [inRender, source, gazetteer, dataset, mapping, mode],
  );

  // One runner (and worker) per dialog, made on first use and closed when it goes.
  const runner = useRef<ImportPreviewRunner | null>(null);
  const theRunner = () => (runner.current ??= createImportPreviewRunner(startWorker));
  useEffect(
    () => () => {
      runner.current?.close();
      runner.current = null;
    },
    [],
  );
  // The worker starts, and gets the data, as soon as the dialog is there: by the time a file
  // is chosen it has loaded and copied them, and only the file goes across.
  useEffect(() => {
    if (!inRender) theRunner().prepare({ gazetteer, dataset });
  }, [inRender, gazetteer, dataset]);
  const request = useMemo(
    () => ({ source, gazetteer, dataset, mapping, mode }),
    [source, gazetteer, dataset, mapping, mode],
  );
  const [answer, setAnswer] = useState<{
    request: typeof request;
    preview: ImportPreview | null;
    error: string | null;
  } | null>(null);
  useEffect(() => {
    if (inRender || !request.source) return;
    let wanted = true;
    theRunner()
      .preview(
        request.source,
        { gazetteer: request.gazetteer, dataset: request.dataset },
        { columnMapping: request.mapping, mode: request.mode },
      )
      .then(
        (preview) => {
          if (wanted) setAnswer({ request, preview, error: null });
        },
        (error: unknown) => {
          if (wanted) {
            setAnswer({
              request,
              preview: null,
              error: error instanceof Error ? error.message : String(error),
            });
          }
        },
      );
    return () => {
      wanted = false;
    };
  }, [inRender, request]);

  if (inRender) return { preview: rendered, pending: false, error: null };
  if (!source) return { preview: null, pending: false, error: null };
  // An answer about another file is not shown; one about this file is, until the next arrives.
  const sameFile = answer !== null && answer.request.source === source;
  return {
    preview: sameFile ? answer.preview : null,
    pending: answer?.request !== request,
    error: sameFile && answer.request === request ? answer.error : null,
  };
}

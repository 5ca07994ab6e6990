import type { ImportContext, ImportOptions, ImportPreview } from '../domain/import-3w';
import { previewImportSource, type ImportSource } from './import-source';

/**
 * Import previews away from the page's thread. With a national 3W (tens of thousands of rows)
 * a preview takes about a second of resolving places and types, and the dialog recomputes it
 * on every column or mode change: in a worker the page stays responsive meanwhile, and shows
 * that it is checking. Where there is no worker (older browsers, jsdom) or the worker cannot
 * start, the preview is computed here as before: same code, same result.
 */

/**
 * Page → worker. `context` comes only when it differs from the last one sent; without a
 * `source` the request only brings the context, and gets no answer.
 */
export interface PreviewRequest {
  id: number;
  source?: ImportSource;
  context?: ImportContext;
  options?: ImportOptions;
}

/** Worker → page. */
export type PreviewReply = { id: number; preview: ImportPreview } | { id: number; error: string };

/** The worker's side: keeps the last context, answers each request that brings a file. */
export function createPreviewResponder(): (request: PreviewRequest) => PreviewReply | null {
  let context: ImportContext | null = null;
  return (request) => {
    if (request.context) context = request.context;
    if (!request.source) return null;
    if (!context) return { id: request.id, error: 'No dataset was sent before the file.' };
    try {
      return {
        id: request.id,
        preview: previewImportSource(request.source, context, request.options ?? {}),
      };
    } catch (error) {
      return { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** What the page needs of a Worker (a test can pass a stand-in). */
export interface PreviewWorker {
  postMessage: (request: PreviewRequest) => void;
  onmessage: ((event: { data: PreviewReply }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate: () => void;
}

export interface ImportPreviewRunner {
  /** The preview of `source` in `context`; a newer call does not cancel an older one. */
  preview: (
    source: ImportSource,
    context: ImportContext,
    options: ImportOptions,
  ) => Promise<ImportPreview>;
  /**
   * Sends `context` ahead of any file (the worker starts and copies the data while the user is
   * still choosing one); nothing is sent if it went already.
   */
  prepare: (context: ImportContext) => void;
  /** Whether previews run in a worker (false: on the page's thread). */
  readonly inWorker: boolean;
  close: () => void;
}

interface Pending {
  resolve: (preview: ImportPreview) => void;
  reject: (error: Error) => void;
  source: ImportSource;
  context: ImportContext;
  options: ImportOptions;
}

/** Computes on the page's thread, after the current task, so "Checking…" can show first. */
function previewHere(
  source: ImportSource,
  context: ImportContext,
  options: ImportOptions,
): Promise<ImportPreview> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(previewImportSource(source, context, options));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, 0);
  });
}

/**
 * A runner over the worker `start` makes (null, or a `start` that throws: on the page's thread).
 * If the worker fails to load or dies, the previews it owed and all later ones are computed on
 * the page's thread.
 */
export function createImportPreviewRunner(
  start: (() => PreviewWorker) | null,
): ImportPreviewRunner {
  let worker: PreviewWorker | null = null;
  try {
    worker = start?.() ?? null;
  } catch {
    worker = null;
  }
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let sentContext: ImportContext | null = null;

  const fallBack = () => {
    worker?.terminate();
    worker = null;
    for (const [id, owed] of pending) {
      pending.delete(id);
      previewHere(owed.source, owed.context, owed.options).then(owed.resolve, owed.reject);
    }
  };

  if (worker) {
    worker.onmessage = ({ data }) => {
      const owed = pending.get(data.id);
      if (!owed) return;
      pending.delete(data.id);
      if ('preview' in data) owed.resolve(data.preview);
      else owed.reject(new Error(data.error));
    };
    worker.onerror = fallBack;
  }

  const contextSent = (context: ImportContext) =>
    sentContext !== null &&
    sentContext.gazetteer === context.gazetteer &&
    sentContext.dataset === context.dataset;

  return {
    preview: (source, context, options) => {
      if (!worker) return previewHere(source, context, options);
      const id = nextId;
      nextId += 1;
      const sameContext = contextSent(context);
      return new Promise<ImportPreview>((resolve, reject) => {
        pending.set(id, { resolve, reject, source, context, options });
        try {
          worker?.postMessage({ id, source, options, ...(sameContext ? {} : { context }) });
          sentContext = context;
        } catch {
          // Something in the request cannot be copied to a worker: do it here.
          fallBack();
        }
      });
    },
    prepare: (context) => {
      if (!worker || contextSent(context)) return;
      try {
        worker.postMessage({ id: 0, context });
        sentContext = context;
      } catch {
        fallBack();
      }
    },
    get inWorker() {
      return worker !== null;
    },
    close: () => {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}

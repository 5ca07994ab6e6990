import { describe, expect, it } from 'vitest';
import type { ImportContext } from '../../src/domain/import-3w';
import { previewImportSource, type ImportSource } from '../../src/io/import-source';
import {
  createImportPreviewRunner,
  createPreviewResponder,
  type PreviewReply,
  type PreviewRequest,
  type PreviewWorker,
} from '../../src/io/import-preview-runner';
import { makeDataset } from './fixtures/dataset-fixture';
import { makeGazetteer } from './fixtures/gazetteer-fixture';

// SYNTHETIC fixture dataset and gazetteer; the sheet is made up for the test.

const csv = (text: string): ImportSource => ({
  fileName: 'partner.csv',
  kind: 'csv',
  text,
  encoding: 'utf-8',
  notes: [],
});
const SHEET = csv(
  ['Organisation,Kind,Activity,Bashkia', 'Pogradec Youth,CSO,Training,Pogradec', 'Nowhere,,,'].join(
    '\n',
  ),
);

/**
 * A worker as the browser gives one, in the same thread: what is posted is copied as
 * `postMessage` copies it (structuredClone), answered by the worker's own responder when the
 * test says so, and the answer is copied back.
 */
class StandInWorker implements PreviewWorker {
  onmessage: ((event: { data: PreviewReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly received: PreviewRequest[] = [];
  terminated = false;
  private readonly respond = createPreviewResponder();
  private queue: PreviewRequest[] = [];

  postMessage(request: PreviewRequest) {
    const copy = structuredClone(request);
    this.received.push(copy);
    this.queue.push(copy);
  }

  /** Answers everything posted so far. */
  answer() {
    const requests = this.queue;
    this.queue = [];
    for (const request of requests) {
      const reply = this.respond(request);
      if (reply) this.onmessage?.({ data: structuredClone(reply) });
    }
  }

  terminate() {
    this.terminated = true;
  }
}

function setUp() {
  const worker = new StandInWorker();
  const runner = createImportPreviewRunner(() => worker);
  const context: ImportContext = { gazetteer: makeGazetteer(), dataset: makeDataset() };
  return { worker, runner, context };
}

describe('import previews in a worker', () => {
  it('gives the preview computed on the page, copied across', async () => {
    const { worker, runner, context } = setUp();
    expect(runner.inWorker).toBe(true);
    const answer = runner.preview(SHEET, context, { mode: 'add' });
    worker.answer();
    const expected = previewImportSource(SHEET, context, { mode: 'add' });
    expect(await answer).toEqual(expected);
    expect(expected.rows.length).toBe(2);
    expect(expected.rows[0]?.organisation).toBe('Pogradec Youth');
  });

  it('sends the dataset once, and again only when it changes', async () => {
    const { worker, runner, context } = setUp();
    const first = runner.preview(SHEET, context, {});
    const second = runner.preview(SHEET, { ...context }, { columnMapping: { 1: null } });
    worker.answer();
    await Promise.all([first, second]);
    const changed = { ...context, dataset: { ...context.dataset, organisations: [] } };
    const third = runner.preview(SHEET, changed, {});
    worker.answer();
    expect(worker.received.map((request) => request.context !== undefined)).toEqual([
      true,
      false,
      true,
    ]);
    // Pogradec Youth is in the fixture dataset: an update, until a dataset without it is sent.
    expect((await first).rows[0]?.action).not.toBe('add');
    expect((await third).rows[0]?.action).toBe('add');
  });

  it('can send the dataset before any file, once', async () => {
    const { worker, runner, context } = setUp();
    runner.prepare(context);
    runner.prepare({ ...context });
    expect(worker.received).toEqual([{ id: 0, context: structuredClone(context) }]);
    const answer = runner.preview(SHEET, context, {});
    worker.answer();
    expect(worker.received[1]?.context).toBeUndefined();
    expect(await answer).toEqual(previewImportSource(SHEET, context, {}));
    // A context alone gets no answer.
    expect(createPreviewResponder()({ id: 0, context })).toBeNull();
  });

  it('answers each request with its own preview when several are under way', async () => {
    const { worker, runner, context } = setUp();
    const replace = runner.preview(SHEET, context, { mode: 'replace' });
    const add = runner.preview(SHEET, context, { mode: 'add' });
    worker.answer();
    expect((await replace).mode).toBe('replace');
    expect((await add).mode).toBe('add');
  });

  it('computes on the page what a worker that fails to start owed, and all that follows', async () => {
    const { worker, runner, context } = setUp();
    const owed = runner.preview(SHEET, context, {});
    worker.onerror?.(new Event('error'));
    expect(worker.terminated).toBe(true);
    expect(runner.inWorker).toBe(false);
    const expected = previewImportSource(SHEET, context, {});
    expect(await owed).toEqual(expected);
    expect(await runner.preview(SHEET, context, {})).toEqual(expected);
    expect(worker.received).toHaveLength(1);
  });

  it('computes on the page where no worker can be made', async () => {
    const context: ImportContext = { gazetteer: makeGazetteer(), dataset: makeDataset() };
    const expected = previewImportSource(SHEET, context, {});
    for (const start of [
      null,
      () => {
        throw new Error('Workers are disabled');
      },
    ]) {
      const runner = createImportPreviewRunner(start);
      expect(runner.inWorker).toBe(false);
      expect(await runner.preview(SHEET, context, {})).toEqual(expected);
    }
  });

  it('rejects with the worker’s message when the preview throws there', async () => {
    const { worker, runner, context } = setUp();
    const broken = { ...SHEET, text: undefined } as unknown as ImportSource;
    const answer = runner.preview(broken, context, {});
    worker.answer();
    await expect(answer).rejects.toThrow(/\S/);
    // The worker keeps working for the next file.
    const next = runner.preview(SHEET, context, {});
    worker.answer();
    expect((await next).rows).toHaveLength(2);
  });

  it('has the responder say so when a file comes before any dataset', () => {
    const respond = createPreviewResponder();
    expect(respond({ id: 7, source: SHEET, options: {} })).toEqual({
      id: 7,
      error: 'No dataset was sent before the file.',
    });
  });
});

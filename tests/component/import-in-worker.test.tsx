import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SidePanel } from '../../src/components/side-panel';
import {
  createPreviewResponder,
  type PreviewReply,
  type PreviewRequest,
} from '../../src/io/import-preview-runner';
import { createHartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';
import { fakeFileActions } from '../support/file-actions';

// SYNTHETIC fixture dataset and gazetteer; the sheet is made up for the test.

/**
 * jsdom has no Worker; a browser does. This stand-in is installed before the app's modules load
 * (they look for Worker once), and answers only when the test says so, so what the dialog
 * shows while a preview is being computed can be seen.
 */
const workers = vi.hoisted(() => {
  class StandInWorker {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    readonly posted: unknown[] = [];
    constructor(
      readonly url: URL | string,
      readonly options?: { type?: string },
    ) {
      made.push(this);
    }
    postMessage(message: unknown) {
      this.posted.push(structuredClone(message));
    }
    terminate() {}
  }
  const made: StandInWorker[] = [];
  (globalThis as { Worker?: unknown }).Worker = StandInWorker;
  return made;
});

const respond = createPreviewResponder();

/** The worker answers what it was sent, as a real one would (copied both ways). */
async function workerAnswers() {
  await act(async () => {
    for (const worker of workers) {
      const requests = worker.posted.splice(0) as PreviewRequest[];
      for (const request of requests) {
        const reply = respond(request);
        if (reply) worker.onmessage?.({ data: structuredClone(reply) satisfies PreviewReply });
      }
    }
    await Promise.resolve();
  });
}

const SHEET = [
  'Organisation,Kind,Activity,Bashkia',
  'Qendra Rinore,CSO,Training,Pogradec',
  'Pogradec Youth,,,Pogradeci',
].join('\n');

function renderPanel() {
  const store = createHartaStore(
    { gazetteer: makeGazetteer(), dataset: makeDataset() },
    { tab: 'data' },
  );
  const files = fakeFileActions();
  render(
    <StoreProvider store={store}>
      <SidePanel files={files} />
    </StoreProvider>,
  );
  return userEvent.setup();
}

describe('the import preview computed in a worker', () => {
  it('says it is checking, keeps Apply off until the preview of the current choices is back', async () => {
    const user = renderPanel();
    // The worker starts with the Data panel and gets the data before any file is chosen.
    await screen.findByTestId('import-file');
    expect(workers).toHaveLength(1);
    const prepared = workers[0]?.posted[0] as PreviewRequest | undefined;
    expect(prepared?.source).toBeUndefined();
    expect(prepared?.context?.dataset.organisations.length).toBeGreaterThan(0);
    await user.upload(
      await screen.findByTestId('import-file'),
      new File([SHEET], 'partner.csv', { type: 'text/csv' }),
    );
    // Sent to the worker, not computed here: no preview yet, and the status says why.
    expect(
      await screen.findByText('Checking partner.csv: places, activity types and organisations…'),
    ).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Preview of partner.csv' })).toBeNull();
    expect(workers).toHaveLength(1);
    expect(String(workers[0]?.url)).toMatch(/\/import-preview\.worker\.ts\b/);
    expect(workers[0]?.options).toEqual({ type: 'module' });

    await workerAnswers();
    const preview = screen.getByRole('region', { name: 'Preview of partner.csv' });
    expect(preview).toHaveTextContent(
      'partner.csv: 2 rows; organisations: 1 to add, 0 to update, 1 unchanged',
    );
    expect(preview).not.toHaveAttribute('aria-busy');
    expect(screen.queryByText(/^Checking partner\.csv/)).toBeNull();
    await user.click(within(preview).getByRole('button', { name: 'The columns are read right' }));
    const apply = within(preview).getByRole('button', { name: 'Apply: add 1, update 0' });
    expect(apply).toBeEnabled();

    // Another choice: the preview shown is the one before it until the worker answers.
    await user.click(within(preview).getByRole('radio', { name: /new work only/ }));
    expect(preview).toHaveAttribute('aria-busy', 'true');
    expect(apply).toBeDisabled();
    expect(screen.getByText(/^Checking partner\.csv/)).toBeVisible();
    const changed = workers[0]?.posted as PreviewRequest[];
    expect(changed).toHaveLength(1);
    // The dataset went ahead of the file, once: requests carry the file and the choices.
    expect(changed[0]?.context).toBeUndefined();
    expect(changed[0]?.options?.mode).toBe('add');

    await workerAnswers();
    expect(preview).not.toHaveAttribute('aria-busy');
    expect(within(preview).getByRole('button', { name: 'Apply: add 1, update 0' })).toBeEnabled();

    // A column read otherwise: its menu shows the choice at once, not the preview before it.
    const kind = within(preview).getByRole('combobox', { name: /^Kind/ });
    expect(kind).toHaveValue('kind');
    await user.selectOptions(kind, '');
    expect(preview).toHaveAttribute('aria-busy', 'true');
    expect(kind).toHaveValue('');
    await workerAnswers();
    expect(preview).not.toHaveAttribute('aria-busy');
    expect(within(preview).getByRole('combobox', { name: /^Kind/ })).toHaveValue('');
  });
});

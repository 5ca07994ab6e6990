import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RestorableState } from '../../src/domain/view-state';
import { startUrlSync } from '../../src/io/url-sync';
import { parseUrlState, type KnownIds } from '../../src/io/url-state';

const known: KnownIds = {
  activityTypes: new Set(['training', 'research']),
  focusTypes: new Set(),
  kinds: new Set(),
  municipalities: new Set(['AL212', 'AL111']),
  counties: new Set(),
  organisations: new Set(),
};

const DELAY = 300;

/** A stand-in store: the state a link carries, and who listens to it. */
function fakeView() {
  let state: RestorableState = parseUrlState('', known).state;
  const listeners = new Set<() => void>();
  const applied: RestorableState[] = [];
  const set = (change: Partial<RestorableState>) => {
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  };
  const stop = startUrlSync({
    known,
    read: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply: (next) => {
      applied.push(next);
      state = next;
    },
    onProblems: () => {},
    delayMs: DELAY,
  });
  const withTypes = (activityTypes: string[]) => ({ filters: { ...state.filters, activityTypes } });
  return { set, withTypes, stop, applied };
}

const params = () => new URLSearchParams(window.location.search);

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  window.history.replaceState(null, '', '/');
});

describe('the address follows the view', () => {
  it('writes a filter change once the changes pause, in place, not in the change itself', () => {
    const view = fakeView();
    const entries = window.history.length;
    view.set(view.withTypes(['training']));
    expect(params().get('act')).toBeNull();
    vi.advanceTimersByTime(DELAY - 50);
    // A second change before the pause restarts the wait.
    view.set(view.withTypes(['training', 'research']));
    vi.advanceTimersByTime(DELAY - 50);
    expect(params().get('act')).toBeNull();
    vi.advanceTimersByTime(50);
    expect(params().get('act')).toBe('training,research');
    expect(window.history.length).toBe(entries);
    view.stop();
  });

  it('writes nothing for a change the address does not carry, and drops a change undone', () => {
    const view = fakeView();
    const replace = vi.spyOn(window.history, 'replaceState');
    view.set(view.withTypes(['training']));
    view.set(view.withTypes([]));
    vi.advanceTimersByTime(DELAY * 2);
    expect(replace).not.toHaveBeenCalled();
    replace.mockRestore();
    view.stop();
  });

  it('adds a history entry for a new selection at once, after the pending change in place', async () => {
    const view = fakeView();
    const entries = window.history.length;
    view.set(view.withTypes(['training']));
    view.set({ selection: { kind: 'municipality', id: 'AL212' } });
    expect(params().get('sel')).toBe('m:AL212');
    expect(params().get('act')).toBe('training');
    expect(window.history.length).toBe(entries + 1);
    // Back: the entry left holds the filter change made before the selection.
    vi.useRealTimers();
    const popped = new Promise((resolve) =>
      window.addEventListener('popstate', resolve, { once: true }),
    );
    window.history.back();
    await popped;
    expect(view.applied.at(-1)?.selection).toBeNull();
    expect(view.applied.at(-1)?.filters.activityTypes).toEqual(['training']);
    view.stop();
  });

  it('writes a pending change when the page is hidden or left', () => {
    const view = fakeView();
    view.set(view.withTypes(['research']));
    window.dispatchEvent(new Event('pagehide'));
    expect(params().get('act')).toBe('research');
    view.stop();
  });

  it('drops a pending write when the view stops following, or Back restores another view', () => {
    const view = fakeView();
    view.set(view.withTypes(['research']));
    view.stop();
    vi.advanceTimersByTime(DELAY * 2);
    expect(params().get('act')).toBeNull();

    const again = fakeView();
    again.set(again.withTypes(['training']));
    window.dispatchEvent(new PopStateEvent('popstate'));
    vi.advanceTimersByTime(DELAY * 2);
    expect(params().get('act')).toBeNull();
    expect(again.applied).toHaveLength(1);
    again.stop();
  });
});

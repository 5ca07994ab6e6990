import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createStoreGate } from '../../src/store/store-gate';

interface Counter {
  count: number;
  increment: () => void;
}

function counterStore() {
  return createStore<Counter>()((set) => ({
    count: 0,
    increment: () => set((state) => ({ count: state.count + 1 })),
  }));
}

describe('createStoreGate', () => {
  it('passes every change through while open', () => {
    const store = counterStore();
    const gate = createStoreGate(store);
    const heard = vi.fn();
    gate.subscribe(heard);
    store.getState().increment();
    expect(gate.getState().count).toBe(1);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(gate.held).toBe(false);
    expect(gate.stale).toBe(false);
  });

  it('while held, shows the state from the start of the hold and tells no one of changes', () => {
    const store = counterStore();
    const gate = createStoreGate(store);
    const heard = vi.fn();
    gate.subscribe(heard);
    gate.hold();
    store.getState().increment();
    store.getState().increment();
    expect(gate.getState().count).toBe(0);
    // The same object each time: React's useSyncExternalStore requires it.
    expect(gate.getState()).toBe(gate.getState());
    expect(heard).not.toHaveBeenCalled();
    expect(gate.stale).toBe(true);
  });

  it('on release, shows the current state and tells its readers once', () => {
    const store = counterStore();
    const gate = createStoreGate(store);
    const heard = vi.fn();
    gate.subscribe(heard);
    const before = store.getState();
    gate.hold();
    store.getState().increment();
    store.getState().increment();
    gate.release();
    expect(gate.getState().count).toBe(2);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith(store.getState(), before);
    expect(gate.stale).toBe(false);
    // Open again: the next change passes through.
    store.getState().increment();
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('a hold with no change in it ends quietly', () => {
    const store = counterStore();
    const gate = createStoreGate(store);
    const heard = vi.fn();
    gate.subscribe(heard);
    gate.hold();
    gate.release();
    expect(heard).not.toHaveBeenCalled();
  });

  it('reports staleness as it comes and goes', () => {
    const store = counterStore();
    const gate = createStoreGate(store);
    gate.subscribe(() => {});
    const watcher = vi.fn();
    const stop = gate.watchStale(watcher);
    gate.hold();
    store.getState().increment();
    store.getState().increment();
    gate.release();
    expect(watcher.mock.calls).toEqual([[true], [false]]);
    stop();
    gate.hold();
    store.getState().increment();
    expect(watcher).toHaveBeenCalledTimes(2);
  });

  it('writes go to the store, held or not', () => {
    const store = counterStore();
    const gate = createStoreGate(store);
    gate.hold();
    gate.setState({ count: 5 });
    gate.getState().increment();
    expect(store.getState().count).toBe(6);
    expect(gate.getState().count).toBe(0);
  });

  it('listens to the store only while someone listens to it', () => {
    const store = counterStore();
    const subscribe = vi.spyOn(store, 'subscribe');
    const gate = createStoreGate(store);
    expect(subscribe).not.toHaveBeenCalled();
    const stopA = gate.subscribe(() => {});
    const stopB = gate.subscribe(() => {});
    expect(subscribe).toHaveBeenCalledTimes(1);
    stopA();
    stopB();
    const heard = vi.fn();
    // Nobody listens now: a change reaches no one, and a new listener starts afresh.
    store.getState().increment();
    gate.subscribe(heard);
    expect(subscribe).toHaveBeenCalledTimes(2);
    store.getState().increment();
    expect(heard).toHaveBeenCalledTimes(1);
  });
});

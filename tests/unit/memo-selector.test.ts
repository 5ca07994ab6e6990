import { describe, expect, it, vi } from 'vitest';
import { MEMO_ENTRIES, memoSelector } from '../../src/store/memo';

interface State {
  filters: { text: string };
  other: number;
}

function counted() {
  const derive = vi.fn((filters: { text: string }) => ({ shown: filters.text.toUpperCase() }));
  const select = memoSelector((state: State) => [state.filters] as const, derive);
  return { derive, select };
}

const state = (text: string, other = 0): State => ({ filters: { text }, other });

describe('memoSelector', () => {
  it('derives once per set of inputs and hands out the same object', () => {
    const { derive, select } = counted();
    const a = state('a');
    const first = select(a);
    expect(select(a)).toBe(first);
    // A change elsewhere in the state leaves the inputs, and so the result, as they were.
    expect(select({ ...a, other: 1 })).toBe(first);
    expect(derive).toHaveBeenCalledTimes(1);
    expect(first).toEqual({ shown: 'A' });
  });

  it('derives again for new inputs', () => {
    const { derive, select } = counted();
    const first = select(state('a'));
    const second = select(state('a'));
    expect(second).not.toBe(first);
    expect(derive).toHaveBeenCalledTimes(2);
  });

  it('reads two states in turn without deriving again (a held section beside a current one)', () => {
    const { derive, select } = counted();
    const held = state('held');
    const current = state('current');
    const fromHeld = select(held);
    const fromCurrent = select(current);
    for (let round = 0; round < 5; round += 1) {
      expect(select(held)).toBe(fromHeld);
      expect(select(current)).toBe(fromCurrent);
    }
    expect(derive).toHaveBeenCalledTimes(2);
  });

  it(`remembers the last ${MEMO_ENTRIES} input sets used, and forgets the oldest`, () => {
    const { derive, select } = counted();
    const states = Array.from({ length: MEMO_ENTRIES + 1 }, (_, index) => state(`s${index}`));
    const results = states.map(select);
    expect(derive).toHaveBeenCalledTimes(MEMO_ENTRIES + 1);
    // The newest MEMO_ENTRIES are remembered...
    for (const [index, each] of states.slice(1).entries()) {
      expect(select(each)).toBe(results[index + 1]);
    }
    expect(derive).toHaveBeenCalledTimes(MEMO_ENTRIES + 1);
    // ...the first is not.
    expect(select(states[0] as State)).not.toBe(results[0]);
    expect(derive).toHaveBeenCalledTimes(MEMO_ENTRIES + 2);
  });

  it('keeps an entry it was just asked for, however old', () => {
    const { derive, select } = counted();
    const kept = state('kept');
    const result = select(kept);
    for (let index = 0; index < MEMO_ENTRIES * 3; index += 1) {
      select(state(`other ${index}`));
      // Read between every change, as a held section's render does.
      expect(select(kept)).toBe(result);
    }
    expect(derive).toHaveBeenCalledTimes(1 + MEMO_ENTRIES * 3);
  });
});

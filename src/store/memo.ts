/**
 * How many input sets a selector remembers. More than one, because the page can read two
 * states at once: a section held off-screen reads the state from the start of its hold (see
 * store-gate.ts) while the rest reads the current one, and a selector that remembered only the
 * last would recompute, and hand out a new object, at every read from either (to React that is
 * a store changing under it, without end). Going back to a filter set just left is free, too.
 */
export const MEMO_ENTRIES = 4;

/**
 * Memoises a derivation on the identity of its inputs: the selector recomputes only when the
 * values picked from the state are not, one by one, the same objects as one of the last
 * `MEMO_ENTRIES` input sets it saw. Enough for a store whose actions always replace what they
 * change.
 */
export function memoSelector<State, Inputs extends unknown[], Result>(
  pickInputs: (state: State) => readonly [...Inputs],
  derive: (...inputs: Inputs) => Result,
): (state: State) => Result {
  /** Most recently used first. */
  const entries: { inputs: readonly [...Inputs]; result: Result }[] = [];
  const same = (a: readonly unknown[], b: readonly unknown[]) =>
    a.length === b.length && a.every((input, index) => Object.is(input, b[index]));
  return (state: State) => {
    const inputs = pickInputs(state);
    const index = entries.findIndex((entry) => same(entry.inputs, inputs));
    if (index === 0) return (entries[0] as { result: Result }).result;
    const entry =
      index > 0 ? entries.splice(index, 1)[0] : { inputs, result: derive(...(inputs as Inputs)) };
    if (entry === undefined) throw new Error('memoSelector: lost an entry');
    entries.unshift(entry);
    entries.length = Math.min(entries.length, MEMO_ENTRIES);
    return entry.result;
  };
}

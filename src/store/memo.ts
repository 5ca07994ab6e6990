/**
 * Memoises a derivation on the identity of its inputs: the selector recomputes only when one
 * of the values picked from the state is a different object than last time. Enough for a
 * store whose actions always replace what they change.
 */
export function memoSelector<State, Inputs extends unknown[], Result>(
  pickInputs: (state: State) => readonly [...Inputs],
  derive: (...inputs: Inputs) => Result,
): (state: State) => Result {
  let lastInputs: readonly [...Inputs] | undefined;
  let lastResult: Result | undefined;
  return (state: State) => {
    const inputs = pickInputs(state);
    if (
      lastInputs === undefined ||
      inputs.length !== lastInputs.length ||
      inputs.some((input, index) => !Object.is(input, lastInputs?.[index]))
    ) {
      lastResult = derive(...(inputs as Inputs));
      lastInputs = inputs;
    }
    return lastResult as Result;
  };
}

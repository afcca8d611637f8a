/** A state container: one current state, changed only by dispatching actions through a reducer. */
export interface Store<State, Action> {
  getState(): State
  dispatch(action: Action): void
  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void
}

/**
 * A store whose state starts as `initial` and changes by `reduce`. Listeners run only when the
 * reducer returns a new object, so a reducer signals "nothing changed" by returning its input.
 */
export function createStore<State, Action>(
  reduce: (state: State, action: Action) => State,
  initial: State,
): Store<State, Action> {
  let state = initial
  const listeners = new Set<() => void>()
  return {
    getState: () => state,
    dispatch(action) {
      const next = reduce(state, action)
      if (next === state) return
      state = next
      for (const listener of [...listeners]) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

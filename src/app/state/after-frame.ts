import type { Store } from './store.ts'

/**
 * A store as panels beside the canvas see it: a change made elsewhere (typing in the YAML, a
 * gesture on the canvas) reaches them right after the frame that shows it on the canvas and in
 * the YAML has been drawn, so that frame does not wait for them. A change dispatched through the
 * view itself (the panel's own edit) is seen at once.
 */
export interface AfterFrameStore<State, Action> extends Store<State, Action> {
  /** Shows the store's current state now, if it is not shown yet. */
  catchUp(): void
}

/** Runs `callback` once, soon; returns the function that cancels it. */
export type Scheduler = (callback: () => void) => () => void

/**
 * The view of `store` whose state follows the store's one frame late (see `AfterFrameStore`).
 * It listens to the store only while something listens to it.
 */
export function afterFrame<State, Action>(
  store: Store<State, Action>,
  schedule: Scheduler = afterNextFrame,
): AfterFrameStore<State, Action> {
  let shown = store.getState()
  const listeners = new Set<() => void>()
  let stopListening: (() => void) | null = null
  let cancel: (() => void) | null = null

  const catchUp = () => {
    cancel?.()
    cancel = null
    const current = store.getState()
    if (current === shown) return
    shown = current
    for (const listener of [...listeners]) listener()
  }
  const onChange = () => {
    if (cancel === null && store.getState() !== shown) cancel = schedule(catchUp)
  }

  return {
    // Nobody renders from it while nobody listens: then it is the store's state.
    getState: () => (listeners.size === 0 ? store.getState() : shown),
    dispatch(action) {
      store.dispatch(action)
      catchUp()
    },
    subscribe(listener) {
      if (listeners.size === 0) {
        // Whatever changed while nobody listened is shown at once.
        shown = store.getState()
        stopListening = store.subscribe(onChange)
      }
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size > 0) return
        stopListening?.()
        stopListening = null
        cancel?.()
        cancel = null
      }
    },
    catchUp,
  }
}

/** The longest a change waits when no frame comes (a hidden tab draws none). */
const NO_FRAME_MS = 100

/**
 * Runs `callback` after the next frame has been drawn: a message posted from the frame's
 * animation callback arrives once the frame's style, layout and paint are done. A timer stands
 * in when no frame comes.
 */
export function afterNextFrame(callback: () => void): () => void {
  const channel = new MessageChannel()
  let done = false
  const stop = () => {
    done = true
    cancelAnimationFrame(frame)
    clearTimeout(timer)
    channel.port1.close()
  }
  const run = () => {
    if (done) return
    stop()
    callback()
  }
  channel.port1.onmessage = run
  const frame = requestAnimationFrame(() => channel.port2.postMessage(null))
  const timer = setTimeout(run, NO_FRAME_MS)
  return stop
}

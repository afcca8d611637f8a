import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react'
import { afterFrame, type AfterFrameStore } from './after-frame.ts'
import type { AppAction, AppState, AppStore } from './app-store.ts'

const StoreContext = createContext<AppStore | null>(null)
/** The store that `useAppState` renders from, when not the store itself. */
const ViewContext = createContext<AfterFrameStore<AppState, AppAction> | null>(null)

/** Makes `store` the store of every component inside. */
export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

interface Deferred {
  /** What the components inside render from. */
  readonly view: AfterFrameStore<AppState, AppAction>
  /** The store itself, except that a dispatch is shown inside at once. */
  readonly live: AppStore
}

/** One view per store, shared by every `AfterFrame`, so they catch up together. */
const deferred = new WeakMap<AppStore, Deferred>()

/**
 * Renders `children` from the store one frame late: a change made elsewhere (typing in the
 * YAML, a canvas gesture) is drawn on the canvas and in the YAML first, and reaches the panels
 * inside right after that frame. Their own dispatches are shown at once, and callbacks reading
 * `useAppStore().getState()` always get the current state.
 */
export function AfterFrame({ children }: { children: ReactNode }) {
  const store = useStore()
  let entry = deferred.get(store)
  if (entry === undefined) {
    const view = afterFrame(store)
    entry = {
      view,
      live: { getState: store.getState, subscribe: store.subscribe, dispatch: view.dispatch },
    }
    deferred.set(store, entry)
  }
  return (
    <StoreContext.Provider value={entry.live}>
      <ViewContext.Provider value={entry.view}>{children}</ViewContext.Provider>
    </StoreContext.Provider>
  )
}

/** The store itself, for callbacks that read the latest state when they run. */
export function useAppStore(): AppStore {
  return useStore()
}

function useStore(): AppStore {
  const store = useContext(StoreContext)
  if (store === null)
    throw new Error('useAppState and useDispatch need a StoreProvider above them.')
  return store
}

/**
 * The part of the app state that `select` picks, re-rendering only when it changes. `select`
 * must return a value already in the state (or a primitive), not build a new object. Inside
 * `AfterFrame`, the state as of the last frame drawn.
 */
export function useAppState<T>(select: (state: AppState) => T): T {
  const live = useStore()
  const store = useContext(ViewContext) ?? live
  return useSyncExternalStore(store.subscribe, () => select(store.getState()))
}

/**
 * Inside `AfterFrame`, the function that shows the store's current state there at once: for an
 * edit of the panel's own that reaches the store another way (through the YAML editor). Outside,
 * it does nothing.
 */
export function useCatchUp(): () => void {
  return useContext(ViewContext)?.catchUp ?? noop
}

function noop() {}

/** The function that sends an action to the store. */
export function useDispatch(): (action: AppAction) => void {
  return useStore().dispatch
}

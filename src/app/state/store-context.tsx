import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react'
import type { AppAction, AppState, AppStore } from './app-store.ts'

const StoreContext = createContext<AppStore | null>(null)

/** Makes `store` the store of every component inside. */
export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
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
 * must return a value already in the state (or a primitive), not build a new object.
 */
export function useAppState<T>(select: (state: AppState) => T): T {
  const store = useStore()
  return useSyncExternalStore(store.subscribe, () => select(store.getState()))
}

/** The function that sends an action to the store. */
export function useDispatch(): (action: AppAction) => void {
  return useStore().dispatch
}

import type { AppStore } from './state/app-store.ts'
import { installTestHooks } from './editor/test-hooks.ts'

/**
 * Exposes the store to browser tests as `window.__ivrDesigner = { getState, dispatch, subscribe }`,
 * only when the page's URL has a `testHooks` query parameter (`/?testHooks`), from the moment the
 * app starts, whichever panes are open.
 */
export function installStoreTestHooks(store: AppStore): void {
  installTestHooks({
    getState: store.getState,
    dispatch: store.dispatch,
    subscribe: store.subscribe,
  })
}

import type { AppStore } from './state/app-store.ts'
import { installTestHooks } from './editor/test-hooks.ts'
import { redoIn, undoIn } from './state/history-recorder.ts'
import { applyOpIn } from './state/use-editing.ts'

/**
 * Exposes the store to browser tests as `window.__ivrDesigner = { getState, dispatch, subscribe }`
 * (with the gesture path `applyOp` and the undo history: `undo`, `redo`, `history`),
 * only when the page's URL has a `testHooks` query parameter (`/?testHooks`), from the moment the
 * app starts, whichever panes are open.
 */
export function installStoreTestHooks(store: AppStore): void {
  installTestHooks({
    getState: store.getState,
    dispatch: store.dispatch,
    subscribe: store.subscribe,
    applyOp: (op) => applyOpIn(store, op),
    undo: () => undoIn(store),
    redo: () => redoIn(store),
    history: () => {
      const { done, undone } = store.getState().history
      return { done: done.map((e) => e.label), undone: undone.map((e) => e.label) }
    },
  })
}

import type { IvrOp } from '../../ops/op.ts'
import type { TextEdit } from '../../ops/text-edit.ts'
import type { AppAction, AppState } from '../state/app-store.ts'

/** A marker as the test hooks report it: 1-based and end-exclusive, like Monaco's. */
export interface TestMarker {
  owner: string
  severity: number
  message: string
  code: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

/**
 * What the browser tests may read and do beyond what a person sees. Installed on
 * `window.__ivrDesigner` only when the page's URL has a `testHooks` query parameter
 * (`/?testHooks`), so that production pages expose nothing.
 */
export interface TestHooks {
  /** The app state, as the store holds it now. */
  getState?: () => AppState
  /** Sends an action to the store, as another view would. */
  dispatch?: (action: AppAction) => void
  /**
   * Calls `listener` synchronously after every change of the store, whoever dispatched it (the
   * benchmarks time when the layout lands); returns the function that stops it.
   */
  subscribe?: (listener: () => void) => () => void
  /** Applies edits to the current text the way other views do: through the edit sink. */
  applyEdits?: (edits: readonly TextEdit[]) => void
  /**
   * Applies an op exactly as a canvas gesture does (`useApplyOp`): one undo entry labelled with
   * its title. Returns whether it was applied.
   */
  applyOp?: (op: IvrOp) => boolean
  /** Undoes or redoes as the toolbar and the shortcuts do; returns whether it did. */
  undo?: () => boolean
  redo?: () => boolean
  /** The labels of the undo history's entries: what can be undone (oldest first) and redone. */
  history?: () => { done: string[]; undone: string[] }
  /** The YAML editor, once Monaco has loaded. */
  yaml?: {
    /** The text in the editor. */
    text(): string
    /** Every marker on the editor's model, whoever set it. */
    markers(): TestMarker[]
    /** The 1-based cursor position. */
    cursor(): { line: number; column: number }
    /** How far the text is scrolled, in pixels. */
    scroll(): { top: number; left: number }
    /** Scrolls a 1-based position into view and gives its centre in page coordinates, to click. */
    pointAt(line: number, column: number): { x: number; y: number } | null
    /** Runs a Monaco command by id (`undo`, `redo`), as its menus and keybindings do. */
    command(id: string): void
  }
}

declare global {
  interface Window {
    __ivrDesigner?: TestHooks
  }
}

/** Whether the page was opened with the `testHooks` query parameter. */
export function testHooksEnabled(): boolean {
  return (
    typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('testHooks')
  )
}

/**
 * Adds `hooks` to `window.__ivrDesigner` when test hooks are enabled; returns the function that
 * removes them again. Does nothing otherwise.
 */
export function installTestHooks(hooks: TestHooks): () => void {
  if (!testHooksEnabled()) return () => {}
  window.__ivrDesigner = { ...window.__ivrDesigner, ...hooks }
  return () => {
    const current = window.__ivrDesigner
    if (!current) return
    const rest: TestHooks = { ...current }
    for (const key of Object.keys(hooks) as (keyof TestHooks)[]) {
      if (rest[key] === hooks[key]) delete rest[key]
    }
    window.__ivrDesigner = rest
  }
}

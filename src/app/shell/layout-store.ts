import { useSyncExternalStore } from 'react'
import { DEFAULT_LAYOUT, loadLayout, saveLayout, type PaneLayout } from './layout.ts'

function readStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    // Some browsers throw on access when storage is disabled.
    return undefined
  }
}

let layout: PaneLayout | null = null
const listeners = new Set<() => void>()

function current(): PaneLayout {
  layout ??= typeof window === 'undefined' ? DEFAULT_LAYOUT : loadLayout(readStorage())
  return layout
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The pane layout, re-rendering when it changes. */
export function usePaneLayout(): PaneLayout {
  return useSyncExternalStore(subscribe, current, () => DEFAULT_LAYOUT)
}

/** Changes the pane layout and keeps it for the next visit. */
export function updatePaneLayout(change: Partial<PaneLayout>): void {
  const before = current()
  const next = { ...before, ...change }
  if (
    next.side === before.side &&
    next.problems === before.problems &&
    next.problemsCollapsed === before.problemsCollapsed
  ) {
    return
  }
  layout = next
  saveLayout(readStorage(), next)
  for (const listener of [...listeners]) listener()
}

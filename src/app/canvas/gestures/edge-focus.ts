import { useSyncExternalStore } from 'react'
import type { IvrPath } from '../../../model/path.ts'
import { pathKey } from '../../../model/path.ts'
import type { AppState } from '../../state/app-store.ts'
import { useAppState } from '../../state/store-context.tsx'

/** How long an edge stays highlighted after the pointer leaves it, so that it does not flicker. */
const LEAVE_DELAY_MS = 120

let hovered: string | null = null
let leaveTimer: ReturnType<typeof setTimeout> | undefined
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function setHovered(id: string | null): void {
  clearTimeout(leaveTimer)
  if (hovered === id) return
  hovered = id
  for (const listener of listeners) listener()
}

/** The pointer is on edge `id` (or on its button): it is highlighted. */
export function hoverEdge(id: string): void {
  setHovered(id)
}

/** The pointer left edge `id`: its highlight goes after a moment, unless the pointer comes back. */
export function leaveEdge(id: string): void {
  clearTimeout(leaveTimer)
  leaveTimer = setTimeout(() => {
    if (hovered === id) setHovered(null)
  }, LEAVE_DELAY_MS)
}

/** The link path the selection names, as the id of its row; `null` when no link is selected. */
export function selectedLinkRow(state: AppState): string | null {
  const path = state.selection?.path
  return path ? linkRowKey(path) : null
}

/** The row id (path key) of a link path `[…, 'goto']` or `[…, 'fetch', 'onError']`. */
export function linkRowKey(path: IvrPath): string | null {
  const last = path[path.length - 1]
  if (last === 'goto') return pathKey(path.slice(0, -1))
  if (last === 'onError') return pathKey(path.slice(0, -2))
  return null
}

/**
 * Whether edge `id` from row `rowId` is picked out: `selected` when its link is the selection,
 * `hovered` while the pointer is on it, else `null`.
 */
export function useEdgeFocus(id: string, rowId: string | null): 'selected' | 'hovered' | null {
  const selected = useAppState((s) => rowId !== null && selectedLinkRow(s) === rowId)
  const read = () => hovered === id
  const isHovered = useSyncExternalStore(subscribe, read, read)
  return selected ? 'selected' : isHovered ? 'hovered' : null
}

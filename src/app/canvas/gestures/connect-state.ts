import { useSyncExternalStore } from 'react'

/** Where a connection being dragged would end if it were dropped now. */
export type DropTarget =
  /** On a section's card: the row will lead to that section. */
  | { readonly kind: 'section'; readonly nodeId: string; readonly name: string }
  /** On the stand-in of a missing section: it is created where the stand-in is, then linked. */
  | { readonly kind: 'stub'; readonly nodeId: string; readonly name: string }
  /** On empty canvas: a new section is made there. */
  | { readonly kind: 'pane' }
  /** Over the controls, the minimap or anything else: dropping does nothing. */
  | { readonly kind: 'none' }

/** A connection being dragged from a row's handle. */
export interface ConnectDrag {
  /** The card the row belongs to. */
  readonly nodeId: string
  /** The name a section made by dropping on empty canvas would get. */
  readonly newName: string
  readonly target: DropTarget
}

let current: ConnectDrag | null = null
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The connection being dragged, if any. */
export function getConnectDrag(): ConnectDrag | null {
  return current
}

/** Starts, updates (with a new target) or ends (`null`) the connection being dragged. */
export function setConnectDrag(next: ConnectDrag | null): void {
  if (next === current) return
  if (
    next &&
    current &&
    next.nodeId === current.nodeId &&
    next.newName === current.newName &&
    sameTarget(next.target, current.target)
  ) {
    return
  }
  current = next
  for (const listener of listeners) listener()
}

function sameTarget(a: DropTarget, b: DropTarget): boolean {
  if (a.kind !== b.kind) return false
  return 'nodeId' in a && 'nodeId' in b ? a.nodeId === b.nodeId : true
}

/** The connection being dragged, for the line that draws it. */
export function useConnectDrag(): ConnectDrag | null {
  return useSyncExternalStore(subscribe, getConnectDrag, getConnectDrag)
}

/** Whether a connection being dragged would end on card `nodeId`: the card lights up. */
export function useIsDropTarget(nodeId: string): boolean {
  const read = () => {
    const target = current?.target
    return target !== undefined && 'nodeId' in target && target.nodeId === nodeId
  }
  return useSyncExternalStore(subscribe, read, read)
}

/**
 * What lies under the point (`clientX`, `clientY`) of the canvas `root` for a connection dropped
 * there. The topmost element decides: a card or stub under it (even beneath an edge), empty
 * canvas, or nothing when the controls, the minimap, a panel or anything outside the canvas is
 * on top.
 */
export function dropTargetAt(root: HTMLElement, clientX: number, clientY: number): DropTarget {
  const stack = root.ownerDocument.elementsFromPoint(clientX, clientY)
  const top = stack[0]
  if (!top || !root.contains(top)) return { kind: 'none' }
  for (const element of stack) {
    if (!root.contains(element)) break
    if (element.closest('.react-flow__panel, .react-flow__controls, .react-flow__minimap')) {
      return { kind: 'none' }
    }
    const node = element.closest<HTMLElement>('.react-flow__node')
    if (node) {
      const id = node.dataset.id ?? ''
      if (id.startsWith('section:')) return { kind: 'section', nodeId: id, name: id.slice(8) }
      if (id.startsWith('missing:')) return { kind: 'stub', nodeId: id, name: id.slice(8) }
      return { kind: 'none' }
    }
    if (element.classList.contains('react-flow__pane')) return { kind: 'pane' }
  }
  return { kind: 'none' }
}

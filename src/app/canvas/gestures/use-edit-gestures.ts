import {
  useReactFlow,
  type EdgeMouseHandler,
  type IsValidConnection,
  type NodeChange,
  type OnConnectEnd,
  type OnConnectStart,
} from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react'
import type { MessageId } from '../../../i18n/en.ts'
import { useAsk } from '../../components/Dialog.tsx'
import {
  isModalOpen,
  isTyping,
  matchesShortcut,
  onApplePlatform,
  SHORTCUTS,
} from '../../panels/shortcuts.ts'
import { useAppStore } from '../../state/store-context.tsx'
import { useLocale } from '../../state/use-locale.ts'
import type { CanvasNode, IvrEdgeType } from '../canvas-types.ts'
import {
  connectRow,
  copySelection,
  deleteCopied,
  deleteSelection,
  deletionOfSelection,
  duplicateSelection,
  findRow,
  pasteText,
  proposedName,
  selectCards,
  selectOnCanvas,
  type ClickKeys,
} from './actions.ts'
import { refuseWhileStale } from './commit.ts'
import { dropTargetAt, getConnectDrag, setConnectDrag } from './connect-state.ts'
import { ConnectionLine } from './ConnectionLine.tsx'
import { hoverEdge, leaveEdge } from './edge-focus.ts'
import { linkPathOf } from './items.ts'

const isValidConnection: IsValidConnection = () => false

/**
 * The canvas's editing gestures: connecting rows to sections by dragging from their handles,
 * selecting several items (Shift/Ctrl/⌘-click, Shift-drag a box), Delete/Backspace, copy, cut
 * and paste through the system clipboard, and Ctrl/⌘+D. Keys and clipboard events count while
 * the canvas has the focus, or nothing has it and the canvas was the last thing clicked; never
 * while typing in a field or the YAML. Returns the props for React Flow and the click handlers.
 */
export function useEditGestures(wrapper: RefObject<HTMLDivElement | null>) {
  const store = useAppStore()
  const flow = useReactFlow<CanvasNode, IvrEdgeType>()
  const ask = useAsk()
  const { t } = useLocale()
  const banding = useRef(false)
  // Where the pointer is over the canvas (client coordinates), for placing pasted cards.
  const pointer = useRef<{ x: number; y: number } | null>(null)
  // Whether the canvas was the last thing clicked or focused.
  const active = useRef(false)

  // --- Selection -------------------------------------------------------------------------------
  const select = useCallback(
    (path: Parameters<typeof selectOnCanvas>[1], keys?: ClickKeys) =>
      selectOnCanvas(store, path, keys),
    [store],
  )

  const selectEdge = useCallback(
    (rowId: string | null | undefined, keys?: ClickKeys) => {
      const found = findRow(store.getState().document.view.good.graph, rowId)
      const link = found ? linkPathOf(found.row) : null
      if (link) selectOnCanvas(store, link, keys)
    },
    [store],
  )

  /** React Flow's selection changes count only while a box is drawn: clicks select by themselves. */
  const onSelectChanges = useCallback(
    (changes: readonly NodeChange<CanvasNode>[], nodes: readonly CanvasNode[]) => {
      if (!banding.current) return
      const selected = new Set(nodes.filter((n) => n.selected).map((n) => n.id))
      let changed = false
      for (const change of changes) {
        if (change.type !== 'select') continue
        changed = true
        if (change.selected) selected.add(change.id)
        else selected.delete(change.id)
      }
      if (changed) selectCards(store, selected)
    },
    [store],
  )

  // --- Connecting ------------------------------------------------------------------------------
  const track = useCallback(
    (event: PointerEvent | MouseEvent) => {
      const drag = getConnectDrag()
      const root = wrapper.current
      if (!drag || !root) return
      setConnectDrag({ ...drag, target: dropTargetAt(root, event.clientX, event.clientY) })
    },
    [wrapper],
  )

  const onConnectStart = useCallback<OnConnectStart>(
    (_event, { nodeId, handleId }) => {
      if (!nodeId || !handleId) return
      setConnectDrag({ nodeId, newName: proposedName(store, handleId), target: { kind: 'none' } })
      document.addEventListener('pointermove', track)
    },
    [store, track],
  )

  const onConnectEnd = useCallback<OnConnectEnd>(
    (event, connection) => {
      document.removeEventListener('pointermove', track)
      const drag = getConnectDrag()
      setConnectDrag(null)
      const root = wrapper.current
      const rowId = connection.fromHandle?.id
      if (!drag || !root || !rowId) return
      const point = 'changedTouches' in event ? event.changedTouches[0] : event
      if (!point) return
      const target = dropTargetAt(root, point.clientX, point.clientY)
      const at = flow.screenToFlowPosition({ x: point.clientX, y: point.clientY })
      connectRow(store, rowId, target, at)
    },
    [store, flow, wrapper, track],
  )

  useEffect(() => () => document.removeEventListener('pointermove', track), [track])

  const onEdgeMouseEnter = useCallback<EdgeMouseHandler<IvrEdgeType>>(
    (_e, edge) => hoverEdge(edge.id),
    [],
  )
  const onEdgeMouseLeave = useCallback<EdgeMouseHandler<IvrEdgeType>>(
    (_e, edge) => leaveEdge(edge.id),
    [],
  )

  // --- Keys and the clipboard ------------------------------------------------------------------
  const confirmDelete = useCallback(async () => {
    if (refuseWhileStale(store)) return
    const { entries } = deletionOfSelection(store)
    if (entries.length > 0) {
      const answer = await ask(entryQuestion(entries, t))
      if (answer !== 'delete') return
    }
    deleteSelection(store)
  }, [store, ask, t])

  useEffect(() => {
    const root = wrapper.current
    if (!root) return
    const apple = onApplePlatform()
    const inScope = (target: EventTarget | null): boolean => {
      if (isModalOpen() || isTyping(target)) return false
      if (target instanceof Node && root.contains(target)) return true
      const nowhere =
        target === null || target === document.body || target === document.documentElement
      return nowhere && active.current
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !inScope(event.target)) return
      if (
        matchesShortcut(event, SHORTCUTS.delete, apple) ||
        matchesShortcut(event, SHORTCUTS.deleteBack, apple)
      ) {
        if (!store.getState().selection) return
        event.preventDefault()
        void confirmDelete()
      } else if (matchesShortcut(event, SHORTCUTS.duplicate, apple)) {
        // Also keeps the browser from bookmarking the page.
        event.preventDefault()
        if (store.getState().selection) duplicateSelection(store)
      }
    }
    const onCopy = (event: ClipboardEvent) => {
      if (!inScope(event.target) || hasTextSelection()) return
      const plan = copySelection(store)
      if (!plan) return
      event.clipboardData?.setData('text/plain', plan.text)
      event.preventDefault()
    }
    const onCut = (event: ClipboardEvent) => {
      if (!inScope(event.target) || hasTextSelection()) return
      const plan = copySelection(store)
      if (!plan) return
      event.clipboardData?.setData('text/plain', plan.text)
      event.preventDefault()
      deleteCopied(store, plan)
    }
    const onPaste = (event: ClipboardEvent) => {
      if (!inScope(event.target)) return
      const text = event.clipboardData?.getData('text/plain') ?? ''
      if (text === '') return
      event.preventDefault()
      pasteText(store, text, anchor(), center())
    }
    const anchor = () => (pointer.current ? flow.screenToFlowPosition(pointer.current) : null)
    const center = () => {
      const box = root.getBoundingClientRect()
      const middle = flow.screenToFlowPosition({
        x: box.left + box.width / 2,
        y: box.top + box.height / 2,
      })
      return { x: middle.x - 150, y: middle.y - 60 }
    }
    const onPointerDownAnywhere = (event: PointerEvent) => {
      active.current = event.target instanceof Node && root.contains(event.target)
    }
    const onFocusIn = (event: FocusEvent) => {
      active.current = event.target instanceof Node && root.contains(event.target)
    }
    // While the YAML cannot be read, a connection would start from a graph that is out of date.
    const onPointerDownHere = (event: PointerEvent) => {
      const target = event.target as Element | null
      if (!target?.closest?.('.react-flow__handle.source')) return
      if (!store.getState().document.view.stale) return
      event.preventDefault()
      event.stopPropagation()
      refuseWhileStale(store)
    }
    const onPointerMove = (event: PointerEvent) => {
      pointer.current = { x: event.clientX, y: event.clientY }
    }
    const onPointerLeave = () => {
      pointer.current = null
    }
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('copy', onCopy)
    document.addEventListener('cut', onCut)
    document.addEventListener('paste', onPaste)
    document.addEventListener('pointerdown', onPointerDownAnywhere, true)
    document.addEventListener('focusin', onFocusIn)
    root.addEventListener('pointerdown', onPointerDownHere, true)
    root.addEventListener('pointermove', onPointerMove)
    root.addEventListener('pointerleave', onPointerLeave)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('copy', onCopy)
      document.removeEventListener('cut', onCut)
      document.removeEventListener('paste', onPaste)
      document.removeEventListener('pointerdown', onPointerDownAnywhere, true)
      document.removeEventListener('focusin', onFocusIn)
      root.removeEventListener('pointerdown', onPointerDownHere, true)
      root.removeEventListener('pointermove', onPointerMove)
      root.removeEventListener('pointerleave', onPointerLeave)
    }
  }, [store, wrapper, flow, confirmDelete])

  const flowProps = useMemo(
    () => ({
      onConnectStart,
      onConnectEnd,
      isValidConnection,
      connectionLineComponent: ConnectionLine,
      connectOnClick: false,
      // Where a connection goes is the card under the pointer (see `dropTargetAt`), never a
      // handle nearby: React Flow's search for one builds selectors from handle ids, which hold
      // quotes here, and cannot parse them.
      connectionRadius: 0,
      onSelectionStart: () => {
        banding.current = true
      },
      onSelectionEnd: () => {
        banding.current = false
      },
      onEdgeMouseEnter,
      onEdgeMouseLeave,
      elementsSelectable: true,
      selectionKeyCode: 'Shift',
    }),
    [onConnectStart, onConnectEnd, onEdgeMouseEnter, onEdgeMouseLeave],
  )

  return { flowProps, select, selectEdge, onSelectChanges, deleteSelection: confirmDelete }
}

/** Whether the page has text selected, which a copy should copy instead. */
function hasTextSelection(): boolean {
  const selection = document.getSelection()
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== ''
}

/** The question put before entry sections are deleted: the phone system runs them by itself. */
function entryQuestion(
  entries: readonly string[],
  t: (id: MessageId, args?: Record<string, string | number>) => string,
) {
  const names = entries.map((name) => t('canvas.quoted', { name })).join(t('canvas.list-separator'))
  return {
    title: t(
      entries.length === 1 ? 'canvas.delete.entry.title' : 'canvas.delete.entry.title.many',
      {
        names,
      },
    ),
    body: entries.map((name) => t(`canvas.delete.entry.${name}` as MessageId)).join(' '),
    choices: [
      { value: 'cancel', label: t('canvas.delete.entry.cancel'), tone: 'secondary' },
      { value: 'delete', label: t('canvas.delete.entry.confirm'), tone: 'danger' },
    ] as const,
    cancel: 'cancel',
    tone: 'danger',
  } as const
}

import type { GraphRow, IvrGraph } from '../../../graph/graph.ts'
import { sectionNodeId } from '../../../graph/graph.ts'
import { CARD, cardSize, type Point } from '../../../graph/layout.ts'
import type { MessageId } from '../../../i18n/en.ts'
import type { IvrPath } from '../../../model/path.ts'
import { opTitle, type IvrOp } from '../../../ops/op.ts'
import { readFragment } from '../../../yaml/fragment.ts'
import { formatShortcut, onApplePlatform, SHORTCUTS } from '../../panels/shortcuts.ts'
import type { AppStore } from '../../state/app-store.ts'
import { positionOf } from '../../state/canvas.ts'
import type { DropTarget } from './connect-state.ts'
import { commitOps, refuseWhileStale } from './commit.ts'
import { linkPathOf, selectedItems, selectedPaths, toggleInSelection } from './items.ts'
import { COPY_OFFSET, placeCards } from './placement.ts'
import {
  commandPasteTarget,
  newSectionName,
  planCopy,
  planDeletion,
  planDuplication,
  takenNames,
  type CopyPlan,
} from './plans.ts'

/**
 * The canvas's editing gestures as functions of the store, apart from React: each reads the
 * current text, applies its ops as one change and selects what it made. While the YAML cannot be
 * read, each says so and changes nothing.
 */

/** Modifier keys of a click: with Shift, Ctrl or ⌘ a click adds to the selection. */
export interface ClickKeys {
  readonly shiftKey: boolean
  readonly ctrlKey: boolean
  readonly metaKey: boolean
}

/** Selects `path` from the canvas; with a modifier key, adds it to (or takes it out of) the selection. */
export function selectOnCanvas(store: AppStore, path: IvrPath, keys?: ClickKeys): void {
  if (!keys || !(keys.shiftKey || keys.ctrlKey || keys.metaKey)) {
    store.dispatch({ type: 'selection.set', path, origin: 'canvas' })
    return
  }
  const next = toggleInSelection(store.getState().selection, path)
  if (next) store.dispatch({ type: 'selection.set', ...next, origin: 'canvas' })
  else store.dispatch({ type: 'selection.clear' })
}

/** Selects the sections of the cards `nodeIds` (in the order of the text), as a box drawn round them. */
export function selectCards(store: AppStore, nodeIds: ReadonlySet<string>): void {
  const { graph } = store.getState().document.view.good
  const [first, ...extra] = graph.sections.filter((s) => nodeIds.has(s.id)).map((s) => s.path)
  if (first) store.dispatch({ type: 'selection.set', path: first, extra, origin: 'canvas' })
  else store.dispatch({ type: 'selection.clear' })
}

/** The row `rowId` of the graph, with the card it is on. */
export function findRow(
  graph: IvrGraph,
  rowId: string | null | undefined,
): { row: GraphRow; section: string } | null {
  if (!rowId) return null
  for (const section of graph.sections) {
    const row = section.rows.find((r) => r.id === rowId)
    if (row) return { row, section: section.name }
  }
  return null
}

/** The name a section made by dropping row `rowId`'s connection on empty canvas would get. */
export function proposedName(store: AppStore, rowId: string): string {
  const { view } = store.getState().document
  const found = findRow(view.good.graph, rowId)
  if (!found) return 'section'
  return newSectionName(view.parsed.model, found.row, found.section)
}

/**
 * Ends a connection dragged from row `rowId` on `target`: the row leads to that section; on a
 * missing section's stand-in the section is created there first; on empty canvas a new section
 * is made at `at` (canvas coordinates of the left end of its header).
 */
export function connectRow(store: AppStore, rowId: string, target: DropTarget, at: Point): void {
  if (target.kind === 'none') return
  if (refuseWhileStale(store)) return
  const state = store.getState()
  const found = findRow(state.document.view.good.graph, rowId)
  if (!found) return
  const { row, section } = found
  if (target.kind === 'section') {
    if (row.target === target.name) return
    const link = linkPathOf(row)
    commitOps(
      store,
      'op.title.reference.connect',
      [{ type: 'reference.connect', path: row.path, target: target.name }],
      () => {
        if (link) store.dispatch({ type: 'selection.set', path: link, origin: 'canvas' })
      },
    )
    return
  }
  const name =
    target.kind === 'stub'
      ? target.name
      : newSectionName(state.document.view.parsed.model, row, section)
  const position =
    target.kind === 'stub'
      ? positionOf(state.canvas, target.nodeId)
      : { x: Math.round(at.x), y: Math.round(at.y - CARD.header / 2) }
  const ops: IvrOp[] = [
    { type: 'section.add', name, commands: [], after: section },
    { type: 'reference.connect', path: row.path, target: name },
  ]
  commitOps(store, 'canvas.history.connect-new', ops, () => {
    if (position) {
      store.dispatch({ type: 'canvas.move', moves: [{ id: sectionNodeId(name), position }] })
    }
    store.dispatch({ type: 'selection.set', path: [name], origin: 'canvas' })
  })
}

/** Removes the link of row `rowId` (an edge's): an option's or a goto's `goto`, an `onError`. */
export function disconnectRow(store: AppStore, rowId: string): void {
  if (refuseWhileStale(store)) return
  const found = findRow(store.getState().document.view.good.graph, rowId)
  const link = found ? linkPathOf(found.row) : null
  if (!found || !link) return
  const op: IvrOp = { type: 'reference.disconnect', path: link }
  commitOps(store, opTitle(op), [op], () => {
    // A goto command goes as a whole; an option or fetch stays, selected.
    if (found.row.kind === 'goto') store.dispatch({ type: 'selection.clear' })
    else store.dispatch({ type: 'selection.set', path: found.row.path, origin: 'canvas' })
  })
}

/** The selected items of the current text. */
function currentItems(store: AppStore) {
  const state = store.getState()
  return selectedItems(state.document.view.parsed.model, selectedPaths(state.selection))
}

/** What deleting the selection would do, for asking before entry sections go. */
export function deletionOfSelection(store: AppStore) {
  return planDeletion(currentItems(store))
}

/** Deletes the selected sections, rows and links as one change. */
export function deleteSelection(store: AppStore): void {
  const plan = planDeletion(currentItems(store))
  if (plan.ops.length === 0) {
    if (plan.skipped > 0) {
      store.dispatch({ type: 'toast.show', tone: 'info', messageId: 'canvas.delete.branch' })
    }
    return
  }
  const label: MessageId = plan.ops.length === 1 ? opTitle(plan.ops[0]!) : 'canvas.history.delete'
  commitOps(store, label, plan.ops, () => store.dispatch({ type: 'selection.clear' }))
}

/** Duplicates the selected sections, commands and options, each right after itself, and selects the copies. */
export function duplicateSelection(store: AppStore): void {
  if (refuseWhileStale(store)) return
  const plan = planDuplication(currentItems(store))
  if (plan.ops.length === 0) return
  const label: MessageId =
    plan.ops.length === 1 ? opTitle(plan.ops[0]!) : 'canvas.history.duplicate'
  commitOps(store, label, plan.ops, (result) => {
    const { canvas } = store.getState()
    const moves: { id: string; position: Point }[] = []
    plan.ops.forEach((op, i) => {
      const copy = result.selects[i]?.[0]
      if (op.type !== 'section.duplicate' || typeof copy !== 'string') return
      const at = positionOf(canvas, sectionNodeId(op.name))
      if (at) {
        moves.push({
          id: sectionNodeId(copy),
          position: { x: at.x + COPY_OFFSET.x, y: at.y + COPY_OFFSET.y },
        })
      }
    })
    if (moves.length > 0) store.dispatch({ type: 'canvas.move', moves })
    const [first, ...extra] = plan.copies(result.selects)
    if (first) store.dispatch({ type: 'selection.set', path: first, extra, origin: 'canvas' })
  })
}

/** What was last copied from this canvas, so that pasted cards keep their places relative to each other. */
let lastCopy: { text: string; positions: readonly (Point | null)[] } | null = null

/**
 * The clipboard text of the selection, or `null` when nothing is selected or nothing of it can
 * be copied (saying why). Remembers where copied cards stand.
 */
export function copySelection(store: AppStore): Extract<CopyPlan, { ok: true }> | null {
  const items = currentItems(store)
  if (items.length === 0) return null
  if (refuseWhileStale(store)) return null
  const plan = planCopy(store.getState().document.view.parsed, items)
  if (!plan.ok) {
    if (plan.reason !== 'nothing') {
      store.dispatch({
        type: 'toast.show',
        tone: plan.reason === 'options' ? 'info' : 'error',
        messageId: plan.reason === 'options' ? 'canvas.copy.options' : 'op.error.layout',
        args: { shortcut: formatShortcut(SHORTCUTS.duplicate, onApplePlatform()) },
      })
    }
    return null
  }
  const { canvas } = store.getState()
  lastCopy = {
    text: plan.text,
    positions: plan.items.map((item) =>
      item.kind === 'section' ? positionOf(canvas, sectionNodeId(item.name)) : null,
    ),
  }
  store.dispatch({
    type: 'toast.show',
    tone: 'success',
    messageId: copiedMessage(plan),
    args: { count: plan.count },
  })
  return plan
}

function copiedMessage(plan: { kind: 'sections' | 'commands'; count: number }): MessageId {
  if (plan.kind === 'sections')
    return plan.count === 1 ? 'canvas.copied.section' : 'canvas.copied.sections'
  return plan.count === 1 ? 'canvas.copied.command' : 'canvas.copied.commands'
}

/** Deletes what `copySelection` just copied: the second half of a cut. */
export function deleteCopied(store: AppStore, plan: Extract<CopyPlan, { ok: true }>): void {
  const deletion = planDeletion(plan.items)
  commitOps(store, 'canvas.history.cut', deletion.ops, () =>
    store.dispatch({ type: 'selection.clear' }),
  )
}

/**
 * Pastes clipboard text: sections go in under free names (gotos between them following) and
 * their cards at `anchor` (canvas coordinates; else beside the cards they were copied from, else
 * `fallback`); commands go after the selected command or at the end of the selected section.
 * Selects what was pasted.
 */
export function pasteText(
  store: AppStore,
  text: string,
  anchor: Point | null,
  fallback: Point,
): void {
  if (text.trim() === '') return
  if (refuseWhileStale(store)) return
  const state = store.getState()
  const { model } = state.document.view.parsed
  const fragment = readFragment(text)
  if (fragment.kind === 'sections') {
    const before = takenNames(model)
    commitOps(
      store,
      'op.title.paste',
      [{ type: 'paste', fragment: text, target: { sections: true } }],
      (result) => {
        const added = result.parsed.model.sections.filter((s) => !before.has(s.name))
        const graph = store.getState().document.view.good.graph
        const heights = added.map((s) => {
          const card = graph.sections.find((c) => c.name === s.name)
          return card ? cardSize(card).height : CARD.header
        })
        const memory = lastCopy?.text === text.replace(/\r\n/g, '\n') ? lastCopy.positions : null
        const original = memory?.[0] ?? null
        const start =
          anchor ??
          (original ? { x: original.x + COPY_OFFSET.x, y: original.y + COPY_OFFSET.y } : fallback)
        const positions = placeCards(start, heights, memory)
        store.dispatch({
          type: 'canvas.move',
          moves: added.map((s, i) => ({ id: sectionNodeId(s.name), position: positions[i]! })),
        })
        const [first, ...extra] = added.map((s) => s.path)
        if (first) store.dispatch({ type: 'selection.set', path: first, extra, origin: 'canvas' })
      },
    )
    return
  }
  if (fragment.kind === 'commands') {
    const target = commandPasteTarget(model, state.selection?.path ?? null)
    if (!target || !('list' in target)) {
      store.dispatch({ type: 'toast.show', tone: 'info', messageId: 'canvas.paste.where' })
      return
    }
    const count = fragment.items.length
    commitOps(store, 'op.title.paste', [{ type: 'paste', fragment: text, target }], () => {
      const [first, ...extra] = Array.from({ length: count }, (_, k) => [
        ...target.list,
        target.index + k,
      ])
      if (first) store.dispatch({ type: 'selection.set', path: first, extra, origin: 'canvas' })
    })
    return
  }
  store.dispatch({ type: 'toast.show', tone: 'error', messageId: 'op.error.paste-invalid' })
}

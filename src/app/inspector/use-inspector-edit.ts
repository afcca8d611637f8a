import { useMemo } from 'react'
import { sectionNodeId } from '../../graph/graph.ts'
import { opTitle, type IvrOp } from '../../ops/op.ts'
import type { AppStore } from '../state/app-store.ts'
import { positionOf } from '../state/canvas.ts'
import { useAppStore, useCatchUp } from '../state/store-context.tsx'
import { applyTextEdits, recordTransaction } from '../state/use-editing.ts'
import { createChecker, wouldBe, type Checker, type WouldBe } from './would-be.ts'

/** How the inspector tries and applies ops. */
export interface InspectorEdit {
  /** What the document would be after `ops`, against the text current now; nothing changes. */
  preview(ops: IvrOp | readonly IvrOp[]): WouldBe
  /**
   * Applies `ops` as one edit (one undo step) through the edit sink, so the YAML editor keeps
   * its cursor and scroll; a renamed section's card keeps its place, and what the op created or
   * moved stays selected. A refusal changes nothing and is returned for the field to show.
   */
  commit(ops: IvrOp | readonly IvrOp[]): WouldBe
}

/** The inspector's way to try and apply ops on the store's document. */
export function useInspectorEdit(): InspectorEdit {
  const store = useAppStore()
  const catchUp = useCatchUp()
  return useMemo(() => {
    const edit = createInspectorEdit(store)
    return {
      preview: edit.preview,
      commit(ops) {
        const result = edit.commit(ops)
        // The edit reached the store through the YAML editor; the inspector shows it at once.
        catchUp()
        return result
      },
    }
  }, [store, catchUp])
}

/** `useInspectorEdit` without React, for one store. */
export function createInspectorEdit(store: AppStore, checker?: Checker): InspectorEdit {
  const check = checker ?? createChecker(() => store.getState().recordings.known)
  return {
    preview: (ops) => wouldBe(store.getState().document.view.parsed, ops, check),
    commit(ops) {
      const list: readonly IvrOp[] = Array.isArray(ops) ? ops : [ops as IvrOp]
      // The last op names the change in the undo history: "Connect to section" for a new
      // section that a goto now names.
      return recordTransaction(opTitle(list[list.length - 1]!), () => commitIn(store, check, list))
    },
  }
}

function commitIn(store: AppStore, check: Checker, list: readonly IvrOp[]): WouldBe {
  const before = store.getState()
  const result = wouldBe(before.document.view.parsed, list, check)
  if (!result.ok || result.edits.length === 0) return result
  applyTextEdits(before.document.view.text, result.edits, (text) =>
    store.dispatch({ type: 'document.text', text }),
  )
  const after = store.getState()
  for (const op of list) {
    if (op.type !== 'section.rename') continue
    store.dispatch({
      type: 'canvas.rename',
      from: sectionNodeId(op.name),
      to: sectionNodeId(op.to),
      at: positionOf(before.canvas, sectionNodeId(op.name)),
    })
  }
  if (result.select && after.selection) {
    store.dispatch({ type: 'selection.set', path: result.select, origin: 'inspector' })
  }
  return result
}

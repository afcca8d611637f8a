import { targetOfPath } from '../../../graph/targets.ts'
import type { AppState } from '../../state/app-store.ts'
import type { Selection } from '../../state/document.ts'

/** The cards and rows the extra items of the selection land on (the primary one aside). */
export interface ExtraTargets {
  readonly nodes: ReadonlySet<string>
  readonly rows: ReadonlySet<string>
}

const NONE: ExtraTargets = { nodes: new Set(), rows: new Set() }

let lastSelection: Selection | null = null
let lastTargets: AppState['document']['view']['good']['targets'] | null = null
let last: ExtraTargets = NONE

/**
 * The cards and rows of the items selected besides the primary one, computed once per selection
 * and graph however many cards ask; the same object while they do not change.
 */
export function extraTargets(state: AppState): ExtraTargets {
  const { selection } = state
  const { targets } = state.document.view.good
  if (selection === lastSelection && targets === lastTargets) return last
  lastSelection = selection
  lastTargets = targets
  const extra = selection?.extra ?? []
  if (extra.length === 0) {
    last = NONE
    return last
  }
  const nodes = new Set<string>()
  const rows = new Set<string>()
  for (const path of extra) {
    const target = targetOfPath(targets, path)
    if (!target) continue
    nodes.add(target.nodeId)
    if (target.rowId) rows.add(target.rowId)
  }
  last = { nodes, rows }
  return last
}

/** Whether row `rowId` is among the extra items of the selection. */
export function isExtraRow(state: AppState, rowId: string): boolean {
  return extraTargets(state).rows.has(rowId)
}

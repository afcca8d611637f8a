import type { Mark } from '../../graph/targets.ts'
import { targetOfPath, type CanvasTarget } from '../../graph/targets.ts'
import type { AppState } from '../state/app-store.ts'
import type { Selection } from '../state/document.ts'

let lastSelection: Selection | null = null
let lastTargets: AppState['document']['view']['good']['targets'] | null = null
let lastTarget: CanvasTarget | null = null

/**
 * The card and row the selection lands on, computed once per selection and graph however many
 * cards ask, so that every card can subscribe to it cheaply.
 */
export function selectedTarget(state: AppState): CanvasTarget | null {
  const { selection } = state
  const { targets } = state.document.view.good
  if (selection !== lastSelection || targets !== lastTargets) {
    lastSelection = selection
    lastTargets = targets
    lastTarget = selection ? targetOfPath(targets, selection.path) : null
  }
  return lastTarget
}

/** The id of the selected card, or `null`. */
export function selectedNodeId(state: AppState): string | null {
  return selectedTarget(state)?.nodeId ?? null
}

/** The id of the selected row, or `null` when a whole card or nothing is selected. */
export function selectedRowId(state: AppState): string | null {
  return selectedTarget(state)?.rowId ?? null
}

/**
 * A card's or row's problems as one string (`error:2`), so a subscriber re-renders only when its
 * own mark changes, not whenever the marks are recomputed.
 */
export function markKey(mark: Mark | undefined): string {
  return mark ? `${mark.severity}:${mark.count}` : ''
}

/** The mark a `markKey` stands for. */
export function parseMarkKey(key: string): Mark | null {
  if (key === '') return null
  const [severity, count] = key.split(':')
  if (severity !== 'error' && severity !== 'warning' && severity !== 'info') return null
  return { severity, count: Number(count) }
}

import { sectionNodeId } from '../../graph/graph.ts'
import { targetOfPath, type TargetIndex } from '../../graph/targets.ts'
import type { IvrPath } from '../../model/path.ts'
import type { CallState, EntryPlace } from '../../simulate/call.ts'
import type { IvrStep } from '../../simulate/coverage.ts'
import { unwalkedSteps } from '../simulator/paths.ts'
import type { AppState } from '../state/app-store.ts'

/**
 * How a row stands to the test call: the command the call is at (or ended at), one it walked,
 * or, with coverage marking on, one that no listed path and no call walks.
 */
export type RowCallMark = 'current' | 'visited' | 'unvisited'

/** How a card stands to the test call: it holds the current command, or the call went through. */
export type CardCallMark = 'current' | 'visited'

/** The test call drawn on the canvas. */
export interface CallMarks {
  readonly rows: ReadonlyMap<string, RowCallMark>
  readonly cards: ReadonlyMap<string, CardCallMark>
  /** Ids of the edges the call followed (`SOURCE_ROW->TARGET`). */
  readonly edges: ReadonlySet<string>
}

/** No call to draw. */
export const NO_CALL_MARKS: CallMarks = { rows: new Map(), cards: new Map(), edges: new Set() }

/**
 * Marks the rows, cards and edges of a call on a graph's targets: every command, option and
 * transfer branch it walked and every section it entered in the IVR itself (not in scripts a
 * fetch answered), the edges of the gotos it followed, and the place it waits at or ended at. `unwalked` adds the
 * coverage marks, on rows the call did not walk.
 */
export function computeCallMarks(
  call: CallState | null,
  targets: TargetIndex,
  unwalked: readonly IvrStep[] | null,
): CallMarks {
  const rows = new Map<string, RowCallMark>()
  const cards = new Map<string, CardCallMark>()
  const edges = new Set<string>()
  const markPath = (path: IvrPath, mark: 'current' | 'visited') => {
    const target = targetOfPath(targets, path)
    if (!target) return
    if (target.rowId !== null && rows.get(target.rowId) !== 'current') rows.set(target.rowId, mark)
    if (cards.get(target.nodeId) !== 'current') cards.set(target.nodeId, mark)
  }
  if (call !== null && call.outcome?.kind !== 'refused') {
    for (const path of call.visited) markPath(path, 'visited')
    for (const entry of call.transcript) {
      if (entry.script !== 0) continue
      if (entry.kind === 'enter' || entry.kind === 'queue') markPath(entry.path, 'visited')
      else if (entry.kind === 'transfer' && entry.branch !== null) {
        markPath([...entry.path, 'transfer', 'if', entry.branch], 'visited')
      } else if (entry.kind === 'goto') {
        const source = targetOfPath(targets, entry.path)
        if (source?.rowId) edges.add(`${source.rowId}->${sectionNodeId(entry.target)}`)
        if (targets.cards.has(entry.target)) markPath([entry.target], 'visited')
      }
    }
    const place: EntryPlace | null = call.at ?? call.transcript[call.transcript.length - 1] ?? null
    if (place !== null && place.script === 0) markPath(place.path, 'current')
  }
  if (unwalked !== null) {
    for (const step of unwalked) {
      const target = targetOfPath(targets, step.path)
      if (target?.rowId && !rows.has(target.rowId)) rows.set(target.rowId, 'unvisited')
    }
  }
  return { rows, cards, edges }
}

let lastCall: AppState['call'] | null = null
let lastView: AppState['document']['view'] | null = null
let lastRevision = -1
let lastMarks: CallMarks = NO_CALL_MARKS

/**
 * The marks of the test call on the canvas, computed once per change of the call or the
 * document however many cards ask. Nothing is marked while the test call panel is closed;
 * coverage marks need an IVR that can be read and has no errors.
 */
export function callMarks(state: AppState): CallMarks {
  const { call, document } = state
  if (call === lastCall && document.view === lastView && document.revision === lastRevision) {
    return lastMarks
  }
  lastCall = call
  lastView = document.view
  lastRevision = document.revision
  lastMarks = call.open ? marksOf(state) : NO_CALL_MARKS
  return lastMarks
}

function marksOf(state: AppState): CallMarks {
  const { call, document } = state
  const { view } = document
  const session = call.session
  const coverage =
    call.coverage && !view.stale && !view.diagnostics.some((d) => d.severity === 'error')
  const current = session !== null && session.revision === document.revision ? session : null
  const unwalked = coverage
    ? unwalkedSteps(
        view.parsed,
        view.diagnostics,
        call.walks,
        document.revision,
        current?.call.visited ?? null,
      )
    : null
  if (session === null && unwalked === null) return NO_CALL_MARKS
  return computeCallMarks(session?.call ?? null, view.good.targets, unwalked)
}

/** The call mark of one row, a primitive so that a row re-renders only when its own changes. */
export function rowCallMark(state: AppState, rowId: string): RowCallMark | null {
  return callMarks(state).rows.get(rowId) ?? null
}

/** The call mark of one card. */
export function cardCallMark(state: AppState, nodeId: string): CardCallMark | null {
  return callMarks(state).cards.get(nodeId) ?? null
}

/** The edges the test call followed; the same set until the marks change. */
export function takenEdges(state: AppState): ReadonlySet<string> {
  return callMarks(state).edges
}

import { followLayout } from '../../graph/follow-layout.ts'
import type { IvrGraph } from '../../graph/graph.ts'
import { layoutKey, type Point } from '../../graph/layout.ts'

/**
 * Where the cards stand: positions the admin gave by dragging, and those the layout computed.
 * The layout runs when a document is opened and on "Tidy up"; once the canvas has been laid out,
 * a change of the graph's shape pins every card where it stands (see `followGraph`), so that
 * editing never rearranges the canvas.
 */
export interface CanvasState {
  /**
   * Positions the admin gave, by card id, and those cards were pinned at by an edit; they win
   * over the layout's and persist per IVR.
   */
  readonly manual: Readonly<Record<string, Point>>
  /** Positions computed by the layout, by card id. */
  readonly auto: Readonly<Record<string, Point>>
  /** The graph shape (`layoutKey`) the positions are for; `null` until the first layout. */
  readonly layoutKey: string | null
}

export type CanvasAction =
  | {
      readonly type: 'canvas.layout'
      readonly key: string
      readonly positions: Readonly<Record<string, Point>>
    }
  | { readonly type: 'canvas.move'; readonly moves: readonly { id: string; position: Point }[] }
  | { readonly type: 'canvas.positions'; readonly manual: Readonly<Record<string, Point>> }
  | {
      /** "Tidy up": the admin's positions are dropped for a fresh layout of the shape `key`. */
      readonly type: 'canvas.tidy'
      readonly key: string
      readonly positions: Readonly<Record<string, Point>>
    }
  | {
      /**
       * A section was renamed: its card keeps its place (`at`, where it stood before) under its
       * new id.
       */
      readonly type: 'canvas.rename'
      readonly from: string
      readonly to: string
      readonly at: Point | null
    }

export const EMPTY_CANVAS: CanvasState = { manual: {}, auto: {}, layoutKey: null }

/** The canvas after an action; the same object when nothing changes. */
export function reduceCanvas(state: CanvasState, action: CanvasAction): CanvasState {
  switch (action.type) {
    case 'canvas.layout':
      return { ...state, auto: action.positions, layoutKey: action.key }
    case 'canvas.move': {
      if (action.moves.length === 0) return state
      const manual = { ...state.manual }
      for (const { id, position } of action.moves) manual[id] = position
      return { ...state, manual }
    }
    case 'canvas.positions':
      return { ...state, manual: action.manual }
    case 'canvas.tidy': {
      const tidy =
        Object.keys(state.manual).length === 0 &&
        state.layoutKey === action.key &&
        samePositions(state.auto, action.positions)
      return tidy ? state : { manual: {}, auto: action.positions, layoutKey: action.key }
    }
    case 'canvas.rename': {
      if (action.from === action.to) return state
      const manual = renameId(state.manual, action.from, action.to)
      const auto = renameId(state.auto, action.from, action.to)
      return {
        manual: action.at ? { ...manual, [action.to]: action.at } : manual,
        auto,
        layoutKey: state.layoutKey,
      }
    }
  }
}

/**
 * The canvas once the graph changed from `before` to `after`: when the shape changed after the
 * canvas was laid out, every card is pinned where it stands (new cards next to a card they are
 * linked with, cards below one that grew pushed down; see `followLayout`) instead of laying
 * everything out again. Until the first layout, the layout takes the new shape.
 */
export function followGraph(state: CanvasState, before: IvrGraph, after: IvrGraph): CanvasState {
  if (before === after || state.layoutKey === null) return state
  const key = layoutKey(after)
  if (key === state.layoutKey) return state
  const manual = followLayout(before, after, (id) => positionOf(state, id))
  return { ...state, manual, layoutKey: key }
}

function samePositions(
  a: Readonly<Record<string, Point>>,
  b: Readonly<Record<string, Point>>,
): boolean {
  const ids = Object.keys(a)
  if (ids.length !== Object.keys(b).length) return false
  return ids.every((id) => b[id] !== undefined && a[id]!.x === b[id].x && a[id]!.y === b[id].y)
}

/** `positions` with the entry of `from` under `to` instead; the same object when it has none. */
function renameId(
  positions: Readonly<Record<string, Point>>,
  from: string,
  to: string,
): Readonly<Record<string, Point>> {
  const at = positions[from]
  if (!at) return positions
  const renamed: Record<string, Point> = {}
  for (const [id, point] of Object.entries(positions)) {
    if (id === to) continue
    renamed[id === from ? to : id] = point
  }
  return renamed
}

/** The position of a card: the admin's, else the layout's, else `null` until the layout runs. */
export function positionOf(state: CanvasState, id: string): Point | null {
  return state.manual[id] ?? state.auto[id] ?? null
}

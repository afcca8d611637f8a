import type { Point } from '../../graph/layout.ts'

/** Where the cards stand: positions the admin gave by dragging, and those the layout computed. */
export interface CanvasState {
  /** Positions the admin gave, by card id; they win over the layout's and persist per IVR. */
  readonly manual: Readonly<Record<string, Point>>
  /** Positions computed by the layout, by card id. */
  readonly auto: Readonly<Record<string, Point>>
  /** The graph shape (`layoutKey`) the computed positions belong to. */
  readonly layoutKey: string | null
}

export type CanvasAction =
  | { readonly type: 'canvas.layout'; readonly key: string; readonly positions: Readonly<Record<string, Point>> }
  | { readonly type: 'canvas.move'; readonly moves: readonly { id: string; position: Point }[] }
  | { readonly type: 'canvas.positions'; readonly manual: Readonly<Record<string, Point>> }
  | { readonly type: 'canvas.tidy' }
  | {
      /**
       * A section was renamed: its card keeps its place under its new id. `layoutKey` is the
       * graph shape before and after the rename; when the computed positions were those of the
       * shape before, they count for the shape after, so no card moves.
       */
      readonly type: 'canvas.rename'
      readonly from: string
      readonly to: string
      readonly layoutKey: { readonly before: string; readonly after: string }
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
    case 'canvas.tidy':
      return Object.keys(state.manual).length === 0 ? state : { ...state, manual: {} }
    case 'canvas.rename': {
      if (action.from === action.to) return state
      const manual = renameId(state.manual, action.from, action.to)
      const auto = renameId(state.auto, action.from, action.to)
      if (state.layoutKey === action.layoutKey.before) {
        return { manual, auto, layoutKey: action.layoutKey.after }
      }
      // A layout of another shape is under way and may move cards: this one stays where it was.
      const at = positionOf(state, action.from)
      return { manual: at ? { ...manual, [action.to]: at } : manual, auto, layoutKey: state.layoutKey }
    }
  }
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

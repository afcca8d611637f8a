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
  }
}

/** The position of a card: the admin's, else the layout's, else `null` until the layout runs. */
export function positionOf(state: CanvasState, id: string): Point | null {
  return state.manual[id] ?? state.auto[id] ?? null
}

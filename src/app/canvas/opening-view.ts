import type { IvrGraph } from '../../graph/graph.ts'
import { CARD, cardSize, type Point } from '../../graph/layout.ts'
import type { CanvasState } from '../state/canvas.ts'

/**
 * The smallest zoom an IVR opens at: cards below half size lose their text (`FAR_ZOOM` in
 * `SectionNode.tsx`), and a little above that they read comfortably.
 */
export const READABLE_ZOOM = 0.6

/** A rectangle on the canvas, in canvas pixels. */
export interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** Room kept free at each side of the view, in screen pixels. */
export interface Padding {
  readonly top: number
  readonly right: number
  readonly bottom: number
  readonly left: number
}

/** React Flow's viewport: the canvas point at the view's top-left corner is `-x / zoom`. */
export interface Viewport {
  readonly x: number
  readonly y: number
  readonly zoom: number
}

/**
 * The view an opened IVR starts with: all of it, when it fits at a zoom that can be read (at most
 * 1); otherwise `READABLE_ZOOM` with the entry sections (`focus`) in view at the left, where the
 * layout starts, and as much of the rest as fits. `null` when everything fits: then the canvas
 * fits the view as its fit button does.
 */
export function openingViewport(
  all: Box,
  focus: Box | null,
  view: { readonly width: number; readonly height: number },
  padding: Padding,
): Viewport | null {
  const room = {
    width: Math.max(1, view.width - padding.left - padding.right),
    height: Math.max(1, view.height - padding.top - padding.bottom),
  }
  const fit = Math.min(room.width / all.width, room.height / all.height)
  if (fit >= READABLE_ZOOM) return null
  const zoom = READABLE_ZOOM
  const target = focus ?? all
  // Across: from the layout's left edge, where it starts with the entry sections; from the focus
  // itself when that would leave it out of view (cards moved by hand).
  let x = padding.left - all.x * zoom
  if ((target.x + target.width) * zoom + x > padding.left + room.width) {
    x = padding.left - target.x * zoom
  }
  // Down: the whole layout centred when it fits; else the focus centred (or its top at the top
  // when it is taller than the view), without empty canvas above or below the layout.
  let y: number
  if (all.height * zoom <= room.height) {
    y = padding.top + (room.height - all.height * zoom) / 2 - all.y * zoom
  } else {
    y =
      target.height * zoom <= room.height
        ? padding.top + (room.height - target.height * zoom) / 2 - target.y * zoom
        : padding.top - target.y * zoom
    const highest = padding.top - all.y * zoom
    const lowest = padding.top + room.height - (all.y + all.height) * zoom
    y = Math.min(highest, Math.max(lowest, y))
  }
  return { x, y, zoom }
}

/** The box around the cards (and stubs) that have a position, or `null` when none has. */
export function cardsBox(
  graph: IvrGraph,
  canvas: CanvasState,
  only?: (id: string) => boolean,
): Box | null {
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  const add = (id: string, width: number, height: number) => {
    if (only && !only(id)) return
    const at: Point | undefined = canvas.manual[id] ?? canvas.auto[id]
    if (!at) return
    left = Math.min(left, at.x)
    top = Math.min(top, at.y)
    right = Math.max(right, at.x + width)
    bottom = Math.max(bottom, at.y + height)
  }
  for (const section of graph.sections) {
    const { width, height } = cardSize(section)
    add(section.id, width, height)
  }
  for (const stub of graph.stubs) add(stub.id, CARD.stubWidth, CARD.stubHeight)
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top }
}

/**
 * The view to open `graph` with in a canvas of `view`'s size: see `openingViewport`. The focus
 * is the entry sections (`start`, `online`, `offline`, `queue`).
 */
export function openingView(
  graph: IvrGraph,
  canvas: CanvasState,
  view: { readonly width: number; readonly height: number },
  padding: Padding,
): Viewport | null {
  const all = cardsBox(graph, canvas)
  if (!all || view.width <= 0 || view.height <= 0) return null
  const entries = new Set(graph.sections.filter((s) => s.entry !== null).map((s) => s.id))
  const focus = cardsBox(graph, canvas, (id) => entries.has(id))
  return openingViewport(all, focus, view, padding)
}

/**
 * `openingView` for the React Flow pane inside `element`, with the padding the canvas fits with
 * (CSS pixel lengths such as `'64px'`).
 */
export function openingViewIn(
  element: HTMLElement | null,
  graph: IvrGraph,
  canvas: CanvasState,
  padding: Readonly<Record<keyof Padding, string>>,
): Viewport | null {
  const pane = element?.querySelector<HTMLElement>('.react-flow') ?? element
  const pixels = (length: string) => parseFloat(length) || 0
  return openingView(
    graph,
    canvas,
    { width: pane?.clientWidth ?? 0, height: pane?.clientHeight ?? 0 },
    {
      top: pixels(padding.top),
      right: pixels(padding.right),
      bottom: pixels(padding.bottom),
      left: pixels(padding.left),
    },
  )
}

import { bezierOf, curveX, curveY, sourceAnchor, targetAnchor } from './card-geometry.ts'
import type { GraphSection, IvrGraph } from './graph.ts'
import { CARD, cardSize, type Point } from './layout.ts'

/** How many points along an edge are checked; enough to catch a card of 300 by 100 pixels. */
const SAMPLES = 24
/** Grid cells for looking up the cards near a point, in canvas pixels. */
const CELL = 400

interface Box {
  readonly id: string
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

/**
 * The edges whose curve (`edgePath`) passes over a card other than the two it joins, so that the
 * canvas can draw them above the cards instead of letting them vanish behind one. `positionOf`
 * gives each card's top-left corner, `null` for a card not placed yet (its edges are left out).
 */
export function edgesBehindCards(
  graph: IvrGraph,
  positionOf: (id: string) => Point | null,
): Set<string> {
  const grid = new Map<number, Box[]>()
  const place = (id: string, at: Point, width: number, height: number) => {
    const box = { id, left: at.x, top: at.y, right: at.x + width, bottom: at.y + height }
    for (let cx = cellOf(box.left); cx <= cellOf(box.right); cx++) {
      for (let cy = cellOf(box.top); cy <= cellOf(box.bottom); cy++) {
        const key = cellKey(cx, cy)
        const cell = grid.get(key)
        if (cell) cell.push(box)
        else grid.set(key, [box])
      }
    }
  }
  const cards = new Map<string, { card: GraphSection; at: Point }>()
  for (const card of graph.sections) {
    const at = positionOf(card.id)
    if (!at) continue
    cards.set(card.id, { card, at })
    const { width, height } = cardSize(card)
    place(card.id, at, width, height)
  }
  const stubs = new Map<string, Point>()
  for (const stub of graph.stubs) {
    const at = positionOf(stub.id)
    if (!at) continue
    stubs.set(stub.id, at)
    place(stub.id, at, CARD.stubWidth, CARD.stubHeight)
  }

  const behind = new Set<string>()
  for (const edge of graph.edges) {
    if (edge.source === edge.target) continue
    const from = cards.get(edge.source)
    const stub = stubs.get(edge.target)
    const to = stub ?? cards.get(edge.target)?.at
    if (!from || !to) continue
    const index = rowIndex(from.card, edge.sourceHandle)
    if (index < 0) continue
    const source = sourceAnchor(from.at, index)
    const target = targetAnchor(to, stub !== undefined)
    // The curve's control points once, then each sample without allocating.
    const xs = bezierOf(source, target)
    for (let i = 1; i < SAMPLES; i++) {
      const x = curveX(xs, i / SAMPLES)
      const y = curveY(source.y, target.y, i / SAMPLES)
      if (covered(grid.get(cellKey(cellOf(x), cellOf(y))), x, y, edge.source, edge.target)) {
        behind.add(edge.id)
        break
      }
    }
  }
  return behind
}

function cellOf(value: number): number {
  return Math.floor(value / CELL)
}

/** One number per grid cell; cells stay within ±2^20 of the origin on any real canvas. */
function cellKey(cx: number, cy: number): number {
  return cx * 2_097_152 + cy
}

/** Whether a card of `cell` other than the edge's own two has the point inside it. */
function covered(
  cell: readonly Box[] | undefined,
  x: number,
  y: number,
  source: string,
  target: string,
): boolean {
  if (!cell) return false
  for (const box of cell) {
    if (box.id === source || box.id === target) continue
    if (x > box.left && x < box.right && y > box.top && y < box.bottom) return true
  }
  return false
}

const rowIndexes = new WeakMap<GraphSection, Map<string, number>>()

/** Where a row stands in its card; cards stay the same objects while their text does. */
function rowIndex(card: GraphSection, rowId: string): number {
  let indexes = rowIndexes.get(card)
  if (!indexes) {
    indexes = new Map(card.rows.map((row, i) => [row.id, i]))
    rowIndexes.set(card, indexes)
  }
  return indexes.get(rowId) ?? -1
}

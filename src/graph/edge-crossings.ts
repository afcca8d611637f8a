import { edgePointAt, sourceAnchor, targetAnchor } from './card-geometry.ts'
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
  const grid = new Map<string, Box[]>()
  const place = (id: string, at: Point, width: number, height: number) => {
    const box = { id, left: at.x, top: at.y, right: at.x + width, bottom: at.y + height }
    for (let cx = Math.floor(box.left / CELL); cx <= Math.floor(box.right / CELL); cx++) {
      for (let cy = Math.floor(box.top / CELL); cy <= Math.floor(box.bottom / CELL); cy++) {
        const key = `${cx},${cy}`
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
    for (let i = 1; i < SAMPLES; i++) {
      const point = edgePointAt(source, target, i / SAMPLES)
      const cell = grid.get(`${Math.floor(point.x / CELL)},${Math.floor(point.y / CELL)}`)
      const hit = cell?.some(
        (box) =>
          box.id !== edge.source &&
          box.id !== edge.target &&
          point.x > box.left &&
          point.x < box.right &&
          point.y > box.top &&
          point.y < box.bottom,
      )
      if (hit) {
        behind.add(edge.id)
        break
      }
    }
  }
  return behind
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

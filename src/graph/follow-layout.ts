import type { IvrGraph } from './graph.ts'
import { CARD, cardSize, type Point } from './layout.ts'

/** The room kept between a card and one pushed down below it, at most. */
export const FOLLOW_GAP = 40

/** How far right of the card that leads to it a new card is placed (ELK's gap between layers). */
export const FOLLOW_STEP = 90

interface Box {
  x: number
  y: number
  readonly width: number
  readonly height: number
}

/**
 * Where every card of `after` stands once the graph changed from `before`, given where the cards
 * stood (`at`): the cards that were placed stay where they are, so that an edit never rearranges
 * the canvas. A new card goes right of a card that leads to it (else left of one it leads to,
 * else below all others), moved down past any card it would cover. A card that grew pushes the
 * cards below it down as far as it takes to keep their gaps, and they the cards below them.
 * Returns a position for each card of `after`, and none for cards that are gone.
 */
export function followLayout(
  before: IvrGraph,
  after: IvrGraph,
  at: (id: string) => Point | null,
): Record<string, Point> {
  const heightBefore = new Map<string, number>()
  for (const section of before.sections) heightBefore.set(section.id, cardSize(section).height)
  for (const stub of before.stubs) heightBefore.set(stub.id, CARD.stubHeight)

  const boxes = new Map<string, Box>()
  const fresh: { id: string; width: number; height: number }[] = []
  const grown = new Map<string, number>()
  const add = (id: string, width: number, height: number) => {
    const point = at(id)
    if (!point) {
      fresh.push({ id, width, height })
      return
    }
    boxes.set(id, { x: point.x, y: point.y, width, height })
    const was = heightBefore.get(id)
    if (was !== undefined && height > was) grown.set(id, height - was)
  }
  for (const section of after.sections) {
    const { width, height } = cardSize(section)
    add(section.id, width, height)
  }
  for (const stub of after.stubs) add(stub.id, CARD.stubWidth, CARD.stubHeight)

  if (grown.size > 0) pushDown(boxes, grown)
  for (const card of fresh) boxes.set(card.id, placeNew(after, boxes, card))

  const positions: Record<string, Point> = {}
  for (const [id, box] of boxes) positions[id] = { x: box.x, y: box.y }
  return positions
}

/**
 * Moves down the cards that cards which grew (by `grown`, at their bottoms) now come too close
 * to, and the cards those come too close to in turn: each card below another keeps the gap it
 * had from it, up to `FOLLOW_GAP`. Cards are visited top to bottom, each against the cards above
 * it that grew or moved; cards that overlapped before are left as they were.
 */
function pushDown(boxes: ReadonlyMap<string, Box>, grown: ReadonlyMap<string, number>): void {
  const changed: { box: Box; bottomBefore: number }[] = []
  for (const [id, box] of [...boxes].sort((a, b) => a[1].y - b[1].y)) {
    const top = box.y
    for (const above of changed) {
      if (above.bottomBefore > top || !overlapsAcross(above.box, box)) continue
      const gap = Math.min(top - above.bottomBefore, FOLLOW_GAP)
      box.y = Math.max(box.y, above.box.y + above.box.height + gap)
    }
    const by = grown.get(id)
    if (box.y !== top || by !== undefined) {
      changed.push({ box, bottomBefore: top + box.height - (by ?? 0) })
    }
  }
}

/** Where a new card goes: next to a card it is linked with, clear of every other card. */
function placeNew(
  graph: IvrGraph,
  boxes: ReadonlyMap<string, Box>,
  card: { id: string; width: number; height: number },
): Box {
  let x: number
  let y: number
  const from = graph.edges.find((e) => e.target === card.id && boxes.has(e.source))
  const to = graph.edges.find((e) => e.source === card.id && boxes.has(e.target))
  if (from) {
    const source = boxes.get(from.source)!
    x = source.x + source.width + FOLLOW_STEP
    y = source.y
  } else if (to) {
    const target = boxes.get(to.target)!
    x = target.x - card.width - FOLLOW_STEP
    y = target.y
  } else {
    let left = Infinity
    let bottom = -Infinity
    for (const box of boxes.values()) {
      left = Math.min(left, box.x)
      bottom = Math.max(bottom, box.y + box.height)
    }
    x = Number.isFinite(left) ? left : 0
    y = Number.isFinite(bottom) ? bottom + FOLLOW_GAP : 0
  }
  const placed: Box = { x: Math.round(x), y: Math.round(y), width: card.width, height: card.height }
  // Down past whatever it would cover, keeping the gap from it.
  for (let moved = true; moved;) {
    moved = false
    for (const box of boxes.values()) {
      if (!overlapsAcross(placed, box)) continue
      if (
        placed.y < box.y + box.height + FOLLOW_GAP &&
        placed.y + placed.height + FOLLOW_GAP > box.y
      ) {
        placed.y = box.y + box.height + FOLLOW_GAP
        moved = true
      }
    }
  }
  return placed
}

/** Whether two cards share some of their width, so that one above the other they could touch. */
function overlapsAcross(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width
}

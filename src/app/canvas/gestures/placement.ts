import type { Point } from '../../../graph/layout.ts'

/** The room left between cards placed one below the other. */
export const PLACEMENT_GAP = 40

/** How far a copy of a card is placed from the card, down and to the right. */
export const COPY_OFFSET = { x: 40, y: 40 } as const

/**
 * Where new cards go, their top-left corners: keeping the positions they had relative to each
 * other (`relative`, when all are known) with the first at `anchor`, else one below the other
 * from `anchor`, `PLACEMENT_GAP` apart.
 */
export function placeCards(
  anchor: Point,
  heights: readonly number[],
  relative: readonly (Point | null)[] | null = null,
): Point[] {
  const first = relative?.[0]
  if (
    relative &&
    first &&
    relative.length === heights.length &&
    relative.every((p) => p !== null)
  ) {
    return relative.map((p) =>
      round({ x: anchor.x + p!.x - first.x, y: anchor.y + p!.y - first.y }),
    )
  }
  const out: Point[] = []
  let y = anchor.y
  for (const height of heights) {
    out.push(round({ x: anchor.x, y }))
    y += height + PLACEMENT_GAP
  }
  return out
}

function round(point: Point): Point {
  return { x: Math.round(point.x), y: Math.round(point.y) }
}

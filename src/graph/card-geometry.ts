import { CARD, type Point } from './layout.ts'

/** Where edges attach, relative to a card's top-left corner, in CSS pixels. */
export const ANCHOR = {
  /** Edges arrive at the middle of the left side of a card's header. */
  targetY: CARD.header / 2,
  /** Edges arrive at the middle of the left side of a stub. */
  stubTargetY: CARD.stubHeight / 2,
  /** The side of the square handle drawn where an edge attaches. */
  handle: 8,
} as const

/** The top of row `index` of a card, relative to the card's top. */
export function rowTop(index: number): number {
  return CARD.header + CARD.padding + index * CARD.row
}

/** The point on the right side of a card where the edge of row `index` leaves. */
export function sourceAnchor(card: Point, index: number): Point {
  return { x: card.x + CARD.width, y: card.y + rowTop(index) + CARD.row / 2 }
}

/** The point on the left side of a card (or, with `stub`, of a stub) where edges arrive. */
export function targetAnchor(card: Point, stub = false): Point {
  return { x: card.x, y: card.y + (stub ? ANCHOR.stubTargetY : ANCHOR.targetY) }
}

/**
 * The SVG path of an edge from a row's anchor on the right of a card to a card's anchor on the
 * left: a horizontal S-curve, which bends round when the target lies behind the source. An edge
 * back into its own card (`selfTop` = the top of that card) loops over the card instead of
 * crossing it.
 */
export function edgePath(source: Point, target: Point, selfTop?: number): string {
  if (selfTop !== undefined) return loopPath(source, target, selfTop)
  const offset = controlOffset(target.x - source.x)
  return (
    `M${n(source.x)},${n(source.y)} ` +
    `C${n(source.x + offset)},${n(source.y)} ${n(target.x - offset)},${n(target.y)} ` +
    `${n(target.x)},${n(target.y)}`
  )
}

/**
 * A box that holds the whole of `edgePath(source, target, selfTop)`: the curve never leaves the
 * hull of its control points.
 */
export function edgeBounds(
  source: Point,
  target: Point,
  selfTop?: number,
): { x: number; y: number; width: number; height: number } {
  const xs =
    selfTop !== undefined
      ? [source.x + LOOP.out, target.x - LOOP.out]
      : [
          source.x + controlOffset(target.x - source.x),
          target.x - controlOffset(target.x - source.x),
        ]
  const ys = selfTop !== undefined ? [selfTop - LOOP.rise] : []
  const left = Math.min(source.x, target.x, ...xs)
  const right = Math.max(source.x, target.x, ...xs)
  const top = Math.min(source.y, target.y, ...ys)
  const bottom = Math.max(source.y, target.y, ...ys)
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/** The point halfway along `edgePath(source, target, selfTop)`, for labels and hit tests. */
export function edgeMidpoint(source: Point, target: Point, selfTop?: number): Point {
  if (selfTop !== undefined) return { x: (source.x + target.x) / 2, y: selfTop - LOOP.rise }
  return { x: (source.x + target.x) / 2, y: (source.y + target.y) / 2 }
}

/** The point at `t` (from 0 to 1) along `edgePath(source, target)` without a loop. */
export function edgePointAt(source: Point, target: Point, t: number): Point {
  return { x: curveX(bezierOf(source, target), t), y: curveY(source.y, target.y, t) }
}

/**
 * The x coordinates of the four control points of `edgePath(source, target)` without a loop; the
 * first two points stand at `source.y`, the last two at `target.y`.
 */
export function bezierOf(source: Point, target: Point): [number, number, number, number] {
  const offset = controlOffset(target.x - source.x)
  return [source.x, source.x + offset, target.x - offset, target.x]
}

/** The x coordinate at `t` of the curve whose control points have the x coordinates `xs`. */
export function curveX(xs: readonly [number, number, number, number], t: number): number {
  const u = 1 - t
  return u * u * u * xs[0] + 3 * u * u * t * xs[1] + 3 * u * t * t * xs[2] + t * t * t * xs[3]
}

/** The y coordinate at `t` of an edge's curve from `fromY` to `toY` (see `bezierOf`). */
export function curveY(fromY: number, toY: number, t: number): number {
  const u = 1 - t
  return (u * u * u + 3 * u * u * t) * fromY + (3 * u * t * t + t * t * t) * toY
}

const LOOP = { out: 22, rise: 26, radius: 10 } as const

function loopPath(source: Point, target: Point, top: number): string {
  const right = source.x + LOOP.out
  const left = target.x - LOOP.out
  const above = top - LOOP.rise
  return roundedPolyline(
    [
      source,
      { x: right, y: source.y },
      { x: right, y: above },
      { x: left, y: above },
      { x: left, y: target.y },
      target,
    ],
    LOOP.radius,
  )
}

/** A polyline with its corners rounded by quadratic curves of `radius`. */
function roundedPolyline(points: readonly Point[], radius: number): string {
  const first = points[0]!
  let d = `M${n(first.x)},${n(first.y)}`
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1]!
    const at = points[i]!
    const next = points[i + 1]!
    const r = Math.min(radius, distance(prev, at) / 2, distance(at, next) / 2)
    const before = towards(at, prev, r)
    const after = towards(at, next, r)
    d += ` L${n(before.x)},${n(before.y)} Q${n(at.x)},${n(at.y)} ${n(after.x)},${n(after.y)}`
  }
  const last = points[points.length - 1]!
  return `${d} L${n(last.x)},${n(last.y)}`
}

function towards(from: Point, to: Point, length: number): Point {
  const d = distance(from, to)
  if (d === 0) return from
  return { x: from.x + ((to.x - from.x) / d) * length, y: from.y + ((to.y - from.y) / d) * length }
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y)
}

/** How far the curve's handles reach: half the gap ahead, a growing loop when going back. */
function controlOffset(gap: number): number {
  return gap >= 0 ? Math.max(gap / 2, 24) : 6.25 * Math.sqrt(-gap) + 24
}

/** A coordinate with at most one decimal, so paths stay short and stable. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10)
}

import { rowTop } from '../../../graph/card-geometry.ts'
import type { GraphSection } from '../../../graph/graph.ts'
import { CARD, cardSize, type Point } from '../../../graph/layout.ts'
import { isPathPrefix, pathKey, type IvrPath } from '../../../model/path.ts'
import type { ListPath } from '../../../ops/op.ts'

/**
 * A place in a card where a command can go: before item `index` of `list` (at its end when
 * `index` is its length), drawn as a line above row `boundary` of the card (below the last row
 * when it is the number of rows), indented to `depth`.
 */
export interface DropSlot {
  readonly list: ListPath
  readonly index: number
  readonly boundary: number
  readonly depth: number
}

/** Rows that stand for an option or a branch rather than a command. */
const CONTAINER_ROWS = new Set(['option', 'branch'])

/**
 * Every place of a card where a command can be dropped: before each command, after the last
 * command of each list (the section's, an option's `do`, a transfer branch's), and into an empty
 * section or branch.
 */
export function dropSlots(section: GraphSection): DropSlot[] {
  const { rows } = section
  const slots: DropSlot[] = []
  const lastOf = new Map<string, { list: ListPath; index: number; row: number; depth: number }>()
  rows.forEach((row, i) => {
    if (row.kind === 'branch') {
      const next = rows[i + 1]
      if (!next || next.depth <= row.depth) {
        slots.push({ list: row.path, index: 0, boundary: i + 1, depth: row.depth + 1 })
      }
      return
    }
    if (CONTAINER_ROWS.has(row.kind)) return
    const index = row.path[row.path.length - 1]
    if (typeof index !== 'number') return
    const list = row.path.slice(0, -1)
    slots.push({ list, index, boundary: i, depth: row.depth })
    lastOf.set(pathKey(list), { list, index, row: i, depth: row.depth })
  })
  for (const last of lastOf.values()) {
    let end = last.row + 1
    while (end < rows.length && rows[end]!.depth > last.depth) end++
    slots.push({ list: last.list, index: last.index + 1, boundary: end, depth: last.depth })
  }
  if (rows.length === 0) slots.push({ list: section.path, index: 0, boundary: 0, depth: 0 })
  return slots.sort((a, b) => a.boundary - b.boundary || a.depth - b.depth)
}

/** How far right the text of a row at `depth` starts, as the card draws it. */
export function rowIndent(depth: number): number {
  return 12 + depth * 16
}

/**
 * The slot for a pointer at `at`, relative to the card's top-left corner: the nearest line
 * between rows, and of the lists that meet there the deepest one whose rows start left of the
 * pointer (the shallowest when none does), as an outline editor picks a level.
 */
export function pickSlot(slots: readonly DropSlot[], at: Point): DropSlot | null {
  let best: DropSlot[] = []
  let distance = Infinity
  for (const slot of slots) {
    const d = Math.abs(at.y - rowTop(slot.boundary))
    if (d < distance - 0.5) {
      distance = d
      best = [slot]
    } else if (Math.abs(d - distance) <= 0.5) {
      best.push(slot)
    }
  }
  if (best.length === 0) return null
  const left = best.filter((slot) => rowIndent(slot.depth) <= at.x)
  return left.length > 0 ? left[left.length - 1]! : best[0]!
}

/**
 * The slots a command at `path` can be moved to: none inside itself. A slot that would leave it
 * where it is stays, so that hovering over its own place shows nothing rather than the next line.
 */
export function moveSlots(slots: readonly DropSlot[], path: IvrPath): DropSlot[] {
  return slots.filter((slot) => !isPathPrefix(path, slot.list))
}

/** Whether moving the command at `path` to `slot` changes nothing. */
export function isNoOpMove(slot: DropSlot, path: IvrPath): boolean {
  const index = path[path.length - 1]
  if (typeof index !== 'number') return false
  const list = path.slice(0, -1)
  const same = list.length === slot.list.length && isPathPrefix(list, slot.list)
  return same && (slot.index === index || slot.index === index + 1)
}

/** The card a point of the canvas falls on, the one drawn last when cards overlap. */
export function cardAt(
  sections: readonly GraphSection[],
  positionOf: (id: string) => Point | null,
  at: Point,
): { section: GraphSection; origin: Point } | null {
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i]!
    const origin = positionOf(section.id)
    if (!origin) continue
    const { width, height } = cardSize(section)
    if (
      at.x >= origin.x &&
      at.x <= origin.x + width &&
      at.y >= origin.y &&
      at.y <= origin.y + height
    ) {
      return { section, origin }
    }
  }
  return null
}

/** Where the drop line of `slot` is drawn, relative to its card's top-left corner. */
export function slotLine(slot: DropSlot): { x: number; y: number; width: number } {
  const x = rowIndent(slot.depth) - 6
  return { x, y: rowTop(slot.boundary), width: CARD.width - x - 10 }
}

/**
 * Where a card dropped with the pointer at `at` goes: its name under the pointer, so the card
 * lands where the preview showed it.
 */
export function newCardPosition(at: Point): Point {
  return { x: Math.round(at.x - NEW_CARD_GRIP.x), y: Math.round(at.y - NEW_CARD_GRIP.y) }
}

/** Where, in a card dropped onto the empty canvas, the pointer holds it. */
export const NEW_CARD_GRIP: Point = { x: 28, y: CARD.header / 2 }

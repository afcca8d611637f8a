import type { Point } from '../../graph/layout.ts'
import type { PreferenceStorage } from '../state/preferences.ts'

/** Where the positions an admin gave the cards of one IVR are kept: the prefix plus its name. */
export const POSITIONS_PREFIX = 'ivr-designer.positions.'

/** The browser's local storage, or `undefined` where it is disabled (access may throw). */
export function browserStorage(): PreferenceStorage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

/** The storage key of the positions of the IVR called `name`. */
export function positionsKey(name: string): string {
  return `${POSITIONS_PREFIX}${name}`
}

/**
 * The card positions kept for the IVR called `name`; empty when there are none or they cannot
 * be read. Entries that are not points are dropped.
 */
export function loadPositions(
  storage: PreferenceStorage | undefined,
  name: string,
): Record<string, Point> {
  try {
    const raw = storage?.getItem(positionsKey(name))
    if (!raw) return {}
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
    const positions: Record<string, Point> = {}
    for (const [id, point] of Object.entries(value)) {
      if (isPoint(point)) positions[id] = { x: point.x, y: point.y }
    }
    return positions
  } catch {
    return {}
  }
}

/** Keeps the card positions of the IVR called `name`; none at all removes the entry. */
export function savePositions(
  storage: PreferenceStorage | undefined,
  name: string,
  positions: Readonly<Record<string, Point>>,
): void {
  try {
    if (Object.keys(positions).length === 0) storage?.removeItem(positionsKey(name))
    else storage?.setItem(positionsKey(name), JSON.stringify(positions))
  } catch {
    // A full or forbidden storage: the positions stay for this visit only.
  }
}

function isPoint(value: unknown): value is Point {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isFinite((value as Point).x) &&
    Number.isFinite((value as Point).y)
  )
}

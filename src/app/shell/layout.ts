import type { PreferenceStorage } from '../state/preferences.ts'

/** How the editor's panes are sized, kept across visits. */
export interface PaneLayout {
  /** The share of the workspace width the YAML and problems take, from 0 to 1. */
  readonly side: number
  /** The height of the problems panel in CSS pixels, when expanded. */
  readonly problems: number
  readonly problemsCollapsed: boolean
}

/** Where the layout is kept in `localStorage`. */
export const LAYOUT_KEY = 'ivr-designer.layout'

/** The layout of a first visit. */
export const DEFAULT_LAYOUT: PaneLayout = { side: 0.4, problems: 240, problemsCollapsed: false }

/** The narrowest the canvas and the side may get, in CSS pixels. */
export const MIN_CANVAS_WIDTH = 320
export const MIN_SIDE_WIDTH = 340

/** The lowest the problems panel and the YAML above it may get, in CSS pixels. */
export const MIN_PROBLEMS_HEIGHT = 96
export const MIN_YAML_HEIGHT = 140

/** The side share that keeps both panes at least their minimum width in a workspace `width` wide. */
export function clampSide(side: number, width: number): number {
  if (!Number.isFinite(side)) return DEFAULT_LAYOUT.side
  if (width <= MIN_CANVAS_WIDTH + MIN_SIDE_WIDTH) return 0.5
  const min = MIN_SIDE_WIDTH / width
  const max = 1 - MIN_CANVAS_WIDTH / width
  return Math.min(max, Math.max(min, side))
}

/** The problems height that leaves the YAML at least its minimum in a side `height` tall. */
export function clampProblems(problems: number, height: number): number {
  if (!Number.isFinite(problems)) return DEFAULT_LAYOUT.problems
  const max = Math.max(MIN_PROBLEMS_HEIGHT, height - MIN_YAML_HEIGHT)
  return Math.round(Math.min(max, Math.max(MIN_PROBLEMS_HEIGHT, problems)))
}

/** The saved layout, or the default where nothing (or nothing sensible) was saved. */
export function loadLayout(storage: PreferenceStorage | undefined): PaneLayout {
  try {
    const raw = storage?.getItem(LAYOUT_KEY)
    if (!raw) return DEFAULT_LAYOUT
    const value = JSON.parse(raw) as Partial<Record<keyof PaneLayout, unknown>>
    return {
      side:
        typeof value.side === 'number' && value.side > 0 && value.side < 1
          ? value.side
          : DEFAULT_LAYOUT.side,
      problems:
        typeof value.problems === 'number' && value.problems > 0
          ? value.problems
          : DEFAULT_LAYOUT.problems,
      problemsCollapsed:
        typeof value.problemsCollapsed === 'boolean'
          ? value.problemsCollapsed
          : DEFAULT_LAYOUT.problemsCollapsed,
    }
  } catch {
    return DEFAULT_LAYOUT
  }
}

/** Keeps the layout for the next visit; a full or forbidden storage is ignored. */
export function saveLayout(storage: PreferenceStorage | undefined, layout: PaneLayout): void {
  try {
    storage?.setItem(LAYOUT_KEY, JSON.stringify(layout))
  } catch {
    // The layout still holds for this visit.
  }
}

import type { IvrPath } from '../../model/path.ts'
import type { DropTarget } from './drop-target.ts'
import { looksLikeAudio } from './recording.ts'

/** The drag data type of a recording dragged out of the recordings panel: `{ url, name }` JSON. */
export const RECORDING_DRAG_TYPE = 'application/x-ivr-designer-recording'

/** What is being dragged, as far as recordings go. */
export type AudioDragKind = 'files' | 'recording' | null

/** The part of a `DataTransfer` this module reads; all of it is readable while dragging. */
export interface DragData {
  readonly types: readonly string[]
  readonly items?: ArrayLike<{ readonly kind: string; readonly type: string }>
}

/**
 * `files` when every file dragged is audio (by type: names are hidden until the drop), a
 * `recording` from the panel, else `null`: other files are IVRs to open, other data is text.
 */
export function audioDragKind(data: DragData | null): AudioDragKind {
  if (!data) return null
  if (data.types.includes(RECORDING_DRAG_TYPE)) return 'recording'
  if (!data.types.includes('Files')) return null
  const items = Array.from(data.items ?? []).filter((item) => item.kind === 'file')
  if (items.length === 0) return null
  return items.every((item) => looksLikeAudio({ type: item.type })) ? 'files' : null
}

/** A dragged recording's URL and name, or `null` when the data is not one. */
export function readRecordingDrag(json: string): { url: string; name: string } | null {
  try {
    const value: unknown = JSON.parse(json)
    if (typeof value !== 'object' || value === null) return null
    const { url, name } = value as { url?: unknown; name?: unknown }
    return typeof url === 'string' && typeof name === 'string' ? { url, name } : null
  } catch {
    return null
  }
}

/** A row's path from its `data-row` attribute (the row's path key), or `null`. */
export function rowPathOf(key: string | undefined): IvrPath | null {
  if (key === undefined) return null
  try {
    const value: unknown = JSON.parse(key)
    return Array.isArray(value) &&
      value.length > 0 &&
      value.every((part) => typeof part === 'string' || typeof part === 'number')
      ? value
      : null
  } catch {
    return null
  }
}

/** Where on the page something is dropped: the canvas, the recordings panel, or elsewhere. */
export type DropPlace =
  | { readonly kind: 'canvas'; readonly target: DropTarget; readonly element: Element }
  | { readonly kind: 'library' }
  | { readonly kind: 'elsewhere' }

/**
 * The drop place under `element`: a card's row (`button[data-row]`) or the card itself
 * (`[data-section]`) on the canvas, the recordings panel (`[data-recordings-drop]`), or elsewhere.
 */
export function dropPlaceOf(element: Element | null): DropPlace {
  if (!element) return { kind: 'elsewhere' }
  if (element.closest('[data-recordings-drop]')) return { kind: 'library' }
  if (!element.closest('[data-testid="canvas"]')) return { kind: 'elsewhere' }
  const row = element.closest<HTMLElement>('button[data-row]')
  const path = rowPathOf(row?.dataset.row)
  if (row && path) return { kind: 'canvas', target: { kind: 'row', path }, element: row }
  const card = element.closest<HTMLElement>('[data-section]')
  const name = card?.dataset.section
  if (card && name !== undefined) {
    return { kind: 'canvas', target: { kind: 'section', name }, element: card }
  }
  return { kind: 'elsewhere' }
}

/** A replacement of `length` UTF-16 code units at `offset` by `text`, against one exact text. */
export interface TextEdit {
  readonly offset: number
  readonly length: number
  readonly text: string
}

/** Why a set of edits could not be applied. */
export type EditError = 'overlapping-edits' | 'edit-out-of-range'

/**
 * Applies edits made against `text`. Edits may come in any order; overlapping edits, or edits
 * outside the text, are refused rather than guessed at.
 */
export function applyEdits(
  text: string,
  edits: readonly TextEdit[],
): { ok: true; text: string } | { ok: false; error: EditError } {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length)
  let out = ''
  let at = 0
  for (const edit of sorted) {
    if (edit.offset < 0 || edit.offset + edit.length > text.length) {
      return { ok: false, error: 'edit-out-of-range' }
    }
    if (edit.offset < at) return { ok: false, error: 'overlapping-edits' }
    out += text.slice(at, edit.offset) + edit.text
    at = edit.offset + edit.length
  }
  return { ok: true, text: out + text.slice(at) }
}

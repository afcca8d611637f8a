import type { TextEdit } from '../../ops/text-edit.ts'

/** A 1-based, end-exclusive position as Monaco counts it. */
export interface EditorPosition {
  readonly lineNumber: number
  readonly column: number
}

/** A replacement in Monaco's terms: what `executeEdits` takes. */
export interface RangeEdit {
  readonly range: {
    readonly startLineNumber: number
    readonly startColumn: number
    readonly endLineNumber: number
    readonly endColumn: number
  }
  readonly text: string
}

/**
 * Our edits (0-based UTF-16 offsets into one text) as Monaco range edits, using `positionAt`
 * (the model's `getPositionAt`) of that same text.
 */
export function toRangeEdits(
  edits: readonly TextEdit[],
  positionAt: (offset: number) => EditorPosition,
): RangeEdit[] {
  return edits.map((edit) => {
    const start = positionAt(edit.offset)
    const end = positionAt(edit.offset + edit.length)
    return {
      range: {
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      },
      text: edit.text,
    }
  })
}

/**
 * The one replacement that turns `before` into `after`: everything between their common prefix
 * and common suffix. `null` when the texts are equal. Never splits a surrogate pair or a CRLF.
 */
export function diffTexts(before: string, after: string): TextEdit | null {
  if (before === after) return null
  const limit = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++
  }
  while (prefix > 0 && splitsPair(before, prefix)) prefix--
  while (suffix > 0 && splitsPair(before, before.length - suffix)) suffix--
  return {
    offset: prefix,
    length: before.length - prefix - suffix,
    text: after.slice(prefix, after.length - suffix),
  }
}

/** Whether a cut at `at` would separate a surrogate pair or the two halves of a CRLF. */
function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false
  const left = text.charCodeAt(at - 1)
  const right = text.charCodeAt(at)
  const surrogates = left >= 0xd800 && left <= 0xdbff && right >= 0xdc00 && right <= 0xdfff
  return surrogates || (left === 13 && right === 10)
}

/**
 * Edits made against a text, moved onto that text after `over` was applied to it. Edits wholly
 * before `over` stay, edits wholly after it shift; `null` when one touches what `over` replaced,
 * since there is no telling what the author of either meant.
 */
export function rebaseEdits(edits: readonly TextEdit[], over: TextEdit): TextEdit[] | null {
  const overEnd = over.offset + over.length
  const delta = over.text.length - over.length
  const rebased: TextEdit[] = []
  for (const edit of edits) {
    const end = edit.offset + edit.length
    if (end <= over.offset && !(edit.offset === over.offset && over.length > 0)) {
      rebased.push(edit)
    } else if (edit.offset >= overEnd) {
      rebased.push({ ...edit, offset: edit.offset + delta })
    } else {
      return null
    }
  }
  return rebased
}

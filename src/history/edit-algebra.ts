import type { TextEdit } from '../ops/text-edit.ts'

/**
 * Sets of text edits as values: normalised, inverted and composed without the whole text, so
 * that recording a keystroke costs as much as the keystroke, not the document.
 */

/**
 * The edits sorted by offset, with edits that touch merged into one and edits that change
 * nothing dropped; `null` when two edits overlap. Applying the result gives the same text.
 */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] | null {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length)
  const out: TextEdit[] = []
  for (const edit of sorted) {
    if (edit.offset < 0 || edit.length < 0) return null
    if (edit.length === 0 && edit.text === '') continue
    const last = out[out.length - 1]
    if (last && edit.offset < last.offset + last.length) return null
    if (last && edit.offset === last.offset + last.length) {
      out[out.length - 1] = {
        offset: last.offset,
        length: last.length + edit.length,
        text: last.text + edit.text,
      }
    } else {
      out.push({ offset: edit.offset, length: edit.length, text: edit.text })
    }
  }
  return out
}

/**
 * The edits that undo `edits` (normalised) once they have been applied to `before`; their
 * offsets count in the text after. `removed(i)` gives the text edit `i` replaced, so that the
 * text before need not be at hand.
 */
export function invertEdits(
  edits: readonly TextEdit[],
  removed: (edit: TextEdit) => string,
): TextEdit[] {
  let delta = 0
  return edits.map((edit) => {
    const inverse = { offset: edit.offset + delta, length: edit.text.length, text: removed(edit) }
    delta += edit.text.length - edit.length
    return inverse
  })
}

/** The inverse of normalised `edits` made against `before`. */
export function invertAgainst(edits: readonly TextEdit[], before: string): TextEdit[] {
  return invertEdits(edits, (edit) => before.slice(edit.offset, edit.offset + edit.length))
}

/**
 * `text.slice(from, to)` of the text that applying normalised `edits` to `text` would give,
 * without building that text.
 */
export function sliceAfterEdits(
  text: string,
  edits: readonly TextEdit[],
  from: number,
  to: number,
): string {
  let out = ''
  let source = 0
  let position = 0
  const take = (piece: string) => {
    const start = Math.max(from, position)
    const end = Math.min(to, position + piece.length)
    if (start < end) out += piece.slice(start - position, end - position)
    position += piece.length
  }
  for (const edit of edits) {
    if (position >= to) return out
    take(text.slice(source, edit.offset))
    take(edit.text)
    source = edit.offset + edit.length
  }
  if (position < to) take(text.slice(source, source + (to - position)))
  return out
}

interface Interval {
  readonly start: number
  readonly end: number
  readonly first: boolean
  readonly index: number
}

/**
 * One set of edits with the effect of applying normalised `first` and then normalised `second`
 * (whose offsets count in the text `first` gives). Where they touch, they become one edit.
 */
export function composeEdits(first: readonly TextEdit[], second: readonly TextEdit[]): TextEdit[] {
  const regions: Interval[] = []
  let delta = 0
  first.forEach((edit, index) => {
    const start = edit.offset + delta
    regions.push({ start, end: start + edit.text.length, first: true, index })
    delta += edit.text.length - edit.length
  })
  const intervals = [
    ...regions,
    ...second.map((edit, index) => ({
      start: edit.offset,
      end: edit.offset + edit.length,
      first: false,
      index,
    })),
  ].sort((a, b) => a.start - b.start || Number(b.first) - Number(a.first))

  const out: TextEdit[] = []
  let deltaBefore = 0
  let i = 0
  while (i < intervals.length) {
    const cluster: Interval[] = [intervals[i]!]
    let end = intervals[i]!.end
    i++
    while (i < intervals.length && intervals[i]!.start <= end) {
      cluster.push(intervals[i]!)
      end = Math.max(end, intervals[i]!.end)
      i++
    }
    const start = cluster[0]!.start
    const mine = cluster.filter((c) => c.first)
    const theirs = cluster.filter((c) => !c.first).map((c) => second[c.index]!)
    const growth = mine.reduce(
      (sum, c) => sum + first[c.index]!.text.length - first[c.index]!.length,
      0,
    )
    const offset = start - deltaBefore
    const length = end - start - growth
    const fromFirst = (a: number, b: number) => {
      let piece = ''
      for (const region of mine) {
        const s = Math.max(a, region.start)
        const e = Math.min(b, region.end)
        if (s < e) piece += first[region.index]!.text.slice(s - region.start, e - region.start)
      }
      return piece
    }
    let text = ''
    let at = start
    for (const edit of theirs) {
      text += fromFirst(at, edit.offset) + edit.text
      at = edit.offset + edit.length
    }
    text += fromFirst(at, end)
    if (length !== 0 || text !== '') out.push({ offset, length, text })
    deltaBefore += growth
  }
  return out
}

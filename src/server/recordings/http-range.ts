import type { ByteRange } from '../storage/storage.ts'

/** What to send for a `Range` header: the whole file, one range of it, or 416. */
export type RangeAnswer =
  { kind: 'whole' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' }

const WHOLE: RangeAnswer = { kind: 'whole' }
const UNSATISFIABLE: RangeAnswer = { kind: 'unsatisfiable' }

/**
 * How to answer `Range: header` for a file of `size` bytes (RFC 9110 §14). Without the header, or
 * for units other than bytes or several ranges (which would need multipart answers; players ask
 * for one), the whole file. A single byte range is clamped to the file; one that starts past the
 * end, is empty or cannot be read is unsatisfiable.
 */
export function answerRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return WHOLE
  const value = header.trim()
  if (!/^bytes=/i.test(value)) return WHOLE
  const spec = value.slice(6).trim()
  if (spec.includes(',')) return WHOLE
  const match = /^(\d*)[ \t]*-[ \t]*(\d*)$/.exec(spec)
  if (match === null) return UNSATISFIABLE
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return UNSATISFIABLE
  if (first === '') {
    const suffix = Number(last)
    if (suffix === 0 || size === 0) return UNSATISFIABLE
    return { kind: 'partial', range: { start: Math.max(0, size - suffix), end: size - 1 } }
  }
  const start = Number(first)
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  if (!Number.isSafeInteger(start) || start >= size || (last !== '' && Number(last) < start)) {
    return UNSATISFIABLE
  }
  return { kind: 'partial', range: { start, end } }
}

/**
 * Whether an `If-None-Match` header matches `etag` under weak comparison: `*`, or any tag in the
 * list with or without `W/`.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  if (header.trim() === '*') return true
  const bare = etag.replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare)
}

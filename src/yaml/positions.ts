import type { Range, Span } from '../model/span.ts'

/**
 * Converts between 0-based UTF-16 offsets (the core's unit) and 1-based line/column ranges (the
 * unit of diagnostics, Monaco and the CLI). All such conversions live here.
 */
export interface LineIndex {
  /** Offset of the first character of each line; `lineStarts[0]` is 0. */
  readonly lineStarts: readonly number[]
  readonly length: number
}

/** Builds the index by scanning the text once. */
export function createLineIndex(text: string): LineIndex {
  const lineStarts = [0]
  let at = text.indexOf('\n')
  while (at !== -1) {
    lineStarts.push(at + 1)
    at = text.indexOf('\n', at + 1)
  }
  return { lineStarts, length: text.length }
}

/** Reuses the line starts a `yaml` LineCounter collected while parsing. */
export function lineIndexFromStarts(lineStarts: readonly number[], length: number): LineIndex {
  return { lineStarts: lineStarts[0] === 0 ? lineStarts : [0, ...lineStarts], length }
}

/** The 1-based line and column of an offset; offsets past the end clamp to the end. */
export function toPosition(index: LineIndex, offset: number): { line: number; column: number } {
  const at = Math.max(0, Math.min(offset, index.length))
  const starts = index.lineStarts
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((starts[mid] as number) <= at) low = mid
    else high = mid - 1
  }
  return { line: low + 1, column: at - (starts[low] as number) + 1 }
}

/** The 1-based range of a span. */
export function toRange(index: LineIndex, span: Span): Range {
  const start = toPosition(index, span.start)
  const end = toPosition(index, span.end)
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column }
}

/** The 0-based offset of a 1-based line and column, clamped to the text. */
export function toOffset(index: LineIndex, line: number, column: number): number {
  const starts = index.lineStarts
  const row = Math.max(1, Math.min(line, starts.length))
  const lineStart = starts[row - 1] as number
  const lineEnd = row < starts.length ? (starts[row] as number) - 1 : index.length
  return Math.min(lineStart + Math.max(0, column - 1), lineEnd)
}

/** The span of line `line` (1-based) without its line break. */
export function lineSpan(index: LineIndex, text: string, line: number): Span {
  const start = toOffset(index, line, 1)
  let end = text.indexOf('\n', start)
  if (end === -1) end = text.length
  if (end > start && text[end - 1] === '\r') end--
  return { start, end }
}

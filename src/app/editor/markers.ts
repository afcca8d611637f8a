import { translate, type Locale } from '../../i18n/translate.ts'
import type { Diagnostic, Severity } from '../../validate/diagnostic.ts'
import {
  createLineIndex,
  lineSpan,
  toOffset,
  toPosition,
  type LineIndex,
} from '../../yaml/positions.ts'

/** The owner of every marker the app sets, so that they never mix with another source's. */
export const MARKER_OWNER = 'ivr-designer'

/** Monaco's `MarkerSeverity` values, written out so that this module needs no Monaco import. */
export const MARKER_SEVERITY = { hint: 1, info: 2, warning: 4, error: 8 } as const

/** A Monaco marker severity. */
export type MarkerSeverityValue = (typeof MARKER_SEVERITY)[keyof typeof MARKER_SEVERITY]

/** What Monaco's `setModelMarkers` takes for one marker: 1-based, end-exclusive ranges. */
export interface MarkerData {
  readonly severity: MarkerSeverityValue
  readonly message: string
  readonly code: string
  readonly startLineNumber: number
  readonly startColumn: number
  readonly endLineNumber: number
  readonly endColumn: number
}

const SEVERITIES: Readonly<Record<Severity, MarkerSeverityValue>> = {
  error: MARKER_SEVERITY.error,
  warning: MARKER_SEVERITY.warning,
  info: MARKER_SEVERITY.info,
}

/**
 * One marker per diagnostic, in the same order, with the message in `locale`. A diagnostic that
 * points between two characters is widened to the token there (or the rest of the line), so that
 * its squiggle can be seen and hovered.
 */
export function toMarkers(
  diagnostics: readonly Diagnostic[],
  text: string,
  locale: Locale,
  lines: LineIndex = createLineIndex(text),
): MarkerData[] {
  return diagnostics.map((d) => {
    const range = visibleRange(d, text, lines)
    return {
      severity: SEVERITIES[d.severity],
      message: translate(locale, d.messageId, d.args),
      code: d.code,
      startLineNumber: range.line,
      startColumn: range.column,
      endLineNumber: range.endLine,
      endColumn: range.endColumn,
    }
  })
}

/** A 1-based range that Monaco can draw. */
interface LineRange {
  line: number
  column: number
  endLine: number
  endColumn: number
}

/**
 * The diagnostic's own range when it covers at least one character; else the run of non-blank
 * characters at (or just before) its position, else the rest of its line, else the line's
 * content. A blank line keeps the empty range: Monaco then marks the line end.
 */
export function visibleRange(d: LineRange, text: string, lines: LineIndex): LineRange {
  if (d.line !== d.endLine || d.column !== d.endColumn) return d
  const line = lineSpan(lines, text, d.line)
  const at = toOffset(lines, d.line, d.column)
  const isToken = (offset: number) =>
    offset >= line.start && offset < line.end && !/\s/.test(text[offset] ?? ' ')
  let start = at
  let end = at
  if (isToken(at)) {
    while (isToken(end)) end++
    while (isToken(start - 1)) start--
  } else if (isToken(at - 1)) {
    while (isToken(start - 1)) start--
  } else if (text.slice(at, line.end).trim() !== '') {
    end = line.end
  } else if (text.slice(line.start, line.end).trim() !== '') {
    const content = text.slice(line.start, line.end)
    start = line.start + (content.length - content.trimStart().length)
    end = line.start + content.trimEnd().length
  } else {
    return d
  }
  const from = toPosition(lines, start)
  const to = toPosition(lines, end)
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column }
}

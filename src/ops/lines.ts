import type { Span } from '../model/span.ts'

/**
 * Line arithmetic on the exact text. Offsets are 0-based UTF-16 code units; a line runs from its
 * start to its `\n` (a `\r` before it is part of the line break).
 */

/** The line break the text already uses: CRLF when its first line break is one, else LF. */
export function eolOf(text: string): string {
  const at = text.indexOf('\n')
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n'
}

/** `fragment` (with `\n` or `\r\n` line breaks) written with `eol`. */
export function withEol(fragment: string, eol: string): string {
  return fragment.replace(/\r?\n/g, eol)
}

/** The start of the line that holds `at`. */
export function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1
}

/** The start of the line after the one that holds `at`, or the end of the text. */
export function nextLineStart(text: string, at: number): number {
  const end = text.indexOf('\n', at)
  return end === -1 ? text.length : end + 1
}

/** The line starting at `start`, without its line break. */
export function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start)
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '')
}

/** The start of the line before the one starting at `start`, or `null` on the first line. */
export function previousLineStart(text: string, start: number): number | null {
  return start === 0 ? null : lineStart(text, start - 1)
}

/** How many spaces a line starts with. */
export function indentOf(line: string): number {
  return line.length - line.trimStart().length
}

export function isBlank(line: string): boolean {
  return line.trim() === ''
}

export function isComment(line: string): boolean {
  return line.trimStart().startsWith('#')
}

/** Whether the text ends in the middle of its last line. */
export function endsWithoutEol(text: string): boolean {
  return text.length > 0 && !text.endsWith('\n')
}

/**
 * The lines an entry of a block collection occupies, with the comments that belong to it: the
 * comment lines directly above it (no blank line between) that are not indented deeper than it,
 * its own lines with their trailing comments, and the comment lines directly below it that are
 * indented deeper than it (they are inside it). `column` is where its `- ` or key stands.
 */
export interface Block {
  /** Start of the first line, comments included. */
  readonly start: number
  /** Start of the entry's own first line. */
  readonly contentStart: number
  /** Start of the line after the last one (or the end of the text). */
  readonly end: number
  readonly column: number
}

/**
 * The block of an entry whose span starts on its own line (after `- ` when `dash`), or `null`
 * when something else stands before it on that line. When `header` is set, a comment block that
 * starts on the first line of the text is the file's header, not the entry's.
 */
export function blockOf(
  text: string,
  span: Span,
  options: { dash: boolean; header?: boolean },
): Block | null {
  const contentStart = lineStart(text, span.start)
  const before = text.slice(contentStart, span.start)
  const shape = options.dash ? /^( *)- +$/ : /^( *)$/
  const match = shape.exec(before)
  if (!match) return null
  const column = match[1]!.length
  let end = nextLineStart(text, Math.max(span.start, span.end - 1))
  while (end < text.length) {
    const line = lineAt(text, end)
    if (!isComment(line) || indentOf(line) <= column) break
    end = nextLineStart(text, end)
  }
  let start = contentStart
  for (
    let above = previousLineStart(text, start);
    above !== null;
    above = previousLineStart(text, above)
  ) {
    const line = lineAt(text, above)
    if (!isComment(line) || indentOf(line) > column) break
    start = above
  }
  if (options.header && start !== contentStart && isFileHeader(text, start)) start = contentStart
  return { start, contentStart, end, column }
}

/** Whether only a document start marker or directives stand above `start`. */
function isFileHeader(text: string, start: number): boolean {
  return text
    .slice(0, start)
    .split('\n')
    .slice(0, -1)
    .every((line) => /^(?:---|%)/.test(line))
}

/** The start of the run of blank lines that ends at `start` (itself when there is none). */
export function blankBefore(text: string, start: number): number {
  let at = start
  for (
    let above = previousLineStart(text, at);
    above !== null;
    above = previousLineStart(text, above)
  ) {
    if (!isBlank(lineAt(text, above))) break
    at = above
  }
  return at
}

/** The end of the run of blank lines that starts at `end` (itself when there is none). */
export function blankAfter(text: string, end: number): number {
  let at = end
  while (at < text.length && isBlank(lineAt(text, at))) {
    const next = nextLineStart(text, at)
    if (next === at) break
    at = next
  }
  return at
}

/**
 * The range to remove with a block so that blank lines do not pile up: the blank lines after it
 * when there are blank lines before it too (or it is the first of its kind), the blank lines
 * before it when it is the last of its kind; otherwise the block alone.
 */
export function removalRange(
  text: string,
  block: Block,
  place: { first: boolean; last: boolean },
): Span {
  const before = blankBefore(text, block.start)
  const after = blankAfter(text, block.end)
  if (after > block.end && (before < block.start || place.first)) {
    return { start: block.start, end: after }
  }
  if (before < block.start && place.last && (after === text.length || after === block.end)) {
    return { start: before, end: block.end }
  }
  return { start: block.start, end: block.end }
}

/**
 * Re-indents every line of `lines` by `delta` columns (never below column 0), keeping blank lines
 * as they are so that block scalars keep their content.
 */
export function shiftLines(lines: string, delta: number): string {
  if (delta === 0) return lines
  return lines.replace(/^( *)(?=[^\s])/gm, (spaces: string) =>
    ' '.repeat(Math.max(0, spaces.length + delta)),
  )
}

/** `lines` ending with a line break, adding `eol` when its last line has none. */
export function ensureEol(lines: string, eol: string): string {
  return lines === '' || lines.endsWith('\n') ? lines : lines + eol
}

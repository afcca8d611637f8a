/** The largest IVR accepted, in UTF-8 bytes. */
export const MAX_BYTES = 1024 * 1024

/** The deepest nesting accepted, counting block and flow collections. */
export const MAX_DEPTH = 64

/** The size of a string in UTF-8 bytes, without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/** A byte count for people: `812 KB`, `10.5 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d
}

/**
 * The offset at which the text nests deeper than `max` levels, or -1. It reads the text the way
 * YAML nests (indentation, compact `- - x` items, flow brackets outside quotes, comments and
 * block scalars), closely enough to refuse hostile input before the YAML parser sees it. Where it
 * must guess, it counts too deep rather than too shallow. Linear time, no recursion.
 */
export function findExcessiveNesting(text: string, max: number = MAX_DEPTH): number {
  const indents: number[] = []
  let flow = 0
  let i = 0
  const n = text.length
  // Inside a block scalar (`|`, `>`): the indentation of its parent, then of its first text line.
  let scalarParent = -1
  let scalarIndent = -1
  while (i < n) {
    // At the start of a line.
    const lineStart = i
    while (i < n && text.charCodeAt(i) === 0x20) i++
    const code = text.charCodeAt(i)
    if (scalarParent !== -1) {
      const column = i - lineStart
      const empty = i >= n || code === 0x0a || code === 0x0d
      if (scalarIndent === -1 && !empty && column > scalarParent) scalarIndent = column
      if (empty || (scalarIndent !== -1 && column >= scalarIndent)) {
        // A line of the scalar's text: nothing in it nests.
        while (i < n && text.charCodeAt(i) !== 0x0a) i++
        i++
        continue
      }
      scalarParent = -1
      scalarIndent = -1
    }
    const blank = i >= n || code === 0x0a || code === 0x0d || code === 0x23 /* # */
    if (!blank && flow === 0) {
      const column = i - lineStart
      while (indents.length > 0 && (indents[indents.length - 1] as number) >= column) indents.pop()
      indents.push(column)
      // Compact nested sequences and explicit keys: `- - - x`, `? - x`.
      while (
        (text.charCodeAt(i) === 0x2d /* - */ || text.charCodeAt(i) === 0x3f) /* ? */ &&
        (i + 1 >= n || isSpace(text.charCodeAt(i + 1)))
      ) {
        i++
        while (i < n && isSpace(text.charCodeAt(i))) i++
        if (i >= n || text.charCodeAt(i) === 0x0a) break
        indents.push(i - lineStart)
        if (indents.length > max) return i
      }
      if (indents.length > max) return i
    }
    // The rest of the line.
    let tokenStart = true
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 0x0a) {
        i++
        break
      }
      if (c === 0x23 /* # */ && (i === lineStart || isSpace(text.charCodeAt(i - 1)))) {
        while (i < n && text.charCodeAt(i) !== 0x0a) i++
        continue
      }
      if ((c === 0x22 || c === 0x27) && tokenStart) {
        i = skipQuoted(text, i, indents[indents.length - 1] ?? -1)
        tokenStart = false
        continue
      }
      if ((c === 0x7c || c === 0x3e) /* | > */ && tokenStart && flow === 0) {
        const end = blockScalarHeaderEnd(text, i)
        if (end !== -1) {
          scalarParent = indents[indents.length - 1] ?? 0
          i = end
          continue
        }
      }
      if ((c === 0x5b || c === 0x7b) /* [ { */ && (tokenStart || flow > 0)) {
        flow++
        if (indents.length + flow > max) return i
        tokenStart = true
        i++
        continue
      }
      if ((c === 0x5d || c === 0x7d) /* ] } */ && flow > 0) {
        flow--
        i++
        continue
      }
      if (isSpace(c)) {
        i++
        continue
      }
      tokenStart = c === 0x3a /* : */ || c === 0x2c /* , */ || c === 0x2d /* - */ || c === 0x3f
      i++
    }
  }
  return -1
}

/**
 * The offset just after the quoted scalar that opens at `at`. A quoted scalar may run over
 * several lines, but only over lines indented deeper than `parent`, the indentation of the block
 * that holds it: at a line that is not, the quote was no quote and scanning goes on at that line.
 */
function skipQuoted(text: string, at: number, parent: number): number {
  const quote = text.charCodeAt(at)
  const n = text.length
  let i = at + 1
  while (i < n) {
    const q = text.charCodeAt(i)
    if (q === 0x0a) {
      let j = i + 1
      while (j < n && text.charCodeAt(j) === 0x20) j++
      const next = text.charCodeAt(j)
      const empty = j >= n || next === 0x0a || next === 0x0d
      if (!empty && j - (i + 1) <= parent) return i
      i++
    } else if (q === 0x5c /* \ */ && quote === 0x22 && text.charCodeAt(i + 1) !== 0x0a) i += 2
    else if (q === quote) {
      if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) i += 2
      else return i + 1
    } else i++
  }
  return n
}

/**
 * The offset of the line break ending a block scalar header (`|`, `>-`, `|2+`, with an optional
 * comment) that starts at `at`, or -1 when the line holds something else.
 */
function blockScalarHeaderEnd(text: string, at: number): number {
  const n = text.length
  let i = at + 1
  while (i < n && /[0-9+-]/.test(text.charAt(i))) i++
  while (i < n && isSpace(text.charCodeAt(i))) i++
  if (i < n && text.charCodeAt(i) === 0x23 && isSpace(text.charCodeAt(i - 1))) {
    while (i < n && text.charCodeAt(i) !== 0x0a) i++
  }
  return i >= n || text.charCodeAt(i) === 0x0a ? i : -1
}

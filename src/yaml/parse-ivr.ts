import { isMap, isScalar, parseDocument, type Document, type YAMLError } from 'yaml'
import type { IvrModel } from '../model/ivr.ts'
import type { Span } from '../model/span.ts'
import type { Locale } from '../i18n/translate.ts'
import type { Diagnostic } from '../validate/diagnostic.ts'
import { makeDiagnostic, type Finding } from '../validate/make-diagnostic.ts'
import { buildModel } from './build-model.ts'
import { formatBytes, findExcessiveNesting, MAX_BYTES, MAX_DEPTH, utf8Length } from './limits.ts'
import { describeNode, type YamlNode } from './nodes.ts'
import { createLineIndex, lineSpan, type LineIndex } from './positions.ts'

/** The result of reading an IVR's text: the single source of truth and everything derived. */
export interface ParsedIvr {
  readonly text: string
  /** The `yaml` Document, or `null` when the text was refused before parsing. */
  readonly document: Document.Parsed | null
  readonly lines: LineIndex
  readonly model: IvrModel
  /** Problems found while reading: syntax, limits, a document that is no mapping. */
  readonly diagnostics: readonly Diagnostic[]
  /** Whether the text could be read as a mapping of sections, so that the model is complete. */
  readonly readable: boolean
  /**
   * The YAML documents the model was read from, each with the offset of its text: one for the
   * whole text, or one per top-level section when read incrementally (see `incremental.ts`).
   */
  readonly chunks: readonly DocumentChunk[]
}

/** A YAML document read from `text.slice(offset)`: its ranges are relative to `offset`. */
export interface DocumentChunk {
  readonly offset: number
  readonly yaml: Document.Parsed
}

export interface ParseOptions {
  /** The language of diagnostic messages. */
  readonly locale?: Locale
}

const EMPTY_MODEL: IvrModel = { sections: [], invalidSections: [] }

/**
 * Reads IVR text into a model with positions. Never throws and never hangs: oversized, overly
 * deep or otherwise hostile input comes back as diagnostics with an empty model.
 */
export function parseIvr(text: string, options: ParseOptions = {}): ParsedIvr {
  const locale = options.locale ?? 'en'
  try {
    return parseChecked(text, locale)
  } catch (error) {
    // The YAML library threw on input it should have reported; keep the process alive.
    const lines = createLineIndex(text)
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return refused(text, lines, locale, {
      code: 'yaml-syntax',
      severity: 'error',
      messageId: 'diag.yaml-syntax',
      args: { detail: detail ?? '' },
      path: [],
      span: { start: 0, end: 0 },
    })
  }
}

function parseChecked(text: string, locale: Locale): ParsedIvr {
  return refuseEarly(text, locale) ?? parseDocumentText(text, locale)
}

/**
 * Whether a part of the text may go to the YAML parser on its own: valid UTF-8 and not nested
 * too deep. A cheap check for each section the incremental parser reads; `refuseEarly` says why.
 */
export function isParseable(text: string): boolean {
  return !UNDECODABLE.test(text) && findExcessiveNesting(text, MAX_DEPTH) === -1
}

/** Whether the text as a whole is within the size limit and looks like text. */
export function isWithinLimits(text: string): boolean {
  return !(text.length > MAX_BYTES / 4 && utf8Length(text) > MAX_BYTES) && !looksBinary(text)
}

/**
 * Refuses text that must not reach the YAML parser: too large, binary, not UTF-8, or nested too
 * deep. `null` when the text may be parsed.
 */
export function refuseEarly(text: string, locale: Locale = 'en'): ParsedIvr | null {
  if (text.length > MAX_BYTES / 4 && utf8Length(text) > MAX_BYTES) {
    const lines = createLineIndex(text.slice(0, 1))
    return refused(text, lines, locale, {
      code: 'too-large',
      severity: 'error',
      messageId: 'diag.too-large',
      args: { size: formatBytes(utf8Length(text)) },
      path: [],
      span: { start: 0, end: 0 },
    })
  }
  if (looksBinary(text)) {
    return refused(text, createLineIndex(text), locale, {
      code: 'yaml-syntax',
      severity: 'error',
      messageId: 'diag.yaml-syntax.binary',
      path: [],
      span: { start: 0, end: 0 },
    })
  }
  const undecodableAt = text.search(UNDECODABLE)
  if (undecodableAt !== -1) {
    return refused(text, createLineIndex(text), locale, {
      code: 'yaml-syntax',
      severity: 'error',
      messageId: 'diag.yaml-syntax.utf8',
      path: [],
      span: { start: undecodableAt, end: undecodableAt + 1 },
    })
  }
  const tooDeepAt = findExcessiveNesting(text, MAX_DEPTH)
  if (tooDeepAt !== -1) {
    return refused(text, createLineIndex(text), locale, {
      code: 'too-deep',
      severity: 'error',
      messageId: 'diag.too-deep',
      args: { max: MAX_DEPTH },
      path: [],
      span: { start: tooDeepAt, end: tooDeepAt + 1 },
    })
  }
  return null
}

function parseDocumentText(text: string, locale: Locale): ParsedIvr {
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false })
  // Not the parser's LineCounter: recovering from some errors, it skips line breaks.
  const lines = createLineIndex(text)
  const diagnostic = (finding: Finding) => makeDiagnostic(finding, lines, locale)

  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((error) => diagnostic(syntaxFinding(error, text)))
    return { text, document: doc, lines, model: EMPTY_MODEL, diagnostics, readable: false, chunks: [] }
  }
  if (text.includes('*') && text.includes('&') && hasAliasBomb(doc)) {
    const diagnostics = [
      diagnostic({
        code: 'yaml-syntax',
        severity: 'error',
        messageId: 'diag.yaml-syntax.aliases',
        path: [],
        span: { start: 0, end: 0 },
      }),
    ]
    return { text, document: doc, lines, model: EMPTY_MODEL, diagnostics, readable: false, chunks: [] }
  }

  const root = doc.contents
  if (!isMap(root)) {
    const empty = root === null || (isScalar(root) && root.value === null)
    const span = empty ? { start: 0, end: 0 } : lineSpan(lines, text, firstContentLine(text, lines))
    const finding: Finding = {
      code: 'not-a-mapping',
      severity: 'error',
      messageId: empty ? 'diag.not-a-mapping.empty' : 'diag.not-a-mapping',
      args: empty ? {} : { what: describeNode(root as YamlNode) },
      path: [],
      span,
    }
    // The document is kept as a chunk: edits may still add the first section to a blank one.
    return {
      text,
      document: doc,
      lines,
      model: EMPTY_MODEL,
      diagnostics: [diagnostic(finding)],
      readable: false,
      chunks: [{ offset: 0, yaml: doc }],
    }
  }
  return {
    text,
    document: doc,
    lines,
    model: buildModel(doc, root),
    diagnostics: [],
    readable: true,
    chunks: [{ offset: 0, yaml: doc }],
  }
}

function refused(text: string, lines: LineIndex, locale: Locale, finding: Finding): ParsedIvr {
  return {
    text,
    document: null,
    lines,
    model: EMPTY_MODEL,
    diagnostics: [makeDiagnostic(finding, lines, locale)],
    readable: false,
    chunks: [],
  }
}

/**
 * What bytes that are not UTF-8 turn into when read as UTF-8 text: the replacement character
 * U+FFFD, or a lone UTF-16 surrogate, which no UTF-8 file can hold.
 */
const UNDECODABLE = /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Text with NUL bytes or many control characters is not YAML an admin wrote. */
function looksBinary(text: string): boolean {
  const sample = text.length > 4096 ? text.slice(0, 4096) : text
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c === 0) return true
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) control++
  }
  return control > 0 && control * 20 > sample.length
}

function syntaxFinding(error: YAMLError, text: string): Finding {
  // The parser may place an error at the end of input one character past the text.
  const start = Math.min(error.pos[0], text.length)
  const span: Span = { start, end: Math.min(Math.max(error.pos[1], start + 1), text.length) }
  const base = { code: 'yaml-syntax', severity: 'error', path: [], span } as const
  if (error.code === 'TAB_AS_INDENT') return { ...base, messageId: 'diag.yaml-syntax.tab' }
  if (error.code === 'MULTIPLE_DOCS') {
    return { ...base, messageId: 'diag.yaml-syntax.multiple-documents' }
  }
  // The library's message, without its position suffix and source excerpt.
  const detail = error.message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '')
  return { ...base, messageId: 'diag.yaml-syntax', args: { detail } }
}

/** Whether expanding the document's aliases would exceed the library's default alias budget. */
function hasAliasBomb(doc: Document): boolean {
  try {
    // As Maps, so that mapping keys that are lists or mappings raise no warning.
    doc.toJS({ maxAliasCount: 100, mapAsMap: true })
    return false
  } catch {
    return true
  }
}

function firstContentLine(text: string, lines: LineIndex): number {
  for (let line = 1; line <= lines.lineStarts.length; line++) {
    const span = lineSpan(lines, text, line)
    const content = text.slice(span.start, span.end).trim()
    if (content !== '' && !content.startsWith('#') && content !== '---') return line
  }
  return 1
}


import { buildGraph, createGraphCache } from '../../graph/build-graph.ts'
import type { IvrGraph } from '../../graph/graph.ts'
import { indexTargets, markProblems, type ProblemMarks, type TargetIndex } from '../../graph/targets.ts'
import type { Diagnostic } from '../../validate/diagnostic.ts'
import type { KnownRecordings } from '../../validate/rules/missing-recording.ts'
import { createValidationCache, validateIvr } from '../../validate/validate-ivr.ts'
import { createIvrParser } from '../../yaml/incremental.ts'
import type { ParsedIvr } from '../../yaml/parse-ivr.ts'

/**
 * What the views show of one text: the parse, every diagnostic, and the canvas graph of the last
 * text that could be read. While the text has a syntax error, `stale` is set and the graph, its
 * targets and marks stay those of the last good text.
 */
export interface DocumentView {
  readonly text: string
  readonly parsed: ParsedIvr
  readonly diagnostics: readonly Diagnostic[]
  readonly stale: boolean
  /** The last text that could be read, and everything derived from it. */
  readonly good: GoodView
}

export interface GoodView {
  readonly parsed: ParsedIvr
  readonly graph: IvrGraph
  readonly targets: TargetIndex
  readonly marks: ProblemMarks
}

/** Turns successive texts of one document into views, re-reading only what changed. */
export interface DocumentSession {
  view(text: string): DocumentView
  /**
   * Reads `text` with the session's parser, re-reading only what changed. An op checks its result
   * with it, so that the view of the same text next reads nothing again.
   */
  parse(text: string): ParsedIvr
  /**
   * Checks play URLs against the recordings stored on the server from now on (`undefined`: not
   * known, no check). Returns whether they changed; the next view of the same text is then
   * validated again.
   */
  setRecordings(recordings: KnownRecordings | undefined): boolean
}

/** A session for one document; start a new one when another document is opened. */
export function createDocumentSession(): DocumentSession {
  const parser = createIvrParser()
  const graphCache = createGraphCache()
  const validationCache = createValidationCache()
  let good: GoodView | null = null
  let last: DocumentView | null = null
  let recordings: KnownRecordings | undefined
  let lastParse: ParsedIvr | null = null
  const parse = (text: string): ParsedIvr => {
    if (lastParse?.text !== text) lastParse = parser.parse(text)
    return lastParse
  }
  return {
    parse,
    setRecordings(next) {
      if (next === recordings) return false
      recordings = next
      last = null
      return true
    },
    view(text) {
      if (last && last.text === text) return last
      const parsed = parse(text)
      const diagnostics = validateIvr(parsed, {
        cache: validationCache,
        ...(recordings ? { recordings } : {}),
      })
      if (parsed.readable || !good) {
        const graph = buildGraph(parsed.model, parsed.text, graphCache)
        const targets = indexTargets(graph)
        good = { parsed, graph, targets, marks: markProblems(targets, diagnostics) }
      }
      last = { text, parsed, diagnostics, stale: !parsed.readable, good }
      return last
    },
  }
}

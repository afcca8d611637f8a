import type { IvrPath } from '../../model/path.ts'
import { applyOp } from '../../ops/apply-op.ts'
import type { IvrOp } from '../../ops/op.ts'
import { applyEdits, type TextEdit } from '../../ops/text-edit.ts'
import type { Diagnostic } from '../../validate/diagnostic.ts'
import type { KnownRecordings } from '../../validate/rules/missing-recording.ts'
import { createValidationCache, validateIvr } from '../../validate/validate-ivr.ts'
import { createIvrParser } from '../../yaml/incremental.ts'
import { parseIvr, type ParsedIvr } from '../../yaml/parse-ivr.ts'

/** What the document would be after an op, or why the op would be refused. */
export type WouldBe =
  | {
      readonly ok: true
      readonly text: string
      readonly edits: readonly TextEdit[]
      readonly parsed: ParsedIvr
      /** Every diagnostic of the would-be text, as the document would show them. */
      readonly diagnostics: readonly Diagnostic[]
      readonly select?: IvrPath
    }
  | { readonly ok: false; readonly error: string; readonly args?: Readonly<Record<string, string>> }

/** Reads and checks a text the way the document does. */
export interface Checker {
  parse(text: string): ParsedIvr
  validate(parsed: ParsedIvr): readonly Diagnostic[]
}

/**
 * A checker like the document's session: an incremental parse and a validation cache of its own
 * (so that trying a value while typing re-reads only the section that changes), checking play
 * URLs against `recordings()` as the document does.
 */
export function createChecker(
  recordings: () => KnownRecordings | undefined = () => undefined,
): Checker {
  const parser = createIvrParser()
  const cache = createValidationCache()
  let last: { text: string; parsed: ParsedIvr } | null = null
  return {
    parse(text) {
      if (last?.text !== text) last = { text, parsed: parser.parse(text) }
      return last.parsed
    },
    validate(parsed) {
      const known = recordings()
      return validateIvr(parsed, { cache, ...(known ? { recordings: known } : {}) })
    },
  }
}

/** A checker without caches or recordings: `parseIvr` and `validateIvr`, for tests and one-offs. */
export const PLAIN_CHECKER: Checker = {
  parse: (text) => parseIvr(text),
  validate: (parsed) => validateIvr(parsed),
}

/**
 * The document `parsed` would become by `ops`, applied one after the other, without committing
 * anything: the text, its parse and its diagnostics, or the first refusal. Several ops give one
 * edit from the old text to the new (a new section and a goto to it), so they undo as one.
 */
export function wouldBe(
  parsed: ParsedIvr,
  ops: IvrOp | readonly IvrOp[],
  checker: Checker = PLAIN_CHECKER,
): WouldBe {
  const list: readonly IvrOp[] = Array.isArray(ops) ? ops : [ops as IvrOp]
  let current = parsed
  let edits: readonly TextEdit[] = []
  let select: IvrPath | undefined
  for (const op of list) {
    const result = applyOp(current, op, checker.parse)
    if (!result.ok)
      return result.args
        ? { ok: false, error: result.error, args: result.args }
        : { ok: false, error: result.error }
    edits = list.length === 1 ? result.edits : []
    if (result.select) select = result.select
    current = checker.parse(result.text)
  }
  if (list.length > 1) {
    const one = spanningEdit(parsed.text, current.text)
    edits = one ? [one] : []
  }
  return {
    ok: true,
    text: current.text,
    edits,
    parsed: current,
    diagnostics: checker.validate(current),
    ...(select ? { select } : {}),
  }
}

/** The one edit that turns `before` into `after`: what differs between their common ends. */
export function spanningEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null
  let start = 0
  const shorter = Math.min(before.length, after.length)
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let end = 0
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++
  }
  const edit = {
    offset: start,
    length: before.length - end - start,
    text: after.slice(start, after.length - end),
  }
  // The edit must give `after` exactly; it does by construction, but say so where it is used.
  const applied = applyEdits(before, [edit])
  return applied.ok && applied.text === after ? edit : null
}

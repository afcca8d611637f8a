import { composeEdits, normalizeEdits } from '../history/edit-algebra.ts'
import type { IvrPath } from '../model/path.ts'
import { parseIvr, type ParsedIvr } from '../yaml/parse-ivr.ts'
import { applyOp, type OpResult } from './apply-op.ts'
import type { IvrOp } from './op.ts'
import { applyEdits, type TextEdit } from './text-edit.ts'

/** What a series of ops did: one set of edits against the text before the first, and each select. */
export type OpsResult =
  | {
      readonly ok: true
      /** Edits against the text before the first op that give the text after the last. */
      readonly edits: readonly TextEdit[]
      readonly text: string
      /** The text after the last op, read. */
      readonly parsed: ParsedIvr
      /** What each op created or moved, in op order (`null` for an op that selects nothing). */
      readonly selects: readonly (IvrPath | null)[]
    }
  | Extract<OpResult, { ok: false }>

/**
 * Applies `ops` one after the other, each against the text the one before left, and gives the
 * whole as one set of edits against the first text: one gesture, one change. The first op that
 * is refused refuses them all, and the text stays as it was.
 */
export function applyOps(
  parsed: ParsedIvr,
  ops: readonly IvrOp[],
  parse: (text: string) => ParsedIvr = (text) => parseIvr(text),
): OpsResult {
  let current = parsed
  let edits: TextEdit[] = []
  const selects: (IvrPath | null)[] = []
  for (const op of ops) {
    const result = applyOp(current, op, parse)
    if (!result.ok) return result
    selects.push(result.select ?? null)
    if (result.edits.length === 0) continue
    const next = normalizeEdits(result.edits)
    if (!next) return { ok: false, error: 'op.error.conflict' }
    edits = edits.length === 0 ? next : composeEdits(edits, next)
    current = parse(result.text)
  }
  // The composition is checked, not trusted: it must give the text the ops gave.
  const applied = applyEdits(parsed.text, edits)
  if (!applied.ok || applied.text !== current.text) return { ok: false, error: 'op.error.conflict' }
  return { ok: true, edits, text: current.text, parsed: current, selects }
}

import { expect } from 'vitest'
import { createHistory, record, redo, undo } from '../../src/history/history.ts'
import { applyOp, type OpResult } from '../../src/ops/apply-op.ts'
import type { IvrOp } from '../../src/ops/op.ts'
import { applyEdits } from '../../src/ops/text-edit.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'

/**
 * Applies `op` to `text` and returns the new text, after checking that the edits undo back to
 * `text` byte for byte and redo to the new text again through the history.
 */
export function applyChecked(text: string, op: IvrOp): string {
  const result = applyOp(parseIvr(text), op)
  if (!result.ok) throw new Error(`refused: ${result.error} ${JSON.stringify(result.args ?? {})}`)
  expectUndoRedo(text, result)
  return result.text
}

/** The undo of `result` gives `before` back exactly, and its redo gives `result.text`. */
export function expectUndoRedo(before: string, result: Extract<OpResult, { ok: true }>): void {
  const history = record(createHistory<null>(), {
    edits: result.edits,
    textBefore: before,
    label: 'test',
    selectionBefore: null,
    selectionAfter: null,
  })
  const undone = undo(history, result.text)
  if (result.edits.length === 0) {
    expect(undone.ok).toBe(false)
    return
  }
  if (!undone.ok) throw new Error(`undo refused: ${undone.reason}`)
  const back = applyEdits(result.text, undone.edits)
  expect(back.ok && back.text).toBe(before)
  const redone = redo(undone.history, before)
  if (!redone.ok) throw new Error(`redo refused: ${redone.reason}`)
  const again = applyEdits(before, redone.edits)
  expect(again.ok && again.text).toBe(result.text)
}

/** The refusal of `op` on `text`. */
export function refusal(
  text: string,
  op: IvrOp,
): { error: string; args?: Readonly<Record<string, string>> } {
  const result = applyOp(parseIvr(text), op)
  if (result.ok) throw new Error(`applied:\n${result.text}`)
  return result.args ? { error: result.error, args: result.args } : { error: result.error }
}

import type { MessageId } from '../../../i18n/en.ts'
import { isMessageId } from '../../../i18n/translate.ts'
import { applyOps, type OpsResult } from '../../../ops/apply-ops.ts'
import type { IvrOp } from '../../../ops/op.ts'
import type { AppStore } from '../../state/app-store.ts'
import { applyTextEdits, recordTransaction } from '../../state/use-editing.ts'

/** A gesture's ops, applied. */
export type Committed = Extract<OpsResult, { ok: true }>

/**
 * Whether canvas editing is paused because the YAML cannot be read: the canvas shows the last
 * text that could, whose paths may no longer exist. Tells the admin so, and where the error is.
 */
export function refuseWhileStale(store: AppStore): boolean {
  const { view } = store.getState().document
  if (!view.stale) return false
  const problem =
    view.diagnostics.find((d) => d.code === 'yaml-syntax') ?? view.diagnostics[0] ?? null
  if (problem && problem.line > 0) {
    store.dispatch({
      type: 'toast.show',
      tone: 'error',
      messageId: 'canvas.paused',
      args: { line: problem.line },
    })
  } else {
    store.dispatch({ type: 'toast.show', tone: 'error', messageId: 'canvas.paused.no-line' })
  }
  return true
}

/**
 * Applies a gesture's ops to the current text as one change (one step to undo, labelled
 * `label`), then runs `after` within the same step, for the selection and card positions the
 * gesture leads to. A refused op shows why and changes nothing. Returns what was applied, or
 * `null` when nothing was.
 */
export function commitOps(
  store: AppStore,
  label: MessageId,
  ops: readonly IvrOp[],
  after?: (result: Committed) => void,
): Committed | null {
  if (refuseWhileStale(store)) return null
  const { view, session } = store.getState().document
  const result = applyOps(view.parsed, ops, (text) => session.parse(text))
  if (!result.ok) {
    const messageId: MessageId = isMessageId(result.error) ? result.error : 'op.error.unexpected'
    store.dispatch({ type: 'toast.show', tone: 'error', messageId, args: result.args ?? {} })
    return null
  }
  return recordTransaction(label, () => {
    if (result.edits.length > 0) {
      applyTextEdits(view.text, result.edits, (text) =>
        store.dispatch({ type: 'document.text', text }),
      )
      // The YAML editor refuses edits that clash with typing it has not handed on yet.
      if (store.getState().document.view.text !== result.text) return null
    }
    after?.(result)
    return result
  })
}

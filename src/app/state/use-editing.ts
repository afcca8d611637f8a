import { useCallback } from 'react'
import type { IvrPath } from '../../model/path.ts'
import type { Span } from '../../model/span.ts'
import { applyOp } from '../../ops/apply-op.ts'
import type { IvrOp } from '../../ops/op.ts'
import { applyEdits, type TextEdit } from '../../ops/text-edit.ts'
import type { MessageId } from '../../i18n/en.ts'
import { isMessageId } from '../../i18n/translate.ts'
import type { Selection } from './document.ts'
import { getEditSink } from './edit-sink.ts'
import { useAppStore } from './store-context.tsx'

/**
 * Applies an op to the current text: through the YAML editor when it is open, so the change
 * enters its undo history, else straight to the store. A refused op shows its reason.
 * Returns whether the op was applied.
 */
export function useApplyOp(): (op: IvrOp) => boolean {
  const store = useAppStore()
  return useCallback(
    (op) => {
      const { view } = store.getState().document
      const result = applyOp(view.parsed, op)
      if (!result.ok) {
        const messageId: MessageId = isMessageId(result.error) ? result.error : 'op.error.unexpected'
        store.dispatch({ type: 'toast.show', tone: 'error', messageId, args: result.args ?? {} })
        return false
      }
      applyTextEdits(store.getState().document.view.text, result.edits, (text) =>
        store.dispatch({ type: 'document.text', text }),
      )
      return true
    },
    [store],
  )
}

/** Sends edits to the editor when it is open, else applies them to `text` and hands on the result. */
export function applyTextEdits(
  text: string,
  edits: readonly TextEdit[],
  setText: (text: string) => void,
): void {
  const sink = getEditSink()
  if (sink) {
    sink.apply(edits)
    return
  }
  const applied = applyEdits(text, edits)
  if (applied.ok) setText(applied.text)
}

/** Selects a path in every view at once. */
export function useSelect(): (path: IvrPath, origin: Selection['origin'], span?: Span | null) => void {
  const store = useAppStore()
  return useCallback(
    (path, origin, span = null) => store.dispatch({ type: 'selection.set', path, origin, span }),
    [store],
  )
}

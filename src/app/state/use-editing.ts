import { useCallback } from 'react'
import type { IvrPath } from '../../model/path.ts'
import type { Span } from '../../model/span.ts'
import { applyOp } from '../../ops/apply-op.ts'
import { opTitle, type IvrOp } from '../../ops/op.ts'
import { applyEdits, type TextEdit } from '../../ops/text-edit.ts'
import type { MessageId } from '../../i18n/en.ts'
import { isMessageId } from '../../i18n/translate.ts'
import type { AppStore } from './app-store.ts'
import type { Selection } from './document.ts'
import { getEditSink } from './edit-sink.ts'
import { noteEdits, recordTransaction } from './history-recorder.ts'
import { EDIT_LABEL } from './history-state.ts'
import { useAppStore } from './store-context.tsx'

export { recordTransaction } from './history-recorder.ts'

/**
 * Applies an op to the current text: through the YAML editor when it is open (keeping its cursor
 * and scroll), else straight to the store. The change is one entry of the undo history, labelled
 * with the op's title (inside `recordTransaction` it joins that entry instead). A refused op
 * shows its reason. Returns whether the op was applied.
 */
export function useApplyOp(): (op: IvrOp) => boolean {
  const store = useAppStore()
  return useCallback((op) => applyOpIn(store, op), [store])
}

/** `useApplyOp` outside React: applies `op` to the document of `store` as a gesture does. */
export function applyOpIn(store: AppStore, op: IvrOp): boolean {
  return recordTransaction(opTitle(op), () => {
    const { view, session } = store.getState().document
    const result = applyOp(view.parsed, op, (text) => session.parse(text))
    if (!result.ok) {
      const messageId: MessageId = isMessageId(result.error) ? result.error : 'op.error.unexpected'
      store.dispatch({ type: 'toast.show', tone: 'error', messageId, args: result.args ?? {} })
      return false
    }
    applyTextEdits(store.getState().document.view.text, result.edits, (text) =>
      store.dispatch({ type: 'document.text', text }),
    )
    return true
  })
}

/**
 * Sends edits to the editor when it is open, else applies them to `text` and hands on the result.
 * The change is one entry of the undo history labelled `label` (a message id), or joins the
 * transaction under way.
 */
export function applyTextEdits(
  text: string,
  edits: readonly TextEdit[],
  setText: (text: string) => void,
  label: string = EDIT_LABEL,
): void {
  recordTransaction(label, () => {
    noteEdits(edits)
    const sink = getEditSink()
    if (sink) {
      sink.apply(edits, { base: text })
      return
    }
    const applied = applyEdits(text, edits)
    if (applied.ok) setText(applied.text)
  })
}

/** Selects a path in every view at once. */
export function useSelect(): (
  path: IvrPath,
  origin: Selection['origin'],
  span?: Span | null,
) => void {
  const store = useAppStore()
  return useCallback(
    (path, origin, span = null) => store.dispatch({ type: 'selection.set', path, origin, span }),
    [store],
  )
}

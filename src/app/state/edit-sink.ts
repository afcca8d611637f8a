import type { TextEdit } from '../../ops/text-edit.ts'

/**
 * Where text edits go. While the YAML editor is open it takes them (so that they enter its undo
 * history and keep the cursor); otherwise the store applies them to the text directly.
 */
export interface EditSink {
  /** Applies edits made against the current text as one undoable step. */
  apply(edits: readonly TextEdit[]): void
}

let current: EditSink | null = null

/** Makes `sink` take every edit from now on; returns the function that stops it. */
export function setEditSink(sink: EditSink): () => void {
  current = sink
  return () => {
    if (current === sink) current = null
  }
}

/** The sink that takes edits now, if any. */
export function getEditSink(): EditSink | null {
  return current
}

import type { TextEdit } from '../../ops/text-edit.ts'

/** How applying edits treats the editor's cursor. */
export interface ApplyOptions {
  /**
   * `keep` (default): the cursor stays on its text. `end`: it goes to the end of the last edit,
   * scrolled into view if need be (undoing or redoing typing).
   */
  readonly cursor?: 'keep' | 'end'
  /**
   * The text the edits were made against, when it may be older than the editor's (typing sent
   * on since); by default the store's text. The edits are moved over what changed since.
   */
  readonly base?: string
}

/**
 * Where text edits go. While the YAML editor is open it takes them (so that they keep its cursor
 * and scroll); otherwise the store applies them to the text directly.
 */
export interface EditSink {
  /** Applies edits made against the store's text (or `options.base`) as one change. */
  apply(edits: readonly TextEdit[], options?: ApplyOptions): void
  /** Hands text typed but not yet sent to the store on at once. */
  flush(): void
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

import type { IvrPath } from '../../model/path.ts'
import type { Span } from '../../model/span.ts'
import { createDocumentSession, type DocumentSession, type DocumentView } from './document-session.ts'

/** The open IVR: its name, its text and everything derived from it. */
export interface DocumentState {
  /** The file name shown and used for export, e.g. `support-line.yaml`. */
  readonly name: string
  /** The text as it was opened or last saved, to tell whether there are changes. */
  readonly savedText: string
  /**
   * Whether the file began with a UTF-8 byte order mark. The mark is kept out of the text (no
   * editor shows it, and it would shift every offset) and written back on export.
   */
  readonly bom: boolean
  readonly view: DocumentView
  /** Counts text changes, so that views can tell one change from the next. */
  readonly revision: number
  readonly session: DocumentSession
}

/** What is selected, in terms of the YAML: a path, and where the selection came from. */
export interface Selection {
  readonly path: IvrPath
  /** The exact text range to reveal, when known (a problem's range); else the path's own span. */
  readonly span: Span | null
  readonly origin: 'canvas' | 'editor' | 'problems' | 'search'
  /** Increases with every selection, so that selecting the same thing again reveals it again. */
  readonly seq: number
}

export type DocumentAction =
  | { readonly type: 'document.open'; readonly name: string; readonly text: string }
  | { readonly type: 'document.text'; readonly text: string }
  | { readonly type: 'document.saved'; readonly name?: string }

export type SelectionAction =
  | {
      readonly type: 'selection.set'
      readonly path: IvrPath
      readonly span?: Span | null
      readonly origin: Selection['origin']
    }
  | { readonly type: 'selection.clear' }

/** A document opened from `text`, read from scratch. */
export function openDocument(name: string, file: string): DocumentState {
  const session = createDocumentSession()
  const bom = file.startsWith('\uFEFF')
  const text = bom ? file.slice(1) : file
  return { name, savedText: text, bom, view: session.view(text), revision: 0, session }
}

/** The file to write for the document: its text, with the byte order mark it came with. */
export function fileText(document: DocumentState): string {
  return document.bom ? `\uFEFF${document.view.text}` : document.view.text
}

/** The document after an action; the same object when nothing changes. */
export function reduceDocument(state: DocumentState, action: DocumentAction): DocumentState {
  switch (action.type) {
    case 'document.open':
      return openDocument(action.name, action.text)
    case 'document.text': {
      if (action.text === state.view.text) return state
      return { ...state, view: state.session.view(action.text), revision: state.revision + 1 }
    }
    case 'document.saved':
      return { ...state, name: action.name ?? state.name, savedText: state.view.text }
  }
}

/** The selection after an action. */
export function reduceSelection(state: Selection | null, action: SelectionAction): Selection | null {
  switch (action.type) {
    case 'selection.set':
      return {
        path: action.path,
        span: action.span ?? null,
        origin: action.origin,
        seq: (state?.seq ?? 0) + 1,
      }
    case 'selection.clear':
      return state === null ? state : null
  }
}

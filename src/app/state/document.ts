import type { IvrPath } from '../../model/path.ts'
import type { Span } from '../../model/span.ts'
import {
  createDocumentSession,
  type DocumentSession,
  type DocumentView,
} from './document-session.ts'

/**
 * Where the open IVR lives in the server's library: its id and the version its saved text is
 * (the base of the next save, sent as `If-Match: "v<version>"`).
 */
export interface LibraryLink {
  readonly id: string
  readonly version: number
}

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
  /** The library IVR the document was opened from or saved as; `null` for a file of its own. */
  readonly library: LibraryLink | null
}

/**
 * What is selected, in terms of the YAML: a path, and where the selection came from. `path` is
 * the primary item, the one every view shows; `extra` lists further items selected with it on
 * the canvas (Shift-click, dragging a box), for gestures that act on several at once. Every
 * selection is a new object, selecting the same thing again included: the views tell a new
 * selection, which they bring into view, by identity.
 */
export interface Selection {
  readonly path: IvrPath
  /** Further selected items, in the order they were added; absent when only `path` is. */
  readonly extra?: readonly IvrPath[]
  /** The exact text range to reveal, when known (a problem's range); else the path's own span. */
  readonly span: Span | null
  /** `inspector`: what an edit in the inspector led to, which no view needs to bring into view. */
  readonly origin: 'canvas' | 'editor' | 'problems' | 'search' | 'inspector'
}

export type DocumentAction =
  | {
      readonly type: 'document.open'
      readonly name: string
      readonly text: string
      /** The library IVR this text is a version of, when it comes from the library. */
      readonly library?: LibraryLink | null
    }
  | { readonly type: 'document.text'; readonly text: string }
  | {
      readonly type: 'document.saved'
      readonly name?: string
      /** The library IVR and version the text was just saved as. */
      readonly library?: LibraryLink | null
      /** The text that was saved, when changes may have been typed while saving. */
      readonly text?: string
    }

export type SelectionAction =
  | {
      readonly type: 'selection.set'
      readonly path: IvrPath
      readonly span?: Span | null
      readonly origin: Selection['origin']
      /** Further items to select with `path` (see `Selection.extra`). */
      readonly extra?: readonly IvrPath[]
    }
  | { readonly type: 'selection.clear' }

/** A document opened from `text`, read from scratch. */
export function openDocument(
  name: string,
  file: string,
  library: LibraryLink | null = null,
): DocumentState {
  const session = createDocumentSession()
  const bom = file.startsWith('\uFEFF')
  const text = bom ? file.slice(1) : file
  return { name, savedText: text, bom, view: session.view(text), revision: 0, session, library }
}

/** The file to write for the document: its text, with the byte order mark it came with. */
export function fileText(document: DocumentState): string {
  return document.bom ? `\uFEFF${document.view.text}` : document.view.text
}

/** The document after an action; the same object when nothing changes. */
export function reduceDocument(state: DocumentState, action: DocumentAction): DocumentState {
  switch (action.type) {
    case 'document.open':
      return openDocument(action.name, action.text, action.library ?? null)
    case 'document.text': {
      if (action.text === state.view.text) return state
      return { ...state, view: state.session.view(action.text), revision: state.revision + 1 }
    }
    case 'document.saved':
      return {
        ...state,
        name: action.name ?? state.name,
        savedText: action.text ?? state.view.text,
        library: action.library === undefined ? state.library : action.library,
      }
  }
}

/** The selection after an action. */
export function reduceSelection(
  state: Selection | null,
  action: SelectionAction,
): Selection | null {
  switch (action.type) {
    case 'selection.set':
      return {
        path: action.path,
        span: action.span ?? null,
        origin: action.origin,
        ...(action.extra && action.extra.length > 0 ? { extra: action.extra } : {}),
      }
    case 'selection.clear':
      return state === null ? state : null
  }
}

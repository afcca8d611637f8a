import type { Point } from '../../graph/layout.ts'
import type { IvrPath } from '../../model/path.ts'
import type { Span } from '../../model/span.ts'
import type { AppState } from '../state/app-store.ts'
import type { LibraryLink } from '../state/document.ts'

/**
 * A draft: the open IVR as it was left, kept in the browser so that nothing typed is lost to a
 * reload, a closed tab or a crash. One per IVR: a library IVR by its id, a file by its name.
 */
export interface Draft {
  /** `ivr:<id>` for a library IVR, `file:<name>` for a file of its own (see `draftKeyOf`). */
  readonly key: string
  readonly name: string
  /** The text in the editor, without a byte order mark. */
  readonly text: string
  readonly bom: boolean
  /** The text as last opened or saved: the library version `library.version`, for an IVR. */
  readonly savedText: string
  readonly library: LibraryLink | null
  /** The positions cards were dragged to, by node id. */
  readonly positions: Readonly<Record<string, Point>>
  readonly selection: DraftSelection | null
  /** When it was written, in milliseconds since 1970. */
  readonly updatedAt: number
}

/** What is selected, as a draft keeps it. */
export interface DraftSelection {
  readonly path: IvrPath
  readonly span: Span | null
}

/** Where drafts are kept; `src/app/library/draft-db.ts` keeps them in IndexedDB. */
export interface DraftStore {
  /** Writes `draft` and makes it the current one, durably, in one step. */
  put(draft: Draft): Promise<void>
  get(key: string): Promise<Draft | undefined>
  delete(key: string): Promise<void>
  /** The draft open last (the one `put` wrote last), if it is still kept. */
  current(): Promise<Draft | undefined>
}

/** The draft key of a library IVR. */
export function ivrDraftKey(id: string): string {
  return `ivr:${id}`
}

/** The key of the draft of a document: its library IVR, else its name. */
export function draftKeyOf(library: LibraryLink | null, name: string): string {
  return library === null ? `file:${name}` : ivrDraftKey(library.id)
}

/** The draft of what `state` shows now. */
export function draftOf(state: AppState, now: number): Draft {
  const { document, selection, canvas } = state
  return {
    key: draftKeyOf(document.library, document.name),
    name: document.name,
    text: document.view.text,
    bom: document.bom,
    savedText: document.savedText,
    library: document.library,
    positions: canvas.manual,
    selection: selection === null ? null : { path: selection.path, span: selection.span },
    updatedAt: now,
  }
}

/** Whether the draft holds changes not yet saved (or exported). */
export function hasUnsavedChanges(draft: Pick<Draft, 'text' | 'savedText'>): boolean {
  return draft.text !== draft.savedText
}

/** Whether two drafts keep the same things, whenever they were written. */
export function sameDraft(a: Draft, b: Draft): boolean {
  return (
    a.key === b.key &&
    a.name === b.name &&
    a.text === b.text &&
    a.bom === b.bom &&
    a.savedText === b.savedText &&
    a.library?.id === b.library?.id &&
    a.library?.version === b.library?.version &&
    (a.positions === b.positions || JSON.stringify(a.positions) === JSON.stringify(b.positions)) &&
    JSON.stringify(a.selection) === JSON.stringify(b.selection)
  )
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Whether a value read back from storage is a draft (anything else is ignored). */
export function isDraft(value: unknown): value is Draft {
  if (!isObject(value)) return false
  const { library, positions, selection } = value
  return (
    typeof value.key === 'string' &&
    typeof value.name === 'string' &&
    typeof value.text === 'string' &&
    typeof value.bom === 'boolean' &&
    typeof value.savedText === 'string' &&
    typeof value.updatedAt === 'number' &&
    (library === null ||
      (isObject(library) &&
        typeof library.id === 'string' &&
        typeof library.version === 'number')) &&
    isObject(positions) &&
    (selection === null || (isObject(selection) && Array.isArray(selection.path)))
  )
}

/** Drafts in memory, for tests and for browsers that refuse IndexedDB. */
export function createMemoryDraftStore(): DraftStore & { readonly drafts: Map<string, Draft> } {
  const drafts = new Map<string, Draft>()
  let currentKey: string | null = null
  return {
    drafts,
    async put(draft) {
      drafts.set(draft.key, draft)
      currentKey = draft.key
    },
    async get(key) {
      return drafts.get(key)
    },
    async delete(key) {
      drafts.delete(key)
    },
    async current() {
      return currentKey === null ? undefined : drafts.get(currentKey)
    },
  }
}

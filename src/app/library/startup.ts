import type { Point } from '../../graph/layout.ts'
import type { AppStore } from '../state/app-store.ts'
import type { LibraryLink } from '../state/document.ts'
import type { IvrText, LibraryResult } from './api.ts'
import {
  hasUnsavedChanges,
  ivrDraftKey,
  type Draft,
  type DraftSelection,
  type DraftStore,
} from './drafts.ts'

/** What the editor opens: a text, what it was last saved as, and how it was left. */
export interface StartDocument {
  readonly name: string
  readonly text: string
  readonly savedText: string
  readonly bom: boolean
  readonly library: LibraryLink | null
  readonly positions: Readonly<Record<string, Point>> | null
  readonly selection: DraftSelection | null
  /** When the unsaved changes it restores were made; `null` when it restores none. */
  readonly restoredAt: number | null
  /** Why the IVR asked for could not be opened from the library, if it could not. */
  readonly problem: 'not-found' | 'deleted' | 'unreachable' | null
}

/** The query parameter that names the open library IVR: `?ivr=<id>`. */
export const IVR_PARAM = 'ivr'

const BOM = '\uFEFF'

function withoutBom(text: string): { text: string; bom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), bom: true } : { text, bom: false }
}

/** A draft opened as it was left. */
export function startFromDraft(draft: Draft): StartDocument {
  return {
    name: draft.name,
    text: draft.text,
    savedText: draft.savedText,
    bom: draft.bom,
    library: draft.library,
    positions: draft.positions,
    selection: draft.selection,
    restoredAt: hasUnsavedChanges(draft) ? draft.updatedAt : null,
    problem: null,
  }
}

/** A text opened afresh, as a file of its own. */
export function startFromText(name: string, file: string): StartDocument {
  const { text, bom } = withoutBom(file)
  return {
    name,
    text,
    savedText: text,
    bom,
    library: null,
    positions: null,
    selection: null,
    restoredAt: null,
    problem: null,
  }
}

/**
 * A library IVR as the server has it now, with the draft this browser kept of it. Unsaved changes
 * in the draft are restored: on top of the newest version when they were based on it, else on
 * top of the version they were based on, so that saving them meets the newer version as a
 * conflict to merge rather than replacing it. A draft without changes lends only the card
 * positions and the selection.
 */
export function startFromIvr(current: IvrText, draft: Draft | undefined): StartDocument {
  const { text, bom } = withoutBom(current.yaml)
  const head: LibraryLink = { id: current.ivr.id, version: current.ivr.head }
  if (draft !== undefined && hasUnsavedChanges(draft)) {
    const sameBase = draft.library?.version === head.version
    return {
      name: current.ivr.name,
      text: draft.text,
      savedText: sameBase ? text : draft.savedText,
      bom: draft.bom,
      library: sameBase ? head : (draft.library ?? head),
      positions: draft.positions,
      selection: draft.selection,
      restoredAt: draft.updatedAt,
      problem: null,
    }
  }
  return {
    name: current.ivr.name,
    text,
    savedText: text,
    bom,
    library: head,
    positions: draft?.positions ?? null,
    selection: draft?.selection ?? null,
    restoredAt: null,
    problem: null,
  }
}

/** How the start reads what it needs. */
export interface StartSources {
  readonly drafts: DraftStore
  /** The IVR named in the page's URL, if any. */
  readonly ivrId: string | null
  readonly getIvr: (id: string) => Promise<LibraryResult<IvrText>>
  /** The IVR the editor kept before drafts existed, read once. */
  readonly legacy: () => { name: string; text: string } | null
  /** What to open when there is nothing else: a template. */
  readonly fallback: { name: string; text: string }
}

/**
 * What the editor opens when it starts: the IVR in the URL (with this browser's draft of it),
 * else the draft worked on last (a library IVR is checked against the server for newer
 * versions), else the IVR kept by earlier versions of the editor, else a template.
 */
export async function chooseStart(sources: StartSources): Promise<StartDocument> {
  const { drafts } = sources
  const current = await drafts.current().catch(() => undefined)
  const id = sources.ivrId ?? current?.library?.id ?? null
  if (id !== null) {
    const draft =
      current?.key === ivrDraftKey(id)
        ? current
        : await drafts.get(ivrDraftKey(id)).catch(() => undefined)
    const answer = await sources.getIvr(id)
    if (answer.ok) return startFromIvr(answer.value, draft)
    const problem =
      answer.failure.status === 410
        ? 'deleted'
        : answer.failure.status === 404
          ? 'not-found'
          : 'unreachable'
    // Offline, the draft is the best there is; an IVR gone from the library keeps its changes
    // as a file of its own.
    if (draft !== undefined && (problem === 'unreachable' || hasUnsavedChanges(draft))) {
      const start = startFromDraft(draft)
      return problem === 'unreachable'
        ? { ...start, problem }
        : { ...start, library: null, problem }
    }
    if (sources.ivrId !== null) {
      const rest = await chooseStart({ ...sources, ivrId: null })
      return { ...rest, problem }
    }
    if (current !== undefined && current.library === null) return startFromDraft(current)
  } else if (current !== undefined) {
    return startFromDraft(current)
  }
  if (current === undefined || current.library !== null) {
    const legacy = sources.legacy()
    if (legacy !== null) return startFromText(legacy.name, legacy.text)
  }
  return startFromText(sources.fallback.name, sources.fallback.text)
}

/** Opens `start` in the store: its saved text, then the changes, positions and selection kept. */
export function applyStart(store: AppStore, start: StartDocument): void {
  const bom = start.bom ? BOM : ''
  store.dispatch({
    type: 'document.open',
    name: start.name,
    text: bom + start.savedText,
    library: start.library,
  })
  if (start.text !== start.savedText) store.dispatch({ type: 'document.text', text: start.text })
  if (start.positions !== null && Object.keys(start.positions).length > 0) {
    store.dispatch({ type: 'canvas.positions', manual: start.positions })
  }
  if (start.selection !== null) {
    store.dispatch({
      type: 'selection.set',
      path: start.selection.path,
      span: start.selection.span,
      origin: 'search',
    })
  }
}

/** The library IVR a page address names, from `?ivr=<id>`. */
export function ivrIdOf(search: string): string | null {
  const id = new URLSearchParams(search).get(IVR_PARAM)
  return id === null || id === '' ? null : id
}

/** The page address with `?ivr=` naming `id` (or left out), every other part kept. */
export function addressWithIvr(href: string, id: string | null): string {
  const url = new URL(href)
  if (id === null) url.searchParams.delete(IVR_PARAM)
  else url.searchParams.set(IVR_PARAM, id)
  return url.toString()
}

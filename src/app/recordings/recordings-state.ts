import type { KnownRecordings } from '../../validate/rules/missing-recording.ts'
import type { DocumentState } from '../state/document.ts'
import type { ApiFailure } from './api.ts'
import { knownRecordingsOf, type Recording } from './recording.ts'

/** One file on its way to the server, or one the server refused. */
export interface UploadState {
  /** Local id, unique in the page. */
  readonly id: number
  readonly name: string
  readonly size: number
  /** Bytes sent so far. */
  readonly loaded: number
  /** `sending` while bytes go out, `checking` while the server reads them, `failed` after. */
  readonly phase: 'sending' | 'checking' | 'failed'
  readonly failure: ApiFailure | null
}

/** The recordings of the server, the uploads under way, and whether the panel is open. */
export interface RecordingsState {
  /** `idle` before the first listing, `unavailable` when the server has no recordings API. */
  readonly status: 'idle' | 'loading' | 'ready' | 'failed' | 'unavailable'
  /** Newest first, as the server lists them. */
  readonly items: readonly Recording[]
  /** The base of play URLs of this server, once listed. */
  readonly baseUrl: string | null
  /** What the validator checks play URLs against; `undefined` until the list is known. */
  readonly known: KnownRecordings | undefined
  readonly failure: ApiFailure | null
  readonly uploads: readonly UploadState[]
  /** Ids of the recordings added last, to point them out in the list. */
  readonly added: readonly string[]
  readonly panelOpen: boolean
}

/** Every change to the recordings slice, as data. */
export type RecordingsAction =
  | { readonly type: 'recordings.loading' }
  | {
      readonly type: 'recordings.loaded'
      readonly recordings: readonly Recording[]
      readonly baseUrl: string
    }
  | { readonly type: 'recordings.load-failed'; readonly failure: ApiFailure }
  | {
      readonly type: 'recordings.upload-started'
      readonly uploads: readonly {
        readonly id: number
        readonly name: string
        readonly size: number
      }[]
    }
  | { readonly type: 'recordings.upload-progress'; readonly id: number; readonly loaded: number }
  | { readonly type: 'recordings.upload-done'; readonly id: number; readonly recording: Recording }
  | { readonly type: 'recordings.upload-failed'; readonly id: number; readonly failure: ApiFailure }
  | { readonly type: 'recordings.upload-dismissed'; readonly id: number }
  | { readonly type: 'recordings.removed'; readonly id: string }
  | { readonly type: 'recordings.panel'; readonly open: boolean }

/** Nothing known yet, the panel closed. */
export const EMPTY_RECORDINGS: RecordingsState = {
  status: 'idle',
  items: [],
  baseUrl: null,
  known: undefined,
  failure: null,
  uploads: [],
  added: [],
  panelOpen: false,
}

/** `state` with `items`, and the validator's view of them when the base is known. */
function withItems(state: RecordingsState, items: readonly Recording[]): RecordingsState {
  const next = state.baseUrl === null ? undefined : knownRecordingsOf(items, state.baseUrl)
  // The same recordings keep the same object, so the document is not validated again for nothing.
  const known = sameRecordings(state.known, next) ? state.known : next
  return { ...state, items, known }
}

function sameRecordings(a: KnownRecordings | undefined, b: KnownRecordings | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  if (a.baseUrl !== b.baseUrl || a.files.size !== b.files.size) return false
  for (const file of a.files) if (!b.files.has(file)) return false
  return true
}

function updateUpload(
  state: RecordingsState,
  id: number,
  change: (upload: UploadState) => UploadState,
): RecordingsState {
  const index = state.uploads.findIndex((u) => u.id === id)
  if (index < 0) return state
  const before = state.uploads[index] as UploadState
  const after = change(before)
  if (after === before) return state
  const uploads = [...state.uploads]
  uploads[index] = after
  return { ...state, uploads }
}

/** The recordings slice after `action`; the same object when nothing changes. */
export function reduceRecordings(
  state: RecordingsState,
  action: RecordingsAction,
): RecordingsState {
  switch (action.type) {
    case 'recordings.loading':
      return state.status === 'loading' ? state : { ...state, status: 'loading' }
    case 'recordings.loaded':
      return withItems(
        { ...state, status: 'ready', failure: null, baseUrl: action.baseUrl },
        action.recordings,
      )
    case 'recordings.load-failed':
      return {
        ...state,
        status: action.failure.status === 404 ? 'unavailable' : 'failed',
        failure: action.failure,
      }
    case 'recordings.upload-started': {
      const fresh = action.uploads.map<UploadState>((u) => ({
        ...u,
        loaded: 0,
        phase: 'sending',
        failure: null,
      }))
      const ids = new Set(fresh.map((u) => u.id))
      return { ...state, uploads: [...state.uploads.filter((u) => !ids.has(u.id)), ...fresh] }
    }
    case 'recordings.upload-progress':
      return updateUpload(state, action.id, (upload) => {
        const loaded = Math.min(action.loaded, upload.size)
        const phase = loaded >= upload.size ? 'checking' : 'sending'
        return upload.phase === 'failed' || (upload.loaded === loaded && upload.phase === phase)
          ? upload
          : { ...upload, loaded, phase }
      })
    case 'recordings.upload-done': {
      const { recording } = action
      const uploads = state.uploads.filter((u) => u.id !== action.id)
      const items = [recording, ...state.items.filter((r) => r.id !== recording.id)]
      const added = [...state.added.filter((id) => id !== recording.id), recording.id].slice(-20)
      return withItems({ ...state, uploads, added }, items)
    }
    case 'recordings.upload-failed':
      return updateUpload(state, action.id, (upload) => ({
        ...upload,
        phase: 'failed',
        failure: action.failure,
      }))
    case 'recordings.upload-dismissed':
      return state.uploads.some((u) => u.id === action.id)
        ? { ...state, uploads: state.uploads.filter((u) => u.id !== action.id) }
        : state
    case 'recordings.removed':
      return state.items.some((r) => r.id === action.id)
        ? withItems(
            state,
            state.items.filter((r) => r.id !== action.id),
          )
        : state
    case 'recordings.panel':
      return state.panelOpen === action.open ? state : { ...state, panelOpen: action.open }
  }
}

/**
 * The document validated against `known` from now on: a new view when the recordings it is
 * checked against changed, else the same document.
 */
export function validateAgainst(
  document: DocumentState,
  known: KnownRecordings | undefined,
): DocumentState {
  if (!document.session.setRecordings(known)) return document
  return { ...document, view: document.session.view(document.view.text) }
}

import type { Point } from '../../graph/layout.ts'
import { createHistory, record, seal, type History } from '../../history/history.ts'
import type { MessageId } from '../../i18n/en.ts'
import { pathKey } from '../../model/path.ts'
import { applyEdits, type TextEdit } from '../../ops/text-edit.ts'
import { diffTexts } from '../editor/text-edits.ts'
import type { AppAction, AppState } from './app-store.ts'
import type { Selection } from './document.ts'

/**
 * The app's one undo history: the core log of `src/history` over the document text, whose
 * entries also carry what to restore around the text — the selection and where the cards stand.
 * This module is the pure half (state and reducer); `history-recorder.ts` tags the changes as
 * they are dispatched and applies undo and redo.
 */

/** What an entry restores besides the text: the selection and the cards the admin placed. */
export interface HistorySnapshot {
  readonly selection: Selection | null
  readonly manual: Readonly<Record<string, Point>>
}

/** The undo history of the open document. */
export type AppHistory = History<HistorySnapshot>

/** Typing in the YAML editor: merged into one entry until a pause (the core's window). */
export const TYPING_KEY = 'typing'
/** Entry labels: message ids, like the `op.title.*` ids of ops. */
export const TYPING_LABEL: MessageId = 'undo.typing'
export const EDIT_LABEL: MessageId = 'undo.edit'
export const MOVE_LABEL: MessageId = 'undo.move-cards'
export const TIDY_LABEL: MessageId = 'canvas.tidy'

/** An empty history, as after opening a document. */
export function createAppHistory(): AppHistory {
  return createHistory<HistorySnapshot>()
}

/** The actions whose changes the history records. */
export type RecordableAction = Extract<
  AppAction,
  { type: 'document.text' } | { type: 'canvas.move' } | { type: 'canvas.tidy' }
>

/** How one change enters the history. */
export type HistoryTag =
  | {
      /** A new entry, or one merged into the last when the coalesce keys match in the window. */
      readonly kind: 'record'
      /** A message id: an op title or one of the labels above. */
      readonly label: string
      readonly coalesceKey?: string
      readonly time: number
      /** The exact edits, when known; else the difference of the texts is recorded. */
      readonly edits?: readonly TextEdit[]
    }
  | {
      /** The change is an undo or redo: the history, selection and positions it leads to. */
      readonly kind: 'restore'
      readonly history: AppHistory
      readonly snapshot: HistorySnapshot
      /** The text the step gives; any other text means the step no longer applies. */
      readonly text: string
    }
  | {
      /** A change not to be undone (the editor normalising line breaks): the history restarts. */
      readonly kind: 'forget'
    }

export type HistoryAction =
  | { readonly type: 'history.change'; readonly action: RecordableAction; readonly tag: HistoryTag }
  | {
      /** An undo or redo that changes no text (card positions): its history and snapshot. */
      readonly type: 'history.step'
      readonly history: AppHistory
      readonly snapshot: HistorySnapshot
    }
  | {
      /** The next change starts a new entry even if it could merge (the cursor was moved). */
      readonly type: 'history.seal'
    }

/** What the history keeps of `state` to restore it later. */
export function snapshotOf(state: AppState): HistorySnapshot {
  return { selection: state.selection, manual: state.canvas.manual }
}

/**
 * The app state after a history action; `reduce` is the app's reducer, for the change a
 * `history.change` carries.
 */
export function reduceHistory(
  state: AppState,
  action: HistoryAction,
  reduce: (state: AppState, action: AppAction) => AppState,
): AppState {
  switch (action.type) {
    case 'history.seal': {
      const history = seal(state.history)
      return history === state.history ? state : { ...state, history }
    }
    case 'history.step':
      return restore(state, action.history, action.snapshot)
    case 'history.change': {
      const next = reduce(state, action.action)
      if (next === state) return state
      const { tag } = action
      switch (tag.kind) {
        case 'forget':
          return { ...next, history: createAppHistory() }
        case 'restore':
          return next.document.view.text === tag.text
            ? restore(next, tag.history, tag.snapshot)
            : { ...next, history: createAppHistory() }
        case 'record': {
          const before = state.document.view.text
          const after = next.document.view.text
          const edits = before === after ? [] : changeEdits(before, after, tag.edits)
          const history = record(next.history, {
            edits,
            textBefore: before,
            label: tag.label,
            selectionBefore: snapshotOf(state),
            selectionAfter: snapshotOf(next),
            ...(tag.coalesceKey === undefined ? {} : { coalesceKey: tag.coalesceKey }),
            time: tag.time,
            keepEmpty: edits.length === 0,
          })
          return history === next.history ? next : { ...next, history }
        }
      }
    }
  }
}

/**
 * `history` after an undo or redo, with the entry just stepped over remembering `snapshot` (the
 * selection and positions it was left with) on the side it was left from: as its
 * `selectionAfter` after an undo, its `selectionBefore` after a redo.
 */
export function leaving(
  history: AppHistory,
  direction: 'undo' | 'redo',
  snapshot: HistorySnapshot,
): AppHistory {
  if (direction === 'undo') {
    const entry = history.undone[history.undone.length - 1]
    if (!entry) return history
    const undone = [...history.undone.slice(0, -1), { ...entry, selectionAfter: snapshot }]
    return { ...history, undone }
  }
  const entry = history.done[history.done.length - 1]
  if (!entry) return history
  return {
    ...history,
    done: [...history.done.slice(0, -1), { ...entry, selectionBefore: snapshot }],
  }
}

/** `known` when it turns `before` into `after`, else the one edit between the two texts. */
function changeEdits(
  before: string,
  after: string,
  known: readonly TextEdit[] | undefined,
): readonly TextEdit[] {
  if (known) {
    const applied = applyEdits(before, known)
    if (applied.ok && applied.text === after) return known
  }
  const edit = diffTexts(before, after)
  return edit ? [edit] : []
}

/**
 * `state` with `history` and what `snapshot` kept: the cards where they stood, and the selection
 * as it was (left alone when it names the same thing, so that no view moves for nothing).
 */
function restore(state: AppState, history: AppHistory, snapshot: HistorySnapshot): AppState {
  const canvas =
    snapshot.manual === state.canvas.manual
      ? state.canvas
      : { ...state.canvas, manual: snapshot.manual }
  return {
    ...state,
    history,
    canvas,
    selection: restoredSelection(state.selection, snapshot.selection),
  }
}

function restoredSelection(current: Selection | null, wanted: Selection | null): Selection | null {
  if (wanted === null) return null
  if (current !== null && pathKey(current.path) === pathKey(wanted.path)) return current
  return {
    ...wanted,
    // Brought back, not asked for: the YAML editor keeps its cursor and scroll (it does not
    // reveal what its own cursor selects), and the canvas shows it only when it is out of view.
    origin: 'editor',
  }
}

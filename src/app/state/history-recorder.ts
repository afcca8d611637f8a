import { redo, undo, type HistoryStep } from '../../history/history.ts'
import { applyEdits, type TextEdit } from '../../ops/text-edit.ts'
import type { AppAction, AppStore } from './app-store.ts'
import { getEditSink } from './edit-sink.ts'
import {
  EDIT_LABEL,
  MOVE_LABEL,
  TIDY_LABEL,
  TYPING_KEY,
  TYPING_LABEL,
  leaving,
  snapshotOf,
  type HistorySnapshot,
  type HistoryTag,
} from './history-state.ts'

/**
 * The impure half of the app's undo history: which entry a change belongs to while it is being
 * made (a transaction, typing, an undo), and undo and redo themselves. Every change goes through
 * the store's `dispatch`, which asks `tagForHistory` how to record it, so every view records
 * without doing anything: an op applied with `useApplyOp` or `applyTextEdits` is one entry
 * labelled with its title; typing in the YAML editor is merged until a pause; a card drag and
 * "Tidy up" are entries that put the cards back (cards placed in the same task right after an
 * op join its entry). Changes are synchronous, so the context is
 * simply what is open while `dispatch` runs.
 */

interface Transaction {
  readonly label: string
  readonly key: string
  /** The time of the first change in it, so that all its changes merge. */
  time: number | null
  /** The exact edits about to be applied, against the store's text. */
  edits: readonly TextEdit[] | null
}

interface Restoring {
  readonly step: Extract<HistoryStep<HistorySnapshot>, { ok: true }>
  readonly text: string
  consumed: boolean
}

let transaction: Transaction | null = null
let transactions = 0
let typing = 0
let forgetting = 0
let restoring: Restoring | null = null

/**
 * Runs `fn`, recording every change it makes (ops, text edits, card moves) as ONE entry labelled
 * `label` (a message id, such as an op's `op.title.*`). For a gesture made of several ops, such
 * as adding a section and placing its card. Inside another transaction it simply joins that one.
 * `fn` must make its changes synchronously; whatever it changes after an `await` is recorded on
 * its own.
 */
export function recordTransaction<T>(label: string, fn: () => T): T {
  if (transaction !== null || restoring !== null) return fn()
  // Typing not yet handed to the store is an entry of its own, before this one.
  getEditSink()?.flush()
  tail = null
  transaction = { label, key: `transaction:${++transactions}`, time: null, edits: null }
  try {
    return fn()
  } finally {
    const ended = transaction
    transaction = null
    // Cards placed right after it, in the same task, are part of the gesture (a palette drop
    // adds a section, then puts its card where it was dropped).
    if (ended.time !== null) {
      const joinable = { label: ended.label, key: ended.key, time: ended.time }
      tail = joinable
      queueMicrotask(() => {
        if (tail === joinable) tail = null
      })
    }
  }
}

/** The transaction that just ended, which card moves still join until the task ends. */
let tail: { readonly label: string; readonly key: string; readonly time: number } | null = null

/**
 * Tells the transaction the exact edits its next text change makes against the store's text, so
 * that its entry keeps only them (else the difference of the two texts is kept).
 */
export function noteEdits(edits: readonly TextEdit[]): void {
  if (transaction !== null) transaction.edits = edits
}

/** Runs `fn`, whose text changes are typing: merged into one entry until a pause. */
export function recordTyping<T>(fn: () => T): T {
  typing++
  try {
    return fn()
  } finally {
    typing--
  }
}

/**
 * Runs `fn`, whose text changes are not to be undone (the editor normalising line breaks of a
 * document just opened): the history starts afresh after them.
 */
export function withoutHistory<T>(fn: () => T): T {
  forgetting++
  try {
    return fn()
  } finally {
    forgetting--
  }
}

/**
 * `action` as the store should reduce it: a text change or card move wrapped with how the
 * history records it, at `time` (the store's clock, in milliseconds). Other actions pass.
 */
export function tagForHistory(action: AppAction, time: number): AppAction {
  if (
    action.type !== 'document.text' &&
    action.type !== 'canvas.move' &&
    action.type !== 'canvas.tidy'
  )
    return action
  let tag: HistoryTag
  if (restoring !== null) {
    if (action.type !== 'document.text') return action
    restoring.consumed = true
    const { history, selection } = restoring.step
    tag = { kind: 'restore', history, snapshot: selection, text: restoring.text }
  } else if (forgetting > 0 && action.type === 'document.text') {
    tag = { kind: 'forget' }
  } else if (transaction !== null) {
    transaction.time ??= time
    const edits = action.type === 'document.text' ? transaction.edits : null
    if (action.type === 'document.text') transaction.edits = null
    tag = {
      kind: 'record',
      label: transaction.label,
      coalesceKey: transaction.key,
      time: transaction.time,
      ...(edits ? { edits } : {}),
    }
  } else if (tail !== null && action.type === 'canvas.move') {
    tag = { kind: 'record', label: tail.label, coalesceKey: tail.key, time: tail.time }
  } else if (action.type === 'document.text') {
    tail = null
    tag =
      typing > 0
        ? { kind: 'record', label: TYPING_LABEL, coalesceKey: TYPING_KEY, time }
        : { kind: 'record', label: EDIT_LABEL, time }
  } else {
    tag = { kind: 'record', label: action.type === 'canvas.tidy' ? TIDY_LABEL : MOVE_LABEL, time }
  }
  return { type: 'history.change', action, tag }
}

/**
 * Undoes the last entry of `store`'s history: its text through the YAML editor when it is open
 * (keeping its scroll; after typing, the cursor goes where the text changed), its selection and
 * card positions as they were. Returns whether something was undone.
 */
export function undoIn(store: AppStore): boolean {
  return step(store, 'undo')
}

/** Redoes the last undone entry of `store`'s history; returns whether something was redone. */
export function redoIn(store: AppStore): boolean {
  return step(store, 'redo')
}

function step(store: AppStore, direction: 'undo' | 'redo'): boolean {
  if (restoring !== null || transaction !== null) return false
  tail = null
  const sink = getEditSink()
  // Typing not yet handed to the store is recorded first, so that it is what gets undone.
  sink?.flush()
  const state = store.getState()
  const text = state.document.view.text
  const history = state.history
  const stepped = direction === 'undo' ? undo(history, text) : redo(history, text)
  if (!stepped.ok) return false
  // The entry remembers the selection and positions as they are now, when it is left: redo
  // brings back what undo left (a selection made after the op included), and the other way.
  const next = { ...stepped, history: leaving(stepped.history, direction, snapshotOf(state)) }
  const entry =
    direction === 'undo'
      ? history.done[history.done.length - 1]
      : history.undone[history.undone.length - 1]
  const expected = applyEdits(text, next.edits)
  if (!expected.ok) return false
  if (next.edits.length === 0) {
    store.dispatch({ type: 'history.step', history: next.history, snapshot: next.selection })
    return true
  }
  const current: Restoring = { step: next, text: expected.text, consumed: false }
  restoring = current
  try {
    if (sink) sink.apply(next.edits, { cursor: entry?.coalesceKey === TYPING_KEY ? 'end' : 'keep' })
    else store.dispatch({ type: 'document.text', text: expected.text })
  } finally {
    restoring = null
  }
  return current.consumed && store.getState().document.view.text === expected.text
}

import type { TextEdit } from '../ops/text-edit.ts'
import {
  composeEdits,
  invertAgainst,
  invertEdits,
  normalizeEdits,
  sliceAfterEdits,
} from './edit-algebra.ts'

/**
 * One undo/redo log of text-edit transactions, shared by the canvas and the YAML editor. A
 * history is an immutable value: every function returns a new one. Time is passed in (no timers
 * here), so coalescing is decided by the caller's clock. `S` is whatever a view needs to restore
 * its selection.
 */
export interface History<S = unknown> {
  /** Entries that can be undone, oldest first. */
  readonly done: readonly HistoryEntry<S>[]
  /** Entries that can be redone, the next one last. */
  readonly undone: readonly HistoryEntry<S>[]
  readonly options: HistoryOptions
  /** Named positions: the id of the entry on top when the mark was set, 0 for none. */
  readonly marks: ReadonlyMap<string, number>
  /** Whether the next record starts a new entry even when it could coalesce. */
  readonly sealed: boolean
  /** The id the next entry gets. */
  readonly nextId: number
}

/** One transaction: edits against the text before it, and their inverse against the text after. */
export interface HistoryEntry<S = unknown> {
  readonly id: number
  /** What the entry did, for menus: an op title id (`op.title.*`) or any message id. */
  readonly label: string
  /** Normalised edits against the text before. */
  readonly forward: readonly TextEdit[]
  /** Normalised edits against the text after; `inverse[i]` undoes `forward[i]`. */
  readonly inverse: readonly TextEdit[]
  readonly lengthBefore: number
  readonly lengthAfter: number
  readonly selectionBefore: S
  readonly selectionAfter: S
  /** Entries with the same key recorded within the window merge (typing). */
  readonly coalesceKey: string | null
  /** When the last change merged into this entry was recorded, in the caller's milliseconds. */
  readonly time: number | null
}

export interface HistoryOptions {
  /** How many entries to keep; the oldest go first. */
  readonly limit: number
  /** How long after the last change a change with the same coalesce key still merges, in ms. */
  readonly coalesceWindow: number
}

export const DEFAULT_HISTORY_OPTIONS: HistoryOptions = { limit: 500, coalesceWindow: 1000 }

/** An empty history: nothing to undo, as after loading a file. */
export function createHistory<S = unknown>(options: Partial<HistoryOptions> = {}): History<S> {
  return {
    done: [],
    undone: [],
    options: { ...DEFAULT_HISTORY_OPTIONS, ...options },
    marks: new Map(),
    sealed: false,
    nextId: 1,
  }
}

/** A change to record. */
export interface RecordInput<S = unknown> {
  /** The edits as applied, against `textBefore`. */
  readonly edits: readonly TextEdit[]
  /** The exact text the edits were applied to; only the replaced parts are kept. */
  readonly textBefore: string
  readonly label: string
  readonly selectionBefore: S
  readonly selectionAfter: S
  /** Set for typing: changes with the same key merge until a pause longer than the window. */
  readonly coalesceKey?: string
  /** The caller's clock in milliseconds; needed for coalescing. */
  readonly time?: number
  /**
   * Records an entry even when the edits change nothing: a change outside the text (such as
   * where the canvas cards stand), carried by the selections before and after.
   */
  readonly keepEmpty?: boolean
}

/**
 * The history with a change recorded: merged into the last entry when both carry the same
 * coalesce key, the change comes within the window, nothing was undone since, and no mark or
 * seal stands after that entry; otherwise a new entry. Recording clears what could be redone.
 * Edits that change nothing are not recorded (unless `keepEmpty` is set); edits that overlap or
 * leave the text are refused (the history comes back unchanged), since no inverse could be
 * computed for them.
 */
export function record<S>(history: History<S>, input: RecordInput<S>): History<S> {
  const forward = normalizeEdits(input.edits)
  if (!forward || forward.some((e) => e.offset + e.length > input.textBefore.length)) return history
  if (forward.length === 0 && !input.keepEmpty) return history
  const growth = forward.reduce((sum, e) => sum + e.text.length - e.length, 0)
  const entry: HistoryEntry<S> = {
    id: history.nextId,
    label: input.label,
    forward,
    inverse: invertAgainst(forward, input.textBefore),
    lengthBefore: input.textBefore.length,
    lengthAfter: input.textBefore.length + growth,
    selectionBefore: input.selectionBefore,
    selectionAfter: input.selectionAfter,
    coalesceKey: input.coalesceKey ?? null,
    time: input.time ?? null,
  }
  const top = history.done[history.done.length - 1]
  if (top && canCoalesce(history, top, entry)) {
    const merged = mergeEntries(top, entry, input.textBefore)
    return { ...history, done: [...history.done.slice(0, -1), merged], undone: [], sealed: false }
  }
  const done = [...history.done, entry]
  const overflow = Math.max(0, done.length - history.options.limit)
  return {
    ...history,
    done: done.slice(overflow),
    undone: [],
    sealed: false,
    nextId: history.nextId + 1,
  }
}

function canCoalesce<S>(
  history: History<S>,
  top: HistoryEntry<S>,
  entry: HistoryEntry<S>,
): boolean {
  if (history.sealed || history.undone.length > 0) return false
  if (entry.coalesceKey === null || entry.coalesceKey !== top.coalesceKey) return false
  if (
    entry.time === null ||
    top.time === null ||
    entry.time - top.time > history.options.coalesceWindow
  ) {
    return false
  }
  if (top.lengthAfter !== entry.lengthBefore) return false
  for (const id of history.marks.values()) if (id === top.id) return false
  return true
}

/** `first` then `second` as one entry; `between` is the text after `first`, before `second`. */
function mergeEntries<S>(
  first: HistoryEntry<S>,
  second: HistoryEntry<S>,
  between: string,
): HistoryEntry<S> {
  const forward = composeEdits(first.forward, second.forward)
  // The text before `first` is `between` with `first` undone; only the replaced parts are read.
  const inverse = invertEdits(forward, (edit) =>
    sliceAfterEdits(between, first.inverse, edit.offset, edit.offset + edit.length),
  )
  return {
    ...first,
    forward,
    inverse,
    lengthAfter: second.lengthAfter,
    selectionAfter: second.selectionAfter,
    time: second.time,
  }
}

/** The history with the next record starting a new entry (after a pause, a click, a blur). */
export function seal<S>(history: History<S>): History<S> {
  return history.sealed ? history : { ...history, sealed: true }
}

/** What undo or redo gives: edits to apply to the current text and the selection to restore. */
export type HistoryStep<S> =
  | {
      readonly ok: true
      readonly history: History<S>
      readonly edits: readonly TextEdit[]
      readonly selection: S
      readonly label: string
    }
  | {
      readonly ok: false
      /** `empty`: nothing to undo or redo; `mismatch`: the text is not the one the entry left. */
      readonly reason: 'empty' | 'mismatch'
    }

/**
 * Undoes the last entry: the inverse edits against `currentText`, and the selection from before
 * it. Refused with `mismatch` when `currentText` is not the text the entry left behind, so that
 * an unrecorded change is never undone over.
 */
export function undo<S>(history: History<S>, currentText: string): HistoryStep<S> {
  const entry = history.done[history.done.length - 1]
  if (!entry) return { ok: false, reason: 'empty' }
  if (!matches(currentText, entry.lengthAfter, entry.inverse, entry.forward)) {
    return { ok: false, reason: 'mismatch' }
  }
  return {
    ok: true,
    history: {
      ...history,
      done: history.done.slice(0, -1),
      undone: [...history.undone, entry],
      sealed: true,
    },
    edits: entry.inverse,
    selection: entry.selectionBefore,
    label: entry.label,
  }
}

/** Redoes the last undone entry: its edits against `currentText`, and the selection after it. */
export function redo<S>(history: History<S>, currentText: string): HistoryStep<S> {
  const entry = history.undone[history.undone.length - 1]
  if (!entry) return { ok: false, reason: 'empty' }
  if (!matches(currentText, entry.lengthBefore, entry.forward, entry.inverse)) {
    return { ok: false, reason: 'mismatch' }
  }
  return {
    ok: true,
    history: {
      ...history,
      done: [...history.done, entry],
      undone: history.undone.slice(0, -1),
      sealed: true,
    },
    edits: entry.forward,
    selection: entry.selectionAfter,
    label: entry.label,
  }
}

/** Whether `text` holds, where `edits` apply, what `counterpart` wrote there. */
function matches(
  text: string,
  length: number,
  edits: readonly TextEdit[],
  counterpart: readonly TextEdit[],
): boolean {
  if (text.length !== length) return false
  return edits.every(
    (edit, i) => text.slice(edit.offset, edit.offset + edit.length) === counterpart[i]?.text,
  )
}

/** Whether there is something to undo. */
export function canUndo(history: History<unknown>): boolean {
  return history.done.length > 0
}

/** Whether there is something to redo. */
export function canRedo(history: History<unknown>): boolean {
  return history.undone.length > 0
}

/** The label of what undo would undo, or `null`. */
export function undoLabel(history: History<unknown>): string | null {
  return history.done[history.done.length - 1]?.label ?? null
}

/** The label of what redo would redo, or `null`. */
export function redoLabel(history: History<unknown>): string | null {
  return history.undone[history.undone.length - 1]?.label ?? null
}

/**
 * The history with mark `name` at the current position, such as `saved` after a save. A mark
 * also stops the entry below it from coalescing with later typing.
 */
export function mark<S>(history: History<S>, name: string): History<S> {
  const marks = new Map(history.marks)
  marks.set(name, topId(history))
  return { ...history, marks }
}

/** Whether the history stands where mark `name` was set (for `saved`: no unsaved changes). */
export function isAtMark(history: History<unknown>, name: string): boolean {
  return history.marks.get(name) === topId(history)
}

/** The history without mark `name`. */
export function clearMark<S>(history: History<S>, name: string): History<S> {
  if (!history.marks.has(name)) return history
  const marks = new Map(history.marks)
  marks.delete(name)
  return { ...history, marks }
}

/**
 * The history with every entry recorded since mark `name` merged into one, labelled `label`:
 * a gesture recorded step by step that should undo in one go. `currentText` is the text now.
 * Unchanged when the mark is not in the history, nothing was recorded since, or `currentText` is
 * not the text the last entry left.
 */
export function squashToMark<S>(
  history: History<S>,
  name: string,
  currentText: string,
  label?: string,
): History<S> {
  const id = history.marks.get(name)
  if (id === undefined) return history
  const from = id === 0 ? 0 : history.done.findIndex((e) => e.id === id) + 1
  if (from === 0 && id !== 0) return history
  const entries = history.done.slice(from)
  if (entries.length < 2) {
    return label && entries[0]
      ? { ...history, done: [...history.done.slice(0, -1), { ...entries[0], label }] }
      : history
  }
  const first = entries[0]!
  const last = entries[entries.length - 1]!
  if (currentText.length !== last.lengthAfter) return history
  let forward: TextEdit[] = [...first.forward]
  let undoAll: TextEdit[] = [...last.inverse]
  for (let i = 1; i < entries.length; i++) forward = composeEdits(forward, entries[i]!.forward)
  for (let i = entries.length - 2; i >= 0; i--) undoAll = composeEdits(undoAll, entries[i]!.inverse)
  // The merged entry ends where the last one did, so marks set after it still hold.
  const merged: HistoryEntry<S> = {
    ...first,
    id: last.id,
    label: label ?? first.label,
    forward,
    inverse: invertEdits(forward, (edit) =>
      sliceAfterEdits(currentText, undoAll, edit.offset, edit.offset + edit.length),
    ),
    lengthAfter: last.lengthAfter,
    selectionAfter: last.selectionAfter,
    time: last.time,
  }
  return { ...history, done: [...history.done.slice(0, from), merged], sealed: true }
}

function topId(history: History<unknown>): number {
  return history.done[history.done.length - 1]?.id ?? 0
}

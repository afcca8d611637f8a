import { readdirSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppStore, reduceApp, type AppStore } from '../../../src/app/state/app-store.ts'
import { diffTexts, rebaseEdits } from '../../../src/app/editor/text-edits.ts'
import { formatShortcut, matchesShortcut, SHORTCUTS } from '../../../src/app/panels/shortcuts.ts'
import { setEditSink, type ApplyOptions } from '../../../src/app/state/edit-sink.ts'
import {
  recordTransaction,
  recordTyping,
  redoIn,
  undoIn,
  withoutHistory,
} from '../../../src/app/state/history-recorder.ts'
import { applyOpIn, applyTextEdits } from '../../../src/app/state/use-editing.ts'
import { layoutKey } from '../../../src/graph/layout.ts'
import { canRedo, canUndo, undo } from '../../../src/history/history.ts'
import { applyEdits, type TextEdit } from '../../../src/ops/text-edit.ts'
import { dedent } from '../../helpers/dedent.ts'
import { editSequence } from '../../helpers/edit-sequence.ts'

const IVR = dedent`
  online:
    - play: https://example.com/welcome.mp3
    - ring
  offline:
    - voicemail
  queue:
    - play: https://example.com/hold.mp3
`

const TEMPLATES = new URL('../../../src/app/templates/', import.meta.url)

/** A store on `text` whose clock the test moves. */
function open(text = IVR) {
  const clock = { now: 1000 }
  const store = createAppStore({
    storage: undefined,
    languages: ['en'],
    document: { name: 'test.yaml', text },
    now: () => clock.now,
  })
  return { store, clock }
}

const textOf = (store: AppStore) => store.getState().document.view.text
const labels = (store: AppStore) => ({
  done: store.getState().history.done.map((e) => e.label),
  undone: store.getState().history.undone.map((e) => e.label),
})

/** Types `text` at `offset` the way the YAML editor hands typing to the store. */
function type(store: AppStore, offset: number, text: string) {
  const before = textOf(store)
  recordTyping(() =>
    store.dispatch({
      type: 'document.text',
      text: before.slice(0, offset) + text + before.slice(offset),
    }),
  )
}

/**
 * A stand-in for the YAML editor: it holds text not yet handed to the store, applies edits as
 * Monaco would (against its own text, moved over what the store has not seen) and hands its text
 * on as typing, like `flushText`.
 */
function fakeEditor(store: AppStore) {
  const editor = {
    text: textOf(store),
    applied: [] as { edits: readonly TextEdit[]; options: ApplyOptions | undefined }[],
    flushes: 0,
    flush() {
      editor.flushes++
      if (editor.text !== textOf(store)) {
        recordTyping(() => store.dispatch({ type: 'document.text', text: editor.text }))
      }
    },
  }
  const stop = setEditSink({
    apply(edits, options) {
      editor.applied.push({ edits, options })
      const over = diffTexts(options?.base ?? textOf(store), editor.text)
      const rebased = over ? rebaseEdits(edits, over) : edits
      if (!rebased) throw new Error('conflict')
      const result = applyEdits(editor.text, rebased)
      if (!result.ok) throw new Error(result.error)
      editor.text = result.text
      editor.flush()
    },
    flush: () => editor.flush(),
  })
  return { editor, stop }
}

let stopSink: (() => void) | null = null
afterEach(() => {
  stopSink?.()
  stopSink = null
})

describe('the app undo history', () => {
  it('records an op as one entry with its title, and undoes and redoes it exactly', () => {
    const { store } = open()
    store.dispatch({ type: 'selection.set', path: ['offline'], origin: 'canvas' })
    expect(applyOpIn(store, { type: 'section.rename', name: 'offline', to: 'closed' })).toBe(true)
    const renamed = textOf(store)
    expect(renamed).toContain('closed:\n')
    store.dispatch({ type: 'selection.set', path: ['closed'], origin: 'canvas' })
    expect(labels(store)).toEqual({ done: ['op.title.section.rename'], undone: [] })

    expect(undoIn(store)).toBe(true)
    expect(textOf(store)).toBe(IVR)
    expect(store.getState().selection?.path).toEqual(['offline'])
    expect(labels(store)).toEqual({ done: [], undone: ['op.title.section.rename'] })
    expect(undoIn(store)).toBe(false)

    expect(redoIn(store)).toBe(true)
    expect(textOf(store)).toBe(renamed)
    expect(redoIn(store)).toBe(false)
  })

  it('keeps only the edits an op made, not a copy of the text between them', () => {
    const { store } = open()
    applyOpIn(store, { type: 'section.rename', name: 'online', to: 'open' })
    const entry = store.getState().history.done[0]!
    expect(entry.forward).toEqual([{ offset: 0, length: 6, text: 'open' }])
    expect(entry.inverse).toEqual([{ offset: 0, length: 4, text: 'online' }])
  })

  it('does not record a refused op, and shows why', () => {
    const { store } = open()
    expect(applyOpIn(store, { type: 'section.rename', name: 'nowhere', to: 'x' })).toBe(false)
    expect(canUndo(store.getState().history)).toBe(false)
    expect(store.getState().toasts).toHaveLength(1)
  })

  it('merges typing until a pause, and a moved cursor ends a run', () => {
    const { store, clock } = open('a: []\n')
    type(store, 0, 'x')
    clock.now += 300
    type(store, 1, 'y')
    clock.now += 300
    type(store, 2, 'z')
    expect(labels(store).done).toEqual(['undo.typing'])
    clock.now += 1500
    type(store, 3, '1')
    expect(labels(store).done).toEqual(['undo.typing', 'undo.typing'])
    store.dispatch({ type: 'history.seal' })
    clock.now += 10
    type(store, 4, '2')
    expect(store.getState().history.done).toHaveLength(3)

    undoIn(store)
    expect(textOf(store)).toBe('xyz1a: []\n')
    undoIn(store)
    expect(textOf(store)).toBe('xyza: []\n')
    undoIn(store)
    expect(textOf(store)).toBe('a: []\n')
  })

  it('keeps typing and an op apart, however quickly one follows the other', () => {
    const { store } = open()
    type(store, IVR.length, 'extra:\n  - ring\n')
    applyOpIn(store, { type: 'section.delete', name: 'queue' })
    type(store, 0, '# x\n')
    expect(labels(store).done).toEqual(['undo.typing', 'op.title.section.delete', 'undo.typing'])
  })

  it('makes a transaction of several ops and a card move one entry, restoring positions both ways', () => {
    const { store } = open()
    store.dispatch({ type: 'canvas.positions', manual: { 'section:online': { x: 1, y: 2 } } })
    expect(canUndo(store.getState().history)).toBe(false)
    recordTransaction('op.title.section.add', () => {
      applyOpIn(store, { type: 'section.add', name: 'sales', commands: ['ring'] })
      applyOpIn(store, { type: 'command.add', list: ['sales'], index: 0, command: 'voicemail' })
      store.dispatch({
        type: 'canvas.move',
        moves: [{ id: 'section:sales', position: { x: 5, y: 6 } }],
      })
      store.dispatch({ type: 'selection.set', path: ['sales'], origin: 'canvas' })
    })
    const added = textOf(store)
    expect(added).toContain('sales:\n  - voicemail\n  - ring\n')
    expect(labels(store).done).toEqual(['op.title.section.add'])

    undoIn(store)
    expect(textOf(store)).toBe(IVR)
    expect(store.getState().canvas.manual).toEqual({ 'section:online': { x: 1, y: 2 } })
    expect(store.getState().selection).toBeNull()

    redoIn(store)
    expect(textOf(store)).toBe(added)
    expect(store.getState().canvas.manual).toEqual({
      'section:online': { x: 1, y: 2 },
      'section:sales': { x: 5, y: 6 },
    })
    expect(store.getState().selection?.path).toEqual(['sales'])
  })

  it('joins cards placed right after an op to its entry, but not a later drag', async () => {
    const { store } = open()
    applyOpIn(store, { type: 'section.add', name: 'sales' })
    const place = (x: number) =>
      store.dispatch({
        type: 'canvas.move',
        moves: [{ id: 'section:sales', position: { x, y: 0 } }],
      })
    place(10)
    expect(labels(store).done).toEqual(['op.title.section.add'])
    await Promise.resolve()
    place(20)
    expect(labels(store).done).toEqual(['op.title.section.add', 'undo.move-cards'])
    undoIn(store)
    undoIn(store)
    expect(textOf(store)).toBe(IVR)
    expect(store.getState().canvas.manual).toEqual({})
    redoIn(store)
    expect(store.getState().canvas.manual).toEqual({ 'section:sales': { x: 10, y: 0 } })
  })

  it('records a card drag and "Tidy up" as entries that put the cards back', () => {
    const { store } = open()
    store.dispatch({
      type: 'canvas.move',
      moves: [{ id: 'section:queue', position: { x: 9, y: 9 } }],
    })
    store.dispatch({
      type: 'canvas.move',
      moves: [{ id: 'section:online', position: { x: 1, y: 1 } }],
    })
    const moved = store.getState().canvas.manual
    const tidy = {
      type: 'canvas.tidy',
      key: layoutKey(store.getState().document.view.good.graph),
      positions: { 'section:online': { x: 0, y: 0 }, 'section:queue': { x: 0, y: 200 } },
    } as const
    store.dispatch(tidy)
    expect(store.getState().canvas.manual).toEqual({})
    expect(store.getState().canvas.auto).toEqual(tidy.positions)
    // Tidying what is already tidy changes nothing, and records nothing.
    store.dispatch({ ...tidy, positions: { ...tidy.positions } })
    expect(labels(store).done).toEqual(['undo.move-cards', 'undo.move-cards', 'canvas.tidy'])

    undoIn(store)
    expect(store.getState().canvas.manual).toBe(moved)
    undoIn(store)
    expect(store.getState().canvas.manual).toEqual({ 'section:queue': { x: 9, y: 9 } })
    redoIn(store)
    redoIn(store)
    expect(store.getState().canvas.manual).toEqual({})
    expect(textOf(store)).toBe(IVR)
  })

  it('starts afresh when a document is opened, and after changes it must not undo', () => {
    const { store } = open()
    applyOpIn(store, { type: 'section.delete', name: 'queue' })
    store.dispatch({ type: 'document.open', name: 'other.yaml', text: 'online: [ring]\n' })
    expect(canUndo(store.getState().history)).toBe(false)
    applyOpIn(store, { type: 'section.rename', name: 'online', to: 'open' })
    withoutHistory(() => store.dispatch({ type: 'document.text', text: 'online: [ring]\r\n' }))
    expect(canUndo(store.getState().history)).toBe(false)
  })

  it('refuses to undo over a change it did not record', () => {
    const { store } = open()
    applyOpIn(store, { type: 'section.delete', name: 'queue' })
    // The store's dispatch records every change; the reducer alone does not.
    const state = reduceApp(store.getState(), { type: 'document.text', text: '# changed\n' })
    expect(undo(state.history, state.document.view.text)).toEqual({ ok: false, reason: 'mismatch' })
  })

  it('sends undo through the YAML editor: typing first, the cursor to the change after typing', () => {
    const { store } = open()
    const { editor, stop } = fakeEditor(store)
    stopSink = stop
    // Typed, but not yet handed on when the op comes.
    editor.text = '# hours\n' + editor.text
    applyOpIn(store, { type: 'section.delete', name: 'queue' })
    expect(labels(store).done).toEqual(['undo.typing', 'op.title.section.delete'])
    expect(textOf(store)).toBe(editor.text)
    expect(textOf(store)).not.toContain('queue')

    undoIn(store)
    expect(editor.applied.at(-1)?.options).toEqual({ cursor: 'keep' })
    expect(textOf(store)).toBe('# hours\n' + IVR)
    undoIn(store)
    expect(editor.applied.at(-1)?.options).toEqual({ cursor: 'end' })
    expect(editor.text).toBe(IVR)
    expect(textOf(store)).toBe(IVR)
    expect(labels(store)).toEqual({ done: [], undone: ['op.title.section.delete', 'undo.typing'] })
    redoIn(store)
    redoIn(store)
    expect(textOf(store)).not.toContain('queue')
    expect(labels(store).undone).toEqual([])
  })

  it('moves edits made against an older text over typing not yet handed on', () => {
    const { store } = open()
    const { editor, stop } = fakeEditor(store)
    stopSink = stop
    const base = textOf(store)
    editor.text = '# top\n' + editor.text
    applyTextEdits(base, [{ offset: base.length, length: 0, text: 'extra: [ring]\n' }], () => {
      throw new Error('the editor is open')
    })
    expect(textOf(store)).toBe('# top\n' + IVR + 'extra: [ring]\n')
    expect(labels(store).done).toEqual(['undo.typing', 'undo.edit'])
    undoIn(store)
    expect(textOf(store)).toBe('# top\n' + IVR)
  })

  it('labels edits applied without an op, and joins them to a transaction under way', () => {
    const { store } = open()
    const set = (text: string) => store.dispatch({ type: 'document.text', text })
    applyTextEdits(textOf(store), [{ offset: 0, length: 0, text: '# a\n' }], set)
    recordTransaction('op.title.paste', () => {
      applyTextEdits(textOf(store), [{ offset: 0, length: 0, text: '# b\n' }], set)
      applyTextEdits(textOf(store), [{ offset: 0, length: 0, text: '# c\n' }], set, 'undo.edit')
    })
    expect(labels(store).done).toEqual(['undo.edit', 'op.title.paste'])
    undoIn(store)
    expect(textOf(store)).toBe('# a\n' + IVR)
    expect(canRedo(store.getState().history)).toBe(true)
  })

  describe.each(
    readdirSync(TEMPLATES).filter((name) => name.endsWith('.yaml') && name !== 'empty.yaml'),
  )('the template %s', (name) => {
    it('comes back byte for byte after a sequence of ops and as many undos, and redoes', () => {
      const original = readFileSync(new URL(name, TEMPLATES), 'utf8')
      const { store, clock } = open(original)
      const ops = editSequence(original)
      expect(ops).not.toBeNull()
      const texts = [original]
      for (const op of ops!) {
        clock.now += 10
        expect(applyOpIn(store, op), JSON.stringify(op)).toBe(true)
        expect(textOf(store)).not.toBe(texts[texts.length - 1])
        texts.push(textOf(store))
      }
      expect(store.getState().history.done).toHaveLength(ops!.length)
      for (let i = ops!.length - 1; i >= 0; i--) {
        expect(undoIn(store)).toBe(true)
        expect(textOf(store)).toBe(texts[i])
      }
      expect(textOf(store)).toBe(original)
      while (redoIn(store));
      expect(textOf(store)).toBe(texts[texts.length - 1])
    })
  })
})

describe('the undo shortcuts', () => {
  const press = (key: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean } = {}) => ({
    key,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    shiftKey: mods.shift ?? false,
    altKey: false,
  })

  it('tell undo from redo, with Ctrl or, on Apple systems, ⌘', () => {
    expect(matchesShortcut(press('z', { ctrl: true }), SHORTCUTS.undo, false)).toBe(true)
    expect(matchesShortcut(press('Z', { ctrl: true, shift: true }), SHORTCUTS.undo, false)).toBe(
      false,
    )
    expect(matchesShortcut(press('Z', { ctrl: true, shift: true }), SHORTCUTS.redo, false)).toBe(
      true,
    )
    expect(matchesShortcut(press('y', { ctrl: true }), SHORTCUTS.redoAlt, false)).toBe(true)
    expect(matchesShortcut(press('z', { meta: true }), SHORTCUTS.undo, true)).toBe(true)
    expect(matchesShortcut(press('z', { ctrl: true }), SHORTCUTS.undo, true)).toBe(false)
    expect(formatShortcut(SHORTCUTS.redo, true)).toBe('⇧⌘Z')
    expect(formatShortcut(SHORTCUTS.redo, false)).toBe('Ctrl+Shift+Z')
  })
})

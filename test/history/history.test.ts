import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  canRedo,
  canUndo,
  clearMark,
  createHistory,
  isAtMark,
  mark,
  record,
  redo,
  redoLabel,
  seal,
  squashToMark,
  undo,
  undoLabel,
  type History,
} from '../../src/history/history.ts'
import { applyEdits, type TextEdit } from '../../src/ops/text-edit.ts'

type Selection = { readonly at: number }

/** A document with its history, edited the way a view does it. */
class Editor {
  history: History<Selection>
  constructor(
    public text: string,
    options: Parameters<typeof createHistory>[0] = {},
  ) {
    this.history = createHistory<Selection>(options)
  }

  edit(
    edits: TextEdit[],
    label = 'op.title.command.add',
    extra: { coalesceKey?: string; time?: number } = {},
  ) {
    const before = this.text
    this.text = apply(before, edits)
    this.history = record(this.history, {
      edits,
      textBefore: before,
      label,
      selectionBefore: { at: edits[0]?.offset ?? 0 },
      selectionAfter: { at: (edits[0]?.offset ?? 0) + (edits[0]?.text.length ?? 0) },
      ...extra,
    })
  }

  type(at: number, text: string, time: number) {
    this.edit([{ offset: at, length: 0, text }], 'history.typing', { coalesceKey: 'typing', time })
  }

  undo() {
    const step = undo(this.history, this.text)
    if (!step.ok) return step.reason
    this.text = apply(this.text, step.edits)
    this.history = step.history
    return step.selection
  }

  redo() {
    const step = redo(this.history, this.text)
    if (!step.ok) return step.reason
    this.text = apply(this.text, step.edits)
    this.history = step.history
    return step.selection
  }
}

function apply(text: string, edits: readonly TextEdit[]): string {
  const result = applyEdits(text, edits)
  if (!result.ok) throw new Error(result.error)
  return result.text
}

describe('history', () => {
  it('undoes and redoes an entry, restoring the selection from before and after it', () => {
    const editor = new Editor('online:\n  - ring\n')
    editor.edit([{ offset: 8, length: 0, text: '  - play: https://example.com/a.mp3\n' }])
    expect(canUndo(editor.history)).toBe(true)
    expect(undoLabel(editor.history)).toBe('op.title.command.add')
    expect(editor.undo()).toEqual({ at: 8 })
    expect(editor.text).toBe('online:\n  - ring\n')
    expect(canRedo(editor.history)).toBe(true)
    expect(redoLabel(editor.history)).toBe('op.title.command.add')
    expect(editor.redo()).toEqual({ at: 44 })
    expect(editor.text).toBe('online:\n  - play: https://example.com/a.mp3\n  - ring\n')
  })

  it('undoes several edits in one entry, against the text after them', () => {
    const editor = new Editor('a: [x]\nb: [y]\n')
    editor.edit([
      { offset: 4, length: 1, text: 'ring' },
      { offset: 11, length: 1, text: 'voicemail' },
    ])
    expect(editor.text).toBe('a: [ring]\nb: [voicemail]\n')
    editor.undo()
    expect(editor.text).toBe('a: [x]\nb: [y]\n')
  })

  it('keeps an entry that changes no text when asked, for changes carried by the selections', () => {
    let history = createHistory<Selection>()
    history = record(history, {
      edits: [],
      textBefore: 'x',
      label: 'canvas.tidy',
      selectionBefore: { at: 1 },
      selectionAfter: { at: 2 },
    })
    expect(canUndo(history)).toBe(false)
    history = record(history, {
      edits: [],
      textBefore: 'x',
      label: 'canvas.tidy',
      selectionBefore: { at: 1 },
      selectionAfter: { at: 2 },
      keepEmpty: true,
    })
    expect(undoLabel(history)).toBe('canvas.tidy')
    const back = undo(history, 'x')
    expect(back).toMatchObject({ ok: true, edits: [], selection: { at: 1 } })
    if (!back.ok) return
    expect(redo(back.history, 'x')).toMatchObject({ ok: true, edits: [], selection: { at: 2 } })
    expect(undo(history, 'xy')).toEqual({ ok: false, reason: 'mismatch' })
  })

  it('says when there is nothing to undo or redo', () => {
    const editor = new Editor('x')
    expect(editor.undo()).toBe('empty')
    expect(editor.redo()).toBe('empty')
  })

  it('coalesces typing until a pause longer than the window', () => {
    const editor = new Editor('name: \n', { coalesceWindow: 500 })
    editor.type(6, 'S', 0)
    editor.type(7, 'a', 200)
    editor.type(8, 'l', 600)
    editor.type(9, 'e', 1200)
    expect(editor.history.done).toHaveLength(2)
    editor.undo()
    expect(editor.text).toBe('name: Sal\n')
    expect(editor.undo()).toEqual({ at: 6 })
    expect(editor.text).toBe('name: \n')
    editor.redo()
    editor.redo()
    expect(editor.text).toBe('name: Sale\n')
  })

  it('does not coalesce across a seal, a different key, an op or an undo', () => {
    const editor = new Editor('')
    editor.type(0, 'a', 0)
    editor.history = seal(editor.history)
    editor.type(1, 'b', 10)
    editor.edit([{ offset: 2, length: 0, text: 'c' }], 'op.title.scalar.set', { time: 20 })
    editor.type(3, 'd', 30)
    expect(editor.history.done).toHaveLength(4)
    editor.undo()
    editor.type(3, 'e', 40)
    expect(editor.history.done.map((e) => editor.text.length && e.label)).toEqual([
      'history.typing',
      'history.typing',
      'op.title.scalar.set',
      'history.typing',
    ])
    expect(editor.text).toBe('abce')
  })

  it('coalesced typing that deletes what it typed leaves nothing to apply', () => {
    const editor = new Editor('x')
    editor.type(1, 'y', 0)
    editor.edit([{ offset: 1, length: 1, text: '' }], 'history.typing', {
      coalesceKey: 'typing',
      time: 100,
    })
    expect(editor.text).toBe('x')
    expect(editor.history.done[0]!.forward).toEqual([])
  })

  it('recording clears what could be redone', () => {
    const editor = new Editor('a')
    editor.edit([{ offset: 1, length: 0, text: 'b' }])
    editor.undo()
    editor.edit([{ offset: 1, length: 0, text: 'c' }])
    expect(canRedo(editor.history)).toBe(false)
    expect(editor.text).toBe('ac')
  })

  it('refuses to undo over a change that was not recorded', () => {
    const editor = new Editor('online: [ring]\n')
    editor.edit([{ offset: 9, length: 4, text: 'voicemail' }])
    editor.text = 'online: [callback]\n'
    expect(editor.undo()).toBe('mismatch')
    editor.text = 'online: [VOICEMAIL]\n'
    expect(editor.undo()).toBe('mismatch')
  })

  it('keeps at most the limit of entries, dropping the oldest', () => {
    const editor = new Editor('', { limit: 3 })
    for (const c of 'abcde') editor.edit([{ offset: editor.text.length, length: 0, text: c }])
    expect(editor.history.done).toHaveLength(3)
    editor.undo()
    editor.undo()
    editor.undo()
    expect(editor.text).toBe('ab')
    expect(editor.undo()).toBe('empty')
  })

  it('does not record edits that change nothing, overlap or leave the text', () => {
    const history = createHistory<null>()
    const base = { textBefore: 'abc', label: 'x', selectionBefore: null, selectionAfter: null }
    expect(record(history, { ...base, edits: [] })).toBe(history)
    expect(record(history, { ...base, edits: [{ offset: 1, length: 0, text: '' }] })).toBe(history)
    expect(
      record(history, {
        ...base,
        edits: [
          { offset: 0, length: 2, text: '' },
          { offset: 1, length: 1, text: '' },
        ],
      }),
    ).toBe(history)
    expect(record(history, { ...base, edits: [{ offset: 2, length: 5, text: '' }] })).toBe(history)
  })

  it('marks a position, such as the saved text, and knows when the history stands there', () => {
    const editor = new Editor('a')
    editor.history = mark(editor.history, 'saved')
    expect(isAtMark(editor.history, 'saved')).toBe(true)
    editor.type(1, 'b', 0)
    expect(isAtMark(editor.history, 'saved')).toBe(false)
    editor.undo()
    expect(isAtMark(editor.history, 'saved')).toBe(true)
    editor.redo()
    editor.history = mark(editor.history, 'saved')
    editor.type(2, 'c', 100)
    expect(editor.history.done).toHaveLength(2)
    editor.undo()
    expect(isAtMark(editor.history, 'saved')).toBe(true)
    editor.history = clearMark(editor.history, 'saved')
    expect(isAtMark(editor.history, 'saved')).toBe(false)
  })

  it('squashes the entries since a mark into one, as one gesture', () => {
    const editor = new Editor('online:\n  - ring\n')
    editor.edit([{ offset: 0, length: 0, text: '# top\n' }])
    editor.history = mark(editor.history, 'gesture')
    editor.edit([{ offset: 6, length: 6, text: 'queue' }], 'op.title.section.rename')
    editor.edit([{ offset: 17, length: 4, text: 'voicemail' }], 'op.title.scalar.set')
    editor.edit([{ offset: 0, length: 0, text: 'x: []\n' }], 'op.title.section.add')
    editor.history = squashToMark(editor.history, 'gesture', editor.text, 'op.title.section.move')
    expect(editor.history.done).toHaveLength(2)
    expect(undoLabel(editor.history)).toBe('op.title.section.move')
    expect(editor.text).toBe('x: []\n# top\nqueue:\n  - voicemail\n')
    editor.undo()
    expect(editor.text).toBe('# top\nonline:\n  - ring\n')
    editor.redo()
    expect(editor.text).toBe('x: []\n# top\nqueue:\n  - voicemail\n')
  })

  it('undoes a squashed gesture of any edits in one step back to the marked text', () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 3 }))
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        (start, steps) => {
          const editor = new Editor(start)
          editor.history = mark(editor.history, 'gesture')
          for (const [at, length, text] of steps) {
            const offset = at % (editor.text.length + 1)
            editor.edit([{ offset, length: Math.min(length, editor.text.length - offset), text }])
          }
          const end = editor.text
          editor.history = squashToMark(editor.history, 'gesture', editor.text, 'gesture')
          expect(editor.history.done.length).toBeLessThanOrEqual(1)
          if (editor.history.done.length === 0) return
          editor.undo()
          expect(editor.text).toBe(start)
          expect(editor.undo()).toBe('empty')
          editor.redo()
          expect(editor.text).toBe(end)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('undoes any sequence of recorded edits back to the first text and redoes them all', () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.nat({ max: 3 }),
      fc.string({ maxLength: 3 }),
      fc.boolean(),
      fc.nat({ max: 300 }),
    )
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.array(edit, { maxLength: 12 }),
        (start, steps) => {
          const editor = new Editor(start, { coalesceWindow: 100 })
          const texts = [start]
          let time = 0
          for (const [at, length, text, typing, pause] of steps) {
            const offset = at % (editor.text.length + 1)
            const cut = Math.min(length, editor.text.length - offset)
            time += pause
            const before = editor.history.done.length
            editor.edit(
              [{ offset, length: cut, text }],
              typing ? 'typing' : 'op',
              typing ? { coalesceKey: 't', time } : {},
            )
            if (editor.history.done.length > before) texts.push(editor.text)
            else texts[texts.length - 1] = editor.text
          }
          const end = editor.text
          for (let i = texts.length - 2; i >= 0; i--) {
            editor.undo()
            expect(editor.text).toBe(texts[i])
          }
          expect(editor.text).toBe(start)
          while (canRedo(editor.history)) editor.redo()
          expect(editor.text).toBe(end)
        },
      ),
      { numRuns: 300 },
    )
  })
})

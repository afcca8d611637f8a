import { describe, expect, it } from 'vitest'
import { diffTexts, rebaseEdits, toRangeEdits } from '../../../src/app/editor/text-edits.ts'
import { applyEdits, type TextEdit } from '../../../src/ops/text-edit.ts'
import { createLineIndex, toPosition } from '../../../src/yaml/positions.ts'

/** `getPositionAt` of a Monaco model holding `text`, from the core's own conversion. */
function positionsOf(text: string) {
  const lines = createLineIndex(text)
  return (offset: number) => {
    const { line, column } = toPosition(lines, offset)
    return { lineNumber: line, column }
  }
}

describe('toRangeEdits', () => {
  it('turns offsets into 1-based, end-exclusive line and column ranges', () => {
    const text = 'online:\n  - rign\n'
    expect(toRangeEdits([{ offset: 12, length: 4, text: 'ring' }], positionsOf(text))).toEqual([
      {
        range: { startLineNumber: 2, startColumn: 5, endLineNumber: 2, endColumn: 9 },
        text: 'ring',
      },
    ])
  })

  it('places an insertion at the end of the text on the last line', () => {
    const text = 'online:\n  - ring\n'
    expect(
      toRangeEdits([{ offset: text.length, length: 0, text: 'queue: []\n' }], positionsOf(text)),
    ).toEqual([
      {
        range: { startLineNumber: 3, startColumn: 1, endLineNumber: 3, endColumn: 1 },
        text: 'queue: []\n',
      },
    ])
  })

  it('counts columns in UTF-16 code units, as Monaco does', () => {
    const text = 'a: "📞"\nb: 1\n'
    const [edit] = toRangeEdits([{ offset: 6, length: 1, text: '!' }], positionsOf(text))
    expect(edit?.range).toEqual({
      startLineNumber: 1,
      startColumn: 7,
      endLineNumber: 1,
      endColumn: 8,
    })
  })
})

describe('diffTexts', () => {
  const cases: [string, string, string, TextEdit | null][] = [
    ['equal texts', 'online:\n', 'online:\n', null],
    ['an insertion', 'a\nb\n', 'a\nx\nb\n', { offset: 2, length: 0, text: 'x\n' }],
    ['a deletion', 'a\nx\nb\n', 'a\nb\n', { offset: 2, length: 2, text: '' }],
    ['a replacement', '  - rign\n', '  - ring\n', { offset: 6, length: 2, text: 'ng' }],
    ['everything', 'abc', 'xyz', { offset: 0, length: 3, text: 'xyz' }],
    ['from empty', '', 'online:\n', { offset: 0, length: 0, text: 'online:\n' }],
  ]
  it.each(cases)('finds %s as one edit', (_name, before, after, expected) => {
    const edit = diffTexts(before, after)
    expect(edit).toEqual(expected)
    if (edit) expect(applyEdits(before, [edit])).toEqual({ ok: true, text: after })
  })

  it('never cuts a surrogate pair in half', () => {
    // The two phone emoji share their high surrogate.
    const before = 'a: 📞\n'
    const after = 'a: 📟\n'
    const edit = diffTexts(before, after)!
    expect(edit).toEqual({ offset: 3, length: 2, text: '📟' })
  })

  it('never cuts a CRLF in half', () => {
    const edit = diffTexts('a\r\nb', 'a\nb')!
    expect(applyEdits('a\r\nb', [edit])).toEqual({ ok: true, text: 'a\nb' })
    expect(edit.offset).toBe(1)
  })
})

describe('rebaseEdits', () => {
  const base = 'online:\n  - ring\noffline:\n  - voicemail\n'
  const typed: TextEdit = { offset: 17, length: 0, text: '  - goto: x\n' }

  it('keeps edits wholly before the other change and shifts those after it', () => {
    const edits: TextEdit[] = [
      { offset: 12, length: 4, text: 'voicemail' },
      { offset: 30, length: 9, text: 'ring' },
    ]
    const rebased = rebaseEdits(edits, typed)
    expect(rebased).toEqual([
      { offset: 12, length: 4, text: 'voicemail' },
      { offset: 42, length: 9, text: 'ring' },
    ])
    const typedText = applyEdits(base, [typed])
    expect(typedText.ok && applyEdits(typedText.text, rebased!)).toEqual({
      ok: true,
      text: 'online:\n  - voicemail\n  - goto: x\noffline:\n  - ring\n',
    })
  })

  it('refuses edits that touch what the other change replaced', () => {
    const over: TextEdit = { offset: 12, length: 4, text: 'rang' }
    expect(rebaseEdits([{ offset: 14, length: 2, text: 'xx' }], over)).toBeNull()
    expect(rebaseEdits([{ offset: 12, length: 0, text: 'x' }], over)).toBeNull()
  })

  it('puts an insertion at the same place before the other insertion', () => {
    expect(rebaseEdits([{ offset: 17, length: 0, text: 'a' }], typed)).toEqual([
      { offset: 17, length: 0, text: 'a' },
    ])
  })
})

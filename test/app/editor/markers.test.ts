import { describe, expect, it } from 'vitest'
import { MARKER_SEVERITY, toMarkers, visibleRange } from '../../../src/app/editor/markers.ts'
import { translate } from '../../../src/i18n/translate.ts'
import { checkIvr } from '../../../src/validate/validate-ivr.ts'
import { createLineIndex } from '../../../src/yaml/positions.ts'
import { dedent } from '../../helpers/dedent.ts'

const text = dedent`
  online:
    - play: https://example.com/welcome.mp3
    - ring
    - goto: nowhere
  offline:
    - voicemail
  queue:
    - play: https://example.com/hold.mp3
`

describe('toMarkers', () => {
  it('gives one marker per diagnostic on its exact range, with our code and message', () => {
    const { diagnostics } = checkIvr(text)
    const markers = toMarkers(diagnostics, text, 'en')
    expect(markers).toHaveLength(diagnostics.length)
    const dangling = markers.find((m) => m.code === 'dangling-goto')
    expect(dangling).toEqual({
      severity: MARKER_SEVERITY.error,
      message: translate('en', 'diag.dangling-goto', { target: 'nowhere' }),
      code: 'dangling-goto',
      startLineNumber: 4,
      startColumn: 11,
      endLineNumber: 4,
      endColumn: 18,
    })
  })

  it('writes the message in the language asked for', () => {
    const { diagnostics } = checkIvr(text)
    const [en] = toMarkers(diagnostics, text, 'en').filter((m) => m.code === 'dangling-goto')
    const [ja] = toMarkers(diagnostics, text, 'ja').filter((m) => m.code === 'dangling-goto')
    expect(ja?.message).toBe(translate('ja', 'diag.dangling-goto', { target: 'nowhere' }))
    expect(ja?.message).not.toBe(en?.message)
  })

  it('maps error, warning and info to Monaco severities 8, 4 and 2', () => {
    const base = checkIvr(text).diagnostics[0]!
    const markers = toMarkers(
      (['error', 'warning', 'info'] as const).map((severity) => ({ ...base, severity })),
      text,
      'en',
    )
    expect(markers.map((m) => m.severity)).toEqual([8, 4, 2])
  })
})

describe('visibleRange', () => {
  const lines = createLineIndex(text)
  const at = (line: number, column: number) => ({ line, column, endLine: line, endColumn: column })

  it('keeps a range that covers characters', () => {
    const range = { line: 2, column: 5, endLine: 3, endColumn: 9 }
    expect(visibleRange(range, text, lines)).toBe(range)
  })

  it('widens an empty range inside a token to the whole token', () => {
    // Line 4 is "  - goto: nowhere"; column 13 is inside "nowhere".
    expect(visibleRange(at(4, 13), text, lines)).toEqual({
      line: 4,
      column: 11,
      endLine: 4,
      endColumn: 18,
    })
  })

  it('widens an empty range at the start of a token to that token', () => {
    expect(visibleRange(at(4, 11), text, lines)).toEqual({
      line: 4,
      column: 11,
      endLine: 4,
      endColumn: 18,
    })
  })

  it('widens an empty range just after a token to that token', () => {
    expect(visibleRange(at(4, 18), text, lines)).toEqual({
      line: 4,
      column: 11,
      endLine: 4,
      endColumn: 18,
    })
  })

  it('widens an empty range in leading blanks to the rest of the line', () => {
    expect(visibleRange(at(3, 1), text, lines)).toEqual({
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 9,
    })
  })

  it('widens an empty range past trailing blanks to the line’s content', () => {
    const padded = 'online:   \n  - ring\n'
    expect(visibleRange(at(1, 10), padded, createLineIndex(padded))).toEqual({
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 8,
    })
  })

  it('leaves an empty range on a blank line alone', () => {
    const blank = 'online:\n\n  - ring\n'
    expect(visibleRange(at(2, 1), blank, createLineIndex(blank))).toEqual(at(2, 1))
  })

  it('never reaches into a CRLF line break', () => {
    const crlf = 'online:\r\n  - ring\r\n'
    expect(visibleRange(at(2, 9), crlf, createLineIndex(crlf))).toEqual({
      line: 2,
      column: 5,
      endLine: 2,
      endColumn: 9,
    })
  })
})

import { describe, expect, it } from 'vitest'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import {
  createLineIndex,
  lineIndexFromStarts,
  lineSpan,
  toOffset,
  toPosition,
  toRange,
} from '../../src/yaml/positions.ts'

const texts = {
  empty: '',
  'one line without a break': 'online:',
  'LF lines': 'online:\n  - ring\n',
  'CRLF lines': 'online:\r\n  - ring\r\n',
  'blank lines': '\n\nonline:\n\n',
  'characters outside the BMP': 'a: "📞📞"\nb: 1\n',
  'a byte order mark': '\uFEFFonline:\n  - ring\n',
}

describe('createLineIndex', () => {
  it('records the offset after every line feed', () => {
    expect(createLineIndex('').lineStarts).toEqual([0])
    expect(createLineIndex('a').lineStarts).toEqual([0])
    expect(createLineIndex('a\n').lineStarts).toEqual([0, 2])
    expect(createLineIndex('a\r\nbc\n\nd').lineStarts).toEqual([0, 3, 6, 7])
  })

  it('treats a lone carriage return as part of the line, as the YAML parser does', () => {
    const text = 'online:\r  - ring\r'
    expect(createLineIndex(text).lineStarts).toEqual([0])
    expect(parseIvr(text).lines.lineStarts).toEqual([0])
  })

  it.each(Object.entries(texts))('agrees with the parser’s line counter for %s', (_, text) => {
    expect(parseIvr(text).lines).toEqual(createLineIndex(text))
  })
})

describe('lineIndexFromStarts', () => {
  it('adds the first line when the starts lack it', () => {
    expect(lineIndexFromStarts([4, 9], 12)).toEqual({ lineStarts: [0, 4, 9], length: 12 })
    expect(lineIndexFromStarts([0, 4], 6)).toEqual({ lineStarts: [0, 4], length: 6 })
  })
})

describe('toPosition', () => {
  const index = createLineIndex('ab\r\ncd\n\nef')

  it('gives 1-based lines and columns', () => {
    expect(toPosition(index, 0)).toEqual({ line: 1, column: 1 })
    expect(toPosition(index, 2)).toEqual({ line: 1, column: 3 })
    expect(toPosition(index, 3)).toEqual({ line: 1, column: 4 })
    expect(toPosition(index, 4)).toEqual({ line: 2, column: 1 })
    expect(toPosition(index, 7)).toEqual({ line: 3, column: 1 })
    expect(toPosition(index, 8)).toEqual({ line: 4, column: 1 })
    expect(toPosition(index, 10)).toEqual({ line: 4, column: 3 })
  })

  it('clamps offsets outside the text to its ends', () => {
    expect(toPosition(index, -5)).toEqual({ line: 1, column: 1 })
    expect(toPosition(index, 99)).toEqual({ line: 4, column: 3 })
  })

  it('counts columns in UTF-16 code units', () => {
    const text = 'a: 📞x'
    const at = text.indexOf('x')
    expect(toPosition(createLineIndex(text), at)).toEqual({ line: 1, column: 6 })
  })
})

describe('toOffset', () => {
  const text = 'ab\ncde\n'
  const index = createLineIndex(text)

  it('is the inverse of toPosition', () => {
    expect(toOffset(index, 2, 3)).toBe(5)
    expect(text[toOffset(index, 2, 3)]).toBe('e')
  })

  it('clamps columns to the end of their line and lines to the text', () => {
    expect(toOffset(index, 1, 99)).toBe(2)
    expect(toOffset(index, 0, 0)).toBe(0)
    expect(toOffset(index, 99, 1)).toBe(7)
  })
})

describe('round trips', () => {
  it.each(Object.entries(texts))(
    'every offset survives toPosition then toOffset for %s',
    (_, text) => {
      const index = createLineIndex(text)
      for (let offset = 0; offset <= text.length; offset++) {
        const { line, column } = toPosition(index, offset)
        expect(toOffset(index, line, column)).toBe(offset)
      }
    },
  )

  it.each(Object.entries(texts))('every line and column in the text survives for %s', (_, text) => {
    const index = createLineIndex(text)
    index.lineStarts.forEach((start, i) => {
      const end = i + 1 < index.lineStarts.length ? index.lineStarts[i + 1]! - 1 : text.length
      for (let column = 1; column <= end - start + 1; column++) {
        expect(toPosition(index, toOffset(index, i + 1, column))).toEqual({ line: i + 1, column })
      }
    })
  })
})

describe('toRange and lineSpan', () => {
  it('gives the range of a span across lines', () => {
    const text = 'online:\n  - ring\n'
    expect(toRange(createLineIndex(text), { start: 2, end: 12 })).toEqual({
      line: 1,
      column: 3,
      endLine: 2,
      endColumn: 5,
    })
  })

  it('gives a line without its line break, LF or CRLF', () => {
    const text = 'online:\r\n  - ring\nqueue:'
    const index = createLineIndex(text)
    const slice = (line: number) => {
      const span = lineSpan(index, text, line)
      return text.slice(span.start, span.end)
    }
    expect([slice(1), slice(2), slice(3)]).toEqual(['online:', '  - ring', 'queue:'])
  })
})

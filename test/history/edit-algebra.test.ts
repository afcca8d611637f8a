import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  composeEdits,
  invertAgainst,
  normalizeEdits,
  sliceAfterEdits,
} from '../../src/history/edit-algebra.ts'
import { applyEdits, type TextEdit } from '../../src/ops/text-edit.ts'

const apply = (text: string, edits: readonly TextEdit[]): string => {
  const result = applyEdits(text, edits)
  if (!result.ok) throw new Error(result.error)
  return result.text
}

/** A text and a set of non-overlapping edits against it. */
const textAndEdits = fc
  .string({ maxLength: 30, unit: fc.constantFrom('a', 'b', '\n', '\r', 'é', '😀') })
  .chain((text) =>
    fc
      .array(
        fc.tuple(
          fc.nat({ max: text.length }),
          fc.nat({ max: 4 }),
          fc.string({ maxLength: 4, unit: fc.constantFrom('x', 'y', '\n') }),
        ),
        { maxLength: 5 },
      )
      .map((raw) => {
        const edits: TextEdit[] = []
        let end = -1
        for (const [offset, length, insert] of [...raw].sort((a, b) => a[0] - b[0])) {
          if (offset <= end) continue
          const cut = Math.min(length, text.length - offset)
          edits.push({ offset, length: cut, text: insert })
          end = offset + cut
        }
        return { text, edits }
      }),
  )

describe('edit algebra', () => {
  it('normalising keeps the effect and merges edits that touch', () => {
    expect(
      normalizeEdits([
        { offset: 3, length: 2, text: 'x' },
        { offset: 3, length: 0, text: 'a' },
        { offset: 5, length: 1, text: '' },
      ]),
    ).toEqual([{ offset: 3, length: 3, text: 'ax' }])
    expect(
      normalizeEdits([
        { offset: 0, length: 3, text: '' },
        { offset: 2, length: 1, text: '' },
      ]),
    ).toBeNull()
    fc.assert(
      fc.property(textAndEdits, ({ text, edits }) => {
        const normal = normalizeEdits(edits)!
        expect(apply(text, normal)).toBe(apply(text, edits))
      }),
    )
  })

  it('the inverse undoes the edits byte for byte', () => {
    fc.assert(
      fc.property(textAndEdits, ({ text, edits }) => {
        const normal = normalizeEdits(edits)!
        const after = apply(text, normal)
        expect(apply(after, invertAgainst(normal, text))).toBe(text)
      }),
    )
  })

  it('composing two sets of edits has the effect of applying one after the other', () => {
    expect(
      composeEdits([{ offset: 2, length: 0, text: 'ab' }], [{ offset: 4, length: 0, text: 'c' }]),
    ).toEqual([{ offset: 2, length: 0, text: 'abc' }])
    expect(
      composeEdits([{ offset: 2, length: 0, text: 'ab' }], [{ offset: 3, length: 1, text: '' }]),
    ).toEqual([{ offset: 2, length: 0, text: 'a' }])
    expect(
      composeEdits([{ offset: 2, length: 0, text: 'a' }], [{ offset: 2, length: 1, text: '' }]),
    ).toEqual([])
    fc.assert(
      fc.property(
        textAndEdits.chain(({ text, edits }) => {
          const first = normalizeEdits(edits)!
          const middle = apply(text, first)
          return textAndEditsFor(middle).map((second) => ({ text, first, middle, second }))
        }),
        ({ text, first, middle, second }) => {
          const composed = composeEdits(first, second)
          expect(apply(text, composed)).toBe(apply(middle, second))
          expect(normalizeEdits(composed)).toEqual(composed)
        },
      ),
    )
  })

  it('reads a slice of the edited text without building it', () => {
    fc.assert(
      fc.property(
        textAndEdits.chain(({ text, edits }) => {
          const normal = normalizeEdits(edits)!
          const length = apply(text, normal).length
          return fc
            .tuple(fc.nat({ max: length }), fc.nat({ max: length }))
            .map(([a, b]) => ({ text, edits: normal, from: Math.min(a, b), to: Math.max(a, b) }))
        }),
        ({ text, edits, from, to }) => {
          expect(sliceAfterEdits(text, edits, from, to)).toBe(apply(text, edits).slice(from, to))
        },
      ),
    )
  })
})

function textAndEditsFor(text: string): fc.Arbitrary<TextEdit[]> {
  return fc
    .array(
      fc.tuple(
        fc.nat({ max: text.length }),
        fc.nat({ max: 4 }),
        fc.string({ maxLength: 3, unit: fc.constantFrom('p', 'q') }),
      ),
      {
        maxLength: 4,
      },
    )
    .map((raw) => {
      const edits: TextEdit[] = []
      let end = -1
      for (const [offset, length, insert] of [...raw].sort((a, b) => a[0] - b[0])) {
        if (offset <= end) continue
        const cut = Math.min(length, text.length - offset)
        edits.push({ offset, length: cut, text: insert })
        end = offset + cut
      }
      return normalizeEdits(edits)!
    })
}

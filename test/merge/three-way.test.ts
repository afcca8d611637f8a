import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchLines, splitLines } from '../../src/merge/line-diff.ts'
import { hasConflictMarkers, mergeThreeWay, topLevelKeys } from '../../src/merge/three-way.ts'
import { dedent } from '../helpers/dedent.ts'

const BASE = dedent`
  online:
    - play: https://example.com/welcome.mp3
    - ring
  offline:
    - voicemail
  queue:
    - play: https://example.com/wait.mp3
    - callback
`

describe('splitLines', () => {
  it('keeps every line break, so joining the lines gives the text back', () => {
    expect(splitLines('a\nb\r\nc\rd')).toEqual(['a\n', 'b\r\n', 'c\r', 'd'])
    expect(splitLines('')).toEqual([])
    expect(splitLines('a\n')).toEqual(['a\n'])
  })
})

describe('matchLines', () => {
  it('matches a longest common subsequence, in order', () => {
    const a = ['a', 'b', 'c', 'a', 'b', 'b', 'a']
    const b = ['c', 'b', 'a', 'b', 'a', 'c']
    const matches = [...matchLines(a, b)]
    const pairs = matches.flatMap((j, i) => (j === -1 ? [] : [[i, j] as const]))
    expect(pairs).toHaveLength(4)
    for (const [i, j] of pairs) expect(a[i]).toBe(b[j])
    for (let k = 1; k < pairs.length; k++) expect(pairs[k]![1]).toBeGreaterThan(pairs[k - 1]![1])
  })
})

describe('topLevelKeys', () => {
  it('names the section each line is in', () => {
    expect(topLevelKeys(splitLines(BASE)).slice(0, 5)).toEqual([
      'online',
      'online',
      'online',
      'offline',
      'offline',
    ])
  })
})

describe('mergeThreeWay', () => {
  it('takes the changes of both sides when they touch different sections', () => {
    const mine = BASE.replace('welcome.mp3', 'hello.mp3')
    const theirs = BASE.replace(
      '  - voicemail\n',
      '  - play: https://example.com/closed.mp3\n  - voicemail\n',
    )
    const merged = mergeThreeWay(BASE, mine, theirs)
    expect(merged.conflicts).toEqual([])
    expect(merged.text).toBe(
      BASE.replace('welcome.mp3', 'hello.mp3').replace(
        '  - voicemail\n',
        '  - play: https://example.com/closed.mp3\n  - voicemail\n',
      ),
    )
    expect(merged.changed).toEqual({ mine: ['online'], theirs: ['offline'], both: [] })
  })

  it('takes the same change made on both sides once', () => {
    const changed = BASE.replace('- ring', '- callback')
    const other = changed.replace('wait.mp3', 'hold.mp3')
    const merged = mergeThreeWay(BASE, changed, other)
    expect(merged.conflicts).toEqual([])
    expect(merged.text).toBe(other)
  })

  it('reports a conflict, with its section, where both sides changed the same line', () => {
    const mine = BASE.replace('wait.mp3', 'mine.mp3')
    const theirs = BASE.replace('wait.mp3', 'theirs.mp3')
    const merged = mergeThreeWay(BASE, mine, theirs, { mine: 'my changes', theirs: 'version 3' })
    expect(merged.conflicts).toHaveLength(1)
    expect(merged.conflicts[0]).toMatchObject({
      section: 'queue',
      base: '  - play: https://example.com/wait.mp3\n',
      mine: '  - play: https://example.com/mine.mp3\n',
      theirs: '  - play: https://example.com/theirs.mp3\n',
      line: 6,
    })
    expect(merged.text).toBe(
      BASE.replace(
        '  - play: https://example.com/wait.mp3\n',
        dedent`
          <<<<<<< my changes
            - play: https://example.com/mine.mp3
          =======
            - play: https://example.com/theirs.mp3
          >>>>>>> version 3
        `,
      ),
    )
    expect(hasConflictMarkers(merged.text)).toBe(true)
    expect(merged.changed.both).toEqual(['queue'])
  })

  it('keeps a last line without a line break apart from the marker after it', () => {
    const merged = mergeThreeWay('a: 1', 'a: 2', 'a: 3')
    expect(merged.text).toBe('<<<<<<< mine\na: 2\n=======\na: 3\n>>>>>>> theirs\n')
    expect(merged.conflicts[0]?.section).toBe('a')
  })

  it('keeps a section added on one side and one deleted on the other', () => {
    const mine = `${BASE}extra:\n  - ring\n`
    const theirs = BASE.replace('offline:\n  - voicemail\n', '')
    const merged = mergeThreeWay(BASE, mine, theirs)
    expect(merged.conflicts).toEqual([])
    expect(merged.text).toBe(`${theirs}extra:\n  - ring\n`)
  })

  it('tells resolved text from text with markers left', () => {
    expect(hasConflictMarkers('a: 1\n=======\n')).toBe(true)
    expect(hasConflictMarkers('a: "<<<<<<< not at the start"\n')).toBe(false)
  })
})

const lineText = fc
  .array(
    fc.constantFrom('a: 1\n', 'b:\n', '  - ring\n', '  - goto: a\n', '# note\n', '\n', 'c: x'),
    {
      maxLength: 12,
    },
  )
  .map((lines) => lines.join(''))

describe('mergeThreeWay properties', () => {
  it('merging with an unchanged side gives the other side', () => {
    fc.assert(
      fc.property(lineText, lineText, (base, other) => {
        expect(mergeThreeWay(base, base, other).text).toBe(other)
        expect(mergeThreeWay(base, other, base).text).toBe(other)
        expect(mergeThreeWay(base, base, other).conflicts).toEqual([])
      }),
    )
  })

  it('merging the same text on both sides gives that text', () => {
    fc.assert(
      fc.property(lineText, lineText, (base, side) => {
        const merged = mergeThreeWay(base, side, side)
        expect(merged.text).toBe(side)
        expect(merged.conflicts).toEqual([])
      }),
    )
  })

  it('a merge without conflicts holds every line each side added', () => {
    fc.assert(
      fc.property(lineText, lineText, lineText, (base, mine, theirs) => {
        const merged = mergeThreeWay(base, mine, theirs)
        if (merged.conflicts.length > 0) {
          expect(hasConflictMarkers(merged.text)).toBe(true)
          return
        }
        // The line diff without the quick paths must agree with them when a side is unchanged.
        const lines = splitLines(merged.text)
        expect(lines.join('')).toBe(merged.text)
      }),
    )
  })

  it('the line matching is a common subsequence of both lists', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 })
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const matches = matchLines(a, b)
        let last = -1
        matches.forEach((j, i) => {
          if (j === -1) return
          expect(a[i]).toBe(b[j])
          expect(j).toBeGreaterThan(last)
          last = j
        })
        // As long as a longest one: compare with a dynamic programme.
        const lcs = Array.from({ length: a.length + 1 }, () =>
          new Array<number>(b.length + 1).fill(0),
        )
        for (let i = a.length - 1; i >= 0; i--)
          for (let j = b.length - 1; j >= 0; j--)
            lcs[i]![j] =
              a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
        expect([...matches].filter((j) => j !== -1)).toHaveLength(lcs[0]![0]!)
      }),
    )
  })
})

import { describe, expect, test } from 'vitest'
import { answerRange, matchesIfNoneMatch } from '../../src/server/recordings/http-range.ts'

describe('answerRange', () => {
  test.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-0', { kind: 'partial', range: { start: 0, end: 0 } }],
    ['bytes=0-99', { kind: 'partial', range: { start: 0, end: 99 } }],
    ['bytes=10-', { kind: 'partial', range: { start: 10, end: 99 } }],
    ['bytes=50-500', { kind: 'partial', range: { start: 50, end: 99 } }],
    ['bytes=-10', { kind: 'partial', range: { start: 90, end: 99 } }],
    ['bytes=-1000', { kind: 'partial', range: { start: 0, end: 99 } }],
    ['BYTES= 5 - 6 ', { kind: 'partial', range: { start: 5, end: 6 } }],
    ['bytes=100-', { kind: 'unsatisfiable' }],
    ['bytes=100-200', { kind: 'unsatisfiable' }],
    ['bytes=9-3', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=-', { kind: 'unsatisfiable' }],
    ['bytes=a-b', { kind: 'unsatisfiable' }],
    ['bytes=0-1,4-5', { kind: 'whole' }],
    ['seconds=1-2', { kind: 'whole' }],
  ])('%s of 100 bytes → %o', (header, answer) => {
    expect(answerRange(header, 100)).toEqual(answer)
  })
})

describe('matchesIfNoneMatch', () => {
  test('compares weakly, in lists, and with *', () => {
    expect(matchesIfNoneMatch('"a"', '"a"')).toBe(true)
    expect(matchesIfNoneMatch('W/"a"', '"a"')).toBe(true)
    expect(matchesIfNoneMatch('"b", "a"', '"a"')).toBe(true)
    expect(matchesIfNoneMatch('*', '"a"')).toBe(true)
    expect(matchesIfNoneMatch('"b"', '"a"')).toBe(false)
    expect(matchesIfNoneMatch(undefined, '"a"')).toBe(false)
  })
})

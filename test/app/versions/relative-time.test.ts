import { describe, expect, it } from 'vitest'
import { relativeTime } from '../../../src/app/versions/relative-time.ts'

const NOW = Date.parse('2026-11-26T12:00:00Z')
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString()

describe('when a version was saved, in words', () => {
  it('says now for the last few seconds and for clocks a little ahead', () => {
    expect(relativeTime(ago(10), NOW, 'en')).toBe('now')
    expect(relativeTime(ago(-5), NOW, 'en')).toBe('now')
  })

  it('counts minutes, hours and days back in the language of the editor', () => {
    expect(relativeTime(ago(5 * 60), NOW, 'en')).toBe('5 minutes ago')
    expect(relativeTime(ago(3 * 3600), NOW, 'en')).toBe('3 hours ago')
    expect(relativeTime(ago(26 * 3600), NOW, 'en')).toBe('yesterday')
    expect(relativeTime(ago(3 * 86400), NOW, 'ja')).toBe('3 日前')
  })

  it('gives back text that is no time as it is', () => {
    expect(relativeTime('soon', NOW, 'en')).toBe('soon')
  })
})

import { describe, expect, test } from 'vitest'
import {
  daysUntilErased,
  erasedAt,
  MAX_IVR_NAME_LENGTH,
  renamedName,
} from '../../../src/app/library/library-manage.ts'

describe('renamedName', () => {
  test('tidies the spaces of a typed name', () => {
    expect(renamedName('  Main   line\t2 ', 'Main line')).toBe('Main line 2')
  })

  test('gives null for an empty name or the name the IVR already has', () => {
    expect(renamedName('   ', 'Main line')).toBeNull()
    expect(renamedName(' Main line ', 'Main line')).toBeNull()
  })

  test('keeps at most the longest name the library takes', () => {
    expect(renamedName('x'.repeat(300), 'Main')).toHaveLength(MAX_IVR_NAME_LENGTH)
  })
})

describe('daysUntilErased', () => {
  const now = Date.parse('2026-11-26T12:00:00Z')

  test('counts a part of a day as a whole day', () => {
    expect(daysUntilErased('2026-12-26T12:00:00Z', now)).toBe(30)
    expect(daysUntilErased('2026-11-26T12:00:01Z', now)).toBe(1)
    expect(daysUntilErased('2026-11-28T11:00:00Z', now)).toBe(2)
  })

  test('gives 0 for a time passed, missing or unreadable', () => {
    expect(daysUntilErased('2026-11-26T11:00:00Z', now)).toBe(0)
    expect(daysUntilErased(undefined, now)).toBe(0)
    expect(daysUntilErased('soon', now)).toBe(0)
  })
})

describe('erasedAt', () => {
  test('takes the time the server gives', () => {
    expect(erasedAt({ deletedAt: '2026-11-01T00:00:00Z', purgeAt: '2026-12-05T00:00:00Z' })).toBe(
      '2026-12-05T00:00:00Z',
    )
  })

  test('else counts 30 days from the deletion, and is null for an IVR not deleted', () => {
    expect(erasedAt({ deletedAt: '2026-11-01T00:00:00.000Z' })).toBe('2026-12-01T00:00:00.000Z')
    expect(erasedAt({ deletedAt: null })).toBeNull()
  })
})

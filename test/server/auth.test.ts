import { describe, expect, test } from 'vitest'
import { createBearerCheck } from '../../src/server/auth.ts'

describe('createBearerCheck', () => {
  const check = createBearerCheck('s3cret-token-value')

  test('accepts exactly the token as a bearer token', () => {
    expect(check('Bearer s3cret-token-value')).toBeUndefined()
    expect(check('bearer   s3cret-token-value ')).toBeUndefined()
  })

  test('calls a missing or malformed header missing, and any other token wrong', () => {
    expect(check(undefined)).toBe('missing')
    expect(check('')).toBe('missing')
    expect(check('Basic czNjcmV0')).toBe('missing')
    expect(check('Bearer')).toBe('missing')
    expect(check('Bearer a b')).toBe('missing')
    expect(check('Bearer s3cret-token-valu')).toBe('wrong')
    expect(check('Bearer s3cret-token-value2')).toBe('wrong')
    expect(check('Bearer S3CRET-TOKEN-VALUE')).toBe('wrong')
    expect(check(`Bearer ${'x'.repeat(10_000)}`)).toBe('wrong')
  })
})

import { describe, expect, test } from 'vitest'
import { formatUrl, readAddress } from '../../src/server/address.ts'

describe('readAddress', () => {
  test('listens on 127.0.0.1:8080 when HOST and PORT are unset or empty', () => {
    expect(readAddress({})).toEqual({ host: '127.0.0.1', port: 8080 })
    expect(readAddress({ HOST: ' ', PORT: '' })).toEqual({ host: '127.0.0.1', port: 8080 })
  })

  test('takes HOST and PORT from the environment, PORT=0 included', () => {
    expect(readAddress({ HOST: '0.0.0.0', PORT: '3000' })).toEqual({ host: '0.0.0.0', port: 3000 })
    expect(readAddress({ PORT: '0' })).toEqual({ host: '127.0.0.1', port: 0 })
  })

  test.each(['abc', '-1', '8080.5', '65536', '1e3'])('refuses PORT=%s with a message', (port) => {
    expect(readAddress({ PORT: port })).toEqual({
      error: `PORT must be a whole number from 0 to 65535, but it is "${port}".`,
    })
  })
})

describe('formatUrl', () => {
  test('writes IPv4 hosts and names as they are and IPv6 hosts in brackets', () => {
    expect(formatUrl('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080/')
    expect(formatUrl('localhost', 80)).toBe('http://localhost:80/')
    expect(formatUrl('::1', 8080)).toBe('http://[::1]:8080/')
  })
})

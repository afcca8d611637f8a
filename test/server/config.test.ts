import { describe, expect, test } from 'vitest'
import { DEFAULT_MAX_UPLOAD_BYTES, isLoopbackHost, readConfig } from '../../src/server/config.ts'

const TOKEN = 'a-long-enough-secret-token'

describe('readConfig', () => {
  test('defaults: 127.0.0.1:8080, ./data, fs storage, 20 MB, no token, a PUBLIC_URL warning', () => {
    const result = readConfig({}, '/srv/ivr')
    expect(result).toEqual({
      config: {
        host: '127.0.0.1',
        port: 8080,
        dataDir: '/srv/ivr/data',
        storage: { kind: 'fs' },
        maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
      },
      warnings: [expect.stringContaining('PUBLIC_URL is not set')],
    })
    expect(DEFAULT_MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024)
  })

  test('takes every setting from the environment', () => {
    const result = readConfig(
      {
        HOST: '0.0.0.0',
        PORT: '3000',
        DATA_DIR: '/var/lib/ivr',
        PUBLIC_URL: 'https://ivr.example.com/designer/',
        STORAGE: 's3',
        S3_ENDPOINT: 'http://minio:9000',
        S3_BUCKET: 'prompts',
        S3_REGION: 'ap-northeast-1',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_FORCE_PATH_STYLE: 'false',
        MAX_UPLOAD_BYTES: '5MB',
        AUTH_TOKEN: TOKEN,
      },
      '/srv/ivr',
    )
    expect(result).toEqual({
      config: {
        host: '0.0.0.0',
        port: 3000,
        dataDir: '/var/lib/ivr',
        publicUrl: 'https://ivr.example.com/designer',
        storage: {
          kind: 's3',
          endpoint: 'http://minio:9000',
          bucket: 'prompts',
          region: 'ap-northeast-1',
          accessKeyId: 'key',
          secretAccessKey: 'secret',
          forcePathStyle: false,
        },
        maxUploadBytes: 5 * 1024 * 1024,
        authToken: TOKEN,
      },
      warnings: [],
    })
  })

  test('S3 defaults to us-east-1, path-style addressing and the SDK credential chain', () => {
    expect(readConfig({ STORAGE: 'S3', S3_BUCKET: 'b-1', PUBLIC_URL: 'http://x' })).toMatchObject({
      config: { storage: { kind: 's3', bucket: 'b-1', region: 'us-east-1', forcePathStyle: true } },
    })
  })

  test('no PUBLIC_URL warning when listening beyond loopback, where a token is required', () => {
    const result = readConfig({ HOST: '0.0.0.0', AUTH_TOKEN: TOKEN })
    expect(result).toMatchObject({ warnings: [] })
  })

  test('refuses a reachable HOST without AUTH_TOKEN, saying what to do', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'ivr.example.com']) {
      const result = readConfig({ HOST: host })
      expect(result).toEqual({ error: expect.stringContaining('AUTH_TOKEN is not set') })
      expect((result as { error: string }).error).toContain(`HOST is "${host}"`)
    }
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) {
      expect(readConfig({ HOST: host }), host).toHaveProperty('config')
    }
  })

  test('warns about a short AUTH_TOKEN', () => {
    expect(readConfig({ AUTH_TOKEN: 'short', PUBLIC_URL: 'http://x' })).toMatchObject({
      warnings: [expect.stringContaining('shorter than 16 characters')],
    })
  })

  test.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number'],
    [{ PUBLIC_URL: 'ivr.example.com' }, 'PUBLIC_URL must be an absolute http:// or https:// URL'],
    [{ PUBLIC_URL: 'ftp://ivr.example.com' }, 'PUBLIC_URL must be'],
    [{ PUBLIC_URL: 'https://ivr.example.com/?a=1' }, 'PUBLIC_URL must be'],
    [{ PUBLIC_URL: 'https://user:pw@ivr.example.com' }, 'PUBLIC_URL must be'],
    [{ STORAGE: 'disk' }, 'STORAGE must be "fs" or "s3", but it is "disk"'],
    [{ STORAGE: 's3' }, 'S3_BUCKET must be set'],
    [{ STORAGE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT must be'],
    [{ STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' }, 'Set both S3_ACCESS_KEY_ID'],
    [{ STORAGE: 's3', S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'maybe' }, 'S3_FORCE_PATH_STYLE'],
    [{ MAX_UPLOAD_BYTES: 'lots' }, 'MAX_UPLOAD_BYTES must be a whole number of bytes'],
    [{ MAX_UPLOAD_BYTES: '0' }, 'MAX_UPLOAD_BYTES'],
    [{ MAX_UPLOAD_BYTES: '1.5MB' }, 'MAX_UPLOAD_BYTES'],
  ])('refuses %o with a message', (env, message) => {
    const result = readConfig(env)
    expect(result).toEqual({ error: expect.stringContaining(message) })
  })

  test('reads MAX_UPLOAD_BYTES as bytes or with a 1024-based unit', () => {
    const max = (value: string): unknown =>
      (readConfig({ MAX_UPLOAD_BYTES: value }) as { config: { maxUploadBytes: number } }).config
        .maxUploadBytes
    expect(max('1000')).toBe(1000)
    expect(max('512kb')).toBe(512 * 1024)
    expect(max('20 MB')).toBe(20 * 1024 * 1024)
    expect(max('1GB')).toBe(1024 ** 3)
  })
})

describe('isLoopbackHost', () => {
  test('knows loopback addresses from reachable ones', () => {
    expect(['127.0.0.1', '127.0.0.53', 'localhost', 'LOCALHOST', '::1'].every(isLoopbackHost)).toBe(
      true,
    )
    expect(['0.0.0.0', '::', '10.0.0.1', '127.example.com'].some(isLoopbackHost)).toBe(false)
  })
})

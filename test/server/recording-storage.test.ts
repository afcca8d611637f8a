import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { text } from 'node:stream/consumers'
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { openStorage } from '../../src/server/storage/create-storage.ts'
import { createFsStorage } from '../../src/server/storage/fs-storage.ts'
import type { RecordingMeta } from '../../src/server/storage/storage.ts'
import { findFreePort } from '../helpers/server.ts'
import { DRIVERS, openTestStorage, type TestStorage } from './support/recordings-server.ts'
import { startS3rver, type S3rver } from './support/s3rver.ts'

const BYTES = Buffer.from('0123456789abcdefghij')
const SHA = createHash('sha256').update(BYTES).digest('hex')
const NAME = `prompt-${SHA.slice(0, 8)}.wav`

function metaOf(overrides: Partial<RecordingMeta> = {}): RecordingMeta {
  return {
    originalName: 'ようこそ prompt.wav',
    contentType: 'audio/wav',
    size: BYTES.length,
    durationSeconds: 1.25,
    sha256: SHA,
    createdAt: '2026-01-02T03:04:05.678Z',
    ...overrides,
  }
}

let s3: S3rver | undefined

beforeAll(async () => {
  s3 = await startS3rver()
})

afterAll(async () => {
  await s3?.stop()
})

describe.each(DRIVERS)('the %s storage driver', (driver) => {
  let store: TestStorage
  let source: string

  beforeEach(async () => {
    store = await openTestStorage(driver, s3)
    source = join(store.tempDir, 'source')
    writeFileSync(source, BYTES)
  })

  afterEach(async () => {
    await store.close()
  })

  test('put stores bytes and metadata; stat, exists, stream and list read them back', async () => {
    const stored = await store.storage.put(NAME, source, metaOf())
    expect(stored).toEqual({ ...metaOf(), name: NAME })
    expect(readFileSync(source)).toEqual(BYTES)
    expect(await store.storage.stat(NAME)).toEqual(stored)
    expect(await store.storage.exists(NAME)).toBe(true)
    expect(await text((await store.storage.stream(NAME))!)).toBe(BYTES.toString())
    expect(await text((await store.storage.stream(NAME, { start: 3, end: 5 }))!)).toBe('345')
    expect(await store.storage.list()).toEqual([stored])
  })

  test('what is not stored reads as undefined or false', async () => {
    const missing = `missing-${SHA.slice(0, 8)}.mp3`
    expect(await store.storage.stat(missing)).toBeUndefined()
    expect(await store.storage.exists(missing)).toBe(false)
    expect(await store.storage.stream(missing)).toBeUndefined()
    expect(await store.storage.delete(missing)).toBe(false)
    expect(await store.storage.list()).toEqual([])
  })

  test('list is newest first', async () => {
    const names = ['a', 'b', 'c'].map((slug) => `${slug}-${SHA.slice(0, 8)}.wav`)
    const times = [
      '2026-01-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
    ]
    for (const [i, name] of names.entries()) {
      await store.storage.put(name, source, metaOf({ createdAt: times[i] }))
    }
    expect((await store.storage.list()).map((r) => r.name)).toEqual([names[1], names[2], names[0]])
  })

  test('delete removes bytes and metadata and says whether they were there', async () => {
    await store.storage.put(NAME, source, metaOf())
    expect(await store.storage.delete(NAME)).toBe(true)
    expect(await store.storage.delete(NAME)).toBe(false)
    expect(await store.storage.list()).toEqual([])
    expect(await store.leftovers()).toEqual([])
  })

  test('names that are not recording names are refused before anything is touched', async () => {
    for (const name of ['../escape-abcdef01.wav', '.hidden', 'a/b-abcdef01.wav', 'plain.wav']) {
      await expect(store.storage.put(name, source, metaOf())).rejects.toThrow(
        'not a recording name',
      )
      await expect(store.storage.stat(name)).rejects.toThrow('not a recording name')
      await expect(store.storage.exists(name)).rejects.toThrow('not a recording name')
      await expect(store.storage.stream(name)).rejects.toThrow('not a recording name')
      await expect(store.storage.delete(name)).rejects.toThrow('not a recording name')
    }
    expect(await store.leftovers()).toEqual([])
  })
})

describe('the fs storage driver on disk', () => {
  let store: TestStorage

  beforeEach(async () => {
    store = await openTestStorage('fs')
  })

  afterEach(async () => {
    await store.close()
  })

  test('keeps bytes in audio/ and metadata as JSON in meta/, nothing in staging', async () => {
    const source = join(store.tempDir, 'source')
    writeFileSync(source, BYTES)
    await store.storage.put(NAME, source, metaOf())
    const root = join(store.dataDir, 'recordings')
    expect(readFileSync(join(root, 'audio', NAME))).toEqual(BYTES)
    expect(JSON.parse(readFileSync(join(root, 'meta', `${NAME}.json`), 'utf8'))).toEqual(metaOf())
    expect(readdirSync(join(root, '.staging'))).toEqual([])
  })

  test('opening removes what an interrupted write left: staging files and bytes without metadata', async () => {
    const root = join(store.dataDir, 'recordings')
    writeFileSync(join(root, '.staging', 'half-written'), 'partial')
    writeFileSync(join(root, 'audio', NAME), BYTES)
    const reopened = await createFsStorage({ root })
    expect(await reopened.list()).toEqual([])
    expect(await store.leftovers()).toEqual([])
  })

  test('metadata that is not valid JSON of the right shape is treated as missing', async () => {
    const root = join(store.dataDir, 'recordings')
    mkdirSync(join(root, 'meta'), { recursive: true })
    writeFileSync(join(root, 'meta', `${NAME}.json`), '{ not json')
    const other = `other-${SHA.slice(0, 8)}.wav`
    writeFileSync(join(root, 'meta', `${other}.json`), JSON.stringify({ size: 'big' }))
    expect(await store.storage.list()).toEqual([])
    expect(await store.storage.stat(NAME)).toBeUndefined()
    expect(await store.storage.stat(other)).toBeUndefined()
  })
})

describe('the s3 storage driver in a bucket', () => {
  let store: TestStorage
  let source: string

  beforeEach(async () => {
    store = await openTestStorage('s3', s3)
    source = join(store.tempDir, 'source')
    writeFileSync(source, BYTES)
  })

  afterEach(async () => {
    await store.close()
  })

  test('stores one object per recording with its type, caching and metadata', async () => {
    await store.storage.put(NAME, source, metaOf())
    expect(await store.leftovers()).toEqual([`recordings/${NAME}`])
    const head = await s3!.client.send(
      new HeadObjectCommand({ Bucket: store.bucket, Key: `recordings/${NAME}` }),
    )
    expect(head.ContentType).toBe('audio/wav')
    expect(head.ContentLength).toBe(BYTES.length)
    expect(head.CacheControl).toBe('public, max-age=31536000, immutable')
    expect(head.Metadata).toEqual({
      'original-name': encodeURIComponent('ようこそ prompt.wav'),
      'duration-seconds': '1.25',
      sha256: SHA,
      'created-at': '2026-01-02T03:04:05.678Z',
    })
  })

  test('objects that are not recordings, or lack their metadata, are not listed', async () => {
    await store.storage.put(NAME, source, metaOf())
    const other = `other-${SHA.slice(0, 8)}.wav`
    for (const Key of ['recordings/readme.txt', 'elsewhere/x.wav', `recordings/${other}`]) {
      await s3!.client.send(new PutObjectCommand({ Bucket: store.bucket, Key, Body: 'x' }))
    }
    expect((await store.storage.list()).map((r) => r.name)).toEqual([NAME])
    expect(await store.storage.stat(other)).toBeUndefined()
  })
})

describe('openStorage', () => {
  test('fails when the S3 endpoint does not answer', async () => {
    const port = await findFreePort()
    await expect(
      openStorage(
        {
          kind: 's3',
          endpoint: `http://127.0.0.1:${port}`,
          bucket: 'nothing',
          region: 'us-east-1',
          forcePathStyle: true,
          accessKeyId: 'a',
          secretAccessKey: 'b',
        },
        '/nonexistent',
      ),
    ).rejects.toThrow()
  })
})

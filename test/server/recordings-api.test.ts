import { createHash } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  onTestFinished,
  test,
} from 'vitest'
import { makeMp3, makeWav, makeWavOfSize, mp3Seconds } from './support/audio.ts'
import {
  send,
  sendHugeUpload,
  sendTruncatedUpload,
  upload,
  type RawResponse,
} from './support/multipart.ts'
import {
  DRIVERS,
  eventually,
  fsStagingDir,
  openTestStorage,
  startRecordingsServer,
  type RecordingsServer,
  type TestStorage,
} from './support/recordings-server.ts'
import { startS3rver, type S3rver } from './support/s3rver.ts'
import { fetchStatus } from '../helpers/http.ts'

const TOKEN = 'test-token-0123456789abcdef'
const LIMIT = 64 * 1024

interface Recording {
  id: string
  name: string
  url: string
  size: number
  durationSeconds: number
  contentType: string
  createdAt: string
}

interface Problem {
  error: { code: string; message: string }
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

let s3: S3rver | undefined

beforeAll(async () => {
  s3 = await startS3rver()
})

afterAll(async () => {
  await s3?.stop()
})

describe.each(DRIVERS)('recordings with the %s driver', (driver) => {
  let store: TestStorage
  let server: RecordingsServer

  beforeAll(async () => {
    store = await openTestStorage(driver, s3)
    server = await startRecordingsServer(store, { authToken: TOKEN, maxUploadBytes: LIMIT })
  })

  afterAll(async () => {
    await server?.close()
    await store?.close()
  })

  beforeEach(async () => {
    for (const record of await store.storage.list()) await store.storage.delete(record.name)
  })

  /** Nothing stored, no staging files, no temporary uploads. */
  async function expectNothingLeft(): Promise<void> {
    await eventually(() => store.tempFiles().length === 0)
    expect(await store.storage.list()).toEqual([])
    expect(await store.leftovers()).toEqual([])
    expect(store.tempFiles()).toEqual([])
  }

  async function uploadOne(filename: string, body: Buffer): Promise<Recording> {
    const response = await upload(server.origin, [{ filename, body }], TOKEN)
    expect(response.status, response.body.toString()).toBe(201)
    const [recording] = response.json<{ recordings: Recording[] }>().recordings
    return recording as Recording
  }

  function expectProblem(response: RawResponse, status: number, code: string): string {
    expect(response.status, response.body.toString()).toBe(status)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    const body = response.json<Problem>()
    expect(Object.keys(body)).toEqual(['error'])
    expect(body.error.code).toBe(code)
    expect(body.error.message.length).toBeGreaterThan(10)
    return body.error.message
  }

  describe('uploading', () => {
    test('a WAV is stored under a slug and content hash and played back byte for byte', async () => {
      const wav = makeWav({ seconds: 0.5 })
      const before = Date.now()
      const response = await upload(
        server.origin,
        [{ filename: 'Welcome Message.wav', contentType: 'audio/wav', body: wav }],
        TOKEN,
      )
      expect(response.status).toBe(201)
      const { recordings } = response.json<{ recordings: Recording[] }>()
      const id = `welcome-message-${sha256(wav).slice(0, 8)}.wav`
      expect(recordings).toEqual([
        {
          id,
          name: 'Welcome Message.wav',
          url: `${server.origin}/recordings/${id}`,
          size: wav.length,
          durationSeconds: 0.5,
          contentType: 'audio/wav',
          createdAt: expect.any(String),
        },
      ])
      expect(Date.parse(recordings[0]!.createdAt)).toBeGreaterThanOrEqual(before - 1000)

      const played = await fetch(recordings[0]!.url)
      expect(played.status).toBe(200)
      expect(played.headers.get('content-type')).toBe('audio/wav')
      expect(played.headers.get('content-length')).toBe(String(wav.length))
      expect(played.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(played.headers.get('x-content-type-options')).toBe('nosniff')
      expect(played.headers.get('accept-ranges')).toBe('bytes')
      expect(played.headers.get('etag')).toBe(`"${sha256(wav)}"`)
      expect(Buffer.from(await played.arrayBuffer()).equals(wav)).toBe(true)
      expect(store.tempFiles()).toEqual([])
    })

    test('an MP3 is recognised by its bytes, with its duration', async () => {
      const mp3 = makeMp3(28)
      const recording = await uploadOne('prompt.bin', mp3)
      expect(recording.id).toBe(`prompt-${sha256(mp3).slice(0, 8)}.mp3`)
      expect(recording.contentType).toBe('audio/mpeg')
      expect(recording.durationSeconds).toBe(mp3Seconds(28))
      const played = await fetch(recording.url)
      expect(played.headers.get('content-type')).toBe('audio/mpeg')
      expect(Buffer.from(await played.arrayBuffer()).equals(mp3)).toBe(true)
    })

    test('several files in one request are all stored and listed newest first', async () => {
      const first = await uploadOne('first.wav', makeWav({ frequency: 300 }))
      await new Promise((resolve) => setTimeout(resolve, 5))
      const response = await upload(
        server.origin,
        [
          { filename: 'second.wav', body: makeWav({ frequency: 500 }) },
          { field: 'note', body: 'form fields are ignored' },
          { filename: 'third.mp3', body: makeMp3(10) },
        ],
        TOKEN,
      )
      expect(response.status).toBe(201)
      const batch = response.json<{ recordings: Recording[] }>().recordings
      expect(batch.map((r) => r.name)).toEqual(['second.wav', 'third.mp3'])

      const list = await send(server.origin, { path: '/api/recordings' })
      expect(list.status).toBe(200)
      const listed = list.json<{ recordings: Recording[] }>().recordings
      expect(list.json<{ baseUrl: string }>().baseUrl).toBe(server.origin)
      expect(listed).toHaveLength(3)
      expect(listed[2]).toEqual(first)
      expect(new Set(listed.slice(0, 2).map((r) => r.id))).toEqual(new Set(batch.map((r) => r.id)))
      const times = listed.map((r) => r.createdAt)
      expect([...times].sort().reverse()).toEqual(times)
    })

    test('the same bytes uploaded again give the same recording and URL, stored once', async () => {
      const wav = makeWav({ frequency: 700 })
      const first = await upload(server.origin, [{ filename: 'hold.wav', body: wav }], TOKEN)
      const second = await upload(server.origin, [{ filename: 'hold.wav', body: wav }], TOKEN)
      expect(first.status).toBe(201)
      expect(second.status).toBe(200)
      expect(second.json()).toEqual(first.json())
      expect(await store.storage.list()).toHaveLength(1)
    })

    test('a file of exactly the size limit is accepted', async () => {
      const wav = makeWavOfSize(LIMIT)
      const recording = await uploadOne('exact.wav', wav)
      expect(recording.size).toBe(LIMIT)
    })

    test('names are reduced to safe slugs while the display name keeps the original', async () => {
      const cases: Array<[string, string, string]> = [
        ['../../etc/passwd', 'passwd', 'passwd'],
        ['..\\..\\windows\\win.ini.wav', 'win-ini', 'win.ini.wav'],
        ['.hidden', 'hidden', '.hidden'],
        ['bad\u0001na\u001bme\u007f\u202e.wav', 'badname', 'badname.wav'],
        ['ようこそ.wav', 'recording', 'ようこそ.wav'],
        ['🎵 Café Menü 🎵.wav', 'cafe-menu', '🎵 Café Menü 🎵.wav'],
      ]
      let frequency = 200
      for (const [filename, slug, name] of cases) {
        const wav = makeWav({ frequency: frequency++ })
        const recording = await uploadOne(filename, wav)
        expect(recording.id, filename).toBe(`${slug}-${sha256(wav).slice(0, 8)}.wav`)
        expect(recording.name, filename).toBe(name)
        expect(await fetchStatus(recording.url), filename).toBe(200)
      }
    })

    test('twenty different recordings uploaded at once are all stored, none mixed up', async () => {
      const files = Array.from({ length: 20 }, (_, i) => ({
        filename: `prompt-${i}.wav`,
        body: makeWav({ frequency: 1000 + i * 10, seconds: 0.25 }),
      }))
      const responses = await Promise.all(files.map((file) => upload(server.origin, [file], TOKEN)))
      const recordings = responses.map((response) => {
        expect(response.status).toBe(201)
        return response.json<{ recordings: Recording[] }>().recordings[0]!
      })
      expect(new Set(recordings.map((r) => r.id)).size).toBe(20)
      const played = await Promise.all(
        recordings.map(async (r) => Buffer.from(await (await fetch(r.url)).arrayBuffer())),
      )
      played.forEach((bytes, i) => {
        expect(recordings[i]!.name).toBe(files[i]!.filename)
        expect(sha256(bytes)).toBe(sha256(files[i]!.body))
      })
      expect(await store.storage.list()).toHaveLength(20)
      expect(store.tempFiles()).toEqual([])
    })

    test('the same file uploaded five times at once is stored once', async () => {
      const wav = makeWav({ frequency: 1234 })
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          upload(server.origin, [{ filename: 'x.wav', body: wav }], TOKEN),
        ),
      )
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201])
      const ids = new Set(
        responses.map((r) => r.json<{ recordings: Recording[] }>().recordings[0]!.id),
      )
      expect(ids.size).toBe(1)
      expect(await store.storage.list()).toHaveLength(1)
    })
  })

  describe('refusing uploads', () => {
    test('an HTML page renamed .mp3 is not audio', async () => {
      const response = await upload(
        server.origin,
        [
          {
            filename: 'welcome.mp3',
            contentType: 'audio/mpeg',
            body: '<!doctype html><html><body>Hi</body></html>',
          },
        ],
        TOKEN,
      )
      const message = expectProblem(response, 415, 'not-audio')
      expect(message).toContain('welcome.mp3')
      expect(message).toContain('MP3 or WAV')
      await expectNothingLeft()
    })

    test('a shell script renamed .wav is not audio', async () => {
      const response = await upload(
        server.origin,
        [{ filename: 'menu.wav', contentType: 'audio/wav', body: '#!/bin/sh\nrm -rf /\n' }],
        TOKEN,
      )
      expectProblem(response, 415, 'not-audio')
      await expectNothingLeft()
    })

    test('a file of another known type says what it looks like', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
      const response = await upload(server.origin, [{ filename: 'logo.mp3', body: png }], TOKEN)
      expect(expectProblem(response, 415, 'not-audio')).toContain('PNG')
      await expectNothingLeft()
    })

    test('a file over the size limit is refused while streaming and nothing is kept', async () => {
      const response = await upload(
        server.origin,
        [{ filename: 'long.wav', body: makeWavOfSize(LIMIT + 2) }],
        TOKEN,
      )
      const message = expectProblem(response, 413, 'too-large')
      expect(message).toContain('long.wav')
      expect(message).toContain('64 KB')
      await expectNothingLeft()
    })

    test('a huge upload without Content-Length is cut off soon after the limit', async () => {
      const totalBytes = 256 * 1024 * 1024
      const { status, body, sentBytes } = await sendHugeUpload(server.origin, {
        totalBytes,
        token: TOKEN,
      })
      expect(status).toBe(413)
      expect((JSON.parse(body) as Problem).error.code).toBe('too-large')
      // The server stopped reading: what was sent is socket buffers, not the whole file.
      expect(sentBytes).toBeLessThan(totalBytes / 8)
      await expectNothingLeft()
    })

    test('a body far over the limit is refused from its Content-Length alone', async () => {
      const response = await send(server.origin, {
        method: 'POST',
        path: '/api/recordings',
        headers: {
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(1024 ** 3),
          authorization: `Bearer ${TOKEN}`,
        },
      })
      expectProblem(response, 413, 'too-large')
      await expectNothingLeft()
    })

    test('an empty file is refused', async () => {
      const response = await upload(server.origin, [{ filename: 'empty.wav', body: '' }], TOKEN)
      expectProblem(response, 422, 'empty-file')
      await expectNothingLeft()
    })

    test('a WAV cut short and an MP3 of one frame and noise are unreadable audio', async () => {
      const cut = makeWav({ seconds: 0.5 }).subarray(0, 2000)
      const noisy = Buffer.concat([makeMp3(1), Buffer.alloc(3000, 0x78)])
      for (const [filename, body] of [
        ['cut.wav', cut],
        ['noisy.mp3', noisy],
      ] as const) {
        const response = await upload(server.origin, [{ filename, body }], TOKEN)
        expect(expectProblem(response, 422, 'unreadable-audio'), filename).toContain(filename)
      }
      await expectNothingLeft()
    })

    test('a batch with one bad file stores none of them', async () => {
      const response = await upload(
        server.origin,
        [
          { filename: 'good-1.wav', body: makeWav({ frequency: 310 }) },
          { filename: 'good-2.mp3', body: makeMp3(5) },
          { filename: 'bad.wav', body: '<html>not audio</html>' },
        ],
        TOKEN,
      )
      expect(expectProblem(response, 415, 'not-audio')).toContain('bad.wav')
      await expectNothingLeft()
    })

    test('a multipart body cut off mid-part leaves nothing behind', async () => {
      const parts = [
        { filename: 'one.wav', body: makeWav({ frequency: 320 }) },
        { filename: 'two.wav', body: makeWav({ frequency: 330, seconds: 2 }) },
      ]
      for (const how of ['end', 'destroy'] as const) {
        const answer = await sendTruncatedUpload(server.origin, parts, {
          sendBytes: 20_000,
          how,
          token: TOKEN,
        })
        // The server either answers 400 or closes the connection of a client that went away.
        if (answer !== '') expect(answer).toMatch(/^HTTP\/1\.1 400/)
        await expectNothingLeft()
      }
    })

    test('a request that is not multipart is a malformed request', async () => {
      const response = await send(server.origin, {
        method: 'POST',
        path: '/api/recordings',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ file: 'welcome.mp3' }),
      })
      expectProblem(response, 400, 'expected-multipart')
      await expectNothingLeft()
    })

    test('a form without files is a malformed request', async () => {
      const response = await upload(server.origin, [{ field: 'name', body: 'hello' }], TOKEN)
      expectProblem(response, 400, 'no-files')
      await expectNothingLeft()
    })
  })

  describe('serving', () => {
    let wav: Buffer
    let recording: Recording

    beforeEach(async () => {
      wav = makeWav({ frequency: 880, seconds: 0.25 })
      recording = await uploadOne('range.wav', wav)
    })

    test('a Range request gets 206 with exactly those bytes', async () => {
      const size = wav.length
      const cases: Array<[string, number, number]> = [
        ['bytes=0-9', 0, 9],
        ['bytes=100-', 100, size - 1],
        ['bytes=-16', size - 16, size - 1],
        [`bytes=10-${size + 1000}`, 10, size - 1],
      ]
      for (const [range, start, end] of cases) {
        const response = await fetch(recording.url, { headers: { range } })
        expect(response.status, range).toBe(206)
        expect(response.headers.get('content-range'), range).toBe(`bytes ${start}-${end}/${size}`)
        expect(response.headers.get('content-length'), range).toBe(String(end - start + 1))
        expect(response.headers.get('content-type')).toBe('audio/wav')
        const bytes = Buffer.from(await response.arrayBuffer())
        expect(bytes.equals(wav.subarray(start, end + 1)), range).toBe(true)
      }
    })

    test('a range outside the file answers 416 with the size', async () => {
      for (const range of [`bytes=${wav.length}-`, 'bytes=9-3', 'bytes=-0', 'bytes=abc']) {
        const response = await fetch(recording.url, { headers: { range } })
        expect(response.status, range).toBe(416)
        expect(response.headers.get('content-range'), range).toBe(`bytes */${wav.length}`)
      }
    })

    test('several ranges or another unit get the whole file', async () => {
      for (const range of ['bytes=0-1,5-6', 'items=0-1']) {
        const response = await fetch(recording.url, { headers: { range } })
        expect(response.status, range).toBe(200)
        expect(Buffer.from(await response.arrayBuffer()).equals(wav)).toBe(true)
      }
    })

    test('a matching If-None-Match answers 304 without a body', async () => {
      const etag = `"${sha256(wav)}"`
      for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const response = await fetch(recording.url, { headers: { 'if-none-match': header } })
        expect(response.status, header).toBe(304)
        expect(response.headers.get('etag')).toBe(etag)
        expect(await response.text()).toBe('')
      }
      const other = await fetch(recording.url, { headers: { 'if-none-match': '"other"' } })
      expect(other.status).toBe(200)
    })

    test('an If-Range that does not match gets the whole file', async () => {
      const response = await fetch(recording.url, {
        headers: { range: 'bytes=0-3', 'if-range': '"stale"' },
      })
      expect(response.status).toBe(200)
      expect(Number(response.headers.get('content-length'))).toBe(wav.length)
    })

    test('HEAD answers the headers of the file without its bytes', async () => {
      const response = await send(server.origin, {
        method: 'HEAD',
        path: new URL(recording.url).pathname,
      })
      expect(response.status).toBe(200)
      expect(response.headers['content-length']).toBe(String(wav.length))
      expect(response.headers['content-type']).toBe('audio/wav')
      expect(response.body.length).toBe(0)
    })

    test('unknown names, dotfiles, staging files, folders and climbing paths are not served', async () => {
      const planted =
        driver === 'fs'
          ? [
              join(fsStagingDir(store.dataDir), `staged-${'a'.repeat(8)}.wav`),
              join(fsStagingDir(store.dataDir), '..', 'meta', '.secret'),
            ]
          : []
      for (const path of planted) writeFileSync(path, path.endsWith('.wav') ? wav : 'secret')
      onTestFinished(() => planted.forEach((path) => rmSync(path)))
      const paths = [
        `/recordings/missing-${'0'.repeat(8)}.wav`,
        `/recordings/staged-${'a'.repeat(8)}.wav`,
        `/recordings/.staging/staged-${'a'.repeat(8)}.wav`,
        '/recordings/.staging',
        '/recordings/meta/.secret',
        `/recordings/${recording.id}.json`,
        `/recordings/meta/${recording.id}.json`,
        `/recordings/.${recording.id}`,
        `/recordings/${recording.id.toUpperCase()}`,
        '/recordings/',
        '/recordings',
        '/recordings/..%2f..%2fpackage.json',
        '/recordings/%2e%2e/%2e%2e/package.json',
        '/recordings/../../package.json',
        '/recordings/..%5c..%5cpackage.json',
        '/recordings/audio',
        `/recordings/audio/${recording.id}`,
        '/recordings/%00.wav',
      ]
      for (const path of paths) {
        const response = await send(server.origin, { path })
        expect([400, 404], path).toContain(response.status)
        const text = response.body.toString('latin1')
        expect(text, path).not.toContain('RIFF')
        expect(text, path).not.toContain('secret')
        expect(text, path).not.toContain('"name"')
        expect(response.headers['cache-control'] ?? '', path).not.toContain('immutable')
      }
    })
  })

  describe('deleting', () => {
    test('DELETE removes a recording: 204, then gone from the list and the URL', async () => {
      const recording = await uploadOne('bye.wav', makeWav({ frequency: 990 }))
      const response = await send(server.origin, {
        method: 'DELETE',
        path: `/api/recordings/${recording.id}`,
        headers: { authorization: `Bearer ${TOKEN}` },
      })
      expect(response.status).toBe(204)
      expect(response.body.length).toBe(0)
      expect(await fetchStatus(recording.url)).toBe(404)
      await expectNothingLeft()
    })

    test('DELETE of an unknown or malformed id answers 404', async () => {
      for (const id of [`nothing-${'0'.repeat(8)}.wav`, '..%2f..%2fpackage.json', '.hidden']) {
        const response = await send(server.origin, {
          method: 'DELETE',
          path: `/api/recordings/${id}`,
          headers: { authorization: `Bearer ${TOKEN}` },
        })
        expectProblem(response, 404, 'not-found')
      }
    })
  })

  describe('who may write', () => {
    test('uploads without a token or with a wrong one are refused with 401', async () => {
      const parts = [{ filename: 'x.wav', body: makeWav({ frequency: 1500 }) }]
      for (const token of [undefined, 'wrong-token', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
        const response = await upload(server.origin, parts, token)
        expectProblem(response, 401, 'unauthorized')
        expect(response.headers['www-authenticate']).toBe('Bearer realm="IVR Designer"')
      }
      const basic = await send(server.origin, {
        method: 'POST',
        path: '/api/recordings',
        headers: { authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` },
      })
      expectProblem(basic, 401, 'unauthorized')
      await expectNothingLeft()
    })

    test('deletes without the token are refused and the recording stays', async () => {
      const recording = await uploadOne('stay.wav', makeWav({ frequency: 1600 }))
      const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer nope' }]
      for (const headers of attempts) {
        const response = await send(server.origin, {
          method: 'DELETE',
          path: `/api/recordings/${recording.id}`,
          headers,
        })
        expectProblem(response, 401, 'unauthorized')
      }
      expect(await fetchStatus(recording.url)).toBe(200)
    })

    test('listing and playing need no token', async () => {
      const recording = await uploadOne('public.wav', makeWav({ frequency: 1700 }))
      expect((await send(server.origin, { path: '/api/recordings' })).status).toBe(200)
      expect(await fetchStatus(recording.url)).toBe(200)
    })
  })
})

describe('recordings limits and failures', () => {
  let store: TestStorage
  let server: RecordingsServer | undefined

  beforeEach(async () => {
    store = await openTestStorage('fs')
  })

  afterEach(async () => {
    await server?.close()
    server = undefined
    await store.close()
  })

  test('more files than allowed in one upload are refused and none is kept', async () => {
    server = await startRecordingsServer(store, { maxFiles: 2 })
    const parts = [310, 320, 330].map((frequency) => ({
      filename: `${frequency}.wav`,
      body: makeWav({ frequency }),
    }))
    const response = await upload(server.origin, parts)
    expect(response.status).toBe(413)
    expect(response.json<Problem>().error).toEqual({
      code: 'too-many-files',
      message: 'Upload at most 2 recordings at a time.',
    })
    await eventually(() => store.tempFiles().length === 0)
    expect(await store.leftovers()).toEqual([])
  })

  test('writes beyond the rate limit answer 429 with Retry-After; reads of audio are not limited', async () => {
    server = await startRecordingsServer(store, {
      rateLimit: { writesPerMinute: 2, readsPerMinute: 3 },
    })
    const statuses: number[] = []
    let last: RawResponse | undefined
    for (let i = 0; i < 3; i++) {
      last = await upload(server.origin, [
        { filename: 'x.wav', body: makeWav({ frequency: 400 + i }) },
      ])
      statuses.push(last.status)
    }
    expect(statuses).toEqual([201, 201, 429])
    expect(last!.json<Problem>().error.code).toBe('rate-limited')
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0)

    const lists = await Promise.all(
      Array.from({ length: 4 }, () => send(server!.origin, { path: '/api/recordings' })),
    )
    expect(lists.map((r) => r.status).sort()).toEqual([200, 200, 200, 429])
    const [recording] = lists
      .find((r) => r.status === 200)!
      .json<{ recordings: Recording[] }>().recordings
    for (let i = 0; i < 10; i++) expect(await fetchStatus(recording!.url)).toBe(200)
  })

  test('when storing a later file of a batch fails, the ones stored before it are removed', async () => {
    const put = store.storage.put.bind(store.storage)
    let puts = 0
    store.storage.put = async (name, path, meta) => {
      if (++puts === 2) throw new Error('disk full at /secret/place')
      return put(name, path, meta)
    }
    server = await startRecordingsServer(store)
    const response = await upload(server.origin, [
      { filename: 'one.wav', body: makeWav({ frequency: 500 }) },
      { filename: 'two.wav', body: makeWav({ frequency: 510 }) },
    ])
    expect(response.status).toBe(500)
    expect(response.json<Problem>().error.code).toBe('server-error')
    expect(response.body.toString()).not.toContain('/secret/place')
    expect(await store.storage.list()).toEqual([])
    expect(await store.leftovers()).toEqual([])
    expect(store.tempFiles()).toEqual([])
  })

  test('without recordings options the routes do not exist', async () => {
    const { buildApp } = await import('../../src/server/app.ts')
    const app = buildApp({ staticRoot: store.dataDir })
    await app.ready()
    const response = await app.inject({ method: 'GET', url: '/api/recordings' })
    expect(response.statusCode).toBe(404)
    await app.close()
  })
})

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import {
  findFreePort,
  killIfRunning,
  requireBuiltServer,
  requireBuiltWebApp,
  spawnMain,
  waitForOutput,
  type MainProcess,
} from '../helpers/server.ts'
import { makeWav } from './support/audio.ts'
import { upload } from './support/multipart.ts'
import { S3RVER_CREDENTIALS, startS3rver, type S3rver } from './support/s3rver.ts'
import { fetchStatus } from '../helpers/http.ts'

const RUNNING = /IVR Designer is running at (http:\/\/[^/]+\/)\n/

interface Recording {
  id: string
  url: string
}

describe('node dist/server/main.js with recordings', () => {
  const started: MainProcess[] = []
  const folders: string[] = []
  let s3: S3rver | undefined

  beforeAll(async () => {
    requireBuiltServer()
    requireBuiltWebApp()
    s3 = await startS3rver()
  })

  afterEach(async () => {
    await Promise.all(started.splice(0).map(killIfRunning))
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
  })

  afterAll(async () => {
    await s3?.stop()
  })

  function dataDir(): string {
    const folder = mkdtempSync(join(tmpdir(), 'ivr-designer-main-'))
    folders.push(folder)
    return folder
  }

  function start(env: Record<string, string>): MainProcess {
    const main = spawnMain({ PORT: '0', DATA_DIR: dataDir(), ...env })
    started.push(main)
    return main
  }

  async function stop(main: MainProcess): Promise<void> {
    main.child.kill('SIGTERM')
    expect(await main.exited).toEqual({ code: 0, signal: null })
  }

  test('refuses to listen beyond loopback without AUTH_TOKEN, saying why', async () => {
    const main = start({ HOST: '0.0.0.0' })
    expect(await main.exited).toEqual({ code: 1, signal: null })
    expect(main.stderr()).toContain('HOST is "0.0.0.0", which other machines can reach')
    expect(main.stderr()).toContain('AUTH_TOKEN')
    expect(main.stdout()).not.toContain('is running at')
  })

  test('beyond loopback with AUTH_TOKEN it starts, and uploads need the token', async () => {
    const port = await findFreePort()
    const token = 'main-test-token-0123456789'
    const main = start({ HOST: '0.0.0.0', PORT: String(port), AUTH_TOKEN: token })
    await waitForOutput(main, RUNNING)
    const origin = `http://127.0.0.1:${port}`
    const parts = [{ filename: 'a.wav', body: makeWav() }]
    expect((await upload(origin, parts)).status).toBe(401)
    expect((await upload(origin, parts, token)).status).toBe(201)
    await stop(main)
  })

  test('warns on start when PUBLIC_URL is unset on loopback; play URLs use the request origin', async () => {
    const main = start({ HOST: '127.0.0.1' })
    const [, url] = await waitForOutput(main, RUNNING)
    expect(main.stdout()).toContain('PUBLIC_URL is not set')
    const origin = url!.replace(/\/$/, '')
    const response = await upload(origin, [{ filename: 'Hello.wav', body: makeWav() }])
    expect(response.status).toBe(201)
    const [recording] = response.json<{ recordings: Recording[] }>().recordings
    expect(recording!.url).toBe(`${origin}/recordings/${recording!.id}`)
    expect(await fetchStatus(recording!.url)).toBe(200)
    await stop(main)
  })

  test('play URLs start with PUBLIC_URL when it is set, and there is no warning', async () => {
    const main = start({ PUBLIC_URL: 'https://ivr.example.com/designer/' })
    const [, url] = await waitForOutput(main, RUNNING)
    expect(main.stdout()).not.toContain('PUBLIC_URL')
    const response = await upload(url!.replace(/\/$/, ''), [{ filename: 'x.wav', body: makeWav() }])
    const [recording] = response.json<{ recordings: Recording[] }>().recordings
    expect(recording!.url).toBe(`https://ivr.example.com/designer/recordings/${recording!.id}`)
    const list = await fetch(`${url}api/recordings`)
    expect((await list.json()) as unknown).toMatchObject({
      baseUrl: 'https://ivr.example.com/designer',
    })
    await stop(main)
  })

  test('MAX_UPLOAD_BYTES limits uploads', async () => {
    const main = start({ MAX_UPLOAD_BYTES: '1KB' })
    const [, url] = await waitForOutput(main, RUNNING)
    const response = await upload(url!.replace(/\/$/, ''), [{ filename: 'x.wav', body: makeWav() }])
    expect(response.status).toBe(413)
    expect(response.json<{ error: { message: string } }>().error.message).toContain('1 KB')
    await stop(main)
  })

  test('STORAGE=s3 stores recordings in the bucket', async () => {
    const bucket = await s3!.createBucket()
    const main = start({
      STORAGE: 's3',
      S3_ENDPOINT: s3!.endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      PUBLIC_URL: 'http://ivr.test',
    })
    const [, url] = await waitForOutput(main, RUNNING)
    const origin = url!.replace(/\/$/, '')
    const wav = makeWav({ frequency: 600 })
    const response = await upload(origin, [{ filename: 'cloud.wav', body: wav }])
    expect(response.status).toBe(201)
    const [recording] = response.json<{ recordings: Recording[] }>().recordings
    expect(await s3!.keys(bucket)).toEqual([`recordings/${recording!.id}`])
    const played = await fetch(`${origin}/recordings/${recording!.id}`)
    expect(Buffer.from(await played.arrayBuffer()).equals(wav)).toBe(true)
    await stop(main)
  })

  test('says which bucket it cannot reach when S3 does not answer', async () => {
    const port = await findFreePort()
    const main = start({
      STORAGE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'prompts',
      S3_ACCESS_KEY_ID: 'a',
      S3_SECRET_ACCESS_KEY: 'b',
    })
    expect(await main.exited).toEqual({ code: 1, signal: null })
    expect(main.stderr()).toContain('cannot reach the S3 bucket "prompts"')
  })

  test('says so when DATA_DIR cannot be used', async () => {
    const file = join(dataDir(), 'a-file')
    writeFileSync(file, 'not a folder')
    const main = start({ DATA_DIR: file })
    expect(await main.exited).toEqual({ code: 1, signal: null })
    expect(main.stderr()).toContain(`cannot use DATA_DIR "${file}"`)
  })

  test('refuses settings that are wrong before starting', async () => {
    const main = start({ STORAGE: 'ftp' })
    expect(await main.exited).toEqual({ code: 1, signal: null })
    expect(main.stderr()).toContain('STORAGE must be "fs" or "s3", but it is "ftp".')
  })
})

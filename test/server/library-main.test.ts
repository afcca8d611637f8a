import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import {
  findFreePort,
  killIfRunning,
  requireBuiltServer,
  requireBuiltWebApp,
  spawnMain,
  waitForOutput,
  type MainProcess,
} from '../helpers/server.ts'
import { fetchStatus } from '../helpers/http.ts'

const RUNNING = /IVR Designer is running at (http:\/\/127\.0\.0\.1:\d+)\/\n/

describe('node dist/server/main.js with the IVR library', () => {
  const started: MainProcess[] = []
  const folders: string[] = []

  beforeAll(() => {
    requireBuiltServer()
    requireBuiltWebApp()
  })

  afterEach(async () => {
    await Promise.all(started.splice(0).map(killIfRunning))
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
  })

  function dataDir(): string {
    const folder = mkdtempSync(join(tmpdir(), 'ivr-designer-library-main-'))
    folders.push(folder)
    return folder
  }

  function start(env: Record<string, string>): MainProcess {
    const main = spawnMain({ PORT: '0', ...env })
    started.push(main)
    return main
  }

  test('keeps the library in DATA_DIR/library.sqlite; a second server on that folder refuses to start', async () => {
    const folder = dataDir()
    const first = start({ DATA_DIR: folder })
    const [, origin] = await waitForOutput(first, RUNNING)
    const created = await fetch(`${origin}/api/ivrs`, { method: 'POST' })
    expect(created.status).toBe(201)
    const { ivr } = (await created.json()) as { ivr: { id: string } }
    expect(existsSync(join(folder, 'library.sqlite'))).toBe(true)
    expect(existsSync(join(folder, 'library.lock'))).toBe(true)

    const second = start({ DATA_DIR: folder })
    expect(await second.exited).toEqual({ code: 1, signal: null })
    expect(second.stderr()).toContain(
      `IVR Designer could not start: another IVR Designer server is already using the IVR ` +
        `library in DATA_DIR "${folder}"`,
    )
    expect(second.stderr()).toContain('DATABASE_URL')
    expect(second.stdout()).not.toContain('is running at')

    // The first one is unharmed, and once it stops the folder is free again.
    expect(await fetchStatus(`${origin}/api/ivrs/${ivr.id}`)).toBe(200)
    first.child.kill('SIGTERM')
    expect(await first.exited).toEqual({ code: 0, signal: null })
    const third = start({ DATA_DIR: folder })
    const [, again] = await waitForOutput(third, RUNNING)
    const listed = (await (await fetch(`${again}/api/ivrs`)).json()) as { ivrs: { id: string }[] }
    expect(listed.ivrs.map((item) => item.id)).toEqual([ivr.id])
  })

  test('refuses a DATABASE_URL that is not a PostgreSQL URL without printing it', async () => {
    const main = start({ DATA_DIR: dataDir(), DATABASE_URL: 'mysql://ivr:hunter2@db/ivr' })
    expect(await main.exited).toEqual({ code: 1, signal: null })
    expect(main.stderr()).toContain('DATABASE_URL must be a PostgreSQL URL')
    expect(main.stderr()).not.toContain('hunter2')
  })

  test('says which database it cannot reach, without the password', async () => {
    const port = await findFreePort()
    const main = start({
      DATA_DIR: dataDir(),
      DATABASE_URL: `postgres://ivr:hunter2@127.0.0.1:${port}/library`,
    })
    expect(await main.exited).toEqual({ code: 1, signal: null })
    expect(main.stderr()).toContain(
      `IVR Designer could not start: it cannot use the PostgreSQL database at 127.0.0.1:${port}/library`,
    )
    expect(main.stderr()).toContain('ECONNREFUSED')
    expect(main.stderr()).not.toContain('hunter2')
  })
})

import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import {
  findFreePort,
  killIfRunning,
  REPO_ROOT,
  requireBuiltServer,
  requireBuiltWebApp,
  spawnMain,
  waitForOutput,
  type MainProcess,
} from '../helpers/server.ts'
import { fetchStatus } from '../helpers/http.ts'

const RUNNING = /IVR Designer is running at (http:\/\/127\.0\.0\.1:(\d+)\/)\n/

describe('node dist/server/main.js', () => {
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

  /** Starts a server with a data folder of its own, since one folder serves one server. */
  function start(env: Record<string, string>, script?: string): MainProcess {
    const dataDir = mkdtempSync(join(tmpdir(), 'ivr-designer-main-'))
    folders.push(dataDir)
    const main = spawnMain({ DATA_DIR: dataDir, ...env }, script)
    started.push(main)
    return main
  }

  test('listens on PORT, prints its URL, serves the app and exits 0 on SIGTERM', async () => {
    const port = await findFreePort()
    const main = start({ HOST: '127.0.0.1', PORT: String(port) })
    const [, url] = await waitForOutput(main, RUNNING)
    expect(url).toBe(`http://127.0.0.1:${port}/`)

    const page = await fetch(url!)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root"></div>')
    expect(await (await fetch(`${url}api/health`)).json()).toMatchObject({ ok: true })

    main.child.kill('SIGTERM')
    expect(await main.exited).toEqual({ code: 0, signal: null })
    expect(main.stderr()).toBe('')
  })

  test('picks a free port for PORT=0 and exits 0 on SIGINT', async () => {
    const main = start({ PORT: '0' })
    const [, url, port] = await waitForOutput(main, RUNNING)
    expect(Number(port)).toBeGreaterThan(0)
    expect(await fetchStatus(`${url}api/health`)).toBe(200)

    main.child.kill('SIGINT')
    expect(await main.exited).toEqual({ code: 0, signal: null })
  })

  test('refuses a PORT that is not a port number, saying why', async () => {
    const main = start({ PORT: 'eighty' })
    expect(await main.exited).toEqual({ code: 1, signal: null })
    expect(main.stderr()).toContain(
      'PORT must be a whole number from 0 to 65535, but it is "eighty".',
    )
  })

  test('says which port is taken when PORT is in use', async () => {
    const first = start({ PORT: '0' })
    const [, , port] = await waitForOutput(first, RUNNING)
    const second = start({ PORT: port! })
    expect(await second.exited).toEqual({ code: 1, signal: null })
    expect(second.stderr()).toContain(`port ${port} is already in use`)
  })

  test('says to build first when the web app is missing', async () => {
    // A copy of the compiled server whose dist/ has no web/ folder beside it.
    const base = mkdtempSync(join(tmpdir(), 'ivr-designer-unbuilt-'))
    try {
      const web = join(REPO_ROOT, 'dist', 'web')
      cpSync(join(REPO_ROOT, 'dist'), join(base, 'dist'), {
        recursive: true,
        filter: (source) => source !== web && !source.startsWith(`${web}/`),
      })
      cpSync(join(REPO_ROOT, 'package.json'), join(base, 'package.json'))
      symlinkSync(join(REPO_ROOT, 'node_modules'), join(base, 'node_modules'), 'dir')
      const main = start({ PORT: '0' }, join(base, 'dist', 'server', 'main.js'))
      expect(await main.exited).toEqual({ code: 1, signal: null })
      expect(main.stderr()).toContain('The web app is not built')
      expect(main.stderr()).toContain('npm run build')
      expect(main.stdout()).not.toContain('is running at')
    } finally {
      rmSync(base, { recursive: true, force: true })
    }
  })
})

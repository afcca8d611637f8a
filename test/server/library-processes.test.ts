import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import {
  killIfRunning,
  requireBuiltServer,
  requireBuiltWebApp,
  spawnMain,
  waitForOutput,
  type MainProcess,
} from '../helpers/server.ts'
import { expectIntact, saveLoop, type AckedSave } from './support/library.ts'
import { startPostgres, type TestPostgres } from './support/postgres.ts'
import { fetchStatus } from '../helpers/http.ts'

const RUNNING = /IVR Designer is running at (http:\/\/127\.0\.0\.1:\d+)\/\n/

/** How many clients (and, with PostgreSQL, server processes) save at once. */
const WRITERS = 4

/** How many saves each client makes. */
const SAVES_EACH = 10

let postgres: TestPostgres | undefined
const started: MainProcess[] = []
const folders: string[] = []

beforeAll(async () => {
  requireBuiltServer()
  requireBuiltWebApp()
  postgres = await startPostgres()
})

afterEach(async () => {
  await Promise.all(started.splice(0).map(killIfRunning))
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

afterAll(async () => {
  await postgres?.stop()
})

function dataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ivr-designer-library-main-'))
  folders.push(folder)
  return folder
}

/** Starts `node dist/server/main.js` on a free port; its origin once it listens. */
async function startMain(
  env: Record<string, string>,
): Promise<{ main: MainProcess; origin: string }> {
  const main = spawnMain({ PORT: '0', ...env })
  started.push(main)
  const [, origin] = await waitForOutput(main, RUNNING)
  return { main, origin: origin! }
}

async function createIvr(origin: string, id: string): Promise<void> {
  const response = await fetch(`${origin}/api/ivrs/${id}`, {
    method: 'PUT',
    body: 'online:\n  - ring\n',
    headers: { 'content-type': 'application/yaml' },
  })
  expect(response.status).toBe(201)
  await response.arrayBuffer()
}

describe('saving one IVR from several writers at once', () => {
  test('SQLite: four clients of one server; versions gapless, every acknowledged save intact', async () => {
    const { origin } = await startMain({ DATA_DIR: dataDir() })
    await createIvr(origin, 'shared')
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, n) =>
        saveLoop({ origin, id: 'shared', client: `client-${n}`, saves: SAVES_EACH }),
      ),
    )
    expect(results.every((result) => !result.failed)).toBe(true)
    const acked = results.flatMap((result) => result.acked)
    expect(acked).toHaveLength(WRITERS * SAVES_EACH)
    expect(await expectIntact(origin, 'shared', acked)).toBe(WRITERS * SAVES_EACH + 1)
    expect(results.reduce((sum, result) => sum + result.conflicts, 0)).toBeGreaterThan(0)
  })

  test('PostgreSQL: four server processes on one database; versions gapless, every acknowledged save intact', async () => {
    const databaseUrl = await postgres!.createDatabase()
    const servers = await Promise.all(
      Array.from({ length: WRITERS }, () =>
        startMain({ DATA_DIR: dataDir(), DATABASE_URL: databaseUrl }),
      ),
    )
    await createIvr(servers[0]!.origin, 'shared')
    const results = await Promise.all(
      servers.map(({ origin }, n) =>
        saveLoop({ origin, id: 'shared', client: `server-${n}`, saves: SAVES_EACH }),
      ),
    )
    expect(results.every((result) => !result.failed)).toBe(true)
    const acked = results.flatMap((result) => result.acked)
    expect(acked).toHaveLength(WRITERS * SAVES_EACH)
    for (const { origin } of servers) {
      expect(await expectIntact(origin, 'shared', acked)).toBe(WRITERS * SAVES_EACH + 1)
    }
    expect(results.reduce((sum, result) => sum + result.conflicts, 0)).toBeGreaterThan(0)
  })
})

describe.each(['sqlite', 'postgres'] as const)(
  'a server killed in the middle of saves (%s)',
  (engine) => {
    test('loses no acknowledged save, and every IVR reads back after a restart', async () => {
      const env: Record<string, string> = { DATA_DIR: dataDir() }
      if (engine === 'postgres') env.DATABASE_URL = await postgres!.createDatabase()
      const ids = ['menu-a', 'menu-b', 'menu-c']
      const acked = new Map<string, AckedSave[]>(ids.map((id) => [id, []]))

      for (let round = 0; round < 2; round++) {
        const { main, origin } = await startMain(env)
        if (round === 0) for (const id of ids) await createIvr(origin, id)
        let count = 0
        let kill: () => void = () => undefined
        const enough = new Promise<void>((resolve) => (kill = resolve))
        const loops = ids.map((id) =>
          saveLoop({
            origin,
            id,
            client: `round-${round}-${id}`,
            // More than can finish before the kill: the loops are cut off mid-save.
            saves: 1_000,
            onAck: (save) => {
              acked.get(id)!.push(save)
              count += 1
              if (count === 12 + round * 6) kill()
            },
          }),
        )
        await enough
        main.child.kill('SIGKILL')
        expect(await main.exited).toEqual({ code: null, signal: 'SIGKILL' })
        const results = await Promise.all(loops)
        expect(results.every((result) => result.failed)).toBe(true)
      }

      const { origin } = await startMain(env)
      const listed = (await (await fetch(`${origin}/api/ivrs`)).json()) as {
        ivrs: { id: string }[]
      }
      expect(listed.ivrs.map((ivr) => ivr.id).sort()).toEqual(ids)
      for (const id of ids) {
        const head = await expectIntact(origin, id, acked.get(id)!)
        // At most the one save in flight at the kill of each round may have landed unacknowledged.
        expect(head - 1 - acked.get(id)!.length).toBeLessThanOrEqual(2)
        expect(await fetchStatus(`${origin}/api/ivrs/${id}`)).toBe(200)
      }
    })
  },
)

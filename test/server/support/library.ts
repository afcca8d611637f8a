import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../../src/server/app.ts'
import { openPostgresRepository } from '../../../src/server/library/postgres-repository.ts'
import type { IvrRepository, RepositoryOptions } from '../../../src/server/library/repository.ts'
import { openSqliteRepository } from '../../../src/server/library/sqlite-repository.ts'
import type { TestPostgres } from './postgres.ts'

/** The engines every library test runs against. */
export const ENGINES = ['sqlite', 'postgres'] as const

/** One of {@link ENGINES}. */
export type Engine = (typeof ENGINES)[number]

/** Where one engine keeps a library: a data folder, or a database of the test server. */
export interface LibraryPlace {
  engine: Engine
  /** The data folder (SQLite keeps `library.sqlite` there). */
  dataDir: string
  /** The database URL, with `postgres`. */
  databaseUrl?: string
  /** Opens the library there (again). */
  open(options?: RepositoryOptions): Promise<IvrRepository>
  /** Removes the data folder. */
  dispose(): void
}

/** A fresh, empty place for a library of `engine`; `postgres` needs a running test server. */
export async function newLibraryPlace(
  engine: Engine,
  postgres?: TestPostgres,
): Promise<LibraryPlace> {
  const dataDir = mkdtempSync(join(tmpdir(), `ivr-designer-library-${engine}-`))
  const dispose = (): void => rmSync(dataDir, { recursive: true, force: true })
  if (engine === 'sqlite') {
    return {
      engine,
      dataDir,
      open: async (options = {}) => openSqliteRepository({ ...options, dataDir }),
      dispose,
    }
  }
  if (postgres === undefined) throw new Error('the postgres engine needs a test server')
  const databaseUrl = await postgres.createDatabase()
  return {
    engine,
    dataDir,
    databaseUrl,
    open: (options = {}) => openPostgresRepository({ ...options, connectionString: databaseUrl }),
    dispose,
  }
}

/** A clock the test moves by hand. */
export interface TestClock {
  now: () => Date
  advanceDays(days: number): void
}

/** A {@link TestClock} starting at `start`, moving 1 ms at every reading so times differ. */
export function testClock(start = '2026-01-05T09:00:00.000Z'): TestClock {
  let time = new Date(start).getTime()
  return {
    now: () => new Date(time++),
    advanceDays: (days) => {
      time += days * 24 * 60 * 60 * 1000
    },
  }
}

/** The server with the IVR library, listening on a free port of 127.0.0.1. */
export interface LibraryServer {
  origin: string
  close(): Promise<void>
}

/** `buildApp` with the IVR library in `repository`, serving a tiny static root of its own. */
export async function startLibraryServer(
  repository: IvrRepository,
  options: { authToken?: string } = {},
): Promise<LibraryServer> {
  const staticRoot = mkdtempSync(join(tmpdir(), 'ivr-designer-static-'))
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>Test</title>')
  const app = buildApp({ staticRoot, library: { repository, ...options } })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close()
      rmSync(staticRoot, { recursive: true, force: true })
    },
  }
}

/** A save the server acknowledged with a 2xx: the text and the version it became. */
export interface AckedSave {
  text: string
  version: number
}

/**
 * Saves new text into the IVR `id` at `origin` `saves` times, each based on the newest version
 * it knows; on a 409 it takes the current version from the answer and tries again, at most
 * `maxAttempts` times per save. Resolves with every acknowledged save, or, when a request fails
 * (as when the server is killed), with those acknowledged until then.
 */
export async function saveLoop(options: {
  origin: string
  id: string
  client: string
  saves: number
  token?: string
  maxAttempts?: number
  /** Called after each acknowledged save. */
  onAck?: (save: AckedSave) => void
}): Promise<{ acked: AckedSave[]; conflicts: number; failed: boolean }> {
  const { origin, id, client, saves } = options
  const auth: Record<string, string> =
    options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }
  const acked: AckedSave[] = []
  let conflicts = 0
  try {
    let etag = (await fetch(`${origin}/api/ivrs/${id}`).then(async (response) => {
      await response.arrayBuffer()
      return response.headers.get('etag')
    })) as string
    for (let n = 0; n < saves; n++) {
      const text = `# ${client} save ${n}\nonline:\n  - say: "${client} ${n}"\n  - ring\n`
      let stored = false
      for (let attempt = 0; attempt < (options.maxAttempts ?? 100) && !stored; attempt++) {
        const response = await fetch(`${origin}/api/ivrs/${id}`, {
          method: 'PUT',
          body: text,
          headers: { 'content-type': 'application/yaml', 'if-match': etag, ...auth },
        })
        const body = (await response.json()) as {
          version?: { number: number }
          current?: { ivr: { etag: string } }
          error?: { code: string }
        }
        if (response.status === 200) {
          const save = { text, version: body.version!.number }
          acked.push(save)
          options.onAck?.(save)
          etag = response.headers.get('etag') as string
          stored = true
        } else if (response.status === 409) {
          conflicts += 1
          etag = body.current!.ivr.etag
        } else {
          throw new Error(`unexpected ${response.status} ${JSON.stringify(body)}`)
        }
      }
      if (!stored)
        throw new Error(`${client} could not save after ${options.maxAttempts ?? 100} tries`)
    }
    return { acked, conflicts, failed: false }
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('unexpected')) throw error
    return { acked, conflicts, failed: true }
  }
}

/**
 * Checks, over HTTP, that the IVR `id` has versions 1 to its head without gaps and that every
 * save in `acked` is there with its exact text; returns the head.
 */
export async function expectIntact(
  origin: string,
  id: string,
  acked: readonly AckedSave[],
): Promise<number> {
  const head = await fetch(`${origin}/api/ivrs/${id}`, { headers: { accept: 'application/json' } })
  if (head.status !== 200) throw new Error(`GET ${id} answered ${head.status}`)
  const { ivr } = (await head.json()) as { ivr: { head: number } }
  const listing = (await (await fetch(`${origin}/api/ivrs/${id}/versions`)).json()) as {
    versions: { number: number }[]
  }
  const numbers = listing.versions.map((version) => version.number)
  const expected = Array.from({ length: ivr.head }, (_, i) => ivr.head - i)
  if (JSON.stringify(numbers) !== JSON.stringify(expected)) {
    throw new Error(`versions of ${id} are ${numbers.join(',')}, not ${ivr.head}..1`)
  }
  const versions = new Set<number>()
  for (const save of acked) {
    if (versions.has(save.version))
      throw new Error(`two saves acknowledged as version ${save.version}`)
    versions.add(save.version)
    const stored = await (await fetch(`${origin}/api/ivrs/${id}/versions/${save.version}`)).text()
    if (stored !== save.text) {
      throw new Error(
        `version ${save.version} of ${id} is ${JSON.stringify(stored)}, not ${JSON.stringify(save.text)}`,
      )
    }
  }
  return ivr.head
}

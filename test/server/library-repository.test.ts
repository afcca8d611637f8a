import Database from 'better-sqlite3'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { purgeCutoff } from '../../src/server/library/open-library.ts'
import type { IvrRepository, SaveInput } from '../../src/server/library/repository.ts'
import { SQLITE_FILE } from '../../src/server/library/sqlite-repository.ts'
import {
  ENGINES,
  newLibraryPlace,
  testClock,
  type LibraryPlace,
  type TestClock,
} from './support/library.ts'
import { startPostgres, type TestPostgres } from './support/postgres.ts'

const MENU = 'online:\n  - ring\n'

function saveInput(
  id: string,
  base: number,
  yaml: string,
  message: string | null = null,
): SaveInput {
  return { id, base, yaml, author: 'aiko', message, source: { kind: 'save' } }
}

let postgres: TestPostgres | undefined

beforeAll(async () => {
  postgres = await startPostgres()
})

afterAll(async () => {
  await postgres?.stop()
})

describe.each(ENGINES)('the IVR library on %s', (engine) => {
  let place: LibraryPlace
  let repo: IvrRepository
  let clock: TestClock

  beforeEach(async () => {
    clock = testClock()
    place = await newLibraryPlace(engine, postgres)
    repo = await place.open({ now: clock.now })
  })

  afterEach(async () => {
    await repo.close()
    place.dispose()
  })

  async function create(id: string, name = id, yaml = MENU): Promise<void> {
    const result = await repo.create({
      id,
      name,
      yaml,
      author: 'aiko',
      message: null,
      source: { kind: 'create' },
    })
    expect(result.kind).toBe('created')
  }

  test('migrates the schema once: a second start applies nothing', async () => {
    expect(repo.engine).toBe(engine)
    expect(repo.migrated).toEqual([1])
    await repo.close()
    repo = await place.open({ now: clock.now })
    expect(repo.migrated).toEqual([])
    await create('still-works')
    expect((await repo.get('still-works'))?.head).toBe(1)
  })

  test('refuses a database migrated by a newer release', async () => {
    await repo.close()
    if (engine === 'sqlite') {
      const db = new Database(join(place.dataDir, SQLITE_FILE))
      db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', 'x')").run()
      db.close()
    } else {
      const client = new pg.Client({ connectionString: place.databaseUrl })
      await client.connect()
      await client.query("INSERT INTO schema_migrations VALUES (99, 'future', now())")
      await client.end()
    }
    await expect(place.open()).rejects.toThrow(/schema version 99.*run that release or newer/)
    repo = { close: async () => undefined } as IvrRepository
  })

  test('creates an IVR as version 1 with its exact text, once', async () => {
    const text = '\uFEFF# 受付メニュー\r\nonline:\r\n  - ring\r\n'
    const created = await repo.create({
      id: 'main',
      name: '受付',
      yaml: text,
      author: 'aiko',
      message: 'first',
      source: { kind: 'create', template: 'basic' },
    })
    expect(created.kind).toBe('created')
    if (created.kind !== 'created') return
    expect(created.current.ivr).toMatchObject({
      id: 'main',
      name: '受付',
      head: 1,
      deletedAt: null,
    })
    expect(created.current.version).toMatchObject({
      number: 1,
      author: 'aiko',
      message: 'first',
      source: { kind: 'create', template: 'basic' },
      size: Buffer.byteLength(text, 'utf8'),
    })
    expect((await repo.head('main'))?.yaml).toBe(text)
    expect(
      await repo.create({
        id: 'main',
        name: 'x',
        yaml: '',
        author: 'a',
        message: null,
        source: { kind: 'create' },
      }),
    ).toEqual({ kind: 'exists' })
    expect((await repo.head('main'))?.yaml).toBe(text)
  })

  test('saves a version on the newest one, numbered without gaps', async () => {
    await create('main')
    for (let base = 1; base <= 4; base++) {
      const result = await repo.save(
        saveInput('main', base, `${MENU}# ${base}\n`, `change ${base}`),
      )
      expect(result.kind).toBe('saved')
      if (result.kind === 'saved') {
        expect(result.current.ivr.head).toBe(base + 1)
        expect(result.current.version).toMatchObject({
          number: base + 1,
          message: `change ${base}`,
        })
      }
    }
    const versions = await repo.versions('main')
    expect(versions?.map((version) => version.number)).toEqual([5, 4, 3, 2, 1])
    expect((await repo.head('main'))?.yaml).toBe(`${MENU}# 4\n`)
  })

  test('a save on a stale base is a conflict that stores nothing and shows the current text', async () => {
    await create('main')
    expect((await repo.save(saveInput('main', 1, 'first edit'))).kind).toBe('saved')
    const stale = await repo.save(saveInput('main', 1, 'second edit'))
    expect(stale.kind).toBe('conflict')
    if (stale.kind === 'conflict') {
      expect(stale.current.ivr.head).toBe(2)
      expect(stale.current.yaml).toBe('first edit')
    }
    expect((await repo.save(saveInput('main', 7, 'from the future'))).kind).toBe('conflict')
    expect((await repo.versions('main'))?.length).toBe(2)
  })

  test('saving the text the newest version already has stores nothing', async () => {
    await create('main')
    expect((await repo.save(saveInput('main', 1, 'edit'))).kind).toBe('saved')
    // A repeated save whose answer was lost, still based on version 1.
    const repeated = await repo.save(saveInput('main', 1, 'edit'))
    expect(repeated.kind).toBe('unchanged')
    expect((await repo.save(saveInput('main', 2, 'edit'))).kind).toBe('unchanged')
    expect((await repo.get('main'))?.head).toBe(2)
  })

  test('of many saves on the same base exactly one is stored', async () => {
    await create('main')
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => repo.save(saveInput('main', 1, `edit ${i}`))),
    )
    const saved = results.filter((result) => result.kind === 'saved')
    expect(saved).toHaveLength(1)
    expect(results.filter((result) => result.kind === 'conflict')).toHaveLength(11)
    const head = await repo.head('main')
    expect(head?.ivr.head).toBe(2)
    expect(saved[0]?.kind === 'saved' && saved[0].current.yaml).toBe(head?.yaml)
  })

  test('keeps every version: history pages newest first, and each version with its text', async () => {
    await create('main', 'Main', 'v1')
    for (let n = 2; n <= 6; n++) await repo.save(saveInput('main', n - 1, `v${n}`))
    expect((await repo.versions('main', { limit: 2 }))?.map((v) => v.number)).toEqual([6, 5])
    expect((await repo.versions('main', { before: 5, limit: 2 }))?.map((v) => v.number)).toEqual([
      4, 3,
    ])
    expect((await repo.versions('main', { before: 2 }))?.map((v) => v.number)).toEqual([1])
    for (let n = 1; n <= 6; n++) expect((await repo.version('main', n))?.yaml).toBe(`v${n}`)
    expect(await repo.version('main', 7)).toBeUndefined()
    expect(await repo.version('other', 1)).toBeUndefined()
    expect(await repo.versions('other')).toBeUndefined()
  })

  test('records where a version came from', async () => {
    await create('main', 'Main', 'v1')
    await repo.save(saveInput('main', 1, 'v2'))
    const restored = await repo.save({
      ...saveInput('main', 2, 'v1'),
      source: { kind: 'restore', version: 1 },
    })
    expect(restored.kind === 'saved' && restored.current.version.source).toEqual({
      kind: 'restore',
      version: 1,
    })
    expect((await repo.version('main', 3))?.version.source).toEqual({ kind: 'restore', version: 1 })
  })

  test('renames without touching the versions', async () => {
    await create('main', 'Main line')
    const before = await repo.get('main')
    const renamed = await repo.rename('main', 'メインメニュー')
    expect(renamed).toMatchObject({ id: 'main', name: 'メインメニュー', head: 1 })
    expect(renamed!.updatedAt > before!.updatedAt).toBe(true)
    expect((await repo.versions('main'))?.length).toBe(1)
    expect(await repo.rename('missing', 'x')).toBeUndefined()
  })

  test('deletes recoverably: hidden from the list, refuses saves, and comes back', async () => {
    await create('keep')
    await create('gone')
    const deleted = await repo.remove('gone')
    expect(deleted?.deletedAt).not.toBeNull()
    expect((await repo.remove('gone'))?.deletedAt).toBe(deleted?.deletedAt)
    expect((await repo.list()).map((ivr) => ivr.id)).toEqual(['keep'])
    expect((await repo.list({ deleted: true })).map((ivr) => ivr.id)).toEqual(['gone'])
    expect((await repo.save(saveInput('gone', 1, 'x'))).kind).toBe('deleted')
    expect(await repo.rename('gone', 'x')).toBeUndefined()
    expect((await repo.head('gone'))?.yaml).toBe(MENU)

    const recovered = await repo.recover('gone')
    expect(recovered?.deletedAt).toBeNull()
    expect((await repo.list()).map((ivr) => ivr.id).sort()).toEqual(['gone', 'keep'])
    expect((await repo.save(saveInput('gone', 1, 'x'))).kind).toBe('saved')
    expect(await repo.remove('missing')).toBeUndefined()
    expect(await repo.recover('missing')).toBeUndefined()
  })

  test('purges IVRs deleted more than 30 days ago, with their versions', async () => {
    await create('old')
    await repo.save(saveInput('old', 1, 'v2'))
    await create('recent')
    await create('alive')
    await repo.remove('old')
    clock.advanceDays(20)
    await repo.remove('recent')
    clock.advanceDays(11)

    expect(await repo.purgeDeleted(purgeCutoff(clock.now()))).toBe(1)
    expect(await repo.get('old')).toBeUndefined()
    expect(await repo.versions('old')).toBeUndefined()
    expect(await repo.version('old', 1)).toBeUndefined()
    expect((await repo.get('recent'))?.deletedAt).not.toBeNull()
    expect((await repo.get('alive'))?.deletedAt).toBeNull()
    expect(await repo.purgeDeleted(purgeCutoff(clock.now()))).toBe(0)
    // The id of a purged IVR is free again.
    await create('old')
  })

  test('lists most recently changed first and searches names and ids, ignoring case', async () => {
    await create('sales', 'Sales Hotline')
    await create('support', 'Customer Support')
    await create('jp-main', '東京オフィス')
    await create('greek', 'ΑΘΗΝΑ desk')
    await repo.save(saveInput('sales', 1, 'changed'))
    expect((await repo.list()).map((ivr) => ivr.id)).toEqual([
      'sales',
      'greek',
      'jp-main',
      'support',
    ])
    expect((await repo.list({ q: 'hot' })).map((ivr) => ivr.id)).toEqual(['sales'])
    expect((await repo.list({ q: '  SUPPORT ' })).map((ivr) => ivr.id)).toEqual(['support'])
    expect((await repo.list({ q: 'オフィス' })).map((ivr) => ivr.id)).toEqual(['jp-main'])
    expect((await repo.list({ q: 'αθηνα' })).map((ivr) => ivr.id)).toEqual(['greek'])
    expect((await repo.list({ q: 'jp-' })).map((ivr) => ivr.id)).toEqual(['jp-main'])
    expect((await repo.list({ q: '%' })).map((ivr) => ivr.id)).toEqual([])
    expect((await repo.list({ q: '' })).length).toBe(4)
  })
})

import { afterEach, describe, expect, test } from 'vitest'
import { TEMPLATES } from '../../src/app/templates/templates.ts'
import { readConfig } from '../../src/server/config.ts'
import { authorOf } from '../../src/server/library/author.ts'
import {
  prefersJson,
  readMessage,
  toIvrJson,
  versionOfEtag,
} from '../../src/server/library/http.ts'
import { cleanIvrName, isIvrId, newIvrId } from '../../src/server/library/ids.ts'
import { databaseOf, openLibrary } from '../../src/server/library/open-library.ts'
import { loadTemplates } from '../../src/server/library/templates.ts'
import { newLibraryPlace, testClock, type LibraryPlace } from './support/library.ts'

describe('DATABASE_URL', () => {
  test('selects PostgreSQL when set and SQLite otherwise', () => {
    const url = 'postgres://ivr:secret@db.example.com:5432/ivr'
    const result = readConfig({ DATABASE_URL: url }, '/srv')
    expect('config' in result && result.config.databaseUrl).toBe(url)
    expect(databaseOf(url)).toEqual({ kind: 'postgres', url })
    const plain = readConfig({}, '/srv')
    expect('config' in plain && plain.config.databaseUrl).toBeUndefined()
    expect(databaseOf(undefined)).toEqual({ kind: 'sqlite' })
    const socket = readConfig({ DATABASE_URL: 'postgresql:///ivr?host=/run/postgresql' }, '/srv')
    expect('config' in socket).toBe(true)
  })

  test('refuses other URLs without repeating them', () => {
    for (const value of [
      'mysql://u:pw-secret@h/db',
      'not a url pw-secret',
      'https://x/pw-secret',
    ]) {
      const result = readConfig({ DATABASE_URL: value }, '/srv')
      expect(result).toEqual({
        error: expect.stringContaining('DATABASE_URL must be a PostgreSQL URL'),
      })
      expect(JSON.stringify(result)).not.toContain('pw-secret')
    }
  })
})

describe('the author of saves', () => {
  test('is the name of a name:secret token, else "local"', () => {
    expect(authorOf('aiko:3f9c0a7d52e1b8c4')).toBe('aiko')
    expect(authorOf('ops.team@example:3f9c:0a7d')).toBe('ops.team@example')
    expect(authorOf('3f9c0a7d52e1b8c43f9c0a7d52e1b8c4')).toBe('local')
    expect(authorOf(':secret')).toBe('local')
    expect(authorOf('name with space:secret')).toBe('local')
    expect(authorOf(undefined)).toBe('local')
  })
})

describe('ids, names, ETags and messages', () => {
  test('ids are URL-safe slugs; generated ones are 12 letters and digits', () => {
    for (const id of ['main', 'main-menu', 'a', 'x_1', '0', 'k7fq2mxw9c3d'])
      expect(isIvrId(id)).toBe(true)
    for (const id of ['', 'Main', '-a', 'a-', 'a b', 'a/b', '..', 'a.b', 'x'.repeat(65), 'ü']) {
      expect(isIvrId(id)).toBe(false)
    }
    const ids = new Set(Array.from({ length: 200 }, newIvrId))
    expect(ids.size).toBe(200)
    for (const id of ids) expect(id).toMatch(/^[a-z2-9]{12}$/)
  })

  test('names are trimmed, single-spaced, and refused when empty, too long or with control characters', () => {
    expect(cleanIvrName('  本社\t メニュー ')).toBe('本社 メニュー')
    expect(cleanIvrName('')).toBeUndefined()
    expect(cleanIvrName('a\u0000b')).toBeUndefined()
    expect(cleanIvrName('x'.repeat(200))).toBe('x'.repeat(200))
    expect(cleanIvrName('x'.repeat(201))).toBeUndefined()
  })

  test('ETags name one version', () => {
    expect(versionOfEtag('"v3"')).toBe(3)
    expect(versionOfEtag(' W/"v12" ')).toBe(12)
    for (const value of ['v3', '"3"', '"v0"', '*', '"v1", "v2"', '"v99999999999"']) {
      expect(versionOfEtag(value)).toBeUndefined()
    }
  })

  test('JSON only when preferred to YAML', () => {
    expect(prefersJson(undefined)).toBe(false)
    expect(prefersJson('*/*')).toBe(false)
    expect(prefersJson('application/json')).toBe(true)
    expect(prefersJson('application/json, application/yaml')).toBe(false)
    expect(prefersJson('application/yaml;q=0.5, application/json')).toBe(true)
    expect(prefersJson('text/html,application/xhtml+xml,*/*;q=0.8')).toBe(false)
  })

  test('messages are decoded, trimmed and limited', () => {
    expect(readMessage(encodeURIComponent(' 営業時間\n変更 '), true)).toBe('営業時間\n変更')
    expect(readMessage(undefined, true)).toBeNull()
    expect(readMessage('   ', false)).toBeNull()
    expect(readMessage('%E0%A4%A', true)).toBeUndefined()
    expect(readMessage('caf\u00e9', true)).toBeUndefined()
    expect(readMessage('a\u0007', false)).toBeUndefined()
    expect(readMessage('x'.repeat(1001), false)).toBeUndefined()
  })

  test('a deleted IVR shows when it will be erased', () => {
    const json = toIvrJson({
      id: 'a',
      name: 'A',
      head: 2,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      deletedAt: '2026-01-02T00:00:00.000Z',
    })
    expect(json).toMatchObject({ etag: '"v2"', purgeAt: '2026-02-01T00:00:00.000Z' })
  })
})

describe('templates', () => {
  test('the server offers the same templates as the editor, by the same ids', () => {
    const templates = loadTemplates()
    expect([...templates.keys()].sort()).toEqual(TEMPLATES.map((template) => template.id).sort())
    for (const template of TEMPLATES) expect(templates.get(template.id)).toBe(template.text)
  })
})

describe('opening the library', () => {
  let place: LibraryPlace | undefined

  afterEach(() => place?.dispose())

  test('erases IVRs deleted more than 30 days ago at start', async () => {
    place = await newLibraryPlace('sqlite')
    const clock = testClock()
    let repo = await openLibrary({ kind: 'sqlite' }, place.dataDir, { now: clock.now })
    for (const id of ['old', 'kept']) {
      await repo.create({
        id,
        name: id,
        yaml: '',
        author: 'a',
        message: null,
        source: { kind: 'create' },
      })
    }
    await repo.remove('old')
    clock.advanceDays(29)
    await repo.remove('kept')
    await repo.close()

    clock.advanceDays(2)
    repo = await openLibrary({ kind: 'sqlite' }, place.dataDir, { now: clock.now })
    expect(await repo.get('old')).toBeUndefined()
    expect((await repo.list({ deleted: true })).map((ivr) => ivr.id)).toEqual(['kept'])
    await repo.close()
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import type { IvrRepository } from '../../src/server/library/repository.ts'
import { REPO_ROOT } from '../helpers/server.ts'
import {
  ENGINES,
  newLibraryPlace,
  startLibraryServer,
  type LibraryPlace,
  type LibraryServer,
} from './support/library.ts'
import { startPostgres, type TestPostgres } from './support/postgres.ts'

const TEMPLATES = join(REPO_ROOT, 'src', 'app', 'templates')
const EMPTY = readFileSync(join(TEMPLATES, 'empty.yaml'), 'utf8')
const BASIC = readFileSync(join(TEMPLATES, 'basic.yaml'), 'utf8')
const YAML = 'application/yaml'

interface IvrJson {
  id: string
  name: string
  head: number
  etag: string
  deletedAt: string | null
  purgeAt?: string
}

interface VersionJson {
  number: number
  etag: string
  author: string
  message: string | null
  source: { kind: string; [key: string]: unknown }
  size: number
}

interface SaveBody {
  ivr: IvrJson
  version: VersionJson
  saved: boolean
}

interface ErrorBody {
  error: { code: string; message: string }
  current?: { ivr: IvrJson; version: VersionJson; yaml: string }
  ivr?: IvrJson
}

let postgres: TestPostgres | undefined

beforeAll(async () => {
  postgres = await startPostgres()
})

afterAll(async () => {
  await postgres?.stop()
})

describe.each(ENGINES)('the IVR library API on %s', (engine) => {
  let place: LibraryPlace
  let repo: IvrRepository
  let server: LibraryServer
  let token: string | undefined

  async function start(authToken?: string): Promise<void> {
    token = authToken
    server = await startLibraryServer(repo, authToken === undefined ? {} : { authToken })
  }

  beforeEach(async () => {
    place = await newLibraryPlace(engine, postgres)
    repo = await place.open()
    await start()
  })

  afterEach(async () => {
    await server.close()
    await repo.close()
    place.dispose()
  })

  function call(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (token !== undefined && !headers.has('authorization')) {
      headers.set('authorization', `Bearer ${token}`)
    }
    return fetch(`${server.origin}/api/ivrs${path}`, { ...init, headers })
  }

  function post(path: string, body?: unknown): Promise<Response> {
    return call(path, {
      method: 'POST',
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    })
  }

  function put(id: string, yaml: string, headers: Record<string, string> = {}): Promise<Response> {
    return call(`/${id}`, {
      method: 'PUT',
      body: yaml,
      headers: { 'content-type': YAML, ...headers },
    })
  }

  async function created(body?: unknown): Promise<SaveBody> {
    const response = await post('', body)
    expect(response.status).toBe(201)
    return (await response.json()) as SaveBody
  }

  async function expectProblem(
    response: Response,
    status: number,
    code: string,
  ): Promise<ErrorBody> {
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const body = (await response.json()) as ErrorBody
    expect(body.error.code).toBe(code)
    expect(body.error.message.length).toBeGreaterThan(10)
    return body
  }

  test('POST creates a blank IVR from the empty template; GET answers its YAML with an ETag', async () => {
    const response = await post('', { name: 'Main line' })
    expect(response.status).toBe(201)
    expect(response.headers.get('etag')).toBe('"v1"')
    const body = (await response.json()) as SaveBody
    expect(response.headers.get('location')).toBe(`/api/ivrs/${body.ivr.id}`)
    expect(body.ivr).toMatchObject({ name: 'Main line', head: 1, etag: '"v1"', deletedAt: null })
    expect(body.ivr.id).toMatch(/^[a-z2-9]{12}$/)
    expect(body.version).toMatchObject({
      number: 1,
      author: 'local',
      source: { kind: 'create', template: 'empty' },
    })
    expect(body.saved).toBe(true)

    const yaml = await call(`/${body.ivr.id}`)
    expect(yaml.status).toBe(200)
    expect(yaml.headers.get('content-type')).toBe('application/yaml; charset=utf-8')
    expect(yaml.headers.get('etag')).toBe('"v1"')
    expect(await yaml.text()).toBe(EMPTY)

    const unnamed = await created()
    expect(unnamed.ivr.name).toBe('New IVR')
  })

  test('POST creates from a template or from given YAML, and refuses what it cannot use', async () => {
    const fromTemplate = await created({ name: 'Basic', template: 'basic', message: 'start' })
    expect(fromTemplate.version).toMatchObject({
      message: 'start',
      source: { kind: 'create', template: 'basic' },
    })
    expect(await (await call(`/${fromTemplate.ivr.id}`)).text()).toBe(BASIC)

    const given = await created({ name: '受付', yaml: 'online:\n  - ring # 日本語\n' })
    expect(given.version.source).toEqual({ kind: 'create' })
    expect(await (await call(`/${given.ivr.id}`)).text()).toBe('online:\n  - ring # 日本語\n')

    const unknown = await expectProblem(
      await post('', { template: 'nope' }),
      400,
      'unknown-template',
    )
    expect(unknown.error.message).toContain('basic')
    await expectProblem(await post('', { template: 'basic', yaml: 'x' }), 400, 'bad-request')
    await expectProblem(await post('', { name: '  ' }), 400, 'bad-name')
    await expectProblem(await post('', { name: 'a\u0007b' }), 400, 'bad-name')
    await expectProblem(await post('', { nmae: 'typo' }), 400, 'bad-request')
    await expectProblem(await post('', { yaml: 'a\u0000b' }), 422, 'not-text')
    expect((await (await call('')).json()) as { ivrs: IvrJson[] }).toMatchObject({
      ivrs: [{ name: '受付' }, { name: 'Basic' }],
    })
  })

  test('GET with Accept: application/json answers the metadata with the text; 304 when current', async () => {
    const { ivr } = await created({ name: 'Main', template: 'basic' })
    const response = await call(`/${ivr.id}`, { headers: { accept: 'application/json' } })
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('vary')).toContain('Accept')
    const body = (await response.json()) as { ivr: IvrJson; version: VersionJson; yaml: string }
    expect(body).toMatchObject({
      ivr: { id: ivr.id, name: 'Main', etag: '"v1"' },
      version: { number: 1 },
    })
    expect(body.yaml).toBe(BASIC)

    const browser = await call(`/${ivr.id}`, { headers: { accept: 'text/html,*/*;q=0.8' } })
    expect(browser.headers.get('content-type')).toBe('application/yaml; charset=utf-8')
    await browser.text()
    expect((await call(`/${ivr.id}`, { headers: { 'if-none-match': '"v1"' } })).status).toBe(304)
    expect((await call(`/${ivr.id}`, { headers: { 'if-none-match': '"v0"' } })).status).toBe(200)
  })

  test('PUT with If-Match saves a new version with its message; a stale base is a 409 with the current text', async () => {
    const { ivr } = await created({ name: 'Main' })
    const message = '営業時間を変更 (9–18)'
    const saved = await put(ivr.id, 'online:\n  - ring\n', {
      'if-match': '"v1"',
      'x-save-message': encodeURIComponent(message),
    })
    expect(saved.status).toBe(200)
    expect(saved.headers.get('etag')).toBe('"v2"')
    expect(await saved.json()).toMatchObject({
      ivr: { head: 2, etag: '"v2"' },
      version: { number: 2, message, author: 'local', source: { kind: 'save' } },
      saved: true,
    })

    const stale = await put(ivr.id, 'offline:\n  - voicemail\n', { 'if-match': '"v1"' })
    expect(stale.headers.get('etag')).toBe('"v2"')
    const conflict = await expectProblem(stale, 409, 'conflict')
    expect(conflict.current).toMatchObject({
      ivr: { head: 2, etag: '"v2"' },
      yaml: 'online:\n  - ring\n',
    })
    expect(await (await call(`/${ivr.id}`)).text()).toBe('online:\n  - ring\n')

    // Saving the newest text again (an answer that was lost) stores nothing and says so.
    const again = await put(ivr.id, 'online:\n  - ring\n', { 'if-match': '"v1"' })
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ ivr: { head: 2 }, saved: false })

    // text/plain works too, and so does an empty IVR.
    const plain = await call(`/${ivr.id}`, {
      method: 'PUT',
      body: '',
      headers: { 'content-type': 'text/plain; charset=utf-8', 'if-match': '"v2"' },
    })
    expect(plain.status).toBe(200)
    expect(await (await call(`/${ivr.id}`)).text()).toBe('')
  })

  test('PUT without If-Match creates a new id (201) and answers 428 for an existing one', async () => {
    const fresh = await put('main-menu', 'online: []\n', {
      'x-ivr-name': encodeURIComponent('本社 メイン'),
    })
    expect(fresh.status).toBe(201)
    expect(fresh.headers.get('etag')).toBe('"v1"')
    expect(await fresh.json()).toMatchObject({
      ivr: { id: 'main-menu', name: '本社 メイン', head: 1 },
    })

    const noName = await put('second', 'x: 1\n')
    expect(((await noName.json()) as SaveBody).ivr.name).toBe('second')

    const existing = await put('main-menu', 'online: [ring]\n')
    expect(existing.headers.get('etag')).toBe('"v1"')
    await expectProblem(existing, 428, 'precondition-required')
    expect(await (await call('/main-menu')).text()).toBe('online: []\n')
  })

  test('PUT refuses bodies, ids and preconditions it cannot use', async () => {
    const { ivr } = await created()
    await expectProblem(await put('Main Menu', 'x'), 400, 'bad-id')
    await expectProblem(await put('-x', 'x'), 400, 'bad-id')
    await expectProblem(
      await call(`/${ivr.id}`, {
        method: 'PUT',
        body: JSON.stringify({ yaml: 'x' }),
        headers: { 'content-type': 'application/json', 'if-match': '"v1"' },
      }),
      415,
      'unsupported-media-type',
    )
    await expectProblem(await put(ivr.id, 'x', { 'if-match': '*' }), 400, 'bad-if-match')
    await expectProblem(await put(ivr.id, 'x', { 'if-match': 'v1' }), 400, 'bad-if-match')
    await expectProblem(await put(ivr.id, 'x', { 'if-match': '"v1", "v2"' }), 400, 'bad-if-match')
    await expectProblem(
      await put(ivr.id, 'x', { 'if-match': '"v1"', 'x-save-message': '%E0%A4%A' }),
      400,
      'bad-message',
    )
    await expectProblem(await put(ivr.id, 'a: "\u0000"', { 'if-match': '"v1"' }), 422, 'not-text')
    await expectProblem(
      await call(`/${ivr.id}`, {
        method: 'PUT',
        body: new Uint8Array([0x61, 0x3a, 0x20, 0xc3, 0x28]),
        headers: { 'content-type': YAML, 'if-match': '"v1"' },
      }),
      400,
      'bad-encoding',
    )
    await expectProblem(
      await put(ivr.id, 'x', { 'content-type': 'text/plain; charset=latin1', 'if-match': '"v1"' }),
      415,
      'unsupported-charset',
    )
    const large = await put(ivr.id, `# ${'x'.repeat(1024 * 1024)}\n`, { 'if-match': '"v1"' })
    const tooLarge = await expectProblem(large, 413, 'too-large')
    expect(tooLarge.error.message).toContain('1.0 MB')
    await expectProblem(await put('missing', 'x', { 'if-match': '"v1"' }), 404, 'not-found')
    expect((await repo.versions(ivr.id))?.length).toBe(1)
  })

  test('the history lists versions, answers each one, and restores one as a new version', async () => {
    const { ivr } = await created({ yaml: 'v1\n' })
    for (let n = 2; n <= 4; n++) {
      expect((await put(ivr.id, `v${n}\n`, { 'if-match': `"v${n - 1}"` })).status).toBe(200)
    }
    const list = (await (await call(`/${ivr.id}/versions`)).json()) as { versions: VersionJson[] }
    expect(list.versions.map((version) => version.etag)).toEqual(['"v4"', '"v3"', '"v2"', '"v1"'])
    const page = (await (await call(`/${ivr.id}/versions?before=3&limit=1`)).json()) as {
      versions: VersionJson[]
    }
    expect(page.versions.map((version) => version.number)).toEqual([2])
    await expectProblem(await call(`/${ivr.id}/versions?limit=0`), 400, 'bad-request')

    const second = await call(`/${ivr.id}/versions/2`)
    expect(second.headers.get('etag')).toBe('"v2"')
    expect(second.headers.get('content-type')).toBe('application/yaml; charset=utf-8')
    expect(await second.text()).toBe('v2\n')
    const secondJson = await call(`/${ivr.id}/versions/2`, {
      headers: { accept: 'application/json' },
    })
    expect(await secondJson.json()).toMatchObject({ version: { number: 2 }, yaml: 'v2\n' })
    await expectProblem(await call(`/${ivr.id}/versions/5`), 404, 'not-found')
    await expectProblem(await call(`/${ivr.id}/versions/0`), 404, 'not-found')
    await expectProblem(await call(`/${ivr.id}/versions/99999999999`), 404, 'not-found')

    const restored = await post(`/${ivr.id}/versions/2/restore`, { message: 'back to Tuesday' })
    expect(restored.status).toBe(200)
    expect(restored.headers.get('etag')).toBe('"v5"')
    expect(await restored.json()).toMatchObject({
      version: { number: 5, message: 'back to Tuesday', source: { kind: 'restore', version: 2 } },
      saved: true,
    })
    expect(await (await call(`/${ivr.id}`)).text()).toBe('v2\n')

    const staleRestore = await call(`/${ivr.id}/versions/1/restore`, {
      method: 'POST',
      headers: { 'if-match': '"v4"' },
    })
    await expectProblem(staleRestore, 409, 'conflict')
    await expectProblem(await post(`/${ivr.id}/versions/9/restore`), 404, 'not-found')
    expect((await repo.get(ivr.id))?.head).toBe(5)
  })

  test('PATCH renames; duplicate copies the newest version under a new id', async () => {
    const { ivr } = await created({ name: 'Main', template: 'basic' })
    const renamed = await call(`/${ivr.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: '  Main   line ' }),
      headers: { 'content-type': 'application/json' },
    })
    expect(renamed.status).toBe(200)
    expect(await renamed.json()).toMatchObject({ ivr: { id: ivr.id, name: 'Main line', head: 1 } })
    await expectProblem(
      await call(`/${ivr.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ name: '' }),
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'bad-name',
    )
    await expectProblem(
      await call('/missing', {
        method: 'PATCH',
        body: JSON.stringify({ name: 'x' }),
        headers: { 'content-type': 'application/json' },
      }),
      404,
      'not-found',
    )

    await put(ivr.id, 'edited\n', { 'if-match': '"v1"' })
    const copy = await post(`/${ivr.id}/duplicate`)
    expect(copy.status).toBe(201)
    const body = (await copy.json()) as SaveBody
    expect(body.ivr).toMatchObject({ name: 'Main line (copy)', head: 1 })
    expect(body.ivr.id).not.toBe(ivr.id)
    expect(body.version.source).toEqual({ kind: 'duplicate', id: ivr.id, version: 2 })
    expect(await (await call(`/${body.ivr.id}`)).text()).toBe('edited\n')
    const named = (await (await post(`/${ivr.id}/duplicate`, { name: 'Trial' })).json()) as SaveBody
    expect(named.ivr.name).toBe('Trial')
    await expectProblem(await post('/missing/duplicate'), 404, 'not-found')
  })

  test('DELETE hides an IVR for 30 days; restore brings it back', async () => {
    const keep = await created({ name: 'Keep' })
    const { ivr } = await created({ name: 'Old menu' })
    const deleted = await call(`/${ivr.id}`, { method: 'DELETE' })
    expect(deleted.status).toBe(200)
    const body = (await deleted.json()) as { ivr: IvrJson }
    expect(body.ivr.deletedAt).not.toBeNull()
    const days = (Date.parse(body.ivr.purgeAt!) - Date.parse(body.ivr.deletedAt!)) / 86_400_000
    expect(days).toBe(30)

    const gone = await expectProblem(await call(`/${ivr.id}`), 410, 'deleted')
    expect(gone.ivr).toMatchObject({ id: ivr.id, name: 'Old menu' })
    await expectProblem(await put(ivr.id, 'x', { 'if-match': '"v1"' }), 410, 'deleted')
    await expectProblem(await put(ivr.id, 'x'), 410, 'deleted')
    await expectProblem(await post(`/${ivr.id}/duplicate`), 410, 'deleted')
    const listed = (await (await call('')).json()) as { ivrs: IvrJson[] }
    expect(listed.ivrs.map((item) => item.id)).toEqual([keep.ivr.id])
    const trash = (await (await call('?deleted=1')).json()) as { ivrs: IvrJson[] }
    expect(trash.ivrs.map((item) => item.id)).toEqual([ivr.id])
    expect((await call(`/${ivr.id}/versions`)).status).toBe(200)

    const restored = await post(`/${ivr.id}/restore`)
    expect(restored.status).toBe(200)
    expect(await restored.json()).toMatchObject({ ivr: { id: ivr.id, deletedAt: null } })
    expect((await call(`/${ivr.id}`)).status).toBe(200)
    await expectProblem(await call('/missing', { method: 'DELETE' }), 404, 'not-found')
    await expectProblem(await post('/missing/restore'), 404, 'not-found')
  })

  test('GET /api/ivrs?q= searches names and ids', async () => {
    await created({ name: 'Sales hotline' })
    await created({ name: 'サポート窓口' })
    await put('support-en', 'x\n', { 'x-ivr-name': 'Support' })
    const search = async (q: string): Promise<string[]> =>
      ((await (await call(`?q=${encodeURIComponent(q)}`)).json()) as { ivrs: IvrJson[] }).ivrs.map(
        (ivr) => ivr.name,
      )
    expect(await search('HOTLINE')).toEqual(['Sales hotline'])
    expect(await search('窓口')).toEqual(['サポート窓口'])
    expect(await search('support-')).toEqual(['Support'])
    expect(await search('nothing')).toEqual([])
  })

  test('unknown ids and paths answer 404 in the same shape', async () => {
    await expectProblem(await call('/missing'), 404, 'not-found')
    await expectProblem(await call('/NOT_AN_ID'), 404, 'not-found')
    await expectProblem(await call('/missing/versions'), 404, 'not-found')
    await expectProblem(await call('/a/b/c/d'), 404, 'not-found')
  })

  test('with AUTH_TOKEN, changes need the token and a name:secret token names the author', async () => {
    await server.close()
    await start('aiko:0123456789abcdef0123456789')
    const noToken = { authorization: '' }
    const { ivr } = await created({ name: 'Main' })
    const refused = await call('', {
      method: 'POST',
      body: '{}',
      headers: { ...noToken, 'content-type': 'application/json' },
    })
    expect(refused.headers.get('www-authenticate')).toContain('Bearer')
    await expectProblem(refused, 401, 'unauthorized')
    await expectProblem(
      await put(ivr.id, 'x', { authorization: 'Bearer wrong', 'if-match': '"v1"' }),
      401,
      'unauthorized',
    )
    await expectProblem(
      await call(`/${ivr.id}`, { method: 'DELETE', headers: noToken }),
      401,
      'unauthorized',
    )
    expect((await call(`/${ivr.id}`, { headers: noToken })).status).toBe(200)
    expect((await call('', { headers: noToken })).status).toBe(200)

    const saved = await put(ivr.id, 'x\n', { 'if-match': '"v1"' })
    expect(await saved.json()).toMatchObject({ version: { author: 'aiko' } })
  })
})

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createIvr,
  deleteIvr,
  duplicateIvr,
  getIvr,
  getVersion,
  listIvrs,
  listVersions,
  recoverIvr,
  renameIvr,
  restoreVersion,
  saveIvr,
} from '../../../src/app/library/api.ts'
import { startServer, type RunningServer } from '../../helpers/server.ts'

const YAML = 'online:\n  - ring\n'

describe('the library client', () => {
  let server: RunningServer
  const realFetch = globalThis.fetch

  beforeAll(async () => {
    server = await startServer({
      staticRoot: mkdtempSync(join(tmpdir(), 'ivr-designer-empty-')),
      library: { authToken: 'ann:secret' },
    })
    // The client asks the page's own origin; here that is the test server.
    globalThis.fetch = (input, init) => realFetch(`${server.origin}${String(input)}`, init)
  })

  afterAll(async () => {
    globalThis.fetch = realFetch
    await server?.close()
  })

  const token = 'ann:secret'

  it('creates, reads, saves with a message and lists versions', async () => {
    const created = await createIvr({ name: 'Main line', yaml: YAML }, { token })
    expect(created.ok).toBe(true)
    if (!created.ok) return
    const { id } = created.value.ivr
    expect(created.value.version).toMatchObject({ number: 1, author: 'ann' })

    const read = await getIvr(id, { token: null })
    expect(read.ok && read.value.yaml).toBe(YAML)

    const saved = await saveIvr(id, `${YAML}# änderung\n`, { base: 1, message: 'Größer', token })
    expect(saved.ok && saved.value.version).toMatchObject({ number: 2, message: 'Größer' })

    const versions = await listVersions(id, { limit: 1 })
    expect(versions.ok && versions.value.map((v) => v.number)).toEqual([2])
    const first = await getVersion(id, 1)
    expect(first.ok && first.value.yaml).toBe(YAML)
  })

  it('answers a stale save with the conflict and the current IVR, and writes nothing', async () => {
    const created = await createIvr({ template: 'basic', name: 'Busy line' }, { token })
    if (!created.ok) throw new Error(created.failure.code)
    const { id } = created.value.ivr
    await saveIvr(id, YAML, { base: 1, token })
    const stale = await saveIvr(id, 'offline: []\n', { base: 1, token })
    expect(stale.ok).toBe(false)
    if (stale.ok) return
    expect(stale.failure).toMatchObject({ status: 409, code: 'conflict' })
    expect(stale.failure.current).toMatchObject({ ivr: { id, head: 2 }, yaml: YAML })
  })

  it('says 401 without the token, so the editor can ask for it', async () => {
    const refused = await createIvr({ yaml: YAML }, { token: null })
    expect(!refused.ok && refused.failure).toMatchObject({ status: 401, code: 'unauthorized' })
  })

  it('renames, duplicates, deletes, recovers and restores', async () => {
    const created = await createIvr({ name: 'Old name', yaml: YAML }, { token })
    if (!created.ok) throw new Error(created.failure.code)
    const { id } = created.value.ivr
    const renamed = await renameIvr(id, 'New name', { token })
    expect(renamed.ok && renamed.value.name).toBe('New name')
    const copy = await duplicateIvr(id, {}, { token })
    expect(copy.ok && copy.value.ivr.name).toBe('New name (copy)')
    const searched = await listIvrs({ q: 'new name' })
    expect(searched.ok && searched.value.map((ivr) => ivr.name).sort()).toEqual([
      'New name',
      'New name (copy)',
    ])
    expect((await deleteIvr(id, { token })).ok).toBe(true)
    const gone = await getIvr(id)
    expect(!gone.ok && gone.failure).toMatchObject({ status: 410, code: 'deleted' })
    expect(!gone.ok && gone.failure.ivr?.id).toBe(id)
    expect((await recoverIvr(id, { token })).ok).toBe(true)
    await saveIvr(id, 'offline: []\n', { base: 1, token })
    const restored = await restoreVersion(id, 1, { base: 2 }, { token })
    expect(restored.ok && restored.value.version.source).toEqual({ kind: 'restore', version: 1 })
  })

  it('reports a server it cannot reach as a network failure', async () => {
    const saved = globalThis.fetch
    globalThis.fetch = () => Promise.reject(new TypeError('offline'))
    try {
      const answer = await listIvrs()
      expect(!answer.ok && answer.failure).toMatchObject({ status: 0, code: 'network' })
    } finally {
      globalThis.fetch = saved
    }
  })
})

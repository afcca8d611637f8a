import { describe, expect, it } from 'vitest'
import type { IvrText, LibraryResult } from '../../../src/app/library/api.ts'
import { createMemoryDraftStore, type Draft } from '../../../src/app/library/drafts.ts'
import {
  addressWithIvr,
  chooseStart,
  ivrIdOf,
  startFromIvr,
  type StartSources,
} from '../../../src/app/library/startup.ts'

const V1 = 'online:\n  - ring\n'
const V2 = 'online:\n  - voicemail\n'

function ivrText(head: number, yaml: string): IvrText {
  const at = '2026-01-01T12:00:00.000Z'
  return {
    ivr: {
      id: 'main',
      name: 'Main line',
      head,
      etag: `"v${head}"`,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    },
    version: {
      number: head,
      etag: `"v${head}"`,
      createdAt: at,
      author: 'ann',
      message: null,
      source: { kind: 'save' },
      size: yaml.length,
    },
    yaml,
  }
}

function draft(text: string, version: number, key = 'ivr:main'): Draft {
  return {
    key,
    name: 'Main line',
    text,
    bom: false,
    savedText: V1,
    library: key.startsWith('ivr:') ? { id: 'main', version } : null,
    positions: { 'section:online': { x: 10, y: 20 } },
    selection: null,
    updatedAt: 1_000,
  }
}

const ok = (value: IvrText): LibraryResult<IvrText> => ({ ok: true, value })
const failed = (status: number): LibraryResult<IvrText> => ({
  ok: false,
  failure: { status, code: status === 0 ? 'network' : 'x', message: '' },
})

async function sources(
  drafts: Draft[],
  answer: LibraryResult<IvrText>,
  options: Partial<StartSources> = {},
): Promise<StartSources> {
  const store = createMemoryDraftStore()
  for (const d of drafts) await store.put(d)
  return {
    drafts: store,
    ivrId: null,
    getIvr: async () => answer,
    legacy: () => null,
    fallback: { name: 'basic.yaml', text: 'template' },
    ...options,
  }
}

describe('startFromIvr', () => {
  it('restores unsaved changes on top of the newest version they were based on', () => {
    const start = startFromIvr(ivrText(1, V1), draft('changed', 1))
    expect(start).toMatchObject({
      text: 'changed',
      savedText: V1,
      library: { id: 'main', version: 1 },
    })
    expect(start.restoredAt).toBe(1_000)
  })

  it('keeps the old base of changes made before a newer version, so saving them merges', () => {
    const start = startFromIvr(ivrText(2, V2), draft('changed', 1))
    expect(start).toMatchObject({
      text: 'changed',
      savedText: V1,
      library: { id: 'main', version: 1 },
    })
  })

  it('opens the newest version when the draft has no changes, with its positions', () => {
    const start = startFromIvr(ivrText(2, V2), draft(V1, 1))
    expect(start).toMatchObject({ text: V2, savedText: V2, library: { id: 'main', version: 2 } })
    expect(start.restoredAt).toBeNull()
    expect(start.positions).toEqual({ 'section:online': { x: 10, y: 20 } })
  })
})

describe('chooseStart', () => {
  it('opens the IVR in the address', async () => {
    const start = await chooseStart(await sources([], ok(ivrText(3, V2)), { ivrId: 'main' }))
    expect(start).toMatchObject({
      name: 'Main line',
      text: V2,
      library: { id: 'main', version: 3 },
    })
  })

  it('opens the IVR worked on last, checked against the server', async () => {
    const start = await chooseStart(await sources([draft('changed', 1)], ok(ivrText(1, V1))))
    expect(start).toMatchObject({ text: 'changed', restoredAt: 1_000 })
  })

  it('opens the draft alone when the server cannot be reached', async () => {
    const start = await chooseStart(await sources([draft('changed', 1)], failed(0)))
    expect(start).toMatchObject({
      text: 'changed',
      library: { id: 'main', version: 1 },
      problem: 'unreachable',
    })
  })

  it('keeps the changes to a deleted IVR as a file of its own', async () => {
    const start = await chooseStart(await sources([draft('changed', 1)], failed(410)))
    expect(start).toMatchObject({ text: 'changed', library: null, problem: 'deleted' })
  })

  it('falls back to the last file, then the old local storage, then a template', async () => {
    const file = draft('file text', 0, 'file:support.yaml')
    expect((await chooseStart(await sources([file], failed(404)))).text).toBe('file text')
    const legacy = () => ({ name: 'old.yaml', text: 'old text' })
    expect(await chooseStart(await sources([], failed(404), { legacy }))).toMatchObject({
      name: 'old.yaml',
      text: 'old text',
    })
    expect((await chooseStart(await sources([], failed(404)))).text).toBe('template')
    const missing = await chooseStart(await sources([], failed(404), { ivrId: 'gone' }))
    expect(missing).toMatchObject({ text: 'template', problem: 'not-found' })
  })
})

describe('the address', () => {
  it('names the open IVR and keeps everything else', () => {
    expect(ivrIdOf('?testHooks&ivr=main')).toBe('main')
    expect(ivrIdOf('?ivr=')).toBeNull()
    expect(addressWithIvr('http://x/?testHooks=', 'main')).toBe('http://x/?testHooks=&ivr=main')
    expect(addressWithIvr('http://x/?ivr=main#a', null)).toBe('http://x/#a')
  })
})

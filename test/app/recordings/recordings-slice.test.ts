import { describe, expect, it } from 'vitest'
import type { ApiFailure } from '../../../src/app/recordings/api.ts'
import type { Recording } from '../../../src/app/recordings/recording.ts'
import {
  EMPTY_RECORDINGS,
  reduceRecordings,
  type RecordingsAction,
} from '../../../src/app/recordings/recordings-state.ts'
import { recordingUsages, usageLabel } from '../../../src/app/recordings/usage.ts'
import {
  createAppStore,
  reduceApp,
  type AppAction,
  type AppState,
} from '../../../src/app/state/app-store.ts'
import { parseIvr } from '../../../src/yaml/parse-ivr.ts'
import { dedent } from '../../helpers/dedent.ts'

const BASE = 'https://ivr.example.com'

function recording(id: string, name = id): Recording {
  return {
    id,
    name,
    url: `${BASE}/recordings/${id}`,
    size: 1000,
    durationSeconds: 1,
    contentType: 'audio/wav',
    createdAt: '2025-01-01T00:00:00.000Z',
  }
}

const MENU = dedent`
  online:
    - play: ${BASE}/recordings/welcome-3fa2c1d0.wav
    - choice:
        1:
          play: ${BASE}/recordings/press-1-0badf00d.wav
          do:
            - play: ${BASE}/recordings/welcome-3fa2c1d0.wav
            - ring
  offline:
    - play: https://cdn.example.com/recordings/welcome-3fa2c1d0.wav
    - voicemail
  queue:
    - ring
`

function opened(text = MENU): AppState {
  return createAppStore({
    storage: undefined,
    languages: ['en'],
    document: { name: 'a.yaml', text },
  }).getState()
}

function run(state: AppState, ...actions: AppAction[]): AppState {
  return actions.reduce<AppState>((s, a) => reduceApp(s, a), state)
}

const missing = (state: AppState) =>
  state.document.view.diagnostics
    .filter((d) => d.code === 'missing-recording')
    .map((d) => `${d.line} ${String(d.args.name)}`)

const loaded = (...ids: string[]): AppAction => ({
  type: 'recordings.loaded',
  recordings: ids.map((id) => recording(id)),
  baseUrl: BASE,
})

describe('the recordings slice in the app', () => {
  it('checks nothing until the server has listed its recordings', () => {
    const state = opened()
    expect(state.recordings).toEqual(EMPTY_RECORDINGS)
    expect(missing(state)).toEqual([])
  })

  it('validates the open IVR again when the recordings are listed', () => {
    const state = run(opened(), loaded('welcome-3fa2c1d0.wav'))
    expect(state.recordings.status).toBe('ready')
    expect(missing(state)).toEqual(['5 press-1-0badf00d.wav'])
    expect(state.document.view.good.marks.nodes.get('section:online')?.severity).toBe('warning')
  })

  it('warns again once a recording that plays is deleted, and no more once it is back', () => {
    const all = run(opened(), loaded('welcome-3fa2c1d0.wav', 'press-1-0badf00d.wav'))
    expect(missing(all)).toEqual([])
    const deleted = run(all, { type: 'recordings.removed', id: 'welcome-3fa2c1d0.wav' })
    expect(missing(deleted)).toEqual(['2 welcome-3fa2c1d0.wav', '7 welcome-3fa2c1d0.wav'])
    const back = run(
      deleted,
      {
        type: 'recordings.upload-started',
        uploads: [{ id: 1, name: 'welcome.wav', size: 1000 }],
      },
      { type: 'recordings.upload-done', id: 1, recording: recording('welcome-3fa2c1d0.wav') },
    )
    expect(missing(back)).toEqual([])
  })

  it('keeps the document when the same recordings are listed again', () => {
    const first = run(opened(), loaded('welcome-3fa2c1d0.wav'))
    const again = run(first, loaded('welcome-3fa2c1d0.wav'))
    expect(again.document).toBe(first.document)
    expect(again.recordings.known).toBe(first.recordings.known)
  })

  it('checks an IVR opened later, and every text typed, against the same recordings', () => {
    const state = run(opened(), loaded(), {
      type: 'document.open',
      name: 'b.yaml',
      text: `online:\n  - play: ${BASE}/recordings/gone-01234567.wav\noffline: [voicemail]\nqueue: [ring]\n`,
    })
    expect(missing(state)).toEqual(['2 gone-01234567.wav'])
    const typed = run(state, {
      type: 'document.text',
      text: `online:\n  - play: ${BASE}/recordings/other-01234567.wav\noffline: [voicemail]\nqueue: [ring]\n`,
    })
    expect(missing(typed)).toEqual(['2 other-01234567.wav'])
  })

  it('shares the side with the test call: showing one tab hides the other', () => {
    const call = run(opened(), { type: 'call.panel', open: true })
    const recordings = run(call, { type: 'recordings.panel', open: true })
    expect(recordings.recordings.panelOpen).toBe(true)
    expect(recordings.call.open).toBe(false)
    const back = run(recordings, { type: 'call.panel', open: true })
    expect(back.recordings.panelOpen).toBe(false)
    expect(back.call.open).toBe(true)
    const yaml = run(recordings, { type: 'call.panel', open: false })
    expect(yaml.recordings.panelOpen).toBe(false)
  })
})

describe('reduceRecordings', () => {
  const reduce = (...actions: RecordingsAction[]) =>
    actions.reduce(reduceRecordings, EMPTY_RECORDINGS)
  const refused: ApiFailure = { status: 415, code: 'not-audio', message: 'No.' }

  it('follows an upload from sending to checking to stored, newest first', () => {
    const started = reduce(loaded('old-00000000.wav') as RecordingsAction, {
      type: 'recordings.upload-started',
      uploads: [{ id: 7, name: 'new.wav', size: 100 }],
    })
    expect(started.uploads).toEqual([
      { id: 7, name: 'new.wav', size: 100, loaded: 0, phase: 'sending', failure: null },
    ])
    const half = reduceRecordings(started, {
      type: 'recordings.upload-progress',
      id: 7,
      loaded: 50,
    })
    expect(half.uploads[0]).toMatchObject({ loaded: 50, phase: 'sending' })
    const sent = reduceRecordings(half, { type: 'recordings.upload-progress', id: 7, loaded: 100 })
    expect(sent.uploads[0]).toMatchObject({ loaded: 100, phase: 'checking' })
    expect(reduceRecordings(sent, { type: 'recordings.upload-progress', id: 7, loaded: 100 })).toBe(
      sent,
    )
    const done = reduceRecordings(sent, {
      type: 'recordings.upload-done',
      id: 7,
      recording: recording('new-11111111.wav'),
    })
    expect(done.uploads).toEqual([])
    expect(done.items.map((r) => r.id)).toEqual(['new-11111111.wav', 'old-00000000.wav'])
    expect(done.added).toEqual(['new-11111111.wav'])
  })

  it('keeps a refused file with the reason until it is dismissed', () => {
    const failed = reduce(
      { type: 'recordings.upload-started', uploads: [{ id: 1, name: 'a.txt', size: 3 }] },
      { type: 'recordings.upload-failed', id: 1, failure: refused },
    )
    expect(failed.uploads[0]).toMatchObject({ phase: 'failed', failure: refused })
    expect(reduceRecordings(failed, { type: 'recordings.upload-progress', id: 1, loaded: 3 })).toBe(
      failed,
    )
    expect(
      reduceRecordings(failed, { type: 'recordings.upload-dismissed', id: 1 }).uploads,
    ).toEqual([])
    const retried = reduceRecordings(failed, {
      type: 'recordings.upload-started',
      uploads: [{ id: 1, name: 'a.txt', size: 3 }],
    })
    expect(retried.uploads).toHaveLength(1)
    expect(retried.uploads[0]).toMatchObject({ phase: 'sending', failure: null })
  })

  it('tells a server without recordings from one that failed', () => {
    const failure = (status: number): RecordingsAction => ({
      type: 'recordings.load-failed',
      failure: { status, code: `http-${status}`, message: '' },
    })
    expect(reduce(failure(404)).status).toBe('unavailable')
    expect(reduce(failure(0)).status).toBe('failed')
  })
})

describe('recordingUsages', () => {
  it('lists where each recording of this server plays, in the order of the text', () => {
    const parsed = parseIvr(MENU)
    const usages = recordingUsages(parsed.model, parsed.lines, BASE)
    expect([...usages.keys()]).toEqual(['welcome-3fa2c1d0.wav', 'press-1-0badf00d.wav'])
    expect(usages.get('welcome-3fa2c1d0.wav')?.map((u) => [u.line, u.path, u.kind])).toEqual([
      [2, ['online', 0], 'play'],
      [7, ['online', 1, 'choice', '1', 'do', 0], 'play'],
    ])
    const [prompt] = usages.get('press-1-0badf00d.wav') ?? []
    expect(prompt).toMatchObject({
      path: ['online', 1, 'choice', '1'],
      urlPath: ['online', 1, 'choice', '1', 'play'],
      section: 'online',
      kind: 'option',
      key: '1',
      line: 5,
    })
    expect(prompt && usageLabel(prompt)).toEqual({
      id: 'recordings.usage.option',
      args: { section: 'online', key: '1', line: 5 },
    })
  })
})

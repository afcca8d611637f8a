import { describe, expect, it } from 'vitest'
import { enumeratePaths, unvisitedSteps, type CallPath } from '../../src/simulate/coverage.ts'
import { compactOutcome } from '../../src/simulate/describe.ts'
import { driveCall } from '../../src/simulate/drive.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'
import { actions, example, FAILED } from './walk.ts'

const EXAMPLES = [
  'basic.yaml',
  'callback-direct.yaml',
  'callback-from-queue.yaml',
  'departments-transfer.yaml',
  'dtmf-input.yaml',
  'dynamic-fetch.yaml',
  'fetch-reply.yaml',
]

/** A path as one line: state, departments, keys, replies and outcome. */
function brief(path: CallPath): string {
  const departments = Object.entries(path.departments).map(([id, state]) => `${id}=${state}`)
  const outcome =
    path.outcome.kind === 'fetched' ? `fetched ${path.outcome.url}` : compactOutcome(path.outcome)
  return [
    path.state,
    ...departments,
    `[${path.keys.join(',')}]`,
    ...path.replies,
    '→',
    outcome,
  ].join(' ')
}

describe('enumeratePaths', () => {
  it('lists every path of callback-from-queue.yaml from each state', () => {
    const list = enumeratePaths(parseIvr(example('callback-from-queue.yaml')))
    expect(list.complete).toBe(true)
    expect(list.paths.map(brief)).toEqual([
      'available [] → connected',
      // 0 comes back to the queue, where the caller then waits.
      'busy [0] → waiting',
      'busy [1] → voicemail',
      'busy [2] → callback-requested',
      'busy [] → waiting',
      'offline [] → hung-up end-of-list',
    ])
  })

  it('branches on every state of each department a transfer reaches', () => {
    const parsed = parseIvr(example('departments-transfer.yaml'))
    const list = enumeratePaths(parsed)
    const available = list.paths.filter((p) => p.state === 'available').map(brief)
    expect(available).toEqual([
      'available salesDepartmentID=online [1] → connected salesDepartmentID',
      'available salesDepartmentID=busy [1] → transferred salesDepartmentID',
      'available salesDepartmentID=offline [1] → voicemail',
      'available techDepID=online [2] → connected techDepID',
      'available techDepID=busy [2] → transferred techDepID',
      'available techDepID=offline [2] → hung-up end-of-list',
      'available [] → no-input',
    ])
    expect(list.paths).toHaveLength(21)
    // No call reaches the queue: each department rings its own agents.
    const missed = unvisitedSteps(
      parsed,
      list.paths.map((p) => p.visited),
    )
    expect(
      missed.map((s) => `${s.section}:${s.line} ${s.kind}${s.key ? ` ${s.key}` : ''}`),
    ).toEqual(['queue:33 play', 'queue:34 choice', 'queue:35 option 0', 'queue:39 option 1'])
  })

  it('types sample digits at a dtmf, fails or answers the fetch, or stays silent', () => {
    const list = enumeratePaths(parseIvr(example('dtmf-input.yaml')))
    expect(list.paths.filter((p) => p.state === 'busy').map(brief)).toEqual([
      'busy [1234#] failed → hung-up end-of-list',
      'busy [1234#] → fetched http://my.dynamic.script',
      'busy [] → no-input',
    ])
  })

  it('makes no more choices once a path comes back to a section it has been in', () => {
    const text = dedent`
      online:
        - play: https://example.com/menu.mp3
        - choice:
            1:
              play: https://example.com/agent.mp3
              do:
                - ring
            9:
              play: https://example.com/repeat.mp3
              goto: online
      offline:
        - voicemail
      queue:
        - play: https://example.com/hold.mp3
    `
    const list = enumeratePaths(parseIvr(text))
    expect(list.paths.filter((p) => p.state === 'available').map(brief)).toEqual([
      'available [1] → connected',
      'available [9] → no-input',
      'available [] → no-input',
    ])
  })

  it('stops at the cap on paths and says the list is not complete', () => {
    const list = enumeratePaths(parseIvr(example('departments-transfer.yaml')), { maxPaths: 5 })
    expect(list.paths).toHaveLength(5)
    expect(list.complete).toBe(false)
  })

  it('has no paths for an IVR with errors', () => {
    expect(enumeratePaths(parseIvr(example('fetch-reply.yaml')))).toEqual({
      paths: [],
      complete: true,
    })
  })

  it.each(EXAMPLES)('gives paths of %s that a scripted call replays exactly', (name) => {
    const parsed = parseIvr(example(name))
    for (const path of enumeratePaths(parsed).paths) {
      if (path.outcome.kind === 'fetched') continue
      const replayed = driveCall(
        parsed,
        { state: path.state, departments: path.departments },
        actions(path.keys),
        path.replies.map(() => FAILED),
      )
      expect(replayed.problems).toEqual([])
      expect(replayed.outcome).toEqual(path.outcome)
      expect(replayed.call.transcript).toEqual(path.transcript)
      expect(replayed.call.visited).toEqual(path.visited)
    }
  })

  it.each(EXAMPLES.filter((name) => name !== 'fetch-reply.yaml'))(
    'reaches every command of %s that any call can reach',
    (name) => {
      const parsed = parseIvr(example(name))
      const missed = unvisitedSteps(
        parsed,
        enumeratePaths(parsed).paths.map((p) => p.visited),
      )
      const expected: Record<string, string[]> = {
        'departments-transfer.yaml': ['queue:33', 'queue:34', 'queue:35', 'queue:39'],
        // The queue is only reached from the script a fetch answers.
        'dtmf-input.yaml': ['queue:12'],
        'dynamic-fetch.yaml': ['queue:12'],
      }
      expect(missed.map((s) => `${s.section}:${s.line}`)).toEqual(expected[name] ?? [])
    },
  )
})

describe('unvisitedSteps', () => {
  it('lists the commands and options no walk visited, in source order', () => {
    const parsed = parseIvr(example('callback-from-queue.yaml'))
    const walk = driveCall(parsed, { state: 'busy' }, actions(['2']))
    expect(
      unvisitedSteps(parsed, [walk.call.visited]).map(
        (s) => `${s.section}:${s.line} ${s.kind}${s.key === null ? '' : ` ${s.key}`}`,
      ),
    ).toEqual([
      'offline:6 play',
      'queue:10 option 0',
      'queue:14 option 1',
      'voicemail:25 play',
      'voicemail:26 voicemail',
    ])
    expect(unvisitedSteps(parsed, [])).toHaveLength(11)
  })

  it('includes commands after one that ends their list: no call runs them', () => {
    const text = dedent`
      online:
        - ring
        - play: https://example.com/never.mp3
      offline:
        - voicemail
      queue:
        - play: https://example.com/hold.mp3
    `
    const parsed = parseIvr(text)
    const walks = enumeratePaths(parsed).paths.map((p) => p.visited)
    expect(unvisitedSteps(parsed, walks)).toEqual([
      { path: ['online', 1], section: 'online', line: 3, kind: 'play', key: null },
    ])
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createAppStore, reduceApp, type AppState } from '../../../src/app/state/app-store.ts'
import type { CallAction } from '../../../src/app/state/call.ts'
import { INITIAL_CALL_PANEL, isLive } from '../../../src/app/state/call.ts'
import { compactEntry, compactOutcome } from '../../../src/simulate/describe.ts'
import { enumeratePaths } from '../../../src/simulate/coverage.ts'
import { dedent } from '../../helpers/dedent.ts'
import { pathsOf, replayableOf } from '../../../src/app/simulator/paths.ts'

const template = (name: string) =>
  readFileSync(new URL(`../../../src/app/templates/${name}.yaml`, import.meta.url), 'utf8')

/** The app's state with `text` open and nothing else done. */
function opened(text: string, name = 'test.yaml'): AppState {
  const store = createAppStore({ storage: undefined, languages: ['en'], document: { name, text } })
  return store.getState()
}

function run(state: AppState, ...actions: CallAction[]): AppState {
  return actions.reduce<AppState>((s, a) => reduceApp(s, a), state)
}

const outcomeOf = (state: AppState) => {
  const outcome = state.call.session?.call.outcome
  return outcome ? compactOutcome(outcome) : null
}

describe('the test call slice', () => {
  it('starts closed, with all agents busy and no call', () => {
    const state = opened(template('callback-from-queue'))
    expect(state.call).toEqual(INITIAL_CALL_PANEL)
  })

  it('opens and closes the panel, and returns the same state when nothing changes', () => {
    const state = opened(template('callback-from-queue'))
    const open = run(state, { type: 'call.panel', open: true })
    expect(open.call.open).toBe(true)
    expect(run(open, { type: 'call.panel', open: true })).toBe(open)
    expect(run(open, { type: 'call.panel', open: false }).call.open).toBe(false)
  })

  it('calls in the busy state, waits at the queue menu, and takes 2 as a callback request', () => {
    const state = run(opened(template('callback-from-queue')), { type: 'call.start' })
    const session = state.call.session!
    expect(isLive(session)).toBe(true)
    expect(session.call.queued).toBe(true)
    expect(session.call.awaiting?.kind).toBe('key')
    expect(session.call.at).toMatchObject({ section: 'queue', line: 9 })

    const ended = run(state, { type: 'call.input', input: { type: 'key', key: '2' } })
    expect(outcomeOf(ended)).toBe('callback-requested')
    expect(ended.call.session!.inputs).toEqual([{ type: 'key', key: '2' }])
    expect(ended.call.session!.call.transcript.map(compactEntry).slice(-3)).toEqual([
      'queue:18 key 2',
      'queue:21 goto callmeback',
      'callmeback:23 end callback-requested',
    ])
  })

  it('ignores an input the call does not take now, returning the very same state', () => {
    const state = run(opened(template('callback-from-queue')), { type: 'call.start' })
    expect(run(state, { type: 'call.input', input: { type: 'reply-failed' } })).toBe(state)
  })

  it('connects a caller waiting in the queue when an agent frees up', () => {
    const state = run(
      opened(template('callback-from-queue')),
      { type: 'call.start' },
      { type: 'call.agents', state: 'available' },
    )
    expect(outcomeOf(state)).toBe('connected')
    expect(state.call.setup.agents).toBe('available')
    expect(state.call.session!.inputs).toEqual([{ type: 'state', state: 'available' }])
    // The call came in busy: that is what a replay starts from.
    expect(state.call.session!.setup.agents).toBe('busy')
  })

  it('changes only the setup while no call runs', () => {
    const state = run(opened(template('callback-from-queue')), {
      type: 'call.agents',
      state: 'offline',
    })
    expect(state.call.setup.agents).toBe('offline')
    expect(state.call.session).toBeNull()
    expect(outcomeOf(run(state, { type: 'call.start' }))).toBe('hung-up end-of-list')
  })

  it('hangs up a live call, after which inputs are ignored', () => {
    const state = run(
      opened(template('callback-from-queue')),
      { type: 'call.start' },
      { type: 'call.hang-up' },
    )
    expect(state.call.session!.hungUp).toBe(true)
    expect(isLive(state.call.session)).toBe(false)
    expect(run(state, { type: 'call.input', input: { type: 'key', key: '2' } })).toBe(state)
    expect(run(state, { type: 'call.hang-up' })).toBe(state)
  })

  it('counts rounds without a key and ends the call after the third', () => {
    const silence: CallAction = { type: 'call.input', input: { type: 'no-input' } }
    const state = run(opened(template('callback-from-queue')), { type: 'call.start' }, silence)
    expect(state.call.session!.call.awaiting).toMatchObject({ kind: 'key', round: 2 })
    expect(outcomeOf(run(state, silence, silence))).toBe('no-input')
  })

  it('replays the same call with the same setup and inputs', () => {
    const first = run(
      opened(template('callback-from-queue')),
      { type: 'call.start' },
      { type: 'call.input', input: { type: 'key', key: '1' } },
    )
    const again = run(first, { type: 'call.agents', state: 'available' }, { type: 'call.replay' })
    const [a, b] = [first.call.session!, again.call.session!]
    expect(b.id).toBe(a.id + 1)
    expect(b.call.transcript.map(compactEntry)).toEqual(a.call.transcript.map(compactEntry))
    expect(b.replay).toEqual({ given: 1, used: 1 })
  })

  it('replays as far as the recorded inputs still fit an edited IVR', () => {
    const first = run(
      opened(template('callback-from-queue')),
      { type: 'call.start' },
      { type: 'call.input', input: { type: 'key', key: '0' } },
      { type: 'call.input', input: { type: 'key', key: '2' } },
    )
    // Option 0 now ends the call instead of going back to the queue.
    const text = first.document.view.text.replace('goto: queue', 'goto: voicemail')
    const edited = reduceApp(first, { type: 'document.text', text })
    const again = run(edited, { type: 'call.replay' })
    expect(again.call.session!.replay).toEqual({ given: 2, used: 1 })
    expect(outcomeOf(again)).toBe('voicemail')
  })

  it('replays every listed path to the outcome the list gives', () => {
    const state = opened(template('callback-from-queue'))
    const { paths } = pathsOf(state.document.view.parsed, state.document.view.diagnostics)
    expect(paths.length).toBeGreaterThan(3)
    for (const path of paths) {
      const replayed = run(state, { type: 'call.replay-path', path: replayableOf(path) })
      const call = replayed.call.session!.call
      const got = call.outcome ? compactOutcome(call.outcome) : call.queued ? 'waiting' : null
      const want = path.outcome.kind === 'fetched' ? null : compactOutcome(path.outcome)
      expect(got).toBe(want)
      expect(replayed.call.setup.agents).toBe(path.state)
    }
  })

  it('refuses an IVR with errors, naming them', () => {
    const state = run(
      opened(dedent`
        online:
          - goto: nowhere
        offline:
          - voicemail
        queue:
          - ring
      `),
      { type: 'call.start' },
    )
    const outcome = state.call.session!.call.outcome
    expect(outcome?.kind).toBe('refused')
    expect(outcome?.kind === 'refused' && outcome.errors.map((e) => e.code)).toEqual([
      'dangling-goto',
    ])
  })

  it('asks each department for its state at the transfer, from the setup', () => {
    const base = opened(template('departments-transfer'))
    const tech = (state: 'online' | 'busy' | 'offline') =>
      run(
        base,
        { type: 'call.department', department: 'techDepID', state },
        { type: 'call.start' },
        { type: 'call.input', input: { type: 'key', key: '2' } },
      )
    expect(outcomeOf(tech('online'))).toBe('connected techDepID')
    // No "queue" branch: the department takes the call.
    expect(outcomeOf(tech('busy'))).toBe('transferred techDepID')
    expect(outcomeOf(tech('offline'))).toBe('hung-up end-of-list')
    const inputs = tech('offline').call.session!.inputs
    expect(inputs).toEqual([
      { type: 'key', key: '2' },
      { type: 'department', state: 'offline' },
    ])
  })

  it('changes the agents of the department the call is with, mid-call', () => {
    const text = dedent`
      online:
        - transfer:
            to: sales
            if:
              queue:
                - ring
      offline: [voicemail]
      queue:
        - choice:
            1:
              name: Wait
              play: https://example.com/wait.mp3
              goto: queue
    `
    const waiting = run(
      opened(text),
      { type: 'call.agents', state: 'available' },
      { type: 'call.department', department: 'sales', state: 'busy' },
      { type: 'call.start' },
    )
    expect(waiting.call.session!.call.department).toBe('sales')
    expect(waiting.call.session!.call.queued).toBe(true)
    // The number's agents are not the ones the call waits for.
    const number = run(waiting, { type: 'call.agents', state: 'busy' })
    expect(number.call.session).toBe(waiting.call.session)
    const freed = run(waiting, { type: 'call.department', department: 'sales', state: 'online' })
    expect(outcomeOf(freed)).toBe('connected sales')
  })

  it('remembers the walk of each call for coverage, and forgets them for another document', () => {
    const state = run(
      opened(template('callback-from-queue')),
      { type: 'call.panel', open: true },
      { type: 'call.start' },
      { type: 'call.start' },
    )
    expect(state.call.walks).toHaveLength(1)
    expect(state.call.walks[0]!.revision).toBe(0)
    const other = reduceApp(state, {
      type: 'document.open',
      name: 'other.yaml',
      text: template('basic'),
    })
    expect(other.call.session).toBeNull()
    expect(other.call.walks).toEqual([])
    expect(other.call.open).toBe(true)
    expect(other.call.calls).toBe(2)
  })

  it('clears the call, going back to the setup', () => {
    const state = run(opened(template('callback-from-queue')), { type: 'call.start' })
    const cleared = run(state, { type: 'call.reset' })
    expect(cleared.call.session).toBeNull()
    expect(run(cleared, { type: 'call.reset' })).toBe(cleared)
  })

  it('turns the coverage marks on and off', () => {
    const state = opened(template('callback-from-queue'))
    const on = run(state, { type: 'call.coverage', on: true })
    expect(on.call.coverage).toBe(true)
    expect(run(on, { type: 'call.coverage', on: true })).toBe(on)
  })

  it('lists the same paths as the simulator', () => {
    const state = opened(template('departments-transfer'))
    const listed = pathsOf(state.document.view.parsed, state.document.view.diagnostics)
    expect(listed).toBe(pathsOf(state.document.view.parsed, state.document.view.diagnostics))
    expect(listed.paths.length).toBe(enumeratePaths(state.document.view.parsed).paths.length)
  })
})

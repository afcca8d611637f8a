import { describe, expect, it } from 'vitest'
import { LOOP_LIMIT, type CallState } from '../../src/simulate/call.ts'
import { acceptsInput, currentOutcome, startCall, step } from '../../src/simulate/engine.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'
import { answer, FAILED, lines, walk } from './walk.ts'

const REQUIRED = dedent`
  offline:
    - voicemail
  queue:
    - play: https://example.com/hold.mp3
`

/** An IVR with the given sections and valid `offline` and `queue` sections after them. */
const ivr = (sections: string) => sections + REQUIRED

describe('startCall', () => {
  it('refuses an IVR with errors, naming them, and never runs it', () => {
    const parsed = parseIvr(ivr('online:\n  - goto: nowhere\n'))
    const call = startCall(parsed, { state: 'available' })
    expect(call.outcome?.kind).toBe('refused')
    expect(call.outcome?.kind === 'refused' && call.outcome.errors.map((e) => e.code)).toEqual([
      'dangling-goto',
    ])
    expect(call.transcript).toEqual([])
    expect(call.awaiting).toBeNull()
    expect(step(call, { type: 'key', key: '1' })).toBe(call)
  })

  it('refuses text that is no IVR at all without throwing', () => {
    for (const text of ['', '- a list', 'online: [', '\u0000binary']) {
      expect(startCall(parseIvr(text), { state: 'busy' }).outcome?.kind).toBe('refused')
    }
  })

  it('runs an IVR that has only warnings', () => {
    const text = ivr('online:\n  - ring\n  - play: https://example.com/never.mp3\n')
    expect(walk(text, { state: 'available' }).end).toBe('connected')
  })

  it('goes on from start to online or offline when start ends without transferring control', () => {
    const text = dedent`
      start:
        - play: https://example.com/hello.mp3
      online:
        - ring
      offline:
        - voicemail
      queue:
        - play: https://example.com/hold.mp3
    `
    expect(walk(text, { state: 'available' }).lines).toEqual([
      'start:1 enter start',
      'start:2 play https://example.com/hello.mp3',
      'online:3 enter online',
      'online:4 ring connected',
      'online:4 end connected',
    ])
    expect(walk(text, { state: 'offline' }).lines.slice(2)).toEqual([
      'offline:5 enter offline',
      'offline:6 end voicemail',
    ])
  })

  it('hangs up when start ends and there is no online section to go to', () => {
    const text = dedent`
      start:
        - play: https://example.com/hello.mp3
      offline:
        - voicemail
      queue:
        - play: https://example.com/hold.mp3
    `
    const call = walk(text, { state: 'busy' })
    expect(call.lines).toEqual([
      'start:1 enter start',
      'start:2 play https://example.com/hello.mp3',
      'start:2 end hung-up missing-section online',
    ])
  })

  it('hangs up at once in an empty section', () => {
    const text = ivr('online:\n  - play: https://example.com/a.mp3\n  - goto: menu\nmenu: []\n')
    expect(walk(text, { state: 'available' }).lines).toEqual([
      'online:1 enter online',
      'online:2 play https://example.com/a.mp3',
      'online:3 goto menu',
      'menu:4 end hung-up end-of-list',
    ])
  })
})

describe('step', () => {
  const menu = ivr(dedent`
    online:
      - choice:
          "#":
            name: Repeat
            play: https://example.com/hash.mp3
            goto: online
          "*":
            play: https://example.com/star.mp3
            goto: online
          9:
            play: https://example.com/nine.mp3
            do:
              - voicemail
          1:
            name: Agent
            play: https://example.com/one.mp3
            do:
              - ring
  `)

  it('plays the prompts in key order 0-9, *, # and waits at the choice', () => {
    const call = startCall(parseIvr(menu), { state: 'available' })
    expect(lines(call)).toEqual([
      'online:1 enter online',
      'online:16 prompt 1 https://example.com/one.mp3',
      'online:11 prompt 9 https://example.com/nine.mp3',
      'online:8 prompt * https://example.com/star.mp3',
      'online:5 prompt # https://example.com/hash.mp3',
    ])
    expect(call.awaiting).toMatchObject({ kind: 'key', round: 1 })
    expect(call.at).toEqual({ script: 0, section: 'online', path: ['online', 0], line: 2 })
    expect(currentOutcome(call)).toBeNull()
  })

  it('records where each entry happened, for highlighting', () => {
    const call = step(startCall(parseIvr(menu), { state: 'available' }), { type: 'key', key: '#' })
    const [key, go] = call.transcript.slice(5)
    expect(key).toEqual({
      script: 0,
      section: 'online',
      path: ['online', 0, 'choice', '#'],
      line: 3,
      kind: 'key',
      key: '#',
      name: 'Repeat',
      matched: true,
    })
    expect(go).toEqual({
      script: 0,
      section: 'online',
      path: ['online', 0, 'choice', '#', 'goto'],
      line: 6,
      kind: 'goto',
      target: 'online',
      via: 'option',
    })
  })

  it('never changes the state it is given', () => {
    const start = startCall(parseIvr(menu), { state: 'available' })
    const before = JSON.stringify(start.transcript)
    const next = step(start, { type: 'key', key: '1' })
    expect(next).not.toBe(start)
    expect(JSON.stringify(start.transcript)).toBe(before)
    expect(start.outcome).toBeNull()
    expect(next.outcome).toEqual({ kind: 'connected', department: null })
  })

  it('leaves the call as it is for input it does not take now', () => {
    const call = startCall(parseIvr(menu), { state: 'available' })
    for (const input of [
      { type: 'key', key: 'A' },
      { type: 'key', key: '12' },
      { type: 'digits', digits: '12#' },
      { type: 'reply', text: 'start: [ring]' },
      { type: 'reply-failed' },
      { type: 'department', state: 'online' },
      { type: 'state', state: 'asleep' },
    ] as const) {
      expect(acceptsInput(call, input as never)).toBe(false)
      expect(step(call, input as never)).toBe(call)
    }
    const ended = step(call, { type: 'key', key: '9' })
    expect(ended.outcome?.kind).toBe('voicemail')
    expect(acceptsInput(ended, { type: 'no-input' })).toBe(false)
    expect(step(ended, { type: 'key', key: '1' })).toBe(ended)
  })

  it('counts an unknown key as a round: the third ends the call with no-input', () => {
    const call = walk(menu, { state: 'available' }, ['5', '0', 'no-input'])
    expect(call.lines.filter((line) => !line.includes('prompt'))).toEqual([
      'online:1 enter online',
      'online:2 key 5 unknown',
      'online:2 key 0 unknown',
      'online:2 timeout 3',
      'online:2 end no-input',
    ])
    expect(call.lines.filter((line) => line.includes('prompt 1'))).toHaveLength(3)
  })
})

describe('loops', () => {
  it('stops a call that goes round without waiting for the caller, naming the section', () => {
    const text = ivr(dedent`
      online:
        - goto: a
      a:
        - play: https://example.com/a.mp3
        - goto: b
      b:
        - goto: a
    `)
    const call = walk(text, { state: 'available' })
    expect(call.end).toBe('loop a')
    expect(call.outcome).toEqual({ kind: 'loop', section: 'a', count: LOOP_LIMIT })
    expect(
      call.lines.filter((line) => line.endsWith('play https://example.com/a.mp3')),
    ).toHaveLength(LOOP_LIMIT - 1)
    expect(call.lines.at(-1)).toBe('a:4 end loop a')
  })

  it('lets a caller go round a menu as often as they press keys', () => {
    const text = ivr(dedent`
      online:
        - play: https://example.com/menu.mp3
        - choice:
            0:
              play: https://example.com/again.mp3
              goto: online
            1:
              play: https://example.com/agent.mp3
              do:
                - ring
    `)
    const keys = [...Array(2 * LOOP_LIMIT).fill('0'), '1']
    expect(walk(text, { state: 'available' }, keys).end).toBe('connected')
  })
})

describe('fetch', () => {
  const fetching = (extra = '') =>
    ivr(dedent`
      online:
        - fetch:
            url: https://example.com/next
            params:
              from: {$from_number}
              to: "{$to_number}"
              ticket: "T-{$conv_code}"
            ${extra}
      help:
        - play: https://example.com/help.mp3
        - voicemail
    `)

  it('asks the URL with placeholders filled in from the call and lists the sections', () => {
    const call = startCall(parseIvr(fetching()), {
      state: 'available',
      context: { from: '+81312345678', convCode: 'ABC' },
    })
    const entry = call.transcript.at(-1)
    expect(entry).toMatchObject({
      kind: 'fetch',
      url: 'https://example.com/next',
      params: [
        { name: 'from', value: '+81312345678' },
        { name: 'to', value: '+15550100002' },
        { name: 'ticket', value: 'T-ABC' },
      ],
      ivrs: ['online', 'help', 'offline', 'queue'],
    })
    expect(call.awaiting).toMatchObject({ kind: 'reply', url: 'https://example.com/next' })
  })

  it("continues in the answer's start, whose goto may name the calling script's sections", () => {
    const reply = 'start:\n  - play: https://example.com/r.mp3\n  - goto: help\n'
    const call = walk(fetching(), { state: 'available' }, [], [answer(reply)])
    expect(call.lines.slice(2)).toEqual([
      'online:2 reply ok',
      'reply1:start:1 enter reply',
      'reply1:start:2 play https://example.com/r.mp3',
      'reply1:start:3 goto help',
      'help:10 play https://example.com/help.mp3',
      'help:11 end voicemail',
    ])
    expect(call.call.scripts).toHaveLength(2)
    expect(call.call.scripts[1]).toMatchObject({ parent: 0, url: 'https://example.com/next' })
    // Only the commands of the IVR under test count as visited.
    expect(call.call.visited).toEqual([
      ['online', 0],
      ['help', 0],
      ['help', 1],
    ])
  })

  it("takes the answer's own section before the calling script's of the same name", () => {
    const reply = 'start:\n  - goto: help\nhelp:\n  - callback\n'
    expect(walk(fetching(), { state: 'available' }, [], [answer(reply)]).end).toBe(
      'callback-requested',
    )
  })

  it('follows an answer that fetches again, with gotos reaching every script up the chain', () => {
    const first = 'start:\n  - fetch:\n      url: https://example.com/second\n'
    const second = 'start:\n  - goto: help\n'
    const call = walk(fetching(), { state: 'available' }, [], [answer(first), answer(second)])
    expect(call.lines.slice(2)).toEqual([
      'online:2 reply ok',
      'reply1:start:1 enter reply',
      'reply1:start:2 fetch https://example.com/second',
      'reply1:start:2 reply ok',
      'reply2:start:1 enter reply',
      'reply2:start:2 goto help',
      'help:10 play https://example.com/help.mp3',
      'help:11 end voicemail',
    ])
    expect(call.call.scripts[2]).toMatchObject({ parent: 1 })
  })

  it.each([
    ['text that is no mapping', 'just some text', 'diag.not-a-mapping'],
    ['a script without start', 'online:\n  - ring\n', 'diag.missing-section.start'],
    ['invalid YAML', 'start: [ring\n', 'diag.yaml-syntax'],
    ['a goto to a section nobody has', 'start:\n  - goto: nowhere\n', 'diag.dangling-goto'],
    ['an unknown command', 'start:\n  - rnig\n', 'diag.unknown-command.suggest'],
  ])('disconnects the call when the answer is %s', (_, reply, messageId) => {
    const call = walk(fetching(), { state: 'available' }, [], [answer(reply)])
    expect(call.lines.slice(2)).toEqual([
      'online:2 reply invalid',
      'online:2 end hung-up invalid-reply https://example.com/next',
    ])
    expect(call.outcome).toMatchObject({
      kind: 'hung-up',
      reason: { code: 'invalid-reply', url: 'https://example.com/next', messageId },
    })
  })

  it('goes to onError when the URL does not answer', () => {
    const call = walk(fetching('onError: help'), { state: 'available' }, [], [FAILED])
    expect(call.lines.slice(2)).toEqual([
      'online:2 reply failed',
      'online:8 goto help (onError)',
      'help:10 play https://example.com/help.mp3',
      'help:11 end voicemail',
    ])
    expect(call.call.visited).toContainEqual(['help', 0])
  })

  it('hangs up when the URL does not answer and there is no onError', () => {
    const call = walk(fetching(), { state: 'available' }, [], [FAILED])
    expect(call.lines.slice(2)).toEqual([
      'online:2 reply failed',
      'online:2 end hung-up fetch-failed https://example.com/next',
    ])
  })
})

describe('dtmf', () => {
  const text = ivr(dedent`
    online:
      - dtmf:
          url: https://example.com/lookup
          onError: offline
          params:
            account: DTMF_VALUE
            note: "code-DTMF_VALUE-{$conv_code}"
            caller: {$from_number}
  `)

  it('collects digits until # and sends them in place of DTMF_VALUE', () => {
    const call = walk(text, { state: 'busy' }, ['42#'], [FAILED])
    expect(call.call.transcript[1]).toMatchObject({
      kind: 'dtmf',
      digits: '42',
      url: 'https://example.com/lookup',
      params: [
        { name: 'account', value: '42' },
        { name: 'note', value: 'code-42-TICKET-1' },
        { name: 'caller', value: '+15550100001' },
      ],
    })
    expect(call.lines.slice(1)).toEqual([
      'online:2 dtmf 42# https://example.com/lookup account=42 note=code-42-TICKET-1 caller=+15550100001',
      'online:2 reply failed',
      'online:4 goto offline (onError)',
      'offline:10 end voicemail',
    ])
  })

  it('takes the digits key by key, * included, and waits until #', () => {
    let call: CallState = startCall(parseIvr(text), { state: 'available' })
    for (const key of ['7', '*', '3']) {
      call = step(call, { type: 'key', key })
      expect(call.awaiting).toMatchObject({ kind: 'digits' })
    }
    expect(call.awaiting).toMatchObject({ collected: '7*3' })
    call = step(call, { type: 'digits', digits: '1' })
    call = step(call, { type: 'key', key: '#' })
    expect(call.transcript.at(-1)).toMatchObject({ kind: 'dtmf', digits: '7*31' })
    expect(call.awaiting?.kind).toBe('reply')
  })

  it('refuses digits that are not keypad digits, or # in the middle', () => {
    const call = startCall(parseIvr(text), { state: 'available' })
    for (const digits of ['12a#', '1#2', '##']) {
      expect(step(call, { type: 'digits', digits })).toBe(call)
    }
  })

  it('ends with no-input when the caller does not finish with #', () => {
    expect(walk(text, { state: 'available' }, ['12', 'no-input']).lines.slice(1)).toEqual([
      'online:2 timeout digits',
      'online:2 end no-input',
    ])
  })
})

describe('the queue', () => {
  const text = dedent`
    online:
      - ring
    offline:
      - voicemail
    queue:
      - play: https://example.com/hold.mp3
      - choice:
          0:
            play: https://example.com/wait.mp3
            goto: queue
          2:
            play: https://example.com/callback.mp3
            goto: callmeback
    callmeback:
      - callback
  `

  it('reaches a callback from the queue', () => {
    const call = walk(text, { state: 'busy' }, ['0', '2'])
    expect(call.end).toBe('callback-requested')
    expect(call.lines.slice(-3)).toEqual([
      'queue:11 key 2',
      'queue:13 goto callmeback',
      'callmeback:15 end callback-requested',
    ])
  })

  it('connects the caller when an agent frees up while they wait', () => {
    const call = walk(text, { state: 'busy' }, ['0', 'state=available'])
    expect(call.lines.slice(-2)).toEqual(['queue:7 state available', 'queue:7 end connected'])
    expect(call.end).toBe('connected')
  })

  it('keeps the caller waiting when the agents change but none is free', () => {
    const call = walk(text, { state: 'busy' }, ['state=offline', 'state=busy'])
    expect(call.end).toBe('waiting')
    expect(call.call.awaiting).toMatchObject({ kind: 'key', round: 1 })
  })

  it('puts the caller in the queue when ring finds nobody logged in', () => {
    const call = walk(text.replace('offline:\n  - voicemail', 'offline:\n  - ring'), {
      state: 'offline',
    })
    expect(call.lines.slice(0, 3)).toEqual([
      'offline:3 enter offline',
      'offline:4 ring queued',
      'queue:5 queue',
    ])
    expect(call.end).toBe('waiting')
  })

  it('ends after three silent rounds when the caller sends no-input in the queue', () => {
    expect(walk(text, { state: 'busy' }, ['no-input', 'no-input', 'no-input']).end).toBe('no-input')
  })

  it('uses a state change before the ring: an agent freed up in the menu answers', () => {
    const menu = ivr(dedent`
      online:
        - choice:
            1:
              play: https://example.com/one.mp3
              do:
                - ring
    `)
    expect(walk(menu, { state: 'busy' }, ['state=available', '1']).end).toBe('connected')
    expect(walk(menu, { state: 'available' }, ['state=busy', '1']).end).toBe('hung-up end-of-list')
  })
})

describe('transfer', () => {
  const text = ivr(dedent`
    online:
      - transfer:
          to: sales
          if:
            online:
              - ring
            queue:
              - play: https://example.com/sales-busy.mp3
              - ring
            offline:
              - voicemail
  `)

  it.each([
    ['online', 'transfer sales online if.online', 'connected sales'],
    ['busy', 'transfer sales busy if.queue', 'hung-up end-of-list'],
    ['offline', 'transfer sales offline if.offline', 'voicemail'],
  ] as const)('runs the branch of the department state %s', (state, line, end) => {
    const call = walk(text, { state: 'available', departments: { sales: state } })
    expect(call.lines[1]).toBe(`online:2 ${line}`)
    expect(call.end).toBe(end)
  })

  it("queues the caller for a busy department's ring; one of its agents freeing up connects", () => {
    const busySales = dedent`
      online:
        - transfer:
            to: sales
            if:
              queue:
                - play: https://example.com/sales-busy.mp3
                - ring
      offline:
        - voicemail
      queue:
        - choice:
            1:
              play: https://example.com/leave-a-message.mp3
              do:
                - voicemail
    `
    const call = walk(busySales, { state: 'available', departments: { sales: 'busy' } }, [
      'state=available',
    ])
    expect(call.lines).toEqual([
      'online:1 enter online',
      'online:2 transfer sales busy if.queue',
      'online:6 play https://example.com/sales-busy.mp3',
      'online:7 ring queued sales',
      'queue:10 queue',
      'queue:13 prompt 1 https://example.com/leave-a-message.mp3',
      'queue:11 state available',
      'queue:11 end connected sales',
    ])
    expect(call.call.departments).toEqual({ sales: 'online' })
  })

  it('lets the department take the call when no branch matches its state', () => {
    const bare = ivr('online:\n  - transfer:\n      to: support\n')
    expect(walk(bare, { state: 'available', departments: { support: 'offline' } }).lines).toEqual([
      'online:1 enter online',
      'online:2 transfer support offline direct',
      'online:2 end transferred support',
    ])
  })

  it('waits for the department state when asked to', () => {
    const call = startCall(parseIvr(text), { state: 'available', askDepartments: true })
    expect(call.awaiting).toMatchObject({ kind: 'department', department: 'sales' })
    const next = step(call, { type: 'department', state: 'offline' })
    expect(next.outcome?.kind).toBe('voicemail')
    expect(next.departments).toEqual({ sales: 'offline' })
  })
})

import { describe, expect, it } from 'vitest'
import { AGENT_STATES } from '../../src/simulate/call.ts'
import { answer, example, FAILED, walk } from './walk.ts'

/*
 * Every example IVR walked through every state of the agents and every option, with the exact
 * transcript. Lines are `section:line kind details`; `L/` stands for the vendor's long link prefix.
 */

describe('basic.yaml', () => {
  const ivr = example('basic.yaml')

  it('connects at once when an agent is available', () => {
    const call = walk(ivr, { state: 'available' })
    expect(call.lines).toEqual([
      'online:4 enter online',
      'online:5 play http://welcome.message',
      'online:6 ring connected',
      'online:6 end connected',
    ])
    expect(call.end).toBe('connected')
    expect(call.call.visited).toEqual([
      ['online', 0],
      ['online', 1],
    ])
  })

  it('queues the caller when every agent is busy, and hangs up when the queue list ends', () => {
    const call = walk(ivr, { state: 'busy' })
    expect(call.lines).toEqual([
      'online:4 enter online',
      'online:5 play http://welcome.message',
      'online:6 ring queued',
      'queue:7 queue',
      'queue:8 play http://in.queue.music',
      'queue:8 end hung-up end-of-list',
    ])
    expect(call.end).toBe('hung-up end-of-list')
  })

  it('takes a voicemail when nobody is logged in', () => {
    const call = walk(ivr, { state: 'offline' })
    expect(call.lines).toEqual([
      'offline:1 enter offline',
      'offline:2 play http://offline.message',
      'offline:3 end voicemail',
    ])
    expect(call.end).toBe('voicemail')
  })
})

describe('callback-direct.yaml', () => {
  const ivr = example('callback-direct.yaml')
  const menu = [
    'online:3 enter online',
    'online:4 play L/welcome-message.mp3',
    'online:8 prompt 1 L/press-one-to-start-call.mp3',
    'online:13 prompt 2 L/press_2_to_request_callback.mp3',
  ]

  it('1 rings an available agent', () => {
    const call = walk(ivr, { state: 'available' }, ['1'])
    expect(call.lines).toEqual([
      ...menu,
      'online:6 key 1',
      'online:10 ring connected',
      'online:10 end connected',
    ])
    expect(call.call.visited).toEqual([
      ['online', 0],
      ['online', 1],
      ['online', 1, 'choice', '1'],
      ['online', 1, 'choice', '1', 'do', 0],
    ])
  })

  it('1 queues the caller when every agent is busy; the queue then ends the call', () => {
    expect(walk(ivr, { state: 'busy' }, ['1']).lines).toEqual([
      ...menu,
      'online:6 key 1',
      'online:10 ring queued',
      'queue:19 queue',
      'queue:20 play L/next-in-queue.mp3',
      'queue:20 end hung-up end-of-list',
    ])
  })

  it.each(['available', 'busy'] as const)('2 requests a callback (%s)', (state) => {
    const call = walk(ivr, { state }, ['2'])
    expect(call.lines).toEqual([...menu, 'online:11 key 2', 'online:15 end callback-requested'])
    expect(call.end).toBe('callback-requested')
  })

  it('plays the prompts three times without a key, then ends with no-input', () => {
    const prompts = menu.slice(2)
    const call = walk(ivr, { state: 'available' })
    expect(call.lines).toEqual([
      ...menu,
      'online:5 timeout 1',
      ...prompts,
      'online:5 timeout 2',
      ...prompts,
      'online:5 timeout 3',
      'online:5 end no-input',
    ])
    expect(call.end).toBe('no-input')
  })

  it('replays the prompts after a key no option has, then takes the next key', () => {
    const call = walk(ivr, { state: 'available' }, ['5', '1'])
    expect(call.lines).toEqual([
      ...menu,
      'online:5 key 5 unknown',
      ...menu.slice(2),
      'online:6 key 1',
      'online:10 ring connected',
      'online:10 end connected',
    ])
  })

  it('takes a voicemail when nobody is logged in', () => {
    expect(walk(ivr, { state: 'offline' }).lines).toEqual([
      'offline:16 enter offline',
      'offline:17 play L/leave-a-voicemail.mp3',
      'offline:18 end voicemail',
    ])
  })
})

describe('callback-from-queue.yaml', () => {
  const ivr = example('callback-from-queue.yaml')
  const queued = [
    'online:2 enter online',
    'online:3 play L/connect-first-available-agent.mp3',
    'online:4 ring queued',
    'queue:7 queue',
  ]
  const queueMenu = [
    'queue:8 play L/next-in-queue.mp3',
    'queue:12 prompt 0 L/hidden-waiting-music.mp3',
    'queue:16 prompt 1 L/press-one-to-leave-a-voicemail.mp3',
    'queue:20 prompt 2 L/press_2_to_request_callback.mp3',
  ]

  it('connects when an agent is available', () => {
    expect(walk(ivr, { state: 'available' }).lines).toEqual([
      'online:2 enter online',
      'online:3 play L/connect-first-available-agent.mp3',
      'online:4 ring connected',
      'online:4 end connected',
    ])
  })

  it('keeps the caller waiting in the queue menu while no key is pressed', () => {
    const call = walk(ivr, { state: 'busy' })
    expect(call.lines).toEqual([...queued, ...queueMenu])
    expect(call.end).toBe('waiting')
    expect(call.call.at).toMatchObject({ section: 'queue', path: ['queue', 1], line: 9 })
  })

  it('0 goes round the queue again and waits', () => {
    const call = walk(ivr, { state: 'busy' }, ['0'])
    expect(call.lines).toEqual([
      ...queued,
      ...queueMenu,
      'queue:10 key 0',
      'queue:13 goto queue',
      ...queueMenu,
    ])
    expect(call.end).toBe('waiting')
  })

  it('1 leaves a voicemail', () => {
    const call = walk(ivr, { state: 'busy' }, ['1'])
    expect(call.lines).toEqual([
      ...queued,
      ...queueMenu,
      'queue:14 key 1',
      'queue:17 goto voicemail',
      'voicemail:25 play L/leave-a-voicemail.mp3',
      'voicemail:26 end voicemail',
    ])
    expect(call.end).toBe('voicemail')
  })

  it('2 from the queue requests a callback', () => {
    const call = walk(ivr, { state: 'busy' }, ['2'])
    expect(call.lines).toEqual([
      ...queued,
      ...queueMenu,
      'queue:18 key 2',
      'queue:21 goto callmeback',
      'callmeback:23 end callback-requested',
    ])
    expect(call.end).toBe('callback-requested')
  })

  it('hangs up after the offline message when nobody is logged in', () => {
    expect(walk(ivr, { state: 'offline' }).lines).toEqual([
      'offline:5 enter offline',
      'offline:6 play L/we-are-currently-not-available-check-website.mp3',
      'offline:6 end hung-up end-of-list',
    ])
  })
})

describe('departments-transfer.yaml', () => {
  const ivr = example('departments-transfer.yaml')
  const menu = [
    'start:1 enter start',
    'start:2 play http://welcome.to.our.support',
    'start:6 prompt 1 http://press.1.for.sales',
    'start:18 prompt 2 http://press.2.for.tech',
  ]

  // The entry state does not matter: start runs first and every option transfers.
  describe.each(AGENT_STATES)('with agents %s', (state) => {
    it('1 with sales online runs its online branch and rings sales', () => {
      const call = walk(ivr, { state, departments: { salesDepartmentID: 'online' } }, ['1'])
      expect(call.lines).toEqual([
        ...menu,
        'start:4 key 1',
        'start:8 transfer salesDepartmentID online if.online',
        'start:12 play http://welcome.to.sales',
        'start:13 ring connected salesDepartmentID',
        'start:13 end connected salesDepartmentID',
      ])
    })

    it('1 with sales busy has no queue branch, so sales takes the call', () => {
      const call = walk(ivr, { state, departments: { salesDepartmentID: 'busy' } }, ['1'])
      expect(call.lines).toEqual([
        ...menu,
        'start:4 key 1',
        'start:8 transfer salesDepartmentID busy direct',
        'start:8 end transferred salesDepartmentID',
      ])
    })

    it('1 with sales offline goes to voicemail', () => {
      const call = walk(ivr, { state, departments: { salesDepartmentID: 'offline' } }, ['1'])
      expect(call.lines).toEqual([
        ...menu,
        'start:4 key 1',
        'start:8 transfer salesDepartmentID offline if.offline',
        'start:15 goto voicemail',
        'voicemail:28 play http://leave.us.a.message',
        'voicemail:29 end voicemail',
      ])
    })

    it('2 with tech online rings tech', () => {
      const call = walk(ivr, { state, departments: { techDepID: 'online' } }, ['2'])
      expect(call.lines).toEqual([
        ...menu,
        'start:16 key 2',
        'start:20 transfer techDepID online if.online',
        'start:24 ring connected techDepID',
        'start:24 end connected techDepID',
      ])
    })

    it('2 with tech busy has no queue branch, so tech takes the call', () => {
      const call = walk(ivr, { state, departments: { techDepID: 'busy' } }, ['2'])
      expect(call.end).toBe('transferred techDepID')
      expect(call.lines.slice(-2)).toEqual([
        'start:20 transfer techDepID busy direct',
        'start:20 end transferred techDepID',
      ])
    })

    it('2 with tech offline goes to offline, which hangs up after its message', () => {
      const call = walk(ivr, { state, departments: { techDepID: 'offline' } }, ['2'])
      expect(call.lines).toEqual([
        ...menu,
        'start:16 key 2',
        'start:20 transfer techDepID offline if.offline',
        'start:26 goto offline',
        'offline:31 play http://call.us.later',
        'offline:31 end hung-up end-of-list',
      ])
    })

    it('ends with no-input when no key is pressed', () => {
      expect(walk(ivr, { state }).end).toBe('no-input')
    })
  })

  it('takes a department whose state is not given as online', () => {
    expect(walk(ivr, { state: 'offline' }, ['1']).end).toBe('connected salesDepartmentID')
  })
})

describe('dtmf-input.yaml', () => {
  const ivr = example('dtmf-input.yaml')
  const typed = [
    'start:1 enter start',
    'start:2 play http://enter.your.dtmf.input.and.press.#.to.confirm',
    'start:3 dtmf 1234# http://my.dynamic.script ticket=TICKET-1 value=1234',
  ]
  const answered = [
    'start:3 reply ok',
    'reply1:start:1 enter reply',
    'reply1:start:2 play http://hello.peter',
  ]

  it('sends the digits and continues in the answer, which rings an available agent', () => {
    const call = walk(ivr, { state: 'available' }, ['1234#'], [answer(example('fetch-reply.yaml'))])
    expect(call.lines).toEqual([
      ...typed,
      ...answered,
      'reply1:start:3 ring connected',
      'reply1:start:3 end connected',
    ])
  })

  it.each(['busy', 'offline'] as const)(
    'queues the caller in the calling script when agents are %s',
    (state) => {
      const call = walk(ivr, { state }, ['12', '34#'], [answer(example('fetch-reply.yaml'))])
      expect(call.lines).toEqual([
        ...typed,
        ...answered,
        'reply1:start:3 ring queued',
        'queue:11 queue',
        'queue:12 play http://in.queue.music',
        'queue:12 end hung-up end-of-list',
      ])
    },
  )

  it.each(AGENT_STATES)('goes to onError when the address does not answer (%s)', (state) => {
    const call = walk(ivr, { state }, ['1234#'], [FAILED])
    expect(call.lines).toEqual([
      ...typed,
      'start:3 reply failed',
      'start:5 goto offline (onError)',
      'offline:10 play http://call.us.later',
      'offline:10 end hung-up end-of-list',
    ])
  })

  it.each(AGENT_STATES)('ends with no-input when the caller never presses # (%s)', (state) => {
    const call = walk(ivr, { state })
    expect(call.lines).toEqual([
      ...typed.slice(0, 2),
      'start:3 timeout digits',
      'start:3 end no-input',
    ])
  })
})

describe('dynamic-fetch.yaml', () => {
  const ivr = example('dynamic-fetch.yaml')
  const asked = [
    'start:1 enter start',
    'start:2 fetch http://my.dynamic.script from=+15550100001 to=+15550100002 ticket=TICKET-1',
  ]

  it.each(AGENT_STATES)('goes to onError when the address does not answer (%s)', (state) => {
    const call = walk(ivr, { state }, [], [FAILED])
    expect(call.lines).toEqual([
      ...asked,
      'start:2 reply failed',
      'start:4 goto offline (onError)',
      'offline:10 play http://call.us.later',
      'offline:10 end hung-up end-of-list',
    ])
    expect(call.missingReplies).toBe(0)
  })

  it('takes a fetch without a scripted reply as not answered', () => {
    const call = walk(ivr, { state: 'available' })
    expect(call.missingReplies).toBe(1)
    expect(call.end).toBe('hung-up end-of-list')
  })

  it.each([
    ['available', 'connected'],
    ['busy', 'hung-up end-of-list'],
    ['offline', 'hung-up end-of-list'],
  ] as const)('continues in the answer with agents %s: %s', (state, end) => {
    const call = walk(ivr, { state }, [], [answer(example('fetch-reply.yaml'))])
    expect(call.lines.slice(0, 5)).toEqual([
      ...asked,
      'start:2 reply ok',
      'reply1:start:1 enter reply',
      'reply1:start:2 play http://hello.peter',
    ])
    expect(call.end).toBe(end)
  })
})

describe('fetch-reply.yaml', () => {
  const ivr = example('fetch-reply.yaml')

  it.each(AGENT_STATES)('is refused as a per-number IVR, naming its errors (%s)', (state) => {
    const call = walk(ivr, { state })
    expect(call.lines).toEqual([])
    expect(call.end).toBe('refused missing-section,missing-section')
  })

  it('runs from start when simulated as a fetch answer', () => {
    expect(walk(ivr, { state: 'available', reply: true }).lines).toEqual([
      'start:1 enter start',
      'start:2 play http://hello.peter',
      'start:3 ring connected',
      'start:3 end connected',
    ])
    // Alone, an answer has no queue to put the caller in.
    expect(walk(ivr, { state: 'busy', reply: true }).end).toBe('hung-up missing-section queue')
  })
})

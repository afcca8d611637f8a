import { describe, expect, it } from 'vitest'
import { driveCall, formatAction, parseAction } from '../../src/simulate/drive.ts'
import { parseTestSuite } from '../../src/simulate/test-suite.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'
import { actions, answer, example, walk } from './walk.ts'

describe('parseAction', () => {
  it('reads keys, digits, no-input and state changes, and writes them back the same', () => {
    for (const [token, action] of [
      ['1', { kind: 'key', key: '1' }],
      ['*', { kind: 'key', key: '*' }],
      ['#', { kind: 'key', key: '#' }],
      ['1234#', { kind: 'digits', digits: '1234#' }],
      ['12', { kind: 'digits', digits: '12' }],
      ['no-input', { kind: 'no-input' }],
      ['state=available', { kind: 'state', state: 'available' }],
    ] as const) {
      expect(parseAction(token)).toEqual(action)
      expect(formatAction(parseAction(token)!)).toBe(token)
    }
    expect(parseAction(' 2 ')).toEqual({ kind: 'key', key: '2' })
  })

  it('refuses anything else', () => {
    for (const token of ['', 'a', '1#2', '##', 'state=asleep', 'noinput', '-1']) {
      expect(parseAction(token)).toBeNull()
    }
  })
})

describe('driveCall', () => {
  const queue = example('callback-from-queue.yaml')

  it('stops with a problem when an action does not fit what the call waits for', () => {
    const result = walk(queue, { state: 'busy' }, ['12#', '2'])
    expect(result.outcome).toBeNull()
    expect(result.problems).toEqual([
      { kind: 'not-accepted', action: '12#', index: 0, awaiting: 'key' },
    ])
  })

  it('reports actions and replies left over after the call ended', () => {
    const result = walk(queue, { state: 'available' }, ['1', '2'], [answer('start: [ring]')])
    expect(result.end).toBe('connected')
    expect(result.problems).toEqual([
      { kind: 'unused-actions', actions: ['1', '2'] },
      { kind: 'unused-replies', count: 1 },
    ])
  })

  it('answers the fetches in order, and takes missing replies as not answered', () => {
    const parsed = parseIvr(example('dynamic-fetch.yaml'))
    const result = driveCall(parsed, { state: 'available' }, actions([]))
    expect(result.missingReplies).toBe(1)
    expect(result.call.transcript.map((e) => e.kind)).toContain('reply')
  })
})

describe('parseTestSuite', () => {
  it('reads the ivr and each test', () => {
    const { suite, problems } = parseTestSuite(dedent`
      ivr: ./callback-from-queue.yaml
      tests:
        - name: from the queue, 2 requests a callback
          state: busy
          keys: [2]
          expect: callback-requested
        - name: transfer with a fetch
          state: available
          keys: "1,1234#,no-input"
          departments: { sales: offline, "7": busy }
          replies: [failed, ./next.yaml]
          expect: hung-up
    `)
    expect(problems).toEqual([])
    expect(suite).toEqual({
      ivr: './callback-from-queue.yaml',
      tests: [
        {
          name: 'from the queue, 2 requests a callback',
          line: 3,
          state: 'busy',
          actions: [{ kind: 'key', key: '2' }],
          departments: {},
          replies: [],
          expect: 'callback-requested',
        },
        {
          name: 'transfer with a fetch',
          line: 7,
          state: 'available',
          actions: actions(['1', '1234#', 'no-input']),
          departments: { sales: 'offline', '7': 'busy' },
          replies: ['failed', './next.yaml'],
          expect: 'hung-up',
        },
      ],
    })
  })

  it('reports every problem with its line', () => {
    const { suite, problems } = parseTestSuite(dedent`
      tests:
        - name: one
          state: sleeping
          keys: [1, x]
          expect: happy
          colour: red
        - just a string
        - state: busy
          expect: waiting
    `)
    expect(suite).toBeNull()
    expect(problems.map((p) => `${p.line} ${p.code} ${JSON.stringify(p.args)}`)).toEqual([
      '1 no-ivr {}',
      '3 bad-state {"value":"sleeping","test":"one"}',
      '4 bad-keys {"value":"x","test":"one"}',
      '5 bad-expect {"value":"happy","test":"one"}',
      '6 unknown-field {"field":"colour","allowed":"name, state, keys, departments, replies, expect"}',
      '7 test-not-mapping {"index":"2"}',
      '8 missing-field {"field":"name","test":"#3"}',
    ])
  })

  it('reports YAML that does not parse, and text that is no test file', () => {
    expect(parseTestSuite('ivr: [').problems[0]).toMatchObject({ code: 'yaml', line: 1 })
    expect(parseTestSuite('- a\n').problems).toEqual([{ code: 'not-a-mapping', line: 1, args: {} }])
    expect(parseTestSuite('ivr: a.yaml\ntests: []\n').problems).toEqual([
      { code: 'no-tests', line: 2, args: {} },
    ])
  })
})

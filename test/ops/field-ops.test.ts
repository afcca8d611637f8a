import { describe, expect, it } from 'vitest'
import type { IvrOp } from '../../src/ops/op.ts'
import { dedent } from '../helpers/dedent.ts'
import { applyChecked, refusal } from './helpers.ts'

const ivr = dedent`
  queue:
    - play: 'https://example.com/hold.mp3'   # hold music
    - choice:
        1:
          name: Sales   # the sales team
          goto: sales
        "2": {play: https://example.com/2.mp3, goto: sales}
        3:
          do:
            - ring
  sales:
    - transfer:
        to: "salesDept"
    - fetch:
        url: https://example.com/next
        onError: queue
        params:
          from: {$from_number}
          ticket: "{$conv_code}"
    - dtmf: {url: https://example.com/digits}
  online: [ring]
  offline: [voicemail]
`

const cases: { name: string; op: IvrOp; expected: string }[] = [
  {
    name: 'field.set on a play URL replaces the token, keeping its quotes and comment',
    op: { type: 'field.set', path: ['queue', 0, 'play'], value: 'https://example.com/new.mp3' },
    expected: ivr.replace(
      "'https://example.com/hold.mp3'   #",
      "'https://example.com/new.mp3'   #",
    ),
  },
  {
    name: 'field.set on an option name keeps its trailing comment',
    op: { type: 'field.set', path: ['queue', 1, 'choice', '1', 'name'], value: 'Sales team' },
    expected: ivr.replace('name: Sales   #', 'name: Sales team   #'),
  },
  {
    name: 'field.set writes a missing option prompt after its name',
    op: {
      type: 'field.set',
      path: ['queue', 1, 'choice', '1', 'play'],
      value: 'https://example.com/1.mp3',
    },
    expected: ivr.replace(
      '        name: Sales   # the sales team\n',
      '        name: Sales   # the sales team\n        play: https://example.com/1.mp3\n',
    ),
  },
  {
    name: 'field.set writes a missing name first in a flow option',
    op: { type: 'field.set', path: ['queue', 1, 'choice', '2', 'name'], value: 'Support' },
    expected: ivr.replace(
      '{play: https://example.com/2.mp3',
      '{name: Support, play: https://example.com/2.mp3',
    ),
  },
  {
    name: 'field.set writes a name before the do list of an option',
    op: { type: 'field.set', path: ['queue', 1, 'choice', '3', 'name'], value: 'Agents' },
    expected: ivr.replace('      3:\n        do:', '      3:\n        name: Agents\n        do:'),
  },
  {
    name: "field.set on a transfer's department keeps its double quotes",
    op: { type: 'field.set', path: ['sales', 0, 'transfer', 'to'], value: 'support' },
    expected: ivr.replace('to: "salesDept"', 'to: "support"'),
  },
  {
    name: 'field.set on a fetch URL',
    op: {
      type: 'field.set',
      path: ['sales', 1, 'fetch', 'url'],
      value: 'https://example.com/other',
    },
    expected: ivr.replace('url: https://example.com/next', 'url: https://example.com/other'),
  },
  {
    name: 'field.set on an unquoted placeholder parameter writes a quoted string',
    op: { type: 'field.set', path: ['sales', 1, 'fetch', 'params', 'from'], value: '{$to_number}' },
    expected: ivr.replace('from: {$from_number}', 'from: "{$to_number}"'),
  },
  {
    name: 'field.set adds a parameter at the end of params',
    op: { type: 'field.set', path: ['sales', 1, 'fetch', 'params', 'lang'], value: 'ja' },
    expected: ivr.replace(
      '        ticket: "{$conv_code}"\n',
      '        ticket: "{$conv_code}"\n        lang: ja\n',
    ),
  },
  {
    name: 'field.set creates params on a flow dtmf without any',
    op: { type: 'field.set', path: ['sales', 2, 'dtmf', 'params', 'value'], value: 'DTMF_VALUE' },
    expected: ivr.replace(
      '{url: https://example.com/digits}',
      '{url: https://example.com/digits, params: {value: DTMF_VALUE}}',
    ),
  },
  {
    name: 'field.remove removes an option name with its comment',
    op: { type: 'field.remove', path: ['queue', 1, 'choice', '1', 'name'] },
    expected: ivr.replace('        name: Sales   # the sales team\n', ''),
  },
  {
    name: 'field.remove removes a parameter',
    op: { type: 'field.remove', path: ['sales', 1, 'fetch', 'params', 'from'] },
    expected: ivr.replace('        from: {$from_number}\n', ''),
  },
  {
    name: 'key.rename renames a parameter, keeping the rest of its line',
    op: { type: 'key.rename', path: ['sales', 1, 'fetch', 'params', 'ticket'], name: 'code' },
    expected: ivr.replace('ticket: "{$conv_code}"', 'code: "{$conv_code}"'),
  },
]

describe('field ops', () => {
  for (const { name, op, expected } of cases) {
    it(name, () => expect(applyChecked(ivr, op)).toBe(expected))
  }

  it('field.set writes params on their own lines in a block fetch without any', () => {
    const text = dedent`
      start:
        - fetch:
            url: https://example.com/next
    `
    const op: IvrOp = {
      type: 'field.set',
      path: ['start', 0, 'fetch', 'params', 'from'],
      value: '{$from_number}',
    }
    expect(applyChecked(text, op)).toBe(text + '      params:\n        from: "{$from_number}"\n')
  })

  it('removing the last parameter leaves params: {}', () => {
    const text = dedent`
      start:
        - fetch:
            url: https://example.com/next
            params:
              from: "{$from_number}"
    `
    const op: IvrOp = { type: 'field.remove', path: ['start', 0, 'fetch', 'params', 'from'] }
    expect(applyChecked(text, op)).toBe(
      text.replace('params:\n        from: "{$from_number}"\n', 'params: {}\n'),
    )
  })

  it('refuses a parameter name that is taken or empty', () => {
    const path = ['sales', 1, 'fetch', 'params', 'ticket']
    expect(refusal(ivr, { type: 'key.rename', path, name: 'from' })).toEqual({
      error: 'op.error.param-exists',
      args: { name: 'from' },
    })
    expect(refusal(ivr, { type: 'key.rename', path, name: ' ' })).toEqual({
      error: 'op.error.invalid-param',
    })
  })

  it('refuses fields that are not text fields of the item', () => {
    expect(
      refusal(ivr, { type: 'field.set', path: ['queue', 1, 'choice', '1', 'goto'], value: 'x' })
        .error,
    ).toBe('op.error.not-found')
    expect(refusal(ivr, { type: 'field.set', path: ['online', 0, 'play'], value: 'x' }).error).toBe(
      'op.error.not-found',
    )
    expect(refusal(ivr, { type: 'field.remove', path: ['queue', 0, 'play'] }).error).toBe(
      'op.error.not-found',
    )
    expect(refusal(ivr, { type: 'field.remove', path: ['sales', 1, 'fetch', 'url'] }).error).toBe(
      'op.error.not-found',
    )
  })
})

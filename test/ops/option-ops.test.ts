import { describe, expect, it } from 'vitest'
import type { IvrOp } from '../../src/ops/op.ts'
import { dedent } from '../helpers/dedent.ts'
import { applyChecked, refusal } from './helpers.ts'

const crlf = (text: string) => text.replace(/\n/g, '\r\n')

const ivr = dedent`
  queue:
    - choice:
        # Keep waiting
        0:
          name: Wait
          play: https://example.com/wait.mp3
          goto: queue   # back to the start
        "1": {name: Voicemail, goto: voicemail}
        2:
          name: Callback
          do:
            - callback
    - ring
  voicemail: [voicemail]
`

const wait =
  '      # Keep waiting\n      0:\n        name: Wait\n' +
  '        play: https://example.com/wait.mp3\n        goto: queue   # back to the start\n'
const voicemail = '      "1": {name: Voicemail, goto: voicemail}\n'
const callback = '      2:\n        name: Callback\n        do:\n          - callback\n'
const choice = ['queue', 0, 'choice']

const cases: { name: string; op: IvrOp; expected: string }[] = [
  {
    name: 'option.add adds the first free key after the last option, in block style',
    op: {
      type: 'option.add',
      choice: ['queue', 0],
      option: { name: 'Sales', play: 'https://example.com/sales.mp3', do: ['ring'] },
    },
    expected: ivr.replace(
      callback,
      `${callback}      3:\n        name: Sales\n        play: https://example.com/sales.mp3\n        do:\n          - ring\n`,
    ),
  },
  {
    name: 'option.add quotes # as a key',
    op: { type: 'option.add', choice: ['queue', 0], key: '#', option: { goto: 'voicemail' } },
    expected: ivr.replace(callback, `${callback}      "#":\n        goto: voicemail\n`),
  },
  {
    name: 'option.delete takes the comment above the option and its trailing comment',
    op: { type: 'option.delete', path: [...choice, '0'] },
    expected: ivr.replace(wait, ''),
  },
  {
    name: 'option.delete of a flow option',
    op: { type: 'option.delete', path: [...choice, '1'] },
    expected: ivr.replace(voicemail, ''),
  },
  {
    name: 'option.move to the end takes its comments',
    op: { type: 'option.move', path: [...choice, '0'], before: null },
    expected: ivr.replace(wait, '').replace(callback, callback + wait),
  },
  {
    name: 'option.move before another option',
    op: { type: 'option.move', path: [...choice, '2'], before: '0' },
    expected: ivr.replace(callback, '').replace(wait, callback + wait),
  },
  {
    name: 'option.duplicate copies the option with its comments under the next free key',
    op: { type: 'option.duplicate', path: [...choice, '0'] },
    expected: ivr.replace(wait, wait + wait.replace('0:', '3:')),
  },
  {
    name: 'option.duplicate keeps the quotes of the key it copies',
    op: { type: 'option.duplicate', path: [...choice, '1'] },
    expected: ivr.replace(voicemail, voicemail + voicemail.replace('"1"', '"3"')),
  },
  {
    name: 'option.setKey replaces the key token, quoting * as YAML needs',
    op: { type: 'option.setKey', path: [...choice, '0'], key: '*' },
    expected: ivr.replace('      0:\n', '      "*":\n'),
  },
  {
    name: 'option.setKey keeps the quotes of a quoted key',
    op: { type: 'option.setKey', path: [...choice, '1'], key: '9' },
    expected: ivr.replace('"1":', '"9":'),
  },
]

describe('option ops rewrite only the lines of the options they touch', () => {
  it.each(cases)('$name', ({ op, expected }) => {
    expect(applyChecked(ivr, op)).toBe(expected)
  })

  it.each(cases)('$name, in a CRLF file', ({ op, expected }) => {
    expect(applyChecked(crlf(ivr), op)).toBe(crlf(expected))
  })

  it('option.add into a flow choice writes flow style', () => {
    const text = 'online:\n  - choice: {1: {goto: online}}\n'
    const op: IvrOp = {
      type: 'option.add',
      choice: ['online', 0],
      option: { name: 'Ring', do: ['ring'] },
    }
    expect(applyChecked(text, op)).toBe(
      'online:\n  - choice: {1: {goto: online}, 2: {name: Ring, do: [ring]}}\n',
    )
  })

  it('option.add into an empty choice writes the options as a block', () => {
    const text = 'online:\n  - choice: {}\n'
    const op: IvrOp = { type: 'option.add', choice: ['online', 0], option: { goto: 'online' } }
    expect(applyChecked(text, op)).toBe('online:\n  - choice:\n      1:\n        goto: online\n')
  })

  it('option.delete of the only option leaves {}', () => {
    const text = 'online:\n  - choice:\n      1:\n        goto: online\n  - ring\n'
    expect(applyChecked(text, { type: 'option.delete', path: ['online', 0, 'choice', '1'] })).toBe(
      'online:\n  - choice: {}\n  - ring\n',
    )
  })

  it('option.move in a flow choice', () => {
    const text = 'online:\n  - choice: {1: {goto: a}, 2: {goto: b}, 3: {goto: c}}\n'
    expect(
      applyChecked(text, { type: 'option.move', path: ['online', 0, 'choice', '3'], before: '1' }),
    ).toBe('online:\n  - choice: {3: {goto: c}, 1: {goto: a}, 2: {goto: b}}\n')
    expect(
      applyChecked(text, { type: 'option.move', path: ['online', 0, 'choice', '1'], before: null }),
    ).toBe('online:\n  - choice: {2: {goto: b}, 3: {goto: c}, 1: {goto: a}}\n')
  })

  it('option.move to where the option already is changes nothing', () => {
    expect(applyChecked(ivr, { type: 'option.move', path: [...choice, '1'], before: '2' })).toBe(
      ivr,
    )
    expect(applyChecked(ivr, { type: 'option.move', path: [...choice, '2'], before: null })).toBe(
      ivr,
    )
  })

  it('refuses keys a caller cannot press or that are taken, and options that are not there', () => {
    expect(
      refusal(ivr, { type: 'option.add', choice: ['queue', 0], key: '2', option: {} }),
    ).toEqual({
      error: 'op.error.key-taken',
      args: { key: '2' },
    })
    expect(
      refusal(ivr, { type: 'option.add', choice: ['queue', 0], key: 'x', option: {} }),
    ).toEqual({
      error: 'op.error.invalid-key',
      args: { key: 'x' },
    })
    expect(refusal(ivr, { type: 'option.setKey', path: [...choice, '1'], key: '2' })).toEqual({
      error: 'op.error.key-taken',
      args: { key: '2' },
    })
    expect(refusal(ivr, { type: 'option.setKey', path: [...choice, '1'], key: '10' })).toEqual({
      error: 'op.error.invalid-key',
      args: { key: '10' },
    })
    expect(refusal(ivr, { type: 'option.delete', path: [...choice, '5'] })).toEqual({
      error: 'op.error.not-found',
    })
    expect(refusal(ivr, { type: 'option.add', choice: ['queue', 1], option: {} })).toEqual({
      error: 'op.error.not-found',
    })
  })

  it('refuses to add a thirteenth option', () => {
    const keys = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '"*"', '"#"']
    const text = `online:\n  - choice:\n${keys.map((k) => `      ${k}: {goto: online}\n`).join('')}`
    expect(refusal(text, { type: 'option.add', choice: ['online', 0], option: {} })).toEqual({
      error: 'op.error.no-free-key',
    })
    expect(refusal(text, { type: 'option.duplicate', path: ['online', 0, 'choice', '1'] })).toEqual(
      {
        error: 'op.error.no-free-key',
      },
    )
  })
})

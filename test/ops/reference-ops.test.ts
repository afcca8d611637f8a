import { describe, expect, it } from 'vitest'
import type { IvrOp } from '../../src/ops/op.ts'
import { checkIvr } from '../../src/validate/validate-ivr.ts'
import { dedent } from '../helpers/dedent.ts'
import { applyChecked, refusal } from './helpers.ts'

const crlf = (text: string) => text.replace(/\n/g, '\r\n')

const ivr = dedent`
  queue:
    - choice:
        0:
          name: Wait
          goto: queue   # back to the start
        "1": {name: Voicemail, goto: 'voicemail'}
        2:
          name: Callback
          do:   # ask first
            - callback
          # then hang up
    - ring
  voicemail: [voicemail]
  start:
    - dtmf: {url: 'https://example.com/digits', params: {code: DTMF_VALUE}}
    - fetch:
        url: https://example.com/next
        params:
          from: "{$from_number}"
    - goto: queue
`

const cases: { name: string; op: IvrOp; expected: string }[] = [
  {
    name: 'reference.connect on an option replaces its goto target, keeping the comment',
    op: { type: 'reference.connect', path: ['queue', 0, 'choice', '0'], target: 'start' },
    expected: ivr.replace('goto: queue   #', 'goto: start   #'),
  },
  {
    name: 'reference.connect on an option keeps the quotes of its goto',
    op: { type: 'reference.connect', path: ['queue', 0, 'choice', '1', 'goto'], target: 'start' },
    expected: ivr.replace("goto: 'voicemail'}", "goto: 'start'}"),
  },
  {
    name: 'reference.connect on an option with a do list puts goto in its place',
    op: { type: 'reference.connect', path: ['queue', 0, 'choice', '2'], target: 'voicemail' },
    expected: ivr.replace(
      '        do:   # ask first\n          - callback\n',
      '        goto: voicemail\n',
    ),
  },
  {
    name: 'reference.connect on a flow dtmf adds onError after the url',
    op: { type: 'reference.connect', path: ['start', 0], target: 'voicemail' },
    expected: ivr.replace("digits', params", "digits', onError: voicemail, params"),
  },
  {
    name: 'reference.connect on a fetch adds onError on its own line after the url',
    op: { type: 'reference.connect', path: ['start', 1, 'onError'], target: 'voicemail' },
    expected: ivr.replace(
      '      url: https://example.com/next\n',
      '      url: https://example.com/next\n      onError: voicemail\n',
    ),
  },
  {
    name: 'reference.connect on a goto command',
    op: { type: 'reference.connect', path: ['start', 2], target: 'voicemail' },
    expected: ivr.replace('  - goto: queue\n', '  - goto: voicemail\n'),
  },
  {
    name: 'reference.disconnect on an option removes its goto line and its comment',
    op: { type: 'reference.disconnect', path: ['queue', 0, 'choice', '0'] },
    expected: ivr.replace('        goto: queue   # back to the start\n', ''),
  },
  {
    name: 'reference.disconnect on a flow option removes the goto and its comma',
    op: { type: 'reference.disconnect', path: ['queue', 0, 'choice', '1'] },
    expected: ivr.replace("{name: Voicemail, goto: 'voicemail'}", '{name: Voicemail}'),
  },
  {
    name: 'reference.disconnect on a goto command removes the command',
    op: { type: 'reference.disconnect', path: ['start', 2, 'goto'] },
    expected: ivr.replace('  - goto: queue\n', ''),
  },
]

describe('reference ops point links at sections by rewriting one value or entry', () => {
  it.each(cases)('$name', ({ op, expected }) => {
    expect(applyChecked(ivr, op)).toBe(expected)
  })

  it.each(cases)('$name, in a CRLF file', ({ op, expected }) => {
    expect(applyChecked(crlf(ivr), op)).toBe(crlf(expected))
  })

  it('reference.connect then reference.disconnect of onError gives the text back', () => {
    const connected = applyChecked(ivr, {
      type: 'reference.connect',
      path: ['start', 1],
      target: 'queue',
    })
    expect(applyChecked(connected, { type: 'reference.disconnect', path: ['start', 1] })).toBe(ivr)
  })

  it('reference.connect on an option with neither do nor goto adds a goto line', () => {
    const text = 'online:\n  - choice:\n      1:\n        name: Sales\n'
    expect(
      applyChecked(text, {
        type: 'reference.connect',
        path: ['online', 0, 'choice', '1'],
        target: 'online',
      }),
    ).toBe('online:\n  - choice:\n      1:\n        name: Sales\n        goto: online\n')
  })

  it('reference.connect on an option with both do and goto keeps the goto only', () => {
    const text = 'online:\n  - choice:\n      1:\n        do: [ring]\n        goto: online\n'
    expect(
      applyChecked(text, {
        type: 'reference.connect',
        path: ['online', 0, 'choice', '1'],
        target: 'online',
      }),
    ).toBe('online:\n  - choice:\n      1:\n        goto: online\n')
  })

  it('reference.connect on a goto without a target writes one', () => {
    expect(
      applyChecked('online:\n  - goto:\n', {
        type: 'reference.connect',
        path: ['online', 0],
        target: 'online',
      }),
    ).toBe('online:\n  - goto: online\n')
    expect(
      applyChecked('online:\n  - goto\n', {
        type: 'reference.connect',
        path: ['online', 0],
        target: 'online',
      }),
    ).toBe('online:\n  - goto: online\n')
  })

  it('reference.disconnect of the only key of an option leaves {} for the diagnostic to report', () => {
    const text = 'online:\n  - choice:\n      1:\n        goto: online\n'
    const out = applyChecked(text, {
      type: 'reference.disconnect',
      path: ['online', 0, 'choice', '1'],
    })
    expect(out).toBe('online:\n  - choice:\n      1: {}\n')
    expect(checkIvr(out).diagnostics.map((d) => d.code)).toContain('choice-option-action')
  })

  it('refuses targets that are no section, paths that hold no link, and links that are not there', () => {
    expect(
      refusal(ivr, { type: 'reference.connect', path: ['start', 2], target: 'nowhere' }),
    ).toEqual({
      error: 'op.error.no-such-section',
      args: { name: 'nowhere' },
    })
    expect(
      refusal(ivr, { type: 'reference.connect', path: ['queue', 1], target: 'start' }),
    ).toEqual({
      error: 'op.error.not-a-reference',
    })
    expect(
      refusal(ivr, { type: 'reference.disconnect', path: ['queue', 0, 'choice', '2'] }),
    ).toEqual({
      error: 'op.error.no-link',
    })
    expect(refusal(ivr, { type: 'reference.disconnect', path: ['start', 1] })).toEqual({
      error: 'op.error.no-link',
    })
  })
})

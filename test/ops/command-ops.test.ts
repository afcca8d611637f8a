import { describe, expect, it } from 'vitest'
import { applyOp } from '../../src/ops/apply-op.ts'
import type { IvrOp } from '../../src/ops/op.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'
import { applyChecked, refusal } from './helpers.ts'

const crlf = (text: string) => text.replace(/\n/g, '\r\n')

const ivr = dedent`
  online:
    # Welcome
    - play: "https://example.com/hello.mp3"   # greeting
    - choice:
        1:
          name: Sales
          do:
            - play: https://example.com/sales.mp3
            - ring
          # more later
        2: {name: Back, do: [ring, voicemail]}

    - ring
  offline: [voicemail]
  queue: []   # nothing yet
  transfer:
    - transfer:
        to: "42"
        if:
          offline:
            - voicemail
`

const welcome = '  # Welcome\n  - play: "https://example.com/hello.mp3"   # greeting\n'
const choice = ivr.slice(ivr.indexOf('  - choice:'), ivr.indexOf('\n\n') + 1)

const cases: { name: string; op: IvrOp; expected: string }[] = [
  {
    name: 'command.add inserts before the comment of the command it lands before',
    op: {
      type: 'command.add',
      list: ['online'],
      index: 0,
      command: { play: 'https://example.com/first.mp3' },
    },
    expected: ivr.replace(welcome, `  - play: https://example.com/first.mp3\n${welcome}`),
  },
  {
    name: 'command.add at the end of a list goes after its last command',
    op: { type: 'command.add', list: ['online'], index: 3, command: 'voicemail' },
    expected: ivr.replace('\n  - ring\n', '\n  - ring\n  - voicemail\n'),
  },
  {
    name: 'command.add into a do list keeps the comment that closes the option below it',
    op: {
      type: 'command.add',
      list: ['online', 1, 'choice', '1', 'do'],
      index: 2,
      command: { goto: 'queue' },
    },
    expected: ivr.replace('          - ring\n', '          - ring\n          - goto: queue\n'),
  },
  {
    name: 'command.add into a flow list writes flow style, quoting what flow style needs',
    op: {
      type: 'command.add',
      list: ['online', 1, 'choice', '2', 'do'],
      index: 0,
      command: { play: 'https://example.com/x,y.mp3' },
    },
    expected: ivr.replace(
      'do: [ring, voicemail]',
      'do: [{play: "https://example.com/x,y.mp3"}, ring, voicemail]',
    ),
  },
  {
    name: 'command.add into an empty [] writes a block list, keeping the comment on the key line',
    op: {
      type: 'command.add',
      list: ['queue'],
      index: 0,
      command: { choice: { 1: { name: 'Wait', goto: 'queue' } } },
    },
    expected: ivr.replace(
      'queue: []   # nothing yet\n',
      'queue:   # nothing yet\n  - choice:\n      1:\n        name: Wait\n        goto: queue\n',
    ),
  },
  {
    name: 'command.add at the end of a flow list',
    op: { type: 'command.add', list: ['offline'], index: 1, command: 'callback' },
    expected: ivr.replace('[voicemail]', '[voicemail, callback]'),
  },
  {
    name: 'command.add into a transfer branch',
    op: {
      type: 'command.add',
      list: ['transfer', 0, 'transfer', 'if', 'offline'],
      index: 0,
      command: { play: 'https://example.com/closed.mp3' },
    },
    expected: ivr.replace(
      '          - voicemail\n',
      '          - play: https://example.com/closed.mp3\n          - voicemail\n',
    ),
  },
  {
    name: 'command.delete takes the comment above the command and its trailing comment',
    op: { type: 'command.delete', path: ['online', 0] },
    expected: ivr.replace(welcome, ''),
  },
  {
    name: 'command.delete of the last command takes the blank line before it',
    op: { type: 'command.delete', path: ['online', 2] },
    expected: ivr.replace('\n\n  - ring\n', '\n'),
  },
  {
    name: 'command.delete in a flow list takes the comma with it',
    op: { type: 'command.delete', path: ['online', 1, 'choice', '2', 'do', 0] },
    expected: ivr.replace('[ring, voicemail]', '[voicemail]'),
  },
  {
    name: 'command.delete of the only command of a block list leaves []',
    op: { type: 'command.delete', path: ['transfer', 0, 'transfer', 'if', 'offline', 0] },
    expected: ivr.replace('offline:\n          - voicemail\n', 'offline: []\n'),
  },
  {
    name: 'command.delete of the only command of a flow list leaves []',
    op: { type: 'command.delete', path: ['offline', 0] },
    expected: ivr.replace('offline: [voicemail]', 'offline: []'),
  },
  {
    name: 'command.duplicate copies the command with its comments right after it',
    op: { type: 'command.duplicate', path: ['online', 0] },
    expected: ivr.replace(welcome, welcome + welcome),
  },
  {
    name: 'command.duplicate in a flow list',
    op: { type: 'command.duplicate', path: ['online', 1, 'choice', '2', 'do', 1] },
    expected: ivr.replace('[ring, voicemail]', '[ring, voicemail, voicemail]'),
  },
  {
    name: 'command.move down its own list takes its comments along',
    op: { type: 'command.move', path: ['online', 0], list: ['online'], index: 3 },
    expected: ivr.replace(welcome, '').replace('\n  - ring\n', `\n  - ring\n${welcome}`),
  },
  {
    name: 'command.move up its own list',
    op: { type: 'command.move', path: ['online', 2], list: ['online'], index: 0 },
    expected: ivr.replace(welcome, `  - ring\n${welcome}`).replace('\n\n  - ring\n', '\n'),
  },
  {
    name: 'command.move into an empty [] of another section',
    op: { type: 'command.move', path: ['online', 0], list: ['queue'], index: 0 },
    expected: ivr
      .replace(welcome, '')
      .replace('queue: []   # nothing yet\n', `queue:   # nothing yet\n${welcome}`),
  },
  {
    name: 'command.move out of a do list re-indents the command',
    op: {
      type: 'command.move',
      path: ['online', 1, 'choice', '1', 'do', 0],
      list: ['online'],
      index: 3,
    },
    expected: ivr
      .replace('          - play: https://example.com/sales.mp3\n', '')
      .replace('\n  - ring\n', '\n  - ring\n  - play: https://example.com/sales.mp3\n'),
  },
  {
    name: 'command.move from a block list into a flow list writes the command in flow style',
    op: {
      type: 'command.move',
      path: ['online', 1, 'choice', '1', 'do', 0],
      list: ['online', 1, 'choice', '2', 'do'],
      index: 1,
    },
    expected: ivr
      .replace('          - play: https://example.com/sales.mp3\n', '')
      .replace('[ring, voicemail]', '[ring, {play: https://example.com/sales.mp3}, voicemail]'),
  },
  {
    name: 'command.move from a flow list into a block list',
    op: { type: 'command.move', path: ['offline', 0], list: ['online'], index: 1 },
    expected: ivr.replace(welcome, `${welcome}  - voicemail\n`).replace('[voicemail]', '[]'),
  },
  {
    name: 'command.move of the only command of a block list into a flow list leaves []',
    op: {
      type: 'command.move',
      path: ['transfer', 0, 'transfer', 'if', 'offline', 0],
      list: ['offline'],
      index: 0,
    },
    expected: ivr
      .replace('[voicemail]', '[voicemail, voicemail]')
      .replace('offline:\n          - voicemail\n', 'offline: []\n'),
  },
]

describe('command ops rewrite only the lines of the commands they touch', () => {
  it('the fixture has the parts the cases rely on', () => {
    expect(choice.startsWith('  - choice:') && choice.endsWith('voicemail]}\n')).toBe(true)
  })

  it.each(cases)('$name', ({ op, expected }) => {
    expect(applyChecked(ivr, op)).toBe(expected)
  })

  it.each(cases)('$name, in a CRLF file', ({ op, expected }) => {
    expect(applyChecked(crlf(ivr), op)).toBe(crlf(expected))
  })

  it('command.move to where the command already is changes nothing', () => {
    expect(
      applyChecked(ivr, { type: 'command.move', path: ['online', 1], list: ['online'], index: 1 }),
    ).toBe(ivr)
    expect(
      applyChecked(ivr, { type: 'command.move', path: ['online', 1], list: ['online'], index: 2 }),
    ).toBe(ivr)
  })

  it('reports where the command went, for the views to select it', () => {
    const parsed = parseIvr(ivr)
    const moved = applyOp(parsed, {
      type: 'command.move',
      path: ['online', 0],
      list: ['online', 1, 'choice', '2', 'do'],
      index: 0,
    })
    expect(moved.ok && moved.select).toEqual(['online', 0, 'choice', '2', 'do', 0])
    const down = applyOp(parsed, {
      type: 'command.move',
      path: ['online', 0],
      list: ['online'],
      index: 3,
    })
    expect(down.ok && down.select).toEqual(['online', 2])
    const added = applyOp(parsed, {
      type: 'command.add',
      list: ['queue'],
      index: 0,
      command: 'ring',
    })
    expect(added.ok && added.select).toEqual(['queue', 0])
    const deleted = applyOp(parsed, { type: 'command.delete', path: ['queue', 0] })
    expect(deleted.ok).toBe(false)
  })

  it('command.move refuses to move a command into itself', () => {
    expect(
      refusal(ivr, {
        type: 'command.move',
        path: ['online', 1],
        list: ['online', 1, 'choice', '1', 'do'],
        index: 0,
      }),
    ).toEqual({ error: 'op.error.into-itself' })
  })

  it('command ops refuse lists and commands that are not there', () => {
    expect(
      refusal(ivr, { type: 'command.add', list: ['nowhere'], index: 0, command: 'ring' }),
    ).toEqual({
      error: 'op.error.not-found',
    })
    expect(
      refusal(ivr, { type: 'command.add', list: ['online'], index: 9, command: 'ring' }),
    ).toEqual({
      error: 'op.error.not-found',
    })
    expect(
      refusal(ivr, {
        type: 'command.add',
        list: ['online', 1, 'choice'],
        index: 0,
        command: 'ring',
      }),
    ).toEqual({
      error: 'op.error.not-found',
    })
    expect(refusal(ivr, { type: 'command.delete', path: ['online', 7] })).toEqual({
      error: 'op.error.not-found',
    })
    expect(refusal(ivr, { type: 'command.duplicate', path: ['online'] })).toEqual({
      error: 'op.error.not-found',
    })
  })

  it('command.add writes a multi-line value as a block scalar indented under its command', () => {
    const text = 'online:\n  - ring\n'
    expect(
      applyChecked(text, { type: 'command.add', list: ['online'], index: 0, command: 'a\nb' }),
    ).toBe('online:\n  - |-\n    a\n    b\n  - ring\n')
  })

  it('command.add to a section at the end of a file without a final line break', () => {
    expect(
      applyChecked('queue: []', {
        type: 'command.add',
        list: ['queue'],
        index: 0,
        command: 'ring',
      }),
    ).toBe('queue:\n  - ring\n')
    expect(
      applyChecked('queue:\n  - ring', {
        type: 'command.add',
        list: ['queue'],
        index: 1,
        command: 'voicemail',
      }),
    ).toBe('queue:\n  - ring\n  - voicemail\n')
  })

  it('command.delete and command.move keep a command that shares a line with others in place', () => {
    const text = 'online: [ring, {play: "https://example.com/a.mp3"}]\nqueue:\n  - ring\n'
    expect(
      applyChecked(text, { type: 'command.move', path: ['online', 1], list: ['queue'], index: 1 }),
    ).toBe('online: [ring]\nqueue:\n  - ring\n  - {play: "https://example.com/a.mp3"}\n')
  })

  it('command.add into a list written with the items at the key column', () => {
    const text = 'online:\n- ring\n'
    expect(
      applyChecked(text, {
        type: 'command.add',
        list: ['online'],
        index: 0,
        command: { goto: 'x' },
      }),
    ).toBe('online:\n- goto: x\n- ring\n')
  })
})

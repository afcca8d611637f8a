import { describe, expect, it } from 'vitest'
import type { IvrOp } from '../../src/ops/op.ts'
import { dedent } from '../helpers/dedent.ts'
import { applyChecked, refusal } from './helpers.ts'

const crlf = (text: string) => text.replace(/\n/g, '\r\n')

const ivr = dedent`
  # yaml-language-server: $schema=./schemas/ivr.schema.json
  online:
    - play: 'https://example.com/hello.mp3'   # greeting
    - goto: menu

  # The main menu
  menu:
    - choice:
        1: {name: Sales, goto: sales}
        2:
          name: Again
          goto: "menu"
    - goto: menu   # again

  offline: [voicemail]
  queue:   
    - ring
  sales:
    - fetch:
        url: https://example.com/next
        onError: menu
`

const cases: { name: string; op: IvrOp; expected: string }[] = [
  {
    name: 'section.delete takes the comment above the section and one of the blank lines around it',
    op: { type: 'section.delete', name: 'menu' },
    expected: dedent`
      # yaml-language-server: $schema=./schemas/ivr.schema.json
      online:
        - play: 'https://example.com/hello.mp3'   # greeting
        - goto: menu

      offline: [voicemail]
      queue:   
        - ring
      sales:
        - fetch:
            url: https://example.com/next
            onError: menu
    `,
  },
  {
    name: 'section.delete leaves the file header of the first section in place',
    op: { type: 'section.delete', name: 'online' },
    expected: dedent`
      # yaml-language-server: $schema=./schemas/ivr.schema.json
      # The main menu
      menu:
        - choice:
            1: {name: Sales, goto: sales}
            2:
              name: Again
              goto: "menu"
        - goto: menu   # again

      offline: [voicemail]
      queue:   
        - ring
      sales:
        - fetch:
            url: https://example.com/next
            onError: menu
    `,
  },
  {
    name: 'section.delete removes the last section and nothing else',
    op: { type: 'section.delete', name: 'sales' },
    expected: ivr.slice(0, ivr.indexOf('sales:\n')),
  },
  {
    name: 'section.rename renames the key and every goto and onError, each keeping its quotes',
    op: { type: 'section.rename', name: 'menu', to: 'main' },
    expected: dedent`
      # yaml-language-server: $schema=./schemas/ivr.schema.json
      online:
        - play: 'https://example.com/hello.mp3'   # greeting
        - goto: main

      # The main menu
      main:
        - choice:
            1: {name: Sales, goto: sales}
            2:
              name: Again
              goto: "main"
        - goto: main   # again

      offline: [voicemail]
      queue:   
        - ring
      sales:
        - fetch:
            url: https://example.com/next
            onError: main
    `,
  },
  {
    name: 'section.rename quotes a name YAML would read as a number, in the key and in gotos',
    op: { type: 'section.rename', name: 'sales', to: '7' },
    expected: ivr.replace('goto: sales}', 'goto: "7"}').replace('sales:\n', '"7":\n'),
  },
  {
    name: 'section.duplicate copies the section with its comment after it, self-references naming the copy',
    op: { type: 'section.duplicate', name: 'menu' },
    expected: dedent`
      # yaml-language-server: $schema=./schemas/ivr.schema.json
      online:
        - play: 'https://example.com/hello.mp3'   # greeting
        - goto: menu

      # The main menu
      menu:
        - choice:
            1: {name: Sales, goto: sales}
            2:
              name: Again
              goto: "menu"
        - goto: menu   # again

      # The main menu
      menu_2:
        - choice:
            1: {name: Sales, goto: sales}
            2:
              name: Again
              goto: "menu_2"
        - goto: menu_2   # again

      offline: [voicemail]
      queue:   
        - ring
      sales:
        - fetch:
            url: https://example.com/next
            onError: menu
    `,
  },
  {
    name: 'section.duplicate uses the given name and keeps trailing spaces of the key line',
    op: { type: 'section.duplicate', name: 'queue', to: 'waiting' },
    expected: ivr.replace('queue:   \n  - ring\n', 'queue:   \n  - ring\nwaiting:   \n  - ring\n'),
  },
  {
    name: 'section.move puts a section first, after the file header, separated as the others are',
    op: { type: 'section.move', name: 'sales', before: 'online' },
    expected: dedent`
      # yaml-language-server: $schema=./schemas/ivr.schema.json
      sales:
        - fetch:
            url: https://example.com/next
            onError: menu

      online:
        - play: 'https://example.com/hello.mp3'   # greeting
        - goto: menu

      # The main menu
      menu:
        - choice:
            1: {name: Sales, goto: sales}
            2:
              name: Again
              goto: "menu"
        - goto: menu   # again

      offline: [voicemail]
      queue:   
        - ring
    `,
  },
  {
    name: 'section.move to the end takes the section with its comment',
    op: { type: 'section.move', name: 'menu', before: null },
    expected: dedent`
      # yaml-language-server: $schema=./schemas/ivr.schema.json
      online:
        - play: 'https://example.com/hello.mp3'   # greeting
        - goto: menu

      offline: [voicemail]
      queue:   
        - ring
      sales:
        - fetch:
            url: https://example.com/next
            onError: menu
      # The main menu
      menu:
        - choice:
            1: {name: Sales, goto: sales}
            2:
              name: Again
              goto: "menu"
        - goto: menu   # again
    `,
  },
  {
    name: 'section.add writes the commands after the given section, indented like the others',
    op: {
      type: 'section.add',
      name: 'hours',
      after: 'online',
      commands: [{ play: 'https://example.com/hours.mp3' }, { goto: 'menu' }],
    },
    expected: ivr.replace(
      '  - goto: menu\n\n',
      '  - goto: menu\n\nhours:\n  - play: https://example.com/hours.mp3\n  - goto: menu\n\n',
    ),
  },
  {
    name: 'section.add without commands writes an empty list',
    op: { type: 'section.add', name: 'closed', after: 'queue' },
    expected: ivr.replace('  - ring\n', '  - ring\nclosed: []\n'),
  },
]

describe('section ops rewrite only the lines of the sections they touch', () => {
  it.each(cases)('$name', ({ op, expected }) => {
    expect(applyChecked(ivr, op)).toBe(expected)
  })

  it.each(cases)('$name, in a CRLF file', ({ op, expected }) => {
    expect(applyChecked(crlf(ivr), op)).toBe(crlf(expected))
  })

  it('section.move to where the section already is changes nothing', () => {
    expect(applyChecked(ivr, { type: 'section.move', name: 'menu', before: 'offline' })).toBe(ivr)
    expect(applyChecked(ivr, { type: 'section.move', name: 'sales', before: null })).toBe(ivr)
  })

  it('section.duplicate counts on from a copy: menu_2 gives menu_3', () => {
    const text = 'menu: [ring]\nmenu_2: [ring]\n'
    expect(applyChecked(text, { type: 'section.duplicate', name: 'menu_2' })).toBe(
      text + 'menu_3: [ring]\n',
    )
  })

  it('section.delete of the only section leaves an empty document that sections can be added to', () => {
    const text = '# Support line\nonline:\n  - ring\n'
    const empty = applyChecked(text, { type: 'section.delete', name: 'online' })
    expect(empty).toBe('# Support line\n')
    expect(applyChecked(empty, { type: 'section.add', name: 'queue' })).toBe(
      '# Support line\nqueue: []\n',
    )
  })

  it('section.add on an empty text starts the document', () => {
    expect(applyChecked('', { type: 'section.add', name: 'online' })).toBe('online:\n  - ring\n')
  })

  it('section.add follows a document indented by four', () => {
    const text = 'online:\n    - ring\n'
    const op: IvrOp = {
      type: 'section.add',
      name: 'menu',
      commands: [{ choice: { 1: { goto: 'online' } } }],
    }
    expect(applyChecked(text, op)).toBe(
      text + 'menu:\n    - choice:\n          1:\n              goto: online\n',
    )
  })

  it('section.add follows a document whose lists are not indented', () => {
    const text = 'online:\n- ring\n'
    const op: IvrOp = {
      type: 'section.add',
      name: 'menu',
      commands: [{ choice: { '#': { do: ['ring'] } } }],
    }
    expect(applyChecked(text, op)).toBe(
      text + 'menu:\n- choice:\n    "#":\n      do:\n      - ring\n',
    )
  })

  it('section.rename and section.duplicate keep quoted section names quoted', () => {
    const text = "'menu':\n  - goto: 'menu'\n"
    expect(applyChecked(text, { type: 'section.rename', name: 'menu', to: 'main' })).toBe(
      "'main':\n  - goto: 'main'\n",
    )
    expect(applyChecked(text, { type: 'section.duplicate', name: 'menu' })).toBe(
      text + "'menu_2':\n  - goto: 'menu_2'\n",
    )
  })

  it('refuses names that are taken, blank, or span lines, and sections that are not there', () => {
    expect(refusal(ivr, { type: 'section.rename', name: 'menu', to: 'sales' })).toEqual({
      error: 'op.error.section-exists',
      args: { name: 'sales' },
    })
    expect(refusal(ivr, { type: 'section.rename', name: 'menu', to: ' ' })).toEqual({
      error: 'op.error.invalid-name',
    })
    expect(refusal(ivr, { type: 'section.add', name: 'a\nb' })).toEqual({
      error: 'op.error.invalid-name',
    })
    expect(refusal(ivr, { type: 'section.duplicate', name: 'menu', to: 'online' })).toEqual({
      error: 'op.error.section-exists',
      args: { name: 'online' },
    })
    expect(refusal(ivr, { type: 'section.delete', name: 'nowhere' })).toEqual({
      error: 'op.error.not-found',
    })
    expect(refusal(ivr, { type: 'section.move', name: 'menu', before: 'nowhere' })).toEqual({
      error: 'op.error.no-such-section',
      args: { name: 'nowhere' },
    })
    expect(refusal(ivr, { type: 'section.add', name: 'x', after: 'nowhere' })).toEqual({
      error: 'op.error.no-such-section',
      args: { name: 'nowhere' },
    })
  })

  it('refuses a name that an invalid section already uses', () => {
    const text = 'online: [ring]\n42: [ring]\n'
    expect(refusal(text, { type: 'section.rename', name: 'online', to: '42' })).toEqual({
      error: 'op.error.section-exists',
      args: { name: '42' },
    })
  })

  it('refuses to cut sections that share text through anchors', () => {
    const text = 'online: &a [ring]\nqueue: *a\n'
    expect(refusal(text, { type: 'section.delete', name: 'queue' })).toEqual({
      error: 'op.error.layout',
    })
  })

  it('refuses section ops on a document written as one flow mapping', () => {
    expect(
      refusal('{online: [ring], queue: [ring]}\n', { type: 'section.delete', name: 'queue' }),
    ).toEqual({
      error: 'op.error.layout',
    })
  })
})

import { describe, expect, it } from 'vitest'
import { copyCommands, copySections } from '../../src/ops/copy.ts'
import type { IvrOp } from '../../src/ops/op.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'
import { applyChecked, refusal } from './helpers.ts'

const ivr = dedent`
  online:
    - ring

  offline: [voicemail]
  menu:
    - goto: online
`

const paste = (fragment: string, target: Extract<IvrOp, { type: 'paste' }>['target']): IvrOp => ({
  type: 'paste',
  fragment,
  target,
})

describe('paste', () => {
  it('pastes sections after the last one under free names, gotos between them following the renames', () => {
    const fragment = dedent`
      # Menu copy
      menu:
        # top
        - goto: menu   # self
        - goto: online
      sub:
        - goto: menu
    `
    expect(applyChecked(ivr, paste(fragment, { sections: true }))).toBe(
      ivr +
        dedent`
          # Menu copy
          menu_2:
            # top
            - goto: menu_2   # self
            - goto: online
          sub:
            - goto: menu_2
        `,
    )
  })

  it('pastes indented CRLF sections into a CRLF file at column 0 with CRLF line breaks', () => {
    const text = ivr.replace(/\n/g, '\r\n')
    expect(
      applyChecked(text, paste('\r\n  extra:\r\n    - ring\r\n\r\n', { sections: true })),
    ).toBe(text + 'extra:\r\n  - ring\r\n')
  })

  it('pastes a block list of commands at the index, re-indented, comments kept', () => {
    const fragment = '    # first\n    - play: https://example.com/a.mp3   # a\n    - voicemail\n'
    expect(applyChecked(ivr, paste(fragment, { list: ['online'], index: 1 }))).toBe(
      ivr.replace(
        '  - ring\n',
        '  - ring\n  # first\n  - play: https://example.com/a.mp3   # a\n  - voicemail\n',
      ),
    )
  })

  it('pastes a flow list of commands into a block list one item a line', () => {
    expect(
      applyChecked(
        ivr,
        paste('[ring, {play: "https://example.com/a,b.mp3"}]', { list: ['online'], index: 0 }),
      ),
    ).toBe(
      ivr.replace('  - ring\n', '  - ring\n  - {play: "https://example.com/a,b.mp3"}\n  - ring\n'),
    )
  })

  it('pastes block commands into a flow list in flow style', () => {
    const fragment = '- play: https://example.com/a.mp3   # a\n- choice:\n    1: {goto: menu}\n'
    expect(applyChecked(ivr, paste(fragment, { list: ['offline'], index: 0 }))).toBe(
      ivr.replace(
        '[voicemail]',
        '[{play: https://example.com/a.mp3}, {choice: {1: {goto: menu}}}, voicemail]',
      ),
    )
  })

  it('pastes one command written without a dash, with the comment above it', () => {
    expect(
      applyChecked(
        ivr,
        paste('# hi\nchoice:\n  1:\n    goto: menu\n', { list: ['menu'], index: 1 }),
      ),
    ).toBe(ivr + '  # hi\n  - choice:\n      1:\n        goto: menu\n')
    expect(applyChecked(ivr, paste('ring', { list: ['menu'], index: 0 }))).toBe(
      ivr.replace('  - goto: online\n', '  - ring\n  - goto: online\n'),
    )
  })

  it('pastes sections into an empty document', () => {
    expect(applyChecked('# New IVR\n', paste('online:\n  - ring\n', { sections: true }))).toBe(
      '# New IVR\nonline:\n  - ring\n',
    )
  })

  it('refuses commands where sections go, sections where commands go, and text that is no YAML', () => {
    expect(refusal(ivr, paste('- ring\n', { sections: true }))).toEqual({
      error: 'op.error.paste-needs-sections',
    })
    expect(refusal(ivr, paste('menu: [ring]\n', { list: ['online'], index: 0 }))).toEqual({
      error: 'op.error.paste-needs-commands',
    })
    expect(refusal(ivr, paste('not: [yaml', { sections: true }))).toEqual({
      error: 'op.error.paste-invalid',
    })
    expect(refusal(ivr, paste('', { list: ['online'], index: 0 }))).toEqual({
      error: 'op.error.paste-invalid',
    })
    expect(refusal(ivr, paste('42: [ring]\n', { sections: true }))).toEqual({
      error: 'op.error.paste-invalid',
    })
  })
})

describe('copy', () => {
  const text = dedent`
    online:
      # Welcome
      - play: https://example.com/hello.mp3   # hi
      - choice: {1: {goto: menu}}

    # The menu
    menu:
      - goto: online
  `

  it('copies sections with their comments, and pasting them back gives copies under free names', () => {
    const fragment = copySections(parseIvr(text), ['menu'])
    expect(fragment).toBe('# The menu\nmenu:\n  - goto: online\n')
    expect(applyChecked(text, paste(fragment!, { sections: true }))).toBe(
      text + '\n# The menu\nmenu_2:\n  - goto: online\n',
    )
  })

  it('copies commands as items at column 0 with their comments', () => {
    expect(
      copyCommands(parseIvr(text), [
        ['online', 0],
        ['online', 1],
      ]),
    ).toBe('# Welcome\n- play: https://example.com/hello.mp3   # hi\n- choice: {1: {goto: menu}}\n')
    expect(copyCommands(parseIvr('a: [ring, {goto: a}]\n'), [['a', 1]])).toBe('- {goto: a}\n')
  })

  it('copies nothing for paths and names that are not there', () => {
    expect(copySections(parseIvr(text), ['nowhere'])).toBeNull()
    expect(copyCommands(parseIvr(text), [['online', 5]])).toBeNull()
  })
})

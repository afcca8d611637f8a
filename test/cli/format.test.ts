import { describe, expect, it } from 'vitest'
import { formatJson, formatText, wantsColor, type FileResult } from '../../src/cli/format.ts'
import { checkIvr } from '../../src/validate/validate-ivr.ts'
import { dedent } from '../helpers/dedent.ts'

const text = dedent`
  online:
    - ring
    - play: https://example.com/never.mp3
  offline:
    - goto: nowhere
  queue: []
`
const results: FileResult[] = [{ file: 'ivr.yaml', diagnostics: checkIvr(text).diagnostics }]

describe('formatText', () => {
  it('paints severities red, yellow and cyan and codes dim when asked for colour', () => {
    expect(formatText(results, { color: true, locale: 'en' })).toBe(
      [
        'ivr.yaml:3:5: \u001b[33mwarning\u001b[39m This "play" never runs: "ring" above it ends the list. Move it up or delete it. \u001b[2m[unreachable-command]\u001b[22m',
        'ivr.yaml:5:11: \u001b[31merror\u001b[39m There is no section "nowhere". Create it or choose an existing section. \u001b[2m[dangling-goto]\u001b[22m',
        'ivr.yaml:6:1: \u001b[33mwarning\u001b[39m Section "queue" has no commands, so a call that reaches it ends at once. \u001b[2m[empty-section]\u001b[22m',
        '1 error, 2 warnings in 1 file.',
        '',
      ].join('\n'),
    )
  })

  it('prints no escape codes without colour', () => {
    expect(formatText(results, { color: false, locale: 'en' })).not.toContain('\u001b')
  })

  it('sums up in the chosen language', () => {
    const clean: FileResult[] = [
      { file: 'a.yaml', diagnostics: [] },
      { file: 'b.yaml', diagnostics: [] },
    ]
    expect(formatText(clean, { color: false, locale: 'en' })).toBe('No problems in 2 files.\n')
    expect(formatText(clean, { color: false, locale: 'ja' })).toBe(
      '2 ファイルに問題はありません。\n',
    )
    expect(formatText(results, { color: false, locale: 'ja' }).split('\n').at(-2)).toBe(
      '1 ファイル中 エラー 1 件、警告 2 件。',
    )
  })
})

describe('formatJson', () => {
  it('keeps every diagnostic field and adds the file first', () => {
    const printed = JSON.parse(formatJson(results)) as Record<string, unknown>[]
    expect(printed).toHaveLength(3)
    expect(Object.keys(printed[0]!)[0]).toBe('file')
    expect(printed[0]).toEqual({
      file: 'ivr.yaml',
      ...JSON.parse(JSON.stringify(results[0]!.diagnostics[0])),
    })
  })
})

describe('wantsColor', () => {
  it('colours a terminal only, and never with NO_COLOR set', () => {
    expect(wantsColor(true, {})).toBe(true)
    expect(wantsColor(false, {})).toBe(false)
    expect(wantsColor(true, { NO_COLOR: '1' })).toBe(false)
    expect(wantsColor(true, { NO_COLOR: '' })).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { applyOp } from '../../src/ops/apply-op.ts'
import type { IvrOp } from '../../src/ops/op.ts'
import { checkIvr } from '../../src/validate/validate-ivr.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'
import { applyChecked } from './helpers.ts'

/** The op's text, checked to undo and redo exactly, and the same on the CRLF copy of `text`. */
function apply(text: string, op: IvrOp): string {
  const out = applyChecked(text, op)
  if (!text.includes('\r')) {
    expect(applyChecked(text.replace(/\n/g, '\r\n'), op)).toBe(out.replace(/\n/g, '\r\n'))
  }
  return out
}

const base = dedent`
  # Support line
  online:
    - play: https://example.com/hello.mp3   # greeting
    - goto: salse
  offline:
    - voicemail
  queue:
    - play: 'https://example.com/wait.mp3'
  sales:
    - ring
`

describe('fix ops rewrite only the bytes they touch', () => {
  it('section.add appends a section indented like the others, keeping every other byte', () => {
    const text = dedent`
      online:
          - ring   # keep me
      offline:
          - voicemail
    `
    expect(apply(text, { type: 'section.add', name: 'queue' })).toBe(text + 'queue: []\n')
  })

  it('section.add gives online a ring and offline a voicemail', () => {
    const text = 'queue:\n  - ring\n'
    expect(apply(text, { type: 'section.add', name: 'offline' })).toBe(
      text + 'offline:\n  - voicemail\n',
    )
  })

  it('section.add adds the missing line break and keeps CRLF line endings', () => {
    const text = 'offline:\r\n  - voicemail\r\nqueue: []'
    expect(apply(text, { type: 'section.add', name: 'online' })).toBe(
      'offline:\r\n  - voicemail\r\nqueue: []\r\nonline:\r\n  - ring\r\n',
    )
  })

  it('section.add quotes a name YAML would read as a number', () => {
    expect(apply('queue: []\n', { type: 'section.add', name: '2' })).toBe('queue: []\n"2": []\n')
  })

  it('section.add refuses a name that exists', () => {
    const result = applyOp(parseIvr(base), { type: 'section.add', name: 'sales' })
    expect(result).toEqual({ ok: false, error: 'op.error.section-exists', args: { name: 'sales' } })
  })

  it('scalar.set replaces a goto target and nothing else', () => {
    const out = apply(base, { type: 'scalar.set', path: ['online', 1, 'goto'], value: 'sales' })
    expect(out).toBe(base.replace('goto: salse', 'goto: sales'))
  })

  it('scalar.set keeps single quotes', () => {
    const out = apply(base, {
      type: 'scalar.set',
      path: ['queue', 0, 'play'],
      value: 'https://example.com/music.mp3',
    })
    expect(out).toBe(
      base.replace("'https://example.com/wait.mp3'", "'https://example.com/music.mp3'"),
    )
  })

  it('scalar.set writes a value with a line break in double quotes on its one line', () => {
    const out = apply(base, {
      type: 'scalar.set',
      path: ['online', 1, 'goto'],
      value: 'two\nlines',
    })
    expect(out).toBe(base.replace('goto: salse', 'goto: "two\\nlines"'))
  })

  it('scalar.set fixes a misspelt bare command word', () => {
    const text = 'online:\n  - rign\noffline: [voicemail]\nqueue: [ring]\n'
    expect(apply(text, { type: 'scalar.set', path: ['online', 0], value: 'ring' })).toBe(
      text.replace('rign', 'ring'),
    )
  })

  it('scalar.set quotes a value with flow indicators inside a flow mapping', () => {
    const text = 'online:\n  - {goto: a}\noffline: [voicemail]\nqueue: [ring]\n'
    expect(apply(text, { type: 'scalar.set', path: ['online', 0, 'goto'], value: 'a,b' })).toBe(
      text.replace('{goto: a}', '{goto: "a,b"}'),
    )
  })

  it('key.rename fixes a misspelt command key', () => {
    const text = 'online:\n  - plya: https://example.com/a.mp3\n'
    expect(apply(text, { type: 'key.rename', path: ['online', 0, 'plya'], name: 'play' })).toBe(
      text.replace('plya', 'play'),
    )
  })

  it('placeholder.quote quotes an unquoted placeholder', () => {
    const text = dedent`
      start:
        - fetch:
            url: https://example.com/next
            params:
              from: {$from_number}   # caller
    `
    expect(
      apply(text, { type: 'placeholder.quote', path: ['start', 0, 'fetch', 'params', 'from'] }),
    ).toBe(text.replace('{$from_number}', '"{$from_number}"'))
  })

  it('refuses a path that names nothing', () => {
    const result = applyOp(parseIvr(base), {
      type: 'scalar.set',
      path: ['online', 7, 'goto'],
      value: 'x',
    })
    expect(result).toEqual({ ok: false, error: 'op.error.not-found' })
  })

  it('refuses to edit text that does not parse', () => {
    const result = applyOp(parseIvr('online: [\n'), { type: 'section.add', name: 'queue' })
    expect(result).toEqual({ ok: false, error: 'op.error.unreadable' })
  })

  it('every fix a diagnostic offers applies and removes that diagnostic', () => {
    const text = dedent`
      online:
        - plya: https://example.com/a.mp3
        - goto: salse
      sales:
        - ring
      start:
        - fetch:
            url: https://example.com/next
            params:
              from: {$from_number}
    `
    const { parsed, diagnostics } = checkIvr(text)
    const fixable = diagnostics.filter((d) => d.fixes.length > 0)
    expect(fixable.map((d) => d.code)).toEqual([
      'missing-section',
      'missing-section',
      'unknown-command',
      'dangling-goto',
      'unquoted-placeholder',
    ])
    for (const d of fixable) {
      const result = applyOp(parsed, d.fixes[0]!.op)
      expect(result.ok).toBe(true)
      if (!result.ok) continue
      const after = checkIvr(result.text).diagnostics
      expect(after.filter((a) => a.code === d.code).length).toBeLessThan(
        diagnostics.filter((b) => b.code === d.code).length,
      )
    }
  })
})

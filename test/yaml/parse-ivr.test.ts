import { describe, expect, it } from 'vitest'
import type { CommandNode, IvrModel, SectionNode } from '../../src/model/ivr.ts'
import type { Span } from '../../src/model/span.ts'
import { toPlainData } from '../../src/model/to-plain-data.ts'
import { checkIvr } from '../../src/validate/validate-ivr.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'
import { brief, briefs } from '../helpers/diagnostics.ts'

/** The text a span covers. */
const slice = (text: string, span: Span | null | undefined) =>
  span ? text.slice(span.start, span.end) : null

function section(model: IvrModel, name: string): SectionNode {
  const found = model.sections.find((s) => s.name === name)
  if (!found) throw new Error(`no section ${name}`)
  return found
}

function command(model: IvrModel, name: string, index: number): CommandNode {
  const found = section(model, name).commands[index]
  if (!found) throw new Error(`no command ${name}[${index}]`)
  return found
}

const menu = dedent`
  # Support line
  online:
    - play: "https://example.com/welcome.mp3"
    - choice:
        1:
          name: Sales
          play: https://example.com/press-1.mp3
          do:
            - transfer:
                to: 42
                if:
                  online:
                    - ring
                  offline:
                    - goto: voicemail
        '#':
          name: Back
          play: https://example.com/hash.mp3
          goto: online
  offline:
    - fetch:
        url: https://example.com/next
        onError: voicemail
        params:
          from: {$from_number}
          ticket: "{$conv_code}"
          code: 007
  queue:
    - voicemail
  voicemail:
    - callback
`

describe('parseIvr', () => {
  it('reads a valid IVR into the data its YAML denotes', () => {
    const parsed = parseIvr(menu)
    expect(parsed.readable).toBe(true)
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.model.invalidSections).toEqual([])
    expect(JSON.parse(JSON.stringify(toPlainData(parsed.model)))).toEqual({
      online: [
        { play: 'https://example.com/welcome.mp3' },
        {
          choice: {
            1: {
              name: 'Sales',
              play: 'https://example.com/press-1.mp3',
              do: [
                {
                  transfer: {
                    to: '42',
                    if: { online: ['ring'], offline: [{ goto: 'voicemail' }] },
                  },
                },
              ],
            },
            '#': { name: 'Back', play: 'https://example.com/hash.mp3', goto: 'online' },
          },
        },
      ],
      offline: [
        {
          fetch: {
            url: 'https://example.com/next',
            onError: 'voicemail',
            params: { from: '{$from_number}', ticket: '{$conv_code}', code: '007' },
          },
        },
      ],
      queue: ['voicemail'],
      voicemail: ['callback'],
    })
  })

  it('gives sections their name span, their whole span and their path', () => {
    const { model } = parseIvr(menu)
    expect(model.sections.map((s) => s.name)).toEqual(['online', 'offline', 'queue', 'voicemail'])
    const online = section(model, 'online')
    expect(online.path).toEqual(['online'])
    expect(slice(menu, online.keySpan)).toBe('online')
    expect(slice(menu, online.span)!.trimEnd()).toBe(
      menu.slice(menu.indexOf('online:'), menu.indexOf('\noffline:')).trimEnd(),
    )
    const voicemail = section(model, 'voicemail')
    expect(slice(menu, voicemail.span)!.trimEnd()).toBe('voicemail:\n  - callback')
  })

  it('gives commands their item, word and value spans and their path', () => {
    const { model } = parseIvr(menu)
    const play = command(model, 'online', 0)
    expect(play.kind).toBe('play')
    expect(play.path).toEqual(['online', 0])
    expect(slice(menu, play.keySpan)).toBe('play')
    expect(slice(menu, play.valueSpan)).toBe('"https://example.com/welcome.mp3"')
    expect(slice(menu, play.span)!.trimEnd()).toBe('play: "https://example.com/welcome.mp3"')

    const queue = command(model, 'queue', 0)
    expect(queue).toMatchObject({ kind: 'voicemail', path: ['queue', 0], valueSpan: null })
    expect(slice(menu, queue.keySpan)).toBe('voicemail')
    expect(queue.span).toEqual(queue.keySpan)
  })

  it('reads scalars with their value, exact span and quote style', () => {
    const { model } = parseIvr(menu)
    const play = command(model, 'online', 0)
    if (play.kind !== 'play') throw new Error('expected play')
    expect(play.url).toMatchObject({ value: 'https://example.com/welcome.mp3', style: 'double' })
    expect(slice(menu, play.url!.span)).toBe('"https://example.com/welcome.mp3"')

    const text = "online:\n  - goto: 'it''s'\n  - play: plain\n"
    const parsed = parseIvr(text)
    const goto = command(parsed.model, 'online', 0)
    if (goto.kind !== 'goto') throw new Error('expected goto')
    expect(goto.target).toMatchObject({ value: "it's", style: 'single', inFlow: false })
    expect(slice(text, goto.target!.span)).toBe("'it''s'")
  })

  it('reads choice options with their keys as written and their fields', () => {
    const { model } = parseIvr(menu)
    const choice = command(model, 'online', 1)
    if (choice.kind !== 'choice') throw new Error('expected choice')
    expect(choice.options.map((o) => [o.key, o.path, slice(menu, o.keySpan)])).toEqual([
      ['1', ['online', 1, 'choice', '1'], '1'],
      ['#', ['online', 1, 'choice', '#'], "'#'"],
    ])
    const [sales, back] = choice.options
    expect(sales).toMatchObject({ isMapping: true, hasPlay: true, hasDo: true, hasGoto: false })
    expect(slice(menu, sales!.name!.span)).toBe('Sales')
    expect(sales!.do!.map((c) => [c.kind, c.path])).toEqual([
      ['transfer', ['online', 1, 'choice', '1', 'do', 0]],
    ])
    expect(back).toMatchObject({ hasPlay: true, hasDo: false, hasGoto: true, do: null })
    expect(slice(menu, back!.goto!.span)).toBe('online')
  })

  it('reads transfer branches with their state, path and commands', () => {
    const { model } = parseIvr(menu)
    const choice = command(model, 'online', 1)
    if (choice.kind !== 'choice') throw new Error('expected choice')
    const transfer = choice.options[0]!.do![0]!
    if (transfer.kind !== 'transfer') throw new Error('expected transfer')
    expect(transfer.to).toMatchObject({ value: '42' })
    expect(
      transfer.branches.map((b) => [b.state, b.path, slice(menu, b.keySpan), b.commands.length]),
    ).toEqual([
      ['online', ['online', 1, 'choice', '1', 'do', 0, 'transfer', 'if', 'online'], 'online', 1],
      ['offline', ['online', 1, 'choice', '1', 'do', 0, 'transfer', 'if', 'offline'], 'offline', 1],
    ])
    expect(transfer.branches[1]!.commands[0]!.path).toEqual([
      ...['online', 1, 'choice', '1', 'do', 0, 'transfer', 'if', 'offline', 0],
    ])
  })

  it('reads fetch params as the phone system sends them', () => {
    const { model } = parseIvr(menu)
    const fetch = command(model, 'offline', 0)
    if (fetch.kind !== 'fetch') throw new Error('expected fetch')
    expect(slice(menu, fetch.url!.span)).toBe('https://example.com/next')
    expect(slice(menu, fetch.onError!.span)).toBe('voicemail')
    expect(
      fetch.params.map((p) => [p.name, p.value, p.unquotedPlaceholder, slice(menu, p.valueSpan)]),
    ).toEqual([
      ['from', '{$from_number}', true, '{$from_number}'],
      ['ticket', '{$conv_code}', false, '"{$conv_code}"'],
      ['code', '007', false, '007'],
    ])
    expect(fetch.params[0]!.path).toEqual(['offline', 0, 'fetch', 'params', 'from'])
  })

  it('reads a flow-style IVR with the same data', () => {
    const text =
      '{online: [ring, {play: "https://example.com/a.mp3"}], offline: [voicemail], queue: [ring]}\n'
    const parsed = parseIvr(text)
    expect(parsed.diagnostics).toEqual([])
    expect(JSON.parse(JSON.stringify(toPlainData(parsed.model)))).toEqual({
      online: ['ring', { play: 'https://example.com/a.mp3' }],
      offline: ['voicemail'],
      queue: ['ring'],
    })
    const play = command(parsed.model, 'online', 1)
    if (play.kind !== 'play') throw new Error('expected play')
    expect(play.url!.inFlow).toBe(true)
  })
})

describe('partial models', () => {
  const text = dedent`
    online:
      - play: https://example.com/welcome.mp3
      - 42
      - plya: https://example.com/oops.mp3
      - goto: [a, b]
      - ring
    offline:
      - voicemail
    queue:
      - ring
  `

  it('turn each bad command into one diagnostic', () => {
    expect(briefs(text)).toEqual([
      '3:5-3:7 error invalid-command',
      '4:5-4:9 error unknown-command',
      '5:11-5:17 error invalid-command',
      '6:5-6:9 warning unreachable-command',
    ])
  })

  it('keep every command in the model at its source index', () => {
    const { model } = parseIvr(text)
    expect(section(model, 'online').commands.map((c) => [c.kind, c.path])).toEqual([
      ['play', ['online', 0]],
      ['malformed', ['online', 1]],
      ['unknown', ['online', 2]],
      ['goto', ['online', 3]],
      ['ring', ['online', 4]],
    ])
    expect(model.sections.map((s) => s.name)).toEqual(['online', 'offline', 'queue'])
  })

  it('keep the sections around an invalid one', () => {
    const { model } = parseIvr('online:\n  - ring\n7:\n  - ring\nhours: 9-17\nqueue:\n  - ring\n')
    expect(model.sections.map((s) => s.name)).toEqual(['online', 'queue'])
    expect(model.invalidSections.map((s) => [s.name, s.reason, s.what])).toEqual([
      ['7', 'name-not-text', 'what.number'],
      ['hours', 'not-a-list', 'what.text'],
    ])
  })

  it('keep the last of two sections with the same name, as YAML does', () => {
    const { model } = parseIvr('online:\n  - ring\nqueue:\n  - ring\nonline:\n  - voicemail\n')
    expect(model.sections.map((s) => [s.name, s.commands[0]!.kind])).toEqual([
      ['queue', 'ring'],
      ['online', 'voicemail'],
    ])
  })
})

describe('text that cannot be read', () => {
  it('gives no model and is not readable on a syntax error', () => {
    const parsed = parseIvr('online:\n  - ring\n offline: x\n')
    expect(parsed.readable).toBe(false)
    expect(parsed.model).toEqual({ sections: [], invalidSections: [] })
    expect(parsed.diagnostics.map(brief)).toEqual(['3:1-3:2 error yaml-syntax'])
  })

  it('counts the lines of broken YAML from the text, not from the parser', () => {
    // The parser's own line counter skips the break before `  - voicemail` here.
    expect(briefs('  :\noffline\n  - voicemail\n')).toEqual(['2:1-3:14 error yaml-syntax'])
  })

  it('keeps an error at the end of the input inside the text', () => {
    expect(checkIvr('"').diagnostics.map((d) => [brief(d), d.span])).toEqual([
      ['1:2-1:2 error yaml-syntax', { start: 1, end: 1 }],
    ])
    expect(briefs('online: [')).toEqual(['1:10-1:10 error yaml-syntax'])
  })

  it('passes the reading diagnostics through validateIvr unchanged', () => {
    const text = 'online:\n\t- ring\n'
    expect(checkIvr(text).diagnostics).toEqual(parseIvr(text).diagnostics)
  })

  it('keeps the text it was given', () => {
    const text = '[not, an, ivr]\n'
    expect(parseIvr(text).text).toBe(text)
  })
})

describe('line breaks and byte order marks', () => {
  const lf = dedent`
    online:
      - goto: nowhere
      - plya: x
    offline:
      - callback
    queue: []
    1:
      - ring
  `

  it('give the same lines and columns with CRLF as with LF', () => {
    const crlf = lf.replace(/\n/g, '\r\n')
    const expected = briefs(lf)
    expect(expected).toEqual([
      '2:11-2:18 error dangling-goto',
      '3:5-3:9 error unknown-command',
      '3:5-3:9 warning unreachable-command',
      '5:5-5:13 error callback-in-offline',
      '6:1-6:6 warning empty-section',
      '7:1-7:2 error invalid-section',
    ])
    expect(briefs(crlf)).toEqual(expected)
  })

  it('give spans on the same tokens with CRLF as with LF', () => {
    const crlf = lf.replace(/\n/g, '\r\n')
    const tokens = (text: string) => checkIvr(text).diagnostics.map((d) => slice(text, d.span))
    expect(tokens(crlf)).toEqual(tokens(lf))
  })

  it('keep a model with CRLF that equals the LF one', () => {
    const text = menu.replace(/\n/g, '\r\n')
    const parsed = parseIvr(text)
    expect(parsed.diagnostics).toEqual([])
    expect(toPlainData(parsed.model)).toEqual(toPlainData(parseIvr(menu).model))
  })

  it('read past a byte order mark, which counts as a column of the first line', () => {
    const text = `\uFEFF${lf}`
    expect(toPlainData(parseIvr(text).model)).toEqual(toPlainData(parseIvr(lf).model))
    expect(briefs(text)).toEqual(briefs(lf))
    const withStart = '\uFEFFstart:\n  - ring\n'
    expect(briefs(withStart)).toEqual([
      '1:1-1:8 error missing-section',
      '1:1-1:8 error missing-section',
      '1:1-1:8 warning missing-section',
    ])
    expect(slice(withStart, parseIvr(withStart).model.sections[0]!.keySpan)).toBe('start')
  })
})

describe('sections named like JavaScript object internals', () => {
  const text = dedent`
    online:
      - goto: __proto__
    offline:
      - goto: constructor
    queue:
      - choice:
          1:
            play: https://example.com/one.mp3
            goto: hasOwnProperty
    __proto__:
      - ring
    constructor:
      - voicemail
    hasOwnProperty: []
    toString:
      - goto: __proto_
  `

  it('are ordinary sections in the model', () => {
    const { model } = parseIvr(text)
    expect(model.sections.map((s) => s.name)).toEqual([
      'online',
      'offline',
      'queue',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'toString',
    ])
    expect(section(model, '__proto__').commands.map((c) => c.kind)).toEqual(['ring'])
  })

  it('resolve as goto targets and appear in diagnostics by name', () => {
    const { diagnostics } = checkIvr(text)
    expect(diagnostics.map((d) => [brief(d), d.path, d.args])).toEqual([
      ['14:1-14:15 warning empty-section', ['hasOwnProperty'], { name: 'hasOwnProperty' }],
      ['15:1-15:9 warning unreachable-section', ['toString'], { name: 'toString' }],
      [
        '16:11-16:19 error dangling-goto',
        ['toString', 0, 'goto'],
        { target: '__proto_', suggestion: '__proto__' },
      ],
    ])
  })

  it('survive as own keys of the document data', () => {
    const document = toPlainData(parseIvr(text).model)
    expect(Object.keys(document)).toContain('__proto__')
    expect(Object.hasOwn(document, 'constructor')).toBe(true)
    expect(document['__proto__']).toEqual(['ring'])
    expect(document['constructor']).toEqual(['voicemail'])
    expect(Object.getPrototypeOf(document)).toBe(null)
  })

  it('work as choice keys and param names too', () => {
    const withParams = dedent`
      start:
        - fetch:
            url: https://example.com/next
            params:
              __proto__: "{$from_number}"
              constructor: x
    `
    const document = toPlainData(parseIvr(withParams).model)
    const start = document['start']![0] as { fetch: { params: Record<string, string> } }
    expect(Object.keys(start.fetch.params)).toEqual(['__proto__', 'constructor'])
    expect(start.fetch.params['__proto__']).toBe('{$from_number}')
  })
})

describe('aliases', () => {
  it('are read through, so a section may reuse another’s commands', () => {
    const text = 'online: &common\n  - ring\noffline: *common\nqueue: *common\n'
    const parsed = parseIvr(text)
    expect(JSON.parse(JSON.stringify(toPlainData(parsed.model)))).toEqual({
      online: ['ring'],
      offline: ['ring'],
      queue: ['ring'],
    })
  })

  it('that name their own list do not loop', () => {
    const text = 'online: &a\n  - *a\noffline:\n  - voicemail\nqueue:\n  - ring\n'
    expect(briefs(text)).toEqual(['2:5-2:7 error invalid-command'])
  })
})

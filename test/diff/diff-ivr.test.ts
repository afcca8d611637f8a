import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { diffIvrs } from '../../src/diff/diff-ivr.ts'
import { diffMessageText } from '../../src/diff/message.ts'
import type { Locale } from '../../src/i18n/translate.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'

const example = (name: string) =>
  readFileSync(new URL(`../fixtures/examples/${name}`, import.meta.url), 'utf8')

function diff(before: string, after: string) {
  return diffIvrs(parseIvr(before).model, parseIvr(after).model)
}

function summary(before: string, after: string, locale: Locale = 'en'): string[] {
  return diff(before, after).summary.map((line) => diffMessageText(line, locale))
}

/** `text` with each `[from, to]` replaced once, failing when `from` is not there. */
function edit(text: string, ...replacements: [string, string][]): string {
  let result = text
  for (const [from, to] of replacements) {
    expect(result).toContain(from)
    result = result.replace(from, to)
  }
  return result
}

describe('the difference of two IVRs', () => {
  it('finds nothing between an IVR and itself, or when only comments, quotes and spacing differ', () => {
    const text = example('callback-from-queue.yaml')
    expect(diff(text, text).changes).toEqual([])
    const restyled = edit(
      text,
      ['# Callback offered while the caller waits in the queue.\n', ''],
      ['      0:', "      '0':"],
      ['goto: callmeback', 'goto: "callmeback"'],
    )
    expect(diff(text, restyled).changes).toEqual([])
    expect(summary(text, restyled)).toEqual([])
  })

  it('says in plain words what changes for callers in the callback-from-queue example', () => {
    const before = example('callback-from-queue.yaml')
    const after = edit(
      before,
      ['we-are-currently-not-available-check-website', 'closed-for-the-holidays'],
      ['      0:', '      3:'],
      ['        goto: callmeback', '        do:\n          - callback'],
    )
    expect(summary(before, after)).toEqual([
      'Callers in offline now hear a different greeting (closed-for-the-holidays.mp3)',
      'Option “Wait” in queue is now on key 3 (was 0)',
      'Pressing 2 in queue now requests a callback (was: goes to callmeback)',
    ])
    expect(summary(before, after, 'ja')).toEqual([
      '「offline」で流れる最初の音声が変わりました（closed-for-the-holidays.mp3）',
      '「queue」のオプション「Wait」のキーが 0 から 3 に変わりました',
      '「queue」で 2 を押すと折り返しの依頼を受け付けるようになりました（以前: 「callmeback」に進む）',
    ])
  })

  it('lists every change with its paths on both sides', () => {
    const before = example('callback-from-queue.yaml')
    const after = edit(
      before,
      ['we-are-currently-not-available-check-website', 'closed'],
      ['      0:', '      3:'],
      ['        goto: callmeback', '        do:\n          - callback'],
    )
    expect(diff(before, after).changes).toEqual([
      {
        kind: 'changed',
        part: 'command',
        section: 'offline',
        before: ['offline', 0],
        after: ['offline', 0],
      },
      {
        kind: 'removed',
        part: 'option',
        section: 'queue',
        before: ['queue', 1, 'choice', '0'],
        after: null,
      },
      {
        kind: 'added',
        part: 'option',
        section: 'queue',
        before: null,
        after: ['queue', 1, 'choice', '3'],
      },
      {
        kind: 'changed',
        part: 'option',
        section: 'queue',
        before: ['queue', 1, 'choice', '2'],
        after: ['queue', 1, 'choice', '2'],
      },
      {
        kind: 'added',
        part: 'command',
        section: 'queue',
        before: null,
        after: ['queue', 1, 'choice', '2', 'do', 0],
      },
    ])
  })

  it('says which keys go somewhere else, and which options came and went', () => {
    const before = dedent`
      online:
        - ring
      offline:
        - voicemail
      queue:
        - play: https://example.com/hold.mp3
        - choice:
            1:
              name: Voicemail
              play: https://example.com/press-1.mp3
              goto: offline
            2:
              name: Sales
              play: https://example.com/press-2.mp3
              goto: sales
      sales:
        - ring
    `
    const after = edit(
      before,
      ['        goto: sales', '        do:\n          - callback'],
      ['        name: Sales', '        name: Callback'],
      [
        '        goto: offline\n',
        '        goto: offline\n      4:\n        name: Support\n        play: https://example.com/press-4.mp3\n        goto: online\n',
      ],
      [
        '      1:\n        name: Voicemail\n        play: https://example.com/press-1.mp3\n        goto: offline\n',
        '',
      ],
    )
    expect(summary(before, after)).toEqual([
      'Pressing 1 in queue no longer goes to offline',
      'New option in queue: pressing 4 goes to online',
      'Pressing 2 in queue now requests a callback (was: goes to sales)',
      'Option 2 in queue is now named “Callback”',
    ])
  })

  it('tells sections added, removed and renamed, and what a section now does', () => {
    const before = example('basic.yaml')
    const after =
      edit(
        before,
        [
          '  - ring',
          '  - choice:\n      1:\n        name: Sales\n        play: http://press.1\n        goto: sales\n      2:\n        name: Support\n        play: http://press.2\n        do:\n          - ring',
        ],
        ['queue:\n  - play: http://in.queue.music\n', ''],
      ) + 'sales:\n  - transfer:\n      to: salesDep\n'
    expect(summary(before, after)).toEqual([
      'Section online now plays a menu (was: rings the agents)',
      'New option in online: pressing 1 goes to sales',
      'New option in online: pressing 2 rings the agents',
      'New section sales',
      'Section queue was removed',
    ])
    expect(summary(before, after, 'ja')).toEqual([
      'セクション「online」はメニューを流すようになりました（以前: オペレーターを呼び出す）',
      '「online」に新しいオプション: 1 を押すと「sales」に進む',
      '「online」に新しいオプション: 2 を押すとオペレーターを呼び出す',
      '新しいセクション「sales」',
      'セクション「queue」が削除されました',
    ])
  })

  it('recognises a renamed section by its commands and does not report the gotos that follow it', () => {
    const before = example('departments-transfer.yaml')
    const after = edit(
      before,
      [
        'voicemail:\n  - play: http://leave.us.a.message',
        'messages:\n  - play: http://leave.us.a.message',
      ],
      ['      - goto: voicemail', '      - goto: messages'],
      ['        goto: voicemail', '        goto: messages'],
    )
    expect(summary(before, after)).toEqual(['Section voicemail is now called messages'])
    expect(diff(before, after).changes).toEqual([
      {
        kind: 'changed',
        part: 'section',
        section: 'messages',
        before: ['voicemail'],
        after: ['messages'],
      },
    ])
  })

  it('follows transfers into their branches and keys into their do lists', () => {
    const before = example('departments-transfer.yaml')
    const after = edit(
      before,
      [
        '                offline:\n                  - goto: voicemail',
        '                offline:\n                  - callback',
      ],
      ['        name: Technical department', '        name: Technical support'],
      [
        '                  - ring\n                offline:\n                  - goto: offline',
        '                  - play: http://tech.hello\n                  - ring\n                offline:\n                  - goto: offline',
      ],
      [
        'offline:\n  - play: http://call.us.later',
        'offline:\n  - play: http://call.us.later\n  - voicemail',
      ],
    )
    expect(summary(before, after)).toEqual([
      'When salesDepartmentID is offline, the transfer in start now requests a callback (was: goes to voicemail)',
      'Option 2 in start is now named “Technical support”',
      'Callers transferred to techDepID from start while it is online now also hear tech.hello',
      'Section offline now takes a voicemail (was: hangs up)',
    ])
  })

  it('tells what changes around a fetch: where a failure goes, and a different request', () => {
    const before = example('dynamic-fetch.yaml')
    const after = edit(
      before,
      ['onError: offline', 'onError: queue'],
      ['ticket: {$conv_code}', 'ticket: {$conv_code}\n        lang: ja'],
    )
    expect(summary(before, after)).toEqual([
      'If my.dynamic.script does not answer, section start now goes to queue (was: goes to offline)',
      'Section start now sends my.dynamic.script a different request',
    ])
    const moved = edit(before, ['http://my.dynamic.script', 'https://ivr.example.com/next'])
    expect(summary(before, moved)).toEqual([
      'Section start now asks ivr.example.com for the next script (was: asks my.dynamic.script for the next script)',
    ])
  })

  it('still names the section of a change no sentence explains', () => {
    const before = dedent`
      online:
        - play: https://example.com/a.mp3
        - ring
        - frobnicate
    `
    const after = edit(before, ['  - frobnicate', '  - twiddle'])
    expect(summary(before, after)).toEqual(['Section online changed'])
  })

  it('says when start now goes on to online or offline instead of ending elsewhere', () => {
    const before = dedent`
      start:
        - play: https://example.com/hello.mp3
        - goto: offline
      offline:
        - voicemail
    `
    const after = edit(before, ['  - goto: offline\n', ''])
    expect(summary(before, after)).toEqual([
      'Section start now goes on to online or offline (was: goes to offline)',
    ])
  })

  it('never hides a change: between any two examples, changes always come with a summary', () => {
    const names = [
      'basic.yaml',
      'callback-direct.yaml',
      'callback-from-queue.yaml',
      'departments-transfer.yaml',
      'dtmf-input.yaml',
      'dynamic-fetch.yaml',
      'fetch-reply.yaml',
    ]
    for (const a of names) {
      for (const b of names) {
        const result = diff(example(a), example(b))
        expect(result.changes.length > 0, `${a} → ${b}`).toBe(result.summary.length > 0)
        for (const line of result.summary) {
          expect(diffMessageText(line, 'ja')).not.toMatch(/\{[a-z]+\}/)
        }
      }
    }
  })
})

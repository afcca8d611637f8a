import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { ja } from '../../src/i18n/ja.ts'
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../src/validate/diagnostic.ts'
import { checkIvr, type ValidateOptions } from '../../src/validate/validate-ivr.ts'
import { dedent } from '../helpers/dedent.ts'
import { briefs } from '../helpers/diagnostics.ts'

/** The diagnostics of one code, with the fields a rule decides. */
function findings(text: string, code: DiagnosticCode, options: { reply?: boolean } = {}) {
  return checkIvr(text, options)
    .diagnostics.filter((d) => d.code === code)
    .map(({ line, column, endLine, endColumn, severity, path, messageId, args, fixes }) => ({
      at: `${line}:${column}-${endLine}:${endColumn}`,
      severity,
      path,
      messageId,
      args,
      fixes,
    }))
}

/** The English message of the only diagnostic of `code`. */
function messageOf(text: string, code: DiagnosticCode): string {
  const found = checkIvr(text).diagnostics.filter((d) => d.code === code)
  expect(found).toHaveLength(1)
  return found[0]!.message
}

describe('every diagnostic code has a fixture with its exact range and path', () => {
  const fixtures: Record<
    DiagnosticCode,
    { text: string; brief: string; path: (string | number)[]; options?: ValidateOptions }
  > = {
    'yaml-syntax': {
      text: 'online:\n\t- ring\n',
      brief: '2:1-2:2 error yaml-syntax',
      path: [],
    },
    'too-large': {
      text: `online:\n${'  - play: https://example.com/a.mp3\n'.repeat(40_000)}`,
      brief: '1:1-1:1 error too-large',
      path: [],
    },
    'too-deep': {
      text: `online: ${'['.repeat(70)}${']'.repeat(70)}\n`,
      brief: '1:72-1:73 error too-deep',
      path: [],
    },
    'not-a-mapping': {
      text: '- online\n- offline\n',
      brief: '1:1-1:9 error not-a-mapping',
      path: [],
    },
    'invalid-section': {
      text: 'online:\n  - ring\noffline:\n  - voicemail\nqueue: ring\n',
      brief: '5:1-5:6 error invalid-section',
      path: ['queue'],
    },
    'missing-section': {
      text: 'online:\n  - ring\noffline:\n  - voicemail\n',
      brief: '1:1-1:8 error missing-section',
      path: ['queue'],
    },
    'empty-section': {
      text: 'online:\n  - ring\noffline:\n  - voicemail\nqueue: []\n',
      brief: '5:1-5:6 warning empty-section',
      path: ['queue'],
    },
    'unreachable-section': {
      text: 'online:\n  - ring\noffline:\n  - voicemail\nqueue:\n  - ring\nlost:\n  - ring\n',
      brief: '7:1-7:5 warning unreachable-section',
      path: ['lost'],
    },
    'invalid-command': {
      text: 'online:\n  - ring: sales\noffline:\n  - voicemail\nqueue:\n  - ring\n',
      brief: '2:11-2:16 error invalid-command',
      path: ['online', 0, 'ring'],
    },
    'unknown-command': {
      text: 'online:\n  - rign\noffline:\n  - voicemail\nqueue:\n  - ring\n',
      brief: '2:5-2:9 error unknown-command',
      path: ['online', 0],
    },
    'invalid-url': {
      text: 'online:\n  - play: file:///etc/hello.mp3\n  - ring\noffline:\n  - voicemail\nqueue:\n  - ring\n',
      brief: '2:11-2:32 error invalid-url',
      path: ['online', 0, 'play'],
    },
    'unreachable-command': {
      text: 'online:\n  - ring\n  - voicemail\noffline:\n  - voicemail\nqueue:\n  - ring\n',
      brief: '3:5-3:14 warning unreachable-command',
      path: ['online', 1],
    },
    'duplicate-key': {
      text: 'online:\n  - ring\noffline:\n  - voicemail\nqueue:\n  - ring\nonline:\n  - voicemail\n',
      brief: '7:1-7:7 error duplicate-key',
      path: ['online'],
    },
    'invalid-choice-key': {
      text: dedent`
          online:
            - ring
          offline:
            - voicemail
          queue:
            - choice:
                10:
                  play: https://example.com/ten.mp3
                  goto: queue
        `,
      brief: '7:7-7:9 error invalid-choice-key',
      path: ['queue', 0, 'choice', '10'],
    },
    'choice-option-silent': {
      text: dedent`
          online:
            - ring
          offline:
            - voicemail
          queue:
            - choice:
                0:
                  name: Keep waiting
                  goto: queue
        `,
      brief: '7:7-7:8 warning choice-option-silent',
      path: ['queue', 0, 'choice', '0'],
    },
    'choice-option-action': {
      text: dedent`
          online:
            - ring
          offline:
            - voicemail
          queue:
            - choice:
                "#":
                  play: https://example.com/hash.mp3
        `,
      brief: '7:7-7:10 error choice-option-action',
      path: ['queue', 0, 'choice', '#'],
    },
    'unquoted-placeholder': {
      text: dedent`
          online:
            - fetch:
                url: https://example.com/next
                params:
                  caller: {$from_number}
          offline:
            - voicemail
          queue:
            - ring
        `,
      brief: '5:17-5:31 info unquoted-placeholder',
      path: ['online', 0, 'fetch', 'params', 'caller'],
    },
    'dangling-goto': {
      text: dedent`
          online:
            - ring
          offline:
            - voicemail
          queue:
            - play: https://example.com/queue.mp3
            - choice:
                2:
                  play: https://example.com/two.mp3
                  goto: callmeback
        `,
      brief: '10:15-10:25 error dangling-goto',
      path: ['queue', 1, 'choice', '2', 'goto'],
    },
    'callback-in-offline': {
      text: 'online:\n  - ring\noffline:\n  - callback\nqueue:\n  - ring\n',
      brief: '4:5-4:13 error callback-in-offline',
      path: ['offline', 0],
    },
    'goto-loop': {
      text: 'start:\n  - goto: online\nonline:\n  - goto: start\noffline:\n  - voicemail\nqueue:\n  - ring\n',
      brief: '2:11-2:17 error goto-loop',
      path: ['start', 0, 'goto'],
    },
    'missing-recording': {
      text: dedent`
        online:
          - play: https://ivr.example.com/recordings/gone-0123abcd.wav
          - ring
        offline:
          - voicemail
        queue:
          - ring
      `,
      brief: '2:11-2:63 warning missing-recording',
      path: ['online', 0, 'play'],
      options: { recordings: { baseUrl: 'https://ivr.example.com', files: new Set() } },
    },
  }

  it.each(DIAGNOSTIC_CODES.map((code) => [code]))('%s', (code) => {
    const fixture = fixtures[code]
    const found = checkIvr(fixture.text, fixture.options).diagnostics.filter((d) => d.code === code)
    expect(
      found.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code}`),
    ).toEqual([fixture.brief])
    expect(found[0]!.path).toEqual(fixture.path)
  })
})

describe('missing-section', () => {
  it('is one error per missing required section, all on line 1', () => {
    const text = dedent`
      # A menu in progress
      sales:
        - ring
    `
    expect(findings(text, 'missing-section')).toEqual(
      ['online', 'offline', 'queue'].map((name) => ({
        at: '1:1-1:21',
        severity: 'error',
        path: [name],
        messageId: `diag.missing-section.${name}`,
        args: { name },
        fixes: [{ title: 'fix.add-section', args: { name }, op: { type: 'section.add', name } }],
      })),
    )
  })

  it('is only a warning for online when start is present', () => {
    const text = dedent`
      start:
        - goto: offline
      offline:
        - voicemail
      queue:
        - ring
    `
    expect(briefs(text)).toEqual(['1:1-1:7 warning missing-section'])
    expect(findings(text, 'missing-section')[0]!.messageId).toBe(
      'diag.missing-section.online-with-start',
    )
  })

  it('still makes offline and queue errors when start is present', () => {
    const text = dedent`
      start:
        - ring
    `
    expect(findings(text, 'missing-section').map((f) => `${f.severity} ${f.path[0]}`)).toEqual([
      'error offline',
      'error queue',
      'warning online',
    ])
  })

  it('asks a fetch reply only for start', () => {
    expect(briefs('start:\n  - ring\n', { reply: true })).toEqual([])
    expect(findings('menu:\n  - ring\n', 'missing-section', { reply: true })).toEqual([
      {
        at: '1:1-1:6',
        severity: 'error',
        path: ['start'],
        messageId: 'diag.missing-section.start',
        args: { name: 'start' },
        fixes: [
          {
            title: 'fix.add-section',
            args: { name: 'start' },
            op: { type: 'section.add', name: 'start' },
          },
        ],
      },
    ])
  })
})

describe('dangling-goto', () => {
  it('suggests the closest section name and offers to use it or to create the section', () => {
    const text = dedent`
      online:
        - goto: offlnie
      offline:
        - voicemail
      queue:
        - ring
    `
    expect(findings(text, 'dangling-goto')).toEqual([
      {
        at: '2:11-2:18',
        severity: 'error',
        path: ['online', 0, 'goto'],
        messageId: 'diag.dangling-goto.suggest',
        args: { target: 'offlnie', suggestion: 'offline' },
        fixes: [
          {
            title: 'fix.use-name',
            args: { name: 'offline' },
            op: { type: 'scalar.set', path: ['online', 0, 'goto'], value: 'offline' },
          },
          {
            title: 'fix.add-section',
            args: { name: 'offlnie' },
            op: { type: 'section.add', name: 'offlnie' },
          },
        ],
      },
    ])
    expect(messageOf(text, 'dangling-goto')).toBe(
      'There is no section "offlnie". Did you mean "offline"?',
    )
  })

  it('offers only to create the section when no name is close', () => {
    const text = dedent`
      online:
        - goto: billing
      offline:
        - voicemail
      queue:
        - ring
    `
    expect(findings(text, 'dangling-goto')).toEqual([
      {
        at: '2:11-2:18',
        severity: 'error',
        path: ['online', 0, 'goto'],
        messageId: 'diag.dangling-goto',
        args: { target: 'billing' },
        fixes: [
          {
            title: 'fix.add-section',
            args: { name: 'billing' },
            op: { type: 'section.add', name: 'billing' },
          },
        ],
      },
    ])
  })

  it('checks option gotos and onError too', () => {
    const text = dedent`
      online:
        - choice:
            1:
              play: https://example.com/one.mp3
              goto: sales
      offline:
        - fetch:
            url: https://example.com/next
            onError: fallback
      queue:
        - ring
    `
    expect(findings(text, 'dangling-goto').map((f) => [f.at, f.path])).toEqual([
      ['5:15-5:20', ['online', 0, 'choice', '1', 'goto']],
      ['9:16-9:24', ['offline', 0, 'fetch', 'onError']],
    ])
  })

  it('is a warning in a fetch reply, where the section may be in the calling script', () => {
    const text = dedent`
      start:
        - play: https://example.com/hello.mp3
        - goto: offline
    `
    expect(briefs(text, { reply: true })).toEqual(['3:11-3:18 warning dangling-goto'])
    expect(findings(text, 'dangling-goto', { reply: true })[0]!.messageId).toBe(
      'diag.dangling-goto.reply',
    )
  })
})

describe('callback-in-offline', () => {
  it('is an error on a callback directly in offline, naming offline', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - play: https://example.com/closed.mp3
        - callback
      queue:
        - ring
    `
    expect(briefs(text)).toEqual(['5:5-5:13 error callback-in-offline'])
    expect(findings(text, 'callback-in-offline')[0]!.args).toEqual({ chain: 'offline' })
  })

  it('is an error on a callback inside a choice option’s do in offline', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - choice:
            2:
              play: https://example.com/press-2.mp3
              do:
                - callback
      queue:
        - ring
    `
    expect(findings(text, 'callback-in-offline')).toEqual([
      expect.objectContaining({
        at: '8:13-8:21',
        severity: 'error',
        path: ['offline', 0, 'choice', '2', 'do', 0],
      }),
    ])
  })

  it('follows a chain of gotos and names it in the message', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - goto: cb
      cb:
        - callback
      queue:
        - ring
    `
    expect(briefs(text)).toEqual(['6:5-6:13 error callback-in-offline'])
    expect(messageOf(text, 'callback-in-offline')).toBe(
      'This callback can run while no agent is logged in (offline → cb): nobody could take the callback, and the request would get stuck. Offer voicemail there instead.',
    )
  })

  it('follows option gotos over several sections', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - choice:
            1:
              play: https://example.com/one.mp3
              goto: menu
      menu:
        - goto: cb
      cb:
        - callback
      queue:
        - ring
    `
    expect(findings(text, 'callback-in-offline').map((f) => [f.at, f.args])).toEqual([
      ['11:5-11:13', { chain: 'offline → menu → cb' }],
    ])
  })

  it('follows onError', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - fetch:
            url: https://example.com/next
            onError: cb
      cb:
        - callback
      queue:
        - ring
    `
    expect(briefs(text)).toEqual(['8:5-8:13 error callback-in-offline'])
    expect(findings(text, 'callback-in-offline')[0]!.args).toEqual({ chain: 'offline → cb' })
  })

  it('is only a warning inside transfer.if.offline, naming the department', () => {
    const text = dedent`
      online:
        - transfer:
            to: sales
            if:
              offline:
                - callback
              online:
                - callback
      offline:
        - voicemail
      queue:
        - ring
    `
    expect(findings(text, 'callback-in-offline')).toEqual([
      {
        at: '6:13-6:21',
        severity: 'warning',
        path: ['online', 0, 'transfer', 'if', 'offline', 0],
        messageId: 'diag.callback-in-offline.transfer',
        args: { department: 'sales' },
        fixes: [],
      },
    ])
  })

  it('is fine in queue and in online', () => {
    const text = dedent`
      online:
        - choice:
            2:
              play: https://example.com/press-2.mp3
              do:
                - callback
      offline:
        - voicemail
      queue:
        - callback
    `
    expect(briefs(text)).toEqual([])
  })

  it('is fine in a section that only online and queue reach', () => {
    const text = dedent`
      online:
        - goto: cb
      offline:
        - voicemail
      queue:
        - goto: cb
      cb:
        - callback
    `
    expect(briefs(text)).toEqual([])
  })
})

describe('goto-loop', () => {
  it('reports two sections that send the call to each other, once, at the first', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - goto: a
      queue:
        - ring
      a:
        - goto: b
      b:
        - goto: a
    `
    expect(briefs(text)).toEqual(['8:11-8:12 error goto-loop'])
    expect(findings(text, 'goto-loop')[0]).toMatchObject({
      path: ['a', 0, 'goto'],
      args: { chain: 'a → b → a' },
    })
  })

  it('reports a section that goes to itself', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - goto: offline
      queue:
        - ring
    `
    expect(briefs(text)).toEqual(['4:11-4:18 error goto-loop'])
    expect(findings(text, 'goto-loop')[0]!.args).toEqual({ chain: 'offline → offline' })
  })

  it('reports a fetch whose onError leads back to it', () => {
    const text = dedent`
      online:
        - fetch:
            url: https://example.com/next
            onError: online
      offline:
        - voicemail
      queue:
        - ring
    `
    expect(briefs(text)).toEqual(['4:16-4:22 error goto-loop'])
    expect(findings(text, 'goto-loop')[0]!.path).toEqual(['online', 0, 'fetch', 'onError'])
  })

  it('does not report queue going back to itself through a choice', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - voicemail
      queue:
        - choice:
            0:
              name: Wait
              play: https://example.com/wait.mp3
              goto: queue
    `
    expect(briefs(text)).toEqual([])
  })

  it('does not report a loop that plays something on the way', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - goto: a
      queue:
        - ring
      a:
        - play: https://example.com/still-closed.mp3
        - goto: b
      b:
        - goto: a
    `
    expect(briefs(text)).toEqual([])
  })
})

describe('duplicate-key', () => {
  it('reports every repeat of a section name on its key', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - voicemail
      online:
        - voicemail
      queue:
        - ring
      online:
        - ring
    `
    expect(briefs(text)).toEqual(['5:1-5:7 error duplicate-key', '9:1-9:7 error duplicate-key'])
    expect(findings(text, 'duplicate-key')[0]).toMatchObject({
      path: ['online'],
      messageId: 'diag.duplicate-key.section',
      args: { name: 'online' },
    })
  })

  it('treats choice keys 1 and "1" as the same key', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - voicemail
      queue:
        - choice:
            1:
              play: https://example.com/one.mp3
              goto: queue
            "1":
              play: https://example.com/also-one.mp3
              goto: queue
    `
    expect(findings(text, 'duplicate-key')).toEqual([
      {
        at: '10:7-10:10',
        severity: 'error',
        path: ['queue', 0, 'choice', '1'],
        messageId: 'diag.duplicate-key.choice',
        args: { key: '1' },
        fixes: [],
      },
    ])
  })

  it('reports a key written twice in an option', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - voicemail
      queue:
        - choice:
            1:
              play: https://example.com/one.mp3
              goto: queue
              play: https://example.com/again.mp3
    `
    expect(briefs(text)).toEqual(['10:9-10:13 error duplicate-key'])
    expect(findings(text, 'duplicate-key')[0]).toMatchObject({
      path: ['queue', 0, 'choice', '1', 'play'],
      messageId: 'diag.duplicate-key',
      args: { key: 'play' },
    })
  })
})

describe('unknown-command', () => {
  it('suggests play for plya written as a mapping key, with a rename fix', () => {
    const text = dedent`
      online:
        - plya: https://example.com/hello.mp3
        - ring
      offline:
        - voicemail
      queue:
        - ring
    `
    expect(findings(text, 'unknown-command')).toEqual([
      {
        at: '2:5-2:9',
        severity: 'error',
        path: ['online', 0],
        messageId: 'diag.unknown-command.suggest',
        args: { name: 'plya', suggestion: 'play' },
        fixes: [
          {
            title: 'fix.use-name',
            args: { name: 'play' },
            op: { type: 'key.rename', path: ['online', 0, 'plya'], name: 'play' },
          },
        ],
      },
    ])
    expect(messageOf(text, 'unknown-command')).toBe('"plya" is not a command. Did you mean "play"?')
  })

  it('suggests ring for a bare rnig, with a fix that replaces the word', () => {
    const text = dedent`
      online:
        - rnig
      offline:
        - voicemail
      queue:
        - ring
    `
    expect(findings(text, 'unknown-command')).toEqual([
      {
        at: '2:5-2:9',
        severity: 'error',
        path: ['online', 0],
        messageId: 'diag.unknown-command.suggest',
        args: { name: 'rnig', suggestion: 'ring' },
        fixes: [
          {
            title: 'fix.use-name',
            args: { name: 'ring' },
            op: { type: 'scalar.set', path: ['online', 0], value: 'ring' },
          },
        ],
      },
    ])
  })

  it('suggests play for a bare plya too', () => {
    const text = 'online:\n  - plya\n  - ring\noffline:\n  - voicemail\nqueue:\n  - ring\n'
    expect(findings(text, 'unknown-command')[0]).toMatchObject({
      at: '2:5-2:9',
      args: { name: 'plya', suggestion: 'play' },
      fixes: [{ op: { type: 'scalar.set', path: ['online', 0], value: 'play' } }],
    })
  })

  it('lists the commands when nothing is close, as for the vendor’s undocumented steps', () => {
    const text = dedent`
      online:
        - forward: "+15551234567"
        - ring
      offline:
        - voicemail
      queue:
        - ring
    `
    expect(findings(text, 'unknown-command')).toEqual([
      {
        at: '2:5-2:12',
        severity: 'error',
        path: ['online', 0],
        messageId: 'diag.unknown-command',
        args: { name: 'forward' },
        fixes: [],
      },
    ])
  })
})

describe('invalid-command', () => {
  /** The invalid-command diagnostics of a queue section holding `body`. */
  const inQueue = (body: string) => {
    const lines = dedent(body).replace(/\n$/, '').split('\n')
    const text = `online:\n  - ring\noffline:\n  - voicemail\nqueue:\n${lines.map((l) => `  ${l}\n`).join('')}`
    return findings(text, 'invalid-command').map((f) => ({
      at: f.at,
      path: f.path,
      messageId: f.messageId,
      args: f.args,
    }))
  }

  it('reports play without a URL, bare or with an empty value', () => {
    expect(
      inQueue(`
        - play
        - play:
      `),
    ).toEqual([
      { at: '6:5-6:9', path: ['queue', 0, 'play'], messageId: 'shape.play-needs-url', args: {} },
      { at: '7:10-7:10', path: ['queue', 1, 'play'], messageId: 'shape.play-needs-url', args: {} },
    ])
  })

  it('reports a list given to goto', () => {
    expect(inQueue('- goto: [sales, support]')).toEqual([
      {
        at: '6:11-6:27',
        path: ['queue', 0, 'goto'],
        messageId: 'shape.goto-needs-section',
        args: {},
      },
    ])
  })

  it('reports a value given to ring', () => {
    expect(inQueue('- ring: sales')).toEqual([
      {
        at: '6:11-6:16',
        path: ['queue', 0, 'ring'],
        messageId: 'shape.bare-takes-nothing',
        args: { name: 'ring' },
      },
    ])
  })

  it('reports transfer without to, on the command word', () => {
    expect(
      inQueue(`
        - transfer:
            if:
              online:
                - ring
      `),
    ).toEqual([
      {
        at: '6:5-6:13',
        path: ['queue', 0, 'transfer'],
        messageId: 'shape.transfer-needs-to',
        args: {},
      },
    ])
  })

  it('reports transfer with an empty to, on the value', () => {
    expect(inQueue('- transfer:\n    to: ""')).toEqual([
      {
        at: '7:11-7:13',
        path: ['queue', 0, 'transfer', 'to'],
        messageId: 'shape.transfer-needs-to',
        args: {},
      },
    ])
  })

  it('reports a key in if other than the three branches', () => {
    expect(
      inQueue(`
        - transfer:
            to: sales
            if:
              busy:
                - voicemail
      `),
    ).toEqual([
      {
        at: '9:9-9:13',
        path: ['queue', 0, 'transfer', 'if', 'busy'],
        messageId: 'shape.unknown-key.if',
        args: { key: 'busy' },
      },
    ])
  })

  it('reports an empty choice', () => {
    expect(inQueue('- choice: {}')).toEqual([
      {
        at: '6:13-6:15',
        path: ['queue', 0, 'choice'],
        messageId: 'shape.choice-needs-options',
        args: {},
      },
    ])
  })

  it('reports an option that is not a mapping, on its key', () => {
    expect(
      inQueue(`
        - choice:
            1: https://example.com/one.mp3
      `),
    ).toEqual([
      {
        at: '7:7-7:8',
        path: ['queue', 0, 'choice', '1'],
        messageId: 'shape.option-not-mapping',
        args: { key: '1' },
      },
    ])
  })

  it('reports an unknown key in an option', () => {
    expect(
      inQueue(`
        - choice:
            1:
              play: https://example.com/one.mp3
              goto: queue
              say: Hello
      `),
    ).toEqual([
      {
        at: '10:9-10:12',
        path: ['queue', 0, 'choice', '1', 'say'],
        messageId: 'shape.unknown-key.option',
        args: { key: 'say' },
      },
    ])
  })

  it('reports an empty do list', () => {
    expect(
      inQueue(`
        - choice:
            1:
              play: https://example.com/one.mp3
              do: []
      `),
    ).toEqual([
      {
        at: '9:13-9:15',
        path: ['queue', 0, 'choice', '1', 'do'],
        messageId: 'shape.do-empty',
        args: {},
      },
    ])
  })

  it('reports two commands in one list item, naming both', () => {
    expect(
      inQueue(`
        - play: https://example.com/one.mp3
          goto: online
      `),
    ).toEqual([
      {
        at: '6:5-8:1',
        path: ['queue', 0],
        messageId: 'shape.several-commands',
        args: { names: 'play, goto' },
      },
    ])
  })

  it('reports an unknown placeholder, quoted or not', () => {
    expect(
      inQueue(`
        - fetch:
            url: https://example.com/next
            params:
              a: {$foo}
              b: "caller {$from_number} on {$line}"
      `),
    ).toEqual([
      {
        at: '9:12-9:18',
        path: ['queue', 0, 'fetch', 'params', 'a'],
        messageId: 'shape.unknown-placeholder',
        args: { placeholder: '{$foo}' },
      },
      {
        at: '10:12-10:46',
        path: ['queue', 0, 'fetch', 'params', 'b'],
        messageId: 'shape.unknown-placeholder',
        args: { placeholder: '{$line}' },
      },
    ])
  })

  it('accepts every documented placeholder and DTMF_VALUE', () => {
    expect(
      inQueue(`
        - dtmf:
            url: https://example.com/next
            params:
              from: "{$from_number}"
              to: "{$to_number}"
              ticket: "{$conv_code}"
              digits: DTMF_VALUE
      `),
    ).toEqual([])
  })

  it('reports fetch without url, and an unknown fetch setting', () => {
    expect(
      inQueue(`
        - fetch:
            onError: online
            retries: 3
      `),
    ).toEqual([
      {
        at: '6:5-6:10',
        path: ['queue', 0, 'fetch'],
        messageId: 'shape.fetch-needs-url',
        args: { name: 'fetch' },
      },
      {
        at: '8:7-8:14',
        path: ['queue', 0, 'fetch', 'retries'],
        messageId: 'shape.unknown-key.fetch',
        args: { key: 'retries', name: 'fetch' },
      },
    ])
  })

  it('reports list items that are no command at all', () => {
    expect(
      inQueue(`
        - 42
        -
        - [ring]
      `),
    ).toEqual([
      { at: '6:5-6:7', path: ['queue', 0], messageId: 'shape.not-a-command', args: {} },
      { at: '7:4-7:4', path: ['queue', 1], messageId: 'shape.empty-item', args: {} },
      { at: '8:5-8:11', path: ['queue', 2], messageId: 'shape.not-a-command', args: {} },
    ])
  })
})

describe('invalid-url', () => {
  it.each([
    ['javascript:', 'javascript:alert(1)', '6:11-6:30', 'diag.invalid-url'],
    ['file:', 'file:///var/sounds/hello.mp3', '6:11-6:39', 'diag.invalid-url'],
    ['a relative path', 'sounds/hello.mp3', '6:11-6:27', 'diag.invalid-url'],
    ['an empty string', '""', '6:11-6:13', 'diag.invalid-url.empty'],
  ])('rejects %s in play', (_, url, at, messageId) => {
    const text = `online:\n  - ring\noffline:\n  - voicemail\nqueue:\n  - play: ${url}\n`
    expect(findings(text, 'invalid-url')).toEqual([
      {
        at,
        severity: 'error',
        path: ['queue', 0, 'play'],
        messageId,
        args: { url: url === '""' ? '' : url },
        fixes: [],
      },
    ])
  })

  it('checks the prompt of a choice option', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - voicemail
      queue:
        - choice:
            1:
              play: javascript:void(0)
              goto: queue
    `
    expect(briefs(text)).toEqual(['8:15-8:33 error invalid-url'])
    expect(findings(text, 'invalid-url')[0]!.path).toEqual(['queue', 0, 'choice', '1', 'play'])
  })

  it('checks the url of fetch and dtmf', () => {
    const text = dedent`
      online:
        - fetch:
            url: ftp://example.com/next
      offline:
        - dtmf:
            url: /next
      queue:
        - ring
    `
    expect(findings(text, 'invalid-url').map((f) => [f.at, f.path, f.messageId])).toEqual([
      ['3:12-3:34', ['online', 0, 'fetch', 'url'], 'diag.invalid-url.fetch'],
      ['6:12-6:17', ['offline', 0, 'dtmf', 'url'], 'diag.invalid-url.fetch'],
    ])
  })

  it('accepts http and https links with paths and queries', () => {
    const text = dedent`
      online:
        - play: http://welcome.message
        - play: https://mycompany.ladesk.com/scripts/file.php?view=Y&file=welcome.mp3
        - ring
      offline:
        - voicemail
      queue:
        - ring
    `
    expect(briefs(text)).toEqual([])
  })
})

describe('invalid-choice-key', () => {
  it('rejects 10 and a, and accepts quoted * and #', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - voicemail
      queue:
        - choice:
            10:
              play: https://example.com/ten.mp3
              goto: queue
            a:
              play: https://example.com/a.mp3
              goto: queue
            "*":
              play: https://example.com/star.mp3
              goto: queue
            '#':
              play: https://example.com/hash.mp3
              goto: queue
    `
    expect(findings(text, 'invalid-choice-key')).toEqual([
      {
        at: '7:7-7:9',
        severity: 'error',
        path: ['queue', 0, 'choice', '10'],
        messageId: 'diag.invalid-choice-key',
        args: { key: '10' },
        fixes: [],
      },
      {
        at: '10:7-10:8',
        severity: 'error',
        path: ['queue', 0, 'choice', 'a'],
        messageId: 'diag.invalid-choice-key',
        args: { key: 'a' },
        fixes: [],
      },
    ])
    expect(briefs(text)).toEqual([
      '7:7-7:9 error invalid-choice-key',
      '10:7-10:8 error invalid-choice-key',
    ])
  })
})

describe('choice options', () => {
  it('warns about an option without play', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - voicemail
      queue:
        - choice:
            1:
              name: Hidden
              do:
                - voicemail
    `
    expect(findings(text, 'choice-option-silent')).toEqual([
      {
        at: '7:7-7:8',
        severity: 'warning',
        path: ['queue', 0, 'choice', '1'],
        messageId: 'diag.choice-option-silent',
        args: { key: '1' },
        fixes: [],
      },
    ])
  })

  it('reports an option with neither do nor goto', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - voicemail
      queue:
        - choice:
            1:
              name: Nothing
              play: https://example.com/one.mp3
    `
    expect(briefs(text)).toEqual(['7:7-7:8 error choice-option-action'])
    expect(findings(text, 'choice-option-action')[0]!.messageId).toBe(
      'diag.choice-option-action.neither',
    )
  })

  it('reports an option with both do and goto', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - voicemail
      queue:
        - choice:
            1:
              play: https://example.com/one.mp3
              do:
                - ring
              goto: online
    `
    expect(findings(text, 'choice-option-action')).toEqual([
      {
        at: '7:7-7:8',
        severity: 'error',
        path: ['queue', 0, 'choice', '1'],
        messageId: 'diag.choice-option-action.both',
        args: { key: '1' },
        fixes: [],
      },
    ])
  })

  it('checks options of choices nested in a do list', () => {
    const text = dedent`
      online:
        - choice:
            1:
              play: https://example.com/one.mp3
              do:
                - choice:
                    2:
                      goto: queue
      offline:
        - voicemail
      queue:
        - ring
    `
    expect(briefs(text)).toEqual(['7:15-7:16 warning choice-option-silent'])
  })
})

describe('unquoted-placeholder', () => {
  it('notes an unquoted placeholder and offers to quote it, but not a quoted one', () => {
    const text = dedent`
      start:
        - fetch:
            url: http://my.dynamic.script
            params:
              from: {$from_number}
              to: "{$to_number}"
      offline:
        - voicemail
      queue:
        - ring
    `
    expect(findings(text, 'unquoted-placeholder')).toEqual([
      {
        at: '5:15-5:29',
        severity: 'info',
        path: ['start', 0, 'fetch', 'params', 'from'],
        messageId: 'diag.unquoted-placeholder',
        args: { placeholder: '{$from_number}' },
        fixes: [
          {
            title: 'fix.quote',
            args: { text: '{$from_number}' },
            op: { type: 'placeholder.quote', path: ['start', 0, 'fetch', 'params', 'from'] },
          },
        ],
      },
    ])
  })
})

describe('unreachable-command', () => {
  it('warns on every command after one that ends the list, in nested lists too', () => {
    const text = dedent`
      online:
        - goto: queue
        - play: https://example.com/never.mp3
        - ring
      offline:
        - choice:
            1:
              play: https://example.com/one.mp3
              do:
                - voicemail
                - callback
      queue:
        - play: https://example.com/first.mp3
        - play: https://example.com/second.mp3
        - ring
    `
    expect(findings(text, 'unreachable-command').map((f) => [f.at, f.path, f.args])).toEqual([
      ['3:5-3:9', ['online', 1], { name: 'play', after: 'goto' }],
      ['4:5-4:9', ['online', 2], { name: 'ring', after: 'goto' }],
      [
        '11:13-11:21',
        ['offline', 0, 'choice', '1', 'do', 1],
        { name: 'callback', after: 'voicemail' },
      ],
    ])
  })
})

describe('sections', () => {
  it('warns about a section no entry section reaches', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - voicemail
      queue:
        - goto: music
      music:
        - play: https://example.com/music.mp3
      island:
        - goto: music
    `
    expect(briefs(text)).toEqual(['9:1-9:7 warning unreachable-section'])
    expect(findings(text, 'unreachable-section')[0]).toMatchObject({
      path: ['island'],
      args: { name: 'island' },
    })
  })

  it('counts start as an entry section', () => {
    const text = dedent`
      start:
        - goto: welcome
      welcome:
        - ring
      online:
        - ring
      offline:
        - voicemail
      queue:
        - ring
    `
    expect(briefs(text)).toEqual([])
  })

  it('warns about an empty section', () => {
    const text = 'online:\n  - ring\noffline: []\nqueue:\n  - ring\n'
    expect(findings(text, 'empty-section')).toEqual([
      {
        at: '3:1-3:8',
        severity: 'warning',
        path: ['offline'],
        messageId: 'diag.empty-section',
        args: { name: 'offline' },
        fixes: [],
      },
    ])
  })

  it('rejects section names that are a number, a boolean or null, and values that are no list', () => {
    const text = dedent`
      online:
        - ring
      offline:
        - voicemail
      queue:
        - ring
      1:
        - ring
      true:
        - ring
      menu: ring
      hours:
      null:
        - ring
    `
    expect(findings(text, 'invalid-section')).toEqual([
      {
        at: '7:1-7:2',
        severity: 'error',
        path: ['1'],
        messageId: 'diag.invalid-section.name',
        args: { name: '1', what: 'what.number' },
        fixes: [],
      },
      {
        at: '9:1-9:5',
        severity: 'error',
        path: ['true'],
        messageId: 'diag.invalid-section.name',
        args: { name: 'true', what: 'what.boolean' },
        fixes: [],
      },
      {
        at: '11:1-11:5',
        severity: 'error',
        path: ['menu'],
        messageId: 'diag.invalid-section.list',
        args: { name: 'menu' },
        fixes: [],
      },
      {
        at: '12:1-12:6',
        severity: 'error',
        path: ['hours'],
        messageId: 'diag.invalid-section.list',
        args: { name: 'hours' },
        fixes: [],
      },
      {
        at: '13:1-13:5',
        severity: 'error',
        path: ['null'],
        messageId: 'diag.invalid-section.name',
        args: { name: 'null', what: 'what.null' },
        fixes: [],
      },
    ])
    expect(messageOf(text.split('true:')[0]!, 'invalid-section')).toBe(
      'A section name must be text, but 1 reads as a number. Rename it, for example to "menu_1".',
    )
  })
})

describe('documents that are no IVR', () => {
  it.each([
    ['a list', '- online\n- offline\n', '1:1-1:9', 'diag.not-a-mapping'],
    ['a scalar', 'Hello, caller\n', '1:1-1:14', 'diag.not-a-mapping'],
    ['a list after comments', '# menu\n\n- ring\n', '3:1-3:7', 'diag.not-a-mapping'],
    ['an empty document', '', '1:1-1:1', 'diag.not-a-mapping.empty'],
    ['only blank lines', '\n  \n\n', '1:1-1:1', 'diag.not-a-mapping.empty'],
    ['only comments', '# todo: write the menu\n# later\n', '1:1-1:1', 'diag.not-a-mapping.empty'],
  ])('reports %s as not-a-mapping', (_, text, at, messageId) => {
    expect(findings(text, 'not-a-mapping')).toEqual([
      {
        at,
        severity: 'error',
        path: [],
        messageId,
        args: messageId === 'diag.not-a-mapping.empty' ? {} : expect.any(Object),
        fixes: [],
      },
    ])
    expect(briefs(text)).toEqual([`${at} error not-a-mapping`])
  })

  it('says what the document is instead', () => {
    expect(messageOf('- ring\n', 'not-a-mapping')).toBe(
      'The document must list sections by name (online:, offline:, queue: …), but it is a list.',
    )
  })

  it('reports bad indentation as yaml-syntax where it happens', () => {
    const text = dedent`
      online:
        - ring
       offline:
        - voicemail
    `
    expect(briefs(text)).toEqual(['3:1-3:2 error yaml-syntax'])
  })

  it('reports a tab used for indentation', () => {
    const text = 'online:\n  - ring\nqueue:\n\t- ring\n'
    expect(findings(text, 'yaml-syntax')).toEqual([
      {
        at: '4:1-4:2',
        severity: 'error',
        path: [],
        messageId: 'diag.yaml-syntax.tab',
        args: {},
        fixes: [],
      },
    ])
  })

  it('reports a second document', () => {
    const text = 'online:\n  - ring\n---\noffline:\n  - voicemail\n'
    expect(findings(text, 'yaml-syntax').map((f) => [f.at.split('-')[0], f.messageId])).toEqual([
      ['3:1', 'diag.yaml-syntax.multiple-documents'],
    ])
  })

  it('reports text that was not UTF-8', () => {
    const bytes = Buffer.from('online:\n  - play: http://example.com/caf\xe9.mp3\n', 'latin1')
    const text = new TextDecoder('utf-8').decode(bytes)
    expect(findings(text, 'yaml-syntax')).toEqual([
      expect.objectContaining({ at: '2:33-2:34', messageId: 'diag.yaml-syntax.utf8' }),
    ])
  })

  it('refuses input over 1 MiB with its size', () => {
    const text = 'online:\n' + '  - play: https://example.com/a.mp3\n'.repeat(40_000)
    expect(findings(text, 'too-large')).toEqual([
      {
        at: '1:1-1:1',
        severity: 'error',
        path: [],
        messageId: 'diag.too-large',
        args: { size: '1.4 MB' },
        fixes: [],
      },
    ])
  })

  it('accepts input of just under 1 MiB', () => {
    const line = '  - play: https://example.com/a.mp3\n'
    const body = line.repeat(Math.floor((1024 * 1024 - 100) / line.length))
    const text = `online:\n${body}offline:\n  - voicemail\nqueue:\n  - ring\n`
    expect(text.length).toBeLessThan(1024 * 1024)
    expect(briefs(text).filter((b) => b.endsWith('too-large'))).toEqual([])
  })

  it('refuses nesting deeper than 64 levels, where the 65th level opens', () => {
    const ok = `online: ${'['.repeat(63)}${']'.repeat(63)}\n`
    expect(briefs(ok).filter((b) => b.endsWith('too-deep'))).toEqual([])
    const deep = `online: ${'['.repeat(64)}${']'.repeat(64)}\n`
    expect(findings(deep, 'too-deep')).toEqual([
      {
        at: '1:72-1:73',
        severity: 'error',
        path: [],
        messageId: 'diag.too-deep',
        args: { max: 64 },
        fixes: [],
      },
    ])
  })
})

describe('messages', () => {
  const text = dedent`
    online:
      - goto: offlnie
    offline:
      - voicemail
    queue:
      - ring
    1:
      - ring
  `

  it('come out in Japanese when asked for', () => {
    const { diagnostics } = checkIvr(text, { locale: 'ja' })
    expect(diagnostics.map((d) => d.message)).toEqual([
      'セクション「offlnie」はありません。「offline」のことですか?',
      'セクション名はテキストである必要がありますが、1 は数値として読まれます。「menu_1」などに変更してください。',
    ])
  })

  it('keep the same codes, ranges and message ids in every language', () => {
    const strip = (locale: 'en' | 'ja') =>
      checkIvr(text, { locale }).diagnostics.map(({ message: _, ...rest }) => rest)
    expect(strip('ja')).toEqual(strip('en'))
  })

  it('come out in Japanese for problems found while reading, too', () => {
    expect(checkIvr('', { locale: 'ja' }).diagnostics.map((d) => d.message)).toEqual([
      '文書が空です。IVR にはセクション online、offline、queue を名前付きで書きます。',
    ])
  })

  /**
   * Texts no language translates: the product's name, a shell command, a file name, the name of
   * the YAML format, and each language's name for itself.
   */
  const sameInEveryLanguage = new Set([
    'app.title',
    'app.locale.en',
    'app.locale.ja',
    'editor.region.yaml',
    'editor.yaml.language',
    'testcall.tab.yaml',
    'compare.view.yaml',
    'library.version',
  ])
  const entries = Object.entries(en) as [keyof typeof en, string][]

  it.each(entries)('%s has a Japanese translation with the same arguments', (id, english) => {
    const japanese = ja[id]
    expect(typeof japanese).toBe('string')
    if (sameInEveryLanguage.has(id)) expect(japanese).toBe(english)
    else expect(japanese).not.toBe(english)
    for (const [argument] of english.matchAll(/\{[a-zA-Z]+\}/g)) {
      expect(japanese).toContain(argument)
    }
  })

  it('the Japanese catalog has no ids the English one lacks', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort())
  })
})

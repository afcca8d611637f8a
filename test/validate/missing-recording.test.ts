import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { ja } from '../../src/i18n/ja.ts'
import {
  recordingFileOf,
  type KnownRecordings,
} from '../../src/validate/rules/missing-recording.ts'
import { checkIvr, createValidationCache, validateIvr } from '../../src/validate/validate-ivr.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'
import { briefs } from '../helpers/diagnostics.ts'

const BASE = 'https://ivr.example.com'

function known(...files: string[]): KnownRecordings {
  return { baseUrl: BASE, files: new Set(files) }
}

const MENU = dedent`
  online:
    - play: https://ivr.example.com/recordings/welcome-3fa2c1d0.mp3
    - choice:
        1:
          name: Sales
          play: https://ivr.example.com/recordings/press-1-0badf00d.wav
          goto: sales
        2:
          name: Support
          play: https://cdn.example.com/recordings/press-2.wav
          do:
            - play: https://ivr.example.com/recordings/gone-deadbeef.mp3
            - ring
  offline:
    - voicemail
  queue:
    - ring
  sales:
    - ring
`

/** The missing-recording diagnostics of `text`, by position, path and message. */
function missing(text: string, recordings?: KnownRecordings) {
  return checkIvr(text, recordings ? { recordings } : {})
    .diagnostics.filter((d) => d.code === 'missing-recording')
    .map((d) => ({
      at: `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`,
      severity: d.severity,
      path: d.path,
      messageId: d.messageId,
      args: d.args,
    }))
}

describe('missing-recording', () => {
  it('finds nothing without known recordings, as on the command line', () => {
    expect(missing(MENU)).toEqual([])
  })

  it('warns on every play of this server that names no stored recording', () => {
    expect(missing(MENU, known('welcome-3fa2c1d0.mp3'))).toEqual([
      {
        at: '6:15-6:70',
        severity: 'warning',
        path: ['online', 1, 'choice', '1', 'play'],
        messageId: 'diag.missing-recording',
        args: {
          name: 'press-1-0badf00d.wav',
          url: 'https://ivr.example.com/recordings/press-1-0badf00d.wav',
        },
      },
      {
        at: '12:19-12:71',
        severity: 'warning',
        path: ['online', 1, 'choice', '2', 'do', 0, 'play'],
        messageId: 'diag.missing-recording',
        args: {
          name: 'gone-deadbeef.mp3',
          url: 'https://ivr.example.com/recordings/gone-deadbeef.mp3',
        },
      },
    ])
  })

  it('leaves URLs of other servers and other folders of this server alone', () => {
    const text = dedent`
      online:
        - play: https://cdn.example.com/recordings/a.mp3
        - play: https://ivr.example.com/audio/b.mp3
        - play: https://ivr.example.com.evil.test/recordings/c.mp3
        - ring
      offline: [voicemail]
      queue: [ring]
    `
    expect(missing(text, known())).toEqual([])
  })

  it('finds nothing when every recording named is stored', () => {
    const files = ['welcome-3fa2c1d0.mp3', 'press-1-0badf00d.wav', 'gone-deadbeef.mp3']
    expect(missing(MENU, known(...files))).toEqual([])
  })

  it('is a warning, so an IVR with only missing recordings can still be exported', () => {
    expect(briefs(MENU, { recordings: known() })).toEqual([
      '2:11-2:66 warning missing-recording',
      '6:15-6:70 warning missing-recording',
      '12:19-12:71 warning missing-recording',
    ])
  })

  it('reads the name without query or fragment, decoded, and the base without case', () => {
    const text = dedent`
      online:
        - play: HTTPS://IVR.Example.com/recordings/hello-0011aabb.wav?download=1#t=2
        - play: "https://ivr.example.com/recordings/hello%2D0011aabb.wav"
        - ring
      offline: [voicemail]
      queue: [ring]
    `
    expect(missing(text, known('hello-0011aabb.wav'))).toEqual([])
    expect(missing(text, known()).map((d) => d.args.name)).toEqual([
      'hello-0011aabb.wav',
      'hello-0011aabb.wav',
    ])
  })

  it('says so when a play URL ends at the recordings folder', () => {
    const text =
      'online:\n  - play: https://ivr.example.com/recordings/\noffline: [voicemail]\nqueue: [ring]\n'
    expect(missing(text, known()).map((d) => d.messageId)).toEqual([
      'diag.missing-recording.no-name',
    ])
  })

  it('says in English and Japanese which recording is missing', () => {
    const text =
      'online:\n  - play: https://ivr.example.com/recordings/gone-deadbeef.mp3\noffline: [voicemail]\nqueue: [ring]\n'
    const [english] = checkIvr(text, { recordings: known() }).diagnostics
    const [japanese] = checkIvr(text, { recordings: known(), locale: 'ja' }).diagnostics
    expect(english?.message).toBe(
      en['diag.missing-recording'].replace('{name}', 'gone-deadbeef.mp3'),
    )
    expect(english?.message).toContain('gone-deadbeef.mp3')
    expect(japanese?.message).toContain('gone-deadbeef.mp3')
    expect(japanese?.message).toBe(
      ja['diag.missing-recording'].replace('{name}', 'gone-deadbeef.mp3'),
    )
  })

  it('follows the recordings from one validation to the next with the same cache', () => {
    const parsed = parseIvr(MENU)
    const cache = createValidationCache()
    const count = (recordings?: KnownRecordings) =>
      validateIvr(parsed, { cache, ...(recordings ? { recordings } : {}) }).filter(
        (d) => d.code === 'missing-recording',
      ).length
    expect(count(known())).toBe(3)
    expect(count(known('welcome-3fa2c1d0.mp3', 'press-1-0badf00d.wav'))).toBe(1)
    expect(count()).toBe(0)
    expect(count(known())).toBe(3)
  })
})

describe('recordingFileOf', () => {
  it.each([
    ['https://ivr.example.com/recordings/a-0123abcd.mp3', 'a-0123abcd.mp3'],
    ['https://ivr.example.com/recordings/a-0123abcd.mp3?x=1', 'a-0123abcd.mp3'],
    ['https://ivr.example.com/recordings/a%20b.mp3', 'a b.mp3'],
    ['https://ivr.example.com/recordings/%E0%A4%A.mp3', '%E0%A4%A.mp3'],
    ['https://ivr.example.com/recordings/', ''],
    ['https://ivr.example.com/recordings', null],
    ['https://ivr.example.com/Recordings/a.mp3', null],
    ['https://ivr.example.com:8443/recordings/a.mp3', null],
    ['http://ivr.example.com/recordings/a.mp3', null],
  ])('%s names %j', (url, file) => {
    expect(recordingFileOf(url, BASE)).toBe(file)
  })

  it('takes a base with a path and a trailing slash', () => {
    expect(recordingFileOf('https://x.test/ivr/recordings/a.wav', 'https://x.test/ivr/')).toBe(
      'a.wav',
    )
  })
})

import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { ja } from '../../src/i18n/ja.ts'
import { LOCALES } from '../../src/i18n/translate.ts'
import { OUTCOME_KINDS, type CallOutcome } from '../../src/simulate/call.ts'
import { enumeratePaths } from '../../src/simulate/coverage.ts'
import { entryLocation, entryText, outcomeLabel, outcomeText } from '../../src/simulate/describe.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { answer, example, walk } from './walk.ts'

describe('entryText', () => {
  it('tells a callback from the queue in English and Japanese', () => {
    const call = walk(example('callback-from-queue.yaml'), { state: 'busy' }, ['2']).call
    const last = call.transcript.slice(-4)
    expect(last.map((entry) => `${entryLocation(entry)}  ${entryText(entry, 'en')}`)).toEqual([
      'queue:20  Prompt for 2 (Request callback): https://mycompany.ladesk.com/scripts/file.php?view=Y&file=press_2_to_request_callback.mp3',
      'queue:18  The caller presses 2: Request callback.',
      'queue:21  Goes to "callmeback".',
      'callmeback:23  Callback requested: the call ends and an agent will call back.',
    ])
    expect(last.slice(1).map((entry) => entryText(entry, 'ja'))).toEqual([
      '発信者が 2 を押しました: Request callback。',
      '「callmeback」に進みます。',
      'コールバックを受け付けました。通話は終わり、オペレーターが折り返し電話します。',
    ])
  })

  it('names the state of a department in the sentence of a transfer', () => {
    const call = walk(
      example('departments-transfer.yaml'),
      {
        state: 'available',
        departments: { techDepID: 'busy' },
      },
      ['2'],
    ).call
    const transfer = call.transcript.find((entry) => entry.kind === 'transfer')!
    expect(entryText(transfer, 'en')).toBe(
      'Transfers to techDepID, which is busy. No branch for that, so the department takes the call.',
    )
    expect(entryText(transfer, 'ja')).toBe(
      'techDepID に転送します。状態は全員通話中ですが対応する分岐がないため、部署が通話を引き継ぎます。',
    )
  })

  it('places the entries of a fetch answer in their script', () => {
    const call = walk(
      example('dynamic-fetch.yaml'),
      { state: 'available' },
      [],
      [answer(example('fetch-reply.yaml'))],
    ).call
    expect(call.transcript.slice(2).map(entryLocation)).toEqual([
      'start:2',
      'reply1:start:1',
      'reply1:start:2',
      'reply1:start:3',
      'reply1:start:3',
    ])
  })

  it.each(LOCALES)(
    'leaves no catalog id or argument unfilled in any example path (%s)',
    (locale) => {
      for (const name of [
        'callback-direct.yaml',
        'callback-from-queue.yaml',
        'departments-transfer.yaml',
        'dtmf-input.yaml',
      ]) {
        for (const path of enumeratePaths(parseIvr(example(name))).paths) {
          for (const entry of path.transcript) {
            const text = entryText(entry, locale)
            expect(text).not.toMatch(/sim\.|\{[a-z]+\}/)
          }
        }
      }
    },
  )
})

describe('outcomeText and outcomeLabel', () => {
  const outcomes: CallOutcome[] = [
    { kind: 'connected', department: null },
    { kind: 'connected', department: 'sales' },
    { kind: 'waiting' },
    { kind: 'voicemail' },
    { kind: 'callback-requested' },
    { kind: 'transferred', department: 'sales' },
    { kind: 'hung-up', reason: { code: 'end-of-list' } },
    {
      kind: 'hung-up',
      reason: {
        code: 'invalid-reply',
        url: 'https://x',
        messageId: 'diag.dangling-goto',
        args: { target: 'x' },
      },
    },
    { kind: 'hung-up', reason: { code: 'fetch-failed', url: 'https://x' } },
    { kind: 'hung-up', reason: { code: 'missing-section', section: 'online' } },
    { kind: 'hung-up', reason: { code: 'cannot-run' } },
    { kind: 'no-input' },
    { kind: 'loop', section: 'a', count: 50 },
    { kind: 'refused', errors: [] },
  ]

  it.each(LOCALES)('words every outcome in %s', (locale) => {
    for (const outcome of outcomes) {
      expect(outcomeText(outcome, locale)).not.toMatch(/sim\.|\{[a-z]+\}/)
    }
    for (const kind of [...OUTCOME_KINDS, 'fetched'] as const) {
      expect(outcomeLabel(kind, locale)).not.toMatch(/^sim\./)
    }
  })

  it('says why an answer was not a valid IVR, in the language asked for', () => {
    expect(outcomeText(outcomes[7]!, 'en')).toBe(
      'Hung up: what https://x answered is not a valid IVR. There is no section "x". Create it or choose an existing section.',
    )
    expect(outcomeText({ kind: 'loop', section: 'a', count: 50 }, 'ja')).toBe(
      '停止: 発信者の入力を待たずに「a」を 50 回繰り返しました。',
    )
  })

  it('has the same simulator ids in both catalogs', () => {
    const ids = (catalog: Record<string, string>) =>
      Object.keys(catalog)
        .filter((id) => id.startsWith('sim.'))
        .sort()
    expect(ids(ja)).toEqual(ids(en))
    expect(ids(en).length).toBeGreaterThan(50)
  })
})

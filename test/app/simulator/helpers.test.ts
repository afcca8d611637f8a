import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { entrySentence, outcomeTone, placeText } from '../../../src/app/simulator/call-view.ts'
import { departmentsOf } from '../../../src/app/simulator/departments.ts'
import { buildGraph } from '../../../src/graph/build-graph.ts'
import { phoneKeyOf } from '../../../src/app/simulator/keypad.ts'
import {
  groupPaths,
  pathId,
  pathsOf,
  sectionsWalked,
  unwalkedSteps,
} from '../../../src/app/simulator/paths.ts'
import { fetchReply, replyRequestUrl } from '../../../src/app/simulator/reply-request.ts'
import { promptsFrom } from '../../../src/app/simulator/use-prompt-audio.ts'
import { startCall, step } from '../../../src/simulate/engine.ts'
import { pathKey } from '../../../src/model/path.ts'
import { validateIvr } from '../../../src/validate/validate-ivr.ts'
import { parseIvr } from '../../../src/yaml/parse-ivr.ts'
import { dedent } from '../../helpers/dedent.ts'

const graphOf = (text: string) => buildGraph(parseIvr(text).model, text)

const template = (name: string) =>
  readFileSync(new URL(`../../../src/app/templates/${name}.yaml`, import.meta.url), 'utf8')

function listed(text: string) {
  const parsed = parseIvr(text)
  const diagnostics = validateIvr(parsed)
  return { parsed, diagnostics, list: pathsOf(parsed, diagnostics) }
}

describe('departments of an IVR', () => {
  it('lists every department a transfer names once, nested ones included, in order', () => {
    const text = dedent`
      online:
        - choice:
            1:
              name: Sales
              play: https://example.com/1.mp3
              do:
                - transfer:
                    to: sales
                    if:
                      offline:
                        - transfer: { to: support }
            2:
              name: Sales again
              play: https://example.com/2.mp3
              do:
                - transfer: { to: sales }
      offline: [voicemail]
      queue:
        - transfer: { to: billing }
    `
    expect(departmentsOf(graphOf(text))).toEqual(['sales', 'support', 'billing'])
    expect(departmentsOf(graphOf(template('departments-transfer')))).toEqual([
      'salesDepartmentID',
      'techDepID',
    ])
  })
})

describe('the path list', () => {
  it('groups the paths by the agents state, in the order available, busy, offline', () => {
    const { list } = listed(template('callback-from-queue'))
    const groups = groupPaths(list.paths)
    expect(groups.map((g) => [g.agents, g.paths.length])).toEqual([
      ['available', 1],
      ['busy', 4],
      ['offline', 1],
    ])
  })

  it('names the sections a path walks through, and gives each path its own id', () => {
    const { list } = listed(template('callback-from-queue'))
    expect(list.paths.map((p) => sectionsWalked(p).join(' > '))).toEqual([
      'online',
      'online > queue',
      'online > queue > voicemail',
      'online > queue > callmeback',
      'online > queue',
      'offline',
    ])
    const ids = list.paths.map(pathId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids[3]).toBe('busy||2|0|callback-requested')
  })

  it('lists no paths for an IVR with errors', () => {
    const { list } = listed('online:\n  - goto: nowhere\noffline: [voicemail]\nqueue: [ring]\n')
    expect(list.paths).toEqual([])
  })

  it('finds the commands that no path walks, and counts calls only on their own revision', () => {
    const text = dedent`
      online:
        - ring
        - play: https://example.com/never.mp3
      offline: [voicemail]
      queue:
        - play: https://example.com/hold.mp3
    `
    const { parsed, diagnostics } = listed(text)
    const unwalked = unwalkedSteps(parsed, diagnostics, [], 0, null)
    expect(unwalked.map((s) => `${s.section}:${s.line} ${s.kind}`)).toEqual(['online:3 play'])
    const walk = { revision: 0, visited: [['online', 1]] as const }
    expect(unwalkedSteps(parsed, diagnostics, [walk], 0, null)).toEqual([])
    expect(unwalkedSteps(parsed, diagnostics, [walk], 1, null)).toHaveLength(1)
    expect(unwalkedSteps(parsed, diagnostics, [], 0, [['online', 1]])).toEqual([])
  })
})

describe('the request for a reply', () => {
  const params = [
    { name: 'ticket', value: 'T 1' },
    { name: 'value', value: '42' },
  ]

  it('adds the parameters and ivrs to the query', () => {
    expect(replyRequestUrl('https://example.com/next', params, ['start', 'offline'])).toBe(
      'https://example.com/next?ticket=T+1&value=42&ivrs=start%2Coffline',
    )
    expect(replyRequestUrl('https://example.com/next?a=1#top', [], ['start'])).toBe(
      'https://example.com/next?a=1&ivrs=start',
    )
    expect(replyRequestUrl('https://example.com/next?', [], [])).toBe(
      'https://example.com/next?ivrs=',
    )
  })

  it('brings back the text, an HTTP error, a blocked request or a timeout as data', async () => {
    const answer = (body: string, status = 200) =>
      (async () => new Response(body, { status })) as unknown as typeof fetch
    expect(await fetchReply('https://x/', answer('start: [ring]'))).toEqual({
      kind: 'ok',
      text: 'start: [ring]',
    })
    expect(await fetchReply('https://x/', answer('', 503))).toEqual({ kind: 'status', status: 503 })
    const refused = (async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof fetch
    expect(await fetchReply('https://x/', refused)).toEqual({ kind: 'blocked' })
    const never = ((_: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal!.addEventListener('abort', () => reject(new Error('aborted'))),
      )) as unknown as typeof fetch
    expect(await fetchReply('https://x/', never, 20)).toEqual({ kind: 'timeout' })
  })
})

describe('the call as the panel shows it', () => {
  const parsed = parseIvr(template('callback-from-queue'))
  const call = startCall(parsed, { state: 'busy' })

  it('names recordings by their file, in both languages', () => {
    const play = call.transcript.find((e) => e.kind === 'play')!
    expect(entrySentence(play, 'en')).toBe('Plays connect-first-available-agent.mp3')
    expect(entrySentence(play, 'ja')).toBe('再生: connect-first-available-agent.mp3')
    const prompt = call.transcript.find((e) => e.kind === 'prompt')!
    expect(entrySentence(prompt, 'en')).toBe('Prompt for 0 (Wait): hidden-waiting-music.mp3')
  })

  it('says where a step happened', () => {
    expect(placeText(call.at!, 'en')).toBe('queue, line 9')
    expect(placeText(call.at!, 'ja')).toBe('queue・9 行目')
    expect(placeText({ ...call.at!, script: 2 }, 'en')).toBe('reply 2: queue, line 9')
  })

  it('gives outcomes a tone', () => {
    expect(outcomeTone('callback-requested')).toBe('success')
    expect(outcomeTone('waiting')).toBe('waiting')
    expect(outcomeTone('no-input')).toBe('warning')
    expect(outcomeTone('refused')).toBe('error')
  })

  it('queues the recordings each step adds, prompts without a URL left out', () => {
    expect(promptsFrom(call.transcript, 0).map((p) => p.url.split('file=')[1])).toEqual([
      'connect-first-available-agent.mp3',
      'next-in-queue.mp3',
      'hidden-waiting-music.mp3',
      'press-one-to-leave-a-voicemail.mp3',
      'press_2_to_request_callback.mp3',
    ])
    const next = step(call, { type: 'key', key: '1' })
    expect(
      promptsFrom(next.transcript, call.transcript.length).map((p) => p.url.split('file=')[1]),
    ).toEqual(['leave-a-voicemail.mp3'])
  })

  it('reads phone keys from the keyboard, not shortcuts', () => {
    const press = (key: string, ctrlKey = false) => ({
      key,
      ctrlKey,
      metaKey: false,
      altKey: false,
    })
    expect(['1', '0', '*', '#', 'a', 'Enter', 'F8'].map((k) => phoneKeyOf(press(k)))).toEqual([
      '1',
      '0',
      '*',
      '#',
      null,
      null,
      null,
    ])
    expect(phoneKeyOf(press('1', true))).toBeNull()
  })

  it('marks visited paths by their key', () => {
    expect(call.visited.map(pathKey)).toContain(pathKey(['queue', 1]))
  })
})

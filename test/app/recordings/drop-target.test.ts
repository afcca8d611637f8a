import { describe, expect, it } from 'vitest'
import {
  dropOp,
  dropOps,
  planDrop,
  type DropTarget,
} from '../../../src/app/recordings/drop-target.ts'
import { applyOp } from '../../../src/ops/apply-op.ts'
import { parseIvr } from '../../../src/yaml/parse-ivr.ts'
import { dedent } from '../../helpers/dedent.ts'

const URL = 'https://ivr.example.com/recordings/hello-0011aabb.wav'

const MENU = dedent`
  online:
    - play: https://example.com/welcome.mp3
    - choice:
        1:
          name: Sales
          play: https://example.com/press-1.mp3
          goto: sales
        2:
          name: Support
          do:
            - ring
    - transfer:
        to: billing
        if:
          offline:
            - voicemail
  offline:
    - voicemail
  queue:
    - play: https://example.com/hold.mp3
  sales: []
`

/** The text after dropping `urls` on `target` of `text`, one op after the other. */
function drop(text: string, target: DropTarget, urls: readonly string[] = [URL]): string | null {
  const plan = planDrop(parseIvr(text).model, target)
  if (!plan) return null
  let current = text
  for (const op of dropOps(plan, urls)) {
    const result = applyOp(parseIvr(current), op)
    if (!result.ok) throw new Error(`${op.type} refused: ${result.error}`)
    current = result.text
  }
  return current
}

describe('planDrop', () => {
  const model = parseIvr(MENU).model

  it('sets the URL of a play command', () => {
    expect(planDrop(model, { kind: 'row', path: ['online', 0] })).toEqual({
      kind: 'set',
      urlPath: ['online', 0, 'play'],
      section: 'online',
    })
  })

  it('sets the prompt of a choice option that has one', () => {
    expect(planDrop(model, { kind: 'row', path: ['online', 1, 'choice', '1'] })).toEqual({
      kind: 'set',
      urlPath: ['online', 1, 'choice', '1', 'play'],
      section: 'online',
    })
  })

  it('inserts a play before another command row, nested ones too', () => {
    expect(planDrop(model, { kind: 'row', path: ['online', 1] })).toEqual({
      kind: 'insert',
      list: ['online'],
      index: 1,
      section: 'online',
      whole: false,
    })
    expect(planDrop(model, { kind: 'row', path: ['online', 1, 'choice', '2', 'do', 0] })).toEqual({
      kind: 'insert',
      list: ['online', 1, 'choice', '2', 'do'],
      index: 0,
      section: 'online',
      whole: false,
    })
  })

  it('adds to a transfer branch before the command that ends it', () => {
    expect(
      planDrop(model, { kind: 'row', path: ['online', 2, 'transfer', 'if', 'offline'] }),
    ).toEqual({
      kind: 'insert',
      list: ['online', 2, 'transfer', 'if', 'offline'],
      index: 0,
      section: 'online',
      whole: true,
    })
  })

  it('adds to a card before the command that ends it, else after its last command', () => {
    const at = (name: string) => planDrop(model, { kind: 'section', name })
    expect(at('offline')).toMatchObject({ kind: 'insert', list: ['offline'], index: 0 })
    expect(at('queue')).toMatchObject({ kind: 'insert', list: ['queue'], index: 1 })
    expect(at('sales')).toMatchObject({ kind: 'insert', list: ['sales'], index: 0, whole: true })
  })

  it('treats an option without a prompt as its card', () => {
    expect(planDrop(model, { kind: 'row', path: ['online', 1, 'choice', '2'] })).toMatchObject({
      kind: 'insert',
      list: ['online'],
      index: 2,
      whole: true,
    })
  })

  it('finds nothing to drop on when the card or row is gone', () => {
    expect(planDrop(model, { kind: 'section', name: 'gone' })).toBeNull()
    expect(planDrop(model, { kind: 'row', path: ['online', 9] })).toBeNull()
  })
})

describe('dropping a recording', () => {
  it('on a play row replaces its URL and nothing else', () => {
    expect(drop(MENU, { kind: 'row', path: ['online', 0] })).toBe(
      MENU.replace('https://example.com/welcome.mp3', URL),
    )
  })

  it('on a prompt replaces the prompt, keeping its quotes', () => {
    const text =
      'online:\n  - choice:\n      1: { play: "https://a.test/x.mp3", goto: q }\noffline: [voicemail]\nqueue: [ring]\nq: [ring]\n'
    expect(drop(text, { kind: 'row', path: ['online', 0, 'choice', '1'] })).toBe(
      text.replace('"https://a.test/x.mp3"', `"${URL}"`),
    )
  })

  it('on a card that ends with voicemail puts the play before the voicemail', () => {
    expect(drop(MENU, { kind: 'section', name: 'offline' })).toBe(
      MENU.replace('offline:\n  - voicemail\n', `offline:\n  - play: ${URL}\n  - voicemail\n`),
    )
  })

  it('on an empty card makes its list a block list with the play', () => {
    expect(drop(MENU, { kind: 'section', name: 'sales' })).toBe(
      MENU.replace('sales: []\n', `sales:\n  - play: ${URL}\n`),
    )
  })

  it('on a ring row inserts the play before it, indented like its siblings', () => {
    expect(drop(MENU, { kind: 'row', path: ['online', 1, 'choice', '2', 'do', 0] })).toBe(
      MENU.replace(
        '        do:\n          - ring\n',
        `        do:\n          - play: ${URL}\n          - ring\n`,
      ),
    )
  })

  it('of several files on a card adds them in order', () => {
    const second = URL.replace('hello', 'again')
    expect(drop(MENU, { kind: 'section', name: 'queue' }, [URL, second])).toBe(
      MENU.replace(
        '  - play: https://example.com/hold.mp3\n',
        `  - play: https://example.com/hold.mp3\n  - play: ${URL}\n  - play: ${second}\n`,
      ),
    )
  })

  it('of several files on a play row sets the first and plays the others right after it', () => {
    const second = URL.replace('hello', 'again')
    expect(drop(MENU, { kind: 'row', path: ['queue', 0] }, [URL, second])).toBe(
      MENU.replace(
        '  - play: https://example.com/hold.mp3\n',
        `  - play: ${URL}\n  - play: ${second}\n`,
      ),
    )
  })

  it('of several files on a prompt sets the prompt with the first only', () => {
    const plan = planDrop(parseIvr(MENU).model, {
      kind: 'row',
      path: ['online', 1, 'choice', '1'],
    })
    expect(plan && dropOps(plan, [URL, 'https://x.test/b.wav'])).toEqual([
      { type: 'scalar.set', path: ['online', 1, 'choice', '1', 'play'], value: URL },
    ])
  })

  it('is a scalar.set or a command.add, the ops every view undoes alike', () => {
    expect(dropOp({ kind: 'set', urlPath: ['a', 0, 'play'], section: 'a' }, URL)).toEqual({
      type: 'scalar.set',
      path: ['a', 0, 'play'],
      value: URL,
    })
    expect(
      dropOp({ kind: 'insert', list: ['a'], index: 2, section: 'a', whole: true }, URL),
    ).toEqual({ type: 'command.add', list: ['a'], index: 2, command: { play: URL } })
  })
})

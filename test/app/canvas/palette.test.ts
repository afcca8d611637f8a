import { describe, expect, it } from 'vitest'
import { rowTop } from '../../../src/graph/card-geometry.ts'
import {
  cardAt,
  dropSlots,
  isNoOpMove,
  moveSlots,
  newCardPosition,
  pickSlot,
  rowIndent,
  type DropSlot,
} from '../../../src/app/canvas/palette/drop-slots.ts'
import {
  freeSectionName,
  insertionAfter,
  movedPath,
  planGesture,
  type DragSource,
  type GestureTarget,
} from '../../../src/app/canvas/palette/gesture-ops.ts'
import {
  BLOCK_ITEM_LIST,
  COMMAND_ITEM_LIST,
  gotoTarget,
  itemCommands,
} from '../../../src/app/canvas/palette/palette-items.ts'
import { buildGraph } from '../../../src/graph/build-graph.ts'
import { COMMAND_NAMES } from '../../../src/model/commands.ts'
import { applyOp } from '../../../src/ops/apply-op.ts'
import { validateIvr } from '../../../src/validate/validate-ivr.ts'
import { parseIvr } from '../../../src/yaml/parse-ivr.ts'
import { MINIMAL_IVR } from '../../helpers/ivr.ts'
import { dedent } from '../../helpers/dedent.ts'

const names = { agent: 'Talk to an agent', message: 'Leave a message' }

const ivr = dedent`
  # Support line
  online:
    # Greeting first
    - play: https://example.com/hello.mp3   # hello
    - choice:
        1:
          name: Sales
          do:
            - play: https://example.com/sales.mp3
            - ring
        2:
          name: Back
          goto: offline
  offline:
    - voicemail
  queue: []
  sales:
    - transfer:
        to: "42"
        if:
          offline: []
`

const parsed = parseIvr(ivr)
const graph = buildGraph(parsed.model, parsed.text)
const card = (name: string) => graph.sections.find((s) => s.name === name)!

/** The text after dropping `source` on `target`, checked to change nothing but the new lines. */
function drop(source: DragSource, target: GestureTarget, text = ivr): string {
  const before = parseIvr(text)
  const plan = planGesture(before, source, target, names)
  if (!plan) throw new Error('The drop does nothing.')
  const result = applyOp(before, plan.op)
  if (!result.ok) throw new Error(result.error)
  return result.text
}

const slot = (section: string, list: DropSlot['list'], index: number): GestureTarget => {
  const found = dropSlots(card(section)).find(
    (s) => JSON.stringify(s.list) === JSON.stringify(list) && s.index === index,
  )
  if (!found) throw new Error(`No slot ${JSON.stringify(list)} ${index}.`)
  return { kind: 'slot', section, slot: found }
}

describe('drop slots of a card', () => {
  it('lie before every command, after the last of each list, and in empty lists', () => {
    const slots = dropSlots(card('online')).map((s) => [
      JSON.stringify(s.list),
      s.index,
      s.boundary,
      s.depth,
    ])
    // Rows: play, choice, option 1, play, ring, option 2.
    expect(slots).toEqual([
      ['["online"]', 0, 0, 0],
      ['["online"]', 1, 1, 0],
      ['["online",1,"choice","1","do"]', 0, 3, 2],
      ['["online",1,"choice","1","do"]', 1, 4, 2],
      ['["online",1,"choice","1","do"]', 2, 5, 2],
      ['["online"]', 2, 6, 0],
    ])
    expect(dropSlots(card('queue'))).toEqual([{ list: ['queue'], index: 0, boundary: 0, depth: 0 }])
    expect(
      dropSlots(card('sales')).map((s) => [JSON.stringify(s.list), s.index, s.boundary]),
    ).toEqual([
      ['["sales"]', 0, 0],
      ['["sales"]', 1, 2],
      ['["sales",0,"transfer","if","offline"]', 0, 2],
    ])
  })

  it('are picked by the nearest line between rows, and by how far right the pointer is', () => {
    const slots = dropSlots(card('online'))
    const at = (boundary: number, x: number) => pickSlot(slots, { x, y: rowTop(boundary) + 3 })
    expect(at(1, 150)).toMatchObject({ list: ['online'], index: 1 })
    expect(at(4, 150)).toMatchObject({ list: ['online', 1, 'choice', '1', 'do'], index: 1 })
    // Over the header the first slot wins.
    expect(pickSlot(slots, { x: 150, y: 10 })).toMatchObject({ list: ['online'], index: 0 })
    expect(at(6, 150)).toMatchObject({ list: ['online'], index: 2 })
    // Below a transfer two lists end: the branch's when the pointer is right of where its rows
    // start, else the section's.
    const sales = dropSlots(card('sales'))
    const bottom = rowTop(2) + 2
    expect(pickSlot(sales, { x: rowIndent(2) + 1, y: bottom })).toMatchObject({
      index: 0,
      depth: 2,
    })
    expect(pickSlot(sales, { x: rowIndent(0) + 1, y: bottom })).toMatchObject({
      list: ['sales'],
      index: 1,
    })
  })

  it('for a move leave out the command itself and its insides, and know when nothing moves', () => {
    const slots = moveSlots(dropSlots(card('online')), ['online', 1])
    expect(slots.every((s) => s.list.length === 1)).toBe(true)
    expect(isNoOpMove({ list: ['online'], index: 1, boundary: 1, depth: 0 }, ['online', 1])).toBe(
      true,
    )
    expect(isNoOpMove({ list: ['online'], index: 2, boundary: 6, depth: 0 }, ['online', 1])).toBe(
      true,
    )
    expect(isNoOpMove({ list: ['online'], index: 0, boundary: 0, depth: 0 }, ['online', 1])).toBe(
      false,
    )
  })

  it('belong to the card under the point, the one drawn last when cards overlap', () => {
    const positions: Record<string, { x: number; y: number }> = {
      'section:online': { x: 0, y: 0 },
      'section:offline': { x: 100, y: 50 },
    }
    const find = (x: number, y: number) =>
      cardAt(graph.sections, (id) => positions[id] ?? null, { x, y })?.section.name ?? null
    expect(find(20, 20)).toBe('online')
    expect(find(150, 80)).toBe('offline')
    expect(find(1000, 1000)).toBeNull()
  })

  it('put a new card with its name under the pointer', () => {
    expect(newCardPosition({ x: 500.4, y: 300 })).toEqual({ x: 472, y: 271 })
  })
})

describe('palette items', () => {
  it('offer every command and the three blocks', () => {
    expect(COMMAND_ITEM_LIST.map((i) => i.id)).toEqual([...COMMAND_NAMES])
    expect(BLOCK_ITEM_LIST.map((i) => i.id)).toEqual([
      'menu',
      'request-callback',
      'leave-voicemail',
    ])
  })

  it('add no errors of their own to a valid IVR', () => {
    const base = MINIMAL_IVR
    for (const item of [...COMMAND_ITEM_LIST, ...BLOCK_ITEM_LIST]) {
      const text = drop({ kind: 'item', id: item.id }, { kind: 'canvas', at: { x: 0, y: 0 } }, base)
      const errors = validateIvr(parseIvr(text)).filter((d) => d.severity === 'error')
      expect(errors.map((d) => `${item.id}: ${d.code}`)).toEqual([])
    }
  })

  it('send a new goto to a section that is no entry point and not its own', () => {
    expect(gotoTarget({ model: parsed.model, into: 'sales' })).toBe('online')
    expect(gotoTarget({ model: parsed.model, into: 'online' })).toBe('sales')
    expect(itemCommands('goto', { model: parsed.model, into: null, optionNames: names })).toEqual([
      { goto: 'sales' },
    ])
  })
})

describe('gestures as YAML', () => {
  it('a command dropped between two rows is exactly one new line', () => {
    expect(drop({ kind: 'item', id: 'ring' }, slot('offline', ['offline'], 0))).toBe(
      ivr.replace('offline:\n', 'offline:\n  - ring\n'),
    )
  })

  it('a command dropped into an option’s list is written at its indentation', () => {
    const after = drop(
      { kind: 'item', id: 'voicemail' },
      slot('online', ['online', 1, 'choice', '1', 'do'], 2),
    )
    expect(after).toBe(
      ivr.replace('          - ring\n', '          - ring\n          - voicemail\n'),
    )
  })

  it('a block dropped into a card is one edit with both commands', () => {
    const after = drop({ kind: 'item', id: 'leave-voicemail' }, slot('sales', ['sales'], 1))
    expect(after).toBe(`${ivr}  - play: https://example.com/leave-a-message.mp3\n  - voicemail\n`)
  })

  it('a menu dropped into an empty section fills it', () => {
    const after = drop({ kind: 'item', id: 'menu' }, slot('queue', ['queue'], 0))
    expect(after).toBe(
      ivr.replace(
        'queue: []\n',
        dedent`
          queue:
            - choice:
                1:
                  name: Talk to an agent
                  play: https://example.com/press-1.mp3
                  do:
                    - ring
                2:
                  name: Leave a message
                  play: https://example.com/press-2.mp3
                  do:
                    - voicemail
        `,
      ),
    )
  })

  it('an item dropped on the empty canvas becomes a section of its own under a free name', () => {
    const source: DragSource = { kind: 'item', id: 'request-callback' }
    const plan = planGesture(parsed, source, { kind: 'canvas', at: { x: 400, y: 200 } }, names)
    expect(plan?.op).toMatchObject({ type: 'section.add', name: 'callback' })
    expect(plan?.place).toEqual({ id: 'section:callback', position: { x: 372, y: 171 } })
    expect(drop(source, { kind: 'canvas', at: { x: 0, y: 0 } })).toBe(
      `${ivr}callback:\n  - play: https://example.com/callback.mp3\n  - callback\n`,
    )
    expect(freeSectionName(parsed.model, 'sales')).toBe('sales_2')
  })

  it('a row dragged within its card moves its lines with their comments', () => {
    const after = drop({ kind: 'row', path: ['online', 0] }, slot('online', ['online'], 2))
    expect(after).toBe(
      ivr
        .replace('  # Greeting first\n  - play: https://example.com/hello.mp3   # hello\n', '')
        .replace(
          '        goto: offline\n',
          '        goto: offline\n  # Greeting first\n  - play: https://example.com/hello.mp3   # hello\n',
        ),
    )
  })

  it('a row dragged into another card leaves its own and lands at the line shown', () => {
    const after = drop({ kind: 'row', path: ['offline', 0] }, slot('online', ['online'], 1))
    expect(after).toBe(
      ivr
        .replace('offline:\n  - voicemail\n', 'offline: []\n')
        .replace('  - choice:\n', '  - voicemail\n  - choice:\n'),
    )
    expect(
      movedPath(['offline', 0], { list: ['online'], index: 1, boundary: 1, depth: 0 }),
    ).toEqual(['online', 1])
    expect(movedPath(['online', 0], { list: ['online'], index: 2, boundary: 6, depth: 0 })).toEqual(
      ['online', 1],
    )
  })

  it('a row put back where it was does nothing', () => {
    expect(
      planGesture(
        parsed,
        { kind: 'row', path: ['online', 0] },
        slot('online', ['online'], 1),
        names,
      ),
    ).toBeNull()
    expect(
      planGesture(
        parsed,
        { kind: 'row', path: ['online', 0] },
        { kind: 'canvas', at: { x: 0, y: 0 } },
        names,
      ),
    ).toBeNull()
  })
})

describe('adding without a drag', () => {
  it('goes after the selected command, into the selected section, option or branch', () => {
    const where = (path: (string | number)[] | null) => insertionAfter(parsed.model, path)
    expect(where(['online', 0, 'play'])).toEqual({ list: ['online'], index: 1, section: 'online' })
    expect(where(['offline'])).toEqual({ list: ['offline'], index: 1, section: 'offline' })
    expect(where(['online', 1, 'choice', '1'])).toEqual({
      list: ['online', 1, 'choice', '1', 'do'],
      index: 2,
      section: 'online',
    })
    // An option that goes to a section has no list: after its menu.
    expect(where(['online', 1, 'choice', '2'])).toEqual({
      list: ['online'],
      index: 2,
      section: 'online',
    })
    expect(where(['sales', 0, 'transfer', 'if', 'offline'])).toEqual({
      list: ['sales', 0, 'transfer', 'if', 'offline'],
      index: 0,
      section: 'sales',
    })
    expect(where(null)).toBeNull()
    expect(where(['gone'])).toBeNull()
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildGraph } from '../../src/graph/build-graph.ts'
import { FOLLOW_GAP, FOLLOW_STEP, followLayout } from '../../src/graph/follow-layout.ts'
import { CARD, cardSize, type Point } from '../../src/graph/layout.ts'
import { createAppStore } from '../../src/app/state/app-store.ts'
import { positionOf } from '../../src/app/state/canvas.ts'
import { layoutKey } from '../../src/graph/layout.ts'
import { redoIn, undoIn } from '../../src/app/state/history-recorder.ts'
import { applyOpIn } from '../../src/app/state/use-editing.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { MINIMAL_IVR } from '../helpers/ivr.ts'

function graphOf(text: string) {
  const parsed = parseIvr(text)
  return buildGraph(parsed.model, parsed.text)
}

const IVR = MINIMAL_IVR

/** Cards in one column, 100 px apart: online, offline, queue. */
const COLUMN: Record<string, Point> = {
  'section:online': { x: 0, y: 0 },
  'section:offline': { x: 0, y: 200 },
  'section:queue': { x: 0, y: 400 },
}

const at = (positions: Record<string, Point>) => (id: string) => positions[id] ?? null

describe('positions that follow an edit', () => {
  it('keeps every card where it stands when nothing grew', () => {
    const before = graphOf(IVR)
    const after = graphOf(IVR.replace('- voicemail', '- callback'))
    expect(followLayout(before, after, at(COLUMN))).toEqual(COLUMN)
  })

  it('places a new section right of the card that leads to it, clear of other cards', () => {
    const before = graphOf(IVR)
    const after = graphOf(`${IVR.replace('- ring', '- goto: sales')}sales:\n  - ring\n`)
    const positions = followLayout(before, after, at(COLUMN))
    expect(positions['section:sales']).toEqual({ x: CARD.width + FOLLOW_STEP, y: 0 })

    // Where that spot is taken, it goes down past the card there.
    const taken = { ...COLUMN, 'section:other': { x: CARD.width + FOLLOW_STEP, y: 0 } }
    const withOther = graphOf(
      `${IVR.replace('- ring', '- goto: sales')}sales:\n  - ring\nother:\n  - ring\n`,
    )
    const other = cardSize(withOther.sections.find((s) => s.name === 'other')!)
    expect(followLayout(before, withOther, at(taken))['section:sales']).toEqual({
      x: CARD.width + FOLLOW_STEP,
      y: other.height + FOLLOW_GAP,
    })
  })

  it('places a section nothing leads to below all the cards', () => {
    const before = graphOf(IVR)
    const after = graphOf(`${IVR}spare:\n  - ring\n`)
    const queue = cardSize(after.sections.find((s) => s.name === 'queue')!)
    expect(followLayout(before, after, at(COLUMN))['section:spare']).toEqual({
      x: 0,
      y: 400 + queue.height + FOLLOW_GAP,
    })
  })

  it('pushes the cards below a card that grew down, keeping their gaps', () => {
    const before = graphOf(IVR)
    const after = graphOf(IVR.replace('- ring', '- ring\n  - ring\n  - ring\n  - ring'))
    const online = cardSize(after.sections[0]!)
    const positions = followLayout(before, after, at(COLUMN))
    expect(positions['section:online']).toEqual({ x: 0, y: 0 })
    // online now ends at online.height and offline keeps a 40 px gap below it; queue was far
    // enough below offline to stay where it was.
    const offlineY = online.height + FOLLOW_GAP
    expect(positions['section:offline']).toEqual({ x: 0, y: offlineY })
    expect(positions['section:queue']).toEqual({ x: 0, y: 400 })

    // Cards packed tight all move down together.
    const tight = {
      'section:online': { x: 0, y: 0 },
      'section:offline': { x: 0, y: 118 },
      'section:queue': { x: 0, y: 236 },
    }
    const packed = followLayout(before, after, at(tight))
    expect(packed['section:offline']).toEqual({ x: 0, y: online.height + 10 })
    expect(packed['section:queue']).toEqual({ x: 0, y: online.height + 10 + 118 })
  })

  it('moves no card beside or far below one that grew', () => {
    const before = graphOf(IVR)
    const after = graphOf(IVR.replace('- ring', '- ring\n  - ring'))
    const spread = {
      'section:online': { x: 0, y: 0 },
      'section:offline': { x: 400, y: 50 },
      'section:queue': { x: 0, y: 1000 },
    }
    expect(followLayout(before, after, at(spread))).toEqual(spread)
  })

  it('never leaves a grown or new card over another that was clear of it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 4 }),
        (extra, added) => {
          const before = graphOf(IVR)
          const grow = (n: number) => '\n  - ring'.repeat(n)
          const lines = IVR.split('\n')
          const text =
            [
              `${lines[0]}\n${lines[1]}${grow(extra[0]!)}`,
              `${lines[2]}\n${lines[3]}${grow(extra[1]!)}`,
              `${lines[4]}\n${lines[5]}${grow(extra[2]!)}`,
            ].join('\n') +
            '\n' +
            Array.from({ length: added }, (_, i) => `new${i}:\n  - ring\n`).join('')
          const after = graphOf(text)
          const positions = followLayout(before, after, at(COLUMN))
          const boxes = after.sections.map((s) => ({ ...positions[s.id]!, ...cardSize(s) }))
          for (const [i, a] of boxes.entries()) {
            for (const b of boxes.slice(i + 1)) {
              const apart =
                a.x + a.width <= b.x ||
                b.x + b.width <= a.x ||
                a.y + a.height <= b.y ||
                b.y + b.height <= a.y
              expect(apart).toBe(true)
            }
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('the canvas following edits', () => {
  /** Cards 40 px apart in one column (each is 108 px high). */
  const TIGHT: Record<string, Point> = {
    'section:online': { x: 0, y: 0 },
    'section:offline': { x: 0, y: 148 },
    'section:queue': { x: 0, y: 296 },
  }

  function laidOut() {
    const store = createAppStore({
      storage: undefined,
      languages: ['en'],
      document: { name: 'test.yaml', text: IVR },
    })
    const key = layoutKey(store.getState().document.view.good.graph)
    store.dispatch({ type: 'canvas.layout', key, positions: TIGHT })
    return store
  }

  it('pins every card where it stands when an edit changes the shape, and undo puts it back', () => {
    const store = laidOut()
    applyOpIn(store, {
      type: 'command.add',
      list: ['online'],
      index: 1,
      command: 'ring',
    })
    const { canvas } = store.getState()
    expect(canvas.auto).toEqual(TIGHT)
    expect(Object.keys(canvas.manual).sort()).toEqual(Object.keys(TIGHT).sort())
    expect(canvas.layoutKey).toBe(layoutKey(store.getState().document.view.good.graph))
    // online grew by a row: the cards below it moved down by that much.
    expect(positionOf(canvas, 'section:offline')).toEqual({ x: 0, y: 148 + CARD.row })
    expect(positionOf(canvas, 'section:queue')).toEqual({ x: 0, y: 296 + CARD.row })

    undoIn(store)
    expect(store.getState().canvas.manual).toEqual({})
    expect(positionOf(store.getState().canvas, 'section:offline')).toEqual({ x: 0, y: 148 })
    redoIn(store)
    expect(positionOf(store.getState().canvas, 'section:offline')).toEqual({
      x: 0,
      y: 148 + CARD.row,
    })
  })

  it('leaves positions to the first layout while it has not come', () => {
    const store = createAppStore({
      storage: undefined,
      languages: ['en'],
      document: { name: 'test.yaml', text: IVR },
    })
    store.dispatch({ type: 'document.text', text: `${IVR}spare:\n  - ring\n` })
    expect(store.getState().canvas).toEqual({ manual: {}, auto: {}, layoutKey: null })
  })
})

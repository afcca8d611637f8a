import { readFileSync } from 'node:fs'
import ElkModule from 'elkjs/lib/elk.bundled.js'
import { describe, expect, it } from 'vitest'
import { buildGraph } from '../../src/graph/build-graph.ts'
import { cardSize, CARD, fromElkLayout, layoutKey, toElkGraph } from '../../src/graph/layout.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'

const example = (name: string) =>
  readFileSync(new URL(`../fixtures/examples/${name}`, import.meta.url), 'utf8')

function graphOf(text: string) {
  const parsed = parseIvr(text)
  return buildGraph(parsed.model, parsed.text)
}

describe('the layered layout', () => {
  it('sizes a card from its rows', () => {
    const graph = graphOf(example('callback-from-queue.yaml'))
    expect(cardSize(graph.sections[2]!)).toEqual({
      width: CARD.width,
      height: CARD.header + 5 * CARD.row + 2 * CARD.padding,
    })
  })

  it('places entry sections left of the sections they lead to, without overlaps', async () => {
    const graph = graphOf(example('callback-from-queue.yaml'))
    // The bundle is CommonJS: its export is the constructor itself.
    const ELK = ElkModule as unknown as new () => { layout(graph: unknown): Promise<never> }
    const elk = new ELK()
    const positions = fromElkLayout(await elk.layout(structuredClone(toElkGraph(graph)) as never))
    const queue = positions.get('section:queue')!
    expect(positions.get('section:callmeback')!.x).toBeGreaterThan(queue.x)
    expect(positions.get('section:voicemail')!.x).toBeGreaterThan(queue.x)
    const boxes = graph.sections.map((s) => ({ ...positions.get(s.id)!, ...cardSize(s) }))
    for (const a of boxes) {
      for (const b of boxes) {
        if (a === b) continue
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
        expect(overlap).toBe(false)
      }
    }
  })

  it('needs to run again only when cards, sizes or links change', () => {
    const a = graphOf('online:\n  - play: https://a.example/1.mp3\noffline: [voicemail]\nqueue: [ring]\n')
    const b = graphOf('online:\n  - play: https://a.example/2.mp3\noffline: [voicemail]\nqueue: [ring]\n')
    const c = graphOf('online:\n  - goto: queue\noffline: [voicemail]\nqueue: [ring]\n')
    expect(layoutKey(a)).toBe(layoutKey(b))
    expect(layoutKey(a)).not.toBe(layoutKey(c))
  })
})

import { describe, expect, it } from 'vitest'
import { buildGraph } from '../../src/graph/build-graph.ts'
import { edgePointAt } from '../../src/graph/card-geometry.ts'
import { edgesBehindCards } from '../../src/graph/edge-crossings.ts'
import type { Point } from '../../src/graph/layout.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'

const TEXT = dedent`
  online:
    - goto: far
  offline: [voicemail]
  queue:
    - goto: near
  near: [ring]
  far: [ring]
`

function graphOf(text: string) {
  const parsed = parseIvr(text)
  return buildGraph(parsed.model, parsed.text)
}

describe('edges that pass behind cards', () => {
  it('are those whose curve crosses a card other than the two it joins', () => {
    const graph = graphOf(TEXT)
    // online → far runs straight through `near`, which stands between them; queue → near is
    // clear of every other card.
    const at: Record<string, Point> = {
      'section:online': { x: 0, y: 0 },
      'section:offline': { x: 0, y: 400 },
      'section:queue': { x: 0, y: 200 },
      'section:near': { x: 400, y: 20 },
      'section:far': { x: 800, y: 0 },
    }
    const behind = edgesBehindCards(graph, (id) => at[id] ?? null)
    const ids = graph.edges.map((e) => e.id)
    expect(ids).toHaveLength(2)
    expect([...behind]).toEqual([ids[0]])
  })

  it('leave out edges of cards not placed yet', () => {
    const graph = graphOf(TEXT)
    expect(edgesBehindCards(graph, () => null).size).toBe(0)
  })

  it('follow the drawn curve from its start to its end', () => {
    const source = { x: 300, y: 100 }
    const target = { x: 700, y: 300 }
    expect(edgePointAt(source, target, 0)).toEqual(source)
    expect(edgePointAt(source, target, 1)).toEqual(target)
    expect(edgePointAt(source, target, 0.5)).toEqual({ x: 500, y: 200 })
  })
})

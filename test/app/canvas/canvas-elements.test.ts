import { describe, expect, it } from 'vitest'
import {
  createElementBuilder,
  type ElementInputs,
} from '../../../src/app/canvas/canvas-elements.ts'
import { canvasElkGraph, fallbackLayout } from '../../../src/app/canvas/canvas-layout.ts'
import { createDocumentSession } from '../../../src/app/state/document-session.ts'
import { EMPTY_CANVAS, type CanvasState } from '../../../src/app/state/canvas.ts'
import { CARD, cardSize } from '../../../src/graph/layout.ts'
import { translate } from '../../../src/i18n/translate.ts'
import { dedent } from '../../helpers/dedent.ts'

const t: ElementInputs['t'] = (id, args) => translate('en', id, args)

const TEXT = dedent`
  online:
    - play: https://example.com/welcome.mp3
    - choice:
        1:
          name: Sales
          play: https://example.com/1.mp3
          goto: sales
        2:
          name: Help
          play: https://example.com/2.mp3
          goto: hepl
  offline: [voicemail]
  queue: [ring]
  sales: [ring]
`

function laidOut(graph: ElementInputs['graph']): CanvasState {
  return { ...EMPTY_CANVAS, auto: fallbackLayout(graph), layoutKey: 'k' }
}

describe('the canvas elements', () => {
  it('make a node per section and stub, sized like the layout, with the handles of their rows', () => {
    const session = createDocumentSession()
    const { graph, marks } = session.view(TEXT).good
    const { nodes, edges } = createElementBuilder()({
      graph,
      canvas: laidOut(graph),
      dragging: {},
      selection: null,
      marks,
      t,
    })
    expect(nodes.map((n) => [n.id, n.type, n.width, n.height])).toEqual([
      ...graph.sections.map((s) => [s.id, 'section', CARD.width, cardSize(s).height]),
      ['missing:hepl', 'stub', CARD.stubWidth, CARD.stubHeight],
    ])
    const online = nodes[0]!
    expect(online.data).toBe(graph.sections[0])
    expect(online.handles?.map((h) => [h.type, h.id, h.x, h.y])).toEqual([
      ['target', null, 0, CARD.header / 2],
      [
        'source',
        '["online",1,"choice","1"]',
        CARD.width,
        CARD.header + CARD.padding + 2.5 * CARD.row,
      ],
      [
        'source',
        '["online",1,"choice","2"]',
        CARD.width,
        CARD.header + CARD.padding + 3.5 * CARD.row,
      ],
    ])
    expect(online.ariaLabel).toBe('Section online, entry point, 4 rows, 1 error')
    expect(online.className).toBe('ivr-entry ivr-error')
    expect(edges.map((e) => [e.id, e.data?.kind])).toEqual([
      ['["online",1,"choice","1"]->section:sales', 'option'],
      ['["online",1,"choice","2"]->missing:hepl', 'dangling'],
    ])
  })

  it('gives back the very same node when its section, place, selection and marks did not change', () => {
    const session = createDocumentSession()
    const build = createElementBuilder()
    const first = session.view(TEXT).good
    const canvas = laidOut(first.graph)
    const before = build({
      graph: first.graph,
      canvas,
      dragging: {},
      selection: null,
      marks: first.marks,
      t,
    })
    const second = session.view(TEXT.replace('sales: [ring]', 'sales: [voicemail]')).good
    const after = build({
      graph: second.graph,
      canvas,
      dragging: {},
      selection: null,
      marks: second.marks,
      t,
    })
    const changed = after.nodes.filter((node, i) => node !== before.nodes[i]).map((n) => n.id)
    expect(changed).toEqual(['section:sales'])
    expect(after.edges.every((edge, i) => edge === before.edges[i])).toBe(true)
  })

  it('selects the card and highlights the edges of the selected row only', () => {
    const { graph, marks } = createDocumentSession().view(TEXT).good
    const build = createElementBuilder()
    const canvas = laidOut(graph)
    const row = build({
      graph,
      canvas,
      dragging: {},
      selection: { nodeId: 'section:online', rowId: '["online",1,"choice","1"]' },
      marks,
      t,
    })
    expect(row.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['section:online'])
    expect(row.edges.filter((e) => e.selected).map((e) => e.target)).toEqual(['section:sales'])
    const card = build({
      graph,
      canvas,
      dragging: {},
      selection: { nodeId: 'section:sales', rowId: null },
      marks,
      t,
    })
    expect(card.edges.filter((e) => e.selected).map((e) => e.source)).toEqual(['section:online'])
  })

  it('puts dragged cards ahead of the admin’s positions, and those ahead of the layout’s', () => {
    const { graph, marks } = createDocumentSession().view(TEXT).good
    const canvas = { ...laidOut(graph), manual: { 'section:queue': { x: 900, y: 40 } } }
    const { nodes } = createElementBuilder()({
      graph,
      canvas,
      dragging: { 'section:sales': { x: -5, y: 7 } },
      selection: null,
      marks,
      t,
    })
    const at = Object.fromEntries(nodes.map((n) => [n.id, n.position]))
    expect(at['section:queue']).toEqual({ x: 900, y: 40 })
    expect(at['section:sales']).toEqual({ x: -5, y: 7 })
    expect(at['section:online']).toEqual(canvas.auto['section:online'])
  })

  it('hides cards (and their edges) until the layout has placed them', () => {
    const { graph, marks } = createDocumentSession().view(TEXT).good
    const { nodes, edges } = createElementBuilder()({
      graph,
      canvas: EMPTY_CANVAS,
      dragging: {},
      selection: null,
      marks,
      t,
    })
    expect(nodes.every((n) => n.hidden)).toBe(true)
    expect(edges.every((e) => e.hidden)).toBe(true)
  })
})

describe('the canvas layout', () => {
  it('asks ELK to wrap long chains of sections into rows', () => {
    const { graph } = createDocumentSession().view(TEXT).good
    const input = canvasElkGraph(graph)
    expect(input.layoutOptions['elk.algorithm']).toBe('layered')
    expect(input.layoutOptions['elk.layered.wrapping.strategy']).toBe('MULTI_EDGE')
    expect(input.children.map((c) => c.id)).toEqual([
      ...graph.sections.map((s) => s.id),
      'missing:hepl',
    ])
  })

  it('falls back to a grid without overlaps, entry sections first', () => {
    const { graph } = createDocumentSession().view(TEXT).good
    const positions = fallbackLayout(graph)
    expect(Object.keys(positions)).toHaveLength(graph.sections.length + graph.stubs.length)
    expect(positions['section:online']).toEqual({ x: 0, y: 0 })
  })
})

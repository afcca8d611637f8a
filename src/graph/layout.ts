import type { GraphSection, IvrGraph } from './graph.ts'

/** Card metrics in CSS pixels, shared by the canvas styles and the layout. */
export const CARD = {
  width: 300,
  header: 58,
  row: 30,
  padding: 10,
  stubWidth: 200,
  stubHeight: 64,
} as const

/** A position on the canvas, top-left corner, in CSS pixels. */
export interface Point {
  readonly x: number
  readonly y: number
}

/** The size of a section's card, as the canvas draws it. */
export function cardSize(section: GraphSection): { width: number; height: number } {
  return { width: CARD.width, height: CARD.header + section.rows.length * CARD.row + CARD.padding * 2 }
}

/** The part of ELK's JSON graph format that the layout uses. */
export interface ElkInput {
  readonly id: string
  readonly layoutOptions: Readonly<Record<string, string>>
  readonly children: readonly {
    readonly id: string
    readonly width: number
    readonly height: number
    readonly layoutOptions?: Readonly<Record<string, string>>
  }[]
  readonly edges: readonly { readonly id: string; readonly sources: string[]; readonly targets: string[] }[]
}

/** What ELK gives back: the children with positions. */
export interface ElkOutput {
  readonly children?: readonly { readonly id: string; readonly x?: number; readonly y?: number }[]
}

/**
 * The ELK graph for a left-to-right layered layout: entry sections in the first layer, few
 * crossings, the order of the YAML kept where it does not cost crossings.
 */
export function toElkGraph(graph: IvrGraph): ElkInput {
  return {
    id: 'ivr',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.partitioning.activate': 'true',
      'elk.separateConnectedComponents': 'false',
    },
    children: [
      ...graph.sections.map((section) => ({
        id: section.id,
        ...cardSize(section),
        layoutOptions: {
          'elk.partitioning.partition': section.entry ? '0' : '1',
        },
      })),
      ...graph.stubs.map((stub) => ({
        id: stub.id,
        width: CARD.stubWidth,
        height: CARD.stubHeight,
        layoutOptions: { 'elk.partitioning.partition': '1' },
      })),
    ],
    edges: uniqueEdges(graph),
  }
}

/** One ELK edge per pair of cards: several options to the same section count once. */
function uniqueEdges(graph: IvrGraph): ElkInput['edges'] {
  const seen = new Set<string>()
  const edges: { id: string; sources: string[]; targets: string[] }[] = []
  for (const edge of graph.edges) {
    if (edge.source === edge.target) continue
    const id = `${edge.source}->${edge.target}`
    if (seen.has(id)) continue
    seen.add(id)
    edges.push({ id, sources: [edge.source], targets: [edge.target] })
  }
  return edges
}

/** The positions ELK computed, by card id. */
export function fromElkLayout(output: ElkOutput): Map<string, Point> {
  const positions = new Map<string, Point>()
  for (const child of output.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) })
  }
  return positions
}

/**
 * A short key for the layout-relevant shape of the graph: the cards, their sizes and the edges
 * between them. The layout needs to run again only when it changes.
 */
export function layoutKey(graph: IvrGraph): string {
  let key = layoutKeys.get(graph)
  if (key === undefined) {
    key = computeLayoutKey(graph)
    layoutKeys.set(graph, key)
  }
  return key
}

/** Keys already computed: a graph is read-only, and its key is asked for on every change. */
const layoutKeys = new WeakMap<IvrGraph, string>()

function computeLayoutKey(graph: IvrGraph): string {
  const cards = graph.sections.map((s) => `${s.id}:${cardSize(s).height}`)
  const stubs = graph.stubs.map((s) => s.id)
  const edges = uniqueEdges(graph).map((e) => e.id)
  return [cards.join('|'), stubs.join('|'), edges.join('|')].join('#')
}

import type { IvrGraph } from '../../graph/graph.ts'
import { CARD, cardSize, toElkGraph, type ElkInput, type Point } from '../../graph/layout.ts'

/**
 * The ELK graph of the canvas: the shared layered layout, wrapped into several rows once it grows
 * much wider than a screen, so that a long chain of sections reads like lines of text instead of
 * one strip too wide to zoom into.
 */
export function canvasElkGraph(graph: IvrGraph): ElkInput {
  const input = toElkGraph(graph)
  return {
    ...input,
    layoutOptions: {
      ...input.layoutOptions,
      'elk.layered.wrapping.strategy': 'MULTI_EDGE',
      'elk.aspectRatio': '1.6',
    },
  }
}

/** Cards in rows of four, entry sections first: for when the layout worker cannot run. */
export function fallbackLayout(graph: IvrGraph): Record<string, Point> {
  const cards = [
    ...graph.sections.filter((s) => s.entry).map((s) => ({ id: s.id, height: cardSize(s).height })),
    ...graph.sections
      .filter((s) => !s.entry)
      .map((s) => ({ id: s.id, height: cardSize(s).height })),
    ...graph.stubs.map((s) => ({ id: s.id, height: CARD.stubHeight })),
  ]
  const positions: Record<string, Point> = {}
  let y = 0
  for (let i = 0; i < cards.length; i += 4) {
    const row = cards.slice(i, i + 4)
    row.forEach((card, j) => (positions[card.id] = { x: j * (CARD.width + 90), y }))
    y += Math.max(...row.map((c) => c.height)) + 40
  }
  return positions
}

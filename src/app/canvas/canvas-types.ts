import type { Edge, Node } from '@xyflow/react'
import type { GraphEdge, GraphSection, GraphStub } from '../../graph/graph.ts'

/**
 * A section card's data: the graph's own section object, so that a card whose section did not
 * change gets the very same data and its memoized view skips rendering. (A mapped copy of the
 * interface, because React Flow wants data that is indexable by string.)
 */
export type SectionData = { readonly [K in keyof GraphSection]: GraphSection[K] }

/** A missing section's data: the graph's stub. */
export type StubData = { readonly [K in keyof GraphStub]: GraphStub[K] }

/** A section's card on the canvas. */
export type SectionNodeType = Node<SectionData, 'section'>

/** The stand-in for a section a goto names but that does not exist. */
export type StubNodeType = Node<StubData, 'stub'>

/** Every kind of node the canvas draws. */
export type CanvasNode = SectionNodeType | StubNodeType

/** An edge's data: what kind of link it draws, and whether it goes back into its own card. */
export type IvrEdgeData = {
  readonly kind: 'goto' | 'option' | 'onError' | 'dangling'
  readonly self: boolean
  /** Whether the test call followed it. */
  readonly taken?: boolean
}

/** An edge from a row to the card (or stub) it leads to. */
export type IvrEdgeType = Edge<IvrEdgeData, 'ivr'>

/** The kind of line an edge of the graph is drawn with. */
export function edgeKind(edge: GraphEdge): IvrEdgeData['kind'] {
  return edge.dangling ? 'dangling' : edge.via
}

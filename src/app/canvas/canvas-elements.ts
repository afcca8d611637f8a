import { Position, type NodeHandle } from '@xyflow/react'
import { ANCHOR, rowTop } from '../../graph/card-geometry.ts'
import { edgesBehindCards } from '../../graph/edge-crossings.ts'
import type { GraphEdge, GraphSection, IvrGraph } from '../../graph/graph.ts'
import { cardAriaLabel, stubLabel, type LabelTranslate } from '../../graph/labels.ts'
import { CARD, cardSize, type Point } from '../../graph/layout.ts'
import type { CanvasTarget, ProblemMarks } from '../../graph/targets.ts'
import type { CanvasState } from '../state/canvas.ts'
import {
  edgeKind,
  type CanvasNode,
  type IvrEdgeData,
  type IvrEdgeType,
  type SectionNodeType,
  type StubNodeType,
} from './canvas-types.ts'
import { isLinkRow } from './gestures/items.ts'

/** Everything the nodes and edges of the canvas are made from. */
export interface ElementInputs {
  readonly graph: IvrGraph
  readonly canvas: CanvasState
  /** Positions of cards being dragged right now, ahead of the store. */
  readonly dragging: Readonly<Record<string, Point>>
  readonly selection: CanvasTarget | null
  readonly marks: ProblemMarks
  readonly t: LabelTranslate
  /** Ids of the edges the test call followed. */
  readonly taken?: ReadonlySet<string>
  /** Ids of cards selected besides the selection's own (several selected at once). */
  readonly also?: ReadonlySet<string>
}

/** React Flow's nodes and edges for the canvas. */
export interface CanvasElements {
  readonly nodes: readonly CanvasNode[]
  readonly edges: readonly IvrEdgeType[]
}

/**
 * Builds the canvas's nodes and edges, giving back the previous object for every node and edge
 * that did not change, so React Flow re-renders only what changed.
 */
export function createElementBuilder(): (inputs: ElementInputs) => CanvasElements {
  let nodeCache = new Map<string, CanvasNode>()
  let edgeCache = new Map<string, IvrEdgeType>()
  // The arrays last given back: React Flow re-indexes every edge (and node) whenever the array
  // it gets is a new one, which costs tens of milliseconds per keystroke in a large IVR.
  let lastNodes: readonly CanvasNode[] = []
  let lastEdges: readonly IvrEdgeType[] = []
  const handles = new WeakMap<GraphSection, NodeHandle[]>()
  // Edges that pass over other cards, found again only when cards move or edges change.
  let crossing: {
    canvas: CanvasState
    edges: readonly GraphEdge[]
    ids: ReadonlySet<string>
  } | null = null
  const ariaLabels = new WeakMap<GraphSection, { key: string; t: LabelTranslate; label: string }>()

  const handlesOf = (section: GraphSection): NodeHandle[] => {
    let list = handles.get(section)
    if (!list) {
      list = sectionHandles(section)
      handles.set(section, list)
    }
    return list
  }

  return (inputs) => {
    const { graph, canvas, dragging, selection, marks, t } = inputs
    const nodes: CanvasNode[] = []
    const nextNodes = new Map<string, CanvasNode>()
    const hidden = new Set<string>()
    const positionOf = (id: string): Point | null =>
      dragging[id] ?? canvas.manual[id] ?? canvas.auto[id] ?? null

    for (const section of graph.sections) {
      const at = positionOf(section.id)
      if (!at) hidden.add(section.id)
      const mark = marks.nodes.get(section.id) ?? null
      const className = [
        section.entry ? 'ivr-entry' : '',
        mark && mark.severity !== 'info' ? `ivr-${mark.severity}` : '',
      ].join(' ')
      const ariaLabel = ariaLabelOf(section, mark, t)
      const selected = selection?.nodeId === section.id || (inputs.also?.has(section.id) ?? false)
      const old = nodeCache.get(section.id)
      const reuse =
        old !== undefined &&
        old.type === 'section' &&
        old.data === section &&
        samePosition(old.position, at) &&
        old.hidden === !at &&
        old.selected === selected &&
        old.className === className &&
        old.ariaLabel === ariaLabel
      const { width, height } = cardSize(section)
      const node: SectionNodeType = reuse
        ? old
        : {
            id: section.id,
            type: 'section',
            data: section,
            position: at ?? { x: 0, y: 0 },
            hidden: !at,
            selected,
            className,
            ariaLabel,
            width,
            height,
            measured: { width, height },
            handles: handlesOf(section),
          }
      nodes.push(node)
      nextNodes.set(section.id, node)
    }

    for (const stub of graph.stubs) {
      const at = positionOf(stub.id)
      if (!at) hidden.add(stub.id)
      const ariaLabel = stubLabel(stub.name, t)
      const old = nodeCache.get(stub.id)
      const reuse =
        old !== undefined &&
        old.type === 'stub' &&
        old.data.name === stub.name &&
        samePosition(old.position, at) &&
        old.hidden === !at &&
        old.ariaLabel === ariaLabel
      const node: StubNodeType = reuse
        ? old
        : {
            id: stub.id,
            type: 'stub',
            data: stub,
            position: at ?? { x: 0, y: 0 },
            hidden: !at,
            className: 'ivr-stub',
            ariaLabel,
            width: CARD.stubWidth,
            height: CARD.stubHeight,
            measured: { width: CARD.stubWidth, height: CARD.stubHeight },
            handles: [targetHandle(ANCHOR.stubTargetY)],
          }
      nodes.push(node)
      nextNodes.set(stub.id, node)
    }

    // While cards are dragged, the edges keep their layer until the drop.
    if (
      Object.keys(dragging).length === 0 &&
      (crossing === null || crossing.canvas !== canvas || !sameEdges(crossing.edges, graph.edges))
    ) {
      crossing = { canvas, edges: graph.edges, ids: edgesBehindCards(graph, positionOf) }
    }
    const above = crossing?.ids

    const edges: IvrEdgeType[] = []
    const nextEdges = new Map<string, IvrEdgeType>()
    for (const edge of graph.edges) {
      const kind = edgeKind(edge)
      const self = edge.source === edge.target
      const active =
        selection !== null &&
        (selection.rowId !== null
          ? selection.rowId === edge.sourceHandle
          : selection.nodeId === edge.source || selection.nodeId === edge.target)
      const isHidden = hidden.has(edge.source) || hidden.has(edge.target)
      const taken = inputs.taken?.has(edge.id) ?? false
      // Above the cards: the active and taken edges, and those that would vanish behind a card.
      const over = above?.has(edge.id) ?? false
      const zIndex = active || taken || over ? 1 : 0
      const className = `ivr-edge-${kind}${taken ? ' ivr-edge-taken' : ''}${over ? ' ivr-edge-over' : ''}`
      const old = edgeCache.get(edge.id)
      const reuse =
        old !== undefined &&
        old.source === edge.source &&
        old.target === edge.target &&
        old.sourceHandle === edge.sourceHandle &&
        old.data?.kind === kind &&
        old.data.self === self &&
        old.selected === active &&
        old.hidden === isHidden &&
        old.zIndex === zIndex &&
        old.className === className &&
        (old.data.taken ?? false) === taken
      const data: IvrEdgeData = taken ? { kind, self, taken } : { kind, self }
      const next: IvrEdgeType = reuse
        ? old
        : {
            id: edge.id,
            type: 'ivr',
            source: edge.source,
            sourceHandle: edge.sourceHandle,
            target: edge.target,
            data,
            selected: active,
            hidden: isHidden,
            className,
            ariaLabel: `${nameOf(edge.source)} → ${nameOf(edge.target)}`,
            zIndex,
            selectable: false,
            focusable: false,
          }
      edges.push(next)
      nextEdges.set(edge.id, next)
    }

    nodeCache = nextNodes
    edgeCache = nextEdges
    if (!sameItems(nodes, lastNodes)) lastNodes = nodes
    if (!sameItems(edges, lastEdges)) lastEdges = edges
    return { nodes: lastNodes, edges: lastEdges }
  }

  /** A card's label for screen readers, worked out again only when what it says changes. */
  function ariaLabelOf(
    section: GraphSection,
    mark: { readonly severity: 'error' | 'warning' | 'info'; readonly count: number } | null,
    t: LabelTranslate,
  ): string {
    const key = mark ? `${mark.severity}:${mark.count}` : ''
    const cached = ariaLabels.get(section)
    if (cached && cached.key === key && cached.t === t) return cached.label
    const label = cardAriaLabel(section, mark, t)
    ariaLabels.set(section, { key, t, label })
    return label
  }
}

/** Whether two lists of edges join the same rows and cards, in the same order. */
function sameEdges(a: readonly GraphEdge[], b: readonly GraphEdge[]): boolean {
  return a === b || (a.length === b.length && a.every((edge, i) => edge.id === b[i]?.id))
}

/** Whether two lists hold the same objects in the same order. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}

/** The section name in a card or stub id (`section:NAME`, `missing:NAME`). */
function nameOf(id: string): string {
  return id.slice(id.indexOf(':') + 1)
}

function samePosition(a: Point, b: Point | null): boolean {
  return b === null ? a.x === 0 && a.y === 0 : a.x === b.x && a.y === b.y
}

/**
 * Where the handles of a card are, given to React Flow up front: the layout is exact, so edges
 * can be drawn before (or without, for cards scrolled out of view) measuring the DOM.
 */
function sectionHandles(section: GraphSection): NodeHandle[] {
  const list: NodeHandle[] = [targetHandle(ANCHOR.targetY)]
  section.rows.forEach((row, index) => {
    // Rows that lead nowhere yet have a handle too, to drag a connection from.
    if (row.target === null && !isLinkRow(row)) return
    list.push({
      id: row.id,
      type: 'source',
      position: Position.Right,
      x: CARD.width,
      y: rowTop(index) + CARD.row / 2,
      width: 0,
      height: 0,
    })
  })
  return list
}

function targetHandle(y: number): NodeHandle {
  return { id: null, type: 'target', position: Position.Left, x: 0, y, width: 0, height: 0 }
}

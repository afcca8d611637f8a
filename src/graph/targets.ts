import type { IvrPath } from '../model/path.ts'
import { pathKey } from '../model/path.ts'
import type { Diagnostic, Severity } from '../validate/diagnostic.ts'
import { SEVERITY_ORDER } from '../validate/diagnostic.ts'
import { stubNodeId, type GraphSection, type IvrGraph } from './graph.ts'

/** Where on the canvas a path lands: a card, and the row inside it when there is one. */
export interface CanvasTarget {
  readonly nodeId: string
  readonly rowId: string | null
}

/**
 * Finds rows and cards by path: the deepest row whose path is a prefix of the one asked for. A
 * row's path starts with its section's name, so only that card's rows are looked at.
 */
export interface TargetIndex {
  /** The cards by section name. */
  readonly cards: ReadonlyMap<string, GraphSection>
  readonly stubs: ReadonlySet<string>
}

/** Indexes the graph's cards by name; each card's rows are indexed when first looked at. */
export function indexTargets(graph: IvrGraph): TargetIndex {
  return {
    cards: new Map(graph.sections.map((s) => [s.name, s])),
    stubs: new Set(graph.stubs.map((s) => s.name)),
  }
}

/** The row ids of each card; a card is the same object while its section's text is unchanged. */
const rowIds = new WeakMap<GraphSection, ReadonlySet<string>>()

function rowIdsOf(card: GraphSection): ReadonlySet<string> {
  let ids = rowIds.get(card)
  if (!ids) {
    ids = new Set(card.rows.map((row) => row.id))
    rowIds.set(card, ids)
  }
  return ids
}

/** The canvas item a YAML path belongs to, or `null` for the document as a whole. */
export function targetOfPath(index: TargetIndex, path: IvrPath): CanvasTarget | null {
  const name = path[0]
  const card = typeof name === 'string' ? index.cards.get(name) : undefined
  if (!card) return null
  const rows = rowIdsOf(card)
  for (let length = path.length; length >= 2; length--) {
    const key = pathKey(path.slice(0, length))
    if (rows.has(key)) return { nodeId: card.id, rowId: key }
  }
  return { nodeId: card.id, rowId: null }
}

/** The worst severity and the count of problems on each card and each row. */
export interface ProblemMarks {
  readonly nodes: ReadonlyMap<string, Mark>
  readonly rows: ReadonlyMap<string, Mark>
}

export interface Mark {
  readonly severity: Severity
  readonly count: number
}

/**
 * Marks cards and rows with the problems that land on them. A dangling reference also marks the
 * stub of the section it names.
 */
export function markProblems(index: TargetIndex, diagnostics: readonly Diagnostic[]): ProblemMarks {
  const nodes = new Map<string, Mark>()
  const rows = new Map<string, Mark>()
  const add = (map: Map<string, Mark>, id: string, severity: Severity) => {
    const old = map.get(id)
    map.set(id, {
      severity: old && SEVERITY_ORDER[old.severity] <= SEVERITY_ORDER[severity] ? old.severity : severity,
      count: (old?.count ?? 0) + 1,
    })
  }
  for (const d of diagnostics) {
    const target = targetOfPath(index, d.path)
    if (!target) continue
    add(nodes, target.nodeId, d.severity)
    if (target.rowId) add(rows, target.rowId, d.severity)
    if (d.code === 'dangling-goto') {
      const name = typeof d.args.target === 'string' ? d.args.target : null
      if (name && index.stubs.has(name)) add(nodes, stubNodeId(name), d.severity)
    }
  }
  return { nodes, rows }
}

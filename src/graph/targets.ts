import type { IvrPath } from '../model/path.ts'
import { pathKey } from '../model/path.ts'
import type { Diagnostic, Severity } from '../validate/diagnostic.ts'
import { SEVERITY_ORDER } from '../validate/diagnostic.ts'
import { sectionNodeId, stubNodeId, type IvrGraph } from './graph.ts'

/** Where on the canvas a path lands: a card, and the row inside it when there is one. */
export interface CanvasTarget {
  readonly nodeId: string
  readonly rowId: string | null
}

/** Finds rows and cards by path: the deepest row whose path is a prefix of the one asked for. */
export interface TargetIndex {
  readonly rows: ReadonlyMap<string, { readonly nodeId: string }>
  readonly sections: ReadonlySet<string>
  readonly stubs: ReadonlySet<string>
}

/** Indexes the graph's rows by path key. */
export function indexTargets(graph: IvrGraph): TargetIndex {
  const rows = new Map<string, { nodeId: string }>()
  for (const card of graph.sections) for (const row of card.rows) rows.set(row.id, { nodeId: card.id })
  return {
    rows,
    sections: new Set(graph.sections.map((s) => s.name)),
    stubs: new Set(graph.stubs.map((s) => s.name)),
  }
}

/** The canvas item a YAML path belongs to, or `null` for the document as a whole. */
export function targetOfPath(index: TargetIndex, path: IvrPath): CanvasTarget | null {
  for (let length = path.length; length >= 2; length--) {
    const key = pathKey(path.slice(0, length))
    const row = index.rows.get(key)
    if (row) return { nodeId: row.nodeId, rowId: key }
  }
  const name = path[0]
  if (typeof name === 'string' && index.sections.has(name)) {
    return { nodeId: sectionNodeId(name), rowId: null }
  }
  return null
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

import { buildGraph } from '../graph/build-graph.ts'
import {
  sectionNodeId,
  stubNodeId,
  type GraphEdge,
  type GraphRow,
  type GraphSection,
  type IvrGraph,
} from '../graph/graph.ts'
import { ENTRY_SECTIONS, type EntrySectionName } from '../model/commands.ts'
import type { IvrModel } from '../model/ivr.ts'
import { pathKey, type IvrPath } from '../model/path.ts'
import type { IvrDiff } from './diff-ivr.ts'
import {
  isTouched,
  type BranchMatch,
  type CommandMatch,
  type MatchStatus,
  type OptionMatch,
} from './match.ts'

/**
 * Both IVRs on one canvas: the cards of the newer one with what was removed put back where it
 * stood, and the status of every card, row and edge. A card is `changed` when anything in it
 * changed or it was renamed; a row is `changed` when its own values changed.
 */
export interface DiffGraph {
  /** The merged graph, drawn like the editor's (row ids are `a:`/`b:` and the path key). */
  readonly graph: IvrGraph
  readonly sections: ReadonlyMap<string, MatchStatus>
  readonly rows: ReadonlyMap<string, MatchStatus>
  readonly edges: ReadonlyMap<string, MatchStatus>
  /** The older name of renamed cards, by card id. */
  readonly renamedFrom: ReadonlyMap<string, string>
}

/** The merged canvas graph of a difference between `before` and `after`. */
export function buildDiffGraph(diff: IvrDiff, before: IvrModel, after: IvrModel): DiffGraph {
  const oldRows = rowsByPath(buildGraph(before, ''))
  const newRows = rowsByPath(buildGraph(after, ''))
  const renamedTo = new Map(diff.match.renames.map((r) => [r.before, r.after]))
  const rename = (name: string) => renamedTo.get(name) ?? name
  const sectionStatus = new Map<string, MatchStatus>()
  const rowStatus = new Map<string, MatchStatus>()
  const edgeStatus = new Map<string, MatchStatus>()
  const renamedFrom = new Map<string, string>()
  /** Targets of the rows as they were, to tell edges that moved. */
  const oldTargets = new Map<string, string | null>()

  const sections: GraphSection[] = diff.match.sections.map((match) => {
    const id = sectionNodeId(match.name)
    const rows: GraphRow[] = []
    const add = (
      status: MatchStatus,
      beforePath: IvrPath | undefined,
      afterPath: IvrPath | undefined,
    ) => {
      const source = afterPath ? newRows.get(pathKey(afterPath)) : undefined
      const old = beforePath ? oldRows.get(pathKey(beforePath)) : undefined
      const row = source ?? old
      if (row === undefined) return
      const mergedId = `${source ? 'a' : 'b'}:${row.id}`
      rows.push({ ...row, id: mergedId, target: row.target === null ? null : row.target })
      rowStatus.set(mergedId, status)
      if (source && old) oldTargets.set(mergedId, old.target === null ? null : rename(old.target))
    }
    const addCommand = (command: CommandMatch) => {
      add(command.status, command.before?.path, command.after?.path)
      for (const option of command.options) addOption(option)
      for (const branch of command.branches) addBranch(branch)
    }
    const addOption = (option: OptionMatch) => {
      add(option.status, option.before?.path, option.after?.path)
      for (const command of option.commands) addCommand(command)
    }
    const addBranch = (branch: BranchMatch) => {
      add(branch.status, branch.before?.path, branch.after?.path)
      for (const command of branch.commands) addCommand(command)
    }
    for (const command of match.commands) addCommand(command)
    const status: MatchStatus =
      match.status === 'same' && isTouched(match) ? 'changed' : match.status
    sectionStatus.set(id, status)
    if (match.status === 'changed' && match.before) renamedFrom.set(id, match.before.name)
    const entry = (ENTRY_SECTIONS as readonly string[]).includes(match.name)
      ? (match.name as EntrySectionName)
      : null
    return { id, name: match.name, path: [match.name], entry, rows }
  })

  const names = new Set(sections.map((s) => s.name))
  const stubs = new Map<string, { id: string; name: string }>()
  const edges: GraphEdge[] = []
  const addEdge = (card: GraphSection, row: GraphRow, target: string, status: MatchStatus) => {
    const dangling = !names.has(target)
    const targetId = dangling ? stubNodeId(target) : sectionNodeId(target)
    if (dangling && !stubs.has(target)) stubs.set(target, { id: targetId, name: target })
    const id = `${row.id}->${targetId}`
    if (edgeStatus.has(id)) return
    edges.push({
      id,
      source: card.id,
      sourceHandle: row.id,
      target: targetId,
      via: row.kind === 'option' ? 'option' : row.kind === 'goto' ? 'goto' : 'onError',
      dangling,
    })
    edgeStatus.set(id, status)
  }
  for (const card of sections) {
    for (const row of card.rows) {
      const status = rowStatus.get(row.id) ?? 'same'
      const old = oldTargets.get(row.id)
      if (row.target !== null) {
        const moved = old !== undefined && old !== row.target
        const edge = status === 'removed' || status === 'added' ? status : moved ? 'added' : 'same'
        addEdge(card, row, row.target, edge)
      }
      if (old !== undefined && old !== null && old !== row.target)
        addEdge(card, row, old, 'removed')
    }
  }
  return {
    graph: { sections, stubs: [...stubs.values()], edges },
    sections: sectionStatus,
    rows: rowStatus,
    edges: edgeStatus,
    renamedFrom,
  }
}

function rowsByPath(graph: IvrGraph): Map<string, GraphRow> {
  const rows = new Map<string, GraphRow>()
  for (const section of graph.sections) for (const row of section.rows) rows.set(row.id, row)
  return rows
}

import type { CommandKind } from '../model/ivr.ts'
import type { EntrySectionName, TransferState } from '../model/commands.ts'
import type { IvrPath } from '../model/path.ts'

/**
 * The canvas as data: one card per section listing its rows, stubs for sections that gotos name
 * but that do not exist, and edges from rows to sections. No positions, no spans, no React:
 * a card's data depends only on its section's text, so an unchanged section keeps the same
 * object from one parse to the next.
 */
export interface IvrGraph {
  readonly sections: readonly GraphSection[]
  readonly stubs: readonly GraphStub[]
  readonly edges: readonly GraphEdge[]
}

export interface GraphSection {
  /** `section:NAME`. */
  readonly id: string
  readonly name: string
  readonly path: IvrPath
  /** The entry point the phone system starts it as, if any. */
  readonly entry: EntrySectionName | null
  readonly rows: readonly GraphRow[]
}

export type RowKind = CommandKind | 'option' | 'branch'

/** What happens to the call at a row that ends it or hands it on. */
export type RowOutcome = 'agents' | 'voicemail' | 'callback' | 'department' | 'script'

export interface GraphRow {
  /** The path key of the command, option or branch. */
  readonly id: string
  readonly path: IvrPath
  readonly kind: RowKind
  /** Nesting: 0 for a section's commands, +1 inside an option or a branch. */
  readonly depth: number
  /** The main value: URL, target section, department, option name, unknown command word. */
  readonly detail: string | null
  /** The option's key, or the branch's state. */
  readonly key: string | null
  /** The section this row leads to, when it has an outgoing edge. */
  readonly target: string | null
  readonly outcome: RowOutcome | null
}

/** A section that is named by a goto but does not exist. */
export interface GraphStub {
  /** `missing:NAME`. */
  readonly id: string
  readonly name: string
}

export interface GraphEdge {
  /** `SOURCE_ROW->TARGET`. */
  readonly id: string
  /** The id of the section card the edge starts at. */
  readonly source: string
  /** The id of the row whose handle the edge starts at. */
  readonly sourceHandle: string
  /** A section card id, or a stub id when the target does not exist. */
  readonly target: string
  readonly via: 'goto' | 'option' | 'onError'
  readonly dangling: boolean
}

/** The id of a section's card. */
export function sectionNodeId(name: string): string {
  return `section:${name}`
}

/** The id of a missing section's stub. */
export function stubNodeId(name: string): string {
  return `missing:${name}`
}

export type { TransferState }

import type { BareCommandName, TransferState } from './commands.ts'
import type { IvrPath } from './path.ts'
import type { Span } from './span.ts'

/**
 * The parsed IVR: what the admin wrote, read leniently so that one bad command never hides the
 * rest. Every node knows its IVR path and its source spans; fields the admin got wrong are `null`
 * and the validator says why. The model is plain data: no YAML nodes, no methods.
 */
export interface IvrModel {
  /** Sections in source order. When a name is written twice, the last one counts, as in YAML. */
  readonly sections: readonly SectionNode[]
  /** Top-level entries that are not a section (a number as name, a value that is no list). */
  readonly invalidSections: readonly InvalidSection[]
}

/** A scalar the admin wrote, with its text and where it stands. */
export interface TextValue {
  readonly value: string
  readonly span: Span
  /** How it was written, so that edits can keep the style; block scalars count as plain. */
  readonly style: 'plain' | 'single' | 'double'
  /** Whether it stands inside a flow collection (`[…]`, `{…}`), where `,[]{}` need quotes. */
  readonly inFlow: boolean
}

export interface SectionNode {
  readonly name: string
  readonly path: IvrPath
  /** The section name token. */
  readonly keySpan: Span
  /** The whole entry, from the name to the end of its last command. */
  readonly span: Span
  readonly commands: readonly CommandNode[]
}

export interface InvalidSection {
  readonly name: string
  readonly keySpan: Span
  readonly reason: 'name-not-text' | 'not-a-list'
  /** Message catalog id of what the name reads as, for `name-not-text`: `what.number`, … */
  readonly what: string
}

interface CommandBase {
  readonly path: IvrPath
  /** The whole list item. */
  readonly span: Span
  /** The command word: the key of `- play: …`, or the whole of `- ring`. */
  readonly keySpan: Span
  /** The command's value, after the colon; `null` for a bare word. */
  readonly valueSpan: Span | null
  /** Shape problems found while reading the command, reported by the `invalid-command` rule. */
  readonly problems: readonly ShapeProblem[]
}

/** Why a command or one of its parts does not have the shape the language asks for. */
export interface ShapeProblem {
  /** Message catalog id, `shape.*`. */
  readonly message: string
  readonly args?: Readonly<Record<string, string | number>>
  readonly path: IvrPath
  readonly span: Span
}

export interface PlayNode extends CommandBase {
  readonly kind: 'play'
  readonly url: TextValue | null
}

export interface BareNode extends CommandBase {
  readonly kind: BareCommandName
}

export interface GotoNode extends CommandBase {
  readonly kind: 'goto'
  readonly target: TextValue | null
}

export interface ChoiceNode extends CommandBase {
  readonly kind: 'choice'
  readonly options: readonly ChoiceOptionNode[]
}

export interface ChoiceOptionNode {
  /** The key as written (`1` and `"1"` both read `"1"`). */
  readonly key: string
  readonly path: IvrPath
  readonly keySpan: Span
  readonly span: Span
  readonly name: TextValue | null
  readonly play: TextValue | null
  /** The `do` list, when present and a list. */
  readonly do: readonly CommandNode[] | null
  readonly goto: TextValue | null
  /** Whether the option is a mapping at all; when not, every field is `null`. */
  readonly isMapping: boolean
  /** Which keys were written, whatever their values. */
  readonly hasPlay: boolean
  readonly hasDo: boolean
  readonly hasGoto: boolean
}

export interface TransferBranch {
  readonly state: TransferState
  readonly path: IvrPath
  readonly keySpan: Span
  readonly commands: readonly CommandNode[]
}

export interface TransferNode extends CommandBase {
  readonly kind: 'transfer'
  readonly to: TextValue | null
  readonly branches: readonly TransferBranch[]
}

/** A value passed to a `fetch` or `dtmf` URL. */
export interface ParamNode {
  readonly name: string
  readonly path: IvrPath
  readonly keySpan: Span
  readonly valueSpan: Span
  /** The value as the phone system sends it; placeholders in their `{$name}` form. */
  readonly value: string
  /** Placeholder written as a bare YAML flow mapping, `{$from_number}` without quotes. */
  readonly unquotedPlaceholder: boolean
}

export interface FetchNode extends CommandBase {
  readonly kind: 'fetch' | 'dtmf'
  readonly url: TextValue | null
  readonly onError: TextValue | null
  readonly params: readonly ParamNode[]
}

/** A command word outside the language. */
export interface UnknownNode extends CommandBase {
  readonly kind: 'unknown'
  readonly name: string
}

/** An item that is no command at all: a number, a list, a mapping with two keys. */
export interface MalformedNode extends CommandBase {
  readonly kind: 'malformed'
}

export type CommandNode =
  | PlayNode
  | BareNode
  | GotoNode
  | ChoiceNode
  | TransferNode
  | FetchNode
  | UnknownNode
  | MalformedNode

export type CommandKind = CommandNode['kind']

/** Fails to compile when a switch over a closed union misses a case. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`)
}

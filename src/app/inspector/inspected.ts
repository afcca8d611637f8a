import {
  CHOICE_KEYS,
  ENTRY_SECTIONS,
  TRANSFER_STATES,
  type EntrySectionName,
  type TransferState,
} from '../../model/commands.ts'
import { findInModel } from '../../model/find.ts'
import type {
  ChoiceNode,
  ChoiceOptionNode,
  CommandNode,
  IvrModel,
  SectionNode,
} from '../../model/ivr.ts'
import { isPathPrefix, type IvrPath } from '../../model/path.ts'
import type { Diagnostic } from '../../validate/diagnostic.ts'

/** What the inspector shows: a section, a command, or one option of a choice. */
export type InspectedItem =
  | { readonly kind: 'section'; readonly path: IvrPath; readonly node: SectionNode }
  | { readonly kind: 'command'; readonly path: IvrPath; readonly node: CommandNode }
  | {
      readonly kind: 'option'
      readonly path: IvrPath
      readonly node: ChoiceOptionNode
      /** The choice the option belongs to. */
      readonly choice: ChoiceNode
    }

/**
 * The item a selection shows in the inspector: the node at `path` when it is a section, command
 * or option, else its nearest such ancestor (a problem on a play URL shows the play command, one
 * on a transfer branch the transfer). `null` when the path names nothing in the model, such as
 * the whole document.
 */
export function inspectedItem(model: IvrModel, path: IvrPath): InspectedItem | null {
  for (let length = path.length; length >= 1; length--) {
    const prefix = path.slice(0, length)
    const found = findInModel(model, prefix)
    if (!found) continue
    if (found.kind === 'section') return { kind: 'section', path: prefix, node: found.node }
    if (found.kind === 'command') return { kind: 'command', path: prefix, node: found.node }
    if (found.kind === 'option') {
      const choice = findInModel(model, prefix.slice(0, -2))
      if (choice?.kind === 'command' && choice.node.kind === 'choice') {
        return { kind: 'option', path: prefix, node: found.node, choice: choice.node }
      }
    }
  }
  return null
}

/** One step of the breadcrumb above the inspector's title. */
export interface Crumb {
  /** What selecting the crumb selects. */
  readonly path: IvrPath
  readonly kind: 'section' | 'command' | 'option' | 'branch'
  /** The section name, the command word, the option's key, or the branch's state. */
  readonly label: string
}

/**
 * The way from the section down to the item: the section, then every command, option and
 * transfer branch the item stands in, ending with the item itself.
 */
export function breadcrumb(model: IvrModel, path: IvrPath): Crumb[] {
  const crumbs: Crumb[] = []
  for (let length = 1; length <= path.length; length++) {
    const prefix = path.slice(0, length)
    const found = findInModel(model, prefix)
    if (!found) continue
    switch (found.kind) {
      case 'section':
        crumbs.push({ path: prefix, kind: 'section', label: found.node.name })
        break
      case 'command':
        crumbs.push({ path: prefix, kind: 'command', label: found.node.kind })
        break
      case 'option':
        crumbs.push({ path: prefix, kind: 'option', label: found.node.key })
        break
      case 'branch':
        crumbs.push({ path: prefix.slice(0, -3), kind: 'branch', label: found.node.state })
        break
      default:
        break
    }
  }
  return crumbs
}

/** One key a caller can press at a choice, and the option that uses it there. */
export interface KeySlot {
  readonly key: string
  /** Another option of the same choice uses this key. */
  readonly taken: boolean
  /** The key of the option being inspected. */
  readonly current: boolean
  /** The name of the option that uses the key, when it has one. */
  readonly name: string | null
}

/** The twelve keys of the keypad, with which options of `choice` use them. */
export function keySlots(choice: ChoiceNode, currentKey: string): KeySlot[] {
  return CHOICE_KEYS.map((key) => {
    const option = choice.options.findLast((o) => o.key === key)
    return {
      key,
      taken: option !== undefined && key !== currentKey,
      current: key === currentKey,
      name: option?.name?.value ?? null,
    }
  })
}

/** The keys other options of `choice` use. */
export function takenKeys(choice: ChoiceNode, currentKey: string): Set<string> {
  return new Set(choice.options.map((o) => o.key).filter((key) => key !== currentKey))
}

/** A section a goto can name, for the section picker. */
export interface SectionChoice {
  readonly name: string
  /** The entry point the phone system starts it as, if any. */
  readonly entry: EntrySectionName | null
  /** The section the item stands in: a goto to it starts the section over. */
  readonly own: boolean
}

/**
 * The sections a goto, an option's goto or an onError can name, in the order of the YAML, each
 * once; those whose names contain `query` (case folded) when one is given.
 */
export function sectionChoices(
  model: IvrModel,
  ownSection: string | null,
  query = '',
): SectionChoice[] {
  const folded = query.trim().toLowerCase()
  const seen = new Set<string>()
  const choices: SectionChoice[] = []
  for (const section of model.sections) {
    if (seen.has(section.name)) continue
    seen.add(section.name)
    if (folded !== '' && !section.name.toLowerCase().includes(folded)) continue
    choices.push({
      name: section.name,
      entry: (ENTRY_SECTIONS as readonly string[]).includes(section.name)
        ? (section.name as EntrySectionName)
        : null,
      own: section.name === ownSection,
    })
  }
  return choices
}

/**
 * The diagnostics the inspector lists for the item at `path`: those of the item itself and of
 * its own fields, not those of the commands nested in it (its `do` list or transfer branches),
 * which are items of their own. A section lists only its own (an empty or unreachable section).
 */
export function itemDiagnostics(
  diagnostics: readonly Diagnostic[],
  item: Pick<InspectedItem, 'kind' | 'path'>,
): Diagnostic[] {
  return diagnostics.filter((d) => {
    if (!isPathPrefix(item.path, d.path)) return false
    const rest = d.path.slice(item.path.length)
    if (item.kind === 'section') return rest.length === 0
    return !rest.some((segment) => segment === 'do' || segment === 'if')
  })
}

/**
 * Diagnostics of `after` that `before` does not have, by what they say rather than where:
 * what a change would newly cause anywhere in the IVR.
 */
export function newDiagnostics(
  before: readonly Diagnostic[],
  after: readonly Diagnostic[],
): Diagnostic[] {
  const count = new Map<string, number>()
  const key = (d: Diagnostic) => `${d.code}\u0000${d.messageId}\u0000${JSON.stringify(d.args)}`
  for (const d of before) count.set(key(d), (count.get(key(d)) ?? 0) + 1)
  return after.filter((d) => {
    const left = count.get(key(d)) ?? 0
    if (left > 0) {
      count.set(key(d), left - 1)
      return false
    }
    return true
  })
}

/** A transfer branch as the inspector summarises it. */
export interface BranchSummary {
  readonly state: TransferState
  /** Whether the branch is written; without it the transfer rings the department. */
  readonly written: boolean
  /** The commands of the branch, in order. */
  readonly commands: readonly CommandNode[]
  /** The first command of the branch, to select; `null` when it has none. */
  readonly first: IvrPath | null
}

/** The transfer's three branches in the language's order: online, offline, queue. */
export function transferBranches(
  node: Extract<CommandNode, { kind: 'transfer' }>,
): BranchSummary[] {
  return TRANSFER_STATES.map((state) => {
    const branch = node.branches.findLast((b) => b.state === state)
    return {
      state,
      written: branch !== undefined,
      commands: branch?.commands ?? [],
      first: branch?.commands[0]?.path ?? null,
    }
  })
}

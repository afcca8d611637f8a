import type {
  ChoiceOptionNode,
  CommandNode,
  IvrModel,
  SectionNode,
  TextValue,
  TransferBranch,
} from '../model/ivr.ts'
import type { IvrPath } from '../model/path.ts'

/** Where a command stands: its section and the transfer branches around it, innermost last. */
export interface CommandPlace {
  readonly section: SectionNode
  readonly branches: readonly TransferBranch[]
}

/** A command, list or option together with where it stands. */
export interface Placed<T> {
  readonly item: T
  readonly place: CommandPlace
}

/**
 * Every command list, command and choice option of the model, nested ones included, in source
 * order. Built once per validation so that rules loop over flat arrays instead of walking again.
 */
export interface ModelIndex {
  readonly lists: readonly Placed<readonly CommandNode[]>[]
  readonly commands: readonly Placed<CommandNode>[]
  readonly options: readonly Placed<ChoiceOptionNode>[]
}

/** Indexes the model in one walk. */
export function indexModel(model: IvrModel): ModelIndex {
  const lists: Placed<readonly CommandNode[]>[] = []
  const commands: Placed<CommandNode>[] = []
  const options: Placed<ChoiceOptionNode>[] = []
  const walk = (list: readonly CommandNode[], place: CommandPlace) => {
    lists.push({ item: list, place })
    for (const command of list) {
      commands.push({ item: command, place })
      if (command.kind === 'choice') {
        for (const option of command.options) {
          options.push({ item: option, place })
          if (option.do) walk(option.do, place)
        }
      } else if (command.kind === 'transfer') {
        for (const branch of command.branches) {
          walk(branch.commands, { section: place.section, branches: [...place.branches, branch] })
        }
      }
    }
  }
  for (const section of model.sections) walk(section.commands, { section, branches: [] })
  return { lists, commands, options }
}

/** The command lists directly inside a command: option `do` lists and transfer branches. */
export function childLists(
  command: CommandNode,
): { commands: readonly CommandNode[]; branch: TransferBranch | null }[] {
  if (command.kind === 'choice') {
    return command.options.flatMap((o) => (o.do ? [{ commands: o.do, branch: null }] : []))
  }
  if (command.kind === 'transfer') {
    return command.branches.map((b) => ({ commands: b.commands, branch: b }))
  }
  return []
}

/** A reference from one place to a section by name. */
export interface SectionReference {
  readonly target: TextValue
  /** The path of the scalar that names the section. */
  readonly path: IvrPath
  readonly via: 'goto' | 'option' | 'onError'
}

/** The section names a single command refers to itself (not those in nested lists). */
export function referencesOf(command: CommandNode): SectionReference[] {
  switch (command.kind) {
    case 'goto':
      return command.target ? [{ target: command.target, path: [...command.path, 'goto'], via: 'goto' }] : []
    case 'choice':
      return command.options.flatMap((o) =>
        o.goto ? [{ target: o.goto, path: [...o.path, 'goto'], via: 'option' as const }] : [],
      )
    case 'fetch':
    case 'dtmf':
      return command.onError
        ? [{ target: command.onError, path: [...command.path, command.kind, 'onError'], via: 'onError' }]
        : []
    default:
      return []
  }
}

/**
 * Every section reference inside a list, nested lists included. With `skipBranches`, commands
 * inside `transfer` branches are left out: they run in another department's state.
 */
export function referencesIn(
  list: readonly CommandNode[],
  skipBranches = false,
): SectionReference[] {
  const found: SectionReference[] = []
  const walk = (commands: readonly CommandNode[]) => {
    for (const command of commands) {
      found.push(...referencesOf(command))
      for (const child of childLists(command)) {
        if (!(skipBranches && child.branch)) walk(child.commands)
      }
    }
  }
  walk(list)
  return found
}

/** Sections by name. */
export function sectionMap(model: IvrModel): ReadonlyMap<string, SectionNode> {
  return new Map(model.sections.map((s) => [s.name, s]))
}

/**
 * The sections reachable from `from` by references, each with the section it was first reached
 * from (`null` for the starting ones). Breadth first, so `chainTo` gives shortest chains.
 */
export function reachableSections(
  model: IvrModel,
  from: readonly string[],
  skipBranches = false,
): Map<string, string | null> {
  const sections = sectionMap(model)
  const parents = new Map<string, string | null>()
  const queue: string[] = []
  for (const name of from) {
    if (sections.has(name) && !parents.has(name)) {
      parents.set(name, null)
      queue.push(name)
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i] as string
    for (const ref of referencesIn((sections.get(name) as SectionNode).commands, skipBranches)) {
      const target = ref.target.value
      if (sections.has(target) && !parents.has(target)) {
        parents.set(target, name)
        queue.push(target)
      }
    }
  }
  return parents
}

/** The chain of section names that leads to `name` (`["offline", "cb"]`). */
export function chainTo(parents: ReadonlyMap<string, string | null>, name: string): string[] {
  const chain: string[] = []
  for (let at: string | null | undefined = name; at != null; at = parents.get(at)) {
    chain.push(at)
    if (chain.length > parents.size) break
  }
  return chain.reverse()
}

/** How a command is named in messages. */
export function commandLabel(command: CommandNode): string {
  if (command.kind === 'unknown') return command.name
  if (command.kind === 'malformed') return '…'
  return command.kind
}

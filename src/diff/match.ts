import type { TransferState } from '../model/commands.ts'
import type {
  ChoiceOptionNode,
  CommandNode,
  IvrModel,
  SectionNode,
  TransferBranch,
} from '../model/ivr.ts'

/**
 * Two IVRs matched part by part: sections by name (or as renamed), commands by an alignment of
 * each list, choice options by key, transfer branches by state. Every level lists the parts of
 * both sides in one order, removed parts where they stood, so that views can draw them merged.
 */
export interface IvrMatch {
  /** Sections in the order of the newer IVR; removed sections follow, in their old order. */
  readonly sections: readonly SectionMatch[]
  /** Sections whose content stayed the same while their name changed. */
  readonly renames: readonly SectionRename[]
}

/** A section that was renamed: it had the same commands under its old name. */
export interface SectionRename {
  readonly before: string
  readonly after: string
}

/**
 * How a part changed: `added`, `removed`, `changed` (its own values differ; what it contains is
 * matched separately) or `same` (its own values are equal, though what it contains may differ).
 */
export type MatchStatus = 'added' | 'removed' | 'changed' | 'same'

/** One part on both sides: `before` is `null` when it was added, `after` when removed. */
interface Matched<T> {
  readonly status: MatchStatus
  readonly before: T | null
  readonly after: T | null
}

export interface SectionMatch extends Matched<SectionNode> {
  /** The name to show: the newer one. */
  readonly name: string
  readonly commands: readonly CommandMatch[]
}

export interface CommandMatch extends Matched<CommandNode> {
  /** A choice's options, by key in the order of the newer choice; removed ones where they were. */
  readonly options: readonly OptionMatch[]
  /** A transfer's branches. */
  readonly branches: readonly BranchMatch[]
}

export interface OptionMatch extends Matched<ChoiceOptionNode> {
  readonly key: string
  /** The option's `do` list. */
  readonly commands: readonly CommandMatch[]
}

export interface BranchMatch extends Matched<TransferBranch> {
  readonly state: TransferState
  readonly commands: readonly CommandMatch[]
}

/** Matches the parts of `before` with those of `after`. Total: any two models match. */
export function matchIvrs(before: IvrModel, after: IvrModel): IvrMatch {
  const old = lastByName(before.sections)
  const now = lastByName(after.sections)
  const renames = findRenames(old, now)
  const renamedFrom = new Map(renames.map((r) => [r.after, r.before]))
  const renamedTo = new Map(renames.map((r) => [r.before, r.after]))
  const rename = (name: string) => renamedTo.get(name) ?? name
  const sections: SectionMatch[] = []
  for (const section of now.values()) {
    const source = old.get(renamedFrom.get(section.name) ?? section.name)
    if (source === undefined) {
      sections.push({
        status: 'added',
        before: null,
        after: section,
        name: section.name,
        commands: matchLists([], section.commands, rename),
      })
      continue
    }
    sections.push({
      status: source.name === section.name ? 'same' : 'changed',
      before: source,
      after: section,
      name: section.name,
      commands: matchLists(source.commands, section.commands, rename),
    })
  }
  for (const section of old.values()) {
    if (now.has(section.name) || renamedTo.has(section.name)) continue
    sections.push({
      status: 'removed',
      before: section,
      after: null,
      name: section.name,
      commands: matchLists(section.commands, [], rename),
    })
  }
  return { sections, renames }
}

/** Whether anything in a match changed: the part itself or anything it contains. */
export function isTouched(match: SectionMatch | CommandMatch | OptionMatch | BranchMatch): boolean {
  if (match.status !== 'same') return true
  if ('options' in match) {
    return match.options.some(isTouched) || match.branches.some(isTouched)
  }
  return match.commands.some(isTouched)
}

/** The sections by name; a name written twice counts once, as its last writing, as in YAML. */
function lastByName(sections: readonly SectionNode[]): Map<string, SectionNode> {
  const byName = new Map<string, SectionNode>()
  for (const section of sections) {
    byName.delete(section.name)
    byName.set(section.name, section)
  }
  return byName
}

/**
 * Renames: a section that is gone and a new one with the very same commands (gotos to renamed
 * sections compared by their old names), paired in order. Empty sections are not paired: an
 * empty list says nothing about where it came from.
 */
function findRenames(
  old: ReadonlyMap<string, SectionNode>,
  now: ReadonlyMap<string, SectionNode>,
): SectionRename[] {
  const gone = [...old.values()].filter((s) => !now.has(s.name) && s.commands.length > 0)
  const added = [...now.values()].filter((s) => !old.has(s.name) && s.commands.length > 0)
  const renames: SectionRename[] = []
  for (const section of gone) {
    const found = added.findIndex(
      (candidate) =>
        listSignature(candidate.commands, same) === listSignature(section.commands, same),
    )
    if (found === -1) continue
    const [target] = added.splice(found, 1)
    renames.push({ before: section.name, after: target!.name })
  }
  // Lists that go to a renamed section are compared by its new name, so try once more.
  if (renames.length === 0) return renames
  const renamedTo = new Map(renames.map((r) => [r.before, r.after]))
  const rename = (name: string) => renamedTo.get(name) ?? name
  for (const section of gone) {
    if (renamedTo.has(section.name)) continue
    const found = added.findIndex(
      (candidate) =>
        listSignature(candidate.commands, same) === listSignature(section.commands, rename),
    )
    if (found === -1) continue
    const [target] = added.splice(found, 1)
    renames.push({ before: section.name, after: target!.name })
  }
  return renames
}

const same = (name: string) => name

type Rename = (name: string) => string

/**
 * Aligns two lists: the longest common subsequence of equal commands stays, and between those,
 * commands of the same kind pair up in order as changed; the rest are removed or added.
 */
function matchLists(
  before: readonly CommandNode[],
  after: readonly CommandNode[],
  rename: Rename,
): CommandMatch[] {
  const a = before.map((c) => commandSignature(c, rename))
  const b = after.map((c) => commandSignature(c, same))
  const anchors = longestCommonSubsequence(a, b)
  const result: CommandMatch[] = []
  let i = 0
  let j = 0
  for (const [ai, bj] of [...anchors, [before.length, after.length] as const]) {
    result.push(...matchGap(before.slice(i, ai), after.slice(j, bj), rename))
    if (ai < before.length && bj < after.length) {
      result.push(matchCommand(before[ai]!, after[bj]!, rename))
    }
    i = ai + 1
    j = bj + 1
  }
  return result
}

/** Commands between two anchors: same kinds pair up in order, removed ones come first. */
function matchGap(
  before: readonly CommandNode[],
  after: readonly CommandNode[],
  rename: Rename,
): CommandMatch[] {
  const result: CommandMatch[] = []
  let j = 0
  for (const command of before) {
    const found = after.findIndex((candidate, k) => k >= j && candidate.kind === command.kind)
    if (found === -1) {
      result.push(removedCommand(command, rename))
      continue
    }
    for (; j < found; j++) result.push(addedCommand(after[j]!, rename))
    result.push(matchCommand(command, after[found]!, rename))
    j = found + 1
  }
  for (; j < after.length; j++) result.push(addedCommand(after[j]!, rename))
  return result
}

function addedCommand(command: CommandNode, rename: Rename): CommandMatch {
  return { ...matchParts(null, command, rename), status: 'added', before: null, after: command }
}

function removedCommand(command: CommandNode, rename: Rename): CommandMatch {
  return { ...matchParts(command, null, rename), status: 'removed', before: command, after: null }
}

function matchCommand(before: CommandNode, after: CommandNode, rename: Rename): CommandMatch {
  const status = ownSignature(before, rename) === ownSignature(after, same) ? 'same' : 'changed'
  return { ...matchParts(before, after, rename), status, before, after }
}

/** The options and branches of a command on either or both sides. */
function matchParts(
  before: CommandNode | null,
  after: CommandNode | null,
  rename: Rename,
): Pick<CommandMatch, 'options' | 'branches'> {
  const options = matchKeyed(
    before?.kind === 'choice' ? before.options : [],
    after?.kind === 'choice' ? after.options : [],
    (o) => o.key,
  ).map(([key, b, a]): OptionMatch => {
    const commands = matchLists(b?.do ?? [], a?.do ?? [], rename)
    if (b === null) return { status: 'added', before: null, after: a, key, commands }
    if (a === null) return { status: 'removed', before: b, after: null, key, commands }
    const status = optionSignature(b, rename) === optionSignature(a, same) ? 'same' : 'changed'
    return { status, before: b, after: a, key, commands }
  })
  const branches = matchKeyed(
    before?.kind === 'transfer' ? before.branches : [],
    after?.kind === 'transfer' ? after.branches : [],
    (branch) => branch.state,
  ).map(([, b, a]): BranchMatch => {
    const status = b === null ? 'added' : a === null ? 'removed' : 'same'
    const commands = matchLists(b?.commands ?? [], a?.commands ?? [], rename)
    return { status, before: b, after: a, state: (a ?? b)!.state, commands }
  })
  return { options, branches }
}

/** Items matched by key, in the order of `after`, each removed one after its old predecessor. */
function matchKeyed<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
): [string, T | null, T | null][] {
  const old = new Map(before.map((item) => [keyOf(item), item]))
  const now = new Map(after.map((item) => [keyOf(item), item]))
  const result: [string, T | null, T | null][] = []
  const placed = new Set<string>()
  const placeRemovedAfter = (key: string | null) => {
    // Removed items that stood right after `key` (or first, for `null`) in the old order.
    const keys = [...old.keys()]
    for (let k = key === null ? 0 : keys.indexOf(key) + 1; k < keys.length; k++) {
      const candidate = keys[k]!
      if (now.has(candidate)) break
      if (placed.has(candidate)) continue
      placed.add(candidate)
      result.push([candidate, old.get(candidate)!, null])
    }
  }
  placeRemovedAfter(null)
  for (const [key, item] of now) {
    result.push([key, old.get(key) ?? null, item])
    if (old.has(key)) placeRemovedAfter(key)
  }
  for (const [key, item] of old) {
    if (!now.has(key) && !placed.has(key)) result.push([key, item, null])
  }
  return result
}

/** Index pairs of a longest common subsequence of `a` and `b`, in order. */
function longestCommonSubsequence(a: readonly string[], b: readonly string[]): [number, number][] {
  // Equal heads and tails need no table; most edits touch a small middle.
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const pairs: [number, number][] = []
  for (let k = 0; k < start; k++) pairs.push([k, k])
  const n = endA - start
  const m = endB - start
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] =
        a[start + i] === b[start + j]
          ? table[i + 1]![j + 1]! + 1
          : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) {
      pairs.push([start + i, start + j])
      i++
      j++
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++
    else j++
  }
  for (let k = 0; k < a.length - endA; k++) pairs.push([endA + k, endB + k])
  return pairs
}

function listSignature(commands: readonly CommandNode[], rename: Rename): string {
  return JSON.stringify(commands.map((c) => commandData(c, rename)))
}

function commandSignature(command: CommandNode, rename: Rename): string {
  return JSON.stringify(commandData(command, rename))
}

/** A command's own values, without the options and branches that are matched on their own. */
function ownSignature(command: CommandNode, rename: Rename): string {
  if (command.kind === 'choice') return 'choice'
  if (command.kind === 'transfer') return JSON.stringify(['transfer', command.to?.value ?? null])
  return commandSignature(command, rename)
}

/** An option's own values: its name, prompt, target and whether it has a `do` list. */
function optionSignature(option: ChoiceOptionNode, rename: Rename): string {
  return JSON.stringify([
    option.isMapping,
    option.name?.value ?? null,
    option.hasPlay ? (option.play?.value ?? null) : undefined,
    option.hasGoto ? mapName(option.goto?.value ?? null, rename) : undefined,
    option.hasDo,
  ])
}

function mapName(name: string | null, rename: Rename): string | null {
  return name === null ? null : rename(name)
}

/** The data of a command, with the names of sections it goes to passed through `rename`. */
function commandData(command: CommandNode, rename: Rename): unknown {
  switch (command.kind) {
    case 'ring':
    case 'voicemail':
    case 'callback':
      return command.kind
    case 'play':
      return { play: command.url?.value ?? null }
    case 'goto':
      return { goto: mapName(command.target?.value ?? null, rename) }
    case 'choice':
      return { choice: command.options.map((o) => optionData(o, rename)) }
    case 'transfer':
      return {
        transfer: command.to?.value ?? null,
        if: command.branches.map((b) => [b.state, b.commands.map((c) => commandData(c, rename))]),
      }
    case 'fetch':
    case 'dtmf':
      return {
        [command.kind]: command.url?.value ?? null,
        onError: mapName(command.onError?.value ?? null, rename),
        params: command.params.map((p) => [p.name, p.value]),
      }
    case 'unknown':
      return { unknown: command.name, valued: command.valueSpan !== null }
    case 'malformed':
      return { malformed: true }
  }
}

/** What an option says apart from its key, to recognise one that moved to another key. */
export function optionContent(option: ChoiceOptionNode): string {
  return JSON.stringify(optionData(option, same).slice(1))
}

function optionData(option: ChoiceOptionNode, rename: Rename): unknown[] {
  return [
    option.key,
    optionSignature(option, rename),
    option.do?.map((c) => commandData(c, rename)) ?? null,
  ]
}

import { fileNameOfUrl, hostOfUrl } from '../graph/labels.ts'
import type { MessageId } from '../i18n/en.ts'
import { ENDING_COMMANDS, type TransferState } from '../model/commands.ts'
import type { ChoiceOptionNode, CommandNode, FetchNode, PlayNode } from '../model/ivr.ts'
import { departmentEffect, effectOfList, effectOfOption } from './effect.ts'
import {
  isTouched,
  optionContent,
  type BranchMatch,
  type CommandMatch,
  type IvrMatch,
  type OptionMatch,
  type SectionMatch,
} from './match.ts'
import { message, sameMessage, type DiffMessage } from './message.ts'

/**
 * What changes for callers, in plain words: one message per change that a caller would notice
 * (a key that does something else, a different greeting, a section gone), in the order of the
 * newer IVR. A change no sentence explains still says that its section changed, so that the
 * summary never hides a change.
 */
export function summarizeMatch(match: IvrMatch): DiffMessage[] {
  const lines: DiffMessage[] = []
  for (const section of match.sections) lines.push(...summarizeSection(section))
  return lines
}

/** Where in the IVR a list of commands runs, as the sentences about it need it. */
interface Scope {
  readonly section: string
  /** Who does what the list does: "Section queue", "Pressing 2 in queue". */
  readonly subject: DiffMessage
  /** Where callers hear what it plays: "in queue", "who press 2 in queue". */
  readonly where: DiffMessage
  /** The keys pressed to get here, for nested menus: `1 → 2`. */
  readonly keys: string | null
  /** Whether this is the IVR's own `start`, which goes on when it runs out. */
  readonly isStart: boolean
  /** Whether the list is a whole section, whose first recording is its greeting. */
  readonly isSection: boolean
}

/** Collects sentences, and remembers which changes they explain. */
interface Collector {
  readonly lines: DiffMessage[]
  readonly explained: Set<object>
}

function summarizeSection(section: SectionMatch): DiffMessage[] {
  const name = section.name
  if (section.status === 'added') return [message('diff.section.added', { section: name })]
  if (section.status === 'removed') return [message('diff.section.removed', { section: name })]
  const out: Collector = { lines: [], explained: new Set() }
  if (section.status === 'changed' && section.before) {
    out.lines.push(message('diff.section.renamed', { before: section.before.name, after: name }))
  }
  const scope: Scope = {
    section: name,
    subject: message('diff.subject.section', { section: name }),
    where: message('diff.where.section', { section: name }),
    keys: null,
    isStart: name === 'start',
    isSection: true,
  }
  summarizeList(section.commands, scope, out, true)
  if (section.commands.some((command) => hasUnexplained(command, out.explained))) {
    out.lines.push(message('diff.section.changed', { section: name }))
  }
  return out.lines
}

/** Sentences about a list: what it does in the end, then what each command changes. */
function summarizeList(
  list: readonly CommandMatch[],
  scope: Scope,
  out: Collector,
  reportEffect: boolean,
): void {
  if (!list.some(isTouched)) return
  const before = present(list.map((m) => m.before))
  const after = present(list.map((m) => m.after))
  const was = effectOfList(before, scope.isStart)
  const now = effectOfList(after, scope.isStart)
  if (reportEffect && !sameMessage(was, now)) {
    out.lines.push(message('diff.effect.changed', { subject: scope.subject, effect: now, was }))
    for (const match of list) {
      if (isEnding(match.before) || isEnding(match.after)) out.explained.add(match)
    }
  }
  for (const match of list) summarizeCommand(match, scope, out, after, before)
}

function summarizeCommand(
  match: CommandMatch,
  scope: Scope,
  out: Collector,
  after: readonly CommandNode[],
  before: readonly CommandNode[],
): void {
  const command = match.after ?? match.before
  if (command === null) return
  switch (command.kind) {
    case 'play':
      summarizePlay(match, scope, out, after, before)
      break
    case 'choice':
      summarizeMovedKeys(match, scope, out)
      for (const option of match.options) {
        if (!out.explained.has(option)) summarizeOption(option, match, scope, out)
      }
      if (match.status !== 'changed') out.explained.add(match)
      break
    case 'transfer':
      for (const branch of match.branches) summarizeBranch(branch, match, scope, out)
      break
    case 'fetch':
    case 'dtmf':
      summarizeFetch(match, scope, out)
      break
    default:
      break
  }
}

function summarizePlay(
  match: CommandMatch,
  scope: Scope,
  out: Collector,
  after: readonly CommandNode[],
  before: readonly CommandNode[],
): void {
  const now = match.after as PlayNode | null
  const old = match.before as PlayNode | null
  const file = (node: PlayNode | null) => (node?.url ? fileNameOfUrl(node.url.value) : '?')
  if (match.status === 'same') return
  if (match.status === 'added') {
    out.lines.push(message('diff.play.added', { where: scope.where, file: file(now) }))
  } else if (match.status === 'removed') {
    out.lines.push(message('diff.play.removed', { where: scope.where, file: file(old) }))
  } else if (scope.isSection && after[0] === now && before[0] === old) {
    out.lines.push(message('diff.play.greeting', { where: scope.where, file: file(now) }))
  } else {
    out.lines.push(
      message('diff.play.changed', { where: scope.where, file: file(now), was: file(old) }),
    )
  }
  out.explained.add(match)
}

function summarizeOption(
  option: OptionMatch,
  choice: CommandMatch,
  scope: Scope,
  out: Collector,
): void {
  const keys = scope.keys === null ? option.key : `${scope.keys} → ${option.key}`
  const inner: Scope = {
    section: scope.section,
    subject: message('diff.subject.option', { key: keys, section: scope.section }),
    where: message('diff.where.option', { key: keys, section: scope.section }),
    keys,
    isStart: false,
    isSection: false,
  }
  const args = { key: keys, section: scope.section }
  if (option.status === 'added') {
    out.lines.push(message('diff.option.added', { ...args, effect: effectOfOption(option.after!) }))
    markExplained(option, out)
    return
  }
  if (option.status === 'removed') {
    // A whole menu that went away is said by the list's new effect.
    if (choice.status !== 'removed') {
      out.lines.push(
        message('diff.option.removed', { ...args, was: effectOfOption(option.before!) }),
      )
    }
    markExplained(option, out)
    return
  }
  const before = option.before!
  const after = option.after!
  const was = effectOfOption(before)
  const now = effectOfOption(after)
  if (!sameMessage(was, now)) {
    out.lines.push(message('diff.effect.changed', { subject: inner.subject, effect: now, was }))
  }
  if ((before.name?.value ?? null) !== (after.name?.value ?? null) && after.name !== null) {
    out.lines.push(message('diff.option.renamed', { ...args, name: after.name.value }))
  }
  const oldPrompt = before.play?.value ?? null
  const newPrompt = after.play?.value ?? null
  if (oldPrompt !== newPrompt) {
    out.lines.push(
      newPrompt === null
        ? message('diff.option.prompt.removed', args)
        : message('diff.option.prompt', { ...args, file: fileNameOfUrl(newPrompt) }),
    )
  }
  out.explained.add(option)
  // The effect of the `do` list is the option's, said above when it changed.
  summarizeList(option.commands, inner, out, false)
  if (!sameMessage(was, now)) {
    for (const match of option.commands) {
      if (isEnding(match.before) || isEnding(match.after)) out.explained.add(match)
    }
  }
}

/** An option that moved to another key, unchanged otherwise: said once, as a move. */
function summarizeMovedKeys(choice: CommandMatch, scope: Scope, out: Collector): void {
  const added = choice.options.filter((o) => o.status === 'added')
  for (const removed of choice.options.filter((o) => o.status === 'removed')) {
    const twin = added.find(
      (candidate) =>
        !out.explained.has(candidate) &&
        optionContent(candidate.after!) === optionContent(removed.before!),
    )
    if (twin === undefined) continue
    const keys = (key: string) => (scope.keys === null ? key : `${scope.keys} → ${key}`)
    const name = twin.after!.name?.value
    out.lines.push(
      message(name === undefined ? 'diff.option.moved.unnamed' : 'diff.option.moved', {
        section: scope.section,
        name: name ?? '',
        key: keys(twin.key),
        was: keys(removed.key),
      }),
    )
    markExplained(removed, out)
    markExplained(twin, out)
  }
}

function summarizeBranch(
  branch: BranchMatch,
  transfer: CommandMatch,
  scope: Scope,
  out: Collector,
): void {
  const department = transfer.after ?? transfer.before
  const to = department?.kind === 'transfer' ? (department.to?.value ?? '?') : '?'
  const state = message(STATE_WORDS[branch.state])
  const inner: Scope = {
    section: scope.section,
    subject: message('diff.subject.branch', { department: to, state, section: scope.section }),
    where: message('diff.where.branch', { department: to, state, section: scope.section }),
    keys: scope.keys,
    isStart: false,
    isSection: false,
  }
  if (branch.status === 'same') {
    summarizeList(branch.commands, inner, out, true)
    return
  }
  // A transfer added or removed as a whole is said by the list's effect.
  if (transfer.status !== 'added' && transfer.status !== 'removed') {
    const was = branch.before ? effectOfList(branch.before.commands) : departmentEffect(to)
    const now = branch.after ? effectOfList(branch.after.commands) : departmentEffect(to)
    if (!sameMessage(was, now)) {
      out.lines.push(message('diff.effect.changed', { subject: inner.subject, effect: now, was }))
    }
  }
  markExplained(branch, out)
}

function summarizeFetch(match: CommandMatch, scope: Scope, out: Collector): void {
  if (match.status !== 'changed') return
  const old = match.before as FetchNode
  const now = match.after as FetchNode
  const host = now.url ? hostOfUrl(now.url.value) : '?'
  const oldTarget = old.onError?.value ?? null
  const newTarget = now.onError?.value ?? null
  let said = false
  if (oldTarget !== newTarget) {
    const effect = (target: string | null) =>
      target === null
        ? message('diff.effect.hang-up')
        : message('diff.effect.goto', { section: target })
    out.lines.push(
      message('diff.fetch.on-error', {
        host,
        section: scope.section,
        effect: effect(newTarget),
        was: effect(oldTarget),
      }),
    )
    said = true
  }
  const request = (node: FetchNode) =>
    JSON.stringify([node.url?.value ?? null, node.params.map((p) => [p.name, p.value])])
  // A new host is news the effect of the list tells; the same host asked differently is not.
  const sameHost = old.url !== null && now.url !== null && hostOfUrl(old.url.value) === host
  if (request(old) !== request(now) && sameHost) {
    out.lines.push(message('diff.fetch.request', { host, section: scope.section }))
    said = true
  }
  if (said) out.explained.add(match)
}

const STATE_WORDS = {
  online: 'diff.state.online',
  offline: 'diff.state.offline',
  queue: 'diff.state.busy',
} as const satisfies Record<TransferState, MessageId>

/** Marks a part and everything in it as explained. */
function markExplained(part: OptionMatch | BranchMatch | CommandMatch, out: Collector): void {
  out.explained.add(part)
  const lists = 'options' in part ? [...part.options, ...part.branches] : part.commands
  for (const child of lists) markExplained(child, out)
}

function hasUnexplained(
  part: OptionMatch | BranchMatch | CommandMatch,
  explained: Set<object>,
): boolean {
  if (part.status !== 'same' && !explained.has(part)) return true
  const children = 'options' in part ? [...part.options, ...part.branches] : part.commands
  return children.some((child) => hasUnexplained(child, explained))
}

function isEnding(command: CommandNode | null): boolean {
  return command !== null && ENDING_COMMANDS.has(command.kind)
}

function present<T>(items: readonly (T | null)[]): T[] {
  return items.filter((item): item is T => item !== null)
}

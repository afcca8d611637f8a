import type { BareCommandName } from './commands.ts'
import type {
  ChoiceOptionNode,
  CommandNode,
  FetchNode,
  IvrModel,
  SectionNode,
  TransferNode,
} from './ivr.ts'
import { assertNever } from './ivr.ts'

/**
 * The plain data an IVR's YAML denotes, rebuilt from the model: section name → list of commands.
 * Every object keyed by names the admin chose (sections, choice keys, params, transfer branches)
 * has no prototype, so that `__proto__` and `constructor` are ordinary own keys; read them with
 * `Object.keys` or `Object.hasOwn`.
 */
export type IvrDocument = NamedRecord<CommandData[]>

/** An object without a prototype whose keys are names from the IVR text. */
export type NamedRecord<T> = { [name: string]: T }

/**
 * One command as data: a bare word (`ring`), or an object whose only key is the command name.
 * An unknown command comes back as its bare word, or as `{ name: null }` when written with a
 * value, since the model does not read that value. An item that is no command is `null`.
 */
export type CommandData =
  | BareCommandName
  | { readonly play: string | null }
  | { readonly goto: string | null }
  | { readonly choice: NamedRecord<OptionData | null> }
  | { readonly transfer: TransferData }
  | { readonly fetch: FetchData }
  | { readonly dtmf: FetchData }
  | string
  | NamedRecord<null>
  | null

/** A choice option: only the keys that were written; `name` only when it is text. */
export interface OptionData {
  readonly name?: string
  readonly play?: string | null
  readonly do?: CommandData[] | null
  readonly goto?: string | null
}

/** The value of `transfer`; `if` only when it has a branch the model could read. */
export interface TransferData {
  readonly to: string | null
  readonly if?: NamedRecord<CommandData[]>
}

/** The value of `fetch` or `dtmf`; `onError` and `params` only when written and readable. */
export interface FetchData {
  readonly url: string | null
  readonly onError?: string
  /** Values as the phone system sends them: text, with placeholders in their `{$name}` form. */
  readonly params?: NamedRecord<string>
}

/**
 * The data of a parsed IVR. For the model of a valid IVR this equals what the YAML denotes,
 * except that scalars are text (`to: 42` gives `"42"`, as the phone system reads it) and an
 * unquoted placeholder `{$from_number}` gives the text `"{$from_number}"`. Parts the model could
 * not read are `null` or left out; sections that are no list of commands are left out.
 */
export function toPlainData(model: IvrModel): IvrDocument {
  return namedRecord(model.sections.map((s) => [s.name, toList(s.commands)]))
}

/** Each section's frozen data, kept per section (or per the section it is a moved copy of). */
const sectionData = new WeakMap<SectionNode, readonly CommandData[]>()
/** Sections that are copies of another with their spans moved, and the one they copy. */
const copiedFrom = new WeakMap<SectionNode, SectionNode>()

/**
 * Records that `copy` denotes the same data as `original`: the same section whose text stands
 * elsewhere (its spans moved), so that `sharedPlainData` reads it once for both.
 */
export function samePlainData(copy: SectionNode, original: SectionNode): void {
  if (copy !== original) copiedFrom.set(copy, copiedFrom.get(original) ?? original)
}

/**
 * `toPlainData(model)`, sharing each section's list of commands with every earlier call for
 * that section, deeply frozen: a top-level record of its own over lists nobody may change. It
 * costs only the sections read for the first time, where `toPlainData` rebuilds everything.
 */
export function sharedPlainData(model: IvrModel): IvrDocument {
  return namedRecord(model.sections.map((s) => [s.name, sectionPlainData(s)] as const))
}

function sectionPlainData(section: SectionNode): CommandData[] {
  const key = copiedFrom.get(section) ?? section
  let list = sectionData.get(key)
  if (!list) {
    list = deepFreeze(toList(section.commands))
    sectionData.set(key, list)
  }
  return list as CommandData[]
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
    Object.freeze(value)
  }
  return value
}

function toList(commands: readonly CommandNode[]): CommandData[] {
  return commands.map(toCommand)
}

function toCommand(command: CommandNode): CommandData {
  switch (command.kind) {
    case 'ring':
    case 'voicemail':
    case 'callback':
      return command.kind
    case 'play':
      return { play: command.url?.value ?? null }
    case 'goto':
      return { goto: command.target?.value ?? null }
    case 'choice':
      return { choice: namedRecord(command.options.map((o) => [o.key, toOption(o)])) }
    case 'transfer':
      return { transfer: toTransfer(command) }
    case 'fetch':
      return { fetch: toFetch(command) }
    case 'dtmf':
      return { dtmf: toFetch(command) }
    case 'unknown':
      return command.valueSpan === null && command.keySpan === command.span
        ? command.name
        : namedRecord([[command.name, null]])
    case 'malformed':
      return null
    default:
      return assertNever(command)
  }
}

function toOption(option: ChoiceOptionNode): OptionData | null {
  if (!option.isMapping) return null
  return {
    ...(option.name ? { name: option.name.value } : {}),
    ...(option.hasPlay ? { play: option.play?.value ?? null } : {}),
    ...(option.hasDo ? { do: option.do ? toList(option.do) : null } : {}),
    ...(option.hasGoto ? { goto: option.goto?.value ?? null } : {}),
  }
}

function toTransfer(command: TransferNode): TransferData {
  const to = command.to?.value ?? null
  if (command.branches.length === 0) return { to }
  return { to, if: namedRecord(command.branches.map((b) => [b.state, toList(b.commands)])) }
}

function toFetch(command: FetchNode): FetchData {
  return {
    url: command.url?.value ?? null,
    ...(command.onError ? { onError: command.onError.value } : {}),
    ...(command.params.length > 0
      ? { params: namedRecord(command.params.map((p) => [p.name, p.value])) }
      : {}),
  }
}

/** An object without a prototype; a repeated name keeps its last value, as YAML does. */
function namedRecord<T>(entries: readonly (readonly [string, T])[]): NamedRecord<T> {
  const record: NamedRecord<T> = Object.create(null)
  for (const [name, value] of entries) {
    Object.defineProperty(record, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return record
}

import { LOCALES, type Locale } from '../i18n/translate.ts'
import {
  AGENT_STATES,
  DEPARTMENT_STATES,
  OUTCOME_KINDS,
  type AgentState,
  type DepartmentState,
  type OutcomeKind,
} from '../simulate/call.ts'
import { parseAction, type CallAction } from '../simulate/drive.ts'
import type { HelpTopic, OutputFormat, ParsedArgs, UsageProblem } from './args.ts'

/** What `simulate` was asked to do. */
export interface SimulateArgs {
  readonly kind: 'simulate'
  readonly file: string
  readonly state: AgentState
  readonly actions: readonly CallAction[]
  readonly departments: Readonly<Record<string, DepartmentState>>
  /** `failed`, or files answering the fetches, in order. */
  readonly replies: readonly string[]
  readonly expect: OutcomeKind | null
  readonly format: OutputFormat
}

/** What `test` was asked to do. */
export interface TestArgs {
  readonly kind: 'test'
  readonly files: readonly string[]
  readonly format: OutputFormat
  /** Also list the commands no test walked. */
  readonly coverage: boolean
}

/** What `paths` was asked to do. */
export interface PathsArgs {
  readonly kind: 'paths'
  readonly file: string
  readonly format: OutputFormat
}

const FORMATS: readonly OutputFormat[] = ['text', 'json']
const isHelpFlag = (arg: string) => arg === '-h' || arg === '--help'

/** The options found, before each command checks them. */
interface Scan {
  readonly positional: string[]
  readonly values: Map<string, string[]>
  readonly flags: Set<string>
  problem: UsageProblem | null
  lang: Locale | null
  format: OutputFormat
}

/**
 * Reads options as `validate` does: before or after the files, `--name value` or `--name=value`,
 * `--` ends options. `--format` and `--lang` are checked here; the rest by the command.
 */
function scan(
  args: readonly string[],
  valued: readonly string[],
  flagged: readonly string[],
): Scan {
  const result: Scan = {
    positional: [],
    values: new Map(),
    flags: new Set(),
    problem: null,
    lang: null,
    format: 'text',
  }
  const end = args.indexOf('--')
  for (let i = 0; i < args.length && result.problem === null; i++) {
    const arg = args[i] as string
    if (i === end) {
      result.positional.push(...args.slice(i + 1))
      break
    }
    if (arg === '-' || !arg.startsWith('-')) {
      result.positional.push(arg)
      continue
    }
    const equals = arg.indexOf('=')
    const name = equals === -1 ? arg : arg.slice(0, equals)
    const inline = equals === -1 ? null : arg.slice(equals + 1)
    if (flagged.includes(name)) {
      if (inline !== null) result.problem = { kind: 'unknown-option', option: arg }
      else result.flags.add(name)
      continue
    }
    if (!valued.includes(name) && name !== '--format' && name !== '--lang') {
      result.problem = { kind: 'unknown-option', option: arg }
      continue
    }
    let value = inline
    if (value === null) {
      const next = args[i + 1]
      if (next !== undefined && i + 1 !== end) {
        value = next
        i++
      }
    }
    if (value === null) {
      result.problem = { kind: 'missing-value', option: name }
    } else if (name === '--format') {
      if ((FORMATS as readonly string[]).includes(value)) result.format = value as OutputFormat
      else result.problem = { kind: 'bad-value', option: name, value, allowed: FORMATS }
    } else if (name === '--lang') {
      if ((LOCALES as readonly string[]).includes(value)) result.lang = value as Locale
      else result.problem = { kind: 'bad-value', option: name, value, allowed: LOCALES }
    } else result.values.set(name, [...(result.values.get(name) ?? []), value])
  }
  return result
}

function helpRequested(args: readonly string[], topic: HelpTopic): ParsedArgs | null {
  const end = args.indexOf('--')
  const options = end === -1 ? args : args.slice(0, end)
  return options.some(isHelpFlag)
    ? { ok: true, request: { kind: 'help', topic }, lang: null }
    : null
}

/** One IVR file, or the problem with the positional arguments. */
function oneFile(positional: readonly string[], command: string): string | UsageProblem {
  const [file, extra] = positional
  if (file === undefined) return { kind: 'no-file', command }
  if (extra !== undefined) return { kind: 'unexpected-argument', argument: extra }
  return file
}

/** Reads the arguments of `simulate`. */
export function parseSimulateArgs(args: readonly string[]): ParsedArgs {
  const help = helpRequested(args, 'simulate')
  if (help) return help
  const found = scan(args, ['--state', '--keys', '--department', '--reply', '--expect'], [])
  const fail = (problem: UsageProblem): ParsedArgs => ({
    ok: false,
    problem,
    topic: 'simulate',
    lang: found.lang,
  })
  if (found.problem) return fail(found.problem)

  const last = (name: string) => found.values.get(name)?.at(-1) ?? null
  const state = last('--state')
  if (state === null) return fail({ kind: 'missing-option', option: '--state' })
  if (!(AGENT_STATES as readonly string[]).includes(state)) {
    return fail({ kind: 'bad-value', option: '--state', value: state, allowed: AGENT_STATES })
  }
  const expect = last('--expect')
  if (expect !== null && !(OUTCOME_KINDS as readonly string[]).includes(expect)) {
    return fail({ kind: 'bad-value', option: '--expect', value: expect, allowed: OUTCOME_KINDS })
  }
  const actions: CallAction[] = []
  for (const list of found.values.get('--keys') ?? []) {
    for (const token of list.split(',')) {
      if (token.trim() === '') continue
      const action = parseAction(token)
      if (!action) return fail({ kind: 'bad-action', value: token })
      actions.push(action)
    }
  }
  const departments: Record<string, DepartmentState> = {}
  for (const value of found.values.get('--department') ?? []) {
    const equals = value.lastIndexOf('=')
    const id = equals === -1 ? '' : value.slice(0, equals)
    const departmentState = equals === -1 ? '' : value.slice(equals + 1)
    if (id === '' || !(DEPARTMENT_STATES as readonly string[]).includes(departmentState)) {
      return fail({ kind: 'bad-department', value })
    }
    departments[id] = departmentState as DepartmentState
  }
  const file = oneFile(found.positional, 'simulate')
  if (typeof file !== 'string') return fail(file)
  const request: SimulateArgs = {
    kind: 'simulate',
    file,
    state: state as AgentState,
    actions,
    departments,
    replies: found.values.get('--reply') ?? [],
    expect: expect as OutcomeKind | null,
    format: found.format,
  }
  return { ok: true, request, lang: found.lang }
}

/** Reads the arguments of `test`. */
export function parseTestArgs(args: readonly string[]): ParsedArgs {
  const help = helpRequested(args, 'test')
  if (help) return help
  const found = scan(args, [], ['--coverage'])
  const fail = (problem: UsageProblem): ParsedArgs => ({
    ok: false,
    problem,
    topic: 'test',
    lang: found.lang,
  })
  if (found.problem) return fail(found.problem)
  if (found.positional.length === 0) return fail({ kind: 'no-file', command: 'test' })
  const request: TestArgs = {
    kind: 'test',
    files: found.positional,
    format: found.format,
    coverage: found.flags.has('--coverage'),
  }
  return { ok: true, request, lang: found.lang }
}

/** Reads the arguments of `paths`. */
export function parsePathsArgs(args: readonly string[]): ParsedArgs {
  const help = helpRequested(args, 'paths')
  if (help) return help
  const found = scan(args, [], [])
  const fail = (problem: UsageProblem): ParsedArgs => ({
    ok: false,
    problem,
    topic: 'paths',
    lang: found.lang,
  })
  if (found.problem) return fail(found.problem)
  const file = oneFile(found.positional, 'paths')
  if (typeof file !== 'string') return fail(file)
  const request: PathsArgs = { kind: 'paths', file, format: found.format }
  return { ok: true, request, lang: found.lang }
}

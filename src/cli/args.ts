import { LOCALES, type Locale } from '../i18n/translate.ts'
import {
  parsePathsArgs,
  parseSimulateArgs,
  parseTestArgs,
  type PathsArgs,
  type SimulateArgs,
  type TestArgs,
} from './simulate-args.ts'

/** The commands of `ivr-designer`. */
export const COMMANDS = ['validate', 'simulate', 'test', 'paths', 'schema', 'help'] as const
export type CommandWord = (typeof COMMANDS)[number]

/** Whose help to show: the program's or one command's. */
export type HelpTopic = 'main' | CommandWord

/** The output formats of `validate`. */
export const OUTPUT_FORMATS = ['text', 'json'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

/** The file name that stands for standard input. */
export const STDIN_FILE = '-'

/** What the user asked for. */
export type CliRequest =
  | { readonly kind: 'help'; readonly topic: HelpTopic }
  | { readonly kind: 'version' }
  | { readonly kind: 'schema' }
  | {
      readonly kind: 'validate'
      readonly files: readonly string[]
      readonly format: OutputFormat
      readonly reply: boolean
    }
  | SimulateArgs
  | TestArgs
  | PathsArgs

/** Why the arguments make no request; rendered in the user's language by the caller. */
export type UsageProblem =
  | { readonly kind: 'no-command' }
  | { readonly kind: 'unknown-command'; readonly command: string }
  | { readonly kind: 'unknown-option'; readonly option: string }
  | { readonly kind: 'missing-value'; readonly option: string }
  | {
      readonly kind: 'bad-value'
      readonly option: string
      readonly value: string
      readonly allowed: readonly string[]
    }
  | { readonly kind: 'unexpected-argument'; readonly argument: string }
  | { readonly kind: 'no-files' }
  /** A command that takes one file (or several) got none. */
  | { readonly kind: 'no-file'; readonly command: string }
  | { readonly kind: 'missing-option'; readonly option: string }
  /** A `--keys` token that is no key, digits, `no-input` or `state=…`. */
  | { readonly kind: 'bad-action'; readonly value: string }
  /** A `--department` value that is not `ID=online|busy|offline`. */
  | { readonly kind: 'bad-department'; readonly value: string }

/**
 * Parsed arguments: a request or a usage problem, and the `--lang` option when it was given
 * correctly, so that even a usage problem can be told in the language asked for.
 */
export type ParsedArgs =
  | { readonly ok: true; readonly request: CliRequest; readonly lang: Locale | null }
  | {
      readonly ok: false
      readonly problem: UsageProblem
      /** The help that explains the usage the problem is about. */
      readonly topic: HelpTopic
      readonly lang: Locale | null
    }

const isCommandWord = (word: string): word is CommandWord =>
  (COMMANDS as readonly string[]).includes(word)

const isHelpFlag = (arg: string) => arg === '-h' || arg === '--help'
const isVersionFlag = (arg: string) => arg === '-v' || arg === '--version'

/**
 * Reads the arguments after the program name. Options may come before or after files; `--`
 * ends options; `-h`/`--help` anywhere before `--` asks for help instead of running.
 */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv
  const fail = (problem: UsageProblem, topic: HelpTopic, lang: Locale | null = null) =>
    ({ ok: false, problem, topic, lang }) as const
  const done = (request: CliRequest, lang: Locale | null = null) =>
    ({ ok: true, request, lang }) as const

  if (first === undefined) return fail({ kind: 'no-command' }, 'main')
  if (isHelpFlag(first)) return done({ kind: 'help', topic: 'main' })
  if (isVersionFlag(first)) return done({ kind: 'version' })
  if (first.startsWith('-') && first !== STDIN_FILE) {
    return fail({ kind: 'unknown-option', option: first }, 'main')
  }
  if (!isCommandWord(first)) return fail({ kind: 'unknown-command', command: first }, 'main')

  switch (first) {
    case 'help':
      return parseHelp(rest)
    case 'schema':
      return parseSchema(rest)
    case 'validate':
      return parseValidate(rest)
    case 'simulate':
      return parseSimulateArgs(rest)
    case 'test':
      return parseTestArgs(rest)
    case 'paths':
      return parsePathsArgs(rest)
  }
}

function parseHelp(args: readonly string[]): ParsedArgs {
  const [topic, extra] = args
  if (topic === undefined || isHelpFlag(topic)) {
    return { ok: true, request: { kind: 'help', topic: 'main' }, lang: null }
  }
  if (!isCommandWord(topic)) {
    return {
      ok: false,
      problem: { kind: 'unknown-command', command: topic },
      topic: 'main',
      lang: null,
    }
  }
  if (extra !== undefined) {
    return {
      ok: false,
      problem: { kind: 'unexpected-argument', argument: extra },
      topic: 'help',
      lang: null,
    }
  }
  return { ok: true, request: { kind: 'help', topic }, lang: null }
}

function parseSchema(args: readonly string[]): ParsedArgs {
  if (args.some(isHelpFlag))
    return { ok: true, request: { kind: 'help', topic: 'schema' }, lang: null }
  const [extra] = args
  if (extra === undefined) return { ok: true, request: { kind: 'schema' }, lang: null }
  const problem: UsageProblem = extra.startsWith('-')
    ? { kind: 'unknown-option', option: extra }
    : { kind: 'unexpected-argument', argument: extra }
  return { ok: false, problem, topic: 'schema', lang: null }
}

function parseValidate(args: readonly string[]): ParsedArgs {
  const end = args.indexOf('--')
  const options = end === -1 ? args : args.slice(0, end)
  if (options.some(isHelpFlag)) {
    return { ok: true, request: { kind: 'help', topic: 'validate' }, lang: null }
  }

  const files: string[] = []
  let format: OutputFormat = 'text'
  let reply = false
  let lang: Locale | null = null
  let problem: UsageProblem | null = null

  for (let i = 0; i < args.length && problem === null; i++) {
    const arg = args[i] as string
    if (i === end) {
      files.push(...args.slice(i + 1))
      break
    }
    if (arg === STDIN_FILE || !arg.startsWith('-')) {
      files.push(arg)
      continue
    }
    const equals = arg.indexOf('=')
    const name = equals === -1 ? arg : arg.slice(0, equals)
    const inline = equals === -1 ? null : arg.slice(equals + 1)
    const takeValue = (): string | null => {
      if (inline !== null) return inline
      const next = args[i + 1]
      if (next === undefined || i + 1 === end) return null
      i++
      return next
    }
    switch (name) {
      case '--reply':
        if (inline !== null) problem = { kind: 'unknown-option', option: arg }
        else reply = true
        break
      case '--format': {
        const value = takeValue()
        if (value === null) problem = { kind: 'missing-value', option: name }
        else if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) {
          problem = { kind: 'bad-value', option: name, value, allowed: OUTPUT_FORMATS }
        } else format = value as OutputFormat
        break
      }
      case '--lang': {
        const value = takeValue()
        if (value === null) problem = { kind: 'missing-value', option: name }
        else if (!(LOCALES as readonly string[]).includes(value)) {
          problem = { kind: 'bad-value', option: name, value, allowed: LOCALES }
        } else lang = value as Locale
        break
      }
      default:
        problem = { kind: 'unknown-option', option: arg }
    }
  }

  if (problem === null && files.length === 0) problem = { kind: 'no-files' }
  if (problem !== null) return { ok: false, problem, topic: 'validate', lang }
  return { ok: true, request: { kind: 'validate', files, format, reply }, lang }
}

import type { Locale } from '../i18n/translate.ts'
import type { CallOutcome, StartOptions } from '../simulate/call.ts'
import { driveCall, formatAction, type DriveResult, type ScriptedReply } from '../simulate/drive.ts'
import { EXIT, type ExitCode } from './exit-codes.ts'
import { wantsColor } from './format.ts'
import { PROGRAM } from './help.ts'
import type { CliIo } from './io.ts'
import { loadIvr, loadText, type LoadedIvr } from './load-ivr.ts'
import { cliMessages } from './messages.ts'
import type { SimulateArgs } from './simulate-args.ts'
import {
  entryJson,
  paint,
  placeJson,
  problemLines,
  refusedLines,
  transcriptLines,
} from './simulate-format.ts'
import { simulateMessages } from './simulate-messages.ts'

/** The word `failed` in `--reply` and test files: the URL did not answer. */
export const REPLY_FAILED = 'failed'

/**
 * Reads the replies in order: `failed`, or the text of a file (resolved by `resolve`). A file
 * that cannot be read is reported on standard error and makes the result `null`.
 */
export async function loadReplies(
  io: CliIo,
  replies: readonly string[],
  locale: Locale,
  resolve: (file: string) => string = (file) => file,
): Promise<ScriptedReply[] | null> {
  const loaded: ScriptedReply[] = []
  for (const reply of replies) {
    if (reply === REPLY_FAILED) {
      loaded.push({ kind: 'failed' })
      continue
    }
    const path = resolve(reply)
    const text = await loadText(io, path)
    if (text.text === null) {
      io.stderr.write(`${PROGRAM}: ${cliMessages(locale).readFailed(path, text.failure)}\n`)
      return null
    }
    loaded.push({ kind: 'text', text: text.text, name: reply })
  }
  return loaded
}

/** Runs a scripted test call of a loaded IVR; an IVR that is not UTF-8 is refused. */
export function simulateLoaded(
  ivr: LoadedIvr,
  options: Omit<StartOptions, 'diagnostics'>,
  request: Pick<SimulateArgs, 'actions'>,
  replies: readonly ScriptedReply[],
): DriveResult | { refused: CallOutcome } {
  if (ivr.parsed === null) return { refused: { kind: 'refused', errors: ivr.diagnostics } }
  return driveCall(
    ivr.parsed,
    { ...options, diagnostics: ivr.diagnostics },
    request.actions,
    replies,
  )
}

/**
 * `simulate`: runs one test call and prints its transcript and outcome. Exit code 1 when the IVR
 * has errors, an action does not fit the call, or the outcome is not `--expect`; 2 when a file
 * cannot be read.
 */
export async function runSimulate(
  request: SimulateArgs & { readonly locale: Locale },
  io: CliIo,
): Promise<ExitCode> {
  const { locale } = request
  const messages = simulateMessages(locale)
  const loaded = await loadIvr(io, request.file, locale)
  if (loaded.ivr === null) {
    io.stderr.write(`${PROGRAM}: ${cliMessages(locale).readFailed(request.file, loaded.failure)}\n`)
    return EXIT.usage
  }
  const replies = await loadReplies(io, request.replies, locale)
  if (replies === null) return EXIT.usage
  const ivr = loaded.ivr
  const result = simulateLoaded(
    ivr,
    { state: request.state, departments: request.departments, locale },
    request,
    replies,
  )
  const color = request.format === 'text' && wantsColor(io.stdout.isTTY === true, io.env)

  const outcome = 'refused' in result ? result.refused : result.outcome
  const notFollowed =
    'refused' in result ? false : result.problems.some((p) => p.kind === 'not-accepted')
  const matches = request.expect === null || outcome?.kind === request.expect
  const passed = outcome !== null && outcome.kind !== 'refused' && !notFollowed && matches

  if (request.format === 'json') {
    const call = 'refused' in result ? null : result.call
    const report = {
      file: ivr.name,
      state: request.state,
      departments: request.departments,
      keys: request.actions.map(formatAction),
      replies: request.replies,
      outcome,
      expected: request.expect,
      passed,
      transcript: call ? call.transcript.map((entry) => entryJson(entry, locale)) : [],
      visited: call ? call.visited : [],
      waitingAt: call && call.outcome === null ? placeJson(call.at) : null,
      problems: 'refused' in result ? [] : result.problems,
      missingReplies: 'refused' in result ? 0 : result.missingReplies,
    }
    io.stdout.write(JSON.stringify(report, null, 2) + '\n')
    return passed ? EXIT.ok : EXIT.errors
  }

  const lines: string[] = []
  if ('refused' in result || outcome?.kind === 'refused') {
    lines.push(...refusedLines(ivr, locale, color))
  } else {
    lines.push(...transcriptLines(result.call, { locale, color }))
    lines.push(...problemLines(result, locale))
  }
  if (outcome !== null) lines.push(paint(color, 'bold', messages.outcome(outcome.kind)))
  if (request.expect !== null && !matches) {
    const actual = notFollowed ? null : (outcome?.kind ?? null)
    lines.push(paint(color, 'red', messages.expected(request.expect, actual)))
  }
  io.stdout.write(lines.join('\n') + '\n')
  return passed ? EXIT.ok : EXIT.errors
}

import type { Locale } from '../i18n/translate.ts'
import type { CallState, EntryPlace, TranscriptEntry } from '../simulate/call.ts'
import type { IvrStep } from '../simulate/coverage.ts'
import { entryLocation, entryText, outcomeText } from '../simulate/describe.ts'
import type { DriveProblem, DriveResult } from '../simulate/drive.ts'
import { formatText } from './format.ts'
import type { LoadedIvr } from './load-ivr.ts'
import { simulateMessages } from './simulate-messages.ts'

const ANSI = {
  dim: ['\u001b[2m', '\u001b[22m'],
  green: ['\u001b[32m', '\u001b[39m'],
  red: ['\u001b[31m', '\u001b[39m'],
  bold: ['\u001b[1m', '\u001b[22m'],
} as const

/** Wraps text in an ANSI style when `color` is on. */
export function paint(color: boolean, style: keyof typeof ANSI, text: string): string {
  return color ? `${ANSI[style][0]}${text}${ANSI[style][1]}` : text
}

/** A transcript line as text output shows it, before the locations are aligned. */
interface Row {
  readonly location: string
  readonly text: string
}

/**
 * The transcript as text, one line per entry: the location (`section:line`) padded to a common
 * width, two spaces, then the sentence in `locale`. A call waiting in the queue gets a last line
 * at the command it waits at. No trailing newline on each line.
 */
export function transcriptLines(
  call: CallState,
  options: { readonly locale: Locale; readonly color: boolean; readonly indent?: string },
): string[] {
  const { locale, color } = options
  const rows: Row[] = call.transcript.map((entry) => ({
    location: entryLocation(entry),
    text: entryText(entry, locale),
  }))
  if (call.outcome === null && call.queued && call.at) {
    rows.push({ location: entryLocation(call.at), text: outcomeText({ kind: 'waiting' }, locale) })
  }
  const width = Math.max(0, ...rows.map((row) => row.location.length))
  const indent = options.indent ?? ''
  return rows.map(
    (row) => `${indent}${paint(color, 'dim', row.location.padEnd(width))}  ${row.text}`,
  )
}

/** A transcript entry as JSON output shows it: every field, its location and its sentence. */
export function entryJson(
  entry: TranscriptEntry,
  locale: Locale,
): TranscriptEntry & { location: string; text: string } {
  return { ...entry, location: entryLocation(entry), text: entryText(entry, locale) }
}

/** The notes about a scripted call that did not go exactly as written. */
export function problemLines(result: DriveResult, locale: Locale): string[] {
  const messages = simulateMessages(locale)
  const lines = result.problems.map((problem: DriveProblem) => {
    switch (problem.kind) {
      case 'not-accepted':
        return messages.notAccepted(problem.action, problem.index, problem.awaiting)
      case 'unused-actions':
        return messages.unusedActions(problem.actions)
      case 'unused-replies':
        return messages.unusedReplies(problem.count)
    }
  })
  if (result.missingReplies > 0) lines.push(messages.missingReplies(result.missingReplies))
  return lines
}

/** The error diagnostics of a refused IVR, as `validate` prints them, with its summary line. */
export function refusedLines(ivr: LoadedIvr, locale: Locale, color: boolean): string[] {
  const errors = ivr.diagnostics.filter((d) => d.severity === 'error')
  return formatText([{ file: ivr.name, diagnostics: errors }], { color, locale })
    .trimEnd()
    .split('\n')
}

/** A command or option of the IVR as one line: `section:line  kind`, or `option KEY`. */
export function stepLine(step: IvrStep, width: number): string {
  const location = `${step.section}:${step.line}`.padEnd(width)
  return `${location}  ${step.kind === 'option' ? `option ${step.key}` : step.kind}`
}

/** The width of the widest location of these steps. */
export function stepWidth(steps: readonly IvrStep[]): number {
  return Math.max(0, ...steps.map((s) => `${s.section}:${s.line}`.length))
}

/** The place a call waits at, as text: used in JSON output. */
export function placeJson(place: EntryPlace | null): (EntryPlace & { location: string }) | null {
  return place ? { ...place, location: entryLocation(place) } : null
}

import type { Locale } from '../i18n/translate.ts'
import type { Diagnostic, Severity } from '../validate/diagnostic.ts'
import { cliMessages, type Counts } from './messages.ts'

/** The diagnostics of one checked file, under the name the user gave it. */
export interface FileResult {
  readonly file: string
  readonly diagnostics: readonly Diagnostic[]
}

/** A diagnostic as the JSON output shows it: every field, and the file it belongs to. */
export type FileDiagnostic = { readonly file: string } & Diagnostic

const ANSI = {
  red: ['\u001b[31m', '\u001b[39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
  cyan: ['\u001b[36m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
} as const

const SEVERITY_COLOR: Readonly<Record<Severity, keyof typeof ANSI>> = {
  error: 'red',
  warning: 'yellow',
  info: 'cyan',
}

function paint(color: boolean, style: keyof typeof ANSI, text: string): string {
  return color ? `${ANSI[style][0]}${text}${ANSI[style][1]}` : text
}

/**
 * Whether to colour text output: only on a terminal, and never when `NO_COLOR` is set to
 * anything but the empty string (https://no-color.org).
 */
export function wantsColor(
  isTerminal: boolean,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return isTerminal && !env['NO_COLOR']
}

/** How many diagnostics of each severity the results hold. */
export function countSeverities(results: readonly FileResult[]): Counts {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const result of results) for (const d of result.diagnostics) counts[d.severity]++
  return counts
}

/**
 * One line per diagnostic, `FILE:LINE:COL: severity message [code]` as eslint and tsc print
 * them, then a summary line in `locale`. With `color`, severities are red, yellow or cyan and
 * codes dim. Ends with a newline.
 */
export function formatText(
  results: readonly FileResult[],
  options: { readonly color: boolean; readonly locale: Locale },
): string {
  const { color } = options
  const lines: string[] = []
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      const severity = paint(color, SEVERITY_COLOR[d.severity], d.severity)
      const code = paint(color, 'dim', `[${d.code}]`)
      lines.push(`${file}:${d.line}:${d.column}: ${severity} ${d.message} ${code}`)
    }
  }
  lines.push(cliMessages(options.locale).summary(countSeverities(results), results.length))
  return lines.join('\n') + '\n'
}

/** One JSON array of every diagnostic with its `file`, in file order. Ends with a newline. */
export function formatJson(results: readonly FileResult[]): string {
  const all: FileDiagnostic[] = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({ file, ...d })),
  )
  return JSON.stringify(all, null, 2) + '\n'
}

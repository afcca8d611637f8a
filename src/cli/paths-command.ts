import type { Locale } from '../i18n/translate.ts'
import { enumeratePaths, unvisitedSteps, type PathOutcome } from '../simulate/coverage.ts'
import { compactOutcome } from '../simulate/describe.ts'
import { EXIT, type ExitCode } from './exit-codes.ts'
import { wantsColor } from './format.ts'
import { PROGRAM } from './help.ts'
import type { CliIo } from './io.ts'
import { loadIvr } from './load-ivr.ts'
import { cliMessages } from './messages.ts'
import type { PathsArgs } from './simulate-args.ts'
import { entryJson, paint, refusedLines, stepLine, stepWidth } from './simulate-format.ts'
import { simulateMessages } from './simulate-messages.ts'

function outcomeCell(outcome: PathOutcome): string {
  return outcome.kind === 'fetched' ? `fetched ${outcome.url}` : compactOutcome(outcome)
}

/**
 * `paths`: lists every way through the IVR (state, departments, keys, replies, outcome), then the
 * commands no path runs. Exit code 1 when the IVR has errors, 2 when it cannot be read.
 */
export async function runPaths(
  request: PathsArgs & { readonly locale: Locale },
  io: CliIo,
): Promise<ExitCode> {
  const { locale } = request
  const messages = simulateMessages(locale)
  const loaded = await loadIvr(io, request.file, locale)
  if (loaded.ivr === null) {
    io.stderr.write(`${PROGRAM}: ${cliMessages(locale).readFailed(request.file, loaded.failure)}\n`)
    return EXIT.usage
  }
  const ivr = loaded.ivr
  const color = request.format === 'text' && wantsColor(io.stdout.isTTY === true, io.env)
  const refused = ivr.parsed === null || ivr.diagnostics.some((d) => d.severity === 'error')

  if (refused || ivr.parsed === null) {
    if (request.format === 'json') {
      const errors = ivr.diagnostics.filter((d) => d.severity === 'error')
      const report = { file: ivr.name, outcome: { kind: 'refused', errors }, paths: [] }
      io.stdout.write(JSON.stringify(report, null, 2) + '\n')
    } else {
      const lines = [...refusedLines(ivr, locale, color), messages.outcome('refused')]
      io.stdout.write(lines.join('\n') + '\n')
    }
    return EXIT.errors
  }

  const list = enumeratePaths(ivr.parsed, { diagnostics: ivr.diagnostics })
  const neverRun = unvisitedSteps(
    ivr.parsed,
    list.paths.map((path) => path.visited),
  )

  if (request.format === 'json') {
    const report = {
      file: ivr.name,
      complete: list.complete,
      paths: list.paths.map((path) => ({
        state: path.state,
        departments: path.departments,
        keys: path.keys,
        replies: path.replies,
        outcome: path.outcome,
        visited: path.visited,
        transcript: path.transcript.map((entry) => entryJson(entry, locale)),
      })),
      neverRun,
    }
    io.stdout.write(JSON.stringify(report, null, 2) + '\n')
    return EXIT.ok
  }

  const none = '-'
  const rows = list.paths.map((path) => [
    path.state,
    Object.entries(path.departments)
      .map(([id, state]) => `${id}=${state}`)
      .join(' ') || none,
    path.keys.join(',') || none,
    path.replies.join(',') || none,
    outcomeCell(path.outcome),
  ])
  const table = [[...messages.pathsHeader], ...rows]
  const widths = table[0]!.map((_, column) =>
    Math.max(...table.map((row) => displayWidth(row[column] ?? ''))),
  )
  const lines = table.map((row, index) => {
    const text = row
      .map((cell, column) =>
        column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - displayWidth(cell)),
      )
      .join('  ')
    return index === 0 ? paint(color, 'dim', text) : text
  })
  if (neverRun.length > 0) {
    lines.push(messages.neverRun(neverRun.length))
    const width = stepWidth(neverRun)
    lines.push(...neverRun.map((step) => `  ${stepLine(step, width)}`))
  }
  lines.push(messages.pathsSummary(list.paths.length, list.complete))
  io.stdout.write(lines.join('\n') + '\n')
  return EXIT.ok
}

/** Characters that take two columns in a terminal: CJK, Hangul, full-width forms. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/

/** Columns a string takes in a terminal, so that Japanese headers line up. */
function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += WIDE.test(char) ? 2 : 1
  return width
}

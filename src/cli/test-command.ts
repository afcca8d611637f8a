import { dirname, isAbsolute, join } from 'node:path'
import type { Locale } from '../i18n/translate.ts'
import type { IvrPath } from '../model/path.ts'
import type { CallOutcome } from '../simulate/call.ts'
import { unvisitedSteps, type IvrStep } from '../simulate/coverage.ts'
import { formatAction, type DriveProblem } from '../simulate/drive.ts'
import { parseTestSuite, type TestCase } from '../simulate/test-suite.ts'
import { decodeIvrBytes } from '../yaml/decode.ts'
import { EXIT, type ExitCode } from './exit-codes.ts'
import { wantsColor } from './format.ts'
import { PROGRAM } from './help.ts'
import { readInput, type CliIo } from './io.ts'
import { loadIvr, type LoadedIvr } from './load-ivr.ts'
import { cliMessages, type ReadFailure } from './messages.ts'
import type { TestArgs } from './simulate-args.ts'
import { loadReplies, simulateLoaded } from './simulate-command.ts'
import {
  entryJson,
  paint,
  problemLines,
  refusedLines,
  stepLine,
  stepWidth,
  transcriptLines,
} from './simulate-format.ts'
import { simulateMessages } from './simulate-messages.ts'

/** The result of one test call, as JSON output shows it. */
interface TestResult {
  readonly name: string
  readonly line: number
  readonly state: TestCase['state']
  readonly keys: readonly string[]
  readonly expected: TestCase['expect']
  readonly outcome: CallOutcome | null
  readonly passed: boolean
  readonly problems: readonly DriveProblem[]
  readonly transcript: readonly ReturnType<typeof entryJson>[]
}

/**
 * `test`: runs every test call of each test file and prints a line per test, details of those
 * that fail, and a last line `N passed, N failed`. Exit code 1 when any test fails; 2 when a file
 * cannot be read or a test file is malformed (the other files still run).
 */
export async function runTests(
  request: TestArgs & { readonly locale: Locale },
  io: CliIo,
): Promise<ExitCode> {
  const { locale } = request
  const messages = simulateMessages(locale)
  const color = request.format === 'text' && wantsColor(io.stdout.isTTY === true, io.env)
  const lines: string[] = []
  const json: { file: string; ivr: string; tests: TestResult[]; notWalked?: IvrStep[] }[] = []
  let passed = 0
  let failed = 0
  let broken = false
  const readFailed = (
    file: string,
    reason: Parameters<ReturnType<typeof cliMessages>['readFailed']>[1],
  ) => {
    io.stderr.write(`${PROGRAM}: ${cliMessages(locale).readFailed(file, reason)}\n`)
    broken = true
  }

  for (const file of request.files) {
    const input = await readInput(io, file)
    if (input.bytes === null) {
      readFailed(file, input.failure)
      continue
    }
    const decoded = decodeIvrBytes(input.bytes)
    const { suite, problems } = parseTestSuite(decoded.text ?? '\uFFFD')
    if (suite === null) {
      for (const problem of problems)
        io.stderr.write(`${PROGRAM}: ${messages.suiteProblem(file, problem)}\n`)
      broken = true
      continue
    }
    const near = (path: string) => (isAbsolute(path) ? path : join(dirname(file), path))
    const ivrFile = near(suite.ivr)
    const loaded = await loadIvr(io, ivrFile, locale)
    if (loaded.ivr === null) {
      readFailed(ivrFile, loaded.failure)
      continue
    }
    const ivr: LoadedIvr = loaded.ivr
    const errors = ivr.diagnostics.filter((d) => d.severity === 'error')
    lines.push(file)
    if (errors.length > 0) {
      lines.push(`  ${messages.ivrErrors(errors.length)}`)
      lines.push(
        ...refusedLines(ivr, locale, color)
          .slice(0, -1)
          .map((line) => `    ${line}`),
      )
    }
    const results: TestResult[] = []
    const walks: IvrPath[][] = []
    for (const test of suite.tests) {
      const replies = await loadReplies(io, test.replies, locale, near)
      if (replies === null) {
        broken = true
        continue
      }
      const result = simulateLoaded(
        ivr,
        { state: test.state, departments: test.departments, locale },
        test,
        replies,
      )
      const outcome = 'refused' in result ? result.refused : result.outcome
      const driveProblems = 'refused' in result ? [] : result.problems
      const ok = outcome !== null && outcome.kind === test.expect && driveProblems.length === 0
      if (ok) passed++
      else failed++
      if (!('refused' in result)) walks.push([...result.call.visited])

      const mark = ok ? paint(color, 'green', '✓') : paint(color, 'red', '✗')
      lines.push(
        `  ${mark} ${test.name}${ok ? '' : paint(color, 'dim', ` (${file}:${test.line})`)}`,
      )
      if (!ok) {
        if (outcome?.kind !== test.expect) {
          const actual = outcome === null ? null : outcome.kind
          lines.push(`      ${messages.testFailed(test.expect, actual)}`)
        }
        if (!('refused' in result)) {
          lines.push(...problemLines(result, locale).map((line) => `      ${line}`))
          lines.push(...transcriptLines(result.call, { locale, color, indent: '      ' }))
        }
      }
      results.push({
        name: test.name,
        line: test.line,
        state: test.state,
        keys: test.actions.map(formatAction),
        expected: test.expect,
        outcome,
        passed: ok,
        problems: driveProblems,
        transcript:
          'refused' in result
            ? []
            : result.call.transcript.map((entry) => entryJson(entry, locale)),
      })
    }
    const report: (typeof json)[number] = { file, ivr: ivrFile, tests: results }
    if (request.coverage && ivr.parsed !== null && errors.length === 0) {
      const missed = unvisitedSteps(ivr.parsed, walks)
      report.notWalked = missed
      if (missed.length === 0) lines.push(`  ${messages.allWalked}`)
      else {
        lines.push(`  ${messages.notWalked(missed.length)}`)
        const width = stepWidth(missed)
        lines.push(...missed.map((step) => `    ${stepLine(step, width)}`))
      }
    }
    json.push(report)
  }

  if (request.format === 'json') {
    io.stdout.write(JSON.stringify({ files: json, passed, failed }, null, 2) + '\n')
  } else {
    lines.push(messages.testSummary(passed, failed))
    io.stdout.write(lines.join('\n') + '\n')
  }
  if (broken) return EXIT.usage
  return failed > 0 ? EXIT.errors : EXIT.ok
}

import type { Locale } from '../i18n/translate.ts'
import { parseCliArgs, type UsageProblem } from './args.ts'
import { EXIT, type ExitCode } from './exit-codes.ts'
import { helpCommand, helpText, PROGRAM } from './help.ts'
import type { CliIo } from './io.ts'
import { resolveLocale } from './locale.ts'
import { cliMessages, type CliMessages } from './messages.ts'
import { runPaths } from './paths-command.ts'
import { runSimulate } from './simulate-command.ts'
import { simulateMessages } from './simulate-messages.ts'
import { runTests } from './test-command.ts'
import { runValidate } from './validate-command.ts'

/**
 * Runs `ivr-designer` with the arguments after the program name and returns its exit code.
 * Never throws for anything the user can do: usage problems and unreadable files are messages
 * on standard error with exit code 2.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  version: () => string,
): Promise<ExitCode> {
  const parsed = parseCliArgs(argv)
  const locale = resolveLocale(parsed.lang, io.env)
  if (!parsed.ok) {
    const messages = cliMessages(locale)
    io.stderr.write(
      `${PROGRAM}: ${usageMessage(parsed.problem, messages, locale)}\n` +
        `${messages.seeHelp(helpCommand(parsed.topic))}\n`,
    )
    return EXIT.usage
  }
  const { request } = parsed
  switch (request.kind) {
    case 'help':
      io.stdout.write(helpText(request.topic))
      return EXIT.ok
    case 'version':
      io.stdout.write(`${version()}\n`)
      return EXIT.ok
    case 'schema': {
      // Loaded on demand: building the zod schemas is most of the start-up time of `validate`.
      const { ivrJsonSchema } = await import('../model/schema.ts')
      io.stdout.write(JSON.stringify(ivrJsonSchema(), null, 2) + '\n')
      return EXIT.ok
    }
    case 'validate':
      return runValidate({ ...request, locale }, io)
    case 'simulate':
      return runSimulate({ ...request, locale }, io)
    case 'test':
      return runTests({ ...request, locale }, io)
    case 'paths':
      return runPaths({ ...request, locale }, io)
  }
}

function usageMessage(problem: UsageProblem, messages: CliMessages, locale: Locale): string {
  switch (problem.kind) {
    case 'no-command':
      return messages.noCommand
    case 'unknown-command':
      return messages.unknownCommand(problem.command)
    case 'unknown-option':
      return messages.unknownOption(problem.option)
    case 'missing-value':
      return messages.missingValue(problem.option)
    case 'bad-value':
      return messages.badValue(problem.option, problem.value, problem.allowed)
    case 'unexpected-argument':
      return messages.unexpectedArgument(problem.argument)
    case 'no-files':
      return messages.noFiles
    case 'no-file':
      return simulateMessages(locale).noFile(problem.command)
    case 'missing-option':
      return simulateMessages(locale).missingOption(problem.option)
    case 'bad-action':
      return simulateMessages(locale).badAction(problem.value)
    case 'bad-department':
      return simulateMessages(locale).badDepartment(problem.value)
  }
}

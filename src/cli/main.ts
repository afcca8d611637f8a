import { readFileSync } from 'node:fs'
import { EXIT } from './exit-codes.ts'
import { PROGRAM } from './help.ts'
import { processIo } from './io.ts'
import { resolveLocale } from './locale.ts'
import { cliMessages } from './messages.ts'
import { runCli } from './run.ts'

/*
 * The entry point of `ivr-designer`: runs the command line on this process and sets its exit
 * code. Whatever goes wrong below, the user sees one line, never a stack trace, and exit code 2.
 */

function fail(error: unknown): void {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
  const messages = cliMessages(resolveLocale(null, process.env))
  process.stderr.write(`${PROGRAM}: ${messages.unexpected(detail ?? '')}\n`)
  process.exitCode = EXIT.usage
}

function version(): string {
  try {
    const manifest: unknown = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    )
    const value =
      typeof manifest === 'object' && manifest !== null && 'version' in manifest
        ? manifest.version
        : undefined
    return typeof value === 'string' ? value : 'unknown'
  } catch {
    return 'unknown'
  }
}

process.on('uncaughtException', (error) => {
  fail(error)
  process.exit(EXIT.usage)
})
process.on('unhandledRejection', (error) => {
  fail(error)
  process.exit(EXIT.usage)
})
// A reader that stops early (`| head`) is not an error of ours: the rest of the output is
// dropped and the exit code still tells the result.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return
  fail(error)
  process.exit(EXIT.usage)
})

try {
  process.exitCode = await runCli(process.argv.slice(2), processIo(), version)
} catch (error) {
  fail(error)
}

import type { Locale } from '../i18n/translate.ts'
import { hasErrors, type Diagnostic } from '../validate/diagnostic.ts'
import { checkIvr } from '../validate/validate-ivr.ts'
import { decodeIvrBytes } from '../yaml/decode.ts'
import { STDIN_FILE, type OutputFormat } from './args.ts'
import { EXIT, type ExitCode } from './exit-codes.ts'
import { formatJson, formatText, wantsColor, type FileResult } from './format.ts'
import { PROGRAM } from './help.ts'
import { readInput, type CliIo, type ReadResult } from './io.ts'
import { cliMessages } from './messages.ts'

/** How standard input is named in the output. */
export const STDIN_NAME = '<stdin>'

/** What `validate` was asked to do. */
export interface ValidateRequest {
  readonly files: readonly string[]
  readonly format: OutputFormat
  readonly reply: boolean
  readonly locale: Locale
}

/**
 * Checks every file and prints the report. A file that cannot be read is reported on standard
 * error and the others are still checked; the exit code is then `usage`, else `errors` when any
 * IVR has an error, else `ok`.
 */
export async function runValidate(request: ValidateRequest, io: CliIo): Promise<ExitCode> {
  const messages = cliMessages(request.locale)
  const results: FileResult[] = []
  let unreadable = false
  let stdin: Promise<ReadResult> | null = null

  for (const file of request.files) {
    const isStdin = file === STDIN_FILE
    if (isStdin) {
      // Standard input can be read once; naming it twice checks the same text twice.
      stdin ??= io.readStdin().then(
        (bytes): ReadResult => ({ bytes, failure: null }),
        (): ReadResult => ({ bytes: null, failure: 'other' }),
      )
    }
    const input = isStdin ? await (stdin as Promise<ReadResult>) : await readInput(io, file)
    if (input.bytes === null) {
      io.stderr.write(`${PROGRAM}: ${messages.readFailed(file, input.failure)}\n`)
      unreadable = true
      continue
    }
    const name = isStdin ? STDIN_NAME : file
    results.push({ file: name, diagnostics: check(input.bytes, request) })
  }

  // Text output says nothing when no file could be read; JSON output is always one array.
  if (request.format === 'json') io.stdout.write(formatJson(results))
  else if (results.length > 0) {
    const color = wantsColor(io.stdout.isTTY === true, io.env)
    io.stdout.write(formatText(results, { color, locale: request.locale }))
  }
  if (unreadable) return EXIT.usage
  return results.some((result) => hasErrors(result.diagnostics)) ? EXIT.errors : EXIT.ok
}

function check(bytes: Uint8Array, request: ValidateRequest): readonly Diagnostic[] {
  const decoded = decodeIvrBytes(bytes, request.locale)
  if (decoded.text === null) return [decoded.diagnostic]
  return checkIvr(decoded.text, { reply: request.reply, locale: request.locale }).diagnostics
}

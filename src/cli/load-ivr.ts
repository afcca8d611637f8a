import type { Locale } from '../i18n/translate.ts'
import type { Diagnostic } from '../validate/diagnostic.ts'
import { validateIvr } from '../validate/validate-ivr.ts'
import { decodeIvrBytes } from '../yaml/decode.ts'
import { parseIvr, type ParsedIvr } from '../yaml/parse-ivr.ts'
import { STDIN_FILE } from './args.ts'
import { readInput, type CliIo } from './io.ts'
import type { ReadFailure } from './messages.ts'
import { STDIN_NAME } from './validate-command.ts'

/** An IVR file read and checked: its text parsed (`null` when it is not UTF-8) and diagnostics. */
export interface LoadedIvr {
  /** The name to print: the path as given, or `<stdin>`. */
  readonly name: string
  readonly parsed: ParsedIvr | null
  readonly diagnostics: readonly Diagnostic[]
}

/** Reads, decodes, parses and validates one IVR file (`-` for standard input). */
export async function loadIvr(
  io: CliIo,
  file: string,
  locale: Locale,
): Promise<{ ivr: LoadedIvr; failure: null } | { ivr: null; failure: ReadFailure }> {
  let bytes: Uint8Array
  if (file === STDIN_FILE) {
    try {
      bytes = await io.readStdin()
    } catch {
      return { ivr: null, failure: 'other' }
    }
  } else {
    const input = await readInput(io, file)
    if (input.bytes === null) return { ivr: null, failure: input.failure }
    bytes = input.bytes
  }
  const name = file === STDIN_FILE ? STDIN_NAME : file
  const decoded = decodeIvrBytes(bytes, locale)
  if (decoded.text === null) {
    return { ivr: { name, parsed: null, diagnostics: [decoded.diagnostic] }, failure: null }
  }
  const parsed = parseIvr(decoded.text, { locale })
  return { ivr: { name, parsed, diagnostics: validateIvr(parsed, { locale }) }, failure: null }
}

/** Reads a fetch reply file as text; `null` with the reason when it cannot be read as UTF-8. */
export async function loadText(
  io: CliIo,
  file: string,
): Promise<{ text: string; failure: null } | { text: null; failure: ReadFailure }> {
  const input = await readInput(io, file)
  if (input.bytes === null) return { text: null, failure: input.failure }
  const decoded = decodeIvrBytes(input.bytes)
  // Bytes that are not UTF-8 still reach the simulator, which then finds the answer invalid.
  return { text: decoded.text ?? '\uFFFD', failure: null }
}

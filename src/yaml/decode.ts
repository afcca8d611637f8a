import type { Locale } from '../i18n/translate.ts'
import type { Diagnostic } from '../validate/diagnostic.ts'
import { makeDiagnostic } from '../validate/make-diagnostic.ts'
import { createLineIndex } from './positions.ts'

/**
 * The WHATWG decoder every runtime of the product has (Node, browsers). Declared here because the
 * core is compiled without DOM or Node types.
 */
declare const TextDecoder: new (
  label: 'utf-8',
  options: { fatal: boolean },
) => { decode(input: Uint8Array): string }

/** The text of a file, or why it is not text: exactly one of the two is set. */
export type DecodedIvr =
  | { readonly text: string; readonly diagnostic: null }
  | { readonly text: null; readonly diagnostic: Diagnostic }

/**
 * Decodes the bytes of an IVR file as strict UTF-8. A leading byte order mark is dropped; any
 * invalid sequence makes the whole file a `yaml-syntax` diagnostic at line 1, column 1, since a
 * guessed replacement character could silently change a link or a section name.
 */
export function decodeIvrBytes(bytes: Uint8Array, locale: Locale = 'en'): DecodedIvr {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), diagnostic: null }
  } catch {
    const diagnostic = makeDiagnostic(
      {
        code: 'yaml-syntax',
        severity: 'error',
        messageId: 'diag.yaml-syntax.utf8',
        path: [],
        span: { start: 0, end: 0 },
      },
      createLineIndex(''),
      locale,
    )
    return { text: null, diagnostic }
  }
}

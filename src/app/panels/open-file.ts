import type { MessageId } from '../../i18n/en.ts'
import type { MessageArgs } from '../../i18n/translate.ts'
import { decodeIvrBytes } from '../../yaml/decode.ts'
import { formatBytes, MAX_BYTES } from '../../yaml/limits.ts'

/** What the file picker offers: YAML files, and text files that hold YAML. */
export const IVR_FILE_ACCEPT = '.yaml,.yml,.txt'

/** An IVR file that can be opened, or the reason it cannot, as a message of the catalog. */
export type IvrFileResult =
  | { readonly ok: true; readonly name: string; readonly text: string }
  | { readonly ok: false; readonly messageId: MessageId; readonly args: MessageArgs }

const BOM = '\uFEFF'

/** Refuses a file by its size alone, before reading it; `null` when the size is fine. */
export function refuseBySize(name: string, size: number): IvrFileResult | null {
  if (size <= MAX_BYTES) return null
  return { ok: false, messageId: 'open.too-large', args: { name, size: formatBytes(size) } }
}

/**
 * The text of an IVR file, exactly as written: line breaks and a leading byte order mark are
 * kept, so that exporting an unchanged IVR gives back the same bytes. Refuses files over 1 MiB,
 * files that are not UTF-8 and binary files.
 */
export function readIvrBytes(name: string, bytes: Uint8Array): IvrFileResult {
  const bySize = refuseBySize(name, bytes.byteLength)
  if (bySize) return bySize
  if (looksBinary(bytes)) return { ok: false, messageId: 'open.binary', args: { name } }
  const decoded = decodeIvrBytes(bytes)
  if (decoded.text === null) return { ok: false, messageId: 'open.not-utf8', args: { name } }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const text = hasBom && !decoded.text.startsWith(BOM) ? BOM + decoded.text : decoded.text
  return { ok: true, name, text }
}

/**
 * Whether the bytes are no text at all: a NUL byte, or many control characters, near the start.
 * Checked before decoding, so that an image is called binary rather than badly encoded text.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192)
  let control = 0
  for (const byte of sample) {
    if (byte === 0) return true
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++
  }
  return control > 0 && control * 20 > sample.length
}

/** Reads a file the person picked or dropped; never throws. */
export async function readIvrFile(file: File): Promise<IvrFileResult> {
  const bySize = refuseBySize(file.name, file.size)
  if (bySize) return bySize
  try {
    return readIvrBytes(file.name, new Uint8Array(await file.arrayBuffer()))
  } catch {
    return { ok: false, messageId: 'open.read-failed', args: { name: file.name } }
  }
}

/** The longest slug kept from an uploaded file's name, in characters. */
const MAX_SLUG_LENGTH = 60

/** The longest display name kept from an uploaded file's name, in characters. */
const MAX_DISPLAY_NAME_LENGTH = 200

/** The audio formats recordings may have, by the extension their stored name gets. */
export type AudioExtension = 'mp3' | 'wav'

/**
 * The shape of every stored recording's name: a slug, a dash, 8 to 64 hex digits of the content's
 * SHA-256, and the extension of the detected format. Nothing else is ever read or written, so a
 * name from a URL that passes this test cannot climb out of a folder, name a dotfile or a
 * temporary file.
 */
const RECORDING_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{8,64}\.(?:mp3|wav)$/

/** Whether `name` is the name of a stored recording (see {@link RECORDING_NAME}). */
export function isRecordingName(name: string): boolean {
  return name.length <= 140 && RECORDING_NAME.test(name)
}

/** Fails when `name` is not a recording name; storage drivers call it before touching anything. */
export function assertRecordingName(name: string): void {
  if (!isRecordingName(name)) throw new Error(`not a recording name: ${JSON.stringify(name)}`)
}

/** The last segment of a path written with either kind of slash, as browsers may send. */
function baseName(name: string): string {
  const parts = name.split(/[\\/]/)
  return parts[parts.length - 1] ?? ''
}

/**
 * A URL-safe slug of an uploaded file's name: its last path segment without leading dots or its
 * extension, accents folded, lower case ASCII letters and digits joined by single dashes, at most
 * 60 characters; `recording` when nothing is left (names in Japanese, emoji only).
 */
export function slugOf(originalName: string): string {
  // Invisible characters are dropped rather than turned into dashes: `wel\u0000come` is `welcome`.
  const base = baseName(originalName)
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/^\.+/, '')
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '')
  const slug = stem
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '')
  return slug === '' ? 'recording' : slug
}

/**
 * The name an admin sees for an upload: its last path segment, NFC, without control or
 * formatting characters (which could hide or reorder text), trimmed to 200 characters; `fallback`
 * when nothing is left.
 */
export function displayNameOf(originalName: string, fallback: string): string {
  const cleaned = baseName(originalName)
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .trim()
  const name = Array.from(cleaned).slice(0, MAX_DISPLAY_NAME_LENGTH).join('').trim()
  return name === '' ? fallback : name
}

/**
 * The stored name of a recording: slug, the first `hashLength` hex digits of its SHA-256 and the
 * extension of its detected format, e.g. `welcome-3fa2c1d0.mp3`.
 */
export function recordingNameOf(
  originalName: string,
  sha256: string,
  extension: AudioExtension,
  hashLength = 8,
): string {
  return `${slugOf(originalName)}-${sha256.slice(0, hashLength)}.${extension}`
}

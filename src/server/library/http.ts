import { purgeDateOf } from './open-library.ts'
import {
  DELETED_RETENTION_DAYS,
  type IvrRecord,
  type IvrWithText,
  type VersionRecord,
  type VersionSource,
} from './repository.ts'

/** An IVR as the API shows it. */
export interface IvrJson {
  id: string
  name: string
  /** The number of the newest version. */
  head: number
  /** The ETag of the newest version, `"v<head>"`, for `If-Match`. */
  etag: string
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  /** When a deleted IVR will be erased; absent while it is in the library. */
  purgeAt?: string
}

/** A version as the API shows it. */
export interface VersionJson {
  number: number
  etag: string
  createdAt: string
  author: string
  message: string | null
  source: VersionSource
  size: number
}

/** An IVR with its newest version and text. */
export interface IvrTextJson {
  ivr: IvrJson
  version: VersionJson
  yaml: string
}

/** The ETag of version `number`: `"v<number>"`. */
export function etagOf(number: number): string {
  return `"v${number}"`
}

/** The version an `If-Match` or `If-None-Match` value names: `"v3"` (or `W/"v3"`) is 3. */
export function versionOfEtag(header: string): number | undefined {
  const match = /^\s*(?:W\/)?"v([1-9]\d{0,9})"\s*$/.exec(header)
  const number = match === null ? NaN : Number(match[1])
  return Number.isSafeInteger(number) && number <= MAX_VERSION_NUMBER ? number : undefined
}

/** The largest version number the API accepts, the largest 32-bit integer. */
export const MAX_VERSION_NUMBER = 2_147_483_647

/** `record` as the API shows it. */
export function toIvrJson(record: IvrRecord): IvrJson {
  const json: IvrJson = {
    id: record.id,
    name: record.name,
    head: record.head,
    etag: etagOf(record.head),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    deletedAt: record.deletedAt,
  }
  if (record.deletedAt !== null) json.purgeAt = purgeDateOf(record.deletedAt).toISOString()
  return json
}

/** `record` as the API shows it. */
export function toVersionJson(record: VersionRecord): VersionJson {
  return { ...record, etag: etagOf(record.number) }
}

/** `current` as the API shows it. */
export function toIvrTextJson(current: IvrWithText): IvrTextJson {
  return {
    ivr: toIvrJson(current.ivr),
    version: toVersionJson(current.version),
    yaml: current.yaml,
  }
}

/** How long a deleted IVR stays recoverable, for messages. */
export const RETENTION_TEXT = `${DELETED_RETENTION_DAYS} days`

/** The media types a YAML body may be sent as. */
export const YAML_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
  'text/plain',
] as const

function qualityOf(accept: string, matches: (type: string) => boolean): number {
  let best = 0
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase())
    if (!matches(type)) continue
    const q = params.find((param) => param.startsWith('q='))
    const quality = q === undefined ? 1 : Number(q.slice(2))
    if (Number.isFinite(quality)) best = Math.max(best, quality)
  }
  return best
}

/**
 * Whether a request with this `Accept` header prefers JSON to YAML: only when it names
 * `application/json` with a higher quality than any YAML type, so browsers, `curl` and clients
 * that send nothing get the YAML itself.
 */
export function prefersJson(accept: string | undefined): boolean {
  if (accept === undefined) return false
  const json = qualityOf(accept, (type) => type === 'application/json')
  const yaml = qualityOf(accept, (type) => (YAML_TYPES as readonly string[]).includes(type))
  return json > yaml
}

/**
 * Text sent in a header as percent-encoded UTF-8 (`encodeURIComponent`), decoded; `undefined`
 * when it is not: raw bytes outside printable ASCII would arrive garbled, so they are refused.
 */
export function decodeHeaderText(raw: string): string | undefined {
  if (/[^\x20-\x7e]/.test(raw)) return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return undefined
  }
}

/** The longest save message, in characters. */
export const MAX_MESSAGE_LENGTH = 1000

/**
 * A save message as sent in a header (percent-encoded UTF-8) or a JSON body: trimmed, `null`
 * when empty; `undefined` when it cannot be decoded, is too long or holds control characters
 * other than line breaks and tabs.
 */
export function readMessage(raw: string | undefined, encoded: boolean): string | null | undefined {
  if (raw === undefined) return null
  let text = encoded ? decodeHeaderText(raw) : raw
  if (text === undefined) return undefined
  text = text.replace(/\r\n?/g, '\n').trim()
  if (text === '') return null
  if ([...text].length > MAX_MESSAGE_LENGTH) return undefined
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) return undefined
  return text
}

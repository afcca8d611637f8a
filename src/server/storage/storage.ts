import type { Readable } from 'node:stream'

/** What is kept about a recording besides its bytes. */
export interface RecordingMeta {
  /** The name the admin uploaded it as, cleaned for display. */
  originalName: string
  /** `audio/mpeg` or `audio/wav`, from the bytes. */
  contentType: string
  /** Length in bytes. */
  size: number
  /** Playing time in seconds. */
  durationSeconds: number
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string
  /** When it was stored, as an ISO 8601 timestamp. */
  createdAt: string
}

/** A stored recording: its name (see `isRecordingName`) and what is known about it. */
export interface StoredRecording extends RecordingMeta {
  name: string
}

/** Bytes `start` to `end` of a file, both included, as in an HTTP `Range`. */
export interface ByteRange {
  start: number
  end: number
}

/**
 * Where recordings live. Every method takes names that pass `isRecordingName` and fails on any
 * other; a name that is not stored reads as `undefined`/`false`. Writes are atomic: a reader sees
 * a recording whole, with its metadata, or not at all.
 */
export interface RecordingStorage {
  /** `fs` or `s3`, for logs and tests. */
  readonly kind: 'fs' | 's3'
  /** Stores the bytes of `tempFilePath` (which stays the caller's) as `name`, replacing it. */
  put(name: string, tempFilePath: string, meta: RecordingMeta): Promise<StoredRecording>
  /** What is stored as `name`, or `undefined`. */
  stat(name: string): Promise<StoredRecording | undefined>
  /** Whether `name` is stored. */
  exists(name: string): Promise<boolean>
  /** The bytes of `name`, or of `range` of them; `undefined` when it is not stored. */
  stream(name: string, range?: ByteRange): Promise<Readable | undefined>
  /** Every stored recording, newest first. */
  list(): Promise<StoredRecording[]>
  /** Removes `name`; whether it was there. */
  delete(name: string): Promise<boolean>
  /** Releases connections and handles. */
  close(): Promise<void>
}

/** Whether `value` has the shape of {@link RecordingMeta}, for metadata read back from storage. */
export function isRecordingMeta(value: unknown): value is RecordingMeta {
  if (typeof value !== 'object' || value === null) return false
  const meta = value as Record<string, unknown>
  return (
    typeof meta.originalName === 'string' &&
    typeof meta.contentType === 'string' &&
    typeof meta.size === 'number' &&
    Number.isSafeInteger(meta.size) &&
    typeof meta.durationSeconds === 'number' &&
    Number.isFinite(meta.durationSeconds) &&
    typeof meta.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(meta.sha256) &&
    typeof meta.createdAt === 'string' &&
    !Number.isNaN(Date.parse(meta.createdAt))
  )
}

/** Newest first, then by name, so listings are stable. */
export function byNewestFirst(a: StoredRecording, b: StoredRecording): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

/** Copies only the fields of {@link RecordingMeta}, so nothing else is ever written. */
export function pickMeta(meta: RecordingMeta): RecordingMeta {
  return {
    originalName: meta.originalName,
    contentType: meta.contentType,
    size: meta.size,
    durationSeconds: meta.durationSeconds,
    sha256: meta.sha256,
    createdAt: meta.createdAt,
  }
}

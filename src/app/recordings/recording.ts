import type { KnownRecordings } from '../../validate/rules/missing-recording.ts'

/** A stored recording, as `GET /api/recordings` lists it. */
export interface Recording {
  /** The stored file name, e.g. `welcome-3fa2c1d0.mp3`; also the last segment of `url`. */
  readonly id: string
  /** The name it was uploaded as. */
  readonly name: string
  /** Where phone systems fetch it: below the server's `PUBLIC_URL`. */
  readonly url: string
  readonly size: number
  readonly durationSeconds: number
  readonly contentType: string
  readonly createdAt: string
}

/** Whether `value` has the shape of a recording of the API. */
export function isRecording(value: unknown): value is Recording {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return (
    typeof r.id === 'string' &&
    typeof r.name === 'string' &&
    typeof r.url === 'string' &&
    typeof r.size === 'number' &&
    typeof r.durationSeconds === 'number' &&
    typeof r.contentType === 'string' &&
    typeof r.createdAt === 'string'
  )
}

/**
 * The base of the server's play URLs (no trailing slash): the one the server states, else the
 * part of a listed URL before `/recordings/<id>`, else `fallback` (the page's own origin, which
 * is what the server uses when `PUBLIC_URL` is unset).
 */
export function baseUrlOf(
  stated: string | undefined,
  recordings: readonly Recording[],
  fallback: string,
): string {
  if (stated !== undefined && stated !== '') return stated.replace(/\/+$/, '')
  for (const recording of recordings) {
    const tail = `/recordings/${recording.id}`
    if (recording.url.endsWith(tail)) return recording.url.slice(0, -tail.length)
  }
  return fallback.replace(/\/+$/, '')
}

/** What the validator needs to tell a play URL of this server that names no stored recording. */
export function knownRecordingsOf(
  recordings: readonly Recording[],
  baseUrl: string,
): KnownRecordings {
  return { baseUrl, files: new Set(recordings.map((r) => r.id)) }
}

/** Where the editor itself plays a recording: this server's own path, whatever `PUBLIC_URL` is. */
export function previewPathOf(recording: Recording): string {
  return `/recordings/${encodeURIComponent(recording.id)}`
}

/** Folds case, width and accents so that a search for "Welcome" finds "ｗｅｌｃｏｍｅ.mp3". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The recordings whose name or stored name contains every word of `query`, in their order. */
export function searchRecordings(
  recordings: readonly Recording[],
  query: string,
): readonly Recording[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return recordings
  return recordings.filter((recording) => {
    const haystack = `${fold(recording.name)} ${fold(recording.id)}`
    return words.every((word) => haystack.includes(word))
  })
}

/** `audio/mpeg` → `MP3`, `audio/wav` → `WAV`: the format as admins know it. */
export function formatLabel(contentType: string): string {
  const subtype = contentType.split(';')[0]?.split('/')[1]?.toLowerCase() ?? ''
  if (subtype === 'mpeg' || subtype === 'mp3') return 'MP3'
  if (subtype.includes('wav')) return 'WAV'
  return subtype.toUpperCase()
}

/**
 * A playing time for a list: tenths under ten seconds (`0.5`), whole seconds under a minute
 * (`42`), then `m:ss` and `h:mm:ss`. The unit for values under a minute is the caller's.
 */
export function formatDuration(seconds: number): { value: string; unit: 'seconds' | 'clock' } {
  const safe = Number.isFinite(seconds) && seconds > 0 ? seconds : 0
  if (safe < 9.95) return { value: (Math.round(safe * 10) / 10).toFixed(1), unit: 'seconds' }
  const whole = Math.round(safe)
  if (whole < 60) return { value: String(whole), unit: 'seconds' }
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = String(whole % 60).padStart(2, '0')
  return { value: h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`, unit: 'clock' }
}

/** A file size in a 1024-based unit, with one decimal below ten: 812 B, 4.2 KB, 18 MB. */
export function formatSize(bytes: number): { value: number; unit: 'B' | 'KB' | 'MB' | 'GB' } {
  const units = ['B', 'KB', 'MB', 'GB'] as const
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const rounded = unit === 0 || value >= 9.95 ? Math.round(value) : Math.round(value * 10) / 10
  return { value: rounded, unit: units[unit] as (typeof units)[number] }
}

/** The extensions and types of the audio the server accepts. */
const AUDIO_EXTENSION = /\.(?:mp3|wav|wave)$/i

/**
 * Whether a dragged or picked file looks like audio, by its type or, when the system gives none,
 * its name. The server decides by the bytes; this only routes drops.
 */
export function looksLikeAudio(file: { readonly name?: string; readonly type: string }): boolean {
  if (file.type.startsWith('audio/')) return true
  return file.type === '' && file.name !== undefined && AUDIO_EXTENSION.test(file.name)
}

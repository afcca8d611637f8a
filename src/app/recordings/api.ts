import { isRecording, type Recording } from './recording.ts'

/**
 * Why a request to the recordings API did not succeed: the server's `{ error: { code, message } }`
 * when it answered one, else a code of the client's own (`network`, `aborted`, `bad-answer`).
 */
export interface ApiFailure {
  /** The HTTP status; 0 when no answer came. */
  readonly status: number
  readonly code: string
  /** The server's reason, for an admin; empty when the server gave none. */
  readonly message: string
}

/** A result of the API: a value, or why there is none. */
export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ApiFailure }

/** The list of recordings and the base of their URLs, when the server states it. */
export interface RecordingList {
  readonly recordings: readonly Recording[]
  readonly baseUrl: string | undefined
}

/** What an upload reports while it runs. */
export interface UploadProgress {
  readonly loaded: number
  readonly total: number
}

const API = '/api/recordings'

/** Reads the server's `{ error: { code, message } }`, or makes one of the status. */
export function failureOf(status: number, body: unknown): ApiFailure {
  const error =
    typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown }
    if (typeof code === 'string') {
      return { status, code, message: typeof message === 'string' ? message : '' }
    }
  }
  return { status, code: status === 0 ? 'network' : `http-${status}`, message: '' }
}

/** The recordings of a `{ recordings: [...] }` body, or `null` when it has another shape. */
export function recordingsOf(body: unknown): Recording[] | null {
  const list =
    typeof body === 'object' && body !== null ? (body as { recordings?: unknown }).recordings : null
  if (!Array.isArray(list) || !list.every(isRecording)) return null
  return list
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function bearer(token: string | null): Record<string, string> {
  return token === null ? {} : { authorization: `Bearer ${token}` }
}

/** `GET /api/recordings`: every recording, newest first. Never throws. */
export async function fetchRecordings(signal?: AbortSignal): Promise<ApiResult<RecordingList>> {
  let response: Response
  try {
    response = await fetch(API, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      ...(signal ? { signal } : {}),
    })
  } catch {
    return { ok: false, failure: failureOf(0, undefined) }
  }
  const body = parseJson(await response.text().catch(() => ''))
  if (!response.ok) return { ok: false, failure: failureOf(response.status, body) }
  const recordings = recordingsOf(body)
  if (recordings === null) {
    return { ok: false, failure: { status: response.status, code: 'bad-answer', message: '' } }
  }
  const stated = (body as { baseUrl?: unknown }).baseUrl
  return {
    ok: true,
    value: { recordings, baseUrl: typeof stated === 'string' ? stated : undefined },
  }
}

/**
 * `POST /api/recordings` with one file, reporting progress as the bytes go out (which `fetch`
 * cannot). Resolves with the stored recording, or the server's reason; never rejects.
 */
export function uploadRecording(
  file: Blob,
  name: string,
  options: {
    readonly token: string | null
    readonly onProgress?: (progress: UploadProgress) => void
    readonly signal?: AbortSignal
  },
): Promise<ApiResult<Recording>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest()
    const form = new FormData()
    form.append('file', file, name)
    request.open('POST', API)
    request.responseType = 'text'
    request.setRequestHeader('accept', 'application/json')
    for (const [header, value] of Object.entries(bearer(options.token))) {
      request.setRequestHeader(header, value)
    }
    request.upload.addEventListener('progress', (event) => {
      const total = event.lengthComputable ? event.total : file.size
      options.onProgress?.({ loaded: Math.min(event.loaded, total), total })
    })
    request.addEventListener('load', () => {
      const body = parseJson(request.responseText)
      if (request.status < 200 || request.status >= 300) {
        resolve({ ok: false, failure: failureOf(request.status, body) })
        return
      }
      const [recording] = recordingsOf(body) ?? []
      resolve(
        recording
          ? { ok: true, value: recording }
          : { ok: false, failure: { status: request.status, code: 'bad-answer', message: '' } },
      )
    })
    request.addEventListener('error', () =>
      resolve({ ok: false, failure: failureOf(0, undefined) }),
    )
    request.addEventListener('abort', () =>
      resolve({ ok: false, failure: { status: 0, code: 'aborted', message: '' } }),
    )
    options.signal?.addEventListener('abort', () => request.abort(), { once: true })
    request.send(form)
  })
}

/** `DELETE /api/recordings/:id`. A recording that is already gone counts as deleted. */
export async function deleteRecording(id: string, token: string | null): Promise<ApiResult<null>> {
  let response: Response
  try {
    response = await fetch(`${API}/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      headers: { accept: 'application/json', ...bearer(token) },
    })
  } catch {
    return { ok: false, failure: failureOf(0, undefined) }
  }
  if (response.ok || response.status === 404) return { ok: true, value: null }
  const body = parseJson(await response.text().catch(() => ''))
  return { ok: false, failure: failureOf(response.status, body) }
}

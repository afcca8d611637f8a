import type { ApiFailure, ApiResult } from '../recordings/api.ts'
import { loadToken, sessionTokenStorage } from '../recordings/token.ts'

export type { ApiFailure, ApiResult } from '../recordings/api.ts'

/**
 * The client of the IVR library, `/api/ivrs` (see `src/server/routes/ivrs.ts`). Every function
 * resolves with a value or the server's reason (`{ ok: false, failure }`) and never rejects.
 * Changes send the access token: the one given in `options.token`, else the one this tab keeps
 * (`src/app/recordings/token.ts`, the same token the recordings panel asks for); a 401 failure
 * means the token is missing or wrong, so ask for it with the token dialog and try again.
 */

/** Where a version came from (mirrors the server's `VersionSource`). */
export type VersionSource =
  | { readonly kind: 'save' }
  | { readonly kind: 'create'; readonly template?: string }
  | { readonly kind: 'duplicate'; readonly id: string; readonly version: number }
  | { readonly kind: 'restore'; readonly version: number }

/** An IVR of the library, without its text. Times are ISO 8601 strings in UTC. */
export interface LibraryIvr {
  readonly id: string
  readonly name: string
  /** The number of the newest version. */
  readonly head: number
  /** `"v<head>"`, the ETag of the newest version. */
  readonly etag: string
  readonly createdAt: string
  /** When the IVR last changed: a new version, a rename, a deletion or a recovery. */
  readonly updatedAt: string
  readonly deletedAt: string | null
  /** When a deleted IVR will be erased. */
  readonly purgeAt?: string
}

/** One saved version of an IVR, without its text. */
export interface LibraryVersion {
  readonly number: number
  readonly etag: string
  readonly createdAt: string
  readonly author: string
  readonly message: string | null
  readonly source: VersionSource
  /** The size of the text in UTF-8 bytes. */
  readonly size: number
}

/** An IVR with one version and its text (the newest, from `getIvr`). */
export interface IvrText {
  readonly ivr: LibraryIvr
  readonly version: LibraryVersion
  readonly yaml: string
}

/** The answer of a save, a creation, a duplication or a restored version. */
export interface SavedIvr {
  readonly ivr: LibraryIvr
  readonly version: LibraryVersion
  /** `false` when the newest version already held exactly this text, so none was added. */
  readonly saved: boolean
}

/**
 * Why a library request did not succeed. Besides the status and the server's `code`
 * (`conflict`, `deleted`, `not-found`, `unauthorized`, `precondition-required`, `too-large`, …;
 * `network`, `aborted` and `bad-answer` when no usable answer came), a refusal may carry:
 * `current` on a 409 conflict (the IVR as it is now, with its text) and `ivr` on a 410 deletion
 * or a 428 (the IVR without its text).
 */
export interface LibraryFailure extends ApiFailure {
  readonly current?: IvrText
  readonly ivr?: LibraryIvr
}

/** A result of the library API. */
export type LibraryResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: LibraryFailure }

/** What every call may be given. */
export interface RequestOptions {
  /** The access token; `undefined` uses the one this tab keeps, `null` sends none. */
  readonly token?: string | null
  readonly signal?: AbortSignal
}

/** The root of the library API. */
export const IVRS_API = '/api/ivrs'

const JSON_TYPE = 'application/json'
const YAML_TYPE = 'application/yaml; charset=utf-8'

/** The ETag of version `number`, `"v<number>"`, as `If-Match` wants it. */
export function etagOf(number: number): string {
  return `"v${number}"`
}

/** The version an ETag such as `"v3"` names, or `undefined`. */
export function versionOfEtag(etag: string | null | undefined): number | undefined {
  const match = /^\s*(?:W\/)?"v([1-9]\d{0,9})"\s*$/.exec(etag ?? '')
  return match === null ? undefined : Number(match[1])
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Whether `value` has the shape of an IVR as the API shows it. */
export function isLibraryIvr(value: unknown): value is LibraryIvr {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.head === 'number' &&
    typeof value.etag === 'string' &&
    typeof value.createdAt === 'string' &&
    typeof value.updatedAt === 'string' &&
    (value.deletedAt === null || typeof value.deletedAt === 'string')
  )
}

/** Whether `value` has the shape of a version as the API shows it. */
export function isLibraryVersion(value: unknown): value is LibraryVersion {
  return (
    isObject(value) &&
    typeof value.number === 'number' &&
    typeof value.etag === 'string' &&
    typeof value.createdAt === 'string' &&
    typeof value.author === 'string' &&
    (value.message === null || typeof value.message === 'string') &&
    isObject(value.source) &&
    typeof value.source.kind === 'string' &&
    typeof value.size === 'number'
  )
}

function isIvrText(value: unknown): value is IvrText {
  return (
    isObject(value) &&
    isLibraryIvr(value.ivr) &&
    isLibraryVersion(value.version) &&
    typeof value.yaml === 'string'
  )
}

function isSavedIvr(value: unknown): value is SavedIvr {
  return (
    isObject(value) &&
    isLibraryIvr(value.ivr) &&
    isLibraryVersion(value.version) &&
    typeof value.saved === 'boolean'
  )
}

/**
 * Reads the server's `{ error: { code, message }, current?, ivr? }`,
 * or makes one of the status.
 */
export function libraryFailureOf(status: number, body: unknown): LibraryFailure {
  let failure: LibraryFailure = {
    status,
    code: status === 0 ? 'network' : `http-${status}`,
    message: '',
  }
  if (!isObject(body)) return failure
  const { error, current, ivr } = body
  if (isObject(error) && typeof error.code === 'string') {
    failure = {
      status,
      code: error.code,
      message: typeof error.message === 'string' ? error.message : '',
    }
  }
  if (isIvrText(current)) failure = { ...failure, current }
  if (isLibraryIvr(ivr)) failure = { ...failure, ivr }
  return failure
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function badAnswer(status: number): { ok: false; failure: LibraryFailure } {
  return { ok: false, failure: { status, code: 'bad-answer', message: '' } }
}

function authHeaders(options: RequestOptions): Record<string, string> {
  const token = options.token === undefined ? loadToken(sessionTokenStorage()) : options.token
  return token === null ? {} : { authorization: `Bearer ${token}` }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/** Sends one request and reads its JSON answer with `check`. */
async function request<T>(
  path: string,
  init: RequestInit & { headers?: Record<string, string> },
  options: RequestOptions,
  check: (body: unknown) => body is T,
): Promise<LibraryResult<T>> {
  let response: Response
  try {
    response = await fetch(`${IVRS_API}${path}`, {
      ...init,
      cache: 'no-store',
      headers: { accept: JSON_TYPE, ...authHeaders(options), ...init.headers },
      ...(options.signal ? { signal: options.signal } : {}),
    })
  } catch (error) {
    return {
      ok: false,
      failure: { status: 0, code: isAbort(error) ? 'aborted' : 'network', message: '' },
    }
  }
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    return {
      ok: false,
      failure: { status: 0, code: isAbort(error) ? 'aborted' : 'network', message: '' },
    }
  }
  const body = parseJson(text)
  if (!response.ok) return { ok: false, failure: libraryFailureOf(response.status, body) }
  return check(body) ? { ok: true, value: body } : badAnswer(response.status)
}

function jsonBody(value: Record<string, unknown>): RequestInit & {
  headers: Record<string, string>
} {
  return { body: JSON.stringify(value), headers: { 'content-type': JSON_TYPE } }
}

function path(id: string, rest = ''): string {
  return `/${encodeURIComponent(id)}${rest}`
}

function hasIvrList(body: unknown): body is { ivrs: LibraryIvr[] } {
  return isObject(body) && Array.isArray(body.ivrs) && body.ivrs.every(isLibraryIvr)
}

function hasIvr(body: unknown): body is { ivr: LibraryIvr } {
  return isObject(body) && isLibraryIvr(body.ivr)
}

function hasVersionList(body: unknown): body is { versions: LibraryVersion[] } {
  return isObject(body) && Array.isArray(body.versions) && body.versions.every(isLibraryVersion)
}

function hasVersionText(body: unknown): body is { version: LibraryVersion; yaml: string } {
  return isObject(body) && isLibraryVersion(body.version) && typeof body.yaml === 'string'
}

/**
 * `GET /api/ivrs`: the IVRs, most recently changed first; `q` keeps those whose name or id
 * contains it (ignoring case), `deleted` lists the deleted ones instead.
 */
export async function listIvrs(
  query: { readonly q?: string; readonly deleted?: boolean } = {},
  options: RequestOptions = {},
): Promise<LibraryResult<readonly LibraryIvr[]>> {
  const params = new URLSearchParams()
  if (query.q !== undefined && query.q.trim() !== '') params.set('q', query.q.trim())
  if (query.deleted === true) params.set('deleted', '1')
  const search = params.size > 0 ? `?${params.toString()}` : ''
  const result = await request(search, { method: 'GET' }, options, hasIvrList)
  return result.ok ? { ok: true, value: result.value.ivrs } : result
}

/** What a new IVR starts from: a template by id (`empty` is blank), or given text. */
export type NewIvr = {
  readonly name?: string
  readonly message?: string
} & ({ readonly template?: string; readonly yaml?: never } | { readonly yaml: string })

/** `POST /api/ivrs`: a new IVR under a new id, from a template (blank by default) or text. */
export async function createIvr(
  input: NewIvr,
  options: RequestOptions = {},
): Promise<LibraryResult<SavedIvr>> {
  const body: Record<string, unknown> = {}
  if (input.name !== undefined) body.name = input.name
  if (input.message !== undefined && input.message.trim() !== '') body.message = input.message
  if (input.yaml !== undefined) body.yaml = input.yaml
  else if (input.template !== undefined) body.template = input.template
  return request('', { method: 'POST', ...jsonBody(body) }, options, isSavedIvr)
}

/** `GET /api/ivrs/:id` as JSON: the IVR with its newest version and text. */
export async function getIvr(
  id: string,
  options: RequestOptions = {},
): Promise<LibraryResult<IvrText>> {
  return request(path(id), { method: 'GET' }, options, isIvrText)
}

/** How a save is made. */
export interface SaveOptions extends RequestOptions {
  /**
   * The version the text was based on, sent as `If-Match`: when another save came first the
   * answer is a `conflict` failure with the `current` IVR and nothing is written. `null` creates
   * the IVR under `id` (a failure `precondition-required` when it exists).
   */
  readonly base: number | null
  /** What changed, for the history; empty for none. */
  readonly message?: string
  /** The name of an IVR this save creates (`base: null`); ignored otherwise. */
  readonly name?: string
}

/** `PUT /api/ivrs/:id`: stores `yaml` as the next version of the IVR. */
export async function saveIvr(
  id: string,
  yaml: string,
  options: SaveOptions,
): Promise<LibraryResult<SavedIvr>> {
  const headers: Record<string, string> = { 'content-type': YAML_TYPE }
  if (options.base !== null) headers['if-match'] = etagOf(options.base)
  else if (options.name !== undefined) headers['x-ivr-name'] = encodeURIComponent(options.name)
  const message = options.message?.trim() ?? ''
  if (message !== '') headers['x-save-message'] = encodeURIComponent(message)
  return request(path(id), { method: 'PUT', body: yaml, headers }, options, isSavedIvr)
}

/** `PATCH /api/ivrs/:id`: renames the IVR; its versions stay as they are. */
export async function renameIvr(
  id: string,
  name: string,
  options: RequestOptions = {},
): Promise<LibraryResult<LibraryIvr>> {
  const result = await request(
    path(id),
    { method: 'PATCH', ...jsonBody({ name }) },
    options,
    hasIvr,
  )
  return result.ok ? { ok: true, value: result.value.ivr } : result
}

/** `POST /api/ivrs/:id/duplicate`: a copy of the newest version under a new id. */
export async function duplicateIvr(
  id: string,
  input: { readonly name?: string; readonly message?: string } = {},
  options: RequestOptions = {},
): Promise<LibraryResult<SavedIvr>> {
  const body: Record<string, unknown> = {}
  if (input.name !== undefined) body.name = input.name
  if (input.message !== undefined && input.message.trim() !== '') body.message = input.message
  return request(path(id, '/duplicate'), { method: 'POST', ...jsonBody(body) }, options, isSavedIvr)
}

/** `DELETE /api/ivrs/:id`: deletes the IVR, recoverably for a while (see `purgeAt`). */
export async function deleteIvr(
  id: string,
  options: RequestOptions = {},
): Promise<LibraryResult<LibraryIvr>> {
  const result = await request(path(id), { method: 'DELETE' }, options, hasIvr)
  return result.ok ? { ok: true, value: result.value.ivr } : result
}

/** `POST /api/ivrs/:id/restore`: brings a deleted IVR back. */
export async function recoverIvr(
  id: string,
  options: RequestOptions = {},
): Promise<LibraryResult<LibraryIvr>> {
  const result = await request(path(id, '/restore'), { method: 'POST' }, options, hasIvr)
  return result.ok ? { ok: true, value: result.value.ivr } : result
}

/** `GET /api/ivrs/:id/versions`: versions newest first, at most `limit`, all below `before`. */
export async function listVersions(
  id: string,
  page: { readonly before?: number; readonly limit?: number } = {},
  options: RequestOptions = {},
): Promise<LibraryResult<readonly LibraryVersion[]>> {
  const params = new URLSearchParams()
  if (page.before !== undefined) params.set('before', String(page.before))
  if (page.limit !== undefined) params.set('limit', String(page.limit))
  const search = params.size > 0 ? `?${params.toString()}` : ''
  const result = await request(
    path(id, `/versions${search}`),
    { method: 'GET' },
    options,
    hasVersionList,
  )
  return result.ok ? { ok: true, value: result.value.versions } : result
}

/** `GET /api/ivrs/:id/versions/:v` as JSON: one version with its text. */
export async function getVersion(
  id: string,
  number: number,
  options: RequestOptions = {},
): Promise<LibraryResult<{ readonly version: LibraryVersion; readonly yaml: string }>> {
  return request(path(id, `/versions/${number}`), { method: 'GET' }, options, hasVersionText)
}

/**
 * `POST /api/ivrs/:id/versions/:v/restore`: saves version `number` again as the newest, based on
 * `base` when given (a `conflict` failure when another save came first).
 */
export async function restoreVersion(
  id: string,
  number: number,
  input: { readonly base?: number; readonly message?: string } = {},
  options: RequestOptions = {},
): Promise<LibraryResult<SavedIvr>> {
  const init = jsonBody(
    input.message !== undefined && input.message.trim() !== '' ? { message: input.message } : {},
  )
  if (input.base !== undefined) init.headers['if-match'] = etagOf(input.base)
  return request(
    path(id, `/versions/${number}/restore`),
    { method: 'POST', ...init },
    options,
    isSavedIvr,
  )
}

/**
 * Whether a failure of `listIvrs` means this server keeps no library: it answers 404 for
 * `/api/ivrs` (or the app is served without any API, such as by `vite preview`).
 */
export function isLibraryMissing(failure: ApiFailure): boolean {
  return failure.status === 404 || failure.status === 405
}

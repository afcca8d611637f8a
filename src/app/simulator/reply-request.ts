import type { RequestParam } from '../../simulate/call.ts'

/** How long a real request for a reply may take before the panel gives up. */
export const REPLY_TIMEOUT_MS = 10_000

/**
 * The address the phone system asks for the next script: the URL with the parameters and `ivrs`
 * (the section names of the asking script) added to its query.
 */
export function replyRequestUrl(
  url: string,
  params: readonly RequestParam[],
  ivrs: readonly string[],
): string {
  const query = new URLSearchParams()
  for (const param of params) query.append(param.name, param.value)
  query.append('ivrs', ivrs.join(','))
  const hash = url.indexOf('#')
  const base = hash === -1 ? url : url.slice(0, hash)
  const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?'
  return `${base}${separator}${query.toString()}`
}

/** What a real request for a reply brought back. */
export type ReplyFetch =
  | { readonly kind: 'ok'; readonly text: string }
  /** The address answered with an HTTP error status. */
  | { readonly kind: 'status'; readonly status: number }
  /** No answer the page may read: the address is down, or it does not allow it (CORS). */
  | { readonly kind: 'blocked' }
  | { readonly kind: 'timeout' }

/**
 * Asks `address` for a reply from the browser, as the phone system would from its servers. Never
 * throws: a network error, a response the browser may not read and a timeout come back as data.
 */
export async function fetchReply(
  address: string,
  fetcher: typeof fetch = fetch,
  timeoutMs = REPLY_TIMEOUT_MS,
): Promise<ReplyFetch> {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  try {
    const response = await fetcher(address, {
      signal: controller.signal,
      credentials: 'omit',
      headers: { accept: 'application/yaml, text/yaml, text/plain, */*' },
    })
    if (!response.ok) return { kind: 'status', status: response.status }
    return { kind: 'ok', text: await response.text() }
  } catch {
    return timedOut ? { kind: 'timeout' } : { kind: 'blocked' }
  } finally {
    clearTimeout(timer)
  }
}

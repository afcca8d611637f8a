/** The key of the server's access token in `sessionStorage`. */
export const TOKEN_KEY = 'ivr-designer.recordings-token'

/** Where the token is kept: `sessionStorage`, or nothing where the browser refuses it. */
export interface TokenStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** The browser's session storage, kept only until the tab closes; `null` where it is blocked. */
export function sessionTokenStorage(): TokenStorage | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

/** The token this tab was given, if any. */
export function loadToken(storage: TokenStorage | null): string | null {
  try {
    const value = storage?.getItem(TOKEN_KEY) ?? null
    return value === null || value === '' ? null : value
  } catch {
    return null
  }
}

/** Keeps `token` for this tab; `null` forgets it. */
export function saveToken(storage: TokenStorage | null, token: string | null): void {
  try {
    if (token === null) storage?.removeItem(TOKEN_KEY)
    else storage?.setItem(TOKEN_KEY, token)
  } catch {
    // Private modes may refuse storage; the token then lasts as long as the page.
  }
}

/**
 * A token as typed or pasted: without a `Bearer ` someone copied along from a header and without
 * white space, which no token has (a pasted one may carry line breaks); `null` when nothing is left.
 */
export function cleanToken(typed: string): string | null {
  const token = typed
    .trim()
    .replace(/^Bearer\s+/i, '')
    .replace(/\s+/g, '')
  return token === '' ? null : token
}

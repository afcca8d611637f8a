import { createHash, timingSafeEqual } from 'node:crypto'

/** Why a request may not write. */
export type AuthFailure = 'missing' | 'wrong'

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}

/**
 * A check of `Authorization: Bearer <token>` headers against `token`. Both sides are hashed first
 * so the comparison is over equal-length buffers and takes the same time whatever was sent.
 */
export function createBearerCheck(
  token: string,
): (header: string | undefined) => AuthFailure | undefined {
  const expected = digest(token)
  return (header) => {
    const match = header === undefined ? null : /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header)
    if (match === null) return 'missing'
    return timingSafeEqual(digest(match[1] as string), expected) ? undefined : 'wrong'
  }
}

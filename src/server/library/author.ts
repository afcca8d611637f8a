/** Who saves are recorded as when the server knows no name. */
export const LOCAL_AUTHOR = 'local'

const NAMED_TOKEN = /^([A-Za-z0-9][A-Za-z0-9._@-]{0,63}):(.+)$/

/**
 * The author of saves made with `authToken`: the name before the colon when the token is
 * `name:secret` (such as `aiko:3f9c…`), else {@link LOCAL_AUTHOR}. The whole token, name included,
 * is what clients send as `Authorization: Bearer <token>`.
 */
export function authorOf(authToken: string | undefined): string {
  const match = authToken === undefined ? null : NAMED_TOKEN.exec(authToken)
  return match?.[1] ?? LOCAL_AUTHOR
}

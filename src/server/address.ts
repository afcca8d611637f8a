/** Where the server listens. */
export interface Address {
  host: string
  port: number
}

/**
 * The address to listen on, from `HOST` (127.0.0.1 by default) and `PORT` (8080 by default; 0
 * picks a free port), or a message saying what is wrong.
 */
export function readAddress(env: NodeJS.ProcessEnv): Address | { error: string } {
  const host = env.HOST?.trim() || '127.0.0.1'
  const rawPort = env.PORT?.trim() || '8080'
  const port = Number(rawPort)
  if (!/^\d+$/.test(rawPort) || port > 65535) {
    return { error: `PORT must be a whole number from 0 to 65535, but it is "${rawPort}".` }
  }
  return { host, port }
}

/** The URL people open for a server listening on `host` and `port`. */
export function formatUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`
}

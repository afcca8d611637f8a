import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { formatUrl, readAddress } from './address.ts'
import { buildApp, DEFAULT_STATIC_ROOT, type LogLevel } from './app.ts'

/** How long shutting down may take before the process gives up waiting and exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000

const LOG_LEVELS: readonly LogLevel[] = [
  'trace',
  'debug',
  'info',
  'warn',
  'error',
  'fatal',
  'silent',
]

function readLogLevel(env: NodeJS.ProcessEnv): LogLevel {
  const level = env.LOG_LEVEL?.trim().toLowerCase()
  return LOG_LEVELS.find((known) => known === level) ?? 'warn'
}

async function main(): Promise<void> {
  const address = readAddress(process.env)
  if ('error' in address) {
    console.error(address.error)
    process.exit(1)
  }

  if (!existsSync(join(DEFAULT_STATIC_ROOT, 'index.html'))) {
    const where = relative(process.cwd(), DEFAULT_STATIC_ROOT) || DEFAULT_STATIC_ROOT
    console.error(
      `The web app is not built: ${join(where, 'index.html')} is missing.\n` +
        'Run "npm run build" first, or start with "npm start", which builds and then runs.',
    )
    process.exit(1)
  }

  const app = buildApp({ logger: true, logLevel: readLogLevel(process.env) })

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'shutting down')
    const timer = setTimeout(() => {
      console.error('IVR Designer did not stop in time; exiting.')
      process.exit(1)
    }, SHUTDOWN_TIMEOUT_MS)
    timer.unref()
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('IVR Designer could not stop cleanly:', error)
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)

  try {
    await app.listen({ host: address.host, port: address.port })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'EADDRINUSE'
        ? `port ${address.port} is already in use. Set PORT to another port.`
        : code === 'EACCES'
          ? `it may not use port ${address.port}. Set PORT to a port above 1023.`
          : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
            ? `this machine has no address "${address.host}". Check HOST.`
            : String((error as Error).message ?? error)
    console.error(`IVR Designer could not start: ${reason}`)
    process.exit(1)
  }

  const bound = app.server.address()
  const port = typeof bound === 'object' && bound !== null ? bound.port : address.port
  console.log(`IVR Designer is running at ${formatUrl(address.host, port)}`)
}

await main()

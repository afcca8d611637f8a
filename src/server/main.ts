import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { formatUrl } from './address.ts'
import { buildApp, DEFAULT_STATIC_ROOT, type LogLevel } from './app.ts'
import { readConfig, type ServerConfig } from './config.ts'
import { databaseOf, openLibrary, purgeCutoff } from './library/open-library.ts'
import { LibraryLockedError, type IvrRepository } from './library/repository.ts'
import { openStorage } from './storage/create-storage.ts'
import type { RecordingStorage } from './storage/storage.ts'

/** How often deleted IVRs past their retention are erased while the server runs. */
const PURGE_INTERVAL_MS = 6 * 60 * 60 * 1000

/** How long shutting down may take before the process gives up waiting and exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000
/** How long requests under way may run on after a stop signal before connections are closed. */
const SHUTDOWN_GRACE_MS = 3_000

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

/** Says why the storage could not be opened, in terms of the settings an operator can change. */
function describeStorageFailure(config: ServerConfig, error: unknown): string {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  if (config.storage.kind === 'fs') {
    return `it cannot use DATA_DIR "${config.dataDir}" (${detail}). Check that the folder is writable.`
  }
  const where = config.storage.endpoint ?? 'AWS S3'
  return (
    `it cannot reach the S3 bucket "${config.storage.bucket}" at ${where} (${detail}). ` +
    'Check S3_ENDPOINT, S3_BUCKET, S3_REGION and the credentials.'
  )
}

/** Says why the IVR library could not be opened, without the password of `DATABASE_URL`. */
function describeLibraryFailure(config: ServerConfig, error: unknown): string {
  if (error instanceof LibraryLockedError) return error.message
  // Connection failures may come as an AggregateError with an empty message and only a code.
  const code = (error as NodeJS.ErrnoException).code
  const detail =
    error instanceof Error
      ? `${error.name}: ${error.message || (typeof code === 'string' ? code : 'no detail')}`
      : String(error)
  if (config.databaseUrl === undefined) {
    return (
      `it cannot use DATA_DIR "${config.dataDir}" for the IVR library (${detail}). ` +
      'Check that the folder is writable.'
    )
  }
  const url = new URL(config.databaseUrl)
  const where = `${url.host || 'the local socket'}${url.pathname}`
  return (
    `it cannot use the PostgreSQL database at ${where} (${detail}). ` +
    'Check DATABASE_URL, that the database exists and that its user may create tables.'
  )
}

async function main(): Promise<void> {
  const read = readConfig(process.env)
  if ('error' in read) {
    console.error(read.error)
    process.exit(1)
  }
  const { config, warnings } = read

  if (!existsSync(join(DEFAULT_STATIC_ROOT, 'index.html'))) {
    const where = relative(process.cwd(), DEFAULT_STATIC_ROOT) || DEFAULT_STATIC_ROOT
    console.error(
      `The web app is not built: ${join(where, 'index.html')} is missing.\n` +
        'Run "npm run build" first, or start with "npm start", which builds and then runs.',
    )
    process.exit(1)
  }

  // First, because with SQLite it takes the data folder's lock: a second server on the same
  // folder stops here, before it touches anything of the first one's.
  let library: IvrRepository
  try {
    library = await openLibrary(databaseOf(config.databaseUrl), config.dataDir)
  } catch (error) {
    console.error(`IVR Designer could not start: ${describeLibraryFailure(config, error)}`)
    process.exit(1)
  }

  // Uploads are checked in a folder of the server's own; what a killed process left there is junk.
  const tempDir = join(config.dataDir, 'tmp')
  let storage: RecordingStorage
  try {
    await rm(tempDir, { recursive: true, force: true })
    await mkdir(tempDir, { recursive: true })
    storage = await openStorage(config.storage, config.dataDir)
  } catch (error) {
    console.error(`IVR Designer could not start: ${describeStorageFailure(config, error)}`)
    process.exit(1)
  }

  const app = buildApp({
    logger: true,
    logLevel: readLogLevel(process.env),
    recordings: {
      storage,
      tempDir,
      maxUploadBytes: config.maxUploadBytes,
      ...(config.publicUrl === undefined ? {} : { publicUrl: config.publicUrl }),
      ...(config.authToken === undefined ? {} : { authToken: config.authToken }),
    },
    library: {
      repository: library,
      ...(config.authToken === undefined ? {} : { authToken: config.authToken }),
    },
  })
  const purgeTimer = setInterval(() => {
    library.purgeDeleted(purgeCutoff(new Date())).catch((error: unknown) => {
      app.log.error({ err: error }, 'could not erase IVRs deleted long ago')
    })
  }, PURGE_INTERVAL_MS)
  purgeTimer.unref()
  app.addHook('onClose', async () => {
    clearInterval(purgeTimer)
    await Promise.all([storage.close(), library.close()])
  })
  for (const warning of warnings) app.log.warn(warning)

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
    // Requests under way get a few seconds to finish; after that, connections a client keeps
    // open (an idle keep-alive, an upload that stopped sending) must not hold the shutdown.
    const grace = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS)
    grace.unref()
    app.server.closeIdleConnections()
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
    await app.listen({ host: config.host, port: config.port })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'EADDRINUSE'
        ? `port ${config.port} is already in use. Set PORT to another port.`
        : code === 'EACCES'
          ? `it may not use port ${config.port}. Set PORT to a port above 1023.`
          : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
            ? `this machine has no address "${config.host}". Check HOST.`
            : String((error as Error).message ?? error)
    console.error(`IVR Designer could not start: ${reason}`)
    process.exit(1)
  }

  const bound = app.server.address()
  const port = typeof bound === 'object' && bound !== null ? bound.port : config.port
  console.log(`IVR Designer is running at ${formatUrl(config.host, port)}`)
}

await main()

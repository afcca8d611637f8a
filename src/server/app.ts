import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import { answerFrameworkError, installErrorHandlers } from './errors.ts'
import { healthRoutes } from './routes/health.ts'
import { ivrsRoutes, type IvrsOptions } from './routes/ivrs.ts'
import { recordingsRoutes, type RecordingsOptions } from './routes/recordings.ts'
import { installSecurityHeaders } from './security-headers.ts'

/** The built web app, `dist/web`, found from both `src/server` and `dist/server`. */
export const DEFAULT_STATIC_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url))

/** The levels the server can log at, quietest last. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent'

/** How to build the server. */
export interface AppOptions {
  /** Absolute path of the folder served at `/`; the built web app by default. */
  staticRoot?: string
  /** Whether to log requests and errors as JSON lines on stdout. Off by default. */
  logger?: boolean
  /** The lowest level logged when `logger` is on; `info` by default. */
  logLevel?: LogLevel
  /** Where and how recordings are stored; without it the recordings routes are not served. */
  recordings?: RecordingsOptions
  /** The IVR library and how changes are guarded; without it `/api/ivrs` is not served. */
  library?: IvrsOptions
}

/**
 * The IVR Designer server, ready to `listen`: the web app's files at `/` (index.html for folders,
 * no dotfiles, no directory listings, nothing outside the root), the JSON API under `/api`,
 * with `library`, the IVR library at `/api/ivrs` and, with `recordings`, uploaded recordings at
 * `/recordings/`.
 */
export function buildApp(options: AppOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: options.logger === true ? { level: options.logLevel ?? 'info' } : false,
    frameworkErrors: answerFrameworkError,
  })

  installSecurityHeaders(app)
  installErrorHandlers(app)

  app.register(healthRoutes, { prefix: '/api' })
  if (options.recordings !== undefined) app.register(recordingsRoutes, options.recordings)
  if (options.library !== undefined) {
    app.register(ivrsRoutes, { ...options.library, prefix: '/api/ivrs' })
  }

  app.register(fastifyStatic, {
    root: options.staticRoot ?? DEFAULT_STATIC_ROOT,
    index: ['index.html'],
    // A request that names a dotfile or passes through a dot-folder is answered like a missing file.
    dotfiles: 'ignore',
    serveDotFiles: false,
    list: false,
    redirect: false,
    cacheControl: false,
    allowedPath: (pathName) => !pathName.split('/').some((segment) => segment.startsWith('.')),
    setHeaders: (res, filePath) => {
      // Vite names built assets by content hash, so they never change; the page itself may.
      const hashed = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+$/.test(filePath)
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })

  return app
}

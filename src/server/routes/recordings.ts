import fastifyMultipart from '@fastify/multipart'
import fastifyRateLimit from '@fastify/rate-limit'
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { createBearerCheck } from '../auth.ts'
import { ApiProblem, toApiProblem } from '../problem.ts'
import { answerRange, matchesIfNoneMatch } from '../recordings/http-range.ts'
import { receiveUploads } from '../recordings/intake.ts'
import { RecordingLibrary, toRecordingJson, type RecordingJson } from '../recordings/library.ts'
import { isRecordingName } from '../recordings/names.ts'
import type { RecordingStorage } from '../storage/storage.ts'

/** How many requests one client address may make per minute. */
export interface RateLimits {
  /** Uploads and deletions. */
  writesPerMinute: number
  /** Listings. */
  readsPerMinute: number
}

/** How the recordings routes store, limit and guard recordings. */
export interface RecordingsOptions {
  storage: RecordingStorage
  /** A folder of this server's own for uploads being checked; emptied as each request ends. */
  tempDir: string
  /** The largest recording accepted, in bytes. */
  maxUploadBytes: number
  /** The most files in one upload; 20 by default. */
  maxFiles?: number
  /** Base of play URLs without a trailing slash; the request's own origin when unset. */
  publicUrl?: string
  /** When set, uploads and deletions need `Authorization: Bearer <authToken>`. */
  authToken?: string
  /** Requests per minute per client address; `false` turns limiting off. */
  rateLimit?: RateLimits | false
}

/** The body of `GET /api/recordings` and of a successful upload. */
export interface RecordingsBody {
  recordings: RecordingJson[]
}

/** The body of `GET /api/recordings`: the recordings, and the base of this server's play URLs. */
export interface RecordingListBody extends RecordingsBody {
  /**
   * What every play URL of this server starts with, before `/recordings/`: `PUBLIC_URL`, or the
   * request's origin. The editor checks play URLs against it even when there are no recordings.
   */
  baseUrl: string
}

/** Limits that let an admin upload a folder of prompts but not flood the server. */
export const DEFAULT_RATE_LIMITS: RateLimits = { writesPerMinute: 120, readsPerMinute: 600 }

/** Cached for a year: a recording's name contains the hash of its bytes, so it never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

const HOST_HEADER = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/

function baseUrlOf(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl !== undefined) return publicUrl
  const host = HOST_HEADER.test(request.host) ? request.host : '127.0.0.1'
  return `${request.protocol}://${host}`
}

function noSuchRecording(id: string): ApiProblem {
  return new ApiProblem(404, 'not-found', `There is no recording “${id}”.`)
}

/**
 * The recordings back end: `POST /api/recordings` (multipart upload of one or more MP3 or WAV
 * files, stored all or none), `GET /api/recordings` (newest first, with the base of play URLs),
 * `DELETE /api/recordings/:id`, and `GET /recordings/:file`, which serves the audio to phone
 * systems and browsers with ranges, ETags and long caching. Every refusal answers
 * `{ error: { code, message } }`.
 */
export const recordingsRoutes: FastifyPluginAsync<RecordingsOptions> = async (app, options) => {
  const library = new RecordingLibrary(options.storage)
  const limits = { maxUploadBytes: options.maxUploadBytes, maxFiles: options.maxFiles ?? 20 }
  const rateLimits = options.rateLimit === undefined ? DEFAULT_RATE_LIMITS : options.rateLimit
  const checkToken =
    options.authToken === undefined ? undefined : createBearerCheck(options.authToken)

  // Only multipart bodies are read, and only by the upload route, as a stream; any other body is
  // left unread and refused by the route, so no body is ever buffered here.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined))
  // Truncation is checked by the intake; the plugin's own check only covers its buffering helpers.
  await app.register(fastifyMultipart, { throwFileSizeLimit: false })
  if (rateLimits !== false) {
    await app.register(fastifyRateLimit, {
      global: false,
      errorResponseBuilder: () =>
        new ApiProblem(
          429,
          'rate-limited',
          'Too many requests in a short time. Wait a minute and try again.',
        ),
    })
  }
  const limit = (perMinute: number | undefined): { rateLimit?: object } =>
    perMinute === undefined ? {} : { rateLimit: { max: perMinute, timeWindow: 60_000 } }
  const writeLimit = limit(rateLimits === false ? undefined : rateLimits.writesPerMinute)
  const readLimit = limit(rateLimits === false ? undefined : rateLimits.readsPerMinute)

  app.setErrorHandler<Partial<FastifyError>>((error, request, reply) => {
    const problem = toApiProblem(error)
    if (problem.statusCode >= 500) request.log.error({ err: error }, 'request failed')
    // A failure must never be cached as if it were the immutable file.
    withoutFileHeaders(reply).header('cache-control', 'no-store')
    // A refused upload may leave part of its body unread; the connection cannot be reused.
    if (request.method === 'POST') reply.header('connection', 'close')
    if (problem.statusCode === 401) reply.header('www-authenticate', 'Bearer realm="IVR Designer"')
    return reply
      .code(problem.statusCode)
      .type('application/json; charset=utf-8')
      .send(problem.toBody())
  })

  async function requireToken(request: FastifyRequest): Promise<void> {
    if (checkToken === undefined) return
    const failure = checkToken(request.headers.authorization)
    if (failure === 'missing') {
      throw new ApiProblem(
        401,
        'unauthorized',
        'Uploading and deleting recordings needs the access token of this server, sent as ' +
          '"Authorization: Bearer <token>".',
      )
    }
    if (failure === 'wrong') {
      throw new ApiProblem(401, 'unauthorized', 'The access token is not correct.')
    }
  }

  app.post(
    '/api/recordings',
    { config: writeLimit, preHandler: requireToken },
    async (request, reply): Promise<RecordingsBody> => {
      const { uploads, cleanup } = await receiveUploads(request, options.tempDir, limits)
      try {
        const { recordings, created } = await library.commit(uploads)
        const base = baseUrlOf(request, options.publicUrl)
        reply.code(created ? 201 : 200)
        return { recordings: recordings.map((record) => toRecordingJson(record, base)) }
      } finally {
        await cleanup()
      }
    },
  )

  app.get('/api/recordings', { config: readLimit }, async (request): Promise<RecordingListBody> => {
    const base = baseUrlOf(request, options.publicUrl)
    const recordings = await options.storage.list()
    return { recordings: recordings.map((record) => toRecordingJson(record, base)), baseUrl: base }
  })

  app.delete<{ Params: { id: string } }>(
    '/api/recordings/:id',
    { config: writeLimit, preHandler: requireToken },
    async (request, reply): Promise<void> => {
      const { id } = request.params
      if (!isRecordingName(id) || !(await library.remove(id))) throw noSuchRecording(id)
      reply.code(204)
    },
  )

  app.route<{ Params: { file: string } }>({
    method: ['GET', 'HEAD'],
    url: '/recordings/:file',
    exposeHeadRoute: false,
    handler: async (request, reply) => serveRecording(request, reply, options.storage),
  })
}

/** The headers that describe a file, set before it is read. */
const FILE_HEADERS = [
  'etag',
  'cache-control',
  'last-modified',
  'accept-ranges',
  'content-range',
  'content-length',
  'content-type',
]

/** `reply` without the headers of a file, for a failure after they were set. */
function withoutFileHeaders(reply: FastifyReply): FastifyReply {
  for (const header of FILE_HEADERS) reply.removeHeader(header)
  return reply
}

function notFoundText(reply: FastifyReply): FastifyReply {
  return reply.code(404).type('text/plain; charset=utf-8').send('Not found')
}

/**
 * Sends a stored recording: the whole file or one byte range, 304 when the client's copy is
 * current. Names that are not recording names (dotfiles, temporary files, paths) are answered
 * like missing files without touching storage.
 */
async function serveRecording(
  request: FastifyRequest<{ Params: { file: string } }>,
  reply: FastifyReply,
  storage: RecordingStorage,
): Promise<FastifyReply> {
  const name = request.params.file
  if (!isRecordingName(name)) return notFoundText(reply)
  const record = await storage.stat(name)
  if (record === undefined) return notFoundText(reply)

  const etag = `"${record.sha256}"`
  reply
    .header('etag', etag)
    .header('cache-control', IMMUTABLE)
    .header('last-modified', new Date(record.createdAt).toUTCString())
    .header('accept-ranges', 'bytes')

  if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send()

  // A client whose copy is another version asks for the whole file through If-Range.
  const ifRange = request.headers['if-range']
  const rangeHeader = ifRange === undefined || ifRange === etag ? request.headers.range : undefined
  const answer = answerRange(rangeHeader, record.size)
  if (answer.kind === 'unsatisfiable') {
    return reply
      .code(416)
      .header('content-range', `bytes */${record.size}`)
      .type('text/plain; charset=utf-8')
      .send('Range not satisfiable')
  }

  reply.type(record.contentType)
  const range = answer.kind === 'partial' ? answer.range : undefined
  if (range !== undefined) {
    reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${record.size}`)
  }
  reply.header(
    'content-length',
    String(range === undefined ? record.size : range.end - range.start + 1),
  )
  if (request.method === 'HEAD') return reply.send()

  const stream = await storage.stream(name, range)
  // Deleted between stat and read.
  if (stream === undefined) return notFoundText(withoutFileHeaders(reply))
  return reply.send(stream)
}

import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/** The body of every error response of the API. */
export interface ErrorBody {
  error: string
}

/** Whether a request path belongs to the JSON API. */
export function isApiPath(url: string): boolean {
  const path = url.split('?', 1)[0] ?? ''
  return path === '/api' || path.startsWith('/api/')
}

/**
 * The message a client may see for `error`. Server errors never show their own message, which may
 * name files or internals; client errors show it only when Fastify made it for clients (its
 * `FST_` codes and schema validation). Everything else gets the standard phrase of its status.
 */
export function safeMessage(error: Partial<FastifyError>, status: number): string {
  const forClients =
    status < 500 &&
    typeof error.message === 'string' &&
    (error.validation !== undefined || (error.code?.startsWith('FST_') ?? false))
  if (forClients) return error.message as string
  return STATUS_CODES[status] ?? 'Error'
}

function statusOf(error: Partial<FastifyError>): number {
  const status = error.statusCode
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : 500
}

/**
 * Answers the errors Fastify raises before a route runs, such as a URL that is not valid
 * percent-encoding, in the same `{ error }` shape as every other failure.
 */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = statusOf(error)
  const body: ErrorBody = { error: safeMessage(error, status) }
  reply.code(status).type('application/json; charset=utf-8').send(body)
}

/**
 * Answers every failure with `{ error }` and a safe message, never a stack trace, and unknown
 * routes with 404: JSON under `/api`, plain text elsewhere. Server errors are logged in full.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler<Partial<FastifyError>>((error, request, reply) => {
    const status = statusOf(error)
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    const body: ErrorBody = { error: safeMessage(error, status) }
    return reply.code(status).type('application/json; charset=utf-8').send(body)
  })

  app.setNotFoundHandler((request, reply) => {
    if (isApiPath(request.url)) {
      const body: ErrorBody = { error: 'Not found' }
      return reply.code(404).type('application/json; charset=utf-8').send(body)
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found')
  })
}

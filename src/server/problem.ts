import { STATUS_CODES } from 'node:http'
import type { FastifyError } from 'fastify'

/** The body of every refusal of the recordings API: a stable code and a message for admins. */
export interface ProblemBody {
  error: { code: string; message: string }
}

/** A refusal to answer with `status` and `{ error: { code, message } }`. */
export class ApiProblem extends Error {
  readonly statusCode: number
  readonly code: string

  constructor(statusCode: number, code: string, message: string) {
    super(message)
    this.name = 'ApiProblem'
    this.statusCode = statusCode
    this.code = code
  }

  /** The JSON body of this refusal. */
  toBody(): ProblemBody {
    return { error: { code: this.code, message: this.message } }
  }
}

/** Codes for failures the recordings routes did not raise themselves, by status. */
const CODES_BY_STATUS: Record<number, { code: string; message: string }> = {
  400: { code: 'bad-request', message: 'The request is not well formed.' },
  401: { code: 'unauthorized', message: 'This needs the access token.' },
  404: { code: 'not-found', message: 'There is nothing here.' },
  413: { code: 'too-large', message: 'The request is too large.' },
  415: {
    code: 'unsupported-request-type',
    message: 'Send recordings as multipart/form-data, as a browser form upload does.',
  },
  429: {
    code: 'rate-limited',
    message: 'Too many requests in a short time. Wait a minute and try again.',
  },
}

/**
 * Any failure as an {@link ApiProblem}: itself when it is one; for other client errors a code
 * by status and a message for admins; for server errors a generic message that never shows
 * internals.
 */
export function toApiProblem(error: Partial<FastifyError> | ApiProblem): ApiProblem {
  if (error instanceof ApiProblem) return error
  const raw = error.statusCode
  const status = typeof raw === 'number' && raw >= 400 && raw <= 599 ? raw : 500
  if (status >= 500) {
    return new ApiProblem(
      status,
      'server-error',
      'Something went wrong on the server. Try again; if it keeps happening, check the server log.',
    )
  }
  const known = CODES_BY_STATUS[status]
  if (known !== undefined) return new ApiProblem(status, known.code, known.message)
  return new ApiProblem(status, 'request-refused', STATUS_CODES[status] ?? 'Request refused.')
}

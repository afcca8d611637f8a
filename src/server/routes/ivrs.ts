import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { createBearerCheck } from '../auth.ts'
import { authorOf } from '../library/author.ts'
import {
  decodeHeaderText,
  etagOf,
  MAX_VERSION_NUMBER,
  prefersJson,
  readMessage,
  RETENTION_TEXT,
  toIvrJson,
  toIvrTextJson,
  toVersionJson,
  versionOfEtag,
  YAML_TYPES,
  type IvrJson,
  type VersionJson,
} from '../library/http.ts'
import { cleanIvrName, isIvrId, MAX_NAME_LENGTH, newIvrId } from '../library/ids.ts'
import type {
  IvrRecord,
  IvrRepository,
  IvrWithText,
  SaveResult,
  VersionSource,
} from '../library/repository.ts'
import { BLANK_TEMPLATE, loadTemplates } from '../library/templates.ts'
import { ApiProblem, toApiProblem } from '../problem.ts'
import { isWithinLimits } from '../../yaml/parse-ivr.ts'
import { formatBytes, MAX_BYTES, utf8Length } from '../../yaml/limits.ts'

/** How the IVR library routes store and guard IVRs. */
export interface IvrsOptions {
  repository: IvrRepository
  /**
   * When set, every change needs `Authorization: Bearer <authToken>`; a token of the form
   * `name:secret` also names the author of saves (see `authorOf`).
   */
  authToken?: string
  /** The templates new IVRs may start from, by id; the editor's templates by default. */
  templates?: ReadonlyMap<string, string>
}

/** The body of `GET /api/ivrs`. */
export interface IvrListBody {
  ivrs: IvrJson[]
}

/** The body of a save, a creation, a duplication and a restored version. */
export interface SaveBody {
  ivr: IvrJson
  version: VersionJson
  /** Whether a version was stored; `false` when the newest one already held this text. */
  saved: boolean
}

/** The body of `GET /api/ivrs/:id/versions`. */
export interface VersionListBody {
  versions: VersionJson[]
}

/** The name a new IVR gets when the request names none. */
export const DEFAULT_IVR_NAME = 'New IVR'

/** A JSON body may escape the text of an IVR, so it may be somewhat larger than the IVR. */
const JSON_BODY_LIMIT = 2 * MAX_BYTES + 64 * 1024

const YAML_CONTENT_TYPE = 'application/yaml; charset=utf-8'

/** A refusal with more to say than `{ error }`: the IVR as it is now, and its ETag. */
class IvrProblem extends ApiProblem {
  readonly extra: Record<string, unknown>
  readonly etag: string | undefined

  constructor(
    statusCode: number,
    code: string,
    message: string,
    extra: Record<string, unknown> = {},
    etag?: string,
  ) {
    super(statusCode, code, message)
    this.extra = extra
    this.etag = etag
  }
}

const CreateBody = z.strictObject({
  name: z.string().optional(),
  template: z.string().optional(),
  yaml: z.string().optional(),
  message: z.string().optional(),
})

const NameBody = z.strictObject({ name: z.string() })

const CopyBody = z.strictObject({ name: z.string().optional(), message: z.string().optional() })

const MessageBody = z.strictObject({ message: z.string().optional() })

function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body ?? {})
  if (!result.success) {
    throw new ApiProblem(400, 'bad-request', `The request body must be JSON ${what}.`)
  }
  return result.data
}

function noSuchIvr(id: string): ApiProblem {
  return new ApiProblem(404, 'not-found', `There is no IVR “${id}”.`)
}

function deletedProblem(ivr: IvrRecord): IvrProblem {
  const json = toIvrJson(ivr)
  return new IvrProblem(
    410,
    'deleted',
    `The IVR “${ivr.name}” was deleted. Recover it to open or change it again; it can be ` +
      `recovered for ${RETENTION_TEXT} after its deletion.`,
    { ivr: json },
  )
}

function conflictProblem(current: IvrWithText): IvrProblem {
  return new IvrProblem(
    409,
    'conflict',
    `The IVR “${current.ivr.name}” was changed by someone else (it is now at version ` +
      `${current.ivr.head}). Your text was not saved; merge it with the current version and ` +
      'save again.',
    { current: toIvrTextJson(current) },
    etagOf(current.ivr.head),
  )
}

function readName(raw: string | undefined, fallback: string): string {
  if (raw === undefined) return fallback
  const name = cleanIvrName(raw)
  if (name === undefined) {
    throw new ApiProblem(
      400,
      'bad-name',
      `A name must have 1 to ${MAX_NAME_LENGTH} characters and no control characters.`,
    )
  }
  return name
}

function readBodyMessage(raw: string | undefined): string | null {
  const message = readMessage(raw, false)
  if (message === undefined) throw badMessage()
  return message
}

function badMessage(): ApiProblem {
  return new ApiProblem(
    400,
    'bad-message',
    'A save message must be at most 1000 characters without control characters; in the ' +
      'X-Save-Message header, percent-encode it as UTF-8 (encodeURIComponent).',
  )
}

/** Refuses text that is too large or is not text, which no editor could open again. */
function checkText(text: string): string {
  if (utf8Length(text) > MAX_BYTES) {
    throw new ApiProblem(
      413,
      'too-large',
      `An IVR may be at most ${formatBytes(MAX_BYTES)}; this one is larger.`,
    )
  }
  if (!isWithinLimits(text)) {
    throw new ApiProblem(
      422,
      'not-text',
      'This is not the text of an IVR: it looks like binary data.',
    )
  }
  return text
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/** The version a request's `If-Match` names, `undefined` without one. */
function readIfMatch(request: FastifyRequest): number | undefined {
  const header = headerValue(request, 'if-match')
  if (header === undefined) return undefined
  const base = versionOfEtag(header)
  if (base === undefined) {
    throw new ApiProblem(
      400,
      'bad-if-match',
      'If-Match must be the ETag of the one version the change is based on, such as "v3".',
    )
  }
  return base
}

function readVersionNumber(raw: string): number | undefined {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return undefined
  const number = Number(raw)
  return number <= MAX_VERSION_NUMBER ? number : undefined
}

function readPositive(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined
  const number = readVersionNumber(raw)
  if (number === undefined) {
    throw new ApiProblem(400, 'bad-request', `${name} must be a whole number above 0.`)
  }
  return number
}

function isYamlType(contentType: string | undefined): boolean {
  const essence = contentType?.split(';', 1)[0]?.trim().toLowerCase()
  return essence !== undefined && (YAML_TYPES as readonly string[]).includes(essence)
}

/**
 * The IVR library under `/api/ivrs` (register with that prefix): IVRs with immutable, numbered
 * versions. `GET /` lists (`?q=` searches names and ids, `?deleted=1` lists deleted IVRs),
 * `POST /` creates, `GET /:id` answers the YAML with `ETag: "v<N>"` (JSON with the metadata when
 * the client prefers `application/json`), `PUT /:id` saves YAML based on the version in
 * `If-Match` (409 with the current version when another save came first; without `If-Match` it
 * creates a new IVR, or answers 428), `PATCH /:id` renames, `DELETE /:id` deletes recoverably,
 * `POST /:id/restore` recovers, `POST /:id/duplicate` copies, `GET /:id/versions` lists the
 * history, `GET /:id/versions/:v` answers one version and `POST /:id/versions/:v/restore` saves
 * it again as the newest. Changes need the token when one is set. Every refusal answers
 * `{ error: { code, message } }`.
 */
export const ivrsRoutes: FastifyPluginAsync<IvrsOptions> = async (app, options) => {
  const { repository } = options
  const templates = options.templates ?? loadTemplates()
  const author = authorOf(options.authToken)
  const checkToken =
    options.authToken === undefined ? undefined : createBearerCheck(options.authToken)

  app.removeContentTypeParser('text/plain')
  app.addContentTypeParser(
    [...YAML_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_BYTES },
    (request, body, done) => {
      const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')
      if (charset !== null && !/^utf-?8$/i.test(charset[1] as string)) {
        done(new ApiProblem(415, 'unsupported-charset', 'Send the IVR in UTF-8.'), undefined)
        return
      }
      try {
        // Exactly the bytes sent, a byte order mark included; malformed UTF-8 is refused.
        done(
          null,
          new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body as Buffer),
        )
      } catch {
        done(new ApiProblem(400, 'bad-encoding', 'The IVR is not valid UTF-8 text.'), undefined)
      }
    },
  )

  app.setErrorHandler<Partial<FastifyError>>((error, request, reply) => {
    let problem = toApiProblem(error)
    if (!(error instanceof ApiProblem)) {
      if (problem.statusCode === 413) {
        problem = new ApiProblem(
          413,
          'too-large',
          `An IVR may be at most ${formatBytes(MAX_BYTES)}; this request is larger.`,
        )
      } else if (problem.statusCode === 415) {
        problem = new ApiProblem(
          415,
          'unsupported-media-type',
          request.method === 'PUT'
            ? 'Send the IVR as application/yaml (or text/plain) in UTF-8.'
            : 'Send the request body as application/json.',
        )
      }
    }
    if (problem.statusCode >= 500) request.log.error({ err: error }, 'request failed')
    if (problem.statusCode === 401) reply.header('www-authenticate', 'Bearer realm="IVR Designer"')
    reply.header('cache-control', 'no-store')
    // A body refused for its size is left partly unread; the connection cannot be reused.
    if (problem.statusCode === 413) reply.header('connection', 'close')
    const extra = problem instanceof IvrProblem ? problem.extra : {}
    if (problem instanceof IvrProblem && problem.etag !== undefined) {
      reply.header('etag', problem.etag)
    }
    return reply
      .code(problem.statusCode)
      .type('application/json; charset=utf-8')
      .send({ ...problem.toBody(), ...extra })
  })

  // Paths below /api/ivrs that no route has answer in this API's shape; without this route the
  // web app's catch-all would take them.
  app.all('/*', async () => {
    throw new ApiProblem(404, 'not-found', 'There is nothing here.')
  })

  async function requireToken(request: FastifyRequest): Promise<void> {
    if (checkToken === undefined) return
    const failure = checkToken(request.headers.authorization)
    if (failure === 'missing') {
      throw new ApiProblem(
        401,
        'unauthorized',
        'Changing IVRs needs the access token of this server, sent as ' +
          '"Authorization: Bearer <token>".',
      )
    }
    if (failure === 'wrong') {
      throw new ApiProblem(401, 'unauthorized', 'The access token is not correct.')
    }
  }

  /** The IVR named in the URL, or a 404 for an id that cannot exist. */
  function idOf(request: FastifyRequest<{ Params: { id: string } }>): string {
    const { id } = request.params
    if (!isIvrId(id)) throw noSuchIvr(id)
    return id
  }

  function sendSaved(reply: FastifyReply, current: IvrWithText, saved: boolean): SaveBody {
    reply.header('etag', etagOf(current.ivr.head)).header('cache-control', 'no-store')
    return {
      ivr: toIvrJson(current.ivr),
      version: toVersionJson(current.version),
      saved,
    }
  }

  /** Creates an IVR under a new random id. */
  async function createNew(
    name: string,
    yaml: string,
    message: string | null,
    source: VersionSource,
  ): Promise<IvrWithText> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await repository.create({
        id: newIvrId(),
        name,
        yaml,
        author,
        message,
        source,
      })
      if (result.kind === 'created') return result.current
    }
    throw new Error('no free IVR id after 5 attempts')
  }

  /** Answers a save: the new version, or why there is none. */
  function answerSave(reply: FastifyReply, id: string, result: SaveResult): SaveBody {
    switch (result.kind) {
      case 'saved':
        return sendSaved(reply, result.current, true)
      case 'unchanged':
        return sendSaved(reply, result.current, false)
      case 'conflict':
        throw conflictProblem(result.current)
      case 'deleted':
        throw deletedProblem(result.ivr)
      case 'missing':
        throw noSuchIvr(id)
    }
  }

  app.get<{ Querystring: { q?: string; deleted?: string } }>(
    '/',
    async (request, reply): Promise<IvrListBody> => {
      const { q, deleted } = request.query
      const ivrs = await repository.list({
        ...(typeof q === 'string' ? { q } : {}),
        deleted: deleted === '1' || deleted === 'true',
      })
      reply.header('cache-control', 'no-store')
      return { ivrs: ivrs.map(toIvrJson) }
    },
  )

  app.post(
    '/',
    { preHandler: requireToken, bodyLimit: JSON_BODY_LIMIT },
    async (request, reply): Promise<SaveBody> => {
      const body = parseBody(
        CreateBody,
        request.body,
        'such as {"name": "Main line", "template": "basic"} or {"name": "…", "yaml": "…"}',
      )
      if (body.template !== undefined && body.yaml !== undefined) {
        throw new ApiProblem(400, 'bad-request', 'Give either a template or the YAML, not both.')
      }
      const template = body.template ?? BLANK_TEMPLATE
      const yaml = body.yaml ?? templates.get(template)
      if (yaml === undefined) {
        throw new ApiProblem(
          400,
          'unknown-template',
          `There is no template “${template}”. Templates: ${[...templates.keys()].join(', ')}.`,
        )
      }
      const current = await createNew(
        readName(body.name, DEFAULT_IVR_NAME),
        checkText(yaml),
        readBodyMessage(body.message),
        body.yaml === undefined ? { kind: 'create', template } : { kind: 'create' },
      )
      reply.code(201).header('location', `/api/ivrs/${current.ivr.id}`)
      return sendSaved(reply, current, true)
    },
  )

  app.get<{ Params: { id: string } }>('/:id', async (request, reply) => {
    const current = await repository.head(idOf(request))
    if (current === undefined) throw noSuchIvr(request.params.id)
    if (current.ivr.deletedAt !== null) throw deletedProblem(current.ivr)
    const etag = etagOf(current.ivr.head)
    reply.header('etag', etag).header('cache-control', 'no-cache').header('vary', 'Accept')
    const ifNoneMatch = headerValue(request, 'if-none-match')
    if (ifNoneMatch !== undefined && versionOfEtag(ifNoneMatch) === current.ivr.head) {
      return reply.code(304).send()
    }
    if (prefersJson(request.headers.accept)) return toIvrTextJson(current)
    return reply.type(YAML_CONTENT_TYPE).send(current.yaml)
  })

  app.put<{ Params: { id: string }; Body: unknown }>(
    '/:id',
    { preHandler: requireToken },
    async (request, reply): Promise<SaveBody> => {
      const { id } = request.params
      if (!isIvrId(id)) {
        throw new ApiProblem(
          400,
          'bad-id',
          'An IVR id has 1 to 64 lower-case letters, digits, "-" and "_", and starts and ends ' +
            'with a letter or digit.',
        )
      }
      const contentType = request.headers['content-type']
      if (!isYamlType(contentType)) {
        throw new ApiProblem(
          415,
          'unsupported-media-type',
          'Send the IVR as application/yaml (or text/plain) in UTF-8.',
        )
      }
      // An empty body is an empty IVR, which is worth keeping too.
      const yaml = checkText(typeof request.body === 'string' ? request.body : '')
      const message = readMessage(headerValue(request, 'x-save-message'), true)
      if (message === undefined) throw badMessage()
      const base = readIfMatch(request)

      if (base === undefined) {
        const rawName = headerValue(request, 'x-ivr-name')
        // A name that cannot be decoded is refused as a bad name, like an empty one.
        const name = rawName === undefined ? undefined : (decodeHeaderText(rawName) ?? '')
        const created = await repository.create({
          id,
          name: readName(name, id),
          yaml,
          author,
          message,
          source: { kind: 'create' },
        })
        if (created.kind === 'created') {
          reply.code(201).header('location', `/api/ivrs/${id}`)
          return sendSaved(reply, created.current, true)
        }
        const current = await repository.head(id)
        if (current === undefined) throw noSuchIvr(id)
        if (current.ivr.deletedAt !== null) throw deletedProblem(current.ivr)
        throw new IvrProblem(
          428,
          'precondition-required',
          `The IVR “${current.ivr.name}” already exists. Send If-Match with the ETag of the ` +
            `version your change is based on (it is now at ${etagOf(current.ivr.head)}).`,
          { ivr: toIvrJson(current.ivr) },
          etagOf(current.ivr.head),
        )
      }

      const result = await repository.save({
        id,
        base,
        yaml,
        author,
        message,
        source: { kind: 'save' },
      })
      return answerSave(reply, id, result)
    },
  )

  app.patch<{ Params: { id: string } }>(
    '/:id',
    { preHandler: requireToken },
    async (request, reply): Promise<{ ivr: IvrJson }> => {
      const id = idOf(request)
      const name = readName(
        parseBody(NameBody, request.body, 'such as {"name": "Main line"}').name,
        '',
      )
      const renamed = await repository.rename(id, name)
      if (renamed === undefined) {
        const ivr = await repository.get(id)
        if (ivr === undefined) throw noSuchIvr(id)
        throw deletedProblem(ivr)
      }
      reply.header('cache-control', 'no-store')
      return { ivr: toIvrJson(renamed) }
    },
  )

  app.delete<{ Params: { id: string } }>(
    '/:id',
    { preHandler: requireToken },
    async (request, reply): Promise<{ ivr: IvrJson }> => {
      const id = idOf(request)
      const ivr = await repository.remove(id)
      if (ivr === undefined) throw noSuchIvr(id)
      reply.header('cache-control', 'no-store')
      return { ivr: toIvrJson(ivr) }
    },
  )

  app.post<{ Params: { id: string } }>(
    '/:id/restore',
    { preHandler: requireToken },
    async (request, reply): Promise<{ ivr: IvrJson }> => {
      const id = idOf(request)
      const ivr = await repository.recover(id)
      if (ivr === undefined) throw noSuchIvr(id)
      reply.header('cache-control', 'no-store')
      return { ivr: toIvrJson(ivr) }
    },
  )

  app.post<{ Params: { id: string } }>(
    '/:id/duplicate',
    { preHandler: requireToken },
    async (request, reply): Promise<SaveBody> => {
      const id = idOf(request)
      const body = parseBody(CopyBody, request.body, 'such as {"name": "Main line (copy)"}')
      const original = await repository.head(id)
      if (original === undefined) throw noSuchIvr(id)
      if (original.ivr.deletedAt !== null) throw deletedProblem(original.ivr)
      const current = await createNew(
        readName(body.name, `${original.ivr.name} (copy)`.slice(0, MAX_NAME_LENGTH)),
        original.yaml,
        readBodyMessage(body.message),
        { kind: 'duplicate', id, version: original.ivr.head },
      )
      reply.code(201).header('location', `/api/ivrs/${current.ivr.id}`)
      return sendSaved(reply, current, true)
    },
  )

  app.get<{ Params: { id: string }; Querystring: { before?: string; limit?: string } }>(
    '/:id/versions',
    async (request, reply): Promise<VersionListBody> => {
      const id = idOf(request)
      const before = readPositive(request.query.before, 'before')
      const limit = readPositive(request.query.limit, 'limit')
      const versions = await repository.versions(id, {
        ...(before === undefined ? {} : { before }),
        ...(limit === undefined ? {} : { limit }),
      })
      if (versions === undefined) throw noSuchIvr(id)
      reply.header('cache-control', 'no-store')
      return { versions: versions.map(toVersionJson) }
    },
  )

  app.get<{ Params: { id: string; v: string } }>('/:id/versions/:v', async (request, reply) => {
    const id = idOf(request)
    const number = readVersionNumber(request.params.v)
    const found = number === undefined ? undefined : await repository.version(id, number)
    if (found === undefined) {
      throw new ApiProblem(404, 'not-found', `The IVR “${id}” has no version ${request.params.v}.`)
    }
    reply
      .header('etag', etagOf(found.version.number))
      .header('cache-control', 'no-cache')
      .header('vary', 'Accept')
    if (prefersJson(request.headers.accept)) {
      return { version: toVersionJson(found.version), yaml: found.yaml }
    }
    return reply.type(YAML_CONTENT_TYPE).send(found.yaml)
  })

  app.post<{ Params: { id: string; v: string } }>(
    '/:id/versions/:v/restore',
    { preHandler: requireToken },
    async (request, reply): Promise<SaveBody> => {
      const id = idOf(request)
      const body = parseBody(
        MessageBody,
        request.body,
        'such as {"message": "Back to Monday’s menu"}',
      )
      const number = readVersionNumber(request.params.v)
      const found = number === undefined ? undefined : await repository.version(id, number)
      if (found === undefined || number === undefined) {
        throw new ApiProblem(
          404,
          'not-found',
          `The IVR “${id}” has no version ${request.params.v}.`,
        )
      }
      // Without If-Match the restore is based on whatever is newest now; a save that lands in
      // between still makes it a conflict rather than being replaced.
      const base = readIfMatch(request) ?? (await repository.get(id))?.head
      if (base === undefined) throw noSuchIvr(id)
      const result = await repository.save({
        id,
        base,
        yaml: found.yaml,
        author,
        message: readBodyMessage(body.message),
        source: { kind: 'restore', version: number },
      })
      return answerSave(reply, id, result)
    },
  )
}

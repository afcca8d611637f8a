import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { connect } from 'node:net'
import { Readable } from 'node:stream'

/** One part of a hand-made multipart body. */
export interface Part {
  /** The form field; `file` by default. */
  field?: string
  /** Written into `filename="…"` byte for byte as UTF-8; a plain field when absent. */
  filename?: string
  /** The type the client claims; never trusted by the server. */
  contentType?: string
  body: Buffer | string
}

/** A multipart/form-data body and its Content-Type, built by hand so filenames go out raw. */
export function multipartBody(parts: readonly Part[]): { body: Buffer; contentType: string } {
  const boundary = `----ivr-test-${randomBytes(8).toString('hex')}`
  const chunks: Buffer[] = []
  for (const part of parts) {
    const disposition =
      `form-data; name="${part.field ?? 'file'}"` +
      (part.filename === undefined ? '' : `; filename="${part.filename}"`)
    const headers =
      `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
      (part.filename === undefined
        ? ''
        : `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n`) +
      '\r\n'
    chunks.push(Buffer.from(headers, 'utf8'), Buffer.from(part.body), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** A response read whole. */
export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
  json<T = unknown>(): T
}

/** Sends a request with node:http (no fetch normalisation of paths or bodies). */
export function send(
  origin: string,
  options: {
    method?: string
    path: string
    headers?: Record<string, string>
    body?: Buffer | string
  },
): Promise<RawResponse> {
  const url = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: {
          ...(options.body === undefined
            ? {}
            : { 'content-length': Buffer.byteLength(options.body) }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: <T>() => JSON.parse(body.toString('utf8')) as T,
          })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Uploads `parts` to `POST /api/recordings`, with `token` as a bearer token when given. */
export function upload(
  origin: string,
  parts: readonly Part[],
  token?: string,
): Promise<RawResponse> {
  const { body, contentType } = multipartBody(parts)
  return send(origin, {
    method: 'POST',
    path: '/api/recordings',
    headers: {
      'content-type': contentType,
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body,
  })
}

/**
 * Writes the start of an upload over a raw socket, with a Content-Length promising the whole
 * body, then stops after `sendBytes` bytes of the body: `end` half-closes the socket as a client
 * that gave up would, `destroy` drops the connection. Resolves with whatever the server sent
 * back (possibly nothing) once the connection is closed.
 */
export function sendTruncatedUpload(
  origin: string,
  parts: readonly Part[],
  options: { sendBytes: number; how: 'end' | 'destroy'; token?: string },
): Promise<string> {
  const url = new URL(origin)
  const { body, contentType } = multipartBody(parts)
  const head =
    `POST /api/recordings HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: ${contentType}\r\n` +
    `Content-Length: ${body.length}\r\n` +
    (options.token === undefined ? '' : `Authorization: Bearer ${options.token}\r\n`) +
    '\r\n'
  return new Promise((resolve, reject) => {
    let answer = ''
    const socket = connect({ host: url.hostname, port: Number(url.port) }, () => {
      socket.write(head)
      socket.write(body.subarray(0, options.sendBytes), () => {
        // Give the server time to start streaming the part to disk before the body stops.
        setTimeout(() => {
          if (options.how === 'end') socket.end()
          else socket.destroy()
        }, 100)
      })
    })
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (answer += chunk))
    socket.on('close', () => resolve(answer))
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve(answer)
      else reject(error)
    })
  })
}

/**
 * Streams an upload of one file of `totalBytes` with chunked encoding (no Content-Length, so only
 * the streaming limit can stop it), and says how many bytes had been handed to the socket when
 * the answer came.
 */
export function sendHugeUpload(
  origin: string,
  options: { totalBytes: number; token?: string },
): Promise<{ status: number; body: string; sentBytes: number }> {
  const url = new URL(origin)
  const { body, contentType } = multipartBody([{ filename: 'huge.wav', body: 'PLACEHOLDER' }])
  const [head = '', tail = ''] = body.toString('latin1').split('PLACEHOLDER')
  const chunk = Buffer.alloc(64 * 1024, 0x52)
  let sentBytes = 0
  const source = Readable.from(
    (function* () {
      yield Buffer.from(head, 'latin1')
      while (sentBytes < options.totalBytes) {
        sentBytes += chunk.length
        yield chunk
      }
      yield Buffer.from(tail, 'latin1')
    })(),
  )
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/api/recordings',
        headers: {
          'content-type': contentType,
          ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (part: string) => (text += part))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, sentBytes }))
      },
    )
    req.on('error', reject)
    source.pipe(req)
  })
}

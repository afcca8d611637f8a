import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { FastifyRequest } from 'fastify'
import { ApiProblem } from '../problem.ts'
import { inspectAudio, type AudioInfo } from './audio.ts'
import { displayNameOf } from './names.ts'

/** One uploaded file, checked and waiting in a temporary file to be stored. */
export interface StagedUpload {
  /** The temporary file; removed by the `cleanup` that came with it. */
  tempPath: string
  /** The name it was uploaded as, cleaned for display. */
  originalName: string
  size: number
  sha256: string
  audio: AudioInfo
}

/** How much one upload request may carry. */
export interface IntakeLimits {
  /** The largest file, in bytes. */
  maxUploadBytes: number
  /** The most files in one request. */
  maxFiles: number
}

/** Room for part headers and boundaries around each file when judging `Content-Length`. */
const PART_OVERHEAD_BYTES = 16 * 1024

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`
}

function tooLarge(displayName: string | undefined, limits: IntakeLimits): ApiProblem {
  const what = displayName === undefined ? 'The upload' : `“${displayName}”`
  return new ApiProblem(
    413,
    'too-large',
    `${what} is larger than the limit of ${megabytes(limits.maxUploadBytes)} per recording. ` +
      'Shorten it or save it at a lower bit rate.',
  )
}

/** The refusal for whatever the multipart reader raised, or the error itself when it is ours. */
function toIntakeProblem(error: unknown, limits: IntakeLimits): unknown {
  if (error instanceof ApiProblem) return error
  const code = (error as { code?: unknown }).code
  if (code === 'FST_FILES_LIMIT') {
    return new ApiProblem(
      413,
      'too-many-files',
      `Upload at most ${limits.maxFiles} recordings at a time.`,
    )
  }
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new ApiProblem(413, 'too-many-parts', 'The upload has too many form fields.')
  }
  // File-system errors of our own temporary files are the server's fault, not the client's.
  if (typeof (error as NodeJS.ErrnoException).syscall === 'string') return error
  return new ApiProblem(
    400,
    'malformed-upload',
    'The upload was cut off or is not a well-formed form upload. Try uploading again.',
  )
}

/**
 * Reads every file of a multipart request into its own temporary file in `tempDir`, hashing it on
 * the way and stopping at `maxUploadBytes`, then checks that it is playable MP3 or WAV audio. Only
 * files are kept; other form fields are read and ignored. Resolves with all files once every one
 * has passed; otherwise removes every temporary file it wrote and rejects with the first
 * {@link ApiProblem} (or the server's own error).
 */
export async function receiveUploads(
  request: FastifyRequest,
  tempDir: string,
  limits: IntakeLimits,
): Promise<{ uploads: StagedUpload[]; cleanup: () => Promise<void> }> {
  const tempPaths: string[] = []
  const cleanup = async (): Promise<void> => {
    await Promise.all(tempPaths.splice(0).map((path) => rm(path, { force: true })))
  }

  if (!request.isMultipart()) {
    throw new ApiProblem(
      400,
      'expected-multipart',
      'Send recordings as multipart/form-data, as a browser form upload does.',
    )
  }
  const declared = Number(request.headers['content-length'])
  if (declared > limits.maxFiles * (limits.maxUploadBytes + PART_OVERHEAD_BYTES)) {
    throw tooLarge(undefined, limits)
  }

  const uploads: StagedUpload[] = []
  try {
    const parts = request.parts({
      limits: {
        fileSize: limits.maxUploadBytes,
        files: limits.maxFiles,
        fields: 20,
        fieldSize: 1024,
        parts: limits.maxFiles + 20,
        headerPairs: 100,
      },
    })
    for await (const part of parts) {
      if (part.type !== 'file') continue
      const tempPath = join(tempDir, `upload-${randomUUID()}`)
      tempPaths.push(tempPath)
      const originalName = displayNameOf(part.filename ?? '', 'recording')
      const hash = createHash('sha256')
      let size = 0
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length
          if (size > limits.maxUploadBytes) return done(tooLarge(originalName, limits))
          hash.update(chunk)
          done(null, chunk)
        },
      })
      // Stop reading at once rather than after the rest of an oversized part has streamed past.
      part.file.once('limit', () => part.file.destroy(tooLarge(originalName, limits)))
      await pipeline(part.file, meter, createWriteStream(tempPath, { flags: 'wx' }))
      // @fastify/multipart ends a file stream at the size limit without an error: a file cut to
      // exactly the limit would otherwise look whole.
      if (part.file.truncated) throw tooLarge(originalName, limits)

      const audio = await inspectAudio(tempPath, size, originalName)
      uploads.push({ tempPath, originalName, size, sha256: hash.digest('hex'), audio })
    }
  } catch (error) {
    await cleanup()
    throw toIntakeProblem(error, limits)
  }
  if (uploads.length === 0) {
    await cleanup()
    throw new ApiProblem(400, 'no-files', 'Choose at least one recording to upload.')
  }
  return { uploads, cleanup }
}

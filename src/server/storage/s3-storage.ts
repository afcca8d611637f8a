import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { assertRecordingName, isRecordingName } from '../recordings/names.ts'
import {
  byNewestFirst,
  isRecordingMeta,
  pickMeta,
  type ByteRange,
  type RecordingMeta,
  type RecordingStorage,
  type StoredRecording,
} from './storage.ts'

/** How to reach the bucket. */
export interface S3StorageOptions {
  /** The S3 API's URL, for S3-compatible services (MinIO, R2, …); AWS's own when unset. */
  endpoint?: string
  bucket: string
  region: string
  /** Both or neither; without them the SDK's usual chain (environment, profile, role) applies. */
  accessKeyId?: string
  secretAccessKey?: string
  /** `bucket` in the path rather than the host name, as most S3-compatible services need. */
  forcePathStyle: boolean
  /** Where in the bucket recordings go; `recordings/` by default. */
  prefix?: string
}

/** How many HEAD requests a listing keeps in flight. */
const LIST_CONCURRENCY = 8

function isMissing(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return (
      error.name === 'NotFound' ||
      error.name === 'NoSuchKey' ||
      error.$metadata.httpStatusCode === 404
    )
  }
  return false
}

/** Object metadata travels as HTTP headers, which carry ASCII only. */
function toObjectMetadata(meta: RecordingMeta): Record<string, string> {
  return {
    'original-name': encodeURIComponent(meta.originalName),
    'duration-seconds': String(meta.durationSeconds),
    sha256: meta.sha256,
    'created-at': meta.createdAt,
  }
}

function fromObjectMetadata(
  metadata: Record<string, string> | undefined,
  contentType: string | undefined,
  size: number | undefined,
): RecordingMeta | undefined {
  if (metadata === undefined) return undefined
  let originalName: string
  try {
    originalName = decodeURIComponent(metadata['original-name'] ?? '')
  } catch {
    return undefined
  }
  const meta = {
    originalName,
    contentType: contentType ?? '',
    size: size ?? -1,
    durationSeconds: Number(metadata['duration-seconds']),
    sha256: metadata.sha256 ?? '',
    createdAt: metadata['created-at'] ?? '',
  }
  return isRecordingMeta(meta) && meta.size >= 0 && meta.contentType !== '' ? meta : undefined
}

/**
 * Recordings as objects in an S3 bucket, their metadata as the objects' own metadata, so each
 * recording is one atomic PUT. Checksums are computed only where the API requires them, which
 * S3-compatible services that do not know the newer checksum headers also accept.
 */
export function createS3Storage(options: S3StorageOptions): RecordingStorage & {
  /** Fails with the service's answer when the bucket cannot be reached with these settings. */
  check(): Promise<void>
} {
  const client = new S3Client({
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    ...(options.accessKeyId !== undefined && options.secretAccessKey !== undefined
      ? {
          credentials: {
            accessKeyId: options.accessKeyId,
            secretAccessKey: options.secretAccessKey,
          },
        }
      : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const Bucket = options.bucket
  const prefix = options.prefix ?? 'recordings/'
  const keyOf = (name: string): string => `${prefix}${name}`

  async function head(name: string): Promise<StoredRecording | undefined> {
    try {
      const answer = await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(name) }))
      const meta = fromObjectMetadata(answer.Metadata, answer.ContentType, answer.ContentLength)
      return meta === undefined ? undefined : { ...meta, name }
    } catch (error) {
      if (isMissing(error)) return undefined
      throw error
    }
  }

  async function listNames(): Promise<string[]> {
    const names: string[] = []
    let ContinuationToken: string | undefined
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }),
      )
      for (const object of page.Contents ?? []) {
        const name = object.Key?.slice(prefix.length)
        if (name !== undefined && isRecordingName(name)) names.push(name)
      }
      ContinuationToken = page.IsTruncated === true ? page.NextContinuationToken : undefined
    } while (ContinuationToken !== undefined)
    return names
  }

  return {
    kind: 's3',

    async check(): Promise<void> {
      await client.send(new HeadBucketCommand({ Bucket }))
    },

    async put(name: string, tempFilePath: string, meta: RecordingMeta): Promise<StoredRecording> {
      assertRecordingName(name)
      const record = pickMeta(meta)
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: keyOf(name),
          Body: createReadStream(tempFilePath),
          ContentLength: record.size,
          ContentType: record.contentType,
          CacheControl: 'public, max-age=31536000, immutable',
          Metadata: toObjectMetadata(record),
        }),
      )
      return { ...record, name }
    },

    async stat(name: string): Promise<StoredRecording | undefined> {
      assertRecordingName(name)
      return head(name)
    },

    async exists(name: string): Promise<boolean> {
      assertRecordingName(name)
      return (await head(name)) !== undefined
    },

    async stream(name: string, range?: ByteRange): Promise<Readable | undefined> {
      assertRecordingName(name)
      try {
        const answer = await client.send(
          new GetObjectCommand({
            Bucket,
            Key: keyOf(name),
            ...(range === undefined ? {} : { Range: `bytes=${range.start}-${range.end}` }),
          }),
        )
        const body = answer.Body
        if (body instanceof Readable) return body
        if (body === undefined) return undefined
        return Readable.fromWeb(
          body.transformToWebStream() as Parameters<typeof Readable.fromWeb>[0],
        )
      } catch (error) {
        if (isMissing(error)) return undefined
        throw error
      }
    },

    async list(): Promise<StoredRecording[]> {
      const names = await listNames()
      const records: StoredRecording[] = []
      let next = 0
      const worker = async (): Promise<void> => {
        while (next < names.length) {
          const name = names[next++] as string
          const record = await head(name)
          if (record !== undefined) records.push(record)
        }
      }
      await Promise.all(Array.from({ length: Math.min(LIST_CONCURRENCY, names.length) }, worker))
      return records.sort(byNewestFirst)
    },

    async delete(name: string): Promise<boolean> {
      assertRecordingName(name)
      const existed = (await head(name)) !== undefined
      if (existed) await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(name) }))
      return existed
    },

    async close(): Promise<void> {
      client.destroy()
    },
  }
}

import { join } from 'node:path'
import type { StorageConfig } from '../config.ts'
import { createFsStorage } from './fs-storage.ts'
import type { RecordingStorage } from './storage.ts'

/**
 * The storage `config` asks for, checked and ready: with `fs`, the folder `recordings/` below
 * `dataDir`; with `s3`, the bucket, once it answered. The S3 client is loaded only when used.
 */
export async function openStorage(
  config: StorageConfig,
  dataDir: string,
): Promise<RecordingStorage> {
  if (config.kind === 'fs') return createFsStorage({ root: join(dataDir, 'recordings') })
  const { createS3Storage } = await import('./s3-storage.ts')
  const storage = createS3Storage({
    bucket: config.bucket,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    ...(config.accessKeyId === undefined || config.secretAccessKey === undefined
      ? {}
      : { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }),
  })
  try {
    await storage.check()
  } catch (error) {
    await storage.close()
    throw error
  }
  return storage
}

import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../../src/server/app.ts'
import type { RecordingsOptions } from '../../../src/server/routes/recordings.ts'
import { createFsStorage, FS_STAGING_FOLDER } from '../../../src/server/storage/fs-storage.ts'
import { createS3Storage } from '../../../src/server/storage/s3-storage.ts'
import type { RecordingStorage } from '../../../src/server/storage/storage.ts'
import { S3RVER_CREDENTIALS, type S3rver } from './s3rver.ts'

/** The storage drivers every recordings test runs against. */
export const DRIVERS = ['fs', 's3'] as const

/** One of {@link DRIVERS}. */
export type Driver = (typeof DRIVERS)[number]

/** A storage of one driver in a fresh folder or bucket, and a way to see what it holds. */
export interface TestStorage {
  storage: RecordingStorage
  /** The data folder: `tmp/` for uploads and, with `fs`, `recordings/`. */
  dataDir: string
  tempDir: string
  /** The bucket, with `s3`. */
  bucket?: string
  /** Every file or object the storage holds, staging files included, by relative path or key. */
  leftovers(): Promise<string[]>
  /** Files left in the upload folder. */
  tempFiles(): string[]
  close(): Promise<void>
}

function listTree(root: string, prefix = ''): string[] {
  let entries
  try {
    entries = readdirSync(root, { withFileTypes: true })
  } catch {
    return []
  }
  return entries.flatMap((entry) =>
    entry.isDirectory()
      ? listTree(join(root, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  )
}

/** Opens a storage of `driver`; `s3` needs a running s3rver. */
export async function openTestStorage(driver: Driver, s3?: S3rver): Promise<TestStorage> {
  const dataDir = mkdtempSync(join(tmpdir(), `ivr-designer-recordings-${driver}-`))
  const tempDir = join(dataDir, 'tmp')
  mkdirSync(tempDir)
  const tempFiles = (): string[] => readdirSync(tempDir)
  if (driver === 'fs') {
    const root = join(dataDir, 'recordings')
    const storage = await createFsStorage({ root })
    return {
      storage,
      dataDir,
      tempDir,
      tempFiles,
      leftovers: async () => listTree(root),
      close: async () => {
        await storage.close()
        rmSync(dataDir, { recursive: true, force: true })
      },
    }
  }
  if (s3 === undefined) throw new Error('the s3 driver needs s3rver')
  const bucket = await s3.createBucket()
  const storage = createS3Storage({
    endpoint: s3.endpoint,
    bucket,
    region: 'us-east-1',
    forcePathStyle: true,
    ...S3RVER_CREDENTIALS,
  })
  await storage.check()
  return {
    storage,
    dataDir,
    tempDir,
    bucket,
    tempFiles,
    leftovers: () => s3.keys(bucket),
    close: async () => {
      await storage.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The staging folder of the `fs` driver below a test storage's data folder. */
export function fsStagingDir(dataDir: string): string {
  return join(dataDir, 'recordings', FS_STAGING_FOLDER)
}

/** The server with recordings, listening on a free port of 127.0.0.1. */
export interface RecordingsServer {
  app: FastifyInstance
  origin: string
  port: number
  close(): Promise<void>
}

/**
 * `buildApp` with recordings in `store`, serving a tiny static root of its own (so these tests
 * need no build), on 127.0.0.1. Rate limiting is off unless `options.rateLimit` asks for it.
 */
export async function startRecordingsServer(
  store: TestStorage,
  options: Partial<Omit<RecordingsOptions, 'storage' | 'tempDir'>> = {},
): Promise<RecordingsServer> {
  const staticRoot = join(store.dataDir, 'static')
  mkdirSync(staticRoot, { recursive: true })
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>Test</title>')
  const app = buildApp({
    staticRoot,
    recordings: {
      storage: store.storage,
      tempDir: store.tempDir,
      maxUploadBytes: 64 * 1024,
      rateLimit: false,
      ...options,
    },
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  const close = async () => {
    const closing = app.close()
    // A test may leave a request half sent on purpose; the server must not wait for it.
    app.server.closeAllConnections()
    await closing
  }
  return { app, origin: `http://127.0.0.1:${port}`, port, close }
}

/** Waits until `check` holds, for cleanup that finishes just after a response. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the condition did not hold in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

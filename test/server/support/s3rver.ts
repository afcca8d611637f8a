import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { REPO_ROOT } from '../../helpers/server.ts'

/** s3rver's own fixed credentials. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

/** An S3-compatible server (s3rver) running as a child process on 127.0.0.1. */
export interface S3rver {
  endpoint: string
  /** A client for checking what the bucket holds, independent of the code under test. */
  client: S3Client
  /** Creates an empty bucket with a fresh name and returns the name. */
  createBucket(): Promise<string>
  /** Every key in `bucket`. */
  keys(bucket: string): Promise<string[]>
  stop(): Promise<void>
}

let buckets = 0

/** Starts s3rver on a free port of 127.0.0.1 with a temporary folder; `stop` removes both. */
export async function startS3rver(): Promise<S3rver> {
  const directory = mkdtempSync(join(tmpdir(), 'ivr-designer-s3rver-'))
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', 's3rver', 'bin', 's3rver.js'),
      '--address',
      '127.0.0.1',
      '--port',
      '0',
      '--directory',
      directory,
      '--silent',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  )
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`s3rver did not start:\n${output}`)), 15_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const match = /listening on 127\.0\.0\.1:(\d+)/.exec(output)
      if (match !== null) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`s3rver exited with ${code}:\n${output}`))
    })
  })
  const endpoint = `http://127.0.0.1:${port}`
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  return {
    endpoint,
    client,
    async createBucket() {
      const name = `recordings-${process.pid}-${++buckets}`
      await client.send(new CreateBucketCommand({ Bucket: name }))
      return name
    },
    async keys(bucket) {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket }))
      return (page.Contents ?? []).map((object) => object.Key ?? '')
    },
    async stop() {
      client.destroy()
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
      rmSync(directory, { recursive: true, force: true })
    },
  }
}

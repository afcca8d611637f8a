import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MAIN_JS = join(ROOT, 'dist', 'server', 'main.js')
const MiB = 1024 * 1024

/** A mono 16-bit PCM WAV of `bytes` bytes (even), a sine at `frequency` Hz. */
function makeWav(bytes, frequency) {
  const rate = 8000
  const data = Buffer.alloc(bytes - 44)
  for (let i = 0; i < data.length / 2; i++) {
    data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * frequency * i) / rate)), i * 2)
  }
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVE', 8, 'ascii')
  header.write('fmt ', 12, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(rate, 24)
  header.writeUInt32LE(rate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(data.length, 40)
  return Buffer.concat([header, data])
}

/** An MP3 of `frames` silent MPEG-1 Layer III frames (144 bytes, 36 ms each). */
function makeMp3(frames) {
  const frame = Buffer.alloc(144)
  frame.set([0xff, 0xfb, 0x18, 0xc0])
  return Buffer.concat(Array.from({ length: frames }, () => frame))
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex')

/** The resident set size of process `pid` in bytes (Linux), or NaN where /proc is missing. */
function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1])
    return kb * 1024
  } catch {
    return NaN
  }
}

/** Samples a process's RSS every 20 ms until stopped; `peak()` is the highest seen. */
function sampleRss(pid) {
  let peak = rssOf(pid)
  const timer = setInterval(() => {
    const rss = rssOf(pid)
    if (rss > peak) peak = rss
  }, 20)
  return {
    peak: () => peak,
    reset: () => (peak = rssOf(pid)),
    stop: () => clearInterval(timer),
  }
}

/** Starts a child process and resolves with it and the first match of `pattern` in its output. */
function startProcess(args, env, pattern) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 20_000)
    const onData = (chunk) => {
      output += chunk
      const match = pattern.exec(output)
      if (match !== null) {
        clearTimeout(timer)
        resolve({ child, match })
      }
    }
    child.stdout.setEncoding('utf8').on('data', onData)
    child.stderr.setEncoding('utf8').on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code}:\n${output}`))
    })
  })
}

async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

async function uploadOne(origin, file) {
  const form = new FormData()
  form.append('file', new Blob([file.bytes]), file.name)
  const response = await fetch(`${origin}/api/recordings`, { method: 'POST', body: form })
  if (response.status !== 201)
    throw new Error(`${file.name}: ${response.status} ${await response.text()}`)
  return (await response.json()).recordings[0]
}

/** Streams a multipart upload of `totalBytes` with chunked encoding; resolves with the status. */
function uploadEndless(origin, totalBytes) {
  const boundary = 'bench-boundary'
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.wav"\r\n\r\n`
  const chunk = Buffer.alloc(MiB, 0x52)
  let sent = 0
  const source = Readable.from(
    (function* () {
      yield Buffer.from(head)
      while (sent < totalBytes) {
        sent += chunk.length
        yield chunk
      }
      yield Buffer.from(`\r\n--${boundary}--\r\n`)
    })(),
  )
  const url = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/api/recordings',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode, sent }))
      },
    )
    req.on('error', reject)
    source.pipe(req)
  })
}

async function startS3rver() {
  const directory = mkdtempSync(join(tmpdir(), 'ivr-bench-s3rver-'))
  const { child, match } = await startProcess(
    [
      join(ROOT, 'node_modules/s3rver/bin/s3rver.js'),
      '-a',
      '127.0.0.1',
      '-p',
      '0',
      '-d',
      directory,
      '--silent',
    ],
    {},
    /listening on 127\.0\.0\.1:(\d+)/,
  )
  const endpoint = `http://127.0.0.1:${match[1]}`
  // The SDK's notice about future Node versions is not a finding of this benchmark.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  await client.send(new CreateBucketCommand({ Bucket: 'bench' }))
  client.destroy()
  return {
    env: {
      STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: 'bench',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stop: async () => {
      await stopProcess(child)
      rmSync(directory, { recursive: true, force: true })
    },
  }
}

/**
 * Uploads `files` distinct recordings (half WAV, half MP3, about `fileBytes` each) concurrently
 * to the compiled server (`dist/server/main.js`) on loopback, with each storage driver, reads
 * them all back and compares hashes; samples the server's RSS throughout. Then streams one
 * upload of `hugeBytes` past the default 20 MB limit and measures how soon it is refused and
 * what it costs in memory. Throws when anything is lost or mixed up.
 */
export async function benchRecordings({
  files = 50,
  fileBytes = 1 * MiB,
  hugeBytes = 1024 * MiB,
} = {}) {
  const inputs = Array.from({ length: files }, (_, i) =>
    i % 2 === 0
      ? { name: `prompt-${i}.wav`, bytes: makeWav(fileBytes, 200 + i * 10) }
      : { name: `prompt-${i}.mp3`, bytes: makeMp3(Math.floor(fileBytes / 144) + i) },
  )
  const totalBytes = inputs.reduce((sum, file) => sum + file.bytes.length, 0)
  const rows = []
  for (const driver of ['fs', 's3']) {
    const dataDir = mkdtempSync(join(tmpdir(), `ivr-bench-recordings-${driver}-`))
    const s3 = driver === 's3' ? await startS3rver() : undefined
    const { child, match } = await startProcess(
      [MAIN_JS],
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        PUBLIC_URL: 'http://127.0.0.1',
        LOG_LEVEL: 'error',
        ...s3?.env,
      },
      /is running at (http:\/\/127\.0\.0\.1:\d+)\//,
    )
    const origin = match[1]
    try {
      // Let start-up settle so the baseline is the idle server.
      await new Promise((resolve) => setTimeout(resolve, 500))
      const idleRss = rssOf(child.pid)
      const rss = sampleRss(child.pid)

      // The oversized upload first, while the server is idle, so its cost is not hidden by the
      // heap the batch leaves behind.
      let started = performance.now()
      const huge = await uploadEndless(origin, hugeBytes)
      const hugeMs = performance.now() - started
      if (huge.status !== 413) throw new Error(`${driver}: the huge upload answered ${huge.status}`)
      const hugePeak = rss.peak()

      rss.reset()
      const batchRss = rssOf(child.pid)
      started = performance.now()
      const records = await Promise.all(inputs.map((file) => uploadOne(origin, file)))
      const uploadMs = performance.now() - started
      const uploadPeak = rss.peak()

      started = performance.now()
      const played = await Promise.all(
        records.map(async (record) => {
          const response = await fetch(`${origin}/recordings/${record.id}`)
          return Buffer.from(await response.arrayBuffer())
        }),
      )
      const readMs = performance.now() - started
      const listed = (await (await fetch(`${origin}/api/recordings`)).json()).recordings
      const ids = new Set(records.map((r) => r.id))
      if (ids.size !== files || listed.length !== files) {
        throw new Error(
          `${driver}: ${ids.size} distinct records, ${listed.length} listed, expected ${files}`,
        )
      }
      inputs.forEach((file, i) => {
        if (records[i].name !== file.name || sha256(played[i]) !== sha256(file.bytes)) {
          throw new Error(`${driver}: ${file.name} came back as something else`)
        }
      })

      rss.stop()

      rows.push({
        driver,
        files,
        totalBytes,
        uploadMs,
        readMs,
        idleRss,
        batchRss,
        uploadPeak,
        hugeBytes,
        hugeSent: huge.sent,
        hugeMs,
        hugePeak,
      })
    } finally {
      await stopProcess(child)
      await s3?.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  return rows
}

const mib = (bytes) => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / MiB).toFixed(0)} MiB`)

/** The rows as a Markdown section (heading, method, table, targets). */
export function formatRecordings(rows) {
  const first = rows[0]
  const out = [
    '## Recordings: concurrent uploads (server)',
    '',
    `${first.files} distinct recordings (half WAV, half MP3; ${mib(first.totalBytes)} in all) uploaded at once`,
    'to `dist/server/main.js` on loopback, one request each, then all read back and compared by',
    "SHA-256 with what was sent. Memory is the server process's resident set size, sampled every",
    `20 ms. Before the batch, while the server is idle, one upload of ${mib(first.hugeBytes)} is streamed`,
    'without Content-Length against the default 20 MiB limit. The `s3` driver talks to s3rver on',
    'loopback, itself a Node process on the same cores.',
    '',
    '| storage | upload wall time | write throughput | read back | idle RSS | oversized upload refused after | peak RSS then | RSS before batch | peak RSS while uploading |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const r of rows) {
    out.push(
      `| ${r.driver} | ${(r.uploadMs / 1000).toFixed(2)} s | ${(r.totalBytes / MiB / (r.uploadMs / 1000)).toFixed(1)} MiB/s (${(r.files / (r.uploadMs / 1000)).toFixed(1)} files/s) | ${(r.readMs / 1000).toFixed(2)} s | ${mib(r.idleRss)} | ${(r.hugeMs / 1000).toFixed(2)} s, ${mib(r.hugeSent)} sent | ${mib(r.hugePeak)} | ${mib(r.batchRss)} | ${mib(r.uploadPeak)} |`,
    )
  }
  const growth = Math.max(...rows.map((r) => r.uploadPeak - r.batchRss))
  const hugeGrowth = Math.max(...rows.map((r) => r.hugePeak - r.idleRss))
  out.push('')
  out.push(
    `- Nothing lost or mixed up: all ${first.files} recordings read back with the hashes sent, with both drivers.`,
  )
  out.push(
    `- Target: peak RSS at most 150 MiB above where it was while ${mib(first.totalBytes)} is uploaded at once: worst +${mib(growth)} (${growth <= 150 * MiB ? 'met' : 'NOT met'}).`,
  )
  out.push(
    `- Target: a ${mib(first.hugeBytes)} upload is refused without being read whole, at most 50 MiB above idle: worst +${mib(hugeGrowth)} (${hugeGrowth <= 50 * MiB ? 'met' : 'NOT met'}).`,
  )
  return out.join('\n')
}

// Run on its own: `node scripts/bench/recordings.mjs` (after `npm run build`).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(formatRecordings(await benchRecordings()))
}

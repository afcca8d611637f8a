import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { buildApp, DEFAULT_STATIC_ROOT } from '../../src/server/app.ts'
import { openLibrary } from '../../src/server/library/open-library.ts'
import type { IvrRepository } from '../../src/server/library/repository.ts'
import type { IvrsOptions } from '../../src/server/routes/ivrs.ts'
import type { RecordingsOptions } from '../../src/server/routes/recordings.ts'
import { createFsStorage } from '../../src/server/storage/fs-storage.ts'

/** The root of the repository. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * The built web app the browser tests load: `dist/web`, or the folder named by
 * `IVR_TEST_WEB_ROOT` (a build made with `vite build --outDir DIR`).
 */
export const WEB_ROOT = process.env.IVR_TEST_WEB_ROOT ?? DEFAULT_STATIC_ROOT

/** The compiled server entry point that `npm start` runs. */
export const MAIN_JS = join(REPO_ROOT, 'dist', 'server', 'main.js')

/** A server listening on 127.0.0.1. */
export interface RunningServer {
  /** `http://127.0.0.1:PORT` without a trailing slash. */
  origin: string
  port: number
  close(): Promise<void>
}

/** Fails with a message saying what to run when the web app has not been built. */
export function requireBuiltWebApp(): void {
  const index = join(WEB_ROOT, 'index.html')
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: run "npm run build" before these tests.`)
  }
}

/** Fails with a message saying what to run when the server has not been compiled. */
export function requireBuiltServer(): void {
  if (!existsSync(MAIN_JS)) {
    throw new Error(`${MAIN_JS} is missing: run "npm run build" before these tests.`)
  }
}

/** Settings of the recordings a test server keeps, in a temporary data folder of its own. */
export type TestRecordings = Partial<Omit<RecordingsOptions, 'storage' | 'tempDir'>>

/** Settings of the IVR library a test server keeps (its repository is made by the server). */
export type TestLibrary = Partial<Omit<IvrsOptions, 'repository'>>

/**
 * The real server (`buildApp`) on a free port of 127.0.0.1, serving `staticRoot` or, by default,
 * the built web app. `configure` may add routes before it starts. Serving the built app, it keeps
 * recordings and an IVR library (SQLite) like `npm start` does, in a temporary folder removed on
 * close, without rate limits (`recordings` and `library` change the settings; `false` leaves
 * their routes out).
 */
export async function startServer(
  options: {
    staticRoot?: string
    configure?: (app: FastifyInstance) => void
    recordings?: TestRecordings | false
    library?: TestLibrary | false
  } = {},
): Promise<RunningServer> {
  if (options.staticRoot === undefined) requireBuiltWebApp()
  const recordings = options.recordings ?? (options.staticRoot === undefined ? {} : false)
  const library = options.library ?? (options.staticRoot === undefined ? {} : false)
  let dataDir: string | undefined
  let recordingsOptions: RecordingsOptions | undefined
  let repository: IvrRepository | undefined
  if (recordings !== false || library !== false) {
    dataDir = mkdtempSync(join(tmpdir(), 'ivr-designer-e2e-'))
  }
  if (library !== false && dataDir !== undefined) {
    repository = await openLibrary({ kind: 'sqlite' }, dataDir)
  }
  if (recordings !== false && dataDir !== undefined) {
    const tempDir = join(dataDir, 'tmp')
    mkdirSync(tempDir)
    const storage = await createFsStorage({ root: join(dataDir, 'recordings') })
    recordingsOptions = { storage, tempDir, maxUploadBytes: 20 * 1024 * 1024, rateLimit: false }
    Object.assign(recordingsOptions, recordings)
  }
  const app = buildApp({
    staticRoot: options.staticRoot ?? WEB_ROOT,
    ...(recordingsOptions === undefined ? {} : { recordings: recordingsOptions }),
    ...(repository === undefined || library === false
      ? {}
      : { library: { ...library, repository } }),
  })
  options.configure?.(app)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      await app.close()
      await recordingsOptions?.storage.close()
      await repository?.close()
      if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function findFreePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', resolve)
  })
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/** `node dist/server/main.js`, running, with what it printed so far. */
export interface MainProcess {
  child: ChildProcessWithoutNullStreams
  stdout(): string
  stderr(): string
  /** Resolves with the exit code (or the signal that ended it) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Starts `node dist/server/main.js` (or `script`) with `env` added to the environment. */
export function spawnMain(env: Record<string, string>, script = MAIN_JS): MainProcess {
  const child = spawn(process.execPath, [script], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  return { child, stdout: () => stdout, stderr: () => stderr, exited }
}

/**
 * Waits until the process prints a line matching `pattern` and returns the match; fails with
 * everything it printed when it exits first or `timeoutMs` passes.
 */
export async function waitForOutput(
  main: MainProcess,
  pattern: RegExp,
  timeoutMs = 15_000,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs
  let exited = false
  void main.exited.then(() => (exited = true))
  for (;;) {
    const match = main.stdout().match(pattern)
    if (match !== null) return match
    if (exited || Date.now() > deadline) {
      throw new Error(
        `The server ${exited ? 'exited' : 'did not print'} ${String(pattern)} ` +
          `${exited ? 'before printing' : `within ${timeoutMs} ms`}.\n` +
          `stdout:\n${main.stdout()}\nstderr:\n${main.stderr()}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Ends the process if it still runs, so a failed test leaves nothing behind. */
export async function killIfRunning(main: MainProcess): Promise<void> {
  if (main.child.exitCode === null && main.child.signalCode === null) {
    main.child.kill('SIGKILL')
    await main.exited
  }
}

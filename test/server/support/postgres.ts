import { spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { findFreePort } from '../../helpers/server.ts'

/** A PostgreSQL server of the tests' own, on a free port of 127.0.0.1. */
export interface TestPostgres {
  port: number
  /** A new, empty database; its URL. */
  createDatabase(): Promise<string>
  /** Stops the server at once and removes its files. */
  stop(): Promise<void>
}

/** Debian's PostgreSQL programs, the newest version installed, or `undefined`. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin')
}

function idOf(flag: '-u' | '-g', user: string): number {
  const result = spawnSync('id', [flag, user], { encoding: 'utf8' })
  return Number(result.stdout.trim())
}

/**
 * Runs a PostgreSQL program. PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` user that Debian's package creates.
 */
function run(program: string, args: string[], asPostgres: boolean): void {
  const [command, fullArgs] = asPostgres
    ? ['runuser', ['-u', 'postgres', '--', program, ...args]]
    : [program, args]
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', timeout: 60_000 })
  if (result.status !== 0) {
    throw new Error(
      `${program} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n` +
        `${result.stdout}\n${result.stderr}`,
    )
  }
}

/**
 * Starts a throwaway PostgreSQL server from Debian's `postgresql` package: a new cluster in a
 * temporary folder (trust authentication, loopback only, its socket in that folder) on a free
 * port. `node scripts/ensure-postgres.mjs` installs the package when it is missing.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin()
  if (bin === undefined) {
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb). Run ' +
        '"node scripts/ensure-postgres.mjs", or as root "apt-get install -y postgresql".',
    )
  }
  const asPostgres = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'ivr-designer-pg-'))
  if (asPostgres) chownSync(dir, idOf('-u', 'postgres'), idOf('-g', 'postgres'))
  const dataDir = join(dir, 'data')
  const log = join(dir, 'postgres.log')
  const port = await findFreePort()
  const pgCtl = join(bin, 'pg_ctl')
  try {
    run(
      join(bin, 'initdb'),
      ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'],
      asPostgres,
    )
    run(
      pgCtl,
      [
        '-D',
        dataDir,
        '-o',
        // fsync off: these tests kill IVR Designer's processes, never PostgreSQL's, so flushing
        // to disk would only make them slower.
        `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=200 -c fsync=off`,
        '-l',
        log,
        '-w',
        'start',
      ],
      asPostgres,
    )
  } catch (error) {
    const printed = existsSync(log) ? readFileSync(log, 'utf8') : ''
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`${(error as Error).message}\n${printed}`)
  }

  const admin = new pg.Pool({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database: 'postgres',
    max: 1,
  })
  let count = 0
  return {
    port,
    async createDatabase() {
      count += 1
      const name = `ivr_test_${count}`
      await admin.query(`CREATE DATABASE ${name}`)
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    },
    async stop() {
      await admin.end().catch(() => undefined)
      try {
        run(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], asPostgres)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

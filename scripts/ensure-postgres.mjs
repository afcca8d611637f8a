// Makes sure Debian's PostgreSQL, which the IVR library tests start a server of, is installed.
// Quiet when it is; otherwise installs it with apt-get and fails with a clear message if that
// does not work. The tests start their own throwaway server; nothing here starts one.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = '/usr/lib/postgresql'

function installed() {
  if (!existsSync(ROOT)) return false
  return readdirSync(ROOT).some((version) => existsSync(join(ROOT, version, 'bin', 'initdb')))
}

if (!installed()) {
  console.log('PostgreSQL is missing; installing it with apt-get for the IVR library tests.')
  const result = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y postgresql'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (result.error !== undefined || result.status !== 0 || !installed()) {
    const why =
      result.error !== undefined
        ? result.error.message
        : result.status !== 0
          ? `apt-get exited with ${result.status ?? `signal ${result.signal}`}`
          : `apt-get finished, but ${ROOT}/<version>/bin/initdb is still missing`
    console.error(
      `Could not install PostgreSQL (${why}).\n` +
        'The IVR library tests need it. Install it as root with:\n' +
        '  apt-get update && apt-get install -y postgresql',
    )
    process.exit(1)
  }
}

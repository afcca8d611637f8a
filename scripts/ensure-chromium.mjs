// Makes sure Debian's Chromium, which the browser tests drive, is installed. Quiet when it is;
// otherwise installs it with apt-get and fails with a clear message if that does not work.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CHROMIUM = '/usr/bin/chromium'

if (!existsSync(CHROMIUM)) {
  console.log(`${CHROMIUM} is missing; installing Chromium with apt-get for the browser tests.`)
  const result = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
    stdio: 'inherit',
  })
  if (result.error !== undefined || result.status !== 0 || !existsSync(CHROMIUM)) {
    const why =
      result.error !== undefined
        ? result.error.message
        : result.status !== 0
          ? `apt-get exited with ${result.status ?? `signal ${result.signal}`}`
          : `apt-get finished, but ${CHROMIUM} is still missing`
    console.error(
      `Could not install Chromium (${why}).\n` +
        `The browser tests need ${CHROMIUM}. Install it as root with:\n` +
        '  apt-get update && apt-get install -y chromium',
    )
    process.exit(1)
  }
}

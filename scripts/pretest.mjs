// Everything `npm test` needs before the tests run, side by side: Chromium and PostgreSQL are
// installed when missing (apt-get waits on the network), while the code is type-checked and built
// (which wait on the processor). Each step's output is printed once it ends; the script fails,
// after all have ended, when any of them failed.
import { spawn } from 'node:child_process'

/** Steps that run one after the other; the groups run at the same time. */
const GROUPS = [
  [
    ['node', ['scripts/ensure-chromium.mjs']],
    ['node', ['scripts/ensure-postgres.mjs']],
  ],
  [['npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']]],
  [['npx', ['tsc', '-p', 'tsconfig.core.json', '--noEmit']]],
  [['npm', ['run', 'build']]],
]

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    const output = []
    child.stdout.on('data', (chunk) => output.push(chunk))
    child.stderr.on('data', (chunk) => output.push(chunk))
    child.on('error', (error) => resolve({ ok: false, output: `${error.message}\n` }))
    child.on('close', (code, signal) => {
      const text = Buffer.concat(output).toString()
      resolve({
        ok: code === 0,
        output: text,
        why: code === null ? `signal ${signal}` : `exit ${code}`,
      })
    })
  })
}

async function runGroup(steps) {
  for (const [command, args] of steps) {
    const line = [command, ...args].join(' ')
    const started = Date.now()
    const result = await run(command, args)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    process.stdout.write(`> ${line} (${seconds} s)\n${result.output}`)
    if (!result.ok) {
      process.stderr.write(`"${line}" failed (${result.why}).\n`)
      return false
    }
  }
  return true
}

const results = await Promise.all(GROUPS.map(runGroup))
if (results.some((ok) => !ok)) process.exit(1)

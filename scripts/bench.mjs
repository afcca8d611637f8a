import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { benchBrowser, formatBrowser } from './bench/browser.mjs'
import { benchCore, formatCore } from './bench/core.mjs'
import { benchRecordings, formatRecordings } from './bench/recordings.mjs'

/** Runs every benchmark and writes the figures to BENCHMARKS.md with machine and date. */
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform} ${process.arch}`
const date = new Date().toISOString().slice(0, 10)

console.log(`Machine: ${machine}`)
const core = benchCore()
const coreTable = formatCore(core)
console.log(coreTable)

const doc = `# Benchmarks

Measured by \`npm run bench\` on ${date}.
Machine: ${machine}.

## Parse and validate (Node)

Generated IVRs of 50, 500 and 5,000 commands (menus, transfers, fetches, comments; see
\`scripts/bench/generate-ivr.mjs\`). The floor is the \`yaml\` library's own \`parseDocument\` of the
same text, measured in the same run, interleaved with ours. Ours is \`parseIvr\` (limits, parse
with positions, model) plus \`validateIvr\` (every rule).

${coreTable}
`
const recordingsSection = formatRecordings(await benchRecordings())
console.log(recordingsSection)
const browserSection = formatBrowser(await benchBrowser())
console.log(browserSection)
writeFileSync(
  new URL('../BENCHMARKS.md', import.meta.url),
  `${doc}\n${recordingsSection}\n\n${browserSection}\n`,
)
console.log('\nWrote BENCHMARKS.md')

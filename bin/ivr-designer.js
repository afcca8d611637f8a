#!/usr/bin/env node
// The `ivr-designer` command: runs the compiled command line from dist/ (built on npm install).
import { existsSync } from 'node:fs'

const main = new URL('../dist/cli/main.js', import.meta.url)

if (!existsSync(main)) {
  process.stderr.write('Run npm install first (it builds the CLI).\n')
  process.exit(2)
}

try {
  await import(main.href)
} catch (error) {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
  process.stderr.write(`ivr-designer: cannot start: ${detail}\n`)
  process.exit(2)
}

import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyOp } from '../../src/ops/apply-op.ts'
import type { IvrOp } from '../../src/ops/op.ts'
import { createIvrParser } from '../../src/yaml/incremental.ts'
import { parseIvr, type ParsedIvr } from '../../src/yaml/parse-ivr.ts'

const directory = new URL('../fixtures/examples/', import.meta.url)
const read = (name: string) => readFileSync(new URL(name, directory), 'utf8')
/** The examples with more than one section, which the incremental parser reads in chunks. */
const examples = readdirSync(directory).filter(
  (name) => name.endsWith('.yaml') && parseIvr(read(name)).model.sections.length > 1,
)

function opsFor(parsed: ParsedIvr): IvrOp[] {
  const [first, second] = parsed.model.sections
  const last = parsed.model.sections[parsed.model.sections.length - 1]!
  return [
    { type: 'section.duplicate', name: first!.name },
    { type: 'section.move', name: last.name, before: first!.name },
    { type: 'section.delete', name: second!.name },
    { type: 'section.rename', name: last.name, to: 'renamed' },
    { type: 'command.move', path: [last.name, 0], list: [first!.name], index: 0 },
    { type: 'command.add', list: [second!.name], index: 1, command: { goto: first!.name } },
  ]
}

describe('ops on a text read section by section', () => {
  it.each(examples)('give the same edits as on a text read at once: %s', (name) => {
    const text = read(name)
    const whole = parseIvr(text)
    const chunked = createIvrParser().parse(text)
    expect(chunked.chunks.length).toBeGreaterThan(1)
    for (const op of opsFor(whole)) {
      expect(applyOp(chunked, op, (t) => createIvrParser().parse(t))).toEqual(applyOp(whole, op))
    }
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sharedPlainData, toPlainData } from '../../src/model/to-plain-data.ts'
import { createIvrParser } from '../../src/yaml/incremental.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'

const directory = new URL('../fixtures/examples/', import.meta.url)
const examples = readdirSync(directory).filter((name) => name.endsWith('.yaml'))
const read = (name: string) => readFileSync(new URL(name, directory), 'utf8')

const TEXT = `online:
  - play: https://example.com/a.wav
  - ring
offline:
  - voicemail
queue:
  - choice:
      "1":
        name: Sales
        goto: sales
sales:
  - ring
`

describe('sharedPlainData', () => {
  it.each(examples)('denotes what toPlainData does, keys in the same order: %s', (name) => {
    const { model } = parseIvr(read(name))
    const shared = sharedPlainData(model)
    expect(shared).toEqual(toPlainData(model))
    expect(JSON.stringify(shared)).toBe(JSON.stringify(toPlainData(model)))
  })

  it('reads a section again only when its text changed, even when the section moved', () => {
    const parser = createIvrParser()
    const before = sharedPlainData(parser.parse(TEXT).model)
    const edited = TEXT.replace('  - ring\noffline', '  - ring\n  - voicemail\noffline')
    const after = sharedPlainData(parser.parse(edited).model)
    expect(after['online']).not.toBe(before['online'])
    expect(after['online']).toEqual([{ play: 'https://example.com/a.wav' }, 'ring', 'voicemail'])
    // Moved down by one line, unchanged: the very same lists.
    for (const name of ['offline', 'queue', 'sales']) expect(after[name]).toBe(before[name])
  })

  it('hands out lists that cannot be changed, at any depth', () => {
    const shared = sharedPlainData(parseIvr(TEXT).model)
    const queue = shared['queue'] as unknown as { choice: Record<string, { goto: string }> }[]
    expect(() => (shared['sales'] as unknown[]).push('ring')).toThrow(TypeError)
    expect(() => {
      queue[0]!.choice['1']!.goto = 'elsewhere'
    }).toThrow(TypeError)
    expect(queue[0]!.choice['1']!.goto).toBe('sales')
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createValidationCache,
  validateIvr,
  type ValidationCache,
} from '../../src/validate/validate-ivr.ts'
import { createIvrParser, splitSections } from '../../src/yaml/incremental.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'

const examplesDir = new URL('../fixtures/examples/', import.meta.url)
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(new URL(f, examplesDir), 'utf8'))

/** What an editor sees of a parse: the model and every diagnostic. */
function observable(parsed: ReturnType<typeof parseIvr>, cache?: ValidationCache) {
  return {
    readable: parsed.readable,
    model: parsed.model,
    diagnostics: validateIvr(parsed, cache ? { cache } : {}),
  }
}

describe('splitting the text into top-level sections', () => {
  it('cuts at each key line at column 0, comments going with the section above', () => {
    const text = dedent`
      # prelude comment
      online:
        - ring
      # about offline
      offline: [voicemail]
      "quoted key":
        - ring
    `
    expect(splitSections(text)?.map((c) => [c.offset, c.text])).toEqual([
      [18, 'online:\n  - ring\n# about offline\n'],
      [51, 'offline: [voicemail]\n'],
      [72, '"quoted key":\n  - ring\n'],
    ])
  })

  it('refuses text whose top level is not a plain block mapping', () => {
    expect(splitSections('- ring\n')).toBeNull()
    expect(splitSections('{online: [ring]}\n')).toBeNull()
    expect(splitSections('online: [ring]\n---\noffline: [ring]\n')).toBeNull()
    expect(splitSections('a: &x [ring]\nb: *x\n')).toBeNull()
    expect(splitSections('# only a comment\n')).toBeNull()
  })

  it('accepts a leading document marker and URLs with & and *', () => {
    const text = '---\nonline:\n  - play: https://a.example/x?a=1&b=*\n'
    expect(splitSections(text)?.map((c) => c.offset)).toEqual([4])
  })
})

describe('the incremental parser', () => {
  it('gives the same model and diagnostics as a full parse for every example', () => {
    for (const text of examples) {
      const parser = createIvrParser()
      expect(observable(parser.parse(text))).toEqual(observable(parseIvr(text)))
    }
  })

  it('re-parses only changed sections and reuses unchanged ones that did not move', () => {
    const parser = createIvrParser()
    const before = parser.parse('online:\n  - ring\noffline:\n  - voicemail\nqueue:\n  - ring\n')
    const after = parser.parse('online:\n  - ring\noffline:\n  - voicemail\nqueue:\n  - play: https://a.example/b.mp3\n  - ring\n')
    expect(after.model.sections[0]).toBe(before.model.sections[0])
    expect(after.model.sections[1]).toBe(before.model.sections[1])
    expect(after.model.sections[2]).not.toBe(before.model.sections[2])
    expect(after.chunks[0]!.yaml).toBe(before.chunks[0]!.yaml)
  })

  it('falls back to a full parse for a syntax error, and reports it the same way', () => {
    const parser = createIvrParser()
    const text = 'online:\n  - ring\noffline:\n  - play: [\nqueue: [ring]\n'
    expect(observable(parser.parse(text))).toEqual(observable(parseIvr(text)))
    expect(parser.parse(text).readable).toBe(false)
  })

  it('agrees with a full parse and validation through any sequence of edits', () => {
    const seeds = fc.constantFrom(...examples)
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 12 }),
      insert: fc.oneof(
        fc.constantFrom('', '\n', '  - ring\n', 'x', ':', '- ', '#', 'menu:\n', '"', '[', '  ', '1: '),
        fc.string({ maxLength: 6 }),
      ),
    })
    fc.assert(
      fc.property(seeds, fc.array(edit, { minLength: 1, maxLength: 12 }), (seed, edits) => {
        const parser = createIvrParser()
        const cache = createValidationCache()
        let text = seed
        observable(parser.parse(text), cache)
        for (const e of edits) {
          const at = e.at % (text.length + 1)
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove)
          expect(observable(parser.parse(text), cache)).toEqual(observable(parseIvr(text)))
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    )
  })
})

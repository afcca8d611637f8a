import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateIvr } from '../../scripts/bench/generate-ivr.mjs'
import type { KnownRecordings } from '../../src/validate/rules/missing-recording.ts'
import { sectionFacts } from '../../src/validate/section-facts.ts'
import {
  createValidationCache,
  GLOBAL_RULES,
  validateIvr,
} from '../../src/validate/validate-ivr.ts'
import { createIvrParser } from '../../src/yaml/incremental.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'

const examplesDir = new URL('../fixtures/examples/', import.meta.url)
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(new URL(f, examplesDir), 'utf8'))

const RECORDINGS: KnownRecordings = {
  baseUrl: 'https://cdn.example.com',
  files: new Set(['online-prompt-0.mp3', 'menu_3-prompt-1.mp3']),
}

/** Sections with every kind of fact the global rules read: loops, callbacks, branches, plays. */
const TANGLED = dedent`
  online:
    - play: https://cdn.example.com/recordings/online-prompt-0.mp3
    - choice:
        1:
          name: Sales
          play: https://cdn.example.com/recordings/nowhere.mp3
          goto: sales
        2:
          do:
            - callback
  offline:
    - goto: late
  queue:
    - transfer:
        to: support
        if:
          offline:
            - callback
            - goto: saless
          online:
            - ring
  late:
    - fetch:
        url: https://api.example.com/next
        onError: loop_a
  loop_a:
    - goto: loop_b
  loop_b:
    - goto: loop_a
  sales:
    - callback
  orphan:
    - goto: online
`

/**
 * Small edits an admin makes that change what the global rules see: new references, renamed
 * targets and sections, callbacks, loops, plays; inserted at the start of a random line.
 */
const LINES = [
  '  - goto: online\n',
  '  - goto: sales\n',
  '  - goto: nowhere\n',
  '  - goto: loop_a\n',
  '  - callback\n',
  '  - ring\n',
  '  - play: https://cdn.example.com/recordings/online-prompt-0.mp3\n',
  '  - play: https://cdn.example.com/recordings/missing.mp3\n',
  'sales:\n  - callback\n',
  'loop_c:\n  - goto: loop_c\n',
  'offline:\n  - goto: sales\n',
  '  - transfer:\n      to: x\n      if:\n        offline:\n          - callback\n',
  '  - fetch:\n      url: https://a.example/b\n      onError: orphan\n',
  '# a comment\n',
  '\n',
]

/** What the document shows: every diagnostic, with its position and message. */
function diagnostics(
  text: string,
  cached?: {
    parse: (t: string) => ReturnType<typeof parseIvr>
    cache: ReturnType<typeof createValidationCache>
  },
) {
  const parsed = cached ? cached.parse(text) : parseIvr(text)
  return validateIvr(parsed, {
    recordings: RECORDINGS,
    ...(cached ? { cache: cached.cache } : {}),
  })
}

describe('the validation cache', () => {
  it('gives the same diagnostics as an uncached validation through any sequence of edits', () => {
    const seeds = fc.constantFrom(TANGLED, generateIvr(60), ...examples)
    const edit = fc.oneof(
      // A whole line inserted at a line start, or a line removed.
      fc.record({
        kind: fc.constant('line' as const),
        line: fc.nat(),
        insert: fc.constantFrom(...LINES),
      }),
      fc.record({ kind: fc.constant('remove' as const), line: fc.nat() }),
      // Typing anywhere: inside URLs, names and targets, or over a line break.
      fc.record({
        kind: fc.constant('type' as const),
        at: fc.nat(),
        remove: fc.nat({ max: 4 }),
        insert: fc.constantFrom('a', 'x', '_', 's', '1', ''),
      }),
    )
    fc.assert(
      fc.property(seeds, fc.array(edit, { minLength: 1, maxLength: 15 }), (seed, edits) => {
        const parser = createIvrParser()
        const cached = { parse: (t: string) => parser.parse(t), cache: createValidationCache() }
        let text = seed
        diagnostics(text, cached)
        for (const e of edits) {
          const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)]
          if (e.kind === 'line') {
            const at = starts[e.line % starts.length] ?? 0
            text = text.slice(0, at) + e.insert + text.slice(at)
          } else if (e.kind === 'remove') {
            const i = e.line % starts.length
            const at = starts[i] ?? 0
            const end = starts[i + 1] ?? text.length
            text = text.slice(0, at) + text.slice(end)
          } else {
            const at = e.at % (text.length + 1)
            text = text.slice(0, at) + e.insert + text.slice(at + e.remove)
          }
          expect(diagnostics(text, cached)).toEqual(diagnostics(text))
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    )
  })

  it('follows an edit of a section written twice whose later entry is no list', () => {
    // The model reads the first `offline` (the second is no list): its findings are the ones kept.
    const before = dedent`
      online:
        - ring
      offline:
        - transfer:
            to: sales
            if:
              online:
                - ring
      queue:
        - ring
      offline: not a list
    `
    const after = before.replace('        online:\n          - ring\n', '        online:\n')
    expect(after).not.toBe(before)
    const parser = createIvrParser()
    const cached = { parse: (t: string) => parser.parse(t), cache: createValidationCache() }
    expect(diagnostics(before, cached)).toEqual(diagnostics(before))
    const changed = diagnostics(after, cached)
    expect(changed).toEqual(diagnostics(after))
    expect(changed.map((d) => d.code)).toContain('invalid-command')
  })

  it('finds every global problem of a tangled IVR the same with and without it', () => {
    const parser = createIvrParser()
    const cache = createValidationCache()
    const first = validateIvr(parser.parse(TANGLED), { cache, recordings: RECORDINGS })
    const codes = new Set(first.map((d) => d.code))
    for (const code of [
      'unreachable-section',
      'dangling-goto',
      'callback-in-offline',
      'goto-loop',
      'missing-recording',
    ]) {
      expect(codes).toContain(code)
    }
    // Typing inside a play URL of the first section moves every problem after it.
    const at = TANGLED.indexOf('nowhere.mp3')
    const edited = `${TANGLED.slice(0, at)}x${TANGLED.slice(at)}`
    const after = validateIvr(parser.parse(edited), { cache, recordings: RECORDINGS })
    expect(after).toEqual(validateIvr(parseIvr(edited), { recordings: RECORDINGS }))
    expect(after.map((d) => d.span.start)).toEqual(
      first.map((d) => (d.span.start > at ? d.span.start + 1 : d.span.start)),
    )
  })

  it('reads the facts of a section relative to its start, wherever it stands', () => {
    const text = 'online:\n  - goto: sales\nsales:\n  - callback\n  - goto: online\n'
    const moved = `queue:\n  - ring\n${text}`
    const [, salesHere] = parseIvr(text).model.sections
    const [, , salesThere] = parseIvr(moved).model.sections
    expect(sectionFacts(salesThere!)).toEqual(sectionFacts(salesHere!))
    expect(GLOBAL_RULES.length).toBeGreaterThan(0)
  })
})

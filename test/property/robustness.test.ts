import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { isMessageId, type Locale } from '../../src/i18n/translate.ts'
import { DIAGNOSTIC_CODES } from '../../src/validate/diagnostic.ts'
import { checkIvr } from '../../src/validate/validate-ivr.ts'
import { createLineIndex, toRange } from '../../src/yaml/positions.ts'
import { toYaml, validIvr } from './ivr-arbitraries.ts'

const examplesDir = new URL('../fixtures/examples/', import.meta.url)
const examples = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => readFileSync(new URL(name, examplesDir), 'utf8'))

/** Every `{start, end}` object inside the model, nested ones included. */
function spansIn(value: unknown, found: { start: number; end: number }[] = []) {
  if (Array.isArray(value)) {
    for (const item of value) spansIn(item, found)
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record['start'] === 'number' && typeof record['end'] === 'number') {
      found.push(record as { start: number; end: number })
    }
    for (const item of Object.values(record)) spansIn(item, found)
  }
  return found
}

/**
 * What must hold for any text at all: parsing and validating return instead of throwing, and
 * every diagnostic and every model span points inside the text, with lines and columns from 1.
 */
function expectWellFormed(text: string, locale: Locale = 'en'): void {
  const { parsed, diagnostics } = checkIvr(text, { locale })
  const index = createLineIndex(text)
  const lastLine = index.lineStarts.length
  for (const d of diagnostics) {
    expect(DIAGNOSTIC_CODES).toContain(d.code)
    expect(['error', 'warning', 'info']).toContain(d.severity)
    expect(d.span.start).toBeGreaterThanOrEqual(0)
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start)
    expect(d.span.end).toBeLessThanOrEqual(text.length)
    expect(d.line).toBeGreaterThanOrEqual(1)
    expect(d.column).toBeGreaterThanOrEqual(1)
    expect(d.endLine).toBeGreaterThanOrEqual(d.line)
    expect(d.endLine).toBeLessThanOrEqual(lastLine)
    if (d.endLine === d.line) expect(d.endColumn).toBeGreaterThanOrEqual(d.column)
    expect({ line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn }).toEqual(
      toRange(index, d.span),
    )
    expect(isMessageId(d.messageId)).toBe(true)
    for (const [, name] of en[d.messageId as keyof typeof en].matchAll(/\{([a-zA-Z]+)\}/g)) {
      expect(d.args).toHaveProperty([name!])
    }
    expect(d.message).not.toBe('')
  }
  for (const span of spansIn(parsed.model)) {
    expect(span.start).toBeGreaterThanOrEqual(0)
    expect(span.end).toBeGreaterThanOrEqual(span.start)
    expect(span.end).toBeLessThanOrEqual(text.length)
  }
  if (!parsed.readable) {
    expect(parsed.model).toEqual({ sections: [], invalidSections: [] })
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true)
  }
}

/** Characters and fragments that mean something to YAML or to the IVR language. */
const yamlPiece = fc.constantFrom(
  '-',
  ':',
  '[',
  ']',
  '{',
  '}',
  ',',
  '#',
  '&a',
  '*a',
  '!',
  '!!str ',
  '|',
  '>-',
  "'",
  '"',
  '%',
  '@',
  '`',
  '?',
  '\t',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '  ',
  '- ',
  ': ',
  '---\n',
  '...\n',
  '\\',
  '{$from_number}',
  '{$nope}',
  '<<: *a',
  '\uFEFF',
  '\u0000',
  '\uFFFD',
  '\uD800',
  '📞',
  'ring',
  'goto: x',
  'play: javascript:',
  '1:',
  '"1":',
  'online:',
  'offline:\n',
  '  - callback\n',
)

const snippet = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.array(yamlPiece, { minLength: 1, maxLength: 4 }).map((p) => p.join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 5 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
)

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'delete-line' | 'duplicate-line' | 'indent-line' | 'dedent-line'; line: number }
  | { kind: 'swap-lines'; line: number; other: number }
  | { kind: 'truncate'; at: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: snippet }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 6 }),
    text: snippet,
  }),
  fc.record({
    kind: fc.constantFrom('delete-line', 'duplicate-line', 'indent-line', 'dedent-line'),
    line: fc.nat(),
  }),
  fc.record({ kind: fc.constant('swap-lines' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
)

/** Applies one mutation; positions wrap around the text so that every one lands somewhere. */
function mutate(text: string, m: Mutation): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1))
  const lines = text.split('\n')
  const line = (n: number) => n % lines.length
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length)
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at))
    case 'replace':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at) + m.length)
    case 'truncate':
      return text.slice(0, at(m.at))
    case 'delete-line':
      return lines.filter((_, i) => i !== line(m.line)).join('\n')
    case 'duplicate-line':
      return lines.flatMap((l, i) => (i === line(m.line) ? [l, l] : [l])).join('\n')
    case 'indent-line':
      return lines.map((l, i) => (i === line(m.line) ? `  ${l}` : l)).join('\n')
    case 'dedent-line':
      return lines.map((l, i) => (i === line(m.line) ? l.replace(/^ {1,2}/, '') : l)).join('\n')
    case 'swap-lines': {
      const [a, b] = [line(m.line), line(m.other)]
      const swapped = [...lines]
      swapped[a] = lines[b]!
      swapped[b] = lines[a]!
      return swapped.join('\n')
    }
  }
}

const validText = fc.oneof(
  { weight: 3, arbitrary: validIvr.map(toYaml) },
  { weight: 1, arbitrary: fc.constantFrom(...examples) },
)

const mutatedText = fc
  .tuple(validText, fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([text, mutations]) => mutations.reduce(mutate, text))

describe('parsing and validating never throw, and every range lies inside the text', () => {
  it('for mutations of valid IVRs', () => {
    fc.assert(
      fc.property(mutatedText, (text) => expectWellFormed(text)),
      { numRuns: 400 },
    )
  })

  it('for mutations of valid IVRs with CRLF line breaks', () => {
    const crlf = mutatedText.map((text) => text.replace(/\r?\n/g, '\r\n'))
    fc.assert(
      fc.property(crlf, (text) => expectWellFormed(text)),
      { numRuns: 100 },
    )
  })

  it('for strings of YAML punctuation', () => {
    const text = fc.array(yamlPiece, { maxLength: 60 }).map((pieces) => pieces.join(''))
    fc.assert(
      fc.property(text, (t) => expectWellFormed(t)),
      { numRuns: 400 },
    )
  })

  it('for arbitrary strings, in both languages', () => {
    const text = fc.string({ unit: 'binary', maxLength: 200 })
    fc.assert(
      fc.property(text, fc.constantFrom<Locale>('en', 'ja'), (t, locale) =>
        expectWellFormed(t, locale),
      ),
      { numRuns: 200 },
    )
  })

  it('for arbitrary bytes read as Latin-1 or as UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expectWellFormed(Buffer.from(bytes).toString('latin1'))
        expectWellFormed(new TextDecoder('utf-8').decode(bytes))
      }),
      { numRuns: 200 },
    )
  })
})

describe('the invariants themselves', () => {
  it('hold for every example IVR', () => {
    for (const text of examples) expectWellFormed(text)
    expect(examples.length).toBeGreaterThanOrEqual(7)
  })
})

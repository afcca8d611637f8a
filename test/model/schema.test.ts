import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { CHOICE_KEYS, COMMAND_NAMES } from '../../src/model/commands.ts'
import {
  choiceCommandSchema,
  choiceOptionSchema,
  choiceSchema,
  commandSchema,
  ivrDocumentSchema,
  ivrJsonSchema,
  transferBranchesSchema,
  transferCommandSchema,
  type RawChoice,
  type RawChoiceCommand,
  type RawChoiceOption,
  type RawCommand,
  type RawTransferBranches,
  type RawTransferCommand,
} from '../../src/model/schema.ts'
import { dedent } from '../helpers/dedent.ts'

const examplesDir = new URL('../fixtures/examples/', import.meta.url)
const schemaFile = new URL('../../schemas/ivr.schema.json', import.meta.url)

const examples = readdirSync(examplesDir).filter((name) => name.endsWith('.yaml'))

const accepts = (yaml: string) => ivrDocumentSchema.safeParse(parse(yaml)).success

/** The issues of a rejected document, as `path: code` lines. */
const issues = (yaml: string) => {
  const result = ivrDocumentSchema.safeParse(parse(yaml))
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`)
}

type JsonObject = { [key: string]: unknown }
const asObject = (value: unknown): JsonObject => {
  expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true)
  return value as JsonObject
}

describe('the zod schema of an IVR document', () => {
  it('finds the example IVRs', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7)
  })

  it.each(examples)('accepts the example %s', (name) => {
    const result = ivrDocumentSchema.safeParse(
      parse(readFileSync(new URL(name, examplesDir), 'utf8')),
    )
    expect(result.error?.issues ?? []).toEqual([])
  })

  it('accepts every command in its documented form', () => {
    const yaml = dedent`
      start:
        - play: https://example.com/welcome.mp3
        - choice:
            1:
              name: Sales
              play: https://example.com/press-1.mp3
              do:
                - transfer:
                    to: salesDepartmentID
                    if:
                      online:
                        - ring
                      offline:
                        - voicemail
                      queue:
                        - callback
            "*":
              play: https://example.com/press-star.mp3
              goto: account
            "#":
              goto: account
      account:
        - dtmf:
            url: https://example.com/ivr/account
            onError: offline
            params:
              digits: DTMF_VALUE
              caller: "{$from_number}"
              called: {$to_number}
              attempt: 1
      offline:
        - fetch:
            url: http://example.com/ivr/closed
        - goto: start
      queue: []
    `
    expect(issues(yaml)).toEqual([])
  })

  it('reads a numeric choice key and its quoted twin as the same string key', () => {
    const result = ivrDocumentSchema.parse(parse('online:\n  - choice:\n      1: {goto: a}\n'))
    const choice = (result['online']?.[0] as RawChoiceCommand).choice
    expect(Object.keys(choice)).toEqual(['1'])
    expect(accepts('online:\n  - choice:\n      "1": {goto: a}\n')).toBe(true)
  })

  it('rejects what is not a mapping of sections', () => {
    expect(accepts('- ring\n')).toBe(false)
    expect(accepts('just text\n')).toBe(false)
    expect(accepts('')).toBe(false)
    expect(issues('online: ring\n')).toEqual(['online: invalid_type'])
  })

  it('rejects clearly invalid commands', () => {
    const rejected = [
      'online:\n  - plya: https://example.com/a.mp3\n',
      'online:\n  - ring: sales\n',
      'online:\n  - play: https://example.com/a.mp3\n    goto: b\n',
      'online:\n  - play: file:///etc/passwd\n',
      'online:\n  - play: welcome.mp3\n',
      'online:\n  - goto: [a, b]\n',
      'online:\n  - 42\n',
      'online:\n  - transfer: {if: {online: [ring]}}\n',
      'online:\n  - transfer: {to: sales, if: {busy: [ring]}}\n',
      'online:\n  - fetch: {onError: offline}\n',
      'online:\n  - fetch: {url: "https://example.com", params: {a: "{$caller}"}}\n',
      'online:\n  - dtmf: {url: "https://example.com", params: {a: {$caller}}}\n',
    ]
    for (const yaml of rejected)
      expect({ yaml, accepted: accepts(yaml) }).toEqual({ yaml, accepted: false })
  })

  it('rejects choices with keys off the keypad, no options, or not exactly one action', () => {
    expect(issues('online:\n  - choice:\n      x: {goto: a}\n')).toEqual([
      'online.0.choice: unrecognized_keys',
    ])
    expect(accepts('online:\n  - choice: {}\n')).toBe(false)
    expect(accepts('online:\n  - choice:\n      10: {goto: a}\n')).toBe(false)
    expect(accepts('online:\n  - choice:\n      1: {name: Silent}\n')).toBe(false)
    expect(accepts('online:\n  - choice:\n      1: {goto: a, do: [ring]}\n')).toBe(false)
    expect(accepts('online:\n  - choice:\n      1: {goto: a, say: hello}\n')).toBe(false)
    expect(accepts('online:\n  - choice:\n      1: {do: []}\n')).toBe(false)
  })

  it('checks a section named __proto__ like any other', () => {
    const bad = parse('__proto__:\n  - plya: x\nonline: [ring]\n')
    expect(Object.keys(bad)).toContain('__proto__')
    const result = ivrDocumentSchema.safeParse(bad)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path)).toEqual([['__proto__', 0]])
    expect(accepts('__proto__:\n  - ring\nonline: [ring]\n')).toBe(true)
  })

  it('checks a fetch parameter named __proto__ like any other', () => {
    const yaml = (value: string) =>
      `online:\n  - fetch:\n      url: https://example.com\n      params:\n        __proto__: ${value}\n`
    expect(accepts(yaml('"{$nope}"'))).toBe(false)
    expect(accepts(yaml('"{$conv_code}"'))).toBe(true)
  })

  it('declares the recursive types exactly as zod infers them', () => {
    expectTypeOf<z.infer<typeof choiceOptionSchema>>().toEqualTypeOf<RawChoiceOption>()
    expectTypeOf<z.infer<typeof choiceSchema>>().toEqualTypeOf<RawChoice>()
    expectTypeOf<z.infer<typeof choiceCommandSchema>>().toEqualTypeOf<RawChoiceCommand>()
    expectTypeOf<z.infer<typeof transferBranchesSchema>>().toEqualTypeOf<RawTransferBranches>()
    expectTypeOf<z.infer<typeof transferCommandSchema>>().toEqualTypeOf<RawTransferCommand>()
    const command: RawCommand = { choice: { '1': { do: [{ transfer: { to: 7 } }] } } }
    expect(commandSchema.parse(command)).toEqual(command)
  })
})

describe('the JSON Schema', () => {
  const schema = ivrJsonSchema()
  const definitions = asObject(schema['definitions'])
  const definition = (id: string) => asObject(definitions[id])

  it('is the checked-in schemas/ivr.schema.json (run `npm run schema` when this fails)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(JSON.stringify(schema, null, 2) + '\n')
  })

  it('is draft-07 with a title and a description', () => {
    expect(Object.keys(schema).slice(0, 3)).toEqual(['$schema', 'title', 'description'])
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#')
    expect(schema['title']).toBe('IVR')
    expect(schema['description']).toEqual(expect.stringContaining('online'))
  })

  it('describes the entry sections and lets any other name hold a command list', () => {
    const properties = asObject(schema['properties'])
    expect(Object.keys(properties)).toEqual(['start', 'online', 'offline', 'queue'])
    for (const section of Object.values(properties)) {
      expect(asObject(section)['description']).toEqual(expect.stringContaining('Example'))
    }
    expect(schema['additionalProperties']).toEqual({ $ref: '#/definitions/command-list' })
  })

  it('has a stable definition with a title and a description for every command', () => {
    for (const name of COMMAND_NAMES) {
      const command = definition(name)
      expect(command['title']).toEqual(expect.stringMatching(new RegExp(`^${name}: `)))
      expect(command['description']).toEqual(expect.stringContaining('Example'))
    }
    const refs = (definition('command')['anyOf'] as JsonObject[]).map((item) => item['$ref'])
    expect(new Set(refs)).toEqual(new Set(COMMAND_NAMES.map((name) => `#/definitions/${name}`)))
  })

  it('offers exactly the keypad keys in a choice, each described', () => {
    const options = definition('choice-options')
    expect(asObject(options['propertyNames'])['enum']).toEqual([...CHOICE_KEYS])
    expect(Object.keys(asObject(options['properties']))).toEqual([...CHOICE_KEYS])
    expect(options['additionalProperties']).toBe(false)
    expect(options['minProperties']).toBe(1)
    const star = asObject(asObject(options['properties'])['*'])
    expect(star['title']).toBe('Key *')
    expect(star['description']).toEqual(expect.stringContaining('quotes'))
  })

  it('describes every key of every mapping', () => {
    const undescribed: string[] = []
    const describedRef = (value: JsonObject): boolean => {
      if (typeof value['description'] === 'string') return true
      const ref = value['$ref'] ?? (value['allOf'] as JsonObject[] | undefined)?.[0]?.['$ref']
      if (typeof ref !== 'string') return false
      return typeof definition(ref.replace('#/definitions/', ''))['description'] === 'string'
    }
    for (const [id, def] of Object.entries(definitions)) {
      const properties = asObject(def)['properties']
      if (properties === undefined) continue
      for (const [key, value] of Object.entries(asObject(properties))) {
        if (!describedRef(asObject(value))) undescribed.push(`${id}.${key}`)
      }
    }
    expect(undescribed).toEqual([])
  })

  it('gives links a format and the same pattern the validator uses', () => {
    for (const id of ['play-url', 'script-url']) {
      const url = definition(id)
      expect(url['format']).toBe('uri')
      const pattern = new RegExp(url['pattern'] as string)
      expect(pattern.test('https://example.com/a.mp3')).toBe(true)
      expect(pattern.test('HTTP://example.com')).toBe(true)
      expect(pattern.test('javascript:alert(1)')).toBe(false)
      expect(pattern.test('//example.com/a.mp3')).toBe(false)
      expect(pattern.test('https://example.com/a b.mp3')).toBe(false)
    }
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { toPlainData } from '../../src/model/to-plain-data.ts'
import { isPlayableUrl } from '../../src/validate/rules/invalid-url.ts'
import { checkIvr } from '../../src/validate/validate-ivr.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'
import { ivrArbitrary, namedRecord, playableUrl, toYaml, validIvr } from './ivr-arbitraries.ts'

/**
 * Errors a valid IVR may still have. Whether a random graph of sections contains a silent cycle,
 * or a callback that `offline` reaches, is exactly what these two rules decide; deciding it again
 * in the generator would copy the rules. Their own fixtures are in `test/validate/rules.test.ts`.
 */
const FLOW_ERRORS = new Set(['goto-loop', 'callback-in-offline'])

describe('valid IVRs printed as YAML', () => {
  it('parse back to the same data', () => {
    fc.assert(
      fc.property(validIvr, (data) => {
        const text = toYaml(data)
        const parsed = parseIvr(text)
        expect(parsed.diagnostics).toEqual([])
        const document = toPlainData(parsed.model)
        expect(document).toEqual(data)
        expect(Object.keys(document)).toEqual(Object.keys(data))
      }),
      { numRuns: 150 },
    )
  })

  it('have no errors other than the flow rules', () => {
    fc.assert(
      fc.property(validIvr, (data) => {
        const { diagnostics } = checkIvr(toYaml(data))
        const errors = diagnostics.filter((d) => d.severity === 'error' && !FLOW_ERRORS.has(d.code))
        expect(errors.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([])
      }),
      { numRuns: 150 },
    )
  })

  it('have no errors at all when nothing can call back or leave its section', () => {
    fc.assert(
      fc.property(ivrArbitrary({ flow: false }), (data) => {
        const { diagnostics } = checkIvr(toYaml(data))
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      }),
      { numRuns: 50 },
    )
  })

  it('keep their data with CRLF line breaks', () => {
    fc.assert(
      fc.property(validIvr, (data) => {
        const parsed = parseIvr(toYaml(data).replace(/\n/g, '\r\n'))
        expect(toPlainData(parsed.model)).toEqual(data)
      }),
      { numRuns: 50 },
    )
  })
})

describe('toPlainData', () => {
  it('agrees with the YAML library on valid IVRs, scalars being text', () => {
    const text = dedent`
      online:
        - play: https://example.com/a.mp3
        - transfer:
            to: "7"
            if:
              offline:
                - voicemail
      offline:
        - fetch:
            url: https://example.com/next
            params:
              from: "{$from_number}"
      queue:
        - choice:
            "1":
              name: One
              play: https://example.com/one.mp3
              goto: queue
    `
    expect(JSON.parse(JSON.stringify(toPlainData(parseIvr(text).model)))).toEqual(parse(text))
  })

  it('keeps the unread parts of an invalid IVR as null or leaves them out', () => {
    const text = dedent`
      online:
        - 42
        - plya: x
        - rign
        - play
        - choice:
            1: not an option
            2:
              play: 5
              do: nothing
        - transfer: {}
        - fetch: {}
      7: [ring]
    `
    expect(JSON.parse(JSON.stringify(toPlainData(parseIvr(text).model)))).toEqual({
      online: [
        null,
        { plya: null },
        'rign',
        { play: null },
        { choice: { 1: null, 2: { play: null, do: null } } },
        { transfer: { to: null } },
        { fetch: { url: null } },
      ],
    })
  })

  it('builds name-keyed objects without a prototype', () => {
    const document = toPlainData(parseIvr('__proto__:\n  - ring\n').model)
    expect(Object.getPrototypeOf(document)).toBeNull()
    expect(document).toEqual(namedRecord([['__proto__', ['ring']]]))
    expect(document).not.toEqual({})
  })
})

describe('the URL generator', () => {
  it('only makes URLs the validator accepts', () => {
    fc.assert(
      fc.property(playableUrl, (url) => isPlayableUrl(url)),
      { numRuns: 300 },
    )
  })
})

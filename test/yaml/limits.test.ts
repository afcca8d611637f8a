import { describe, expect, it } from 'vitest'
import {
  findExcessiveNesting,
  formatBytes,
  MAX_BYTES,
  MAX_DEPTH,
  utf8Length,
} from '../../src/yaml/limits.ts'
import { dedent } from '../helpers/dedent.ts'

/** `a:` holding `depth - 1` nested flow sequences: `depth` levels in all. */
const flowUnderKey = (depth: number) => `a: ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}\n`

/** `depth` mappings, each key one space deeper than the one before. */
const indented = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n'

/** `a:` holding `depth - 1` nested flow mappings. */
const flowMappings = (depth: number) => `a: ${'{b: '.repeat(depth - 1)}1${'}'.repeat(depth - 1)}\n`

describe('the limits', () => {
  it('are 1 MiB and 64 levels', () => {
    expect(MAX_BYTES).toBe(1024 * 1024)
    expect(MAX_DEPTH).toBe(64)
  })
})

describe('utf8Length', () => {
  it('counts the bytes of each character in UTF-8', () => {
    expect(utf8Length('')).toBe(0)
    expect(utf8Length('ring')).toBe(4)
    expect(utf8Length('é')).toBe(2)
    expect(utf8Length('日本')).toBe(6)
    expect(utf8Length('📞')).toBe(4)
  })

  it('agrees with the platform’s encoder', () => {
    const text = 'online:\n  - play: https://example.com/é/日本/📞.mp3\n'
    expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'))
  })
})

describe('formatBytes', () => {
  it('says bytes, kilobytes or megabytes', () => {
    expect(formatBytes(812)).toBe('812 B')
    expect(formatBytes(1536)).toBe('2 KB')
    expect(formatBytes(10.5 * 1024 * 1024)).toBe('10.5 MB')
  })
})

describe('findExcessiveNesting', () => {
  it('accepts an ordinary IVR', () => {
    const text = dedent`
      online:
        - choice:
            1:
              play: https://example.com/one.mp3
              do:
                - transfer:
                    to: sales
                    if:
                      offline:
                        - goto: voicemail
    `
    expect(findExcessiveNesting(text)).toBe(-1)
  })

  it('finds the bracket that opens the 65th level of flow sequences', () => {
    expect(findExcessiveNesting(flowUnderKey(64))).toBe(-1)
    const text = flowUnderKey(65)
    const at = findExcessiveNesting(text)
    expect(at).toBe(3 + 63)
    expect(text[at]).toBe('[')
  })

  it('finds the 65th level of flow mappings', () => {
    expect(findExcessiveNesting(flowMappings(64))).toBe(-1)
    const text = flowMappings(65)
    expect(findExcessiveNesting(text)).toBe(3 + 4 * 63)
  })

  it('finds the 65th level of block indentation on its line', () => {
    expect(findExcessiveNesting(indented(64))).toBe(-1)
    const text = indented(65)
    const at = findExcessiveNesting(text)
    expect(text.slice(at, at + 4)).toBe('k64:')
  })

  it('counts compact nested sequences written on one line', () => {
    expect(findExcessiveNesting(`${'- '.repeat(30)}x\n`)).toBe(-1)
    const text = `${'- '.repeat(70)}x\n`
    const at = findExcessiveNesting(text)
    expect(at).toBeGreaterThan(0)
    expect(at).toBeLessThanOrEqual(2 * 64)
  })

  it('counts block and flow levels together', () => {
    const block = indented(40).replace(/ x\n$/, ' ')
    expect(findExcessiveNesting(`${block}${'['.repeat(24)}${']'.repeat(24)}\n`)).toBe(-1)
    expect(findExcessiveNesting(`${block}${'['.repeat(25)}${']'.repeat(25)}\n`)).not.toBe(-1)
  })

  it('honours a smaller maximum', () => {
    expect(findExcessiveNesting('a: [[1]]\n', 3)).toBe(-1)
    expect(findExcessiveNesting('a: [[[1]]]\n', 3)).toBe(5)
  })

  describe('does not count brackets that are text', () => {
    const many = '['.repeat(100)

    it('in a URL', () => {
      expect(findExcessiveNesting(`online:\n  - play: http://example.com/${many}.mp3\n`)).toBe(-1)
      expect(findExcessiveNesting(`online:\n  - play: http://example.com/a?x=${many}\n`)).toBe(-1)
    })

    it('in plain text after the first character', () => {
      expect(findExcessiveNesting(`name: Menu ${many}{{{\n`)).toBe(-1)
    })

    it('in double-quoted strings, with escaped quotes', () => {
      expect(findExcessiveNesting(`name: "say \\"${many}\\" now"\nb: 1\n`)).toBe(-1)
    })

    it('in single-quoted strings, with doubled quotes', () => {
      expect(findExcessiveNesting(`name: 'it''s ${many}'\nb: 1\n`)).toBe(-1)
    })

    it('in quoted strings over several lines', () => {
      expect(findExcessiveNesting(`name: "first\n  ${many}\n  last"\nb: 1\n`)).toBe(-1)
    })

    it('in quoted strings inside flow collections', () => {
      expect(findExcessiveNesting(`a: ["${many}", '${many}']\n`)).toBe(-1)
    })

    it('in comments, whole-line or trailing', () => {
      expect(findExcessiveNesting(`# ${many}\nonline: # ${many}\n  - ring # ${many}\n`)).toBe(-1)
    })

    it('in block scalars, even with quotes in them', () => {
      const text = `name: |\n  ${many}\n  it's "${many}\n\n  ${many}\nb: >-\n  ${many}\nc: 1\n`
      expect(findExcessiveNesting(text)).toBe(-1)
    })
  })

  describe('is not fooled into missing real nesting', () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`

    it('by a quote inside a block scalar', () => {
      expect(findExcessiveNesting(`a: |\n  '\nb: ${deep}\n`)).not.toBe(-1)
      expect(findExcessiveNesting(`a: |\n  "\nb: ${deep}\n`)).not.toBe(-1)
    })

    it('by an unclosed bracket inside a block scalar', () => {
      expect(findExcessiveNesting(`a: |\n  [\nb:\n${'- '.repeat(100)}x\n`)).not.toBe(-1)
    })

    it('by a quote that never closes', () => {
      expect(findExcessiveNesting(`a: 'open\nb: ${deep}\n`)).not.toBe(-1)
    })

    it('by brackets after a comment', () => {
      expect(findExcessiveNesting(`a: 1 # "\nb: ${deep}\n`)).not.toBe(-1)
    })

    it('by a pipe that does not start a block scalar', () => {
      expect(findExcessiveNesting(`a: x | y\nb: ${deep}\n`)).not.toBe(-1)
      expect(findExcessiveNesting(`a: | trailing\nb: ${deep}\n`)).not.toBe(-1)
    })

    it('by CRLF line breaks', () => {
      expect(findExcessiveNesting(indented(70).replace(/\n/g, '\r\n'))).not.toBe(-1)
    })
  })

  it('reads a megabyte of brackets, quotes and indentation to the end', () => {
    const chunk = `a: "[[[" # {{{\n  - '${'x'.repeat(50)}'\n    b: [1, {c: 2}]\n`
    const text = chunk.repeat(Math.ceil(MAX_BYTES / chunk.length))
    expect(findExcessiveNesting(text)).toBe(-1)
  })
})

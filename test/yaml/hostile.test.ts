import { describe, expect, it, vi } from 'vitest'
import { checkIvr } from '../../src/validate/validate-ivr.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'

/** Deterministic bytes, so that a failure can be replayed. */
function pseudoRandomBytes(length: number, seed: number, low = 0, high = 255): Uint8Array {
  const bytes = new Uint8Array(length)
  let state = seed >>> 0
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    bytes[i] = low + ((state >>> 24) % (high - low + 1))
  }
  return bytes
}

/** The one diagnostic hostile input must come back as, and that nothing else was read. */
function refusal(text: string) {
  const { parsed, diagnostics } = checkIvr(text)
  expect(parsed.readable).toBe(false)
  expect(parsed.model).toEqual({ sections: [], invalidSections: [] })
  expect(diagnostics).toHaveLength(1)
  const [d] = diagnostics
  expect(d!.span.start).toBeGreaterThanOrEqual(0)
  expect(d!.span.end).toBeLessThanOrEqual(text.length)
  expect(d!.message).not.toMatch(/\{[a-z]+\}|undefined|stack/i)
  return { code: d!.code, messageId: d!.messageId, at: `${d!.line}:${d!.column}` }
}

const ALIAS_BOMB = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
  'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
  'h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]',
  'i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]',
  '',
].join('\n')

describe('binary garbage', () => {
  it.each([1, 2, 3])('random bytes read as Latin-1 are refused as not text (seed %i)', (seed) => {
    const text = Buffer.from(pseudoRandomBytes(4096, seed)).toString('latin1')
    expect(refusal(text)).toMatchObject({
      code: 'yaml-syntax',
      messageId: 'diag.yaml-syntax.binary',
    })
  })

  it.each([1, 2, 3])(
    'random bytes read as UTF-8 with replacement are refused (seed %i)',
    (seed) => {
      const text = new TextDecoder('utf-8').decode(pseudoRandomBytes(4096, seed))
      expect(refusal(text).code).toBe('yaml-syntax')
    },
  )

  it('high bytes among letters, read as UTF-8, are refused as not UTF-8 where the first one is', () => {
    const bytes = pseudoRandomBytes(2000, 7, 0x41, 0xff)
    const text = new TextDecoder('utf-8').decode(bytes)
    const { code, messageId } = refusal(text)
    expect([code, messageId]).toEqual(['yaml-syntax', 'diag.yaml-syntax.utf8'])
    const d = checkIvr(text).diagnostics[0]!
    expect(text[d.span.start]).toBe('\uFFFD')
    expect(text.slice(0, d.span.start)).not.toContain('\uFFFD')
  })

  it('NUL bytes in otherwise good YAML are refused as not text', () => {
    const text = 'online:\n  - ring\0\noffline:\n  - voicemail\nqueue:\n  - ring\n'
    expect(refusal(text)).toEqual({
      code: 'yaml-syntax',
      messageId: 'diag.yaml-syntax.binary',
      at: '1:1',
    })
  })

  it('a lone surrogate is refused as not UTF-8, where it stands', () => {
    const text = 'online:\n  - play: "https://example.com/\uD83D.mp3"\n'
    expect(refusal(text)).toEqual({
      code: 'yaml-syntax',
      messageId: 'diag.yaml-syntax.utf8',
      at: '2:32',
    })
  })
})

describe('size', () => {
  it('an empty file is an empty document', () => {
    expect(refusal('')).toEqual({
      code: 'not-a-mapping',
      messageId: 'diag.not-a-mapping.empty',
      at: '1:1',
    })
  })

  it('a 10 MB file is refused with its size, before parsing', () => {
    const text = 'online:\n' + '  - play: https://example.com/hold-music.mp3\n'.repeat(240_000)
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024)
    expect(refusal(text)).toEqual({ code: 'too-large', messageId: 'diag.too-large', at: '1:1' })
    expect(checkIvr(text).diagnostics[0]!.message).toBe(
      'The file is 10.3 MB. An IVR may be at most 1 MiB.',
    )
    expect(parseIvr(text).document).toBeNull()
  })

  it('a file over 1 MiB only in UTF-8 bytes is refused', () => {
    const text = `online:\n  - play: "https://example.com/${'日'.repeat(400_000)}.mp3"\n`
    expect(text.length).toBeLessThan(1024 * 1024)
    expect(refusal(text).code).toBe('too-large')
  })

  it('a huge single line under the limit is read', () => {
    const url = `https://example.com/${'a'.repeat(900_000)}.mp3`
    const text = `online:\n  - play: ${url}\n  - ring\noffline:\n  - voicemail\nqueue:\n  - ring\n`
    const { parsed, diagnostics } = checkIvr(text)
    expect(diagnostics).toEqual([])
    const play = parsed.model.sections[0]!.commands[0]!
    expect(play.kind === 'play' && play.url?.value).toBe(url)
  })

  it('a huge single line over the limit is refused', () => {
    expect(refusal(`online: ${'x'.repeat(2_000_000)}`).code).toBe('too-large')
  })
})

describe('aliases', () => {
  it('an alias bomb is refused without expanding it', () => {
    expect(refusal(ALIAS_BOMB)).toEqual({
      code: 'yaml-syntax',
      messageId: 'diag.yaml-syntax.aliases',
      at: '1:1',
    })
  })

  it('an alias bomb inside an IVR is refused too', () => {
    const text = `online:\n  - ring\n${ALIAS_BOMB}`
    expect(refusal(text).messageId).toBe('diag.yaml-syntax.aliases')
  })

  it('aliases next to lists used as keys raise no runtime warning', () => {
    const warn = vi.spyOn(process, 'emitWarning')
    try {
      checkIvr('a: &x 1\n? [b]\n: *x\n')
      checkIvr('online: &x\n  - {a: 1}: *x\n')
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
  })

  it('a few aliases are read as usual', () => {
    const text = 'online: &x\n  - ring\noffline: *x\nqueue: *x\n'
    expect(checkIvr(text).diagnostics).toEqual([])
  })
})

describe('nesting', () => {
  it('10,000 open brackets are refused as too deep at the 65th', () => {
    expect(refusal('['.repeat(10_000))).toEqual({
      code: 'too-deep',
      messageId: 'diag.too-deep',
      at: '1:64',
    })
  })

  it('10,000 balanced nested brackets are refused as too deep', () => {
    expect(refusal(`${'['.repeat(10_000)}${']'.repeat(10_000)}`).code).toBe('too-deep')
  })

  it('10,000 nested brackets under a section are refused as too deep', () => {
    const text = `online: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`
    expect(refusal(text)).toMatchObject({ code: 'too-deep', at: '1:72' })
  })

  it('10,000 nested flow mappings are refused as too deep', () => {
    expect(refusal(`${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`).code).toBe('too-deep')
    expect(refusal('{a: '.repeat(10_000)).code).toBe('too-deep')
  })

  it('10,000 compact sequence dashes are refused as too deep', () => {
    expect(refusal(`${'- '.repeat(10_000)}x\n`).code).toBe('too-deep')
  })

  it('deep block indentation is refused as too deep on its line', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k${i}:`)
    expect(refusal(`${lines.join('\n')} x\n`)).toMatchObject({ code: 'too-deep', at: '65:65' })
  })

  it('deep nesting hidden after a quote in a block scalar is refused as too deep', () => {
    const text = `notes: |\n  it's\nonline: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`
    expect(refusal(text).code).toBe('too-deep')
  })

  it('10,000 sibling brackets are not deep and are read', () => {
    const text = `online: [${Array.from({ length: 10_000 }, () => '[]').join(', ')}]\n`
    const { parsed, diagnostics } = checkIvr(text)
    expect(parsed.readable).toBe(true)
    expect(parsed.model.sections[0]!.commands).toHaveLength(10_000)
    expect(diagnostics.filter((d) => d.code === 'invalid-command')).toHaveLength(10_000)
  })
})

describe('large but valid shapes', () => {
  it('a loop of 10,000 sections is one goto-loop', () => {
    const n = 10_000
    const sections = Array.from({ length: n }, (_, i) => `s${i}:\n  - goto: s${(i + 1) % n}\n`)
    const text = `online:\n  - goto: s0\noffline:\n  - voicemail\nqueue:\n  - ring\n${sections.join('')}`
    const loops = checkIvr(text).diagnostics.filter((d) => d.code === 'goto-loop')
    expect(loops.map((d) => d.path)).toEqual([['s0', 0, 'goto']])
  })

  it('a chain of 10,000 sections from offline to a callback names the whole chain', () => {
    const n = 10_000
    const sections = Array.from({ length: n }, (_, i) =>
      i + 1 < n
        ? `s${i}:\n  - play: http://a.example/${i}\n  - goto: s${i + 1}\n`
        : `s${i}:\n  - callback\n`,
    )
    const text = `online:\n  - ring\noffline:\n  - goto: s0\nqueue:\n  - ring\n${sections.join('')}`
    const found = checkIvr(text).diagnostics.filter((d) => d.code === 'callback-in-offline')
    expect(found).toHaveLength(1)
    expect(String(found[0]!.args.chain).split(' → ')).toHaveLength(n + 1)
  })

  it('choices nested as deep as the limit allows are validated', () => {
    let body = '- ring'
    for (let level = 0; level < 15; level++) {
      const inner = body
        .split('\n')
        .map((l) => `        ${l}`)
        .join('\n')
      body = `- choice:\n    1:\n      play: http://a.example/${level}\n      do:\n${inner}`
    }
    const text = `online:\n${body
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n')}\noffline:\n  - voicemail\nqueue:\n  - ring\n`
    const { parsed, diagnostics } = checkIvr(text)
    expect(parsed.readable).toBe(true)
    expect(diagnostics).toEqual([])
  })
})

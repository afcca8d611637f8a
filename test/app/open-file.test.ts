import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readIvrBytes, readIvrFile, refuseBySize } from '../../src/app/panels/open-file.ts'
import { MAX_BYTES } from '../../src/yaml/limits.ts'

const EXAMPLES = new URL('../fixtures/examples/', import.meta.url)
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('reading an IVR file', () => {
  it.each(readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml')))(
    'keeps %s exactly as written, trailing spaces included',
    (name) => {
      const bytes = readFileSync(new URL(name, EXAMPLES))
      const result = readIvrBytes(name, bytes)
      expect(result).toEqual({ ok: true, name, text: bytes.toString('utf8') })
    },
  )

  it('keeps CRLF line breaks', () => {
    const text = 'online:\r\n  - ring\r\noffline:\r\n  - voicemail\r\nqueue:   \r\n  - ring\r\n'
    expect(readIvrBytes('crlf.yaml', utf8(text))).toEqual({ ok: true, name: 'crlf.yaml', text })
  })

  it('keeps a byte order mark, so that the file exports to the same bytes', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('online:\n  - ring\n')])
    const result = readIvrBytes('bom.yaml', bytes)
    expect(result).toEqual({ ok: true, name: 'bom.yaml', text: '\uFEFFonline:\n  - ring\n' })
    if (result.ok) expect(new Uint8Array(Buffer.from(result.text, 'utf8'))).toEqual(bytes)
  })

  it('keeps Japanese text', () => {
    const text = '# 営業時間のご案内\nonline:\n  - ring\n'
    expect(readIvrBytes('ja.yaml', utf8(text))).toEqual({ ok: true, name: 'ja.yaml', text })
  })

  it('refuses a file that is not UTF-8, naming it', () => {
    const latin1 = new Uint8Array([...utf8('online:\n  - play: caf'), 0xe9, 0x0a])
    expect(readIvrBytes('latin1.yaml', latin1)).toEqual({
      ok: false,
      messageId: 'open.not-utf8',
      args: { name: 'latin1.yaml' },
    })
  })

  it('refuses a binary file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    expect(readIvrBytes('logo.yaml', png)).toMatchObject({ ok: false, messageId: 'open.binary' })
    expect(readIvrBytes('nul.yaml', utf8('online:\n\0\n'))).toMatchObject({
      ok: false,
      messageId: 'open.binary',
    })
  })

  it('refuses a file over 1 MiB with its size, and takes one of exactly 1 MiB', () => {
    expect(refuseBySize('big.yaml', 3.2 * 1024 * 1024)).toEqual({
      ok: false,
      messageId: 'open.too-large',
      args: { name: 'big.yaml', size: '3.2 MB' },
    })
    expect(refuseBySize('edge.yaml', MAX_BYTES)).toBeNull()
    const justOver = new Uint8Array(MAX_BYTES + 1).fill(0x20)
    expect(readIvrBytes('over.yaml', justOver)).toMatchObject({
      ok: false,
      messageId: 'open.too-large',
    })
  })

  it('reads a File by its bytes and refuses a large one before reading it', async () => {
    const file = new File(['queue:   \r\n  - ring\r\n'], 'q.yml')
    expect(await readIvrFile(file)).toEqual({
      ok: true,
      name: 'q.yml',
      text: 'queue:   \r\n  - ring\r\n',
    })
    const large = new File([new Uint8Array(2 * 1024 * 1024)], 'large.yaml')
    expect(await readIvrFile(large)).toEqual({
      ok: false,
      messageId: 'open.too-large',
      args: { name: 'large.yaml', size: '2.0 MB' },
    })
  })
})

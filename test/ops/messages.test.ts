import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { ja } from '../../src/i18n/ja.ts'
import { isMessageId } from '../../src/i18n/translate.ts'
import { OP_TYPES, opTitle, type IvrOp, type IvrOpType } from '../../src/ops/op.ts'

const sources = [
  ...readdirSync(new URL('../../src/ops/', import.meta.url)).map(
    (f) => new URL(`../../src/ops/${f}`, import.meta.url),
  ),
  new URL('../../src/yaml/collections.ts', import.meta.url),
  new URL('../../src/yaml/fragment.ts', import.meta.url),
].filter((url) => url.pathname.endsWith('.ts'))

describe('op messages', () => {
  it('OP_TYPES lists every op type', () => {
    expectTypeOf<(typeof OP_TYPES)[number]>().toEqualTypeOf<IvrOpType>()
    expect(new Set(OP_TYPES).size).toBe(OP_TYPES.length)
  })

  it('every op has a title in English and Japanese', () => {
    for (const type of OP_TYPES) {
      const id = opTitle({ type } as IvrOp)
      expect(isMessageId(id), id).toBe(true)
      expect(Object.hasOwn(ja, id), id).toBe(true)
    }
  })

  it('every refusal an op can give has a message in English and Japanese', () => {
    const ids = new Set(
      sources.flatMap((url) =>
        [...readFileSync(url, 'utf8').matchAll(/'(op\.error\.[a-z-]+)'/g)].map((m) => m[1]!),
      ),
    )
    expect(ids.size).toBeGreaterThan(10)
    for (const id of ids) {
      expect(Object.hasOwn(en, id), id).toBe(true)
      expect(Object.hasOwn(ja, id), id).toBe(true)
    }
  })
})

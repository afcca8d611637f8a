import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rowKeys, type KeyedRows } from '../../../src/app/canvas/row-keys.ts'
import type { GraphRow } from '../../../src/graph/graph.ts'
import { buildGraph } from '../../../src/graph/build-graph.ts'
import { parseIvr } from '../../../src/yaml/parse-ivr.ts'
import { dedent } from '../../helpers/dedent.ts'

/** The rows of `section`'s card in `text`. */
function rowsOf(text: string, section = 'online'): readonly GraphRow[] {
  const graph = buildGraph(parseIvr(text).model, text)
  const node = graph.sections.find((s) => s.name === section)
  if (!node) throw new Error(`no card for ${section}`)
  return node.rows
}

function keyed(rows: readonly GraphRow[], previous: KeyedRows | null = null): KeyedRows {
  return { rows, keys: rowKeys(rows, previous) }
}

const MENU = dedent`
  online:
    - play: https://example.com/welcome.mp3
    - choice:
        1:
          name: Sales
          goto: sales
        2:
          name: Help
          do: [ring]
  offline: [voicemail]
  queue: [ring]
  sales: [ring]
`

/** The key each row of `before` has in `after`, by the row's text, or null when it has none. */
function carried(before: KeyedRows, after: KeyedRows): (number | null)[] {
  return after.keys.map((key) => {
    const index = before.keys.indexOf(key)
    return index < 0 ? null : index
  })
}

describe('row keys', () => {
  it('keeps the keys of the rows below a command added above them, and gives the new row its own', () => {
    const before = keyed(rowsOf(MENU))
    const after = keyed(rowsOf(MENU.replace('online:\n', 'online:\n  - ring\n')), before)
    expect(after.rows).toHaveLength(before.rows.length + 1)
    expect(carried(before, after)).toEqual([null, ...before.rows.map((_, i) => i)])
  })

  it('keeps the keys of the rows after a command taken out', () => {
    const before = keyed(rowsOf(MENU))
    const after = keyed(
      rowsOf(MENU.replace('  - play: https://example.com/welcome.mp3\n', '')),
      before,
    )
    expect(carried(before, after)).toEqual(before.rows.slice(1).map((_, i) => i + 1))
  })

  it('keeps the key of a row whose text changes in place, as when a name is typed', () => {
    const before = keyed(rowsOf(MENU))
    const after = keyed(rowsOf(MENU.replace('name: Sales', 'name: Salesx')), before)
    const sales = after.rows.findIndex((r) => r.detail === 'Salesx')
    expect(sales).toBeGreaterThan(0)
    expect(after.keys[sales]).toBe(before.keys[sales])
    expect(carried(before, after)).toEqual(before.rows.map((_, i) => i))
  })

  it('tells rows that look alike apart by their order', () => {
    const text = dedent`
      online: [ring, ring, ring]
      offline: [voicemail]
      queue: [ring]
    `
    const before = keyed(rowsOf(text))
    expect(new Set(before.keys).size).toBe(3)
    const after = keyed(rowsOf(text.replace('[ring, ring, ring]', '[ring, ring]')), before)
    expect(carried(before, after)).toEqual([0, 1])
  })

  it('gives the same keys for the same rows and the same rows before', () => {
    const before = keyed(rowsOf(MENU))
    const rows = rowsOf(MENU.replace('do: [ring]', 'do: [ring, voicemail]'))
    expect(rowKeys(rows, before)).toEqual(rowKeys(rows, before))
  })

  it('never gives two rows the same key, whatever came before', () => {
    const commands = ['ring', 'voicemail', 'callback', 'play: https://example.com/a.mp3', 'goto: x']
    const section = fc.array(fc.constantFrom(...commands), { maxLength: 8 })
    const text = (list: string[]) =>
      (list.length === 0 ? 'online: []\n' : `online:\n${list.map((c) => `  - ${c}\n`).join('')}`) +
      'offline: [voicemail]\nqueue: [ring]\n'
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 5 }), (versions) => {
        let previous: KeyedRows | null = null
        for (const list of versions) {
          const rows = rowsOf(text(list))
          const next: KeyedRows = keyed(rows, previous)
          expect(new Set(next.keys).size).toBe(rows.length)
          previous = next
        }
      }),
    )
  })
})

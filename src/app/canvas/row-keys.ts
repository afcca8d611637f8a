import type { GraphRow } from '../../graph/graph.ts'

/** A card's rows as last rendered, with the React key each was given. */
export interface KeyedRows {
  readonly rows: readonly GraphRow[]
  readonly keys: readonly string[]
}

/**
 * React keys for a card's rows that keep each row's element across edits:
 * - a row showing what a row showed before takes that row's key, so when a command is added or
 *   removed the rows after it keep their elements instead of each taking the next row's content;
 * - a row whose content changed in place (a name being typed, a URL fixed) takes the key of the
 *   row that stood at its path, so it is updated, not replaced;
 * - any other row gets a key of its own.
 * Rows that look alike are paired in their order. The result depends only on the arguments.
 */
export function rowKeys(rows: readonly GraphRow[], previous: KeyedRows | null): string[] {
  const keys: (string | undefined)[] = new Array(rows.length)
  const taken = new Set<string>()
  if (previous !== null) {
    const byContent = new Map<string, number[]>()
    previous.rows.forEach((row, index) => {
      const content = contentOf(row)
      const list = byContent.get(content)
      if (list) list.push(index)
      else byContent.set(content, [index])
    })
    const used = new Set<number>()
    rows.forEach((row, index) => {
      const from = byContent.get(contentOf(row))?.shift()
      if (from === undefined) return
      used.add(from)
      keys[index] = previous.keys[from]
    })
    const byPath = new Map<string, number>()
    previous.rows.forEach((row, index) => {
      if (!used.has(index)) byPath.set(row.id, index)
    })
    rows.forEach((row, index) => {
      if (keys[index] !== undefined) return
      const from = byPath.get(row.id)
      if (from === undefined) return
      byPath.delete(row.id)
      keys[index] = previous.keys[from]
    })
    for (const key of keys) if (key !== undefined) taken.add(key)
  }
  return rows.map((row, index) => {
    const kept = keys[index]
    if (kept !== undefined) return kept
    const base = contentOf(row)
    let n = 0
    while (taken.has(`${base}\u0000${n}`)) n++
    const key = `${base}\u0000${n}`
    taken.add(key)
    return key
  })
}

function contentOf(row: GraphRow): string {
  return [row.depth, row.kind, row.key, row.detail, row.target].join('\u0000')
}

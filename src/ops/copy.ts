import type { IvrPath } from '../model/path.ts'
import type { ParsedIvr } from '../yaml/parse-ivr.ts'
import { entryText, sourceCollection } from './collection-edits.ts'
import { createContext, isRefusal } from './context.ts'
import { ensureEol, shiftLines } from './lines.ts'
import { readSectionLayout } from './section-ops.ts'

/**
 * The text of sections for the clipboard, in text order: their lines with the comments that
 * belong to them, `\n` line breaks. `null` when a name is missing or the text cannot be cut.
 * Pasting it with `paste` gives the sections back under free names.
 */
export function copySections(parsed: ParsedIvr, names: readonly string[]): string | null {
  const ctx = createContext(parsed)
  const layout = readSectionLayout(ctx)
  if (isRefusal(layout)) return null
  const wanted = ctx.model.sections.filter((s) => names.includes(s.name))
  if (wanted.length !== new Set(names).size) return null
  return layout.entries
    .map((entry, i) => ({ entry, block: layout.blocks[i]! }))
    .filter(({ entry }) => wanted.some((s) => s.keySpan.start === entry.keySpan?.start))
    .map(({ block }) => {
      const lines = ensureEol(ctx.text.slice(block.start, block.end), '\n').replace(/\r\n/g, '\n')
      return shiftLines(lines, -block.column)
    })
    .join('')
}

/**
 * The text of commands for the clipboard: `- ` items at column 0 with their comments (flow
 * items as one line each), in the order of `paths`. `null` when one is missing.
 */
export function copyCommands(parsed: ParsedIvr, paths: readonly IvrPath[]): string | null {
  const ctx = createContext(parsed)
  let out = ''
  for (const path of paths) {
    const index = path[path.length - 1]
    if (typeof index !== 'number') return null
    const list = sourceCollection(ctx, path.slice(0, -1))
    if (isRefusal(list) || list.kind !== 'list') return null
    const text = entryText(ctx, list, index)
    if (isRefusal(text)) return null
    out += text.block
  }
  return out
}

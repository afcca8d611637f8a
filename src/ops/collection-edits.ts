import type { IvrPath } from '../model/path.ts'
import { collectionAt, type SourceCollection } from '../yaml/collections.ts'
import { flowTextAt } from '../yaml/fragment.ts'
import { columnAt, refuse, type OpContext, type Refusal } from './context.ts'
import {
  blockOf,
  endsWithoutEol,
  ensureEol,
  nextLineStart,
  removalRange,
  shiftLines,
  withEol,
  type Block,
} from './lines.ts'
import type { TextEdit } from './text-edit.ts'

/**
 * Entries to write into a list or mapping, in both styles: `block` as lines at column 0 with
 * `\n` line breaks (`- …` items, or `key: …` entries), `flow` as one line of flow YAML per entry.
 */
export interface EntriesText {
  readonly block: string
  readonly flow: readonly string[]
}

/** The list or mapping at `path`, or the refusal that fits. */
export function sourceCollection(ctx: OpContext, path: IvrPath): SourceCollection | Refusal {
  const found = collectionAt(ctx.parsed, path)
  if (found === 'alias') return refuse('op.error.layout')
  if (typeof found === 'string') return refuse('op.error.not-found')
  return found
}

/** The blocks of a block collection's entries, or `null` when one does not start its own line. */
export function blocksOf(ctx: OpContext, collection: SourceCollection): Block[] | null {
  const blocks: Block[] = []
  for (const entry of collection.entries) {
    const block = blockOf(ctx.text, entry.span, { dash: collection.kind === 'list' })
    if (!block) return null
    blocks.push(block)
  }
  return blocks
}

/**
 * Edits that insert `entries` before the entry at `index` (or after the last one). A block
 * collection gets lines indented like its entries; a flow collection gets flow text; an empty
 * `[]` or `{}` under a key in block context becomes a block collection.
 */
export function insertEntries(
  ctx: OpContext,
  collection: SourceCollection,
  index: number,
  entries: EntriesText,
): TextEdit[] | Refusal {
  const { text, eol } = ctx
  const count = collection.entries.length
  if (index < 0 || index > count || !Number.isInteger(index)) return refuse('op.error.not-found')
  if (collection.flow) {
    const flow = entries.flow.join(', ')
    if (count > 0 && index < count) {
      return [{ offset: collection.entries[index]!.span.start, length: 0, text: `${flow}, ` }]
    }
    if (count > 0) {
      return [{ offset: collection.entries[count - 1]!.span.end, length: 0, text: `, ${flow}` }]
    }
    if (!collection.inFlow && collection.owner) {
      return blockFromEmpty(ctx, collection, entries.block)
    }
    return [{ offset: collection.span.start + 1, length: 0, text: flow }]
  }
  const blocks = blocksOf(ctx, collection)
  if (!blocks || blocks.length === 0) return refuse('op.error.layout')
  const lines = withEol(shiftLines(entries.block, blocks[0]!.column), eol)
  if (index < count) return [{ offset: blocks[index]!.start, length: 0, text: lines }]
  return [appendLines(text, blocks[count - 1]!.end, lines, eol)]
}

/**
 * Lines inserted at `offset`, a line start; at the end of a text whose last line has no line
 * break, that line gets one first.
 */
export function appendLines(text: string, offset: number, lines: string, eol: string): TextEdit {
  if (offset === text.length && endsWithoutEol(text)) {
    return { offset, length: 0, text: eol + lines }
  }
  return { offset, length: 0, text: lines }
}

/** Turns `key: []` (or `{}`) into `key:` followed by block lines. */
function blockFromEmpty(ctx: OpContext, collection: SourceCollection, block: string): TextEdit[] {
  const { text, eol } = ctx
  const owner = collection.owner!
  const column =
    columnAt(text, owner.keySpan.start) +
    (collection.kind === 'list' ? ctx.seqIndent : ctx.layout.indent)
  const lines = withEol(shiftLines(block, column), eol)
  const removeBrackets = {
    offset: owner.colonEnd,
    length: collection.span.end - owner.colonEnd,
    text: '',
  }
  return [removeBrackets, appendLines(text, nextLineStart(text, collection.span.end), lines, eol)]
}

/**
 * Edits that remove the entry at `index` with its comments. The last entry of a block collection
 * leaves `[]` or `{}` after its key, so that no key is left without a value.
 */
export function removeEntry(
  ctx: OpContext,
  collection: SourceCollection,
  index: number,
): TextEdit[] | Refusal {
  const { text } = ctx
  const count = collection.entries.length
  const entry = collection.entries[index]
  if (!entry) return refuse('op.error.not-found')
  if (collection.flow) {
    if (count === 1) return [cut(entry.span.start, entry.span.end)]
    if (index < count - 1) return [cut(entry.span.start, collection.entries[index + 1]!.span.start)]
    return [cut(collection.entries[index - 1]!.span.end, entry.span.end)]
  }
  const blocks = blocksOf(ctx, collection)
  const block = blocks?.[index]
  if (!block) return refuse('op.error.layout')
  if (count === 1) {
    if (!collection.owner) return refuse('op.error.layout')
    const empty = collection.kind === 'list' ? ' []' : ' {}'
    return [
      { offset: collection.owner.colonEnd, length: 0, text: empty },
      cut(block.start, block.end),
    ]
  }
  const range = removalRange(text, block, { first: index === 0, last: index === count - 1 })
  return [cut(range.start, range.end)]
}

/** The entry at `index` as text to write elsewhere, with its comments when it has its own lines. */
export function entryText(
  ctx: OpContext,
  collection: SourceCollection,
  index: number,
): EntriesText | Refusal {
  const { text } = ctx
  const entry = collection.entries[index]
  if (!entry) return refuse('op.error.not-found')
  // Flow text on one line as written; anything else printed again as one line of flow.
  const valueFlow = () => {
    const span = entry.valueSpan
    if (span.start === span.end) return ''
    const source = text.slice(span.start, span.end)
    return collection.flow && !/[\r\n]/.test(source) ? source : flowTextAt(ctx.parsed, span)
  }
  const value = valueFlow()
  if (value === null) return refuse('op.error.layout')
  const keyText = entry.keySpan ? text.slice(entry.keySpan.start, entry.keySpan.end) : null
  const flow = keyText === null ? value : `${keyText}: ${value}`
  if (collection.flow) {
    return { block: collection.kind === 'list' ? `- ${flow}\n` : `${flow}\n`, flow: [flow] }
  }
  const block = blocksOf(ctx, collection)?.[index]
  if (!block) return refuse('op.error.layout')
  const lines = ensureEol(text.slice(block.start, block.end), '\n').replace(/\r\n/g, '\n')
  return { block: shiftLines(lines, -block.column), flow: [flow] }
}

/** The block lines of an entry with its key replaced, for copies under another key. */
export function rekeyBlock(
  ctx: OpContext,
  collection: SourceCollection,
  index: number,
  key: string,
): string | null {
  const { text } = ctx
  const entry = collection.entries[index]
  const block = blocksOf(ctx, collection)?.[index]
  if (!entry?.keySpan || !block) return null
  const lines =
    text.slice(block.start, entry.keySpan.start) + key + text.slice(entry.keySpan.end, block.end)
  return shiftLines(ensureEol(lines, '\n').replace(/\r\n/g, '\n'), -block.column)
}

function cut(start: number, end: number): TextEdit {
  return { offset: start, length: end - start, text: '' }
}

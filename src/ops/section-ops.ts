import type { SectionNode } from '../model/ivr.ts'
import { rootCollection, type SourceEntry } from '../yaml/collections.ts'
import { formatScalar } from '../yaml/format-scalar.ts'
import { stringifyItems } from '../yaml/fragment.ts'
import { appendLines } from './collection-edits.ts'
import {
  expectData,
  isRefusal,
  refuse,
  type OpContext,
  type Planned,
  type Refusal,
} from './context.ts'
import {
  cloneData,
  insertKey,
  removeKey,
  renameKey,
  renameReferences,
  replaceRecord,
  type Data,
} from './data.ts'
import {
  blankAfter,
  blockOf,
  ensureEol,
  removalRange,
  shiftLines,
  withEol,
  type Block,
} from './lines.ts'
import { isUsableName, styleAt, uniqueName } from './names.ts'
import type { RawCommand } from './op.ts'
import { readCommands, referencesIn } from './read-back.ts'
import { applyEdits, type TextEdit } from './text-edit.ts'

/** The top-level entries of the text with their blocks, in text order. */
export interface Sections {
  readonly entries: readonly SourceEntry[]
  readonly blocks: readonly Block[]
  /** Every top-level name, invalid sections included. */
  readonly names: ReadonlySet<string>
}

/** The top-level entries, or a refusal when they are not written one per block of lines. */
export function readSectionLayout(ctx: OpContext): Sections | Refusal {
  const root = rootCollection(ctx.parsed)
  if (root === 'alias' || (typeof root !== 'string' && root.flow)) return refuse('op.error.layout')
  const entries = typeof root === 'string' ? [] : root.entries
  const blocks: Block[] = []
  for (const entry of entries) {
    const block = blockOf(ctx.text, entry.span, { dash: false, header: true })
    if (!block) return refuse('op.error.layout')
    blocks.push(block)
  }
  const names = new Set(entries.map((e) => e.key ?? ''))
  return { entries, blocks, names }
}

function sectionNode(ctx: OpContext, name: string): SectionNode | null {
  return ctx.model.sections.find((s) => s.name === name) ?? null
}

function indexOfSection(layout: Sections, section: SectionNode): number {
  return layout.entries.findIndex((e) => e.keySpan?.start === section.keySpan.start)
}

/** The name of the first section at or after entry `position`, where inserted data goes before. */
function sectionNameFrom(ctx: OpContext, layout: Sections, position: number): string | null {
  for (let i = position; i < layout.entries.length; i++) {
    const start = layout.entries[i]!.keySpan?.start
    const section = ctx.model.sections.find((s) => s.keySpan.start === start)
    if (section) return section.name
  }
  return null
}

/** The blank lines that separate sections near `position`, as the text writes them. */
function separator(ctx: OpContext, layout: Sections, position: number): string {
  const n = layout.blocks.length
  if (n < 2) return ''
  const k = position === 0 ? 0 : position >= n ? n - 2 : position - 1
  const end = layout.blocks[k]!.end
  return ctx.text.slice(end, blankAfter(ctx.text, end))
}

/** An edit that writes `lines` (column 0, `\n` line breaks) as top-level entries at `position`. */
export function insertSectionLines(
  ctx: OpContext,
  layout: Sections,
  position: number,
  lines: string,
): TextEdit {
  const { text, eol } = ctx
  const body = withEol(ensureEol(lines, '\n'), eol)
  const sep = separator(ctx, layout, position)
  const n = layout.blocks.length
  if (position < n) return { offset: layout.blocks[position]!.start, length: 0, text: body + sep }
  if (n === 0) return appendLines(text, text.length, body, eol)
  return appendLines(text, layout.blocks[n - 1]!.end, sep + body, eol)
}

/** The section's lines with its comments, at column 0 with `\n` line breaks. */
function sectionLines(
  ctx: OpContext,
  block: Block,
  edits: readonly TextEdit[] = [],
): string | null {
  const relative = edits.map((e) => ({ ...e, offset: e.offset - block.start }))
  const applied = applyEdits(ctx.text.slice(block.start, block.end), relative)
  if (!applied.ok) return null
  return shiftLines(ensureEol(applied.text, '\n').replace(/\r\n/g, '\n'), -block.column)
}

/** `section.add`: `name:` with its commands after `after` or the last section. */
export function planSectionAdd(
  ctx: OpContext,
  name: string,
  commands: readonly RawCommand[] | undefined,
  after: string | undefined,
): Planned {
  if (ctx.model.sections.some((s) => s.name === name)) {
    return refuse('op.error.section-exists', { name })
  }
  if (!isUsableName(name)) return refuse('op.error.invalid-name')
  const layout = readSectionLayout(ctx)
  if (isRefusal(layout)) return layout
  let position = layout.entries.length
  if (after !== undefined) {
    const section = sectionNode(ctx, after)
    if (!section) return refuse('op.error.no-such-section', { name: after })
    position = indexOfSection(layout, section) + 1
  }
  const list = commands ?? (name === 'online' ? ['ring'] : name === 'offline' ? ['voicemail'] : [])
  const key = formatScalar(name, 'plain')
  const items = stringifyItems(list, ctx.layout)
  const data = readCommands(items)
  if (!data) return refuse('op.error.unexpected')
  const lines = list.length === 0 ? `${key}: []\n` : `${key}:\n${shiftLines(items, ctx.seqIndent)}`
  const intended = insertKey(ctx.data([]), name, data, sectionNameFrom(ctx, layout, position))
  return {
    edits: [insertSectionLines(ctx, layout, position, lines)],
    check: expectData(intended),
    select: [name],
  }
}

/** `section.delete`: the section's lines and the comments directly above it. */
export function planSectionDelete(ctx: OpContext, name: string): Planned {
  const section = sectionNode(ctx, name)
  const layout = readSectionLayout(ctx)
  if (isRefusal(layout)) return layout
  const index = section ? indexOfSection(layout, section) : -1
  if (index === -1) return refuse('op.error.not-found')
  const range = removalRange(ctx.text, layout.blocks[index]!, {
    first: index === 0,
    last: index === layout.blocks.length - 1,
  })
  const edit = { offset: range.start, length: range.end - range.start, text: '' }
  return { edits: [edit], check: expectData(removeKey(ctx.data([]), name)) }
}

/** `section.rename`: the name and every reference to it, each token keeping its quotes. */
export function planSectionRename(ctx: OpContext, name: string, to: string): Planned {
  const section = sectionNode(ctx, name)
  if (!section) return refuse('op.error.not-found')
  if (to === name) return { edits: [], check: expectData(ctx.data([])), select: [name] }
  const layout = readSectionLayout(ctx)
  if (isRefusal(layout)) return layout
  if (layout.names.has(to)) return refuse('op.error.section-exists', { name: to })
  if (!isUsableName(to)) return refuse('op.error.invalid-name')
  const edits: TextEdit[] = [
    {
      offset: section.keySpan.start,
      length: section.keySpan.end - section.keySpan.start,
      text: formatScalar(to, styleAt(ctx.text, section.keySpan.start)),
    },
    ...referenceEdits(
      ctx.model.sections.flatMap((s) => s.commands),
      name,
      to,
    ),
  ]
  const data = ctx.data()
  replaceRecord(data, [], (root) => renameKey(root, name, to))
  renameReferences(Object.values(data), name, to)
  return { edits, check: expectData(data), select: [to] }
}

/** Edits that point every reference to `from` in `commands` at `to`. */
export function referenceEdits(
  commands: Parameters<typeof referencesIn>[0],
  from: string,
  to: string,
): TextEdit[] {
  return referencesIn(commands)
    .filter((ref) => ref.value === from)
    .map((ref) => ({
      offset: ref.span.start,
      length: ref.span.end - ref.span.start,
      text: formatScalar(to, ref.style, ref.inFlow),
    }))
}

/** `section.duplicate`: a copy right after the section, self-references naming the copy. */
export function planSectionDuplicate(
  ctx: OpContext,
  name: string,
  to: string | undefined,
): Planned {
  const section = sectionNode(ctx, name)
  if (!section) return refuse('op.error.not-found')
  const layout = readSectionLayout(ctx)
  if (isRefusal(layout)) return layout
  const copy = to ?? uniqueName(name, layout.names, true)
  if (layout.names.has(copy)) return refuse('op.error.section-exists', { name: copy })
  if (!isUsableName(copy)) return refuse('op.error.invalid-name')
  const index = indexOfSection(layout, section)
  const block = layout.blocks[index]!
  const renames: TextEdit[] = [
    {
      offset: section.keySpan.start,
      length: section.keySpan.end - section.keySpan.start,
      text: formatScalar(copy, styleAt(ctx.text, section.keySpan.start)),
    },
    ...referenceEdits(section.commands, name, copy),
  ]
  const lines = sectionLines(ctx, block, renames)
  if (lines === null) return refuse('op.error.layout')
  const data = ctx.data([])
  const commands = cloneData((data[name] ?? []) as Data)
  renameReferences([commands], name, copy)
  const intended = insertKey(data, copy, commands, sectionNameFrom(ctx, layout, index + 1))
  return {
    edits: [insertSectionLines(ctx, layout, index + 1, lines)],
    check: expectData(intended),
    select: [copy],
  }
}

/** `section.move`: the section's lines, comments included, before `before` or at the end. */
export function planSectionMove(ctx: OpContext, name: string, before: string | null): Planned {
  const section = sectionNode(ctx, name)
  if (!section) return refuse('op.error.not-found')
  const layout = readSectionLayout(ctx)
  if (isRefusal(layout)) return layout
  const index = indexOfSection(layout, section)
  let position = layout.entries.length
  if (before !== null) {
    const target = sectionNode(ctx, before)
    if (!target) return refuse('op.error.no-such-section', { name: before })
    position = indexOfSection(layout, target)
  }
  if (position === index || position === index + 1) {
    return { edits: [], check: expectData(ctx.data([])), select: [name] }
  }
  const block = layout.blocks[index]!
  const lines = sectionLines(ctx, block)
  if (lines === null) return refuse('op.error.layout')
  const range = removalRange(ctx.text, block, {
    first: index === 0,
    last: index === layout.blocks.length - 1,
  })
  const removal = { offset: range.start, length: range.end - range.start, text: '' }
  const data = ctx.data([])
  const moved = data[name] as Data
  const intended = insertKey(removeKey(data, name), name, moved, before)
  return {
    edits: [removal, insertSectionLines(ctx, layout, position, lines)],
    check: expectData(intended),
    select: [name],
  }
}

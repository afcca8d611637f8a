import { readFragment, type Fragment } from '../yaml/fragment.ts'
import { formatScalar } from '../yaml/format-scalar.ts'
import { parseIvr } from '../yaml/parse-ivr.ts'
import { planInsertCommands } from './command-ops.ts'
import { columnAt, expectData, isRefusal, refuse, type OpContext, type Planned } from './context.ts'
import { insertKey, type Data } from './data.ts'
import { isBlank, shiftLines } from './lines.ts'
import { uniqueName, styleAt } from './names.ts'
import type { ListPath, PasteTarget } from './op.ts'
import { readCommands, readSections } from './read-back.ts'
import { insertSectionLines, readSectionLayout, referenceEdits } from './section-ops.ts'
import { applyEdits, type TextEdit } from './text-edit.ts'

/**
 * `paste`: sections go after the last section under free names, gotos between them following
 * the renames; commands go into a list at an index. Pasted text keeps its comments and quotes
 * where the target is written in block style.
 */
export function planPaste(ctx: OpContext, fragment: string, target: PasteTarget): Planned {
  const text = fragment.replace(/\r\n/g, '\n')
  const read = readFragment(text)
  if ('sections' in target) {
    if (read.kind === 'commands') return refuse('op.error.paste-needs-sections')
    if (read.kind !== 'sections') return refuse('op.error.paste-invalid')
    return pasteSections(ctx, text)
  }
  if (read.kind === 'sections') return refuse('op.error.paste-needs-commands')
  if (read.kind !== 'commands') return refuse('op.error.paste-invalid')
  return pasteCommands(ctx, text, read, target.list, target.index)
}

function pasteSections(ctx: OpContext, text: string): Planned {
  const parsed = parseIvr(text)
  const sections = parsed.model.sections
  if (!parsed.readable || sections.length === 0 || parsed.model.invalidSections.length > 0) {
    return refuse('op.error.paste-invalid')
  }
  const layout = readSectionLayout(ctx)
  if (isRefusal(layout)) return layout
  const taken = new Set(layout.names)
  const renames = new Map<string, string>()
  for (const section of sections) {
    const name = uniqueName(section.name, taken)
    taken.add(name)
    if (name !== section.name) renames.set(section.name, name)
  }
  const edits: TextEdit[] = []
  for (const section of sections) {
    const to = renames.get(section.name)
    if (to === undefined) continue
    edits.push({
      offset: section.keySpan.start,
      length: section.keySpan.end - section.keySpan.start,
      text: formatScalar(to, styleAt(text, section.keySpan.start)),
    })
    edits.push(
      ...referenceEdits(
        sections.flatMap((s) => s.commands),
        section.name,
        to,
      ),
    )
  }
  const renamed = applyEdits(text, edits)
  if (!renamed.ok) return refuse('op.error.paste-invalid')
  const column = columnAt(text, sections[0]!.keySpan.start)
  const lines = shiftLines(trimBlankLines(renamed.text), -column)
  const pasted = readSections(lines)
  if (!pasted) return refuse('op.error.paste-invalid')
  let intended = ctx.data([])
  for (const name of Object.keys(pasted)) {
    intended = insertKey(intended, name, pasted[name] as Data, null)
  }
  const first = renames.get(sections[0]!.name) ?? sections[0]!.name
  return {
    edits: [insertSectionLines(ctx, layout, layout.entries.length, lines)],
    check: expectData(intended),
    select: [first],
  }
}

function pasteCommands(
  ctx: OpContext,
  text: string,
  read: Extract<Fragment, { kind: 'commands' }>,
  list: ListPath,
  index: number,
): Planned {
  const flow = read.items.map((i) => i.flow)
  let block: string
  if (!read.block) block = flow.map((f) => `- ${f}\n`).join('')
  else if (read.single) block = asListItem(text, read.items[0]!.span.start, read.column)
  else block = shiftLines(trimBlankLines(text), -read.column)
  const data = readCommands(block)
  if (!data || data.length !== read.items.length) return refuse('op.error.paste-invalid')
  return planInsertCommands(ctx, list, index, { block, flow }, data)
}

/** One command written as `play: …` (or `ring`) turned into a `- ` item at column 0. */
function asListItem(text: string, start: number, column: number): string {
  const lines = shiftLines(trimBlankLines(text), -column).split('\n')
  const startLine = text.slice(0, start).split('\n').length - 1 - leadingBlankLines(text)
  return lines
    .map((line, i) =>
      i < startLine || line === '' ? line : i === startLine ? `- ${line}` : `  ${line}`,
    )
    .join('\n')
}

function leadingBlankLines(text: string): number {
  const lines = text.split('\n')
  let count = 0
  while (count < lines.length && isBlank(lines[count]!)) count++
  return count
}

/** The text without blank lines at its start and end, ending with one line break. */
function trimBlankLines(text: string): string {
  const lines = text.split('\n')
  let first = 0
  let last = lines.length
  while (first < last && isBlank(lines[first]!)) first++
  while (last > first && isBlank(lines[last - 1]!)) last--
  return lines.slice(first, last).join('\n') + '\n'
}

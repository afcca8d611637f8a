import type { GraphRow } from '../../../graph/graph.ts'
import { ENTRY_SECTIONS } from '../../../model/commands.ts'
import { findInModel } from '../../../model/find.ts'
import type { IvrModel } from '../../../model/ivr.ts'
import { isPathPrefix, pathKey, type IvrPath } from '../../../model/path.ts'
import { copyCommands, copySections } from '../../../ops/copy.ts'
import { uniqueName } from '../../../ops/names.ts'
import type { IvrOp, PasteTarget } from '../../../ops/op.ts'
import type { ParsedIvr } from '../../../yaml/parse-ivr.ts'
import type { CanvasItem } from './items.ts'
import { itemAt } from './items.ts'

/** The ops that delete the selected items, and what the admin must confirm first. */
export interface DeletionPlan {
  /** In reverse text order, so that no op moves an item a later op deletes. */
  readonly ops: readonly IvrOp[]
  /** Entry sections among them: the phone system runs these by itself. */
  readonly entries: readonly string[]
  /** Items that cannot be deleted on their own (the branches of a transfer). */
  readonly skipped: number
}

/** How to delete `items` (as `selectedItems` gives them): sections, rows and links. */
export function planDeletion(items: readonly CanvasItem[]): DeletionPlan {
  const ops: IvrOp[] = []
  const entries: string[] = []
  let skipped = 0
  for (const item of [...items].reverse()) {
    switch (item.kind) {
      case 'section':
        ops.push({ type: 'section.delete', name: item.name })
        if ((ENTRY_SECTIONS as readonly string[]).includes(item.name)) entries.unshift(item.name)
        break
      case 'command':
        ops.push({ type: 'command.delete', path: item.path })
        break
      case 'option':
        ops.push({ type: 'option.delete', path: item.path })
        break
      case 'link':
        ops.push({ type: 'reference.disconnect', path: item.path })
        break
      case 'branch':
        skipped++
        break
    }
  }
  return { ops, entries, skipped }
}

/** The ops that duplicate `items` and the paths of the copies, in text order. */
export interface DuplicationPlan {
  readonly ops: readonly IvrOp[]
  /** Where each copy will be once every op has run. */
  readonly copies: (selects: readonly (IvrPath | null)[]) => IvrPath[]
  /** The sections copied, for placing their copies beside them. */
  readonly sections: readonly string[]
}

/**
 * How to duplicate `items`: each section, command and option right after itself (a link counts
 * as its row; branches are left out). The ops run in reverse text order; a command copied early
 * in a list moves the copies made after it in that list down by one, which `copies` accounts for.
 */
export function planDuplication(items: readonly CanvasItem[]): DuplicationPlan {
  const targets: CanvasItem[] = []
  const seen = new Set<string>()
  for (const item of items) {
    const row = asRow(item)
    if (!row || seen.has(pathKey(row.path))) continue
    seen.add(pathKey(row.path))
    targets.push(row)
  }
  const reversed = [...targets].reverse()
  const ops: IvrOp[] = reversed.map((item) =>
    item.kind === 'section'
      ? { type: 'section.duplicate', name: item.name }
      : item.kind === 'option'
        ? { type: 'option.duplicate', path: item.path }
        : { type: 'command.duplicate', path: item.path },
  )
  const copies = (selects: readonly (IvrPath | null)[]): IvrPath[] => {
    const found: IvrPath[] = []
    reversed.forEach((item, i) => {
      if (item.kind === 'command') {
        // The copy lands at index + 1 of the command's list: copies recorded so far that lie
        // at or after it in that list move down by one.
        const list = item.path.slice(0, -1)
        const at = (item.path[item.path.length - 1] as number) + 1
        for (let k = 0; k < found.length; k++) found[k] = shiftedDown(found[k]!, list, at)
      }
      const select = selects[i]
      if (select) found.push(select)
    })
    return found.reverse()
  }
  const sections = targets.flatMap((t) => (t.kind === 'section' ? [t.name] : []))
  return { ops, copies, sections }
}

/** `path` after an item was inserted at `index` of the list at `list`. */
export function shiftedDown(path: IvrPath, list: IvrPath, index: number): IvrPath {
  if (path.length <= list.length || !isPathPrefix(list, path)) return path
  const at = path[list.length]
  if (typeof at !== 'number' || at < index) return path
  return [...path.slice(0, list.length), at + 1, ...path.slice(list.length + 1)]
}

/** The section, command or option an item acts as when copied or duplicated; links as their row. */
function asRow(item: CanvasItem): CanvasItem | null {
  if (item.kind === 'branch') return null
  if (item.kind !== 'link') return item
  if (item.ownerKind === 'option') return { kind: 'option', path: item.owner, span: item.span }
  return { kind: 'command', path: item.owner, span: item.span }
}

/** What a copy puts on the clipboard, or why there is nothing to copy. */
export type CopyPlan =
  | {
      readonly ok: true
      readonly text: string
      readonly kind: 'sections' | 'commands'
      readonly count: number
      /** The items copied, for a cut to delete. */
      readonly items: readonly CanvasItem[]
    }
  | { readonly ok: false; readonly reason: 'nothing' | 'options' | 'layout' }

/**
 * The clipboard text of the selected items: the sections when any section is selected, else the
 * commands (a link counts as its goto, fetch or dtmf command). Menu options and branches are
 * parts of a command and are not copied on their own.
 */
export function planCopy(parsed: ParsedIvr, items: readonly CanvasItem[]): CopyPlan {
  const sections = items.filter((i) => i.kind === 'section')
  if (sections.length > 0) {
    const names = sections.map((s) => (s.kind === 'section' ? s.name : ''))
    const text = copySections(parsed, names)
    if (text === null) return { ok: false, reason: 'layout' }
    return { ok: true, text, kind: 'sections', count: names.length, items: sections }
  }
  const commands: CanvasItem[] = []
  const seen = new Set<string>()
  for (const item of items) {
    const row = asRow(item)
    if (row?.kind !== 'command' || seen.has(pathKey(row.path))) continue
    seen.add(pathKey(row.path))
    commands.push(row)
  }
  if (commands.length === 0) {
    const options = items.some(
      (i) => i.kind === 'option' || (i.kind === 'link' && i.ownerKind === 'option'),
    )
    return { ok: false, reason: options ? 'options' : 'nothing' }
  }
  const text = copyCommands(
    parsed,
    commands.map((c) => c.path),
  )
  if (text === null) return { ok: false, reason: 'layout' }
  return { ok: true, text, kind: 'commands', count: commands.length, items: commands }
}

/**
 * Where pasted commands go for the selected `path`: after a selected command (a menu option or
 * link counts as its command), or at the end of a selected section or transfer branch. `null`
 * when nothing that can take commands is selected.
 */
export function commandPasteTarget(model: IvrModel, path: IvrPath | null): PasteTarget | null {
  if (!path) return null
  const item = itemAt(model, path)
  if (!item) return null
  let at: IvrPath
  switch (item.kind) {
    case 'section': {
      const found = findInModel(model, item.path)
      return found?.kind === 'section'
        ? { list: item.path, index: found.node.commands.length }
        : null
    }
    case 'branch': {
      const found = findInModel(model, item.path)
      return found?.kind === 'branch'
        ? { list: item.path, index: found.node.commands.length }
        : null
    }
    case 'command':
      at = item.path
      break
    case 'option':
      at = item.path.slice(0, -2)
      break
    case 'link':
      at = item.ownerKind === 'option' ? item.owner.slice(0, -2) : item.owner
      break
  }
  const index = at[at.length - 1]
  if (typeof index !== 'number') return null
  return { list: at.slice(0, -1), index: index + 1 }
}

/** Top-level names of the text, valid sections or not: a new section must take none of them. */
export function takenNames(model: IvrModel): Set<string> {
  return new Set([
    ...model.sections.map((s) => s.name),
    ...model.invalidSections.map((s) => s.name),
  ])
}

/**
 * The name of a section made by dragging a row's connection into empty space: the option's
 * name as a word (`Leave a message` → `leave_a_message`), else one after where it comes from
 * (`queue_key_2`, `menu_next`, `lookup_error`); never an entry section's name, which the phone
 * system would run by itself, nor one already taken.
 */
export function newSectionName(
  model: IvrModel,
  row: Pick<GraphRow, 'kind' | 'key' | 'detail'>,
  from: string,
): string {
  const fromName = asName(from) || 'section'
  let base: string
  if (row.kind === 'option') {
    const key = row.key === '*' ? 'star' : row.key === '#' ? 'hash' : (row.key ?? '')
    base = asName(row.detail ?? '') || `${fromName}_key_${key}`
  } else if (row.kind === 'goto') {
    base = `${fromName}_next`
  } else {
    base = `${fromName}_error`
  }
  return uniqueName(base, new Set([...takenNames(model), ...ENTRY_SECTIONS]))
}

/** Text as a section name: lower case, words joined by `_`, at most 40 characters. */
export function asName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '')
}

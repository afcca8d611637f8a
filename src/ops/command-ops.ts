import { isPathPrefix, type IvrPath } from '../model/path.ts'
import type { SourceCollection } from '../yaml/collections.ts'
import { stringifyFlow, stringifyItems } from '../yaml/fragment.ts'
import {
  entryText,
  insertEntries,
  removeEntry,
  sourceCollection,
  type EntriesText,
} from './collection-edits.ts'
import {
  expectData,
  isRefusal,
  refuse,
  type OpContext,
  type Planned,
  type Refusal,
} from './context.ts'
import { cloneData, dataAt, listAt, type Data } from './data.ts'
import type { ListPath, RawCommand } from './op.ts'
import { commandListAt, readCommands } from './read-back.ts'

/** The list at `path` as written, when the model has a command list there. */
function commandList(ctx: OpContext, path: ListPath): SourceCollection | Refusal {
  if (!commandListAt(ctx.model, path)) return refuse('op.error.not-found')
  const found = sourceCollection(ctx, path)
  if (isRefusal(found)) return found
  return found.kind === 'list' ? found : refuse('op.error.not-found')
}

/** The list and index of the command at `path`. */
function commandAt(
  ctx: OpContext,
  path: IvrPath,
): { list: SourceCollection; listPath: ListPath; index: number } | Refusal {
  const index = path[path.length - 1]
  const listPath = path.slice(0, -1)
  if (typeof index !== 'number' || listPath.length === 0) return refuse('op.error.not-found')
  const list = commandList(ctx, listPath)
  if (isRefusal(list)) return list
  return index >= 0 && index < list.entries.length
    ? { list, listPath, index }
    : refuse('op.error.not-found')
}

/** Inserts entries into the list at `listPath` and states the data they add. */
export function planInsertCommands(
  ctx: OpContext,
  listPath: ListPath,
  index: number,
  entries: EntriesText,
  commands: readonly Data[],
): Planned {
  const list = commandList(ctx, listPath)
  if (isRefusal(list)) return list
  if (!Number.isInteger(index) || index < 0 || index > list.entries.length) {
    return refuse('op.error.not-found')
  }
  const edits = insertEntries(ctx, list, index, entries)
  if (isRefusal(edits)) return edits
  const data = ctx.data([listPath])
  listAt(data, listPath)?.splice(index, 0, ...commands.map((c) => cloneData(c)))
  return { edits, check: expectData(data), select: [...listPath, index] }
}

/** `command.add`: the command written as the list is (block lines or flow), at `index`. */
export function planCommandAdd(
  ctx: OpContext,
  listPath: ListPath,
  index: number,
  command: RawCommand,
): Planned {
  const block = stringifyItems([command], ctx.layout)
  const data = readCommands(block)
  if (!data || data.length !== 1) return refuse('op.error.unexpected')
  return planInsertCommands(ctx, listPath, index, { block, flow: [stringifyFlow(command)] }, data)
}

/** `command.delete`: the command's lines with its comments; a list left empty reads `[]`. */
export function planCommandDelete(ctx: OpContext, path: IvrPath): Planned {
  const at = commandAt(ctx, path)
  if (isRefusal(at)) return at
  const edits = removeEntry(ctx, at.list, at.index)
  if (isRefusal(edits)) return edits
  const data = ctx.data([at.listPath])
  listAt(data, at.listPath)?.splice(at.index, 1)
  return { edits, check: expectData(data) }
}

/** `command.duplicate`: a copy of the command's lines, comments included, right after it. */
export function planCommandDuplicate(ctx: OpContext, path: IvrPath): Planned {
  const at = commandAt(ctx, path)
  if (isRefusal(at)) return at
  const text = entryText(ctx, at.list, at.index)
  if (isRefusal(text)) return text
  const command = dataAt(ctx.data([]), path)
  if (command === undefined) return refuse('op.error.not-found')
  return planInsertCommands(ctx, at.listPath, at.index + 1, text, [command])
}

/**
 * `command.move`: delete plus insert of the command's own text in one set of edits. `index`
 * counts in the target list as it is before the move.
 */
export function planCommandMove(
  ctx: OpContext,
  path: IvrPath,
  target: ListPath,
  index: number,
): Planned {
  const at = commandAt(ctx, path)
  if (isRefusal(at)) return at
  if (isPathPrefix(path, target)) return refuse('op.error.into-itself')
  const to = commandList(ctx, target)
  if (isRefusal(to)) return to
  if (!Number.isInteger(index) || index < 0 || index > to.entries.length) {
    return refuse('op.error.not-found')
  }
  const sameList = samePath(at.listPath, target)
  const moved = sameList && index > at.index ? index - 1 : index
  const select = [...pathAfterRemoval(target, path), moved]
  if (sameList && (index === at.index || index === at.index + 1)) {
    return { edits: [], check: expectData(ctx.data([])), select: path }
  }
  const text = entryText(ctx, at.list, at.index)
  if (isRefusal(text)) return text
  const removal = removeEntry(ctx, at.list, at.index)
  if (isRefusal(removal)) return removal
  const insertion = insertEntries(ctx, to, index, text)
  if (isRefusal(insertion)) return insertion

  const data = ctx.data([at.listPath, target])
  const source = listAt(data, at.listPath)
  const destination = listAt(data, target)
  if (!source || !destination) return refuse('op.error.not-found')
  const [command] = source.splice(at.index, 1)
  destination.splice(moved, 0, command as Data)
  return { edits: [...removal, ...insertion], check: expectData(data), select }
}

function samePath(a: IvrPath, b: IvrPath): boolean {
  return a.length === b.length && isPathPrefix(a, b)
}

/** Where `path` points once the list item at `removed` is gone. */
export function pathAfterRemoval(path: IvrPath, removed: IvrPath): IvrPath {
  const parent = removed.slice(0, -1)
  const index = removed[removed.length - 1] as number
  if (path.length <= parent.length || !isPathPrefix(parent, path)) return path
  const at = path[parent.length]
  if (typeof at !== 'number' || at <= index) return path
  return [...parent, at - 1, ...path.slice(parent.length + 1)]
}

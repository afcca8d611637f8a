import { findInModel } from '../model/find.ts'
import { isChoiceKey } from '../model/commands.ts'
import type { ChoiceNode } from '../model/ivr.ts'
import type { IvrPath } from '../model/path.ts'
import type { SourceCollection } from '../yaml/collections.ts'
import { stringifyEntry, stringifyFlowEntry } from '../yaml/fragment.ts'
import {
  entryText,
  insertEntries,
  rekeyBlock,
  removeEntry,
  sourceCollection,
} from './collection-edits.ts'
import {
  expectData,
  isRefusal,
  refuse,
  type OpContext,
  type Planned,
  type Refusal,
} from './context.ts'
import { cloneData, insertKey, removeKey, renameKey, replaceRecord, type Data } from './data.ts'
import { formatKey, freeKey, styleAt } from './names.ts'
import type { RawOption } from './op.ts'
import { readOption } from './read-back.ts'

interface ChoiceAt {
  readonly command: ChoiceNode
  /** The path of the options mapping: `[...commandPath, 'choice']`. */
  readonly path: IvrPath
  readonly options: SourceCollection
}

/** The choice command at `commandPath` and its options as written. */
function choiceAt(ctx: OpContext, commandPath: IvrPath): ChoiceAt | Refusal {
  const found = findInModel(ctx.model, commandPath)
  if (found?.kind !== 'command' || found.node.kind !== 'choice') return refuse('op.error.not-found')
  const path = [...commandPath, 'choice']
  const options = sourceCollection(ctx, path)
  if (isRefusal(options)) return options
  if (options.kind !== 'map') return refuse('op.error.not-found')
  return { command: found.node, path, options }
}

/** The choice that holds the option at `path` (`[...commandPath, 'choice', key]`), and its index. */
function optionAt(
  ctx: OpContext,
  path: IvrPath,
): (ChoiceAt & { key: string; index: number }) | Refusal {
  if (path.length < 3 || path[path.length - 2] !== 'choice') return refuse('op.error.not-found')
  const choice = choiceAt(ctx, path.slice(0, -2))
  if (isRefusal(choice)) return choice
  const key = String(path[path.length - 1])
  const index = choice.options.entries.findLastIndex((e) => e.key === key)
  return index === -1 ? refuse('op.error.not-found') : { ...choice, key, index }
}

/** How new keys in this choice are written: like its first key, digits plain otherwise. */
function keyStyle(ctx: OpContext, options: SourceCollection) {
  const first = options.entries[0]?.keySpan
  return first ? styleAt(ctx.text, first.start) : 'plain'
}

function takenKeys(options: SourceCollection): Set<string> {
  return new Set(options.entries.map((e) => e.key ?? ''))
}

/** `option.add`: a new option after the last one, under `key` or the first free key. */
export function planOptionAdd(
  ctx: OpContext,
  commandPath: IvrPath,
  key: string | undefined,
  option: RawOption,
): Planned {
  const choice = choiceAt(ctx, commandPath)
  if (isRefusal(choice)) return choice
  const taken = takenKeys(choice.options)
  const chosen = key ?? freeKey(taken)
  if (chosen === null) return refuse('op.error.no-free-key')
  if (!isChoiceKey(chosen)) return refuse('op.error.invalid-key', { key: chosen })
  if (taken.has(chosen)) return refuse('op.error.key-taken', { key: chosen })
  const style = keyStyle(ctx, choice.options)
  const keyText = {
    text: chosen,
    style: style === 'plain' && !/^[0-9]$/.test(chosen) ? ('double' as const) : style,
  }
  const block = stringifyEntry(keyText, option, ctx.layout)
  const value = readOption(block, chosen)
  if (value === null) return refuse('op.error.unexpected')
  const edits = insertEntries(ctx, choice.options, choice.options.entries.length, {
    block,
    flow: [stringifyFlowEntry(keyText, option)],
  })
  if (isRefusal(edits)) return edits
  const data = ctx.data([choice.path])
  replaceRecord(data, choice.path, (options) => insertKey(options, chosen, value, null))
  return { edits, check: expectData(data), select: [...choice.path, chosen] }
}

/** `option.delete`: the option's lines with its comments; a choice left empty reads `{}`. */
export function planOptionDelete(ctx: OpContext, path: IvrPath): Planned {
  const at = optionAt(ctx, path)
  if (isRefusal(at)) return at
  const edits = removeEntry(ctx, at.options, at.index)
  if (isRefusal(edits)) return edits
  const data = ctx.data([at.path])
  replaceRecord(data, at.path, (options) => removeKey(options, at.key))
  return { edits, check: expectData(data) }
}

/** `option.move`: the option's text before option `before` of the same choice, or last. */
export function planOptionMove(ctx: OpContext, path: IvrPath, before: string | null): Planned {
  const at = optionAt(ctx, path)
  if (isRefusal(at)) return at
  const count = at.options.entries.length
  const position =
    before === null ? count : at.options.entries.findLastIndex((e) => e.key === before)
  if (position === -1) return refuse('op.error.not-found')
  if (position === at.index || position === at.index + 1) {
    return { edits: [], check: expectData(ctx.data([])), select: path }
  }
  const text = entryText(ctx, at.options, at.index)
  if (isRefusal(text)) return text
  const removal = removeEntry(ctx, at.options, at.index)
  if (isRefusal(removal)) return removal
  const insertion = insertEntries(ctx, at.options, position, text)
  if (isRefusal(insertion)) return insertion
  const data = ctx.data([at.path])
  replaceRecord(data, at.path, (options) => {
    const value = options[at.key] as Data
    return insertKey(removeKey(options, at.key), at.key, value, before)
  })
  return {
    edits: [...removal, ...insertion],
    check: expectData(data),
    select: [...at.path, at.key],
  }
}

/** `option.duplicate`: a copy right after the option, under the next free key. */
export function planOptionDuplicate(ctx: OpContext, path: IvrPath): Planned {
  const at = optionAt(ctx, path)
  if (isRefusal(at)) return at
  const key = freeKey(takenKeys(at.options), at.key)
  if (key === null) return refuse('op.error.no-free-key')
  const entry = at.options.entries[at.index]!
  const keyText = formatKey(key, styleAt(ctx.text, entry.keySpan!.start))
  const text = entryText(ctx, at.options, at.index)
  if (isRefusal(text)) return text
  const flowValue = text.flow[0]!.slice(
    ctx.text.slice(entry.keySpan!.start, entry.keySpan!.end).length,
  )
  const block = at.options.flow
    ? `${keyText}${flowValue}\n`
    : rekeyBlock(ctx, at.options, at.index, keyText)
  if (block === null) return refuse('op.error.layout')
  const edits = insertEntries(ctx, at.options, at.index + 1, {
    block,
    flow: [`${keyText}${flowValue}`],
  })
  if (isRefusal(edits)) return edits
  const data = ctx.data([at.path])
  const next = at.options.entries[at.index + 1]?.key ?? null
  replaceRecord(data, at.path, (options) =>
    insertKey(options, key, cloneData(options[at.key] as Data), next),
  )
  return { edits, check: expectData(data), select: [...at.path, key] }
}

/** `option.setKey`: the key token replaced, keeping its quotes. */
export function planOptionSetKey(ctx: OpContext, path: IvrPath, key: string): Planned {
  const at = optionAt(ctx, path)
  if (isRefusal(at)) return at
  if (!isChoiceKey(key)) return refuse('op.error.invalid-key', { key })
  if (key === at.key) return { edits: [], check: expectData(ctx.data([])), select: path }
  if (takenKeys(at.options).has(key)) return refuse('op.error.key-taken', { key })
  const span = at.options.entries[at.index]!.keySpan!
  const edit = {
    offset: span.start,
    length: span.end - span.start,
    text: formatKey(key, styleAt(ctx.text, span.start)),
  }
  const data = ctx.data([at.path])
  replaceRecord(data, at.path, (options) => renameKey(options, at.key, key))
  return { edits: [edit], check: expectData(data), select: [...at.path, key] }
}

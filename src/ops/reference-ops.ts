import { findInModel } from '../model/find.ts'
import type { ChoiceOptionNode, FetchNode, GotoNode, TextValue } from '../model/ivr.ts'
import type { IvrPath } from '../model/path.ts'
import type { SourceCollection } from '../yaml/collections.ts'
import { formatScalar } from '../yaml/format-scalar.ts'
import { blocksOf, insertEntries, removeEntry, sourceCollection } from './collection-edits.ts'
import { planCommandDelete } from './command-ops.ts'
import {
  columnAt,
  expectData,
  isRefusal,
  refuse,
  type OpContext,
  type Planned,
  type Refusal,
} from './context.ts'
import { isRecord, record, replaceRecord, type Data, type DataRecord } from './data.ts'
import { withEol } from './lines.ts'
import type { TextEdit } from './text-edit.ts'

/** What a reference path names: a goto command, a choice option, or a fetch/dtmf command. */
type Referrer =
  | { readonly kind: 'goto'; readonly path: IvrPath; readonly node: GotoNode }
  | { readonly kind: 'option'; readonly path: IvrPath; readonly node: ChoiceOptionNode }
  | { readonly kind: 'fetch'; readonly path: IvrPath; readonly node: FetchNode }

/**
 * The thing at `path`: a goto command, an option or a fetch/dtmf command, or the path of its
 * `goto` or `onError` value (`[…, 'goto']`, `[…, 'fetch', 'onError']`).
 */
function referrerAt(ctx: OpContext, path: IvrPath): Referrer | null {
  const last = path[path.length - 1]
  const beforeLast = path[path.length - 2]
  const owner =
    last === 'onError'
      ? path.slice(0, beforeLast === 'fetch' || beforeLast === 'dtmf' ? -2 : -1)
      : last === 'goto'
        ? path.slice(0, -1)
        : path
  const found = findInModel(ctx.model, owner)
  if (found?.kind === 'option' && last !== 'onError') {
    return { kind: 'option', path: owner, node: found.node }
  }
  if (found?.kind !== 'command') return null
  const node = found.node
  if (node.kind === 'goto' && last !== 'onError') return { kind: 'goto', path: owner, node }
  if ((node.kind === 'fetch' || node.kind === 'dtmf') && last !== 'goto') {
    return { kind: 'fetch', path: owner, node }
  }
  return null
}

/** The value's token replaced by `target`, in the value's quote style. */
function replaceValue(value: TextValue, target: string): TextEdit {
  return {
    offset: value.span.start,
    length: value.span.end - value.span.start,
    text: formatScalar(target, value.style, value.inFlow),
  }
}

/** The mapping at `path` as written (an option or a fetch's value). */
function mappingAt(ctx: OpContext, path: IvrPath): SourceCollection | Refusal {
  const found = sourceCollection(ctx, path)
  if (isRefusal(found)) {
    return found.error === 'op.error.not-found' ? refuse('op.error.layout') : found
  }
  return found.kind === 'map' ? found : refuse('op.error.layout')
}

/** `reference.connect`: point a goto, an option or an onError at section `target`. */
export function planConnect(ctx: OpContext, path: IvrPath, target: string): Planned {
  if (!ctx.model.sections.some((s) => s.name === target)) {
    return refuse('op.error.no-such-section', { name: target })
  }
  const referrer = referrerAt(ctx, path)
  if (!referrer) return refuse('op.error.not-a-reference')
  const data = ctx.data([referrer.path])
  switch (referrer.kind) {
    case 'goto': {
      const edits = connectGoto(referrer.node, target)
      replaceRecord(data, referrer.path, () => record([['goto', target]]))
      return { edits, check: expectData(data), select: referrer.path }
    }
    case 'option': {
      const edits = connectOption(ctx, referrer.path, referrer.node, target)
      if (isRefusal(edits)) return edits
      replaceRecord(data, referrer.path, (option) =>
        optionData(option, { goto: target, do: undefined }),
      )
      return { edits, check: expectData(data), select: referrer.path }
    }
    case 'fetch': {
      const kind = referrer.node.kind
      const edits = connectFetch(ctx, [...referrer.path, kind], referrer.node, target)
      if (isRefusal(edits)) return edits
      replaceRecord(data, [...referrer.path, kind], (value) => fetchData(value, target))
      return { edits, check: expectData(data), select: referrer.path }
    }
  }
}

/** A goto command's target set, or written where it was left out. */
function connectGoto(node: GotoNode, target: string): TextEdit[] {
  if (node.target) return [replaceValue(node.target, target)]
  const formatted = formatScalar(target, 'plain', true)
  if (node.valueSpan === null) {
    // The bare word `- goto`.
    return [
      {
        offset: node.span.start,
        length: node.span.end - node.span.start,
        text: `goto: ${formatted}`,
      },
    ]
  }
  const { start, end } = node.valueSpan
  if (start === end) return [{ offset: start, length: 0, text: ` ${formatted}` }]
  return [{ offset: start, length: end - start, text: formatted }]
}

/** An option's goto set; its `do` removed (or replaced by the goto line when it has none). */
function connectOption(
  ctx: OpContext,
  path: IvrPath,
  node: ChoiceOptionNode,
  target: string,
): TextEdit[] | Refusal {
  const option = mappingAt(ctx, path)
  if (isRefusal(option)) return option
  const flow = option.flow || option.inFlow
  const gotoIndex = option.entries.findLastIndex((e) => e.key === 'goto')
  const doIndex = option.entries.findLastIndex((e) => e.key === 'do')
  const line = `goto: ${formatScalar(target, 'plain', flow)}`
  if (gotoIndex !== -1) {
    const value = option.entries[gotoIndex]!.valueSpan
    const set = node.goto
      ? replaceValue(node.goto, target)
      : value.start === value.end
        ? { offset: value.start, length: 0, text: ` ${formatScalar(target, 'plain', flow)}` }
        : {
            offset: value.start,
            length: value.end - value.start,
            text: formatScalar(target, 'plain', flow),
          }
    if (doIndex === -1) return [set]
    const removal = removeEntry(ctx, option, doIndex)
    return isRefusal(removal) ? removal : [set, ...removal]
  }
  if (doIndex !== -1) {
    const entry = option.entries[doIndex]!
    if (option.flow) {
      return [{ offset: entry.span.start, length: entry.span.end - entry.span.start, text: line }]
    }
    const block = blocksOf(ctx, option)?.[doIndex]
    if (!block) return refuse('op.error.layout')
    const indent = ' '.repeat(columnAt(ctx.text, entry.span.start))
    const text = withEol(`${indent}${line}\n`, ctx.eol)
    return [{ offset: block.contentStart, length: block.end - block.contentStart, text }]
  }
  return insertEntries(ctx, option, option.entries.length, { block: `${line}\n`, flow: [line] })
}

/** A fetch's or dtmf's onError set, or added after its url. */
function connectFetch(
  ctx: OpContext,
  path: IvrPath,
  node: FetchNode,
  target: string,
): TextEdit[] | Refusal {
  if (node.onError) return [replaceValue(node.onError, target)]
  const value = mappingAt(ctx, path)
  if (isRefusal(value)) return value
  const flow = value.flow || value.inFlow
  const existing = value.entries.findLastIndex((e) => e.key === 'onError')
  const formatted = formatScalar(target, 'plain', flow)
  if (existing !== -1) {
    const span = value.entries[existing]!.valueSpan
    return span.start === span.end
      ? [{ offset: span.start, length: 0, text: ` ${formatted}` }]
      : [{ offset: span.start, length: span.end - span.start, text: formatted }]
  }
  const url = value.entries.findLastIndex((e) => e.key === 'url')
  const line = `onError: ${formatted}`
  return insertEntries(ctx, value, url === -1 ? value.entries.length : url + 1, {
    block: `${line}\n`,
    flow: [line],
  })
}

/**
 * `reference.disconnect`: a goto command goes as a whole; an option loses its `goto` (a mapping
 * left empty reads `{}`); a fetch or dtmf loses its `onError`.
 */
export function planDisconnect(ctx: OpContext, path: IvrPath): Planned {
  const referrer = referrerAt(ctx, path)
  if (!referrer) return refuse('op.error.not-a-reference')
  if (referrer.kind === 'goto') return planCommandDelete(ctx, referrer.path)
  const mappingPath =
    referrer.kind === 'option' ? referrer.path : [...referrer.path, referrer.node.kind]
  const key = referrer.kind === 'option' ? 'goto' : 'onError'
  const mapping = mappingAt(ctx, mappingPath)
  if (isRefusal(mapping)) return mapping
  const index = mapping.entries.findLastIndex((e) => e.key === key)
  if (index === -1) return refuse('op.error.no-link')
  const edits = removeEntry(ctx, mapping, index)
  if (isRefusal(edits)) return edits
  const data = ctx.data([mappingPath])
  replaceRecord(data, mappingPath, (value) =>
    referrer.kind === 'option'
      ? optionData(value, { goto: undefined })
      : fetchData(value, undefined),
  )
  return { edits, check: expectData(data), select: referrer.path }
}

/**
 * An option's data with some fields changed, in the order `toPlainData` writes them: name, play,
 * do, goto. A field set to `undefined` is removed.
 */
function optionData(
  option: DataRecord,
  change: { goto?: string | undefined; do?: undefined },
): DataRecord {
  const pick = (key: 'name' | 'play' | 'do' | 'goto'): Data | undefined =>
    Object.hasOwn(change, key) ? change[key as 'goto' | 'do'] : option[key]
  return record(
    (['name', 'play', 'do', 'goto'] as const)
      .map((key) => [key, pick(key)] as const)
      .filter((entry): entry is readonly [(typeof entry)[0], Data] => entry[1] !== undefined),
  )
}

/** A fetch's data with `onError` set or removed, in `toPlainData`'s order: url, onError, params. */
function fetchData(value: DataRecord, onError: string | undefined): DataRecord {
  const entries: [string, Data][] = [['url', value['url'] ?? null]]
  if (onError !== undefined) entries.push(['onError', onError])
  if (isRecord(value['params'])) entries.push(['params', value['params']])
  return record(entries)
}

import { findInModel } from '../model/find.ts'
import type { IvrPath } from '../model/path.ts'
import type { SourceCollection } from '../yaml/collections.ts'
import { formatScalar } from '../yaml/format-scalar.ts'
import { insertEntries, removeEntry, sourceCollection } from './collection-edits.ts'
import { expectData, isRefusal, refuse, type OpContext, type Planned } from './context.ts'
import {
  dataAt,
  entriesOf,
  insertKey,
  isRecord,
  record,
  removeKey,
  renameKey,
  replaceRecord,
  type DataRecord,
} from './data.ts'
import { isUsableName, styleAt } from './names.ts'
import type { TextEdit } from './text-edit.ts'

/**
 * The text fields an inspector sets, by the key that ends their path, in the order the mapping
 * that holds them lists its keys (new keys go in that order among the ones written).
 */
const FIELD_ORDER: readonly {
  readonly owner: 'option' | 'fetch' | 'transfer'
  readonly keys: readonly string[]
}[] = [
  { owner: 'option', keys: ['name', 'play', 'do', 'goto'] },
  { owner: 'fetch', keys: ['url', 'onError', 'params'] },
  { owner: 'transfer', keys: ['to', 'if'] },
]

/** What a field path names: the mapping that holds the field, its key, and the keys after it. */
interface FieldSite {
  /** The path of the mapping the field is a key of. */
  readonly mapping: IvrPath
  readonly key: string
  /** Keys the field is written before, in order of preference; empty: at the end. */
  readonly before: readonly string[]
  /** For a parameter whose `params` mapping is not written yet: the fetch mapping's path. */
  readonly params?: IvrPath
}

/**
 * The field at `path`: an option's `name` or `play`, a fetch's or dtmf's `url`, a transfer's
 * `to`, a play command's URL, or one parameter of a fetch or dtmf (`[…, 'params', NAME]`).
 */
function fieldSite(ctx: OpContext, path: IvrPath): FieldSite | null {
  const key = path[path.length - 1]
  const owner = path.slice(0, -1)
  if (typeof key !== 'string') return null
  const last = owner[owner.length - 1]
  if (last === 'params') {
    const fetchPath = owner.slice(0, -1)
    const command = findInModel(ctx.model, fetchPath.slice(0, -1))
    if (command?.kind !== 'command' || command.node.kind !== fetchPath[fetchPath.length - 1])
      return null
    return { mapping: owner, key, before: [], params: fetchPath }
  }
  if (key === 'play' && typeof last === 'number') {
    const command = findInModel(ctx.model, owner)
    return command?.kind === 'command' && command.node.kind === 'play'
      ? { mapping: owner, key, before: [] }
      : null
  }
  const found = findInModel(
    ctx.model,
    last === 'fetch' || last === 'dtmf' || last === 'transfer' ? owner.slice(0, -1) : owner,
  )
  const kind =
    found?.kind === 'option'
      ? 'option'
      : found?.kind === 'command' && found.node.kind === last
        ? found.node.kind === 'transfer'
          ? 'transfer'
          : found.node.kind === 'fetch' || found.node.kind === 'dtmf'
            ? 'fetch'
            : null
        : null
  if (kind === null) return null
  const order = FIELD_ORDER.find((o) => o.owner === kind)!.keys
  const settable = kind === 'option' ? ['name', 'play'] : kind === 'fetch' ? ['url'] : ['to']
  if (!settable.includes(key)) return null
  return { mapping: owner, key, before: order.slice(order.indexOf(key) + 1) }
}

/** The mapping at `path` as written, or the refusal that fits. */
function mappingAt(ctx: OpContext, path: IvrPath): SourceCollection | ReturnType<typeof refuse> {
  const found = sourceCollection(ctx, path)
  if (isRefusal(found))
    return found.error === 'op.error.not-found' ? refuse('op.error.layout') : found
  return found.kind === 'map' ? found : refuse('op.error.layout')
}

/** `value` as YAML source where the old value was written, keeping its quotes where it can. */
function valueText(
  ctx: OpContext,
  span: { start: number; end: number },
  value: string,
  flow: boolean,
): string {
  const style = span.start === span.end ? 'plain' : styleAt(ctx.text, span.start)
  return formatScalar(value, style, flow)
}

/**
 * `field.set`: the field's value token replaced, keeping its quotes, or the field written into
 * its mapping where it is missing (a parameter also creates `params` when there is none).
 */
export function planFieldSet(ctx: OpContext, path: IvrPath, value: string): Planned {
  const site = fieldSite(ctx, path)
  if (!site) return refuse('op.error.not-found')
  const written = sourceCollection(ctx, site.mapping)
  // A first parameter of a fetch without `params`: the whole entry is written.
  if (site.params && isRefusal(written) && written.error === 'op.error.not-found') {
    return planParamsCreate(ctx, site, value)
  }
  const mapping = mappingAt(ctx, site.mapping)
  if (isRefusal(mapping)) return mapping
  const flow = mapping.flow || mapping.inFlow
  const index = mapping.entries.findLastIndex((e) => e.key === site.key)
  let edits: TextEdit[]
  if (index !== -1) {
    const span = mapping.entries[index]!.valueSpan
    const text = valueText(ctx, span, value, flow)
    edits =
      span.start === span.end
        ? [{ offset: span.start, length: 0, text: ` ${text}` }]
        : [{ offset: span.start, length: span.end - span.start, text }]
  } else {
    const at = mapping.entries.findIndex((e) => e.key !== null && site.before.includes(e.key))
    const line = `${formatScalar(site.key, 'plain', flow)}: ${formatScalar(value, 'plain', flow)}`
    const inserted = insertEntries(ctx, mapping, at === -1 ? mapping.entries.length : at, {
      block: `${line}\n`,
      flow: [line],
    })
    if (isRefusal(inserted)) return inserted
    edits = inserted
  }
  const data = ctx.data([site.mapping])
  const set = (old: DataRecord) => {
    if (Object.hasOwn(old, site.key)) {
      const copy = record(entriesOf(old))
      copy[site.key] = value
      return copy
    }
    const next = site.before.find((k) => Object.hasOwn(old, k)) ?? null
    return insertKey(old, site.key, value, next)
  }
  // `params: {}` reads as no parameters at all, so its record is made here.
  const changed =
    site.params && !isRecord(dataAt(data, site.mapping))
      ? replaceRecord(data, site.params, (old) =>
          insertKey(old, 'params', record([[site.key, value]]), null),
        )
      : replaceRecord(data, site.mapping, set)
  if (!changed) return refuse('op.error.not-found')
  return { edits, check: expectData(data) }
}

/** A first parameter: `params` written into the fetch's mapping with it. */
function planParamsCreate(ctx: OpContext, site: FieldSite, value: string): Planned {
  const fetchPath = site.params!
  const mapping = mappingAt(ctx, fetchPath)
  if (isRefusal(mapping)) return mapping
  const indent = ' '.repeat(ctx.layout.indent)
  const key = formatScalar(site.key, 'plain', true)
  const text = formatScalar(value, 'plain', true)
  const inserted = insertEntries(ctx, mapping, mapping.entries.length, {
    block: `params:\n${indent}${formatScalar(site.key, 'plain')}: ${formatScalar(value, 'plain')}\n`,
    flow: [`params: {${key}: ${text}}`],
  })
  if (isRefusal(inserted)) return inserted
  const data = ctx.data([fetchPath])
  const changed = replaceRecord(data, fetchPath, (old) =>
    insertKey(old, 'params', record([[site.key, value]]), null),
  )
  if (!changed) return refuse('op.error.not-found')
  return { edits: inserted, check: expectData(data) }
}

/**
 * `field.remove`: an option's `name` or `play`, or one parameter of a fetch or dtmf, removed
 * with its comments. The last parameter leaves `params: {}`.
 */
export function planFieldRemove(ctx: OpContext, path: IvrPath): Planned {
  const site = fieldSite(ctx, path)
  if (
    !site ||
    site.key === 'url' ||
    site.key === 'to' ||
    (site.key === 'play' && !site.params && isPlayCommand(ctx, site))
  ) {
    return refuse('op.error.not-found')
  }
  const mapping = mappingAt(ctx, site.mapping)
  if (isRefusal(mapping)) return mapping
  const index = mapping.entries.findLastIndex((e) => e.key === site.key)
  if (index === -1) return refuse('op.error.not-found')
  const edits = removeEntry(ctx, mapping, index)
  if (isRefusal(edits)) return edits
  const data = ctx.data([site.mapping])
  replaceRecord(data, site.mapping, (old) => removeKey(old, site.key))
  if (site.params) {
    // An empty `params` is no parameter at all in the data.
    replaceRecord(data, site.params, (old) =>
      isRecord(old['params']) && Object.keys(old['params']).length === 0
        ? removeKey(old, 'params')
        : old,
    )
  }
  return { edits, check: expectData(data) }
}

function isPlayCommand(ctx: OpContext, site: FieldSite): boolean {
  const found = findInModel(ctx.model, site.mapping)
  return found?.kind === 'command' && found.node.kind === 'play'
}

/** `key.rename` of a parameter: its name token replaced, keeping its quotes. */
export function planParamRename(ctx: OpContext, path: IvrPath, name: string): Planned {
  const site = fieldSite(ctx, path)
  if (!site?.params) return refuse('op.error.not-found')
  if (name === site.key) return { edits: [], check: expectData(ctx.data([])) }
  if (!isUsableName(name)) return refuse('op.error.invalid-param')
  const mapping = mappingAt(ctx, site.mapping)
  if (isRefusal(mapping)) return mapping
  if (mapping.entries.some((e) => e.key === name)) return refuse('op.error.param-exists', { name })
  const entry = mapping.entries.findLast((e) => e.key === site.key)
  if (!entry?.keySpan) return refuse('op.error.not-found')
  const edit = {
    offset: entry.keySpan.start,
    length: entry.keySpan.end - entry.keySpan.start,
    text: formatScalar(
      name,
      styleAt(ctx.text, entry.keySpan.start),
      mapping.flow || mapping.inFlow,
    ),
  }
  const data = ctx.data([site.mapping])
  replaceRecord(data, site.mapping, (old: DataRecord) => renameKey(old, site.key, name))
  return { edits: [edit], check: expectData(data) }
}

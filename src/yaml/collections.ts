import { isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml'
import type { IvrPath } from '../model/path.ts'
import type { Span } from '../model/span.ts'
import { keyText, type YamlNode } from './nodes.ts'
import type { DocumentChunk, ParsedIvr } from './parse-ivr.ts'

/**
 * A list or a mapping as written in the text, described as plain data so that ops can insert and
 * remove its entries without touching YAML nodes. All spans are absolute offsets in the text.
 */
export interface SourceCollection {
  readonly kind: 'list' | 'map'
  /** Written as `[…]` or `{…}`. */
  readonly flow: boolean
  /** Stands inside a flow collection, where only flow style may be written. */
  readonly inFlow: boolean
  /** For a flow collection from its bracket to after the closing one; else its entries. */
  readonly span: Span
  readonly entries: readonly SourceEntry[]
  /** The mapping key this collection is the value of, or `null` for a list item or the root. */
  readonly owner: SourceKey | null
}

/** An item of a list, or a key and its value in a mapping. */
export interface SourceEntry {
  /** From the item (or the key) to the end of its value, without trailing comments. */
  readonly span: Span
  /** The key by its source text, for mapping entries. */
  readonly key: string | null
  readonly keySpan: Span | null
  /** The value's span; empty where the value was left out. */
  readonly valueSpan: Span
}

/** A mapping key and where its `:` ends, so that a value can be written after it. */
export interface SourceKey {
  readonly keySpan: Span
  /** The offset just after the key's colon. */
  readonly colonEnd: number
}

/** Why a path could not be resolved to a collection. */
export type CollectionMiss = 'missing' | 'alias' | 'not-a-collection'

/**
 * The list or mapping at `path` (a section name first, then keys and list indices as in the
 * model), or why there is none. Keys compare by their source text, so `1` and `"1"` are the same
 * choice key; when a key is written twice the last one counts, as in the model. Anchors and
 * aliases are not followed: their text is shared, so an op cannot edit it in one place.
 */
export function collectionAt(parsed: ParsedIvr, path: IvrPath): SourceCollection | CollectionMiss {
  const [name, ...rest] = path
  if (typeof name !== 'string') return 'missing'
  let found: { chunk: DocumentChunk; pair: Pair } | null = null
  for (const chunk of parsed.chunks) {
    const root = chunk.yaml.contents
    if (!isMap(root)) continue
    for (const pair of root.items) {
      if (isScalar(pair.key) && pair.key.value === name) found = { chunk, pair }
    }
  }
  if (!found) return 'missing'
  const { chunk } = found
  const at = new Walker(parsed.text, chunk.offset)
  let node = found.pair.value as YamlNode
  let owner: SourceKey | null = at.key(found.pair)
  let inFlow = isMap(chunk.yaml.contents) && chunk.yaml.contents.flow === true
  for (const segment of rest) {
    if (isAlias(node)) return 'alias'
    if (isSeq(node) && typeof segment === 'number') {
      inFlow ||= node.flow === true
      node = node.items[segment] as YamlNode
      owner = null
      if (node === undefined) return 'missing'
    } else if (isMap(node)) {
      inFlow ||= node.flow === true
      const pair = node.items.findLast((p) => keyText(p.key) === String(segment))
      if (!pair) return 'missing'
      node = pair.value as YamlNode
      owner = at.key(pair)
    } else {
      return 'missing'
    }
  }
  if (isAlias(node)) return 'alias'
  if (!isSeq(node) && !isMap(node)) return 'not-a-collection'
  const flow = node.flow === true
  const entries = isSeq(node)
    ? node.items.map((item) => at.item(item as YamlNode))
    : node.items.map((pair) => at.pair(pair))
  if (entries.some((e) => e === null)) return 'alias'
  return {
    kind: isSeq(node) ? 'list' : 'map',
    flow,
    inFlow,
    span: at.span(node, owner?.colonEnd ?? 0),
    entries: entries as SourceEntry[],
    owner,
  }
}

/** Turns node ranges of one chunk into absolute spans. */
class Walker {
  constructor(
    private readonly text: string,
    private readonly offset: number,
  ) {}

  span(node: YamlNode, fallback: number): Span {
    const range = node?.range
    return range
      ? { start: range[0] + this.offset, end: range[1] + this.offset }
      : { start: fallback, end: fallback }
  }

  key(pair: Pair): SourceKey {
    const keySpan = this.span(pair.key as YamlNode, 0)
    let at = keySpan.end
    while (at < this.text.length && (this.text[at] === ' ' || this.text[at] === '\t')) at++
    return { keySpan, colonEnd: this.text[at] === ':' ? at + 1 : keySpan.end }
  }

  item(node: YamlNode): SourceEntry | null {
    if (isAlias(node)) return null
    const span = this.span(node, 0)
    return { span, key: null, keySpan: null, valueSpan: span }
  }

  pair(pair: Pair): SourceEntry | null {
    if (isAlias(pair.value) || isAlias(pair.key)) return null
    const { keySpan, colonEnd } = this.key(pair)
    const value = pair.value as Node | null
    const valueSpan = value?.range ? this.span(value, colonEnd) : { start: colonEnd, end: colonEnd }
    const end = Math.max(valueSpan.end, colonEnd)
    return { span: { start: keySpan.start, end }, key: keyText(pair.key), keySpan, valueSpan }
  }
}

/**
 * The top-level mapping of sections as one collection: every key in text order, across the
 * chunks of an incrementally read text (invalid sections and repeated names included).
 */
export function rootCollection(parsed: ParsedIvr): SourceCollection | CollectionMiss {
  const entries: SourceEntry[] = []
  let flow = false
  for (const chunk of parsed.chunks) {
    const root = chunk.yaml.contents
    if (!isMap(root)) continue
    flow ||= root.flow === true
    const at = new Walker(parsed.text, chunk.offset)
    for (const pair of root.items) {
      const entry = at.pair(pair)
      if (!entry) return 'alias'
      entries.push(entry)
    }
  }
  return {
    kind: 'map',
    flow,
    inFlow: false,
    span: { start: 0, end: parsed.text.length },
    entries,
    owner: null,
  }
}

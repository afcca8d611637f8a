import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml'
import type { Span } from '../model/span.ts'

/** A YAML node as it comes out of a parsed document, or nothing where a value was left out. */
export type YamlNode = Node | null | undefined

/** The source text of a mapping key, so that `1` and `"1"` compare equal. */
export function keyText(key: unknown): string {
  if (isScalar(key)) {
    if (typeof key.source === 'string') return key.source
    return key.value === null ? '' : String(key.value)
  }
  if (key === null || key === undefined) return ''
  return String(key)
}

/**
 * The span of a node's value (without trailing comments), or an empty span at `fallback`.
 * `offset` is where the parsed text starts in the whole document; `fallback` is already absolute.
 */
export function nodeSpan(node: YamlNode, fallback: number, offset = 0): Span {
  const range = node?.range
  return range ? { start: range[0] + offset, end: range[1] + offset } : { start: fallback, end: fallback }
}

/** The span of a pair's key. */
export function keySpan(pair: Pair, offset = 0): Span {
  return nodeSpan(pair.key as YamlNode, offset, offset)
}

/** The span from a pair's key to the end of its value. */
export function pairSpan(pair: Pair, offset = 0): Span {
  const key = keySpan(pair, offset)
  const value = (pair.value as YamlNode)?.range
  const end = value ? value[1] + offset : key.end
  return { start: key.start, end: end > key.end ? end : key.end }
}

/** Follows an alias to the node it names; other nodes come back as they are. */
export function deref(doc: Document, node: YamlNode): YamlNode {
  return isAlias(node) ? (node.resolve(doc) as YamlNode) : node
}

/** What kind of value a node holds, for messages: `what.number`, `what.list`, … */
export function describeNode(node: YamlNode): string {
  if (isSeq(node)) return 'what.list'
  if (isMap(node)) return 'what.mapping'
  if (isScalar(node)) {
    const v = node.value
    if (v === null || v === undefined) return 'what.null'
    if (typeof v === 'number' || typeof v === 'bigint') return 'what.number'
    if (typeof v === 'boolean') return 'what.boolean'
    return 'what.text'
  }
  return 'what.null'
}

/** Whether the node is a scalar holding text (not a number, boolean or null). */
export function isTextScalar(node: YamlNode): boolean {
  return isScalar(node) && typeof node.value === 'string'
}

/** How a scalar was written: plain (block scalars too), single- or double-quoted. */
export function scalarStyle(node: YamlNode): 'plain' | 'single' | 'double' {
  if (!isScalar(node)) return 'plain'
  return node.type === 'QUOTE_DOUBLE' ? 'double' : node.type === 'QUOTE_SINGLE' ? 'single' : 'plain'
}

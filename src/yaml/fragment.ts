import {
  isCollection,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Document,
  Pair,
  Scalar,
  stringify,
  visit,
  YAMLMap,
  type Node,
} from 'yaml'
import { isCommandName } from '../model/commands.ts'
import type { Span } from '../model/span.ts'
import { keyText } from './nodes.ts'
import { refuseEarly, type ParsedIvr } from './parse-ivr.ts'

/**
 * Plain data as a YAML document denotes it: what ops take as new content, such as a command
 * (`'ring'`, `{ play: url }`) or a choice option (`{ name, play, goto }`).
 */
export type RawValue =
  string | number | boolean | null | readonly RawValue[] | { readonly [key: string]: RawValue }

/** How the document indents: the width of one level, and whether lists under a key are indented. */
export interface Layout {
  readonly indent: number
  readonly indentSeq: boolean
}

/** How a mapping key is written. */
export interface KeyStyle {
  readonly text: string
  readonly style: 'plain' | 'single' | 'double'
}

const FLOW = { flowCollectionPadding: false, lineWidth: 0, collectionStyle: 'flow' } as const

/**
 * Block YAML for a list of values, one `- ` item each, starting at column 0 with `\n` line breaks.
 * Choice keys that are digits are written as plain numbers (`1:`), as admins write them.
 */
export function stringifyItems(values: readonly RawValue[], layout: Layout): string {
  if (values.length === 0) return ''
  const doc = new Document()
  const node = doc.createNode(values.map((v) => toNodeData(v, null)))
  return stringify(node, { lineWidth: 0, indent: layout.indent, indentSeq: layout.indentSeq })
}

/** Block YAML for one mapping entry `key: value`, at column 0 with `\n` line breaks. */
export function stringifyEntry(key: KeyStyle, value: RawValue, layout: Layout): string {
  const doc = new Document()
  const map = new YAMLMap()
  map.items.push(new Pair(keyNode(key), doc.createNode(toNodeData(value, key.text))))
  return stringify(map, { lineWidth: 0, indent: layout.indent, indentSeq: layout.indentSeq })
}

/** One line of flow YAML for a value, such as `{play: https://…}` or `ring`. */
export function stringifyFlow(value: RawValue): string {
  const doc = new Document()
  return stringify(doc.createNode(toNodeData(value, null)), FLOW).replace(/\n$/, '')
}

/** One line of flow YAML for a mapping entry, such as `goto: menu`. */
export function stringifyFlowEntry(key: KeyStyle, value: RawValue): string {
  const doc = new Document()
  const map = new YAMLMap()
  map.flow = true
  map.items.push(new Pair(keyNode(key), doc.createNode(toNodeData(value, key.text))))
  return stringify(map, FLOW).replace(/\n$/, '').replace(/^\{/, '').replace(/\}$/, '')
}

/**
 * The node written at `span` as one line of flow YAML, with its scalars quoted as they were and
 * its comments left out (a flow collection on one line has no room for them); `null` when no
 * node starts and ends there.
 */
export function flowTextAt(parsed: ParsedIvr, span: Span): string | null {
  for (const chunk of parsed.chunks) {
    const root = chunk.yaml.contents as Node | null
    const found = nodeWithRange(root, span.start - chunk.offset, span.end - chunk.offset)
    if (found) return flowText(found)
  }
  return null
}

function flowText(node: Node): string {
  const copy = node.clone() as Node
  visit(copy, {
    Node(_, inner) {
      inner.comment = undefined
      inner.commentBefore = undefined
      inner.spaceBefore = false
      if (isCollection(inner)) inner.flow = true
    },
  })
  return stringify(copy, FLOW).replace(/\n$/, '')
}

function nodeWithRange(node: Node | null, start: number, end: number): Node | null {
  if (!node?.range) return null
  if (node.range[0] === start && node.range[1] === end) return node
  if (node.range[0] > start || node.range[2] < end) return null
  if (isSeq(node)) {
    for (const item of node.items) {
      const found = nodeWithRange(item as Node, start, end)
      if (found) return found
    }
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const found = nodeWithRange(pair.value as Node, start, end)
      if (found) return found
    }
  }
  return null
}

/** What pasted text holds, read without judging whether it is a valid IVR. */
export type Fragment =
  /** A mapping of sections, written in block style: read it with `parseIvr`. */
  | { readonly kind: 'sections' }
  /** A list of commands, or one command, with each item's span and one-line flow text. */
  | {
      readonly kind: 'commands'
      /** Written as a block list (`- …` lines), so that the lines can be pasted as they are. */
      readonly block: boolean
      /** Whether the text is one command without a `- ` (`play: x`, `ring`). */
      readonly single: boolean
      /** The column of the `- ` of the items (or of the single command). */
      readonly column: number
      readonly items: readonly { readonly span: Span; readonly flow: string }[]
    }
  | { readonly kind: 'invalid' }

/**
 * Reads pasted text: a block mapping of sections, a list of commands, one command written as a
 * mapping with a single command key (`play: …`), or one bare command word.
 */
export function readFragment(text: string): Fragment {
  if (refuseEarly(text) !== null) return { kind: 'invalid' }
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false })
  if (doc.errors.length > 0) return { kind: 'invalid' }
  const root = doc.contents as Node | null
  const columnOf = (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1)
  if (isSeq(root)) {
    if (root.items.length === 0) return { kind: 'invalid' }
    const items = (root.items as Node[]).map((item) => {
      if (!item?.range) return null
      return { span: { start: item.range[0], end: item.range[1] }, flow: flowText(item) }
    })
    if (items.some((i) => i === null)) return { kind: 'invalid' }
    const range = root.range as [number, number, number]
    return {
      kind: 'commands',
      block: !root.flow,
      single: false,
      column: columnOf(range[0]),
      items: items as { span: Span; flow: string }[],
    }
  }
  // One command written as a mapping: a command name whose value is no list (a section's is).
  const only = isMap(root) && root.items.length === 1 ? root.items[0]! : null
  if (only && !(root as YAMLMap).flow && isCommandName(keyText(only.key)) && !isSeq(only.value)) {
    const range = (root as YAMLMap).range as [number, number, number]
    const span = { start: range[0], end: range[1] }
    return {
      kind: 'commands',
      block: true,
      single: true,
      column: columnOf(range[0]),
      items: [{ span, flow: flowText(root as YAMLMap) }],
    }
  }
  if (isMap(root) && !root.flow && root.items.length > 0) return { kind: 'sections' }
  if (isScalar(root) && typeof root.value === 'string' && root.range) {
    const span = { start: root.range[0], end: root.range[1] }
    return {
      kind: 'commands',
      block: true,
      single: true,
      column: columnOf(span.start),
      items: [{ span, flow: flowText(root) }],
    }
  }
  return { kind: 'invalid' }
}

/** Digit choice keys become numbers so that they print plain; other values as they are. */
function toNodeData(value: RawValue, parentKey: string | null): unknown {
  if (Array.isArray(value)) return value.map((v) => toNodeData(v as RawValue, null))
  if (value !== null && typeof value === 'object') {
    const record = value as { readonly [key: string]: RawValue }
    return new Map(
      Object.keys(record).map((key) => [
        parentKey === 'choice' && /^[0-9]$/.test(key) ? Number(key) : key,
        toNodeData(record[key] as RawValue, key),
      ]),
    )
  }
  return value
}

function keyNode(key: KeyStyle): Scalar {
  const plainNumber = key.style === 'plain' && /^[0-9]$/.test(key.text)
  const scalar = new Scalar(plainNumber ? Number(key.text) : key.text)
  scalar.type =
    key.style === 'double'
      ? Scalar.QUOTE_DOUBLE
      : key.style === 'single'
        ? Scalar.QUOTE_SINGLE
        : Scalar.PLAIN
  return scalar
}

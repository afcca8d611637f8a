import { isMap, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml'
import {
  BARE_COMMANDS,
  PLACEHOLDERS,
  TRANSFER_STATES,
  isCommandName,
  type BareCommandName,
  type TransferState,
} from '../model/commands.ts'
import type {
  ChoiceOptionNode,
  CommandNode,
  FetchNode,
  InvalidSection,
  IvrModel,
  ParamNode,
  SectionNode,
  ShapeProblem,
  TextValue,
  TransferBranch,
} from '../model/ivr.ts'
import type { IvrPath } from '../model/path.ts'
import type { Span } from '../model/span.ts'
import {
  deref,
  describeNode,
  scalarStyle,
  keySpan,
  keyText,
  nodeSpan,
  pairSpan,
  type YamlNode,
} from './nodes.ts'

type Problems = ShapeProblem[]

/** The document being read, and where its text starts in the whole IVR text. */
interface Reader {
  readonly doc: Document
  readonly offset: number
}

/**
 * Reads the top-level mapping of a parsed document into the IVR model. Lenient by design: every
 * part that has the wrong shape becomes `null`, a `malformed` command or a shape problem, and the
 * rest is read as usual.
 */
export function buildModel(doc: Document, root: YAMLMap, offset = 0): IvrModel {
  const r: Reader = { doc, offset }
  const sections = new Map<string, SectionNode>()
  const invalidSections: InvalidSection[] = []
  for (const pair of root.items) {
    const key = pair.key as YamlNode
    const name = keyText(key)
    const nameSpan = keySpan(pair, r.offset)
    if (!isScalar(key) || typeof key.value !== 'string') {
      invalidSections.push({ name, keySpan: nameSpan, reason: 'name-not-text', what: describeNode(key) })
      continue
    }
    const value = deref(r.doc, pair.value as YamlNode)
    if (!isSeq(value)) {
      invalidSections.push({ name, keySpan: nameSpan, reason: 'not-a-list', what: describeNode(value) })
      continue
    }
    const path = [name]
    sections.delete(name)
    sections.set(name, {
      name,
      path,
      keySpan: nameSpan,
      span: pairSpan(pair, r.offset),
      commands: buildList(r, value.items as YamlNode[], path, nameSpan.end),
    })
  }
  return { sections: [...sections.values()], invalidSections }
}

function buildList(
  r: Reader,
  items: readonly YamlNode[],
  path: IvrPath,
  fallback: number,
): CommandNode[] {
  return items.map((item, i) => buildCommand(r, item, [...path, i], fallback))
}

function buildCommand(r: Reader, raw: YamlNode, path: IvrPath, fallback: number): CommandNode {
  const span = nodeSpan(raw, fallback, r.offset)
  const node = deref(r.doc, raw)
  const problems: Problems = []
  const base = { path, span, keySpan: span, valueSpan: null, problems }

  if (isScalar(node) && typeof node.value === 'string') {
    const word = node.value
    if ((BARE_COMMANDS as readonly string[]).includes(word)) {
      return { ...base, kind: word as BareCommandName }
    }
    if (!isCommandName(word)) return { ...base, kind: 'unknown', name: word }
    // A command that needs a value, written as a bare word.
    return buildNamedCommand(r, word, null, { ...base, problems }, path, false)
  }
  if (isMap(node) && node.items.length === 1) {
    const pair = node.items[0] as Pair
    const name = keyText(pair.key)
    const nameSpan = keySpan(pair, r.offset)
    const value = pair.value as YamlNode
    const withKey = {
      ...base,
      keySpan: nameSpan,
      valueSpan: value?.range ? nodeSpan(value, nameSpan.end, r.offset) : null,
    }
    if (!isCommandName(name)) return { ...withKey, kind: 'unknown', name }
    return buildNamedCommand(r, name, deref(r.doc, value), withKey, path, node.flow === true)
  }
  if (isMap(node) && node.items.length > 1) {
    const names = node.items.map((p) => keyText(p.key)).join(', ')
    problems.push({ message: 'shape.several-commands', args: { names }, path, span })
  } else if (node === null || node === undefined || (isScalar(node) && node.value === null)) {
    problems.push({ message: 'shape.empty-item', path, span })
  } else {
    problems.push({ message: 'shape.not-a-command', path, span })
  }
  return { ...base, kind: 'malformed' }
}

type Base = {
  path: IvrPath
  span: Span
  keySpan: Span
  valueSpan: Span | null
  problems: Problems
}

function buildNamedCommand(
  r: Reader,
  name: string,
  value: YamlNode,
  base: Base,
  path: IvrPath,
  inFlow: boolean,
): CommandNode {
  const problems = base.problems
  const at = base.valueSpan ?? base.keySpan
  const valuePath = [...path, name]
  switch (name) {
    case 'ring':
    case 'voicemail':
    case 'callback':
      problems.push({ message: 'shape.bare-takes-nothing', args: { name }, path: valuePath, span: at })
      return { ...base, kind: name }
    case 'play': {
      const url = textOf(r, value, false, inFlow)
      if (!url) problems.push({ message: 'shape.play-needs-url', path: valuePath, span: at })
      return { ...base, kind: 'play', url }
    }
    case 'goto': {
      const target = textOf(r, value, false, inFlow)
      if (!target) problems.push({ message: 'shape.goto-needs-section', path: valuePath, span: at })
      return { ...base, kind: 'goto', target }
    }
    case 'choice':
      return { ...base, kind: 'choice', options: buildOptions(r, value, valuePath, at, problems) }
    case 'transfer':
      return buildTransfer(r, value, base, valuePath, at)
    case 'fetch':
    case 'dtmf':
      return buildFetch(r, name, value, base, valuePath, at)
    default:
      return { ...base, kind: 'unknown', name }
  }
}

/** The scalar as text when it holds a string; numbers count too where `numbers` is set. */
function textOf(r: Reader, node: YamlNode, numbers = false, inFlow = false): TextValue | null {
  if (!isScalar(node) || node.value === null || node.value === undefined) return null
  const v = node.value
  if (typeof v !== 'string' && !(numbers && (typeof v === 'number' || typeof v === 'bigint'))) {
    return null
  }
  const value = typeof v === 'string' ? v : (node.source ?? String(v))
  return { value, span: nodeSpan(node, 0, r.offset), style: scalarStyle(node), inFlow }
}

function buildOptions(
  r: Reader,
  value: YamlNode,
  path: IvrPath,
  at: Span,
  problems: Problems,
): ChoiceOptionNode[] {
  if (!isMap(value) || value.items.length === 0) {
    problems.push({ message: 'shape.choice-needs-options', path, span: at })
    return []
  }
  return value.items.map((pair) => {
    const key = keyText(pair.key)
    const optionPath = [...path, key]
    const optionKeySpan = keySpan(pair, r.offset)
    const option = deref(r.doc, pair.value as YamlNode)
    const result = {
      key,
      path: optionPath,
      keySpan: optionKeySpan,
      span: pairSpan(pair, r.offset),
      name: null as TextValue | null,
      play: null as TextValue | null,
      do: null as CommandNode[] | null,
      goto: null as TextValue | null,
      isMapping: isMap(option),
      hasPlay: false,
      hasDo: false,
      hasGoto: false,
    }
    if (!isMap(option)) {
      problems.push({ message: 'shape.option-not-mapping', args: { key }, path: optionPath, span: optionKeySpan })
      return result
    }
    for (const field of option.items) {
      const fieldName = keyText(field.key)
      const fieldPath = [...optionPath, fieldName]
      const fieldValue = deref(r.doc, field.value as YamlNode)
      const fieldSpan = nodeSpanOrKey(r, field)
      switch (fieldName) {
        case 'name':
          result.name = textOf(r, fieldValue, true, option.flow === true)
          if (!result.name && !isNull(fieldValue)) {
            problems.push({ message: 'shape.not-text', args: { key: 'name' }, path: fieldPath, span: fieldSpan })
          }
          break
        case 'play':
          result.hasPlay = true
          result.play = textOf(r, fieldValue, false, option.flow === true)
          if (!result.play) {
            problems.push({ message: 'shape.play-needs-url', path: fieldPath, span: fieldSpan })
          }
          break
        case 'do':
          result.hasDo = true
          if (isSeq(fieldValue)) {
            result.do = buildList(r, fieldValue.items as YamlNode[], fieldPath, fieldSpan.end)
            if (result.do.length === 0) {
              problems.push({ message: 'shape.do-empty', path: fieldPath, span: fieldSpan })
            }
          } else {
            problems.push({ message: 'shape.do-needs-list', path: fieldPath, span: fieldSpan })
          }
          break
        case 'goto':
          result.hasGoto = true
          result.goto = textOf(r, fieldValue, false, option.flow === true)
          if (!result.goto) {
            problems.push({ message: 'shape.needs-section', args: { key: 'goto' }, path: fieldPath, span: fieldSpan })
          }
          break
        default:
          problems.push({
            message: 'shape.unknown-key.option',
            args: { key: fieldName },
            path: fieldPath,
            span: keySpan(field, r.offset),
          })
      }
    }
    return result
  })
}

function isNull(node: YamlNode): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null)
}

/** The value's span, or the key's when the value was left out. */
function nodeSpanOrKey(r: Reader, pair: Pair): Span {
  const value = pair.value as YamlNode
  const key = keySpan(pair, r.offset)
  if (!value?.range || value.range[1] === value.range[0]) return key
  return nodeSpan(value, key.end, r.offset)
}

function buildTransfer(
  r: Reader,
  value: YamlNode,
  base: Base,
  path: IvrPath,
  at: Span,
): CommandNode {
  const problems = base.problems
  let to: TextValue | null = null
  const branches: TransferBranch[] = []
  if (!isMap(value)) {
    problems.push({ message: 'shape.transfer-needs-mapping', path, span: at })
    return { ...base, kind: 'transfer', to, branches }
  }
  let sawTo = false
  for (const field of value.items) {
    const fieldName = keyText(field.key)
    const fieldPath = [...path, fieldName]
    const fieldValue = deref(r.doc, field.value as YamlNode)
    const fieldSpan = nodeSpanOrKey(r, field)
    if (fieldName === 'to') {
      sawTo = true
      to = textOf(r, fieldValue, true, value.flow === true)
      if (!to || to.value.trim() === '') {
        to = null
        problems.push({ message: 'shape.transfer-needs-to', path: fieldPath, span: fieldSpan })
      }
    } else if (fieldName === 'if') {
      if (!isMap(fieldValue)) {
        problems.push({ message: 'shape.if-needs-mapping', path: fieldPath, span: fieldSpan })
        continue
      }
      for (const branch of fieldValue.items) {
        const state = keyText(branch.key)
        const branchPath = [...fieldPath, state]
        const branchValue = deref(r.doc, branch.value as YamlNode)
        if (!(TRANSFER_STATES as readonly string[]).includes(state)) {
          problems.push({ message: 'shape.unknown-key.if', args: { key: state }, path: branchPath, span: keySpan(branch, r.offset) })
        } else if (!isSeq(branchValue)) {
          problems.push({ message: 'shape.branch-needs-list', args: { state }, path: branchPath, span: nodeSpanOrKey(r, branch) })
        } else {
          branches.push({
            state: state as TransferState,
            path: branchPath,
            keySpan: keySpan(branch, r.offset),
            commands: buildList(r, branchValue.items as YamlNode[], branchPath, keySpan(branch, r.offset).end),
          })
        }
      }
    } else {
      problems.push({ message: 'shape.unknown-key.transfer', args: { key: fieldName }, path: fieldPath, span: keySpan(field, r.offset) })
    }
  }
  if (!sawTo) problems.push({ message: 'shape.transfer-needs-to', path, span: base.keySpan })
  return { ...base, kind: 'transfer', to, branches }
}

const PLACEHOLDER_PATTERN = /\{\$([^}]*)\}/g

function buildFetch(
  r: Reader,
  name: 'fetch' | 'dtmf',
  value: YamlNode,
  base: Base,
  path: IvrPath,
  at: Span,
): FetchNode {
  const problems = base.problems
  let url: TextValue | null = null
  let onError: TextValue | null = null
  const params: ParamNode[] = []
  if (!isMap(value)) {
    problems.push({ message: 'shape.fetch-needs-mapping', args: { name }, path, span: at })
    return { ...base, kind: name, url, onError, params }
  }
  let sawUrl = false
  for (const field of value.items) {
    const fieldName = keyText(field.key)
    const fieldPath = [...path, fieldName]
    const fieldValue = deref(r.doc, field.value as YamlNode)
    const fieldSpan = nodeSpanOrKey(r, field)
    if (fieldName === 'url') {
      sawUrl = true
      url = textOf(r, fieldValue, false, value.flow === true)
      if (!url) problems.push({ message: 'shape.fetch-needs-url', args: { name }, path: fieldPath, span: fieldSpan })
    } else if (fieldName === 'onError') {
      onError = textOf(r, fieldValue, false, value.flow === true)
      if (!onError) {
        problems.push({ message: 'shape.needs-section', args: { key: 'onError' }, path: fieldPath, span: fieldSpan })
      }
    } else if (fieldName === 'params') {
      if (!isMap(fieldValue)) {
        if (!isNull(fieldValue)) {
          problems.push({ message: 'shape.params-need-mapping', path: fieldPath, span: fieldSpan })
        }
        continue
      }
      for (const param of fieldValue.items) {
        const built = buildParam(r, param, fieldPath, problems)
        if (built) params.push(built)
      }
    } else {
      problems.push({ message: 'shape.unknown-key.fetch', args: { key: fieldName, name }, path: fieldPath, span: keySpan(field, r.offset) })
    }
  }
  if (!sawUrl) problems.push({ message: 'shape.fetch-needs-url', args: { name }, path, span: base.keySpan })
  return { ...base, kind: name, url, onError, params }
}

function buildParam(r: Reader, pair: Pair, path: IvrPath, problems: Problems): ParamNode | null {
  const name = keyText(pair.key)
  const paramPath = [...path, name]
  const value = deref(r.doc, pair.value as YamlNode)
  const valueSpan = nodeSpanOrKey(r, pair)
  const base = { name, path: paramPath, keySpan: keySpan(pair, r.offset), valueSpan }
  // `{$from_number}` without quotes is a flow mapping with one key and no value.
  if (isMap(value) && value.items.length === 1 && value.flow) {
    const only = value.items[0] as Pair
    const key = keyText(only.key)
    if (key.startsWith('$') && isNull(only.value as YamlNode)) {
      const placeholder = `{${key}}`
      checkPlaceholders(placeholder, paramPath, valueSpan, problems)
      return { ...base, value: placeholder, unquotedPlaceholder: true }
    }
  }
  if (isScalar(value) && value.value !== null && typeof value.value !== 'object') {
    const text = typeof value.value === 'string' ? value.value : (value.source ?? String(value.value))
    checkPlaceholders(text, paramPath, valueSpan, problems)
    return { ...base, value: text, unquotedPlaceholder: false }
  }
  problems.push({ message: 'shape.param-value', args: { name }, path: paramPath, span: valueSpan })
  return null
}

function checkPlaceholders(text: string, path: IvrPath, span: Span, problems: Problems): void {
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1] ?? ''
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      problems.push({ message: 'shape.unknown-placeholder', args: { placeholder: match[0] }, path, span })
    }
  }
}

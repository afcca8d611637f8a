import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  Document,
  isCollection,
  parseDocument,
  Scalar,
  visit,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml'
import { createHistory, record, undo } from '../../src/history/history.ts'
import type { CommandNode, IvrModel } from '../../src/model/ivr.ts'
import type { IvrPath } from '../../src/model/path.ts'
import { toPlainData } from '../../src/model/to-plain-data.ts'
import { applyOp } from '../../src/ops/apply-op.ts'
import { copyCommands, copySections } from '../../src/ops/copy.ts'
import type { IvrOp } from '../../src/ops/op.ts'
import { applyEdits, type TextEdit } from '../../src/ops/text-edit.ts'
import { parseIvr, type ParsedIvr } from '../../src/yaml/parse-ivr.ts'
import { toYaml, validIvr, type IvrData } from './ivr-arbitraries.ts'

/** Refusals that say something true about the document, not that an op went wrong. */
const LEGITIMATE_REFUSALS = new Set([
  'op.error.no-free-key',
  'op.error.into-itself',
  'op.error.section-exists',
])

/** A deterministic choice from a seed, so that a failing case shrinks and replays. */
const pick = <T>(items: readonly T[], seed: number): T | undefined =>
  items[seed % Math.max(1, items.length)]

interface CommandAt {
  readonly path: IvrPath
  readonly list: IvrPath
  readonly node: CommandNode
}

/** Every list of commands and every command of a model, nested ones included. */
function walk(model: IvrModel): { lists: IvrPath[]; commands: CommandAt[] } {
  const lists: IvrPath[] = []
  const commands: CommandAt[] = []
  const visitList = (list: IvrPath, nodes: readonly CommandNode[]) => {
    lists.push(list)
    for (const node of nodes) {
      commands.push({ path: node.path, list, node })
      if (node.kind === 'choice') {
        for (const option of node.options) {
          if (option.do) visitList([...option.path, 'do'], option.do)
        }
      }
      if (node.kind === 'transfer') {
        for (const branch of node.branches) visitList(branch.path, branch.commands)
      }
    }
  }
  for (const section of model.sections) visitList(section.path, section.commands)
  return { lists, commands }
}

/** Paths of every value that names a section, with the section it names. */
function references(model: IvrModel): { path: IvrPath; value: string }[] {
  const out: { path: IvrPath; value: string }[] = []
  for (const { node } of walk(model).commands) {
    if (node.kind === 'goto' && node.target) {
      out.push({ path: [...node.path, 'goto'], value: node.target.value })
    }
    if ((node.kind === 'fetch' || node.kind === 'dtmf') && node.onError) {
      out.push({ path: [...node.path, node.kind, 'onError'], value: node.onError.value })
    }
    if (node.kind === 'choice') {
      for (const option of node.options) {
        if (option.goto) out.push({ path: [...option.path, 'goto'], value: option.goto.value })
      }
    }
  }
  return out
}

const OP_KINDS = [
  'section.add',
  'section.delete',
  'section.rename',
  'section.duplicate',
  'section.move',
  'command.add',
  'command.delete',
  'command.move',
  'command.duplicate',
  'option.add',
  'option.delete',
  'option.move',
  'option.duplicate',
  'option.setKey',
  'reference.connect',
  'reference.disconnect',
  'paste.sections',
  'paste.commands',
  'scalar.set',
] as const

const opSeed = fc.record({
  kind: fc.constantFrom(...OP_KINDS),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
})

type OpSeed = typeof opSeed extends fc.Arbitrary<infer T> ? T : never

const NEW_COMMANDS = [
  'ring',
  'voicemail',
  { play: 'https://example.com/new.mp3' },
  { play: 'a,b: {c}' },
] as const
const TRICKY_VALUES = [
  'menu',
  'a b',
  'x: y',
  '#hash',
  "it's",
  '"q"',
  '[x]',
  '123',
  'two\nlines',
  'サポート',
]
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#']

/** An op built from a seed against the current model, or `null` when the model has nothing for it. */
function buildOp(parsed: ParsedIvr, seed: OpSeed): IvrOp | null {
  const { model } = parsed
  const names = model.sections.map((s) => s.name)
  const { lists, commands } = walk(model)
  const choices = commands.filter((c) => c.node.kind === 'choice')
  const options = choices.flatMap((c) =>
    c.node.kind === 'choice' ? c.node.options.map((o) => ({ choice: c, option: o })) : [],
  )
  const name = pick(names, seed.a)
  const other = pick(names, seed.b)
  switch (seed.kind) {
    case 'section.add':
      return {
        type: 'section.add',
        name: `new_${seed.a % 5}`,
        ...(seed.c % 3 === 0 ? {} : { commands: [pick(NEW_COMMANDS, seed.b)!] }),
        ...(name && seed.c % 2 === 0 ? { after: name } : {}),
      }
    case 'scalar.set': {
      const values = [
        ...references(model).map((r) => r.path),
        ...commands.filter((c) => c.node.kind === 'play').map((c) => [...c.path, 'play']),
      ]
      const path = pick(values, seed.a)
      return path ? { type: 'scalar.set', path, value: pick(TRICKY_VALUES, seed.b)! } : null
    }
    case 'section.delete':
      return name === undefined ? null : { type: 'section.delete', name }
    case 'section.rename':
      return name === undefined ? null : { type: 'section.rename', name, to: `${name}_renamed` }
    case 'section.duplicate':
      return name === undefined ? null : { type: 'section.duplicate', name }
    case 'section.move':
      return name === undefined
        ? null
        : { type: 'section.move', name, before: seed.c % 3 === 0 ? null : (other ?? null) }
    case 'command.add': {
      const list = pick(lists, seed.a)
      const length = list ? walk(model).commands.filter((c) => sameList(c.list, list)).length : 0
      return list
        ? {
            type: 'command.add',
            list,
            index: seed.b % (length + 1),
            command: pick(NEW_COMMANDS, seed.c)!,
          }
        : null
    }
    case 'command.delete': {
      const command = pick(commands, seed.a)
      return command ? { type: 'command.delete', path: command.path } : null
    }
    case 'command.duplicate': {
      const command = pick(commands, seed.a)
      return command ? { type: 'command.duplicate', path: command.path } : null
    }
    case 'command.move': {
      const command = pick(commands, seed.a)
      const list = pick(lists, seed.b)
      if (!command || !list) return null
      const length = commands.filter((c) => sameList(c.list, list)).length
      return { type: 'command.move', path: command.path, list, index: seed.c % (length + 1) }
    }
    case 'option.add': {
      const choice = pick(choices, seed.a)
      return choice
        ? {
            type: 'option.add',
            choice: choice.path,
            option: { name: 'New', play: 'https://example.com/o.mp3', goto: names[0]! },
          }
        : null
    }
    case 'option.delete': {
      const found = pick(options, seed.a)
      return found ? { type: 'option.delete', path: found.option.path } : null
    }
    case 'option.move': {
      const found = pick(options, seed.a)
      if (!found || found.choice.node.kind !== 'choice') return null
      const before = pick(found.choice.node.options, seed.b)
      return {
        type: 'option.move',
        path: found.option.path,
        before: seed.c % 3 === 0 ? null : (before?.key ?? null),
      }
    }
    case 'option.duplicate': {
      const found = pick(options, seed.a)
      return found ? { type: 'option.duplicate', path: found.option.path } : null
    }
    case 'option.setKey': {
      const found = pick(options, seed.a)
      if (!found || found.choice.node.kind !== 'choice') return null
      const taken = new Set(found.choice.node.options.map((o) => o.key))
      const key = KEYS.filter((k) => !taken.has(k))[seed.b % 12]
      return key ? { type: 'option.setKey', path: found.option.path, key } : null
    }
    case 'reference.connect': {
      const referrers = [
        ...commands
          .filter((c) => ['goto', 'fetch', 'dtmf'].includes(c.node.kind))
          .map((c) => c.path),
        ...options.map((o) => o.option.path),
      ]
      const path = pick(referrers, seed.a)
      return path && name ? { type: 'reference.connect', path, target: name } : null
    }
    case 'reference.disconnect': {
      const linked = references(model).map((r) => (seed.b % 2 === 0 ? r.path : ownerOf(r.path)))
      const path = pick(linked, seed.a)
      return path ? { type: 'reference.disconnect', path } : null
    }
    case 'paste.sections': {
      const fragment = name === undefined ? null : copySections(parsed, [name])
      return fragment ? { type: 'paste', fragment, target: { sections: true } } : null
    }
    case 'paste.commands': {
      const command = pick(commands, seed.a)
      const list = pick(lists, seed.b)
      const fragment = command ? copyCommands(parsed, [command.path]) : null
      if (!fragment || !list) return null
      const length = commands.filter((c) => sameList(c.list, list)).length
      return { type: 'paste', fragment, target: { list, index: seed.c % (length + 1) } }
    }
  }
}

/** The command or option that holds the link at a value path. */
function ownerOf(path: IvrPath): IvrPath {
  const last = path[path.length - 1]
  return last === 'onError' ? path.slice(0, -2) : last === 'goto' ? path.slice(0, -1) : path
}

function sameList(a: IvrPath, b: IvrPath): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i])
}

/** What the document should denote after `op`, computed with the `yaml` library's Document API. */
function oracle(parsed: ParsedIvr, op: IvrOp, select: IvrPath | undefined): string {
  const doc = new Document(toPlainData(parsed.model))
  const root = doc.contents as YAMLMap
  const sectionIndex = (name: string) =>
    root.items.findIndex((p) => (p.key as Scalar).value === name)
  const seqAt = (path: IvrPath) => doc.getIn(path) as YAMLSeq
  const renameRefs = (
    within: IvrPath | null,
    from: string,
    to: string,
    prefix?: { from: string; to: string },
  ) => {
    for (const ref of references(parsed.model)) {
      if (ref.value !== from || (within && ref.path[0] !== within[0])) continue
      const path = prefix ? [prefix.to, ...ref.path.slice(1)] : ref.path
      doc.setIn(path, to)
    }
  }
  switch (op.type) {
    case 'section.add': {
      const at = op.after === undefined ? root.items.length : sectionIndex(op.after) + 1
      root.items.splice(at, 0, doc.createPair(op.name, op.commands ?? []) as Pair)
      break
    }
    case 'section.delete':
      doc.deleteIn([op.name])
      break
    case 'scalar.set':
      doc.setIn(op.path, op.value)
      break
    case 'section.rename':
      renameRefs(null, op.name, op.to)
      root.items[sectionIndex(op.name)]!.key = new Scalar(op.to)
      break
    case 'section.duplicate': {
      const copy = select![0] as string
      const index = sectionIndex(op.name)
      root.items.splice(
        index + 1,
        0,
        doc.createPair(copy, (doc.getIn([op.name]) as YAMLSeq).clone()) as Pair,
      )
      renameRefs([op.name], op.name, copy, { from: op.name, to: copy })
      break
    }
    case 'section.move': {
      if (op.before === op.name) break
      const [pair] = root.items.splice(sectionIndex(op.name), 1)
      root.items.splice(op.before === null ? root.items.length : sectionIndex(op.before), 0, pair!)
      break
    }
    case 'command.add':
      seqAt(op.list).items.splice(op.index, 0, doc.createNode(op.command))
      break
    case 'command.delete':
      doc.deleteIn(op.path)
      break
    case 'command.duplicate': {
      const seq = seqAt(op.path.slice(0, -1))
      const index = op.path[op.path.length - 1] as number
      seq.items.splice(
        index + 1,
        0,
        doc.createNode((seq.items[index] as { toJSON(): unknown }).toJSON()),
      )
      break
    }
    case 'command.move': {
      const from = seqAt(op.path.slice(0, -1))
      const to = seqAt(op.list)
      const index = op.path[op.path.length - 1] as number
      const target = from === to && op.index > index ? op.index - 1 : op.index
      const [node] = from.items.splice(index, 1)
      to.items.splice(target, 0, node)
      break
    }
    case 'option.add':
      ;(doc.getIn([...op.choice, 'choice']) as YAMLMap).set(
        select![select!.length - 1],
        doc.createNode(op.option),
      )
      break
    case 'option.delete':
      doc.deleteIn(op.path)
      break
    case 'option.move': {
      const map = doc.getIn(op.path.slice(0, -1)) as YAMLMap
      const key = op.path[op.path.length - 1]
      if (op.before === key) break
      const [pair] = map.items.splice(
        map.items.findIndex((p) => (p.key as Scalar).value === key),
        1,
      )
      const at =
        op.before === null
          ? map.items.length
          : map.items.findIndex((p) => (p.key as Scalar).value === op.before)
      map.items.splice(at, 0, pair!)
      break
    }
    case 'option.duplicate': {
      const map = doc.getIn(op.path.slice(0, -1)) as YAMLMap
      const key = op.path[op.path.length - 1]
      const index = map.items.findIndex((p) => (p.key as Scalar).value === key)
      const value = (map.items[index]!.value as { toJSON(): unknown }).toJSON()
      map.items.splice(index + 1, 0, doc.createPair(select![select!.length - 1], value) as Pair)
      break
    }
    case 'option.setKey': {
      const map = doc.getIn(op.path.slice(0, -1)) as YAMLMap
      const key = op.path[op.path.length - 1]
      map.items.find((p) => (p.key as Scalar).value === key)!.key = new Scalar(op.key)
      break
    }
    case 'reference.connect': {
      const node = doc.getIn(op.path) as YAMLMap
      if (node.has('goto') || op.path[op.path.length - 2] === 'choice') {
        node.delete('do')
        node.set('goto', op.target)
      } else {
        const kind = node.has('fetch') ? 'fetch' : 'dtmf'
        doc.setIn([...op.path, kind, 'onError'], op.target)
      }
      break
    }
    case 'reference.disconnect': {
      const owner = ownerOf(op.path)
      const node = doc.getIn(owner) as YAMLMap
      if (owner[owner.length - 2] === 'choice') node.delete('goto')
      else if (node.has('goto')) doc.deleteIn(owner)
      else doc.deleteIn([...owner, node.has('fetch') ? 'fetch' : 'dtmf', 'onError'])
      break
    }
    case 'paste': {
      const fragment = parseIvr(op.fragment)
      if ('sections' in op.target) {
        const pasted = new Document(toPlainData(fragment.model))
        const name = (pasted.contents as YAMLMap).items[0]!.key as Scalar
        const to = select![0] as string
        for (const ref of references(fragment.model)) {
          if (ref.value === name.value) pasted.setIn(ref.path, to)
        }
        ;(pasted.contents as YAMLMap).items[0]!.key = new Scalar(to)
        root.items.push(...(pasted.contents as YAMLMap).items)
      } else {
        const item = toPlainData(parseIvr(`x:\n${op.fragment.replace(/^/gm, '  ')}`).model)['x']!
        if (!item) console.log('DEBUG', JSON.stringify(op.fragment), JSON.stringify(parsed.text))
        seqAt(op.target.list).items.splice(
          op.target.index,
          0,
          ...item.map((c) => doc.createNode(c)),
        )
      }
      break
    }
    default:
      throw new Error(`no oracle for ${op.type}`)
  }
  return JSON.stringify(toPlainData(parseIvr(String(doc)).model))
}

/** Deterministic bits from a seed, for decorating the text. */
function bits(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) % 8
  }
}

/**
 * The text with comment lines, trailing comments and blank lines sprinkled in, and some
 * collections turned to flow style; unchanged where a decoration would change what it says.
 */
function decorate(data: IvrData, seed: number, crlf: boolean): string {
  const next = bits(seed)
  const doc = parseDocument(toYaml(data))
  visit(doc, {
    Node(_, node) {
      if (isCollection(node) && node !== doc.contents && next() === 0) node.flow = true
    },
  })
  const plain = String(doc)
  const lines = plain.split('\n')
  const out: string[] = []
  let scalarIndent = -1
  for (const line of lines) {
    const indent = line.length - line.trimStart().length
    if (scalarIndent >= 0 && (line.trim() === '' || indent > scalarIndent)) {
      out.push(line)
      continue
    }
    scalarIndent = -1
    const structural = /^\s*(?:- |[^\s#'"].*?:(?: |$)|['"].*?['"]:(?: |$))/.test(line)
    if (structural && next() === 0) out.push(`${' '.repeat(indent)}# note`)
    if (structural && next() === 1) out.push('')
    const blockScalar = /[|>][-+0-9]*$/.test(line)
    if (blockScalar) scalarIndent = indent
    out.push(
      structural && !blockScalar && !/[[{,]$/.test(line) && next() === 2
        ? `${line}   # trailing`
        : line,
    )
  }
  let text = out.join('\n')
  const same =
    JSON.stringify(toPlainData(parseIvr(text).model)) ===
    JSON.stringify(toPlainData(parseIvr(plain).model))
  if (!same || !parseIvr(text).readable) text = plain
  return crlf ? text.replace(/\n/g, '\r\n') : text
}

/** Whether the bytes of `before` outside `edits` stand unchanged, in order, in `after`. */
function outsideUnchanged(before: string, after: string, edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length)
  let from = 0
  let shift = 0
  for (const edit of sorted) {
    if (after.slice(from + shift, edit.offset + shift) !== before.slice(from, edit.offset)) {
      return false
    }
    shift += edit.text.length - edit.length
    from = edit.offset + edit.length
  }
  return after.slice(from + shift) === before.slice(from)
}

describe('ops on random IVRs', () => {
  it('change only the bytes of their edits, read as the yaml library says they should, and undo exactly', () => {
    let applied = 0
    fc.assert(
      fc.property(
        validIvr,
        fc.nat(),
        fc.boolean(),
        fc.array(opSeed, { minLength: 1, maxLength: 4 }),
        (data, seed, crlf, seeds) => {
          const original = decorate(data, seed, crlf)
          let parsed = parseIvr(original)
          expect(parsed.readable).toBe(true)
          let history = createHistory<null>()
          for (const opSeed of seeds) {
            const op = buildOp(parsed, opSeed)
            if (!op) continue
            const result = applyOp(parsed, op)
            if (!result.ok) {
              expect(
                LEGITIMATE_REFUSALS.has(result.error),
                JSON.stringify({ op, error: result.error, text: parsed.text }),
              ).toBe(true)
              continue
            }
            applied++
            expect(outsideUnchanged(parsed.text, result.text, result.edits)).toBe(true)
            expect(applyEdits(parsed.text, result.edits)).toEqual({ ok: true, text: result.text })
            const after = parseIvr(result.text)
            expect(after.readable).toBe(true)
            expect(
              JSON.stringify(toPlainData(after.model)),
              JSON.stringify({ op, text: parsed.text }),
            ).toBe(oracle(parsed, op, result.select))
            if (crlf) expect(result.text.replace(/\r\n/g, '')).not.toContain('\n')
            history = record(history, {
              edits: result.edits,
              textBefore: parsed.text,
              label: op.type,
              selectionBefore: null,
              selectionAfter: null,
            })
            parsed = after
          }
          let text = parsed.text
          for (let step = undo(history, text); step.ok; step = undo(step.history, text)) {
            const back = applyEdits(text, step.edits)
            expect(back.ok).toBe(true)
            if (back.ok) text = back.text
          }
          expect(text).toBe(original)
        },
      ),
      { numRuns: 150 },
    )
    expect(applied).toBeGreaterThan(200)
  }, 300_000)
})

describe('the decorated IVRs of this test', () => {
  it('hold comments, blank lines and flow collections', () => {
    const samples = fc.sample(fc.tuple(validIvr, fc.nat()), { numRuns: 40, seed: 7 })
    const texts = samples.map(([data, seed]) => decorate(data, seed, false))
    expect(texts.some((t) => t.includes('# note'))).toBe(true)
    expect(texts.some((t) => t.includes('# trailing'))).toBe(true)
    expect(texts.some((t) => t.includes('\n\n'))).toBe(true)
    expect(texts.some((t) => /: \[|: \{|- \{|- \[/.test(t))).toBe(true)
  })
})

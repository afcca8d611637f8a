import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createHistory, record, redo, undo, type History } from '../../src/history/history.ts'
import type { CommandNode } from '../../src/model/ivr.ts'
import { applyOp } from '../../src/ops/apply-op.ts'
import { copyCommands, copySections } from '../../src/ops/copy.ts'
import { opTitle, type IvrOp } from '../../src/ops/op.ts'
import { applyEdits } from '../../src/ops/text-edit.ts'
import { parseIvr, type ParsedIvr } from '../../src/yaml/parse-ivr.ts'

const directory = new URL('../fixtures/examples/', import.meta.url)
const examples = readdirSync(directory).filter((name) => name.endsWith('.yaml'))

/** The ops an admin might try on an IVR, built against its current text. */
function nextOps(parsed: ParsedIvr): ((parsed: ParsedIvr) => IvrOp | null)[] {
  const first = (p: ParsedIvr) => p.model.sections[0]!
  const last = (p: ParsedIvr) => p.model.sections[p.model.sections.length - 1]!
  const commandWhere = (p: ParsedIvr, test: (c: CommandNode) => boolean) =>
    p.model.sections.flatMap((s) => s.commands).find(test) ?? null
  void parsed
  return [
    (p) => ({ type: 'section.duplicate', name: first(p).name }),
    (p) => ({
      type: 'command.add',
      list: [last(p).name],
      index: 0,
      command: { play: 'https://example.com/hi.mp3' },
    }),
    (p) => ({ type: 'section.rename', name: first(p).name, to: `${first(p).name}_renamed` }),
    (p) => {
      const section = p.model.sections.find((s) => s.commands.length > 1)
      return section
        ? {
            type: 'command.move',
            path: [section.name, section.commands.length - 1],
            list: [section.name],
            index: 0,
          }
        : null
    },
    (p) => {
      const choice = commandWhere(p, (c) => c.kind === 'choice')
      return choice
        ? {
            type: 'option.add',
            choice: choice.path,
            option: { name: 'Operator', goto: first(p).name },
          }
        : null
    },
    (p) => {
      const choice = commandWhere(p, (c) => c.kind === 'choice')
      const option = choice?.kind === 'choice' ? choice.options[0] : undefined
      return option ? { type: 'option.duplicate', path: option.path } : null
    },
    (p) => {
      const fetch = commandWhere(p, (c) => c.kind === 'fetch' || c.kind === 'dtmf')
      return fetch ? { type: 'reference.connect', path: fetch.path, target: last(p).name } : null
    },
    (p) => {
      const params = commandWhere(
        p,
        (c) =>
          (c.kind === 'fetch' || c.kind === 'dtmf') && c.params.some((x) => x.unquotedPlaceholder),
      )
      const param =
        params && (params.kind === 'fetch' || params.kind === 'dtmf')
          ? params.params.find((x) => x.unquotedPlaceholder)
          : undefined
      return param ? { type: 'placeholder.quote', path: param.path } : null
    },
    (p) => {
      const fragment = copySections(p, [last(p).name])
      return fragment ? { type: 'paste', fragment, target: { sections: true } } : null
    },
    (p) => {
      const fragment = copyCommands(p, [[first(p).name, 0]])
      return fragment
        ? { type: 'paste', fragment, target: { list: [last(p).name], index: 1 } }
        : null
    },
    (p) => ({ type: 'section.move', name: last(p).name, before: first(p).name }),
    (p) => ({ type: 'command.duplicate', path: [first(p).name, 0] }),
    (p) => ({ type: 'command.delete', path: [last(p).name, 0] }),
    (p) => ({ type: 'section.delete', name: p.model.sections[1]!.name }),
  ]
}

describe('every example IVR survives a sequence of ops and their undo byte for byte', () => {
  it.each(examples)('%s', (name) => {
    const original = readFileSync(new URL(name, directory), 'utf8')
    for (const text of [original, original.replace(/\n/g, '\r\n')]) {
      let parsed = parseIvr(text)
      let history: History<null> = createHistory()
      let applied = 0
      for (const build of nextOps(parsed)) {
        const op = build(parsed)
        if (!op) continue
        const result = applyOp(parsed, op)
        expect(result.ok, `${name}: ${JSON.stringify(op)} ${result.ok ? '' : result.error}`).toBe(
          true,
        )
        if (!result.ok) continue
        history = record(history, {
          edits: result.edits,
          textBefore: parsed.text,
          label: opTitle(op),
          selectionBefore: null,
          selectionAfter: null,
        })
        parsed = parseIvr(result.text)
        expect(parsed.readable).toBe(true)
        applied++
      }
      expect(applied).toBeGreaterThanOrEqual(8)
      const end = parsed.text
      let current = end
      for (let step = undo(history, current); step.ok; step = undo(history, current)) {
        const back = applyEdits(current, step.edits)
        if (!back.ok) throw new Error(back.error)
        current = back.text
        history = step.history
      }
      expect(current).toBe(text)
      for (let step = redo(history, current); step.ok; step = redo(history, current)) {
        const again = applyEdits(current, step.edits)
        if (!again.ok) throw new Error(again.error)
        current = again.text
        history = step.history
      }
      expect(current).toBe(end)
    }
  })
})

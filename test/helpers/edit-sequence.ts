import type { IvrOp } from '../../src/ops/op.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'

/**
 * A sequence of different ops to make on `text`, one after the other, each valid on the text the
 * ones before it leave: duplicate a section, rename the copy, add commands to it, connect one,
 * move a command to another section, duplicate and delete a command, change a value, move a
 * section. The IVR needs one section with at least one command; `null` otherwise.
 */
export function editSequence(text: string): IvrOp[] | null {
  const sections = parseIvr(text).model.sections
  const first = sections[0]
  const last = sections[sections.length - 1]
  if (!first || !last || first.commands.length === 0) return null
  const copy = 'history_copy'
  const renamed = 'history_renamed'
  return [
    { type: 'section.duplicate', name: first.name, to: copy },
    { type: 'section.rename', name: copy, to: renamed },
    {
      type: 'command.add',
      list: [renamed],
      index: 0,
      command: { play: 'https://example.com/undo.mp3' },
    },
    { type: 'command.add', list: [renamed], index: 1, command: { goto: first.name } },
    {
      type: 'reference.connect',
      path: [renamed, 1],
      target: last.name === first.name ? renamed : last.name,
    },
    { type: 'command.move', path: [renamed, 0], list: [first.name], index: 0 },
    { type: 'command.duplicate', path: [first.name, 0] },
    { type: 'command.delete', path: [first.name, 1] },
    { type: 'scalar.set', path: [first.name, 0, 'play'], value: 'https://example.com/redo.mp3' },
    { type: 'section.move', name: renamed, before: first.name },
  ]
}

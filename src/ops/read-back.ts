import type { CommandNode, IvrModel, TextValue } from '../model/ivr.ts'
import { findInModel } from '../model/find.ts'
import type { IvrPath } from '../model/path.ts'
import { toPlainData } from '../model/to-plain-data.ts'
import { parseIvr } from '../yaml/parse-ivr.ts'
import type { Data, DataRecord } from './data.ts'
import { shiftLines } from './lines.ts'

/**
 * What inserted text will denote, found by reading it on its own: ops state the data they
 * intend with it, so that the check after an edit compares like with like.
 */

/** The data of block `- ` items written at column 0, or `null` when they do not read. */
export function readCommands(block: string): Data[] | null {
  if (block.trim() === '') return []
  const data = readSections(`x:\n${shiftLines(block, 2)}`)
  const list = data?.['x']
  return Array.isArray(list) ? list : null
}

/** The data of one choice option written as a block entry `key: …` at column 0. */
export function readOption(block: string, key: string): Data | null {
  const list = readCommands(`- choice:\n${shiftLines(block, 4)}`)
  const choice = list?.[0]
  if (typeof choice !== 'object' || choice === null || Array.isArray(choice)) return null
  const options = choice['choice']
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return null
  return Object.hasOwn(options, key) ? (options[key] as Data) : null
}

/** The data of a text of sections, or `null` when it does not read as one. */
export function readSections(text: string): DataRecord | null {
  const parsed = parseIvr(text)
  if (!parsed.readable || parsed.model.invalidSections.length > 0) return null
  return toPlainData(parsed.model) as unknown as DataRecord
}

/** The commands of a list path (`[section]`, `[…option, 'do']`, `[…, 'transfer', 'if', state]`). */
export function commandListAt(model: IvrModel, path: IvrPath): readonly CommandNode[] | null {
  if (path.length === 1) {
    const found = findInModel(model, path)
    return found?.kind === 'section' ? found.node.commands : null
  }
  if (path[path.length - 1] === 'do') {
    const found = findInModel(model, path.slice(0, -1))
    return found?.kind === 'option' ? found.node.do : null
  }
  const found = findInModel(model, path)
  return found?.kind === 'branch' ? found.node.commands : null
}

/** Every section reference in `commands`, nested lists included: gotos, option gotos, onErrors. */
export function referencesIn(commands: readonly CommandNode[]): TextValue[] {
  const out: TextValue[] = []
  const visit = (list: readonly CommandNode[]) => {
    for (const command of list) {
      if (command.kind === 'goto' && command.target) out.push(command.target)
      if ((command.kind === 'fetch' || command.kind === 'dtmf') && command.onError) {
        out.push(command.onError)
      }
      if (command.kind === 'choice') {
        for (const option of command.options) {
          if (option.goto) out.push(option.goto)
          if (option.do) visit(option.do)
        }
      }
      if (command.kind === 'transfer') for (const branch of command.branches) visit(branch.commands)
    }
  }
  visit(commands)
  return out
}

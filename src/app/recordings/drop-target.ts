import { ENDING_COMMANDS } from '../../model/commands.ts'
import { findInModel } from '../../model/find.ts'
import type { CommandNode, IvrModel } from '../../model/ivr.ts'
import type { IvrPath } from '../../model/path.ts'
import type { IvrOp, ListPath } from '../../ops/op.ts'

/** What a recording was dropped on: a row of a card (by its path) or a card as a whole. */
export type DropTarget =
  | { readonly kind: 'row'; readonly path: IvrPath }
  | { readonly kind: 'section'; readonly name: string }

/**
 * What dropping a recording there does: `set` the URL of a play command or of a choice option's
 * prompt, or `insert` a new play command into a list at an index.
 */
export type DropPlan =
  | { readonly kind: 'set'; readonly urlPath: IvrPath; readonly section: string }
  | {
      readonly kind: 'insert'
      readonly list: ListPath
      readonly index: number
      readonly section: string
      /** Whether the drop was on a card or branch as a whole, rather than before one of its rows. */
      readonly whole: boolean
    }

/**
 * Where a play added to `list` as a whole goes: after its last command, or before it when that
 * command ends the list (a ring, a goto, a menu…), since nothing after it would ever play.
 */
function endOf(list: readonly CommandNode[]): number {
  const last = list[list.length - 1]
  return last && ENDING_COMMANDS.has(last.kind) ? list.length - 1 : list.length
}

/**
 * The plan for a drop on `target` in `model`, or `null` when there is nothing to drop on (the
 * card or row is gone). A play row, or an option with a prompt, gets the new URL; another command
 * row gets a play inserted before it; a transfer branch, the card's header, an option without a
 * prompt and the card as a whole get one at the end of their list (before a command that ends it).
 */
export function planDrop(model: IvrModel, target: DropTarget): DropPlan | null {
  const sectionName = target.kind === 'section' ? target.name : target.path[0]
  if (typeof sectionName !== 'string') return null
  const section = model.sections.find((s) => s.name === sectionName)
  if (!section) return null
  const append: DropPlan = {
    kind: 'insert',
    list: [section.name],
    index: endOf(section.commands),
    section: section.name,
    whole: true,
  }
  if (target.kind === 'section' || target.path.length === 1) return append

  const found = findInModel(model, target.path)
  if (!found) return null
  switch (found.kind) {
    case 'command': {
      if (found.node.kind === 'play' && found.node.url) {
        return { kind: 'set', urlPath: [...target.path, 'play'], section: section.name }
      }
      const index = target.path[target.path.length - 1]
      if (typeof index !== 'number') return append
      return {
        kind: 'insert',
        list: target.path.slice(0, -1),
        index,
        section: section.name,
        whole: false,
      }
    }
    case 'option':
      return found.node.play
        ? { kind: 'set', urlPath: [...target.path, 'play'], section: section.name }
        : append
    case 'branch':
      return {
        kind: 'insert',
        list: target.path,
        index: endOf(found.node.commands),
        section: section.name,
        whole: true,
      }
    default:
      return append
  }
}

/** The op that carries out `plan` with the recording at `url`. */
export function dropOp(plan: DropPlan, url: string): IvrOp {
  return plan.kind === 'set'
    ? { type: 'scalar.set', path: plan.urlPath, value: url }
    : { type: 'command.add', list: plan.list, index: plan.index, command: { play: url } }
}

/**
 * The ops for dropping several recordings on one place, to apply one after the other: the first
 * goes where the plan says, each next one right after the one before. An option's prompt takes
 * one recording only; the others stay in the library.
 */
export function dropOps(plan: DropPlan, urls: readonly string[]): IvrOp[] {
  const [first, ...rest] = urls
  if (first === undefined) return []
  if (plan.kind === 'insert') {
    return urls.map((url, i) => ({
      type: 'command.add',
      list: plan.list,
      index: plan.index + i,
      command: { play: url },
    }))
  }
  const commandPath = plan.urlPath.slice(0, -1)
  const index = commandPath[commandPath.length - 1]
  if (typeof index !== 'number') return [dropOp(plan, first)]
  return [
    dropOp(plan, first),
    ...rest.map<IvrOp>((url, i) => ({
      type: 'command.add',
      list: commandPath.slice(0, -1),
      index: index + 1 + i,
      command: { play: url },
    })),
  ]
}

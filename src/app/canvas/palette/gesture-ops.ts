import type { Point } from '../../../graph/layout.ts'
import { sectionNodeId } from '../../../graph/graph.ts'
import { findInModel } from '../../../model/find.ts'
import type { IvrModel } from '../../../model/ivr.ts'
import type { IvrPath } from '../../../model/path.ts'
import { pathAfterRemoval } from '../../../ops/command-ops.ts'
import { createContext } from '../../../ops/context.ts'
import { uniqueName } from '../../../ops/names.ts'
import type { IvrOp, ListPath } from '../../../ops/op.ts'
import { stringifyItems } from '../../../yaml/fragment.ts'
import type { ParsedIvr } from '../../../yaml/parse-ivr.ts'
import { isNoOpMove, newCardPosition, type DropSlot } from './drop-slots.ts'
import { itemCommands, paletteItem, type ItemContext, type PaletteItemId } from './palette-items.ts'

/** What is dragged: an item of the palette, or the command of a card's row. */
export type DragSource =
  | { readonly kind: 'item'; readonly id: PaletteItemId }
  | { readonly kind: 'row'; readonly path: IvrPath }

/** Where it is dropped: a place in a card's commands, or the empty canvas at a point. */
export type GestureTarget =
  | { readonly kind: 'slot'; readonly section: string; readonly slot: DropSlot }
  | { readonly kind: 'canvas'; readonly at: Point }

/** What a gesture does: one op, what to select after it, and where a new card stands. */
export interface GesturePlan {
  readonly op: IvrOp
  readonly select: IvrPath
  readonly place?: { readonly id: string; readonly position: Point }
}

/** The names of the menu options a block writes, in the admin's language. */
export type OptionNames = ItemContext['optionNames']

/**
 * The op of dropping `source` on `target` in the IVR read as `parsed`; `null` when the drop does
 * nothing (a command put back where it was, a row dropped beside every card).
 */
export function planGesture(
  parsed: ParsedIvr,
  source: DragSource,
  target: GestureTarget,
  optionNames: OptionNames,
): GesturePlan | null {
  const { model } = parsed
  if (source.kind === 'row') {
    if (target.kind !== 'slot' || isNoOpMove(target.slot, source.path)) return null
    return {
      op: {
        type: 'command.move',
        path: source.path,
        list: target.slot.list,
        index: target.slot.index,
      },
      select: movedPath(source.path, target.slot),
    }
  }
  if (target.kind === 'slot') {
    return insertPlan(
      parsed,
      source.id,
      target.slot.list,
      target.slot.index,
      target.section,
      optionNames,
    )
  }
  return newSectionPlan(model, source.id, target.at, optionNames)
}

/** Adding item `id` into `list` before `index`: one command, or a block as one paste. */
export function insertPlan(
  parsed: ParsedIvr,
  id: PaletteItemId,
  list: ListPath,
  index: number,
  section: string,
  optionNames: OptionNames,
): GesturePlan {
  const commands = itemCommands(id, { model: parsed.model, into: section, optionNames })
  const select = [...list, index]
  if (commands.length === 1) {
    return { op: { type: 'command.add', list, index, command: commands[0]! }, select }
  }
  const fragment = stringifyItems(commands, createContext(parsed).layout)
  return { op: { type: 'paste', fragment, target: { list, index } }, select }
}

/** A new section made of item `id` alone, under a free name, with its card at `at`. */
export function newSectionPlan(
  model: IvrModel,
  id: PaletteItemId,
  at: Point,
  optionNames: OptionNames,
): GesturePlan {
  const name = freeSectionName(model, paletteItem(id).stem)
  const commands = itemCommands(id, { model, into: null, optionNames })
  return {
    op: { type: 'section.add', name, commands },
    select: [name],
    place: { id: sectionNodeId(name), position: newCardPosition(at) },
  }
}

/** `stem` when no section has that name, else `stem_2`, `stem_3`, … */
export function freeSectionName(model: IvrModel, stem: string): string {
  const taken = new Set([
    ...model.sections.map((s) => s.name),
    ...model.invalidSections.map((s) => s.name),
  ])
  return uniqueName(stem, taken)
}

/** Where the command at `path` is once moved to `slot`. */
export function movedPath(path: IvrPath, slot: DropSlot): IvrPath {
  const from = path[path.length - 1] as number
  const list = path.slice(0, -1)
  const same = list.length === slot.list.length && list.every((p, i) => p === slot.list[i])
  const index = same && slot.index > from ? slot.index - 1 : slot.index
  return [...pathAfterRemoval(slot.list, path), index]
}

/**
 * Where an item added without a drag goes, after what is selected: after the selected command,
 * at the end of the selected section, option (with `do`) or branch. `null` when nothing that
 * holds commands is selected: the item then becomes a section of its own.
 */
export function insertionAfter(
  model: IvrModel,
  selected: IvrPath | null,
): { list: ListPath; index: number; section: string } | null {
  if (!selected || typeof selected[0] !== 'string') return null
  const section = selected[0]
  for (let end = selected.length; end >= 1; end--) {
    const path = selected.slice(0, end)
    const found = findInModel(model, path)
    if (!found) continue
    switch (found.kind) {
      case 'section':
        return { list: path, index: found.node.commands.length, section }
      case 'command': {
        const index = path[path.length - 1] as number
        return { list: path.slice(0, -1), index: index + 1, section }
      }
      case 'option':
        if (found.node.do) {
          return { list: [...path, 'do'], index: found.node.do.length, section }
        }
        break
      case 'branch':
        return { list: path, index: found.node.commands.length, section }
      default:
        break
    }
  }
  return null
}

import type { GraphRow } from '../../../graph/graph.ts'
import { findInModel } from '../../../model/find.ts'
import type { IvrModel } from '../../../model/ivr.ts'
import { isPathPrefix, pathKey, type IvrPath } from '../../../model/path.ts'
import type { Span } from '../../../model/span.ts'
import type { Selection } from '../../state/document.ts'

/**
 * What a selected path stands for on the canvas: a card, a row (command, menu option or
 * transfer branch), or the link from a row to a section (an edge: an option's or a goto's
 * `goto`, a fetch's or dtmf's `onError`).
 */
export type CanvasItem =
  | { readonly kind: 'section'; readonly path: IvrPath; readonly name: string; readonly span: Span }
  | { readonly kind: 'command'; readonly path: IvrPath; readonly span: Span }
  | { readonly kind: 'option'; readonly path: IvrPath; readonly span: Span }
  | { readonly kind: 'branch'; readonly path: IvrPath; readonly span: Span }
  | {
      readonly kind: 'link'
      /** The `goto` or `onError` value: `[…, 'goto']`, `[…, 'fetch', 'onError']`. */
      readonly path: IvrPath
      /** The row the link leaves from: the option, goto command or fetch/dtmf command. */
      readonly owner: IvrPath
      readonly ownerKind: 'option' | 'goto' | 'fetch'
      readonly span: Span
    }

/** Every path the selection holds: the primary one first, then the others in order. */
export function selectedPaths(selection: Selection | null): IvrPath[] {
  if (!selection) return []
  return [selection.path, ...(selection.extra ?? [])]
}

/**
 * The selection after Shift- or Ctrl-clicking `path`: added when it was not selected (and made
 * the primary item), taken out when it was; `null` when that leaves nothing selected.
 */
export function toggleInSelection(
  selection: Selection | null,
  path: IvrPath,
): { path: IvrPath; extra: IvrPath[] } | null {
  const paths = selectedPaths(selection)
  const key = pathKey(path)
  const rest = paths.filter((p) => pathKey(p) !== key)
  if (rest.length === paths.length) return { path, extra: paths }
  const [first, ...others] = rest
  return first ? { path: first, extra: others } : null
}

/** The path of the link a row has or can have: where `reference.connect` writes its target. */
export function linkPathOf(row: Pick<GraphRow, 'kind' | 'path'>): IvrPath | null {
  switch (row.kind) {
    case 'option':
    case 'goto':
      return [...row.path, 'goto']
    case 'fetch':
    case 'dtmf':
      return [...row.path, row.kind, 'onError']
    default:
      return null
  }
}

/** Whether a row can lead to a section, so that a connection can be dragged from it. */
export function isLinkRow(row: Pick<GraphRow, 'kind'>): boolean {
  return linkPathOf({ kind: row.kind, path: [] }) !== null
}

/**
 * The item `path` stands for: a section, command, option or branch itself, a link, or (for the
 * path of a value inside one, such as a problem's) the nearest item around it. `null` when the
 * path names nothing of the model.
 */
export function itemAt(model: IvrModel, path: IvrPath): CanvasItem | null {
  const link = linkAt(model, path)
  if (link) return link
  for (let length = path.length; length >= 1; length--) {
    const prefix = path.slice(0, length)
    const found = findInModel(model, prefix)
    if (!found) continue
    switch (found.kind) {
      case 'section':
        return { kind: 'section', path: prefix, name: found.node.name, span: found.node.span }
      case 'command':
        return { kind: 'command', path: prefix, span: found.node.span }
      case 'option':
        return { kind: 'option', path: prefix, span: found.node.span }
      case 'branch':
        return { kind: 'branch', path: prefix, span: branchSpan(found.node) }
      default:
        continue
    }
  }
  return null
}

function linkAt(model: IvrModel, path: IvrPath): CanvasItem | null {
  const last = path[path.length - 1]
  if (last === 'goto') {
    const owner = path.slice(0, -1)
    const found = findInModel(model, owner)
    if (found?.kind === 'option') {
      return { kind: 'link', path, owner, ownerKind: 'option', span: found.node.span }
    }
    if (found?.kind === 'command' && found.node.kind === 'goto') {
      return { kind: 'link', path, owner, ownerKind: 'goto', span: found.node.span }
    }
  } else if (last === 'onError') {
    const kind = path[path.length - 2]
    const owner = path.slice(0, -2)
    const found = findInModel(model, owner)
    if ((kind === 'fetch' || kind === 'dtmf') && found?.kind === 'command') {
      if (found.node.kind === kind) {
        return { kind: 'link', path, owner, ownerKind: 'fetch', span: found.node.span }
      }
    }
  }
  return null
}

function branchSpan(branch: { keySpan: Span; commands: readonly { span: Span }[] }): Span {
  const last = branch.commands[branch.commands.length - 1]
  return { start: branch.keySpan.start, end: last ? last.span.end : branch.keySpan.end }
}

/**
 * The items of `paths`, each once, in the order of the text, without those inside another one
 * (a command of a selected section, a link of a selected row): acting on the outer item acts on
 * them already.
 */
export function selectedItems(model: IvrModel, paths: readonly IvrPath[]): CanvasItem[] {
  const items: CanvasItem[] = []
  const seen = new Set<string>()
  for (const path of paths) {
    const item = itemAt(model, path)
    if (!item || seen.has(pathKey(item.path))) continue
    seen.add(pathKey(item.path))
    items.push(item)
  }
  const outer = items.filter((item) => !items.some((other) => contains(other, item)))
  return outer.sort((a, b) => a.span.start - b.span.start || a.path.length - b.path.length)
}

/** Whether acting on `outer` acts on `inner` too: it holds `inner`'s row, or is that row. */
function contains(outer: CanvasItem, inner: CanvasItem): boolean {
  if (outer === inner || outer.kind === 'link') return false
  const row = inner.kind === 'link' ? inner.owner : inner.path
  if (!isPathPrefix(outer.path, row)) return false
  return inner.kind === 'link' || pathKey(outer.path) !== pathKey(row)
}

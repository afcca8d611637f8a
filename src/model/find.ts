import type {
  ChoiceOptionNode,
  CommandNode,
  IvrModel,
  ParamNode,
  SectionNode,
  TextValue,
  TransferBranch,
} from './ivr.ts'
import type { IvrPath } from './path.ts'

/** What an IVR path names in the model. */
export type Found =
  | { readonly kind: 'section'; readonly node: SectionNode }
  | { readonly kind: 'command'; readonly node: CommandNode }
  | { readonly kind: 'option'; readonly node: ChoiceOptionNode }
  | { readonly kind: 'branch'; readonly node: TransferBranch }
  | { readonly kind: 'param'; readonly node: ParamNode }
  | { readonly kind: 'text'; readonly node: TextValue }

/**
 * The model node at `path`, or `null`. Keys compare by their source text, so `1` and `"1"` are
 * the same choice key.
 */
export function findInModel(model: IvrModel, path: IvrPath): Found | null {
  const [name, ...rest] = path
  const section = model.sections.find((s) => s.name === name)
  if (!section) return null
  if (rest.length === 0) return { kind: 'section', node: section }
  return findInList(section.commands, rest)
}

function findInList(list: readonly CommandNode[], path: IvrPath): Found | null {
  const [index, ...rest] = path
  if (typeof index !== 'number') return null
  const command = list[index]
  if (!command) return null
  if (rest.length === 0) return { kind: 'command', node: command }
  return findInCommand(command, rest)
}

function findInCommand(command: CommandNode, path: IvrPath): Found | null {
  const [head, ...rest] = path
  if (head !== command.kind) return null
  switch (command.kind) {
    case 'play':
      return rest.length === 0 && command.url ? { kind: 'text', node: command.url } : null
    case 'goto':
      return rest.length === 0 && command.target ? { kind: 'text', node: command.target } : null
    case 'choice': {
      const [key, ...inner] = rest
      const option = command.options.findLast((o) => o.key === String(key))
      if (!option) return null
      if (inner.length === 0) return { kind: 'option', node: option }
      return findInOption(option, inner)
    }
    case 'transfer': {
      const [field, state, ...inner] = rest
      if (field === 'to') return rest.length === 1 && command.to ? { kind: 'text', node: command.to } : null
      if (field !== 'if') return null
      const branch = command.branches.findLast((b) => b.state === state)
      if (!branch) return null
      return inner.length === 0 ? { kind: 'branch', node: branch } : findInList(branch.commands, inner)
    }
    case 'fetch':
    case 'dtmf': {
      const [field, name] = rest
      if (field === 'url' && rest.length === 1) return command.url ? { kind: 'text', node: command.url } : null
      if (field === 'onError' && rest.length === 1) {
        return command.onError ? { kind: 'text', node: command.onError } : null
      }
      if (field === 'params' && rest.length === 2) {
        const param = command.params.findLast((p) => p.name === name)
        return param ? { kind: 'param', node: param } : null
      }
      return null
    }
    default:
      return null
  }
}

function findInOption(option: ChoiceOptionNode, path: IvrPath): Found | null {
  const [field, ...rest] = path
  if (field === 'do') return option.do ? findInList(option.do, rest) : null
  if (rest.length > 0) return null
  const value = field === 'name' ? option.name : field === 'play' ? option.play : field === 'goto' ? option.goto : null
  return value ? { kind: 'text', node: value } : null
}

/**
 * The path of the innermost section, command or choice option whose span holds `offset`, so that
 * a cursor in the text selects the same thing on the canvas; `null` outside every section.
 */
export function pathAtOffset(model: IvrModel, offset: number): IvrPath | null {
  const inside = (span: { start: number; end: number }) => span.start <= offset && offset <= span.end
  const section = model.sections.find((s) => inside(s.span))
  if (!section) return null
  let path: IvrPath = section.path
  let list: readonly CommandNode[] | null = section.commands
  while (list) {
    const command: CommandNode | undefined = list.find((c) => inside(c.span))
    if (!command) break
    path = command.path
    list = null
    if (command.kind === 'choice') {
      const option: ChoiceOptionNode | undefined = command.options.find((o) => inside(o.span))
      if (option) {
        path = option.path
        list = option.do
      }
    } else if (command.kind === 'transfer') {
      const branch: TransferBranch | undefined = command.branches.find((b) =>
        b.commands.some((c) => inside(c.span)),
      )
      if (branch) list = branch.commands
    }
  }
  return path
}

/** The span to reveal for a path: the node's own, or its nearest ancestor's. */
export function spanOfPath(model: IvrModel, path: IvrPath): { start: number; end: number } | null {
  for (let length = path.length; length >= 1; length--) {
    const found = findInModel(model, path.slice(0, length))
    if (!found) continue
    switch (found.kind) {
      case 'section':
        return found.node.keySpan
      case 'command':
      case 'option':
      case 'text':
        return found.node.span
      case 'branch':
        return found.node.keySpan
      case 'param':
        return found.node.valueSpan
    }
  }
  return null
}

import type { Diagnostic, DiagnosticCode } from '../../validate/diagnostic.ts'
import type { FetchNode, ParamNode, TransferNode } from '../../model/ivr.ts'
import type { IvrPath } from '../../model/path.ts'
import type { IvrOp } from '../../ops/op.ts'
import type { InspectedItem } from './inspected.ts'

/** Which diagnostics a field shows under it: those at or inside `path`, or only those exactly there. */
export interface DiagnosticScope {
  readonly path: IvrPath
  /** Only diagnostics at `path` itself, not inside it (a section's name, an option's key). */
  readonly exact?: boolean
  /** Only these codes (an option's key shows its duplicate, not its missing action). */
  readonly codes?: readonly DiagnosticCode[]
}

/** A text field whose value an op sets. */
interface TextFieldBase {
  /** Stable within an item, for React keys and test ids. */
  readonly id: string
  readonly value: string
  readonly scope: DiagnosticScope
}

/** One field of the inspector, as data: what it edits, how, and which problems it shows. */
export type Field =
  | (TextFieldBase & { readonly kind: 'section-name'; readonly name: string })
  | (TextFieldBase & {
      readonly kind: 'url'
      /** A play command's recording, an option's prompt, or a script's address. */
      readonly role: 'play' | 'prompt' | 'script'
      /** Whether the field may be left empty (an option's prompt is removed then). */
      readonly optional: boolean
      readonly path: IvrPath
    })
  | (TextFieldBase & {
      readonly kind: 'text'
      readonly role: 'option-name' | 'department' | 'param-value'
      readonly optional: boolean
      readonly path: IvrPath
    })
  | (TextFieldBase & { readonly kind: 'param-name'; readonly path: IvrPath })
  | (TextFieldBase & { readonly kind: 'key'; readonly path: IvrPath })
  | (TextFieldBase & {
      readonly kind: 'section'
      readonly role: 'goto' | 'option-goto' | 'on-error'
      /** What `reference.connect` points. */
      readonly referrer: IvrPath
      /** Whether the link may be removed (an onError). */
      readonly optional: boolean
      /** An option with a `do` list: choosing a section replaces it. */
      readonly replacesDo: boolean
    })
  | {
      readonly id: 'params'
      readonly kind: 'params'
      readonly command: FetchNode
      readonly path: IvrPath
      readonly params: readonly ParamNode[]
      readonly scope: DiagnosticScope
    }
  | { readonly id: 'branches'; readonly kind: 'branches'; readonly command: TransferNode }
  | {
      readonly id: 'options'
      readonly kind: 'options'
      readonly item: Extract<InspectedItem, { kind: 'command' }>
    }
  | {
      readonly id: 'do'
      readonly kind: 'do'
      readonly item: Extract<InspectedItem, { kind: 'option' }>
    }
  | {
      readonly id: 'about'
      readonly kind: 'about'
      /** The command word whose description to show. */
      readonly command: 'ring' | 'voicemail' | 'callback' | 'unknown' | 'malformed'
    }

/**
 * The fields of an item, in the order the inspector shows them: a section's name; a play
 * command's recording; an option's key, name, prompt and action; a goto's section; a transfer's
 * department and branches; a fetch's or dtmf's URL, error section and parameters; for commands
 * without arguments, what they do.
 */
export function fieldsOf(item: InspectedItem): Field[] {
  if (item.kind === 'section') {
    const name = item.node.name
    return [
      {
        id: 'name',
        kind: 'section-name',
        name,
        value: name,
        scope: { path: item.path, exact: true },
      },
    ]
  }
  if (item.kind === 'option') {
    const { node, path } = item
    const fields: Field[] = [
      {
        id: 'key',
        kind: 'key',
        path,
        value: node.key,
        scope: { path, exact: true, codes: ['duplicate-key', 'invalid-choice-key'] },
      },
      {
        id: 'name',
        kind: 'text',
        role: 'option-name',
        optional: true,
        path: [...path, 'name'],
        value: node.name?.value ?? '',
        scope: { path: [...path, 'name'] },
      },
      {
        id: 'play',
        kind: 'url',
        role: 'prompt',
        optional: true,
        path: [...path, 'play'],
        value: node.play?.value ?? '',
        scope: { path: [...path, 'play'] },
      },
    ]
    if (node.hasDo && !node.hasGoto) fields.push({ id: 'do', kind: 'do', item })
    fields.push({
      id: 'goto',
      kind: 'section',
      role: 'option-goto',
      referrer: path,
      optional: false,
      replacesDo: node.hasDo,
      value: node.goto?.value ?? '',
      scope: { path: [...path, 'goto'] },
    })
    return fields
  }
  const { node, path } = item
  switch (node.kind) {
    case 'play':
      return [
        {
          id: 'play',
          kind: 'url',
          role: 'play',
          optional: false,
          path: [...path, 'play'],
          value: node.url?.value ?? '',
          scope: { path: [...path, 'play'] },
        },
      ]
    case 'goto':
      return [
        {
          id: 'goto',
          kind: 'section',
          role: 'goto',
          referrer: path,
          optional: false,
          replacesDo: false,
          value: node.target?.value ?? '',
          scope: { path: [...path, 'goto'] },
        },
      ]
    case 'choice':
      return [{ id: 'options', kind: 'options', item }]
    case 'transfer':
      return [
        {
          id: 'to',
          kind: 'text',
          role: 'department',
          optional: false,
          path: [...path, 'transfer', 'to'],
          value: node.to?.value ?? '',
          scope: { path: [...path, 'transfer', 'to'] },
        },
        { id: 'branches', kind: 'branches', command: node },
      ]
    case 'fetch':
    case 'dtmf':
      return [
        {
          id: 'url',
          kind: 'url',
          role: 'script',
          optional: false,
          path: [...path, node.kind, 'url'],
          value: node.url?.value ?? '',
          scope: { path: [...path, node.kind, 'url'] },
        },
        {
          id: 'onError',
          kind: 'section',
          role: 'on-error',
          referrer: [...path, 'onError'],
          optional: true,
          replacesDo: false,
          value: node.onError?.value ?? '',
          scope: { path: [...path, node.kind, 'onError'] },
        },
        {
          id: 'params',
          kind: 'params',
          command: node,
          path: [...path, node.kind, 'params'],
          params: node.params,
          scope: { path: [...path, node.kind, 'params'] },
        },
      ]
    case 'ring':
    case 'voicemail':
    case 'callback':
    case 'unknown':
    case 'malformed':
      return [{ id: 'about', kind: 'about', command: node.kind }]
  }
}

/** The field kinds that hold one text value set by an op. */
export type ValueField = Extract<Field, { value: string }>

/**
 * The op that sets `field` to `value`, or `null` when nothing is to be done (the value did not
 * change). An optional field left empty is removed; an onError left empty is unlinked.
 */
export function opForField(field: ValueField, value: string): IvrOp | null {
  if (value === field.value) return null
  switch (field.kind) {
    case 'section-name':
      return { type: 'section.rename', name: field.name, to: value }
    case 'key':
      return { type: 'option.setKey', path: field.path, key: value }
    case 'param-name':
      return { type: 'key.rename', path: field.path, name: value }
    case 'url':
    case 'text':
      return field.optional && value === ''
        ? { type: 'field.remove', path: field.path }
        : { type: 'field.set', path: field.path, value }
    case 'section':
      return field.optional && value === ''
        ? { type: 'reference.disconnect', path: field.referrer }
        : { type: 'reference.connect', path: field.referrer, target: value }
  }
}

/** The path a field's diagnostics sit at once `op` has been applied (a renamed section moves them). */
export function scopeAfter(field: ValueField, value: string): DiagnosticScope {
  if (field.kind === 'section-name') return { ...field.scope, path: [value] }
  if (field.kind === 'key' || field.kind === 'param-name') {
    return { ...field.scope, path: [...field.path.slice(0, -1), value] }
  }
  return field.scope
}

/** Whether `diagnostic` belongs under a field with `scope`. */
export function inScope(
  scope: DiagnosticScope,
  diagnostic: Pick<Diagnostic, 'path' | 'code'>,
): boolean {
  const { path } = diagnostic
  if (scope.codes && !scope.codes.includes(diagnostic.code)) return false
  if (scope.exact && path.length !== scope.path.length) return false
  return scope.path.length <= path.length && scope.path.every((s, i) => s === path[i])
}

/** The name and the value of one parameter of a fetch or dtmf, as two fields. */
export interface ParamFields {
  readonly name: Extract<ValueField, { kind: 'param-name' }>
  readonly value: Extract<ValueField, { kind: 'text' }>
}

/** The fields of each parameter of `command` (at `commandPath`), in the order written. */
export function paramFields(command: FetchNode, commandPath: IvrPath): ParamFields[] {
  const seen = new Set<string>()
  const fields: ParamFields[] = []
  for (const param of [...command.params].reverse()) {
    // A name written twice counts once, as its last value: the one the model reads.
    if (seen.has(param.name)) continue
    seen.add(param.name)
    const path = [...commandPath, command.kind, 'params', param.name]
    fields.unshift({
      name: {
        id: `param-name:${param.name}`,
        kind: 'param-name',
        path,
        value: param.name,
        scope: { path, exact: true, codes: ['duplicate-key'] },
      },
      value: {
        id: `param-value:${param.name}`,
        kind: 'text',
        role: 'param-value',
        optional: false,
        path,
        value: param.value,
        scope: { path, codes: ['invalid-command', 'unquoted-placeholder'] },
      },
    })
  }
  return fields
}

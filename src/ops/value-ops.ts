import { findInModel } from '../model/find.ts'
import type { IvrPath } from '../model/path.ts'
import { formatScalar } from '../yaml/format-scalar.ts'
import { expectData, refuse, type OpContext, type Planned } from './context.ts'
import { dataAt, isRecord, type DataRecord } from './data.ts'

/** A copy of the document's data with the value at `path` set, when its parent is there. */
function withValue(ctx: OpContext, path: IvrPath, value: string): DataRecord | null {
  const data = ctx.data([path])
  const parent = dataAt(data, path.slice(0, -1))
  const last = path[path.length - 1]
  if (Array.isArray(parent) && typeof last === 'number' && last < parent.length)
    parent[last] = value
  else if (isRecord(parent) && Object.hasOwn(parent, String(last))) parent[String(last)] = value
  else return null
  return data
}

/** `scalar.set`: the scalar's exact token replaced, keeping its quote style. */
export function planScalarSet(ctx: OpContext, path: IvrPath, value: string): Planned {
  const found = findInModel(ctx.model, path)
  const intended = withValue(ctx, path, value)
  if (found?.kind === 'text' && intended) {
    const { span, style, inFlow } = found.node
    return {
      edits: [
        {
          offset: span.start,
          length: span.end - span.start,
          text: formatScalar(value, style, inFlow),
        },
      ],
      check: expectData(intended),
    }
  }
  if (found?.kind === 'command' && found.node.valueSpan === null) {
    // A bare word such as `- rign`; it may become a command that still needs its value.
    const { span } = found.node
    return {
      edits: [
        { offset: span.start, length: span.end - span.start, text: formatScalar(value, 'plain') },
      ],
      check: (model) => {
        const after = findInModel(model, path)
        return after?.kind === 'command' && after.node.kind === value
      },
    }
  }
  return refuse('op.error.not-found')
}

/** `key.rename`: the command key that ends `path` replaced, for a misspelt command name. */
export function planKeyRename(ctx: OpContext, path: IvrPath, name: string): Planned {
  const commandPath = path.slice(0, -1)
  const found = findInModel(ctx.model, commandPath)
  if (found?.kind !== 'command' || found.node.kind !== 'unknown') {
    return refuse('op.error.not-found')
  }
  const { keySpan } = found.node
  return {
    edits: [
      {
        offset: keySpan.start,
        length: keySpan.end - keySpan.start,
        text: formatScalar(name, 'plain'),
      },
    ],
    check: (model) => {
      const after = findInModel(model, commandPath)
      return after?.kind === 'command' && after.node.kind === name
    },
  }
}

/** `placeholder.quote`: `{$from_number}` written as the string `"{$from_number}"`. */
export function planPlaceholderQuote(ctx: OpContext, path: IvrPath): Planned {
  const found = findInModel(ctx.model, path)
  if (found?.kind !== 'param' || !found.node.unquotedPlaceholder) {
    return refuse('op.error.not-found')
  }
  const { valueSpan, value } = found.node
  return {
    edits: [
      {
        offset: valueSpan.start,
        length: valueSpan.end - valueSpan.start,
        text: formatScalar(value, 'double'),
      },
    ],
    check: (model) => {
      const after = findInModel(model, path)
      return (
        after?.kind === 'param' && !after.node.unquotedPlaceholder && after.node.value === value
      )
    },
  }
}

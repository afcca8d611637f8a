import { assertNever } from '../model/ivr.ts'
import type { IvrPath } from '../model/path.ts'
import { createIvrParser } from '../yaml/incremental.ts'
import type { ParsedIvr } from '../yaml/parse-ivr.ts'
import {
  planCommandAdd,
  planCommandDelete,
  planCommandDuplicate,
  planCommandMove,
} from './command-ops.ts'
import { createContext, isRefusal, type OpContext, type Planned } from './context.ts'
import type { IvrOp } from './op.ts'
import {
  planOptionAdd,
  planOptionDelete,
  planOptionDuplicate,
  planOptionMove,
  planOptionSetKey,
} from './option-ops.ts'
import { planFieldRemove, planFieldSet, planParamRename } from './field-ops.ts'
import { planPaste } from './paste.ts'
import { planConnect, planDisconnect } from './reference-ops.ts'
import {
  planSectionAdd,
  planSectionDelete,
  planSectionDuplicate,
  planSectionMove,
  planSectionRename,
} from './section-ops.ts'
import { applyEdits, type TextEdit } from './text-edit.ts'
import { planKeyRename, planPlaceholderQuote, planScalarSet } from './value-ops.ts'

/**
 * Reads back the text an op made. Incremental: an op changes a few sections at most, and the
 * sections it left alone are those of the text it read back last time, so a large IVR is not
 * parsed whole again for every canvas gesture.
 */
const reader = createIvrParser()

/** The edits an op makes, and the text they give; or why the op was refused. */
export type OpResult =
  | {
      readonly ok: true
      readonly edits: readonly TextEdit[]
      readonly text: string
      /** What the op created or moved, for the views to select; absent after a delete. */
      readonly select?: IvrPath
    }
  | { readonly ok: false; readonly error: string; readonly args?: Readonly<Record<string, string>> }

/**
 * Computes the text edits of an op against the exact text of `parsed`, applies them, re-reads
 * the result and checks that it says what the op intended. An op that would not is refused with
 * a message id (`op.error.*`), and the text stays as it was. An op that changes nothing (a move
 * to where the item already is) succeeds with no edits.
 */
export function applyOp(
  parsed: ParsedIvr,
  op: IvrOp,
  parse: (text: string) => ParsedIvr = (text) => reader.parse(text),
): OpResult {
  if (!parsed.readable && !isBlankDocument(parsed)) {
    return { ok: false, error: 'op.error.unreadable' }
  }
  const planned = planOp(createContext(parsed), op)
  if (isRefusal(planned)) return planned
  const select = planned.select ? { select: planned.select } : {}
  if (planned.edits.length === 0) return { ok: true, edits: [], text: parsed.text, ...select }
  const applied = applyEdits(parsed.text, planned.edits)
  if (!applied.ok) return { ok: false, error: 'op.error.conflict' }
  const after = parse(applied.text)
  if (!after.readable && !isBlankDocument(after)) return { ok: false, error: 'op.error.unexpected' }
  const invalidBefore = parsed.model.invalidSections.map((s) => s.name).join('\n')
  const invalidAfter = after.model.invalidSections.map((s) => s.name).join('\n')
  if (invalidBefore !== invalidAfter || !planned.check(after.model)) {
    return { ok: false, error: 'op.error.unexpected' }
  }
  return { ok: true, edits: planned.edits, text: applied.text, ...select }
}

/** Text with no content but comments: sections can be added to it. */
function isBlankDocument(parsed: ParsedIvr): boolean {
  return (
    parsed.document !== null &&
    parsed.diagnostics.length > 0 &&
    parsed.diagnostics.every((d) => d.messageId === 'diag.not-a-mapping.empty')
  )
}

function planOp(ctx: OpContext, op: IvrOp): Planned {
  switch (op.type) {
    case 'section.add':
      return planSectionAdd(ctx, op.name, op.commands, op.after)
    case 'section.delete':
      return planSectionDelete(ctx, op.name)
    case 'section.rename':
      return planSectionRename(ctx, op.name, op.to)
    case 'section.duplicate':
      return planSectionDuplicate(ctx, op.name, op.to)
    case 'section.move':
      return planSectionMove(ctx, op.name, op.before)
    case 'command.add':
      return planCommandAdd(ctx, op.list, op.index, op.command)
    case 'command.delete':
      return planCommandDelete(ctx, op.path)
    case 'command.move':
      return planCommandMove(ctx, op.path, op.list, op.index)
    case 'command.duplicate':
      return planCommandDuplicate(ctx, op.path)
    case 'option.add':
      return planOptionAdd(ctx, op.choice, op.key, op.option)
    case 'option.delete':
      return planOptionDelete(ctx, op.path)
    case 'option.move':
      return planOptionMove(ctx, op.path, op.before)
    case 'option.duplicate':
      return planOptionDuplicate(ctx, op.path)
    case 'option.setKey':
      return planOptionSetKey(ctx, op.path, op.key)
    case 'scalar.set':
      return planScalarSet(ctx, op.path, op.value)
    case 'reference.connect':
      return planConnect(ctx, op.path, op.target)
    case 'reference.disconnect':
      return planDisconnect(ctx, op.path)
    case 'field.set':
      return planFieldSet(ctx, op.path, op.value)
    case 'field.remove':
      return planFieldRemove(ctx, op.path)
    case 'key.rename':
      return op.path[op.path.length - 2] === 'params'
        ? planParamRename(ctx, op.path, op.name)
        : planKeyRename(ctx, op.path, op.name)
    case 'placeholder.quote':
      return planPlaceholderQuote(ctx, op.path)
    case 'paste':
      return planPaste(ctx, op.fragment, op.target)
    default:
      return assertNever(op)
  }
}

import { findInModel } from '../model/find.ts'
import type { IvrModel } from '../model/ivr.ts'
import { formatScalar } from '../yaml/format-scalar.ts'
import { parseIvr, type ParsedIvr } from '../yaml/parse-ivr.ts'
import type { IvrOp } from './op.ts'
import { applyEdits, type TextEdit } from './text-edit.ts'

/** The edits an op makes, and the text they give; or why the op was refused. */
export type OpResult =
  | { readonly ok: true; readonly edits: readonly TextEdit[]; readonly text: string }
  | { readonly ok: false; readonly error: string; readonly args?: Readonly<Record<string, string>> }

/**
 * Computes the text edits of an op against the exact text of `parsed`, applies them, re-reads
 * the result and checks that it says what the op intended. An op that would not is refused with
 * a message id (`op.error.*`), and the text stays as it was.
 */
export function applyOp(
  parsed: ParsedIvr,
  op: IvrOp,
  parse: (text: string) => ParsedIvr = (text) => parseIvr(text),
): OpResult {
  if (!parsed.readable) return { ok: false, error: 'op.error.unreadable' }
  const planned = planEdits(parsed, op)
  if (!('edits' in planned)) return planned
  const applied = applyEdits(parsed.text, planned.edits)
  if (!applied.ok) return { ok: false, error: 'op.error.conflict' }
  const after = parse(applied.text)
  if (!after.readable || !intended(after.model, op)) return { ok: false, error: 'op.error.unexpected' }
  return { ok: true, edits: planned.edits, text: applied.text }
}

type Planned = { edits: TextEdit[] } | { ok: false; error: string; args?: Record<string, string> }

function planEdits(parsed: ParsedIvr, op: IvrOp): Planned {
  const { model, text } = parsed
  switch (op.type) {
    case 'section.add': {
      if (model.sections.some((s) => s.name === op.name)) {
        return { ok: false, error: 'op.error.section-exists', args: { name: op.name } }
      }
      return { edits: [appendSection(text, model, op.name)] }
    }
    case 'scalar.set': {
      const found = findInModel(model, op.path)
      if (found?.kind === 'text') {
        const { span, style, inFlow } = found.node
        return { edits: [{ offset: span.start, length: span.end - span.start, text: formatScalar(op.value, style, inFlow) }] }
      }
      if (found?.kind === 'command' && found.node.valueSpan === null) {
        // A bare word such as `- rign`.
        const { span } = found.node
        return { edits: [{ offset: span.start, length: span.end - span.start, text: formatScalar(op.value, 'plain') }] }
      }
      return { ok: false, error: 'op.error.not-found' }
    }
    case 'key.rename': {
      const found = findInModel(model, op.path.slice(0, -1))
      if (found?.kind !== 'command' || found.node.kind !== 'unknown') {
        return { ok: false, error: 'op.error.not-found' }
      }
      const { keySpan } = found.node
      return { edits: [{ offset: keySpan.start, length: keySpan.end - keySpan.start, text: formatScalar(op.name, 'plain') }] }
    }
    case 'placeholder.quote': {
      const found = findInModel(model, op.path)
      if (found?.kind !== 'param' || !found.node.unquotedPlaceholder) {
        return { ok: false, error: 'op.error.not-found' }
      }
      const { valueSpan, value } = found.node
      return { edits: [{ offset: valueSpan.start, length: valueSpan.end - valueSpan.start, text: formatScalar(value, 'double') }] }
    }
  }
}

/** What a new section holds: the usual thing for the entry sections, nothing for the rest. */
function newSectionBody(name: string, indent: string, eol: string): string {
  if (name === 'online') return `${eol}${indent}- ring${eol}`
  if (name === 'offline') return `${eol}${indent}- voicemail${eol}`
  return ` []${eol}`
}

/** Appends `name:` at the end of the text, indented and with line breaks like the rest. */
function appendSection(text: string, model: IvrModel, name: string): TextEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const indent = listIndent(text, model)
  const separator = text === '' || text.endsWith('\n') ? '' : eol
  return {
    offset: text.length,
    length: 0,
    text: `${separator}${formatScalar(name, 'plain')}:${newSectionBody(name, indent, eol)}`,
  }
}

/** The indentation of `- ` under a section name, as the document already writes it. */
function listIndent(text: string, model: IvrModel): string {
  for (const section of model.sections) {
    const first = section.commands[0]
    if (!first) continue
    const lineStart = text.lastIndexOf('\n', first.span.start - 1) + 1
    const dash = text.lastIndexOf('-', first.span.start - 1)
    if (dash >= lineStart && /^ *$/.test(text.slice(lineStart, dash))) return text.slice(lineStart, dash)
  }
  return '  '
}

/** Whether the re-read model shows what the op meant to do. */
function intended(model: IvrModel, op: IvrOp): boolean {
  switch (op.type) {
    case 'section.add':
      return model.sections.some((s) => s.name === op.name)
    case 'scalar.set': {
      const found = findInModel(model, op.path)
      if (found?.kind === 'text') return found.node.value === op.value
      return found?.kind === 'command' && found.node.kind === op.value
    }
    case 'key.rename': {
      const found = findInModel(model, op.path.slice(0, -1))
      return found?.kind === 'command' && found.node.kind === op.name
    }
    case 'placeholder.quote': {
      const found = findInModel(model, op.path)
      return found?.kind === 'param' && !found.node.unquotedPlaceholder
    }
  }
}

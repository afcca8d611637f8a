import { useCallback, useDeferredValue, useMemo, useState } from 'react'
import type { IvrOp } from '../../ops/op.ts'
import type { Diagnostic } from '../../validate/diagnostic.ts'
import { useAppState } from '../state/store-context.tsx'
import { inScope, opForField, scopeAfter, type ValueField } from './fields.ts'
import type { Refusal } from './FieldMessages.tsx'
import { newDiagnostics } from './inspected.ts'
import type { InspectorEdit } from './use-inspector-edit.ts'

/** A field's value as typed, what it would lead to, and how to apply or drop it. */
export interface FieldDraft {
  readonly draft: string
  setDraft(value: string): void
  /** Whether the typed value differs from the document's. */
  readonly dirty: boolean
  /** Why the typed value cannot be applied, when an op would refuse it. */
  readonly refusal: Refusal | null
  /** The field's problems: as the value stands, or as the typed value would make them. */
  readonly diagnostics: readonly Diagnostic[]
  /** Problems the typed value would newly cause outside the field. */
  readonly elsewhere: readonly Diagnostic[]
  /** Applies `value` (default: the typed value); `false` when it was refused and is kept. */
  commit(value?: string, ops?: readonly IvrOp[]): boolean
  /** Drops the typed value for the document's. */
  revert(): void
}

/**
 * The editing state of one field. The typed value is tried against the current text on every
 * change (deferred, so typing stays smooth) with the same parse and validation as the document;
 * it is applied only by `commit`. While the document changes elsewhere, an untouched field
 * follows it and a typed value stays.
 */
export function useFieldDraft(field: ValueField, edit: InspectorEdit): FieldDraft {
  const view = useAppState((s) => s.document.view)
  const [draft, setDraftState] = useState(field.value)
  const [base, setBase] = useState(field.value)
  const [committed, setCommitted] = useState<Refusal | null>(null)
  if (field.value !== base) {
    setBase(field.value)
    if (draft === base) setDraftState(field.value)
    setCommitted(null)
  }
  // While the document's value changes under the field (typed in the YAML), the draft follows it
  // one render later: not a value the admin typed.
  const untouched = draft === field.value || draft === base
  // Only a value the admin typed is tried, and deferred so that typing stays smooth; while the
  // field follows the document nothing is deferred, so a keystroke in the YAML does not render
  // the inspector a second time.
  const typed = useDeferredValue(untouched ? null : draft) ?? field.value
  const preview = useMemo(() => {
    // An untouched field shows the document's own problems: no need to try it on every change.
    if (untouched || typed === field.value) return null
    const op = opForField(field, typed)
    return op ? edit.preview(op) : null
    // The preview is of the current text: a new view tries the typed value again.
  }, [field, typed, untouched, edit, view])

  const { diagnostics, elsewhere, refusal } = useMemo(() => {
    if (!preview) {
      return {
        diagnostics: view.diagnostics.filter((d) => inScope(field.scope, d)),
        elsewhere: [],
        refusal: null,
      }
    }
    if (!preview.ok) {
      const reason: Refusal = preview.args
        ? { error: preview.error, args: preview.args }
        : { error: preview.error }
      return { diagnostics: [], elsewhere: [], refusal: reason }
    }
    const scope = scopeAfter(field, typed)
    return {
      diagnostics: preview.diagnostics.filter((d) => inScope(scope, d)),
      elsewhere: newDiagnostics(view.diagnostics, preview.diagnostics).filter(
        (d) => !inScope(scope, d) && d.severity !== 'info',
      ),
      refusal: null,
    }
  }, [preview, view, field, typed])

  const setDraft = useCallback((value: string) => {
    setDraftState(value)
    setCommitted(null)
  }, [])

  const commit = useCallback(
    (value?: string, ops?: readonly IvrOp[]) => {
      const next = value ?? draft
      if (value !== undefined) setDraftState(value)
      const op = ops ?? opForField(field, next)
      if (!op) {
        setCommitted(null)
        return true
      }
      const result = edit.commit(op)
      if (!result.ok) {
        setCommitted(
          result.args ? { error: result.error, args: result.args } : { error: result.error },
        )
        return false
      }
      setCommitted(null)
      return true
    },
    [draft, field, edit],
  )

  const revert = useCallback(() => {
    setDraftState(field.value)
    setCommitted(null)
  }, [field.value])

  return {
    draft,
    setDraft,
    dirty: draft !== field.value,
    refusal: committed ?? refusal,
    diagnostics,
    elsewhere,
    commit,
    revert,
  }
}

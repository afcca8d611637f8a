import { useId, type ReactNode, type Ref } from 'react'
import type { ValueField } from './fields.ts'
import { FieldMessages } from './FieldMessages.tsx'
import styles from './Inspector.module.css'
import type { FieldDraft } from './use-field-draft.ts'

/** A labelled field: the label row, the control, a hint, and the field's messages. */
export function FieldFrame(props: {
  label: string
  /** The control's id, for the label. */
  htmlFor?: string
  /** Extra content at the end of the label row, such as a count. */
  aside?: ReactNode
  hint?: ReactNode
  testId: string
  children: ReactNode
}) {
  return (
    <div className={styles.field} data-testid={props.testId}>
      <div className={styles.labelRow}>
        {props.htmlFor ? (
          <label className={styles.label} htmlFor={props.htmlFor}>
            {props.label}
          </label>
        ) : (
          <span className={styles.label}>{props.label}</span>
        )}
        {props.aside}
      </div>
      {props.children}
      {props.hint && <div className={styles.hint}>{props.hint}</div>}
    </div>
  )
}

/**
 * A one-line text input bound to a field's draft: Enter or leaving the field applies the value,
 * Escape puts the document's value back. The field's problems show under it as the admin types.
 */
export function TextField(props: {
  field: ValueField
  draft: FieldDraft
  label: string
  placeholder?: string
  hint?: ReactNode
  mono?: boolean
  disabled?: boolean
  /** Buttons inside the input's box, at its end. */
  trailing?: ReactNode
  /** Content between the input and the messages, such as the recording a URL names. */
  below?: ReactNode
  inputRef?: Ref<HTMLInputElement>
  testId: string
}) {
  const { draft, field } = props
  const id = useId()
  const messagesId = `${id}-messages`
  const invalid = draft.refusal !== null || draft.diagnostics.some((d) => d.severity === 'error')
  return (
    <FieldFrame label={props.label} htmlFor={id} hint={props.hint} testId={props.testId}>
      <div
        className={styles.inputBox}
        data-invalid={invalid || undefined}
        data-dirty={draft.dirty || undefined}
      >
        <input
          ref={props.inputRef}
          id={id}
          className={`${styles.input} ${props.mono ? styles.mono : ''}`}
          value={draft.draft}
          placeholder={props.placeholder}
          disabled={props.disabled}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid || undefined}
          aria-describedby={messagesId}
          data-field={field.id}
          onChange={(event) => draft.setDraft(event.target.value)}
          onBlur={() => {
            if (draft.dirty) draft.commit()
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              draft.commit()
            } else if (event.key === 'Escape') {
              if (!draft.dirty && draft.refusal === null) return
              event.preventDefault()
              event.stopPropagation()
              draft.revert()
            }
          }}
        />
        {props.trailing}
      </div>
      {props.below}
      <FieldMessages
        id={messagesId}
        refusal={draft.refusal}
        diagnostics={draft.diagnostics}
        elsewhere={draft.elsewhere}
        pending={draft.dirty}
      />
    </FieldFrame>
  )
}

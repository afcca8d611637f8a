import { useId, useMemo, useRef, useState, type KeyboardEvent, type MutableRefObject } from 'react'
import { DTMF_VALUE, PLACEHOLDERS } from '../../model/commands.ts'
import type { FetchNode } from '../../model/ivr.ts'
import type { IvrPath } from '../../model/path.ts'
import { TrashIcon } from '../recordings/recording-icons.tsx'
import { useLocale } from '../state/use-locale.ts'
import { paramFields, type ParamFields, type ValueField } from './fields.ts'
import { FieldMessages, type Refusal } from './FieldMessages.tsx'
import { PlusIcon } from './inspector-icons.tsx'
import styles from './Inspector.module.css'
import { useFieldDraft, type FieldDraft } from './use-field-draft.ts'
import type { InspectorEdit } from './use-inspector-edit.ts'

/** Puts text at the caret of the value input that had the keyboard last. */
type Inserter = (text: string) => void

/** The placeholders a parameter value may use, with the message that explains each. */
export function placeholdersFor(kind: 'fetch' | 'dtmf'): {
  text: string
  help:
    | 'inspector.params.from'
    | 'inspector.params.to'
    | 'inspector.params.conv'
    | 'inspector.params.dtmf'
}[] {
  const help = {
    from_number: 'inspector.params.from',
    to_number: 'inspector.params.to',
    conv_code: 'inspector.params.conv',
  } as const
  const list = PLACEHOLDERS.map((name) => ({ text: `{$${name}}`, help: help[name] }))
  return kind === 'dtmf'
    ? [...list, { text: DTMF_VALUE, help: 'inspector.params.dtmf' as const }]
    : list
}

/**
 * The parameters sent to a fetch's or dtmf's URL as a table of names and values: rename, change
 * or remove each, add one below; the placeholders the phone system fills in go into the value
 * being edited with one click.
 */
export function ParamsTable(props: {
  command: FetchNode
  commandPath: IvrPath
  edit: InspectorEdit
  disabled?: boolean
}) {
  const { t } = useLocale()
  const { command, commandPath, edit } = props
  const rows = useMemo(() => paramFields(command, commandPath), [command, commandPath])
  const insert = useRef<Inserter | null>(null)
  const helpId = useId()
  const kind = command.kind === 'dtmf' ? 'dtmf' : 'fetch'

  return (
    <div className={styles.field} data-testid="inspector-field-params">
      <div className={styles.labelRow}>
        <span className={styles.label}>{t('inspector.params')}</span>
        <span className={styles.labelNote}>{rows.length}</span>
      </div>
      <div className={styles.paramsTable} role="table" aria-label={t('inspector.params')}>
        <div role="row" className={styles.paramsHead}>
          <span role="columnheader">{t('inspector.params.name')}</span>
          <span role="columnheader">{t('inspector.params.value')}</span>
          <span role="columnheader" className="visually-hidden">
            {t('inspector.params.actions')}
          </span>
        </div>
        {rows.map((row) => (
          <ParamRow
            key={row.name.id}
            row={row}
            edit={edit}
            insert={insert}
            disabled={props.disabled}
          />
        ))}
        <NewParamRow
          paramsPath={[...commandPath, command.kind, 'params']}
          edit={edit}
          insert={insert}
          disabled={props.disabled}
        />
      </div>
      <div className={styles.placeholders} aria-describedby={helpId}>
        {placeholdersFor(kind).map((placeholder) => (
          <button
            key={placeholder.text}
            type="button"
            className={styles.placeholderChip}
            title={t(placeholder.help)}
            disabled={props.disabled}
            data-placeholder={placeholder.text}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => insert.current?.(placeholder.text)}
          >
            {placeholder.text}
          </button>
        ))}
      </div>
      <div id={helpId} className={styles.hint}>
        {t(kind === 'dtmf' ? 'inspector.params.help.dtmf' : 'inspector.params.help')}
      </div>
    </div>
  )
}

/** Keys of a cell input: Enter applies, Escape puts the document's value back. */
function cellKeys(draft: FieldDraft) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      draft.commit()
    } else if (event.key === 'Escape' && (draft.dirty || draft.refusal)) {
      event.preventDefault()
      event.stopPropagation()
      draft.revert()
    }
  }
}

/** A function that inserts text at the caret of `input` into `draft`. */
function inserterFor(input: HTMLInputElement | null, draft: FieldDraft): Inserter {
  return (text) => {
    const value = input?.value ?? draft.draft
    const start = input?.selectionStart ?? value.length
    const end = input?.selectionEnd ?? value.length
    draft.setDraft(value.slice(0, start) + text + value.slice(end))
    requestAnimationFrame(() => {
      input?.setSelectionRange(start + text.length, start + text.length)
    })
  }
}

function ParamRow(props: {
  row: ParamFields
  edit: InspectorEdit
  insert: MutableRefObject<Inserter | null>
  disabled?: boolean
}) {
  const { t } = useLocale()
  const { row, edit } = props
  const name = useFieldDraft(row.name, edit)
  const value = useFieldDraft(row.value, edit)
  const [removal, setRemoval] = useState<Refusal | null>(null)
  const valueInput = useRef<HTMLInputElement>(null)
  const id = useId()
  const invalid = (draft: FieldDraft) =>
    draft.refusal !== null || draft.diagnostics.some((d) => d.severity === 'error') || undefined

  return (
    <>
      <div role="row" className={styles.paramsRow} data-param={row.name.value}>
        <span
          role="cell"
          className={styles.cell}
          data-invalid={invalid(name)}
          data-dirty={name.dirty || undefined}
        >
          <input
            className={`${styles.cellInput} ${styles.mono}`}
            value={name.draft}
            aria-label={t('inspector.params.name-of', { name: row.name.value })}
            aria-describedby={`${id}-messages`}
            aria-invalid={invalid(name)}
            disabled={props.disabled}
            spellCheck={false}
            autoComplete="off"
            data-param-name={row.name.value}
            onChange={(event) => name.setDraft(event.target.value)}
            onBlur={() => name.dirty && name.commit()}
            onKeyDown={cellKeys(name)}
          />
        </span>
        <span
          role="cell"
          className={styles.cell}
          data-invalid={invalid(value)}
          data-dirty={value.dirty || undefined}
        >
          <input
            ref={valueInput}
            className={`${styles.cellInput} ${styles.mono}`}
            value={value.draft}
            aria-label={t('inspector.params.value-of', { name: row.name.value })}
            aria-describedby={`${id}-messages`}
            aria-invalid={invalid(value)}
            disabled={props.disabled}
            spellCheck={false}
            autoComplete="off"
            data-param-value={row.name.value}
            onFocus={() => (props.insert.current = inserterFor(valueInput.current, value))}
            onChange={(event) => value.setDraft(event.target.value)}
            onBlur={() => value.dirty && value.commit()}
            onKeyDown={cellKeys(value)}
          />
        </span>
        <span role="cell" className={styles.cellAction}>
          <button
            type="button"
            className={styles.iconButton}
            aria-label={t('inspector.params.remove', { name: row.name.value })}
            title={t('inspector.params.remove', { name: row.name.value })}
            disabled={props.disabled}
            onClick={() => {
              const result = edit.commit({ type: 'field.remove', path: row.name.path })
              setRemoval(
                result.ok
                  ? null
                  : result.args
                    ? { error: result.error, args: result.args }
                    : { error: result.error },
              )
            }}
          >
            <TrashIcon size={14} />
          </button>
        </span>
      </div>
      <FieldMessages
        id={`${id}-messages`}
        refusal={removal ?? name.refusal ?? value.refusal}
        diagnostics={[...name.diagnostics, ...value.diagnostics]}
        elsewhere={[...name.elsewhere, ...value.elsewhere]}
        pending={name.dirty || value.dirty}
      />
    </>
  )
}

/** The last row of the table: a name and a value to add as a new parameter. */
function NewParamRow(props: {
  paramsPath: IvrPath
  edit: InspectorEdit
  insert: MutableRefObject<Inserter | null>
  disabled?: boolean
}) {
  const { t } = useLocale()
  const [name, setName] = useState('')
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const nameInput = useRef<HTMLInputElement>(null)
  const valueInput = useRef<HTMLInputElement>(null)
  const id = useId()
  // The value cell is a draft of a field that does not exist yet: adding it is setting it.
  const field = useMemo<Extract<ValueField, { kind: 'text' }>>(
    () => ({
      id: 'param-new',
      kind: 'text',
      role: 'param-value',
      optional: false,
      path: [...props.paramsPath, name.trim()],
      // Never equal to a typed value, so that an empty value can be added too.
      value: '\u0000',
      scope: { path: [...props.paramsPath, name.trim()] },
    }),
    [props.paramsPath, name],
  )
  const value = useFieldDraft(field, props.edit)
  const typedValue = value.draft === '\u0000' ? '' : value.draft
  const ready = name.trim() !== ''

  const add = () => {
    if (!ready) {
      nameInput.current?.focus()
      return
    }
    const result = props.edit.commit({ type: 'field.set', path: field.path, value: typedValue })
    if (!result.ok) {
      setRefusal(result.args ? { error: result.error, args: result.args } : { error: result.error })
      return
    }
    setRefusal(null)
    setName('')
    value.setDraft('\u0000')
    nameInput.current?.focus()
  }
  const keys = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      add()
    } else if (event.key === 'Escape' && (name !== '' || typedValue !== '')) {
      event.preventDefault()
      event.stopPropagation()
      setName('')
      value.setDraft('\u0000')
      setRefusal(null)
    }
  }
  const shownRefusal = refusal ?? (ready ? value.refusal : null)

  return (
    <>
      <div role="row" className={`${styles.paramsRow} ${styles.paramsNew}`}>
        <span role="cell" className={styles.cell}>
          <input
            ref={nameInput}
            className={`${styles.cellInput} ${styles.mono}`}
            value={name}
            placeholder={t('inspector.params.new-name')}
            aria-label={t('inspector.params.new-name')}
            aria-describedby={`${id}-messages`}
            disabled={props.disabled}
            spellCheck={false}
            autoComplete="off"
            data-param-new="name"
            onChange={(event) => {
              setName(event.target.value)
              setRefusal(null)
            }}
            onKeyDown={keys}
          />
        </span>
        <span role="cell" className={styles.cell}>
          <input
            ref={valueInput}
            className={`${styles.cellInput} ${styles.mono}`}
            value={typedValue}
            placeholder={t('inspector.params.new-value')}
            aria-label={t('inspector.params.new-value')}
            aria-describedby={`${id}-messages`}
            disabled={props.disabled}
            spellCheck={false}
            autoComplete="off"
            data-param-new="value"
            onFocus={() => (props.insert.current = inserterFor(valueInput.current, value))}
            onChange={(event) => value.setDraft(event.target.value)}
            onKeyDown={keys}
          />
        </span>
        <span role="cell" className={styles.cellAction}>
          <button
            type="button"
            className={styles.iconButton}
            aria-label={t('inspector.params.add')}
            title={t('inspector.params.add')}
            disabled={props.disabled || !ready}
            data-testid="inspector-param-add"
            onClick={add}
          >
            <PlusIcon size={14} />
          </button>
        </span>
      </div>
      <FieldMessages
        id={`${id}-messages`}
        refusal={shownRefusal}
        diagnostics={ready ? value.diagnostics : []}
        elsewhere={ready ? value.elsewhere : []}
        pending
      />
    </>
  )
}

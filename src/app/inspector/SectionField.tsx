import { useId, useMemo, useRef, useState, type ReactNode } from 'react'
import type { IvrModel } from '../../model/ivr.ts'
import type { IvrOp } from '../../ops/op.ts'
import { ChevronDownIcon } from '../components/icons.tsx'
import { useLocale } from '../state/use-locale.ts'
import type { ValueField } from './fields.ts'
import { FieldMessages } from './FieldMessages.tsx'
import { Floating } from './Floating.tsx'
import { sectionChoices } from './inspected.ts'
import { ArrowRightIcon, PlusIcon } from './inspector-icons.tsx'
import styles from './Inspector.module.css'
import { FieldFrame } from './TextField.tsx'
import type { FieldDraft } from './use-field-draft.ts'

type SectionRef = Extract<ValueField, { kind: 'section' }>

/** One entry of the section list. */
type Choice =
  | {
      readonly kind: 'section'
      readonly name: string
      readonly entry: boolean
      readonly own: boolean
    }
  | { readonly kind: 'new'; readonly name: string }
  | { readonly kind: 'none' }

/**
 * A combobox of the IVR's sections for a goto, an option's goto or an onError: type to filter,
 * pick with the arrow keys and Enter, or name a section that does not exist yet and create it
 * with the link in one step. An onError can be left empty to remove it.
 */
export function SectionField(props: {
  field: SectionRef
  draft: FieldDraft
  model: IvrModel
  /** The section the item stands in: new sections go after it. */
  ownSection: string
  label: string
  hint?: ReactNode
  disabled?: boolean
  /** Selects a section, to go and see it. */
  onShow(name: string): void
  testId: string
}) {
  const { t } = useLocale()
  const { field, draft, model } = props
  const id = useId()
  const listId = `${id}-list`
  const messagesId = `${id}-messages`
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const box = useRef<HTMLDivElement>(null)

  const query = draft.dirty ? draft.draft : ''
  const choices = useMemo<Choice[]>(() => {
    const list: Choice[] = sectionChoices(model, props.ownSection, query).map((s) => ({
      kind: 'section',
      name: s.name,
      entry: s.entry !== null,
      own: s.own,
    }))
    const typed = query.trim()
    if (typed !== '' && !model.sections.some((s) => s.name === typed))
      list.push({ kind: 'new', name: typed })
    if (field.optional && field.value !== '') list.push({ kind: 'none' })
    return list
  }, [model, props.ownSection, query, field.optional, field.value])
  const activeIndex = Math.min(active, choices.length - 1)

  const choose = (choice: Choice) => {
    setOpen(false)
    if (choice.kind === 'none') draft.commit('')
    else if (choice.kind === 'section') draft.commit(choice.name)
    else {
      const ops: IvrOp[] = [
        { type: 'section.add', name: choice.name, after: props.ownSection },
        { type: 'reference.connect', path: field.referrer, target: choice.name },
      ]
      draft.commit(choice.name, ops)
    }
  }

  const invalid = draft.refusal !== null || draft.diagnostics.some((d) => d.severity === 'error')
  const exists = field.value !== '' && model.sections.some((s) => s.name === field.value)
  const optionId = (index: number) => `${id}-option-${index}`

  return (
    <FieldFrame label={props.label} htmlFor={id} hint={props.hint} testId={props.testId}>
      <div className={styles.combo}>
        <div
          ref={box}
          className={styles.inputBox}
          data-invalid={invalid || undefined}
          data-dirty={draft.dirty || undefined}
        >
          <input
            ref={input}
            id={id}
            role="combobox"
            className={styles.input}
            value={draft.draft}
            placeholder={
              field.optional ? t('inspector.section.none') : t('inspector.section.placeholder')
            }
            disabled={props.disabled}
            spellCheck={false}
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open && choices.length > 0 ? optionId(activeIndex) : undefined}
            aria-invalid={invalid || undefined}
            aria-describedby={messagesId}
            data-field={field.id}
            onChange={(event) => {
              draft.setDraft(event.target.value)
              setActive(0)
              setOpen(true)
            }}
            onClick={() => setOpen(true)}
            onBlur={() => {
              setOpen(false)
              if (draft.dirty) draft.commit()
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault()
                if (!open) {
                  setOpen(true)
                  return
                }
                const step = event.key === 'ArrowDown' ? 1 : -1
                setActive((activeIndex + step + choices.length) % Math.max(1, choices.length))
              } else if (event.key === 'Enter') {
                event.preventDefault()
                const choice = open ? choices[activeIndex] : undefined
                if (choice) choose(choice)
                else draft.commit()
              } else if (event.key === 'Escape') {
                if (open) {
                  event.preventDefault()
                  event.stopPropagation()
                  setOpen(false)
                } else if (draft.dirty || draft.refusal) {
                  event.preventDefault()
                  event.stopPropagation()
                  draft.revert()
                }
              }
            }}
          />
          <button
            type="button"
            className={styles.inputButton}
            tabIndex={-1}
            aria-label={t('inspector.section.list')}
            disabled={props.disabled}
            onMouseDown={(event) => {
              event.preventDefault()
              input.current?.focus()
              setOpen((was) => !was)
            }}
          >
            <ChevronDownIcon size={14} />
          </button>
          {exists && (
            <button
              type="button"
              className={styles.inputButton}
              title={t('inspector.section.show', { name: field.value })}
              aria-label={t('inspector.section.show', { name: field.value })}
              onClick={() => props.onShow(field.value)}
            >
              <ArrowRightIcon size={14} />
            </button>
          )}
        </div>
        {open && !props.disabled && (
          <Floating anchor={box} width="anchor">
            <ul id={listId} role="listbox" className={styles.listbox} aria-label={props.label}>
              {choices.length === 0 && (
                <li className={styles.listEmpty}>{t('inspector.section.empty')}</li>
              )}
              {choices.map((choice, index) => (
                <li
                  key={choice.kind === 'none' ? '\u0000none' : `${choice.kind}:${choice.name}`}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === activeIndex}
                  className={styles.listOption}
                  data-choice={choice.kind}
                  data-current={
                    choice.kind === 'section' && choice.name === field.value ? true : undefined
                  }
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => choose(choice)}
                >
                  {choice.kind === 'section' && (
                    <>
                      <span
                        className={styles.sectionDot}
                        data-entry={choice.entry || undefined}
                        aria-hidden="true"
                      />
                      <span className={styles.optionText}>{choice.name}</span>
                      {choice.own && (
                        <span className={styles.optionNote}>{t('inspector.section.own')}</span>
                      )}
                      {choice.entry && !choice.own && (
                        <span className={styles.optionNote}>{t('canvas.card.entry')}</span>
                      )}
                    </>
                  )}
                  {choice.kind === 'new' && (
                    <>
                      <PlusIcon size={14} />
                      <span className={styles.optionText}>
                        {t('inspector.section.new', { name: choice.name })}
                      </span>
                    </>
                  )}
                  {choice.kind === 'none' && (
                    <span className={`${styles.optionText} ${styles.muted}`}>
                      {t('inspector.section.remove')}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </Floating>
        )}
      </div>
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

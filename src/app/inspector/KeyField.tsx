import { useId, useRef, type KeyboardEvent } from 'react'
import type { ChoiceNode } from '../../model/ivr.ts'
import { useLocale } from '../state/use-locale.ts'
import type { ValueField } from './fields.ts'
import { FieldMessages } from './FieldMessages.tsx'
import { keySlots } from './inspected.ts'
import styles from './Inspector.module.css'
import { FieldFrame } from './TextField.tsx'
import type { FieldDraft } from './use-field-draft.ts'

/** The keys in the order of a phone's keypad, row by row. */
const KEYPAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const

/**
 * The key a caller presses for an option, as a phone keypad: the option's key is pressed, keys
 * other options use are shown as taken (with their names), a free key is taken by clicking it.
 * A radio group: the arrow keys move between keys, Space or Enter takes one.
 */
export function KeyField(props: {
  field: Extract<ValueField, { kind: 'key' }>
  draft: FieldDraft
  choice: ChoiceNode
  disabled?: boolean
}) {
  const { t } = useLocale()
  const { field, draft } = props
  const labelId = useId()
  const messagesId = `${labelId}-messages`
  const slots = new Map(keySlots(props.choice, field.value).map((slot) => [slot.key, slot]))
  const used = props.choice.options.length
  // An option whose key is no keypad key (`x`) still lets the keypad take the keyboard.
  const hasCurrent = [...slots.values()].some((slot) => slot.current)
  const grid = useRef<HTMLDivElement>(null)

  const focusKey = (key: string) =>
    grid.current?.querySelector<HTMLButtonElement>(`[data-key="${CSS.escape(key)}"]`)?.focus()

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = (event.target as HTMLElement).dataset.key
    const at = KEYPAD.indexOf(current as (typeof KEYPAD)[number])
    if (at === -1) return
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: 3,
      ArrowUp: -3,
    }
    const step = moves[event.key]
    if (step === undefined) return
    event.preventDefault()
    focusKey(KEYPAD[(at + step + KEYPAD.length) % KEYPAD.length]!)
  }

  return (
    <FieldFrame
      label={t('inspector.key')}
      testId="inspector-field-key"
      aside={<span className={styles.labelNote}>{t('inspector.key.used', { count: used })}</span>}
    >
      <span id={labelId} className="visually-hidden">
        {t('inspector.key')}
      </span>
      <div
        ref={grid}
        role="radiogroup"
        aria-labelledby={labelId}
        aria-describedby={messagesId}
        className={styles.keypad}
        onKeyDown={onKeyDown}
      >
        {KEYPAD.map((key) => {
          const slot = slots.get(key)!
          const label = slot.taken
            ? t('inspector.key.taken', { key, name: slot.name ?? t('inspector.key.unnamed') })
            : slot.current
              ? t('inspector.key.current', { key })
              : t('inspector.key.free', { key })
          return (
            <button
              key={key}
              type="button"
              role="radio"
              aria-checked={slot.current}
              aria-disabled={slot.taken || props.disabled || undefined}
              aria-label={label}
              title={label}
              tabIndex={slot.current || (!hasCurrent && key === KEYPAD[0]) ? 0 : -1}
              className={styles.keypadKey}
              data-key={key}
              data-state={slot.current ? 'current' : slot.taken ? 'taken' : 'free'}
              onClick={() => {
                if (slot.taken || slot.current || props.disabled) return
                draft.commit(key)
              }}
            >
              <span className={styles.keypadDigit}>{key}</span>
              {slot.taken && <span className={styles.keypadName}>{slot.name ?? '·'}</span>}
            </button>
          )
        })}
      </div>
      <FieldMessages id={messagesId} refusal={draft.refusal} diagnostics={draft.diagnostics} />
    </FieldFrame>
  )
}

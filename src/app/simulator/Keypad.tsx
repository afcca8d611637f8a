import { KEY_LETTERS, KEYPAD } from './keypad.ts'
import styles from './Keypad.module.css'

/**
 * A phone's keypad. Keys in `offered` (a menu's options) stand out; `flash` is the key pressed
 * last on the computer's keyboard, lit for a moment as if pressed here.
 */
export function Keypad(props: {
  label: string
  offered: ReadonlySet<string>
  flash: string | null
  disabled?: boolean
  keyLabel: (key: string) => string
  onPress: (key: string) => void
}) {
  return (
    <div className={styles.keypad} role="group" aria-label={props.label} data-testid="keypad">
      {KEYPAD.map((key) => (
        <button
          key={key}
          type="button"
          className={styles.key}
          data-key={key}
          data-offered={props.offered.has(key) || undefined}
          data-flash={props.flash === key || undefined}
          disabled={props.disabled}
          aria-label={props.keyLabel(key)}
          onClick={() => props.onPress(key)}
        >
          <span className={styles.digit}>{key}</span>
          <span className={styles.letters} aria-hidden="true">
            {KEY_LETTERS[key] ?? '\u00a0'}
          </span>
        </button>
      ))}
    </div>
  )
}

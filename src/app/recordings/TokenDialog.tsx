import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import buttonStyles from '../components/Button.module.css'
import dialogStyles from '../components/Dialog.module.css'
import { useLocale } from '../state/use-locale.ts'
import { KeyIcon } from './recording-icons.tsx'
import { cleanToken } from './token.ts'
import styles from './TokenDialog.module.css'

/**
 * Asks for the server's access token in a modal dialog. `wrong` says that the token sent last
 * was refused. Answers the token typed, or `null` when the person cancels.
 */
export function TokenDialog({
  wrong,
  onAnswer,
}: {
  wrong: boolean
  onAnswer: (token: string | null) => void
}) {
  const { t } = useLocale()
  const ref = useRef<HTMLDialogElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const titleId = useId()
  const bodyId = useId()
  const inputId = useId()
  const [value, setValue] = useState('')
  const [empty, setEmpty] = useState(false)
  const answered = useRef(false)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || dialog.open) return
    dialog.showModal()
    input.current?.focus()
  }, [])

  const answer = (token: string | null) => {
    if (answered.current) return
    answered.current = true
    ref.current?.close()
    onAnswer(token)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const token = cleanToken(value)
    if (token === null) {
      setEmpty(true)
      input.current?.focus()
      return
    }
    answer(token)
  }

  const note = empty ? t('recordings.token.empty') : wrong ? t('recordings.token.wrong') : null
  return (
    <dialog
      ref={ref}
      className={dialogStyles.dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid="recordings-token-dialog"
      onCancel={(event) => {
        event.preventDefault()
        answer(null)
      }}
    >
      <form onSubmit={submit}>
        <div className={dialogStyles.body}>
          <div className={`${dialogStyles.badge} ${styles.badge}`}>
            <KeyIcon size={20} />
          </div>
          <h2 id={titleId} className={dialogStyles.title}>
            {t('recordings.token.title')}
          </h2>
          <div className={dialogStyles.content}>
            <p id={bodyId}>{t('recordings.token.body')}</p>
            <label className={styles.label} htmlFor={inputId}>
              {t('recordings.token.label')}
            </label>
            <input
              ref={input}
              id={inputId}
              className={styles.input}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={value}
              aria-invalid={note !== null}
              aria-describedby={note !== null ? `${inputId}-note` : undefined}
              onChange={(event) => {
                setValue(event.currentTarget.value)
                setEmpty(false)
              }}
            />
            {note !== null && (
              <p id={`${inputId}-note`} className={styles.note} role="alert">
                {note}
              </p>
            )}
            <p className={styles.hint}>{t('recordings.token.hint')}</p>
          </div>
        </div>
        <div className={dialogStyles.actions}>
          <button
            type="button"
            className={`${buttonStyles.button} ${buttonStyles.secondary}`}
            onClick={() => answer(null)}
          >
            {t('dialog.cancel')}
          </button>
          <button type="submit" className={`${buttonStyles.button} ${buttonStyles.primary}`}>
            {t('recordings.token.submit')}
          </button>
        </div>
      </form>
    </dialog>
  )
}

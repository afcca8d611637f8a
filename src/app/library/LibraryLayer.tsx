import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react'
import buttonStyles from '../components/Button.module.css'
import dialogStyles from '../components/Dialog.module.css'
import { CloseIcon } from '../components/icons.tsx'
import { isModalOpen, matchesShortcut, onApplePlatform, SHORTCUTS } from '../panels/shortcuts.ts'
import { TokenDialog } from '../recordings/TokenDialog.tsx'
import { useLocale } from '../state/use-locale.ts'
import { useLibrary, useLibraryStatus } from './library-context.tsx'
import { HistoryIcon } from '../versions/version-icons.tsx'
import { SaveIcon } from './library-icons.tsx'
import { LibraryDialog } from './LibraryDialog.tsx'
import type { LibrarySession } from './library-session.ts'
import styles from './LibraryLayer.module.css'

const MergeDialog = lazy(() => import('./MergeDialog.tsx'))

/**
 * Everything of the library that is not in the toolbar: autosave and the address kept running,
 * Ctrl/Cmd+S, the notice of restored changes, and the library, save message, token and merge
 * dialogs.
 */
export function LibraryLayer() {
  const session = useLibrary()
  if (session === null) return null
  return <Layer session={session} />
}

function Layer({ session }: { session: LibrarySession }) {
  const status = useLibraryStatus()

  useEffect(() => session.start(), [session])

  useEffect(() => {
    const apple = onApplePlatform()
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !matchesShortcut(event, SHORTCUTS.save, apple)) return
      // The browser's own "save page" is never what is meant here.
      event.preventDefault()
      if (!isModalOpen()) void session.save()
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [session])

  return (
    <>
      {status.restoredAt !== null && <RestoredNotice session={session} at={status.restoredAt} />}
      {status.dialog === 'library' && <LibraryDialog session={session} />}
      {status.dialog === 'message' && <SaveMessageDialog session={session} />}
      {status.merge !== null && (
        <Suspense fallback={null}>
          <MergeDialog session={session} merge={status.merge} />
        </Suspense>
      )}
      {status.tokenQuestion !== null && (
        <TokenDialog wrong={status.tokenQuestion.wrong} onAnswer={session.answerToken} />
      )}
    </>
  )
}

/** "12:03" today, else the date and time, in the app's language. */
export function formatWhen(at: number, locale: string, now = Date.now()): string {
  const date = new Date(at)
  const sameDay = new Date(now).toDateString() === date.toDateString()
  return new Intl.DateTimeFormat(
    locale,
    sameDay ? { hour: 'numeric', minute: '2-digit' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(date)
}

function RestoredNotice({ session, at }: { session: LibrarySession; at: number }) {
  const { t, locale } = useLocale()
  return (
    <div className={styles.notice} role="status" data-testid="restored-notice">
      <HistoryIcon className={styles.noticeIcon} />
      <span className={styles.noticeText}>
        {t('library.restored', { time: formatWhen(at, locale) })}
      </span>
      <button
        type="button"
        className={`${buttonStyles.button} ${buttonStyles.secondary} ${styles.noticeButton}`}
        title={t('library.restored.discard.title')}
        onClick={() => void session.discardRestored()}
      >
        {t('library.restored.discard')}
      </button>
      <button
        type="button"
        className={`${buttonStyles.button} ${buttonStyles.ghost} ${styles.noticeClose}`}
        aria-label={t('library.restored.keep')}
        title={t('library.restored.keep')}
        onClick={() => session.dismissRestored()}
      >
        <CloseIcon />
      </button>
    </div>
  )
}

function SaveMessageDialog({ session }: { session: LibrarySession }) {
  const { t } = useLocale()
  const ref = useRef<HTMLDialogElement>(null)
  const input = useRef<HTMLTextAreaElement>(null)
  const titleId = useId()
  const inputId = useId()
  const [message, setMessage] = useState('')

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || dialog.open) return
    dialog.showModal()
    input.current?.focus()
  }, [])

  const close = () => {
    ref.current?.close()
    session.showDialog(null)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    close()
    void session.save(message)
  }

  return (
    <dialog
      ref={ref}
      className={dialogStyles.dialog}
      aria-labelledby={titleId}
      data-testid="save-message-dialog"
      onCancel={(event) => {
        event.preventDefault()
        close()
      }}
    >
      <form onSubmit={submit}>
        <div className={dialogStyles.body}>
          <div className={`${dialogStyles.badge} ${styles.badge}`}>
            <SaveIcon size={20} />
          </div>
          <h2 id={titleId} className={dialogStyles.title}>
            {t('library.message.title')}
          </h2>
          <div className={dialogStyles.content}>
            <label className={styles.fieldLabel} htmlFor={inputId}>
              {t('library.message.label')}
            </label>
            <textarea
              ref={input}
              id={inputId}
              className={styles.textarea}
              rows={3}
              maxLength={1000}
              value={message}
              placeholder={t('library.message.placeholder')}
              onChange={(event) => setMessage(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event)
              }}
            />
          </div>
        </div>
        <div className={dialogStyles.actions}>
          <button
            type="button"
            className={`${buttonStyles.button} ${buttonStyles.secondary}`}
            onClick={close}
          >
            {t('dialog.cancel')}
          </button>
          <button type="submit" className={`${buttonStyles.button} ${buttonStyles.primary}`}>
            {t('library.save')}
          </button>
        </div>
      </form>
    </dialog>
  )
}

import { useEffect, useRef, useState } from 'react'
import { CheckCircleIcon, CloseIcon, ErrorIcon, InfoIcon } from '../components/icons.tsx'
import type { Toast } from '../state/toasts.ts'
import { useAppState, useDispatch } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import styles from './Toasts.module.css'

/** How long a toast stays, in milliseconds, unless the pointer or focus rests on it. */
export const TOAST_DURATION_MS = 5000

const ICONS = { info: InfoIcon, success: CheckCircleIcon, error: ErrorIcon } as const

/**
 * Short messages at the bottom centre, newest last: errors as alerts, everything else as status
 * messages. Each goes after five seconds, or at once with its dismiss button.
 */
export function Toasts() {
  const toasts = useAppState((s) => s.toasts)
  return (
    <div className={styles.stack} data-testid="toasts">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  )
}

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useLocale()
  const dispatch = useDispatch()
  const [paused, setPaused] = useState(false)
  const remaining = useRef(TOAST_DURATION_MS)

  useEffect(() => {
    if (paused) return
    const started = Date.now()
    const timer = setTimeout(
      () => dispatch({ type: 'toast.dismiss', id: toast.id }),
      remaining.current,
    )
    return () => {
      clearTimeout(timer)
      remaining.current = Math.max(1000, remaining.current - (Date.now() - started))
    }
  }, [paused, dispatch, toast.id])

  const Icon = ICONS[toast.tone]
  return (
    <div
      className={`${styles.toast} ${styles[toast.tone]}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      data-tone={toast.tone}
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span className={styles.icon}>
        <Icon size={18} />
      </span>
      <p className={styles.message}>{t(toast.messageId, toast.args)}</p>
      <button
        type="button"
        className={styles.dismiss}
        aria-label={t('toast.dismiss')}
        title={t('toast.dismiss')}
        onClick={() => dispatch({ type: 'toast.dismiss', id: toast.id })}
      >
        <CloseIcon size={14} />
      </button>
    </div>
  )
}
